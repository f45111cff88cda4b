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

/// Whether `address` is one the widget fetches or links to: `http:`, `https:` or relative
/// (no scheme). `data:`, `javascript:`, `blob:`, `file:` and every other scheme are refused:
/// a link alone must not be able to carry made-up figures (and a matching hash) onto the
/// official widget page.
pub fn is_web_address(address: &str) -> bool {
    let address = address.trim().to_ascii_lowercase();
    // A scheme is letters, digits, `+`, `-` or `.` before the first `:`, and comes before any
    // `/`, `?` or `#` (else the colon is in a relative path or query).
    let scheme_end = address.find(':');
    let path_start = address.find(['/', '?', '#']);
    let has_scheme = match (scheme_end, path_start) {
        (None, _) => false,
        (Some(colon), Some(path)) => colon < path,
        (Some(_), None) => true,
    };
    !has_scheme || address.starts_with("https://") || address.starts_with("http://")
}

/// Whether a data request carries the reader's cookies: only to the page's own origin, and
/// only when the page asks (`credentials`). Otherwise a framing site could tell a login page,
/// a 404 and real data apart by what the widget shows.
pub fn sends_cookies(same_origin: bool, asked: bool) -> bool {
    same_origin && asked
}

/// The path of `address` relative to the folder of `base` (both absolute `http(s)` addresses,
/// query and fragment ignored), percent-decoded; `None` when it is on another origin or not
/// inside that folder.
pub fn path_below(base: &str, address: &str) -> Option<String> {
    fn split(address: &str) -> Option<(&str, &str)> {
        let address = address.split(['?', '#']).next()?;
        let (scheme, rest) = address.split_once("://")?;
        let path_start = rest.find('/').unwrap_or(rest.len());
        let origin_end = scheme.len() + 3 + path_start;
        Some((&address[..origin_end], &address[origin_end..]))
    }
    let (base_origin, base_path) = split(base)?;
    let (origin, path) = split(address)?;
    if !base_origin.eq_ignore_ascii_case(origin) {
        return None;
    }
    // An origin alone (`https://x.go.id`) is its root folder.
    let base_path = if base_path.is_empty() { "/" } else { base_path };
    let folder = &base_path[..base_path.rfind('/').map_or(0, |slash| slash + 1)];
    let relative = path.strip_prefix(folder).filter(|rest| !rest.is_empty())?;
    let decoded = percent_decode(relative)?;
    // A path that climbs out with `..` is not below the folder.
    (!decoded.split('/').any(|segment| segment == "..")).then_some(decoded)
}

/// `%XX` sequences decoded as UTF-8; `None` when they are not valid UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = |at: usize| char::from(*bytes.get(at)?).to_digit(16);
        match (bytes[index], hex(index + 1), hex(index + 2)) {
            (b'%', Some(high), Some(low)) => {
                decoded.push((high * 16 + low) as u8);
                index += 3;
            }
            (byte, _, _) => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8(decoded).ok()
}

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

    #[test]
    fn only_http_and_relative_addresses_are_web_addresses() {
        for good in [
            "data/kaltim-2024.json",
            "/data/x.csv",
            "./x.json?v=1:2",
            "https://x.go.id/a.json",
            " HTTP://x.go.id/a.json",
            "?src=a:b",
            "x.json#a:b",
        ] {
            assert!(is_web_address(good), "{good}");
        }
        for bad in [
            "data:application/json,{}",
            "javascript:alert(1)",
            "blob:https://x.go.id/123",
            "file:///etc/passwd",
            " DATA:text/csv,a",
            "ftp://x.go.id/a.csv",
            "mailto:a@b",
        ] {
            assert!(!is_web_address(bad), "{bad}");
        }
    }

    #[test]
    fn paths_below_a_folder_are_relative_and_decoded() {
        let base = "https://x.go.id/pbj/SHA256SUMS?v=2";
        assert_eq!(
            path_below(base, "https://x.go.id/pbj/2024/data%20baru.json#x").as_deref(),
            Some("2024/data baru.json")
        );
        assert_eq!(
            path_below(base, "https://X.GO.ID/pbj/a.csv").as_deref(),
            Some("a.csv")
        );
        assert_eq!(path_below(base, "https://x.go.id/a.csv"), None);
        assert_eq!(path_below(base, "https://x.go.id/pbj/"), None);
        assert_eq!(path_below(base, "https://x.go.id/pbj/a/../../b.csv"), None);
        assert_eq!(path_below(base, "http://x.go.id/pbj/a.csv"), None);
        assert_eq!(path_below(base, "https://x.go.id.evil/pbj/a.csv"), None);
        assert_eq!(
            path_below("https://x.go.id", "https://x.go.id/a.csv").as_deref(),
            Some("a.csv")
        );
    }

    #[test]
    fn cookies_go_only_to_the_own_origin_and_only_when_asked() {
        assert!(sends_cookies(true, true));
        assert!(!sends_cookies(true, false));
        assert!(!sends_cookies(false, true));
        assert!(!sends_cookies(false, false));
    }
}
