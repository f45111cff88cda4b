//! What leaves the widget: a panel's numbers as CSV for spreadsheets, file names that say what
//! a download holds, and the embed snippets of the share panel.

use super::table::Table;

/// Width of a downloaded chart, px (the PNG download is twice that).
pub const DOWNLOAD_WIDTH: u32 = 960;

/// A panel's chart as the SVG file the widget downloads (and `pantau render` writes): drawn at
/// `width`, titled and described by the panel; with its width and height.
pub fn chart_svg(
    panel: &super::Panel,
    width: u32,
    locale: &crate::chart::Locale,
    theme: &crate::chart::theme::Theme,
) -> (String, u32, u32) {
    let drawn = crate::chart::draw(&panel.chart, width, locale, theme);
    (
        drawn.scene.to_svg(&panel.title, &panel.summary),
        drawn.scene.width,
        drawn.scene.height,
    )
}

/// A chart's SVG as a snapshot: recording the SHA-256 of the data it was drawn from
/// (`data-pantau-sha256` on its root), which the widget's `snapshot` option checks against the
/// data it receives.
pub fn recording(svg: String, sha256: &str) -> String {
    match svg.strip_prefix("<svg ") {
        Some(rest) => format!(
            "<svg data-pantau-sha256=\"{}\" {rest}",
            escape_attribute(sha256)
        ),
        None => svg,
    }
}

/// A table as CSV: UTF-8 with a byte-order mark (so spreadsheets read it as UTF-8), comma
/// separated, CRLF lines, exact locale-free values (`2900000000000`, `0.4932`, `2024-06-30`).
/// Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
/// carriage return) is prefixed with `'`.
pub fn table_csv(table: &Table) -> String {
    let mut csv = String::from("\u{feff}");
    let header = table.columns.iter().map(|(name, _)| field(name, true));
    csv.push_str(&header.collect::<Vec<_>>().join(","));
    csv.push_str("\r\n");
    for row in &table.rows {
        let fields = row.iter().enumerate().map(|(index, cell)| {
            let numeric = table
                .columns
                .get(index)
                .is_some_and(|(_, numeric)| *numeric);
            // A numeric column's exact values are numbers; anything else is text from people.
            field(&cell.raw, !numeric || !is_plain_number(&cell.raw))
        });
        csv.push_str(&fields.collect::<Vec<_>>().join(","));
        csv.push_str("\r\n");
    }
    csv
}

/// `-12`, `0.4932`: how this widget writes exact numbers (an optional minus, digits, an optional
/// fraction). Anything else in a numeric column is text and is guarded like text.
/// The data issues listed as CSV (the same form as [`table_csv`]): where, the stable code, the
/// value as the file wrote it (uncleaned: invisible characters and all, so that a publisher can
/// find it), whether it was kept, and the widget's sentence in `lang`.
pub fn issues_csv(issues: &crate::format::Issues, lang: crate::i18n::Lang) -> String {
    let mut csv = String::from("\u{feff}");
    // Column names, one CSV-safe word each.
    let header = crate::i18n::Text::IssuesCsvHeader.get(lang);
    csv.push_str(header);
    csv.push_str("\r\n");
    for issue in issues.iter() {
        let kept = if issue.value_kept() { "true" } else { "false" };
        let fields = [
            field(&issue.path, true),
            field(issue.problem.code(), true),
            field(issue.problem.value().unwrap_or(""), true),
            field(kept, false),
            field(&crate::i18n::describe_issue(issue, lang), true),
        ];
        csv.push_str(&fields.join(","));
        csv.push_str("\r\n");
    }
    csv
}

fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits =
        |part: &str| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit());
    all_digits(whole) && all_digits(fraction)
}

