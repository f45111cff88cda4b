//! Inputs built to make the widget do quadratic work or flood the page (the corpus in
//! `tests/corpus`), each at about 1 MB, read through the widget's own path (detect, read,
//! filter, every view folded and expanded): each ends in a dataset or a clear error, with
//! bounded results (issues listed at most 100 and counted exactly, panels, bars and source
//! lines capped) and exact figures where the family has them. A reader that did quadratic work
//! again would not finish within the (generous) deadline, and the test fails instead of
//! hanging CI.

// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod corpus;

use pantau_pbj::analysis::filter::{apply, options, Filter};
use pantau_pbj::chart::spec::ChartSpec;
use pantau_pbj::format::{Issues, LoadError, Loaded, Problem};
use pantau_pbj::i18n::Lang;
use pantau_pbj::ingest::{read, Reading, Source};
use pantau_pbj::model::Rupiah;
use pantau_pbj::views::{panels, View, MOST_PANELS, MOST_ROWS};
use std::sync::mpsc;
use std::time::Duration;

/// About the largest file read on the widget's own thread.
const SIZE: usize = 1024 * 1024;
/// Far more than any of these takes (tens of milliseconds in a release build; a few seconds
/// unoptimised): a reader that is quadratic again takes minutes.
const DEADLINE: Duration = Duration::from_secs(120);

fn content_type(extension: &str) -> Option<&'static str> {
    match extension {
        "csv" => Some("text/csv"),
        _ => Some("application/json"),
    }
}

/// Reads the family `name` at `SIZE` within the deadline.
fn read_case(name: &'static str) -> (usize, Result<Loaded, LoadError>) {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let case = corpus::generate(name, SIZE).expect("a family of the corpus");
        let size = case.bytes.len();
        let result = read(Source {
            bytes: case.bytes.into(),
            content_type: content_type(case.extension),
            format: None,
            address: &format!("https://x.go.id/{name}.{}", case.extension),
            current_year: 2024,
        });
        let _ = send.send((size, result));
    });
    receive
        .recv_timeout(DEADLINE)
        .unwrap_or_else(|_| panic!("{name}: not read within {DEADLINE:?}"))
}

/// The issues are listed at most `LISTED` times and counted in full.
fn assert_bounded_issues(name: &str, issues: &Issues) {
    assert!(
        issues.len() <= Issues::LISTED,
        "{name}: {} listed",
        issues.len()
    );
    assert!(issues.count() >= issues.len(), "{name}");
    assert!(
        issues.iter().all(|issue| issue.path.len() <= 200),
        "{name}: issue paths stay short"
    );
}

/// Every view, folded and expanded, in both languages: bounded panels, bars and lines.
fn assert_bounded_views(name: &str, loaded: &Loaded) {
    let _ = options(&loaded.dataset);
    let narrowed = apply(&loaded.dataset, &Filter::default());
    for view in View::ALL {
        for lang in [Lang::Id, Lang::En] {
            for expanded in [false, true] {
                let shown = panels(&narrowed, view, lang, expanded);
                assert!(
                    shown.len() <= MOST_PANELS + 1,
                    "{name} {view:?}: {} panels",
                    shown.len()
                );
                for panel in &shown {
                    if let ChartSpec::Bars(bars) = &panel.chart {
                        assert!(
                            bars.rows.len() <= MOST_ROWS,
                            "{name} {}: {} bars",
                            panel.id,
                            bars.rows.len()
                        );
                    }
                    assert!(
                        panel.source_line.chars().count() < 2_000,
                        "{name} {}: source line",
                        panel.id
                    );
                    assert!(panel.facts.len() < 20, "{name} {}", panel.id);
                }
            }
        }
    }
}

fn loaded(name: &'static str) -> (usize, Loaded) {
    let (size, result) = read_case(name);
    assert!(size >= SIZE, "{name}: {size} bytes");
    match result {
        Ok(loaded) => {
            assert_bounded_issues(name, &loaded.issues);
            assert_bounded_views(name, &loaded);
            (size, loaded)
        }
        Err(error) => panic!("{name}: {error:?}"),
    }
}

