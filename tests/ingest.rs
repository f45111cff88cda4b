//! Reading what people publish: the OCDS standard's own fictional example (from
//! tests/data/ocds, unedited), JSON Lines, CSV exports in SiRUP style with their quirks,
//! and the detection between them. Each bad value gives its exact data issue.

// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use pantau_pbj::analysis::filter::{apply, Filter};
use pantau_pbj::format::{DataIssue, Issues, LoadError, Loaded, Problem};
use pantau_pbj::i18n::{describe_issue, Lang};
use pantau_pbj::ingest::{read, Source, SourceFormat};
use pantau_pbj::model::{Method, Package, ProcurementType, Rupiah, YearMonth};
use pantau_pbj::views::{panels, View};
use serde_json::Value;

fn ocds_fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/ocds/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn load(bytes: &[u8], content_type: Option<&str>) -> Result<Loaded, LoadError> {
    read(Source {
        bytes: bytes.into(),
        content_type,
        format: None,
        address: "https://data.example.go.id/pbj/paket-2024.csv?v=2",
        current_year: 2024,
    })
}

fn problems(issues: &[DataIssue]) -> Vec<(&str, &Problem)> {
    issues
        .iter()
        .map(|issue| (issue.path.as_str(), &issue.problem))
        .collect()
}

/// The one contracting process of the fictional example, as its six releases tell it.
fn assert_is_the_cycle_lane_contract(package: &Package) {
    assert_eq!(package.id.as_deref(), Some("ocds-213czf-000-00001"));
    assert_eq!(package.unit.as_deref(), Some("London Borough of Barnet"));
    assert_eq!(package.region.as_deref(), Some("London"));
    assert_eq!(package.method, Some(Method::Open));
    assert_eq!(package.kind, Some(ProcurementType::PekerjaanKonstruksi));
    assert_eq!(package.tenderers, Some(2));
    assert_eq!(
        package.amounts.rencana,
        Some(Rupiah(1_100_000)),
        "the amended tender value"
    );
    assert_eq!(
        package.amounts.komitmen,
        Some(Rupiah(11_000_000)),
        "the contract"
    );
    assert_eq!(
        package.amounts.realisasi,
        Some(Rupiah(60_000)),
        "two transactions"
    );
    assert_eq!(
        package.month,
        YearMonth::parse("2010-06"),
        "the contract was signed in June 2010"
    );
    assert_eq!(package.fiscal_year, 2010);
    assert_eq!(package.pdn, None);
}

#[test]
fn an_ocds_release_package_counts_its_process_once_in_its_own_currency() {
    let loaded = load(
        &ocds_fixture("fictional-example-1.1-release-package.json"),
        None,
    )
    .expect("reads");
    assert_eq!(loaded.dataset.packages.len(), 1, "six releases, one ocid");
    assert_is_the_cycle_lane_contract(&loaded.dataset.packages[0]);
    let meta = &loaded.dataset.meta;
    assert_eq!(meta.currency.code(), "GBP");
    assert_eq!(meta.publisher, "Open Data Services Co-operative Limited");
    assert_eq!(meta.fiscal_year, 2010);
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    // Views print the data's own currency, never "Rp".
    let narrowed = apply(&loaded.dataset, &Filter::default());
    for lang in Lang::ALL {
        let spending = panels(&narrowed, View::Spending, lang, false);
        assert!(
            spending.iter().any(|panel| panel.id == "suppliers"),
            "single-bid rate is known"
        );
        let text = format!("{:?}", spending);
        assert!(text.contains("GBP"), "{lang:?}");
        assert!(!text.contains("Rp"), "{lang:?}");
    }
    let spending = narrowed.spending.expect("spending");
    assert_eq!(spending.suppliers.single_bid, Some((0, 1)));
    assert_eq!(
        spending.suppliers.small, None,
        "no supplier states its size"
    );
    assert!(
        narrowed.local_content.is_none(),
        "OCDS has no PDN flag: no local-content shares"
    );
}

