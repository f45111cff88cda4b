//! The validated dataset: what the widget trusts after validation.
//!
//! Money is [`Rupiah`] (integers), dates are [`CivilDate`], vocabularies are enums. Every figure
//! carries its [`Provenance`] so the widget can say which numbers are illustrative.

mod date;
mod kinds;
mod money;
pub mod oversight;
mod package;
mod thresholds;

pub use date::{CivilDate, YearMonth, YEARS};
pub use kinds::{Code, Method, ProcurementType, Stage};
pub use money::{Rupiah, Share};
pub use package::{LocalValues, Package, StageAmounts, TenderFacts, TenderStatus};
pub use thresholds::{Threshold, Unit, PDN_TARGET, UMKK_FLOOR};

/// A whole statistics file after validation.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// Who published what, when, under which licence.
    pub meta: Meta,
    /// Spending over the year and its breakdowns, if the file has them.
    pub spending: Option<Spending>,
    /// PDN and UMK-K shares, if the file has them.
    pub local_content: Option<LocalContent>,
    /// Targets with deadlines (shared: a filtered dataset keeps them all without a copy).
    pub targets: std::sync::Arc<[Target]>,
    /// Package-level entries; when present, the spending and local-content views are
    /// aggregated from them (under the reader's filters).
    pub packages: Vec<Package>,
    /// The oversight indicators of the packages a filter admits (only in a filtered dataset
    /// made from package-level data).
    pub oversight: Option<oversight::Oversight>,
}

/// What stands for a metadata field the input does not give (never shown to a reader).
pub const UNKNOWN: &str = "–";

impl Meta {
    /// The publisher, when the input names one (or its server's host does).
    pub fn known_publisher(&self) -> Option<&str> {
        Some(self.publisher.as_str()).filter(|text| !text.is_empty() && *text != UNKNOWN)
    }

    /// The licence, when the input states one.
    pub fn known_license(&self) -> Option<&str> {
        Some(self.license.as_str()).filter(|text| !text.is_empty() && *text != UNKNOWN)
    }
}

impl Dataset {
    /// Whether any figure in the file is illustrative (not from a cited source).
    pub fn has_illustrative_figures(&self) -> bool {
        self.meta.illustrative
            || self
                .spending
                .as_ref()
                .is_some_and(Spending::has_illustrative_figures)
            || self
                .local_content
                .as_ref()
                .is_some_and(LocalContent::has_illustrative_figures)
            || self
                .targets
                .iter()
                .any(|target| target.provenance.illustrative)
            || self
                .packages
                .iter()
                .any(|package| package.provenance.illustrative)
    }
}

/// The file's metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    /// Title of the dataset, shown as the widget's heading.
    pub title: String,
    /// Who publishes the file.
    pub publisher: String,
    /// Where the figures come from (a page for people), if given.
    pub source_url: Option<String>,
    /// Licence of the data, such as "CC BY 4.0".
    pub license: String,
    /// The date the figures describe.
    pub as_of: CivilDate,
    /// First and last day of the period covered.
    pub period: (CivilDate, CivilDate),
    /// Fiscal year (tahun anggaran).
    pub fiscal_year: i32,
    /// ISO 4217 code of all money in the file.
    pub currency: Currency,
    /// Whether the publisher marks the whole file as illustrative.
    pub illustrative: bool,
    /// Whether each row of the file is a ready-made total of several packages (a table of
    /// totals per agency, say), not one package.
    pub summary_rows: bool,
    /// Whether the fiscal year is only assumed (the current year): the file gives none.
    pub year_assumed: bool,
    /// Whether the file says it is one page of a longer answer (INAPROC's `meta.has_more`):
    /// every figure is then of part of the data.
    pub partial: bool,
    /// Region, if the file is about one.
    pub region: Option<Region>,
    /// Free-text notes from the publisher.
    pub notes: Option<String>,
    /// Cited sources that figures refer to by id (shared: a filtered dataset keeps them without a
    /// copy).
    pub sources: std::sync::Arc<[Source]>,
}

/// An ISO 4217 currency code (three upper-case ASCII letters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Currency(String);

impl Currency {
    /// The code, if it has the form of an ISO 4217 code.
    pub fn new(code: &str) -> Option<Currency> {
        (code.len() == 3 && code.bytes().all(|byte| byte.is_ascii_uppercase()))
            .then(|| Currency(code.to_owned()))
    }

    /// Indonesian rupiah.
    pub fn idr() -> Currency {
        Currency("IDR".to_owned())
    }

    /// The code.
    pub fn code(&self) -> &str {
        &self.0
    }

    /// Whether this is the rupiah.
    pub fn is_idr(&self) -> bool {
        self.0 == "IDR"
    }
}

