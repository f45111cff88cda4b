//! Flat records of procurement packages as LKPP's systems export them: the rows of a CSV file
//! and the objects of LKPP's ISB data service (a JSON array, or JSON Lines, of flat objects with
//! the same snake_case names as the CSV exports). One vocabulary of field names serves both.
//!
//! Which system a file comes from (SiRUP, SPSE, e-Katalog, …) is told by its field names; it
//! says what the amounts stand for, the method a file of one method leaves unsaid (e-Katalog
//! orders are e-purchasing, swakelola plans are swakelola), and the title.

use super::cells;
use crate::format::{clean_text, Issues, Problem};
use crate::model::{Method, Package, ProcurementType, Provenance, Rupiah, StageAmounts};
use rustc_hash::FxHashMap;
use serde_json::{Map, Value};
use std::borrow::Cow;

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The package's code (`kd_rup`, `kd_tender`, …).
    Id,
    /// The package's name.
    Name,
    /// The spending unit's name.
    Unit,
    /// Where the work is done (kabupaten/kota).
    Region,
    /// The selection method.
    Method,
    /// The procurement type.
    Type,
    /// The fiscal year.
    Year,
    /// The day (or month) of the contract, order or payment.
    Date,
    /// Money planned (pagu).
    Rencana,
    /// Money committed (contract, order).
    Komitmen,
    /// Money paid.
    Realisasi,
    /// Whether the package buys domestic products (a flag).
    Pdn,
    /// Whether the package is for micro and small businesses (a flag).
    Umkk,
    /// The domestic-product (PDN) value of a contract or record, in money.
    PdnValue,
    /// The value of a contract or record that went to micro and small businesses, in money.
    UmkValue,
    /// How many took part (bids).
    Tenderers,
    /// How many packages the row stands for (a table of totals).
    Count,
    /// The government (K/L/PD) the row belongs to: it titles a file, it is no filter.
    Klpd,
    /// Why a package is not reserved for small businesses (SiRUP `alasan_non_ukm`).
    NonUkmReason,
    /// The owner's estimate (HPS): no stage of money, the yardstick of a contract.
    Hps,
    /// Where a tender stands (SPSE `status_tender`: Selesai, Gagal/Batal, Berlangsung).
    TenderStatus,
    /// The winner (SPSE `nama_penyedia`); in a list of participants, a participant.
    Supplier,
    /// Whether a participant won (SPSE-PesertaTender `pemenang`).
    Winner,
    /// The day selection started, else the day the package was planned ([`SELECTION_DATES`]:
    /// a field may be read as this and as [`Column::Date`] both).
    SelectionDate,
    /// A participant's offer (SPSE-PesertaTender `nilai_penawaran`): a participant with one
    /// above zero is a bidder, one without only registered.
    Offer,
    /// The spending unit's code (`kd_satker`): names a unit whose name is empty.
    UnitCode,
    /// The spending unit's address (`alamat_satker`): beside its code, where the name is empty.
    UnitAddress,
}

/// How many kinds of field there are.
pub const COLUMNS: usize = 27;

impl Column {
    /// Every column, in declaration order (its `index`).
    const ALL: [Column; COLUMNS] = [
        Column::Id,
        Column::Name,
        Column::Unit,
        Column::Region,
        Column::Method,
        Column::Type,
        Column::Year,
        Column::Date,
        Column::Rencana,
        Column::Komitmen,
        Column::Realisasi,
        Column::Pdn,
        Column::Umkk,
        Column::PdnValue,
        Column::UmkValue,
        Column::Tenderers,
        Column::Count,
        Column::Klpd,
        Column::NonUkmReason,
        Column::Hps,
        Column::TenderStatus,
        Column::Supplier,
        Column::Winner,
        Column::SelectionDate,
        Column::Offer,
        Column::UnitCode,
        Column::UnitAddress,
    ];

    fn index(self) -> usize {
        self as usize
    }
}

