//! When to try a request again and how long to wait first: pure rules, tested on the host;
//! the browser layer only measures time and sleeps.

use crate::model::CivilDate;
use std::time::Duration;

/// Tries after the first one.
pub const RETRIES: u32 = 2;
/// The first wait; each retry doubles it.
pub const BASE_DELAY: Duration = Duration::from_millis(500);
/// The longest wait the widget accepts (a longer `Retry-After` ends the tries).
pub const MAX_DELAY: Duration = Duration::from_secs(10);

/// Whether a failure may pass if tried again: a network error (`None`), 408, 429 or 5xx.
pub fn retryable(status: Option<u16>) -> bool {
    match status {
        None => true,
        Some(status) => status == 408 || status == 429 || (500..=599).contains(&status),
    }
}

/// The wait a `Retry-After` header asks for: seconds, or an HTTP date (`Wed, 21 Oct 2015
/// 07:28:00 GMT`) compared with `now_ms` (milliseconds since 1970). `None` if unreadable.
pub fn retry_after(header: &str, now_ms: f64) -> Option<Duration> {
    let header = header.trim();
    if let Ok(seconds) = header.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let mut parts = header.split_whitespace().skip(1);
    let day: u8 = parts.next()?.parse().ok()?;
    let month = parts.next()?;
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|name| *name == month)? as u8
        + 1;
    let year: i32 = parts.next()?.parse().ok()?;
    let mut clock = parts
        .next()?
        .split(':')
        .map(|part| part.parse::<i64>().ok());
    let (hours, minutes, seconds) = (clock.next()??, clock.next()??, clock.next()??);
    let days = CivilDate::new(year, month, day)?.days_since_epoch();
    let at_ms = ((days * 24 + hours) * 60 + minutes) * 60_000 + seconds * 1000;
    let wait_ms = (at_ms as f64 - now_ms).max(0.0);
    Some(Duration::from_millis(wait_ms as u64))
}

/// The wait before retry number `attempt` (0 for the first retry): what the server asked
/// for, else an exponential backoff with `jitter` (0..1) adding up to half of it. `None` when
/// the wait would exceed [`MAX_DELAY`].
pub fn delay(attempt: u32, asked: Option<Duration>, jitter: f64) -> Option<Duration> {
    let wait = asked.unwrap_or_else(|| {
        let base = BASE_DELAY * 2u32.saturating_pow(attempt.min(16));
        base + base.mul_f64(jitter.clamp(0.0, 1.0) / 2.0)
    });
    (wait <= MAX_DELAY).then_some(wait)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_transient_failures_are_retried() {
        assert!(retryable(None));
        for status in [408, 429, 500, 502, 503, 504] {
            assert!(retryable(Some(status)), "{status}");
        }
        for status in [400, 401, 403, 404, 410, 451] {
            assert!(!retryable(Some(status)), "{status}");
        }
    }

    #[test]
    fn retry_after_reads_seconds_and_http_dates() {
        assert_eq!(retry_after("3", 0.0), Some(Duration::from_secs(3)));
        // 21 Oct 2015 07:28:00 GMT is 1445412480 seconds after the epoch.
        let now = 1_445_412_475_000.0;
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now),
            Some(Duration::from_secs(5))
        );
        assert_eq!(
            retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now + 60_000.0),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after("soon", 0.0), None);
        assert_eq!(retry_after("Wed, 41 Oct 2015 07:28:00 GMT", 0.0), None);
    }

    #[test]
    fn backoff_doubles_with_bounded_jitter_and_gives_up_on_long_waits() {
        assert_eq!(delay(0, None, 0.0), Some(Duration::from_millis(500)));
        assert_eq!(delay(1, None, 1.0), Some(Duration::from_millis(1500)));
        assert_eq!(
            delay(0, Some(Duration::from_secs(2)), 0.9),
            Some(Duration::from_secs(2))
        );
        assert_eq!(delay(0, Some(Duration::from_secs(3600)), 0.0), None);
        assert_eq!(delay(40, None, 0.0), None);
    }
}
