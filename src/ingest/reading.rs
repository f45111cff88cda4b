//! Reading in steps: CSV rows, JSON Lines lines, the pieces of a JSON document (a Pantau file
//! or an OCDS package) and the compiling of OCDS releases go a batch at a time, so that the
//! browser can paint (and the reader scroll) between batches. The result is the same as reading
//! all at once (`read` is this, with unbounded steps).

use super::document::{self, Ocds};
use super::rows::{Family, Rows};
use super::{csv, detect, flat, json_line, ocds, text, Json, Kind, Origin, PackageMeta};
use super::{Source, SourceFormat};
use crate::format::{Issues, LoadError, Loaded};
use crate::hash::Map as HashMap;
use crate::model::Package;
use crate::pace::Stepped;

/// An input being read.
pub struct Reading {
    text: String,
    address: String,
    current_year: i32,
    state: State,
    /// Whether all the text is there (else more may come at its end: [`super::Progressive`]).
    complete: bool,
    /// The whole input's length, once known (for estimates while the text is still coming).
    length: Option<usize>,
}

enum State {
    Csv(Box<csv::CsvRead>),
    /// JSON Lines, one value per line, read from `cursor` (line number `line`): OCDS, or flat
    /// records into `rows`.
    Lines {
        cursor: usize,
        line: usize,
        grouped: ocds::Grouped,
        issues: Issues,
        rows: Option<Box<Rows>>,
    },
    /// A JSON document (not JSON Lines), parsed and read in steps.
    Document(Stepped<Json>),
    /// Compiling the releases of each `ocid`, counting the currencies of the results.
    Compiling {
        groups: std::vec::IntoIter<Vec<(usize, ocds::Found)>>,
        compiled: Vec<(String, ocds::Release)>,
        counts: HashMap<String, usize>,
        issues: Issues,
        meta: PackageMeta,
        /// A group with a long list, compiled in steps of its own (with the counts).
        long: Option<Stepped<Compiled>>,
    },
    /// Turning compiled releases into packages in the main currency.
    Packaging {
        compiled: std::vec::IntoIter<(String, ocds::Release)>,
        currency: String,
        packages: Vec<Package>,
        issues: Issues,
        meta: PackageMeta,
        /// A release with a long list, packaged in steps of its own (with the issues).
        long: Option<Stepped<(Option<Package>, Issues)>>,
    },
    Done(Option<Box<Result<Loaded, LoadError>>>),
}

/// What JSON Lines hold, one object a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lines {
    /// OCDS releases, records or packages.
    Ocds,
    /// Flat records of packages (an ISB export), of this family, with amount fields or not.
    Rows(Family, bool),
}

/// Whether `text` is JSON Lines, and of what: its first line alone is a JSON object of OCDS or
/// a flat record, and more follows.
pub(super) fn json_lines(text: &str) -> Option<Lines> {
    let text = text.trim_start();
    let (first, rest) = text.split_once('\n')?;
    if rest.trim().is_empty() {
        return None;
    }
    match serde_json::from_str::<ocds::Top>(first) {
        Ok(ocds::Top::Object(document)) if document.is_ocds() => Some(Lines::Ocds),
        _ => flat::lines_family(text).map(|(family, amounts)| Lines::Rows(family, amounts)),
    }
}

/// The state that reads JSON Lines of `lines`.
fn lines_state(lines: Lines, current_year: i32) -> State {
    State::Lines {
        cursor: 0,
        line: 1,
        grouped: ocds::Grouped::default(),
        issues: Issues::new(),
        rows: match lines {
            Lines::Ocds => None,
            Lines::Rows(family, amounts) => {
                Some(Box::new(Rows::new(current_year, family, amounts)))
            }
        },
    }
}

/// The state that reads a JSON document in steps.
fn in_steps(text: String, format: Option<SourceFormat>, ocds: Ocds, current_year: i32) -> State {
    State::Document(Stepped::new(move |pace| async move {
        document::read(&text, format, ocds, current_year, &pace).await
    }))
}

/// The state after a JSON document: done, or its releases to compile.
fn after_document(json: Json, origin: Origin) -> State {
    match json {
        Json::Done(result) => State::Done(Some(result)),
        Json::Rows(read) => State::Done(Some(Box::new(super::rows_loaded(*read, origin)))),
        Json::Releases {
            found,
            issues,
            meta,
        } => compiling(found, issues, meta),
    }
}

/// A group's compiled release, if any, and the currency counts with its own.
type Compiled = (Option<(String, ocds::Release)>, HashMap<String, usize>);

/// The state that compiles `grouped` releases.
fn compiling(grouped: ocds::Grouped, issues: Issues, meta: PackageMeta) -> State {
    let groups: Vec<_> = grouped.into_groups().collect();
    State::Compiling {
        compiled: Vec::with_capacity(groups.len()),
        groups: groups.into_iter(),
        counts: HashMap::default(),
        issues,
        meta,
        long: None,
    }
}

