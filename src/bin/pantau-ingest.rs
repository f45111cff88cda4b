//! The Web Worker that reads big CSV and OCDS files off the widget's main thread
//! (`src/app/worker/` has both sides of the exchange). Trunk builds it beside the widget
//! (`index.html`, `data-type="worker"`); it does nothing on other targets.

fn main() {
    #[cfg(target_arch = "wasm32")]
    pantau_pbj::app::worker::serve();
}
