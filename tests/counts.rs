//! Counts beside values: the number of packages as a measure of every breakdown and of the
//! monthly series, files without amounts charted by counts, and ready-made tables of totals.

// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use pantau_pbj::analysis::filter::{apply, Filter};
use pantau_pbj::chart::spec::ChartSpec;
use pantau_pbj::format::Loaded;
use pantau_pbj::i18n::{Lang, Text};
use pantau_pbj::ingest::{read, Source};
use pantau_pbj::views::{panels, panels_of, Measure, Panel, View};

fn load(bytes: &[u8], address: &str) -> Loaded {
    read(Source {
        bytes: bytes.into(),
        content_type: None,
        format: None,
        address,
        current_year: 2024,
    })
    .expect("reads")
}

/// Each bar's label and value, in chart order.
fn bars(panel: &Panel) -> Vec<(String, f64)> {
    match &panel.chart {
        ChartSpec::Bars(bars) => bars
            .rows
            .iter()
            .map(|row| (row.label.clone(), row.value))
            .collect(),
        ChartSpec::Lines(_) => Vec::new(),
    }
}

fn panel<'a>(panels: &'a [Panel], id: &str) -> &'a Panel {
    panels
        .iter()
        .find(|panel| panel.id == id)
        .unwrap_or_else(|| panic!("no panel {id}"))
}

/// SPSE tender notices with no values at all: 5 tenders, by method and unit.
const NOTICES: &str = "kd_tender,nama_paket,nama_satker,mtd_pemilihan,jenis_pengadaan,tgl_pengumuman_tender,nama_klpd,tahun_anggaran
101,Jalan A,Dinas PUPR,Tender,Pekerjaan Konstruksi,2024-02-05 09:00:00,Provinsi Kalimantan Barat,2024
102,Jalan B,Dinas PUPR,Tender,Pekerjaan Konstruksi,2024-02-19 09:00:00,Provinsi Kalimantan Barat,2024
103,Konsultan C,Dinas PUPR,Seleksi,Jasa Konsultansi,2024-03-04 09:00:00,Provinsi Kalimantan Barat,2024
104,Alat D,Dinas Kesehatan,Tender,Barang,2024-03-11 09:00:00,Provinsi Kalimantan Barat,2024
105,Gedung E,Dinas Kesehatan,Tender Cepat,Pekerjaan Konstruksi,2024-05-06 09:00:00,Provinsi Kalimantan Barat,2024
";

#[test]
fn a_file_without_amounts_is_charted_by_counts_with_a_line_that_says_so() {
    let loaded = load(NOTICES.as_bytes(), "https://lpse.example.go.id/tender.csv");
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    assert_eq!(loaded.dataset.packages.len(), 5);
    assert_eq!(
        loaded.dataset.meta.title,
        "Tender Provinsi Kalimantan Barat 2024 (SPSE)"
    );
    let narrowed = apply(&loaded.dataset, &Filter::default());
    for lang in [Lang::Id, Lang::En] {
        // Whatever measure is asked, there is nothing but counts.
        for measure in Measure::ALL {
            let shown = panels_of(&narrowed, View::Spending, lang, false, measure);
            let by_method = panel(&shown, "by-method");
            assert_eq!(
                bars(by_method),
                vec![
                    ("Tender".to_owned(), 3.0),
                    (
                        pantau_pbj::i18n::method_name(pantau_pbj::model::Method::TenderCepat, lang)
                            .to_owned(),
                        1.0
                    ),
                    (
                        pantau_pbj::i18n::method_name(pantau_pbj::model::Method::Seleksi, lang)
                            .to_owned(),
                        1.0
                    ),
                ]
            );
            assert_eq!(bars(panel(&shown, "by-unit")).len(), 2);
            for panel in &shown {
                assert!(
                    panel
                        .notes
                        .iter()
                        .any(|note| note == Text::ValuesMissing.get(lang)),
                    "{}: {:?}",
                    panel.id,
                    panel.notes
                );
            }
            // The monthly series counts 2, 2, 1 packages: cumulative 2, 4, 5.
            let cumulative = panel(&shown, "cumulative");
            let ChartSpec::Lines(lines) = &cumulative.chart else {
                panic!("a line chart");
            };
            let points: Vec<f64> = lines.series[0].points.iter().map(|point| point.1).collect();
            assert_eq!(points, vec![2.0, 4.0, 5.0]);
            assert!(lines.references.is_empty(), "no pagu to count against");
        }
    }
}

