//! Figures true to the file (#24): coverage beside every local-content share (a share computed
//! over the few contracts that state their PDN value says what it rests on, and below half of
//! the value it is not held against its threshold: no "✓ 100%", no "0 of 8 units below"); a
//! budget of 0 is no budget stated, not a line at 0.

// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use pantau_pbj::analysis::filter::{apply, Filter};
use pantau_pbj::analysis::local_content::{overall, Measure, Ranked};
use pantau_pbj::i18n::{Lang, Text};
use pantau_pbj::ingest::{read, Source};
use pantau_pbj::views::{panels, View};

/// SPSE contracts of eight units: two state their PDN and UMK values (all of it local), six do
/// not; `stated_value` is the stated contracts' value each.
fn contracts(stated_value: i64) -> Vec<u8> {
    let mut csv = String::from(
        "kd_tender,nama_paket,nama_satker,mtd_pemilihan,jenis_pengadaan,tahun_anggaran,nilai_kontrak,nilai_pdn_kontrak,nilai_umk_kontrak\n",
    );
    for unit in 0..8 {
        let (value, pdn) = match unit < 2 {
            true => (stated_value, stated_value.to_string()),
            false => (1_000_000_000, String::new()),
        };
        let umk = if unit < 2 { pdn.clone() } else { String::new() };
        csv.push_str(&format!(
            "{unit},Paket {unit},Dinas {unit},Tender,Barang,2024,{value},{pdn},{umk}\n"
        ));
    }
    csv.into_bytes()
}

/// `bytes` read as the widget reads a download named `address` of `content_type`.
fn read_as(
    bytes: &[u8],
    content_type: &str,
    address: &str,
    current_year: i32,
) -> pantau_pbj::format::Loaded {
    read(Source {
        bytes: bytes.into(),
        content_type: Some(content_type),
        format: None,
        address,
        current_year,
    })
    .expect("reads")
}

fn load(bytes: &[u8]) -> pantau_pbj::model::Dataset {
    let loaded = read_as(bytes, "text/csv", "kontrak.csv", 2024);
    apply(&loaded.dataset, &Filter::default())
}

#[test]
fn a_share_resting_on_a_fifth_of_the_value_is_not_judged_and_says_so() {
    let dataset = load(&contracts(750_000_000));
    let content = dataset.local_content.as_ref().expect("local content");
    let coverage = content.coverage.expect("computed from packages");
    assert_eq!((coverage.stated, coverage.packages), (2, 8));
    assert_eq!(
        (coverage.stated_value.0, coverage.value.0),
        (1_500_000_000, 7_500_000_000)
    );
    assert!(!coverage.enough());
    let pdn = overall(content, Measure::Pdn).expect("a share");
    assert_eq!(pdn.share.fraction(), 1.0);
    assert!(!pdn.judged() && !pdn.below());
    // Each unit rests on its own packages: the two that state are whole, the six others have
    // no share at all.
    let ranked = Ranked::of(content, Measure::Pdn, usize::MAX);
    assert_eq!((ranked.len(), ranked.below, ranked.unjudged), (2, 0, 0));
    for lang in Lang::ALL {
        let shown = panels(&dataset, View::LocalContent, lang, false);
        let panel = shown
            .iter()
            .find(|panel| panel.id == "share-pdn")
            .expect("the PDN panel");
        let said = lang.pick(
            "PDN dan UMK-K disebut untuk 2 dari 8 paket yang dibeli (Rp1,5 M dari Rp7,5 M, 20%)",
            "PDN and UMK-K are stated for 2 of 8 packages bought (IDR 1.5 billion of IDR 7.5 billion, 20%)",
        );
        assert!(panel.summary.contains(said), "{}", panel.summary);
        assert!(panel.notes.iter().any(|note| note.contains(said)));
        assert!(panel
            .notes
            .iter()
            .any(|note| note == Text::CoverageRule.get(lang)));
        assert!(panel
            .summary
            .contains(lang.pick("tidak dinilai", "not judged")));
        // No verdict on screen: no tick, no gap, no status on the overall figure.
        assert!(panel.facts[0].status.is_none());
        assert!(panel
            .facts
            .iter()
            .all(|fact| fact.label != Text::Gap.get(lang)));
        let pantau_pbj::chart::spec::ChartSpec::Bars(bars) = &panel.chart else {
            panic!("bars");
        };
        assert!(
            !bars.rows[0].value_text.contains('✓'),
            "{}",
            bars.rows[0].value_text
        );
        assert!(!bars.rows[0].below_threshold);
        // The table and its CSV: the verdict and what it rests on.
        let overall_row = &panel.table.rows[0];
        assert_eq!(overall_row[5].text, Text::NotJudgedCoverage.get(lang));
        assert_eq!(overall_row[4].raw, "", "no gap for a share not judged");
        assert_eq!(overall_row[6].raw, "0.2");
        assert_eq!(
            panel.table.columns[6].0,
            Text::CoverageColumn.get(lang).to_owned()
        );
    }
}

