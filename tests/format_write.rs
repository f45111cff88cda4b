//! Format v1 written and read back: whatever package and metadata the library writes
//! (`format::write`), the reader (`format::parse`) reads back as the same values, with no data
//! issue. The field names live in the writer and the reader only, and this keeps them agreeing.

// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]
#![cfg(not(target_arch = "wasm32"))]

use pantau_pbj::format::{parse, write};
use pantau_pbj::model::{
    CivilDate, Code, Currency, Meta, Method, Package, ProcurementType, Provenance, Region, Rupiah,
    Source, StageAmounts, TenderFacts, TenderStatus, YearMonth,
};
use proptest::prelude::*;

/// Text as the reader keeps it (already clean: words and single spaces, some not ASCII).
fn text() -> impl Strategy<Value = String> {
    "[A-Za-zÀ-ÿ0-9<>&\"'/.]{1,8}( [A-Za-zé0-9]{1,6}){0,2}"
}

prop_compose! {
    fn package()(
        fiscal_year in 2016..2030i32,
        texts in proptest::collection::vec(proptest::option::of(text()), 5),
        method in proptest::option::of(0..Method::ALL.len()),
        kind in proptest::option::of(0..ProcurementType::ALL.len()),
        month in proptest::option::of((0..=1i32, 1..=12u8)),
        date in proptest::option::of((0..=1i32, 1..=12u8, 1..=28u8)),
        selection in proptest::option::of((-1..=1i32, 1..=12u8, 1..=28u8)),
        amounts in (proptest::option::of(0..i64::MAX / 4), proptest::option::of(0..i64::MAX / 4), 0..i64::MAX / 4, 0..3usize),
        flags in (proptest::option::of(any::<bool>()), proptest::option::of(any::<bool>())),
        count in 1..10_000u64,
        tenderers in proptest::option::of(0..500u64),
        tender in proptest::option::of((proptest::option::of(0..i64::MAX / 4), proptest::option::of(0..3usize), proptest::option::of(text()))),
        reason in proptest::option::of(text()),
        provenance in (any::<bool>(), proptest::option::of("[a-z]{1,6}")),
    ) -> Package {
        let (rencana, komitmen, realisasi, which) = amounts;
        // At least one stage has an amount (an entry without any is skipped, as it should be).
        let mut stages = [rencana, komitmen, None];
        // A day gives its month where no month is said (so the model never has one without the
        // other).
        let date = date.and_then(|(later, month, day)| CivilDate::new(fiscal_year + later, month, day));
        let month = month
            .and_then(|(later, month)| YearMonth::new(fiscal_year + later, month))
            .or_else(|| date.and_then(|day| YearMonth::new(day.year(), day.month())));
        stages[which] = Some(stages[which].unwrap_or(realisasi));
        Package {
            id: texts[0].clone(),
            name: texts[1].clone(),
            unit: texts[2].clone(),
            region: texts[3].clone(),
            government: texts[4].clone(),
            method: method.map(|index| Method::ALL[index]),
            kind: kind.map(|index| ProcurementType::ALL[index]),
            fiscal_year,
            month,
            date,
            selection_day: selection.and_then(|(shift, month, day)| CivilDate::new(fiscal_year + shift, month, day)),
            amounts: StageAmounts {
                rencana: stages[0].map(Rupiah),
                komitmen: stages[1].map(Rupiah),
                realisasi: stages[2].map(Rupiah),
            },
            pdn: flags.0,
            umkk: flags.1,
            local_values: None,
            non_ukm_reason: reason.map(String::into_boxed_str),
            tenderers,
            tender: tender.and_then(|(hps, status, supplier)| {
                TenderFacts::of(
                    hps.map(Rupiah),
                    status.map(|index| TenderStatus::ALL[index]),
                    supplier.map(String::into_boxed_str),
                )
            }),
            count,
            provenance: Provenance { illustrative: provenance.0, source: provenance.1 },
        }
    }
}

prop_compose! {
    fn meta()(
        title in text(),
        publisher in proptest::option::of(text()),
        url in proptest::option::of("https://[a-z]{1,8}\\.go\\.id/[a-z]{0,8}"),
        fiscal_year in 2016..2030i32,
        as_of in (1..=12u8, 1..=28u8),
        illustrative in any::<bool>(),
        notes in proptest::option::of(text()),
        region in proptest::option::of(("[0-9]{2}", text())),
    ) -> Meta {
        let day = |month, day| CivilDate::new(fiscal_year, month, day).expect("a day");
        Meta {
            title,
            publisher: publisher.unwrap_or_else(|| "(tidak disebutkan / not stated)".into()),
            source_url: url,
            license: "CC-BY-4.0".into(),
            as_of: day(as_of.0, as_of.1),
            period: (day(1, 1), day(12, 31)),
            fiscal_year,
            currency: Currency::idr(),
            illustrative,
            summary_rows: false,
            year_assumed: false,
            partial: false,
            region: region.map(|(code, name)| Region { code, name }),
            notes,
            sources: Default::default(),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn what_is_written_reads_back_the_same(meta in meta(), packages in proptest::collection::vec(package(), 1..20)) {
        // The sources the packages cite, listed in the metadata (the reader drops a citation of
        // a source it does not list).
        let mut meta = meta;
        let mut cited: Vec<String> = packages.iter().filter_map(|package| package.provenance.source.clone()).collect();
        cited.sort();
        cited.dedup();
        meta.sources = cited
            .into_iter()
            .enumerate()
            .map(|(index, id)| Source {
                title: format!("Sumber {id}"),
                url: (index % 2 == 0).then(|| format!("https://example.go.id/{id}")),
                id,
            })
            .collect();
        // Each package in its own fiscal year's file: the reader keeps months and days near it.
        let entries = packages.iter().map(write::package).collect();
        let document = write::document(write::meta(&meta), entries);
        let bytes = serde_json::to_vec(&document).expect("JSON");
        let loaded = parse(&bytes).expect("reads");
        let issues: Vec<_> = loaded.issues.iter().map(|issue| (issue.path.clone(), issue.problem.clone())).collect();
        prop_assert!(issues.is_empty(), "{:?}", issues);
        prop_assert_eq!(&loaded.dataset.packages, &packages);
        let read = &loaded.dataset.meta;
        prop_assert_eq!(&read.title, &meta.title);
        prop_assert_eq!(&read.publisher, &meta.publisher);
        prop_assert_eq!(&read.source_url, &meta.source_url);
        prop_assert_eq!(read.as_of, meta.as_of);
        prop_assert_eq!(read.period, meta.period);
        prop_assert_eq!(read.fiscal_year, meta.fiscal_year);
        prop_assert_eq!(read.illustrative, meta.illustrative);
        prop_assert_eq!(&read.notes, &meta.notes);
        prop_assert_eq!(&read.region, &meta.region);
        prop_assert_eq!(&read.sources, &meta.sources);
    }
}
