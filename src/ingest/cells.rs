//! Reading the text of one spreadsheet cell: money in Indonesian or English notation, dates,
//! yes/no flags and the procurement vocabularies as people type them.

use crate::format::{Expected, Problem};
use crate::model::{Code, Method, ProcurementType, Rupiah, YearMonth, YEARS};
use std::borrow::Cow;

/// Money typed by people: `1.500.000.000`, `Rp 1.500.000.000,00`, `1,500,000,000.50`,
/// `1500000000`. A separator that occurs more than once, or once followed by exactly three
/// digits, groups thousands; otherwise it is the decimal mark; with both, the last one is the
/// decimal mark. Fractions are rounded half away from zero (and reported).
/// `Ok(None)` for an empty cell; `Ok(Some((amount, rounded)))` otherwise.
pub fn money(text: &str) -> Result<Option<(Rupiah, bool)>, Problem> {
    money_in(text, 0, None)
}

/// The decimal mark a cell shows beyond doubt (`2.450,75`: `,`; `612,5`: `,`; `1.500`: none,
/// it may group thousands), to read the cells that leave it open in a column of millions or
/// billions.
pub fn decimal_mark(text: &str) -> Option<u8> {
    let bytes = text.trim().as_bytes();
    let last = |mark: u8| bytes.iter().rposition(|byte| *byte == mark);
    match (last(b'.'), last(b',')) {
        (Some(dot), Some(comma)) => Some(bytes[dot.max(comma)]),
        (Some(mark), None) | (None, Some(mark)) => {
            let once = bytes.iter().filter(|byte| **byte == bytes[mark]).count() == 1;
            (once && bytes.len() - mark - 1 != 3).then_some(bytes[mark])
        }
        (None, None) => None,
    }
}

/// An amount given in units of 10^`power` rupiah (a column in millions: 6), as whole rupiah:
/// `1,5` in billions is Rp1.500.000.000; whether a fraction of a rupiah was rounded. In such a
/// column a lone mark before three digits (`398,125`) is the `decimal` mark the column's other
/// cells show, where they show one ([`decimal_mark`]); else it groups thousands.
pub fn money_in(
    text: &str,
    power: u32,
    decimal: Option<u8>,
) -> Result<Option<(Rupiah, bool)>, Problem> {
    let decimal = decimal.filter(|_| power > 0);
    // Most cells are digits and marks only, with nothing to clean up.
    let bytes = text.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_digit) && bytes.iter().all(is_digit_or_mark) {
        return amount(bytes, power, decimal).map(Some);
    }
    let mut text = text.trim();
    for prefix in ["Rp.", "Rp", "IDR", "rp"] {
        if let Some(rest) = text.strip_prefix(prefix) {
            text = rest;
            break;
        }
    }
    let text = text.trim_end_matches(",-");
    let spaced = |character: char| character.is_whitespace() || character == '\u{a0}';
    // Spaces inside (`1 500 000`) are dropped; most cells have none and are not copied.
    let text: Cow<str> = if text.contains(spaced) {
        Cow::Owned(
            text.chars()
                .filter(|character| !spaced(*character))
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    };
    if text.is_empty() || text == "-" {
        return Ok(None);
    }
    if text.starts_with('-') || text.starts_with('(') {
        return Err(Problem::Negative);
    }
    if !text.bytes().all(|byte| is_digit_or_mark(&byte)) {
        return Err(Problem::WrongType(Expected::WholeNumber));
    }
    amount(text.as_bytes(), power, decimal).map(Some)
}

fn is_digit_or_mark(byte: &u8) -> bool {
    byte.is_ascii_digit() || *byte == b'.' || *byte == b','
}

