//! `pantau convert FILE… -o stats.json`: package-level inputs (CSV and JSON Lines of records
//! streamed in steps; JSON arrays, OCDS packages and OCDS release lines whole, as releases of
//! one process are merged by ocid wherever they lie; gzip-compressed or not, several files)
//! aggregated into a format-v1 statistics file whose `packages` are groups of packages that
//! share every attribute the widget filters and charts by (`count` says how many). Memory is
//! that of one step and of the groups, whatever the input's size: national data becomes a file a
//! CDN serves to any number of readers, charting the same totals under the same filters.

use super::cli::ConvertArgs;
use super::failure::{Failure, CHECK_PATH, RUN_CHECK};
use super::input::{self, Input};
use super::output::Output;
use super::progress::Progress;
use pantau_pbj::model::{Code, Package, YearMonth};
use serde_json::{Map, Value};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::rc::Rc;

/// Records read per step of a streamed file.
const STEP_RECORDS: usize = 20_000;

/// What a group is: every attribute the widget filters or charts by.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    fiscal_year: i32,
    unit: Option<String>,
    region: Option<String>,
    government: Option<String>,
    method: Option<&'static str>,
    kind: Option<&'static str>,
    month: Option<(i32, u8)>,
    pdn: Option<bool>,
    umkk: Option<bool>,
    /// Which stages the packages have an amount at (a stage is never counted for a package
    /// without one).
    stages: [bool; 3],
    illustrative: bool,
    source: Option<String>,
}

/// A group's amounts per stage and how many packages it holds.
#[derive(Debug, Default)]
struct Sums {
    amounts: [i64; 3],
    count: u64,
}

/// Everything read so far.
#[derive(Default)]
struct Totals {
    groups: BTreeMap<Key, Sums>,
    packages: u64,
    without_amounts: u64,
    overflowed: u64,
    issues: usize,
    bytes: u64,
    /// The first input's metadata, and the latest date and widest period seen.
    meta: Option<pantau_pbj::model::Meta>,
}

impl Totals {
    fn add(&mut self, package: &Package) {
        self.packages = self.packages.saturating_add(package.count);
        let amounts = [
            package.amounts.rencana,
            package.amounts.komitmen,
            package.amounts.realisasi,
        ];
        if amounts.iter().all(Option::is_none) {
            self.without_amounts = self.without_amounts.saturating_add(package.count);
            return;
        }
        let key = Key {
            fiscal_year: package.fiscal_year,
            unit: package.unit.clone(),
            region: package.region.clone(),
            government: package.government.clone(),
            method: package.method.map(|method| method.code()),
            kind: package.kind.map(|kind| kind.code()),
            month: package.month.map(|month| (month.year, month.month)),
            pdn: package.pdn,
            umkk: package.umkk,
            stages: amounts.map(|amount| amount.is_some()),
            illustrative: package.provenance.illustrative,
            source: package.provenance.source.clone(),
        };
        let sums = self.groups.entry(key).or_default();
        let mut added = sums.amounts;
        for (sum, amount) in added.iter_mut().zip(amounts) {
            match sum.checked_add(amount.map_or(0, |amount| amount.0)) {
                Some(total) => *sum = total,
                None => {
                    self.overflowed += 1;
                    return;
                }
            }
        }
        sums.amounts = added;
        sums.count = sums.count.saturating_add(package.count);
    }

    fn take(&mut self, loaded: pantau_pbj::format::Loaded) {
        self.issues += loaded.issues.count();
        for package in &loaded.dataset.packages {
            self.add(package);
        }
        let meta = loaded.dataset.meta;
        match &mut self.meta {
            None => self.meta = Some(meta),
            Some(known) => {
                known.as_of = known.as_of.max(meta.as_of);
                known.period = (
                    known.period.0.min(meta.period.0),
                    known.period.1.max(meta.period.1),
                );
            }
        }
    }
}

/// Reads `text` (one step: a CSV header and rows, or JSON Lines) as the widget reads a file.
fn step(totals: &mut Totals, input: &Input, text: &[u8]) -> Result<(), Failure> {
    let loaded = input::load(&input.name(), text).map_err(|error| {
        Failure::unusable(format!(
            "{}: {}",
            input.shown(),
            pantau_pbj::i18n::describe_load_error(&error, pantau_pbj::i18n::Lang::En)
        ))
        .hint(RUN_CHECK)
    })?;
    totals.take(loaded);
    Ok(())
}

