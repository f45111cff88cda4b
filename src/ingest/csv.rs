//! Flat CSV of procurement packages, in the style of SiRUP/SPSE exports: one row per package,
//! columns found by their Indonesian or English header names, delimiter `,`, `;` or tab, quoted
//! fields, any line ending. Each cell that cannot be read becomes a data issue at
//! `<line>:<column>` and its row is skipped.

use super::ocds;
use super::ocds_csv::{self, Releases};
use super::rows::{Family, Layout, Read, Rows};
use crate::format::{Issues, LoadError};
use crate::model::Package;
use csv_core::{ReadRecordResult, ReaderBuilder};

/// The delimiter of the header line: the most frequent of `,`, `;` and tab.
pub fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|delimiter| header.bytes().filter(|byte| byte == delimiter).count())
        .unwrap_or(b',')
}

/// Text read at most by one call of [`Records::read`] (a few milliseconds of work).
const BYTES_PER_READ: usize = 1024 * 1024;

/// Header fields looked at, at most: columns past them are not read (a header of a million
/// fields would otherwise be one long step).
pub const MAX_COLUMNS: usize = 1024;

/// A CSV text read a batch of records at a time (so a browser can breathe between batches).
pub struct Records {
    reader: csv_core::Reader,
    output: Vec<u8>,
    ends: Vec<usize>,
    /// Bytes of the text consumed so far.
    consumed: usize,
    /// Line of the next record, counting from 1; and how far newlines were counted.
    line: usize,
    counted_to: usize,
    /// Output bytes and field ends of a record begun but not ended by the text so far.
    used_out: usize,
    used_ends: usize,
    /// Whether the text so far ended in the line breaks after a record (more may follow).
    run_open: bool,
    finished: bool,
}

impl Records {
    /// A reader for text with `delimiter`.
    pub fn new(delimiter: u8) -> Records {
        Records {
            reader: ReaderBuilder::new().delimiter(delimiter).build(),
            output: vec![0u8; 4096],
            ends: vec![0usize; 64],
            consumed: 0,
            line: 1,
            counted_to: 0,
            used_out: 0,
            used_ends: 0,
            run_open: false,
            finished: false,
        }
    }

    /// Calls `each(line, fields)` for up to `limit` more records of `text` (always the same
    /// text, or the same text grown at its end); returns whether the text is finished. Until
    /// `complete`, the text may go on: reading stops at its end, in the middle of a record if
    /// need be, and goes on from there when called again with more.
    pub fn read(
        &mut self,
        text: &str,
        limit: usize,
        complete: bool,
        mut each: impl FnMut(usize, Fields<'_>),
    ) -> bool {
        let (mut used_out, mut used_ends, mut emitted) = (self.used_out, self.used_ends, 0);
        // At most BYTES_PER_READ of text a call, in the middle of a record if need be (a file
        // may hold one record of thirty megabytes, or rows of a million fields).
        let stop = (self.consumed + BYTES_PER_READ).min(text.len());
        while !self.finished && emitted < limit {
            if (!complete || stop < text.len()) && self.consumed == stop {
                break;
            }
            // Once the input is used up, the empty slice tells csv-core the file has ended, so
            // a last line without a newline still counts.
            let input = &text.as_bytes()[self.consumed..stop];
            let (result, read, written, ended) = self.reader.read_record(
                input,
                &mut self.output[used_out..],
                &mut self.ends[used_ends..],
            );
            self.consumed += read;
            used_out += written;
            used_ends += ended;
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => self.output.resize(self.output.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                ReadRecordResult::Record => {
                    if self.run_open {
                        // The line breaks after the last record went on past the text there was.
                        let (run, breaks) = line_breaks(&text.as_bytes()[self.counted_to..]);
                        self.line += breaks;
                        self.counted_to += run;
                        self.run_open = false;
                    }
                    emit(
                        &self.output[..used_out],
                        &self.ends[..used_ends],
                        self.line,
                        &mut each,
                    );
                    emitted += 1;
                    // Lines are counted here, not by csv-core: after a `\r\n` record it counts
                    // the `\n` only once the next record is read.
                    let (run, _) = line_breaks(&text.as_bytes()[self.consumed..]);
                    let next = self.consumed + run;
                    self.line += text.as_bytes()[self.counted_to..next]
                        .iter()
                        .filter(|byte| **byte == b'\n')
                        .count();
                    self.counted_to = next;
                    self.run_open = !complete && next == text.len();
                    used_out = 0;
                    used_ends = 0;
                }
                ReadRecordResult::End => self.finished = true,
            }
        }
        (self.used_out, self.used_ends) = (used_out, used_ends);
        self.finished
    }

    /// Whether every byte of `text` has been read (the rest of a begun record waits for more).
    pub fn caught_up(&self, text: &str) -> bool {
        self.consumed == text.len()
    }
}

/// The length of the run of `\r` and `\n` that `bytes` start with, and how many `\n` it holds.
fn line_breaks(bytes: &[u8]) -> (usize, usize) {
    let run = bytes
        .iter()
        .take_while(|byte| matches!(byte, b'\r' | b'\n'))
        .count();
    let breaks = bytes[..run].iter().filter(|byte| **byte == b'\n').count();
    (run, breaks)
}

/// The fields of one record, read where csv-core wrote them (no list is built per record).
#[derive(Clone, Copy)]
pub struct Fields<'a> {
    output: &'a [u8],
    ends: &'a [usize],
}

