//! The publisher's tool (`pantau`, #15), run as a program: `check` says of every hostile input
//! what the widget says (the same issues, in both languages) with exit 0, 1 or 2; `render`
//! writes the SVG the widget downloads, a PNG at twice its size, and a 1200×630 card; `convert`
//! streams several inputs into a file that charts the same totals.

// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]
#![cfg(not(target_arch = "wasm32"))]

mod corpus;

use pantau_pbj::analysis::filter::{apply, Filter};
use pantau_pbj::chart::theme::Theme;
use pantau_pbj::chart::Locale;
use pantau_pbj::format::{LoadError, Loaded};
use pantau_pbj::i18n::{describe_issue, describe_load_error, Lang};
use pantau_pbj::ingest::{read, Source};
use pantau_pbj::views::export::{chart_svg, recording};
use pantau_pbj::views::{panels, View};
use std::path::{Path, PathBuf};
use std::process::Command;

const PANTAU: &str = env!("CARGO_BIN_EXE_pantau");

fn scratch(name: &str) -> PathBuf {
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(name);
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a scratch folder");
    folder
}

fn repository(path: &str) -> String {
    format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))
}

/// Runs `pantau` with `arguments`: exit code and standard output.
fn pantau(arguments: &[&str]) -> (i32, String) {
    let output = Command::new(PANTAU)
        .args(arguments)
        .output()
        .expect("pantau runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).expect("UTF-8 output"),
    )
}

/// What the widget reads of `bytes` named `name` (this year for records without one, as the
/// tool takes it).
fn widget_reads(bytes: &[u8], name: &str) -> Result<Loaded, LoadError> {
    let year = pantau_pbj::model::CivilDate::from_days_since_epoch(
        (std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("a clock after 1970")
            .as_secs()
            / 86_400) as i64,
    )
    .expect("a date")
    .year();
    read(Source {
        bytes: std::borrow::Cow::Borrowed(bytes),
        content_type: None,
        format: None,
        address: name,
        current_year: year,
    })
}

/// The lines `check` should print for a file before its summary, and its exit code.
fn expected(path: &str, result: &Result<Loaded, LoadError>, lang: Lang) -> (Vec<String>, i32) {
    match result {
        Err(error) => (vec![describe_load_error(error, lang)], 2),
        Ok(loaded) => {
            let mut lines: Vec<String> = loaded
                .issues
                .iter()
                .map(|issue| format!("{path}: {}", describe_issue(issue, lang)))
                .collect();
            if loaded.issues.truncated() {
                lines.push(String::from("(more)"));
            }
            let narrowed = apply(&loaded.dataset, &Filter::default());
            let charts: usize = View::ALL
                .iter()
                .map(|view| panels(&narrowed, *view, lang, false).len())
                .sum();
            let code = match (charts, loaded.issues.count()) {
                (0, _) => 2,
                (_, 0) => 0,
                _ => 1,
            };
            (lines, code)
        }
    }
}

#[test]
fn check_says_of_every_hostile_input_what_the_widget_says() {
    let folder = scratch("hostile");
    let mut cases: Vec<(String, Vec<u8>)> = corpus::FAMILIES
        .iter()
        .map(|name| {
            let case = corpus::generate(name, 120_000).expect("a family");
            (format!("{name}.{}", case.extension), case.bytes)
        })
        .collect();
    cases.push(("empty.json".into(), Vec::new()));
    cases.push((
        "not-json.json".into(),
        b"{\"format\": \"pantau-pbj\",".to_vec(),
    ));
    cases.push(("binary.csv".into(), vec![0, 159, 146, 150, 255, 0, 1]));
    cases.push((
        "html.json".into(),
        b"<!doctype html><title>404</title>".to_vec(),
    ));
    for lang in [Lang::Id, Lang::En] {
        for (name, bytes) in &cases {
            let path = folder.join(name);
            std::fs::write(&path, bytes).expect("written");
            let path = path.to_str().expect("a UTF-8 path");
            let (code, output) = pantau(&["check", "--lang", lang.tag(), path]);
            let (lines, expected_code) = expected(path, &widget_reads(bytes, name), lang);
            assert_eq!(code, expected_code, "{name}\n{output}");
            let printed: Vec<&str> = output.lines().collect();
            if expected_code == 2 && lines.len() == 1 && !printed.is_empty() {
                // Unusable: one line naming the file and the widget's own message.
                assert!(
                    printed[0].starts_with(path) && printed[0].ends_with(&lines[0]),
                    "{name}: {}",
                    printed[0]
                );
                continue;
            }
            // Every issue the widget lists, in its order; then (past a hundred) how many more;
            // then the summary.
            assert_eq!(printed.len(), lines.len() + 1, "{name}\n{output}");
            for (line, wanted) in printed.iter().zip(&lines) {
                if wanted == "(more)" {
                    assert!(line.starts_with(path), "{line}");
                } else {
                    assert_eq!(line, wanted, "{name}");
                }
            }
            assert!(printed[printed.len() - 1].starts_with(path), "{output}");
        }
    }
}