#[test]
fn an_ocds_record_package_uses_its_compiled_release() {
    let loaded = load(
        &ocds_fixture("fictional-example-1.1-record-package.json"),
        None,
    )
    .expect("reads");
    assert_eq!(loaded.dataset.packages.len(), 1);
    assert_is_the_cycle_lane_contract(&loaded.dataset.packages[0]);
}

#[test]
fn json_lines_of_releases_in_any_order_and_repeated_give_the_same_process() {
    let package: Value =
        serde_json::from_slice(&ocds_fixture("fictional-example-1.1-release-package.json"))
            .expect("JSON");
    let releases = package["releases"].as_array().expect("releases");
    let mut lines: Vec<String> = releases
        .iter()
        .rev()
        .map(|release| release.to_string())
        .collect();
    lines.insert(2, releases[3].to_string());
    lines.insert(4, "not json at all".into());
    lines.push(String::new());
    let loaded = load(lines.join("\n").as_bytes(), Some("application/x-ndjson")).expect("reads");
    assert_eq!(loaded.dataset.packages.len(), 1);
    assert_is_the_cycle_lane_contract(&loaded.dataset.packages[0]);
    assert_eq!(
        problems(&loaded.issues),
        vec![("5:", &Problem::NotJsonLine)]
    );
    assert_eq!(
        describe_issue(&loaded.issues[0], Lang::Id),
        "baris 5: bukan objek JSON; dilewati"
    );
}

#[test]
fn amounts_in_another_currency_are_never_added_up() {
    let release = |ocid: &str, currency: &str, amount: f64| {
        format!(
            r#"{{"ocid": "{ocid}", "id": "{ocid}-1", "date": "2024-03-01T00:00:00Z", "buyer": {{"name": "Dinas A"}},
            "tender": {{"value": {{"amount": {amount}, "currency": "{currency}"}}, "numberOfTenderers": 1}},
            "awards": [{{"id": "a", "value": {{"amount": {amount}, "currency": "{currency}"}}, "suppliers": [{{"id": "s"}}]}}],
            "parties": [{{"id": "s", "roles": ["supplier"], "details": {{"scale": "micro"}}}}]}}"#
        )
    };
    let file = format!(
        r#"{{"releases": [{}, {}, {}]}}"#,
        release("ocds-a", "IDR", 1500000.5),
        release("ocds-b", "IDR", 2000000.0),
        release("ocds-c", "USD", 100.0)
    );
    let loaded = load(file.as_bytes(), None).expect("reads");
    assert_eq!(loaded.dataset.meta.currency.code(), "IDR");
    assert_eq!(
        problems(&loaded.issues),
        vec![
            (
                "releases[2].tender.value.currency",
                &Problem::OtherCurrency("USD".into())
            ),
            (
                "releases[2].awards[0].value.currency",
                &Problem::OtherCurrency("USD".into())
            ),
            ("releases[2]", &Problem::NoAmount),
        ]
    );
    let amounts: Vec<_> = loaded
        .dataset
        .packages
        .iter()
        .map(|package| package.amounts.komitmen)
        .collect();
    assert_eq!(
        amounts,
        vec![Some(Rupiah(1_500_001)), Some(Rupiah(2_000_000))],
        "rounded half away from zero"
    );
    let spending = apply(&loaded.dataset, &Filter::default())
        .spending
        .expect("spending");
    assert_eq!(
        spending.suppliers.small,
        Some((Rupiah(3_500_001), Rupiah(3_500_001)))
    );
    assert_eq!(spending.suppliers.single_bid, Some((2, 2)));
}