impl<'a> Fields<'a> {
    /// How many fields the record has.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the record has no field.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Field `index`, if the record has it.
    pub fn get(&self, index: usize) -> Option<&'a str> {
        let start = match index {
            0 => 0,
            _ => *self.ends.get(index - 1)?,
        };
        let bytes = self.output.get(start..*self.ends.get(index)?)?;
        // The input was valid UTF-8 and csv-core splits only at ASCII bytes.
        Some(std::str::from_utf8(bytes).unwrap_or(""))
    }

    /// The fields in order.
    pub fn iter(self) -> impl Iterator<Item = &'a str> {
        (0..self.len()).filter_map(move |index| self.get(index))
    }
}

fn emit(output: &[u8], ends: &[usize], line: usize, each: &mut impl FnMut(usize, Fields<'_>)) {
    let fields = Fields { output, ends };
    if !(fields.len() == 1 && fields.get(0).unwrap_or("").trim().is_empty()) {
        each(line, fields);
    }
}

/// How the rows of a CSV file are read, once its header is.
enum Mode {
    /// Packages (SiRUP, SPSE, … exports), by the header's layout.
    Rows(Box<(Layout, Rows)>),
    /// Flattened OCDS releases.
    Releases(Releases),
}

/// Reading packages from CSV text, a batch of rows at a time.
pub struct CsvRead {
    records: Records,
    /// How rows are read, once the header is.
    read: Option<Mode>,
    fallback_year: i32,
}

/// What a finished CSV read gives: packages, or OCDS releases to compile by `ocid`.
pub enum CsvDone {
    /// Packages read from rows.
    Rows(Read),
    /// OCDS releases flattened into rows, grouped by `ocid`, with the issues so far.
    Releases(ocds::Grouped, Issues),
}

/// What a finished CSV read gives.
pub type CsvResult = Result<CsvDone, LoadError>;

impl CsvRead {
    /// Starts reading `text`; `fallback_year` is the fiscal year of rows that say none.
    pub fn new(text: &str, fallback_year: i32) -> CsvRead {
        CsvRead {
            records: Records::new(delimiter(text)),
            read: None,
            fallback_year,
        }
    }

    /// The packages read so far, in order (the finished result starts with them).
    pub fn packages(&self) -> &[Package] {
        match &self.read {
            Some(Mode::Rows(rows)) => rows.1.packages(),
            _ => &[],
        }
    }

    /// How many packages the whole text (`length` bytes) will likely give, from the rows read so
    /// far and the share of the text they took (a little more, so that room made for them
    /// suffices).
    pub fn expected(&self, length: usize) -> Option<usize> {
        let consumed = self.records.consumed.max(1);
        let packages = self.packages().len();
        let expected = packages as f64 * length as f64 / consumed as f64;
        (packages > 0).then(|| ((expected * 1.02) as usize + 16).min(crate::format::MAX_PACKAGES))
    }

    /// Whether all of `text` that has come is read.
    pub fn caught_up(&self, text: &str) -> bool {
        self.records.caught_up(text)
    }

    /// Reads up to `limit` more rows of `text` (always the same text, or the same grown at its
    /// end while it is not `complete`); the result once done.
    pub fn step(&mut self, text: &str, limit: usize, complete: bool) -> Option<CsvResult> {
        let CsvRead {
            records,
            read,
            fallback_year,
        } = self;
        let finished = records.read(text, limit, complete, |line, fields| match read {
            None => {
                *read = Some(match ocds_csv::Layout::of(fields.iter(), MAX_COLUMNS) {
                    Some(layout) => Mode::Releases(Releases::new(layout)),
                    None => {
                        let (layout, family) = Layout::of(fields.iter(), MAX_COLUMNS);
                        let amounts = layout.has_amount();
                        let rows = Rows::new(*fallback_year, family, amounts);
                        Mode::Rows(Box::new((layout, rows)))
                    }
                });
            }
            Some(Mode::Rows(read)) => {
                let (layout, rows) = &mut **read;
                rows.add(
                    &|name| format!("{line}:{name}"),
                    layout.cells(move |index| fields.get(index)),
                );
            }
            Some(Mode::Releases(releases)) => {
                releases.add(line, |index| fields.get(index));
            }
        });
        if !finished {
            return None;
        }
        // Without amounts, packages are counted: a file needs at least what names a package.
        match read.take() {
            Some(Mode::Rows(read))
                if read.0.has_amount()
                    || read.0.names_packages()
                    || read.1.family() == Family::Participants =>
            {
                Some(Ok(CsvDone::Rows(read.1.finish())))
            }
            Some(Mode::Releases(releases)) => {
                let (found, issues) = releases.finish();
                Some(Ok(CsvDone::Releases(found, issues)))
            }
            _ => Some(Err(LoadError::NoColumns)),
        }
    }
}