/// Field names each column answers to (folded: lower case, `_` between words). Where a record
/// has two fields of one column, the one named earlier in its list is read.
pub const HEADERS: &[(Column, &[&str])] = &[
    (
        Column::Id,
        &[
            "kd_paket",
            "kd_tender",
            "kd_nontender",
            "kd_nontender_pct",
            "kd_swakelola_pct",
            "kd_rup",
            "kode_rup",
            "kode_paket",
            "id_paket",
            "order_id",
            "id",
            "code",
            "package_id",
            "ocid",
        ],
    ),
    (
        Column::Name,
        &[
            "nama_paket",
            "rup_nama_pkt",
            "paket",
            "nama",
            "name",
            "package",
            "package_name",
            "title",
        ],
    ),
    (
        Column::Unit,
        &[
            "nama_satker",
            "satker",
            "satuan_kerja",
            "nama_satuan_kerja",
            "skpd",
            "nama_skpd",
            "nama_perangkat_daerah",
            "nama_opd",
            "opd",
            "perangkat_daerah",
            "unit_kerja",
            "instansi",
            "unit",
            "spending_unit",
            "buyer",
        ],
    ),
    (
        Column::Region,
        &[
            "wilayah",
            "lokasi",
            "lokasi_pekerjaan",
            "kabupaten_kota",
            "kab_kota",
            "kota_kab",
            "kabupaten",
            "region",
            "location",
            "district",
        ],
    ),
    (
        Column::Method,
        &[
            "metode_pengadaan",
            "metode_pemilihan",
            "mtd_pemilihan",
            "mtd_pengadaan",
            "metode_pengadaan_str",
            "metode_str",
            "motode_str",
            "metode",
            "method",
            "procurement_method",
            "sumber_transaksi",
        ],
    ),
    (
        Column::Type,
        &[
            "jenis_pengadaan",
            "jenis_pengadaan_str",
            "kategori_pengadaan",
            "jenis",
            "type",
            "procurement_type",
            "category",
            "kategori",
        ],
    ),
    (
        Column::Year,
        &["tahun_anggaran", "ta", "tahun", "fiscal_year", "year"],
    ),
    (
        Column::Date,
        &[
            "tanggal_kontrak",
            "tgl_kontrak",
            "contract_date",
            "tgl_penetapan_pemenang",
            "tgl_selesai_nontender",
            "tgl_selesai_paket",
            "tgl_order",
            "order_date",
            "tanggal_buat_paket",
            "tgl_realisasi",
            "tanggal_realisasi",
            "tanggal_transaksi",
            "tgl_awal_kontrak",
            "tgl_awal_pelaksanaan_kontrak",
            "tgl_awal_pemilihan",
            "tgl_pengumuman_tender",
            "tgl_pengumuman_nontender",
            "tgl_pengumuman_paket",
            "tgl_buat_paket",
            "tanggal_awal_pengadaan",
            "create_time",
            "tanggal",
            "bulan",
            "date",
            "month",
        ],
    ),
    (
        Column::Rencana,
        &[
            "pagu",
            "pagu_rup",
            "pagu_paket",
            "total_pagu",
            "nilai_pagu",
            "total_nilai_rup",
            "pagu_anggaran",
            "rencana",
            "budget",
            "planned",
            "planned_value",
            "pagu_mak",
        ],
    ),
    (
        Column::Komitmen,
        &[
            "nilai_kontrak",
            "nilai_kontrak_paket",
            "total_harga",
            "kontrak",
            "komitmen",
            "contract_value",
            "committed",
        ],
    ),
    (
        Column::Realisasi,
        &[
            "realisasi",
            "nilai_realisasi",
            "total_realisasi",
            "besar_pembayaran",
            "nilai_pembayaran",
            "valuasi",
            "total_nilai",
            "nilai_transaksi",
            "paid",
            "spent",
            "realised",
            "realized",
        ],
    ),
    (
        Column::Pdn,
        &[
            "status_pdn",
            "pdn",
            "produk_dalam_negeri",
            "domestic",
            "domestic_product",
        ],
    ),
    (
        Column::Umkk,
        &[
            "status_ukm",
            "status_umk",
            "ukm",
            "umk",
            "umkk",
            "usaha_kecil",
            "sme",
            "small_business",
        ],
    ),
    (
        Column::PdnValue,
        &["nilai_pdn_kontrak", "nilai_pdn_pct", "nilai_pdn"],
    ),
    (
        Column::UmkValue,
        &["nilai_umk_kontrak", "nilai_umk_pct", "nilai_umk"],
    ),
    (
        Column::Tenderers,
        &[
            "jumlah_peserta",
            "jumlah_penawar",
            "peserta",
            "tenderers",
            "number_of_tenderers",
            "bidders",
        ],
    ),
    (
        Column::Count,
        &[
            "jumlah_paket",
            "total_paket_rup",
            "total_paket",
            "count",
            "packages",
        ],
    ),
    (
        Column::Klpd,
        &[
            "nama_klpd",
            "nama_kldi",
            "nama_k_l_pd",
            "nama_instansi",
            "klpd",
            "kldi",
            "k_l_pd",
        ],
    ),
    (Column::NonUkmReason, &["alasan_non_ukm", "alasan_non_umk"]),
    (Column::Hps, &["hps", "nilai_hps", "total_hps"]),
    (
        Column::TenderStatus,
        &["status_tender", "status_nontender", "status_seleksi"],
    ),
    (
        Column::Supplier,
        &[
            "nama_penyedia",
            "nama_pemenang",
            "penyedia",
            "supplier",
            "supplier_name",
        ],
    ),
    (
        Column::Winner,
        &["pemenang_terverifikasi", "pemenang", "winner", "is_winner"],
    ),
    (
        Column::UnitCode,
        &[
            "kd_satker",
            "kd_satker_str",
            "kode_satker",
            "id_satker",
            "satker_id",
            "unit_code",
        ],
    ),
    (
        Column::UnitAddress,
        &["alamat_satker", "alamat_satuan_kerja", "alamat_unit"],
    ),
];

/// Words of a field name that say its unit of money, each with its power of ten: removed when
/// the name is folded (`Total Nilai (Rp)` is `total_nilai`; `Pagu (juta Rp)` is `pagu`, read
/// in millions).
const UNIT_WORDS: &[(&str, u32)] = &[
    ("rp", 0),
    ("rupiah", 0),
    ("idr", 0),
    ("ribu", 3),
    ("rb", 3),
    ("juta", 6),
    ("jt", 6),
    ("miliar", 9),
    ("milyar", 9),
    ("triliun", 12),
];

/// The power of ten a field's name says its amounts are in (`Total Nilai RUP (Miliar)`: 9),
/// and the word that says it; `None` for rupiah.
pub fn unit_of(header: &str) -> Option<(u32, &'static str)> {
    let lower = header.to_lowercase();
    lower
        .split(|character: char| !character.is_alphanumeric())
        .find_map(|word| {
            UNIT_WORDS
                .iter()
                .find(|(unit, power)| *power > 0 && *unit == word)
                .map(|(unit, power)| (*power, *unit))
        })
}

