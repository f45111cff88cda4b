//! What a reading in a Web Worker sends back to the widget: the result's head (metadata and
//! issues, or the error) and its packages in batches, all in a compact binary form (no JSON:
//! the widget decodes it without a parser, a batch at a time, and carries no serialisation
//! code for it).

use crate::format::{DataIssue, Expected, Issues, LoadError, Loaded, Problem};
use crate::model::{
    CivilDate, Code, Currency, Dataset, LocalValues, Meta, Method, Package, ProcurementType,
    Provenance, Region, Rupiah, Source, StageAmounts, TenderFacts, TenderStatus, YearMonth,
};

/// Whether a result can cross as a head and package batches: everything but the ready-made
/// sections of a Pantau file (which the worker hands back to the widget instead).
pub fn crosses(result: &Result<Loaded, LoadError>) -> bool {
    match result {
        Ok(loaded) => {
            loaded.dataset.spending.is_none()
                && loaded.dataset.local_content.is_none()
                && loaded.dataset.targets.is_empty()
        }
        Err(_) => true,
    }
}

/// A finished reading without its packages.
#[derive(Debug, PartialEq)]
pub enum Head {
    /// Read: the dataset's metadata, the issues, and how many packages follow.
    Read {
        /// The dataset's metadata.
        meta: Box<Meta>,
        /// Values skipped or adjusted.
        issues: Issues,
        /// How many packages the batches hold.
        packages: usize,
    },
    /// Not read.
    Failed(LoadError),
}

/// The head of `result` (its packages go by [`encode_packages`]).
pub fn encode_head(result: &Result<Loaded, LoadError>) -> Vec<u8> {
    let mut out = Writer(Vec::new());
    match result {
        Ok(loaded) => {
            out.byte(0);
            out.meta(&loaded.dataset.meta);
            out.issues(&loaded.issues);
            out.number(loaded.dataset.packages.len() as u64);
        }
        Err(error) => {
            out.byte(1);
            out.error(error);
        }
    }
    out.0
}

/// Reads what [`encode_head`] wrote; `None` if the bytes are not that.
pub fn decode_head(bytes: &[u8]) -> Option<Head> {
    let mut reader = Reader { bytes, at: 0 };
    let head = match reader.byte()? {
        0 => Head::Read {
            meta: Box::new(reader.meta()?),
            issues: reader.issues()?,
            packages: usize::try_from(reader.number()?).ok()?,
        },
        1 => Head::Failed(reader.error()?),
        _ => return None,
    };
    (reader.at == bytes.len()).then_some(head)
}

/// The result again, from its head and its decoded packages.
pub fn rebuild(head: Head, packages: Vec<Package>) -> Result<Loaded, LoadError> {
    match head {
        Head::Read { meta, issues, .. } => Ok(Loaded {
            dataset: Dataset {
                meta: *meta,
                spending: None,
                local_content: None,
                targets: Default::default(),
                packages,
                oversight: None,
            },
            issues,
        }),
        Head::Failed(error) => Err(error),
    }
}

/// Little-endian numbers, length-prefixed UTF-8 texts, a byte for each choice.
struct Writer(Vec<u8>);

impl Writer {
    fn byte(&mut self, byte: u8) {
        self.0.push(byte);
    }

    fn number(&mut self, number: u64) {
        self.0.extend_from_slice(&number.to_le_bytes());
    }

    fn text(&mut self, text: &str) {
        self.number(text.len() as u64);
        self.0.extend_from_slice(text.as_bytes());
    }

    fn maybe_text(&mut self, text: &Option<String>) {
        self.byte(u8::from(text.is_some()));
        if let Some(text) = text {
            self.text(text);
        }
    }

    fn date(&mut self, date: CivilDate) {
        self.number(date.year() as u64);
        self.byte(date.month());
        self.byte(date.day());
    }

