//! The browser layer: configuration from the page address, fetching, and thin Leptos
//! components around the pure views.

mod chart_view;
mod config;
mod download;
mod fetch;
mod filter_bar;
mod footer;
mod height;
mod panel_view;
mod share;
mod status;
mod table_view;
mod widget;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What replaces the widget if its code fails: fixed text, in both languages.
const CRASH_MESSAGE: &str = "Pantau PBJ berhenti karena galat; muat ulang halaman. / Pantau PBJ stopped because of an error; reload the page.";

/// Mounts the widget into `#pantau` (or the body when the page has no such element).
pub fn mount() {
    // With `panic = "abort"` nothing runs after a panic but this hook: it leaves a message
    // where the widget was, never a frozen or blank frame.
    std::panic::set_hook(Box::new(|_| {
        if let Some(host) = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id("pantau"))
        {
            host.set_text_content(Some(CRASH_MESSAGE));
            let _ = host.set_attribute("role", "alert");
        }
    }));
    let config = config::Config::from_location();
    height::report_to_parent(config.frame_id.clone());
    let host = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("pantau"))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    match host {
        Some(host) => {
            host.set_inner_html("");
            leptos::mount::mount_to(host, move || view! { <widget::Widget config /> }).forget();
        }
        None => leptos::mount::mount_to_body(move || view! { <widget::Widget config /> }),
    }
}
