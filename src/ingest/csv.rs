//! Flat CSV of procurement packages, in the style of SiRUP/SPSE exports: one row per package,
//! columns found by their Indonesian or English header names, delimiter `,`, `;` or tab, quoted
//! fields, any line ending. Each cell that cannot be read becomes a data issue at
//! `<line>:<column>` and its row is skipped.

use super::cells;
use crate::format::{clean_text, Issues, LoadError, Problem};
use crate::model::{Method, Package, ProcurementType, Provenance, Rupiah, StageAmounts};
use csv_core::{ReadRecordResult, ReaderBuilder};
use rustc_hash::FxHashMap;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Id,
    Name,
    Unit,
    Region,
    Method,
    Type,
    Year,
    Date,
    Rencana,
    Komitmen,
    Realisasi,
    Pdn,
    Umkk,
    Tenderers,
    Count,
}

/// Header names each column answers to (folded: lower case, `_` between words).
pub const HEADERS: &[(Column, &[&str])] = &[
    (
        Column::Id,
        &[
            "kd_rup",
            "kode_rup",
            "kode_paket",
            "kd_paket",
            "id_paket",
            "id",
            "code",
            "package_id",
            "ocid",
        ],
    ),
    (
        Column::Name,
        &[
            "nama_paket",
            "paket",
            "nama",
            "name",
            "package",
            "package_name",
            "title",
        ],
    ),
    (
        Column::Unit,
        &[
            "nama_satker",
            "satker",
            "satuan_kerja",
            "nama_satuan_kerja",
            "skpd",
            "nama_skpd",
            "nama_perangkat_daerah",
            "nama_opd",
            "opd",
            "perangkat_daerah",
            "unit_kerja",
            "unit",
            "spending_unit",
            "buyer",
        ],
    ),
    (
        Column::Region,
        &[
            "wilayah",
            "lokasi",
            "lokasi_pekerjaan",
            "kabupaten_kota",
            "kab_kota",
            "kabupaten",
            "region",
            "location",
            "district",
        ],
    ),
    (
        Column::Method,
        &[
            "metode_pengadaan",
            "metode_pemilihan",
            "metode",
            "method",
            "procurement_method",
        ],
    ),
    (
        Column::Type,
        &[
            "jenis_pengadaan",
            "jenis",
            "type",
            "procurement_type",
            "category",
            "kategori",
        ],
    ),
    (
        Column::Year,
        &["tahun_anggaran", "ta", "tahun", "fiscal_year", "year"],
    ),
    (
        Column::Date,
        &[
            "tanggal",
            "tanggal_kontrak",
            "tgl_kontrak",
            "bulan",
            "tanggal_realisasi",
            "date",
            "contract_date",
            "month",
        ],
    ),
    (
        Column::Rencana,
        &[
            "pagu",
            "pagu_rup",
            "pagu_paket",
            "total_pagu",
            "nilai_pagu",
            "rencana",
            "budget",
            "planned",
            "planned_value",
        ],
    ),
    (
        Column::Komitmen,
        &[
            "nilai_kontrak",
            "nilai_kontrak_paket",
            "kontrak",
            "komitmen",
            "contract_value",
            "committed",
        ],
    ),
    (
        Column::Realisasi,
        &[
            "realisasi",
            "nilai_realisasi",
            "nilai_pembayaran",
            "paid",
            "spent",
            "realised",
            "realized",
        ],
    ),
    (
        Column::Pdn,
        &[
            "status_pdn",
            "pdn",
            "produk_dalam_negeri",
            "domestic",
            "domestic_product",
        ],
    ),
    (
        Column::Umkk,
        &[
            "status_ukm",
            "status_umk",
            "ukm",
            "umk",
            "umkk",
            "usaha_kecil",
            "sme",
            "small_business",
        ],
    ),
    (
        Column::Tenderers,
        &[
            "jumlah_peserta",
            "jumlah_penawar",
            "peserta",
            "tenderers",
            "number_of_tenderers",
            "bidders",
        ],
    ),
    (Column::Count, &["jumlah_paket", "count", "packages"]),
];