#[test]
fn every_family_is_read_with_bounded_results() {
    for name in corpus::FAMILIES {
        let (_, result) = read_case(name);
        match result {
            Ok(loaded) => {
                assert_bounded_issues(name, &loaded.issues);
                assert_bounded_views(name, &loaded);
            }
            Err(LoadError::NoData(issues) | LoadError::InvalidMeta(issues)) => {
                assert_bounded_issues(name, &issues)
            }
            Err(_) => {}
        }
    }
}

#[test]
fn tens_of_thousands_of_awards_merge_into_one_package_with_every_amount() {
    let (_, loaded) = loaded("ocds-many-awards");
    assert_eq!(loaded.dataset.packages.len(), 1);
    // The first release's award and every award of the second, each once.
    let case = corpus::generate("ocds-many-awards", SIZE).unwrap();
    let text = String::from_utf8(case.bytes).unwrap();
    let awards = text.matches(r#""id":"a-"#).count() as i64 - 1;
    let expected = 1 + (0..awards).map(|index| 1000 + index).sum::<i64>();
    assert_eq!(
        loaded.dataset.packages[0].amounts.komitmen,
        Some(Rupiah(expected))
    );
}

#[test]
fn thousands_of_suppliers_find_their_parties() {
    let (_, loaded) = loaded("ocds-many-parties");
    let package = &loaded.dataset.packages[0];
    // One large supplier among them: not small.
    assert_eq!(package.umkk, Some(false));
    assert_eq!(package.amounts.komitmen, Some(Rupiah(5_000_000)));
}

#[test]
fn tens_of_thousands_of_sources_are_read_once_and_cited() {
    let (_, loaded) = loaded("pantau-many-sources");
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    assert!(loaded.dataset.meta.sources.len() > 10_000);
    let shown = panels(&loaded.dataset, View::Spending, Lang::En, false);
    // Twelve months cite twelve sources: five named, the rest counted.
    assert!(
        shown[0].source_line.ends_with("and 7 more"),
        "{}",
        shown[0].source_line
    );
}

#[test]
fn thousands_of_targets_share_one_overview_after_the_first_twelve() {
    let (_, loaded) = loaded("pantau-many-targets");
    let count = loaded.dataset.targets.len();
    assert!(count > 1000, "{count}");
    let shown = panels(&loaded.dataset, View::Targets, Lang::Id, false);
    assert_eq!(shown.len(), MOST_PANELS + 1);
    let overview = shown.last().unwrap();
    // The table holds the charted targets until the reader expands it, then every one.
    assert_eq!(overview.table.rows.len(), MOST_ROWS - 1);
    assert_eq!(overview.hidden_rows, count - MOST_PANELS - (MOST_ROWS - 1));
    let expanded = panels(&loaded.dataset, View::Targets, Lang::Id, true);
    let overview = expanded.last().unwrap();
    assert_eq!(overview.table.rows.len(), count - MOST_PANELS);
    assert_eq!(overview.hidden_rows, count - MOST_PANELS - (MOST_ROWS - 1));
}

#[test]
fn thousands_of_units_are_all_read_and_at_most_fifty_shown() {
    let (_, loaded) = loaded("pantau-many-units");
    assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
    let units = loaded.dataset.local_content.as_ref().unwrap().by_unit.len();
    assert!(units > 10_000, "{units}");
    let expanded = panels(&loaded.dataset, View::LocalContent, Lang::Id, true);
    for panel in expanded {
        let ChartSpec::Bars(bars) = &panel.chart else {
            continue;
        };
        if panel.hidden_rows > 0 {
            assert_eq!(bars.rows.len(), MOST_ROWS, "{}", panel.id);
            // The chart folds its tail; the table (and its CSV) holds every unit and the total.
            assert_eq!(panel.table.rows.len(), units + 1, "{}", panel.id);
        }
    }
}

#[test]
fn a_hundred_thousand_distinct_units_become_choices_not_a_freeze() {
    let (_, loaded) = loaded("csv-many-units");
    let packages = loaded.dataset.packages.len();
    assert!(packages > 10_000);
    assert_eq!(options(&loaded.dataset).units.len(), packages);
    let narrowed = apply(&loaded.dataset, &Filter::default());
    let by_unit = |expanded| {
        panels(&narrowed, View::Spending, Lang::En, expanded)
            .into_iter()
            .find(|panel| panel.id == "by-unit")
            .expect("a unit breakdown")
    };
    let (folded, expanded) = (by_unit(false), by_unit(true));
    assert_eq!(folded.table.rows.len(), 10, "top rows and one for the rest");
    let ChartSpec::Bars(bars) = &expanded.chart else {
        panic!("bars");
    };
    assert_eq!(bars.rows.len(), MOST_ROWS);
    assert_eq!(
        expanded.table.rows.len(),
        packages,
        "every unit in the expanded table"
    );
}

#[test]
fn every_bad_row_is_counted_and_the_first_hundred_listed_with_a_short_column_name() {
    let (size, loaded) = read_case("csv-long-header-bad-rows");
    let issues = match loaded {
        Err(LoadError::NoData(issues)) => issues,
        other => panic!("{other:?}"),
    };
    let rows = (size - "nama_satker;pagu \n".len() - "💸".len() * 296) / "A;x\n".len();
    // Each row: its amount is refused.
    assert_eq!(issues.count(), rows);
    assert_eq!(issues.len(), Issues::LISTED);
    assert!(issues.truncated());
    assert!(issues[0].path.starts_with("2:pagu"), "{}", issues[0].path);
    assert!(issues[0].path.chars().count() < 60, "{}", issues[0].path);
    assert!(matches!(issues[0].problem, Problem::WrongType(_)));
}

/// Reading and showing `case` once: how long it takes.
fn time_to_show(case: &corpus::Case) -> Duration {
    let started = std::time::Instant::now();
    let result = read(Source {
        bytes: case.bytes.as_slice().into(),
        content_type: content_type(case.extension),
        format: None,
        address: "https://x.go.id/data",
        current_year: 2024,
    });
    if let Ok(loaded) = result {
        let _ = options(&loaded.dataset);
        let narrowed = apply(&loaded.dataset, &Filter::default());
        for view in View::ALL {
            let _ = panels(&narrowed, view, Lang::Id, true);
        }
    }
    started.elapsed()
}

/// The family `name` at a quarter of `SIZE` and at `SIZE`: the fastest of three runs of each,
/// taken in turns (so that other tests running beside this one weigh on both alike).
fn times_to_show(name: &'static str) -> (Duration, Duration) {
    let small = corpus::generate(name, SIZE / 4).expect("a family of the corpus");
    let large = corpus::generate(name, SIZE).expect("a family of the corpus");
    let mut best = (Duration::MAX, Duration::MAX);
    for _ in 0..3 {
        best.0 = best.0.min(time_to_show(&small));
        best.1 = best.1.min(time_to_show(&large));
    }
    best
}

#[test]
fn work_grows_with_the_size_of_the_file_not_its_square() {
    // Four times the input takes about four times as long; sixteen times would be quadratic.
    // The threshold sits between, far from both, so that a loaded machine cannot fail it.
    let mut report = Vec::new();
    for name in [
        "ocds-many-awards",
        "ocds-many-parties",
        "pantau-many-sources",
        "pantau-many-targets",
        "pantau-many-units",
        "csv-many-units",
        "csv-long-header-bad-rows",
    ] {
        let (small, large) = times_to_show(name);
        let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-6);
        report.push(format!("{name}: {small:?} -> {large:?} (x{ratio:.1})"));
        assert!(
            ratio < 10.0,
            "{name} grows like the square of its size: {report:#?}"
        );
    }
    println!("{}", report.join("\n"));
}

