//! Entry point: only mounts the widget.

#[cfg(target_arch = "wasm32")]
fn main() {
    pantau_pbj::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Pantau PBJ is a WebAssembly widget: build it with `trunk build --release`.");
}
