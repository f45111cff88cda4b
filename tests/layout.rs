//! The layout check over every view × chart width × language × dataset: no text leaves its
//! chart, overlaps another or is crossed by a line or mark without a halo, and on a phone the
//! plot keeps at least three quarters of the chart's width. Run with `--nocapture` to see how
//! many texts were checked.

// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use pantau_pbj::chart::layout::{check, Problem};
use pantau_pbj::chart::{draw, theme::Theme, Locale};
use pantau_pbj::format::parse;
use pantau_pbj::i18n::Lang;
use pantau_pbj::views::{panels, panels_of, Measure, View};
use serde_json::{json, Value};

/// Chart widths a reader's screen gives (phones to desktop).
const WIDTHS: [u32; 6] = [320, 360, 390, 480, 768, 1000];

fn read(path: &str) -> Value {
    let bytes = std::fs::read(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect("file");
    serde_json::from_slice(&bytes).expect("JSON")
}

/// The bundled summary sample with its units, breakdowns and targets replaced.
fn summary_with(edit: impl FnOnce(&mut Value)) -> Value {
    let mut file = read("data/kaltim-2024.json");
    edit(&mut file);
    file
}

fn units(count: usize, name: impl Fn(usize) -> String, total: impl Fn(usize) -> i64) -> Value {
    Value::Array(
        (0..count)
            .map(|index| {
                let total = total(index).max(1);
                json!({
                    "unit": name(index),
                    "total": total,
                    "pdn": total / 100 * (40 + (index as i64 * 7) % 60),
                    "umkk": total / 100 * (10 + (index as i64 * 11) % 50),
                    "illustrative": true
                })
            })
            .collect(),
    )
}

fn scale_amounts(value: &mut Value, factor: f64) {
    match value {
        Value::Object(map) => {
            for (key, field) in map.iter_mut() {
                let money = matches!(key.as_str(), "amount" | "total" | "pdn" | "umkk");
                match field {
                    Value::Number(number) if money => {
                        let scaled = (number.as_f64().unwrap_or(0.0) * factor).round().max(1.0);
                        *field = json!(scaled as i64);
                    }
                    _ => scale_amounts(field, factor),
                }
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|item| scale_amounts(item, factor)),
        _ => {}
    }
}

fn target(label: &str, achieved: i64, target: i64) -> Value {
    json!({
        "id": label.to_lowercase().replace(' ', "-"),
        "label": label,
        "unit": "produk",
        "baseline": 0,
        "start": "2024-01-01",
        "target": target,
        "deadline": "2024-12-31",
        "achieved": achieved,
        "as_of": "2024-06-30",
        "legal_basis": "Rapat koordinasi",
        "source": "rakor-2024-08"
    })
}

/// Every dataset the check runs on, by name.
fn datasets() -> Vec<(&'static str, Value)> {
    let long = |index: usize| {
        let mut name =
            format!("Unit {index} Dinas Pekerjaan Umum, Penataan Ruang dan Perumahan Rakyat ");
        while name.chars().count() < 300 {
            name.push_str("Bidang Bina Marga dan Sumber Daya Air ");
        }
        name.chars().take(300).collect::<String>()
    };
    vec![
        ("sample", read("data/kaltim-2024.json")),
        ("packages", read("data/contoh-paket.json")),
        (
            "long-names",
            summary_with(|file| {
                file["local_content"]["by_unit"] = units(8, long, |index| {
                    900_000_000_000 - index as i64 * 50_000_000_000
                });
                file["targets"][0]["label"] = json!(long(0));
            }),
        ),
        (
            "200-units",
            summary_with(|file| {
                file["local_content"]["by_unit"] = units(
                    200,
                    |index| format!("Satuan Kerja Perangkat Daerah nomor {index}"),
                    |index| 10_000_000_000 + index as i64 * 3_000_000_000,
                );
            }),
        ),
        (
            "1-unit",
            summary_with(|file| {
                file["local_content"]["by_unit"] = units(
                    1,
                    |_| String::from("Sekretariat Daerah"),
                    |_| 240_000_000_000,
                );
                let first = file["spending"]["by_method"][0].clone();
                file["spending"]["by_method"] = json!([first]);
            }),
        ),
        ("huge", summary_with(|file| scale_amounts(file, 40_000.0))),
        ("tiny", summary_with(|file| scale_amounts(file, 1e-9))),
        (
            "targets-far",
            summary_with(|file| {
                file["targets"] = json!([
                    target("Produk tayang di e-Katalog", 990_000, 1_000_000),
                    target("Penyedia lokal terdaftar", 3, 250_000),
                    target("Paket UMK", 5_000_000, 20_000),
                ]);
            }),
        ),
    ]
}

/// Package-level files of other formats: an ISB export and tender notices without amounts.
fn package_files() -> Vec<(&'static str, Vec<u8>)> {
    let isb = std::fs::read(format!(
        "{}/tests/data/isb/rup-penyedia.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    let notices = b"kd_tender,nama_paket,nama_satker,mtd_pemilihan,tgl_pengumuman_tender\n\
        1,A,Dinas Pekerjaan Umum dan Penataan Ruang,Tender,2024-02-05\n\
        2,B,Dinas Kesehatan,Seleksi,2024-03-05\n"
        .to_vec();
    vec![("isb-rup", isb), ("notices", notices)]
}

#[test]
fn every_text_is_readable_at_every_width() {
    let mut texts = 0;
    let mut charts = 0;
    let mut failures = Vec::new();
    let files = datasets()
        .into_iter()
        .map(|(name, file)| {
            let bytes = serde_json::to_vec(&file).expect("JSON");
            let loaded = parse(&bytes).unwrap_or_else(|error| panic!("{name}: {error:?}"));
            // As the widget shows it: through the reader's (default) filter.
            let narrowed = pantau_pbj::analysis::filter::apply(
                &loaded.dataset,
                &pantau_pbj::analysis::filter::Filter::default(),
            );
            (name, narrowed)
        })
        .chain(package_files().into_iter().map(|(name, bytes)| {
            let loaded = pantau_pbj::ingest::read(pantau_pbj::ingest::Source {
                bytes: bytes.into(),
                content_type: None,
                format: None,
                address: "data.json",
                current_year: 2024,
            })
            .unwrap_or_else(|error| panic!("{name}: {error:?}"));
            let narrowed = pantau_pbj::analysis::filter::apply(
                &loaded.dataset,
                &pantau_pbj::analysis::filter::Filter::default(),
            );
            (name, narrowed)
        }));
    for (name, dataset) in files {
        for lang in [Lang::Id, Lang::En] {
            let locale = Locale {
                lang,
                currency: dataset.meta.currency.clone(),
            };
            for view in View::ALL {
                for (expanded, measure) in [
                    (false, Measure::Value),
                    (true, Measure::Value),
                    (false, Measure::Count),
                ] {
                    for panel in panels_of(&dataset, view, lang, expanded, measure) {
                        for width in WIDTHS {
                            let drawn = draw(&panel.chart, width, &locale, &Theme::LIGHT);
                            let report = check(&drawn.scene);
                            texts += report.texts;
                            charts += 1;
                            let at =
                                format!("{name} {lang:?} {} {} {width}px", view.code(), panel.id);
                            if report.texts == 0 {
                                failures.push(format!("{at}: no text at all"));
                            }
                            for text in &drawn.left_out {
                                failures.push(format!("{at}: left out {text:?}"));
                            }
                            for problem in report.problems {
                                failures.push(format!("{at}: {problem:?}"));
                            }
                            let (_, _, plot_width, _) = drawn.plot;
                            if width == 360 && (plot_width as u32) * 4 < width * 3 {
                                failures.push(format!("{at}: plot {plot_width} px wide"));
                            }
                        }
                    }
                }
            }
        }
    }
    println!("layout check: {texts} texts in {charts} charts");
    assert!(charts > 500, "{charts} charts");
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures[..failures.len().min(60)].join("\n")
    );
}

#[test]
fn values_that_do_not_fit_after_their_bar_go_inside_it_or_shorten() {
    // Without a halo the check would see the 95% line through the value label.
    let file = read("data/kaltim-2024.json");
    let dataset = parse(&serde_json::to_vec(&file).expect("JSON"))
        .expect("sample")
        .dataset;
    let locale = Locale {
        lang: Lang::Id,
        currency: dataset.meta.currency.clone(),
    };
    let panel = panels(&dataset, View::LocalContent, Lang::Id, false)
        .into_iter()
        .next()
        .expect("a local-content panel");
    let wide = draw(&panel.chart, 1000, &locale, &Theme::LIGHT);
    let phone = draw(&panel.chart, 320, &locale, &Theme::LIGHT);
    let all = |drawn: &pantau_pbj::chart::Drawn| drawn.scene.texts().join("\n");
    assert!(
        all(&wide).contains("77,9% · kekurangan Rp683 M"),
        "{}",
        all(&wide)
    );
    assert!(all(&phone).contains("77,9%"), "{}", all(&phone));
    assert!(check(&phone.scene).problems.is_empty());
    let crossed = check(&pantau_pbj::chart::scene::Scene {
        shapes: wide
            .scene
            .shapes
            .iter()
            .map(|shape| match shape {
                pantau_pbj::chart::scene::Shape::Text { .. } => {
                    let mut shape = shape.clone();
                    if let pantau_pbj::chart::scene::Shape::Text { halo, .. } = &mut shape {
                        *halo = None;
                    }
                    shape
                }
                other => other.clone(),
            })
            .collect(),
        ..wide.scene.clone()
    });
    assert!(
        crossed
            .problems
            .iter()
            .any(|problem| matches!(problem, Problem::Crossed(_))),
        "the threshold line crosses a value label at 1000 px, which only its halo makes readable"
    );
}
