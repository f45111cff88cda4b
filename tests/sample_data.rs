//! The bundled Kalimantan Timur sample (data/kaltim-2024.json): it parses without issues, and
//! every view draws well-formed SVG with the expected titles and figures in both languages.

// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use pantau_pbj::chart::{draw, theme::Theme, Locale};
use pantau_pbj::format::parse;
use pantau_pbj::i18n::Lang;
use pantau_pbj::model::Dataset;
use pantau_pbj::views::{panels, View};

fn sample() -> Dataset {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/kaltim-2024.json"
    ))
    .expect("sample file");
    let loaded = parse(&bytes).expect("the sample parses");
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    loaded.dataset
}

fn svg_of(view: View, lang: Lang, width: u32) -> Vec<(String, String, Vec<String>)> {
    let dataset = sample();
    let locale = Locale {
        lang,
        currency: dataset.meta.currency.clone(),
    };
    panels(&dataset, view, lang, false)
        .into_iter()
        .map(|panel| {
            let drawn = draw(&panel.chart, width, &locale, &Theme::LIGHT);
            let svg = drawn.scene.to_svg(&panel.title, &panel.summary);
            let document = roxmltree::Document::parse(&svg)
                .unwrap_or_else(|error| panic!("{}: {error}\n{svg}", panel.id));
            assert_eq!(document.root_element().tag_name().name(), "svg");
            assert!(!drawn.marks.is_empty(), "{} has marks to hover", panel.id);
            for mark in &drawn.marks {
                let (x, y, w, h) = mark.hit;
                assert!(
                    x >= -16 && y >= -16 && w > 0 && h > 0 && x + w <= width as i32 + 16,
                    "{}: {:?}",
                    panel.id,
                    mark.hit
                );
            }
            let texts = drawn.scene.texts().into_iter().map(str::to_owned).collect();
            (panel.title, panel.summary, texts)
        })
        .collect()
}

#[test]
fn the_sample_marks_its_illustrative_figures() {
    let dataset = sample();
    assert!(dataset.has_illustrative_figures());
    assert_eq!(dataset.meta.fiscal_year, 2024);
    assert_eq!(
        dataset
            .spending
            .as_ref()
            .and_then(|s| s.pagu.as_ref())
            .map(|p| p.value.0),
        Some(20_675_000_000_000)
    );
}

#[test]
fn spending_view_shows_cumulative_against_pagu_and_both_breakdowns() {
    let charts = svg_of(View::Spending, Lang::Id, 640);
    let titles: Vec<&str> = charts.iter().map(|(title, ..)| title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Realisasi belanja kumulatif 2024",
            "Menurut metode pemilihan 2024",
            "Menurut jenis pengadaan 2024"
        ]
    );
    let (_, summary, texts) = &charts[0];
    assert!(
        texts.iter().any(|text| text == "Pagu Rp20,7 T"),
        "{texts:?}"
    );
    assert!(texts.iter().any(|text| text == "Rp7,08 T"), "{texts:?}");
    assert!(texts.iter().any(|text| text == "Jul"));
    assert!(
        summary.contains("7,08 triliun rupiah") && summary.contains("34,2%"),
        "{summary}"
    );
    assert!(charts[1].2.iter().any(|text| text == "E-purchasing"));
    assert!(charts[1].2.iter().any(|text| text == "Rp2,9 T *"));
}

#[test]
fn local_content_view_holds_shares_against_the_law_with_gaps_in_rupiah() {
    let charts = svg_of(View::LocalContent, Lang::Id, 640);
    assert_eq!(charts.len(), 2);
    let (title, summary, texts) = &charts[1];
    assert!(
        title.starts_with("Porsi usaha mikro, kecil dan koperasi (UMK-K) 2023"),
        "{title}"
    );
    assert!(
        texts.iter().any(|text| text == "batas minimal 40%"),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|text| text.starts_with("29,1% · kekurangan Rp438 M")),
        "{texts:?}"
    );
    assert!(summary.contains("Perpres 12/2021"), "{summary}");
    assert!(charts[0].2.iter().any(|text| text == "target 95%"));
}

#[test]
fn targets_view_projects_the_catalogue_target() {
    let charts = svg_of(View::Targets, Lang::Id, 640);
    let (title, summary, texts) = &charts[0];
    assert_eq!(title, "Produk tayang di e-Katalog");
    assert!(texts.iter().any(|text| text == "Target 1 jt"), "{texts:?}");
    assert!(
        texts.iter().any(|text| text == "Proyeksi 191 rb"),
        "{texts:?}"
    );
    assert!(summary.contains("Tidak sesuai jalur"), "{summary}");
    assert!(summary.contains("4.918 per hari"), "{summary}");
}

