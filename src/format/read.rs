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

/// Text as the widget keeps it: no control characters, no noncharacters, no bidirectional
/// overrides or isolates (which could make a label read backwards), whitespace collapsed, at
/// most [`MAX_TEXT_CHARS`].
pub fn clean_text(text: &str) -> String {
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
    let mut cleaned = String::with_capacity(text.len().min(MAX_TEXT_CHARS * 4));
    let mut chars = 0;
    let mut pending_space = false;
    for character in text.chars() {
        let is_bidi_control = matches!(character, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}');
        if is_bidi_control
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
