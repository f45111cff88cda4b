//! Calendar dates without a date library: ISO `YYYY-MM-DD` and `YYYY-MM`, day arithmetic.

use std::fmt;

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    year: i32,
    month: u8,
    day: u8,
}

/// The range of years a dataset may speak of; anything else is a data error, not a date.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

impl CivilDate {
    /// A date, if it exists and its year is in [`YEARS`].
    pub fn new(year: i32, month: u8, day: u8) -> Option<CivilDate> {
        if !YEARS.contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(CivilDate { year, month, day })
    }

    /// Parses `YYYY-MM-DD` exactly (ASCII digits, dashes, nothing else).
    pub fn parse(text: &str) -> Option<CivilDate> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let year = digits(&bytes[0..4])?;
        let month = digits(&bytes[5..7])?;
        let day = digits(&bytes[8..10])?;
        CivilDate::new(year as i32, month as u8, day as u8)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1..=12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1..=31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5
            + i64::from(self.day)
            - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after the epoch, if it lies in [`YEARS`].
    pub fn from_days_since_epoch(days: i64) -> Option<CivilDate> {
        let days = days.checked_add(719_468)?;
        let era = days.div_euclid(146_097);
        let day_of_era = days - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        CivilDate::new(i32::try_from(year).ok()?, month as u8, day as u8)
    }

    /// Whole days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: CivilDate) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// The last day of this date's month.
    pub fn end_of_month(self) -> CivilDate {
        CivilDate {
            day: days_in_month(self.year, self.month),
            ..self
        }
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A calendar month, such as `2024-07`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// The year.
    pub year: i32,
    /// The month, 1..=12.
    pub month: u8,
}

impl YearMonth {
    /// Parses `YYYY-MM` exactly.
    pub fn parse(text: &str) -> Option<YearMonth> {
        let bytes = text.as_bytes();
        if bytes.len() != 7 || bytes[4] != b'-' {
            return None;
        }
        let year = digits(&bytes[0..4])? as i32;
        let month = digits(&bytes[5..7])? as u8;
        YearMonth::new(year, month)
    }

    /// The month `month` (1..=12) of `year`, if it is a calendar month.
    pub fn new(year: i32, month: u8) -> Option<YearMonth> {
        CivilDate::new(year, month, 1).map(|_| YearMonth { year, month })
    }

    /// The first day of the month.
    pub fn first_day(self) -> CivilDate {
        CivilDate {
            year: self.year,
            month: self.month,
            day: 1,
        }
    }

    /// The last day of the month.
    pub fn last_day(self) -> CivilDate {
        self.first_day().end_of_month()
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |value, &byte| {
        byte.is_ascii_digit()
            .then(|| value * 10 + u32::from(byte - b'0'))
    })
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_real_iso_dates() {
        assert_eq!(CivilDate::parse("2024-02-29").map(|d| d.day()), Some(29));
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "24-01-01",
            "2024-1-01",
            "９９９９-01-01",
            "0000-01-01",
            "99999-01-01",
            "2024-01-01T00:00",
            "",
        ] {
            assert_eq!(CivilDate::parse(bad), None, "{bad}");
        }
        assert_eq!(
            YearMonth::parse("2024-07").map(|m| m.last_day().day()),
            Some(31)
        );
        assert_eq!(YearMonth::parse("2024-7"), None);
    }

    #[test]
    fn day_arithmetic_round_trips() {
        let first = CivilDate::parse("2024-01-01").unwrap();
        let mid = CivilDate::parse("2024-06-30").unwrap();
        let last = CivilDate::parse("2024-12-31").unwrap();
        assert_eq!(first.days_until(mid), 181);
        assert_eq!(mid.days_until(last), 184);
        assert_eq!(
            CivilDate::parse("1970-01-01").unwrap().days_since_epoch(),
            0
        );
        for date in [first, mid, last, CivilDate::parse("1900-03-01").unwrap()] {
            assert_eq!(
                CivilDate::from_days_since_epoch(date.days_since_epoch()),
                Some(date)
            );
        }
        assert_eq!(CivilDate::from_days_since_epoch(i64::MAX), None);
    }
}
