//! The oversight indicators' results. The legal thresholds they judge by are in
//! [`super::thresholds`] (one table, one type). `analysis::oversight` computes the indicators.

use super::{CivilDate, Method, ProcurementType, Rupiah};

// The thresholds the indicators judge by live with every other legal threshold.
pub use super::thresholds::{Rule, Threshold, TABLE_STARTS, THRESHOLDS};

/// What a rule was judged on: the package's day (its selection's start, else its plan's), or,
/// for a package without one, its fiscal year where the threshold held all that year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JudgedOn {
    /// The package's own day.
    Day(CivilDate),
    /// Its fiscal year, where the threshold held all that year.
    Year(i32),
}

/// Which value of a package an indicator judged: for a ceiling the owner's estimate (HPS),
/// else the pagu; for the reservation the pagu; for shares of spending the most advanced stage
/// the data has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueUsed {
    /// The contract value (komitmen).
    Contract,
    /// The owner's estimate (HPS).
    Hps,
    /// The planned value (pagu, rencana).
    Planned,
}

/// A package an indicator flags, with what flagged it (owned: a filtered dataset keeps no
/// packages, and the list outlives the pass that made it).
#[derive(Debug, Clone, PartialEq)]
pub struct Flagged {
    /// The publisher's code (kd_rup, ocid), where given.
    pub id: Option<String>,
    /// Its name, where given.
    pub name: Option<String>,
    /// Its spending unit, where given.
    pub unit: Option<String>,
    /// Its method, where given.
    pub method: Option<Method>,
    /// Its type, where given.
    pub kind: Option<ProcurementType>,
    /// The day (or year) its rule was judged on; for an indicator without a threshold, the day
    /// its selection started, where given.
    pub judged_on: Option<JudgedOn>,
    /// The value judged.
    pub value: Rupiah,
    /// Which value that is (contract, HPS, pagu).
    pub used: ValueUsed,
    /// The threshold it was judged against, where one applies.
    pub threshold: Option<&'static Threshold>,
    /// The reason stated for not reserving it for small businesses, where given.
    pub reason: Option<Box<str>>,
    /// Number of tenderers, where published.
    pub tenderers: Option<u64>,
    /// The owner's estimate (HPS) and the winner, where given.
    pub hps: Option<Rupiah>,
    /// The winner, where given.
    pub supplier: Option<Box<str>>,
    /// How many packages the entry stands for.
    pub count: u64,
}

/// Why an indicator could not be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// No package has a method.
    Method,
    /// No package has a procurement type.
    Type,
    /// No package has a value.
    Value,
    /// No package has the value a ceiling binds: an owner's estimate (HPS) or a pagu.
    CeilingValue,
    /// No package has a pagu (the value the small-business reservation names).
    Pagu,
    /// No package states whether it is reserved for small businesses.
    SmallBusinessFlag,
    /// No package gives its number of tenderers.
    Tenderers,
    /// No package says where its tender stands.
    TenderStatus,
    /// No package gives its owner's estimate (HPS) with a contract value.
    Hps,
    /// No package names its winner with a contract value.
    Supplier,
    /// Every entry is a group of packages (`count`): its amounts are their total, not a
    /// package's value.
    SinglePackages,
    /// No package has a name (split packages are found by their names).
    Name,
    /// No package says when its selection started (nor when it was planned).
    SelectionDay,
    /// No package has a contract value with the month it was contracted or ordered.
    ContractMonth,
    /// The fiscal year's contracts and orders do not reach December (a file of part of a year).
    December,
}

/// Direct purchases above the ceiling for their type and date.
#[derive(Debug, Clone, PartialEq)]
pub struct AboveCeiling {
    /// Direct purchases with a type, a value and a ceiling that applies.
    pub judged: u64,
    /// Direct purchases with a type and a value but no ceiling to judge them by: no selection
    /// day in a year the ceiling changed, or a day before the table starts.
    pub unjudged: u64,
    /// The packages flagged.
    pub flagged: Vec<Flagged>,
}

