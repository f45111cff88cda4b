//! Loading, as far as it is pure: the limits of a download, why data could not be shown (in the
//! reader's language), how much has come, and which files the reading worker reads. The browser
//! layer (`app::fetch`, `app::worker`) moves the bytes; `network` says when to try again.

pub mod exchange;
pub mod messages;

use crate::format::LoadError;
use crate::i18n::{describe_load_error, Lang, Text};
use std::time::Duration;

/// How long the widget waits for the data server, by default (`timeout` option, seconds).
pub const TIMEOUT: Duration = Duration::from_secs(crate::options::TIMEOUT_SECONDS);
/// Largest file read, in bytes, by default (`maxmb` option, megabytes).
pub const MAX_BYTES: usize = crate::options::MAX_MEGABYTES * 1024 * 1024;
/// Files smaller than this are read on the widget's own thread (a few milliseconds); larger
/// ones in the reading worker, where one may start.
pub const WORKER_MIN_BYTES: u32 = 1024 * 1024;

/// Bytes of the data file received so far, and its length when the server says.
pub type Progress = (usize, Option<usize>);

/// Limits of one load.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Per attempt, from the request to the last byte.
    pub timeout: Duration,
    /// Largest body accepted.
    pub max_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            timeout: TIMEOUT,
            max_bytes: MAX_BYTES,
        }
    }
}

/// Why the data could not be shown.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// Network failure or refused by CORS (the browser does not tell which).
    Unreachable,
    /// No answer within the timeout.
    Timeout,
    /// HTTP 404.
    NotFound,
    /// Another HTTP error status.
    Http(u16),
    /// Over the size cap.
    TooLarge,
    /// The file arrived but cannot be used.
    Load(LoadError),
    /// `src` is not an `http(s)` or relative address (`data:`, `javascript:`, `blob:`, …).
    Address,
    /// `manifest` is not an `http(s)` or relative address.
    ManifestAddress,
}

impl FetchError {
    /// The message for the reader.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FetchError::Unreachable => Text::Unreachable.get(lang).to_owned(),
            FetchError::Timeout => Text::Timeout.get(lang).to_owned(),
            FetchError::NotFound => Text::NotFound.get(lang).to_owned(),
            FetchError::Http(status) => {
                Text::HttpError.fill(lang, &[("status", &status.to_string())])
            }
            FetchError::TooLarge => Text::TooLarge.get(lang).to_owned(),
            FetchError::Load(error) => describe_load_error(error, lang),
            FetchError::Address => Text::NotWebAddress.get(lang).to_owned(),
            FetchError::ManifestAddress => Text::ManifestNotWebAddress.get(lang).to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_limits_are_the_options_defaults() {
        let limits = Limits::default();
        assert_eq!(limits.timeout, Duration::from_secs(15));
        assert_eq!(limits.max_bytes, 32 * 1024 * 1024);
    }

    #[test]
    fn every_error_is_said_in_both_languages() {
        let errors = [
            FetchError::Unreachable,
            FetchError::Timeout,
            FetchError::NotFound,
            FetchError::Http(503),
            FetchError::TooLarge,
            FetchError::Load(LoadError::NotPantau),
            FetchError::Address,
            FetchError::ManifestAddress,
        ];
        for error in &errors {
            let (indonesian, english) = (error.message(Lang::Id), error.message(Lang::En));
            assert!(!indonesian.is_empty() && !english.is_empty(), "{error:?}");
            assert_ne!(indonesian, english, "{error:?}");
        }
        assert!(FetchError::Http(503).message(Lang::En).contains("503"));
    }
}
