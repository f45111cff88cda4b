//! What can be wrong with a file: typed, with where it is, so it can be told to people.

use std::fmt;

/// One rejected or doubtful value, and where it is (a JSON path such as `spending.monthly[3].amount`).
#[derive(Debug, Clone, PartialEq)]
pub struct DataIssue {
    /// JSON path of the value.
    pub path: String,
    /// What is wrong with it.
    pub problem: Problem,
}

/// The kind of expected value, for a wrong-type issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A string.
    Text,
    /// A whole number.
    WholeNumber,
    /// `true` or `false`.
    Boolean,
    /// A date `YYYY-MM-DD`.
    Date,
    /// A month `YYYY-MM`.
    Month,
    /// An object.
    Object,
    /// A list.
    List,
    /// A three-letter currency code.
    Currency,
}

/// What is wrong with a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A required value is missing or null.
    Missing,
    /// The value has the wrong type or form.
    WrongType(Expected),
    /// A negative amount or count where only zero or more makes sense.
    Negative,
    /// A number beyond what can be counted exactly (over 2^63 - 1, infinite or not a number).
    TooLarge,
    /// A fractional amount, rounded half away from zero to a whole unit (kept).
    Rounded,
    /// A code outside the vocabulary (method, type, stage).
    UnknownCode(String),
    /// A date or month outside the period the section covers.
    OutsidePeriod,
    /// A second entry for the same month, unit or id (the first is kept).
    Duplicate,
    /// A part larger than its whole (PDN or UMK-K above the total).
    PartExceedsTotal,
    /// Dates in an impossible order (a deadline before the start, for example).
    DateOrder,
    /// A target that is not above its baseline.
    TargetNotAboveBaseline,
    /// A figure cites a source id that `meta.sources` does not list (the citation is dropped).
    UnknownSource(String),
    /// A package with no amount at any stage of money.
    NoAmount,
    /// An amount in another currency than the file's main one (never added to it).
    OtherCurrency(String),
    /// A line of JSON Lines that is not a JSON object.
    NotJsonLine,
    /// A ready-made section that the file's package-level data replaces (views are
    /// aggregated from `packages`).
    Superseded,
}

impl DataIssue {
    pub(crate) fn new(path: impl Into<String>, problem: Problem) -> DataIssue {
        DataIssue {
            path: path.into(),
            problem,
        }
    }

    /// Whether the value was kept (adjusted or only doubtful) rather than skipped.
    pub fn value_kept(&self) -> bool {
        matches!(self.problem, Problem::Rounded | Problem::UnknownSource(_))
    }
}

/// Why a file could not be used at all.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// Not JSON (or JSON nested deeper than 128 levels); where the reader stopped.
    NotJson {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
    },
    /// Probably an HTML page or another kind of file.
    NotAFile,
    /// JSON, but not a Pantau statistics file (no `"format": "pantau-pbj"`).
    NotPantau,
    /// A Pantau file of a version this widget does not read.
    UnsupportedVersion(String),
    /// The metadata is unusable; the issues say why.
    InvalidMeta(Vec<DataIssue>),
    /// Nothing left to show after validation.
    NoData(Vec<DataIssue>),
    /// A CSV file without a recognisable amount column (pagu, nilai_kontrak, realisasi, …).
    NoColumns,
}

impl fmt::Display for DataIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {:?}", self.path, self.problem)
    }
}
