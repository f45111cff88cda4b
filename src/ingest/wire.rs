//! What a reading in a Web Worker sends back to the widget: the result's head (metadata and
//! issues, or the error) as JSON, and the packages in a compact binary form, in batches, so that
//! the widget decodes them a batch at a time without the file's text or the reader's memory.

use crate::format::{DataIssue, LoadError, Loaded};
use crate::model::{
    Code, Dataset, Meta, Method, Package, ProcurementType, Provenance, Rupiah, StageAmounts,
    YearMonth,
};
use serde::{Deserialize, Serialize};

/// A finished reading without its packages.
#[derive(Debug, Serialize, Deserialize)]
pub enum Head {
    /// Read: the dataset's metadata, the issues, and how many packages follow.
    Read {
        /// The dataset's metadata.
        meta: Box<Meta>,
        /// Values skipped or adjusted.
        issues: Vec<DataIssue>,
        /// How many packages the batches hold.
        packages: usize,
    },
    /// Not read.
    Failed(LoadError),
}

/// Whether a result can cross as a [`Head`] and package batches: everything but the
/// ready-made sections of a Pantau file (which a worker is never given).
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

/// The head of `result`; its packages are sent by [`encode_packages`].
pub fn head(result: &Result<Loaded, LoadError>) -> Head {
    match result {
        Ok(loaded) => Head::Read {
            meta: Box::new(loaded.dataset.meta.clone()),
            issues: loaded.issues.clone(),
            packages: loaded.dataset.packages.len(),
        },
        Err(error) => Head::Failed(error.clone()),
    }
}

/// The result again, from its head and its decoded packages.
pub fn rebuild(head: Head, packages: Vec<Package>) -> Result<Loaded, LoadError> {
    match head {
        Head::Read { meta, issues, .. } => Ok(Loaded {
            dataset: Dataset {
                meta: *meta,
                spending: None,
                local_content: None,
                targets: Vec::new(),
                packages,
            },
            issues,
        }),
        Head::Failed(error) => Err(error),
    }
}

const ID: u16 = 1;
const NAME: u16 = 1 << 1;
const UNIT: u16 = 1 << 2;
const REGION: u16 = 1 << 3;
const METHOD: u16 = 1 << 4;
const KIND: u16 = 1 << 5;
const MONTH: u16 = 1 << 6;
const RENCANA: u16 = 1 << 7;
const KOMITMEN: u16 = 1 << 8;
const REALISASI: u16 = 1 << 9;
const PDN: u16 = 1 << 10;
const UMKK: u16 = 1 << 11;
const TENDERERS: u16 = 1 << 12;
const ILLUSTRATIVE: u16 = 1 << 13;
const SOURCE: u16 = 1 << 14;

/// Appends `packages` to `out`.
pub fn encode_packages(packages: &[Package], out: &mut Vec<u8>) {
    for package in packages {
        let has = |present: bool, bit: u16| if present { bit } else { 0 };
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
            | has(package.provenance.source.is_some(), SOURCE);
        out.extend_from_slice(&flags.to_le_bytes());
        let texts = [
            &package.id,
            &package.name,
            &package.unit,
            &package.region,
            &package.provenance.source,
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
        let text = self.bytes.get(self.at..self.at.checked_add(length)?)?;
        self.at += length;
        String::from_utf8(text.to_vec()).ok()
    }

    fn package(&mut self) -> Option<Package> {
        let flags = u16::from_le_bytes(self.take()?);
        let set = |bit: u16| flags & bit != 0;
        let mut text = |bit: u16| -> Option<Option<String>> {
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
        let mut amount = |bit: u16| -> Option<Option<Rupiah>> {
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
        Some(Package {
            id,
            name,
            unit,
            region,
            method,
            kind,
            fiscal_year,
            month,
            amounts,
            pdn: set(PDN).then_some(values & 1 != 0),
            umkk: set(UMKK).then_some(values & 2 != 0),
            tenderers: set(TENDERERS).then_some(tenderers),
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
            method: some(4).then_some(Method::ALL[seed as usize % Method::ALL.len()]),
            kind: some(5)
                .then_some(ProcurementType::ALL[seed as usize % ProcurementType::ALL.len()]),
            fiscal_year: 2000 + seed as i32 % 50,
            month: some(6).then(|| YearMonth::new(2024, 1 + (seed % 12) as u8).unwrap()),
            amounts: StageAmounts {
                rencana: some(7).then_some(Rupiah(i64::MAX)),
                komitmen: some(8).then_some(Rupiah(0)),
                realisasi: some(9).then_some(Rupiah(seed as i64)),
            },
            pdn: some(10).then_some(some(11)),
            umkk: some(12).then_some(some(13)),
            tenderers: some(14).then_some(u64::from(seed)),
            count: u64::from(seed) + 1,
            provenance: Provenance {
                illustrative: some(15),
                source: some(16).then(|| "s".to_owned()),
            },
        }
    }

    #[test]
    fn packages_cross_unchanged() {
        let packages: Vec<Package> = (0..1 << 17).step_by(7).map(package).collect();
        let mut bytes = Vec::new();
        encode_packages(&packages, &mut bytes);
        assert_eq!(decode_packages(&bytes), Some(packages));
        assert_eq!(decode_packages(&[]), Some(Vec::new()));
    }

    #[test]
    fn cut_or_bad_bytes_are_refused_not_misread() {
        let mut bytes = Vec::new();
        encode_packages(&[package(0x1FFFF)], &mut bytes);
        for end in 0..bytes.len() {
            assert_eq!(
                decode_packages(&bytes[..end]).map(|decoded| decoded.len()),
                (end == 0).then_some(0)
            );
        }
        // A package with a method and no text: its method index is the third byte.
        let mut bad = Vec::new();
        encode_packages(&[package(1 << 4)], &mut bad);
        assert!(decode_packages(&bad).is_some());
        bad[2] = 200;
        assert_eq!(decode_packages(&bad), None);
    }
}
