//! Properties that hold for any packages and any OCDS releases: breakdowns add up to their
//! totals, shares stay within [0, 1], and an OCDS file means the same whatever the order or
//! repetition of its releases; a cell reads the same by the quick and the general way; the
//! filter choices are exactly what the packages hold.

// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]
#![cfg(not(target_arch = "wasm32"))]

use pantau_pbj::analysis::filter::{apply, Filter};
use pantau_pbj::ingest::{read, Source};
use pantau_pbj::model::{
    Code, Currency, Dataset, Meta, Method, Package, ProcurementType, Provenance, Rupiah,
    StageAmounts, YearMonth,
};
use proptest::prelude::*;

fn meta() -> Meta {
    let day = |text| pantau_pbj::model::CivilDate::parse(text).expect("date");
    Meta {
        title: "T".into(),
        publisher: "P".into(),
        source_url: None,
        license: "CC0".into(),
        as_of: day("2024-12-31"),
        period: (day("2024-01-01"), day("2024-12-31")),
        fiscal_year: 2024,
        currency: Currency::idr(),
        illustrative: false,
        summary_rows: false,
        year_assumed: false,
        partial: false,
        region: None,
        notes: None,
        sources: Default::default(),
    }
}

prop_compose! {
    fn package()(
        unit in 0..4usize, method in 0..Method::ALL.len(), kind in 0..ProcurementType::ALL.len(),
        month in 1..=12u8, realised in 0..1_000_000_000_000i64, planned in proptest::option::of(0..2_000_000_000_000i64),
        pdn in any::<bool>(), umkk in proptest::option::of(any::<bool>()), count in 1..5u64,
    ) -> Package {
        Package {
            id: None,
            name: None,
            unit: Some(format!("Unit {unit}")),
            region: Some(format!("Region {}", unit % 2)),
            government: Some(format!("Kabupaten {}", unit % 3)),
            method: Some(Method::ALL[method]),
            kind: Some(ProcurementType::ALL[kind]),
            fiscal_year: 2024,
            month: YearMonth::parse(&format!("2024-{month:02}")),
            date: None,
            selection_day: None,
            amounts: StageAmounts { rencana: planned.map(Rupiah), komitmen: None, realisasi: Some(Rupiah(realised)) },
            pdn: Some(pdn),
            umkk,
            local_values: None,
            non_ukm_reason: None,
            tenderers: None,
            tender: None,
            count,
            provenance: Provenance::default(),
        }
    }
}

fn total(rows: impl Iterator<Item = Rupiah>) -> Option<Rupiah> {
    Rupiah::checked_sum(rows)
}

