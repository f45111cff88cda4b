//! The widget's root element, and focus moved within it (never the host page's document).

use leptos::prelude::*;

/// The widget's root element: lookups stay inside it (and so inside an element's shadow root),
/// never the host page's document.
#[derive(Clone, Copy)]
pub struct WidgetRoot(pub NodeRef<leptos::html::Div>);

impl WidgetRoot {
    /// This widget's root, from the component tree (call while components are built; event
    /// handlers and timers run without it).
    pub fn find() -> Option<WidgetRoot> {
        use_context::<WidgetRoot>()
    }
}

/// Moves keyboard focus to the first element in the widget matching `selector`, if any.
pub fn focus_first(root: Option<WidgetRoot>, selector: &str) {
    use wasm_bindgen::JsCast;
    let Some(WidgetRoot(root)) = root else {
        return;
    };
    if let Some(element) = root
        .get_untracked()
        .and_then(|root| root.query_selector(selector).ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}
