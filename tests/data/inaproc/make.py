#!/usr/bin/env python3
"""Writes the fixtures of this folder: small files shaped as LKPP's services answer beside
the ISB (INAPROC's API v1, the data behind its public realisation pages, SiRUP's older JSON
service, LKPP's tables of RUP totals per government), with invented values. See README.md.

    python3 tests/data/inaproc/make.py
"""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))

def write(name, value):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as out:
        json.dump(value, out, ensure_ascii=False, indent=1)
        out.write("\n")

def api_v1_tender():
    # INAPROC API v1 `/api/v1/tender`: an envelope with a cursor; the records in ISB's names.
    # One unit's name is empty (its code and address are there); amounts come as strings.
    rows = [
        ("10001", "Pembangunan Jembatan Sungai Kapuas", "Dinas PUPR", "7500000000.00", "7450000000.00",
         "Tender", "Pekerjaan Konstruksi", "2024-03-04 09:00:00"),
        ("10002", "Jasa Konsultansi Pengawasan", "", "950000000", "940000000.50",
         "Seleksi", "Jasa Konsultansi Badan Usaha Non Konstruksi", "2024-04-15 10:30:00"),
        ("10003", "Pengadaan Alat Kesehatan", "Dinas Kesehatan", "2400000000", "2390000000",
         "Tender Cepat", "Pengadaan Barang", "2024-05-20 08:00:00"),
    ]
    data = []
    for index, (kd, name, unit, pagu, hps, method, kind, day) in enumerate(rows):
        data.append({
            "kd_tender": kd, "kd_rup": f"5000{index}", "nama_paket": name,
            "kd_klpd": "D197", "nama_klpd": "Provinsi Kalimantan Barat", "jenis_klpd": "PROVINSI",
            "kd_satker": f"1.0{index}.0.00", "kd_satker_str": f"1.0{index}.0.00",
            "nama_satker": unit, "alamat_satker": "Jl. Ahmad Yani No. 1, Pontianak" if not unit else None,
            "pagu": pagu, "hps": hps, "mtd_pemilihan": method, "jenis_pengadaan": kind,
            "tgl_pengumuman_tender": day, "status_tender": "Berlangsung", "tahun_anggaran": 2024,
        })
    write("api-v1-tender.json", {
        "data": data,
        "meta": {"cursor": "eyJpZCI6MTAwMDN9", "has_more": True, "limit": 3},
    })

def api_v1_ekatalog_v5():
    # INAPROC API v1 `/api/v1/ekatalog/paket-e-purchasing` over the v5 archive: a row per product
    # line (the lines of one `kd_paket` are one order); units named only by their code.
    lines = [
        ("P-1", "Kertas HVS", "400", "12500000"),
        ("P-1", "Tinta Printer", "400", "3500000"),
        ("P-2", "Laptop", "401", "48750000.4"),
    ]
    data = [{
        "kd_paket": kd, "nama_paket": f"Belanja {product}", "kd_komoditas": 12,
        "kd_klpd": "D197", "nama_klpd": "Provinsi Kalimantan Barat", "kd_satker": satker,
        "nama_satker": "", "total_harga": total, "tanggal_buat_paket": "2024-06-03 11:00:00",
        "paket_status_str": "Paket Selesai", "tahun_anggaran": 2024,
    } for kd, product, satker, total in lines]
    write("api-v1-ekatalog-v5.json", {"data": data, "meta": {"cursor": None, "has_more": False}})

def realisasi():
    # The data behind INAPROC's public realisation pages: human-readable keys.
    rows = [
        ("Dinas Kesehatan", "E-Katalog", "1.250.000.000", "1.100.000.000", "400.000.000"),
        ("Dinas Kesehatan", "Tender", "7.500.000.000", "6.000.000.000", "0"),
        ("Dinas Pendidikan", "Non Tender", "180.000.000", "180.000.000", "180.000.000"),
        ("Dinas Pendidikan", "Toko Daring", "25.500.000", "20.000.000", "25.500.000"),
        ("Sekretariat Daerah", "Pencatatan", "60.000.000", "", ""),
    ]
    write("realisasi.json", [{
        "Tahun Anggaran": 2024, "Nama K/L/PD": "Kabupaten Sanggau", "Nama Satker": unit,
        "Sumber Transaksi": source, "Total Nilai (Rp)": total, "Nilai PDN (Rp)": pdn,
        "Nilai UMK (Rp)": umk,
    } for unit, source, total, pdn, umk in rows])