/// A field name folded: lower case, words joined by `_` (`Nama Satker`, `nama_satker` and
/// `NAMA-SATKER` are one name).
///
/// Words that only say the unit of money (`Rp`, `juta`, `miliar`: [`unit_of`]) are left out,
/// unless the name is nothing else.
pub fn fold_header(header: &str) -> String {
    let lower = header.trim().trim_matches('"').to_lowercase();
    let words: Vec<&str> = lower
        .split(|character: char| !character.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    let is_unit = |word: &str| UNIT_WORDS.iter().any(|(unit, _)| *unit == word);
    // `dalam` ("in") goes with a unit word (`Pagu (dalam juta rupiah)`), never alone
    // (`produk_dalam_negeri`).
    let priced = words.iter().any(|word| is_unit(word));
    let named: Vec<&str> = words
        .iter()
        .copied()
        .filter(|word| !(is_unit(word) || priced && *word == "dalam"))
        .collect();
    match named.is_empty() {
        true => words.join("_"),
        false => named.join("_"),
    }
}

/// The column a folded field name answers to.
pub fn role(folded: &str) -> Option<Column> {
    role_of(folded).map(|(column, _)| column)
}

/// Whether a field name (folded) holds money at some stage.
pub fn is_amount(folded: &str) -> bool {
    matches!(
        role(folded),
        Some(Column::Rencana | Column::Komitmen | Column::Realisasi)
    )
}

/// The column a folded field name answers to, and its rank in that column's list.
fn role_of(folded: &str) -> Option<(Column, usize)> {
    HEADERS.iter().find_map(|(column, names)| {
        names
            .iter()
            .position(|name| *name == folded)
            .map(|rank| (*column, rank))
    })
}

/// The fields that give the day a package's selection started, best first, then those that
/// give the day it was planned: the day the direct-purchase ceiling and the small-business
/// reservation are judged on (Perpres 16/2018: the method is chosen when selection is
/// prepared). A contract's or an award's day is never one of them. Each may also be the
/// record's [`Column::Date`].
pub const SELECTION_DATES: &[&str] = &[
    "tgl_pengumuman_tender",
    "tgl_pengumuman_nontender",
    "tanggal_pengumuman_tender",
    "tgl_awal_pemilihan",
    "tanggal_awal_pemilihan",
    "tgl_mulai_pemilihan",
    "awal_pemilihan",
    "selection_start",
    "tender_start",
    "tanggal_awal_pengadaan",
    "tgl_pengumuman_paket",
    "tanggal_pengumuman_paket",
    "tgl_buat_paket",
    "tanggal_buat_paket",
    "create_time",
];

/// The fields of a participant's offer (SPSE-PesertaTender).
const OFFERS: &[&str] = &["nilai_penawaran", "harga_penawaran", "nilai_terkoreksi"];

/// The roles a field plays besides its [`role_of`]: a selection date, an offer.
fn second_role_of(folded: &str) -> Option<(Column, usize)> {
    [
        (Column::SelectionDate, SELECTION_DATES),
        (Column::Offer, OFFERS),
    ]
    .into_iter()
    .find_map(|(column, names)| {
        names
            .iter()
            .position(|name| *name == folded)
            .map(|rank| (column, rank))
    })
}

/// The system a file of flat records comes from, told by its field names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// SiRUP: procurement plans through suppliers (RUP penyedia).
    Rup,
    /// SiRUP: in-house plans (RUP swakelola), or SPSE's records of swakelola.
    Swakelola,
    /// SPSE: tenders and selections (announced, finished, contracts).
    Tender,
    /// SPSE: non-tenders (direct purchase, direct appointment).
    NonTender,
    /// SPSE: records of non-tender purchases (pencatatan).
    Pencatatan,
    /// e-Katalog orders (e-purchasing, v5 and v6).
    EKatalog,
    /// Purchases from online shops (toko daring, Bela Pengadaan).
    TokoDaring,
    /// SPSE: the participants of tenders (SPSE-PesertaTender), a row per participant: the rows
    /// of a tender are one package, their number its number of tenderers.
    Participants,
    /// INAPROC's realisation pages: a row per transaction, with where it came from (`Sumber
    /// Transaksi`), its value (`Total Nilai (Rp)`) and its PDN and UMK values.
    Realisasi,
    /// Anything else with amounts.
    Other,
}

