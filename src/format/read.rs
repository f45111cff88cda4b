//! Reading loose values into typed ones, recording a [`DataIssue`] for each one refused.

use super::issues::{DataIssue, Expected, Issues, Problem};
use super::raw::{Field, Loose, Object};
use crate::model::{CivilDate, Code, Provenance, Rupiah, YearMonth};
use serde_json::Value;

/// Longest text kept from a file, in characters; longer text is cut with an ellipsis.
pub const MAX_TEXT_CHARS: usize = 300;

/// Collects issues while typed values are read out of raw ones.
#[derive(Debug, Default)]
pub struct Reader {
    /// Issues found so far.
    pub issues: Issues,
    /// Source ids that figures may cite.
    pub source_ids: crate::hash::Set<String>,
}

impl Reader {
    pub fn issue(&mut self, path: &str, problem: Problem) {
        self.issues.push(DataIssue::new(path, problem));
    }

    /// A required field: records `Missing` when absent or null.
    pub fn required<'a>(&mut self, path: &str, field: &'a Field) -> Option<&'a Loose> {
        match field {
            None | Some(Loose::Null) => {
                self.issue(path, Problem::Missing);
                None
            }
            Some(value) => Some(value),
        }
    }

    /// Text, cleaned of control and bidirectional-override characters; `None` if absent.
    pub fn optional_text(&mut self, path: &str, field: &Field) -> Option<String> {
        match field {
            None | Some(Loose::Null) => None,
            Some(Loose::Text(text)) => Some(clean_text(text)).filter(|text| !text.is_empty()),
            Some(_) => {
                self.issue(path, Problem::WrongType(Expected::Text));
                None
            }
        }
    }

    /// Required, non-empty text.
    pub fn text(&mut self, path: &str, field: &Field) -> Option<String> {
        self.required(path, field)?;
        let text = self.optional_text(path, field);
        if text.is_none() && matches!(field, Some(Loose::Text(_))) {
            self.issue(path, Problem::Missing);
        }
        text
    }

    /// A whole number of zero or more (a count or an amount); fractions are rounded with an issue.
    pub fn whole(&mut self, path: &str, field: &Field) -> Option<i64> {
        let value = match self.required(path, field)? {
            Loose::Int(value) => *value,
            Loose::Float(value) if !value.is_finite() || value.abs() >= 9.2e18 => {
                self.issue(path, Problem::TooLarge);
                return None;
            }
            Loose::Float(value) => {
                let rounded = value.round();
                if rounded != *value {
                    self.issue(path, Problem::Rounded);
                }
                rounded as i128
            }
            _ => {
                self.issue(path, Problem::WrongType(Expected::WholeNumber));
                return None;
            }
        };
        if value < 0 {
            self.issue(path, Problem::Negative);
            return None;
        }
        match i64::try_from(value) {
            Ok(value) => Some(value),
            Err(_) => {
                self.issue(path, Problem::TooLarge);
                None
            }
        }
    }

    /// An amount of money in whole units.
    pub fn money(&mut self, path: &str, field: &Field) -> Option<Rupiah> {
        self.whole(path, field).map(Rupiah)
    }

    /// A required date `YYYY-MM-DD`.
    pub fn date(&mut self, path: &str, field: &Field) -> Option<CivilDate> {
        let value = self.required(path, field)?;
        let date = match value {
            Loose::Text(text) => CivilDate::parse(text),
            _ => None,
        };
        if date.is_none() {
            self.issue(path, Problem::WrongType(Expected::Date));
        }
        date
    }

    /// A required month `YYYY-MM`.
    pub fn month(&mut self, path: &str, field: &Field) -> Option<YearMonth> {
        let value = self.required(path, field)?;
        let month = match value {
            Loose::Text(text) => YearMonth::parse(text),
            _ => None,
        };
        if month.is_none() {
            self.issue(path, Problem::WrongType(Expected::Month));
        }
        month
    }

    /// A year in the range datasets may speak of.
    pub fn year(&mut self, path: &str, field: &Field) -> Option<i32> {
        let year = self.whole(path, field)?;
        match i32::try_from(year)
            .ok()
            .filter(|year| crate::model::YEARS.contains(year))
        {
            Some(year) => Some(year),
            None => {
                self.issue(path, Problem::OutsidePeriod);
                None
            }
        }
    }

    /// A flag; absent or null is `false`.
    pub fn flag(&mut self, path: &str, field: &Field) -> bool {
        match field {
            None | Some(Loose::Null) => false,
            Some(Loose::Bool(value)) => *value,
            Some(_) => {
                self.issue(path, Problem::WrongType(Expected::Boolean));
                false
            }
        }
    }

    /// A code from a closed vocabulary.
    pub fn code<T: Code>(&mut self, path: &str, field: &Field) -> Option<T> {
        let text = self.text(path, field)?;
        let value = T::from_code(&text.to_ascii_lowercase());
        if value.is_none() {
            self.issue(path, Problem::UnknownCode(text));
        }
        value
    }

    /// `illustrative` and `source` of an entry at `path`.
    pub fn provenance(&mut self, path: &str, illustrative: &Field, source: &Field) -> Provenance {
        let illustrative = self.flag(&format!("{path}.illustrative"), illustrative);
        let source_path = format!("{path}.source");
        let source = self.optional_text(&source_path, source).filter(|id| {
            let known = self.source_ids.contains(id);
            if !known {
                self.issue(&source_path, Problem::UnknownSource(id.clone()));
            }
            known
        });
        Provenance {
            illustrative,
            source,
        }
    }

    /// The object at `path`, recording `Missing` or `WrongType(Object)` otherwise.
    pub fn object<'a>(&mut self, path: &str, value: Option<&'a Value>) -> Option<Object<'a>> {
        match value {
            Some(Value::Object(map)) => Some(Object(map)),
            None | Some(Value::Null) => {
                self.issue(path, Problem::Missing);
                None
            }
            Some(_) => {
                self.issue(path, Problem::WrongType(Expected::Object));
                None
            }
        }
    }

    /// The entries of an optional list (absent or null is empty).
    pub fn list<'a>(&mut self, path: &str, value: Option<&'a Value>) -> &'a [Value] {
        match value {
            None | Some(Value::Null) => &[],
            Some(Value::Array(entries)) => entries,
            Some(_) => {
                self.issue(path, Problem::WrongType(Expected::List));
                &[]
            }
        }
    }
}