#[test]
fn english_views_use_english_words_and_formats() {
    let charts = svg_of(View::Spending, Lang::En, 640);
    assert_eq!(charts[0].0, "Realised cumulative spending 2024");
    assert!(
        charts[0]
            .2
            .iter()
            .any(|text| text == "Budget ceiling (pagu) IDR 20.7 trillion"),
        "{:?}",
        charts[0].2
    );
    let targets = svg_of(View::Targets, Lang::En, 640);
    assert!(
        targets[0].1.contains("Off track") && targets[0].1.contains("4,918 a day"),
        "{}",
        targets[0].1
    );
}

#[test]
fn charts_fit_a_phone_and_a_desktop() {
    for width in [200, 320, 1200] {
        for view in View::ALL {
            // The oversight view judges packages; this sample has only totals.
            let charts = svg_of(view, Lang::Id, width);
            assert_eq!(charts.is_empty(), view == View::Oversight, "{view:?}");
        }
    }
}

/// The JSON Schema and the validator agree on what metadata is required: removing any field the
/// schema lists as required from the sample makes the widget refuse the file, naming that field.
#[test]
fn schema_required_metadata_is_what_the_validator_requires() {
    let schema: serde_json::Value = serde_json::from_slice(
        &std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/pantau-pbj-v1.schema.json"
        ))
        .expect("schema"),
    )
    .expect("schema is JSON");
    let required = schema["properties"]["meta"]["required"]
        .as_array()
        .expect("meta.required");
    assert_eq!(required.len(), 7);
    let sample: serde_json::Value = serde_json::from_slice(
        &std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/kaltim-2024.json"
        ))
        .expect("sample"),
    )
    .expect("sample is JSON");
    for field in required {
        let field = field.as_str().expect("field name");
        let mut file = sample.clone();
        file["meta"].as_object_mut().expect("meta").remove(field);
        let bytes = serde_json::to_vec(&file).expect("serialise");
        match parse(&bytes) {
            Err(pantau_pbj::format::LoadError::InvalidMeta(issues)) => {
                assert!(
                    issues
                        .iter()
                        .any(|issue| issue.path == format!("meta.{field}")),
                    "{field}: {issues:?}"
                );
            }
            other => panic!("{field}: expected InvalidMeta, got {other:?}"),
        }
    }
}

#[test]
fn every_chart_labels_its_axes_and_every_panel_cites_its_source() {
    let dataset = sample();
    let locale = Locale {
        lang: Lang::Id,
        currency: dataset.meta.currency.clone(),
    };
    let spending = panels(&dataset, View::Spending, Lang::Id, false);
    let texts = draw(&spending[0].chart, 640, &locale, &Theme::LIGHT).scene;
    assert!(texts.texts().contains(&"Bulan, 2024"));
    assert!(texts.texts().contains(&"Belanja kumulatif (Rp)"));
    assert_eq!(
        spending[0].source_line,
        "Sumber: iknpos.id, Juli 2024: APBD Kaltim 2024 Rp20,675 triliun, realisasi Rp7,079 triliun (34,24%) per 21 Juli 2024. * ilustratif"
    );
    let by_method = draw(&spending[1].chart, 640, &locale, &Theme::LIGHT).scene;
    assert!(by_method.texts().contains(&"Nilai (Rp)"));
    assert_eq!(
        spending[1].source_line,
        "Sumber: Pantau PBJ (contoh data). * ilustratif"
    );
    let targets = panels(&dataset, View::Targets, Lang::En, false);
    assert!(
        targets[0]
            .source_line
            .starts_with("Source: Rapat koordinasi"),
        "{}",
        targets[0].source_line
    );
    assert!(!targets[0].source_line.contains('*'));
    for view in View::ALL {
        for panel in panels(&dataset, view, Lang::En, false) {
            assert!(panel.source_line.starts_with("Source: "), "{}", panel.id);
            let scene = draw(
                &panel.chart,
                640,
                &Locale {
                    lang: Lang::En,
                    ..locale.clone()
                },
                &Theme::LIGHT,
            )
            .scene;
            let titles = [
                "Month, 2024",
                "Value (IDR)",
                "Share of goods/services spending",
                "Date",
            ];
            assert!(
                scene.texts().iter().any(|text| titles.contains(text)),
                "{}",
                panel.id
            );
        }
    }
}

