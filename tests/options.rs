//! The embed options are defined once (`src/options.rs`): the README's table, `embed.js`'s
//! observed attributes and the build hook's constants must say the same.

// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use pantau_pbj::options::{Scope, DEFAULT_SRC, OPTIONS, STARTED};

fn repository_file(path: &str) -> String {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|error| panic!("{full}: {error}"))
}

#[test]
fn the_readme_table_is_the_table_of_options() {
    let readme = repository_file("README.md");
    let header = "| parameter | values | default | meaning |";
    let table = &readme[readme.find(header).expect("the options table") + header.len()..];
    let rows: Vec<&str> = table
        .lines()
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .collect();
    let expected: Vec<String> = OPTIONS
        .iter()
        .map(|spec| {
            let (name, values) = (spec.name, spec.values);
            format!(
                "| `{name}` | {values} | {} | {} |",
                spec.default, spec.meaning
            )
        })
        .collect();
    assert_eq!(rows.len(), expected.len(), "rows in the README's table");
    for (row, expected) in rows.iter().zip(&expected) {
        assert_eq!(row, expected);
    }
}

#[test]
fn embed_js_observes_every_element_option_and_no_other() {
    let script = repository_file("embed/embed.js");
    let start = script
        .find("const OPTIONS = [")
        .expect("embed.js lists its options")
        + 17;
    let list = &script[start..start + script[start..].find("];").expect("the list's end")];
    let mut observed: Vec<&str> = list
        .split(',')
        .map(|name| name.trim().trim_matches('\''))
        .filter(|name| !name.is_empty())
        .collect();
    let mut expected: Vec<&str> = OPTIONS
        .iter()
        .filter(|spec| spec.scope == Scope::Both)
        .map(|spec| spec.name)
        .collect();
    observed.sort_unstable();
    expected.sort_unstable();
    assert_eq!(observed, expected);
}

#[test]
fn the_build_hook_starts_the_request_the_widget_will_take() {
    let hook = repository_file(".ci/trunk-post-build.py");
    assert!(hook.contains(&format!("\nDEFAULT_SRC = \"{DEFAULT_SRC}\"\n")));
    assert!(hook.contains(&format!("\nSTARTED = \"{STARTED}\"\n")));
    assert!(
        !hook.contains(".rs\").read_text"),
        "the hook reads no Rust source"
    );
    assert!(
        std::path::Path::new(&format!("{}/{DEFAULT_SRC}", env!("CARGO_MANIFEST_DIR"))).exists()
    );
}

#[cfg(not(target_arch = "wasm32"))]
mod written_and_read {
    use pantau_pbj::analysis::filter::Filter;
    use pantau_pbj::chart::theme::ThemeChoice;
    use pantau_pbj::i18n::Lang;
    use pantau_pbj::model::{Code, Method, ProcurementType, Stage};
    use pantau_pbj::options::{read, write, written_names, Chosen};
    use pantau_pbj::views::{Compare, Measure, View};
    use proptest::prelude::*;

    fn name() -> impl Strategy<Value = String> {
        "[A-Za-zé0-9&=?#+%/.]{1,8}( [A-Za-z]{1,6}){0,2}"
    }

    prop_compose! {
        fn filter()(
            year in proptest::option::of(2015..2031i32),
            names in proptest::collection::vec(proptest::option::of(name()), 3),
            method in proptest::option::of(0..Method::ALL.len()),
            kind in proptest::option::of(0..ProcurementType::ALL.len()),
            stage in proptest::option::of(0..Stage::ALL.len()),
        ) -> Filter {
            Filter {
                year,
                unit: names[0].clone(),
                region: names[1].clone(),
                government: names[2].clone(),
                method: method.map(|index| Method::ALL[index]),
                kind: kind.map(|index| ProcurementType::ALL[index]),
                stage: stage.map(|index| Stage::ALL[index]),
            }
        }
    }

    fn compare() -> impl Strategy<Value = Compare> {
        prop_oneof![
            Just(Compare::Nothing),
            Just(Compare::PreviousYear),
            "https://[a-z]{1,8}\\.go\\.id/[a-z0-9-]{1,12}\\.json".prop_map(Compare::File),
        ]
    }

    proptest! {
        /// Whatever the reader chose, the options written for it read back as the same choices,
        /// and only names that `written_names` lists are written.
        #[test]
        fn written_options_read_back_as_the_same_choices(
            view in 0..View::ALL.len(),
            lang in 0..Lang::ALL.len(),
            theme in 0..3usize,
            measure in 0..Measure::ALL.len(),
            compare in compare(),
            filter in filter(),
        ) {
            let chosen = Chosen {
                view: View::ALL[view],
                lang: Lang::ALL[lang],
                theme: [ThemeChoice::Light, ThemeChoice::Dark, ThemeChoice::Auto][theme],
                measure: Measure::ALL[measure],
                compare: &compare,
                filter: &filter,
            };
            let written = write(&chosen);
            let names: Vec<&str> = written_names().collect();
            prop_assert!(written.iter().all(|(name, _)| names.contains(name)));
            // Through an address's query string, as a link carries them.
            let query: String = written
                .iter()
                .map(|(name, value)| format!("{name}={}", percent(value)))
                .collect::<Vec<_>>()
                .join("&");
            let pairs: Vec<(String, String)> = query
                .split('&')
                .filter_map(|pair| pair.split_once('='))
                .map(|(name, value)| (name.to_owned(), unpercent(value)))
                .collect();
            let given = read(
                |wanted| pairs.iter().find(|(name, _)| name == wanted).map(|(_, value)| value.clone()),
                true,
            );
            prop_assert_eq!(given.view, chosen.view);
            prop_assert_eq!(given.lang, Some(chosen.lang));
            prop_assert_eq!(given.theme, chosen.theme);
            prop_assert_eq!(given.measure, chosen.measure);
            prop_assert_eq!(&given.compare, chosen.compare);
            prop_assert_eq!(&given.filter, chosen.filter);
        }
    }

    /// Percent-encoding of everything but unreserved characters (as `URLSearchParams` writes).
    fn percent(value: &str) -> String {
        value
            .bytes()
            .map(|byte| match byte {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                    (byte as char).to_string()
                }
                _ => format!("%{byte:02X}"),
            })
            .collect()
    }

    fn unpercent(value: &str) -> String {
        let bytes = value.as_bytes();
        let mut out = Vec::new();
        let mut index = 0;
        while index < bytes.len() {
            if bytes[index] == b'%' {
                let hex = std::str::from_utf8(&bytes[index + 1..index + 3]).unwrap();
                out.push(u8::from_str_radix(hex, 16).unwrap());
                index += 3;
            } else {
                out.push(bytes[index]);
                index += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }
}