#[test]
fn check_exits_0_when_clean_1_with_issues_and_2_when_unusable_and_reads_gzip() {
    let (code, output) = pantau(&["check", &repository("data/contoh-paket.json")]);
    assert_eq!(code, 0, "{output}");
    assert!(
        output.contains("210 paket") && output.contains("0 masalah data"),
        "{output}"
    );
    let (code, _) = pantau(&["check", &repository("tests/data/isb/ekatalog-v5.json")]);
    assert_eq!(code, 1);
    let folder = scratch("gzip");
    let compressed = folder.join("contoh-paket.json.gz");
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(
        &mut encoder,
        &std::fs::read(repository("data/contoh-paket.json")).expect("sample"),
    )
    .expect("compressed");
    std::fs::write(&compressed, encoder.finish().expect("compressed")).expect("written");
    let (code, output) = pantau(&["check", "--lang", "en", compressed.to_str().expect("path")]);
    assert_eq!(code, 0, "{output}");
    assert!(output.contains("210 packages"), "{output}");
    // The worst of several files.
    let (code, _) = pantau(&[
        "check",
        &repository("data/contoh-paket.json"),
        "/nonexistent/file.json",
    ]);
    assert_eq!(code, 2);
    let (code, _) = pantau(&["check", "--colour", "x", "a.json"]);
    assert_eq!(code, 64, "an unknown option is a usage error");
}

/// The width and height a PNG's header states.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let number =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (number(16), number(20))
}

#[test]
fn render_writes_the_svg_the_widget_downloads_a_png_and_a_card() {
    let folder = scratch("render");
    for (file, view) in [
        ("data/kaltim-2024.json", View::Spending),
        ("data/kaltim-2024.json", View::LocalContent),
        ("data/kaltim-2024.json", View::Targets),
        ("data/contoh-paket.json", View::Oversight),
    ] {
        let bytes = std::fs::read(repository(file)).expect("sample");
        let name = Path::new(file)
            .file_name()
            .and_then(|name| name.to_str())
            .expect("a name");
        let loaded = widget_reads(&bytes, name).expect("reads");
        let narrowed = apply(&loaded.dataset, &Filter::default());
        for lang in [Lang::Id, Lang::En] {
            for (theme, code) in [(Theme::LIGHT, "light"), (Theme::DARK, "dark")] {
                let shown = panels(&narrowed, view, lang, false);
                let locale = Locale {
                    lang,
                    currency: loaded.dataset.meta.currency.clone(),
                };
                let out = folder.join(format!("{}-{}-{code}", view.code(), lang.tag()));
                let (status, output) = pantau(&[
                    "render",
                    &repository(file),
                    "--view",
                    view.code(),
                    "--lang",
                    lang.tag(),
                    "--theme",
                    code,
                    "--width",
                    "640",
                    "--panel",
                    "all",
                    "-o",
                    out.to_str().expect("path"),
                ]);
                assert_eq!(status, 0, "{output}");
                for panel in &shown {
                    let written = std::fs::read_to_string(out.join(format!(
                        "{}-{}.svg",
                        view.code(),
                        panel.id
                    )))
                    .expect("one file per panel");
                    let (svg, _, _) = chart_svg(panel, 640, &locale, &theme);
                    assert_eq!(written, svg, "{} {}", view.code(), panel.id);
                }
            }
        }
    }
    // `--snapshot`: the same drawing, recording the SHA-256 of the file it was drawn from, as
    // the bundled sample's snapshots do.
    let snapshot = folder.join("snapshot.svg");
    let (status, _) = pantau(&[
        "render",
        &repository("data/kaltim-2024.json"),
        "--width",
        "360",
        "--snapshot",
        "-o",
        snapshot.to_str().expect("path"),
    ]);
    assert_eq!(status, 0);
    assert_eq!(
        std::fs::read_to_string(&snapshot).expect("written"),
        std::fs::read_to_string(repository("data/snapshots/spending-id-360.svg")).expect("kept")
    );
    let png = folder.join("chart.png");
    let (status, _) = pantau(&[
        "render",
        &repository("data/kaltim-2024.json"),
        "--png",
        "-o",
        png.to_str().expect("path"),
    ]);
    assert_eq!(status, 0);
    let (width, _) = png_size(&std::fs::read(&png).expect("written"));
    assert_eq!(width, 2 * pantau_pbj::views::export::DOWNLOAD_WIDTH);
    let card = folder.join("card.png");
    let (status, _) = pantau(&[
        "render",
        &repository("data/contoh-paket.json"),
        "--og",
        "--view",
        "oversight",
        "--theme",
        "dark",
        "-o",
        card.to_str().expect("path"),
    ]);
    assert_eq!(status, 0);
    assert_eq!(
        png_size(&std::fs::read(&card).expect("written")),
        (1200, 630)
    );
    // A view without charts for the file, and an unknown panel, are refused with a reason.
    let (status, _) = pantau(&[
        "render",
        &repository("data/kaltim-2024.json"),
        "--view",
        "oversight",
        "-o",
        card.to_str().expect("path"),
    ]);
    assert_eq!(status, 2);
}

