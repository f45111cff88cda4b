//! LKPP's services beside the ISB (tests/data/inaproc, made by make.py with invented values):
//! INAPROC's API v1 envelope, the data behind its realisation pages, SiRUP's older JSON
//! service, one file of several governments, tables of totals with a unit word in their
//! headings; and OCDS as publishers write it (1.0 without `version`, a value given as a range,
//! releases without amounts). Each with the figures a careful reader computes by hand.

// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;
use common::problems;

use pantau_pbj::analysis::filter::{apply, options, Filter};
use pantau_pbj::format::{Loaded, Problem};
use pantau_pbj::ingest::{read, Source};
use pantau_pbj::model::{Method, ProcurementType, Rupiah, Stage};

fn load(folder: &str, name: &str) -> Loaded {
    let path = format!("{}/tests/data/{folder}/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("fixture");
    read(Source {
        bytes: bytes.into(),
        content_type: None,
        format: None,
        address: &format!("https://data.example.go.id/{name}"),
        current_year: 2026,
    })
    .expect("reads")
}

fn total(loaded: &Loaded, stage: Stage) -> i64 {
    loaded
        .dataset
        .packages
        .iter()
        .filter_map(|package| package.amounts.at(stage))
        .map(|amount| amount.0)
        .sum()
}

#[test]
fn inaproc_api_v1_records_are_read_from_their_envelope_and_a_partial_page_says_so() {
    let loaded = load("inaproc", "api-v1-tender.json");
    assert_eq!(
        loaded.dataset.meta.title,
        "Tender Provinsi Kalimantan Barat 2024 (SPSE)"
    );
    assert_eq!(loaded.dataset.meta.publisher, "Provinsi Kalimantan Barat");
    assert_eq!(loaded.dataset.packages.len(), 3);
    assert_eq!(total(&loaded, Stage::Rencana), 10_850_000_000);
    let units: Vec<_> = loaded
        .dataset
        .packages
        .iter()
        .map(|package| package.unit.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        units[1], "Satker 1.01.0.00 · Jl. Ahmad Yani No. 1, Pontianak",
        "a unit with an empty name is shown by its code and address"
    );
    assert_eq!(loaded.dataset.packages[2].method, Some(Method::TenderCepat));
    assert_eq!(
        problems(&loaded),
        vec![("meta.has_more".to_owned(), Problem::MoreRecords)]
    );
    // A partial file says so under every chart, not only in the list of issues.
    assert!(loaded.dataset.meta.partial);
    let shown = apply(&loaded.dataset, &Filter::default());
    for view in [
        pantau_pbj::views::View::Spending,
        pantau_pbj::views::View::Oversight,
    ] {
        for panel in pantau_pbj::views::panels(&shown, view, pantau_pbj::i18n::Lang::En, false) {
            assert!(
                panel
                    .notes
                    .iter()
                    .any(|note| note.contains("one page of a longer answer")),
                "{}",
                panel.id
            );
        }
    }

    let v5 = load("inaproc", "api-v1-ekatalog-v5.json");
    assert_eq!(
        v5.dataset.meta.title,
        "Pembelian e-Katalog Provinsi Kalimantan Barat 2024"
    );
    // Two lines of one order are one package.
    assert_eq!(v5.dataset.packages.len(), 2);
    assert_eq!(total(&v5, Stage::Komitmen), 16_000_000 + 48_750_000);
    assert_eq!(v5.dataset.packages[0].unit.as_deref(), Some("Satker 400"));
    assert_eq!(
        problems(&v5),
        vec![("data[2].total_harga".to_owned(), Problem::Rounded)],
        "the last page (has_more false) says nothing more"
    );
    assert!(!v5.dataset.meta.partial);
}

#[test]
fn realisation_pages_read_their_human_headers_and_transaction_sources() {
    let loaded = load("inaproc", "realisasi.json");
    assert_eq!(
        loaded.dataset.meta.title,
        "Realisasi pengadaan Kabupaten Sanggau 2024 (INAPROC)"
    );
    assert_eq!(total(&loaded, Stage::Realisasi), 9_015_500_000);
    let methods: Vec<_> = loaded
        .dataset
        .packages
        .iter()
        .map(|package| package.method)
        .collect();
    // A non-tender and a record name no one method: unsaid, not guessed.
    assert_eq!(
        methods,
        vec![
            Some(Method::EPurchasing),
            Some(Method::Tender),
            None,
            Some(Method::EPurchasing),
            None
        ]
    );
    assert!(problems(&loaded).is_empty());
    // Local content from the PDN and UMK values (Nilai PDN (Rp)): over the four transactions
    // that state them, Rp8.955.500.000 of Rp9.015.500.000.
    let content = apply(&loaded.dataset, &Filter::default())
        .local_content
        .expect("local content");
    assert_eq!(
        content.pdn.value,
        Rupiah(1_100_000_000 + 6_000_000_000 + 180_000_000 + 20_000_000)
    );
    let coverage = content.coverage.expect("coverage");
    assert_eq!((coverage.stated, coverage.packages), (4, 5));
    assert_eq!(coverage.stated_value, Rupiah(8_955_500_000));
    assert_eq!(coverage.value, Rupiah(9_015_500_000));
}

#[test]
fn sirup_older_json_is_a_plan_titled_by_its_year() {
    let loaded = load("inaproc", "sirup-lama.json");
    assert_eq!(loaded.dataset.meta.title, "Rencana pengadaan 2017 (SiRUP)");
    assert_eq!(loaded.dataset.meta.fiscal_year, 2017);
    assert_eq!(
        total(&loaded, Stage::Rencana),
        195_000_000 + 3_250_000_000 + 84_000_000
    );
    let packages = &loaded.dataset.packages;
    assert_eq!(packages[0].method, Some(Method::PengadaanLangsung));
    assert_eq!(packages[1].kind, Some(ProcurementType::PekerjaanKonstruksi));
    assert_eq!(packages[2].method, Some(Method::EPurchasing));
    assert_eq!(
        packages[0].name.as_deref(),
        Some("Pengadaan Rambu Lalu Lintas")
    );
    assert_eq!(
        packages[0].selection_day.map(|day| day.to_string()),
        Some("2017-03-01".to_owned()),
        "tanggal_awal_pengadaan starts the selection"
    );
    assert!(problems(&loaded).is_empty());
    assert!(!loaded.dataset.meta.year_assumed);
}

#[test]
fn a_file_of_several_governments_is_titled_by_their_number_filtered_and_charted_by_each() {
    let loaded = load("inaproc", "rup-beberapa-klpd.json");
    assert_eq!(
        loaded.dataset.meta.title,
        "Rencana pengadaan 3 K/L/PD 2024 (SiRUP)"
    );
    let choices = options(&loaded.dataset);
    assert_eq!(
        choices.governments,
        vec![
            "Kabupaten Sanggau",
            "Kota Pontianak",
            "Provinsi Kalimantan Barat"
        ]
    );
    let all = apply(&loaded.dataset, &Filter::default());
    let spending = all.spending.expect("spending");
    let by_government: Vec<(String, i64)> = spending
        .by_government
        .iter()
        .map(|row| (row.key.clone(), row.amount.0))
        .collect();
    assert_eq!(by_government.len(), 3);
    assert_eq!(
        by_government.iter().map(|(_, amount)| amount).sum::<i64>(),
        total(&loaded, Stage::Rencana)
    );
    let one = Filter {
        government: Some("Kabupaten Sanggau".into()),
        ..Filter::default()
    };
    let sanggau = apply(&loaded.dataset, &one).spending.expect("spending");
    let sum: i64 = sanggau.by_method.iter().map(|row| row.amount.0).sum();
    assert_eq!(sum, 420_000_000 + 950_000_000);
    assert!(
        sanggau.by_government.is_empty(),
        "one government is the whole: no breakdown"
    );
}

#[test]
fn tables_of_totals_read_their_headers_unit_words_and_check_them_against_the_numbers() {
    let loaded = load("inaproc", "rekap-rup-miliar.csv");
    assert!(loaded.dataset.meta.summary_rows);
    // No year in the table: none in the title, and every chart says its year is assumed.
    assert_eq!(loaded.dataset.meta.title, "Rekapitulasi pengadaan 3 K/L/PD");
    assert!(loaded.dataset.meta.year_assumed);
    let shown = apply(&loaded.dataset, &Filter::default());
    let panels = pantau_pbj::views::panels(
        &shown,
        pantau_pbj::views::View::Spending,
        pantau_pbj::i18n::Lang::En,
        false,
    );
    assert!(!panels.is_empty());
    for panel in &panels {
        assert!(
            panel.notes.iter().any(
                |note| note.contains("states no fiscal year: its figures are shown under 2026")
            ),
            "{}",
            panel.id
        );
    }
    // 2.450,75 + 612,5 + 398,125 miliar: the lone comma of the last is the decimal mark the
    // column's other cells show.
    assert_eq!(
        total(&loaded, Stage::Rencana),
        2_450_750_000_000 + 612_500_000_000 + 398_125_000_000
    );
    let counted: u64 = loaded
        .dataset
        .packages
        .iter()
        .map(|package| package.count)
        .sum();
    assert_eq!(counted, 1_234 + 856 + 640);
    assert!(problems(&loaded).is_empty());

    let wrong = load("inaproc", "rekap-rup-satuan-salah.csv");
    let amounts: Vec<i64> = wrong
        .dataset
        .packages
        .iter()
        .filter_map(|package| package.amounts.rencana)
        .map(|amount| amount.0)
        .collect();
    // 85.500 juta is Rp85,5 M; a number that "juta" would make Rp312.000 T is read in rupiah,
    // and said.
    assert_eq!(amounts, vec![85_500_000_000, 312_000_000_000_000]);
    assert_eq!(
        problems(&wrong),
        vec![(
            "3:Total Nilai RUP (dalam juta rupiah)".to_owned(),
            Problem::UnitWordMismatch("juta".into())
        )]
    );
}

#[test]
fn ocds_as_published_without_version_with_ranges_and_without_amounts() {
    let loaded = load("ocds", "ocds-1.0-no-version-range.json");
    assert_eq!(loaded.dataset.packages.len(), 1);
    assert_eq!(total(&loaded, Stage::Rencana), 1_500_000_000);
    assert_eq!(
        problems(&loaded),
        vec![
            ("releases[1]".to_owned(), Problem::NoAmount),
            (
                "releases[1].tender.minValue".to_owned(),
                Problem::RangeOnly("100000000–200000000".into())
            ),
        ]
    );
    // Releases without any amount are counted, not refused.
    let counted = load("ocds", "no-amounts.json");
    assert_eq!(counted.dataset.packages.len(), 2);
    assert!(counted
        .dataset
        .packages
        .iter()
        .all(|package| package.amounts.is_empty()));
    assert!(problems(&counted).is_empty());
    assert_eq!(counted.dataset.meta.title, "LPSE Kota Y (OCDS)");
}
