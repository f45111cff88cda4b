//! The oversight indicators (#16, #25) on small packages with exact counts and values: each rule
//! judged on the value and the day the regulation names (the estimate, else the pagu; the start
//! of selection, else the fiscal year where the threshold held all year), on both sides of every
//! date of effect and every ceiling; data without the needed fields; and the thresholds table
//! against docs/oversight.md.

// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use pantau_pbj::analysis::oversight::{
    above_ceiling, bunching, non_competitive, not_reserved, threshold, threshold_for, Bunching,
    JudgedOn, Missing, Rule, ValueUsed, THRESHOLDS,
};
use pantau_pbj::model::{
    CivilDate, Method, Package, ProcurementType, Provenance, Rupiah, StageAmounts, YearMonth,
};

const JUTA: i64 = 1_000_000;

struct P {
    id: &'static str,
    unit: &'static str,
    method: Option<Method>,
    kind: Option<ProcurementType>,
    rencana: Option<i64>,
    komitmen: Option<i64>,
    date: &'static str,
    umkk: Option<bool>,
    reason: Option<&'static str>,
}

const BASE: P = P {
    id: "",
    unit: "Dinas A",
    method: Some(Method::PengadaanLangsung),
    kind: Some(ProcurementType::Barang),
    rencana: None,
    komitmen: None,
    date: "2024-06-10",
    umkk: None,
    reason: None,
};

fn package(p: P) -> Package {
    Package {
        id: Some(p.id.to_owned()),
        name: Some(format!("Paket {}", p.id)),
        unit: Some(p.unit.to_owned()),
        region: None,
        government: None,
        method: p.method,
        kind: p.kind,
        fiscal_year: 2025,
        month: YearMonth::parse(p.date.get(..7).unwrap_or("")),
        // The day a test package gives is the day its selection started.
        date: CivilDate::parse(p.date),
        selection_day: CivilDate::parse(p.date),
        amounts: StageAmounts {
            rencana: p.rencana.map(Rupiah),
            komitmen: p.komitmen.map(Rupiah),
            realisasi: None,
        },
        pdn: None,
        umkk: p.umkk,
        local_values: None,
        non_ukm_reason: p.reason.map(Into::into),
        tenderers: None,
        tender: None,
        count: 1,
        provenance: Provenance::default(),
    }
}

fn ids(flagged: &[pantau_pbj::analysis::oversight::Flagged]) -> Vec<String> {
    flagged.iter().filter_map(|flag| flag.id.clone()).collect()
}

use ProcurementType::{Barang, JasaKonsultansi, PekerjaanKonstruksi};

#[test]
fn direct_purchases_above_their_ceiling_by_type_and_date() {
    let packages: Vec<Package> = vec![
        package(P {
            id: "goods-at",
            rencana: Some(200 * JUTA),
            ..BASE
        }),
        package(P {
            id: "goods-over",
            rencana: Some(200 * JUTA + 1),
            ..BASE
        }),
        package(P {
            id: "works-29-april",
            kind: Some(PekerjaanKonstruksi),
            rencana: Some(300 * JUTA),
            date: "2025-04-29",
            ..BASE
        }),
        package(P {
            id: "works-30-april",
            kind: Some(PekerjaanKonstruksi),
            rencana: Some(300 * JUTA),
            date: "2025-04-30",
            ..BASE
        }),
        package(P {
            id: "works-april-month",
            kind: Some(PekerjaanKonstruksi),
            rencana: Some(300 * JUTA),
            date: "2025-04",
            ..BASE
        }),
        package(P {
            id: "works-may-month",
            kind: Some(PekerjaanKonstruksi),
            rencana: Some(300 * JUTA),
            date: "2025-05",
            ..BASE
        }),
        package(P {
            id: "works-over-400",
            kind: Some(PekerjaanKonstruksi),
            rencana: Some(401 * JUTA),
            date: "2025-07-01",
            ..BASE
        }),
        package(P {
            id: "works-no-date",
            kind: Some(PekerjaanKonstruksi),
            rencana: Some(300 * JUTA),
            date: "",
            ..BASE
        }),
        package(P {
            id: "consultancy-over",
            kind: Some(JasaKonsultansi),
            rencana: Some(150 * JUTA),
            ..BASE
        }),
        package(P {
            id: "consultancy-contract-under",
            kind: Some(JasaKonsultansi),
            rencana: Some(150 * JUTA),
            komitmen: Some(90 * JUTA),
            ..BASE
        }),
        package(P {
            id: "tender",
            method: Some(Method::Tender),
            rencana: Some(900 * JUTA),
            ..BASE
        }),
    ];
    let refs: Vec<&Package> = packages.iter().collect();
    let found = above_ceiling(&refs).expect("computed");
    assert_eq!(
        ids(&found.flagged),
        vec![
            "goods-over",
            "works-29-april",
            "works-over-400",
            "consultancy-over",
            // Its contract (90 juta) is under the ceiling; its pagu (150 juta), which the
            // ceiling binds, is not.
            "consultancy-contract-under",
        ]
    );
    // Every direct purchase with a type, an estimate or pagu and a ceiling for its day: not the
    // construction packages of 2025 without a day (the ceiling changed that year), not the
    // tender.
    assert_eq!((found.judged, found.unjudged), (7, 3));
    let over_400 = &found.flagged[2];
    assert_eq!(over_400.used, ValueUsed::Planned);
    assert_eq!(
        over_400.threshold.map(|threshold| threshold.amount),
        Some(400 * JUTA)
    );
    assert_eq!(
        found.flagged[1].threshold.map(|threshold| threshold.amount),
        Some(200 * JUTA)
    );
    assert_eq!(
        found.flagged[1].judged_on,
        CivilDate::parse("2025-04-29").map(JudgedOn::Day)
    );
    assert_eq!(found.flagged[4].used, ValueUsed::Planned);
    assert_eq!(found.flagged[4].value, Rupiah(150 * JUTA));
}