proptest! {
    #[test]
    fn breakdowns_sum_to_totals_and_shares_stay_within_bounds(packages in proptest::collection::vec(package(), 1..60)) {
        let expected = total(packages.iter().filter_map(|package| package.amounts.realisasi));
        let dataset = Dataset { meta: meta(), spending: None, local_content: None, targets: Default::default(), packages, oversight: None };
        let narrowed = apply(&dataset, &Filter::default());
        let spending = narrowed.spending.expect("spending");
        prop_assert_eq!(total(spending.by_method.iter().map(|row| row.amount)), expected);
        prop_assert_eq!(total(spending.by_type.iter().map(|row| row.amount)), expected);
        prop_assert_eq!(total(spending.by_unit.iter().map(|row| row.amount)), expected);
        prop_assert_eq!(total(spending.by_region.iter().map(|row| row.amount)), expected);
        prop_assert_eq!(total(spending.monthly.iter().map(|row| row.amount)), expected);
        if let Some(content) = narrowed.local_content {
            prop_assert!(content.pdn.value <= content.total.value && content.umkk.value <= content.total.value);
            for unit in &content.by_unit {
                prop_assert!(unit.pdn <= unit.total && unit.umkk <= unit.total);
            }
        }
        if let Some((small, known)) = spending.suppliers.small {
            prop_assert!(small <= known);
        }
        for view in pantau_pbj::views::View::ALL {
            for panel in pantau_pbj::views::panels(&apply(&dataset, &Filter::default()), view, pantau_pbj::i18n::Lang::Id, false) {
                if let pantau_pbj::chart::spec::ChartSpec::Bars(bars) = &panel.chart {
                    for row in &bars.rows {
                        prop_assert!(row.value.is_finite() && row.value >= 0.0);
                        if bars.max == Some(1.0) {
                            prop_assert!(row.value <= 1.0, "{} {}", panel.id, row.value);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn an_ocds_file_means_the_same_whatever_the_order_or_repetition_of_its_releases(
        releases in proptest::collection::vec((0..5usize, 1..28u8, 0..1_000_000u32, proptest::option::of(1..4u64)), 1..20),
        order in proptest::collection::vec(any::<proptest::sample::Index>(), 0..40),
    ) {
        let texts: Vec<String> = releases
            .iter()
            .map(|(ocid, day, amount, tenderers)| {
                let tenderers = tenderers.map(|count| format!(r#", "numberOfTenderers": {count}"#)).unwrap_or_default();
                format!(
                    r#"{{"ocid": "ocds-{ocid}", "id": "r-{ocid}-{day}-{amount}", "date": "2024-05-{day:02}T00:00:00Z",
                    "buyer": {{"name": "Buyer {ocid}"}}, "tender": {{"value": {{"amount": {amount}, "currency": "IDR"}}{tenderers}}}}}"#
                )
            })
            .collect();
        let read_lines = |lines: &[String]| {
            let loaded = read(Source { bytes: lines.join("\n").into_bytes().into(), content_type: None, format: None, address: "x", current_year: 2024 })
                .expect("reads");
            let mut packages = loaded.dataset.packages;
            packages.sort_by(|a, b| a.id.cmp(&b.id));
            packages
        };
        let baseline = read_lines(&texts);
        // Shuffled, with some releases repeated: the same processes, the same amounts.
        let mut shuffled = texts.clone();
        for index in &order {
            let from = index.index(texts.len());
            shuffled.insert(index.index(shuffled.len() + 1), texts[from].clone());
        }
        shuffled.reverse();
        let ocids = { let mut ids: Vec<usize> = releases.iter().map(|release| release.0).collect(); ids.sort_unstable(); ids.dedup(); ids.len() };
        prop_assert_eq!(baseline.len(), ocids);
        prop_assert_eq!(read_lines(&shuffled), baseline);
    }

    /// The quick ways through a money or date cell (digits and marks only; a 10-character
    /// date) read exactly what the general way reads.
    #[test]
    fn cells_read_the_same_by_the_quick_and_the_general_way(
        money in "[0-9][0-9.,]{0,24}",
        date in prop_oneof![
            "[0-9]{2}[./-][0-9]{2}[./-][0-9]{4}",
            "[0-9]{4}[./-][0-9]{2}[./-][0-9]{2}",
            "[0-9./-]{10}",
        ],
    ) {
        use pantau_pbj::ingest::cells;
        // A leading space, or a time after the date, takes the general way.
        prop_assert_eq!(cells::money(&money), cells::money(&format!(" {money}")));
        prop_assert_eq!(cells::month(&date), cells::month(&format!("{date}T08:00")));
    }

    /// Text as every reader keeps it: no invisible or control character is left, cleaning
    /// twice changes nothing, and text encoded twice (its UTF-8 read as Windows-1252 or
    /// Latin-1) comes back as the text itself.
    #[test]
    fn text_is_cleaned_once_for_all_and_text_encoded_twice_comes_back(
        text in "[a-zA-Z0-9 ,.()/éüñÉ–—’“”€…\u{200B}\u{200C}\u{200D}\u{2060}\u{2062}\u{FEFF}\u{00AD}\u{202E}\u{2066}\t\n\u{7}]{0,60}",
        word in "[a-zA-Z ]{0,10}[éüñÉ–—’“”€…][a-zA-Z0-9 éüñ–—’“”€…]{0,30}",
        latin1 in any::<bool>(),
    ) {
        use pantau_pbj::format::{clean_text, is_format_character};
        let cleaned = clean_text(&text);
        prop_assert!(cleaned.chars().all(|character| !is_format_character(character) && !character.is_control()), "{:?}", cleaned);
        prop_assert!(!cleaned.starts_with(' ') && !cleaned.ends_with(' ') && !cleaned.contains("  "));
        prop_assert_eq!(clean_text(&cleaned), cleaned.clone());
        // The same word's UTF-8 bytes, each read as a Windows-1252 (or Latin-1) character.
        const HIGH: [char; 32] = [
            '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
            '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
            'ž', 'Ÿ',
        ];
        let twice: String = word
            .bytes()
            .map(|byte| match (byte, latin1) {
                (0x80..=0x9F, false) => HIGH[usize::from(byte - 0x80)],
                _ => char::from(byte),
            })
            .collect();
        prop_assert_eq!(clean_text(&twice), clean_text(&word));
    }

    /// The filter choices are exactly what the packages hold, in their fixed orders.
    #[test]
    fn filter_choices_are_what_the_packages_hold(
        packages in proptest::collection::vec((package(), 2022..2026i32, any::<bool>(), any::<bool>(), any::<bool>()), 1..40),
    ) {
        use pantau_pbj::analysis::filter::options;
        use pantau_pbj::model::{Code, Stage};
        let packages: Vec<Package> = packages
            .into_iter()
            .map(|(mut package, year, no_method, no_unit, no_realised)| {
                package.fiscal_year = year;
                if no_method { package.method = None; package.kind = None; }
                if no_unit { package.unit = None; package.region = None; }
                if no_realised { package.amounts.realisasi = None; }
                package
            })
            .collect();
        let dataset = Dataset { meta: meta(), spending: None, local_content: None, targets: Default::default(), packages: packages.clone(), oversight: None };
        let choices = options(&dataset);
        let mut years: Vec<i32> = packages.iter().map(|package| package.fiscal_year).collect();
        years.sort_unstable();
        years.dedup();
        let names = |name: fn(&Package) -> Option<&String>| {
            let mut names: Vec<String> = packages.iter().filter_map(|package| name(package).cloned()).collect();
            names.sort_unstable();
            names.dedup();
            names
        };
        prop_assert_eq!(choices.years, years);
        prop_assert_eq!(choices.units, names(|package| package.unit.as_ref()));
        prop_assert_eq!(choices.regions, names(|package| package.region.as_ref()));
        let methods: Vec<Method> = Method::ALL.iter().copied().filter(|method| packages.iter().any(|package| package.method == Some(*method))).collect();
        prop_assert_eq!(choices.methods, methods);
        let kinds: Vec<ProcurementType> = ProcurementType::ALL.iter().copied().filter(|kind| packages.iter().any(|package| package.kind == Some(*kind))).collect();
        prop_assert_eq!(choices.kinds, kinds);
        let stages: Vec<Stage> = Stage::ALL.iter().copied().filter(|stage| packages.iter().any(|package| package.amounts.at(*stage).is_some())).collect();
        prop_assert_eq!(choices.stages, stages);
    }
}
