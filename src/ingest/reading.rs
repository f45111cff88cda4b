//! Reading in steps: a large CSV or JSON Lines file is read a batch of rows at a time, so that
//! the browser can paint (and the reader scroll) between batches; every other input is read at
//! once. The result is the same as reading all at once (`read` is this, in one step).

use super::{csv, ocds, read_now, text, Origin, PackageMeta, Source, SourceFormat};
use crate::format::{DataIssue, LoadError, Loaded, Problem};
use serde_json::Value;

/// An input being read.
pub struct Reading {
    text: String,
    address: String,
    current_year: i32,
    state: State,
}

enum State {
    Csv(csv::CsvRead),
    Lines {
        cursor: usize,
        line: usize,
        found: Vec<ocds::Found>,
        issues: Vec<DataIssue>,
        objects: usize,
    },
    Done(Option<Result<Loaded, LoadError>>),
}

/// Whether `text` is JSON Lines: its first line alone is a JSON object of OCDS, and more follows.
fn is_json_lines(text: &str) -> bool {
    let text = text.trim_start();
    let Some((first, rest)) = text.split_once('\n') else {
        return false;
    };
    !rest.trim().is_empty()
        && serde_json::from_str::<Value>(first).is_ok_and(|value| {
            ["ocid", "releases", "records", "compiledRelease"]
                .iter()
                .any(|key| value.get(key).is_some())
        })
}

impl Reading {
    /// Starts reading `source`: a CSV or JSON Lines file in steps, anything else at once.
    pub fn start(source: Source) -> Reading {
        let done = |result| Reading {
            text: String::new(),
            address: source.address.to_owned(),
            current_year: source.current_year,
            state: State::Done(Some(result)),
        };
        let first = source
            .bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .unwrap_or(source.bytes)
            .iter()
            .copied()
            .find(|byte| !byte.is_ascii_whitespace());
        let content_type = source.content_type.unwrap_or("").to_ascii_lowercase();
        let csv = first != Some(b'<')
            && (source.format == Some(SourceFormat::Csv)
                || (source.format.is_none()
                    && (content_type.contains("csv")
                        || !matches!(first, Some(b'{' | b'[') | None))));
        let lines = first == Some(b'{')
            && matches!(source.format, None | Some(SourceFormat::Ocds))
            && is_json_lines(&text::decode(source.bytes));
        if !csv && !lines {
            return done(read_now(source));
        }
        let text = text::decode(source.bytes).into_owned();
        let state = if csv {
            State::Csv(csv::CsvRead::new(&text, source.current_year))
        } else {
            State::Lines {
                cursor: 0,
                line: 1,
                found: Vec::new(),
                issues: Vec::new(),
                objects: 0,
            }
        };
        Reading {
            text,
            address: source.address.to_owned(),
            current_year: source.current_year,
            state,
        }
    }

    /// Reads up to `rows` more rows (or lines); the result once the input is read.
    pub fn step(&mut self, rows: usize) -> Option<Result<Loaded, LoadError>> {
        let origin = Origin {
            address: &self.address,
            current_year: self.current_year,
        };
        match &mut self.state {
            State::Done(result) => result.take(),
            State::Csv(reading) => {
                let result = reading.step(&self.text, rows)?;
                Some(
                    result
                        .and_then(|(packages, issues)| super::csv_loaded(packages, issues, origin)),
                )
            }
            State::Lines {
                cursor,
                line,
                found,
                issues,
                objects,
            } => {
                let mut read = 0;
                while read < rows && *cursor < self.text.len() {
                    let rest = &self.text[*cursor..];
                    let (current, length) = match rest.find('\n') {
                        Some(end) => (&rest[..end], end + 1),
                        None => (rest, rest.len()),
                    };
                    if !current.trim().is_empty() {
                        match serde_json::from_str::<Value>(current) {
                            Ok(value @ Value::Object(_)) => {
                                *objects += 1;
                                ocds::releases_in(value, &format!("{line}:"), found, issues);
                            }
                            _ => issues
                                .push(DataIssue::new(format!("{line}:"), Problem::NotJsonLine)),
                        }
                        read += 1;
                    }
                    *cursor += length;
                    *line += 1;
                }
                if *cursor < self.text.len() {
                    return None;
                }
                let (found, issues) = (std::mem::take(found), std::mem::take(issues));
                Some(super::finish_ocds(
                    found,
                    issues,
                    PackageMeta::default(),
                    origin,
                ))
            }
        }
    }
}
