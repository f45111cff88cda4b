//! No two modules of `src/` use each other, directly or around a circle: each depends only on
//! modules that do not depend on it, so that each can be read (and tested) after what it uses.
//! A module is a file; `crate::a::b` and `super::b` paths name the file they reach. A module's
//! use of its own children (which it declares with `mod`, as their facade) is not counted.

// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each module's path (`app::fetch`), from the files below `folder`.
fn modules(folder: &Path, prefix: &str, found: &mut BTreeMap<String, String>) {
    let entries = std::fs::read_dir(folder).unwrap_or_else(|error| panic!("{folder:?}: {error}"));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        let stem = path
            .file_stem()
            .and_then(|stem| stem.to_str())
            .unwrap_or_default();
        let name = match prefix.is_empty() {
            true => stem.to_owned(),
            false => format!("{prefix}::{stem}"),
        };
        if path.is_dir() {
            if stem != "bin" {
                modules(&path, &name, found);
            }
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            let module = match stem {
                "mod" => prefix.to_owned(),
                "lib" | "main" => continue,
                _ => name,
            };
            let text = std::fs::read_to_string(&path).expect("a source file");
            found.insert(module, text);
        }
    }
}

/// The longest module that `path` (`app::fetch::mark`) starts with.
fn module_of(path: &str, known: &BTreeMap<String, String>) -> Option<String> {
    let parts: Vec<&str> = path.split("::").collect();
    (1..=parts.len())
        .rev()
        .map(|length| parts[..length].join("::"))
        .find(|candidate| known.contains_key(candidate))
}

/// The modules `module`'s code refers to (`crate::…` and `super::…` paths; not its own
/// children declared with `mod`, nor a child's name used below it).
fn uses(module: &str, text: &str, known: &BTreeMap<String, String>) -> BTreeSet<String> {
    let parent = module.rsplit_once("::").map_or("", |(parent, _)| parent);
    let mut used = BTreeSet::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with("//") {
            continue;
        }
        for (marker, base) in [("crate::", ""), ("super::", parent)] {
            let mut rest = line;
            while let Some(at) = rest.find(marker) {
                let after = &rest[at + marker.len()..];
                let path: String = after
                    .chars()
                    .take_while(|character| {
                        character.is_alphanumeric() || *character == '_' || *character == ':'
                    })
                    .collect();
                let full = match base.is_empty() {
                    true => path.trim_end_matches(':').to_owned(),
                    false => format!("{base}::{}", path.trim_end_matches(':')),
                };
                if let Some(target) = module_of(&full, known) {
                    let is_self_or_child =
                        target == module || target.starts_with(&format!("{module}::"));
                    if !is_self_or_child {
                        used.insert(target);
                    }
                }
                rest = after;
            }
        }
    }
    used
}

#[test]
fn modules_use_each_other_in_one_direction_only() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut known = BTreeMap::new();
    modules(&source, "", &mut known);
    assert!(known.len() > 40, "{} modules", known.len());
    let graph: BTreeMap<&str, BTreeSet<String>> = known
        .iter()
        .map(|(module, text)| (module.as_str(), uses(module, text, &known)))
        .collect();
    // Depth-first search for a way back to a module on the current path.
    fn visit<'a>(
        module: &'a str,
        graph: &'a BTreeMap<&str, BTreeSet<String>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|on_path| *on_path == module) {
            let mut circle: Vec<String> =
                path[start..].iter().map(|step| step.to_string()).collect();
            circle.push(module.to_owned());
            return Some(circle);
        }
        if !done.insert(module) {
            return None;
        }
        path.push(module);
        for next in graph.get(module).into_iter().flatten() {
            if let Some(circle) = visit(next, graph, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for module in graph.keys() {
        let circle = visit(module, &graph, &mut Vec::new(), &mut done);
        assert!(
            circle.is_none(),
            "modules in a circle: {}",
            circle.unwrap_or_default().join(" -> ")
        );
    }
}

/// The data-flow picture of docs/architecture.md names real files: every `src/…`, `embed/…` or
/// `.ci/…` path it names exists, and every module of `src/` is named there (a new file is
/// placed in the picture, or this fails).
#[test]
fn the_data_flow_picture_names_every_module_and_only_real_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("docs/architecture.md")).expect("the doc");
    let start = text.find("## The data flow").expect("the section");
    let section = &text[start..];
    let picture = section
        .split("```text")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the picture");
    let named: BTreeSet<String> = picture
        .split_whitespace()
        .filter(|word| {
            ["src/", "embed/", ".ci/"]
                .iter()
                .any(|prefix| word.starts_with(prefix))
        })
        .map(|word| word.trim_end_matches([',', ')', ':']).to_owned())
        .collect();
    for path in &named {
        assert!(
            root.join(path).is_file(),
            "the picture names {path}, which does not exist"
        );
    }
    fn files(folder: &Path, root: &Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(folder).expect("a folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                files(&path, root, found);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                let relative = path.strip_prefix(root).expect("below the root");
                found.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut sources = Vec::new();
    files(&root.join("src"), root, &mut sources);
    // The library's root and the binaries are the ends of the picture, not steps in it; the
    // tool's own modules are described in docs/publishing.md.
    let ends = ["src/lib.rs", "src/main.rs", "src/bin/pantau-ingest.rs"];
    let missing: Vec<&String> = sources
        .iter()
        .filter(|path| !ends.contains(&path.as_str()) && !path.starts_with("src/bin/pantau/"))
        .filter(|path| !named.contains(*path))
        .collect();
    assert!(
        missing.is_empty(),
        "not in the data-flow picture: {missing:?}"
    );
}