impl Reading {
    /// Starts reading `source`: where nobody waits on the thread (an OCDS document is parsed
    /// at once, which is fastest).
    pub fn start(source: Source) -> Reading {
        Reading::begin(source, Ocds::AtOnce)
    }

    /// Starts reading `source` on a thread that must answer the reader between steps: no step
    /// parses more than a piece of a JSON document.
    pub fn sliced(source: Source) -> Reading {
        Reading::begin(source, Ocds::InSteps)
    }

    fn begin(source: Source, ocds: Ocds) -> Reading {
        let (address, current_year) = (source.address, source.current_year);
        let reading = |text: String, state: State| Reading {
            text,
            address: address.to_owned(),
            current_year,
            state,
            complete: true,
            length: None,
        };
        let done = |result| reading(String::new(), State::Done(Some(Box::new(result))));
        match detect(&source) {
            Kind::WebPage => done(Err(LoadError::NotAFile)),
            Kind::Pantau => {
                let bytes = source
                    .bytes
                    .strip_prefix(b"\xEF\xBB\xBF")
                    .unwrap_or(&source.bytes);
                match std::str::from_utf8(bytes) {
                    Ok(text) => {
                        let format = Some(SourceFormat::Pantau);
                        reading(
                            String::new(),
                            in_steps(text.to_owned(), format, ocds, current_year),
                        )
                    }
                    // Not text: refused where it stops being UTF-8.
                    Err(_) => done(crate::format::parse(&source.bytes)),
                }
            }
            Kind::Csv => {
                let text = text::into_text(source.bytes).into_owned();
                let state = State::Csv(Box::new(csv::CsvRead::new(&text, current_year)));
                reading(text, state)
            }
            Kind::Json => {
                let text = text::into_text(source.bytes);
                if let Some(lines) = json_lines(&text) {
                    return reading(text.into_owned(), lines_state(lines, current_year));
                }
                let forced = source.format.filter(|format| *format == SourceFormat::Ocds);
                reading(
                    String::new(),
                    in_steps(text.into_owned(), forced, ocds, current_year),
                )
            }
        }
    }

    /// Starts reading CSV (`lines` none) or JSON Lines whose text so far is `text` (UTF-8, with
    /// its first line whole), more of which will come ([`Reading::push`]) until
    /// [`Reading::complete`]; `length` is the whole input's, in bytes, if known.
    pub(super) fn partial(
        text: String,
        lines: Option<Lines>,
        origin: Origin<'_>,
        length: Option<usize>,
    ) -> Reading {
        let state = match lines {
            Some(lines) => lines_state(lines, origin.current_year),
            None => State::Csv(Box::new(csv::CsvRead::new(&text, origin.current_year))),
        };
        Reading {
            text,
            address: origin.address.to_owned(),
            current_year: origin.current_year,
            state,
            complete: false,
            length,
        }
    }

    /// More text of a partial reading, at the end of what came.
    pub(super) fn push(&mut self, more: &str) {
        self.text.push_str(more);
    }

    /// Says that the text is all there: the reading can finish.
    pub(super) fn complete(&mut self) {
        self.complete = true;
    }

    /// The text so far, as bytes (for a partial reading that must start over).
    pub(super) fn into_bytes(self) -> Vec<u8> {
        self.text.into_bytes()
    }

    /// Whether a partial reading has read all the text that came (it waits for more).
    pub(super) fn caught_up(&self) -> bool {
        match &self.state {
            State::Csv(reading) => reading.caught_up(&self.text),
            State::Lines { cursor, .. } => !self.text[*cursor..].contains('\n'),
            _ => false,
        }
    }

    /// The packages made so far, in order: the finished result's packages start with them (so a
    /// reader can pass them on while it reads).
    pub fn packages(&self) -> &[Package] {
        match &self.state {
            State::Csv(reading) => reading.packages(),
            State::Packaging { packages, .. } => packages,
            _ => &[],
        }
    }

    /// How many packages the whole input will likely give, once some are made: an estimate
    /// for CSV, the number of processes left plus those made for OCDS.
    pub fn expected(&self) -> Option<usize> {
        match &self.state {
            State::Csv(reading) => reading.expected(self.length.unwrap_or(self.text.len())),
            State::Packaging {
                packages, compiled, ..
            } => Some(packages.len() + compiled.len()),
            _ => None,
        }
    }

