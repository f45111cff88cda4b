#!/usr/bin/env python3
"""Writes the ISB fixtures of this folder: small files shaped as LKPP's ISB data service
answers (field names, types, nulls, date formats and value styles of each dataset family),
with invented values. See README.md for where the shapes come from.

    python3 tests/data/isb/make.py            # the fixtures (committed)
    python3 tests/data/isb/make.py --big N    # N records of each family into target/isb/
"""
import json, os, sys, random

KLPD = {"kd_klpd": "D197", "nama_klpd": "Provinsi Kalimantan Barat", "jenis_klpd": "PROVINSI"}
UNITS = ["Dinas Kesehatan", "Dinas Pekerjaan Umum dan Penataan Ruang", "Sekretariat Daerah",
         "Dinas Pendidikan dan Kebudayaan"]

def rup_penyedia():
    rows = [
        # kd_rup, unit, method, type, pagu, pdn, ukm, start
        (40110001, 0, "Pengadaan Langsung", "Barang", 185_000_000, "PDN", "UKM", "2024-02-01"),
        (40110002, 1, "Tender", "Pekerjaan Konstruksi", 7_500_000_000, "PDN", "Non UKM", "2024-03-01"),
        (40110003, 2, "E-Purchasing", "Barang", 420_000_000, "Non PDN", "UKM", "2024-01-01"),
        (40110004, 3, "Seleksi", "Jasa Konsultansi", 950_000_000, "PDN", "Non UKM", "2024-04-01"),
        (40110005, 0, "Dikecualikan", "Jasa Lainnya", 60_000_000, "PDN", "UKM", "2024-05-01"),
        (40110006, 2, "Pengadaan Darurat", "Barang", 35_000_000, "PDN", "UKM", "2024-06-01"),
    ]
    out = []
    for kd, unit, method, kind, pagu, pdn, ukm, start in rows:
        out.append({
            "spp_aspek_lingkungan": False, "status_pdn": pdn, "nama_paket": f"Paket {kd}",
            "tgl_awal_pemilihan": start, "tipe_paket": "Penyedia", "status_umumkan_rup": "Terumumkan",
            "kode_rup_tahun_pertama": None, "nomor_kontrak": None, "kd_satker": 100 + unit,
            "status_dikecualikan": method == "Dikecualikan", **KLPD, "nip_ppk": None,
            "volume_pekerjaan": "1 paket", "status_delete_rup": False, "kd_rup": kd,
            "kd_metode_pengadaan": 0, "status_ukm": ukm, "jenis_pengadaan": kind,
            "kd_satker_str": f"{100 + unit}", "nama_satker": UNITS[unit], "metode_pengadaan": method,
            "tgl_pengumuman_paket": start + " 10:06:33", "alasan_non_ukm": None,
            "_event_date": "2024-07-01 00:00:00", "status_aktif_rup": True, "pagu": pagu,
            "tahun_anggaran": 2024, "nama_ppk": None,
        })
    return out

def rup_swakelola():
    out = []
    for index, (unit, pagu) in enumerate([(0, 250_000_000), (1, 1_200_000_000), (2, 75_500_000), (1, 300_000_000)]):
        out.append({
            "nama_paket": f"Swakelola {index + 1}", "status_umumkan_rup": "Terumumkan",
            "kd_satker": 100 + unit, **KLPD, "kd_rup": 40220001 + index, "tipe_swakelola": 1,
            "kd_satker_str": f"{100 + unit}", "tgl_pengumuman_paket": "2024-01-14 10:20:19",
            "status_aktif_rup": True, "pagu": pagu, "uraian_pekerjaan": "Kegiatan",
            "tgl_awal_pelaksanaan_kontrak": f"2024-0{index + 2}-01",
            "nama_satker": UNITS[unit], "tahun_anggaran": 2024, "kd_klpd_penyelenggara": None,
        })
    return out

def tender_pengumuman():
    rows = [
        (9101, 1, "Tender", "Pekerjaan Konstruksi", 7_500_000_000, 7_499_321_187.61, "Selesai"),
        (9102, 3, "Seleksi", "Jasa Konsultansi Badan Usaha Non Konstruksi", 950_000_000, 899_369_196.4, "Selesai"),
        (9103, 1, "Tender", "Pekerjaan Konstruksi", 2_000_000_000, 1_999_995_334.78, "Gagal/Batal"),
    ]
    return [{
        "sumber_dana": "APBD", "ket_diulang": None, "nama_paket": f"Tender {kd}", "kd_tender": kd,
        "versi_tender": 1, "kd_satker": f"{100 + unit}", "nama_lpse": "LPSE Provinsi Kalimantan Barat",
        "lokasi_pekerjaan": "Kota Pontianak", "mtd_pemilihan": method, **KLPD, "hps": hps,
        "kontrak_pembayaran": "Lumsum", "kd_rup": f"4011000{kd - 9100}", "jenis_pengadaan": kind,
        "status_tender": status, "pagu": pagu, "tgl_pengumuman_tender": f"2024-0{kd - 9100 + 2}-05 09:00:00",
        "nama_satker": UNITS[unit], "tahun_anggaran": 2024, "kd_lpse": 197,
    } for kd, unit, method, kind, pagu, hps, status in rows]