fn field(value: &str, is_text: bool) -> String {
    let formula = is_text && value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let value = if formula {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) || value.starts_with(' ') || value.ends_with(' ') {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// `pengadaan-barang-jasa-kaltim-2024`: lower-case ASCII letters and digits joined by `-`, at
/// most `limit` characters, cut at a word.
pub fn slug(text: &str, limit: usize) -> String {
    let mut slug = String::new();
    for word in text
        .split(|character: char| !character.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        if !slug.is_empty() && slug.len() + 1 + word.len() > limit {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word.to_ascii_lowercase());
    }
    slug.truncate(limit);
    if slug.is_empty() {
        slug.push_str("pantau-pbj");
    }
    slug
}

/// The file name of a panel's download: the dataset, the panel, the extension.
pub fn file_name(dataset_title: &str, panel_title: &str, extension: &str) -> String {
    format!(
        "{}_{}.{extension}",
        slug(dataset_title, 48),
        slug(panel_title, 48)
    )
}

/// The iframe embed of a permalink, with the height the host snippet starts from.
pub fn iframe_snippet(permalink: &str, title: &str) -> String {
    format!(
        "<iframe data-pantau src=\"{}\" title=\"{}\" loading=\"lazy\" style=\"width:100%;height:650px;border:0\" sandbox=\"allow-scripts allow-same-origin allow-popups allow-downloads\"></iframe>",
        escape_attribute(permalink),
        escape_attribute(title)
    )
}

/// A snapshot of a view's first chart drawn at one width (`pantau publish`).
pub struct Drawing {
    /// Its address.
    pub src: String,
    /// Its size, px.
    pub width: u32,
    /// Its height, px.
    pub height: u32,
}

/// The snapshots of a view's first chart at several widths, light and dark, as a picture: a
/// `<pantau-pbj>` element's fallback child, or the widget's page's own markup (`pantau
/// publish`): shown before the code arrives, and where it never runs.
pub struct Picture<'a> {
    /// The light drawings, narrowest first: each is shown on screens at most 40 px wider than it
    /// was drawn, the widest on any other.
    pub light: &'a [Drawing],
    /// The dark ones, likewise, shown where the reader's system prefers dark (may be none).
    pub dark: &'a [Drawing],
    /// Its text alternative: the chart's title and summary.
    pub alt: &'a str,
    /// The SHA-256 of the data it was drawn from.
    pub sha256: &'a str,
}

/// `<source>` elements for `drawings` (narrowest first), each for screens up to 40 px wider than
/// it was drawn (the widest for any), with `scheme` (a media condition) if any.
fn sources(drawings: &[Drawing], scheme: Option<&str>, widest_too: bool) -> String {
    let last = drawings.len().saturating_sub(1);
    drawings
        .iter()
        .enumerate()
        .filter(|(index, _)| widest_too || *index < last)
        .map(|(index, drawing)| {
            let width = (index < last).then(|| format!("(max-width: {}px)", drawing.width + 40));
            let media: Vec<&str> = scheme.into_iter().chain(width.as_deref()).collect();
            format!(
                "<source media=\"{}\" srcset=\"{}\" width=\"{}\" height=\"{}\">",
                media.join(" and "),
                escape_attribute(&drawing.src),
                drawing.width,
                drawing.height
            )
        })
        .collect()
}

impl Picture<'_> {
    /// The `<picture>` element (each drawing with its size, so that its box is held before it
    /// arrives). For a host page, with a style attribute that fits it to its box; `in_page`, for
    /// the widget's own page, without (its style sheet fits it, and its strict style-src would
    /// refuse the attribute) and asked for before the page's other files.
    pub fn tag(&self, in_page: bool) -> String {
        let Some(widest) = self.light.last() else {
            return String::new();
        };
        let dark = sources(self.dark, Some("(prefers-color-scheme: dark)"), true);
        let light = sources(self.light, None, false);
        let fit = if in_page {
            " fetchpriority=\"high\""
        } else {
            " style=\"max-width:100%;height:auto\""
        };
        format!(
            "<picture>{dark}{light}<img src=\"{}\" alt=\"{}\" width=\"{}\" height=\"{}\" data-sha256=\"{}\"{fit}></picture>",
            escape_attribute(&widest.src),
            escape_attribute(self.alt),
            widest.width,
            widest.height,
            escape_attribute(self.sha256)
        )
    }
}

