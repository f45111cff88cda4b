//! The share panel: the permalink of what the reader sees and a ready-to-copy iframe embed,
//! each with a copy button (like Datawrapper's publish step).

use super::config::permalink;
use crate::analysis::filter::Filter;
use crate::chart::theme::ThemeChoice;
use crate::i18n::{Lang, Text};
use crate::options::Chosen;
use crate::views::export::{iframe_snippet, script_snippet};
use crate::views::View;
use crate::views::{Compare, Measure};
use leptos::prelude::*;

/// What the last copy did: which snippet, and whether the clipboard took it.
type Copied = Option<(&'static str, bool)>;

/// One snippet with its label and copy button; `copied` says which was copied last, and
/// whether it worked. Where the clipboard refuses (a frame without `clipboard-write`, an
/// insecure page), the text is selected for the reader to copy, and the panel says so.
fn snippet(
    id: &'static str,
    label: String,
    text: Signal<String>,
    lang: Lang,
    copied: RwSignal<Copied>,
) -> impl IntoView {
    let field = NodeRef::<leptos::html::Textarea>::new();
    let copy = move |_| {
        let text = text.get_untracked();
        let written =
            web_sys::window().map(|window| window.navigator().clipboard().write_text(&text));
        let select = move || {
            if let Some(area) = field.get_untracked() {
                let _ = area.focus();
                area.select();
            }
        };
        match written {
            Some(promise) => wasm_bindgen_futures::spawn_local(async move {
                let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                if !done {
                    select();
                }
                copied.set(Some((id, done)));
            }),
            None => {
                select();
                copied.set(Some((id, false)));
            }
        }
    };
    let field_id = format!("pantau-share-{id}");
    view! {
        <div class="pantau-snippet">
            <label for=field_id.clone()>{label}</label>
            <textarea id=field_id node_ref=field readonly rows="3" prop:value=move || text.get()></textarea>
            <button type="button" class="pantau-copy" on:click=copy>{Text::Copy.get(lang)}</button>
        </div>
    }
}

/// Where the widget's page is and what a view's options are, to share it.
#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    /// The widget's own page (`None` in the page itself: its address is used).
    pub page: Option<String>,
    /// The data address as configured (relative to the document that embeds the widget).
    pub src: String,
    /// The options given that every snippet and link carries on (`sha256`, `manifest`, the
    /// flags, …: `Config::kept`).
    pub kept: Vec<(&'static str, String)>,
}

/// `address` made absolute against the current document's address.
fn absolute(address: &str) -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .and_then(|base| web_sys::Url::new_with_base(address, &base).ok())
        .map_or_else(|| address.to_owned(), |url| url.href())
}

/// The view's options as `<pantau-pbj>` attributes: the data address made absolute, the
/// reader's choices as `options::write` writes them, then every option given that the view does
/// not choose (`kept`; the manifest's address made absolute).
fn options(origin: &Origin, chosen: &Chosen) -> Vec<(String, String)> {
    let mut options = vec![("src".to_owned(), absolute(&origin.src))];
    options.extend(
        crate::options::write(chosen)
            .into_iter()
            .map(|(name, value)| (name.to_owned(), value)),
    );
    options.extend(origin.kept.iter().map(|(name, value)| {
        let value = match *name {
            "manifest" => absolute(value),
            _ => value.clone(),
        };
        ((*name).to_owned(), value)
    }));
    options
}

/// The permalink: the widget's page with the view's options.
fn link_to(origin: &Origin, options: &[(String, String)], chosen: &Chosen) -> String {
    match &origin.page {
        // The page's own address, less what belongs to this one embedding (the host's name for
        // its frame, the host's origin): a shared frame must not post its height to this host.
        None => permalink(chosen)
            .and_then(|link| web_sys::Url::new(&link).ok())
            .map(|url| {
                for name in ["id", "host"] {
                    url.search_params().delete(name);
                }
                url.href()
            })
            .unwrap_or_default(),
        Some(page) => match web_sys::Url::new(page) {
            Ok(url) => {
                let params = web_sys::UrlSearchParams::new().ok();
                if let Some(params) = params {
                    for (name, value) in options {
                        params.append(name, value);
                    }
                    url.set_search(&String::from(params.to_string()));
                }
                url.href()
            }
            Err(_) => String::new(),
        },
    }
}

/// The share panel, closed until the reader opens it.
#[component]
pub fn SharePanel(
    lang: RwSignal<Lang>,
    view_choice: RwSignal<View>,
    theme: RwSignal<ThemeChoice>,
    measure: RwSignal<Measure>,
    compare: RwSignal<Compare>,
    filter: RwSignal<Filter>,
    title: String,
    origin: Origin,
) -> impl IntoView {
    let origin = StoredValue::new(origin);
    let shared = Signal::derive(move || {
        let compare = compare.read();
        let filter = filter.read();
        let chosen = Chosen {
            view: view_choice.get(),
            lang: lang.get(),
            theme: theme.get(),
            measure: measure.get(),
            compare: &compare,
            filter: &filter,
        };
        origin.with_value(|origin| {
            let options = options(origin, &chosen);
            let link = link_to(origin, &options, &chosen);
            (link, options)
        })
    });
    let link = Signal::derive(move || shared.with(|(link, _)| link.clone()));
    let script = Signal::derive(move || {
        shared.with(|(link, options)| {
            let page = link.split(['?', '#']).next().unwrap_or_default();
            let embed = web_sys::Url::new_with_base("embed.js", page)
                .map(|url| url.href())
                .unwrap_or_default();
            script_snippet(&embed, options, None)
        })
    });
    let title = StoredValue::new(title);
    let iframe = Signal::derive(move || {
        title.with_value(|title| iframe_snippet(&link.get(), &format!("Pantau PBJ: {title}")))
    });
    let copied = RwSignal::new(None);
    move || {
        let lang = lang.get();
        view! {
            <details class="pantau-share">
                <summary>{Text::ShareAndEmbed.get(lang)}</summary>
                {snippet("link", Text::LinkToView.get(lang).to_owned(), link, lang, copied)}
                {snippet("iframe", Text::EmbedIframe.get(lang).to_owned(), iframe, lang, copied)}
                {snippet("script", Text::EmbedScript.get(lang).to_owned(), script, lang, copied)}
                <p class="pantau-note">{Text::HostScriptNote.get(lang)}</p>
                <p class="pantau-copied" role="status">{move || copied.get().map(|(_, done)| match done {
                    true => Text::Copied.get(lang),
                    false => Text::CopyFailed.get(lang),
                })}</p>
            </details>
            <p class="pantau-print-link">{move || Text::PrintLink.fill(lang, &[("link", &link.get())])}</p>
        }
    }
}
