//! Fixed sentences and labels, both languages side by side. The table below generates the
//! enum, its list and its lookup, so a text cannot exist in one language only.

use super::Lang;

macro_rules! texts {
    ($($name:ident => ($indonesian:expr, $english:expr $(,)?)),* $(,)?) => {
        /// A fixed piece of interface text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Text {
            $(
                #[allow(missing_docs)]
                $name,
            )*
        }

        impl Text {
            /// Every text, in declaration order.
            pub const ALL: &'static [Text] = &[$(Text::$name),*];

            /// The text in `lang`.
            pub fn get(self, lang: Lang) -> &'static str {
                let (indonesian, english) = match self {
                    $(Text::$name => ($indonesian, $english),)*
                };
                lang.pick(indonesian, english)
            }

            /// The text in `lang` with each `{name}` replaced by its value, in one pass (a
            /// value that itself holds `{name}`, as a file's text may, stays as it is).
            pub fn fill(self, lang: Lang, values: &[(&str, &str)]) -> String {
                super::text::fill(self.get(lang), values)
            }
        }
    };
}

/// `template` with each `{name}` that `values` names replaced by its value, in one pass.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut filled = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        filled.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let named = after.find('}').and_then(|close| {
            let value = values.iter().find(|(name, _)| *name == &after[..close])?;
            Some((value.1, close))
        });
        match named {
            Some((value, close)) => {
                filled.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                filled.push('{');
                rest = after;
            }
        }
    }
    filled.push_str(rest);
    filled
}

