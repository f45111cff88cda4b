//! The share panel: the permalink of what the reader sees and a ready-to-copy iframe embed,
//! each with a copy button (like Datawrapper's publish step).

use super::config::permalink;
use crate::analysis::filter::Filter;
use crate::chart::theme::ThemeChoice;
use crate::i18n::Lang;
use crate::views::export::iframe_snippet;
use crate::views::View;
use leptos::prelude::*;

/// One snippet with its label and copy button; `copied` says which was copied last.
fn snippet(
    id: &'static str,
    label: String,
    text: Signal<String>,
    lang: Lang,
    copied: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let copy = move |_| {
        let text = text.get_untracked();
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().clipboard().write_text(&text);
        }
        copied.set(Some(id));
    };
    let field = format!("pantau-share-{id}");
    view! {
        <div class="pantau-snippet">
            <label for=field.clone()>{label}</label>
            <textarea id=field readonly rows="3" prop:value=move || text.get()></textarea>
            <button type="button" class="pantau-copy" on:click=copy>{lang.pick("Salin", "Copy")}</button>
        </div>
    }
}

/// The share panel, closed until the reader opens it.
#[component]
pub fn SharePanel(
    lang: RwSignal<Lang>,
    view_choice: RwSignal<View>,
    theme: RwSignal<ThemeChoice>,
    filter: RwSignal<Filter>,
    title: String,
) -> impl IntoView {
    let link = Signal::derive(move || {
        permalink(view_choice.get(), lang.get(), theme.get(), &filter.read()).unwrap_or_default()
    });
    let title = StoredValue::new(title);
    let iframe = Signal::derive(move || {
        title.with_value(|title| iframe_snippet(&link.get(), &format!("Pantau PBJ: {title}")))
    });
    let copied = RwSignal::new(None::<&'static str>);
    move || {
        let lang = lang.get();
        view! {
            <details class="pantau-share">
                <summary>{lang.pick("Bagikan dan sematkan", "Share and embed")}</summary>
                {snippet("link", lang.pick("Tautan ke tampilan ini", "Link to this view").to_owned(), link, lang, copied)}
                {snippet("iframe", lang.pick("Kode sematan (iframe)", "Embed code (iframe)").to_owned(), iframe, lang, copied)}
                <p class="pantau-note">{lang.pick(
                    "Agar tinggi bingkai mengikuti isinya, pasang juga skrip host dari README.",
                    "For the frame to follow its content's height, add the host script from the README as well.",
                )}</p>
                <p class="pantau-copied" role="status">{move || copied.get().map(|_| lang.pick("Disalin.", "Copied."))}</p>
            </details>
            <p class="pantau-print-link">{lang.pick("Tautan", "Link")}": "{move || link.get()}</p>
        }
    }
}