/// The script embed of a view: `embed.js` once, then a `<pantau-pbj>` element whose attributes
/// are the view's options. Its content, a link to the data after the snapshot if there is one,
/// shows where the script does not run; the snapshot also until the widget's first chart.
pub fn script_snippet(
    embed_url: &str,
    options: &[(String, String)],
    picture: Option<&Picture<'_>>,
) -> String {
    let attributes: String = options
        .iter()
        .map(|(name, value)| format!(" {name}=\"{}\"", escape_attribute(value)))
        .collect();
    let fallback = options
        .iter()
        .find(|(name, _)| name == "src")
        .map(|(_, src)| {
            format!(
                "<a href=\"{}\">Data (Pantau PBJ)</a>",
                escape_attribute(src)
            )
        })
        .unwrap_or_default();
    let fallback = match picture {
        Some(picture) => format!("{}{fallback}", picture.tag(false)),
        None => fallback,
    };
    format!(
        "<script type=\"module\" src=\"{}\"></script>\n<pantau-pbj{attributes}>{fallback}</pantau-pbj>",
        escape_attribute(embed_url)
    )
}

fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Rupiah, Share};
    use crate::views::table::Cell;

    #[test]
    fn csv_is_exact_quoted_and_safe_against_formulas() {
        let table = Table {
            columns: vec![
                ("Unit, nama".into(), false),
                ("Nilai (Rp)".into(), true),
                ("Porsi".into(), true),
            ],
            rows: vec![
                vec![
                    Cell::text("Dinas \"A\""),
                    Cell::money("Rp2.900.000.000.000 *", Rupiah(2_900_000_000_000)),
                    Cell::share("49,3%", Share::new(0.4932).unwrap()),
                ],
                vec![
                    Cell::text("=HYPERLINK(\"x\")"),
                    Cell::money("Rp0", Rupiah(0)),
                    Cell::missing(),
                ],
                vec![
                    Cell::text("-2+3"),
                    Cell::text("@SUM(A1)"),
                    Cell::share("100%", Share::new(1.0).unwrap()),
                ],
            ],
        };
        assert_eq!(
            table_csv(&table),
            "\u{feff}\"Unit, nama\",Nilai (Rp),Porsi\r\n\"Dinas \"\"A\"\"\",2900000000000,0.4932\r\n\"'=HYPERLINK(\"\"x\"\")\",0,\r\n'-2+3,'@SUM(A1),1\r\n"
        );
    }

    #[test]
    fn only_plain_numbers_count_as_numbers() {
        for number in ["0", "-12", "2900000000000", "0.4932", "1"] {
            assert!(is_plain_number(number), "{number}");
        }
        for text in [
            "", "-", "+5", "1e5", "inf", "NaN", ".5", "5.", "1.2.3", "- 1", "=1", "１",
        ] {
            assert!(!is_plain_number(text), "{text}");
        }
    }

    #[test]
    fn file_names_say_what_they_hold() {
        assert_eq!(
            file_name(
                "Pengadaan Barang/Jasa Pemerintah Provinsi Kalimantan Timur 2024",
                "Menurut metode pemilihan 2024",
                "csv"
            ),
            "pengadaan-barang-jasa-pemerintah-provinsi_menurut-metode-pemilihan-2024.csv"
        );
        assert_eq!(file_name("<>", "", "svg"), "pantau-pbj_pantau-pbj.svg");
        assert_eq!(
            script_snippet("https://x.go.id/pantau/embed.js", &[("src".into(), "https://x.go.id/a.json".into()), ("unit".into(), "Dinas \"A\" & B".into())], None),
            "<script type=\"module\" src=\"https://x.go.id/pantau/embed.js\"></script>\n<pantau-pbj src=\"https://x.go.id/a.json\" unit=\"Dinas &quot;A&quot; &amp; B\"><a href=\"https://x.go.id/a.json\">Data (Pantau PBJ)</a></pantau-pbj>"
        );
        assert!(iframe_snippet("https://x.go.id/?src=a&lang=id", "A \"B\"")
            .contains("src=\"https://x.go.id/?src=a&amp;lang=id\" title=\"A &quot;B&quot;\""));
    }
}