#[test]
fn a_share_resting_on_half_of_the_value_or_more_is_judged() {
    // Two stated contracts of Rp3 M each against six unstated of Rp1 M: half exactly.
    let dataset = load(&contracts(3_000_000_000));
    let content = dataset.local_content.as_ref().expect("local content");
    let coverage = content.coverage.expect("computed");
    assert!(coverage.enough());
    let pdn = overall(content, Measure::Pdn).expect("a share");
    assert!(pdn.judged() && pdn.meets_threshold());
    let shown = panels(&dataset, View::LocalContent, Lang::Id, false);
    let panel = &shown[0];
    assert_eq!(panel.facts[0].status, Some(pantau_pbj::views::Status::Good));
    assert!(
        panel.summary.contains("memenuhi ambang"),
        "{}",
        panel.summary
    );
    assert!(
        panel.summary.contains("2 dari 8 paket"),
        "{}",
        panel.summary
    );
}

/// Published figures (a file of totals) are the publisher's whole: no coverage to say, the
/// verdict as before.
#[test]
fn published_figures_keep_their_verdict() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/kaltim-2024.json"
    ))
    .expect("sample");
    let dataset = pantau_pbj::format::parse(&bytes).expect("valid").dataset;
    let content = dataset.local_content.as_ref().expect("local content");
    assert!(content.coverage.is_none());
    assert!(overall(content, Measure::Pdn).expect("share").judged());
}

/// A budget of 0 (a plan exported before its pagu was filled in, a published `pagu: 0`) is no
/// budget stated: no reference line at 0, no "% of the pagu", and the panel says so.
#[test]
fn a_budget_of_zero_is_no_budget_stated() {
    let csv = "kd_rup,nama_paket,nama_satker,metode_pengadaan,jenis_pengadaan,tahun_anggaran,pagu,nilai_kontrak,tgl_kontrak\n\
        1,A,Dinas A,Tender,Barang,2024,0,500000000,2024-03-05\n\
        2,B,Dinas B,Tender,Barang,2024,0,250000000,2024-05-05\n";
    let dataset = load(csv.as_bytes());
    let spending = dataset.spending.as_ref().expect("spending");
    assert!(spending.pagu.is_none());
    let published = br#"{"format": "pantau-pbj", "version": 1,
        "meta": {"title": "T", "publisher": "P", "license": "CC0", "as_of": "2024-06-30",
                 "period": {"start": "2024-01-01", "end": "2024-12-31"}, "fiscal_year": 2024, "currency": "IDR"},
        "spending": {"stage": "realisasi", "pagu": {"value": 0}, "monthly": [{"month": "2024-01", "amount": 5}]}}"#;
    let file = pantau_pbj::format::parse(published).expect("valid");
    assert!(file
        .dataset
        .spending
        .as_ref()
        .expect("spending")
        .pagu
        .is_none());
    for dataset in [dataset, file.dataset] {
        for lang in Lang::ALL {
            let shown = panels(&dataset, View::Spending, lang, false);
            let cumulative = &shown[0];
            assert!(
                cumulative
                    .notes
                    .iter()
                    .any(|note| note == Text::NoBudgetStated.get(lang)),
                "{:?}",
                cumulative.notes
            );
            let pantau_pbj::chart::spec::ChartSpec::Lines(lines) = &cumulative.chart else {
                panic!("a line chart");
            };
            assert!(lines.references.is_empty(), "{:?}", lines.references);
        }
    }
}

