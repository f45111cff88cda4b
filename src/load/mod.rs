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

/// Whether a file of `length` bytes is read in the reading worker (where one may start).
pub fn reads_in_worker(length: usize) -> bool {
    length >= WORKER_MIN_BYTES as usize
}

/// The addresses of a load, checked before anything is asked of the network: the data's, and a
/// manifest's when no hash is stated (`http(s)` or relative only).
pub fn check_addresses(
    src: &str,
    sha256: Option<&str>,
    manifest: Option<&str>,
) -> Result<(), FetchError> {
    if !crate::network::is_web_address(src) {
        return Err(FetchError::Address);
    }
    match (sha256, manifest) {
        (None, Some(manifest)) if !crate::network::is_web_address(manifest) => {
            Err(FetchError::ManifestAddress)
        }
        _ => Ok(()),
    }
}

/// How long to wait before attempt `attempt + 1` after a failure (`transient` as the network
/// rules say, `asked` the server's `Retry-After`, `jitter` in 0..1); `None`: give up.
pub fn retry_wait(
    attempt: u32,
    transient: bool,
    asked: Option<Duration>,
    jitter: f64,
) -> Option<Duration> {
    crate::network::delay(attempt, asked, jitter)
        .filter(|_| transient && attempt < crate::network::RETRIES)
}

/// What a load does once the reading worker has answered.
#[derive(Debug, PartialEq)]
pub enum AfterWorker<P> {
    /// Use its result.
    Read(Box<Result<crate::format::Loaded, LoadError>>),
    /// Read these bytes on the widget's thread: the ones the worker gave back, or the widget's
    /// own when it kept them.
    ReadOnPage(P),
    /// The bytes went to a worker that failed: fetch them again (checked again), read here.
    FetchAgain,
}

/// The next step after the worker's `outcome`, `own` being the widget's bytes (empty once they
/// moved to the worker); `length` reads a byte array's length.
pub fn after_worker<P>(
    outcome: exchange::Outcome<P>,
    own: P,
    length: impl Fn(&P) -> usize,
) -> AfterWorker<P> {
    match outcome {
        exchange::Outcome::Read(result) => AfterWorker::Read(result),
        // Given back (a Pantau file): the bytes that moved there, or the widget's own if they
        // went as they came.
        exchange::Outcome::Back(returned) if length(&returned) > 0 => {
            AfterWorker::ReadOnPage(returned)
        }
        _ if length(&own) > 0 => AfterWorker::ReadOnPage(own),
        _ => AfterWorker::FetchAgain,
    }
}

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
    fn the_next_step_after_the_worker_keeps_whatever_bytes_are_left() {
        let own = || b"own".to_vec();
        let length = |bytes: &Vec<u8>| bytes.len();
        let read = exchange::Outcome::Read(Box::new(Err(LoadError::NotPantau)));
        assert_eq!(
            after_worker(read, Vec::new(), length),
            AfterWorker::Read(Box::new(Err(LoadError::NotPantau)))
        );
        let back = exchange::Outcome::Back(b"back".to_vec());
        assert_eq!(
            after_worker(back, Vec::new(), length),
            AfterWorker::ReadOnPage(b"back".to_vec())
        );
        let empty_back = exchange::Outcome::Back(Vec::new());
        assert_eq!(
            after_worker(empty_back, own(), length),
            AfterWorker::ReadOnPage(own())
        );
        assert_eq!(
            after_worker(exchange::Outcome::Failed, own(), length),
            AfterWorker::ReadOnPage(own())
        );
        assert_eq!(
            after_worker(exchange::Outcome::Failed, Vec::new(), length),
            AfterWorker::FetchAgain
        );
    }

    #[test]
    fn addresses_and_retries_follow_the_rules() {
        assert_eq!(check_addresses("data.json", None, None), Ok(()));
        assert_eq!(
            check_addresses("data:,1", None, None),
            Err(FetchError::Address)
        );
        assert_eq!(
            check_addresses("d.json", None, Some("javascript:x")),
            Err(FetchError::ManifestAddress)
        );
        // A stated hash makes the manifest unused: its address does not matter.
        assert_eq!(
            check_addresses("d.json", Some("ab"), Some("javascript:x")),
            Ok(())
        );
        assert!(retry_wait(0, true, None, 0.5).is_some());
        assert_eq!(retry_wait(0, false, None, 0.5), None);
        assert_eq!(retry_wait(crate::network::RETRIES, true, None, 0.5), None);
        assert!(reads_in_worker(1024 * 1024) && !reads_in_worker(1024 * 1024 - 1));
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
