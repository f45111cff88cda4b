//! A table of broken and hostile files, each with the exact error or data issue it must give.

// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use pantau_pbj::format::{parse, Expected, Issues, LoadError, Problem};

const META: &str = r#""meta": {"title": "T", "publisher": "P", "license": "CC BY 4.0", "as_of": "2024-07-21",
    "period": {"start": "2024-01-01", "end": "2024-12-31"}, "fiscal_year": 2024, "currency": "IDR"}"#;

fn with_spending(monthly: &str) -> String {
    format!(
        r#"{{"format": "pantau-pbj", "version": 1, {META}, "spending": {{"stage": "realisasi", "monthly": [{monthly}]}}}}"#
    )
}

#[test]
fn files_that_cannot_be_used_say_why() {
    let cases: Vec<(String, LoadError)> = vec![
        (
            "<!doctype html><title>404</title>".into(),
            LoadError::NotAFile,
        ),
        ("".into(), LoadError::NotJson { line: 1, column: 0 }),
        (
            "{\"format\": \"pantau-pbj\", \"version\": 1,".into(),
            LoadError::NotJson {
                line: 1,
                column: 38,
            },
        ),
        ("[1, 2, 3]".into(), LoadError::NotPantau),
        ("{\"hello\": \"world\"}".into(), LoadError::NotPantau),
        (
            "{\"format\": \"pantau-pbj\", \"version\": 2}".into(),
            LoadError::UnsupportedVersion("2".into()),
        ),
        (
            "{\"format\": \"pantau-pbj\", \"version\": \"1.0\"}".into(),
            LoadError::UnsupportedVersion("1.0".into()),
        ),
        (
            format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
            LoadError::NotJson {
                line: 1,
                column: 128,
            },
        ),
        (
            "\u{0}\u{1}\u{2}binary".into(),
            LoadError::NotJson { line: 1, column: 1 },
        ),
        (
            format!(r#"{{"format": "pantau-pbj", "version": 1, {META}}}"#),
            LoadError::NoData(Issues::new()),
        ),
    ];
    for (file, expected) in cases {
        assert_eq!(parse(file.as_bytes()).err(), Some(expected), "{file:.60}");
    }
}

#[test]
fn deep_nesting_stops_at_the_recursion_limit_without_overflowing_the_stack() {
    let file = format!(
        r#"{{"format": "pantau-pbj", "version": 1, "meta": {}{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(matches!(
        parse(file.as_bytes()),
        Err(LoadError::NotJson { line: 1, .. })
    ));
}