/// A Unicode noncharacter (U+FDD0 to U+FDEF, and the last two code points of every plane):
/// never text, and not allowed in the XML of an SVG download.
pub fn is_noncharacter(character: char) -> bool {
    let code = u32::from(character);
    (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE
}

/// Whether a character is of Unicode's category Cf (format): invisible, with no place in a
/// name or a code. Zero-width spaces and joiners, the word joiner and invisible operators, the
/// byte-order mark, the soft hyphen, bidirectional marks, overrides and isolates (which could
/// make a label read backwards), tags. The list is Unicode 15.1's, complete.
pub fn is_format_character(character: char) -> bool {
    matches!(
        character,
        '\u{00AD}'
            | '\u{0600}'..='\u{0605}'
            | '\u{061C}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// The byte Windows-1252 or Latin-1 decodes to `character` (text read as either).
fn windows_1252_byte(character: char) -> Option<u8> {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match u32::from(character) {
        code @ 0..=0xFF => u8::try_from(code).ok(),
        _ => HIGH
            .iter()
            .position(|known| *known == character)
            .and_then(|index| u8::try_from(0x80 + index).ok()),
    }
}

/// Text encoded twice (its UTF-8 bytes read as Windows-1252 or Latin-1 and encoded again:
/// `â€‹`, `Ã©`), decoded back, when the whole value decodes cleanly; a second time for text
/// encoded three times. Text that is not such (plain ASCII, real Latin-1 words like `Café`) is
/// left as is.
fn undo_double_encoding(text: &str) -> Option<String> {
    let mut current: Option<String> = None;
    for _ in 0..2 {
        let source = current.as_deref().unwrap_or(text);
        // Only text with a UTF-8 lead byte's character can be double-encoded.
        if !source
            .chars()
            .any(|character| ('\u{C2}'..='\u{F4}').contains(&character))
        {
            break;
        }
        // What cleaning drops anyway is passed over, so that cleaning twice decodes the same.
        let bytes: Option<Vec<u8>> = source
            .chars()
            .filter(|character| {
                !is_format_character(*character)
                    && !is_noncharacter(*character)
                    // C1 controls stay: they are what Latin-1 makes of UTF-8's bytes.
                    && (!character.is_ascii_control() || character.is_ascii_whitespace())
            })
            .map(windows_1252_byte)
            .collect();
        let decoded = bytes.and_then(|bytes| String::from_utf8(bytes).ok());
        match decoded {
            Some(decoded) if decoded != source => current = Some(decoded),
            _ => break,
        }
    }
    current
}

/// A value as the file wrote it, for the data issues that name it (not cleaned: a publisher
/// looking for it needs its invisible characters too), cut to [`RAW_VALUE_CHARS`] characters.
pub fn raw_value(text: &str) -> String {
    cut_chars(text.to_owned(), RAW_VALUE_CHARS)
}

/// `text` cut to `max` characters, with `…` where it was cut.
pub fn cut_chars(text: String, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text,
    }
}

/// Characters of a raw value kept in a data issue.
pub const RAW_VALUE_CHARS: usize = 200;

/// Text as the widget keeps it, the one function every reader passes text through: text
/// encoded twice decoded back (when the whole value decodes cleanly), no control characters, no
/// noncharacters, no format characters (category Cf: zero-width spaces and joiners, byte-order
/// marks, bidirectional overrides and isolates), whitespace collapsed, at most
/// [`MAX_TEXT_CHARS`]. The raw value stays in the data issues that name it.
pub fn clean_text(text: &str) -> String {
    // Cleaning can reveal text encoded twice that a dropped character hid (`Ã\u{85}©`): clean
    // until nothing changes, so that cleaning twice is cleaning once. Each round only shortens
    // the text; two rounds settle anything but contrived text, four are the most taken.
    let mut cleaned = clean_once(text);
    if cleaned == text {
        return cleaned;
    }
    for _ in 0..3 {
        let again = clean_once(&cleaned);
        if again == cleaned {
            break;
        }
        cleaned = again;
    }
    cleaned
}

/// One round of [`clean_text`].
fn clean_once(text: &str) -> String {
    // Most text is short printable ASCII with single spaces inside: already clean.
    // One pass: a space is plain only after a printable character (no leading or double space).
    let bytes = text.as_bytes();
    let mut previous = b' ';
    let plain = bytes.len() <= MAX_TEXT_CHARS
        && bytes.last() != Some(&b' ')
        && bytes.iter().all(|&byte| {
            let fine = byte.is_ascii_graphic() || (byte == b' ' && previous != b' ');
            previous = byte;
            fine
        });
    if plain {
        return text.to_owned();
    }
    let repaired = undo_double_encoding(text);
    let text = repaired.as_deref().unwrap_or(text);
    let mut cleaned = String::with_capacity(text.len().min(MAX_TEXT_CHARS * 4));
    let mut chars = 0;
    let mut pending_space = false;
    for character in text.chars() {
        if is_format_character(character)
            || is_noncharacter(character)
            || (character.is_control() && !character.is_whitespace())
        {
            continue;
        }
        if character.is_whitespace() {
            pending_space = !cleaned.is_empty();
            continue;
        }
        if chars >= MAX_TEXT_CHARS {
            cleaned.push('…');
            break;
        }
        if pending_space {
            cleaned.push(' ');
            chars += 1;
            pending_space = false;
        }
        cleaned.push(character);
        chars += 1;
    }
    cleaned
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_and_text_encoded_twice_are_cleaned() {
        // Zero-width space, joiners, word joiner, invisible times, byte-order mark, soft hyphen.
        assert_eq!(
            clean_text("\u{FEFF}Dinas\u{200B} Kese\u{00AD}hatan\u{2060}\u{2062}\u{200D}"),
            "Dinas Kesehatan"
        );
        // UTF-8 read as Windows-1252 (or Latin-1) and encoded again: a zero-width space, an é,
        // a dash.
        assert_eq!(clean_text("Dinas\u{e2}\u{20ac}\u{2039} PU"), "Dinas PU");
        assert_eq!(clean_text("Dinas\u{e2}\u{80}\u{8b} PU"), "Dinas PU");
        assert_eq!(
            clean_text("Caf\u{c3}\u{a9} \u{e2}\u{20ac}\u{201c} Kaltim"),
            "Café – Kaltim"
        );
        // Three times.
        let once: String = "Café".bytes().map(char::from).collect();
        let twice: String = once
            .as_bytes()
            .iter()
            .map(|byte| char::from(*byte))
            .collect();
        assert_eq!(clean_text(&twice), "Café");
        // Real Latin-1 words, and text that only looks like it, stay.
        assert_eq!(clean_text("Café Ñandú"), "Café Ñandú");
        assert_eq!(clean_text("Ã"), "Ã");
        assert_eq!(clean_text("Rp1.500.000 — 20%"), "Rp1.500.000 — 20%");
    }

    #[test]
    fn cleaned_text_has_no_controls_or_overrides_and_is_bounded() {
        assert_eq!(
            clean_text("  Dinas\u{202E}Kesehatan\u{0007}\n\t Kaltim "),
            "DinasKesehatan Kaltim"
        );
        assert_eq!(
            clean_text(&"x".repeat(10_000)).chars().count(),
            MAX_TEXT_CHARS + 1
        );
        assert_eq!(
            clean_text("<img src=x onerror=alert(1)>"),
            "<img src=x onerror=alert(1)>"
        );
    }

    #[test]
    fn whole_numbers_refuse_what_cannot_be_counted_exactly() {
        let mut reader = Reader::default();
        assert_eq!(reader.whole("a", &Some(Loose::Int(7))), Some(7));
        assert_eq!(reader.whole("b", &Some(Loose::Float(2.5))), Some(3));
        assert_eq!(reader.whole("c", &Some(Loose::Float(f64::INFINITY))), None);
        assert_eq!(reader.whole("d", &Some(Loose::Int(-1))), None);
        assert_eq!(
            reader.whole("e", &Some(Loose::Int(i128::from(i64::MAX) + 1))),
            None
        );
        assert_eq!(reader.whole("f", &Some(Loose::Text("12".into()))), None);
        assert_eq!(reader.whole("g", &None), None);
        let problems: Vec<_> = reader
            .issues
            .iter()
            .map(|issue| (issue.path.as_str(), issue.problem.clone()))
            .collect();
        assert_eq!(
            problems,
            vec![
                ("b", Problem::Rounded),
                ("c", Problem::TooLarge),
                ("d", Problem::Negative),
                ("e", Problem::TooLarge),
                ("f", Problem::WrongType(Expected::WholeNumber)),
                ("g", Problem::Missing),
            ]
        );
    }
}
