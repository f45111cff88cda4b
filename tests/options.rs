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
