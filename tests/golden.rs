//! Golden drawings: each chart of each view of the bundled sample, at a phone's width (360 px)
//! and a desktop's (1.000 px), in both languages, is committed as SVG in `tests/golden/`. A
//! change to the drawing shows in the diff of those files. Numbers are compared to within a
//! pixel (rounding), everything else exactly.
//!
//! After a deliberate change: `UPDATE_GOLDEN=1 cargo test --test golden`, then look at the diff.

// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use pantau_pbj::chart::{draw, theme::Theme, Locale};
use pantau_pbj::format::parse;
use pantau_pbj::i18n::Lang;
use pantau_pbj::views::{panels, View};
use std::path::PathBuf;

/// Text and numbers of an SVG: the numbers inside tags (coordinates, sizes) apart, so that
/// they can be compared with a tolerance; numbers in text content are text.
#[derive(Debug, PartialEq)]
enum Token {
    Text(String),
    Number(f64),
}

fn tokens(svg: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut text = String::new();
    let mut number = String::new();
    let mut in_tag = false;
    for character in svg.chars() {
        match character {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ => {}
        }
        let continues =
            in_tag && (character.is_ascii_digit() || (character == '.' && !number.is_empty()));
        if continues {
            number.push(character);
            continue;
        }
        if !number.is_empty() {
            flush(&mut tokens, &mut text, &mut number);
        }
        text.push(character);
    }
    flush(&mut tokens, &mut text, &mut number);
    if !text.is_empty() {
        tokens.push(Token::Text(text));
    }
    tokens
}

fn flush(tokens: &mut Vec<Token>, text: &mut String, number: &mut String) {
    if number.is_empty() {
        return;
    }
    if !text.is_empty() {
        tokens.push(Token::Text(std::mem::take(text)));
    }
    match number.parse() {
        Ok(value) => tokens.push(Token::Number(value)),
        Err(_) => tokens.push(Token::Text(number.clone())),
    }
    number.clear();
}

/// Where two drawings differ by more than a pixel, if they do.
fn difference(expected: &str, actual: &str) -> Option<String> {
    let (expected, actual) = (tokens(expected), tokens(actual));
    for (index, pair) in expected.iter().zip(&actual).enumerate() {
        let same = match pair {
            (Token::Number(a), Token::Number(b)) => (a - b).abs() <= 1.0,
            (a, b) => a == b,
        };
        if !same {
            let around = |list: &[Token]| {
                list[index.saturating_sub(3)..(index + 3).min(list.len())]
                    .iter()
                    .map(|token| match token {
                        Token::Text(text) => text.clone(),
                        Token::Number(number) => number.to_string(),
                    })
                    .collect::<String>()
            };
            return Some(format!(
                "expected …{}…\n   found …{}…",
                around(&expected),
                around(&actual)
            ));
        }
    }
    (expected.len() != actual.len())
        .then(|| format!("{} tokens expected, {} found", expected.len(), actual.len()))
}

#[test]
fn number_tolerance_is_one_pixel() {
    assert_eq!(difference(r#"<a x="10"/>"#, r#"<a x="11"/>"#), None);
    assert!(difference(r#"<a x="10"/>"#, r#"<a x="12"/>"#).is_some());
    assert!(difference(r#"<a>Rp20 T</a>"#, r#"<a>Rp21 T</a>"#).is_some());
    assert!(difference(r#"<a>kekurangan</a>"#, r#"<a>gap</a>"#).is_some());
    assert!(difference(r#"<a/>"#, r#"<a/><b/>"#).is_some());
}

/// Draws every panel of `views` of `dataset` at 360 and 1.000 px in both languages and compares
/// each with its golden file `<prefix><view>-<panel>-<lang>-<width>.svg` (or writes it, with
/// `UPDATE_GOLDEN`). A drawing that differs is written beside its golden file as
/// `…-changed.svg`, to open side by side. Returns how many were compared and what differs.
fn compare_drawings(
    dataset: &pantau_pbj::model::Dataset,
    views: &[View],
    prefix: &str,
) -> (usize, Vec<String>) {
    let directory = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut compared = 0;
    let mut stale = Vec::new();
    for lang in [Lang::Id, Lang::En] {
        let locale = Locale {
            lang,
            currency: dataset.meta.currency.clone(),
        };
        for view in views {
            for panel in panels(dataset, *view, lang, false) {
                for width in [360, 1000] {
                    let drawn = draw(&panel.chart, width, &locale, &Theme::LIGHT);
                    // One element a line, so that a diff shows which element changed.
                    let svg = drawn
                        .scene
                        .to_svg(&panel.title, &panel.summary)
                        .replace("><", ">\n<");
                    let stem = format!(
                        "{prefix}{}-{}-{}-{width}",
                        view.code(),
                        panel.id,
                        lang.tag()
                    );
                    let path = directory.join(format!("{stem}.svg"));
                    let changed = directory.join(format!("{stem}-changed.svg"));
                    if update {
                        std::fs::create_dir_all(&directory).expect("golden directory");
                        std::fs::write(&path, &svg).expect("golden file written");
                        let _ = std::fs::remove_file(&changed);
                        continue;
                    }
                    compared += 1;
                    let found = match std::fs::read_to_string(&path) {
                        Ok(expected) => difference(&expected, &svg),
                        Err(error) => Some(error.to_string()),
                    };
                    match found {
                        Some(difference) => {
                            let _ = std::fs::write(&changed, &svg);
                            stale.push(format!("{stem}.svg: {difference}"));
                        }
                        None => {
                            let _ = std::fs::remove_file(&changed);
                        }
                    }
                }
            }
        }
    }
    (compared, stale)
}

fn read(name: &str) -> pantau_pbj::model::Dataset {
    let bytes =
        std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(name)).expect("sample");
    parse(&bytes).expect("sample parses").dataset
}

const STALE: &str = "drawings differ from tests/golden (each new drawing is written beside its \
    golden file as …-changed.svg; UPDATE_GOLDEN=1 cargo test --test golden writes them anew; \
    check the diff)";

#[test]
fn sample_views_draw_as_committed() {
    let dataset = read("data/kaltim-2024.json");
    let (compared, stale) = compare_drawings(&dataset, &View::ALL, "");
    assert!(stale.is_empty(), "{STALE}:\n{}", stale.join("\n"));
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    assert!(update || compared >= 24, "{compared} drawings compared");
}

/// The risk-indicator view of the package sample (its default year, 2024): every panel, both
/// languages, a phone's and a desktop's width.
#[test]
fn the_risk_indicators_draw_as_committed() {
    let dataset = pantau_pbj::analysis::filter::apply(
        &read("data/contoh-paket.json"),
        &pantau_pbj::analysis::filter::Filter::default(),
    );
    let (compared, stale) = compare_drawings(&dataset, &[View::Oversight], "paket-");
    // 2023, a whole year: the year-end rush has a December to judge.
    let whole_year = pantau_pbj::analysis::filter::apply(
        &read("data/contoh-paket.json"),
        &pantau_pbj::analysis::filter::Filter {
            year: Some(2023),
            ..Default::default()
        },
    );
    let (more, older) = compare_drawings(&whole_year, &[View::Oversight], "paket-2023-");
    let stale: Vec<String> = stale.into_iter().chain(older).collect();
    assert!(stale.is_empty(), "{STALE}:\n{}", stale.join("\n"));
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    // Twelve panels a language and a width, each year (2023 has no bunching-units panel).
    assert!(
        update || compared == 48 && more >= 44,
        "{compared} + {more} drawings compared"
    );
}