fn fold_header(header: &str) -> String {
    header
        .trim()
        .trim_matches('"')
        .to_lowercase()
        .split(|character: char| !character.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

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

/// Reading packages from CSV text, a batch of rows at a time.
pub struct CsvRead {
    records: Records,
    columns: Vec<(usize, Column, String)>,
    packages: Vec<Package>,
    issues: Issues,
    header_seen: bool,
    fallback_year: i32,
    vocabulary: Vocabulary,
}

/// Characters of a header kept to name its column in data issues.
const COLUMN_LABEL_CHARS: usize = 40;

/// A column's name in data issues: its header, cleaned and cut short (a header may be
/// hundreds of characters long, and every issue of the column names it).
fn column_label(header: &str) -> String {
    let clean = clean_text(header);
    match clean.char_indices().nth(COLUMN_LABEL_CHARS) {
        Some((end, _)) => format!("{}…", &clean[..end]),
        None => clean,
    }
}

/// What the vocabulary cells read as, by their text: a column of methods, types or flags holds
/// a few distinct words in many rows, so each word is read once.
#[derive(Default)]
struct Vocabulary {
    methods: FxHashMap<Box<str>, Result<Option<Method>, Problem>>,
    kinds: FxHashMap<Box<str>, Result<Option<ProcurementType>, Problem>>,
    flags: FxHashMap<Box<str>, Result<Option<bool>, Problem>>,
}

/// Distinct words remembered per column (a column of free text would only fill memory).
const VOCABULARY_WORDS: usize = 256;

/// `read(cell)`, remembered in `known`.
fn remembered<T: Clone>(
    known: &mut FxHashMap<Box<str>, T>,
    cell: &str,
    read: impl Fn(&str) -> T,
) -> T {
    if let Some(value) = known.get(cell) {
        return value.clone();
    }
    let value = read(cell);
    if known.len() < VOCABULARY_WORDS {
        known.insert(cell.into(), value.clone());
    }
    value
}

/// What a finished CSV read gives.
pub type CsvResult = Result<(Vec<Package>, Issues), LoadError>;

impl CsvRead {
    /// Starts reading `text`; `fallback_year` is the fiscal year of rows that say none.
    pub fn new(text: &str, fallback_year: i32) -> CsvRead {
        CsvRead {
            records: Records::new(delimiter(text)),
            columns: Vec::new(),
            packages: Vec::new(),
            issues: Issues::new(),
            header_seen: false,
            fallback_year,
            vocabulary: Vocabulary::default(),
        }
    }

    /// The packages read so far, in order (the finished result starts with them).
    pub fn packages(&self) -> &[Package] {
        &self.packages
    }

    /// How many packages the whole text (`length` bytes) will likely give, from the rows read so
    /// far and the share of the text they took (a little more, so that room made for them
    /// suffices).
    pub fn expected(&self, length: usize) -> Option<usize> {
        let consumed = self.records.consumed.max(1);
        let expected = self.packages.len() as f64 * length as f64 / consumed as f64;
        (!self.packages.is_empty())
            .then(|| ((expected * 1.02) as usize + 16).min(crate::format::MAX_PACKAGES))
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
            columns,
            packages,
            issues,
            header_seen,
            fallback_year,
            vocabulary,
        } = self;
        let finished = records.read(text, limit, complete, |line, fields| {
            if !*header_seen {
                *header_seen = true;
                for (index, header) in fields.iter().enumerate().take(MAX_COLUMNS) {
                    let folded = fold_header(header);
                    let column = HEADERS
                        .iter()
                        .find(|(_, names)| names.contains(&folded.as_str()))
                        .map(|(column, _)| *column);
                    if let Some(column) =
                        column.filter(|column| !columns.iter().any(|(_, known, _)| known == column))
                    {
                        columns.push((index, column, column_label(header)));
                    }
                }
                return;
            }
            if packages.len() >= crate::format::MAX_PACKAGES {
                return;
            }
            if let Some(package) =
                read_row(line, fields, columns, *fallback_year, vocabulary, issues)
            {
                packages.push(package);
            }
        });
        if !finished {
            return None;
        }
        let has_amount = columns.iter().any(|(_, column, _)| {
            matches!(
                column,
                Column::Rencana | Column::Komitmen | Column::Realisasi
            )
        });
        if !has_amount {
            return Some(Err(LoadError::NoColumns));
        }
        Some(Ok((std::mem::take(packages), std::mem::take(issues))))
    }
}

// Not inlined into the reading loop: a browser optimises a function it calls often sooner, and
// the first rows of a big file otherwise run in its quick, slow first compile longer.
#[inline(never)]
fn read_row(
    line: usize,
    fields: Fields<'_>,
    columns: &[(usize, Column, String)],
    fallback_year: i32,
    vocabulary: &mut Vocabulary,
    issues: &mut Issues,
) -> Option<Package> {
    let mut package = Package {
        id: None,
        name: None,
        unit: None,
        region: None,
        method: None,
        kind: None,
        fiscal_year: fallback_year,
        month: None,
        amounts: StageAmounts::default(),
        pdn: None,
        umkk: None,
        tenderers: None,
        count: 1,
        provenance: Provenance::default(),
    };
    let mut year = None;
    let mut ok = true;
    for (index, column, header) in columns {
        let cell = fields.get(*index).unwrap_or("");
        let mut problem = None;
        let mut report = |result: Result<(), Problem>| {
            if let Err(error) = result {
                problem = Some(error);
            }
        };
        let text = || Some(clean_text(cell)).filter(|text| !text.is_empty());
        let mut amount = |slot: &mut Option<Rupiah>| {
            cells::money(cell).map(|value| {
                if let Some((amount, rounded)) = value {
                    *slot = Some(amount);
                    if rounded {
                        issues.note(|| format!("{line}:{header}"), Problem::Rounded);
                    }
                }
            })
        };
        match column {
            Column::Id => package.id = text(),
            Column::Name => package.name = text(),
            Column::Unit => package.unit = text(),
            Column::Region => package.region = text(),
            Column::Method => report(
                remembered(&mut vocabulary.methods, cell, cells::method)
                    .map(|value| package.method = value),
            ),
            Column::Type => report(
                remembered(&mut vocabulary.kinds, cell, cells::procurement_type)
                    .map(|value| package.kind = value),
            ),
            Column::Year => report(cells::year(cell).map(|value| year = value)),
            Column::Date => report(cells::month(cell).map(|value| package.month = value)),
            Column::Rencana => report(amount(&mut package.amounts.rencana)),
            Column::Komitmen => report(amount(&mut package.amounts.komitmen)),
            Column::Realisasi => report(amount(&mut package.amounts.realisasi)),
            Column::Pdn | Column::Umkk => {
                let slot = match column {
                    Column::Pdn => &mut package.pdn,
                    _ => &mut package.umkk,
                };
                report(
                    remembered(&mut vocabulary.flags, cell, cells::flag).map(|value| *slot = value),
                )
            }
            Column::Tenderers => report(cells::count(cell).map(|value| package.tenderers = value)),
            Column::Count => {
                report(cells::count(cell).map(|value| package.count = value.unwrap_or(1)))
            }
        }
        if let Some(problem) = problem {
            issues.note(|| format!("{line}:{header}"), problem);
            ok = false;
        }
    }
    if !ok {
        return None;
    }
    if package.amounts.is_empty() {
        issues.note(|| format!("{line}:"), Problem::NoAmount);
        return None;
    }
    package.fiscal_year = year
        .or(package.month.map(|month| month.year))
        .unwrap_or(fallback_year);
    Some(package)
}