/// A CSV export of `rows` packages over two years; every 997th name is quoted and holds a line
/// break (a step must end between records, not inside one).
fn csv_export(rows: usize) -> String {
    let methods = [
        "Tender",
        "Pengadaan Langsung",
        "E-Purchasing",
        "Penunjukan Langsung",
        "Seleksi",
    ];
    let kinds = [
        "Barang",
        "Pekerjaan Konstruksi",
        "Jasa Konsultansi",
        "Jasa Lainnya",
    ];
    let mut text = String::from(
        "kd_rup,nama_paket,nama_satker,lokasi,metode_pengadaan,jenis_pengadaan,tahun_anggaran,tanggal_kontrak,pagu,nilai_kontrak,status_pdn,status_ukm\n",
    );
    for index in 0..rows {
        let name = match index % 997 {
            0 => format!("\"Paket {index}\nbaris kedua, dengan koma\""),
            _ => format!("Paket {index}"),
        };
        let year = 2023 + (index % 2);
        let pagu = 50_000_000 + (index as i64 * 7_919) % 900_000_000;
        let contract =
            (index % 3 != 0).then(|| (pagu / 100 * (85 + index as i64 % 15)).to_string());
        text.push_str(&format!(
            "{},{name},Dinas {},Kab. {},{},{},{year},{year}-{:02}-{:02},{pagu},{},{},{}\n",
            10_000_000 + index,
            index % 23,
            index % 7,
            methods[index % methods.len()],
            kinds[index % kinds.len()],
            1 + index % 12,
            1 + index % 28,
            contract.unwrap_or_default(),
            if index % 4 == 0 { "Non-PDN" } else { "PDN" },
            if index % 5 < 2 { "UKM" } else { "Non UKM" },
        ));
    }
    text
}

/// Every total a chart shows: spending by method, type, unit, region and month (amounts and
/// packages), and local content.
fn charted(dataset: &pantau_pbj::model::Dataset, filter: &Filter) -> String {
    let narrowed = apply(dataset, filter);
    let mut lines = Vec::new();
    if let Some(spending) = &narrowed.spending {
        lines.push(format!(
            "stage {:?} year {}",
            spending.stage, spending.fiscal_year
        ));
        fn rows<K: std::fmt::Debug>(
            lines: &mut Vec<String>,
            name: &str,
            rows: &[pantau_pbj::model::Breakdown<K>],
        ) {
            for row in rows {
                lines.push(format!(
                    "{name} {:?} {} {:?}",
                    row.key, row.amount.0, row.packages
                ));
            }
        }
        rows(&mut lines, "method", &spending.by_method);
        rows(&mut lines, "type", &spending.by_type);
        rows(&mut lines, "unit", &spending.by_unit);
        rows(&mut lines, "region", &spending.by_region);
        for month in &spending.monthly {
            lines.push(format!(
                "month {} {} {:?}",
                month.month, month.amount.0, month.packages
            ));
        }
    }
    if let Some(content) = &narrowed.local_content {
        lines.push(format!(
            "local {} {} {}",
            content.total.value.0, content.pdn.value.0, content.umkk.value.0
        ));
    }
    lines.sort();
    lines.join("\n")
}