/// A region (province or kabupaten/kota) by its BPS code.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// BPS code, such as "64" for Kalimantan Timur.
    pub code: String,
    /// Name.
    pub name: String,
}

/// A cited source.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Id used by figures to cite it.
    pub id: String,
    /// Title of the article or document.
    pub title: String,
    /// Address of the source, if public.
    pub url: Option<String>,
}

/// Where a figure comes from.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Provenance {
    /// True when the figure is not from a source (made up for illustration).
    pub illustrative: bool,
    /// Id of the cited source in [`Meta::sources`], if any.
    pub source: Option<String>,
}

/// A value with its provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure<T> {
    /// The value.
    pub value: T,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// Procurement spending for one fiscal year.
#[derive(Debug, Clone, PartialEq)]
pub struct Spending {
    /// What is counted, in the publisher's words.
    pub label: String,
    /// Fiscal year of these figures.
    pub fiscal_year: i32,
    /// Stage of money the amounts count.
    pub stage: Stage,
    /// Budget ceiling for the year, if published.
    pub pagu: Option<Figure<Rupiah>>,
    /// Amount per month, sorted by month, each month once.
    pub monthly: Vec<MonthlyAmount>,
    /// Breakdown by selection method.
    pub by_method: Vec<Breakdown<Method>>,
    /// Breakdown by procurement type.
    pub by_type: Vec<Breakdown<ProcurementType>>,
    /// Breakdown by spending unit (only from package-level data).
    pub by_unit: Vec<Breakdown<String>>,
    /// Breakdown by region (only from package-level data).
    pub by_region: Vec<Breakdown<String>>,
    /// Breakdown by government (K/L/PD), where the packages name more than one.
    pub by_government: Vec<Breakdown<String>>,
    /// Supplier indicators (only from package-level data that has them).
    pub suppliers: SupplierIndicators,
    /// The year's money that the monthly line does not hold: packages of this fiscal year dated
    /// in another year, or not dated (computed from packages only), by year, undated last.
    pub outside_line: Vec<OutsideLine>,
    /// The money of packages that do not say what a breakdown is by (computed from packages
    /// only): each breakdown says what it leaves out.
    pub unsaid: Unsaid,
}

/// Money and packages that a breakdown leaves out for want of its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Unsaid {
    /// Packages that name no method.
    pub method: Amounted,
    /// Packages that name no type.
    pub kind: Amounted,
    /// Packages that name no spending unit.
    pub unit: Amounted,
    /// Packages that name no region.
    pub region: Amounted,
    /// Packages that name no government.
    pub government: Amounted,
}

/// An amount and the packages it is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Amounted {
    /// Their amount.
    pub amount: Rupiah,
    /// How many packages.
    pub packages: u64,
}

impl Amounted {
    /// Adds a package's amount.
    pub fn add(&mut self, amount: Rupiah, count: u64) {
        self.amount = self.amount.checked_add(amount).unwrap_or(self.amount);
        self.packages = self.packages.saturating_add(count);
    }
}

/// Money of a fiscal year's packages outside its monthly line.
#[derive(Debug, Clone, PartialEq)]
pub struct OutsideLine {
    /// The year they are dated in; `None` for packages without a date.
    pub year: Option<i32>,
    /// Their amount.
    pub amount: Rupiah,
    /// How many packages.
    pub packages: u64,
}

/// Red-flag and fairness indicators over packages: who wins, and how much competition there was.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SupplierIndicators {
    /// Amount to micro and small suppliers (UMK-K; OCDS `details.scale` micro or sme) and the
    /// amount of all packages whose supplier size is known.
    pub small: Option<(Rupiah, Rupiah)>,
    /// Packages with a single tenderer, and packages whose number of tenderers is known.
    pub single_bid: Option<(u64, u64)>,
}

impl Spending {
    fn has_illustrative_figures(&self) -> bool {
        self.pagu
            .as_ref()
            .is_some_and(|pagu| pagu.provenance.illustrative)
            || self
                .monthly
                .iter()
                .any(|month| month.provenance.illustrative)
            || self.by_method.iter().any(|row| row.provenance.illustrative)
            || self.by_type.iter().any(|row| row.provenance.illustrative)
            || self.by_unit.iter().any(|row| row.provenance.illustrative)
            || self.by_region.iter().any(|row| row.provenance.illustrative)
            || self
                .by_government
                .iter()
                .any(|row| row.provenance.illustrative)
    }
}