/// Counts the bytes read through it (of the input as stored: compressed, for gzip), for the
/// progress bar.
struct Counted<R> {
    inner: R,
    read: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        let read = self.inner.read(buffer)?;
        self.read.set(self.read.get() + read as u64);
        Ok(read)
    }
}

/// Where the work is: the bar, the bytes of the inputs done before this one, and this one's.
struct Watch<'progress> {
    progress: &'progress Progress,
    before: u64,
    read: Rc<Cell<u64>>,
}

impl Watch<'_> {
    fn show(&self, totals: &Totals) {
        self.progress.at(
            self.before + self.read.get(),
            format!("{} records", totals.packages),
        );
    }
}

/// Whether a CSV line leaves a quoted field open (an odd number of quotes).
fn opens_quote(line: &[u8]) -> bool {
    line.iter().filter(|byte| **byte == b'"').count() % 2 == 1
}

/// Streams one input into `totals`.
fn convert_file(totals: &mut Totals, input: &Input, watch: &Watch) -> Result<(), Failure> {
    let cannot_read = |error: std::io::Error| {
        Failure::unusable(format!("cannot read {}: {error}", input.shown())).hint(CHECK_PATH)
    };
    let source: Box<dyn Read> = match input {
        Input::Stdin => Box::new(std::io::stdin().lock()),
        Input::File(path) => Box::new(std::fs::File::open(path).map_err(cannot_read)?),
    };
    let counted = Counted {
        inner: source,
        read: watch.read.clone(),
    };
    let mut raw = BufReader::with_capacity(1 << 20, counted);
    let gzip = raw
        .fill_buf()
        .map_err(cannot_read)?
        .starts_with(&[0x1f, 0x8b]);
    let reader: Box<dyn Read> = match gzip {
        true => Box::new(flate2::read::MultiGzDecoder::new(raw)),
        false => Box::new(raw),
    };
    let mut reader = BufReader::with_capacity(1 << 20, reader);
    let mut first = Vec::new();
    read_line(&mut reader, &mut first, input)?;
    totals.bytes += first.len() as u64;
    let head = first.trim_ascii_start();
    // The first line alone a JSON object: JSON Lines of records. OCDS releases of one process
    // may lie anywhere in the file and are merged by ocid: a file of them is read whole, like a
    // JSON document (an ISB array, an OCDS package).
    let record = head
        .starts_with(b"{")
        .then(|| serde_json::from_slice::<Map<String, Value>>(first.trim_ascii()).ok())
        .flatten();
    let json_lines = record.is_some();
    let releases = record.is_some_and(|record| record.contains_key("ocid"));
    if head.starts_with(b"[") || head.starts_with(b"{") && !json_lines || releases {
        let mut text = first;
        reader.read_to_end(&mut text).map_err(cannot_read)?;
        totals.bytes += text.len() as u64;
        watch.show(totals);
        return step(totals, input, &text);
    }
    // CSV (a header, then rows) or JSON Lines: a step of records at a time; a CSV header is
    // repeated at the head of every step.
    let header = if json_lines {
        Vec::new()
    } else {
        first.clone()
    };
    let mut chunk = first;
    let mut records = 0;
    let mut open = !json_lines && opens_quote(&chunk);
    let mut line = Vec::new();
    let mut lines: u64 = 0;
    loop {
        line.clear();
        let read = read_line(&mut reader, &mut line, input)?;
        totals.bytes += read as u64;
        if read == 0 {
            break;
        }
        chunk.extend_from_slice(&line);
        lines += 1;
        if lines % 8192 == 0 {
            watch.show(totals);
        }
        if !json_lines && opens_quote(&line) {
            open = !open;
        }
        if !open {
            records += 1;
        }
        if records >= STEP_RECORDS && !open {
            step(totals, input, &chunk)?;
            watch.show(totals);
            chunk.clear();
            chunk.extend_from_slice(&header);
            records = 0;
        }
    }
    if chunk.len() > header.len() || totals.meta.is_none() {
        step(totals, input, &chunk)?;
        watch.show(totals);
    }
    Ok(())
}

fn read_line(
    reader: &mut impl BufRead,
    line: &mut Vec<u8>,
    input: &Input,
) -> Result<usize, Failure> {
    reader.read_until(b'\n', line).map_err(|error| {
        Failure::unusable(format!("cannot read {}: {error}", input.shown())).hint(CHECK_PATH)
    })
}

/// The peak memory of this process, in megabytes, where the system says (Linux).
fn peak_megabytes() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kilobytes: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kilobytes / 1024.0)
}