/// An amount of digits, `.` and `,` (at least one byte) in units of 10^`power` rupiah: the
/// whole rupiah and whether a fraction of a rupiah was rounded.
fn amount(text: &[u8], power: u32, hint: Option<u8>) -> Result<(Rupiah, bool), Problem> {
    let last = |mark: u8| text.iter().rposition(|byte| *byte == mark);
    let decimal = match (last(b'.'), last(b',')) {
        (Some(dot), Some(comma)) => Some(dot.max(comma)),
        (Some(mark), None) | (None, Some(mark)) => {
            let once = text.iter().filter(|byte| **byte == text[mark]).count() == 1;
            (once && (text.len() - mark - 1 != 3 || hint == Some(text[mark]))).then_some(mark)
        }
        (None, None) => None,
    };
    let (whole, fraction) = match decimal {
        Some(mark) => (&text[..mark], &text[mark + 1..]),
        None => (text, &[][..]),
    };
    if fraction.iter().any(|byte| !byte.is_ascii_digit()) || !grouped(whole) || whole.is_empty() {
        return Err(Problem::WrongType(Expected::WholeNumber));
    }
    let mut value: i64 = 0;
    let mut fraction = fraction.iter().copied();
    // The whole digits, then as many of the fraction's as the unit has places (0 past its end).
    let scaled = (0..power).map(|_| fraction.next().unwrap_or(b'0'));
    for digit in whole
        .iter()
        .copied()
        .filter(u8::is_ascii_digit)
        .chain(scaled)
    {
        value = value
            .checked_mul(10)
            .and_then(|value| value.checked_add(i64::from(digit - b'0')))
            .ok_or(Problem::TooLarge)?;
    }
    let fraction: Vec<u8> = fraction.collect();
    let rounded = fraction.iter().any(|digit| *digit != b'0');
    if fraction.first().is_some_and(|digit| *digit >= b'5') {
        value = value.checked_add(1).ok_or(Problem::TooLarge)?;
    }
    Ok((Rupiah(value), rounded))
}

/// Whether thousands groups are whole: `1.500.000`, never `1.5.00` or a mark of each kind.
fn grouped(whole: &[u8]) -> bool {
    let (mut separator, mut group, mut first) = (None, 0, true);
    for byte in whole {
        if byte.is_ascii_digit() {
            group += 1;
            continue;
        }
        let fits = if first {
            (1..=3).contains(&group)
        } else {
            group == 3
        };
        if *separator.get_or_insert(*byte) != *byte || !fits {
            return false;
        }
        (group, first) = (0, false);
    }
    first || group == 3
}

/// A month from a date or month cell: `2024-03-15`, `2024-03`, `15/03/2024`, `15-03-2024`,
/// `2024/03/15`, `2024-03-15T10:00:00Z`. `Ok(None)` for an empty cell.
pub fn month(text: &str) -> Result<Option<YearMonth>, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let (year, month) = match full_date(text.as_bytes()) {
        Some(found) => found,
        None => {
            let date = text.split(['T', ' ']).next().unwrap_or(text);
            let mut split = date.split(['-', '/', '.']);
            let parts = [split.next(), split.next(), split.next(), split.next()];
            let number = |part: &str| part.parse::<i32>().ok();
            match parts {
                [Some(year), Some(month), None, _] | [Some(year), Some(month), Some(_), None]
                    if year.len() == 4 =>
                {
                    (number(year), number(month))
                }
                [Some(_), Some(month), Some(year), None] if year.len() == 4 => {
                    (number(year), number(month))
                }
                _ => (None, None),
            }
        }
    };
    match (year, month) {
        (Some(year), Some(month @ 1..=12)) if YEARS.contains(&year) => {
            Ok(YearMonth::new(year, month as u8))
        }
        _ => Err(Problem::WrongType(Expected::Date)),
    }
}

/// The year and month of the common full dates, `15/03/2024` (also with `-` or `.`) and
/// `2024-03-15` (also with `/` or `.`), read without splitting; `None` for any other text.
fn full_date(text: &[u8]) -> Option<(Option<i32>, Option<i32>)> {
    let digits = |range: std::ops::Range<usize>| {
        text.get(range)?.iter().try_fold(0, |value: i32, byte| {
            byte.is_ascii_digit()
                .then(|| value * 10 + i32::from(byte - b'0'))
        })
    };
    let mark = |at: usize| matches!(text.get(at), Some(b'-' | b'/' | b'.'));
    if text.len() != 10 {
        return None;
    }
    if mark(2) && mark(5) {
        digits(0..2)?;
        Some((Some(digits(6..10)?), Some(digits(3..5)?)))
    } else if mark(4) && mark(7) {
        digits(8..10)?;
        Some((Some(digits(0..4)?), Some(digits(5..7)?)))
    } else {
        None
    }
}

/// The day a cell names, when it names one (`2024-03-15`, `15/03/2024`, an ISO date-time);
/// `None` for a month alone or anything else (the month is read by [`month`]).
pub fn day(text: &str) -> Option<crate::model::CivilDate> {
    let text = text.trim();
    let date = text.split(['T', ' ']).next().unwrap_or(text);
    let mut parts = date.split(['-', '/', '.']);
    let parts = [parts.next()?, parts.next()?, parts.next()?];
    let number = |part: &str| part.parse::<u32>().ok();
    let (year, month, day) = match parts {
        [year, month, day] if year.len() == 4 => (number(year)?, number(month)?, number(day)?),
        [day, month, year] if year.len() == 4 => (number(year)?, number(month)?, number(day)?),
        _ => return None,
    };
    crate::model::CivilDate::new(
        i32::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )
}

