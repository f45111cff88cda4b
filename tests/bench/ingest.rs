//! Native ingest throughput: reads the big benchmark files (written by
//! `node tests/bench/generate.mjs`) with the same code the widget runs, and prints MB/s.
//! Usage: cargo bench --bench ingest [-- folder]. A measurement, not a test.

use pantau_pbj::ingest::{read, Source};
use std::time::Instant;

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
        }
        times.sort_by(f64::total_cmp);
        let best = times[0];
        println!(
            "{name}: {:.1} MB, {packages} packages, best of 3 {:.0} ms, {:.0} MB/s (native)",
            bytes.len() as f64 / 1e6,
            best * 1e3,
            bytes.len() as f64 / 1e6 / best
        );
    }
}
