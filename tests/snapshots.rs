//! The widget's own page shows snapshots of the bundled sample's views (`data/snapshots/`,
//! written by `pantau render --snapshot`): to readers without JavaScript, and first with the
//! `snapshot` option. This test fails when they are stale (drawn otherwise, or from other data
//! than they record). `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` writes them again (the
//! same as `pantau render data/kaltim-2024.json --view V --lang L --snapshot -o
//! data/snapshots/V-L.svg`, and with `--width 360` for `V-L-360.svg`).

// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]
#![cfg(not(target_arch = "wasm32"))]

use pantau_pbj::analysis::filter::{apply, Filter};
use pantau_pbj::chart::theme::Theme;
use pantau_pbj::chart::Locale;
use pantau_pbj::format::parse;
use pantau_pbj::i18n::Lang;
use pantau_pbj::views::export::{chart_svg, recording, DOWNLOAD_WIDTH};
use pantau_pbj::views::{panels, View};
use sha2::Digest;

fn repository(path: &str) -> String {
    format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_pages_snapshots_are_those_of_the_bundled_sample() {
    let bytes = std::fs::read(repository("data/kaltim-2024.json")).expect("sample");
    let dataset = parse(&bytes).expect("the sample parses").dataset;
    let sha256: String = sha2::Sha256::digest(&bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let narrowed = apply(&dataset, &Filter::default());
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut stale = Vec::new();
    for view in [View::Spending, View::LocalContent, View::Targets] {
        for lang in Lang::ALL {
            let shown = panels(&narrowed, view, lang, false);
            let first = shown.first().expect("the sample charts every view");
            let locale = Locale {
                lang,
                currency: dataset.meta.currency.clone(),
            };
            // The widget's widest, and a phone's (`-360`: its own layout, legible there).
            for (width, suffix) in [(DOWNLOAD_WIDTH, ""), (360, "-360")] {
                let (svg, _, _) = chart_svg(first, width, &locale, &Theme::LIGHT);
                let svg = recording(svg, &sha256);
                let path = repository(&format!(
                    "data/snapshots/{}-{}{suffix}.svg",
                    view.code(),
                    lang.tag()
                ));
                if update {
                    std::fs::write(&path, &svg).expect("written");
                } else if std::fs::read_to_string(&path).ok().as_deref() != Some(svg.as_str()) {
                    stale.push(path);
                }
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale snapshots (UPDATE_SNAPSHOTS=1 cargo test --test snapshots): {stale:?}"
    );
    // The page's text alternative is the chart's title and summary.
    let first = panels(&narrowed, View::Spending, Lang::Id, false)
        .into_iter()
        .next()
        .expect("a spending chart");
    let page = std::fs::read_to_string(repository("index.html")).expect("the page");
    let alt = format!("{}. {}", first.title, first.summary);
    assert!(
        page.contains(&format!(
            r#"<img class="pantau-snapshot" src="data/snapshots/spending-id.svg" alt="{alt}""#
        )),
        "index.html's noscript snapshot says: {alt}"
    );
}