/// Direct purchases bunching just under their ceiling: in (90%, 100%] of it against (80%, 90%].
#[derive(Debug, Clone, PartialEq)]
pub struct Bunching {
    /// Direct purchases with a type, a value and a ceiling that applies; and those without a
    /// ceiling to judge them by.
    pub judged: u64,
    /// Those without a ceiling to judge them by.
    pub unjudged: u64,
    /// Packages just under (90%, 100%] and below that (80%, 90%].
    pub near: u64,
    /// Packages in (80%, 90%] of their ceiling.
    pub below: u64,
    /// Packages by their value's share of their ceiling, in 5% bins from 50% to 150%: bin `i`
    /// holds (50 + 5i %, 55 + 5i %].
    pub bins: [u64; 20],
    /// Per procurement type with a ceiling, in vocabulary order: type, near, below.
    pub by_type: Vec<(ProcurementType, u64, u64)>,
    /// Units with at least [`Bunching::MIN_PACKAGES`] packages in (80%, 100%]: name, near, below.
    pub by_unit: Vec<(String, u64, u64)>,
    /// The packages just under.
    pub flagged: Vec<Flagged>,
}

impl Bunching {
    /// Packages in (80%, 100%] of the ceiling a unit needs before its ratio says anything.
    pub const MIN_PACKAGES: u64 = 10;

    /// `near / below`, when there is anything below.
    pub fn ratio(near: u64, below: u64) -> Option<f64> {
        (below > 0).then(|| near as f64 / below as f64)
    }
}

/// Direct appointment (Penunjukan Langsung; OCDS `limited` and `direct`) as a share of packages
/// and of value; exempt purchases (Dikecualikan) and e-purchasing shown apart, never flagged.
#[derive(Debug, Clone, PartialEq)]
pub struct NonCompetitive {
    /// Packages and value of every package with a method and a value.
    pub packages: u64,
    /// Their value.
    pub value: Rupiah,
    /// Of which by direct appointment (flagged), exempt, and through the e-Katalog.
    pub appointed: (u64, Rupiah),
    /// Of which exempt (Dikecualikan): packages and value.
    pub excluded: (u64, Rupiah),
    /// Of which through the e-Katalog: packages and value.
    pub epurchasing: (u64, Rupiah),
    /// Per named unit, by direct-appointment share of value (highest first).
    pub by_unit: Vec<UnitMethods>,
    /// The packages bought by direct appointment.
    pub flagged: Vec<Flagged>,
}

/// One unit's packages and value, and the part of them bought without competition.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UnitMethods {
    /// The spending unit.
    pub unit: String,
    /// Packages.
    pub packages: u64,
    /// Their value.
    pub value: Rupiah,
    /// Of which without competition: packages and value.
    pub non_competitive: (u64, Rupiah),
}

impl UnitMethods {
    /// The non-competitive share of the unit's value (0 when it has none).
    pub fn share(&self) -> f64 {
        if self.value.0 > 0 {
            self.non_competitive.1 .0 as f64 / self.value.0 as f64
        } else {
            0.0
        }
    }
}

/// Packages that could be reserved for small businesses but are marked otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct NotReserved {
    /// Packages up to the reservation threshold, of its types, that state their flag.
    pub judged: u64,
    /// Packages of its types with a pagu and a flag but no threshold to judge them by.
    pub unjudged: u64,
    /// Marked not for small businesses, with a stated reason and without one.
    pub with_reason: Vec<Flagged>,
    /// The packages not reserved that state no reason.
    pub without_reason: Vec<Flagged>,
}

/// Packages an indicator flags as a share of those it could judge, in all and per unit: single
/// bids (OCDS `numberOfTenderers` = 1), failed or cancelled tenders.
#[derive(Debug, Clone, PartialEq)]
pub struct PackageShare {
    /// Packages that say what the indicator needs (a number of tenderers, a status).
    pub judged: u64,
    /// Per named unit with at least [`PackageShare::MIN_PACKAGES`] of them: name, flagged,
    /// judged; highest share first.
    pub by_unit: Vec<(String, u64, u64)>,
    /// The packages flagged.
    pub flagged: Vec<Flagged>,
}