def nontender_selesai():
    rows = [
        (8101, 0, "Pengadaan Barang", 185_000_000, 184_500_000, 184_500_000, 184_500_000, "2024-03-10 16:00:00"),
        (8102, 2, "Jasa Lainnya", 95_000_000, 93_100_000, 0, 93_100_000, "2024-04-22 16:00:00"),
        (8103, 1, "Pekerjaan Konstruksi", 199_000_000, 197_010_000.5, 197_010_000.5, 0, "2024-05-02 08:00:00"),
        (8104, 3, "Jasa Konsultansi Badan Usaha Konstruksi", 99_000_000, None, None, None, "2024-06-28 23:59:00"),
    ]
    return [{
        "lpse_id": 197, "sumber_dana": "APBD", "nama_paket": f"Non tender {kd}", "kd_nontender": kd,
        "kd_satker": f"{100 + unit}", "nilai_negosiasi": kontrak, "nama_lpse": "LPSE Provinsi Kalimantan Barat",
        "nilai_umk_kontrak": umk, "mtd_pemilihan": "Pengadaan Langsung", **KLPD, "hps": pagu - 500_000,
        "kontrak_pembayaran": "Lumsum", "kd_rup": f"4013{kd}", "tgl_pengumuman_nontender": "2024-02-01 09:00:00",
        "jenis_pengadaan": kind, "nama_penyedia": "CV Contoh", "tgl_selesai_nontender": done,
        "status_nontender": "Selesai", "nilai_terkoreksi": kontrak, "nilai_kontrak": kontrak, "pagu": pagu,
        "nilai_pdn_kontrak": pdn, "nilai_penawaran": kontrak, "nama_satker": UNITS[unit],
        "tahun_anggaran": 2024, "kd_lpse": 197, "kd_penyedia": 5000 + kd,
    } for kd, unit, kind, pagu, kontrak, pdn, umk, done in rows]

def tender_kontrak():
    rows = [
        (9101, 1, 6_528_354_560.19, 6_000_000_000, 0, "2024-04-25T00:00:00.000000Z"),
        (9102, 3, 880_000_000, 880_000_000, 880_000_000, "2024-05-18T00:00:00.000000Z"),
    ]
    return [{
        "alasan_nilai_kontrak_10_persen": None, "nama_paket": f"Tender {kd}", "kd_tender": kd,
        "bentuk_usaha_penyedia": "PT", "kd_satker": f"{100 + unit}", "nilai_umk_kontrak": umk, **KLPD,
        "versi_addendum": 0, "apakah_addendum": "Tidak", "kota_kontrak": "Pontianak",
        "status_kontrak": "Kontrak Sedang Berjalan", "kd_penyedia": 7000 + kd, "nama_penyedia": "PT Contoh",
        "jenis_kontrak": "Lumsum", "nilai_kontrak": kontrak, "nilai_pdn_kontrak": pdn,
        "nama_satker": UNITS[unit], "tahun_anggaran": 2024, "kd_lpse": 197, "tgl_kontrak": signed,
    } for kd, unit, kontrak, pdn, umk, signed in rows]

def ekatalog_v6():
    rows = [
        ("EPV6-0001", 0, 28_578_060, "2024-09-18", "COMPLETED"),
        ("EPV6-0002", 0, 90_719_856, "2024-09-24", "DRAFT"),
        ("EPV6-0003", 2, 62_493_000, "2024-10-02", "COMPLETED"),
        ("EPV6-0004", 3, 135_109_200, "2024-10-08", "SHIPPING"),
    ]
    return [{
        "sumber_dana": "APBD", "kd_penyedia_sikap": 1234, "kd_penyedia_v6": "P-1", "kd_klpd": "D197",
        "jenis_instansi": "PROVINSI", "kd_rup": f"5011{index}", "mak": "5.1.02", "status_pengiriman": shipped,
        "jml_produk": 3, "jml_jenis_produk": 1, "kd_satker_str": f"{100 + unit}", "ongkir": 0,
        "product_ids": "1,2", "kd_paket": kd, "total_harga": total,
        "nama_instansi": "Provinsi Kalimantan Barat", "tgl_order": order, "status_pkt": "ON_PROCESS",
        "rup_nama_pkt": f"Belanja e-Katalog {index + 1}", "nama_satker": UNITS[unit], "tahun_anggaran": 2024,
    } for index, (kd, unit, total, order, shipped) in enumerate(rows)]

