// Writes the big files the benchmarks read (never committed): 100.000 packages as a SiRUP-style
// CSV and 100.000 OCDS releases as JSON Lines (about 64 MB), deterministic.
// Usage: node tests/bench/generate.mjs [folder] [count]
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const folder = process.argv[2] ?? 'target/bench-data';
const count = Number(process.argv[3] ?? 100_000);
let seed = 64;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const UNITS = Array.from({ length: 60 }, (_, index) => `Perangkat Daerah ${String(index + 1).padStart(2, '0')}`);
const REGIONS = ['Kota Samarinda', 'Kota Balikpapan', 'Kota Bontang', 'Kab. Kutai Kartanegara', 'Kab. Berau', 'Kab. Paser', 'Kab. Kutai Timur', 'Kab. Kutai Barat', 'Kab. Penajam Paser Utara', 'Kab. Mahakam Ulu'];
const METHODS = ['Tender', 'E-Purchasing', 'Pengadaan Langsung', 'Penunjukan Langsung', 'Tender Cepat', 'Seleksi', 'Swakelola'];
const TYPES = ['Barang', 'Pekerjaan Konstruksi', 'Jasa Konsultansi', 'Jasa Lainnya'];
const OCDS_METHODS = ['open', 'selective', 'limited', 'direct'];
const CATEGORIES = ['goods', 'works', 'services'];