impl PackageShare {
    /// Judged packages a unit needs before its share says anything.
    pub const MIN_PACKAGES: u64 = 5;
}

/// Tenders that received a single bid.
pub type SingleBid = PackageShare;

/// Tenders that failed or were cancelled.
pub type FailedTenders = PackageShare;

/// Every indicator over one fiscal year's packages (under the reader's filters).
#[derive(Debug, Clone, PartialEq)]
pub struct Oversight {
    /// The fiscal year the indicators are of.
    pub fiscal_year: i32,
    /// Packages looked at.
    pub packages: u64,
    /// Of which in entries that group several packages: not judged by value, tender or winner
    /// (their amounts are totals).
    pub grouped: u64,
    /// Whether any package looked at is illustrative.
    pub illustrative: bool,
    /// Direct purchases above their ceiling, or what is missing to tell.
    pub above_ceiling: Result<AboveCeiling, Missing>,
    /// Direct purchases bunching under their ceiling.
    pub bunching: Result<Bunching, Missing>,
    /// Packages bought without competition.
    pub non_competitive: Result<NonCompetitive, Missing>,
    /// Packages that could be reserved for small businesses and are not.
    pub not_reserved: Result<NotReserved, Missing>,
    /// Tenders with one bid.
    pub single_bid: Result<SingleBid, Missing>,
    /// Tenders failed or cancelled.
    pub failed_tenders: Result<FailedTenders, Missing>,
    /// Contract values against the owner's estimate.
    pub against_hps: Result<AgainstHps, Missing>,
    /// Each unit's largest supplier.
    pub concentration: Result<Concentration, Missing>,
    /// Packages possibly split to stay under a ceiling.
    pub split_packages: Result<SplitPackages, Missing>,
    /// Suppliers winning in many units.
    pub repeat_winners: Result<RepeatWinners, Missing>,
    /// Money contracted in December against the year.
    pub year_end: Result<YearEndRush, Missing>,
}

/// Direct purchases of one unit, one type and one name that started within a month of each
/// other, each under the ceiling and together above it (`analysis::oversight::split` states the
/// rule).
#[derive(Debug, Clone, PartialEq)]
pub struct SplitPackages {
    /// Direct purchases with a unit, a type, a name, a selection day and an estimate the
    /// ceiling of that day applies to.
    pub judged: u64,
    /// Largest sum against its ceiling first.
    pub clusters: Vec<SplitCluster>,
}

/// One cluster of possibly split packages.
#[derive(Debug, Clone, PartialEq)]
pub struct SplitCluster {
    /// The normalised name the packages share.
    pub name: String,
    /// Their estimates together, and the ceiling in force on the first one's day.
    pub total: Rupiah,
    /// The ceiling in force on the first one's day.
    pub ceiling: &'static Threshold,
    /// The first and the last selection day.
    pub first: CivilDate,
    /// The last selection day.
    pub last: CivilDate,
    /// The packages of the cluster.
    pub packages: Vec<Flagged>,
}

impl SplitPackages {
    /// Every package of every cluster.
    pub fn flagged(&self) -> impl Iterator<Item = (&SplitCluster, &Flagged)> {
        self.clusters
            .iter()
            .flat_map(|cluster| cluster.packages.iter().map(move |flag| (cluster, flag)))
    }
}

/// Suppliers that win in many spending units: a fact about the market, never a flag.
#[derive(Debug, Clone, PartialEq)]
pub struct RepeatWinners {
    /// Packages that name their winner, their unit and a contract value; their value.
    pub judged: u64,
    /// Their value.
    pub value: Rupiah,
    /// How many suppliers won any of them.
    pub suppliers: u64,
    /// Suppliers winning in at least [`RepeatWinners::MIN_UNITS`] units: most units first.
    pub reach: Vec<SupplierReach>,
}

impl RepeatWinners {
    /// Units a supplier must win in to be listed (a choice of this view, not a legal threshold).
    pub const MIN_UNITS: u64 = 3;
}