/// A fiscal year. `Ok(None)` for an empty cell.
pub fn year(text: &str) -> Result<Option<i32>, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<i32>() {
        Ok(year) if YEARS.contains(&year) => Ok(Some(year)),
        Ok(_) => Err(Problem::OutsidePeriod),
        Err(_) => Err(Problem::WrongType(Expected::WholeNumber)),
    }
}

/// A count. `Ok(None)` for an empty cell.
pub fn count(text: &str) -> Result<Option<u64>, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.starts_with('-') {
        return Err(Problem::Negative);
    }
    if let Ok(count) = text.parse::<u64>() {
        return Ok(Some(count));
    }
    // Thousands grouped as spreadsheets print them: `2.310`, `2,310`, `1 045`.
    match money(text) {
        Ok(Some((amount, false))) => Ok(u64::try_from(amount.0).ok()),
        _ => Err(Problem::WrongType(Expected::WholeNumber)),
    }
}

/// A yes/no flag as spreadsheets write it (`Ya`, `Tidak`, `Y`, `N`, `true`, `1`, `PDN`,
/// `Non PDN`, `UKM`, `Non UKM`, …). `Ok(None)` for an empty cell.
pub fn flag(text: &str) -> Result<Option<bool>, Problem> {
    let text = text.trim();
    if text.is_empty() || text == "-" {
        return Ok(None);
    }
    let negative = ["tidak", "t", "n", "no", "false", "0", "bukan"];
    let positive = [
        "ya", "y", "yes", "true", "1", "pdn", "ukm", "umk", "umkk", "micro", "sme",
    ];
    let is = |word: &&str| text.eq_ignore_ascii_case(word);
    let starts = |prefix: &str| {
        text.get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
    };
    if negative.iter().any(is) || starts("non") || starts("bukan") {
        Ok(Some(false))
    } else if positive.iter().any(is) {
        Ok(Some(true))
    } else {
        Err(Problem::WrongType(Expected::Boolean))
    }
}