await mkdir(folder, { recursive: true });
const csv = ['kd_rup;nama_paket;nama_satker;lokasi;metode_pengadaan;jenis_pengadaan;tahun_anggaran;tanggal_kontrak;pagu;nilai_kontrak;realisasi;status_pdn;status_ukm;jumlah_peserta'];
const lines = [];
for (let index = 0; index < count; index += 1) {
  const pagu = Math.round(10 ** (7 + random() * 3.5));
  const contract = Math.round(pagu * (0.8 + random() * 0.19));
  const paid = random() < 0.7 ? Math.round(contract * random()) : '';
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const unit = pick(UNITS);
  csv.push([40_000_000 + index, `Paket ${index} "uji"`.replace(/"/g, ''), unit, pick(REGIONS), pick(METHODS), pick(TYPES), 2024,
    `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/2024`, pagu.toLocaleString('id-ID'), contract.toLocaleString('id-ID'),
    paid === '' ? '' : paid.toLocaleString('id-ID'), random() < 0.85 ? 'Ya' : 'Tidak', random() < 0.5 ? 'Ya' : 'Tidak', 1 + Math.floor(random() * 6)].join(';'));
  const date = `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T08:00:00Z`;
  lines.push(JSON.stringify({
    ocid: `ocds-bench-${index}`, id: `ocds-bench-${index}-1`, date, tag: ['contract'], initiationType: 'tender',
    buyer: { id: unit, name: unit },
    parties: [{ id: unit, name: unit, roles: ['buyer'], address: { region: pick(REGIONS) } },
      { id: `s-${index}`, name: `Pemasok ${index}`, roles: ['supplier'], details: { scale: pick(['micro', 'sme', 'large']) } }],
    tender: { id: `t-${index}`, title: `Paket ${index}`, value: { amount: pagu, currency: 'IDR' }, procurementMethod: pick(OCDS_METHODS), mainProcurementCategory: pick(CATEGORIES), numberOfTenderers: 1 + Math.floor(random() * 6) },
    awards: [{ id: `a-${index}`, status: 'active', date, value: { amount: contract, currency: 'IDR' }, suppliers: [{ id: `s-${index}`, name: `Pemasok ${index}` }] }],
    contracts: [{ id: `c-${index}`, awardID: `a-${index}`, status: 'active', dateSigned: date, value: { amount: contract, currency: 'IDR' },
      implementation: { transactions: paid === '' ? [] : [{ id: `p-${index}`, date, value: { amount: paid, currency: 'IDR' } }] } }],
  }));
}
await writeFile(join(folder, 'packages-100k.csv'), csv.join('\n') + '\n');
await writeFile(join(folder, 'releases-100k.jsonl'), lines.join('\n') + '\n');
console.log(`wrote ${count} packages and releases to ${folder}`);

// LKPP's services beside the ISB at about 1 and 30 MB each, beside the adversarial corpus
// (target/adversarial/, the names it reads): INAPROC's API v1 envelope of five governments with
// unit names sometimes empty; realisation-page records with human headers; OCDS releases
// without any amount. `ONLY=adversarial NAMES=inaproc-v1,realisasi,ocds-no-amounts node
// tests/bench/run.mjs` reads each on the worker path and on the widget's own thread and prints
// the longest main-thread task.
const GOVERNMENTS = ['Provinsi Kalimantan Timur', 'Kota Samarinda', 'Kota Balikpapan', 'Kab. Berau', 'Kab. Paser'];
const services = {
  'inaproc-v1': (index) => ({
    kd_tender: String(70_000_000 + index), kd_rup: String(40_000_000 + index), nama_paket: `Paket ${index}`,
    kd_klpd: `D${index % 5}`, nama_klpd: GOVERNMENTS[index % 5], kd_satker: `1.${index % 60}.0.00`,
    nama_satker: index % 7 === 0 ? '' : pick(UNITS), alamat_satker: index % 7 === 0 ? 'Jl. Gajah Mada No. 2' : null,
    pagu: `${Math.round(10 ** (7 + random() * 3.5))}.00`, hps: String(Math.round(10 ** (7 + random() * 3.4))),
    mtd_pemilihan: pick(METHODS), jenis_pengadaan: pick(TYPES), tahun_anggaran: 2024,
    tgl_pengumuman_tender: `2024-${String(1 + (index % 12)).padStart(2, '0')}-15 09:00:00`, status_tender: 'Selesai',
  }),
  realisasi: (index) => {
    const total = Math.round(10 ** (6 + random() * 3.5));
    return {
      'Tahun Anggaran': 2024, 'Nama K/L/PD': GOVERNMENTS[index % 5], 'Nama Satker': pick(UNITS),
      'Sumber Transaksi': pick(['E-Katalog', 'Tender', 'Non Tender', 'Toko Daring', 'Pencatatan']),
      'Total Nilai (Rp)': total.toLocaleString('id-ID'), 'Nilai PDN (Rp)': Math.round(total * random()).toLocaleString('id-ID'),
      'Nilai UMK (Rp)': random() < 0.2 ? '' : Math.round(total * random()).toLocaleString('id-ID'),
    };
  },
  'ocds-no-amounts': (index) => ({
    ocid: `ocds-free-${index}`, id: `ocds-free-${index}-1`, date: `2024-${String(1 + (index % 12)).padStart(2, '0')}-02T08:00:00Z`,
    tag: ['tender'], buyer: { name: pick(UNITS) },
    tender: { id: `t-${index}`, title: `Paket ${index}`, procurementMethod: pick(OCDS_METHODS), mainProcurementCategory: pick(CATEGORIES) },
  }),
};
const adversarial = 'target/adversarial';
await mkdir(adversarial, { recursive: true });
for (const [name, record] of Object.entries(services)) {
  for (const megabytes of [1, 30]) {
    const items = [];
    let bytes = 0;
    for (let index = 0; bytes < megabytes * 1e6; index += 1) {
      const text = JSON.stringify(record(index));
      items.push(text);
      bytes += text.length + 1;
    }
    const file = name === 'ocds-no-amounts' ? `${name}-${megabytes}mb.jsonl` : `${name}-${megabytes}mb.json`;
    const body = name === 'ocds-no-amounts' ? items.join('\n') + '\n'
      : name === 'inaproc-v1' ? `{"data":[\n${items.join(',\n')}\n],"meta":{"cursor":null,"has_more":false}}\n`
        : `[\n${items.join(',\n')}\n]\n`;
    await writeFile(join(adversarial, file), body);
  }
}
console.log(`wrote ${Object.keys(services).length} service files of 1 and 30 MB to ${adversarial}`);