/// The ceiling binds the estimate when selection starts: a package whose selection started on
/// 29 April 2025 is judged against Rp200 juta though its contract was signed in May, on its HPS
/// though its contract is lower; a contract value alone is never judged.
#[test]
fn a_ceiling_is_judged_on_the_estimate_and_the_day_selection_started() {
    let mut works = package(P {
        id: "works",
        kind: Some(PekerjaanKonstruksi),
        rencana: Some(390 * JUTA),
        komitmen: Some(195 * JUTA),
        date: "2025-04-29",
        ..BASE
    });
    works.date = CivilDate::parse("2025-05-20");
    works.month = YearMonth::parse("2025-05");
    works.tender = pantau_pbj::model::TenderFacts::of(Some(Rupiah(250 * JUTA)), None, None);
    let contract_only = package(P {
        id: "contract-only",
        komitmen: Some(900 * JUTA),
        ..BASE
    });
    let packages = [works, contract_only];
    let refs: Vec<&Package> = packages.iter().collect();
    let found = above_ceiling(&refs).expect("computed");
    assert_eq!(ids(&found.flagged), vec!["works"]);
    assert_eq!(found.flagged[0].used, ValueUsed::Hps);
    assert_eq!(found.flagged[0].value, Rupiah(250 * JUTA));
    assert_eq!(
        found.flagged[0].threshold.map(|threshold| threshold.amount),
        Some(200 * JUTA)
    );
    assert_eq!((found.judged, found.unjudged), (1, 0));
    // The same package with its selection a day later: the raised ceiling.
    let mut later = packages[0].clone();
    later.selection_day = CivilDate::parse("2025-04-30");
    let found = above_ceiling(&[&later]).expect("computed");
    assert!(found.flagged.is_empty());
    assert_eq!(found.judged, 1);
}

#[test]
fn bunching_just_under_the_ceiling_counts_each_side_and_units_with_enough_packages() {
    let consult = |id: &'static str, unit: &'static str, juta: i64| {
        package(P {
            id,
            unit,
            method: Some(Method::PengadaanLangsung),
            kind: Some(JasaKonsultansi),
            rencana: Some(juta * JUTA),
            ..BASE
        })
    };
    let mut packages = vec![
        consult("95", "Dinas A", 95),
        consult("100", "Dinas A", 100), // (90%, 100%]: the edge is in
        consult("90", "Dinas A", 90),   // (80%, 90%]
        consult("85", "Dinas A", 85),
        consult("80", "Dinas A", 80),   // neither
        consult("101", "Dinas A", 101), // neither
    ];
    // Dinas B: 7 near and 3 below = 10, enough to be listed; Dinas C: 6 + 3 = 9, not.
    for index in 0..7 {
        packages.push(consult("b-near", "Dinas B", 91 + index));
    }
    for index in 0..3 {
        packages.push(consult("b-below", "Dinas B", 81 + index));
    }
    for index in 0..6 {
        packages.push(consult("c-near", "Dinas C", 92 + index));
    }
    for index in 0..3 {
        packages.push(consult("c-below", "Dinas C", 82 + index));
    }
    // The ceiling binds direct purchases only: a tender or an e-purchase just under it is no
    // signal, and is not counted on either side.
    let direct = packages.len() as u64;
    for method in [Method::Tender, Method::EPurchasing, Method::Seleksi] {
        packages.push(package(P {
            id: "not-direct",
            method: Some(method),
            kind: Some(JasaKonsultansi),
            rencana: Some(95 * JUTA),
            ..BASE
        }));
        packages.push(package(P {
            id: "not-direct",
            method: Some(method),
            kind: Some(JasaKonsultansi),
            rencana: Some(85 * JUTA),
            ..BASE
        }));
    }
    let refs: Vec<&Package> = packages.iter().collect();
    let found = bunching(&refs).expect("computed");
    assert_eq!((found.near, found.below), (2 + 7 + 6, 2 + 3 + 3));
    assert_eq!(found.judged, direct);
    assert!(!ids(&found.flagged).contains(&"not-direct".to_owned()));
    assert_eq!(found.by_unit, vec![("Dinas B".to_owned(), 7, 3)]);
    assert_eq!(found.flagged.len(), 15);
    assert_eq!(Bunching::ratio(15, 8), Some(15.0 / 8.0));
    // Bins of 5%, each (a, b]: 80 → (75, 80]; 81-85 → (80, 85]; 90 → (85, 90]; 91-95 →
    // (90, 95]; 96, 97 and 100 → (95, 100]; 101 → (100, 105].
    let mut expected = [0u64; 20];
    expected[5] = 1;
    expected[6] = 7;
    expected[7] = 1;
    expected[8] = 10;
    expected[9] = 5;
    expected[10] = 1;
    assert_eq!(found.bins, expected);
    assert_eq!(found.bins.iter().sum::<u64>(), direct);
}

#[test]
fn direct_appointment_is_flagged_and_exempt_purchases_and_e_purchasing_shown_apart() {
    let packages = [
        package(P {
            id: "pl",
            rencana: Some(100 * JUTA),
            ..BASE
        }),
        package(P {
            id: "appointed",
            method: Some(Method::PenunjukanLangsung),
            rencana: Some(3_200 * JUTA),
            ..BASE
        }),
        package(P {
            id: "excluded",
            method: Some(Method::Dikecualikan),
            rencana: Some(700 * JUTA),
            ..BASE
        }),
        package(P {
            id: "catalogue",
            method: Some(Method::EPurchasing),
            rencana: Some(500 * JUTA),
            ..BASE
        }),
        package(P {
            id: "ocds-limited",
            method: Some(Method::Limited),
            rencana: Some(300 * JUTA),
            ..BASE
        }),
        package(P {
            id: "ocds-direct",
            method: Some(Method::Direct),
            rencana: Some(200 * JUTA),
            ..BASE
        }),
        package(P {
            id: "ocds-open",
            method: Some(Method::Open),
            rencana: Some(1_000 * JUTA),
            ..BASE
        }),
        package(P {
            id: "no-method",
            method: None,
            rencana: Some(999 * JUTA),
            ..BASE
        }),
    ];
    let refs: Vec<&Package> = packages.iter().collect();
    let found = non_competitive(&refs).expect("computed");
    assert_eq!((found.packages, found.value), (7, Rupiah(6_000 * JUTA)));
    assert_eq!(found.appointed, (3, Rupiah(3_700 * JUTA)));
    assert_eq!(found.excluded, (1, Rupiah(700 * JUTA)));
    assert_eq!(found.epurchasing, (1, Rupiah(500 * JUTA)));
    assert_eq!(
        ids(&found.flagged),
        vec!["appointed", "ocds-limited", "ocds-direct"]
    );
    assert_eq!(found.by_unit[0].non_competitive, (3, Rupiah(3_700 * JUTA)));
}