/// The format-v1 file of `totals`, through the library's writer (`format::write`).
fn document(totals: &Totals) -> Result<Value, Failure> {
    use pantau_pbj::format::write;
    use pantau_pbj::model::{Method, ProcurementType, Provenance, Rupiah, StageAmounts};
    let meta = totals
        .meta
        .as_ref()
        .ok_or_else(|| Failure::unusable("nothing was read"))?;
    let fiscal_year = totals
        .groups
        .keys()
        .map(|key| key.fiscal_year)
        .max()
        .unwrap_or(meta.fiscal_year);
    let mut meta = meta.clone();
    meta.fiscal_year = fiscal_year;
    meta.notes = Some(format!(
        "Diringkas oleh pantau convert dari {} paket; setiap entri adalah kelompok paket dengan atribut yang sama (count). / Aggregated by pantau convert from {} packages; each entry is a group of packages sharing every attribute (count).",
        totals.packages, totals.packages
    ));
    // Illustrative is said per entry; the region and the publisher's notes of the first input
    // are not the whole's.
    meta.illustrative = false;
    meta.region = None;
    let packages: Vec<Value> = totals
        .groups
        .iter()
        .map(|(key, sums)| {
            let amount = |index: usize| key.stages[index].then_some(Rupiah(sums.amounts[index]));
            let group = Package {
                id: None,
                name: None,
                unit: key.unit.clone(),
                region: key.region.clone(),
                government: key.government.clone(),
                method: key.method.and_then(Method::from_code),
                kind: key.kind.and_then(ProcurementType::from_code),
                fiscal_year: key.fiscal_year,
                month: key
                    .month
                    .and_then(|(year, month)| YearMonth::new(year, month)),
                date: None,
                selection_day: None,
                amounts: StageAmounts {
                    rencana: amount(0),
                    komitmen: amount(1),
                    realisasi: amount(2),
                },
                pdn: key.pdn,
                umkk: key.umkk,
                local_values: None,
                non_ukm_reason: None,
                tenderers: None,
                tender: None,
                count: sums.count,
                provenance: Provenance {
                    illustrative: key.illustrative,
                    source: key.source.clone(),
                },
            };
            write::package(&group)
        })
        .collect();
    Ok(write::document(write::meta(&meta), packages))
}

pub fn run(arguments: &ConvertArgs) -> Result<(), Failure> {
    let inputs = Input::all(&arguments.files)?;
    let out = Output::from_argument(&arguments.out);
    let started = std::time::Instant::now();
    // The bar's whole: the files' sizes as stored (standard input's is not known).
    let sizes: Vec<Option<u64>> = inputs
        .iter()
        .map(|input| match input {
            Input::Stdin => None,
            Input::File(path) => std::fs::metadata(path).ok().map(|meta| meta.len()),
        })
        .collect();
    let whole = sizes.iter().copied().sum::<Option<u64>>();
    let progress = Progress::bytes(whole, "convert", arguments.quiet);
    let mut totals = Totals::default();
    let mut before = 0;
    for (input, size) in inputs.iter().zip(&sizes) {
        let watch = Watch {
            progress: &progress,
            before,
            read: Rc::new(Cell::new(0)),
        };
        convert_file(&mut totals, input, &watch)?;
        before += size.unwrap_or(watch.read.get());
    }
    let document = document(&totals)?;
    let text = serde_json::to_string(&document)
        .map_err(|error| Failure::unusable(format!("JSON: {error}")))?;
    out.write(text.as_bytes())?;
    progress.done();
    if arguments.quiet {
        return Ok(());
    }
    let seconds = started.elapsed().as_secs_f64().max(1e-9);
    let megabytes = totals.bytes as f64 / 1e6;
    eprintln!(
        "pantau convert: {} packages ({:.1} MB) in {:.2} s, {:.1} MB/s; {} groups, {} bytes written to {}; peak memory {}",
        totals.packages,
        megabytes,
        seconds,
        megabytes / seconds,
        totals.groups.len(),
        text.len(),
        out.shown(),
        peak_megabytes().map_or_else(|| "unknown".to_owned(), |peak| format!("{peak:.1} MB")),
    );
    if totals.without_amounts > 0 {
        eprintln!(
            "pantau convert: {} packages without any amount left out (format v1 needs one)",
            totals.without_amounts
        );
    }
    if totals.overflowed > 0 {
        eprintln!(
            "pantau convert: {} packages left out: their group's sum would overflow",
            totals.overflowed
        );
    }
    if totals.issues > 0 {
        eprintln!(
            "pantau convert: {} data issues in the inputs (pantau check lists them)",
            totals.issues
        );
    }
    Ok(())
}
