//! LKPP's ISB exports as they come (tests/data/isb, made by make.py in the shapes of the real
//! services): each family read with its title, the stage each amount stands for, exact totals
//! and counts, local content from contract PDN/UMK values where the family has them.

// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;
use common::problems;

use pantau_pbj::analysis::filter::{apply, Filter};
use pantau_pbj::format::{LoadError, Loaded, Problem};
use pantau_pbj::ingest::{read, Source};
use pantau_pbj::model::{LocalBasis, Method, Rupiah, Stage};

fn load(name: &str) -> Result<Loaded, LoadError> {
    let path = format!("{}/tests/data/isb/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("fixture");
    read(Source {
        bytes: bytes.into(),
        content_type: Some("application/json"),
        format: None,
        address: &format!("https://isb.example.go.id/api/{name}"),
        current_year: 2026,
    })
}

/// The sum of one stage over a file's packages, and how many packages have it.
fn stage_total(loaded: &Loaded, stage: Stage) -> (i64, usize) {
    let amounts: Vec<Rupiah> = loaded
        .dataset
        .packages
        .iter()
        .filter_map(|package| package.amounts.at(stage))
        .collect();
    (amounts.iter().map(|amount| amount.0).sum(), amounts.len())
}

/// Local content as the widget computes it for the default filter at `stage`.
fn shares(loaded: &Loaded, stage: Stage) -> (Stage, i64, i64, i64, LocalBasis) {
    let filter = Filter {
        stage: Some(stage),
        ..Filter::default()
    };
    let content = apply(&loaded.dataset, &filter)
        .local_content
        .expect("local content");
    (
        content.stage,
        content.total.value.0,
        content.pdn.value.0,
        content.umkk.value.0,
        content.basis,
    )
}

#[test]
fn sirup_plans_are_rencana_with_pdn_and_ukm_flags() {
    let loaded = load("rup-penyedia.json").expect("reads");
    let meta = &loaded.dataset.meta;
    assert_eq!(
        meta.title,
        "Rencana pengadaan Provinsi Kalimantan Barat 2024 (SiRUP)"
    );
    assert_eq!(meta.publisher, "Provinsi Kalimantan Barat");
    assert_eq!(meta.fiscal_year, 2024);
    assert_eq!(stage_total(&loaded, Stage::Rencana), (9_150_000_000, 6));
    assert_eq!(stage_total(&loaded, Stage::Komitmen), (0, 0));
    // An unknown method leaves the method blank; the package still counts.
    assert_eq!(
        problems(&loaded),
        vec![(
            "[5].metode_pengadaan".to_owned(),
            Problem::Unrecognised("Pengadaan Darurat".into())
        )]
    );
    assert_eq!(loaded.dataset.packages[5].method, None);
    assert_eq!(
        shares(&loaded, Stage::Rencana),
        (
            Stage::Rencana,
            9_150_000_000,
            8_730_000_000,
            700_000_000,
            LocalBasis::Flags
        )
    );
}

#[test]
fn swakelola_plans_as_json_lines_are_swakelola_and_left_out_of_local_content() {
    let loaded = load("rup-swakelola.jsonl").expect("reads");
    assert_eq!(
        loaded.dataset.meta.title,
        "Swakelola Provinsi Kalimantan Barat 2024 (SiRUP/SPSE)"
    );
    assert!(loaded.issues.is_empty(), "{:?}", problems(&loaded));
    assert_eq!(stage_total(&loaded, Stage::Rencana), (1_825_500_000, 4));
    assert!(loaded
        .dataset
        .packages
        .iter()
        .all(|package| package.method == Some(Method::Swakelola)));
    let months: Vec<u8> = loaded
        .dataset
        .packages
        .iter()
        .filter_map(|package| package.month.map(|month| month.month))
        .collect();
    assert_eq!(months, vec![2, 3, 4, 5], "tgl_awal_pelaksanaan_kontrak");
}

#[test]
fn spse_tender_announcements_are_rencana_by_their_pagu() {
    let loaded = load("spse-tender-pengumuman.json").expect("reads");
    assert_eq!(
        loaded.dataset.meta.title,
        "Tender Provinsi Kalimantan Barat 2024 (SPSE)"
    );
    assert!(loaded.issues.is_empty(), "{:?}", problems(&loaded));
    assert_eq!(stage_total(&loaded, Stage::Rencana), (10_450_000_000, 3));
    assert_eq!(
        loaded
            .dataset
            .packages
            .iter()
            .filter(|package| package.method == Some(Method::Seleksi))
            .count(),
        1
    );
}

#[test]
fn spse_non_tender_contracts_give_local_content_from_their_pdn_and_umk_values() {
    let loaded = load("spse-nontender-selesai.json").expect("reads");
    assert_eq!(
        loaded.dataset.meta.title,
        "Non-tender Provinsi Kalimantan Barat 2024 (SPSE)"
    );
    assert_eq!(stage_total(&loaded, Stage::Rencana), (578_000_000, 4));
    assert_eq!(stage_total(&loaded, Stage::Komitmen), (474_610_001, 3));
    assert_eq!(
        problems(&loaded),
        vec![
            ("[2].nilai_kontrak".to_owned(), Problem::Rounded),
            ("[2].nilai_pdn_kontrak".to_owned(), Problem::Rounded),
        ]
    );
    // Whatever stage the reader picks, contract values are shares of contract values.
    for stage in [Stage::Rencana, Stage::Komitmen] {
        assert_eq!(
            shares(&loaded, stage),
            (
                Stage::Komitmen,
                474_610_001,
                381_510_001,
                277_600_000,
                LocalBasis::ContractValues
            )
        );
    }
}

#[test]
fn spse_tender_contracts_give_local_content_from_their_values() {
    let loaded = load("spse-tender-kontrak.json").expect("reads");
    assert_eq!(stage_total(&loaded, Stage::Komitmen), (7_408_354_560, 2));
    assert_eq!(
        shares(&loaded, Stage::Komitmen),
        (
            Stage::Komitmen,
            7_408_354_560,
            6_880_000_000,
            880_000_000,
            LocalBasis::ContractValues
        )
    );
}

#[test]
fn spse_records_of_non_tender_purchases_are_realisasi_with_their_values() {
    let loaded = load("spse-pencatatan-nontender.json").expect("reads");
    assert_eq!(
        loaded.dataset.meta.title,
        "Pencatatan non-tender Provinsi Kalimantan Barat 2024 (SPSE)"
    );
    // The third record (not yet paid) gives PDN and UMK as 0: the service's "not filled in".
    assert_eq!(
        problems(&loaded),
        [("[2]".to_owned(), Problem::ZeroAsUnstated)]
    );
    assert_eq!(stage_total(&loaded, Stage::Realisasi), (162_000_000, 2));
    assert_eq!(stage_total(&loaded, Stage::Rencana), (238_353_115, 3));
    assert_eq!(
        shares(&loaded, Stage::Realisasi),
        (
            Stage::Realisasi,
            162_000_000,
            100_000_000,
            162_000_000,
            LocalBasis::ContractValues
        )
    );
}

#[test]
fn e_katalog_orders_are_e_purchasing_commitments_by_order_date() {
    let loaded = load("ekatalog-v6.json").expect("reads");
    assert_eq!(
        loaded.dataset.meta.title,
        "Pembelian e-Katalog Provinsi Kalimantan Barat 2024"
    );
    assert!(loaded.issues.is_empty(), "{:?}", problems(&loaded));
    assert_eq!(stage_total(&loaded, Stage::Komitmen), (316_900_116, 4));
    let packages = &loaded.dataset.packages;
    assert!(packages
        .iter()
        .all(|package| package.method == Some(Method::EPurchasing)));
    assert_eq!(packages[0].name.as_deref(), Some("Belanja e-Katalog 1"));
    assert_eq!(packages[3].month.map(|month| month.month), Some(10));
    // v5 lists a row per product: an order's lines make one package.
    let v5 = load("ekatalog-v5.json").expect("reads");
    assert_eq!(stage_total(&v5, Stage::Komitmen), (63_750_001, 2));
    assert_eq!(
        v5.dataset.meta.title, "Pembelian e-Katalog 2024",
        "v5 names no government and several units: the family and the year title it"
    );
    assert_eq!(
        problems(&v5),
        vec![("[1].total_harga".to_owned(), Problem::Rounded)]
    );
}

#[test]
fn a_json_array_that_is_not_records_is_refused_as_before() {
    let not_records = read(Source {
        bytes: br#"[{"kd_klpd": "D197", "nama_klpd": "Provinsi"}]"#.as_slice().into(),
        content_type: None,
        format: None,
        address: "x.json",
        current_year: 2024,
    });
    assert!(
        matches!(not_records, Err(LoadError::NotPantau)),
        "{not_records:?}"
    );
    let broken = read(Source {
        bytes: br#"[{"kd_rup": 1, "pagu": 5}, {"kd_rup": 2, "pagu": }]"#
            .as_slice()
            .into(),
        content_type: None,
        format: None,
        address: "x.json",
        current_year: 2024,
    });
    assert!(
        matches!(broken, Err(LoadError::NotJson { .. })),
        "{broken:?}"
    );
}

#[test]
fn flattened_ocds_csv_in_both_header_styles_reads_as_ocds() {
    for name in ["flattened-paths.csv", "flattened-underscore.csv"] {
        let path = format!("{}/tests/data/ocds-csv/{name}", env!("CARGO_MANIFEST_DIR"));
        let loaded = read(Source {
            bytes: std::fs::read(&path).expect("fixture").into(),
            content_type: Some("text/csv"),
            format: None,
            address: "https://data.example.go.id/ocds.csv",
            current_year: 2024,
        })
        .expect("reads");
        let packages = &loaded.dataset.packages;
        // One package per ocid; the USD process is reported and left out.
        let ids: Vec<_> = packages.iter().map(|package| package.id.clone()).collect();
        assert_eq!(
            ids,
            vec![Some("ocds-x-1".to_owned()), Some("ocds-x-2".to_owned())],
            "{name}"
        );
        assert_eq!(loaded.dataset.meta.currency.code(), "IDR");
        assert_eq!(
            stage_total(&loaded, Stage::Rencana),
            (10_500_000_000, 2),
            "{name}"
        );
        assert_eq!(
            stage_total(&loaded, Stage::Komitmen),
            (10_050_000_001, 2),
            "{name}"
        );
        assert_eq!(packages[0].unit.as_deref(), Some("Dinas Kesehatan"));
        assert_eq!(packages[0].method, Some(Method::Open));
        assert_eq!(packages[1].tenderers, Some(1));
        let other_currency = problems(&loaded)
            .iter()
            .filter(|(_, problem)| matches!(problem, Problem::OtherCurrency(code) if code == "USD"))
            .count();
        assert_eq!(other_currency, 2, "{name}: {:?}", problems(&loaded));
        assert!(loaded.dataset.meta.title.ends_with("(OCDS)"));
        // From a relative address (no host) and with several buyers, the file's name titles
        // it: never `– (OCDS)`.
        let relative = read(Source {
            bytes: std::fs::read(&path).expect("fixture").into(),
            content_type: Some("text/csv"),
            format: None,
            address: "data/ocds.csv",
            current_year: 2024,
        })
        .expect("reads");
        assert_eq!(relative.dataset.meta.title, "ocds.csv (OCDS)");
    }
}

#[test]
fn a_relative_csv_names_no_publisher_and_never_shows_a_dash() {
    use pantau_pbj::i18n::Lang;
    use pantau_pbj::views::{panels, View};
    let loaded = read(Source {
        bytes: b"nama_paket,nama_satker,pagu\nA,Dinas,1000\n"
            .as_slice()
            .into(),
        content_type: Some("text/csv"),
        format: None,
        address: "data/paket.csv",
        current_year: 2024,
    })
    .expect("reads");
    assert_eq!(loaded.dataset.meta.known_publisher(), None);
    assert_eq!(loaded.dataset.meta.known_license(), None);
    let narrowed = apply(&loaded.dataset, &Filter::default());
    for panel in panels(&narrowed, View::Spending, Lang::Id, false) {
        assert!(!panel.source_line.contains('–'), "{}", panel.source_line);
    }
}

/// SPSE's tender fields feed the oversight view: the status (`Gagal/Batal`), the HPS against
/// the contract value, the winner.
#[test]
fn spse_status_hps_and_winner_feed_the_oversight_indicators() {
    let notices = load("spse-tender-pengumuman.json").expect("reads");
    let narrowed = apply(&notices.dataset, &Filter::default());
    let oversight = narrowed.oversight.expect("package-level");
    let failed = oversight.failed_tenders.expect("statuses given");
    assert_eq!((failed.flagged.len(), failed.judged), (1, 3));
    assert_eq!(failed.flagged[0].hps, Some(Rupiah(1_999_995_335)));
    // Announcements have no contract to hold against their HPS.
    assert!(oversight.against_hps.is_err());
    let finished = load("spse-nontender-selesai.json").expect("reads");
    let oversight = apply(&finished.dataset, &Filter::default())
        .oversight
        .expect("package-level");
    let priced = oversight.against_hps.expect("HPS and contracts");
    // 184.500.000 of 184.500.000, 93.100.000 of 94.500.000 (1,48%), 197.010.001 of 198.500.000.
    assert_eq!(priced.bands, [0, 2, 1, 0, 0, 0, 0]);
    let concentration = oversight.concentration.expect("winners named");
    assert!(
        concentration.by_unit.is_empty(),
        "no unit has five contracts"
    );
    assert_eq!(concentration.judged, 3);
}

/// SPSE's list of participants (a row per participant): the rows of a tender are one package,
/// its bidders the participants who made an offer (a price above zero; a registrant is none),
/// the participant marked `pemenang` its winner; the single-bid indicator comes from it.
#[test]
fn a_participant_list_gives_each_tender_its_number_of_bidders() {
    let loaded = load("spse-peserta-tender.json").expect("reads");
    assert!(problems(&loaded).is_empty(), "{:?}", problems(&loaded));
    let packages = &loaded.dataset.packages;
    let tenders: Vec<(Option<&str>, Option<u64>, Option<&str>)> = packages
        .iter()
        .map(|package| {
            (
                package.id.as_deref(),
                package.tenderers,
                package
                    .tender
                    .as_ref()
                    .and_then(|tender| tender.supplier.as_deref()),
            )
        })
        .collect();
    assert_eq!(
        tenders,
        [
            (Some("9201"), Some(1), Some("CV Tunggal")),
            (Some("9202"), Some(2), Some("PT Dua")),
            (Some("9203"), Some(1), Some("CV Lima")),
        ]
    );
    // The list names no government (only `kd_klpd`): the file's name titles it.
    // No government named: the one unit every row names (by its code: the list has no unit
    // names), the family and the year title it.
    assert_eq!(
        loaded.dataset.meta.title,
        "Peserta tender Satker 101 2024 (SPSE)"
    );
    let oversight = apply(&loaded.dataset, &Filter::default())
        .oversight
        .expect("package-level");
    let single = oversight.single_bid.expect("tenderers known");
    assert_eq!((single.flagged.len(), single.judged), (2, 3));
    assert_eq!(single.flagged[0].id.as_deref(), Some("9201"));
    // A list whose offers are all empty does not tell bidders from registrants: no number of
    // bids, and the indicator says what is missing.
    let file = std::fs::read_to_string(format!(
        "{}/tests/data/isb/spse-peserta-tender.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    let mut records: Vec<serde_json::Value> = serde_json::from_str(&file).expect("JSON");
    for record in &mut records {
        record["nilai_penawaran"] = serde_json::Value::Null;
        record["nilai_terkoreksi"] = serde_json::Value::Null;
    }
    let bytes = serde_json::to_vec(&records).expect("JSON");
    let loaded = pantau_pbj::ingest::read(pantau_pbj::ingest::Source {
        bytes: bytes.as_slice().into(),
        content_type: None,
        format: None,
        address: "peserta.json",
        current_year: 2024,
    })
    .expect("reads");
    assert!(loaded
        .dataset
        .packages
        .iter()
        .all(|package| package.tenderers.is_none()));
    let oversight = apply(&loaded.dataset, &Filter::default())
        .oversight
        .expect("package-level");
    assert_eq!(
        oversight.single_bid.err(),
        Some(pantau_pbj::analysis::oversight::Missing::Tenderers)
    );
}

/// Names as exports carry them: zero-width characters, a byte-order mark inside a value, text
/// encoded twice (UTF-8 read as Windows-1252 and saved again). The title, units and names the
/// widget shows carry none of it.
#[test]
fn invisible_and_twice_encoded_characters_never_reach_a_name() {
    let records = r#"[
      {"kd_rup": "1", "nama_paket": "Pengadaan\u200b ATK\u2060", "nama_satker": "\ufeffDinas Kesehatan\u200d",
       "nama_klpd": "Provinsi Kalimantan Timur\u2062", "metode_pengadaan": "Tender", "jenis_pengadaan": "Barang",
       "pagu": 1000000, "tahun_anggaran": 2024},
      {"kd_rup": "2", "nama_paket": "Caf\u00c3\u00a9 \u00e2\u20ac\u201c Kantor\u00e2\u20ac\u2039", "nama_satker": "Dinas Pekerjaan Umum\u00e2\u20ac\u2039",
       "nama_klpd": "Provinsi Kalimantan Timur", "metode_pengadaan": "Tender", "jenis_pengadaan": "Barang",
       "pagu": 2000000, "tahun_anggaran": 2024}
    ]"#;
    let loaded = read(Source {
        bytes: records.as_bytes().into(),
        content_type: Some("application/json"),
        format: None,
        address: "rup.json",
        current_year: 2024,
    })
    .expect("reads");
    let names: Vec<(&str, &str)> = loaded
        .dataset
        .packages
        .iter()
        .map(|package| {
            (
                package.name.as_deref().unwrap_or(""),
                package.unit.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("Pengadaan ATK", "Dinas Kesehatan"),
            ("Café – Kantor", "Dinas Pekerjaan Umum"),
        ]
    );
    assert!(
        loaded
            .dataset
            .meta
            .title
            .contains("Provinsi Kalimantan Timur 2024"),
        "{}",
        loaded.dataset.meta.title
    );
    assert!(loaded
        .dataset
        .meta
        .title
        .chars()
        .all(|character| !pantau_pbj::format::is_format_character(character)));
}