#[test]
fn convert_streams_several_inputs_into_a_file_that_charts_the_same_totals() {
    let folder = scratch("convert");
    let csv = folder.join("rup.csv");
    std::fs::write(&csv, csv_export(45_000)).expect("written");
    // The same kind of records as gzip-compressed JSON Lines (an ISB export).
    let lines: String = (0..3_000)
        .map(|index| {
            serde_json::json!({
                "kd_rup": 90_000_000 + index, "nama_paket": format!("Paket baris {index}"),
                "nama_satker": format!("Dinas {}", index % 5), "metode_pengadaan": "Tender",
                "jenis_pengadaan": "Barang", "tahun_anggaran": 2024, "pagu": 1_000_000 + index,
                "status_pdn": "PDN", "status_ukm": "UKM", "tgl_awal_pemilihan": "2024-03-05",
            })
            .to_string()
                + "\n"
        })
        .collect();
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut encoder, lines.as_bytes()).expect("compressed");
    let jsonl = folder.join("rup-lines.jsonl.gz");
    std::fs::write(&jsonl, encoder.finish().expect("compressed")).expect("written");
    let out = folder.join("stats.json");
    let sample = repository("data/contoh-paket.json");
    let output = Command::new(PANTAU)
        .args([
            "convert",
            csv.to_str().expect("path"),
            jsonl.to_str().expect("path"),
            &sample,
        ])
        .args(["-o", out.to_str().expect("path")])
        .output()
        .expect("pantau runs");
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{said}");
    assert!(
        said.contains("MB/s") && said.contains("peak memory"),
        "{said}"
    );
    // The raw files, read as the widget reads them, put together.
    let mut raw = widget_reads(&std::fs::read(&csv).expect("written"), "rup.csv")
        .expect("reads")
        .dataset;
    assert_eq!(
        raw.packages.len(),
        45_000,
        "the quoted line breaks stay in their records"
    );
    raw.packages.extend(
        widget_reads(lines.as_bytes(), "rup-lines.jsonl")
            .expect("reads")
            .dataset
            .packages,
    );
    raw.packages.extend(
        widget_reads(
            &std::fs::read(&sample).expect("sample"),
            "contoh-paket.json",
        )
        .expect("reads")
        .dataset
        .packages,
    );
    let bytes = std::fs::read(&out).expect("written");
    let converted =
        widget_reads(&bytes, "stats.json").expect("the output is a valid format-v1 file");
    assert!(
        converted.issues.is_empty(),
        "{:?}",
        converted.issues.iter().take(3).collect::<Vec<_>>()
    );
    // Groups, never more entries than packages (this made-up export has few repeats; a real
    // one shrinks far more: 100.000 packages to 756 groups in the benchmark).
    assert!(converted.dataset.packages.len() < raw.packages.len());
    let filters = [
        Filter {
            year: Some(2024),
            ..Filter::default()
        },
        Filter {
            year: Some(2023),
            ..Filter::default()
        },
        Filter {
            year: Some(2024),
            unit: Some("Dinas 3".into()),
            ..Filter::default()
        },
        Filter {
            year: Some(2023),
            method: Some(pantau_pbj::model::Method::Tender),
            ..Filter::default()
        },
        Filter {
            year: Some(2024),
            kind: Some(pantau_pbj::model::ProcurementType::Barang),
            stage: Some(pantau_pbj::model::Stage::Rencana),
            ..Filter::default()
        },
    ];
    for filter in &filters {
        let (before, after) = (charted(&raw, filter), charted(&converted.dataset, filter));
        assert!(before.lines().count() > 5, "{filter:?}: {before}");
        assert_eq!(after, before, "{filter:?}");
    }
    // The oversight view does not judge groups as if they were packages.
    let narrowed = apply(&converted.dataset, &filters[0]);
    let oversight = narrowed.oversight.expect("package entries");
    assert!(oversight.grouped > 0);
    assert!(oversight.non_competitive.is_ok());
}

