//! `pantau convert` on generated SiRUP-like CSV exports of 100.000 and 1.000.000 packages (15
//! and 150 MB, then gzip-compressed): prints each run's MB/s and peak memory, which stays that
//! of one step and the groups, whatever the input's size. Not a test: `cargo bench --bench
//! convert` (writes the files into target/bench-data).

// Test code: a failed expectation is the test failing.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::io::Write;
use std::process::Command;

/// Writes `rows` packages as a SiRUP-like CSV export (semicolons, Indonesian number formats).
fn export(path: &std::path::Path, rows: usize) -> std::io::Result<()> {
    let file = std::fs::File::create(path)?;
    let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
    let methods = [
        "Tender",
        "Pengadaan Langsung",
        "E-Purchasing",
        "Penunjukan Langsung",
        "Seleksi",
        "Swakelola",
    ];
    let kinds = [
        "Barang",
        "Pekerjaan Konstruksi",
        "Jasa Konsultansi",
        "Jasa Lainnya",
    ];
    writeln!(out, "kd_rup;nama_paket;nama_satker;lokasi;metode_pengadaan;jenis_pengadaan;tahun_anggaran;tanggal_kontrak;pagu;nilai_kontrak;status_pdn;status_ukm")?;
    for index in 0..rows {
        let pagu = 10_000_000 + (index as u64 * 104_729) % 5_000_000_000;
        writeln!(
            out,
            "{};Paket {index} uji;Perangkat Daerah {:02};Kab. {};{};{};2024;{:02}/{:02}/2024;{pagu};{};{};{}",
            40_000_000 + index,
            index % 40,
            index % 10,
            methods[index % methods.len()],
            kinds[(index / 7) % kinds.len()],
            1 + index % 28,
            1 + (index / 28) % 12,
            pagu / 100 * 93,
            if index % 5 == 0 { "Non-PDN" } else { "PDN" },
            if index % 3 == 0 { "UKM" } else { "Non UKM" },
        )?;
    }
    out.flush()
}

fn main() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    if let Err(error) = std::fs::create_dir_all(&folder) {
        eprintln!("{}: {error}", folder.display());
        return;
    }
    for rows in [100_000, 1_000_000] {
        let csv = folder.join(format!("convert-{rows}.csv"));
        if !csv.exists() {
            if let Err(error) = export(&csv, rows) {
                eprintln!("{}: {error}", csv.display());
                return;
            }
        }
        let gzip = folder.join(format!("convert-{rows}.csv.gz"));
        if !gzip.exists() {
            let _ = Command::new("gzip").arg("-kf1").arg(&csv).status();
        }
        for input in [&csv, &gzip] {
            if !input.exists() {
                continue;
            }
            let out = folder.join("convert-out.json");
            let run = Command::new(env!("CARGO_BIN_EXE_pantau"))
                .arg("convert")
                .arg(input)
                .arg("-o")
                .arg(&out)
                .output();
            match run {
                Ok(output) => print!("{}", String::from_utf8_lossy(&output.stderr)),
                Err(error) => eprintln!("pantau: {error}"),
            }
        }
    }
}
