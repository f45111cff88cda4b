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
        Stage::Rencana => lang.pick("Rencana", "Planned"),
        Stage::Komitmen => lang.pick("Komitmen", "Committed"),
        Stage::Realisasi => lang.pick("Realisasi", "Realised"),
    }
}

/// The selection method's name.
pub fn method_name(method: Method, lang: Lang) -> &'static str {
    match method {
        Method::EPurchasing => "E-purchasing",
        Method::PengadaanLangsung => lang.pick("Pengadaan Langsung", "Direct purchase"),
        Method::PenunjukanLangsung => lang.pick("Penunjukan Langsung", "Direct appointment"),
        Method::TenderCepat => lang.pick("Tender Cepat", "Fast tender"),
        Method::Tender => "Tender",
        Method::Seleksi => lang.pick("Seleksi", "Selection"),
        Method::Swakelola => lang.pick("Swakelola", "In-house (swakelola)"),
        Method::Dikecualikan => lang.pick("Dikecualikan", "Exempted"),
        Method::Open => lang.pick("Terbuka", "Open"),
        Method::Selective => lang.pick("Selektif", "Selective"),
        Method::Limited => lang.pick("Terbatas", "Limited"),
        Method::Direct => lang.pick("Langsung", "Direct"),
    }
}

/// The procurement type's name.
pub fn type_name(procurement_type: ProcurementType, lang: Lang) -> &'static str {
    match procurement_type {
        ProcurementType::Barang => lang.pick("Barang", "Goods"),
        ProcurementType::PekerjaanKonstruksi => {
            lang.pick("Pekerjaan Konstruksi", "Construction works")
        }
        ProcurementType::JasaKonsultansi => lang.pick("Jasa Konsultansi", "Consultancy"),
        ProcurementType::JasaLainnya => lang.pick("Jasa Lainnya", "Other services"),
        ProcurementType::Terintegrasi => lang.pick("Terintegrasi", "Integrated"),
        ProcurementType::Jasa => lang.pick("Jasa", "Services"),
    }
}

/// The verdict on a target.
pub fn verdict_name(verdict: Verdict, lang: Lang) -> &'static str {
    match verdict {
        Verdict::Reached => lang.pick("Tercapai", "Reached"),
        Verdict::OnTrack => lang.pick("Sesuai jalur", "On track"),
        Verdict::AtRisk => lang.pick("Berisiko", "At risk"),
        Verdict::OffTrack => lang.pick("Tidak sesuai jalur", "Off track"),
        Verdict::Missed => lang.pick("Tidak tercapai", "Missed"),
    }
}

fn expected_name(expected: Expected, lang: Lang) -> &'static str {
    match expected {
        Expected::Text => lang.pick("teks", "text"),
        Expected::WholeNumber => lang.pick("bilangan bulat", "a whole number"),
        Expected::Boolean => lang.pick("true atau false", "true or false"),
        Expected::Date => lang.pick("tanggal TTTT-BB-HH", "a date YYYY-MM-DD"),
        Expected::Month => lang.pick("bulan TTTT-BB", "a month YYYY-MM"),
        Expected::Object => lang.pick("objek", "an object"),
        Expected::List => lang.pick("daftar", "a list"),
        Expected::Currency => {
            lang.pick("kode mata uang tiga huruf", "a three-letter currency code")
        }
    }
}

/// One data issue as a sentence: `spending.monthly[3].amount: nilai negatif, dilewati`.
pub fn describe_issue(issue: &DataIssue, lang: Lang) -> String {
    let what = match &issue.problem {
        Problem::Missing => lang.pick("tidak ada", "missing").to_owned(),
        Problem::WrongType(expected) => format!(
            "{} {}",
            lang.pick("seharusnya", "should be"),
            expected_name(*expected, lang)
        ),
        Problem::Negative => lang.pick("bernilai negatif", "negative").to_owned(),
        Problem::TooLarge => lang
            .pick(
                "terlalu besar untuk dihitung persis",
                "too large to count exactly",
            )
            .to_owned(),
        Problem::Rounded => lang
            .pick(
                "pecahan, dibulatkan ke satuan terdekat",
                "fractional, rounded to the nearest unit",
            )
            .to_owned(),
        Problem::UnknownCode(code) => format!(
            "{} «{code}»",
            lang.pick("kode tidak dikenal", "unknown code")
        ),
        Problem::OutsidePeriod => lang
            .pick("di luar periode", "outside the period")
            .to_owned(),
        Problem::Duplicate => lang
            .pick(
                "ganda (yang pertama dipakai)",
                "duplicate (the first is used)",
            )
            .to_owned(),
        Problem::PartExceedsTotal => lang
            .pick("melebihi totalnya", "exceeds its total")
            .to_owned(),
        Problem::DateOrder => lang
            .pick(
                "urutan tanggal tidak mungkin",
                "dates in an impossible order",
            )
            .to_owned(),
        Problem::TargetNotAboveBaseline => lang
            .pick(
                "target tidak di atas nilai awal",
                "target not above the baseline",
            )
            .to_owned(),
        Problem::UnknownSource(id) => format!(
            "{} «{id}»",
            lang.pick(
                "sumber tidak terdaftar di meta.sources",
                "source not listed in meta.sources"
            )
        ),
        Problem::NoAmount => lang
            .pick(
                "tidak ada nilai rencana, komitmen atau realisasi",
                "no planned, committed or realised amount",
            )
            .to_owned(),
        Problem::OtherCurrency(code) => format!(
            "{} «{code}»",
            lang.pick(
                "mata uang lain, tidak dijumlahkan",
                "another currency, not added up"
            )
        ),
        Problem::NotJsonLine => lang
            .pick("bukan objek JSON", "not a JSON object")
            .to_owned(),
        Problem::Superseded => lang
            .pick(
                "diganti oleh angka dari daftar paket (packages)",
                "replaced by figures from the package list (packages)",
            )
            .to_owned(),
    };
    let outcome = if issue.value_kept() {
        lang.pick("tetap dipakai", "kept")
    } else {
        lang.pick("dilewati", "skipped")
    };
    format!("{}: {what}; {outcome}", describe_place(&issue.path, lang))
}

/// Where a value is: a JSON path as it is; `<line>:<column>` of a CSV file or `<line>:` of a
/// JSON Lines file in words (`baris 5, kolom pagu` / `line 5, column pagu`).
fn describe_place(path: &str, lang: Lang) -> String {
    match path.split_once(':') {
        Some((line, column))
            if !line.is_empty() && line.bytes().all(|byte| byte.is_ascii_digit()) =>
        {
            let line = format!("{} {line}", lang.pick("baris", "line"));
            if column.is_empty() {
                line
            } else {
                format!("{line}, {} {column}", lang.pick("kolom", "column"))
            }
        }
        _ => path.to_owned(),
    }
}

/// A load error as a sentence.
pub fn describe_load_error(error: &LoadError, lang: Lang) -> String {
    match error {
        LoadError::NotJson { line, column } => format!(
            "{} ({} {line}, {} {column}).",
            Text::NotJson.get(lang),
            lang.pick("baris", "line"),
            lang.pick("kolom", "column")
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