/// A SiRUP-style export saved by a spreadsheet on Windows: semicolons, CRLF, a quoted name
/// with the delimiter and a line break in it (so issues name physical lines: the header is line
/// 1, the first package lines 2 and 3), Windows-1252 text, Indonesian money and dates.
const SIRUP_1252: &[u8] = b"Kd_RUP;Nama Paket;Nama Satker;Metode Pengadaan;Jenis Pengadaan;Pagu;Tanggal Kontrak;Nilai Kontrak;Status PDN;Status UKM;Lokasi\r\n\
41001;\"Pengadaan alat; kesehatan\r\nRSUD\";Dinas Kesehatan;Tender;Barang;Rp 1.500.000.000,00;15/03/2024;1.350.000.000;Ya;Tidak;Kota Samarinda\r\n\
41002;Caf\xE9 \x96 katering rapat;Sekretariat Daerah;Pengadaan Langsung;Jasa Lainnya;150.000.000;2024-04;149.500.000,50;PDN;UKM;Kab. Paser\r\n\
41003;Jalan poros;Dinas PUPR;Lelang;Pekerjaan Konstruksi;9.000.000.000;;;;;\r\n\
41004;Tanpa nilai;Dinas PUPR;Tender;Barang;;;;;;\r\n\
41005;Nilai negatif;Dinas PUPR;Tender;Barang;-5;;;Ya;Ya;\r\n";

#[test]
fn a_sirup_export_reads_with_its_quirks_and_reports_each_bad_cell() {
    let loaded = load(SIRUP_1252, None).expect("reads");
    let packages = &loaded.dataset.packages;
    assert_eq!(packages.len(), 3);
    let first = &packages[0];
    assert_eq!(first.id.as_deref(), Some("41001"));
    assert_eq!(
        first.name.as_deref(),
        Some("Pengadaan alat; kesehatan RSUD")
    );
    assert_eq!(first.amounts.rencana, Some(Rupiah(1_500_000_000)));
    assert_eq!(first.amounts.komitmen, Some(Rupiah(1_350_000_000)));
    assert_eq!((first.pdn, first.umkk), (Some(true), Some(false)));
    assert_eq!(first.month, YearMonth::parse("2024-03"));
    assert_eq!(first.region.as_deref(), Some("Kota Samarinda"));
    let second = &packages[1];
    assert_eq!(second.name.as_deref(), Some("Café – katering rapat"));
    assert_eq!(second.method, Some(Method::PengadaanLangsung));
    assert_eq!(second.amounts.komitmen, Some(Rupiah(149_500_001)));
    assert_eq!(
        problems(&loaded.issues),
        vec![
            ("4:Nilai Kontrak", &Problem::Rounded),
            (
                "5:Metode Pengadaan",
                &Problem::Unrecognised("Lelang".into())
            ),
            ("6:", &Problem::NoAmount),
            ("7:Pagu", &Problem::Negative),
        ]
    );
    assert_eq!(
        describe_issue(&loaded.issues[1], Lang::En),
        "line 5, column Metode Pengadaan: unknown word «Lelang»; left blank, the package still counts"
    );
    // The row with the unknown method counts, without a method.
    assert_eq!(packages[2].method, None);
    assert_eq!(packages[2].amounts.rencana, Some(Rupiah(9_000_000_000)));
    // No government named, several units: the family (told by `kd_rup` and `pagu`) and the
    // year title it, not the file's name.
    assert_eq!(loaded.dataset.meta.title, "Rencana pengadaan 2024 (SiRUP)");
    assert_eq!(loaded.dataset.meta.publisher, "data.example.go.id");
    assert_eq!(loaded.dataset.meta.fiscal_year, 2024);
}

