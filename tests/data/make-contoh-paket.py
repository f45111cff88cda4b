#!/usr/bin/env python3
"""Writes data/contoh-paket.json: an illustrative package-level sample (format v1 `packages`)
for the filters and drill-down. Every figure is made up (meta.illustrative is true); the
spending units, regions, methods and thresholds are real Kalimantan Timur names and rules.
Deterministic: the same file every run.  Usage: python3 tests/data/make-contoh-paket.py"""
import json
import random
from datetime import date, timedelta
from pathlib import Path

UNITS = [
    "Dinas Kesehatan",
    "Dinas Pendidikan dan Kebudayaan",
    "Dinas Pekerjaan Umum, Penataan Ruang dan Perumahan Rakyat",
    "Dinas Perhubungan",
    "Dinas Pertanian dan Peternakan",
    "RSUD Abdul Wahab Sjahranie",
    "Sekretariat Daerah",
]
REGIONS = ["Kota Samarinda", "Kota Balikpapan", "Kab. Kutai Kartanegara", "Kab. Berau", "Kota Bontang", "Kab. Paser"]
WHAT = {
    "barang": ["Alat kesehatan", "Obat dan bahan medis", "Perangkat komputer", "Mebel sekolah", "Bibit dan pupuk"],
    "pekerjaan-konstruksi": ["Peningkatan jalan", "Rehabilitasi gedung", "Jembatan", "Drainase"],
    "jasa-konsultansi": ["Pengawasan konstruksi", "Perencanaan teknis", "Kajian"],
    "jasa-lainnya": ["Kebersihan gedung", "Sewa kendaraan", "Katering", "Pemeliharaan AC"],
}
JUTA = 1_000_000


def method_for(kind, pagu, rng):
    if rng.random() < 0.08:
        return "swakelola"
    limit = 100 * JUTA if kind == "jasa-konsultansi" else 200 * JUTA
    if pagu <= limit:
        return rng.choice(["pengadaan-langsung", "e-purchasing"])
    if kind == "jasa-konsultansi":
        return "seleksi"
    return rng.choice(["tender", "tender", "tender-cepat", "e-purchasing", "penunjukan-langsung"])


def packages_for(year, last_month, rng):
    out = []
    for number in range(1, 91):
        kind = rng.choices(list(WHAT), weights=[4, 3, 1, 2])[0]
        scale = {"barang": 9.2, "pekerjaan-konstruksi": 9.9, "jasa-konsultansi": 8.9, "jasa-lainnya": 8.7}[kind]
        pagu = int(10 ** rng.uniform(scale - 1.6, scale + 0.9)) // JUTA * JUTA + JUTA
        method = method_for(kind, pagu, rng)
        unit = rng.choice(UNITS)
        entry = {
            "id": f"{year % 100}{UNITS.index(unit) + 1:02d}{number:04d}",
            "name": f"{rng.choice(WHAT[kind])} {unit.split(' ', 1)[-1]} {year}",
            "unit": unit,
            "region": rng.choice(REGIONS),
            "method": method,
            "type": kind,
            "fiscal_year": year,
            "rencana": pagu,
            "pdn": rng.random() < (0.93 if kind != "barang" else 0.78),
            "umkk": pagu <= 15_000 * JUTA and rng.random() < 0.55,
        }
        month = rng.randint(1, 12)
        if month <= last_month:
            committed = pagu * rng.randint(82, 99) // 100
            entry["month"] = f"{year}-{month:02d}"
            entry["komitmen"] = committed
            if month < last_month or rng.random() < 0.5:
                entry["realisasi"] = committed * rng.randint(35 if year == 2024 else 80, 100) // 100
        out.append(entry)
    return out


REASONS = [
    "Kemampuan teknis usaha kecil belum memadai",
    "Barang hanya disediakan oleh penyedia non-usaha kecil",
    "Paket lanjutan kontrak tahun jamak",
]


def oversight_fields(packages, rng):
    """Adds, with their own random stream (the fields above stay as they were): the day of each
    dated package, the number of tenderers of tenders and selections, and a reason for most
    packages up to Rp15 miliar that are not reserved for small businesses."""
    for entry in packages:
        if "month" in entry:
            entry["date"] = f"{entry['month']}-{rng.randint(1, 28):02d}"
        if entry["method"] in ("tender", "tender-cepat", "seleksi"):
            entry["tenderers"] = rng.choice([1, 1, 2, 3, 3, 4, 5, 6, 8])
        if entry["method"] != "swakelola" and not entry["umkk"] and entry["rencana"] <= 15_000 * JUTA:
            if rng.random() < 0.8:
                entry["non_ukm_reason"] = rng.choice(REASONS)