#[test]
fn a_number_beyond_f64_is_a_json_error_not_infinity() {
    let file = with_spending(r#"{"month": "2024-01", "amount": 1e400}"#);
    assert!(matches!(
        parse(file.as_bytes()),
        Err(LoadError::NotJson { .. })
    ));
}

#[test]
fn missing_metadata_is_listed_field_by_field() {
    let file = r#"{"format": "pantau-pbj", "version": 1, "meta": {"title": "", "as_of": "2024-02-30", "currency": "rupiah"}}"#;
    let Err(LoadError::InvalidMeta(issues)) = parse(file.as_bytes()) else {
        panic!("invalid meta expected")
    };
    let paths: Vec<(&str, &Problem)> = issues
        .iter()
        .map(|issue| (issue.path.as_str(), &issue.problem))
        .collect();
    assert_eq!(
        paths,
        vec![
            ("meta.title", &Problem::Missing),
            ("meta.publisher", &Problem::Missing),
            ("meta.license", &Problem::Missing),
            ("meta.as_of", &Problem::WrongType(Expected::Date)),
            ("meta.fiscal_year", &Problem::Missing),
            ("meta.currency", &Problem::WrongType(Expected::Currency)),
            ("meta.period", &Problem::Missing),
        ]
    );
}

#[test]
fn bad_entries_are_skipped_with_their_path_and_good_ones_kept() {
    let monthly = r#"
        {"month": "2024-01", "amount": 100},
        {"month": "2024-02", "amount": -5},
        {"month": "2024-03", "amount": "lots"},
        {"month": "2024-04", "amount": 2.5},
        {"month": "2023-12", "amount": 1},
        {"month": "2024-01", "amount": 7},
        {"month": "2024-13", "amount": 1},
        {"month": "2024-05", "amount": 99999999999999999999},
        {"month": "2024-06", "amount": null},
        {"month": "2024-07", "amount": 1, "illustrative": "yes"},
        {"month": "2024-08", "amount": 1, "source": "nowhere"},
        42,
        null
    "#;
    let loaded = parse(with_spending(monthly).as_bytes()).expect("usable");
    let kept: Vec<String> = loaded
        .dataset
        .spending
        .unwrap()
        .monthly
        .iter()
        .map(|m| format!("{}={}", m.month, m.amount))
        .collect();
    assert_eq!(kept, ["2024-01=100", "2024-04=3", "2024-07=1", "2024-08=1"]);
    let issues: Vec<(&str, &Problem)> = loaded
        .issues
        .iter()
        .map(|issue| (issue.path.as_str(), &issue.problem))
        .collect();
    let unknown_source = Problem::UnknownSource("nowhere".into());
    assert_eq!(
        issues,
        vec![
            ("spending.monthly[1].amount", &Problem::Negative),
            (
                "spending.monthly[2].amount",
                &Problem::WrongType(Expected::WholeNumber)
            ),
            ("spending.monthly[3].amount", &Problem::Rounded),
            ("spending.monthly[4].month", &Problem::OutsidePeriod),
            ("spending.monthly[5].month", &Problem::Duplicate),
            (
                "spending.monthly[6].month",
                &Problem::WrongType(Expected::Month)
            ),
            ("spending.monthly[7].amount", &Problem::TooLarge),
            ("spending.monthly[8].amount", &Problem::Missing),
            (
                "spending.monthly[9].illustrative",
                &Problem::WrongType(Expected::Boolean)
            ),
            ("spending.monthly[10].source", &unknown_source),
            (
                "spending.monthly[11]",
                &Problem::WrongType(Expected::Object)
            ),
            ("spending.monthly[12]", &Problem::Missing),
        ]
    );
}

#[test]
fn hostile_labels_are_kept_as_plain_text() {
    let file = format!(
        r#"{{"format": "pantau-pbj", "version": 1, {META}, "targets": [{{"id": "x", "label": "<img src=x onerror=alert(1)>\u202e", "start": "2024-01-01", "target": 10, "deadline": "2024-12-31", "achieved": 1, "as_of": "2024-03-01"}}]}}"#
    );
    let loaded = parse(file.as_bytes()).expect("usable");
    assert_eq!(
        loaded.dataset.targets[0].label,
        "<img src=x onerror=alert(1)>"
    );
}

#[test]
fn a_byte_order_mark_and_unknown_fields_are_accepted() {
    let file = format!(
        "\u{feff}{}",
        with_spending(r#"{"month": "2024-01", "amount": 1, "publisher_extension": {"a": [1]}}"#)
    );
    assert!(parse(file.as_bytes()).is_ok());
}

#[test]
fn impossible_targets_and_shares_are_refused() {
    let file = format!(
        r#"{{"format": "pantau-pbj", "version": 1, {META},
        "local_content": {{"stage": "realisasi", "total": {{"amount": 10}}, "pdn": {{"amount": 11}}, "umkk": {{"amount": 1}}}},
        "targets": [
          {{"id": "a", "label": "A", "start": "2024-06-01", "target": 10, "deadline": "2024-01-01", "achieved": 1, "as_of": "2024-06-02"}},
          {{"id": "b", "label": "B", "baseline": 10, "start": "2024-01-01", "target": 10, "deadline": "2024-12-31", "achieved": 1, "as_of": "2024-06-02"}},
          {{"id": "c", "label": "C", "start": "2024-01-01", "target": 10, "deadline": "2024-12-31", "achieved": 1, "as_of": "2024-06-02"}}
        ]}}"#
    );
    let loaded = parse(file.as_bytes()).expect("target c is usable");
    assert_eq!(loaded.dataset.targets.len(), 1);
    assert!(loaded.dataset.local_content.is_none());
    let problems: Vec<&Problem> = loaded.issues.iter().map(|issue| &issue.problem).collect();
    assert_eq!(
        problems,
        vec![
            &Problem::PartExceedsTotal,
            &Problem::DateOrder,
            &Problem::TargetNotAboveBaseline
        ]
    );
}