#[test]
fn english_headers_tabs_a_bom_and_no_final_newline() {
    let file = "\u{feff}package_id\tname\tspending_unit\tmethod\ttype\tbudget\tpaid\tfiscal_year\n\
        A1\tLaptops\tDinas Pendidikan\te-purchasing\tgoods\t1,500,000\t1,200,000.00\t2023\n\
        A2\tBridge\tDinas PUPR\ttender\tworks\t2,000,000,000\t\t2023";
    let loaded = load(file.as_bytes(), Some("text/csv; charset=utf-8")).expect("reads");
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    let packages = &loaded.dataset.packages;
    assert_eq!(packages.len(), 2);
    assert_eq!(packages[0].amounts.rencana, Some(Rupiah(1_500_000)));
    assert_eq!(packages[0].amounts.realisasi, Some(Rupiah(1_200_000)));
    assert_eq!(packages[0].kind, Some(ProcurementType::Barang));
    assert_eq!(packages[1].fiscal_year, 2023);
    assert_eq!(packages[1].amounts.realisasi, None);
    let narrowed = apply(&loaded.dataset, &Filter::default());
    assert!(
        narrowed.local_content.is_none(),
        "no PDN or UKM columns: no shares invented"
    );
    assert_eq!(
        narrowed.spending.expect("spending").stage,
        pantau_pbj::model::Stage::Realisasi
    );
}

#[test]
fn detection_refuses_what_it_cannot_read_with_the_right_error() {
    let cases: Vec<(&[u8], Option<&str>, LoadError)> = vec![
        (
            b"<!doctype html><p>Maintenance",
            Some("text/html"),
            LoadError::NotAFile,
        ),
        (b"\xEF\xBB\xBF  <html>", None, LoadError::NotAFile),
        (b"nama;alamat\nBudi;Samarinda\n", None, LoadError::NoColumns),
        (
            b"\x00\x01\x02\xFF\xFE garbage \x9C",
            None,
            LoadError::NoColumns,
        ),
        (b"{\"hello\": 1}", None, LoadError::NotPantau),
        (b"[1, 2]", None, LoadError::NotPantau),
        (
            b"{\"releases\": []}",
            None,
            LoadError::NoData(Issues::new()),
        ),
        (
            b"{\"releases\": [",
            None,
            LoadError::NotJson {
                line: 1,
                column: 14,
            },
        ),
        (b"", None, LoadError::NotJson { line: 1, column: 0 }),
    ];
    for (bytes, content_type, expected) in cases {
        assert_eq!(
            load(bytes, content_type).err(),
            Some(expected),
            "{}",
            String::from_utf8_lossy(bytes)
        );
    }
    let forced = read(Source {
        bytes: b"kd_rup,pagu\n1,100\n".into(),
        content_type: Some("application/json"),
        format: Some(SourceFormat::Csv),
        address: "data",
        current_year: 2025,
    })
    .expect("the format parameter wins over the Content-Type");
    assert_eq!(forced.dataset.packages[0].fiscal_year, 2025);
    assert_eq!(SourceFormat::from_code(" OCDS "), Some(SourceFormat::Ocds));
}

#[test]
fn pantau_files_read_through_detection_as_before() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/kaltim-2024.json"
    ))
    .expect("sample");
    let detected = load(&bytes, Some("application/octet-stream")).expect("reads");
    assert_eq!(Ok(detected), pantau_pbj::format::parse(&bytes));
}