impl Family {
    /// The family of a file whose records have these field names (folded).
    pub fn of<'a>(names: impl IntoIterator<Item = &'a str>) -> Family {
        let names: Vec<&str> = names.into_iter().collect();
        let has = |name: &str| names.contains(&name);
        if has("rup_nama_pkt")
            || has("total_harga")
                && (has("tgl_order") || has("kd_komoditas") || has("paket_status_str"))
        {
            Family::EKatalog
        } else if has("kd_peserta")
            || has("kd_tender")
                && has("pemenang")
                && has("nilai_penawaran")
                && !has("nilai_kontrak")
        {
            Family::Participants
        } else if has("valuasi") && (has("marketplace") || has("order_id")) {
            Family::TokoDaring
        } else if has("sumber_transaksi") || has("total_nilai") && has("nilai_pdn") {
            Family::Realisasi
        } else if has("kd_swakelola_pct") || has("tipe_swakelola") || has("id_swakelola") {
            Family::Swakelola
        } else if has("kd_nontender_pct") {
            Family::Pencatatan
        } else if has("kd_tender") {
            Family::Tender
        } else if has("kd_nontender") {
            Family::NonTender
        } else if has("kd_rup") && has("pagu")
            // SiRUP's older JSON service (before ISB): `motode_str`, `total_pagu`.
            || has("motode_str")
            || has("total_pagu") && has("jenis_pengadaan_str")
        {
            Family::Rup
        } else {
            Family::Other
        }
    }

    /// Whether the family writes 0 for PDN and UMK values nobody filled in (SPSE's records of
    /// non-tender purchases): both 0 on a record with a value then mean "not stated".
    fn zero_means_unstated(self) -> bool {
        matches!(self, Family::Pencatatan)
    }

    /// The method of every package of a file of this family that names none.
    fn method(self) -> Option<Method> {
        match self {
            Family::EKatalog | Family::TokoDaring => Some(Method::EPurchasing),
            Family::Swakelola => Some(Method::Swakelola),
            _ => None,
        }
    }

    /// Whether records of one id are one package: an e-Katalog (v5) order lists a row per
    /// product (amounts added up); a participant list a row per participant; an SPSE tender or
    /// non-tender list a row per winner or per version of the record (the plan and the
    /// estimate once, each distinct contract kept). Every other file keeps every row.
    fn merges(self) -> bool {
        matches!(
            self,
            Family::EKatalog | Family::Participants | Family::Tender | Family::NonTender
        )
    }

    /// Whether the rows of one id are winners or versions of one tender: its pagu and HPS
    /// counted once, its contracts each once.
    fn one_tender(self) -> bool {
        matches!(self, Family::Tender | Family::NonTender)
    }

    /// What the file is, in the title (`Rencana pengadaan`, `Tender`, …), and the system.
    fn words(self) -> (&'static str, Option<&'static str>) {
        match self {
            Family::Rup => ("Rencana pengadaan", Some("SiRUP")),
            Family::Swakelola => ("Swakelola", Some("SiRUP/SPSE")),
            Family::Tender => ("Tender", Some("SPSE")),
            Family::NonTender => ("Non-tender", Some("SPSE")),
            Family::Pencatatan => ("Pencatatan non-tender", Some("SPSE")),
            Family::EKatalog => ("Pembelian e-Katalog", None),
            Family::TokoDaring => ("Belanja toko daring", None),
            Family::Participants => ("Peserta tender", Some("SPSE")),
            Family::Realisasi => ("Realisasi pengadaan", Some("INAPROC")),
            Family::Other => ("Paket pengadaan", None),
        }
    }

    /// A title from what the records say: `Rencana pengadaan Provinsi Kalimantan Barat 2024
    /// (SiRUP)`; for records of several governments, how many (`… 3 K/L/PD 2024 …`); without
    /// a government, the one spending unit every record names, else the family alone (`Pembelian
    /// e-Katalog 2024`). `None` for records of no known family that name no government (the
    /// file's name titles them then).
    ///
    /// Records that are `totals` of several packages each are a `Rekapitulasi pengadaan`.
    pub fn title(
        self,
        who: &Klpd,
        unit: Option<&str>,
        year: Option<i32>,
        totals: bool,
    ) -> Option<String> {
        let (what, system) = self.words();
        let what = match totals {
            true => "Rekapitulasi pengadaan",
            false => what,
        };
        let whom = match (who.single(), who.count()) {
            (Some(name), _) => Some(name.to_owned()),
            (None, count) if count > 1 => Some(format!("{count} K/L/PD")),
            _ => unit.map(str::to_owned),
        };
        if whom.is_none() && self == Family::Other {
            return None;
        }
        let mut title = what.to_owned();
        if let Some(whom) = whom {
            title.push_str(&format!(" {whom}"));
        }
        if let Some(year) = year {
            title.push_str(&format!(" {year}"));
        }
        if let Some(system) = system {
            title.push_str(&format!(" ({system})"));
        }
        Some(title)
    }

    /// The family's name in data issues and notes.
    pub fn code(self) -> &'static str {
        match self {
            Family::Rup => "sirup-penyedia",
            Family::Swakelola => "swakelola",
            Family::Tender => "spse-tender",
            Family::NonTender => "spse-non-tender",
            Family::Pencatatan => "spse-pencatatan",
            Family::EKatalog => "e-katalog",
            Family::TokoDaring => "toko-daring",
            Family::Participants => "spse-peserta-tender",
            Family::Realisasi => "inaproc-realisasi",
            Family::Other => "other",
        }
    }
}

/// Which field of a record each column reads: by position (CSV) with its name for issues.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    slots: [Option<(usize, String, usize)>; COLUMNS],
    /// The columns read: each with its field's position and name (for issues).
    present: Vec<(Column, usize, String)>,
}

impl Layout {
    /// The layout of a header line; fields past `max` are not looked at.
    pub fn of<'a>(headers: impl IntoIterator<Item = &'a str>, max: usize) -> (Layout, Family) {
        let mut layout = Layout::default();
        let mut names = Vec::new();
        for (index, header) in headers.into_iter().enumerate().take(max) {
            let folded = fold_header(header);
            for (column, rank) in role_of(&folded).into_iter().chain(second_role_of(&folded)) {
                let slot = &mut layout.slots[column.index()];
                if slot.as_ref().is_none_or(|(_, _, known)| rank < *known) {
                    *slot = Some((index, column_label(header), rank));
                }
            }
            names.push(folded);
        }
        layout.present = Column::ALL
            .iter()
            .zip(&layout.slots)
            .filter_map(|(column, slot)| {
                let (index, label, _) = slot.as_ref()?;
                Some((*column, *index, label.clone()))
            })
            .collect();
        let family = Family::of(names.iter().map(String::as_str));
        (layout, family)
    }

    /// Whether some column holds money.
    pub fn has_amount(&self) -> bool {
        [Column::Rencana, Column::Komitmen, Column::Realisasi]
            .iter()
            .any(|column| self.slots[column.index()].is_some())
    }

    /// Whether records name their packages (an id, a name) or count them, and say where they
    /// belong (a unit, a method, a type, a region, a date): enough to count packages without
    /// amounts.
    pub fn names_packages(&self) -> bool {
        let has = |columns: &[Column]| {
            columns
                .iter()
                .any(|column| self.slots[column.index()].is_some())
        };
        has(&[Column::Id, Column::Name, Column::Count])
            && has(&[
                Column::Unit,
                Column::Method,
                Column::Type,
                Column::Region,
                Column::Date,
                Column::Count,
            ])
    }

    /// The cells of one record, from its fields by position: each column read, its field's
    /// name and its text.
    pub fn cells<'a>(
        &'a self,
        field: impl Fn(usize) -> Option<&'a str> + 'a,
    ) -> impl Iterator<Item = (Column, &'a str, &'a str)> + 'a {
        self.present.iter().map(move |(column, index, label)| {
            (*column, label.as_str(), field(*index).unwrap_or(""))
        })
    }
}

