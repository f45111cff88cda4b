//! Inside an iframe, the widget tells the host page its height whenever it changes, so that a
//! host snippet (README) can size the frame: Pantau's own versioned message
//! `{type: "pantau-pbj:height", version: 1, id, height}` and AMP's
//! `{sentinel: "amp", type: "embed-size", height}`. They go to the origin the page names with
//! the `host` option (`host=https://berita.example`), and to any parent only when it names
//! none; the host snippet decides whom to believe. They say nothing but the height.

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The message type of Pantau's height message.
pub const MESSAGE_TYPE: &str = "pantau-pbj:height";
/// A host that starts listening late asks with this message type; the widget answers with its
/// height at once.
pub const MEASURE_TYPE: &str = "pantau-pbj:measure";

fn message(fields: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (name, value) in fields {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object.into()
}

/// Starts reporting the page's height to the parent window, if the page is framed. `id` is the
/// host's name for this frame (the `id` parameter), echoed in every message; `host` the only
/// origin the messages go to, if the page names one.
pub fn report_to_parent(id: String, host: Option<String>) {
    let target = host.unwrap_or_else(|| "*".to_owned());
    let Some(window) = web_sys::window() else {
        return;
    };
    let parent = match window.parent() {
        Ok(Some(parent)) if parent != window => parent,
        _ => return,
    };
    // The body's own height: the document's would never shrink below the frame's.
    let Some(body) = window.document().and_then(|document| document.body()) else {
        return;
    };
    let last = Rc::new(Cell::new(0));
    let measured = body.clone();
    let report = Rc::new(move |always: bool| {
        let height = measured.get_bounding_client_rect().height().ceil().max(0.0) as i32;
        if height == last.get() && !always {
            return;
        }
        last.set(height);
        let height = JsValue::from(height);
        let ours = message(&[
            ("type", JsValue::from_str(MESSAGE_TYPE)),
            ("version", JsValue::from(1)),
            ("id", JsValue::from_str(&id)),
            ("height", height.clone()),
        ]);
        let amp = message(&[
            ("sentinel", JsValue::from_str("amp")),
            ("type", JsValue::from_str("embed-size")),
            ("height", height),
        ]);
        let _ = parent.post_message(&ours, &target);
        let _ = parent.post_message(&amp, &target);
    });
    let on_measure_request = Rc::clone(&report);
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let kind = js_sys::Reflect::get(&event.data(), &JsValue::from_str("type")).ok();
            if kind.and_then(|kind| kind.as_string()).as_deref() == Some(MEASURE_TYPE) {
                on_measure_request(true);
            }
        });
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
    // Browsers pause rendering, and so resize observers, in cross-origin frames out of view; DOM
    // changes are still observed there, and measuring forces layout: so the height is known
    // before the reader scrolls to the frame.
    let on_change = Rc::clone(&report);
    let on_mutation = Closure::<dyn Fn()>::new(move || on_change(false));
    if let Ok(observer) = web_sys::MutationObserver::new(on_mutation.as_ref().unchecked_ref()) {
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        options.set_attributes(true);
        options.set_character_data(true);
        let _ = observer.observe_with_options(&body, &options);
        std::mem::forget(observer);
        on_mutation.forget();
    }
    let on_resize = Closure::<dyn Fn()>::new(move || report(false));
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
        // The page lives as long as the frame: the observer and its callback too.
        std::mem::forget(observer);
        on_resize.forget();
    }
}