def sirup_lama():
    # SiRUP's older JSON service (before ISB): `id`, `nama`, `motode_str`, `total_pagu` and
    # `pagu_mak` as strings, `tanggal_awal_pengadaan`.
    rows = [
        ("11001", "Dinas Perhubungan", "Pengadaan Rambu Lalu Lintas", "Barang", "Pengadaan Langsung", "195000000"),
        ("11002", "Dinas Perhubungan", "Rehabilitasi Terminal", "Pekerjaan Konstruksi", "Tender", "3250000000"),
        ("11003", "Dinas Sosial", "Jasa Kebersihan Kantor", "Jasa Lainnya", "e-Purchasing", "84000000"),
    ]
    write("sirup-lama.json", [{
        "tahun": "2017", "id_satker": f"9{index}", "nama_satker": unit, "id": kd,
        "namaprogram": "Program Pelayanan", "kegiatan": "Kegiatan", "nama": name,
        "lokasi_pekerjaan": "Kota Pontianak", "jenis_belanja_str": "Belanja Modal",
        "jenis_pengadaan_str": kind, "volume": "1 paket", "motode_str": method,
        "tanggal_awal_pengadaan": "2017-03-01", "tanggal_akhir_pengadaan": "2017-04-30",
        "sumber_dana_string": "APBD", "mak": "1.01.01.5.2.2", "pagu_mak": pagu,
        "create_time": "2017-01-20 09:14:11", "total_pagu": pagu, "deskripsi": "",
    } for index, (kd, unit, name, kind, method, pagu) in enumerate(rows)])

def beberapa_klpd():
    # One ISB export holding the plans of three governments.
    rows = [
        ("Provinsi Kalimantan Barat", "Dinas Kesehatan", 185_000_000, "Pengadaan Langsung"),
        ("Provinsi Kalimantan Barat", "Dinas PUPR", 7_500_000_000, "Tender"),
        ("Kabupaten Sanggau", "Dinas Pendidikan", 420_000_000, "E-Purchasing"),
        ("Kabupaten Sanggau", "Dinas Kesehatan", 950_000_000, "Tender"),
        ("Kota Pontianak", "Dinas Perhubungan", 60_000_000, "Pengadaan Langsung"),
    ]
    write("rup-beberapa-klpd.json", [{
        "kd_rup": 60000 + index, "nama_paket": f"Paket {index + 1}", "nama_klpd": klpd,
        "kd_klpd": f"D{index}", "nama_satker": unit, "pagu": pagu, "metode_pengadaan": method,
        "jenis_pengadaan": "Barang", "status_pdn": "PDN", "status_ukm": "UKM",
        "tgl_awal_pemilihan": "2024-03-01", "tahun_anggaran": 2024,
    } for index, (klpd, unit, pagu, method) in enumerate(rows)])

def rekap():
    # LKPP's tables of RUP totals per government, with the unit word in the heading.
    with open(os.path.join(HERE, "rekap-rup-miliar.csv"), "w", encoding="utf-8") as out:
        out.write("Nama KLPD;Total Paket RUP;Total Nilai RUP (Miliar)\n")
        out.write("Provinsi Kalimantan Barat;1.234;2.450,75\n")
        out.write("Kabupaten Sanggau;856;612,5\n")
        out.write("Kota Pontianak;640;398,125\n")
    with open(os.path.join(HERE, "rekap-rup-satuan-salah.csv"), "w", encoding="utf-8") as out:
        # The heading says millions; one row was written in rupiah all the same.
        out.write("Instansi,Total Paket RUP,Total Nilai RUP (dalam juta rupiah)\n")
        out.write("Dinas Kesehatan,120,\"85.500\"\n")
        out.write("Dinas PUPR,45,\"312.000.000.000.000\"\n")

api_v1_tender()
api_v1_ekatalog_v5()
realisasi()
sirup_lama()
beberapa_klpd()
rekap()
