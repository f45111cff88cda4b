//! Loading, error and data-quality messages.

use crate::format::Issues;
use crate::i18n::{describe_issue, Lang, Text};
use crate::load::FetchError;
pub use crate::load::Progress;
use leptos::prelude::*;

/// Shown while the file loads; with a progress bar once a load takes long enough to notice
/// (more than a megabyte in).
#[component]
pub fn Loading(lang: Lang, progress: RwSignal<Progress>) -> impl IntoView {
    let megabytes =
        move |bytes: usize| crate::i18n::format_decimal(bytes as f64 / 1_048_576.0, 1, lang);
    let bar = move || {
        let (received, total) = progress.get();
        (received > 1_048_576).then(|| {
            let text = match total {
                Some(total) if total > 0 => format!("{} / {} MB", megabytes(received), megabytes(total)),
                _ => format!("{} MB", megabytes(received)),
            };
            let (value, max) = match total {
                Some(total) if total > 0 => (received.min(total).to_string(), total.to_string()),
                _ => (String::new(), String::new()),
            };
            view! {
                <progress class="pantau-progress" value=(!value.is_empty()).then_some(value) max=(!max.is_empty()).then_some(max) aria-label=Text::Loading.get(lang)></progress>
                <span class="pantau-progress-text">{text}</span>
            }
        })
    };
    view! {
        <div class="pantau-loading" role="status" aria-live="polite">
            <p>{Text::Loading.get(lang)}</p>
            {bar}
        </div>
    }
}

/// Why the data cannot be shown, with a retry button.
#[component]
pub fn ErrorMessage(error: FetchError, lang: Lang, on_retry: impl Fn() + 'static) -> impl IntoView {
    view! {
        <div class="pantau-error" role="alert">
            <p class="pantau-error-title">{Text::ErrorTitle.get(lang)}</p>
            <p class="pantau-error-message">{error.message(lang)}</p>
            <button type="button" class="pantau-retry" on:click=move |_| on_retry()>{Text::Retry.get(lang)}</button>
        </div>
    }
}

/// How many values were skipped or adjusted, and the list on request.
#[component]
pub fn DataIssues(issues: Issues, lang: RwSignal<Lang>) -> impl IntoView {
    let issues = StoredValue::new(issues);
    let stored = issues;
    move || {
        let lang = lang.get();
        issues.with_value(|issues| {
            (!issues.is_empty()).then(|| {
                let items = issues.iter().map(|issue| view! { <li>{describe_issue(issue, lang)}</li> }).collect_view();
                let count = crate::i18n::format_count(issues.count() as i64, lang);
                let detail = if issues.truncated() {
                    let listed = crate::i18n::format_count(issues.len() as i64, lang);
                    Text::DataIssuesFirstListed.fill(lang, &[("listed", &listed)])
                } else {
                    Text::DataIssuesDetail.get(lang).to_owned()
                };
                let csv = move |_| {
                    let text = stored.with_value(|issues| crate::views::export::issues_csv(issues, lang));
                    super::download::save_csv(&text, Text::IssuesFileName.get(lang));
                };
                view! {
                    <details class="pantau-issues">
                        <summary>{format!("{} {detail}", Text::DataIssuesSummary.fill(lang, &[("count", &count)]))}</summary>
                        <ul>{items}</ul>
                        <button type="button" class="pantau-download pantau-issues-csv" on:click=csv aria-label=Text::IssuesCsv.get(lang)>"CSV"</button>
                    </details>
                }
            })
        })
    }
}