#[test]
fn packages_that_could_be_reserved_for_small_businesses_with_and_without_a_reason() {
    let packages = [
        package(P {
            id: "ukm",
            rencana: Some(JUTA * 1_000),
            umkk: Some(true),
            ..BASE
        }),
        package(P {
            id: "reason",
            rencana: Some(JUTA * 1_000),
            umkk: Some(false),
            reason: Some("Butuh kemampuan teknis khusus"),
            ..BASE
        }),
        package(P {
            id: "no-reason",
            kind: Some(PekerjaanKonstruksi),
            rencana: Some(15_000 * JUTA),
            umkk: Some(false),
            ..BASE
        }),
        package(P {
            id: "too-big",
            rencana: Some(15_000 * JUTA + 1),
            umkk: Some(false),
            ..BASE
        }),
        package(P {
            id: "consultancy",
            kind: Some(JasaKonsultansi),
            rencana: Some(JUTA),
            umkk: Some(false),
            ..BASE
        }),
        package(P {
            id: "swakelola",
            method: Some(Method::Swakelola),
            rencana: Some(JUTA),
            umkk: Some(false),
            ..BASE
        }),
        package(P {
            id: "unsaid",
            rencana: Some(JUTA),
            umkk: None,
            ..BASE
        }),
    ];
    let refs: Vec<&Package> = packages.iter().collect();
    let found = not_reserved(&refs).expect("computed");
    assert_eq!(found.judged, 3);
    assert_eq!(ids(&found.with_reason), vec!["reason"]);
    assert_eq!(ids(&found.without_reason), vec!["no-reason"]);
}

#[test]
fn an_indicator_names_the_field_the_data_lacks() {
    let packages = [package(P {
        kind: None,
        rencana: Some(JUTA),
        ..BASE
    })];
    let refs: Vec<&Package> = packages.iter().collect();
    assert_eq!(above_ceiling(&refs).err(), Some(Missing::Type));
    assert_eq!(not_reserved(&refs).err(), Some(Missing::Type));
    let flagless = [package(P {
        rencana: Some(JUTA),
        ..BASE
    })];
    let refs: Vec<&Package> = flagless.iter().collect();
    assert_eq!(not_reserved(&refs).err(), Some(Missing::SmallBusinessFlag));
    let valueless = [package(BASE)];
    let refs: Vec<&Package> = valueless.iter().collect();
    assert_eq!(non_competitive(&refs).err(), Some(Missing::Value));
    assert_eq!(bunching(&[]).err(), Some(Missing::Method));
    // A contract value alone is no value a ceiling binds, nor the reservation.
    let contracts = [package(P {
        komitmen: Some(JUTA),
        umkk: Some(false),
        ..BASE
    })];
    let refs: Vec<&Package> = contracts.iter().collect();
    assert_eq!(above_ceiling(&refs).err(), Some(Missing::CeilingValue));
    assert_eq!(bunching(&refs).err(), Some(Missing::CeilingValue));
    assert_eq!(not_reserved(&refs).err(), Some(Missing::Pagu));
}

#[test]
fn the_ceiling_in_force_depends_on_the_day() {
    let day = |text| CivilDate::parse(text).expect("a day");
    let amount = |kind, text| {
        threshold(Rule::DirectPurchaseCeiling, kind, day(text)).map(|threshold| threshold.amount)
    };
    // Perpres 46/2025 raised the construction ceiling from 30 April 2025.
    assert_eq!(amount(PekerjaanKonstruksi, "2025-04-29"), Some(200 * JUTA));
    assert_eq!(amount(PekerjaanKonstruksi, "2025-04-30"), Some(400 * JUTA));
    assert_eq!(amount(Barang, "2025-04-30"), Some(200 * JUTA));
    // Perpres 16/2018 from 1 July 2018: consultancy Rp100 juta, before it Rp50 juta.
    assert_eq!(amount(JasaKonsultansi, "2018-06-30"), Some(50 * JUTA));
    assert_eq!(amount(JasaKonsultansi, "2018-07-01"), Some(100 * JUTA));
    assert_eq!(amount(Barang, "2018-06-30"), Some(200 * JUTA));
    assert_eq!(amount(Barang, "2015-01-01"), Some(200 * JUTA));
    // Before the table: nothing to judge by.
    assert_eq!(amount(Barang, "2014-12-31"), None);
    assert_eq!(amount(ProcurementType::Jasa, "2024-01-01"), None);
    // The reservation: Rp2,5 miliar until Perpres 12/2021 (2 February 2021), then Rp15 miliar.
    let reserved = |text| {
        threshold(Rule::SmallBusinessReservation, Barang, day(text))
            .map(|threshold| threshold.amount)
    };
    assert_eq!(reserved("2016-03-01"), Some(2_500 * JUTA));
    assert_eq!(reserved("2021-02-01"), Some(2_500 * JUTA));
    assert_eq!(reserved("2021-02-02"), Some(15_000 * JUTA));
}

/// Without a day, a package is judged by its fiscal year only where one amount held from its
/// first day to its last.
#[test]
fn without_a_day_the_fiscal_year_judges_only_where_the_threshold_held_all_year() {
    let judged = |rule, kind, year| {
        threshold_for(rule, kind, None, year).map(|(threshold, on)| (threshold.amount, on))
    };
    use Rule::{DirectPurchaseCeiling as Ceiling, SmallBusinessReservation as Reservation};
    assert_eq!(
        judged(Ceiling, Barang, 2024),
        Some((200 * JUTA, JudgedOn::Year(2024)))
    );
    assert_eq!(judged(Ceiling, PekerjaanKonstruksi, 2025), None);
    assert_eq!(
        judged(Ceiling, PekerjaanKonstruksi, 2026),
        Some((400 * JUTA, JudgedOn::Year(2026)))
    );
    // 2018: goods kept Rp200 juta across the change of regulation; consultancy did not.
    assert_eq!(
        judged(Ceiling, Barang, 2018),
        Some((200 * JUTA, JudgedOn::Year(2018)))
    );
    assert_eq!(judged(Ceiling, JasaKonsultansi, 2018), None);
    assert_eq!(judged(Ceiling, Barang, 2014), None);
    assert_eq!(
        judged(Reservation, Barang, 2019),
        Some((2_500 * JUTA, JudgedOn::Year(2019)))
    );
    assert_eq!(judged(Reservation, Barang, 2021), None);
    assert_eq!(
        judged(Reservation, Barang, 2022),
        Some((15_000 * JUTA, JudgedOn::Year(2022)))
    );
    // With a day, the day decides.
    assert_eq!(
        threshold_for(
            Ceiling,
            PekerjaanKonstruksi,
            CivilDate::parse("2025-06-01"),
            2025
        )
        .map(|(threshold, _)| threshold.amount),
        Some(400 * JUTA)
    );
}

