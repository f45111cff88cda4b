//! Entry point: mounts the widget on its page, and exports `mountElement` for `embed.js`.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::wasm_bindgen;

#[cfg(target_arch = "wasm32")]
fn main() {
    pantau_pbj::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Pantau PBJ is a WebAssembly widget: build it with `trunk build --release`.");
}

/// A widget mounted in a `<pantau-pbj>` element.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub struct Mounted(pantau_pbj::app::Mounted);

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
impl Mounted {
    /// Removes the widget (its reactive owner, listeners and any fetch in flight).
    pub fn unmount(&mut self) {
        self.0.unmount();
    }
}

/// Mounts a widget into `container`, configured by `options` (the element's attributes as a
/// query string).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen(js_name = mountElement)]
pub fn mount_element(container: web_sys::HtmlElement, options: String) -> Mounted {
    Mounted(pantau_pbj::app::mount_element(container, options))
}