/// Characters of a field name kept to name it in data issues.
const COLUMN_LABEL_CHARS: usize = 40;

/// A field's name in data issues: cleaned and cut short (a header may be hundreds of characters
/// long, and every issue of the column names it).
fn column_label(header: &str) -> String {
    crate::format::cut_chars(clean_text(header), COLUMN_LABEL_CHARS)
}

/// What the vocabulary cells read as, by their text: a column of methods, types or flags holds
/// a few distinct words in many rows, so each word is read once.
#[derive(Default)]
struct Vocabulary {
    methods: FxHashMap<Box<str>, Result<Option<Method>, Problem>>,
    kinds: FxHashMap<Box<str>, Result<Option<ProcurementType>, Problem>>,
    flags: FxHashMap<Box<str>, Result<Option<bool>, Problem>>,
    /// Field names of JSON objects, with their columns and ranks (a field may have two).
    names: FxHashMap<Box<str>, [Option<(Column, usize)>; 2]>,
    /// Field names, with the unit of money they say ([`unit_of`]).
    units: FxHashMap<Box<str>, Option<(u32, &'static str)>>,
}

/// Rp10.000 T: above every government's spending in a year, so an amount a field's unit word
/// would make larger was written in rupiah, whatever the word says.
const IMPLAUSIBLE: i64 = 10_000_000_000_000_000;

/// An amount read ([`cells::money`]), and a problem to report about its unit word.
type Scaled = (Option<(Rupiah, bool)>, Option<Problem>);

/// An amount in the unit its field's name says (`unit`: the power of ten and the word), and
/// a problem to report where the word does not fit the number: then it is read in rupiah.
/// `decimal` is the decimal mark the file's scaled cells have shown so far (learnt here).
fn money_of(
    cell: &str,
    unit: Option<(u32, &'static str)>,
    decimal: &mut Option<u8>,
) -> Result<Scaled, Problem> {
    let Some((power, word)) = unit else {
        return cells::money(cell).map(|value| (value, None));
    };
    if decimal.is_none() {
        *decimal = cells::decimal_mark(cell);
    }
    let scaled = cells::money_in(cell, power, *decimal);
    let implausible = match &scaled {
        Ok(Some((amount, _))) => amount.0 > IMPLAUSIBLE,
        Err(Problem::TooLarge) => true,
        _ => false,
    };
    if implausible {
        let plain = cells::money(cell)?;
        return Ok((plain, Some(Problem::UnitWordMismatch(word.to_owned()))));
    }
    scaled.map(|value| (value, None))
}

/// Distinct words remembered per column (a column of free text would only fill memory).
const VOCABULARY_WORDS: usize = 256;

/// `read(cell)`, remembered in `known`.
fn remembered<T: Clone>(
    known: &mut FxHashMap<Box<str>, T>,
    cell: &str,
    read: impl Fn(&str) -> T,
) -> T {
    if let Some(value) = known.get(cell) {
        return value.clone();
    }
    let value = read(cell);
    if known.len() < VOCABULARY_WORDS {
        known.insert(cell.into(), value.clone());
    }
    value
}

/// The governments (K/L/PD) a file's records name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Klpd {
    /// The first name given.
    pub first: Option<String>,
    /// Whether records name more than one.
    pub mixed: bool,
    /// The distinct names, up to [`Klpd::COUNTED`].
    names: rustc_hash::FxHashSet<String>,
}

impl Klpd {
    /// Distinct governments counted by name, at most (Indonesia has about 600 K/L/PD).
    pub const COUNTED: usize = 1_000;

    /// The one government every record names, if they agree.
    pub fn single(&self) -> Option<&str> {
        self.first.as_deref().filter(|_| !self.mixed)
    }

    /// How many governments the records name (at most [`Klpd::COUNTED`]).
    pub fn count(&self) -> usize {
        self.names.len()
    }

