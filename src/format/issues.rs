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
    /// A word a vocabulary column does not know (a method, a type): left blank, the row kept.
    Unrecognised(String),
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
    /// PDN and UMK values both 0 on a record with a value, in a family that writes 0 for "not
    /// filled in": read as not stated (the record is kept).
    ZeroAsUnstated,
    /// An amount that the unit word of its field's name (`juta`, `miliar`) would make larger
    /// than any government spends in a year: read in rupiah instead (the word is kept here).
    UnitWordMismatch(String),
    /// The file is one page of a longer answer (INAPROC's `meta.has_more`): the records after
    /// it are not in the file.
    MoreRecords,
    /// A value given only as a range (OCDS `minValue`–`maxValue`, whole rupiah): added to no
    /// total.
    RangeOnly(String),
}

impl Expected {
    /// A stable code for machine-readable output (`pantau check --format json`).
    pub fn code(self) -> &'static str {
        match self {
            Expected::Text => "text",
            Expected::WholeNumber => "whole-number",
            Expected::Boolean => "boolean",
            Expected::Date => "date",
            Expected::Month => "month",
            Expected::Object => "object",
            Expected::List => "list",
            Expected::Currency => "currency",
        }
    }
}

impl Problem {
    /// A stable code for machine-readable output (`pantau check --format json`); documented in
    /// docs/check.schema.json, never renamed.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Missing => "missing",
            Problem::WrongType(_) => "wrong-type",
            Problem::Negative => "negative",
            Problem::TooLarge => "too-large",
            Problem::Rounded => "rounded",
            Problem::UnknownCode(_) => "unknown-code",
            Problem::Unrecognised(_) => "unrecognised",
            Problem::OutsidePeriod => "outside-period",
            Problem::Duplicate => "duplicate",
            Problem::PartExceedsTotal => "part-exceeds-total",
            Problem::DateOrder => "date-order",
            Problem::TargetNotAboveBaseline => "target-not-above-baseline",
            Problem::UnknownSource(_) => "unknown-source",
            Problem::NoAmount => "no-amount",
            Problem::OtherCurrency(_) => "other-currency",
            Problem::NotJsonLine => "not-json-line",
            Problem::Superseded => "superseded",
            Problem::ZeroAsUnstated => "zero-as-unstated",
            Problem::UnitWordMismatch(_) => "unit-word-mismatch",
            Problem::MoreRecords => "more-records",
            Problem::RangeOnly(_) => "range-only",
        }
    }

    /// The value the problem names, if any: the unknown code or word, the source id, the
    /// currency.
    pub fn value(&self) -> Option<&str> {
        match self {
            Problem::UnknownCode(value)
            | Problem::Unrecognised(value)
            | Problem::UnknownSource(value)
            | Problem::OtherCurrency(value)
            | Problem::UnitWordMismatch(value)
            | Problem::RangeOnly(value) => Some(value),
            _ => None,
        }
    }
}

impl DataIssue {
    pub(crate) fn new(path: impl Into<String>, problem: Problem) -> DataIssue {
        DataIssue {
            path: path.into(),
            problem,
        }
    }

    /// Where the issue is, as a line of a CSV or JSON Lines file and its column (`12:pagu`,
    /// `12:`); `None` for a JSON path.
    pub fn line_and_column(&self) -> Option<(usize, Option<&str>)> {
        let (line, column) = self.path.split_once(':')?;
        let line = line
            .bytes()
            .all(|byte| byte.is_ascii_digit())
            .then(|| line.parse::<usize>().ok())
            .flatten()?;
        Some((line, Some(column).filter(|column| !column.is_empty())))
    }

    /// Whether the value was kept (adjusted or only doubtful) rather than skipped.
    pub fn value_kept(&self) -> bool {
        matches!(
            self.problem,
            Problem::Rounded
                | Problem::UnknownSource(_)
                | Problem::Unrecognised(_)
                | Problem::ZeroAsUnstated
                | Problem::UnitWordMismatch(_)
                | Problem::MoreRecords
                | Problem::RangeOnly(_)
        )
    }
}

/// The issues of one file: the first [`Issues::LISTED`] in full, and the exact count of all.
/// A file of half a million bad rows costs a counter, not half a million stored paths; the
/// path of an issue past the list is never even formatted ([`Issues::note`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Issues {
    listed: Vec<DataIssue>,
    count: usize,
}

impl Issues {
    /// Issues kept in full, at most.
    pub const LISTED: usize = 100;