#[test]
fn publish_writes_the_data_its_checksum_snapshots_cards_snippets_and_a_page() {
    use sha2::Digest;
    let folder = scratch("publish");
    // A stand-in for the widget's release build (the browser test publishes the real one).
    let widget = folder.join("dist");
    std::fs::create_dir_all(widget.join("data")).expect("a folder");
    std::fs::write(
        widget.join("index.html"),
        "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><link rel=\"preload\" href=\"./pantau-pbj-1_bg.wasm\"></head><body><main id=\"pantau\" class=\"pantau\"><noscript>the sample</noscript></main></body></html>",
    )
    .expect("written");
    std::fs::write(widget.join("embed.js"), "// embed").expect("written");
    std::fs::write(widget.join("data/x.json"), "{}").expect("written");
    let out = folder.join("site");
    let sample = repository("data/contoh-paket.json");
    let (status, _) = pantau(&[
        "publish",
        &sample,
        "--widget",
        widget.to_str().expect("path"),
        "--base",
        "https://data.example.go.id/pbj",
        "-o",
        out.to_str().expect("path"),
    ]);
    assert_eq!(status, 0);
    let bytes = std::fs::read(&sample).expect("sample");
    let hash: String = sha2::Sha256::digest(&bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    assert_eq!(
        std::fs::read_to_string(out.join("SHA256SUMS")).expect("written"),
        format!("{hash}  data/contoh-paket.json\n")
    );
    assert_eq!(
        std::fs::read(out.join("data/contoh-paket.json")).expect("copied"),
        bytes
    );
    assert!(out.join("widget/embed.js").is_file() && out.join("widget/data/x.json").is_file());
    // Snapshots: each view's first chart, as the widget downloads it, both languages and themes,
    // at three widths, each recording the data's SHA-256.
    let loaded = widget_reads(&bytes, "contoh-paket.json").expect("reads");
    let narrowed = apply(&loaded.dataset, &Filter::default());
    for view in View::ALL {
        for lang in [Lang::Id, Lang::En] {
            let shown = panels(&narrowed, view, lang, false);
            for (theme, code) in [(Theme::LIGHT, "light"), (Theme::DARK, "dark")] {
                for (width, suffix) in [(360, "-360"), (640, "-640"), (960, "")] {
                    let file = out.join(format!(
                        "snapshots/{}-{}-{code}{suffix}.svg",
                        view.code(),
                        lang.tag()
                    ));
                    match shown.first() {
                        Some(first) => {
                            let locale = Locale {
                                lang,
                                currency: loaded.dataset.meta.currency.clone(),
                            };
                            let (svg, _, _) = chart_svg(first, width, &locale, &theme);
                            assert_eq!(
                                std::fs::read_to_string(&file).expect("a snapshot"),
                                recording(svg, &hash)
                            );
                        }
                        None => assert!(!file.exists(), "{file:?}"),
                    }
                }
            }
            if !shown.is_empty() {
                let card =
                    std::fs::read(out.join(format!("og/{}-{}.png", view.code(), lang.tag())))
                        .expect("a card");
                assert_eq!(png_size(&card), (1200, 630));
            }
        }
    }
    let page = std::fs::read_to_string(out.join("index.html")).expect("a page");
    assert!(page.contains(r#"<meta property="og:image" content="https://data.example.go.id/pbj/og/spending-id.png">"#), "{page}");
    assert!(
        page.contains(&format!("sha256={hash}")) && !page.contains("<script"),
        "{page}"
    );
    // The widget's page of the folder shows the first view's snapshot in its markup (light and
    // dark, each width), says what it shows, and lets the picture come before the code.
    let widget_page = std::fs::read_to_string(out.join("widget/index.html")).expect("a page");
    assert!(widget_page.starts_with("<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\">\n<meta name=\"pantau-snapshot\" content=\"view=spending&amp;lang=id&amp;src=../data/contoh-paket.json\">"), "{widget_page}");
    assert!(widget_page.contains(&format!("<div class=\"pantau-stage\"><div class=\"pantau-snapshot-frame pantau-snapshot-page\" data-sha256=\"{hash}\"><picture><source media=\"(prefers-color-scheme: dark) and (max-width: 400px)\" srcset=\"../snapshots/spending-id-dark-360.svg\" width=\"360\"")), "{widget_page}");
    assert!(widget_page.contains("<img src=\"../snapshots/spending-id-light.svg\" alt=\"Realisasi belanja kumulatif 2024. Grafik garis"), "{widget_page}");
    assert!(
        widget_page.contains("fetchpriority=\"high\"></picture>"),
        "{widget_page}"
    );
    assert!(
        widget_page.contains(
            "<link rel=\"preload\" fetchpriority=\"low\" href=\"./pantau-pbj-1_bg.wasm\">"
        ),
        "{widget_page}"
    );
    assert!(
        widget_page.contains("<main id=\"pantau\" class=\"pantau pantau-behind\">"),
        "{widget_page}"
    );
    assert!(
        !widget_page.contains("the sample") && !widget_page.contains(" style="),
        "{widget_page}"
    );
    let snippets = std::fs::read_to_string(out.join("embed.html")).expect("snippets");
    assert!(
        snippets.contains("https://data.example.go.id/pbj/widget/embed.js"),
        "{snippets}"
    );
    // The script embed holds the snapshot as its fallback picture, with its size and the hash.
    assert!(snippets.contains("&lt;source media=&quot;(max-width: 400px)&quot; srcset=&quot;https://data.example.go.id/pbj/snapshots/spending-id-light-360.svg&quot;"), "{snippets}");
    assert!(
        snippets.contains(&format!("data-sha256=&quot;{hash}&quot; style=")),
        "{snippets}"
    );
    // Published in English: the page is in the picture's language until the widget sets the
    // reader's, and its picture is the English one.
    let english = folder.join("english");
    let (status, _) = pantau(&[
        "publish",
        &sample,
        "--lang",
        "en",
        "--widget",
        widget.to_str().expect("path"),
        "-o",
        english.to_str().expect("path"),
    ]);
    assert_eq!(status, 0);
    let english_page = std::fs::read_to_string(english.join("widget/index.html")).expect("a page");
    assert!(
        english_page.starts_with("<!doctype html><html lang=\"en\"><head>"),
        "{english_page}"
    );
    assert!(english_page.contains("lang=en&amp;src=") && english_page.contains("<img src=\"../snapshots/spending-en-light.svg\" alt=\"Realised cumulative spending 2024."), "{english_page}");
    // Without a widget build there is nothing to publish, and the tool says why.
    let (status, _) = pantau(&[
        "publish",
        &sample,
        "--widget",
        "/nonexistent",
        "-o",
        out.to_str().expect("path"),
    ]);
    assert_eq!(status, 2);
}

#[test]
fn convert_merges_the_releases_of_one_process_wherever_they_lie() {
    let folder = scratch("releases");
    let release = |ocid: &str, id: usize, contract: Option<i64>| {
        let mut release = serde_json::json!({
            "ocid": ocid, "id": format!("{ocid}-{id}"), "date": "2024-03-01T00:00:00Z",
            "tag": ["tender"], "buyer": {"id": "b", "name": "Dinas A"},
            "tender": {"id": "t", "value": {"amount": 1_000_000, "currency": "IDR"}, "procurementMethod": "open"},
        });
        if let Some(amount) = contract {
            release["contracts"] = serde_json::json!([{"id": "c", "value": {"amount": amount, "currency": "IDR"}, "dateSigned": "2024-05-02T00:00:00Z"}]);
        }
        release.to_string() + "\n"
    };
    // The first process's contract comes 20.005 lines after its tender: past a step of records.
    let mut text = release("ocds-a-0", 1, None);
    for index in 1..20_005 {
        text.push_str(&release(&format!("ocds-a-{index}"), 1, Some(900_000)));
    }
    text.push_str(&release("ocds-a-0", 2, Some(950_000)));
    let path = folder.join("releases.jsonl");
    std::fs::write(&path, &text).expect("written");
    let out = folder.join("stats.json");
    let (status, _) = pantau(&[
        "convert",
        path.to_str().expect("path"),
        "-o",
        out.to_str().expect("path"),
    ]);
    assert_eq!(status, 0);
    let raw = widget_reads(text.as_bytes(), "releases.jsonl")
        .expect("reads")
        .dataset;
    assert_eq!(raw.packages.len(), 20_005, "one package per process");
    let converted =
        widget_reads(&std::fs::read(&out).expect("written"), "stats.json").expect("reads");
    for filter in [
        Filter::default(),
        Filter {
            stage: Some(pantau_pbj::model::Stage::Rencana),
            ..Filter::default()
        },
    ] {
        assert_eq!(
            charted(&converted.dataset, &filter),
            charted(&raw, &filter),
            "{filter:?}"
        );
    }
}
