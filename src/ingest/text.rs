//! Bytes to text: UTF-8 (with or without a byte-order mark) when the bytes are valid UTF-8,
//! else Windows-1252, the encoding spreadsheet programs on Windows export (a superset of the
//! printable Latin-1), so `Dinas Perhubungan – Kab. Paser` or `Kelurahan Sungai Pinang Luar`
//! with a `é` never turn into replacement characters.

use std::borrow::Cow;

/// Windows-1252's characters for the bytes 0x80..=0x9F (where it differs from Latin-1); the
/// five bytes it leaves undefined map to their C1 control characters, as browsers do.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// The text of `bytes`: UTF-8 without its byte-order mark, or Windows-1252 when the bytes are
/// not valid UTF-8 (a UTF-16 file, which has its own byte-order mark, is decoded as UTF-16).
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Cow::Owned(utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Cow::Owned(utf16(rest, u16::from_be_bytes));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => Cow::Owned(bytes.iter().map(|byte| windows_1252(*byte)).collect()),
    }
}

/// The text of `bytes` as [`decode`] reads it; bytes that are owned and valid UTF-8 (without a
/// byte-order mark) become the text without being copied.
pub fn into_text(bytes: Cow<'_, [u8]>) -> Cow<'_, str> {
    match bytes {
        Cow::Borrowed(bytes) => decode(bytes),
        Cow::Owned(bytes) => match String::from_utf8(bytes) {
            Ok(text) if !text.starts_with('\u{FEFF}') => Cow::Owned(text),
            Ok(text) => Cow::Owned(decode(text.as_bytes()).into_owned()),
            Err(error) => Cow::Owned(decode(error.as_bytes()).into_owned()),
        },
    }
}

fn windows_1252(byte: u8) -> char {
    match byte {
        0x80..=0x9F => CP1252_HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .map(|decoded| decoded.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_kept_and_windows_1252_is_decoded() {
        assert_eq!(decode(b"\xEF\xBB\xBFnama_satker"), "nama_satker");
        assert_eq!(decode("Belanja – €".as_bytes()), "Belanja – €");
        assert_eq!(decode(b"Caf\xE9 \x96 \x80 5"), "Café – € 5");
        assert_eq!(decode(b"\xFF\xFEa\x00\xE9\x00"), "aé");
        for bytes in [
            &b"\xEF\xBB\xBFnama"[..],
            "Belanja – €".as_bytes(),
            b"Caf\xE9",
            b"\xFF\xFEa\x00",
        ] {
            assert_eq!(into_text(Cow::Owned(bytes.to_vec())), decode(bytes));
        }
    }
}