    fn meta(&mut self, meta: &Meta) {
        self.text(&meta.title);
        self.text(&meta.publisher);
        self.maybe_text(&meta.source_url);
        self.text(&meta.license);
        self.date(meta.as_of);
        self.date(meta.period.0);
        self.date(meta.period.1);
        self.number(meta.fiscal_year as u64);
        self.text(meta.currency.code());
        self.byte(u8::from(meta.illustrative));
        self.byte(u8::from(meta.summary_rows));
        self.byte(u8::from(meta.year_assumed));
        self.byte(u8::from(meta.partial));
        self.byte(u8::from(meta.region.is_some()));
        if let Some(region) = &meta.region {
            self.text(&region.code);
            self.text(&region.name);
        }
        self.maybe_text(&meta.notes);
        self.number(meta.sources.len() as u64);
        for source in meta.sources.iter() {
            self.text(&source.id);
            self.text(&source.title);
            self.maybe_text(&source.url);
        }
    }

    fn issues(&mut self, issues: &Issues) {
        self.number(issues.count() as u64);
        self.number(issues.len() as u64);
        for issue in issues.iter() {
            self.text(&issue.path);
            self.problem(&issue.problem);
        }
    }

    fn problem(&mut self, problem: &Problem) {
        let (tag, text) = match problem {
            Problem::Missing => (0, None),
            Problem::WrongType(expected) => {
                self.byte(1);
                self.byte(expected_tag(*expected));
                return;
            }
            Problem::Negative => (2, None),
            Problem::TooLarge => (3, None),
            Problem::Rounded => (4, None),
            Problem::UnknownCode(code) => (5, Some(code)),
            Problem::OutsidePeriod => (6, None),
            Problem::Duplicate => (7, None),
            Problem::PartExceedsTotal => (8, None),
            Problem::DateOrder => (9, None),
            Problem::TargetNotAboveBaseline => (10, None),
            Problem::UnknownSource(id) => (11, Some(id)),
            Problem::NoAmount => (12, None),
            Problem::OtherCurrency(code) => (13, Some(code)),
            Problem::NotJsonLine => (14, None),
            Problem::Superseded => (15, None),
            Problem::Unrecognised(code) => (16, Some(code)),
            Problem::ZeroAsUnstated => (17, None),
            Problem::UnitWordMismatch(word) => (18, Some(word)),
            Problem::MoreRecords => (19, None),
            Problem::RangeOnly(range) => (20, Some(range)),
        };
        self.byte(tag);
        if let Some(text) = text {
            self.text(text);
        }
    }

    fn error(&mut self, error: &LoadError) {
        match error {
            LoadError::NotJson { line, column } => {
                self.byte(0);
                self.number(*line as u64);
                self.number(*column as u64);
            }
            LoadError::NotAFile => self.byte(1),
            LoadError::NotPantau => self.byte(2),
            LoadError::UnsupportedVersion(version) => {
                self.byte(3);
                self.text(version);
            }
            LoadError::InvalidMeta(issues) => {
                self.byte(4);
                self.issues(issues);
            }
            LoadError::NoData(issues) => {
                self.byte(5);
                self.issues(issues);
            }
            LoadError::NoColumns => self.byte(6),
        }
    }
}

fn expected_tag(expected: Expected) -> u8 {
    match expected {
        Expected::Text => 0,
        Expected::WholeNumber => 1,
        Expected::Boolean => 2,
        Expected::Date => 3,
        Expected::Month => 4,
        Expected::Object => 5,
        Expected::List => 6,
        Expected::Currency => 7,
    }
}

const EXPECTED: [Expected; 8] = [
    Expected::Text,
    Expected::WholeNumber,
    Expected::Boolean,
    Expected::Date,
    Expected::Month,
    Expected::Object,
    Expected::List,
    Expected::Currency,
];