/// The reservation judges the pagu against the threshold in force on the package's day: a
/// Rp10 miliar package not reserved in January 2021 was above the Rp2,5 miliar of the time.
#[test]
fn the_reservation_is_judged_on_the_pagu_in_force_on_the_day() {
    let not_for_small = |id: &'static str, date: &'static str, pagu: i64| {
        package(P {
            id,
            rencana: Some(pagu),
            komitmen: Some(JUTA),
            umkk: Some(false),
            date,
            ..BASE
        })
    };
    let packages = [
        not_for_small("january-2021", "2021-01-15", 10_000 * JUTA),
        not_for_small("february-2021", "2021-02-02", 10_000 * JUTA),
        not_for_small("at-old-limit", "2020-06-01", 2_500 * JUTA),
        not_for_small("over-old-limit", "2020-06-01", 2_500 * JUTA + 1),
        {
            let mut package = not_for_small("no-day-2021", "", 1_000 * JUTA);
            package.fiscal_year = 2021;
            package
        },
    ];
    let refs: Vec<&Package> = packages.iter().collect();
    let found = not_reserved(&refs).expect("computed");
    assert_eq!(
        ids(&found.without_reason),
        vec!["february-2021", "at-old-limit"]
    );
    assert_eq!((found.judged, found.unjudged), (2, 1));
    assert_eq!(found.without_reason[0].used, ValueUsed::Planned);
    assert_eq!(found.without_reason[0].value, Rupiah(10_000 * JUTA));
}

/// The split-package rule on hand-made clusters and near misses: one unit, one type, one name
/// after normalisation, selection within 30 days of the cluster's first, each at or under the
/// ceiling and together above it.
#[test]
fn split_packages_are_found_by_the_documented_rule() {
    use pantau_pbj::analysis::oversight::split_packages;
    let direct =
        |id: &'static str, name: &'static str, unit: &'static str, juta: i64, day: &'static str| {
            let mut package = package(P {
                id,
                unit,
                rencana: Some(juta * JUTA),
                date: day,
                ..BASE
            });
            package.name = Some(name.to_owned());
            package
        };
    let mut packages = vec![
        // A cluster: three parts, 30 days from first to last, Rp450 juta against Rp200 juta.
        direct(
            "atk-1",
            "Pengadaan ATK Tahap I",
            "Dinas A",
            150,
            "2024-03-01",
        ),
        direct(
            "atk-2",
            "pengadaan atk - tahap 2",
            "Dinas A",
            150,
            "2024-03-15",
        ),
        direct(
            "atk-3",
            "Pengadaan ATK (Tahap III)",
            "Dinas A",
            150,
            "2024-03-31",
        ),
        // 31 days after the first: the start of another cluster, alone, so none.
        direct(
            "atk-4",
            "Pengadaan ATK Tahap IV",
            "Dinas A",
            150,
            "2024-04-01",
        ),
        // Together exactly at the ceiling: no cluster.
        direct(
            "mebel-1",
            "Mebel Kantor Lokasi 1",
            "Dinas A",
            100,
            "2024-05-01",
        ),
        direct(
            "mebel-2",
            "Mebel Kantor Lokasi 2",
            "Dinas A",
            100,
            "2024-05-02",
        ),
        // Another unit, the same name: not with Dinas A's.
        direct("b-atk", "Pengadaan ATK", "Dinas B", 150, "2024-03-02"),
        // One above the ceiling is no part (the above-ceiling indicator has it); its twin alone
        // is none.
        direct("big-1", "Sewa Tenda", "Dinas A", 250, "2024-06-01"),
        direct("big-2", "Sewa Tenda", "Dinas A", 150, "2024-06-02"),
        // A different name after normalisation.
        direct("print-1", "Cetak Buku", "Dinas A", 150, "2024-07-01"),
        direct(
            "print-2",
            "Cetak Buku Panduan",
            "Dinas A",
            150,
            "2024-07-02",
        ),
    ];
    // Another type, the same name and days: not with the goods.
    let mut works = direct(
        "atk-works",
        "Pengadaan ATK Tahap V",
        "Dinas A",
        150,
        "2024-03-02",
    );
    works.kind = Some(PekerjaanKonstruksi);
    packages.push(works);
    // A tender of the same name is no direct purchase.
    let mut tender = direct("atk-tender", "Pengadaan ATK", "Dinas A", 150, "2024-03-03");
    tender.method = Some(Method::Tender);
    packages.push(tender);
    let refs: Vec<&Package> = packages.iter().collect();
    let found = split_packages(&refs).expect("computed");
    assert_eq!(found.clusters.len(), 1, "{:#?}", found.clusters);
    let cluster = &found.clusters[0];
    assert_eq!(cluster.name, "pengadaan atk");
    assert_eq!(ids(&cluster.packages), vec!["atk-1", "atk-2", "atk-3"]);
    assert_eq!(cluster.total, Rupiah(450 * JUTA));
    assert_eq!(cluster.ceiling.amount, 200 * JUTA);
    assert_eq!(
        (cluster.first, cluster.last),
        (
            CivilDate::parse("2024-03-01").expect("day"),
            CivilDate::parse("2024-03-31").expect("day")
        )
    );
    // Every direct purchase with a unit, type, name, day and estimate is judged.
    assert_eq!(found.judged, 12);
    // Without a selection day nothing can be clustered, and the panel says so.
    let undated: Vec<Package> = packages
        .iter()
        .cloned()
        .map(|mut package| {
            package.selection_day = None;
            package
        })
        .collect();
    let refs: Vec<&Package> = undated.iter().collect();
    assert_eq!(split_packages(&refs).err(), Some(Missing::SelectionDay));
}

