//! Names of domain values and sentences about data problems, in the reader's language.

use super::{Lang, Text};
use crate::analysis::progress::Verdict;
use crate::format::{DataIssue, Expected, LoadError, Problem};
use crate::model::{CivilDate, Method, ProcurementType, Stage};

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The month's name (`short`: three letters, as on an axis: `Agu` / `Aug`).
pub fn month_name(month: u8, lang: Lang, short: bool) -> &'static str {
    let index = usize::from(month.clamp(1, 12) - 1);
    let name = match lang {
        Lang::Id => MONTHS_ID[index],
        Lang::En => MONTHS_EN[index],
    };
    if short {
        name.get(..3).unwrap_or(name)
    } else {
        name
    }
}

/// `30 Juni 2024` / `30 June 2024`.
pub fn format_date(date: CivilDate, lang: Lang) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_name(date.month(), lang, false),
        date.year()
    )
}

/// The stage of money, as a reader says it.
pub fn stage_name(stage: Stage, lang: Lang) -> &'static str {
    match stage {
        Stage::Rencana => Text::StageRencana.get(lang),
        Stage::Komitmen => Text::StageKomitmen.get(lang),
        Stage::Realisasi => Text::StageRealisasi.get(lang),
    }
}

/// The selection method's name.
pub fn method_name(method: Method, lang: Lang) -> &'static str {
    match method {
        Method::EPurchasing => "E-purchasing",
        Method::PengadaanLangsung => Text::MethodPengadaanLangsung.get(lang),
        Method::PenunjukanLangsung => Text::MethodPenunjukanLangsung.get(lang),
        Method::TenderCepat => Text::MethodTenderCepat.get(lang),
        Method::Tender => "Tender",
        Method::Seleksi => Text::MethodSeleksi.get(lang),
        Method::Swakelola => Text::MethodSwakelola.get(lang),
        Method::Dikecualikan => Text::MethodDikecualikan.get(lang),
        Method::Open => Text::MethodOpen.get(lang),
        Method::Selective => Text::MethodSelective.get(lang),
        Method::Limited => Text::MethodLimited.get(lang),
        Method::Direct => Text::MethodDirect.get(lang),
    }
}

/// The procurement type's name.
pub fn type_name(procurement_type: ProcurementType, lang: Lang) -> &'static str {
    match procurement_type {
        ProcurementType::Barang => Text::TypeBarang.get(lang),
        ProcurementType::PekerjaanKonstruksi => Text::TypePekerjaanKonstruksi.get(lang),
        ProcurementType::JasaKonsultansi => Text::TypeJasaKonsultansi.get(lang),
        ProcurementType::JasaLainnya => Text::TypeJasaLainnya.get(lang),
        ProcurementType::Terintegrasi => Text::TypeTerintegrasi.get(lang),
        ProcurementType::Jasa => Text::TypeJasa.get(lang),
    }
}

/// The verdict on a target.
pub fn verdict_name(verdict: Verdict, lang: Lang) -> &'static str {
    match verdict {
        Verdict::Reached => Text::VerdictReached.get(lang),
        Verdict::OnTrack => Text::VerdictOnTrack.get(lang),
        Verdict::AtRisk => Text::VerdictAtRisk.get(lang),
        Verdict::OffTrack => Text::VerdictOffTrack.get(lang),
        Verdict::Missed => Text::VerdictMissed.get(lang),
    }
}

/// A range of whole rupiah (`100000000–200000000`, an end possibly missing) in the reader's
/// words: `Rp100 jt–Rp200 jt`.
fn range_words(range: &str, lang: Lang) -> String {
    let idr = crate::model::Currency::idr();
    let end = |text: &str| {
        text.parse::<i64>()
            .map(|value| super::format_money_compact(crate::model::Rupiah(value), &idr, lang))
            .unwrap_or_else(|_| "?".to_owned())
    };
    match range.split_once('–') {
        Some((low, high)) => format!("{}–{}", end(low), end(high)),
        None => range.to_owned(),
    }
}

fn expected_name(expected: Expected, lang: Lang) -> &'static str {
    match expected {
        Expected::Text => Text::ExpectedText.get(lang),
        Expected::WholeNumber => Text::ExpectedWholeNumber.get(lang),
        Expected::Boolean => Text::ExpectedBoolean.get(lang),
        Expected::Date => Text::ExpectedDate.get(lang),
        Expected::Month => Text::ExpectedMonth.get(lang),
        Expected::Object => Text::ExpectedObject.get(lang),
        Expected::List => Text::ExpectedList.get(lang),
        Expected::Currency => Text::ExpectedCurrency.get(lang),
    }
}

