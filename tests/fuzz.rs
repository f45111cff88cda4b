//! A mutation fuzzer over the whole path from bytes to SVG: read (any format), filter, build
//! every view's panels in both languages, draw them at a phone's and a desktop's width, and
//! check that the SVG is well formed. No input may panic or hang.
//!
//! Every run starts from the bundled samples, the OCDS example, a CSV export and hostile
//! snippets, and mutates them with a deterministic generator, so a failure names the iteration
//! that reproduces it. CI runs a few hundred iterations; for a longer, bounded run:
//!
//!     FUZZ_SECONDS=600 cargo test --release --test fuzz -- --nocapture
//!
//! (`FUZZ_ITERATIONS=N` for a count, `FUZZ_START=N` to start at another iteration.) A crash
//! it finds becomes a case in `tests/bad_files.rs` or `tests/ingest.rs`.

// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use pantau_pbj::analysis::filter::{apply, options, Filter};
use pantau_pbj::chart::{draw, theme::Theme, Locale};
use pantau_pbj::i18n::{describe_issue, describe_load_error, Lang};
use pantau_pbj::ingest::{read, Source};
use pantau_pbj::model::Stage;
use pantau_pbj::views::{panels, View};
use std::time::{Duration, Instant};

fn seeds() -> Vec<Vec<u8>> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut seeds: Vec<Vec<u8>> = [
        "data/kaltim-2024.json",
        "data/contoh-paket.json",
        "tests/data/ocds/fictional-example-1.1-release-package.json",
        "tests/data/ocds/fictional-example-1.1-record-package.json",
        "tests/data/isb/rup-penyedia.json",
        "tests/data/isb/rup-swakelola.jsonl",
        "tests/data/isb/spse-nontender-selesai.json",
        "tests/data/isb/ekatalog-v5.json",
        "tests/data/ocds-csv/flattened-paths.csv",
        "tests/data/ocds-csv/flattened-underscore.csv",
    ]
    .iter()
    .filter_map(|path| std::fs::read(format!("{root}/{path}")).ok())
    .collect();
    assert!(
        seeds.len() == 10,
        "the bundled samples, the OCDS examples and the ISB and flattened-OCDS fixtures are all there"
    );
    seeds.push(b"kd_rup;nama_paket;nama_satker;metode_pengadaan;jenis_pengadaan;pagu;tanggal;nilai_kontrak;realisasi;status_pdn;status_ukm;lokasi\n1;\"A;B\";Dinas Kesehatan;Tender;Barang;1.500.000.000;15/03/2024;1.400.000.000;900.000.000;Ya;Tidak;Kota Samarinda\n2;C;Sekretariat Daerah;E-Purchasing;Jasa Lainnya;Rp 200.000.000,00;2024-05;;;PDN;UKM;Kab. Paser\n".to_vec());
    seeds
}

/// Tokens that have broken parsers and charts before.
const TOKENS: &[&str] = &[
    "NaN",
    "Infinity",
    "-Infinity",
    "1e400",
    "-1",
    "0",
    "9223372036854775808",
    "18446744073709551616",
    "0.5",
    "null",
    "true",
    "[]",
    "{}",
    "\"\"",
    "\"2024-13-45\"",
    "\"9999-01\"",
    "<img src=x onerror=alert(1)>",
    "\u{202E}",
    "\u{0000}",
    "\"rencana\"",
    "\"realisasi\"",
    "\"komitmen\"",
    "\"ocid\"",
    ";",
    ",",
    "\t",
    "\"",
    "\n",
    "\r\n",
    "\u{feff}",
    "Rp-5",
    "1.2.3",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "\"packages\"",
    "\"releases\"",
];

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }
}

/// Raw JSON put in place of one value of a valid file: hostile but well-formed (mostly).
const VALUES: &[&str] = &[
    "1e400",
    "-1",
    "0",
    "1.5",
    "9223372036854775807",
    "99999999999999999999999",
    "null",
    "true",
    "\"\"",
    "[]",
    "{}",
    "\"<script>alert(1)</script>\"",
    "\"\\u202eKesehatan\"",
    "\"2024-02-30\"",
    "\"1900-01-01\"",
    "\"9999-12-31\"",
    "[[[[[[[[[[1]]]]]]]]]]",
    "\"x\"",
    "-0.0",
    "1e-300",
];

/// Replaces a few values of a JSON seed by hostile ones, keeping the rest of the file valid.
fn mutate_json(seed: &serde_json::Value, random: &mut Random) -> Vec<u8> {
    fn leaves(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, value) in map {
                    leaves(
                        value,
                        format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")),
                        out,
                    );
                }
            }
            serde_json::Value::Array(items) => {
                for (index, value) in items.iter().enumerate() {
                    leaves(value, format!("{at}/{index}"), out);
                }
            }
            _ => out.push(at),
        }
    }
    let mut tree = seed.clone();
    let mut found = Vec::new();
    leaves(seed, String::new(), &mut found);
    let mut chosen = Vec::new();
    for marker in 0..=random.below(4) {
        let Some(path) = found.get(random.below(found.len())) else {
            break;
        };
        if let Some(leaf) = tree.pointer_mut(path) {
            *leaf = serde_json::Value::String(format!("@@{marker}@@"));
            chosen.push(VALUES[random.below(VALUES.len())]);
        }
    }
    let mut text = tree.to_string();
    for (marker, value) in chosen.iter().enumerate() {
        text = text.replace(&format!("\"@@{marker}@@\""), value);
    }
    text.into_bytes()
}

