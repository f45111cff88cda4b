//! Small made-up files for a reading worker to read while the real file downloads. A browser
//! first compiles WebAssembly quickly and only optimises a function after it has run a while:
//! reading these first means the real file is read by optimised code (about twice as fast for the
//! first 100.000 rows). They take the shapes real exports take, so that the code that runs is the
//! code the real file needs: Indonesian headers, `;` and quoted `,`, both date orders, money with
//! and without `Rp`, flags and methods as people type them; OCDS releases with a tender, awards
//! and contracts.

use super::{Reading, Source};
use crate::format::Loaded;
use std::fmt::Write;

const UNITS: [&str; 4] = [
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Kesehatan",
    "Badan Pengelolaan Keuangan dan Aset Daerah",
    "RSUD Abdul Wahab Sjahranie",
];
const REGIONS: [&str; 3] = [
    "Kota Samarinda",
    "Kab. Kutai Kartanegara",
    "Kota Balikpapan",
];
const METHODS: [&str; 5] = [
    "Tender",
    "Pengadaan Langsung",
    "E-Purchasing",
    "Penunjukan Langsung",
    "Swakelola",
];
const KINDS: [&str; 4] = [
    "Barang",
    "Pekerjaan Konstruksi",
    "Jasa Konsultansi",
    "Jasa Lainnya",
];
const OCDS_METHODS: [&str; 3] = ["open", "limited", "direct"];
const CATEGORIES: [&str; 3] = ["goods", "works", "services"];

/// Rupiah in Indonesian notation: `12.753.516.235`.
fn grouped(value: u64) -> String {
    let digits = value.to_string();
    let mut text = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            text.push('.');
        }
        text.push(digit);
    }
    text
}

/// A CSV of `rows` packages in the style of a SiRUP/SPSE export.
pub fn csv(rows: usize) -> String {
    let mut text = String::from(
        "kd_rup;nama_paket;nama_satker;lokasi;metode_pengadaan;jenis_pengadaan;tahun_anggaran;\
         tanggal_kontrak;pagu;nilai_kontrak;realisasi;status_pdn;status_ukm;jumlah_peserta\n",
    );
    for row in 0..rows {
        let pagu = 50_000_000 + (row as u64 * 7_919_333) % 9_000_000_000;
        let day = 1 + row % 28;
        let month = 1 + row % 12;
        let date = match row % 3 {
            0 => format!("2024-{month:02}-{day:02}"),
            _ => format!("{day:02}/{month:02}/2024"),
        };
        let name = match row % 4 {
            0 => format!("\"Belanja Modal; Paket {row}, Tahap I\""),
            _ => format!("Pembangunan Jalan Paket {row}"),
        };
        let contract = match row % 5 {
            0 => format!("Rp {},00", grouped(pagu / 10 * 9)),
            _ => grouped(pagu / 10 * 9),
        };
        let paid = match row % 3 {
            0 => String::new(),
            _ => grouped(pagu / 2),
        };
        let _ = writeln!(
            text,
            "{};{name};{};{};{};{};2024;{date};{};{contract};{paid};{};{};{}",
            40_000_000 + row,
            UNITS[row % UNITS.len()],
            REGIONS[row % REGIONS.len()],
            METHODS[row % METHODS.len()],
            KINDS[row % KINDS.len()],
            grouped(pagu),
            ["Ya", "Tidak", "PDN"][row % 3],
            ["Ya", "Tidak", "Non UKM", ""][row % 4],
            1 + row % 6,
        );
    }
    text
}

/// `releases` OCDS releases as JSON Lines, each with a buyer, a tender, an award and a contract.
pub fn json_lines(releases: usize) -> String {
    let mut text = String::new();
    for index in 0..releases {
        let amount = 50_000_000 + (index as u64 * 7_919_333) % 9_000_000_000;
        let unit = UNITS[index % UNITS.len()];
        let date = format!("2024-{:02}-{:02}T08:00:00Z", 1 + index % 12, 1 + index % 28);
        let _ = writeln!(
            text,
            r#"{{"ocid":"ocds-warm-{index}","id":"ocds-warm-{index}-1","date":"{date}","tag":["contract"],"initiationType":"tender","buyer":{{"id":"{unit}","name":"{unit}"}},"parties":[{{"id":"{unit}","name":"{unit}","roles":["buyer"],"address":{{"region":"{}"}}}},{{"id":"s-{index}","name":"CV Pemasok {index}","roles":["supplier"]}}],"tender":{{"id":"t-{index}","title":"Paket {index}","value":{{"amount":{amount},"currency":"IDR"}},"procurementMethod":"{}","mainProcurementCategory":"{}","numberOfTenderers":{}}},"awards":[{{"id":"a-{index}","status":"active","date":"{date}","value":{{"amount":{},"currency":"IDR"}},"suppliers":[{{"id":"s-{index}","name":"CV Pemasok {index}"}}]}}],"contracts":[{{"id":"c-{index}","awardID":"a-{index}","status":"active","dateSigned":"{date}","value":{{"amount":{},"currency":"IDR"}},"implementation":{{"transactions":[{{"id":"p-{index}","date":"{date}","value":{{"amount":{},"currency":"IDR"}}}}]}}}}]}}"#,
            REGIONS[index % REGIONS.len()],
            OCDS_METHODS[index % OCDS_METHODS.len()],
            CATEGORIES[index % CATEGORIES.len()],
            1 + index % 6,
            amount / 10 * 9,
            amount / 10 * 9,
            amount / 2,
        );
    }
    text
}

/// Reads `text` as the reading worker reads a file (step by step), for the compiler's sake.
pub fn read(text: &str, steps: usize) -> Option<Loaded> {
    let mut reading = Reading::start(Source {
        bytes: text.as_bytes().into(),
        content_type: None,
        format: None,
        address: "warm",
        current_year: 2024,
    });
    loop {
        if let Some(result) = reading.step(steps) {
            return result.ok();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_made_up_files_read_whole_without_a_single_issue() {
        // Otherwise the warm-up would train the code of an error path, not of the reading.
        for (text, count) in [(csv(240), 240), (json_lines(30), 30)] {
            let loaded = read(&text, 50).expect("the made-up file reads");
            assert_eq!(loaded.dataset.packages.len(), count);
            assert!(loaded.issues.is_empty(), "{:?}", loaded.issues);
        }
        assert_eq!(grouped(12_753_516_235), "12.753.516.235");
        assert_eq!(grouped(999), "999");
    }
}
