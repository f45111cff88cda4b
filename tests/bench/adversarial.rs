//! Writes the adversarial-complexity corpus (`tests/corpus`) at about 1 MB and 30 MB into
//! `target/adversarial/` for the browser benchmark (`ONLY=adversarial node tests/bench/run.mjs`),
//! and prints how long the widget's own reading path takes on each natively.
//! Usage: cargo bench --bench adversarial

// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "../corpus/mod.rs"]
mod corpus;

use pantau_pbj::analysis::filter::{apply, options, Filter};
use pantau_pbj::i18n::Lang;
use pantau_pbj::ingest::{read, Source};
use pantau_pbj::views::{panels, View};
use std::time::Instant;

fn main() {
    let folder = format!("{}/target/adversarial", env!("CARGO_MANIFEST_DIR"));
    if let Err(error) = std::fs::create_dir_all(&folder) {
        eprintln!("{folder}: {error}");
        std::process::exit(1);
    }
    println!("native read (detect + read + validate), release build, then the first figures:");
    for megabytes in [1, 30] {
        for name in corpus::FAMILIES {
            let Some(case) = corpus::generate(name, megabytes << 20) else {
                continue;
            };
            let path = format!("{folder}/{name}-{megabytes}mb.{}", case.extension);
            if let Err(error) = std::fs::write(&path, &case.bytes) {
                eprintln!("{path}: {error}");
                std::process::exit(1);
            }
            let started = Instant::now();
            let result = read(Source {
                bytes: case.bytes.as_slice().into(),
                content_type: Some(if case.extension == "csv" {
                    "text/csv"
                } else {
                    "application/json"
                }),
                format: None,
                address: &path,
                current_year: 2024,
            });
            let read_ms = started.elapsed().as_secs_f64() * 1000.0;
            let outcome = match &result {
                Ok(loaded) => {
                    // The first figures, as the widget computes them after reading: the filter
                    // choices, the default filter applied, the first view's panels.
                    let timed = |work: &mut dyn FnMut()| {
                        let started = Instant::now();
                        work();
                        started.elapsed().as_secs_f64() * 1000.0
                    };
                    let choices = timed(&mut || drop(options(&loaded.dataset)));
                    let mut narrowed = None;
                    let applied =
                        timed(&mut || narrowed = Some(apply(&loaded.dataset, &Filter::default())));
                    let shown = timed(&mut || {
                        if let Some(narrowed) = &narrowed {
                            for view in View::ALL {
                                drop(panels(narrowed, view, Lang::Id, false));
                            }
                        }
                    });
                    format!(
                        "{} packages, {} issues ({} listed); then choices {choices:.1} ms, filter {applied:.1} ms, panels of all views {shown:.1} ms",
                        loaded.dataset.packages.len(),
                        loaded.issues.count(),
                        loaded.issues.len()
                    )
                }
                Err(error) => format!("refused: {error:?}").chars().take(80).collect(),
            };
            println!(
                "  {name:<26} {:>5.1} MB  {read_ms:>8.1} ms  {outcome}",
                case.bytes.len() as f64 / 1e6,
            );
        }
    }
    println!("written to {folder}");
}
