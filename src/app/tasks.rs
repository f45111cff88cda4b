//! Small browser chores shared by the loading code, the reading worker and the widget:
//! performance marks, giving the main thread back to the browser, seeding the hash maps.

use leptos::prelude::set_timeout;
use std::time::Duration;
use wasm_bindgen_futures::JsFuture;

/// A performance mark (for the benchmarks' split of the time to first chart).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}

/// Gives the main thread back to the browser for one task (to paint, take input). A message
/// to itself, not a zero timeout: browsers hold nested timeouts back for 4 ms each.
pub async fn yield_to_browser() {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return sleep(Duration::ZERO).await;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        channel.port1().set_onmessage(Some(&resolve));
    });
    if channel
        .port2()
        .post_message(&wasm_bindgen::JsValue::NULL)
        .is_err()
    {
        return sleep(Duration::ZERO).await;
    }
    let _ = JsFuture::from(promise).await;
    channel.port1().set_onmessage(None);
}

pub async fn sleep(wait: Duration) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let resolve = send_wrapper::SendWrapper::new(resolve);
        set_timeout(
            move || {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            },
            wait,
        );
    });
    let _ = JsFuture::from(promise).await;
}

/// Seeds the keys of the maps keyed by what a file says (`crate::hash`) from the browser's
/// random source, once: the standard library has none on the web.
pub fn seed_hashes() {
    static SEEDED: std::sync::Once = std::sync::Once::new();
    SEEDED.call_once(|| {
        let bits = || {
            let half = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
            (half() << 32) | half()
        };
        crate::hash::seed(bits(), bits());
    });
}