/// Text folded for matching a vocabulary: lower case, words joined by `-`.
fn folded(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .split(|character: char| character.is_whitespace() || character == '_' || character == '-')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// A selection method by its code, its Indonesian name or a common spelling.
pub fn method(text: &str) -> Result<Option<Method>, Problem> {
    let code = folded(text);
    if code.is_empty() {
        return Ok(None);
    }
    let code = match code.as_str() {
        // Where a transaction came from (INAPROC's realisation pages, `Sumber Transaksi`): a
        // non-tender or a record of one names no one method; it is left unsaid.
        "non-tender" | "nontender" | "pencatatan" | "pencatatan-non-tender" => return Ok(None),
        "epurchasing" | "e-katalog" | "ekatalog" | "katalog" | "toko-daring" | "bela-pengadaan" => {
            "e-purchasing"
        }
        "seleksi-cepat" => "seleksi",
        "direct-purchase" => "pengadaan-langsung",
        "direct-appointment" => "penunjukan-langsung",
        other => other,
    };
    Method::from_code(code)
        .map(Some)
        .ok_or_else(|| Problem::UnknownCode(crate::format::raw_value(text)))
}

/// A procurement type by its code, its Indonesian name or the OCDS category.
pub fn procurement_type(text: &str) -> Result<Option<ProcurementType>, Problem> {
    let code = folded(text);
    if code.is_empty() {
        return Ok(None);
    }
    let kind = match code.as_str() {
        "goods" | "pengadaan-barang" => Some(ProcurementType::Barang),
        "works" | "konstruksi" => Some(ProcurementType::PekerjaanKonstruksi),
        "services" => Some(ProcurementType::Jasa),
        "consultancy" | "consulting-services" => Some(ProcurementType::JasaKonsultansi),
        other if other.starts_with("jasa-konsultansi") => Some(ProcurementType::JasaKonsultansi),
        other => ProcurementType::from_code(other),
    };
    kind.map(Some)
        .ok_or_else(|| Problem::UnknownCode(crate::format::raw_value(text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_read_where_a_cell_names_one() {
        let day = |text| day(text).map(|date| date.to_string());
        assert_eq!(day("2025-04-30"), Some("2025-04-30".into()));
        assert_eq!(day("30/04/2025"), Some("2025-04-30".into()));
        assert_eq!(day("2025-04-29 23:59:00"), Some("2025-04-29".into()));
        assert_eq!(
            day("2025-04-30T00:00:00.000000Z"),
            Some("2025-04-30".into())
        );
        assert_eq!(day("2025-04"), None);
        assert_eq!(day("2025-02-30"), None);
    }

    #[test]
    fn money_reads_indonesian_and_english_notations_and_rounds_half_away_from_zero() {
        let amount =
            |text| money(text).map(|value| value.map(|(amount, rounded)| (amount.0, rounded)));
        assert_eq!(amount("1.500.000.000"), Ok(Some((1_500_000_000, false))));
        assert_eq!(
            amount("Rp 1.500.000.000,00"),
            Ok(Some((1_500_000_000, false)))
        );
        assert_eq!(
            amount("Rp1.500.000.000,-"),
            Ok(Some((1_500_000_000, false)))
        );
        assert_eq!(amount("1,500,000,000.50"), Ok(Some((1_500_000_001, true))));
        assert_eq!(amount("1500000000,49"), Ok(Some((1_500_000_000, true))));
        assert_eq!(amount("1.500"), Ok(Some((1_500, false))));
        let scaled = |text, power| {
            money_in(text, power, None)
                .map(|value| value.map(|(amount, rounded)| (amount.0, rounded)))
        };
        assert_eq!(
            money_in("398,125", 9, Some(b',')),
            Ok(Some((Rupiah(398_125_000_000), false)))
        );
        assert_eq!(
            money_in("398,125", 9, None),
            Ok(Some((Rupiah(398_125_000_000_000), false)))
        );
        assert_eq!(
            money_in("1,500", 0, Some(b',')),
            Ok(Some((Rupiah(1_500), false))),
            "rupiah: a lone mark before three digits groups thousands"
        );
        assert_eq!(decimal_mark("2.450,75"), Some(b','));
        assert_eq!(decimal_mark("612,5"), Some(b','));
        assert_eq!(decimal_mark("1.500"), None);
        assert_eq!(scaled("1,5", 9), Ok(Some((1_500_000_000, false))));
        assert_eq!(scaled("12", 6), Ok(Some((12_000_000, false))));
        assert_eq!(scaled("0,0000005", 6), Ok(Some((1, true))));
        assert_eq!(scaled("2.500,25", 3), Ok(Some((2_500_250, false))));
        assert_eq!(scaled("99999999999", 9), Err(Problem::TooLarge));
        assert_eq!(amount("2.5"), Ok(Some((3, true))));
        assert_eq!(amount(" "), Ok(None));
        assert_eq!(amount("-5"), Err(Problem::Negative));
        assert_eq!(
            amount("1e400"),
            Err(Problem::WrongType(Expected::WholeNumber))
        );
        assert_eq!(
            amount("NaN"),
            Err(Problem::WrongType(Expected::WholeNumber))
        );
        assert_eq!(amount("99999999999999999999"), Err(Problem::TooLarge));
        assert_eq!(
            amount("1.2.3,4,5"),
            Err(Problem::WrongType(Expected::WholeNumber))
        );
    }

    #[test]
    fn dates_flags_and_vocabularies_read_as_people_type_them() {
        let march = YearMonth::parse("2024-03");
        for text in [
            "2024-03-15",
            "2024-03",
            "15/03/2024",
            "15-03-2024",
            "2024/03/15",
            "2024-03-15T10:00:00Z",
        ] {
            assert_eq!(month(text), Ok(march), "{text}");
        }
        assert_eq!(month("31/31/2024"), Err(Problem::WrongType(Expected::Date)));
        assert_eq!(month("3000-01-01"), Err(Problem::WrongType(Expected::Date)));
        assert_eq!(flag("Ya"), Ok(Some(true)));
        assert_eq!(flag("Non PDN"), Ok(Some(false)));
        assert_eq!(flag("mungkin"), Err(Problem::WrongType(Expected::Boolean)));
        assert_eq!(
            method("Pengadaan Langsung"),
            Ok(Some(Method::PengadaanLangsung))
        );
        assert_eq!(method("E-Purchasing"), Ok(Some(Method::EPurchasing)));
        assert_eq!(method("lelang"), Err(Problem::UnknownCode("lelang".into())));
        assert_eq!(
            procurement_type("Jasa Konsultansi Badan Usaha"),
            Ok(Some(ProcurementType::JasaKonsultansi))
        );
        assert_eq!(
            procurement_type("Pekerjaan Konstruksi"),
            Ok(Some(ProcurementType::PekerjaanKonstruksi))
        );
        assert_eq!(
            procurement_type("works"),
            Ok(Some(ProcurementType::PekerjaanKonstruksi))
        );
        assert_eq!(year("2024"), Ok(Some(2024)));
        assert_eq!(year("24"), Err(Problem::OutsidePeriod));
    }
}