/// SPSE's records of non-tender purchases write 0 for PDN and UMK values nobody filled in: both
/// 0 on a record with a value is "not stated" (one issue a record, the record kept), not a unit
/// at "0% · shortfall". A record that states a real 0 beside a value elsewhere is kept as 0.
#[test]
fn zero_pdn_and_umk_in_recorded_purchases_are_not_stated() {
    let records = r#"[
      {"kd_nontender_pct": 1, "nama_satker": "Dinas A", "kategori_pengadaan": "Barang", "tahun_anggaran": 2024,
       "pagu": 100000000, "total_realisasi": 100000000, "nilai_pdn_pct": 0, "nilai_umk_pct": 0, "tgl_selesai_paket": "2024-03-01"},
      {"kd_nontender_pct": 2, "nama_satker": "Dinas A", "kategori_pengadaan": "Barang", "tahun_anggaran": 2024,
       "pagu": 100000000, "total_realisasi": 100000000, "nilai_pdn_pct": 0, "nilai_umk_pct": 0, "tgl_selesai_paket": "2024-03-02"},
      {"kd_nontender_pct": 3, "nama_satker": "Dinas B", "kategori_pengadaan": "Barang", "tahun_anggaran": 2024,
       "pagu": 100000000, "total_realisasi": 100000000, "nilai_pdn_pct": 90000000, "nilai_umk_pct": 0, "tgl_selesai_paket": "2024-03-03"}
    ]"#;
    let loaded = read_as(
        records.as_bytes(),
        "application/json",
        "pencatatan.json",
        2024,
    );
    let zeros: Vec<&str> = loaded
        .issues
        .iter()
        .filter(|issue| issue.problem == pantau_pbj::format::Problem::ZeroAsUnstated)
        .map(|issue| issue.path.as_str())
        .collect();
    assert_eq!(zeros.len(), 2, "{:?}", loaded.issues);
    assert_eq!(loaded.dataset.packages.len(), 3);
    let dataset = apply(&loaded.dataset, &Filter::default());
    let content = dataset.local_content.as_ref().expect("local content");
    // The shares rest on the one record that states its values: Dinas A has no share at all.
    let coverage = content.coverage.expect("computed");
    assert_eq!((coverage.stated, coverage.packages), (1, 3));
    assert_eq!(
        content
            .by_unit
            .iter()
            .map(|unit| unit.unit.as_str())
            .collect::<Vec<_>>(),
        ["Dinas B"]
    );
    let pdn = overall(content, Measure::Pdn).expect("a share");
    assert!((pdn.share.fraction() - 0.9).abs() < 1e-9);
    assert!(!pdn.judged(), "a third of the value is too little to judge");
    for lang in Lang::ALL {
        let said = pantau_pbj::i18n::describe_issue(&loaded.issues[0], lang);
        assert!(
            said.contains(lang.pick("dibaca sebagai tidak disebut", "read as not stated")),
            "{said}"
        );
    }
}

/// Packages of the fiscal year dated in another year, or not dated, are named beside the
/// cumulative line ("Rp11 jt … bertanggal 2022: tidak masuk garis ini"), and the line's end and
/// the total agree otherwise.
#[test]
fn packages_outside_the_line_are_named_and_the_rest_agrees() {
    let csv = "kd_rup,nama_paket,nama_satker,metode_pengadaan,jenis_pengadaan,tahun_anggaran,nilai_kontrak,tgl_kontrak\n\
        1,A,Dinas A,Tender,Barang,2023,500000000,2023-03-05\n\
        2,B,Dinas A,Tender,Barang,2023,11000000,2022-12-20\n\
        3,C,Dinas B,Tender,Barang,2023,7000000,\n\
        4,D,Dinas B,Tender,Barang,2023,250000000,2023-07-01\n";
    let loaded = read_as(csv.as_bytes(), "text/csv", "kontrak.csv", 2023);
    let dataset = apply(
        &loaded.dataset,
        &Filter {
            year: Some(2023),
            ..Filter::default()
        },
    );
    let spending = dataset.spending.as_ref().expect("spending");
    let outside: Vec<(Option<i32>, i64, u64)> = spending
        .outside_line
        .iter()
        .map(|outside| (outside.year, outside.amount.0, outside.packages))
        .collect();
    assert_eq!(outside, [(Some(2022), 11_000_000, 1), (None, 7_000_000, 1)]);
    let line: i64 = spending.monthly.iter().map(|month| month.amount.0).sum();
    let total: i64 = spending.by_unit.iter().map(|row| row.amount.0).sum();
    let beside: i64 = outside.iter().map(|(_, amount, _)| amount).sum();
    assert_eq!(line + beside, total);
    for lang in Lang::ALL {
        let shown = panels(&dataset, View::Spending, lang, false);
        let notes = shown[0].notes.join("\n");
        let said = lang.pick(
            "Rp11 jt dari paket tahun anggaran 2023 bertanggal 2022 (1 paket): tidak masuk garis ini.",
            "IDR 11 million of fiscal year 2023's packages dated in 2022 (1): not in this line.",
        );
        assert!(notes.contains(said), "{notes}");
        assert!(
            notes.contains(lang.pick("tanpa tanggal", "without a date")),
            "{notes}"
        );
    }
}