#[test]
fn the_count_measure_counts_packages_in_every_breakdown_and_month() {
    let path = format!(
        "{}/tests/data/isb/rup-penyedia.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let loaded = load(&std::fs::read(path).expect("fixture"), "rup.json");
    let narrowed = apply(&loaded.dataset, &Filter::default());
    let values = panels_of(&narrowed, View::Spending, Lang::Id, false, Measure::Value);
    let counts = panels_of(&narrowed, View::Spending, Lang::Id, false, Measure::Count);
    assert_eq!(values.len(), counts.len());
    let by_type = bars(panel(&counts, "by-type"));
    assert_eq!(
        by_type,
        vec![
            ("Barang".to_owned(), 3.0),
            ("Pekerjaan Konstruksi".to_owned(), 1.0),
            ("Jasa Konsultansi".to_owned(), 1.0),
            ("Jasa Lainnya".to_owned(), 1.0),
        ]
    );
    let by_type_values = bars(panel(&values, "by-type"));
    assert_eq!(
        by_type_values[0],
        ("Pekerjaan Konstruksi".to_owned(), 7.5e9)
    );
    // Tables and summaries count too.
    let table = &panel(&counts, "by-type").table;
    assert_eq!(table.columns[1].0, "Jumlah paket");
    assert!(panel(&counts, "by-type").summary.contains("3 paket"));
    assert!(panel(&counts, "by-type").subtitle.contains("6 paket"));
    // Nothing says money is missing when it is there.
    assert!(counts.iter().all(|panel| !panel
        .notes
        .iter()
        .any(|note| note == Text::ValuesMissing.get(Lang::Id))));
}

#[test]
fn a_summary_file_counts_where_it_publishes_counts() {
    let path = format!("{}/data/kaltim-2024.json", env!("CARGO_MANIFEST_DIR"));
    let loaded = load(&std::fs::read(path).expect("sample"), "kaltim.json");
    let counts = panels_of(
        &loaded.dataset,
        View::Spending,
        Lang::En,
        false,
        Measure::Count,
    );
    let by_method = bars(panel(&counts, "by-method"));
    assert_eq!(by_method[0], ("E-purchasing".to_owned(), 6120.0));
    // Monthly amounts come without counts: no cumulative count is made up.
    assert!(counts.iter().all(|panel| panel.id != "cumulative"));
    assert_eq!(
        panels(&loaded.dataset, View::Spending, Lang::En, false).len(),
        counts.len() + 1
    );
}

#[test]
fn a_table_of_totals_per_agency_is_charted_as_a_breakdown_with_a_note() {
    let file = "Instansi;Total Nilai RUP;Total Paket RUP\n\
        Dinas Pendidikan;1.250.000.000.000;2.310\n\
        Dinas Kesehatan;830.500.000.000;1.045\n\
        Sekretariat Daerah;120.000.000.000;388\n";
    let loaded = load(file.as_bytes(), "https://data.example.go.id/rekap.csv");
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    assert!(loaded.dataset.meta.summary_rows);
    let narrowed = apply(&loaded.dataset, &Filter::default());
    let values = panels_of(&narrowed, View::Spending, Lang::Id, false, Measure::Value);
    let by_unit = panel(&values, "by-unit");
    assert_eq!(
        bars(by_unit),
        vec![
            ("Dinas Pendidikan".to_owned(), 1.25e12),
            ("Dinas Kesehatan".to_owned(), 830.5e9),
            ("Sekretariat Daerah".to_owned(), 120e9),
        ]
    );
    assert!(by_unit
        .notes
        .iter()
        .any(|note| note == Text::SummaryRows.get(Lang::Id)));
    let counts = panels_of(&narrowed, View::Spending, Lang::Id, false, Measure::Count);
    assert_eq!(
        bars(panel(&counts, "by-unit")),
        vec![
            ("Dinas Pendidikan".to_owned(), 2310.0),
            ("Dinas Kesehatan".to_owned(), 1045.0),
            ("Sekretariat Daerah".to_owned(), 388.0),
        ]
    );
    // A package-level file is no summary.
    let notices = load(NOTICES.as_bytes(), "tender.csv");
    assert!(!notices.dataset.meta.summary_rows);
}