/// One supplier's wins.
#[derive(Debug, Clone, PartialEq)]
pub struct SupplierReach {
    /// The supplier's name.
    pub supplier: String,
    /// Spending units it won in, packages it won, their contract value.
    pub units: u64,
    /// Packages.
    pub packages: u64,
    /// Their value.
    pub value: Rupiah,
}

/// Value contracted or ordered in December against the year's monthly average, in all and per
/// unit.
#[derive(Debug, Clone, PartialEq)]
pub struct YearEndRush {
    /// Packages with a contract (or order) value and a month in the fiscal year.
    pub judged: u64,
    /// Their value in December and in the whole year.
    pub december: Rupiah,
    /// The value of the whole year.
    pub year: Rupiah,
    /// Units with at least [`YearEndRush::MIN_PACKAGES`] such packages: highest ratio first.
    pub by_unit: Vec<UnitRush>,
}

impl YearEndRush {
    /// Packages a unit needs before its ratio says anything.
    pub const MIN_PACKAGES: u64 = 10;
    /// A December this many times the monthly average is marked (a choice of this view, not a
    /// legal threshold).
    pub const MARKED_RATIO: f64 = 2.0;

    /// December's value against the monthly average of the year (`None` without a value).
    pub fn ratio(december: Rupiah, year: Rupiah) -> Option<f64> {
        (year.0 > 0).then(|| december.0 as f64 * 12.0 / year.0 as f64)
    }
}

/// One unit's December and year.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitRush {
    /// The spending unit.
    pub unit: String,
    /// Packages.
    pub packages: u64,
    /// The value in December.
    pub december: Rupiah,
    /// The value of the whole year.
    pub year: Rupiah,
}

/// Contract values against the owner's estimate (HPS).
#[derive(Debug, Clone, PartialEq)]
pub struct AgainstHps {
    /// Packages with a contract value and an HPS above zero.
    pub judged: u64,
    /// Packages by the contract's discount on the HPS: above the HPS, then discounts of at most
    /// 1%, (1%, 5%], (5%, 10%], (10%, 20%], (20%, 30%] and above 30%.
    pub bands: [u64; 7],
    /// Contracts above their HPS.
    pub flagged: Vec<Flagged>,
}

impl AgainstHps {
    /// Upper ends of the discount bands after the first, in basis points (1% = 100).
    pub const BANDS: [i128; 5] = [100, 500, 1_000, 2_000, 3_000];
}

/// One unit's largest supplier by contract value.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitSupplier {
    /// The spending unit.
    pub unit: String,
    /// The supplier's name.
    pub supplier: String,
    /// The supplier's contract value, and the unit's.
    pub value: Rupiah,
    /// The unit's contract value.
    pub total: Rupiah,
    /// The unit's packages with a named winner, and how many suppliers won them.
    pub contracts: u64,
    /// How many suppliers won them.
    pub suppliers: u64,
}

impl UnitSupplier {
    /// The largest supplier's share of the unit's contract value.
    pub fn share(&self) -> f64 {
        if self.total.0 > 0 {
            self.value.0 as f64 / self.total.0 as f64
        } else {
            0.0
        }
    }
}

/// The largest supplier's share of each unit's contract (or e-Katalog) value.
#[derive(Debug, Clone, PartialEq)]
pub struct Concentration {
    /// Packages with a named winner and a contract value.
    pub judged: u64,
    /// Units with at least [`Concentration::MIN_CONTRACTS`] such packages, most concentrated
    /// first.
    pub by_unit: Vec<UnitSupplier>,
    /// The packages of the largest supplier of every unit where it holds more than
    /// [`Concentration::FLAGGED_SHARE`] of the value.
    pub flagged: Vec<Flagged>,
}

impl Concentration {
    /// Contracts a unit needs before its concentration says anything.
    pub const MIN_CONTRACTS: u64 = 5;
    /// A largest supplier's share above which its packages are listed (a choice of this view,
    /// not a legal threshold).
    pub const FLAGGED_SHARE: f64 = 0.5;
}
