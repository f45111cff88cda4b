//! Provenance: source, publisher, as-of date, licence, and the data file.

use crate::i18n::{format_date, Lang, Text};
use crate::model::Meta;
use crate::provenance::Verification;
use leptos::prelude::*;

/// Sources listed in the footer at most.
const SOURCES_LISTED: usize = 20;

/// Only http(s) and relative addresses become links (never `javascript:` or `data:`).
fn safe_href(url: &str) -> Option<String> {
    crate::network::is_web_address(url).then(|| url.trim().to_owned())
}

/// The footer under the charts.
#[component]
pub fn Footer(
    meta: Meta,
    lang: Lang,
    src: String,
    illustrative: bool,
    verification: Option<Verification>,
) -> impl IntoView {
    let integrity = verification.map(|verification| match verification {
        Verification::Verified { hash } => view! {
            <p class="pantau-integrity pantau-verified"><span aria-hidden="true">"✓ "</span>{Text::HashVerified.get(lang)}": "<code>{Verification::short(&hash).to_owned()}</code></p>
        }
        .into_any(),
        Verification::Mismatch { expected, received } => view! {
            <p class="pantau-integrity pantau-mismatched"><span aria-hidden="true">"✗ "</span>"SHA-256: "{Text::Expected.get(lang)}" "<code>{Verification::short(&expected).to_owned()}</code>", "{Text::Received.get(lang)}" "<code>{Verification::short(&received).to_owned()}</code></p>
        }
        .into_any(),
        Verification::Unverifiable => view! { <p class="pantau-integrity">{Text::HashUnverifiable.get(lang)}</p> }.into_any(),
    });
    // A file may list tens of thousands of sources: the first few are listed, the rest counted.
    let more_sources = meta.sources.len().saturating_sub(SOURCES_LISTED);
    let more_sources = (more_sources > 0).then(|| {
        let count = crate::i18n::format_count(more_sources as i64, lang);
        view! { <li class="pantau-sources-more">{Text::AndMore.fill(lang, &[("count", &count)])}</li> }
    });
    let sources = meta
        .sources
        .iter()
        .take(SOURCES_LISTED)
        .map(|source| match source.url.as_deref().and_then(safe_href) {
            Some(href) => view! { <li><a href=href rel="noopener noreferrer" target="_blank">{source.title.clone()}</a></li> }.into_any(),
            None => view! { <li>{source.title.clone()}</li> }.into_any(),
        })
        .collect_view();
    let source_link = meta.source_url.as_deref().and_then(safe_href).map(|href| {
        let text = href.clone();
        view! { <a href=href rel="noopener noreferrer" target="_blank">{text}</a> }
    });
    view! {
        <footer class="pantau-footer">
            <p>
                {meta.known_publisher().map(|publisher| view! { <span>{Text::Publisher.get(lang)}": "{publisher.to_owned()}</span>" · " })}
                <span>{Text::AsOf.get(lang)}" "{format_date(meta.as_of, lang)}</span>
                {meta.known_license().map(|license| view! { " · "<span>{Text::License.get(lang)}": "{license.to_owned()}</span> })}
                {illustrative.then(|| view! { " · "<span class="pantau-footer-illustrative">"* "{Text::IllustrativeMark.get(lang)}</span> })}
                {safe_href(&src).map(|href| view! { " · "<a href=href class="pantau-data-link">{Text::DataFile.get(lang)}</a> })}
            </p>
            {integrity}
            {source_link.map(|link| view! { <p>{Text::Source.get(lang)}": "{link}</p> })}
            {(!meta.sources.is_empty()).then(|| view! { <p class="pantau-sources-title">{Text::Source.get(lang)}":"</p><ul class="pantau-sources">{sources}{more_sources}</ul> })}
            {meta.notes.clone().map(|notes| view! { <p class="pantau-notes">{notes}</p> })}
        </footer>
    }
}
