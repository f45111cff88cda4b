//! Fetching the statistics file: a timeout through `AbortController`, a size cap, and one
//! error for each way it can fail, told in the reader's language.

use crate::format::{LoadError, Loaded};
use crate::i18n::{describe_load_error, Lang, Text};
use crate::ingest::{read, Source, SourceFormat};
use gloo_net::http::Request;
use leptos::prelude::set_timeout;
use std::time::Duration;

/// How long the widget waits for the data server.
pub const TIMEOUT: Duration = Duration::from_secs(15);
/// Largest file read, in bytes.
pub const MAX_BYTES: usize = 32 * 1024 * 1024;

/// Why the data could not be shown.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// Network failure or refused by CORS (the browser does not tell which).
    Unreachable,
    /// No answer within [`TIMEOUT`].
    Timeout,
    /// HTTP 404.
    NotFound,
    /// Another HTTP error status.
    Http(u16),
    /// Over [`MAX_BYTES`].
    TooLarge,
    /// The file arrived but cannot be used.
    Load(LoadError),
}

impl FetchError {
    /// The message for the reader.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FetchError::Unreachable => Text::Unreachable.get(lang).to_owned(),
            FetchError::Timeout => Text::Timeout.get(lang).to_owned(),
            FetchError::NotFound => Text::NotFound.get(lang).to_owned(),
            FetchError::Http(status) => format!("{} {status}.", Text::HttpError.get(lang)),
            FetchError::TooLarge => Text::TooLarge.get(lang).to_owned(),
            FetchError::Load(error) => describe_load_error(error, lang),
        }
    }
}

/// Fetches and reads the file at `url` (its format detected, unless `format` says).
pub async fn fetch_dataset(
    url: String,
    format: Option<SourceFormat>,
) -> Result<Loaded, FetchError> {
    let controller = web_sys::AbortController::new().map_err(|_| FetchError::Unreachable)?;
    let signal = controller.signal();
    let timer_signal = signal.clone();
    set_timeout(move || controller.abort(), TIMEOUT);
    let response = Request::get(&url)
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(|_| {
            if timer_signal.aborted() {
                FetchError::Timeout
            } else {
                FetchError::Unreachable
            }
        })?;
    match response.status() {
        404 | 410 => return Err(FetchError::NotFound),
        status if !response.ok() => return Err(FetchError::Http(status)),
        _ => {}
    }
    let content_type = response.headers().get("content-type");
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|length| length.trim().parse::<usize>().ok());
    if declared.is_some_and(|length| length > MAX_BYTES) {
        return Err(FetchError::TooLarge);
    }
    let bytes = response.binary().await.map_err(|_| {
        if signal.aborted() {
            FetchError::Timeout
        } else {
            FetchError::Unreachable
        }
    })?;
    if bytes.len() > MAX_BYTES {
        return Err(FetchError::TooLarge);
    }
    let current_year = js_sys::Date::new_0().get_full_year() as i32;
    read(Source {
        bytes: &bytes,
        content_type: content_type.as_deref(),
        format,
        address: &url,
        current_year,
    })
    .map_err(FetchError::Load)
}