const ID: u32 = 1;
const NAME: u32 = 1 << 1;
const UNIT: u32 = 1 << 2;
const REGION: u32 = 1 << 3;
const METHOD: u32 = 1 << 4;
const KIND: u32 = 1 << 5;
const MONTH: u32 = 1 << 6;
const RENCANA: u32 = 1 << 7;
const KOMITMEN: u32 = 1 << 8;
const REALISASI: u32 = 1 << 9;
const PDN: u32 = 1 << 10;
const UMKK: u32 = 1 << 11;
const TENDERERS: u32 = 1 << 12;
const ILLUSTRATIVE: u32 = 1 << 13;
const SOURCE: u32 = 1 << 14;
const LOCAL_VALUES: u32 = 1 << 15;
const DATE: u32 = 1 << 16;
const NON_UKM_REASON: u32 = 1 << 17;
const TENDER: u32 = 1 << 18;
const SELECTION_DAY: u32 = 1 << 19;
const GOVERNMENT: u32 = 1 << 20;

/// Appends `packages` to `out`.
pub fn encode_packages(packages: &[Package], out: &mut Vec<u8>) {
    for package in packages {
        let has = |present: bool, bit: u32| if present { bit } else { 0 };
        let amounts = &package.amounts;
        let flags = has(package.id.is_some(), ID)
            | has(package.name.is_some(), NAME)
            | has(package.unit.is_some(), UNIT)
            | has(package.region.is_some(), REGION)
            | has(package.method.is_some(), METHOD)
            | has(package.kind.is_some(), KIND)
            | has(package.month.is_some(), MONTH)
            | has(amounts.rencana.is_some(), RENCANA)
            | has(amounts.komitmen.is_some(), KOMITMEN)
            | has(amounts.realisasi.is_some(), REALISASI)
            | has(package.pdn.is_some(), PDN)
            | has(package.umkk.is_some(), UMKK)
            | has(package.tenderers.is_some(), TENDERERS)
            | has(package.provenance.illustrative, ILLUSTRATIVE)
            | has(package.provenance.source.is_some(), SOURCE)
            | has(package.local_values.is_some(), LOCAL_VALUES)
            | has(package.date.is_some(), DATE)
            | has(package.non_ukm_reason.is_some(), NON_UKM_REASON)
            | has(package.tender.is_some(), TENDER)
            | has(package.selection_day.is_some(), SELECTION_DAY)
            | has(package.government.is_some(), GOVERNMENT);
        out.extend_from_slice(&flags.to_le_bytes());
        let texts = [
            &package.id,
            &package.name,
            &package.unit,
            &package.region,
            &package.provenance.source,
            &package.government,
        ];
        for text in texts.into_iter().flatten() {
            out.extend_from_slice(&(text.len() as u32).to_le_bytes());
            out.extend_from_slice(text.as_bytes());
        }
        let index = |code: Option<usize>| code.map_or(0, |index| index as u8);
        out.push(index(package.method.and_then(|method| {
            Method::ALL.iter().position(|known| *known == method)
        })));
        out.push(index(package.kind.and_then(|kind| {
            ProcurementType::ALL.iter().position(|known| *known == kind)
        })));
        let month = package
            .month
            .map_or((0, 0), |month| (month.year, month.month));
        out.extend_from_slice(&month.0.to_le_bytes());
        out.push(month.1);
        out.extend_from_slice(&package.fiscal_year.to_le_bytes());
        for amount in [amounts.rencana, amounts.komitmen, amounts.realisasi]
            .into_iter()
            .flatten()
        {
            out.extend_from_slice(&amount.0.to_le_bytes());
        }
        out.push(u8::from(package.pdn == Some(true)) | u8::from(package.umkk == Some(true)) << 1);
        out.extend_from_slice(&package.tenderers.unwrap_or(0).to_le_bytes());
        out.extend_from_slice(&package.count.to_le_bytes());
        if let Some(values) = &package.local_values {
            out.extend_from_slice(&values.pdn.0.to_le_bytes());
            out.extend_from_slice(&values.umk.0.to_le_bytes());
        }
        for day in [package.date, package.selection_day].into_iter().flatten() {
            out.extend_from_slice(&day.year().to_le_bytes());
            out.push(day.month());
            out.push(day.day());
        }
        if let Some(reason) = &package.non_ukm_reason {
            out.extend_from_slice(&(reason.len() as u32).to_le_bytes());
            out.extend_from_slice(reason.as_bytes());
        }
        if let Some(tender) = &package.tender {
            // Which facts come (1: HPS, 2: status, 4: supplier), then each.
            let which = u8::from(tender.hps.is_some())
                | u8::from(tender.status.is_some()) << 1
                | u8::from(tender.supplier.is_some()) << 2;
            out.push(which);
            if let Some(hps) = tender.hps {
                out.extend_from_slice(&hps.0.to_le_bytes());
            }
            if let Some(status) = tender.status {
                let index = TenderStatus::ALL.iter().position(|known| *known == status);
                out.push(index.map_or(0, |index| index as u8));
            }
            if let Some(supplier) = &tender.supplier {
                out.extend_from_slice(&(supplier.len() as u32).to_le_bytes());
                out.extend_from_slice(supplier.as_bytes());
            }
        }
    }
}