/// Suppliers winning across units are counted by unit, and never flagged; December's value
/// against the monthly average, per unit with enough packages.
#[test]
fn repeat_winners_and_the_year_end_rush() {
    use pantau_pbj::analysis::oversight::{repeat_winners, year_end, YearEndRush};
    use pantau_pbj::model::TenderFacts;
    let won = |unit: &'static str, supplier: &str, contract: i64, month: &'static str| {
        let mut package = package(P {
            unit,
            komitmen: Some(contract),
            date: month,
            ..BASE
        });
        package.fiscal_year = 2024;
        package.tender = TenderFacts::of(None, None, Some(supplier.into()));
        package
    };
    let mut packages = vec![
        won("Dinas A", "PT Satu", 100, "2024-01-10"),
        won("Dinas B", "PT Satu", 100, "2024-02-10"),
        won("Dinas C", "PT Satu", 100, "2024-12-10"),
        won("Dinas A", "PT Dua", 500, "2024-12-11"),
        won("Dinas B", "PT Dua", 500, "2024-03-11"),
    ];
    // Dinas D: ten packages, four in December.
    for month in 1..=10 {
        let day = [
            "2024-01-05",
            "2024-02-05",
            "2024-03-05",
            "2024-04-05",
            "2024-05-05",
            "2024-06-05",
            "2024-12-01",
            "2024-12-02",
            "2024-12-03",
            "2024-12-04",
        ][month - 1];
        packages.push(won("Dinas D", "CV Tiga", 60, day));
    }
    // Contracted the year after: not this fiscal year's December.
    packages.push(won("Dinas D", "CV Tiga", 999, "2025-01-05"));
    let refs: Vec<&Package> = packages.iter().collect();
    let found = repeat_winners(&refs).expect("computed");
    let reach: Vec<(&str, u64, u64, i64)> = found
        .reach
        .iter()
        .map(|supplier| {
            (
                supplier.supplier.as_str(),
                supplier.units,
                supplier.packages,
                supplier.value.0,
            )
        })
        .collect();
    assert_eq!(reach, vec![("PT Satu", 3, 3, 300)]);
    assert_eq!((found.suppliers, found.judged), (3, 16));
    let rush = year_end(&refs, 2024).expect("computed");
    assert_eq!(rush.judged, 15);
    assert_eq!(
        (rush.december.0, rush.year.0),
        (100 + 500 + 240, 300 + 1_000 + 600)
    );
    assert_eq!(rush.by_unit.len(), 1);
    let unit = &rush.by_unit[0];
    assert_eq!(
        (unit.unit.as_str(), unit.december.0, unit.year.0),
        ("Dinas D", 240, 600)
    );
    assert_eq!(YearEndRush::ratio(unit.december, unit.year), Some(4.8));
    let none: Vec<Package> = packages
        .iter()
        .cloned()
        .map(|mut package| {
            package.month = None;
            package
        })
        .collect();
    let refs: Vec<&Package> = none.iter().collect();
    assert_eq!(year_end(&refs, 2024).err(), Some(Missing::ContractMonth));
    // Data that stops before December says nothing of December.
    let before: Vec<&Package> = packages
        .iter()
        .filter(|package| package.month.is_some_and(|month| month.month < 12))
        .collect();
    assert_eq!(year_end(&before, 2024).err(), Some(Missing::December));
}

#[test]
fn docs_list_every_threshold() {
    let docs = std::fs::read_to_string(format!("{}/docs/oversight.md", env!("CARGO_MANIFEST_DIR")))
        .expect("docs/oversight.md");
    for threshold in THRESHOLDS {
        let amount = pantau_pbj::i18n::format_count(threshold.amount, pantau_pbj::i18n::Lang::Id);
        assert!(
            docs.lines().any(|line| line.starts_with('|')
                && line.contains(&format!("Rp{amount}"))
                && line.contains(threshold.basis)),
            "docs/oversight.md has no row for Rp{amount} ({})",
            threshold.basis
        );
    }
}

#[test]
fn a_sirup_export_carries_the_day_and_the_reason_the_indicators_need() {
    let csv = "kd_rup,nama_paket,nama_satker,metode_pengadaan,jenis_pengadaan,pagu,status_ukm,alasan_non_ukm,tgl_awal_pemilihan\n\
        1,Jalan,Dinas PU,Pengadaan Langsung,Pekerjaan Konstruksi,300000000,Non UKM,Butuh alat berat khusus,2025-04-29\n\
        2,Jembatan,Dinas PU,Pengadaan Langsung,Pekerjaan Konstruksi,300000000,Non UKM,,2025-04-30\n";
    let loaded = pantau_pbj::ingest::read(pantau_pbj::ingest::Source {
        bytes: csv.as_bytes().into(),
        content_type: Some("text/csv"),
        format: None,
        address: "rup.csv",
        current_year: 2025,
    })
    .expect("reads");
    let refs: Vec<&Package> = loaded.dataset.packages.iter().collect();
    assert_eq!(refs[0].date, CivilDate::parse("2025-04-29"));
    assert_eq!(refs[0].selection_day, CivilDate::parse("2025-04-29"));
    assert_eq!(
        ids(&above_ceiling(&refs).expect("computed").flagged),
        vec!["1"]
    );
    let reserved = not_reserved(&refs).expect("computed");
    assert_eq!(ids(&reserved.with_reason), vec!["1"]);
    assert_eq!(ids(&reserved.without_reason), vec!["2"]);
}

#[test]
fn contracts_against_hps_fall_in_their_bands_at_the_edges() {
    let priced = |contract: i64, hps: i64| {
        let mut package = package(P {
            komitmen: Some(contract),
            ..BASE
        });
        package.tender = pantau_pbj::model::TenderFacts::of(Some(Rupiah(hps)), None, None);
        package
    };
    let packages = [
        priced(1_000_001, 1_000_000), // above
        priced(1_000_000, 1_000_000), // 0%
        priced(990_000, 1_000_000),   // exactly 1%: the first band
        priced(989_999, 1_000_000),   // just over 1%
        priced(950_000, 1_000_000),   // exactly 5%
        priced(700_000, 1_000_000),   // exactly 30%
        priced(699_999, 1_000_000),   // over 30%
        priced(5, 0),                 // no HPS to judge by
    ];
    let refs: Vec<&Package> = packages.iter().collect();
    let found = pantau_pbj::analysis::oversight::against_hps(&refs).expect("computed");
    assert_eq!(found.judged, 7);
    assert_eq!(found.bands, [1, 2, 2, 0, 0, 1, 1]);
    assert_eq!(found.flagged.len(), 1);
    assert_eq!(found.flagged[0].hps, Some(Rupiah(1_000_000)));
    let plain = [package(P {
        komitmen: Some(5),
        ..BASE
    })];
    let refs: Vec<&Package> = plain.iter().collect();
    assert_eq!(
        pantau_pbj::analysis::oversight::against_hps(&refs),
        Err(Missing::Hps)
    );
}