/// Reading a row at a time (as the browser does, yielding between batches) gives exactly what
/// reading all at once gives, for CSV and JSON Lines.
#[test]
fn reading_in_steps_gives_the_same_dataset_and_issues() {
    let package: Value =
        serde_json::from_slice(&ocds_fixture("fictional-example-1.1-release-package.json"))
            .expect("JSON");
    let mut lines: Vec<String> = package["releases"]
        .as_array()
        .expect("releases")
        .iter()
        .map(Value::to_string)
        .collect();
    lines.insert(3, "{broken".into());
    let json_lines = lines.join("\n");
    for (bytes, content_type) in [
        (SIRUP_1252.to_vec(), None),
        (json_lines.into_bytes(), Some("application/x-ndjson")),
    ] {
        let source = Source {
            bytes: bytes.as_slice().into(),
            content_type,
            format: None,
            address: "https://x.example/f",
            current_year: 2024,
        };
        // Stepped from owned bytes (as the widget reads a download), at once from borrowed ones.
        let mut reading = pantau_pbj::ingest::Reading::start(Source {
            bytes: bytes.clone().into(),
            ..source.clone()
        });
        let mut steps = 0;
        // What a reader may pass on while it reads: the packages made so far.
        let mut so_far = Vec::new();
        let stepped = loop {
            steps += 1;
            if let Some(result) = reading.step(1) {
                break result;
            }
            so_far.push(reading.packages().to_vec());
        };
        assert!(steps > 3, "read in {steps} steps");
        let finished = &stepped.as_ref().expect("reads").dataset.packages;
        if finished.len() > 1 {
            assert!(so_far.iter().any(|packages| !packages.is_empty()));
        }
        for packages in &so_far {
            assert_eq!(
                packages[..],
                finished[..packages.len()],
                "a prefix of the result"
            );
        }
        assert_eq!(stepped, read(source));
    }
}

/// Header spellings of real SiRUP exports (with a row number column the widget ignores).
#[test]
fn sirup_header_spellings_are_recognised() {
    let file = "No,Kode RUP,Nama Paket,Nama Satuan Kerja,Tahun Anggaran,Pagu Paket,Metode Pemilihan,Jenis Pengadaan,Produk Dalam Negeri,Usaha Kecil,Lokasi\n\
        1,41001,Alat tulis,Dinas Pendidikan,2025,\"25.000.000\",E-Purchasing,Barang,Ya,Ya,Kota Samarinda\n";
    let loaded = load(file.as_bytes(), Some("text/csv")).expect("reads");
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    let package = &loaded.dataset.packages[0];
    assert_eq!(package.id.as_deref(), Some("41001"));
    assert_eq!(package.unit.as_deref(), Some("Dinas Pendidikan"));
    assert_eq!(package.fiscal_year, 2025);
    assert_eq!(package.amounts.rencana, Some(Rupiah(25_000_000)));
    assert_eq!(
        (package.method, package.kind),
        (Some(Method::EPurchasing), Some(ProcurementType::Barang))
    );
    assert_eq!((package.pdn, package.umkk), (Some(true), Some(true)));
    assert_eq!(package.region.as_deref(), Some("Kota Samarinda"));
}

/// What a worker sends back (the head and the packages, in binary) is the result again.
#[test]
fn a_result_crosses_from_a_worker_unchanged() {
    use pantau_pbj::ingest::wire;
    let standard = ocds_fixture("fictional-example-1.1-release-package.json");
    let inputs: [(&[u8], Option<&str>); 4] = [
        (SIRUP_1252, None),
        (&standard, Some("application/json")),
        (b"{\"releases\": []}", None),
        (b"<html>", None),
    ];
    for (bytes, content_type) in inputs {
        let result = load(bytes, content_type);
        assert!(wire::crosses(&result));
        let head = wire::encode_head(&result);
        let mut packages = Vec::new();
        if let Ok(loaded) = &result {
            wire::encode_packages(&loaded.dataset.packages, &mut packages);
        }
        let rebuilt = wire::rebuild(
            wire::decode_head(&head).expect("a head reads back"),
            wire::decode_packages(&packages).expect("packages read back"),
        );
        assert_eq!(rebuilt, result);
    }
    // A Pantau file's ready-made sections do not cross: the widget reads it itself.
    let sample = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/kaltim-2024.json"
    ));
    assert!(!wire::crosses(&load(&sample.expect("the sample"), None)));
}