/// Reads what [`encode_packages`] wrote; `None` if the bytes are not that.
pub fn decode_packages(bytes: &[u8]) -> Option<Vec<Package>> {
    let mut reader = Reader { bytes, at: 0 };
    let mut packages = Vec::new();
    while reader.at < bytes.len() {
        packages.push(reader.package()?);
    }
    Some(packages)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let taken = self.bytes.get(self.at..self.at.checked_add(N)?)?;
        self.at += N;
        taken.try_into().ok()
    }

    fn text(&mut self) -> Option<String> {
        let length = u32::from_le_bytes(self.take()?) as usize;
        self.bytes_of(length)
    }

    fn bytes_of(&mut self, length: usize) -> Option<String> {
        let text = self.bytes.get(self.at..self.at.checked_add(length)?)?;
        self.at += length;
        String::from_utf8(text.to_vec()).ok()
    }

    fn byte(&mut self) -> Option<u8> {
        self.take::<1>().map(|[byte]| byte)
    }

    fn number(&mut self) -> Option<u64> {
        self.take().map(u64::from_le_bytes)
    }

    fn long_text(&mut self) -> Option<String> {
        let length = usize::try_from(self.number()?).ok()?;
        self.bytes_of(length)
    }

    fn maybe_text(&mut self) -> Option<Option<String>> {
        match self.byte()? {
            0 => Some(None),
            1 => self.long_text().map(Some),
            _ => None,
        }
    }

    fn flag(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn date(&mut self) -> Option<CivilDate> {
        let year = self.number()? as i64;
        let (month, day) = (self.byte()?, self.byte()?);
        CivilDate::new(i32::try_from(year).ok()?, month, day)
    }

    fn meta(&mut self) -> Option<Meta> {
        Some(Meta {
            title: self.long_text()?,
            publisher: self.long_text()?,
            source_url: self.maybe_text()?,
            license: self.long_text()?,
            as_of: self.date()?,
            period: (self.date()?, self.date()?),
            fiscal_year: i32::try_from(self.number()? as i64).ok()?,
            currency: Currency::new(&self.long_text()?)?,
            illustrative: self.flag()?,
            summary_rows: self.flag()?,
            year_assumed: self.flag()?,
            partial: self.flag()?,
            region: match self.flag()? {
                true => Some(Region {
                    code: self.long_text()?,
                    name: self.long_text()?,
                }),
                false => None,
            },
            notes: self.maybe_text()?,
            sources: {
                let count = usize::try_from(self.number()?).ok()?;
                let mut sources = Vec::new();
                for _ in 0..count {
                    sources.push(Source {
                        id: self.long_text()?,
                        title: self.long_text()?,
                        url: self.maybe_text()?,
                    });
                }
                sources.into()
            },
        })
    }

    fn issues(&mut self) -> Option<Issues> {
        let count = usize::try_from(self.number()?).ok()?;
        let listed = usize::try_from(self.number()?).ok()?;
        let mut issues = Vec::new();
        for _ in 0..listed.min(Issues::LISTED) {
            let path = self.long_text()?;
            let problem = self.problem()?;
            issues.push(DataIssue { path, problem });
        }
        Some(Issues::from_parts(issues, count))
    }

    fn problem(&mut self) -> Option<Problem> {
        Some(match self.byte()? {
            0 => Problem::Missing,
            1 => Problem::WrongType(*EXPECTED.get(usize::from(self.byte()?))?),
            2 => Problem::Negative,
            3 => Problem::TooLarge,
            4 => Problem::Rounded,
            5 => Problem::UnknownCode(self.long_text()?),
            6 => Problem::OutsidePeriod,
            7 => Problem::Duplicate,
            8 => Problem::PartExceedsTotal,
            9 => Problem::DateOrder,
            10 => Problem::TargetNotAboveBaseline,
            11 => Problem::UnknownSource(self.long_text()?),
            12 => Problem::NoAmount,
            13 => Problem::OtherCurrency(self.long_text()?),
            14 => Problem::NotJsonLine,
            15 => Problem::Superseded,
            16 => Problem::Unrecognised(self.long_text()?),
            17 => Problem::ZeroAsUnstated,
            18 => Problem::UnitWordMismatch(self.long_text()?),
            19 => Problem::MoreRecords,
            20 => Problem::RangeOnly(self.long_text()?),
            _ => return None,
        })
    }

    fn error(&mut self) -> Option<LoadError> {
        Some(match self.byte()? {
            0 => LoadError::NotJson {
                line: usize::try_from(self.number()?).ok()?,
                column: usize::try_from(self.number()?).ok()?,
            },
            1 => LoadError::NotAFile,
            2 => LoadError::NotPantau,
            3 => LoadError::UnsupportedVersion(self.long_text()?),
            4 => LoadError::InvalidMeta(self.issues()?),
            5 => LoadError::NoData(self.issues()?),
            6 => LoadError::NoColumns,
            _ => return None,
        })
    }

    fn package(&mut self) -> Option<Package> {
        let flags = u32::from_le_bytes(self.take()?);
        let set = |bit: u32| flags & bit != 0;
        let mut text = |bit: u32| -> Option<Option<String>> {
            if set(bit) {
                self.text().map(Some)
            } else {
                Some(None)
            }
        };
        let id = text(ID)?;
        let name = text(NAME)?;
        let unit = text(UNIT)?;
        let region = text(REGION)?;
        let source = text(SOURCE)?;
        let government = text(GOVERNMENT)?;
        let [method, kind] = self.take::<2>()?;
        let method = match set(METHOD) {
            true => Some(*Method::ALL.get(usize::from(method))?),
            false => None,
        };
        let kind = match set(KIND) {
            true => Some(*ProcurementType::ALL.get(usize::from(kind))?),
            false => None,
        };
        let year = i32::from_le_bytes(self.take()?);
        let [month] = self.take::<1>()?;
        let month = match set(MONTH) {
            true => Some(YearMonth::new(year, month)?),
            false => None,
        };
        let fiscal_year = i32::from_le_bytes(self.take()?);
        let mut amount = |bit: u32| -> Option<Option<Rupiah>> {
            if set(bit) {
                Some(Some(Rupiah(i64::from_le_bytes(self.take()?))))
            } else {
                Some(None)
            }
        };
        let amounts = StageAmounts {
            rencana: amount(RENCANA)?,
            komitmen: amount(KOMITMEN)?,
            realisasi: amount(REALISASI)?,
        };
        let [values] = self.take::<1>()?;
        let tenderers = u64::from_le_bytes(self.take()?);
        let count = u64::from_le_bytes(self.take()?);
        let local_values = match set(LOCAL_VALUES) {
            true => Some(Box::new(LocalValues {
                pdn: Rupiah(i64::from_le_bytes(self.take()?)),
                umk: Rupiah(i64::from_le_bytes(self.take()?)),
            })),
            false => None,
        };
        let mut day = |bit: u32| -> Option<Option<CivilDate>> {
            match set(bit) {
                true => {
                    let year = i32::from_le_bytes(self.take()?);
                    let [month, day] = self.take::<2>()?;
                    Some(Some(CivilDate::new(year, month, day)?))
                }
                false => Some(None),
            }
        };
        let date = day(DATE)?;
        let selection_day = day(SELECTION_DAY)?;
        let non_ukm_reason = match set(NON_UKM_REASON) {
            true => Some(self.text()?.into_boxed_str()),
            false => None,
        };
        let tender = match set(TENDER) {
            true => {
                let [which] = self.take::<1>()?;
                let hps = match which & 1 != 0 {
                    true => Some(Rupiah(i64::from_le_bytes(self.take()?))),
                    false => None,
                };
                let status = match which & 2 != 0 {
                    true => {
                        let [index] = self.take::<1>()?;
                        Some(*TenderStatus::ALL.get(usize::from(index))?)
                    }
                    false => None,
                };
                let supplier = match which & 4 != 0 {
                    true => Some(self.text()?.into_boxed_str()),
                    false => None,
                };
                Some(Box::new(TenderFacts {
                    hps,
                    status,
                    supplier,
                }))
            }
            false => None,
        };
        Some(Package {
            id,
            name,
            unit,
            region,
            government,
            method,
            kind,
            fiscal_year,
            month,
            date,
            selection_day,
            non_ukm_reason,
            amounts,
            pdn: set(PDN).then_some(values & 1 != 0),
            umkk: set(UMKK).then_some(values & 2 != 0),
            local_values,
            tenderers: set(TENDERERS).then_some(tenderers),
            tender,
            count,
            provenance: Provenance {
                illustrative: set(ILLUSTRATIVE),
                source,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package(seed: u32) -> Package {
        let some = |bit: u32| seed & (1 << bit) != 0;
        Package {
            id: some(0).then(|| format!("id-{seed}")),
            name: some(1).then(|| "Paket é 🚧".to_owned()),
            unit: some(2).then(|| "Dinas".to_owned()),
            region: some(3).then(String::new),
            government: some(25).then(|| "Kabupaten «Bandung»".to_owned()),
            method: some(4).then_some(Method::ALL[seed as usize % Method::ALL.len()]),
            kind: some(5)
                .then_some(ProcurementType::ALL[seed as usize % ProcurementType::ALL.len()]),
            fiscal_year: 2000 + seed as i32 % 50,
            month: some(6).then(|| YearMonth::new(2024, 1 + (seed % 12) as u8).unwrap()),
            // A day of its own (a format v1 file may give a day outside its month).
            date: some(18).then(|| {
                CivilDate::new(2025, 1 + (seed % 12) as u8, 1 + (seed % 28) as u8).unwrap()
            }),
            selection_day: some(24).then(|| {
                CivilDate::new(2018, 1 + (seed % 12) as u8, 1 + (seed % 27) as u8).unwrap()
            }),
            non_ukm_reason: some(19).then(|| "Tidak ada penyedia kecil «x»".into()),
            amounts: StageAmounts {
                rencana: some(7).then_some(Rupiah(i64::MAX)),
                komitmen: some(8).then_some(Rupiah(0)),
                realisasi: some(9).then_some(Rupiah(seed as i64)),
            },
            pdn: some(10).then_some(some(11)),
            umkk: some(12).then_some(some(13)),
            local_values: some(17).then(|| {
                Box::new(LocalValues {
                    pdn: Rupiah(seed as i64),
                    umk: Rupiah(i64::MAX),
                })
            }),
            tenderers: some(14).then_some(u64::from(seed)),
            tender: some(20).then(|| {
                Box::new(TenderFacts {
                    hps: some(21).then_some(Rupiah(seed as i64 * 7)),
                    status: some(22).then_some(TenderStatus::ALL[seed as usize % 3]),
                    supplier: some(23).then(|| "PT Maju «Jaya» 🏗".into()),
                })
            }),
            count: u64::from(seed) + 1,
            provenance: Provenance {
                illustrative: some(15),
                source: some(16).then(|| "s".to_owned()),
            },
        }
    }

    fn every_problem() -> Issues {
        let mut problems = vec![
            Problem::Missing,
            Problem::ZeroAsUnstated,
            Problem::Negative,
            Problem::TooLarge,
            Problem::Rounded,
            Problem::UnknownCode("Lelang".into()),
            Problem::OutsidePeriod,
            Problem::Duplicate,
            Problem::PartExceedsTotal,
            Problem::DateOrder,
            Problem::TargetNotAboveBaseline,
            Problem::UnknownSource("s".into()),
            Problem::NoAmount,
            Problem::OtherCurrency("USD".into()),
            Problem::NotJsonLine,
            Problem::Superseded,
            Problem::Unrecognised("Lelang".into()),
            Problem::UnitWordMismatch("miliar".into()),
            Problem::MoreRecords,
            Problem::RangeOnly("1–2".into()),
        ];
        problems.extend(EXPECTED.map(Problem::WrongType));
        problems
            .into_iter()
            .enumerate()
            .map(|(index, problem)| DataIssue {
                path: format!("{index}:kolom ü"),
                problem,
            })
            .collect()
    }

    fn meta(full: bool) -> Meta {
        let date = |day| CivilDate::new(2024, 2, day).unwrap();
        Meta {
            title: "Judul".into(),
            publisher: "Penerbit".into(),
            source_url: full.then(|| "https://x.go.id".into()),
            license: "CC BY 4.0".into(),
            as_of: date(29),
            period: (date(1), date(28)),
            fiscal_year: -5,
            currency: Currency::new("GBP").unwrap(),
            illustrative: full,
            summary_rows: full,
            year_assumed: full,
            partial: full,
            region: full.then(|| Region {
                code: "64".into(),
                name: "Kalimantan Timur".into(),
            }),
            notes: full.then(|| "catatan".into()),
            sources: (0..u8::from(full) * 2)
                .map(|index| Source {
                    id: index.to_string(),
                    title: "T".into(),
                    url: (index == 1).then(|| "https://s".into()),
                })
                .collect(),
        }
    }

    #[test]
    fn heads_cross_unchanged_and_cut_ones_are_refused() {
        let errors = [
            LoadError::NotJson {
                line: 3,
                column: 17,
            },
            LoadError::NotAFile,
            LoadError::NotPantau,
            LoadError::UnsupportedVersion("9".into()),
            LoadError::InvalidMeta(every_problem()),
            LoadError::NoData(every_problem()),
            LoadError::NoColumns,
        ];
        let loaded = |full| Loaded {
            dataset: Dataset {
                meta: meta(full),
                spending: None,
                local_content: None,
                targets: Default::default(),
                packages: vec![package(3)],
                oversight: None,
            },
            issues: every_problem(),
        };
        let results = [Ok(loaded(true)), Ok(loaded(false))]
            .into_iter()
            .chain(errors.into_iter().map(Err));
        for result in results {
            let head = encode_head(&result);
            let decoded = decode_head(&head).expect("a head reads back");
            let packages = result
                .as_ref()
                .map_or(Vec::new(), |loaded| loaded.dataset.packages.clone());
            assert_eq!(rebuild(decoded, packages), result);
            for end in 0..head.len() {
                assert_eq!(decode_head(&head[..end]), None);
            }
        }
    }

    #[test]
    fn packages_cross_unchanged() {
        let packages: Vec<Package> = (0..1 << 25).step_by(933).map(package).collect();
        let mut bytes = Vec::new();
        encode_packages(&packages, &mut bytes);
        assert_eq!(decode_packages(&bytes), Some(packages));
        assert_eq!(decode_packages(&[]), Some(Vec::new()));
    }

    #[test]
    fn cut_or_bad_bytes_are_refused_not_misread() {
        let mut bytes = Vec::new();
        encode_packages(&[package(0xFF_FFFF)], &mut bytes);
        for end in 0..bytes.len() {
            assert_eq!(
                decode_packages(&bytes[..end]).map(|decoded| decoded.len()),
                (end == 0).then_some(0)
            );
        }
        // A package with a method and no text: its method index is the fifth byte (after the
        // four bytes of flags).
        let mut bad = Vec::new();
        encode_packages(&[package(1 << 4)], &mut bad);
        assert!(decode_packages(&bad).is_some());
        bad[4] = 200;
        assert_eq!(decode_packages(&bad), None);
    }
}