#[test]
fn the_largest_supplier_is_flagged_only_above_half_of_a_unit_with_enough_contracts() {
    use pantau_pbj::model::TenderFacts;
    let won = |unit: &'static str, supplier: &str, contract: i64| {
        let mut package = package(P {
            unit,
            komitmen: Some(contract),
            ..BASE
        });
        package.tender = TenderFacts::of(None, None, Some(supplier.into()));
        package
    };
    let mut packages = vec![
        won("Dinas A", "PT Satu", 60),
        won("Dinas A", "PT Satu", 1),
        won("Dinas A", "PT Dua", 20),
        won("Dinas A", "PT Tiga", 10),
        won("Dinas A", "PT Empat", 9),
        // Exactly half: not above it.
        won("Dinas B", "PT Satu", 50),
        won("Dinas B", "PT Dua", 20),
        won("Dinas B", "PT Tiga", 10),
        won("Dinas B", "PT Empat", 10),
        won("Dinas B", "PT Lima", 10),
        // Too few contracts to say anything.
        won("Dinas C", "PT Satu", 100),
    ];
    let mut failed = package(P {
        komitmen: None,
        rencana: Some(5),
        ..BASE
    });
    failed.tender = TenderFacts::of(None, Some(pantau_pbj::model::TenderStatus::Failed), None);
    packages.push(failed);
    let refs: Vec<&Package> = packages.iter().collect();
    let found = pantau_pbj::analysis::oversight::concentration(&refs).expect("computed");
    assert_eq!(found.judged, 11);
    let units: Vec<(&str, &str, i64, i64)> = found
        .by_unit
        .iter()
        .map(|unit| {
            (
                unit.unit.as_str(),
                unit.supplier.as_str(),
                unit.value.0,
                unit.total.0,
            )
        })
        .collect();
    assert_eq!(
        units,
        [
            ("Dinas A", "PT Satu", 61, 100),
            ("Dinas B", "PT Satu", 50, 100)
        ]
    );
    assert_eq!(found.flagged.len(), 2, "PT Satu's two packages in Dinas A");
    let failures = pantau_pbj::analysis::oversight::failed_tenders(&refs).expect("computed");
    assert_eq!((failures.judged, failures.flagged.len()), (1, 1));
}

mod view {
    //! The oversight view and the comparison on the bundled package sample and on files without
    //! the fields the indicators need.

    use pantau_pbj::analysis::filter::{apply, Filter};
    use pantau_pbj::chart::Locale;
    use pantau_pbj::format::parse;
    use pantau_pbj::i18n::{Lang, Text};
    use pantau_pbj::model::{Currency, Dataset};
    use pantau_pbj::views::compare::{changes, headlines, Amount};
    use pantau_pbj::views::{panels, Measure, View};
    use serde_json::Value;