/// A reader tells early how many packages are likely to come (for the widget to make room once).
#[test]
fn the_expected_number_of_packages_is_close_from_the_first_rows_on() {
    use pantau_pbj::ingest::{warm, Reading};
    for (text, rows) in [(warm::csv(5_000), 5_000), (warm::json_lines(300), 300)] {
        let mut reading = Reading::start(Source {
            bytes: text.as_bytes().into(),
            content_type: None,
            format: None,
            address: "x",
            current_year: 2024,
        });
        let mut first = None;
        while reading.step(100).is_none() {
            if first.is_none() && !reading.packages().is_empty() {
                first = reading.expected();
            }
        }
        let expected = first.expect("an estimate once packages are made") as f64;
        assert!(
            (rows as f64..rows as f64 * 1.1).contains(&expected),
            "expected {expected} for {rows}"
        );
    }
}

/// Reads `bytes` as a download would bring them, in chunks of `sizes` (repeated), checking that
/// the packages read on the way are the start of the result (or are dropped at once, by a
/// reading that starts over); returns the result and whether packages came before the end.
fn read_as_it_comes(
    bytes: &[u8],
    content_type: Option<&str>,
    sizes: &[usize],
) -> (Result<Loaded, LoadError>, bool) {
    use pantau_pbj::ingest::{Expecting, Progressive};
    let mut progressive = Progressive::new(Expecting {
        content_type: content_type.map(str::to_owned),
        format: None,
        address: "https://data.example.go.id/pbj/paket-2024.csv?v=2".into(),
        current_year: 2024,
        length: Some(bytes.len()),
    });
    let (mut at, mut seen, mut early) = (0, Vec::<Package>::new(), false);
    for size in sizes.iter().cycle() {
        if at >= bytes.len() {
            break;
        }
        let end = (at + size.max(&1)).min(bytes.len());
        progressive.push(&bytes[at..end]);
        at = end;
        let now = progressive.packages();
        if now.len() != seen.len() {
            if now.len() < seen.len() {
                // Started over (the text was not UTF-8 after all): all read so far is dropped.
                assert!(
                    now.is_empty(),
                    "a reading that starts over drops everything"
                );
            } else {
                assert_eq!(now[..seen.len()], seen[..], "what was read stays as it was");
            }
            early |= !now.is_empty() && at < bytes.len();
            seen = now.to_vec();
        }
    }
    assert!(
        progressive.expected().is_none() || !seen.is_empty(),
        "an estimate only once packages are read"
    );
    let mut reading = progressive.finish();
    let result = loop {
        if let Some(result) = reading.step(7) {
            break result;
        }
    };
    if let Ok(loaded) = &result {
        assert_eq!(
            loaded.dataset.packages[..seen.len()],
            seen[..],
            "the result starts with what was read as it came"
        );
    }
    (result, early)
}