    /// No issues.
    pub fn new() -> Issues {
        Issues::default()
    }

    /// Counts an issue, and keeps it while fewer than [`Issues::LISTED`] are kept.
    pub fn push(&mut self, issue: DataIssue) {
        self.count += 1;
        if self.listed.len() < Issues::LISTED {
            self.listed.push(issue);
        }
    }

    /// Counts an issue at the path `path` gives, formatted only if the issue is kept.
    pub fn note(&mut self, path: impl FnOnce() -> String, problem: Problem) {
        self.count += 1;
        if self.listed.len() < Issues::LISTED {
            self.listed.push(DataIssue::new(path(), problem));
        }
    }

    /// How many issues there are (the kept ones and the others).
    pub fn count(&self) -> usize {
        self.count
    }

    /// Whether some issues were counted but not kept.
    pub fn truncated(&self) -> bool {
        self.count > self.listed.len()
    }

    /// Forgets the issues of `problem`, of which `counted` were counted in all (kept or not).
    pub fn forget(&mut self, problem: &Problem, counted: usize) {
        self.listed.retain(|issue| issue.problem != *problem);
        self.count = self.count.saturating_sub(counted).max(self.listed.len());
    }

    /// Adds `other`'s issues after these.
    pub fn append(&mut self, other: Issues) {
        let unlisted = other.count - other.listed.len();
        for issue in other.listed {
            self.push(issue);
        }
        self.count += unlisted;
    }

    /// Forgets every issue.
    pub fn clear(&mut self) {
        self.listed.clear();
        self.count = 0;
    }

    /// Issues as a wire or a test gives them: the kept ones and the count of all (at least
    /// as many as kept).
    pub fn from_parts(listed: Vec<DataIssue>, count: usize) -> Issues {
        let mut issues = Issues::new();
        for issue in listed {
            issues.push(issue);
        }
        issues.count = issues.count.max(count);
        issues
    }
}

/// The kept issues, in the order they were found.
impl std::ops::Deref for Issues {
    type Target = [DataIssue];
    fn deref(&self) -> &[DataIssue] {
        &self.listed
    }
}

impl FromIterator<DataIssue> for Issues {
    fn from_iter<I: IntoIterator<Item = DataIssue>>(iter: I) -> Issues {
        let mut issues = Issues::new();
        iter.into_iter().for_each(|issue| issues.push(issue));
        issues
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
    InvalidMeta(Issues),
    /// Nothing left to show after validation.
    NoData(Issues),
    /// A CSV file without a recognisable amount column (pagu, nilai_kontrak, realisasi, …).
    NoColumns,
}

impl LoadError {
    /// A stable code for machine-readable output (`pantau check --format json`).
    pub fn code(&self) -> &'static str {
        match self {
            LoadError::NotJson { .. } => "not-json",
            LoadError::NotAFile => "not-a-file",
            LoadError::NotPantau => "not-pantau",
            LoadError::UnsupportedVersion(_) => "unsupported-version",
            LoadError::InvalidMeta(_) => "invalid-meta",
            LoadError::NoData(_) => "no-data",
            LoadError::NoColumns => "no-columns",
        }
    }

    /// The issues that made the file unusable, where the error carries them.
    pub fn issues(&self) -> Option<&Issues> {
        match self {
            LoadError::InvalidMeta(issues) | LoadError::NoData(issues) => Some(issues),
            _ => None,
        }
    }
}

impl fmt::Display for DataIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {:?}", self.path, self.problem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_list_keeps_its_first_issues_and_the_exact_count() {
        let mut issues = Issues::new();
        let mut formatted = 0;
        for row in 0..499_398 {
            issues.note(
                || {
                    formatted += 1;
                    format!("{row}:pagu")
                },
                Problem::NoAmount,
            );
        }
        assert_eq!(issues.count(), 499_398);
        assert_eq!(issues.len(), Issues::LISTED);
        assert_eq!(formatted, Issues::LISTED);
        assert_eq!(issues[99].path, "99:pagu");
        assert!(issues.truncated());
        let mut more = Issues::from_parts(vec![DataIssue::new("a", Problem::Missing)], 3);
        more.append(issues.clone());
        assert_eq!((more.count(), more.len()), (499_401, Issues::LISTED));
        assert_eq!(more[0].path, "a");
        more.clear();
        assert!(more.is_empty() && more.count() == 0);
    }
}