    /// Counts the government a record names; the name as it is kept.
    fn saw(&mut self, name: String) -> String {
        if self.first.is_none() {
            self.first = Some(name.clone());
        } else if !self.mixed && self.first.as_ref() != Some(&name) {
            self.mixed = true;
        }
        if self.names.len() < Klpd::COUNTED && !self.names.contains(&name) {
            self.names.insert(name.clone());
        }
        name
    }
}

/// One contract of a tender's package: its winner, value and payments.
type Contract = (Option<Box<str>>, Option<Rupiah>, Option<Rupiah>);

fn contract_of(package: &Package) -> Contract {
    (
        package
            .tender
            .as_ref()
            .and_then(|tender| tender.supplier.clone()),
        package.amounts.komitmen,
        package.amounts.realisasi,
    )
}

/// Packages read from flat records, one record at a time.
pub struct Rows {
    vocabulary: Vocabulary,
    packages: Vec<Package>,
    issues: Issues,
    fallback_year: i32,
    family: Family,
    /// Where the package of each id is (families whose records of one id are one package).
    by_id: FxHashMap<String, usize>,
    /// The contracts already counted for a tender's package (winner, contract value, payments),
    /// so that a repeated version of a row adds nothing.
    contracts: FxHashMap<usize, Vec<Contract>>,
    klpd: Klpd,
    /// Whether the records have amount fields: when none has, packages are counted without
    /// amounts (a list of tender notices, say); else a record without an amount is skipped.
    amounts: bool,
    /// Whether some record names its package (an id or a name), and whether some counts more
    /// than one package: records that never name a package but count several are totals.
    named: bool,
    grouped: bool,
    /// Whether some participant of a participant list made an offer: a list where none did
    /// does not say who bid (its offers are left empty), so it counts no bidders at all.
    offers: bool,
    /// The decimal mark the cells of columns in millions or billions have shown
    /// ([`cells::decimal_mark`]).
    decimal: Option<u8>,
    /// Whether some record gave its fiscal year or a date (else the year is only assumed).
    dated: bool,
}

/// What reading flat records gave.
pub struct Read {
    /// The packages, in the order read.
    pub packages: Vec<Package>,
    /// What could not be read, by place.
    pub issues: Issues,
    /// The system the records come from.
    pub family: Family,
    /// The governments the records name.
    pub klpd: Klpd,
    /// Each record is a ready-made total of several packages (a table of totals per agency),
    /// not one package.
    pub summary_rows: bool,
    /// Whether some record gave its fiscal year or a date: else the year is only assumed (and
    /// titles nothing).
    pub dated: bool,
    /// Whether the records are one page of a longer answer (INAPROC's `meta.has_more`).
    pub partial: bool,
}

impl Rows {
    /// Rows of `family`; `fallback_year` is the fiscal year of records that say none; `amounts`
    /// whether the records have amount fields at all.
    pub fn new(fallback_year: i32, family: Family, amounts: bool) -> Rows {
        Rows {
            amounts,
            named: false,
            grouped: false,
            offers: false,
            decimal: None,
            dated: false,
            vocabulary: Vocabulary::default(),
            packages: Vec::new(),
            issues: Issues::new(),
            fallback_year,
            family,
            by_id: FxHashMap::default(),
            contracts: FxHashMap::default(),
            klpd: Klpd::default(),
        }
    }

    /// The family the records come from.
    pub fn family(&self) -> Family {
        self.family
    }

    /// The packages read so far.
    pub fn packages(&self) -> &[Package] {
        &self.packages
    }

    /// The issues so far (for an issue about the whole file).
    pub fn issues_mut(&mut self) -> &mut Issues {
        &mut self.issues
    }

    /// What was read.
    pub fn finish(mut self) -> Read {
        if self.family == Family::Participants && !self.offers {
            for package in &mut self.packages {
                package.tenderers = None;
            }
        }
        Read {
            summary_rows: self.grouped && !self.named,
            dated: self.dated,
            partial: false,
            packages: self.packages,
            issues: self.issues,
            family: self.family,
            klpd: self.klpd,
        }
    }

    /// Reads a JSON object's fields (as the CSV columns of the same names); `place` names the
    /// record in data issues (`[3]`, or `5:` for line 5 of JSON Lines).
    pub fn add_object(&mut self, place: &str, object: &Map<String, Value>) {
        let mut cells: [Option<(&str, Cow<str>, usize)>; COLUMNS] = Default::default();
        for (key, value) in object {
            let roles = match self.vocabulary.names.get(key.as_str()) {
                Some(roles) => *roles,
                None => {
                    let folded = fold_header(key);
                    let roles = [role_of(&folded), second_role_of(&folded)];
                    if self.vocabulary.names.len() < VOCABULARY_WORDS {
                        self.vocabulary.names.insert(key.as_str().into(), roles);
                    }
                    roles
                }
            };
            for (column, rank) in roles.into_iter().flatten() {
                let slot = &mut cells[column.index()];
                if slot.as_ref().is_some_and(|(_, _, known)| *known <= rank) {
                    continue;
                }
                let text = match value {
                    Value::String(text) => Cow::Borrowed(text.as_str()),
                    Value::Number(number) => Cow::Owned(number.to_string()),
                    Value::Bool(true) => Cow::Borrowed("true"),
                    Value::Bool(false) => Cow::Borrowed("false"),
                    Value::Null | Value::Array(_) | Value::Object(_) => Cow::Borrowed(""),
                };
                *slot = Some((key.as_str(), text, rank));
            }
        }
        let separator = if place.ends_with(':') { "" } else { "." };
        let cells = Column::ALL.iter().zip(&cells).filter_map(|(column, cell)| {
            let (name, text, _) = cell.as_ref()?;
            Some((*column, *name, text.as_ref()))
        });
        // The whole record is named by its place alone (`[3]`, not `[3].`).
        self.add(
            &|name| match name.is_empty() {
                true => place.to_owned(),
                false => format!("{place}{separator}{name}"),
            },
            cells,
        );
    }