fn mutate(seed: &[u8], random: &mut Random) -> Vec<u8> {
    if random.below(2) == 0 {
        if let Ok(tree) = serde_json::from_slice::<serde_json::Value>(seed) {
            return mutate_json(&tree, random);
        }
    }
    let mut bytes = seed.to_vec();
    for _ in 0..=random.below(8) {
        let at = random.below(bytes.len() + 1);
        match random.below(7) {
            0 => {
                if let Some(byte) = bytes.get_mut(at) {
                    *byte ^= 1 << random.below(8);
                }
            }
            1 => bytes
                .splice(at..at, TOKENS[random.below(TOKENS.len())].bytes())
                .for_each(drop),
            2 => bytes.truncate(at),
            3 => {
                let end = (at + random.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            4 => {
                let end = (at + random.below(400)).min(bytes.len());
                let chunk = bytes[at..end].to_vec();
                let to = random.below(bytes.len() + 1);
                bytes.splice(to..to, chunk).for_each(drop);
            }
            5 => bytes
                .splice(
                    at..at,
                    (0..random.below(16))
                        .map(|_| random.next() as u8)
                        .collect::<Vec<u8>>(),
                )
                .for_each(drop),
            _ => {
                // Replace a number with a hostile one.
                if let Some(start) = bytes[at.min(bytes.len())..]
                    .iter()
                    .position(u8::is_ascii_digit)
                {
                    let start = at + start;
                    let end = bytes[start..]
                        .iter()
                        .position(|byte| !byte.is_ascii_digit())
                        .map_or(bytes.len(), |len| start + len);
                    bytes
                        .splice(start..end, TOKENS[random.below(9)].bytes())
                        .for_each(drop);
                }
            }
        }
    }
    bytes
}

/// The whole path for one input; panics (which the caller reports) on a malformed SVG.
/// Returns how many charts it drew.
fn exercise(bytes: &[u8]) -> usize {
    let source = Source {
        bytes: bytes.into(),
        content_type: None,
        format: None,
        address: "https://x.example/data.json",
        current_year: 2024,
    };
    let loaded = match read(source) {
        Ok(loaded) => loaded,
        Err(error) => {
            for lang in Lang::ALL {
                assert!(!describe_load_error(&error, lang).is_empty());
            }
            return 0;
        }
    };
    for issue in loaded.issues.iter().take(50) {
        assert!(!describe_issue(issue, Lang::Id).is_empty());
    }
    let dataset = &loaded.dataset;
    let mut charts = 0;
    let choices = options(dataset);
    let filters = [
        Filter::default(),
        Filter {
            unit: choices.units.first().cloned(),
            ..Filter::default()
        },
        Filter {
            stage: Some(Stage::Komitmen),
            year: choices.years.first().copied(),
            ..Filter::default()
        },
    ];
    for filter in &filters {
        let narrowed = apply(dataset, filter);
        for lang in Lang::ALL {
            let locale = Locale {
                lang,
                currency: narrowed.meta.currency.clone(),
            };
            for view in View::ALL {
                for panel in panels(&narrowed, view, lang, lang == Lang::En) {
                    for width in [320, 900] {
                        let drawn = draw(&panel.chart, width, &locale, &Theme::DARK);
                        let svg = drawn.scene.to_svg(&panel.title, &panel.summary);
                        if let Err(error) = roxmltree::Document::parse(&svg) {
                            panic!("{}: malformed SVG: {error}", panel.id);
                        }
                        charts += 1;
                    }
                }
            }
        }
    }
    charts
}

#[test]
fn no_input_panics_or_hangs_from_bytes_to_svg() {
    let seeds = seeds();
    let env = |name: &str| {
        std::env::var(name)
            .ok()
            .and_then(|value| value.parse::<u64>().ok())
    };
    let deadline = env("FUZZ_SECONDS").map(|seconds| Instant::now() + Duration::from_secs(seconds));
    let iterations =
        env("FUZZ_ITERATIONS").unwrap_or(if deadline.is_some() { u64::MAX } else { 300 });
    let start = env("FUZZ_START").unwrap_or(0);
    let (mut done, mut read_ok, mut charts) = (0, 0, 0);
    for iteration in start..start.saturating_add(iterations) {
        if deadline.is_some_and(|deadline| Instant::now() > deadline) {
            break;
        }
        let mut random = Random(iteration.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let seed = &seeds[random.below(seeds.len())];
        let input = mutate(seed, &mut random);
        let began = Instant::now();
        let outcome = std::panic::catch_unwind(|| exercise(&input));
        let took = began.elapsed();
        if let Ok(drawn) = outcome {
            read_ok += usize::from(drawn > 0);
            charts += drawn;
        }
        if outcome.is_err() || took > Duration::from_secs(20) {
            let shown = String::from_utf8_lossy(&input[..input.len().min(2000)]).into_owned();
            panic!("iteration {iteration} ({took:?}) fails; reproduce with FUZZ_START={iteration} FUZZ_ITERATIONS=1. Input starts:\n{shown}");
        }
        done += 1;
    }
    println!("fuzz: {done} inputs from iteration {start} ({read_ok} drawn, {charts} charts), no panic, no hang");
}
