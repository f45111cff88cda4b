//! `pantau check FILE…`: each file read exactly as the widget reads it; its data issues (place and
//! reason, the first hundred, then how many more) and a one-line summary, or with
//! `--format json` one document for CI (docs/check.schema.json). Exit 0 when every file is
//! clean, 1 when some has issues but charts, 2 when some cannot be used.

use super::cli::{exit, CheckArgs, CheckFormat};
use super::failure::Failure;
use super::input::{gunzip, load, Input};
use pantau_pbj::format::{DataIssue, Issues, LoadError, Loaded, Problem};
use pantau_pbj::i18n::{describe_issue, describe_load_error, format_count, Lang, Text};
use pantau_pbj::views::{panels, View};
use serde_json::{json, Value};

/// Checks every file; the exit code of the worst.
pub fn run(arguments: &CheckArgs) -> Result<u8, Failure> {
    let lang = arguments.lang.lang();
    let inputs = Input::all(&arguments.files)?;
    let mut worst = exit::CLEAN;
    let mut files = Vec::new();
    for input in &inputs {
        let checked = check(input, lang);
        worst = worst.max(checked.code());
        match arguments.format {
            CheckFormat::Text => checked.print(lang),
            CheckFormat::Json => files.push(checked.json(lang)),
        }
    }
    if arguments.format == CheckFormat::Json {
        let document = json!({
            "tool": "pantau",
            "version": env!("CARGO_PKG_VERSION"),
            "lang": lang.tag(),
            "exit_code": worst,
            "files": files,
        });
        let text = serde_json::to_string_pretty(&document)
            .map_err(|error| Failure::unusable(format!("JSON: {error}")))?;
        println!("{text}");
    }
    Ok(worst)
}

/// What became of one input.
enum Checked {
    /// It could not be read at all.
    Unreadable { input: Input, reason: String },
    /// The widget refuses it.
    Refused { input: Input, error: LoadError },
    /// The widget reads it: its issues and how many charts its views draw.
    Read {
        input: Input,
        loaded: Box<Loaded>,
        charts: usize,
    },
}

fn check(input: &Input, lang: Lang) -> Checked {
    let bytes = match input
        .raw()
        .and_then(|raw| gunzip(&raw, &input.shown()).map(|bytes| bytes.into_owned()))
    {
        Ok(bytes) => bytes,
        Err(failure) => {
            return Checked::Unreadable {
                input: input.clone(),
                reason: failure.what,
            }
        }
    };
    match load(&input.name(), &bytes) {
        Err(error) => Checked::Refused {
            input: input.clone(),
            error,
        },
        Ok(loaded) => {
            let narrowed =
                pantau_pbj::analysis::filter::apply(&loaded.dataset, &Default::default());
            let charts = View::ALL
                .iter()
                .map(|view| panels(&narrowed, *view, lang, false).len())
                .sum();
            Checked::Read {
                input: input.clone(),
                loaded: Box::new(loaded),
                charts,
            }
        }
    }
}

impl Checked {
    /// 0 clean, 1 issues, 2 unusable (a file with no chart is unusable).
    fn code(&self) -> u8 {
        match self {
            Checked::Unreadable { .. } | Checked::Refused { .. } => exit::UNUSABLE,
            Checked::Read { charts: 0, .. } => exit::UNUSABLE,
            Checked::Read { loaded, .. } if loaded.issues.count() > 0 => exit::ISSUES,
            Checked::Read { .. } => exit::CLEAN,
        }
    }

    /// The widget's words for why the file cannot be used, if it cannot.
    fn unusable(&self, lang: Lang) -> Option<String> {
        match self {
            Checked::Unreadable { reason, .. } => Some(reason.clone()),
            Checked::Refused { error, .. } => Some(describe_load_error(error, lang)),
            Checked::Read { .. } => None,
        }
    }

    fn input(&self) -> &Input {
        match self {
            Checked::Unreadable { input, .. }
            | Checked::Refused { input, .. }
            | Checked::Read { input, .. } => input,
        }
    }

    /// The issues listed and counted (none for an unreadable file).
    fn issues(&self) -> Option<&Issues> {
        match self {
            Checked::Unreadable { .. } => None,
            Checked::Refused { error, .. } => error.issues(),
            Checked::Read { loaded, .. } => Some(&loaded.issues),
        }
    }

    /// Text: every issue the widget lists, then how many more, then the summary line.
    fn print(&self, lang: Lang) {
        let file = self.input().shown();
        if let Some(reason) = self.unusable(lang) {
            println!(
                "{}",
                Text::CliUnusable.fill(lang, &[("file", &file), ("reason", &reason)])
            );
            return;
        }
        let Checked::Read { loaded, charts, .. } = self else {
            return;
        };
        for issue in loaded.issues.iter() {
            println!("{file}: {}", describe_issue(issue, lang));
        }
        if loaded.issues.truncated() {
            let more = loaded.issues.count() - loaded.issues.len();
            let more = format_count(more as i64, lang);
            println!("{file}: {}", Text::AndMore.fill(lang, &[("count", &more)]));
        }
        let count = |value: usize| format_count(value as i64, lang);
        let summary = Text::CliSummary.fill(
            lang,
            &[
                ("file", &file),
                ("title", &loaded.dataset.meta.title),
                ("packages", &count(loaded.dataset.packages.len())),
                ("charts", &count(*charts)),
                ("issues", &count(loaded.issues.count())),
            ],
        );
        println!("{summary}");
    }

    /// JSON: the file's status, summary, issues and error (docs/check.schema.json).
    fn json(&self, lang: Lang) -> Value {
        let code = self.code();
        let status = match code {
            exit::CLEAN => "clean",
            exit::ISSUES => "issues",
            _ => "unusable",
        };
        let issues = self.issues();
        let listed: Vec<Value> = issues
            .map(|issues| issues.iter().map(|issue| issue_json(issue, lang)).collect())
            .unwrap_or_default();
        let error = match self {
            Checked::Unreadable { reason, .. } => {
                json!({"code": "unreadable", "message": reason})
            }
            Checked::Refused { error, .. } => {
                json!({"code": error.code(), "message": describe_load_error(error, lang)})
            }
            Checked::Read { charts: 0, .. } => {
                json!({"code": "no-chart", "message": Text::NoData.get(lang)})
            }
            Checked::Read { .. } => Value::Null,
        };
        let (title, packages, charts) = match self {
            Checked::Read { loaded, charts, .. } => (
                json!(loaded.dataset.meta.title),
                json!(loaded.dataset.packages.len()),
                json!(charts),
            ),
            _ => (Value::Null, Value::Null, Value::Null),
        };
        json!({
            "file": self.input().shown(),
            "status": status,
            "exit_code": code,
            "title": title,
            "packages": packages,
            "charts": charts,
            "issue_count": issues.map_or(0, |issues| issues.count()),
            "issues": listed,
            "error": error,
        })
    }
}

/// One issue as the widget lists it, with its stable code, place and value.
fn issue_json(issue: &DataIssue, lang: Lang) -> Value {
    let (line, column) = match issue.line_and_column() {
        Some((line, column)) => (json!(line), json!(column)),
        None => (Value::Null, Value::Null),
    };
    json!({
        "code": issue.problem.code(),
        "path": issue.path,
        "line": line,
        "column": column,
        "value": issue.problem.value(),
        "expected": match &issue.problem {
            Problem::WrongType(expected) => Some(expected.code()),
            _ => None,
        },
        "kept": issue.value_kept(),
        "message": describe_issue(issue, lang),
    })
}