    /// Reads up to `rows` more rows, lines or `ocid`s; the result once the input is read.
    pub fn step(&mut self, rows: usize) -> Option<Result<Loaded, LoadError>> {
        let origin = Origin {
            address: &self.address,
            current_year: self.current_year,
        };
        match &mut self.state {
            State::Done(result) => result.take().map(|result| *result),
            State::Document(stepped) => {
                let json = stepped.step(rows)?;
                self.state = after_document(json, origin);
                match &mut self.state {
                    State::Done(result) => result.take().map(|result| *result),
                    _ => None,
                }
            }
            State::Csv(reading) => match reading.step(&self.text, rows, self.complete)? {
                Ok(csv::CsvDone::Rows(read)) => Some(super::rows_loaded(read, origin)),
                Ok(csv::CsvDone::Releases(grouped, issues)) => {
                    // Flattened OCDS: compiled by ocid as any OCDS releases.
                    self.text = String::new();
                    self.state = compiling(grouped, issues, PackageMeta::default());
                    None
                }
                Err(error) => Some(Err(error)),
            },
            State::Lines {
                cursor,
                line,
                grouped,
                issues,
                rows: records,
            } => {
                let mut read = 0;
                while read < rows && *cursor < self.text.len() {
                    let rest = &self.text[*cursor..];
                    let (current, length) = match rest.find('\n') {
                        Some(end) => (&rest[..end], end + 1),
                        // A last line without its newline is whole only once all has come.
                        None if !self.complete => break,
                        None => (rest, rest.len()),
                    };
                    if !current.trim().is_empty() {
                        match records {
                            Some(records) => flat::line(current, *line, records),
                            None => {
                                json_line(current, *line, grouped, issues);
                            }
                        }
                        read += 1;
                    }
                    *cursor += length;
                    *line += 1;
                }
                if *cursor < self.text.len() || !self.complete {
                    return None;
                }
                // All lines read: the text is no longer needed.
                self.text = String::new();
                if let Some(records) = records.take() {
                    self.state =
                        State::Done(Some(Box::new(super::rows_loaded(records.finish(), origin))));
                    return match &mut self.state {
                        State::Done(result) => result.take().map(|result| *result),
                        _ => None,
                    };
                }
                let (grouped, issues) = (std::mem::take(grouped), std::mem::take(issues));
                self.state = compiling(grouped, issues, PackageMeta::default());
                None
            }
            State::Compiling {
                groups,
                compiled,
                counts,
                issues,
                meta,
                long,
            } => {
                for _ in 0..rows {
                    if let Some(stepped) = long {
                        // A long group takes whole steps of its own.
                        let (result, returned) = stepped.step(rows)?;
                        (*counts, *long) = (returned, None);
                        compiled.extend(result);
                        break;
                    }
                    let Some(group) = groups.next() else {
                        break;
                    };
                    if group.iter().any(|(_, found)| ocds::is_long(&found.release)) {
                        let mut counts = std::mem::take(counts);
                        *long = Some(Stepped::new(|pace| async move {
                            let result = ocds::compile_group_paced(group, &pace).await;
                            if let Some((_, release)) = &result {
                                ocds::count_currencies_paced(release, &mut counts, &pace).await;
                            }
                            (result, counts)
                        }));
                        continue;
                    }
                    if let Some((path, release)) = ocds::compile_group(group) {
                        ocds::count_currencies(&release, counts);
                        compiled.push((path, release));
                    }
                }
                if groups.len() > 0 || long.is_some() {
                    return None;
                }
                let issues = std::mem::take(issues);
                // Without any amount, the processes are counted (in no currency: rupiah).
                let currency = match ocds::best_currency(counts) {
                    Some(currency) => currency,
                    None if counts.is_empty() => "IDR".to_owned(),
                    None => return Some(Err(LoadError::NoData(issues))),
                };
                self.state = State::Packaging {
                    packages: Vec::with_capacity(compiled.len()),
                    compiled: std::mem::take(compiled).into_iter(),
                    currency,
                    issues,
                    meta: std::mem::take(meta),
                    long: None,
                };
                None
            }
            State::Packaging {
                compiled,
                currency,
                packages,
                issues,
                meta,
                long,
            } => {
                let year = origin.current_year;
                for _ in 0..rows {
                    if let Some(stepped) = long {
                        // A long release takes whole steps of its own.
                        let (package, returned) = stepped.step(rows)?;
                        (*issues, *long) = (returned, None);
                        packages.extend(package);
                        break;
                    }
                    let Some((path, release)) = compiled.next() else {
                        break;
                    };
                    if ocds::is_long(&release) {
                        let (mut issues, currency) = (std::mem::take(issues), currency.clone());
                        *long = Some(Stepped::new(move |pace| async move {
                            let money = (currency.as_str(), year);
                            let package =
                                ocds::package_paced(&path, &release, money, &mut issues, &pace)
                                    .await;
                            ocds::dispose(release, &pace).await;
                            (package, issues)
                        }));
                        continue;
                    }
                    let package = ocds::package(&path, &release, currency, year, issues);
                    packages.extend(package);
                }
                if compiled.len() > 0 || long.is_some() {
                    return None;
                }
                let (mut packages, mut issues) = (std::mem::take(packages), std::mem::take(issues));
                ocds::counted_only(&mut packages, &mut issues);
                let meta = std::mem::take(meta);
                Some(super::ocds_loaded(packages, issues, currency, meta, origin))
            }
        }
    }
}
