//! Verifiable source: the SHA-256 a publisher states for the data file (in the embed's
//! `sha256` parameter, or in a `SHA256SUMS`-style manifest named by `manifest`) against the
//! hash of the bytes the widget received. The browser computes the hash (`crypto.subtle`);
//! deciding what it means is pure.

/// What the widget can say about the data file's integrity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    /// The received bytes hash to the published value.
    Verified {
        /// The hash, lower-case hex.
        hash: String,
    },
    /// They do not: the file is not the one published (a visible warning).
    Mismatch {
        /// What the publisher states.
        expected: String,
        /// What arrived.
        received: String,
    },
    /// A hash was published but cannot be checked: not 64 hex digits, the manifest has no
    /// line for the file, or the browser cannot hash (an insecure page).
    Unverifiable,
}

impl Verification {
    /// The first twelve hex digits, as shown.
    pub fn short(hash: &str) -> &str {
        hash.get(..12).unwrap_or(hash)
    }
}

/// A published hash as 64 lower-case hex digits, if it is one (`sha256:` prefix allowed).
pub fn normalise(published: &str) -> Option<String> {
    let hash = published.trim();
    let hash = hash
        .strip_prefix("sha256:")
        .unwrap_or(hash)
        .to_ascii_lowercase();
    (hash.len() == 64 && hash.bytes().all(|byte| byte.is_ascii_hexdigit())).then_some(hash)
}

/// The hash a manifest (`sha256sum` output: `<hash>  <name>` or `<hash> *<name>` per line)
/// gives for the data file, whose line must name the file's path relative to the manifest's
/// own folder (`2024/data.json` for `…/pbj/2024/data.json` listed in `…/pbj/SHA256SUMS`): a
/// line for a file of the same name elsewhere (last year's `2023/data.json`) never matches.
/// Both addresses are absolute (the browser resolves them); a data file outside the
/// manifest's folder, or on another origin, has no line.
pub fn from_manifest(manifest: &str, manifest_address: &str, data_address: &str) -> Option<String> {
    let wanted = crate::network::path_below(manifest_address, data_address)?;
    manifest.lines().find_map(|line| {
        let (hash, file) = line.trim().split_once(char::is_whitespace)?;
        let file = file.trim_start();
        let file = file.strip_prefix('*').unwrap_or(file);
        let file = file.strip_prefix("./").unwrap_or(file);
        (file == wanted).then(|| normalise(hash)).flatten()
    })
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(char::from(DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(DIGITS[usize::from(byte & 15)]));
    }
    text
}

/// Compares a published hash (if usable) with the received one (if the browser could hash).
pub fn verify(published: Option<&str>, received: Option<&str>) -> Verification {
    match (published.and_then(normalise), received) {
        (Some(expected), Some(received)) if expected == received => {
            Verification::Verified { hash: expected }
        }
        (Some(expected), Some(received)) => Verification::Mismatch {
            expected,
            received: received.to_owned(),
        },
        _ => Verification::Unverifiable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMPTY: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    #[test]
    fn published_hashes_are_read_from_parameters_and_manifests() {
        assert_eq!(
            normalise(&format!(" sha256:{} ", EMPTY.to_uppercase())).as_deref(),
            Some(EMPTY)
        );
        assert_eq!(normalise("abc"), None);
        let manifest = format!(
            "{EMPTY}  data/kaltim-2024.json\n{} *other.csv\n{}  ./2023/data.json\n",
            "0".repeat(64),
            "1".repeat(64)
        );
        let at = "https://x.go.id/pbj/SHA256SUMS";
        assert_eq!(
            from_manifest(
                &manifest,
                at,
                "https://x.go.id/pbj/data/kaltim-2024.json?v=1"
            )
            .as_deref(),
            Some(EMPTY)
        );
        assert_eq!(
            from_manifest(&manifest, at, "https://x.go.id/pbj/other.csv").as_deref(),
            Some("0".repeat(64).as_str())
        );
        assert_eq!(
            from_manifest(&manifest, at, "https://x.go.id/pbj/2023/data.json").as_deref(),
            Some("1".repeat(64).as_str())
        );
        // The same name in another folder, on another origin or above the manifest: no line.
        for elsewhere in [
            "https://x.go.id/pbj/2024/data.json",
            "https://x.go.id/pbj/kaltim-2024.json",
            "https://x.go.id/other.csv",
            "https://y.go.id/pbj/other.csv",
            "http://x.go.id/pbj/other.csv",
            "https://x.go.id/pbj/missing.json",
        ] {
            assert_eq!(from_manifest(&manifest, at, elsewhere), None, "{elsewhere}");
        }
    }

    #[test]
    fn verification_says_verified_mismatch_or_unverifiable() {
        assert_eq!(hex(&[0, 15, 16, 255]), "000f10ff");
        assert_eq!(
            verify(Some(EMPTY), Some(EMPTY)),
            Verification::Verified { hash: EMPTY.into() }
        );
        assert_eq!(
            verify(Some(EMPTY), Some("ab")),
            Verification::Mismatch {
                expected: EMPTY.into(),
                received: "ab".into()
            }
        );
        assert_eq!(
            verify(Some("not a hash"), Some(EMPTY)),
            Verification::Unverifiable
        );
        assert_eq!(verify(Some(EMPTY), None), Verification::Unverifiable);
        assert_eq!(Verification::short(EMPTY), "e3b0c44298fc");
    }
}
