//! Reading in steps: a large CSV or JSON Lines file is read a batch of rows at a time, so that
//! the browser can paint (and the reader scroll) between batches; every other input is read at
//! once. The result is the same as reading all at once (`read` is this, in one step).

use super::{csv, ocds, read_now, text, Origin, PackageMeta, Source, SourceFormat};
use crate::format::{DataIssue, LoadError, Loaded, Problem};
use crate::model::Package;
use serde_json::Value;
use std::collections::HashMap;

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
        grouped: ocds::Grouped,
        issues: Vec<DataIssue>,
    },
    /// Compiling the releases of each `ocid`, counting the currencies of the results.
    Compiling {
        groups: std::vec::IntoIter<Vec<(usize, ocds::Found)>>,
        compiled: Vec<(String, Value)>,
        counts: HashMap<String, usize>,
        issues: Vec<DataIssue>,
    },
    /// Turning compiled releases into packages in the main currency.
    Packaging {
        compiled: std::vec::IntoIter<(String, Value)>,
        currency: String,
        packages: Vec<Package>,
        issues: Vec<DataIssue>,
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
                grouped: ocds::Grouped::default(),
                issues: Vec::new(),
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
                grouped,
                issues,
            } => {
                let mut read = 0;
                let mut found = Vec::new();
                while read < rows && *cursor < self.text.len() {
                    let rest = &self.text[*cursor..];
                    let (current, length) = match rest.find('\n') {
                        Some(end) => (&rest[..end], end + 1),
                        None => (rest, rest.len()),
                    };
                    if !current.trim().is_empty() {
                        match serde_json::from_str::<Value>(current) {
                            Ok(value @ Value::Object(_)) => {
                                ocds::releases_in(value, &format!("{line}:"), &mut found, issues);
                                found.drain(..).for_each(|item| grouped.add(item));
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
                // All lines read: the text is no longer needed.
                self.text = String::new();
                let groups: Vec<_> = std::mem::take(grouped).into_groups().collect();
                self.state = State::Compiling {
                    groups: groups.into_iter(),
                    compiled: Vec::new(),
                    counts: HashMap::new(),
                    issues: std::mem::take(issues),
                };
                None
            }
            State::Compiling {
                groups,
                compiled,
                counts,
                issues,
            } => {
                for group in groups.by_ref().take(rows) {
                    if let Some((path, release)) = ocds::compile_group(group) {
                        ocds::count_currencies(&release, counts);
                        compiled.push((path, release));
                    }
                }
                if groups.len() > 0 {
                    return None;
                }
                let issues = std::mem::take(issues);
                let Some(currency) = ocds::best_currency(counts) else {
                    return Some(Err(LoadError::NoData(issues)));
                };
                self.state = State::Packaging {
                    compiled: std::mem::take(compiled).into_iter(),
                    currency,
                    packages: Vec::new(),
                    issues,
                };
                None
            }
            State::Packaging {
                compiled,
                currency,
                packages,
                issues,
            } => {
                for (path, release) in compiled.by_ref().take(rows) {
                    let package =
                        ocds::package(&path, &release, currency, origin.current_year, issues);
                    packages.extend(package);
                }
                if compiled.len() > 0 {
                    return None;
                }
                let (packages, issues) = (std::mem::take(packages), std::mem::take(issues));
                Some(super::ocds_loaded(
                    packages,
                    issues,
                    currency,
                    PackageMeta::default(),
                    origin,
                ))
            }
        }
    }
}
