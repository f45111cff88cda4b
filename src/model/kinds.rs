//! The closed vocabularies of Indonesian procurement: stages of money, methods, types.

/// Which stage of money a figure counts. The three are never mixed silently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stage {
    /// Rencana: planned (RUP in SiRUP).
    Rencana,
    /// Komitmen: committed (contracts signed).
    Komitmen,
    /// Realisasi: realised (paid).
    Realisasi,
}

/// Metode pemilihan: how a supplier is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Method {
    /// E-purchasing through the e-Katalog.
    EPurchasing,
    /// Pengadaan Langsung: direct purchase (goods/works/other services up to Rp200 juta).
    PengadaanLangsung,
    /// Penunjukan Langsung: direct appointment.
    PenunjukanLangsung,
    /// Tender Cepat: fast tender.
    TenderCepat,
    /// Tender.
    Tender,
    /// Seleksi: selection, for consultancy.
    Seleksi,
    /// Swakelola: done in-house rather than through a supplier.
    Swakelola,
    /// Dikecualikan: excluded from the regulation (Pasal 61 Perpres 16/2018).
    Dikecualikan,
    /// OCDS `open`: anyone may bid.
    Open,
    /// OCDS `selective`: only qualified suppliers may bid.
    Selective,
    /// OCDS `limited`: the buyer contacts a number of suppliers of its choice.
    Limited,
    /// OCDS `direct`: awarded to a single supplier without competition.
    Direct,
}

/// Jenis pengadaan: what is bought.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProcurementType {
    /// Barang: goods.
    Barang,
    /// Pekerjaan Konstruksi: construction works.
    PekerjaanKonstruksi,
    /// Jasa Konsultansi: consultancy.
    JasaKonsultansi,
    /// Jasa Lainnya: other services.
    JasaLainnya,
    /// Terintegrasi: integrated (design and build).
    Terintegrasi,
    /// Services of any kind (OCDS `services`, which does not tell consultancy apart).
    Jasa,
}

/// A vocabulary whose values are written in data files as fixed kebab-case codes.
pub trait Code: Sized + Copy + 'static {
    /// Every value, in display order.
    const ALL: &'static [Self];
    /// The code in data files.
    fn code(self) -> &'static str;
    /// The value for a code, if the code is known.
    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|value| value.code() == code)
    }
}

impl Code for Stage {
    const ALL: &'static [Stage] = &[Stage::Rencana, Stage::Komitmen, Stage::Realisasi];
    fn code(self) -> &'static str {
        match self {
            Stage::Rencana => "rencana",
            Stage::Komitmen => "komitmen",
            Stage::Realisasi => "realisasi",
        }
    }
}

impl Code for Method {
    const ALL: &'static [Method] = &[
        Method::EPurchasing,
        Method::PengadaanLangsung,
        Method::PenunjukanLangsung,
        Method::TenderCepat,
        Method::Tender,
        Method::Seleksi,
        Method::Swakelola,
        Method::Dikecualikan,
        Method::Open,
        Method::Selective,
        Method::Limited,
        Method::Direct,
    ];
    fn code(self) -> &'static str {
        match self {
            Method::EPurchasing => "e-purchasing",
            Method::PengadaanLangsung => "pengadaan-langsung",
            Method::PenunjukanLangsung => "penunjukan-langsung",
            Method::TenderCepat => "tender-cepat",
            Method::Tender => "tender",
            Method::Seleksi => "seleksi",
            Method::Swakelola => "swakelola",
            Method::Dikecualikan => "dikecualikan",
            Method::Open => "open",
            Method::Selective => "selective",
            Method::Limited => "limited",
            Method::Direct => "direct",
        }
    }
}

impl Code for ProcurementType {
    const ALL: &'static [ProcurementType] = &[
        ProcurementType::Barang,
        ProcurementType::PekerjaanKonstruksi,
        ProcurementType::JasaKonsultansi,
        ProcurementType::JasaLainnya,
        ProcurementType::Terintegrasi,
        ProcurementType::Jasa,
    ];
    fn code(self) -> &'static str {
        match self {
            ProcurementType::Barang => "barang",
            ProcurementType::PekerjaanKonstruksi => "pekerjaan-konstruksi",
            ProcurementType::JasaKonsultansi => "jasa-konsultansi",
            ProcurementType::JasaLainnya => "jasa-lainnya",
            ProcurementType::Terintegrasi => "terintegrasi",
            ProcurementType::Jasa => "jasa",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<T: Code + PartialEq + std::fmt::Debug>() {
        for value in T::ALL {
            assert_eq!(T::from_code(value.code()), Some(*value));
        }
        assert_eq!(T::from_code("no-such-code"), None);
    }

    #[test]
    fn every_code_round_trips() {
        round_trips::<Stage>();
        round_trips::<Method>();
        round_trips::<ProcurementType>();
    }
}