/// The table under each chart holds the same numbers: one row per bar or point, with the exact
/// value the tooltip gives.
#[test]
fn every_table_shows_the_numbers_of_its_chart() {
    use pantau_pbj::chart::spec::ChartSpec;
    let dataset = sample();
    for lang in Lang::ALL {
        for view in View::ALL {
            for panel in panels(&dataset, view, lang, false) {
                let table = &panel.table;
                assert!(
                    table
                        .rows
                        .iter()
                        .all(|row| row.len() == table.columns.len()),
                    "{}",
                    panel.id
                );
                match &panel.chart {
                    ChartSpec::Bars(bars) => {
                        assert_eq!(table.rows.len(), bars.rows.len(), "{}", panel.id);
                        for (row, bar) in table.rows.iter().zip(&bars.rows) {
                            assert_eq!(row[0].text, bar.label);
                            let exact = row[1..]
                                .iter()
                                .map(|cell| cell.text.trim_end_matches(" *"))
                                .collect::<Vec<_>>();
                            assert!(
                                bar.tip
                                    .lines
                                    .iter()
                                    .any(|line| exact.iter().any(|cell| line.contains(cell))),
                                "{}: {:?} vs {:?}",
                                panel.id,
                                exact,
                                bar.tip.lines
                            );
                        }
                    }
                    ChartSpec::Lines(lines) => {
                        assert_eq!(table.rows.len(), lines.points.len(), "{}", panel.id);
                        for (row, point) in table.rows.iter().zip(&lines.points) {
                            let printed: Vec<&str> = row
                                .iter()
                                .map(|cell| cell.text.trim_end_matches(" *"))
                                .collect();
                            let all = format!("{} {}", point.tip.title, point.tip.lines.join(" "));
                            assert!(
                                printed[1..].iter().any(|cell| all.contains(cell)),
                                "{}: {printed:?} vs {all}",
                                panel.id
                            );
                        }
                    }
                }
            }
        }
    }
}

/// Forty spending units: the chart shows the overall row, the eight furthest from the floor and
/// one "Lainnya (32)" row whose share is the combined share; expanded, it shows all 41.
#[test]
fn long_breakdowns_fold_into_lainnya_until_expanded() {
    let units: Vec<String> = (0..40)
        .map(|index| {
            format!(
                r#"{{"unit": "Unit {index:02}", "total": 1000, "pdn": 990, "umkk": {}}}"#,
                100 + index * 10
            )
        })
        .collect();
    let file = format!(
        r#"{{"format": "pantau-pbj", "version": 1,
        "meta": {{"title": "T", "publisher": "P", "license": "CC0", "as_of": "2024-07-21",
            "period": {{"start": "2024-01-01", "end": "2024-12-31"}}, "fiscal_year": 2024, "currency": "IDR"}},
        "local_content": {{"stage": "realisasi", "total": {{"amount": 40000}}, "pdn": {{"amount": 39600}},
            "umkk": {{"amount": 11800}}, "by_unit": [{}]}}}}"#,
        units.join(",")
    );
    let dataset = parse(file.as_bytes()).expect("valid").dataset;
    let collapsed = panels(&dataset, View::LocalContent, Lang::Id, false);
    let umkk = collapsed
        .iter()
        .find(|panel| panel.id == "share-umk-k")
        .expect("UMK-K panel");
    let pantau_pbj::chart::spec::ChartSpec::Bars(bars) = &umkk.chart else {
        panic!("bars")
    };
    let labels: Vec<&str> = bars.rows.iter().map(|row| row.label.as_str()).collect();
    assert_eq!(labels.len(), 10);
    assert_eq!(labels[0], "Keseluruhan");
    assert_eq!(labels[1], "Unit 00");
    assert_eq!(labels[9], "Lainnya (32)");
    assert_eq!(umkk.hidden_rows, 32);
    assert_eq!(umkk.table.rows.len(), 10);
    // Units 08..=39 hold umkk 180..=490 of 1000 each: (180 + 490) / 2 / 1000 = 33,5%.
    assert!(
        bars.rows[9].value_text.starts_with("33,5%"),
        "{}",
        bars.rows[9].value_text
    );
    let expanded = panels(&dataset, View::LocalContent, Lang::Id, true);
    let umkk = expanded
        .iter()
        .find(|panel| panel.id == "share-umk-k")
        .expect("UMK-K panel");
    assert_eq!(umkk.hidden_rows, 0);
    assert_eq!(umkk.table.rows.len(), 41);
}
