//! `pantau check FILE…`: each file read exactly as the widget reads it; its data issues (place and
//! reason, the first hundred, then how many more) and a one-line summary. Exit 0 when every file
//! is clean, 1 when some has issues but charts, 2 when some cannot be used.

use super::{input, Arguments};
use pantau_pbj::i18n::{describe_issue, describe_load_error, format_count, Lang, Text};
use pantau_pbj::views::{panels, View};

/// Checks every file; the exit code of the worst.
pub fn run(arguments: &Arguments) -> Result<u8, String> {
    let lang = arguments.lang()?;
    if arguments.files.is_empty() {
        return Err("check needs at least one file".to_owned());
    }
    let mut worst = 0;
    for path in &arguments.files {
        let code = check(path, lang);
        worst = worst.max(code);
    }
    Ok(worst)
}

/// Prints what the widget would say of `path`; 0, 1 or 2.
fn check(path: &str, lang: Lang) -> u8 {
    let bytes = match input::bytes(path) {
        Ok(bytes) => bytes,
        Err(message) => {
            println!(
                "{}",
                Text::CliUnusable.fill(lang, &[("file", path), ("reason", &message)])
            );
            return 2;
        }
    };
    let loaded = match input::load(path, &bytes) {
        Ok(loaded) => loaded,
        Err(error) => {
            let reason = describe_load_error(&error, lang);
            println!(
                "{}",
                Text::CliUnusable.fill(lang, &[("file", path), ("reason", &reason)])
            );
            return 2;
        }
    };
    for issue in loaded.issues.iter() {
        println!("{path}: {}", describe_issue(issue, lang));
    }
    if loaded.issues.truncated() {
        let more = loaded.issues.count() - loaded.issues.len();
        let more = format_count(more as i64, lang);
        println!("{path}: {}", Text::AndMore.fill(lang, &[("count", &more)]));
    }
    let narrowed = pantau_pbj::analysis::filter::apply(&loaded.dataset, &Default::default());
    let charts: usize = View::ALL
        .iter()
        .map(|view| panels(&narrowed, *view, lang, false).len())
        .sum();
    let count = |value: usize| format_count(value as i64, lang);
    let summary = Text::CliSummary.fill(
        lang,
        &[
            ("file", path),
            ("title", &loaded.dataset.meta.title),
            ("packages", &count(loaded.dataset.packages.len())),
            ("charts", &count(charts)),
            ("issues", &count(loaded.issues.count())),
        ],
    );
    println!("{summary}");
    match (charts, loaded.issues.count()) {
        (0, _) => 2,
        (_, 0) => 0,
        _ => 1,
    }
}