    /// Reads one record's cells; `place(field)` names a field in data issues (`place("")` the
    /// whole record).
    pub fn add<'a>(
        &mut self,
        place: &dyn Fn(&str) -> String,
        cells: impl IntoIterator<Item = (Column, &'a str, &'a str)>,
    ) {
        if self.packages.len() >= crate::format::MAX_PACKAGES {
            return;
        }
        let mut package = Package {
            id: None,
            name: None,
            unit: None,
            region: None,
            government: None,
            method: self.family.method(),
            kind: None,
            fiscal_year: self.fallback_year,
            month: None,
            date: None,
            selection_day: None,
            amounts: StageAmounts::default(),
            pdn: None,
            umkk: None,
            local_values: None,
            non_ukm_reason: None,
            tenderers: None,
            tender: None,
            count: 1,
            provenance: Provenance::default(),
        };
        let (mut year, mut pdn_value, mut umk_value) = (None, None, None);
        let (mut hps, mut status, mut supplier, mut winner) = (None, None, None, None);
        // The date field's name: a selection date read from the same field says its problem
        // once. A participant's offer, where the list gives one.
        let (mut date_field, mut offer) = (None, None);
        let (mut unit_code, mut unit_address) = (None, None);
        let mut ok = true;
        let Rows {
            vocabulary,
            issues,
            klpd,
            decimal,
            ..
        } = self;
        for (column, name, cell) in cells {
            let mut problem = None;
            let mut report = |result: Result<(), Problem>| {
                if let Err(error) = result {
                    problem = Some(error);
                }
            };
            let text = || Some(clean_text(cell)).filter(|text| !text.is_empty());
            let money = matches!(
                column,
                Column::Rencana
                    | Column::Komitmen
                    | Column::Realisasi
                    | Column::PdnValue
                    | Column::UmkValue
                    | Column::Hps
            );
            let unit = match money {
                true => remembered(&mut vocabulary.units, name, unit_of),
                false => None,
            };
            let mut amount = |slot: &mut Option<Rupiah>| {
                money_of(cell, unit, decimal).map(|(value, unsure)| {
                    if let Some((amount, rounded)) = value {
                        *slot = Some(amount);
                        if rounded {
                            issues.note(|| place(name), Problem::Rounded);
                        }
                    }
                    if let Some(problem) = unsure {
                        issues.note(|| place(name), problem);
                    }
                })
            };
            match &column {
                Column::Id => package.id = text(),
                Column::Name => package.name = text(),
                Column::Unit => package.unit = text(),
                Column::Region => package.region = text(),
                Column::Klpd => package.government = text().map(|name| klpd.saw(name)),
                Column::UnitCode => unit_code = text(),
                Column::UnitAddress => unit_address = text(),
                Column::Method => match remembered(&mut vocabulary.methods, cell, cells::method) {
                    Ok(Some(method)) => package.method = Some(method),
                    Ok(None) => {}
                    // An unknown word leaves the method unsaid; the row counts.
                    Err(_) => issues.note(
                        || place(name),
                        Problem::Unrecognised(crate::format::raw_value(cell)),
                    ),
                },
                Column::Type => {
                    match remembered(&mut vocabulary.kinds, cell, cells::procurement_type) {
                        Ok(kind) => package.kind = kind,
                        Err(_) => issues.note(
                            || place(name),
                            Problem::Unrecognised(crate::format::raw_value(cell)),
                        ),
                    }
                }
                Column::Year => report(cells::year(cell).map(|value| year = value)),
                Column::Date => {
                    date_field = Some(name);
                    report(cells::month(cell).map(|value| {
                        package.month = value;
                        package.date = cells::day(cell);
                    }))
                }
                Column::SelectionDate => {
                    package.selection_day = cells::day(cell);
                    if package.selection_day.is_none()
                        && !cell.trim().is_empty()
                        && date_field != Some(name)
                    {
                        report(Err(Problem::WrongType(crate::format::Expected::Date)));
                    }
                }
                // An offer of nothing (or none at all) is no bid; its sen are not worth a note.
                Column::Offer => {
                    report(cells::money(cell).map(|value| offer = value.map(|(amount, _)| amount)))
                }
                Column::NonUkmReason => package.non_ukm_reason = text().map(String::into_boxed_str),
                // HPS is the yardstick, not a charted amount: its sen are not worth a note.
                Column::Hps => report(money_of(cell, unit, decimal).map(|(value, unsure)| {
                    hps = value.map(|(amount, _)| amount);
                    if let Some(problem) = unsure {
                        issues.note(|| place(name), problem);
                    }
                })),
                Column::Supplier => supplier = text().map(String::into_boxed_str),
                Column::Winner => report(
                    remembered(&mut vocabulary.flags, cell, cells::flag)
                        .map(|value| winner = value),
                ),
                Column::TenderStatus => {
                    if let Some(word) = text() {
                        match crate::model::TenderStatus::from_word(&word) {
                            Some(known) => status = Some(known),
                            // An unknown word leaves the status unsaid; the row counts.
                            None => issues.note(|| place(name), Problem::Unrecognised(word)),
                        }
                    }
                }
                Column::Rencana => report(amount(&mut package.amounts.rencana)),
                Column::Komitmen => report(amount(&mut package.amounts.komitmen)),
                Column::Realisasi => report(amount(&mut package.amounts.realisasi)),
                Column::PdnValue => report(amount(&mut pdn_value)),
                Column::UmkValue => report(amount(&mut umk_value)),
                Column::Pdn | Column::Umkk => {
                    let slot = match column {
                        Column::Pdn => &mut package.pdn,
                        _ => &mut package.umkk,
                    };
                    report(
                        remembered(&mut vocabulary.flags, cell, cells::flag)
                            .map(|value| *slot = value),
                    )
                }
                Column::Tenderers => {
                    report(cells::count(cell).map(|value| package.tenderers = value))
                }
                Column::Count => {
                    report(cells::count(cell).map(|value| package.count = value.unwrap_or(1)))
                }
            }
            if let Some(problem) = problem {
                issues.note(|| place(name), problem);
                ok = false;
            }
        }
        if !ok {
            return;
        }
        if package.unit.is_none() {
            // A unit whose name is empty is named by its code (and address).
            package.unit = match (unit_code, unit_address) {
                (Some(code), Some(address)) => Some(format!("Satker {code} · {address}")),
                (Some(code), None) => Some(format!("Satker {code}")),
                (None, _) => None,
            };
        }
        if package.amounts.is_empty() && self.amounts {
            issues.note(|| place(""), Problem::NoAmount);
            return;
        }
        if let (Some(pdn), Some(umk)) = (pdn_value, umk_value) {
            let valued = [
                package.amounts.rencana,
                package.amounts.komitmen,
                package.amounts.realisasi,
            ]
            .iter()
            .any(|amount| amount.is_some_and(|amount| amount.0 > 0));
            match self.family.zero_means_unstated() && pdn.0 == 0 && umk.0 == 0 && valued {
                true => issues.note(|| place(""), Problem::ZeroAsUnstated),
                false => {
                    package.local_values = Some(Box::new(crate::model::LocalValues { pdn, umk }))
                }
            }
        }
        if self.family == Family::Participants {
            // A row is a participant: a bidder when it made an offer (a price above zero), else
            // only registered; a list without any offer does not tell bidders at all. Its
            // supplier is the tender's winner only if this participant won.
            let bid = offer.is_some_and(|offer| offer.0 > 0);
            self.offers |= bid;
            package.tenderers = Some(u64::from(bid));
            if winner != Some(true) {
                supplier = None;
            }
        }
        package.tender = crate::model::TenderFacts::of(hps, status, supplier);
        self.dated |= year.is_some() || package.month.is_some();
        package.fiscal_year = year
            .or(package.month.map(|month| month.year))
            .unwrap_or(self.fallback_year);
        self.push(package);
    }

