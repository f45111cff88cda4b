//! The adversarial-complexity corpus: generators (not files) of inputs built to make a reader
//! do work that grows with the square of their size, or to flood the page, one per family.
//! Each makes a file of about `bytes` bytes; the host tests (`tests/adversarial.rs`) read them
//! through the widget's own path at about 1 MB, and the benchmark
//! (`cargo bench --bench adversarial`, then `ONLY=adversarial node tests/bench/run.mjs`) writes
//! them at 1 MB and 30 MB for Chromium.
#![allow(dead_code)]

use std::fmt::Write;

/// One generated input.
pub struct Case {
    /// Its name, for reports and file names.
    pub name: &'static str,
    /// The file's extension (`json`, `jsonl`, `csv`).
    pub extension: &'static str,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// Every family's name.
pub const FAMILIES: [&str; 17] = [
    "ocds-many-awards",
    "ocds-many-parties",
    "ocds-many-ocids",
    "ocds-lines-many-bad",
    "pantau-many-sources",
    "pantau-many-targets",
    "pantau-many-units",
    "pantau-long-text",
    "csv-many-units",
    "csv-many-regions",
    "csv-many-methods",
    "csv-many-types",
    "csv-long-header-bad-rows",
    "csv-many-columns",
    "csv-one-long-row",
    "isb-many-units",
    "isb-lines-repeated-ids",
];

/// The family `name` at about `bytes` bytes.
pub fn generate(name: &str, bytes: usize) -> Option<Case> {
    let (extension, text) = match name {
        "ocds-many-awards" => ("json", ocds_many_awards(bytes)),
        "ocds-many-parties" => ("json", ocds_many_parties(bytes)),
        "ocds-many-ocids" => ("json", ocds_many_ocids(bytes)),
        "ocds-lines-many-bad" => ("jsonl", ocds_lines_many_bad(bytes)),
        "pantau-many-sources" => ("json", pantau_many_sources(bytes)),
        "pantau-many-targets" => ("json", pantau_many_targets(bytes)),
        "pantau-many-units" => ("json", pantau_many_units(bytes)),
        "pantau-long-text" => ("json", pantau_long_text(bytes)),
        "csv-many-units" => ("csv", csv_distinct(bytes, Distinct::Unit)),
        "csv-many-regions" => ("csv", csv_distinct(bytes, Distinct::Region)),
        "csv-many-methods" => ("csv", csv_distinct(bytes, Distinct::Method)),
        "csv-many-types" => ("csv", csv_distinct(bytes, Distinct::Type)),
        "csv-long-header-bad-rows" => ("csv", csv_long_header_bad_rows(bytes)),
        "csv-many-columns" => ("csv", csv_many_columns(bytes)),
        "csv-one-long-row" => ("csv", csv_one_long_row(bytes)),
        "isb-many-units" => ("json", isb_many_units(bytes)),
        "isb-lines-repeated-ids" => ("jsonl", isb_lines_repeated_ids(bytes)),
        _ => return None,
    };
    let name = FAMILIES.into_iter().find(|family| *family == name)?;
    Some(Case {
        name,
        extension,
        bytes: text.into_bytes(),
    })
}

/// Appends `item(index)` joined by `,` until `out` is about `bytes` long; the count.
fn fill(out: &mut String, bytes: usize, mut item: impl FnMut(&mut String, usize)) -> usize {
    let mut index = 0;
    while out.len() < bytes {
        if index > 0 {
            out.push(',');
        }
        item(out, index);
        index += 1;
    }
    index
}

/// Two releases of one `ocid`, the second with awards of distinct ids filling the file: a
/// merge that compares every id with every other is quadratic.
fn ocds_many_awards(bytes: usize) -> String {
    let mut out = String::from(
        r#"{"uri":"https://x.go.id/ocds","publishedDate":"2024-06-01T00:00:00Z","publisher":{"name":"Uji"},"releases":[{"ocid":"ocds-uji-1","id":"1","date":"2024-01-01T00:00:00Z","tag":["tender"],"buyer":{"id":"b","name":"Dinas Uji"},"tender":{"id":"t","value":{"amount":1000000,"currency":"IDR"},"procurementMethod":"open"},"awards":[{"id":"a-first","status":"active","value":{"amount":1,"currency":"IDR"}}]},{"ocid":"ocds-uji-1","id":"2","date":"2024-02-01T00:00:00Z","tag":["award"],"awards":["#,
    );
    fill(&mut out, bytes, |out, index| {
        let _ = write!(
            out,
            r#"{{"id":"a-{index}","status":"active","value":{{"amount":{},"currency":"IDR"}}}}"#,
            1000 + index
        );
    });
    out.push_str("]}]}");
    out
}

/// One release naming as many suppliers as parties: matching each supplier to its party by a
/// search is quadratic.
fn ocds_many_parties(bytes: usize) -> String {
    let mut parties = String::new();
    let mut suppliers = String::new();
    let mut index = 0;
    while parties.len() + suppliers.len() < bytes {
        if index > 0 {
            parties.push(',');
            suppliers.push(',');
        }
        let scale = ["micro", "sme", "large"][index % 3];
        let _ = write!(
            parties,
            r#"{{"id":"p-{index}","name":"Pemasok {index}","roles":["supplier"],"details":{{"scale":"{scale}"}}}}"#
        );
        let _ = write!(
            suppliers,
            r#"{{"id":"p-{index}","name":"Pemasok {index}"}}"#
        );
        index += 1;
    }
    format!(
        r#"{{"uri":"u","publishedDate":"2024-06-01T00:00:00Z","releases":[{{"ocid":"ocds-uji-2","id":"1","date":"2024-03-01T00:00:00Z","tag":["award"],"buyer":{{"id":"b","name":"Dinas Uji"}},"parties":[{parties}],"awards":[{{"id":"a","status":"active","value":{{"amount":5000000,"currency":"IDR"}},"suppliers":[{suppliers}]}}]}}]}}"#
    )
}

/// Many processes with one release each, buyers all distinct.
fn ocds_many_ocids(bytes: usize) -> String {
    let mut out = String::from(r#"{"uri":"u","publishedDate":"2024-06-01T00:00:00Z","releases":["#);
    fill(&mut out, bytes, |out, index| {
        let _ = write!(
            out,
            r#"{{"ocid":"ocds-uji-{index}","id":"1","date":"2024-0{}-01T00:00:00Z","buyer":{{"id":"b{index}","name":"Unit {index}"}},"tender":{{"value":{{"amount":{},"currency":"IDR"}},"procurementMethod":"open","mainProcurementCategory":"goods"}}}}"#,
            1 + index % 9,
            1_000_000 + index
        );
    });
    out.push_str("]}");
    out
}

/// JSON Lines where one line in two is not a JSON object, and releases lack amounts: the
/// issues grow with the file.
fn ocds_lines_many_bad(bytes: usize) -> String {
    let mut out = String::new();
    let mut index = 0;
    while out.len() < bytes {
        let _ = writeln!(
            out,
            r#"{{"ocid":"ocds-uji-{index}","id":"1","date":"2024-01-01T00:00:00Z","tender":{{"value":{{"amount":{},"currency":"IDR"}}}}}}"#,
            1000 + index
        );
        out.push_str("[1]\n");
        let _ = writeln!(out, r#"{{"ocid":"ocds-bad-{index}","id":"1"}}"#);
        index += 1;
    }
    out
}

/// The head of a Pantau file, with `sources`.
fn pantau_head(sources: &str) -> String {
    format!(
        r#"{{"format":"pantau-pbj","version":1,"meta":{{"title":"Uji","publisher":"Uji","license":"CC BY 4.0","as_of":"2024-06-30","period":{{"start":"2024-01-01","end":"2024-12-31"}},"fiscal_year":2024,"currency":"IDR","sources":[{sources}]}}"#
    )
}

/// A Pantau file whose notes are one string as long as the file, full of escapes (decoded in
/// one go, before).
fn pantau_long_text(bytes: usize) -> String {
    let piece = r#"Catatan \"PBJ\" \u00e9\n\uD83D\uDCCA / "#;
    let notes = piece.repeat(bytes / piece.len() + 1);
    let head = pantau_head("").replacen(
        r#""currency":"IDR","#,
        &format!(r#""currency":"IDR","notes":"{notes}","#),
        1,
    );
    format!(
        r#"{head},"spending":{{"label":"Belanja","fiscal_year":2024,"stage":"realisasi","monthly":[{{"month":"2024-01","amount":1000000}}]}}}}"#
    )
}

/// A Pantau file listing sources by the tens of thousands (a duplicate check by search, and
/// one list item each, before), each month citing one.
fn pantau_many_sources(bytes: usize) -> String {
    let mut sources = String::new();
    let count = fill(&mut sources, bytes, |out, index| {
        let _ = write!(
            out,
            r#"{{"id":"s{index}","title":"Sumber {index}","url":"https://x.go.id/{index}"}}"#
        );
    });
    let monthly: Vec<String> = (1..=12)
        .map(|month| {
            format!(
                r#"{{"month":"2024-{month:02}","amount":{},"source":"s{}"}}"#,
                month * 1_000_000,
                (month * 7919) % count
            )
        })
        .collect();
    format!(
        r#"{},"spending":{{"label":"Belanja","fiscal_year":2024,"stage":"realisasi","monthly":[{}]}}}}"#,
        pantau_head(&sources),
        monthly.join(",")
    )
}

/// A Pantau file with thousands of targets (one chart each, before).
fn pantau_many_targets(bytes: usize) -> String {
    let mut targets = String::new();
    fill(&mut targets, bytes, |out, index| {
        let _ = write!(
            out,
            r#"{{"id":"t{index}","label":"Target {index}","unit":"produk","baseline":0,"start":"2024-01-01","target":{},"deadline":"2024-12-31","achieved":{},"as_of":"2024-06-30"}}"#,
            1000 + index,
            (index * 37) % (1000 + index)
        );
    });
    format!(r#"{},"targets":[{targets}]}}"#, pantau_head(""))
}

/// A Pantau file with local content for thousands of distinct units (a duplicate check by
/// search, and one bar each when expanded, before).
fn pantau_many_units(bytes: usize) -> String {
    let mut units = String::new();
    let mut total = 0u64;
    let mut pdn = 0u64;
    let mut umkk = 0u64;
    fill(&mut units, bytes, |out, index| {
        let unit_total = 1_000_000 + index as u64;
        let (unit_pdn, unit_umkk) = (unit_total * (index as u64 % 100) / 100, unit_total / 3);
        total += unit_total;
        pdn += unit_pdn;
        umkk += unit_umkk;
        let _ = write!(
            out,
            r#"{{"unit":"Perangkat Daerah {index}","total":{unit_total},"pdn":{unit_pdn},"umkk":{unit_umkk}}}"#
        );
    });
    format!(
        r#"{},"local_content":{{"fiscal_year":2024,"stage":"realisasi","total":{{"amount":{total}}},"pdn":{{"amount":{pdn}}},"umkk":{{"amount":{umkk}}},"by_unit":[{units}]}}}}"#,
        pantau_head("")
    )
}

/// Which column of a CSV takes a new value on every row.
#[derive(Clone, Copy)]
enum Distinct {
    Unit,
    Region,
    Method,
    Type,
}

/// A CSV whose rows each bring a new spending unit, region, method or type (a choice each in
/// the filters, an option each in the page, before).
fn csv_distinct(bytes: usize, distinct: Distinct) -> String {
    let mut out = String::from(
        "kd_rup;nama_paket;nama_satker;lokasi;metode_pengadaan;jenis_pengadaan;tahun_anggaran;pagu\n",
    );
    let mut index = 0;
    while out.len() < bytes {
        let unit = match distinct {
            Distinct::Unit => format!("Satuan Kerja {index}"),
            _ => format!("Dinas {}", index % 7),
        };
        let region = match distinct {
            Distinct::Region => format!("Kabupaten {index}"),
            _ => "Kota Samarinda".to_owned(),
        };
        let method = match distinct {
            Distinct::Method => format!("Metode {index}"),
            _ => "Tender".to_owned(),
        };
        let kind = match distinct {
            Distinct::Type => format!("Jenis {index}"),
            _ => "Barang".to_owned(),
        };
        let _ = writeln!(
            out,
            "{};Paket {index};{unit};{region};{method};{kind};2024;{}",
            10_000_000 + index,
            1_000_000 + index
        );
        index += 1;
    }
    out
}

/// A CSV whose amount header is `pagu` followed by hundreds of emoji (read as `pagu`), and
/// whose rows all have a bad amount: an issue per row, each of which named the whole header.
fn csv_long_header_bad_rows(bytes: usize) -> String {
    let mut out = format!("nama_satker;pagu {}\n", "💸".repeat(296));
    while out.len() < bytes {
        out.push_str("A;x\n");
    }
    out
}

/// A CSV with a header of thousands of columns (only the first 1.024 are looked at), the
/// amount and the unit among them.
fn csv_many_columns(bytes: usize) -> String {
    let columns = (bytes / 40).max(1000);
    let mut header: Vec<String> = (0..columns).map(|index| format!("kolom_{index}")).collect();
    let (amount, unit) = (5, 600);
    header[amount] = "pagu".to_owned();
    header[unit] = "nama_satker".to_owned();
    let mut out = header.join(";");
    out.push('\n');
    let row: Vec<&str> = (0..columns)
        .map(|index| match index {
            _ if index == amount => "1000000",
            _ if index == unit => "Dinas A",
            _ => "",
        })
        .collect();
    let row = row.join(";");
    while out.len() < bytes {
        out.push_str(&row);
        out.push('\n');
    }
    out
}

/// A CSV of one row whose name cell holds nearly the whole file (cut to the text cap).
fn csv_one_long_row(bytes: usize) -> String {
    format!(
        "nama_paket;nama_satker;pagu\n\"{}\";Dinas A;1000000\n",
        "a".repeat(bytes)
    )
}

/// An ISB export (a JSON array of flat objects, SiRUP's fields) of packages of distinct units,
/// with long names and fields the widget does not read.
fn isb_many_units(bytes: usize) -> String {
    let mut out = String::from("[");
    fill(&mut out, bytes, |out, index| {
        let _ = write!(
            out,
            r#"{{"kd_rup":{},"nama_paket":"Paket {index}","kd_klpd":"D197","nama_klpd":"Provinsi Uji","nama_satker":"Satuan Kerja {index}","metode_pengadaan":"{}","jenis_pengadaan":"Barang","pagu":{},"status_pdn":"PDN","status_ukm":"{}","tahun_anggaran":2024,"tgl_awal_pemilihan":"2024-{:02}-01","status_aktif_rup":true,"alasan_non_ukm":null,"urarian_pekerjaan":"{}"}}"#,
            40_000_000 + index,
            [
                "Tender",
                "Pengadaan Langsung",
                "E-Purchasing",
                "Pengadaan Darurat"
            ][index % 4],
            1_000_000 + index * 7,
            ["UKM", "Non UKM"][index % 2],
            1 + index % 12,
            "x".repeat(index % 200)
        );
    });
    out.push(']');
    out
}

/// ISB JSON Lines of e-Katalog order lines where every order has many lines (one package each):
/// merging lines by id must stay linear.
fn isb_lines_repeated_ids(bytes: usize) -> String {
    let mut out = String::new();
    let mut index = 0;
    while out.len() < bytes {
        let _ = writeln!(
            out,
            r#"{{"kd_paket":"EP-{}","rup_nama_pkt":"Order {}","nama_satker":"Unit {}","total_harga":{},"tgl_order":"2024-05-{:02}","nama_instansi":"Provinsi Uji","tahun_anggaran":2024}}"#,
            index / 50,
            index / 50,
            index % 700,
            1000 + index,
            1 + index % 28
        );
        index += 1;
    }
    out
}
