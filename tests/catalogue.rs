//! Every sentence and label the reader sees comes from the message catalogue
//! (`src/i18n/text.rs`: both languages side by side, named placeholders checked there): no code
//! outside `i18n` chooses words by language itself.

// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

fn rust_files(folder: &Path, found: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(folder).unwrap_or_else(|error| panic!("{folder:?}: {error}"));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn no_code_outside_the_catalogue_picks_words_by_language() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&source, &mut files);
    assert!(files.len() > 40, "{} files", files.len());
    let i18n = source.join("i18n");
    let mut found = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("a source file");
        let catalogue = path.ends_with("i18n/text.rs") || path.ends_with("i18n/mod.rs");
        for (number, line) in text.lines().enumerate() {
            let picks = line.contains(".pick(") && !catalogue;
            let matches_language = line.contains("Lang::Id =>") && !path.starts_with(&i18n);
            if picks || matches_language {
                found.push(format!(
                    "{}:{}: {}",
                    path.display(),
                    number + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "words chosen outside the catalogue:\n{}",
        found.join("\n")
    );
}
