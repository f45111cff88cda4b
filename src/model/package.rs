//! Package-level data: one entry per procurement package (paket), or per group of packages
//! that share every attribute. Filters and drill-down work on these; the widget aggregates
//! them into the same spending and local-content figures that a file can also publish ready-made.

use super::{CivilDate, Method, ProcurementType, Provenance, Rupiah, Stage, YearMonth};

/// The amount of a package at each stage of money it has reached. Stages are never added
/// together: a view counts one stage at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StageAmounts {
    /// Planned (RUP).
    pub rencana: Option<Rupiah>,
    /// Committed (contract value).
    pub komitmen: Option<Rupiah>,
    /// Realised (paid).
    pub realisasi: Option<Rupiah>,
}

impl StageAmounts {
    /// The amount at `stage`, if the package has one.
    pub fn at(&self, stage: Stage) -> Option<Rupiah> {
        match stage {
            Stage::Rencana => self.rencana,
            Stage::Komitmen => self.komitmen,
            Stage::Realisasi => self.realisasi,
        }
    }

    /// Whether no stage has an amount.
    pub fn is_empty(&self) -> bool {
        self.rencana.is_none() && self.komitmen.is_none() && self.realisasi.is_none()
    }
}

/// The local content of a contract (or a record of a purchase) in money, as SPSE publishes it
/// (`nilai_pdn_kontrak`, `nilai_umk_kontrak`): parts of the contract's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalValues {
    /// Domestic products (PDN).
    pub pdn: Rupiah,
    /// Gone to micro and small businesses and cooperatives (UMK).
    pub umk: Rupiah,
}

/// Where a tender (or non-tender selection) stands, as SPSE and OCDS say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TenderStatus {
    /// Under way (SPSE `Berlangsung`, OCDS `active`, `planned`).
    Active,
    /// Finished with a winner (SPSE `Selesai`, OCDS `complete`).
    Complete,
    /// Failed or cancelled (SPSE `Gagal/Batal`, OCDS `unsuccessful`, `cancelled`, `withdrawn`).
    Failed,
}

impl TenderStatus {
    /// Every status, in wire order.
    pub const ALL: [TenderStatus; 3] = [
        TenderStatus::Active,
        TenderStatus::Complete,
        TenderStatus::Failed,
    ];

    /// The code in format v1 (`active`, `complete`, `failed`).
    pub fn code(self) -> &'static str {
        match self {
            TenderStatus::Active => "active",
            TenderStatus::Complete => "complete",
            TenderStatus::Failed => "failed",
        }
    }

    /// The status of a word as SPSE, OCDS or format v1 write it, if known.
    pub fn from_word(word: &str) -> Option<TenderStatus> {
        let folded = word.trim().to_lowercase();
        let has = |part: &str| folded.contains(part);
        if has("gagal")
            || has("batal")
            || has("cancel")
            || has("unsuccessful")
            || has("withdrawn")
            || folded == "failed"
        {
            Some(TenderStatus::Failed)
        } else if has("selesai") || folded == "complete" || folded == "completed" {
            Some(TenderStatus::Complete)
        } else if has("berlangsung") || matches!(folded.as_str(), "active" | "planned" | "planning")
        {
            Some(TenderStatus::Active)
        } else {
            None
        }
    }
}

/// What tender data says of a package beyond its amounts: the owner's estimate (HPS), where the
/// tender stands and who won it. Boxed in [`Package`]: most packages (plans) have none.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TenderFacts {
    /// The owner's estimate (harga perkiraan sendiri, HPS; OCDS `tender.value`).
    pub hps: Option<Rupiah>,
    /// Where the tender stands.
    pub status: Option<TenderStatus>,
    /// The winner's name (SPSE `nama_penyedia`, OCDS the awarded supplier).
    pub supplier: Option<Box<str>>,
}

impl TenderFacts {
    /// The facts, or `None` when there are none (nothing to box).
    pub fn of(
        hps: Option<Rupiah>,
        status: Option<TenderStatus>,
        supplier: Option<Box<str>>,
    ) -> Option<Box<TenderFacts>> {
        (hps.is_some() || status.is_some() || supplier.is_some()).then(|| {
            Box::new(TenderFacts {
                hps,
                status,
                supplier,
            })
        })
    }
}

/// One procurement package, or a group of `count` packages with the same attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct Package {
    /// The publisher's code (kd_rup, ocid), if any.
    pub id: Option<String>,
    /// Name of the package (nama paket), if any.
    pub name: Option<String>,
    /// Spending unit (satker / OPD / perangkat daerah), if known.
    pub unit: Option<String>,
    /// Region (kabupaten/kota) where the work is done, if known.
    pub region: Option<String>,
    /// The government (K/L/PD: a ministry, a province, a regency) the package belongs to,
    /// where a file names it (ISB `nama_klpd`; format v1 `government`).
    pub government: Option<String>,
    /// Selection method, if known.
    pub method: Option<Method>,
    /// Procurement type, if known.
    pub kind: Option<ProcurementType>,
    /// Fiscal year (tahun anggaran).
    pub fiscal_year: i32,
    /// Month of commitment or payment, for the series over the year; if known.
    pub month: Option<YearMonth>,
    /// The day of that date, when the source gives a whole date (for rules with a date of
    /// effect, such as a ceiling raised on 30 April 2025).
    pub date: Option<CivilDate>,
    /// The day its selection started (the announcement, SPSE `tgl_pengumuman_tender`, SiRUP
    /// `tgl_awal_pemilihan`, OCDS `tender.tenderPeriod.startDate`), else the day it was
    /// planned (`tgl_pengumuman_paket`): the day the direct-purchase ceiling and the
    /// small-business reservation are judged on (the method is chosen then). Never the
    /// contract's or the award's day, which come after.
    pub selection_day: Option<CivilDate>,
    /// Amounts at each stage.
    pub amounts: StageAmounts,
    /// Flagged as buying domestic products (PDN); `None` when the source does not say.
    pub pdn: Option<bool>,
    /// Reserved for or awarded to micro and small businesses and cooperatives (UMK-K); `None`
    /// when the source does not say.
    pub umkk: Option<bool>,
    /// The PDN and UMK values of its contract, where the source gives them.
    pub local_values: Option<Box<LocalValues>>,
    /// Why a package that could be reserved for small businesses is not (SiRUP
    /// `alasan_non_ukm`), where stated.
    pub non_ukm_reason: Option<Box<str>>,
    /// Number of tenderers (bids received), if published.
    pub tenderers: Option<u64>,
    /// HPS, tender status and winner, where tender data gives them.
    pub tender: Option<Box<TenderFacts>>,
    /// How many packages this entry stands for (1 for a single package).
    pub count: u64,
    /// Where it comes from.
    pub provenance: Provenance,
}