/// One data issue as a sentence: `spending.monthly[3].amount: nilai negatif, dilewati`.
pub fn describe_issue(issue: &DataIssue, lang: Lang) -> String {
    let place = describe_place(&issue.path, lang);
    let (text, value) = match &issue.problem {
        Problem::Missing => (Text::IssueMissing, String::new()),
        Problem::WrongType(expected) => (
            Text::IssueWrongType,
            expected_name(*expected, lang).to_owned(),
        ),
        Problem::Negative => (Text::IssueNegative, String::new()),
        Problem::TooLarge => (Text::IssueTooLarge, String::new()),
        Problem::Rounded => (Text::IssueRounded, String::new()),
        // The issue keeps the value as the file wrote it; the sentence shows it cleaned.
        Problem::UnknownCode(code) => (Text::IssueUnknownCode, crate::format::clean_text(code)),
        Problem::Unrecognised(code) => (Text::IssueUnrecognised, crate::format::clean_text(code)),
        Problem::OutsidePeriod => (Text::IssueOutsidePeriod, String::new()),
        Problem::Duplicate => (Text::IssueDuplicate, String::new()),
        Problem::PartExceedsTotal => (Text::IssuePartExceedsTotal, String::new()),
        Problem::DateOrder => (Text::IssueDateOrder, String::new()),
        Problem::TargetNotAboveBaseline => (Text::IssueTargetNotAboveBaseline, String::new()),
        Problem::UnknownSource(id) => (Text::IssueUnknownSource, id.clone()),
        Problem::NoAmount => (Text::IssueNoAmount, String::new()),
        Problem::OtherCurrency(code) => (Text::IssueOtherCurrency, code.clone()),
        Problem::NotJsonLine => (Text::IssueNotJsonLine, String::new()),
        Problem::Superseded => (Text::IssueSuperseded, String::new()),
        Problem::ZeroAsUnstated => (Text::IssueZeroAsUnstated, String::new()),
        Problem::UnitWordMismatch(word) => (Text::IssueUnitWordMismatch, word.clone()),
        Problem::MoreRecords => (Text::IssueMoreRecords, String::new()),
        Problem::RangeOnly(range) => (Text::IssueRangeOnly, range_words(range, lang)),
    };
    // Each message names at most one value besides the place, under its own name.
    text.fill(
        lang,
        &[
            ("place", &place),
            ("expected", &value),
            ("code", &value),
            ("id", &value),
        ],
    )
}

/// Where a value is: a JSON path as it is; `<line>:<column>` of a CSV file or `<line>:` of a
/// JSON Lines file in words (`baris 5, kolom pagu` / `line 5, column pagu`).
fn describe_place(path: &str, lang: Lang) -> String {
    match path.split_once(':') {
        Some((line, column))
            if !line.is_empty() && line.bytes().all(|byte| byte.is_ascii_digit()) =>
        {
            match column.is_empty() {
                true => Text::PlaceLine.fill(lang, &[("line", line)]),
                false => Text::PlaceLineColumn.fill(lang, &[("line", line), ("column", column)]),
            }
        }
        _ => path.to_owned(),
    }
}

/// A load error as a sentence.
pub fn describe_load_error(error: &LoadError, lang: Lang) -> String {
    match error {
        LoadError::NotJson { line, column } => Text::NotJsonAt.fill(
            lang,
            &[("line", &line.to_string()), ("column", &column.to_string())],
        ),
        LoadError::NotAFile => Text::NotAFile.get(lang).to_owned(),
        LoadError::NotPantau => Text::NotPantau.get(lang).to_owned(),
        LoadError::UnsupportedVersion(version) => {
            format!("{}: {version}.", Text::UnsupportedVersion.get(lang))
        }
        LoadError::InvalidMeta(_) => Text::InvalidMeta.get(lang).to_owned(),
        LoadError::NoData(_) => Text::NoData.get(lang).to_owned(),
        LoadError::NoColumns => Text::NoColumns.get(lang).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_months_in_both_languages() {
        let date = CivilDate::parse("2024-08-17").unwrap();
        assert_eq!(format_date(date, Lang::Id), "17 Agustus 2024");
        assert_eq!(format_date(date, Lang::En), "17 August 2024");
        assert_eq!(month_name(5, Lang::Id, true), "Mei");
        assert_eq!(month_name(12, Lang::En, true), "Dec");
    }

    #[test]
    fn issues_say_where_and_what() {
        let issue = DataIssue {
            path: "spending.monthly[3].amount".into(),
            problem: Problem::Negative,
        };
        assert_eq!(
            describe_issue(&issue, Lang::Id),
            "spending.monthly[3].amount: bernilai negatif; dilewati"
        );
        assert_eq!(
            describe_issue(&issue, Lang::En),
            "spending.monthly[3].amount: negative; skipped"
        );
    }
}