def ekatalog_v5():
    # One row per product line: the order's value is the sum of its lines.
    rows = [
        (30001, 1, 12_000_000.0, "2024-03-04 10:00:00"),
        (30001, 1, 3_500_000.5, "2024-03-04 10:00:00"),
        (30002, 2, 48_250_000.0, "2024-04-15 09:12:00"),
    ]
    return [{
        "kd_komoditas": 567, "kode_anggaran": "5.1.02", "nama_paket": f"Pembelian {kd}", "ppk_nip": "x",
        "ongkos_kirim": 0.0, "kd_klpd": "D197", "kuantitas": 1.0, "kd_rup": 60000 + kd % 100,
        "jml_jenis_produk": 2, "kd_produk": 1556172, "nama_sumber_dana": "APBD", "harga_satuan": total,
        "kd_paket": kd, "tanggal_buat_paket": made, "total_harga": total, "paket_status_str": "Paket Selesai",
        "status_paket": "selesai", "nama_satker": None, "tahun_anggaran": 2024, "satker_id": 100 + unit,
        "kd_penyedia": 439515,
    } for kd, unit, total, made in rows]

def pencatatan():
    rows = [
        (7001, 0, "Pengadaan Barang", 124_936_000, 124_000_000, 100_000_000, 124_000_000),
        (7002, 2, "Jasa Lainnya", 38_417_115, 38_000_000, 0, 38_000_000),
        (7003, 1, "Pekerjaan Konstruksi", 75_000_000, None, 0, 0),
    ]
    return [{
        "sumber_dana": "APBD", "nama_paket": f"Pencatatan {kd}", "nilai_umk_pct": umk,
        "status_nontender_pct": "1", "kd_satker": f"{100 + unit}", "mtd_pemilihan": "Pengadaan Langsung",
        **KLPD, "kd_rup": f"4014{kd}", "kd_nontender_pct": kd, "kategori_pengadaan": kind,
        "nilai_pdn_pct": pdn, "tgl_buat_paket": "2024-02-02 08:00:00", "pagu": pagu,
        "tgl_selesai_paket": "2024-05-30", "nama_satker": UNITS[unit], "total_realisasi": real,
        "tahun_anggaran": 2024, "kd_lpse": 197, "status_nontender_pct_ket": "Selesai",
    } for kd, unit, kind, pagu, real, pdn, umk in rows]

def peserta_tender():
    # Three tenders. A participant is a bidder only with an offer above zero (nilai_penawaran);
    # the others only registered. 9201: one bid and one registrant; 9202: two bids (the second
    # won) and a registrant; 9203: an offer of 0 and one bid, which won.
    rows = [(9201, 1, "CV Tunggal", 1, 480000000.55), (9201, 7, "CV Daftar", 0, None),
            (9202, 2, "PT Satu", 0, 910000000), (9202, 3, "PT Dua", 1, 905000000.5),
            (9202, 4, "PT Tiga", 0, None), (9203, 5, "CV Empat", 0, 0),
            (9203, 6, "CV Lima", 1, 300000000)]
    return [{
        "alasan": None, "kd_klpd": "D197", "kd_lpse": 197, "kd_penyedia": 30000 + number,
        "kd_peserta": 50000 + number, "kd_pkt_dce": kd - 1000, "kd_satker": "101", "kd_satker_str": "101",
        "kd_tender": kd, "nama_penyedia": name, "nilai_penawaran": offer, "nilai_terkoreksi": offer,
        "npwp_penyedia": "", "npwp_penyedia_16": f"{number:016d}", "pemenang": won,
        "pemenang_terverifikasi": won, "tahun_anggaran": 2024,
    } for kd, number, name, won, offer in rows]

FAMILIES = {
    "rup-penyedia.json": rup_penyedia, "rup-swakelola.jsonl": rup_swakelola,
    "spse-tender-pengumuman.json": tender_pengumuman, "spse-nontender-selesai.json": nontender_selesai,
    "spse-tender-kontrak.json": tender_kontrak, "ekatalog-v6.json": ekatalog_v6,
    "ekatalog-v5.json": ekatalog_v5, "spse-pencatatan-nontender.json": pencatatan,
    "spse-peserta-tender.json": peserta_tender,
}

def write(path, records):
    with open(path, "w", encoding="utf-8") as out:
        if path.endswith(".jsonl"):
            out.write("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records))
        else:
            json.dump(records, out, ensure_ascii=False, indent=1)
            out.write("\n")

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    if len(sys.argv) == 3 and sys.argv[1] == "--big":
        count = int(sys.argv[2])
        target = os.path.join(here, "..", "..", "..", "target", "isb")
        os.makedirs(target, exist_ok=True)
        random.seed(7)
        for name, make in FAMILIES.items():
            base = make()
            records = []
            for index in range(count):
                record = dict(random.choice(base))
                for key in ("kd_rup", "kd_tender", "kd_nontender", "kd_paket", "kd_nontender_pct"):
                    if key in record:
                        record[key] = f"{record[key]}-{index}"
                record["nama_satker"] = f"Satuan Kerja {index % 300}"
                records.append(record)
            write(os.path.join(target, name), records)
        print(f"{count} records of each family in target/isb/")
    else:
        for name, make in FAMILIES.items():
            write(os.path.join(here, name), make())
