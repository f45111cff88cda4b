//! Native ingest throughput: reads the big benchmark files (written by
//! `node tests/bench/generate.mjs`) with the same code the widget runs, and prints MB/s.
//! Then the first render's pure work on the CSV's 100.000 packages: filter options, filtering
//! and aggregating, the panels of every view. Usage: cargo bench --bench ingest [-- folder].
//! A measurement, not a test.

// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use pantau_pbj::analysis::filter::{apply, options, Filter};
use pantau_pbj::i18n::Lang;
use pantau_pbj::ingest::wire::{decode_packages, encode_packages};
use pantau_pbj::ingest::{read, Source};
use pantau_pbj::views::{panels, View};
use std::time::Instant;

/// The best of three runs of `work`, in milliseconds.
fn best_ms(mut work: impl FnMut()) -> f64 {
    (0..3)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let folder = std::env::args()
        .skip(1)
        .find(|argument| !argument.starts_with('-'))
        .unwrap_or_else(|| "target/bench-data".to_owned());
    for name in ["packages-100k.csv", "releases-100k.jsonl"] {
        let path = format!("{folder}/{name}");
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("{path} is missing: run `node tests/bench/generate.mjs` first");
            std::process::exit(1);
        };
        let mut times = Vec::new();
        let mut packages = 0;
        let mut dataset = None;
        for _ in 0..3 {
            // Owned bytes, as the widget hands over a download.
            let owned = bytes.clone();
            let started = Instant::now();
            let loaded = read(Source {
                bytes: owned.into(),
                content_type: None,
                format: None,
                address: name,
                current_year: 2024,
            })
            .expect("the benchmark file reads");
            times.push(started.elapsed().as_secs_f64());
            packages = loaded.dataset.packages.len();
            if name.ends_with(".csv") {
                dataset = Some(loaded.dataset);
            }
        }
        times.sort_by(f64::total_cmp);
        let best = times[0];
        println!(
            "{name}: {:.1} MB, {packages} packages, best of 3 {:.0} ms, {:.0} MB/s (native)",
            bytes.len() as f64 / 1e6,
            best * 1e3,
            bytes.len() as f64 / 1e6 / best
        );
        let Some(dataset) = dataset else {
            continue;
        };
        // The exchange with the reading worker: its packages encoded there, decoded in the widget.
        let mut wire_bytes = Vec::new();
        let encoded = best_ms(|| {
            wire_bytes.clear();
            for batch in dataset.packages.chunks(10_000) {
                encode_packages(batch, &mut wire_bytes);
            }
        });
        let decoded = best_ms(|| {
            std::hint::black_box(decode_packages(&wire_bytes));
        });
        println!(
            "  worker exchange of {packages} packages (best of 3): encode {encoded:.1} ms, decode {decoded:.1} ms ({:.1} MB)",
            wire_bytes.len() as f64 / 1e6
        );
        let filter = Filter::default();
        let choices = best_ms(|| {
            std::hint::black_box(options(&dataset));
        });
        let filtered = best_ms(|| {
            std::hint::black_box(apply(&dataset, &filter));
        });
        let narrowed = apply(&dataset, &filter);
        let views = best_ms(|| {
            for view in [View::Spending, View::LocalContent, View::Targets] {
                std::hint::black_box(panels(&narrowed, view, Lang::Id, false));
            }
        });
        println!(
            "  first render's pure work on {packages} packages (best of 3): filter options {choices:.1} ms, filter and aggregate {filtered:.1} ms, panels of the three views {views:.1} ms"
        );
    }
}
