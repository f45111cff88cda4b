//! Loading, error and data-quality messages.

use super::fetch::FetchError;
use crate::format::DataIssue;
use crate::i18n::{describe_issue, Lang, Text};
use leptos::prelude::*;

/// Shown while the file loads.
#[component]
pub fn Loading(lang: Lang) -> impl IntoView {
    view! { <p class="pantau-loading" role="status" aria-live="polite">{Text::Loading.get(lang)}</p> }
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
pub fn DataIssues(issues: Vec<DataIssue>, lang: RwSignal<Lang>) -> impl IntoView {
    let issues = StoredValue::new(issues);
    move || {
        let lang = lang.get();
        issues.with_value(|issues| {
            (!issues.is_empty()).then(|| {
                let items = issues.iter().take(200).map(|issue| view! { <li>{describe_issue(issue, lang)}</li> }).collect_view();
                view! {
                    <details class="pantau-issues">
                        <summary>{format!("{} {}. {}", issues.len(), Text::DataIssuesSummary.get(lang), Text::DataIssuesDetail.get(lang))}</summary>
                        <ul>{items}</ul>
                    </details>
                }
            })
        })
    }
}