texts! {
            ViewSpending => ("Belanja", "Spending"),
            ViewLocalContent => ("Konten lokal", "Local content"),
            ViewTargets => ("Target", "Targets"),
            ViewsLabel => ("Tampilan", "Views"),
            Loading => ("Memuat data…", "Loading data…"),
            IllustrativeNotice => (
                "Sebagian angka bersifat ilustratif (bukan dari sumber yang dikutip) dan ditandai *.",
                "Some figures are illustrative (not from a cited source) and are marked *.",
            ),
            IllustrativeMark => ("ilustratif", "illustrative"),
            Source => ("Sumber", "Source"),
            AndMore => ("dan {count} lainnya", "and {count} more"),
            Copy => ("Salin", "Copy"),
            Matches => ("{count} cocok", "{count} matching"),
            MatchesFirstShown => (
                "{count} cocok; {shown} yang pertama ditampilkan, ketik untuk mempersempit",
                "{count} matching; the first {shown} are shown, type to narrow them down",
            ),
            PngFailed => (
                "PNG tidak dapat dibuat di peramban ini; coba unduh SVG.",
                "The PNG could not be made in this browser; try the SVG download.",
            ),
            Copied => ("Disalin.", "Copied."),
            CopyFailed => (
                "Tidak dapat menyalin ke papan klip: teksnya sudah dipilih, salin dengan Ctrl+C (⌘C).",
                "Could not copy to the clipboard: the text is selected, copy it with Ctrl+C (⌘C).",
            ),
            NotWebAddress => (
                "Alamat data tidak diterima: hanya alamat http(s) atau alamat relatif yang dapat dimuat (bukan data:, javascript:, blob: atau file:).",
                "The data address is not accepted: only http(s) or relative addresses can be loaded (not data:, javascript:, blob: or file:).",
            ),
            ManifestNotWebAddress => (
                "Alamat manifest SHA256SUMS tidak diterima: hanya alamat http(s) atau alamat relatif.",
                "The SHA256SUMS manifest address is not accepted: only http(s) or relative addresses.",
            ),
            TableRowsShown => (
                "Menampilkan {shown} dari {total} baris; unduhan CSV memuat semuanya.",
                "Showing {shown} of {total} rows; the CSV download has them all.",
            ),
            OtherTargets => ("{count} target lainnya", "{count} more targets"),
            OtherTargetsSubtitle => (
                "Capaian terhadap target, yang paling tertinggal di atas",
                "Achieved against the target, furthest behind first",
            ),
            OtherTargetsBehind => ("Tidak sesuai jalur atau terlewat", "Off track or missed"),
            OtherTargetsSummary => (
                "{count} target lainnya; {behind} di antaranya tidak sesuai jalur atau terlewat. Tabel memuat semuanya.",
                "{count} more targets; {behind} of them off track or missed. The table lists them all.",
            ),
            OtherTargetsSummaryCharted => (
                "{count} target lainnya; {behind} di antaranya tidak sesuai jalur atau terlewat. Tabel memuat yang ada di grafik; \"Tampilkan semua di tabel\" memuat semuanya.",
                "{count} more targets; {behind} of them off track or missed. The table lists those in the chart; \"List all in the table\" lists them all.",
            ),
            ListAllInTable => ("Tampilkan semua di tabel", "List all in the table"),
            Publisher => ("Penerbit", "Publisher"),
            AsOf => ("Per", "As of"),
            License => ("Lisensi", "Licence"),
            DataFile => ("Berkas data", "Data file"),
            Month => ("Bulan", "Month"),
            Cumulative => ("Kumulatif", "Cumulative"),
            Monthly => ("Per bulan", "Monthly"),
            Pagu => ("Pagu", "Budget ceiling (pagu)"),
            ByMethod => ("Menurut metode pemilihan", "By procurement method"),
            ByType => ("Menurut jenis pengadaan", "By procurement type"),
            Packages => ("paket", "packages"),
            ShareOfTotal => ("dari total", "of the total"),
            ExactValue => ("Nilai persis", "Exact value"),
            PdnShare => ("Porsi produk dalam negeri (PDN)", "Domestic products (PDN) share"),
            UmkkShare => ("Porsi usaha mikro, kecil dan koperasi (UMK-K)", "Micro and small businesses and cooperatives (UMK-K) share"),
            Overall => ("Keseluruhan", "Overall"),
            UnitsBelow => ("Perangkat daerah di bawah ambang", "Spending units below the threshold"),
            AllUnitsMeet => ("Semua perangkat daerah memenuhi ambang.", "Every spending unit meets the threshold."),
            Gap => ("Kekurangan", "Gap"),
            Unit => ("Perangkat daerah", "Spending unit"),
            Achieved => ("Capaian", "Achieved"),
            Projection => ("Proyeksi", "Projection"),
            Target => ("Target", "Target"),
            Deadline => ("Tenggat", "Deadline"),
            PaceSoFar => ("Laju sejauh ini", "Pace so far"),
            RequiredPace => ("Laju yang dibutuhkan", "Required pace"),
            PerDay => ("per hari", "a day"),
            Retry => ("Coba lagi", "Try again"),
            NoDataForView => ("Berkas data ini tidak memuat angka untuk tampilan ini.", "This data file has no figures for this view."),
            DataIssuesSummary => ("{count} nilai dalam berkas data dilewati atau disesuaikan.", "{count} values in the data file were skipped or adjusted."),
            DataIssuesDetail => ("Lihat daftarnya", "See the list"),
            IssuesCsv => ("Unduh daftar masalah data sebagai CSV, dengan nilai asli dari berkas", "Download the list of data issues as CSV, with the values as the file wrote them"),
            IssuesCsvHeader => ("tempat,kode,nilai_asli,tetap_dipakai,keterangan", "place,code,raw_value,kept,message"),
            IssuesFileName => ("masalah-data.csv", "data-issues.csv"),
            DataIssuesFirstListed => ("{listed} yang pertama tercantum", "The first {listed} are listed"),
            ErrorTitle => ("Data tidak dapat ditampilkan", "The data cannot be shown"),
            Unreachable => (
                "Server data tidak dapat dijangkau, atau tidak mengizinkan halaman ini membacanya (CORS).",
                "The data server cannot be reached, or does not allow this page to read it (CORS).",
            ),
            NotFound => ("Berkas data tidak ditemukan (HTTP 404).", "The data file was not found (HTTP 404)."),
            Timeout => ("Server data tidak menjawab tepat waktu.", "The data server did not answer in time."),
            TooLarge => ("Berkas data terlalu besar untuk dibaca di peramban.", "The data file is too large to read in the browser."),
            NotAFile => (
                "Alamat data mengembalikan halaman web, bukan berkas data.",
                "The data address returned a web page, not a data file.",
            ),
            NotPantau => (
                "Berkas ini bukan berkas statistik Pantau PBJ, data OCDS, maupun CSV paket pengadaan.",
                "This file is not a Pantau PBJ statistics file, OCDS data or a CSV of procurement packages.",
            ),
            NoColumns => (
                "Berkas CSV ini tidak memiliki kolom nilai yang dikenali (misalnya pagu, nilai_kontrak atau realisasi).",
                "This CSV file has no recognised amount column (such as pagu, nilai_kontrak or realisasi).",
            ),
            NotJson => ("Berkas data rusak: bukan JSON yang sah", "The data file is damaged: not valid JSON"),
            InvalidMeta => ("Metadata berkas data tidak lengkap atau tidak sah.", "The data file's metadata is incomplete or invalid."),
            NoData => ("Berkas data tidak memuat angka yang dapat ditampilkan.", "The data file has no figures that can be shown."),
            UnsupportedVersion => ("Versi format berkas data tidak didukung", "Unsupported data format version"),
            HttpError => ("Server data menjawab dengan galat HTTP {status}.", "The data server answered with HTTP error {status}."),
            LegalBasis => ("Dasar", "Basis"),
            Threshold => ("Ambang", "Threshold"),
            ThresholdTarget => ("target", "target"),
            BarGapValue => ("{share} · kekurangan {gap}", "{share} · gap {gap}"),
            ShareSpokenMeets => ("{label}: {measure} {share}, memenuhi ambang", "{label}: {measure} {share}, meets the threshold"),
            ShareSpokenBelow => (
                "{label}: {measure} {share}, di bawah ambang, kekurangan {gap}",
                "{label}: {measure} {share}, below the threshold, gap {gap}",
            ),
            MeasureOverall => ("{measure} keseluruhan", "{measure} overall"),
            CumulativePointSpoken => ("{period}: kumulatif {total}", "{period}: cumulative {total}"),
            CumulativePointSpokenPagu => (
                "{period}: kumulatif {total}, {share} dari pagu",
                "{period}: cumulative {total}, {share} of budget ceiling (pagu)",
            ),
            PercentOfTarget => ("% target", "% target"),
            PercentOfPagu => ("% pagu", "% budget ceiling (pagu)"),
            StageRencana => ("Rencana", "Planned"),
            StageKomitmen => ("Komitmen", "Committed"),
            StageRealisasi => ("Realisasi", "Realised"),
            MethodPengadaanLangsung => ("Pengadaan Langsung", "Direct purchase"),
            MethodPenunjukanLangsung => ("Penunjukan Langsung", "Direct appointment"),
            MethodTenderCepat => ("Tender Cepat", "Fast tender"),
            MethodSeleksi => ("Seleksi", "Selection"),
            MethodSwakelola => ("Swakelola", "In-house (swakelola)"),
            MethodDikecualikan => ("Dikecualikan", "Exempted"),
            MethodOpen => ("Terbuka", "Open"),
            MethodSelective => ("Selektif", "Selective"),
            MethodLimited => ("Terbatas", "Limited"),
            MethodDirect => ("Langsung", "Direct"),
            TypeBarang => ("Barang", "Goods"),
            TypePekerjaanKonstruksi => ("Pekerjaan Konstruksi", "Construction works"),
            TypeJasaKonsultansi => ("Jasa Konsultansi", "Consultancy"),
            TypeJasaLainnya => ("Jasa Lainnya", "Other services"),
            TypeTerintegrasi => ("Terintegrasi", "Integrated"),
            TypeJasa => ("Jasa", "Services"),
            VerdictReached => ("Tercapai", "Reached"),
            VerdictOnTrack => ("Sesuai jalur", "On track"),
            VerdictAtRisk => ("Berisiko", "At risk"),
            VerdictOffTrack => ("Tidak sesuai jalur", "Off track"),
            VerdictMissed => ("Tidak tercapai", "Missed"),
            ExpectedText => ("teks", "text"),
            ExpectedWholeNumber => ("bilangan bulat", "a whole number"),
            ExpectedBoolean => ("true atau false", "true or false"),
            ExpectedDate => ("tanggal TTTT-BB-HH", "a date YYYY-MM-DD"),
            ExpectedMonth => ("bulan TTTT-BB", "a month YYYY-MM"),
            ExpectedObject => ("objek", "an object"),
            ExpectedList => ("daftar", "a list"),
            ExpectedCurrency => ("kode mata uang tiga huruf", "a three-letter currency code"),
            IssueMissing => ("{place}: tidak ada; dilewati", "{place}: missing; skipped"),
            IssueNegative => ("{place}: bernilai negatif; dilewati", "{place}: negative; skipped"),
            IssueTooLarge => ("{place}: terlalu besar untuk dihitung persis; dilewati", "{place}: too large to count exactly; skipped"),
            IssueRounded => ("{place}: pecahan, dibulatkan ke satuan terdekat; tetap dipakai", "{place}: fractional, rounded to the nearest unit; kept"),
            IssueOutsidePeriod => ("{place}: di luar periode; dilewati", "{place}: outside the period; skipped"),
            IssueDuplicate => ("{place}: ganda (yang pertama dipakai); dilewati", "{place}: duplicate (the first is used); skipped"),
            IssuePartExceedsTotal => ("{place}: melebihi totalnya; dilewati", "{place}: exceeds its total; skipped"),
            IssueDateOrder => ("{place}: urutan tanggal tidak mungkin; dilewati", "{place}: dates in an impossible order; skipped"),
            IssueTargetNotAboveBaseline => ("{place}: target tidak di atas nilai awal; dilewati", "{place}: target not above the baseline; skipped"),
            IssueNoAmount => ("{place}: tidak ada nilai rencana, komitmen atau realisasi; dilewati", "{place}: no planned, committed or realised amount; skipped"),
            IssueNotJsonLine => ("{place}: bukan objek JSON; dilewati", "{place}: not a JSON object; skipped"),
            IssueUnitWordMismatch => ("{place}: angka ini terlalu besar untuk dibaca dalam «{code}» seperti kata judul kolomnya; dibaca dalam rupiah", "{place}: this number is too large to be read in «{code}» as its column's heading says; read in rupiah"),
            IssueRangeOnly => ("{place}: nilai hanya diberikan sebagai rentang ({code}); tidak dijumlahkan ke total mana pun", "{place}: the value is given only as a range ({code}); added to no total"),
            IssueMoreRecords => ("{place}: berkas ini satu halaman dari jawaban yang lebih panjang (has_more); paket sesudahnya tidak ada di berkas, jadi angka di sini belum lengkap", "{place}: this file is one page of a longer answer (has_more); the packages after it are not in the file, so the figures here are incomplete"),
            IssueZeroAsUnstated => ("{place}: PDN dan UMK 0 padahal paket bernilai; dibaca sebagai tidak disebut (layanan ini menulis 0 bila tidak diisi)", "{place}: PDN and UMK 0 on a package with a value; read as not stated (this service writes 0 when nothing was filled in)"),
            IssueSuperseded => ("{place}: diganti oleh angka dari daftar paket (packages); dilewati", "{place}: replaced by figures from the package list (packages); skipped"),
            IssueWrongType => ("{place}: seharusnya {expected}; dilewati", "{place}: should be {expected}; skipped"),
            IssueUnknownCode => ("{place}: kode tidak dikenal «{code}»; dilewati", "{place}: unknown code «{code}»; skipped"),
            LocalFromContractValues => ("Dihitung dari nilai PDN dan UMK tiap kontrak (nilai_pdn_kontrak, nilai_umk_kontrak) terhadap nilai kontrak (nilai_kontrak; tanpa kontrak: total_realisasi), berbobot nilai.", "Computed from each contract's PDN and UMK values (nilai_pdn_kontrak, nilai_umk_kontrak) against the contract values (nilai_kontrak; without a contract: total_realisasi), weighted by value."),
            IssueUnrecognised => ("{place}: kata tidak dikenal «{code}»; dibiarkan kosong, paket tetap dihitung", "{place}: unknown word «{code}»; left blank, the package still counts"),
            IssueUnknownSource => ("{place}: sumber tidak terdaftar di meta.sources «{id}»; tetap dipakai", "{place}: source not listed in meta.sources «{id}»; kept"),
            IssueOtherCurrency => ("{place}: mata uang lain, tidak dijumlahkan «{code}»; dilewati", "{place}: another currency, not added up «{code}»; skipped"),
            PlaceLine => ("baris {line}", "line {line}"),
            PlaceLineColumn => ("baris {line}, kolom {column}", "line {line}, column {column}"),
            NotJsonAt => ("Berkas data rusak: bukan JSON yang sah (baris {line}, kolom {column}).", "The data file is damaged: not valid JSON (line {line}, column {column})."),
            ShareAndEmbed => ("Bagikan dan sematkan", "Share and embed"),
            LinkToView => ("Tautan ke tampilan ini", "Link to this view"),
            EmbedIframe => ("Kode sematan (iframe)", "Embed code (iframe)"),
            EmbedScript => ("Kode sematan (skrip)", "Embed code (script)"),
            HostScriptNote => (
                "Agar tinggi bingkai mengikuti isinya, pasang juga skrip host dari README.",
                "For the frame to follow its content's height, add the host script from the README as well.",
            ),
            PrintLink => ("Tautan: {link}", "Link: {link}"),
            Download => ("Unduh", "Download"),
            DownloadFormat => ("Unduh {format}", "Download {format}"),
            ShareOfTarget => ("{share} dari target", "{share} of the target"),
            PointSpoken => ("{point} {date}: {value}, {share} dari target", "{point} {date}: {value}, {share} of the target"),
            BarOfTarget => ("{label}: {share} dari target", "{label}: {share} of the target"),
            Date => ("Tanggal", "Date"),
            Item => ("Keterangan", "Item"),
            StatusLabel => ("Status", "Status"),
            TargetSummary => (
                "{label}: {achieved} per {as_of} ({share}), target {target} pada {deadline}.",
                "{label}: {achieved} as of {as_of} ({share}), target {target} by {deadline}.",
            ),
            TargetProjection => (
                "Dengan laju sejauh ini proyeksinya {projected}.",
                "At the pace so far the projection is {projected}.",
            ),
            TargetRequiredPace => ("Laju yang dibutuhkan {pace}.", "Required pace {pace}."),
            TargetStatus => ("Status: {verdict}.", "Status: {verdict}."),
            ProjectionNote => (
                "Proyeksi linear: laju rata-rata sejak awal periode diteruskan sampai tenggat. Garis putus-putus: proyeksi; garis titik-titik: laju yang dibutuhkan.",
                "Linear projection: the average pace since the start of the period, continued to the deadline. Dashed line: projection; dotted line: required pace.",
            ),
            TargetSubtitle => ("Target hingga {deadline}: {target}", "Target by {deadline}: {target}"),
            PartOf => ("{part} dari {whole}", "{part} of {whole}"),
            PackagesOf => ("{part} dari {whole} paket", "{part} of {whole} packages"),
            ToSmallSuppliers => ("Ke usaha mikro dan kecil", "To micro and small suppliers"),
            SingleBidTenders => ("Tender dengan satu penawar", "Tenders with a single bidder"),
            Indicator => ("Indikator", "Indicator"),
            Basis => ("Dasar", "Basis"),
            SupplierIndicatorsTitle => ("Indikator pemasok {year}", "Supplier indicators {year}"),
            SuppliersSummary => ("Grafik batang: {indicators}.", "Bar chart: {indicators}."),
            SuppliersNote => (
                "Ukuran pemasok dan jumlah penawar hanya dihitung untuk paket yang mencantumkannya.",
                "Supplier size and the number of bidders count only the packages that state them.",
            ),
            OthersCount => ("Lainnya ({count})", "Others ({count})"),
            SharePaguLine => ("{share} dari pagu", "{share} of budget ceiling (pagu)"),
            CumulativeCountAxis => ("Jumlah paket kumulatif", "Cumulative packages"),
            CumulativeCountTitle => ("{stage}: jumlah paket kumulatif {year}", "{stage}: cumulative number of packages {year}"),
            PartialFile => ("Berkas ini satu halaman dari jawaban yang lebih panjang (has_more): angka di sini hanya dari sebagian data.", "This file is one page of a longer answer (has_more): the figures here are of part of the data only."),
            YearAssumed => ("Berkas ini tidak menyebut tahun anggaran: angkanya ditampilkan di bawah {year}, tahun berjalan, bukan tahun yang dinyatakan berkas.", "This file states no fiscal year: its figures are shown under {year}, the current year, not a year the file gives."),
            SummaryRows => ("Setiap baris berkas ini sudah berupa jumlah beberapa paket (tabel rekap), bukan data per paket.", "Each row of this file is already a total of several packages (a summary table), not package-level data."),
            MeasureValue => ("Nilai", "Value"),
            MeasureCount => ("Jumlah paket", "Number of packages"),
            MeasureLabel => ("Ukuran", "Measure"),
            ValuesMissing => ("Berkas ini tidak memuat nilai uang: grafik menunjukkan jumlah paket.", "This file holds no amounts of money: the charts show numbers of packages."),
            CumulativeAxis => ("Belanja kumulatif ({currency})", "Cumulative spending ({currency})"),
            StageToMonth => ("{stage} s.d. {month}", "{stage} to {month}"),
            CumulativeSummary => (
                "Grafik garis belanja kumulatif per bulan: {total} hingga {month}; bulan tertinggi {peak_month} ({peak}).",
                "Line chart of cumulative spending by month: {total} by {month}; highest month {peak_month} ({peak}).",
            ),
            CumulativeSummaryPagu => (
                "Grafik garis belanja kumulatif per bulan: {total} hingga {month}; bulan tertinggi {peak_month} ({peak}); {share} dari pagu {pagu}.",
                "Line chart of cumulative spending by month: {total} by {month}; highest month {peak_month} ({peak}); {share} of the pagu of {pagu}.",
            ),
            OfPagu => ("Terhadap pagu", "Of the pagu"),
            CumulativeTitle => ("{stage} belanja kumulatif {year}", "{stage} cumulative spending {year}"),
            BreakdownSummary => (
                "Grafik batang: terbesar {label} ({amount}, {share} dari total). Total {total}.",
                "Bar chart: largest {label} ({amount}, {share} of the total). Total {total}.",
            ),
            BreakdownSubtitle => ("{stage}, total {total}", "{stage}, total {total}"),
            ThresholdFloor => ("batas minimal", "legal floor"),
            GoodsServicesSpending => ("Belanja barang/jasa", "Goods/services spending"),
            ShareOfGoodsServices => ("Porsi dari belanja barang/jasa", "Share of goods/services spending"),
            ShareSubtitle => (
                "{stage} terhadap belanja barang/jasa: {total}",
                "{stage} of goods/services spending: {total}",
            ),
            ShareSummaryMeets => (
                "Grafik batang: {measure} {share} secara keseluruhan, {threshold} {citation} (memenuhi ambang).",
                "Bar chart: {measure} {share} overall, {threshold} {citation} (meets the threshold).",
            ),
            ShareSummaryBelow => (
                "Grafik batang: {measure} {share} secara keseluruhan, {threshold} {citation} (di bawah ambang, kekurangan {gap}).",
                "Bar chart: {measure} {share} overall, {threshold} {citation} (below the threshold, gap {gap}).",
            ),
            ShareSummaryUnits => (
                "Terendah {lowest} ({lowest_share}), tertinggi {highest} ({highest_share}). {below} dari {count} perangkat daerah di bawah ambang.",
                "Lowest {lowest} ({lowest_share}), highest {highest} ({highest_share}). {below} of {count} spending units below the threshold.",
            ),
            BelowThreshold => ("di bawah ambang", "below the threshold"),
            OutsideLineYear => ("{amount} dari paket tahun anggaran {fiscal} bertanggal {year} ({count} paket): tidak masuk garis ini.", "{amount} of fiscal year {fiscal}'s packages dated in {year} ({count}): not in this line."),
            OutsideLineUndated => ("{amount} dari paket tanpa tanggal ({count} paket): tidak masuk garis ini.", "{amount} of packages without a date ({count}): not in this line."),
            UnsaidNote => ("{amount} dari paket yang tidak menyebut {what} ({count} paket) tidak masuk grafik ini.", "{amount} of packages that name no {what} ({count}) is not in this chart."),
            UnsaidMethod => ("metode pemilihan", "method"),
            UnsaidType => ("jenis pengadaan", "procurement type"),
            UnsaidUnit => ("perangkat daerah", "spending unit"),
            UnsaidRegion => ("wilayah", "region"),
            UnsaidGovernment => ("K/L/PD", "government"),
            NoBudgetStated => ("Data tidak menyebut pagu (atau pagunya 0): garis ini tidak dibandingkan dengan anggaran.", "The data states no budget (pagu), or a budget of 0: this line is not held against a budget."),
            NotJudgedCoverage => ("tidak dinilai: dasarnya kurang dari separuh nilai", "not judged: it rests on less than half of the value"),
            BarNotJudged => ("{share} · tidak dinilai", "{share} · not judged"),
            ShareSpokenUnjudged => (
                "{label}: {measure} {share}, tidak dinilai terhadap ambang karena dasarnya kurang dari separuh nilai",
                "{label}: {measure} {share}, not judged against the threshold: it rests on less than half of the value",
            ),
            ShareSummaryUnjudged => (
                "Grafik batang: {measure} {share} secara keseluruhan dari paket yang menyebutnya; tidak dinilai terhadap {threshold} {citation}, karena dasarnya kurang dari separuh nilai.",
                "Bar chart: {measure} {share} overall, of the packages that state it; not judged against {threshold} {citation}, as it rests on less than half of the value.",
            ),
            CoverageFact => ("Dasar perhitungan", "Rests on"),
            CoverageColumn => ("Dasar", "Rests on"),
            CoverageValue => ("{share} nilai ({stated} dari {packages} paket)", "{share} of the value ({stated} of {packages} packages)"),
            CoverageNote => (
                "PDN dan UMK-K disebut untuk {stated} dari {packages} paket yang dibeli ({stated_value} dari {value}, {share}); porsinya dihitung dari paket itu saja.",
                "PDN and UMK-K are stated for {stated} of {packages} packages bought ({stated_value} of {value}, {share}); the shares are computed from those packages only.",
            ),
            CoverageRule => (
                "Porsi yang dasarnya kurang dari separuh nilai paket yang dibeli tidak dinilai memenuhi atau di bawah ambang: paket yang tidak menyebut PDN dan UMK-K dapat mengubahnya sepenuhnya.",
                "A share that rests on less than half of the value bought is not judged as meeting or missing its threshold: the packages that do not state PDN and UMK-K could change it entirely.",
            ),
            UnitsNotJudged => ("tidak dinilai: {count}", "not judged: {count}"),
            MeetsThreshold => ("memenuhi ambang", "meets the threshold"),
            ChartSummary => ("Ringkasan grafik", "Chart summary"),
            Value => ("Nilai", "Value"),
            Share => ("Porsi", "Share"),
            Chart => ("Grafik", "Chart"),
            Table => ("Tabel", "Table"),
            Display => ("Tampilkan sebagai", "Show as"),
            ShowAll => ("Tampilkan semua ({count})", "Show all ({count})"),
            ShowFewer => ("Tampilkan lebih sedikit", "Show fewer"),
            ShowMore => ("Tampilkan {count} teratas", "Show the top {count}"),
            ByUnit => ("Menurut perangkat daerah", "By spending unit"),
            ByRegion => ("Menurut wilayah", "By region"),
            ByGovernment => ("Menurut K/L/PD", "By government (K/L/PD)"),
            Filters => ("Saring data", "Filter the data"),
            FiscalYear => ("Tahun anggaran", "Fiscal year"),
            Region => ("Wilayah", "Region"),
            Government => ("K/L/PD", "Government"),
            Method => ("Metode pemilihan", "Procurement method"),
            Type => ("Jenis pengadaan", "Procurement type"),
            Stage => ("Tahap anggaran", "Stage of money"),
            All => ("Semua", "All"),
            ClearFilters => ("Hapus semua saringan", "Clear all filters"),
            BackToAllUnits => ("Kembali ke semua perangkat daerah", "Back to all spending units"),
            NoDataForFilters => (
                "Tidak ada angka untuk pilihan saringan ini.",
                "There are no figures for the chosen filters.",
            ),
            TargetsNotFiltered => (
                "Target berlaku untuk seluruh provinsi; saringan tidak mengubahnya.",
                "Targets apply to the whole province; the filters do not change them.",
            ),
            DrillHint => ("Pilih untuk menelusuri perangkat daerah ini", "Select to drill down into this spending unit"),
            Legend => ("Keterangan", "Legend"),
            HashVerified => ("SHA-256 cocok dengan yang diterbitkan", "SHA-256 matches the published one"),
            HashMismatch => (
                "Peringatan: berkas data tidak sama dengan yang diterbitkan penerbitnya (SHA-256 berbeda). Angka di bawah mungkin telah diubah.",
                "Warning: the data file is not the one its publisher published (SHA-256 differs). The figures below may have been altered.",
            ),
            SnapshotKept => (
                "Gambar di atas adalah gambar statis dari data yang diterbitkan sebelumnya; data saat ini tidak dapat dimuat, jadi gambar itu mungkin tidak lagi terkini.",
                "The picture above is a static one, drawn from data published earlier; the current data could not be loaded, so it may no longer be current.",
            ),
            HashUnverifiable => ("SHA-256 yang diterbitkan tidak dapat diperiksa", "The published SHA-256 cannot be checked"),
            Expected => ("diharapkan", "expected"),
            Received => ("diterima", "received"),
            ViewOversight => (
                "Indikator risiko",
                "Risk indicators",
            ),
            CliSummary => (
                "{file}: «{title}», {packages} paket, {charts} grafik, {issues} masalah data",
                "{file}: «{title}», {packages} packages, {charts} charts, {issues} data issues",
            ),
            PublishNeedsScript => (
                "Gambar di atas adalah grafik pertama data ini; grafik interaktif membutuhkan JavaScript.",
                "The picture above is the first chart of this data; the interactive charts need JavaScript.",
            ),
            PublishSnippets => ("Potongan kode untuk menyematkan «{title}»", "Snippets to embed «{title}»"),
            PublishBaseNote => (
                "Alamat dalam potongan ini relatif terhadap folder terbitan, kecuali folder diterbitkan dengan --base (alamat publiknya).",
                "The addresses in these snippets are relative to the published folder, unless it was published with --base (its public address).",
            ),
            PublishDescription => ("Data pengadaan barang/jasa yang diterbitkan {publisher}, per {date}.", "Procurement data published by {publisher}, as of {date}."),
            PublishData => ("Data dan checksum", "Data and checksum"),
            PublishSnippetsLink => ("Potongan kode untuk menyematkan", "Snippets to embed"),
            CliUnusable => ("{file}: tidak dapat dipakai: {reason}", "{file}: cannot be used: {reason}"),
            MissingSinglePackages => ("Tidak dapat dihitung: setiap entri berkas ini adalah kelompok beberapa paket (count), dan nilainya jumlah mereka, bukan nilai satu paket.", "Cannot be computed: every entry of this file is a group of packages (count), whose amounts are their total, not one package's value."),
            OversightGrouped => ("{count} paket dalam entri berkelompok (count) tidak dinilai: nilainya jumlah beberapa paket.", "{count} packages in grouped entries (count) are not judged: their amounts are totals of several packages."),
            MissingTenderStatus => ("Tidak dapat dihitung: berkas tidak memuat status tender (status_tender).", "Cannot be computed: the file gives no tender status (status_tender)."),
            MissingHps => ("Tidak dapat dihitung: berkas tidak memuat HPS bersama nilai kontrak.", "Cannot be computed: the file gives no owner's estimate (HPS) with a contract value."),
            MissingSupplier => ("Tidak dapat dihitung: berkas tidak menyebut penyedia pemenang bersama nilai kontrak.", "Cannot be computed: the file names no winning supplier with a contract value."),
            FailedTitle => ("Tender gagal atau batal {year}", "Failed or cancelled tenders {year}"),
            FailedDefinition => (
                "Definisi: paket yang tendernya gagal atau dibatalkan (SPSE «Gagal/Batal»; OCDS unsuccessful, cancelled), dari paket yang menyebut status tendernya, dihitung terpisah dari indikator lain. Per perangkat daerah hanya untuk yang memiliki sedikitnya {min} paket tersebut.",
                "Definition: packages whose tender failed or was cancelled (SPSE «Gagal/Batal»; OCDS unsuccessful, cancelled), of those that state their tender's status, counted apart from the other indicators. A spending unit is shown only with at least {min} such packages.",
            ),
            FailedBasis => (
                "Perpres 16/2018 jo. 12/2021 Pasal 51 (tender gagal dan tindak lanjutnya, termasuk Penunjukan Langsung setelah tender ulang gagal)",
                "Perpres 16/2018 as amended by 12/2021, Pasal 51 (failed tenders and what follows, including direct appointment after a repeated tender failed)",
            ),
            FailedAxis => ("Bagian tender gagal atau batal", "Share of tenders failed or cancelled"),
            FailedWhy => ("status tender: Gagal/Batal", "tender status: failed or cancelled"),
            FailedSummary => (
                "Grafik batang bagian tender gagal atau batal per perangkat daerah; keseluruhan {share} ({flagged} dari {judged} paket).",
                "Bar chart of the share of tenders failed or cancelled by spending unit; overall {share} ({flagged} of {judged} packages).",
            ),
            HpsTitle => ("Nilai kontrak terhadap HPS {year}", "Contract values against the estimate (HPS) {year}"),
            HpsDefinition => (
                "Definisi: selisih nilai kontrak terhadap harga perkiraan sendiri (HPS), untuk paket yang memuat keduanya. Kontrak di atas HPS ditandai; kontrak yang hampir sama dengan HPS (selisih 1% atau kurang) adalah pola yang juga ditelaah pemantau seperti opentender.net.",
                "Definition: the contract value's discount on the owner's estimate (harga perkiraan sendiri, HPS), for packages that give both. Contracts above the HPS are flagged; contracts within 1% of the HPS are a pattern that monitors such as opentender.net also look at.",
            ),
            HpsBasis => (
                "Perpres 16/2018 jo. 12/2021 Pasal 26 ayat (5) (HPS untuk menilai kewajaran harga penawaran dan sebagai batas tertinggi penawaran yang sah) dan ayat (6) (HPS tidak menjadi dasar perhitungan kerugian negara)",
                "Perpres 16/2018 as amended by 12/2021, Pasal 26 ayat (5) (the HPS to judge whether offered prices are fair, and as the highest valid offer) and ayat (6) (the HPS is not the basis for computing state loss)",
            ),
            HpsAbove => ("Di atas HPS", "Above the HPS"),
            HpsBand => ("Potongan {from}-{to}%", "Discount {from}-{to}%"),
            HpsBandFirst => ("Potongan 0-1%", "Discount 0-1%"),
            HpsBandLast => ("Potongan lebih dari 30%", "Discount above 30%"),
            HpsWhy => ("kontrak {contract} di atas HPS {hps}", "contract {contract} above the HPS of {hps}"),
            HpsSummary => (
                "Grafik batang paket menurut potongan nilai kontrak terhadap HPS: {above} dari {judged} paket di atas HPS, {close} dengan potongan 1% atau kurang.",
                "Bar chart of packages by the contract's discount on the HPS: {above} of {judged} packages above the HPS, {close} within 1% of it.",
            ),
            ConcentrationTitle => ("Pemasok terbesar per perangkat daerah {year}", "Largest supplier by spending unit {year}"),
            ConcentrationDefinition => (
                "Definisi: bagian pemasok terbesar dari nilai kontrak (atau e-Katalog) sebuah perangkat daerah, untuk perangkat daerah dengan sedikitnya {min} paket yang menyebut pemenangnya. Paket pemasok terbesar ditandai bila bagiannya lebih dari {share}; batas ini pilihan tampilan ini, bukan batas hukum.",
                "Definition: the largest supplier's share of a spending unit's contract (or e-Katalog) value, for units with at least {min} packages that name their winner. The largest supplier's packages are flagged where its share is above {share}; that limit is this view's choice, not a legal threshold.",
            ),
            ConcentrationBasis => (
                "prinsip persaingan usaha yang sehat dan adil, Perpres 16/2018 jo. 12/2021 Pasal 6 dan Pasal 7",
                "the principles of fair and open competition, Perpres 16/2018 as amended by 12/2021, Pasal 6 and Pasal 7",
            ),
            ConcentrationAxis => ("Bagian pemasok terbesar", "Largest supplier's share"),
            ConcentrationLine => ("{supplier}: {share} dari {total}, {contracts} paket, {suppliers} pemasok", "{supplier}: {share} of {total}, {contracts} packages, {suppliers} suppliers"),
            ConcentrationWhy => ("pemasok terbesar {unit}: {supplier} ({share})", "largest supplier of {unit}: {supplier} ({share})"),
            ConcentrationSummary => (
                "Grafik batang bagian pemasok terbesar per perangkat daerah; tertinggi {unit}: {supplier} dengan {share}.",
                "Bar chart of the largest supplier's share by spending unit; highest {unit}: {supplier} with {share}.",
            ),
            ColumnSupplier => ("Pemasok", "Supplier"),
            ColumnPackages => ("Paket", "Packages"),
            MissingName => ("Tidak dapat dihitung: berkas tidak memuat nama paket.", "Cannot be computed: the file gives no package names."),
            MissingSelectionDay => ("Tidak dapat dihitung: berkas tidak memuat tanggal awal pemilihan (tgl_awal_pemilihan, tanggal pengumuman) atau tanggal rencana paket.", "Cannot be computed: the file gives no start-of-selection date (tgl_awal_pemilihan, the announcement) nor a planning date."),
            MissingDecember => ("Belum dapat dihitung: kontrak dan pesanan tahun anggaran ini dalam data belum sampai bulan Desember.", "Cannot be computed yet: the fiscal year's contracts and orders in the data do not reach December."),
            MissingContractMonth => ("Tidak dapat dihitung: berkas tidak memuat nilai kontrak (atau pesanan) dengan bulannya.", "Cannot be computed: the file gives no contract (or order) values with their month."),
            SplitTitle => ("Paket yang mungkin dipecah {year}", "Possibly split packages {year}"),
            SplitDefinition => (
                "Definisi: dua atau lebih paket Pengadaan Langsung dari satu perangkat daerah dan satu jenis pengadaan yang namanya sama setelah dinormalkan (huruf kecil; tanda baca dan angka dihapus; angka Romawi dan kata {words} diabaikan), yang pemilihannya dimulai dalam {days} hari sejak paket pertama kelompok, masing-masing tidak melebihi batas dan bersama-sama melebihinya (batas pada hari paket pertama). Nilai: HPS, selain itu pagu. Aturan lengkapnya di docs/oversight.md, agar dapat dihitung ulang siapa pun.",
                "Definition: two or more direct purchases of one spending unit and one procurement type whose names are the same once normalised (lower case; punctuation and digits removed; Roman numerals and the words {words} left out), whose selection started within {days} days of the cluster's first, each at or under the ceiling and together above it (the ceiling on the first one's day). Value: the HPS, else the pagu. The full rule is in docs/oversight.md, so that anyone can recount it.",
            ),
            SplitSubtitle => ("{clusters} kelompok, {packages} paket, dari {judged} Pengadaan Langsung yang dinilai", "{clusters} clusters, {packages} packages, of {judged} direct purchases judged"),
            SplitClusters => ("Kelompok untuk ditelaah", "Clusters to look into"),
            SplitPackagesFact => ("Paket dalam kelompok", "Packages in clusters"),
            SplitAxis => ("Jumlah nilai, kali batas", "Sum, times the ceiling"),
            SplitCeiling => ("Batas (1×)", "Ceiling (1×)"),
            TimesCeiling => ("{times}× batas", "{times}× the ceiling"),
            SplitWhy => ("kelompok «{name}»: {count} paket, {total} terhadap batas {limit}, {first}–{last}", "cluster «{name}»: {count} packages, {total} against the ceiling of {limit}, {first}–{last}"),
            SplitSummary => ("Grafik batang jumlah nilai setiap kelompok terhadap batas Pengadaan Langsung: {clusters} kelompok dari {judged} paket yang dinilai; terbesar: {top}.", "Bar chart of each cluster's sum against the direct-purchase ceiling: {clusters} clusters of {judged} packages judged; largest: {top}."),
            SplitNone => ("Tidak ada kelompok paket yang bersama-sama melebihi batas, dari {judged} Pengadaan Langsung yang dinilai.", "No cluster of packages passes the ceiling together, of {judged} direct purchases judged."),
            ExplainSplit => (
                "Penjelasan wajar yang perlu diperiksa lebih dulu: kebutuhan yang memang muncul bertahap (anggaran perubahan, kebutuhan mendesak), lokasi atau penerima yang berbeda, nama paket yang seragam karena templat.",
                "Innocent explanations to check first: needs that really came in steps (a revised budget, an urgent need), other places or recipients, names alike because of a template.",
            ),
            RepeatWinnersTitle => ("Pemasok yang menang di banyak perangkat daerah {year}", "Suppliers winning across many spending units {year}"),
            RepeatWinnersDefinition => (
                "Definisi: pemasok yang memenangkan kontrak di sedikitnya {min} perangkat daerah, dengan jumlah paket dan bagiannya dari nilai kontrak yang menyebut pemenang. Ini fakta tentang pasar, bukan tanda pada pemasok; angka {min} adalah pilihan tampilan ini, bukan batas hukum.",
                "Definition: suppliers that won contracts in at least {min} spending units, with their packages and their share of the contract value that names a winner. This is a fact about the market, not a flag on a supplier; the {min} is this view's choice, not a legal threshold.",
            ),
            RepeatWinnersSubtitle => ("{listed} dari {suppliers} pemasok menang di {min} perangkat daerah atau lebih", "{listed} of {suppliers} suppliers won in {min} or more spending units"),
            RepeatWinnersListed => ("Pemasok di banyak perangkat daerah", "Suppliers in many units"),
            RepeatWinnersSuppliers => ("Pemasok pemenang", "Winning suppliers"),
            RepeatWinnersAxis => ("Perangkat daerah", "Spending units"),
            RepeatWinnersLine => ("{units} perangkat daerah, {packages} paket, {value} ({share} dari nilai)", "{units} spending units, {packages} packages, {value} ({share} of the value)"),
            RepeatWinnersSummary => ("Grafik batang jumlah perangkat daerah tempat pemasok menang: {listed} pemasok menang di {min} perangkat daerah atau lebih; terbanyak {supplier} di {units} perangkat daerah ({share} dari nilai).", "Bar chart of the number of spending units each supplier won in: {listed} suppliers won in {min} or more; the most, {supplier}, in {units} units ({share} of the value)."),
            RepeatWinnersNone => ("Tidak ada pemasok yang menang di {min} perangkat daerah atau lebih.", "No supplier won in {min} or more spending units."),
            YearEndTitle => ("Lonjakan akhir tahun {year}", "Year-end rush {year}"),
            YearEndDefinition => (
                "Definisi: nilai kontrak atau pesanan bulan Desember dibandingkan dengan rata-rata bulanan setahun (nilai setahun dibagi 12), dari paket yang menyebut nilai kontrak dan bulannya, per perangkat daerah dengan sedikitnya {min} paket. Perangkat daerah dengan Desember {ratio}× rata-rata atau lebih ditandai; angka ini pilihan tampilan ini, bukan batas hukum.",
                "Definition: the value contracted or ordered in December against the year's monthly average (the year's value divided by 12), of packages that give a contract value and its month, per spending unit with at least {min} packages. Units whose December is {ratio}× the average or more are marked; that number is this view's choice, not a legal threshold.",
            ),
            YearEndSubtitle => ("Desember {ratio} rata-rata bulanan: {december} dari {year} setahun", "December {ratio} the monthly average: {december} of {year} in the year"),
            YearEndRatio => ("Desember terhadap rata-rata bulanan", "December against the monthly average"),
            YearEndMarked => ("Perangkat daerah ditandai untuk ditelaah", "Spending units flagged to look into"),
            YearEndAxis => ("Bagian Desember dari nilai setahun", "December's share of the year's value"),
            YearEndReference => ("{ratio}× rata-rata bulanan", "{ratio}× the monthly average"),
            YearEndLine => ("Desember {december} dari {year} setahun ({ratio} rata-rata bulanan)", "December {december} of {year} in the year ({ratio} the monthly average)"),
            YearEndSummary => ("Grafik batang bagian Desember dari nilai setahun per perangkat daerah; keseluruhan {ratio} rata-rata bulanan; {marked} dari {units} perangkat daerah dengan sedikitnya {min} paket ditandai.", "Bar chart of December's share of the year's value by spending unit; overall {ratio} the monthly average; {marked} of {units} units with at least {min} packages flagged."),
            YearEndDecember => ("Desember", "December"),
            YearEndYear => ("Setahun", "Year"),
            ExplainYearEnd => (
                "Penjelasan wajar yang perlu diperiksa lebih dulu: anggaran perubahan yang baru disahkan menjelang akhir tahun, pembayaran termin terakhir, pekerjaan musiman.",
                "Innocent explanations to check first: a revised budget passed late in the year, final instalments, seasonal work.",
            ),
            CompareRuleChanged => ("batas berubah di antara keduanya: {changes}", "the threshold changed in between: {changes}"),
            CompareRuleChange => ("{type} {before} menjadi {after} sejak {day} ({basis})", "{type} {before} to {after} from {day} ({basis})"),
            OversightPurpose => (
                "Tujuan: membantu pengawasan pengadaan oleh aparat pengawasan intern pemerintah (APIP), Perpres 16/2018 jo. 12/2021 Pasal 76.",
                "Purpose: to support the oversight of procurement by the internal government auditors (APIP), Perpres 16/2018 as amended by 12/2021, Pasal 76.",
            ),
            MissingCeilingValue => ("Tidak dapat dihitung: berkas tidak memuat HPS atau pagu, nilai yang diikat batas Pengadaan Langsung (nilai kontrak tidak dipakai).", "Cannot be computed: the file gives no owner's estimate (HPS) or pagu, the value a direct-purchase ceiling binds (contract values are not used)."),
            MissingPagu => ("Tidak dapat dihitung: berkas tidak memuat pagu, nilai yang disebut pencadangan untuk usaha kecil.", "Cannot be computed: the file gives no pagu, the value the small-business reservation names."),
            ValueJudgedCeiling => (
                "Nilai yang dinilai: HPS, selain itu pagu; bukan nilai kontrak, yang setelah negosiasi lebih rendah dari perkiraan.",
                "Value judged: the owner's estimate (HPS), else the pagu; never the contract value, which negotiation brings below the estimate.",
            ),
            ValueJudgedLocalShare => ("Nilai yang dinilai: bagian nilai paket pada tahap yang dipilih.", "Value judged: the share of the packages' value at the chosen stage."),
            ValueJudgedReservation => ("Nilai yang dinilai: pagu paket, nilai yang disebut Pasal 65 ayat (4).", "Value judged: the package's pagu, the value Pasal 65 ayat (4) names."),
            DayJudged => (
                "Hari yang dinilai: awal pemilihan (pengumuman tender, tgl_awal_pemilihan; OCDS tenderPeriod), selain itu tanggal rencana paket; tidak pernah tanggal kontrak. Paket tanpa tanggal itu dinilai menurut tahun anggarannya bila batasnya sama sepanjang tahun itu.",
                "Day judged: the start of selection (the tender's announcement, tgl_awal_pemilihan; OCDS tenderPeriod), else the package's planning date; never the contract's date. A package without either is judged by its fiscal year where the threshold held all that year.",
            ),
            NotJudgedNoDay => (
                "{count} paket tidak dinilai: tanpa tanggal pemilihan pada tahun batasnya berubah, atau sebelum 2015 (tabel batas dimulai 1 Januari 2015).",
                "{count} packages not judged: no selection date in a year the threshold changed, or before 2015 (the table of thresholds starts on 1 January 2015).",
            ),
            ColumnDayJudged => ("Hari yang dinilai", "Day judged"),
            ColumnValueJudged => ("Nilai yang dinilai", "Value judged"),
            JudgedOnYear => ("TA {year}", "FY {year}"),
            ShownApart => ("{what} (terpisah, tidak ditandai)", "{what} (shown apart, not flagged)"),
            LargestSupplierSubtitle => (
                "{listed} paket dari pemasok terbesar yang memegang lebih dari separuh nilai perangkat daerahnya; {judged} paket menyebut pemenangnya",
                "{listed} packages of largest suppliers holding more than half of their unit's value; {judged} packages name their winner",
            ),
            LargestSupplierPackages => ("Paket pemasok terbesar", "Largest suppliers' packages"),
            ExplainAboveCeiling => (
                "Penjelasan wajar yang perlu diperiksa lebih dulu: metode salah input (misalnya tender tercatat sebagai Pengadaan Langsung), adendum yang menaikkan nilai, PPN atau ongkos kirim ikut terhitung.",
                "Innocent explanations to check first: the method entered wrongly (a tender recorded as a direct purchase, say), an addendum that raised the value, VAT or delivery counted in.",
            ),
            ExplainBunching => (
                "Penjelasan wajar yang perlu diperiksa lebih dulu: pekerjaan yang memang terpisah (lokasi, waktu, penerima berbeda), HPS yang disusun dekat batas karena harga pasar, revisi RUP.",
                "Innocent explanations to check first: work that really is separate (other places, times or recipients), estimates close to the ceiling because of market prices, revised plans.",
            ),
            ExplainNonCompetitive => (
                "Penjelasan wajar yang perlu diperiksa lebih dulu: alasan sah yang tercatat (penyedia tunggal, pemegang hak paten, lanjutan pekerjaan), metode salah input.",
                "Innocent explanations to check first: a lawful ground on record (a single supplier, a patent holder, a continuation of work), the method entered wrongly.",
            ),
            ExplainNotReserved => (
                "Penjelasan wajar yang perlu diperiksa lebih dulu: alasan teknis yang belum diisi di SiRUP, paket yang memang menuntut kemampuan di luar usaha kecil, status yang salah input.",
                "Innocent explanations to check first: a technical reason not yet entered in SiRUP, work that really needs more than a small business can do, the flag entered wrongly.",
            ),
            ExplainSingleBid => (
                "Penjelasan wajar yang perlu diperiksa lebih dulu: pasar dengan sedikit penyedia, pekerjaan di lokasi terpencil, daftar peserta yang tidak lengkap.",
                "Innocent explanations to check first: a market with few suppliers, work in a remote place, an incomplete participant list.",
            ),
            ExplainFailed => (
                "Tender yang gagal dapat berarti pengendalian berjalan (penawaran tidak memenuhi syarat ditolak); yang perlu ditelaah adalah kegagalan berulang dan tindak lanjutnya.",
                "A failed tender can mean the controls worked (offers that did not qualify were turned down); what deserves a look is repeated failure and what followed it.",
            ),
            ExplainAgainstHps => (
                "Penjelasan wajar yang perlu diperiksa lebih dulu: adendum kontrak, HPS yang disusun tanpa PPN, kontrak yang mencakup lebih dari paket semula.",
                "Innocent explanations to check first: a contract addendum, an estimate drawn up without VAT, a contract that covers more than the original package.",
            ),
            CompareAboveHps => ("Kontrak di atas HPS (paket)", "Contracts above the HPS (packages)"),

            CompareSpending => ("Belanja", "Spending"),
            ComparePdn => ("Porsi PDN", "PDN share"),
            CompareUmkk => ("Porsi UMK-K", "UMK-K share"),
            CompareAboveCeiling => ("Pengadaan Langsung di atas batas (paket)", "Direct purchases above their ceiling (packages)"),
            CompareBunching => ("Rasio tepat di bawah batas", "Ratio just under the ceiling"),
            CompareNotReserved => ("Tidak untuk usaha kecil tanpa alasan (paket)", "Not for small businesses, no reason (packages)"),
            PercentagePoints => ("{points} poin persen", "{points} percentage points"),
            CompareSpoken => ("{label}: {then} menjadi {now}, perubahan {change}", "{label}: {then} to {now}, a change of {change}"),
            CompareSummary => ("Dibanding {then}: {changes}.", "Compared with {then}: {changes}."),
            CompareTitle => ("Perubahan sejak {then}", "Change since {then}"),
            CompareWithYear => ("Bandingkan dengan {year}", "Compare with {year}"),
            CompareWithFile => ("Bandingkan dengan berkas sebelumnya", "Compare with the earlier file"),
            CompareFile => ("berkas sebelumnya (per {date})", "the earlier file (as of {date})"),
            CompareNow => ("Sekarang (per {date})", "Now (as of {date})"),
            CompareBefore => ("Sebelumnya (per {date})", "Before (as of {date})"),
            CompareLoading => ("Memuat berkas pembanding…", "Loading the earlier file…"),
            CompareFailed => ("Berkas pembanding tidak dapat dimuat: {reason}", "The earlier file cannot be loaded: {reason}"),
            CompareNothing => ("Tidak ada angka tampilan ini yang dapat dibandingkan.", "This view has no figures that can be compared."),
            CompareNoYear => ("Berkas tidak memuat tahun anggaran {year}.", "The file holds no figures for fiscal year {year}."),
            CompareMeasure => ("Ukuran", "Measure"),
            CompareChange => ("Perubahan", "Change"),

            InForceFrom => ("sejak {day}", "from {day}"),
            InForceUntil => ("s.d. {day}", "until {day}"),
            OversightCaveat => (
                "Indikator risiko untuk ditelaah, bukan temuan: paket yang ditandai belum tentu menyalahi aturan, dan angkanya bukan nilai kerugian.",
                "A risk indicator to look into, not a finding: a flagged package is not in itself a breach of the rules, and its figures are no measure of loss.",
            ),
            OversightNeedsPackages => (
                "Indikator risiko dihitung dari data per paket; berkas ini hanya memuat angka rekap.",
                "Risk indicators are computed from package-level data; this file holds only totals.",
            ),
            OversightLegalBasis => ("Dasar hukum: {basis}.", "Legal basis: {basis}."),
            OversightThresholds => ("Batas yang dipakai: {thresholds}.", "Thresholds used: {thresholds}."),
            ValueJudgedShare => (
                "Nilai yang dihitung: nilai kontrak bila ada, selain itu HPS, selain itu pagu; kolom «Nilai dari» menyebut yang mana.",
                "Value counted: the contract value where there is one, else the owner's estimate (HPS), else the budget ceiling (pagu); the «Value from» column says which.",
            ),
            MissingMethod => ("Tidak dapat dihitung: berkas tidak memuat metode pemilihan.", "Cannot be computed: the file gives no procurement method."),
            MissingType => ("Tidak dapat dihitung: berkas tidak memuat jenis pengadaan.", "Cannot be computed: the file gives no procurement type."),
            MissingValue => ("Tidak dapat dihitung: berkas tidak memuat nilai paket.", "Cannot be computed: the file gives no package values."),
            MissingSmallBusiness => ("Tidak dapat dihitung: berkas tidak menyebut apakah paket untuk usaha kecil (status_ukm).", "Cannot be computed: the file does not say whether packages are for small businesses (status_ukm)."),
            MissingTenderers => (
                "Tidak dapat dihitung: berkas tidak memuat jumlah penawar (daftar peserta tanpa harga penawaran tidak membedakan penawar dari pendaftar).",
                "Cannot be computed: the file gives no number of bids (a participant list without offered prices does not tell bidders from registrants).",
            ),
            NoneFlagged => ("Tidak ada paket yang ditandai.", "No package is flagged."),
            FlaggedCount => (
                "Paket yang ditandai untuk ditelaah",
                "Packages flagged to look into",
            ),
            PackagesJudged => ("Paket yang dinilai", "Packages judged"),
            FlaggedSubtitle => ("{flagged} dari {judged} paket yang dinilai ditandai untuk ditelaah", "{flagged} of {judged} packages judged flagged to look into"),
            ColumnCode => ("Kode", "Code"),
            ColumnPackage => ("Nama paket", "Package"),
            ColumnUnit => ("Perangkat daerah", "Spending unit"),
            ColumnDate => ("Tanggal", "Date"),
            ColumnValueFrom => ("Nilai dari", "Value from"),
            ColumnThreshold => ("Batas", "Threshold"),
            ColumnWhy => ("Ditandai karena", "Flagged because"),
            FromContract => ("kontrak", "contract"),
            FromPlanned => ("pagu", "pagu (plan)"),
            FromHps => ("HPS", "HPS (estimate)"),
            AboveCeilingTitle => ("Pengadaan Langsung di atas batasnya {year}", "Direct purchases above their ceiling {year}"),
            AboveCeilingDefinition => (
                "Definisi: paket dengan metode Pengadaan Langsung yang HPS-nya (selain itu pagunya) melebihi batas untuk jenis pengadaannya pada hari pemilihannya dimulai.",
                "Definition: packages bought by direct purchase (Pengadaan Langsung) whose owner's estimate (HPS; else the pagu) is above the ceiling for their procurement type on the day their selection started.",
            ),
            AboveCeilingWhy => ("Pengadaan Langsung; {value} di atas batas {limit}", "Direct purchase; {value} above the ceiling of {limit}"),
            AboveCeilingSummary => (
                "Grafik batang paket Pengadaan Langsung di atas batas menurut jenis: {flagged} dari {judged} paket yang dinilai.",
                "Bar chart of direct purchases above their ceiling by type: {flagged} of {judged} packages judged.",
            ),
            BunchingTitle => ("Nilai paket tepat di bawah batas Pengadaan Langsung {year}", "Package values just under the direct-purchase ceiling {year}"),
            BunchingDefinition => (
                "Definisi: paket Pengadaan Langsung yang HPS-nya (selain itu pagunya) di atas 90% s.d. 100% batas untuk jenisnya, dibandingkan dengan yang di atas 80% s.d. 90%. Jauh lebih banyak paket tepat di bawah batas adalah pola yang dapat ditinggalkan pemecahan paket. Hanya Pengadaan Langsung yang dihitung: batas itu tidak mengikat tender atau e-purchasing. Rasio per perangkat daerah hanya untuk perangkat daerah dengan sedikitnya {min} paket di kedua rentang.",
                "Definition: direct purchases (Pengadaan Langsung) whose owner's estimate (HPS; else the pagu) is above 90% and up to 100% of the ceiling for their type, against those above 80% and up to 90%. Many more packages just under the ceiling is the pattern that splitting packages can leave. Only direct purchases count: the ceiling does not bind tenders or e-purchasing. A spending unit's ratio is given only where it has at least {min} packages in the two bands.",
            ),
            BunchingBasis => (
                "Perpres 16/2018 jo. 12/2021 Pasal 20 ayat (2) huruf d (larangan memecah paket untuk menghindari tender/seleksi)",
                "Perpres 16/2018 as amended by 12/2021, Pasal 20 ayat (2) huruf d (no splitting of packages to avoid a tender)",
            ),
            BunchingNear => ("Tepat di bawah batas (90-100%)", "Just under the ceiling (90-100%)"),
            BunchingBelow => ("Di bawahnya (80-90%)", "Below that (80-90%)"),
            BunchingRatio => ("Rasio", "Ratio"),
            BunchingTypeFact => ("{type}: rasio", "{type}: ratio"),
            BunchingAxis => ("Nilai terhadap batas (%)", "Value against the ceiling (%)"),
            BunchingColumns => ("Paket per rentang 5%", "Packages per 5% band"),
            BunchingCeiling => ("Batas (100%)", "Ceiling (100%)"),
            BunchingBand => ("{from}-{to}% dari batas", "{from}-{to}% of the ceiling"),
            BunchingWhy => ("{share} dari batas {limit}", "{share} of the ceiling of {limit}"),
            BunchingSummary => (
                "Histogram nilai paket terhadap batas Pengadaan Langsung: {near} paket tepat di bawah batas (90-100%) dan {below} paket di bawahnya (80-90%), rasio {ratio}.",
                "Histogram of package values against the direct-purchase ceiling: {near} packages just under the ceiling (90-100%) and {below} below that (80-90%), ratio {ratio}.",
            ),
            BunchingUnitsTitle => ("Paket tepat di bawah batas menurut perangkat daerah {year}", "Packages just under the ceiling by spending unit {year}"),
            BunchingUnitsAxis => ("Bagian tepat di bawah batas", "Share just under the ceiling"),
            BunchingEven => ("setara (50%)", "even (50%)"),
            BunchingUnitsSummary => (
                "Grafik batang: bagian paket di rentang 80-100% batas yang berada tepat di bawahnya (90-100%), per perangkat daerah dengan sedikitnya {min} paket; tertinggi {unit} ({share}).",
                "Bar chart: the share of packages in 80-100% of the ceiling that sit just under it (90-100%), per spending unit with at least {min} packages; highest {unit} ({share}).",
            ),
            NonCompetitiveTitle => (
                "Penunjukan Langsung {year}",
                "Direct appointment {year}",
            ),
            NonCompetitiveDefinition => (
                "Definisi: paket dengan metode Penunjukan Langsung (OCDS limited, direct), sebagai bagian dari nilai dan jumlah paket yang metode dan nilainya diketahui. Pengadaan yang dikecualikan (Pasal 61) dan e-purchasing bukan ketiadaan persaingan: keduanya ditampilkan terpisah dan tidak ditandai.",
                "Definition: packages bought by direct appointment (Penunjukan Langsung; OCDS limited, direct), as shares of the value and number of packages whose method and value are known. Exempt purchases (Dikecualikan, Pasal 61) and e-purchasing are no lack of competition: both are shown apart and never flagged.",
            ),
            NonCompetitiveBasis => (
                "Penunjukan Langsung hanya sah dalam keadaan yang disebut Perpres 16/2018 jo. 12/2021 Pasal 38 ayat (5) (barang, pekerjaan konstruksi, jasa lainnya) dan Pasal 41 (jasa konsultansi); keadaan darurat diatur tersendiri (Pasal 59); tender ulang yang gagal dapat dilanjutkan dengan Penunjukan Langsung (Pasal 51); pengadaan yang dikecualikan: Pasal 61",
                "direct appointment is lawful only on the grounds of Perpres 16/2018 as amended by 12/2021, Pasal 38 ayat (5) (goods, construction, other services) and Pasal 41 (consultancy); emergencies are a procedure of their own (Pasal 59); a repeated tender that failed may be followed by direct appointment (Pasal 51); exempt procurement: Pasal 61",
            ),
            NonCompetitiveFact => ("{value} dari nilai, {packages} dari paket", "{value} of the value, {packages} of the packages"),
            NonCompetitiveAxis => (
                "Bagian nilai dengan Penunjukan Langsung",
                "Share of value by direct appointment",
            ),
            NonCompetitiveSummary => (
                "Grafik batang bagian nilai dengan Penunjukan Langsung per perangkat daerah. Keseluruhan: Penunjukan Langsung {appointed}. Ditampilkan terpisah: Dikecualikan {excluded}; e-purchasing {epurchasing}.",
                "Bar chart of the share of value bought by direct appointment by spending unit. Overall: direct appointment {appointed}. Shown apart: exempt {excluded}; e-purchasing {epurchasing}.",
            ),
            NonCompetitiveAll => ("Semua perangkat daerah", "All spending units"),
            NotReservedTitle => ("Paket yang tidak dicadangkan untuk usaha kecil {year}", "Packages not reserved for small businesses {year}"),
            NotReservedDefinition => (
                "Definisi: paket barang, pekerjaan konstruksi dan jasa lainnya bernilai sampai batas di bawah yang tidak ditandai untuk usaha mikro, kecil dan koperasi (status_ukm), dengan dan tanpa alasan tertulis (alasan_non_ukm). Swakelola tidak dinilai.",
                "Definition: packages of goods, construction and other services up to the threshold below that are not marked for micro and small businesses and cooperatives (status_ukm), with and without a written reason (alasan_non_ukm). In-house work (swakelola) is not judged.",
            ),
            NotReservedWithout => ("Tanpa alasan tertulis", "With no written reason"),
            NotReservedWith => ("Dengan alasan tertulis", "With a written reason"),
            NotReservedWhy => ("tidak untuk usaha kecil; alasan: {reason}", "not for small businesses; reason: {reason}"),
            NotReservedNoReason => ("tidak untuk usaha kecil; tanpa alasan", "not for small businesses; no reason given"),
            NotReservedSummary => (
                "Grafik batang: dari {judged} paket sampai batas, {without} tidak untuk usaha kecil tanpa alasan tertulis dan {with} dengan alasan.",
                "Bar chart: of {judged} packages up to the threshold, {without} are not for small businesses with no written reason and {with} with one.",
            ),
            SingleBidTitle => ("Tender dengan satu penawar {year}", "Tenders with a single bidder {year}"),
            SingleBidDefinition => (
                "Definisi: paket yang tendernya hanya menerima satu penawaran (OCDS numberOfTenderers = 1; dalam daftar peserta SPSE, peserta yang memasukkan harga penawaran, bukan setiap pendaftar), dari paket yang mencantumkan jumlah penawar. Per perangkat daerah hanya untuk yang memiliki sedikitnya {min} paket tersebut.",
                "Definition: packages whose tender received a single bid (OCDS numberOfTenderers = 1; in an SPSE participant list, the participants who entered a price, not every registrant), of those that state their number of bids. A spending unit is shown only with at least {min} such packages.",
            ),
            SingleBidBasis => (
                "satu penawaran tidak dengan sendirinya menggagalkan Tender atau Seleksi (Perpres 16/2018 jo. 12/2021 Pasal 51); ketentuan Tender Cepat berbeda; porsinya adalah sinyal risiko persaingan",
                "a single bid does not by itself fail a Tender or a Seleksi (Perpres 16/2018 as amended by 12/2021, Pasal 51); the rules for a Tender Cepat differ; its share is a signal of weak competition",
            ),
            SingleBidAxis => ("Bagian tender dengan satu penawar", "Share of tenders with one bidder"),
            SingleBidWhy => ("satu penawar", "one bidder"),
            SingleBidSummary => (
                "Grafik batang bagian tender dengan satu penawar per perangkat daerah; keseluruhan {share} ({flagged} dari {judged} paket).",
                "Bar chart of the share of tenders with one bidder by spending unit; overall {share} ({flagged} of {judged} packages).",
            ),
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts that are the same word in both languages.
    const SAME_IN_BOTH: [Text; 7] = [
        Text::ViewTargets,
        Text::Target,
        Text::ThresholdTarget,
        Text::BreakdownSubtitle,
        Text::StatusLabel,
        Text::TargetStatus,
        Text::PercentOfTarget,
    ];

    #[test]
    fn every_text_is_translated() {
        for text in Text::ALL {
            let (indonesian, english) = (text.get(Lang::Id), text.get(Lang::En));
            assert!(
                !indonesian.trim().is_empty() && !english.trim().is_empty(),
                "{text:?}"
            );
            if !SAME_IN_BOTH.contains(text) {
                assert_ne!(indonesian, english, "{text:?} is not translated");
            }
        }
    }

    /// The `{name}` placeholders of a text, in order.
    fn placeholders(text: &str) -> Vec<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn filling_replaces_each_name_once_and_leaves_what_values_say() {
        let filled = fill(
            "{place}: {code}; {other}",
            &[("place", "a{code}"), ("code", "x")],
        );
        assert_eq!(filled, "a{code}: x; {other}");
        assert_eq!(fill("{", &[]), "{");
        assert_eq!(
            Text::IssueUnknownCode.fill(
                Lang::En,
                &[("place", "line 2, column {code}"), ("code", "q")]
            ),
            "line 2, column {code}: unknown code «q»; skipped"
        );
    }

    #[test]
    fn both_languages_have_the_same_placeholders() {
        for text in Text::ALL {
            let mut indonesian = placeholders(text.get(Lang::Id));
            let mut english = placeholders(text.get(Lang::En));
            indonesian.sort_unstable();
            english.sort_unstable();
            assert_eq!(indonesian, english, "{text:?}");
        }
        assert_eq!(placeholders(Text::AndMore.get(Lang::Id)), ["count"]);
    }
}
