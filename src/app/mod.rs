//! The browser layer: configuration from the page address, fetching, and thin Leptos
//! components around the pure views.

mod chart_view;
mod combo_box;
mod compare_view;
mod config;
mod download;
mod fetch;
mod filter_bar;
mod footer;
mod header;
mod height;
mod legend;
mod panel_view;
mod root;
mod share;
mod snapshot;
mod status;
mod svg_patch;
mod table_view;
mod tasks;
mod transfer;
mod widget;
pub mod worker;

use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

/// A part of a view that follows signals, as one type: every such part shares one copy of
/// Leptos' code for re-rendering it, where each closure type would bring its own.
pub(crate) type Live = std::sync::Arc<std::sync::Mutex<dyn FnMut() -> AnyView + Send>>;

/// `part` as a [`Live`] part of a view.
pub(crate) fn live(part: impl FnMut() -> AnyView + Send + 'static) -> Live {
    std::sync::Arc::new(std::sync::Mutex::new(part))
}

/// What replaces the widget if its code fails: fixed text, in both languages.
const CRASH_MESSAGE: &str = "Pantau PBJ berhenti karena galat; muat ulang halaman. / Pantau PBJ stopped because of an error; reload the page.";

thread_local! {
    /// Every element a widget is mounted in, for the panic hook.
    static CONTAINERS: RefCell<Vec<web_sys::HtmlElement>> = const { RefCell::new(Vec::new()) };
}

/// With `panic = "abort"` nothing runs after a panic but this hook: it leaves a message where
/// each widget was, never a frozen or blank frame.
fn install_panic_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|_| {
            CONTAINERS.with(|containers| {
                if let Ok(containers) = containers.try_borrow() {
                    for container in containers.iter() {
                        container.set_text_content(Some(CRASH_MESSAGE));
                        let _ = container.set_attribute("role", "alert");
                    }
                }
            });
        }))
    });
}

/// The widget's page: mounts into `#pantau`, configured by the page address. A page without
/// that element (a host page that loaded `embed.js`) mounts nothing here: its `<pantau-pbj>`
/// elements mount themselves through [`mount_element`].
pub fn mount() {
    install_panic_hook();
    tasks::seed_hashes();
    let host = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("pantau"))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(host) = host else {
        return;
    };
    let config = config::Config::from_location();
    height::report_to_parent(config.frame_id.clone(), config.host.clone());
    host.set_inner_html("");
    CONTAINERS.with(|containers| containers.borrow_mut().push(host.clone()));
    let snapshot = snapshot::Snapshot::beside(&host);
    leptos::mount::mount_to(host, move || view! { <widget::Widget config snapshot /> }).forget();
}

/// A widget mounted in a `<pantau-pbj>` element; `unmount` removes it and aborts its fetch.
pub struct Mounted {
    container: web_sys::HtmlElement,
    handle: Option<Box<dyn std::any::Any>>,
}

impl Mounted {
    /// Removes the widget (its reactive owner, listeners and any fetch in flight).
    pub fn unmount(&mut self) {
        self.handle.take();
        let container = self.container.clone();
        CONTAINERS.with(|containers| containers.borrow_mut().retain(|known| *known != container));
    }
}

/// Mounts a widget into `container` (inside the shadow root of a `<pantau-pbj>` element),
/// configured by `options`, the element's attributes as a query string (`src=…&view=…`). It
/// keeps its state to itself: it never writes the host page's address. (Exported to
/// `embed.js` as `mountElement` by the widget's binary, `src/main.rs`, so that the worker's
/// binary does not carry the widget.)
pub fn mount_element(container: web_sys::HtmlElement, options: String) -> Mounted {
    install_panic_hook();
    tasks::seed_hashes();
    let config = config::Config::from_query(&options, false);
    CONTAINERS.with(|containers| containers.borrow_mut().push(container.clone()));
    let snapshot = snapshot::Snapshot::beside(&container);
    let handle = leptos::mount::mount_to(
        container.clone(),
        move || view! { <widget::Widget config snapshot /> },
    );
    Mounted {
        container,
        handle: Some(Box::new(handle)),
    }
}