/// Reading while the bytes come, in chunks of any size (cut inside characters, quoted fields,
/// `\r\n` and lines), gives exactly what reading the whole file gives, for every kind of input;
/// CSV and JSON Lines in UTF-8 are read as they come, the rest at the end.
#[test]
fn reading_as_the_bytes_come_gives_the_same_as_reading_them_whole() {
    let package: Value =
        serde_json::from_slice(&ocds_fixture("fictional-example-1.1-release-package.json"))
            .expect("JSON");
    let releases = package["releases"].as_array().expect("releases");
    let mut lines: Vec<String> = releases.iter().map(Value::to_string).collect();
    lines.insert(2, "{broken".into());
    lines.insert(4, String::new());
    let json_lines = lines.join("\r\n");
    let utf8_csv = "\u{feff}kd_rup;nama_paket;nama_satker;lokasi;metode_pengadaan;pagu;tanggal_kontrak\r\n\
        1;\"Jalan \"\"Poros\"\" – tahap 2\r\nlanjutan\";Dinas PU;Kota Samarinda;Tender;1.500.000.000;03/02/2024\r\n\
        2;Pengadaan kopi Toraja ☕ untuk rapat;Sekretariat Daerah é;Kab. Paser;E-Purchasing;25.000.000;2024-03-04\r\n\
        3;Baris tanpa nilai;Dinas X;Kab. Berau;Tender;;\r\n\
        4;Terakhir tanpa baris baru;Dinas Y;Kab. Kutai Barat;Pengadaan Langsung;99.000.000;2024-05-06";
    let mut late_1252 = utf8_csv.as_bytes().to_vec();
    late_1252.extend_from_slice(
        b"\r\n5;Caf\xe9 \x96 1252;Dinas Z;Kab. Paser;Tender;1.000;2024-06-07\r\n",
    );
    let mut cut_inside = utf8_csv.as_bytes().to_vec();
    cut_inside.extend_from_slice("\r\n6;Akhir ☕".as_bytes());
    cut_inside.truncate(cut_inside.len() - 1);
    let utf16: Vec<u8> = b"\xFF\xFE"
        .iter()
        .copied()
        .chain(
            "pagu,lokasi\r\n1000,Kab. Paser\r\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let sample = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/kaltim-2024.json"
    ))
    .expect("the sample");
    let standard = ocds_fixture("fictional-example-1.1-release-package.json");
    let big_csv = pantau_pbj::ingest::warm::csv(2_000);
    let inputs: Vec<(&str, &[u8], Option<&str>, bool)> = vec![
        ("UTF-8 CSV", utf8_csv.as_bytes(), None, true),
        ("Windows-1252 CSV", SIRUP_1252, None, false),
        ("UTF-8, then Windows-1252", &late_1252, None, false),
        (
            "cut inside a character",
            &cut_inside,
            Some("text/csv"),
            false,
        ),
        (
            "JSON Lines",
            json_lines.as_bytes(),
            Some("application/x-ndjson"),
            false,
        ),
        ("UTF-16 CSV", &utf16, None, false),
        ("Pantau file", &sample, Some("application/json"), false),
        ("OCDS package", &standard, None, false),
        (
            "web page",
            b"<!DOCTYPE html><html>\n<p>404</p>\n",
            None,
            false,
        ),
        ("empty", b"", None, false),
        ("blank", b" \r\n\n  ", Some("text/csv"), false),
        ("one line", b"pagu;lokasi", None, false),
        ("2.000 rows", big_csv.as_bytes(), None, true),
    ];
    for (name, bytes, content_type, read_early) in inputs {
        let whole = load(bytes, content_type);
        let mut plans: Vec<Vec<usize>> =
            vec![vec![7], vec![64], vec![1000, 1], vec![bytes.len().max(1)]];
        if bytes.len() < 20_000 {
            plans.extend([vec![1], vec![2], vec![3, 5]]);
        }
        if bytes.len() < 2_000 {
            // Every place a download could be cut in two.
            plans.extend((1..bytes.len()).map(|cut| vec![cut, bytes.len()]));
        }
        for sizes in plans {
            let (result, early) = read_as_it_comes(bytes, content_type, &sizes);
            assert_eq!(result, whole, "{name} in chunks of {sizes:?}");
            if read_early && sizes.iter().all(|size| *size < 100) {
                assert!(
                    early,
                    "{name} in chunks of {sizes:?}: packages before the end"
                );
            }
        }
    }
}

#[test]
fn a_csv_is_read_a_megabyte_at_a_time_even_inside_one_record() {
    use pantau_pbj::ingest::Reading;
    // One record of three megabytes (its name is cut to the text cap), then an ordinary row.
    let text = format!(
        "nama_paket;nama_satker;pagu\n\"{}\";Dinas A;1000\nB;Dinas B;2000\n",
        "a".repeat(3 << 20)
    );
    let source = || Source {
        bytes: text.as_bytes().into(),
        content_type: Some("text/csv"),
        format: None,
        address: "https://x.go.id/satu-baris.csv",
        current_year: 2024,
    };
    let mut reading = Reading::start(source());
    let mut steps = 1;
    let stepped = loop {
        if let Some(result) = reading.step(500) {
            break result;
        }
        steps += 1;
    };
    assert!(steps >= 3, "{steps} steps");
    let whole = read(source());
    assert_eq!(stepped, whole);
    let loaded = whole.expect("two packages");
    assert_eq!(loaded.dataset.packages.len(), 2);
}