/// The amount for one month.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthlyAmount {
    /// The month.
    pub month: YearMonth,
    /// The amount in that month (not cumulative).
    pub amount: Rupiah,
    /// Number of packages in that month, where known (package-level data).
    pub packages: Option<u64>,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// One row of a breakdown: an amount (and optionally a package count) for one category.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown<K> {
    /// The category.
    pub key: K,
    /// The amount.
    pub amount: Rupiah,
    /// Number of packages (paket), if published.
    pub packages: Option<u64>,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// Local content: PDN and UMK-K spending within goods/services spending.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalContent {
    /// Fiscal year of these figures.
    pub fiscal_year: i32,
    /// Stage of money the amounts count.
    pub stage: Stage,
    /// Goods/services spending: the denominator of both shares.
    pub total: Figure<Rupiah>,
    /// Spending on domestic products (PDN).
    pub pdn: Figure<Rupiah>,
    /// Spending with micro and small businesses and cooperatives (UMK-K).
    pub umkk: Figure<Rupiah>,
    /// The same per spending unit (perangkat daerah).
    pub by_unit: Vec<UnitContent>,
    /// What the shares are computed from.
    pub basis: LocalBasis,
    /// What part of the packages bought the shares rest on, where they are computed from
    /// packages (`None` for published figures: the publisher's own total).
    pub coverage: Option<Coverage>,
}

/// What part of the packages bought (swakelola left out) a local-content share rests on: those
/// that state what it needs (their PDN and UMK-K flags, or their contract's PDN and UMK values)
/// against all of them, in packages and in money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Coverage {
    /// Packages that state what the share needs.
    pub stated: u64,
    /// How many packages.
    pub packages: u64,
    /// Their value.
    pub stated_value: Rupiah,
    /// The value of every package the share is of.
    pub value: Rupiah,
}

impl Coverage {
    /// The part of the value a share must rest on before it is held against its threshold
    /// (this widget's rule, docs/inputs.md): half, in parts per million.
    pub const FOR_VERDICT_PPM: i64 = 500_000;

    /// Whether the share rests on enough of the value to be held against its threshold.
    pub fn enough(&self) -> bool {
        i128::from(self.stated_value.0) * 1_000_000
            >= i128::from(self.value.0) * i128::from(Coverage::FOR_VERDICT_PPM)
            && self.value.0 > 0
    }

    /// The stated part of the value.
    pub fn share(&self) -> Share {
        Share::of(self.stated_value, self.value).unwrap_or_default()
    }

    /// Counts a package bought with `amount`, stated or not.
    pub fn add(&mut self, amount: Rupiah, stated: bool, count: u64) {
        self.packages = self.packages.saturating_add(count);
        self.value = self.value.checked_add(amount).unwrap_or(Rupiah(i64::MAX));
        if stated {
            self.stated = self.stated.saturating_add(count);
            self.stated_value = self
                .stated_value
                .checked_add(amount)
                .unwrap_or(Rupiah(i64::MAX));
        }
    }
}

/// What local-content shares are computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LocalBasis {
    /// Published figures, or packages flagged PDN and UMK-K (their whole amount counts).
    #[default]
    Flags,
    /// The PDN and UMK values of each contract (`nilai_pdn_kontrak`, `nilai_umk_kontrak`)
    /// against the contract values: value-weighted shares.
    ContractValues,
}

impl LocalContent {
    fn has_illustrative_figures(&self) -> bool {
        [&self.total, &self.pdn, &self.umkk]
            .iter()
            .any(|figure| figure.provenance.illustrative)
            || self.by_unit.iter().any(|unit| unit.provenance.illustrative)
    }
}

/// Local content of one spending unit.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitContent {
    /// Name of the unit (satker / OPD / perangkat daerah).
    pub unit: String,
    /// Goods/services spending of the unit.
    pub total: Rupiah,
    /// Of which on domestic products.
    pub pdn: Rupiah,
    /// Of which with UMK-K.
    pub umkk: Rupiah,
    /// What part of the unit's packages bought its shares rest on (computed shares only).
    pub coverage: Option<Coverage>,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// A target: reach `target` by `deadline`, counting from `baseline` at `start`.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// Stable id.
    pub id: String,
    /// What is counted, such as "Produk tayang di e-Katalog".
    pub label: String,
    /// Unit of the count, such as "produk"; empty when the value is money.
    pub unit: String,
    /// Value at `start`.
    pub baseline: i64,
    /// When counting starts.
    pub start: CivilDate,
    /// The value to reach.
    pub target: i64,
    /// When it must be reached (inclusive).
    pub deadline: CivilDate,
    /// The value reached by `as_of`.
    pub achieved: i64,
    /// The day `achieved` was measured (end of that day).
    pub as_of: CivilDate,
    /// The regulation or commitment behind the target.
    pub legal_basis: Option<String>,
    /// Where it comes from.
    pub provenance: Provenance,
}
