//! Reading big files in a Web Worker: the file's text and the reader's memory live in the
//! worker, which is ended when the reading is done (WebAssembly memory never shrinks, so this is
//! the only way to give it back), and the page's main thread only decodes the packages, a batch
//! at a time, while the worker reads on. Both sides of the exchange are here;
//! `src/bin/pantau-ingest.rs` starts the worker side. The script embed on another origin starts
//! it from a `blob:` script that loads the worker's files; where no worker can start (a policy
//! that forbids it), the widget reads on its own thread.
//!
//! The exchange (typed in [`crate::load::messages`]): the worker is started as soon as the
//! file's length is known and says `Ready`; the widget tells it the length (`Reserve`: it makes
//! room while the file downloads), then sends the `Job` (the bytes, which move to the worker, and
//! what is known of them); the worker answers `Back` (read it yourself: a Pantau file with
//! ready-made sections; the bytes move back), or `Expect` (how many packages will likely come)
//! and the `Packages` in batches as they are read (binary, `wire::encode_packages`), then `Head`
//! (`wire::Head`: what else was read, and how many packages) and `Done`. The widget's side is
//! [`reader`], the worker's [`serve`].

mod reader;
mod serve;

pub use reader::{Job, Outcome, Reader};
pub use serve::serve;

use wasm_bindgen::{JsCast, JsValue};

/// A message of the exchange as it travels: its header ([`crate::load::messages`]) and its
/// payload, if any, whose buffer moves with it (no copy).
pub(super) fn envelope(
    header: Vec<u8>,
    payload: Option<&js_sys::Uint8Array>,
) -> (js_sys::Array, js_sys::Array) {
    let message = js_sys::Array::of1(&js_sys::Uint8Array::from(&header[..]));
    let transfer = js_sys::Array::new();
    if let Some(payload) = payload {
        message.push(payload);
        transfer.push(&payload.buffer());
    }
    (message, transfer)
}

/// The header and payload of a message; `None` for anything that is not one.
pub(super) fn opened(data: &JsValue) -> Option<(Vec<u8>, Option<js_sys::Uint8Array>)> {
    let message = data.dyn_ref::<js_sys::Array>()?;
    let header = message
        .get(0)
        .dyn_into::<js_sys::Uint8Array>()
        .ok()?
        .to_vec();
    let payload = message.get(1).dyn_into::<js_sys::Uint8Array>().ok();
    Some((header, payload))
}