/// One tender listed twice (two winners) counts its pagu once and keeps each contract; a row
/// repeated as a later version adds nothing; the rule is SPSE's tender and non-tender lists'
/// (docs/inputs.md).
#[test]
fn one_tender_with_two_winners_counts_its_pagu_once() {
    let csv = "kd_tender,nama_paket,nama_satker,mtd_pemilihan,jenis_pengadaan,tahun_anggaran,pagu,hps,nilai_kontrak,nama_penyedia,tgl_kontrak\n\
        9001,Obat,Dinas Kesehatan,Tender,Barang,2024,1000000000,950000000,400000000,PT Satu,2024-04-01\n\
        9001,Obat,Dinas Kesehatan,Tender,Barang,2024,1000000000,950000000,500000000,PT Dua,2024-04-01\n\
        9001,Obat,Dinas Kesehatan,Tender,Barang,2024,1000000000,950000000,500000000,PT Dua,2024-04-01\n\
        9002,Alat,Dinas Kesehatan,Tender,Barang,2024,300000000,290000000,280000000,PT Tiga,2024-05-01\n";
    let loaded = read_as(csv.as_bytes(), "text/csv", "tender.csv", 2024);
    let packages: Vec<(Option<&str>, Option<i64>, Option<i64>)> = loaded
        .dataset
        .packages
        .iter()
        .map(|package| {
            (
                package.id.as_deref(),
                package.amounts.rencana.map(|amount| amount.0),
                package.amounts.komitmen.map(|amount| amount.0),
            )
        })
        .collect();
    assert_eq!(
        packages,
        [
            (Some("9001"), Some(1_000_000_000), Some(900_000_000)),
            (Some("9002"), Some(300_000_000), Some(280_000_000)),
        ]
    );
}

/// Each breakdown says what it leaves out for want of its key, and its bars plus what it names
/// are the total.
#[test]
fn each_breakdown_names_the_packages_it_leaves_out() {
    let csv = "kd_rup,nama_paket,nama_satker,metode_pengadaan,jenis_pengadaan,tahun_anggaran,nilai_kontrak,tgl_kontrak\n\
        1,A,Dinas A,Tender,Barang,2024,500000000,2024-03-05\n\
        2,B,Dinas A,,Barang,2024,40000000,2024-04-05\n\
        3,C,,Tender,,2024,9000000,2024-05-05\n";
    let dataset = load(csv.as_bytes());
    let spending = dataset.spending.as_ref().expect("spending");
    assert_eq!(
        (
            spending.unsaid.method.amount.0,
            spending.unsaid.method.packages
        ),
        (40_000_000, 1)
    );
    assert_eq!(spending.unsaid.kind.amount.0, 9_000_000);
    assert_eq!(spending.unsaid.unit.amount.0, 9_000_000);
    let by_method: i64 = spending.by_method.iter().map(|row| row.amount.0).sum();
    assert_eq!(by_method + spending.unsaid.method.amount.0, 549_000_000);
    for lang in Lang::ALL {
        let shown = panels(&dataset, View::Spending, lang, false);
        let method = shown
            .iter()
            .find(|panel| panel.id == "by-method")
            .expect("by method");
        let said = lang.pick(
            "Rp40 jt dari paket yang tidak menyebut metode pemilihan (1 paket) tidak masuk grafik ini.",
            "IDR 40 million of packages that name no method (1) is not in this chart.",
        );
        assert!(
            method.notes.iter().any(|note| note == said),
            "{:?}",
            method.notes
        );
        let unit = shown
            .iter()
            .find(|panel| panel.id == "by-unit")
            .expect("by unit");
        assert!(unit
            .notes
            .iter()
            .any(|note| note.starts_with(lang.pick("Rp9 jt", "IDR 9 million"))));
    }
}

#[test]
fn the_issues_csv_keeps_the_raw_value_while_the_sentence_shows_it_clean() {
    // A method cell with a zero-width space inside an unknown word, and a formula-looking one.
    let csv = "kd_rup,nama_paket,pagu,metode_pengadaan\n1,A,100,Lel\u{200B}ang\n2,B,200,=cmd\n";
    let loaded = read(Source {
        bytes: csv.as_bytes().to_vec().into(),
        content_type: Some("text/csv"),
        format: None,
        address: "rup.csv",
        current_year: 2024,
    })
    .expect("reads");
    let issue = &loaded.issues[0];
    assert_eq!(issue.problem.value(), Some("Lel\u{200B}ang"), "kept raw");
    assert!(pantau_pbj::i18n::describe_issue(issue, Lang::En).contains("«Lelang»"));
    let text = pantau_pbj::views::export::issues_csv(&loaded.issues, Lang::En);
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(lines[0], "place,code,raw_value,kept,message");
    assert!(
        lines[1].starts_with("2:metode_pengadaan,unrecognised,Lel\u{200B}ang,true,"),
        "{}",
        lines[1]
    );
    assert!(lines[1].contains("«Lelang»"));
    // A value a spreadsheet would run as a formula is quoted as text.
    assert!(lines[2].contains(",'=cmd,"), "{}", lines[2]);
}