    fn sample_file() -> Vec<u8> {
        std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/contoh-paket.json"
        ))
        .expect("sample")
    }

    fn year(dataset: &Dataset, year: i32) -> Dataset {
        let filter = Filter {
            year: Some(year),
            ..Filter::default()
        };
        apply(dataset, &filter)
    }

    /// The sample's packages of one year, as plain JSON (the oracle reads them without the crate).
    fn packages_of(year: i64) -> Vec<Value> {
        let file: Value = serde_json::from_slice(&sample_file()).expect("JSON");
        file["packages"]
            .as_array()
            .expect("packages")
            .iter()
            .filter(|package| package["fiscal_year"].as_i64() == Some(year))
            .cloned()
            .collect()
    }

    /// The ceiling of a type in the sample's years (all before 30 April 2025).
    fn ceiling(kind: &str) -> i64 {
        if kind == "jasa-konsultansi" {
            100 * super::JUTA
        } else {
            200 * super::JUTA
        }
    }

    /// The value a ceiling binds: the estimate (HPS), else the pagu; never the contract.
    fn judged(package: &Value) -> i64 {
        package["hps"]
            .as_i64()
            .or_else(|| package["rencana"].as_i64())
            .unwrap_or(i64::MIN)
    }

    #[test]
    fn the_sample_s_indicators_match_a_count_made_from_the_raw_file() {
        let loaded = parse(&sample_file()).expect("sample");
        for fiscal_year in [2023, 2024] {
            let raw = packages_of(fiscal_year.into());
            let narrowed = year(&loaded.dataset, fiscal_year);
            let oversight = narrowed.oversight.as_ref().expect("package-level");
            let above: Vec<&str> = raw
                .iter()
                .filter(|package| {
                    package["method"] == "pengadaan-langsung"
                        && judged(package) > ceiling(package["type"].as_str().unwrap_or(""))
                })
                .map(|package| package["id"].as_str().unwrap_or(""))
                .collect();
            let found = oversight.above_ceiling.as_ref().expect("computed");
            let mut codes: Vec<&str> = found
                .flagged
                .iter()
                .filter_map(|flag| flag.id.as_deref())
                .collect();
            codes.sort_unstable();
            let mut expected = above.clone();
            expected.sort_unstable();
            assert_eq!(codes, expected, "{fiscal_year}");
            assert_eq!(codes.len(), 2, "the sample has two per year");
            let band = |low: i64, high: i64| {
                raw.iter()
                    .filter(|package| {
                        // The ceiling binds direct purchases only.
                        if package["method"] != "pengadaan-langsung" {
                            return false;
                        }
                        let c = ceiling(package["type"].as_str().unwrap_or(""));
                        let value = judged(package) * 100;
                        value > low * c && value <= high * c
                    })
                    .count() as u64
            };
            let bunching = oversight.bunching.as_ref().expect("computed");
            assert_eq!(
                (bunching.near, bunching.below),
                (band(90, 100), band(80, 90))
            );
            let single = raw
                .iter()
                .filter(|package| package["tenderers"].as_i64() == Some(1))
                .count();
            let known = raw
                .iter()
                .filter(|package| package["tenderers"].is_i64())
                .count() as u64;
            let found = oversight.single_bid.as_ref().expect("computed");
            assert_eq!((found.flagged.len(), found.judged), (single, known));
            let without = raw
                .iter()
                .filter(|package| {
                    package["method"] != "swakelola"
                        && package["type"] != "jasa-konsultansi"
                        && package["umkk"] == false
                        && package["non_ukm_reason"].is_null()
                        && package["rencana"]
                            .as_i64()
                            .is_some_and(|pagu| pagu <= 15_000 * super::JUTA)
                })
                .count();
            let found = oversight.not_reserved.as_ref().expect("computed");
            assert_eq!(found.without_reason.len(), without, "{fiscal_year}");
            // Failed tenders, contracts above their HPS, the largest supplier per unit.
            let with_status = raw.iter().filter(|package| package["status"].is_string());
            let failed = with_status
                .clone()
                .filter(|package| package["status"] == "failed");
            let found = oversight.failed_tenders.as_ref().expect("computed");
            assert_eq!(
                (found.flagged.len(), found.judged),
                (failed.count(), with_status.count() as u64)
            );
            let priced: Vec<(i64, i64)> = raw
                .iter()
                .filter_map(|package| {
                    Some((package["komitmen"].as_i64()?, package["hps"].as_i64()?))
                })
                .collect();
            let found = oversight.against_hps.as_ref().expect("computed");
            assert_eq!(found.judged, priced.len() as u64);
            let above = priced
                .iter()
                .filter(|(contract, hps)| contract > hps)
                .count();
            assert_eq!((found.bands[0], found.flagged.len()), (above as u64, above));
            let close = priced
                .iter()
                .filter(|(contract, hps)| contract <= hps && (hps - contract) * 100 <= *hps)
                .count();
            assert_eq!(found.bands[1], close as u64);
            assert_eq!(found.bands.iter().sum::<u64>(), priced.len() as u64);
            let mut units: std::collections::BTreeMap<&str, std::collections::BTreeMap<&str, i64>> =
                Default::default();
            for package in &raw {
                if let (Some(contract), Some(supplier), Some(unit)) = (
                    package["komitmen"].as_i64(),
                    package["supplier"].as_str(),
                    package["unit"].as_str(),
                ) {
                    *units.entry(unit).or_default().entry(supplier).or_default() += contract;
                }
            }
            let found = oversight.concentration.as_ref().expect("computed");
            for unit in &found.by_unit {
                let suppliers = &units[unit.unit.as_str()];
                let largest = suppliers.values().max().copied().unwrap_or(0);
                assert_eq!(unit.value.0, largest, "{}", unit.unit);
                assert_eq!(
                    unit.total.0,
                    suppliers.values().sum::<i64>(),
                    "{}",
                    unit.unit
                );
            }
            let hospital = found
                .by_unit
                .iter()
                .find(|unit| unit.unit == "RSUD Abdul Wahab Sjahranie");
            assert!(
                hospital.is_some() || fiscal_year == 2024,
                "2023 has enough contracts"
            );
            if let Some(hospital) = hospital {
                assert_eq!(hospital.supplier, "PT Medika Borneo Utama");
            }
        }
    }

    #[test]
    fn every_panel_says_its_definition_basis_thresholds_and_caveat_and_lists_what_it_flags() {
        let loaded = parse(&sample_file()).expect("sample");
        let narrowed = year(&loaded.dataset, 2024);
        for lang in Lang::ALL {
            let shown = panels(&narrowed, View::Oversight, lang, false);
            let ids: Vec<&str> = shown.iter().map(|panel| panel.id.as_str()).collect();
            assert_eq!(
                ids,
                [
                    "above-ceiling",
                    "bunching",
                    "bunching-units",
                    "split-packages",
                    "non-competitive",
                    "not-reserved",
                    "single-bid",
                    "failed-tenders",
                    "against-hps",
                    "concentration",
                    "repeat-winners",
                    "year-end",
                ]
            );
            for panel in &shown {
                let notes = panel.notes.join("\n");
                assert!(
                    notes.contains(Text::OversightCaveat.get(lang)),
                    "{}",
                    panel.id
                );
                // The sample's 2024 runs to July: no December to judge a rush by, and the panel
                // says so rather than "December 0×".
                match panel.id.as_str() {
                    "year-end" => assert_eq!(
                        panel.unavailable.as_deref(),
                        Some(Text::MissingDecember.get(lang)),
                    ),
                    _ => assert!(panel.unavailable.is_none(), "{}", panel.id),
                }
                assert!(!panel.summary.is_empty() && !panel.source_line.is_empty());
                if panel.id == "year-end" {
                    // No law sets a year-end limit: the panel says its number is its own.
                    assert!(notes.contains(lang.pick("bukan batas hukum", "not a legal threshold")));
                } else if panel.id != "bunching-units" {
                    assert!(notes.contains("Pasal"), "{}: {notes}", panel.id);
                    assert!(notes.contains(lang.pick("Definisi", "Definition")));
                }
                // Its purpose: APIP's oversight (Pasal 76); never a finding.
                assert!(notes.contains("Pasal 76"), "{}", panel.id);
                let words = format!("{} {} {}", panel.title, panel.subtitle, notes);
                assert!(
                    !words.to_lowercase().contains("temuan senilai"),
                    "{}",
                    panel.id
                );
                for fact in &panel.facts {
                    assert!(
                        !fact
                            .label
                            .contains(lang.pick("Nilai yang ditandai", "Value flagged")),
                        "{}: no headline sum of flagged value",
                        panel.id
                    );
                }
            }
            let above = &shown[0];
            let notes = above.notes.join("\n");
            assert!(notes.contains("Pasal 38 ayat (3)") && notes.contains("Perpres 46/2025"));
            let limits = lang.pick(
                "Rp400 jt (sejak 30 April 2025)",
                "IDR 400 million (from 30 April 2025)",
            );
            assert!(notes.contains(limits), "{notes}");
            // The flagged packages, largest first, with code, name, unit and why.
            assert_eq!(above.table.rows.len(), 2);
            let first = &above.table.rows[0];
            assert_eq!(first[0].text, "24039002");
            assert!(first[1].text.starts_with("Rehabilitasi saluran"));
            assert!(
                first[9].text.contains(lang.pick(
                    "di atas batas Rp200 jt",
                    "above the ceiling of IDR 200 million"
                )),
                "{}",
                first[9].text
            );
            let reserved = shown
                .iter()
                .find(|panel| panel.id == "not-reserved")
                .expect("the reservation panel");
            assert!(reserved
                .table
                .rows
                .iter()
                .any(|row| row[9].text.contains(lang.pick("alasan:", "reason:"))));
        }
    }

    #[test]
    fn a_file_without_the_fields_says_what_each_indicator_misses() {
        let file = br#"{"format": "pantau-pbj", "version": 1,
            "meta": {"title": "T", "publisher": "P", "license": "CC0", "as_of": "2024-06-30",
                     "period": {"start": "2024-01-01", "end": "2024-12-31"}, "fiscal_year": 2024, "currency": "IDR"},
            "packages": [{"unit": "A", "rencana": 150000000}, {"unit": "B", "rencana": 95000000}]}"#;
        let loaded = parse(file).expect("valid");
        let narrowed = apply(&loaded.dataset, &Filter::default());
        for lang in Lang::ALL {
            let shown = panels(&narrowed, View::Oversight, lang, false);
            let missing: Vec<(&str, &str)> = shown
                .iter()
                .map(|panel| {
                    (
                        panel.id.as_str(),
                        panel.unavailable.as_deref().unwrap_or(""),
                    )
                })
                .collect();
            assert_eq!(
                missing,
                [
                    ("above-ceiling", Text::MissingMethod.get(lang)),
                    ("bunching", Text::MissingMethod.get(lang)),
                    ("split-packages", Text::MissingMethod.get(lang)),
                    ("non-competitive", Text::MissingMethod.get(lang)),
                    ("not-reserved", Text::MissingType.get(lang)),
                    ("single-bid", Text::MissingTenderers.get(lang)),
                    ("failed-tenders", Text::MissingTenderStatus.get(lang)),
                    ("against-hps", Text::MissingHps.get(lang)),
                    ("concentration", Text::MissingSupplier.get(lang)),
                    ("repeat-winners", Text::MissingSupplier.get(lang)),
                    ("year-end", Text::MissingContractMonth.get(lang)),
                ]
            );
        }
        // A file of totals has no oversight view at all (the widget says it needs packages).
        let totals = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/kaltim-2024.json"
        ))
        .expect("sample");
        let narrowed = apply(&parse(&totals).expect("valid").dataset, &Filter::default());
        assert!(narrowed.oversight.is_none());
        assert!(panels(&narrowed, View::Oversight, Lang::Id, false).is_empty());
    }

    #[test]
    fn year_on_year_changes_match_the_raw_file() {
        let loaded = parse(&sample_file()).expect("sample");
        let (then, now) = (year(&loaded.dataset, 2023), year(&loaded.dataset, 2024));
        let realised = |year| -> i64 {
            packages_of(year)
                .iter()
                .filter_map(|package| package["realisasi"].as_i64())
                .sum()
        };
        let money =
            |dataset: &Dataset| match headlines(dataset, View::Spending, Lang::Id, Measure::Value)
                [0]
            .amount
            {
                Amount::Money(money) => money.0,
                other => panic!("{other:?}"),
            };
        assert_eq!(
            (money(&then), money(&now)),
            (realised(2023), realised(2024))
        );
        let locale = Locale {
            lang: Lang::Id,
            currency: Currency::idr(),
        };
        let rows = changes(&then, &now, View::LocalContent, &locale, Measure::Value);
        let labels: Vec<&str> = rows.iter().map(|row| row.label.as_str()).collect();
        assert_eq!(labels, ["Porsi PDN", "Porsi UMK-K", "Belanja barang/jasa"]);
        assert!(
            rows[0].change.ends_with(" poin persen"),
            "{}",
            rows[0].change
        );
        for view in pantau_pbj::views::View::ALL {
            // The package sample has no targets; every other view has figures to compare.
            let rows = changes(&then, &now, view, &locale, Measure::Value);
            assert_eq!(rows.is_empty(), view == View::Targets, "{view:?}");
        }
    }

    /// Comparing 2024 with 2025 crosses the construction ceiling's rise on 30 April 2025: the
    /// figures judged by a ceiling say so beside them, in both languages; 2023 against 2024 does
    /// not.
    #[test]
    fn a_comparison_across_a_rule_change_says_so() {
        let file = br#"{"format": "pantau-pbj", "version": 1,
            "meta": {"title": "T", "publisher": "P", "license": "CC0", "as_of": "2025-12-31",
                     "period": {"start": "2023-01-01", "end": "2025-12-31"}, "fiscal_year": 2025, "currency": "IDR"},
            "packages": [
              {"id": "a", "unit": "A", "method": "pengadaan-langsung", "type": "pekerjaan-konstruksi", "fiscal_year": 2023, "rencana": 150000000, "umkk": false},
              {"id": "b", "unit": "A", "method": "pengadaan-langsung", "type": "pekerjaan-konstruksi", "fiscal_year": 2024, "rencana": 150000000, "umkk": false},
              {"id": "c", "unit": "A", "method": "pengadaan-langsung", "type": "pekerjaan-konstruksi", "fiscal_year": 2025, "rencana": 300000000, "selection_date": "2025-06-02", "umkk": false}]}"#;
        let loaded = parse(file).expect("valid");
        for lang in Lang::ALL {
            let locale = Locale {
                lang,
                currency: Currency::idr(),
            };
            let rows = changes(
                &year(&loaded.dataset, 2024),
                &year(&loaded.dataset, 2025),
                View::Oversight,
                &locale,
                Measure::Value,
            );
            let ceiling = rows
                .iter()
                .find(|row| row.label.starts_with(Text::CompareAboveCeiling.get(lang)))
                .expect("the above-ceiling figure");
            let said = lang.pick(
                "Rp200 jt menjadi Rp400 jt sejak 30 April 2025 (Perpres 46/2025, Pasal 1 angka 40a)",
                "IDR 200 million to IDR 400 million from 30 April 2025 (Perpres 46/2025, Pasal 1 angka 40a)",
            );
            assert!(ceiling.label.contains(said), "{}", ceiling.label);
            assert!(ceiling.spoken.contains(said), "{}", ceiling.spoken);
            let reserved = rows
                .iter()
                .find(|row| row.label.starts_with(Text::CompareNotReserved.get(lang)))
                .expect("the reservation figure");
            assert_eq!(reserved.label, Text::CompareNotReserved.get(lang));
            let before = changes(
                &year(&loaded.dataset, 2023),
                &year(&loaded.dataset, 2024),
                View::Oversight,
                &locale,
                Measure::Value,
            );
            assert!(before.iter().all(|row| !row.label.contains(
                Text::CompareRuleChanged
                    .fill(lang, &[("changes", "")])
                    .trim_end()
            )));
        }
    }
}