#[test]
fn rows_of_thousands_of_fields_are_read_by_the_columns_that_matter() {
    let (_, loaded) = loaded("csv-many-columns");
    let packages = &loaded.dataset.packages;
    assert!(!packages.is_empty());
    assert!(packages
        .iter()
        .all(|package| package.unit.as_deref() == Some("Dinas A")));
    assert!(packages
        .iter()
        .all(|package| package.amounts.rencana == Some(Rupiah(1_000_000))));
}

/// Reads `bytes` on the widget's thread (`Reading::sliced`), `units` of work a step; the result
/// and the number of steps.
fn read_sliced(bytes: &[u8], units: usize) -> (Result<Loaded, LoadError>, usize) {
    let mut reading = Reading::sliced(Source {
        bytes: bytes.into(),
        content_type: Some("application/json"),
        format: None,
        address: "https://x.go.id/data.json",
        current_year: 2024,
    });
    let mut steps = 1;
    loop {
        if let Some(result) = reading.step(units) {
            return (result, steps);
        }
        steps += 1;
    }
}

#[test]
fn json_documents_read_in_steps_give_what_a_whole_read_gives() {
    let mut files: Vec<(String, Vec<u8>)> = ["ocds-many-awards", "ocds-many-parties"]
        .into_iter()
        .chain([
            "ocds-many-ocids",
            "pantau-many-sources",
            "pantau-many-targets",
        ])
        .chain(["pantau-many-units", "pantau-long-text", "isb-many-units"])
        .map(|name| {
            let case = corpus::generate(name, 256 * 1024).expect("a family of the corpus");
            (name.to_owned(), case.bytes)
        })
        .collect();
    for name in ["data/kaltim-2024.json", "data/contoh-paket.json"] {
        let path = format!("{}/{name}", env!("CARGO_MANIFEST_DIR"));
        files.push((name.to_owned(), std::fs::read(&path).expect("bundled data")));
    }
    let ocds = format!("{}/tests/data/ocds", env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(&ocds).expect("the OCDS examples") {
        let path = entry.expect("a file").path();
        if path
            .extension()
            .is_some_and(|extension| extension == "json")
        {
            let bytes = std::fs::read(&path).expect("an OCDS example");
            files.push((path.display().to_string(), bytes));
        }
    }
    // The many awards as a record package (with a compiled release) and as a lone release.
    let awards = String::from_utf8(files[0].1.clone()).expect("text");
    let list = &awards[awards.find("\"releases\":").expect("releases") + 11..awards.len() - 1];
    let last = &list[list.rfind("{\"ocid\"").expect("a release")..list.len() - 1];
    let record = format!(r#"{{"records":[{{"ocid":"ocds-uji-1","releases":{list}}}]}}"#);
    let compiled = format!(r#"{{"records":[{{"ocid":"ocds-uji-1","compiledRelease":{last}}}]}}"#);
    files.push(("record".into(), record.into_bytes()));
    files.push(("compiled release".into(), compiled.into_bytes()));
    files.push(("lone release".into(), last.as_bytes().to_vec()));
    // A list named twice: the later one counts, long or short; and an OCDS file cut short.
    let short = r#""awards":[{"id":"z","value":{"amount":7,"currency":"IDR"}}]"#;
    let twice_long_last = format!("{{{short},{}", &last[1..]);
    let twice_short_last = format!("{},{short}}}", &last[..last.len() - 1]);
    files.push(("long list last".into(), twice_long_last.into_bytes()));
    files.push(("short list last".into(), twice_short_last.into_bytes()));
    files.push((
        "ocds cut".into(),
        awards.as_bytes()[..awards.len() / 2].to_vec(),
    ));
    // Broken and odd documents: cut short, a second value after the first, a bare array.
    let sample = files[3].1.clone();
    files.push(("cut".into(), sample[..sample.len() / 2].to_vec()));
    files.push(("two values".into(), [&sample[..], b" {}"].concat()));
    files.push((
        "array".into(),
        format!("[{}]", String::from_utf8_lossy(&sample)).into_bytes(),
    ));
    for (name, bytes) in &files {
        let whole = read(Source {
            bytes: bytes.as_slice().into(),
            content_type: Some("application/json"),
            format: None,
            address: "https://x.go.id/data.json",
            current_year: 2024,
        });
        if name.starts_with("pantau") || name.starts_with("data/kaltim") {
            assert_eq!(
                pantau_pbj::format::parse(bytes),
                whole,
                "{name}: a Pantau file parsed at once"
            );
        }
        for units in [1, 50, usize::MAX] {
            let (sliced, steps) = read_sliced(bytes, units);
            assert_eq!(sliced, whole, "{name} at {units} units a step");
            // (A list named twice, the long one first, is mostly skipped.)
            if units == 1 && bytes.len() > 200 * 1024 && name != "short list last" {
                assert!(steps > 100, "{name}: {steps} steps");
            }
        }
    }
}