    /// Adds a package, or adds its amounts to the package of the same id.
    fn push(&mut self, package: Package) {
        self.named |= package.id.is_some() || package.name.is_some();
        self.grouped |= package.count > 1;
        let known = match (&package.id, self.family.merges()) {
            (Some(id), true) => self.by_id.get(id).copied(),
            _ => None,
        };
        let Some(index) = known else {
            if let (Some(id), true) = (&package.id, self.family.merges()) {
                self.by_id.insert(id.clone(), self.packages.len());
            }
            self.packages.push(package);
            return;
        };
        let Some(first) = self.packages.get_mut(index) else {
            return;
        };
        if self.family.one_tender() {
            let seen = self
                .contracts
                .entry(index)
                .or_insert_with(|| vec![contract_of(first)]);
            let contract = contract_of(&package);
            if seen.contains(&contract) {
                // A later version of a row already counted (or a plain repeat): nothing new.
                return;
            }
            seen.push(contract);
        }
        let add = |a: Option<Rupiah>, b: Option<Rupiah>| match (a, b) {
            (Some(a), Some(b)) => a.0.checked_add(b.0).map(Rupiah).or(Some(a)),
            (a, b) => a.or(b),
        };
        if self.family == Family::Participants {
            first.tenderers = match (first.tenderers, package.tenderers) {
                (Some(known), Some(more)) => Some(known.saturating_add(more)),
                (known, more) => known.or(more),
            };
            if first
                .tender
                .as_ref()
                .is_none_or(|tender| tender.supplier.is_none())
            {
                if let Some(won) = package.tender {
                    first.tender = Some(won);
                }
            }
            return;
        }
        let amounts = &mut first.amounts;
        // One tender's plan is one pagu, whatever number of winners it has.
        amounts.rencana = match self.family.one_tender() {
            true => amounts.rencana.or(package.amounts.rencana),
            false => add(amounts.rencana, package.amounts.rencana),
        };
        amounts.komitmen = add(amounts.komitmen, package.amounts.komitmen);
        amounts.realisasi = add(amounts.realisasi, package.amounts.realisasi);
        first.local_values = match (first.local_values.take(), package.local_values) {
            (Some(a), Some(b)) => Some(Box::new(crate::model::LocalValues {
                pdn: add(Some(a.pdn), Some(b.pdn)).unwrap_or(a.pdn),
                umk: add(Some(a.umk), Some(b.umk)).unwrap_or(a.umk),
            })),
            (a, b) => a.or(b),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_are_told_by_their_field_names() {
        let of = |names: &str| Family::of(names.split(','));
        assert_eq!(of("kd_rup,nama_paket,pagu,metode_pengadaan"), Family::Rup);
        assert_eq!(of("kd_rup,pagu,tipe_swakelola"), Family::Swakelola);
        assert_eq!(of("kd_tender,pagu,hps"), Family::Tender);
        assert_eq!(of("kd_nontender,pagu,nilai_kontrak"), Family::NonTender);
        assert_eq!(of("kd_nontender_pct,pagu"), Family::Pencatatan);
        assert_eq!(
            of("kd_paket,rup_nama_pkt,total_harga,tgl_order"),
            Family::EKatalog
        );
        assert_eq!(
            of("kd_paket,nama_paket,total_harga,kd_komoditas"),
            Family::EKatalog
        );
        assert_eq!(of("order_id,valuasi,marketplace"), Family::TokoDaring);
        assert_eq!(
            of("kd_tender,kd_peserta,nama_penyedia,nilai_penawaran,pemenang"),
            Family::Participants
        );
        assert_eq!(of("nama_paket,pagu"), Family::Other);
        assert_eq!(
            Family::Rup.title(
                &Klpd {
                    first: Some("Provinsi Kalimantan Barat".into()),
                    ..Klpd::default()
                },
                None,
                Some(2024),
                false
            ),
            Some("Rencana pengadaan Provinsi Kalimantan Barat 2024 (SiRUP)".into())
        );
        assert_eq!(
            Family::EKatalog.title(&Klpd::default(), None, Some(2024), false),
            Some("Pembelian e-Katalog 2024".into())
        );
        assert_eq!(
            Family::Other.title(&Klpd::default(), None, Some(2024), false),
            None
        );
    }

    #[test]
    fn the_earliest_named_field_of_a_column_is_read() {
        let (layout, _) = Layout::of(["tanggal", "hps", "tgl_kontrak", "pagu"], 100);
        let fields = ["2024-01-05", "9", "2024-03-01", "10"];
        let date = layout
            .cells(move |index| fields.get(index).copied())
            .find(|(column, _, _)| *column == Column::Date)
            .map(|(_, name, text)| (name, text));
        assert_eq!(date, Some(("tgl_kontrak", "2024-03-01")));
        assert!(layout.has_amount());
    }
}