SUPPLIERS = [
    "CV Mahakam Jaya", "PT Borneo Karya Utama", "CV Samarinda Mandiri", "PT Etam Konstruksi",
    "CV Balikpapan Sejahtera", "PT Kutai Teknik", "CV Bontang Abadi", "PT Medika Borneo Utama",
]


def tender_fields(packages, rng):
    """Adds, with a third random stream (nothing above changes): the owner's estimate (HPS) and
    the status of tenders and selections, and the winner of every package with a contract. One
    unit (the hospital) buys mostly from one supplier."""
    for entry in packages:
        tendered = entry["method"] in ("tender", "tender-cepat", "seleksi")
        if tendered:
            entry["hps"] = entry["rencana"] * rng.randint(92, 100) // 100
            if "komitmen" in entry:
                entry["status"] = "complete"
            else:
                entry["status"] = "failed" if rng.random() < 0.3 else "active"
        if "komitmen" in entry and entry["method"] != "swakelola":
            if entry["unit"] == "RSUD Abdul Wahab Sjahranie" and rng.random() < 0.8:
                entry["supplier"] = "PT Medika Borneo Utama"
            else:
                entry["supplier"] = rng.choice(SUPPLIERS[:7])


def oversight_examples(year, count, rng):
    """Packages an auditor would look at: direct purchases above their ceiling, and consultancy
    packages of one unit bunched just under the Rp100 juta ceiling (with a few below that)."""
    unit = UNITS[2]
    out = []
    def add(kind, method, value, name):
        number = 9000 + len(out) + 1
        month = rng.randint(1, 7 if year == 2024 else 12)
        out.append({
            "id": f"{year % 100}{UNITS.index(unit) + 1:02d}{number:04d}",
            "name": f"{name} {year}",
            "unit": unit,
            "region": rng.choice(REGIONS),
            "method": method,
            "type": kind,
            "fiscal_year": year,
            "rencana": value,
            "pdn": True,
            "umkk": True,
            "month": f"{year}-{month:02d}",
            "date": f"{year}-{month:02d}-{rng.randint(1, 28):02d}",
            "komitmen": value,
        })
    add("barang", "pengadaan-langsung", 238 * JUTA, "Pengadaan alat berat ringan")
    add("pekerjaan-konstruksi", "pengadaan-langsung", 315 * JUTA, "Rehabilitasi saluran")
    for index in range(count):
        add("jasa-konsultansi", "pengadaan-langsung", rng.randint(91, 99) * JUTA + rng.randint(0, 900) * 1000, f"Pengawasan ruas jalan {index + 1}")
    for index in range(4):
        add("jasa-konsultansi", "pengadaan-langsung", rng.randint(81, 89) * JUTA, f"Kajian teknis drainase {index + 1}")
    return out


def selection_days(packages, rng):
    """Adds, with a fourth random stream (nothing above changes): the day each dated package's
    selection started (format v1 `selection_date`), days to weeks before its date: the day the
    oversight view judges ceilings on. The consultancy packages of one unit above, one name in
    many parts, start close together: the split-package indicator's example."""
    for entry in packages:
        if "date" not in entry:
            continue
        year, month, day = (int(part) for part in entry["date"].split("-"))
        tendered = entry["method"] in ("tender", "tender-cepat", "seleksi", "penunjukan-langsung")
        back = rng.randint(7, 45) if tendered else rng.randint(2, 14)
        start = date(year, month, day) - timedelta(days=back)
        if start.year < entry["fiscal_year"] - 1:
            start = date(entry["fiscal_year"], 1, 2)
        entry["selection_date"] = start.isoformat()


def main():
    rng = random.Random(64)
    packages = packages_for(2023, 12, rng) + packages_for(2024, 7, rng)
    extra = random.Random(1645)
    oversight_fields(packages, extra)
    packages += oversight_examples(2023, 6, extra) + oversight_examples(2024, 12, extra)
    tender_fields(packages, random.Random(5110))
    selection_days(packages, random.Random(2504))
    data = {
        "format": "pantau-pbj",
        "version": 1,
        "meta": {
            "title": "Contoh paket pengadaan Pemprov Kalimantan Timur 2023-2024 (ilustratif)",
            "publisher": "Pantau PBJ (contoh data)",
            "license": "CC BY 4.0",
            "as_of": "2024-07-31",
            "period": {"start": "2023-01-01", "end": "2024-12-31"},
            "fiscal_year": 2024,
            "currency": "IDR",
            "illustrative": True,
            "region": {"code": "64", "name": "Kalimantan Timur"},
            "notes": "Seluruh angka dibuat untuk ilustrasi (tests/data/make-contoh-paket.py), bukan data resmi.",
        },
        "packages": packages,
    }
    target = Path(__file__).resolve().parents[2] / "data" / "contoh-paket.json"
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