#[test]
fn columns_past_the_first_thousand_are_not_read() {
    let header: Vec<String> = (0..2000).map(|index| format!("kolom_{index}")).collect();
    let mut with_amount = header.clone();
    with_amount[10] = "pagu".to_owned();
    with_amount[1500] = "nama_satker".to_owned();
    let mut row = vec![""; 2000];
    row[10] = "1000";
    row[1500] = "Dinas A";
    let text = format!("{}\n{}\n", with_amount.join(";"), row.join(";"));
    let loaded = load(text.as_bytes(), Some("text/csv")).expect("the amount column is read");
    assert_eq!(loaded.dataset.packages.len(), 1);
    assert_eq!(
        loaded.dataset.packages[0].unit, None,
        "column 1500 is past the cap"
    );
    let mut far = header;
    far[1500] = "pagu".to_owned();
    let text = format!("{}\n{}\n", far.join(";"), row.join(";"));
    assert_eq!(
        load(text.as_bytes(), Some("text/csv")),
        Err(LoadError::NoColumns)
    );
}

/// OCDS as publishers write it (#24): currency codes in lower case, amounts as strings, an empty
/// amount (listed as an issue, the rest read).
#[test]
fn ocds_as_published_lower_case_codes_and_amounts_as_strings() {
    let package = br#"{"uri": "u", "publishedDate": "2024-05-01T00:00:00Z", "version": "1.1",
      "publisher": {"name": "LPSE Contoh"},
      "releases": [
        {"ocid": "ocds-x-1", "id": "1", "date": "2024-03-01T00:00:00Z", "tag": ["contract"], "initiationType": "tender",
         "buyer": {"name": "Dinas A"},
         "tender": {"value": {"amount": "1500000000.00", "currency": "idr"}, "procurementMethod": "open", "mainProcurementCategory": "goods"},
         "contracts": [{"id": "c1", "status": "active", "value": {"amount": "1.250.000.000", "currency": "Idr"}}]},
        {"ocid": "ocds-x-2", "id": "2", "date": "2024-04-01T00:00:00Z", "tag": ["contract"], "initiationType": "tender",
         "buyer": {"name": "Dinas B"},
         "tender": {"value": {"amount": "", "currency": "IDR"}, "procurementMethod": "open", "mainProcurementCategory": "goods"},
         "contracts": [{"id": "c2", "status": "active", "value": {"amount": 300000000, "currency": "IDR"}}]}
      ]}"#;
    let loaded = load(package, Some("application/json")).expect("reads");
    assert_eq!(loaded.dataset.meta.currency.code(), "IDR");
    let contracts: Vec<(Option<&str>, Option<Rupiah>)> = loaded
        .dataset
        .packages
        .iter()
        .map(|package| (package.id.as_deref(), package.amounts.komitmen))
        .collect();
    assert_eq!(
        contracts,
        [
            (Some("ocds-x-1"), Some(Rupiah(1_250_000_000))),
            (Some("ocds-x-2"), Some(Rupiah(300_000_000))),
        ]
    );
    let hps = loaded.dataset.packages[0]
        .tender
        .as_ref()
        .and_then(|tender| tender.hps);
    assert_eq!(hps, Some(Rupiah(1_500_000_000)));
    let listed = problems(&loaded.issues);
    assert!(
        listed
            .iter()
            .any(|(path, problem)| path.ends_with("tender.value.amount")
                && **problem == Problem::Missing),
        "{listed:?}"
    );
    assert!(
        !listed
            .iter()
            .any(|(_, problem)| matches!(problem, Problem::OtherCurrency(_))),
        "{listed:?}"
    );
}
