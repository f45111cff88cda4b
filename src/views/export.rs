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

/// The script embed of a view: `embed.js` once, then a `<pantau-pbj>` element whose attributes
/// are the view's options. Its content, a link to the data, shows only where the script does
/// not run (the widget's shadow root hides it).
pub fn script_snippet(embed_url: &str, options: &[(String, String)]) -> String {
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
            script_snippet("https://x.go.id/pantau/embed.js", &[("src".into(), "https://x.go.id/a.json".into()), ("unit".into(), "Dinas \"A\" & B".into())]),
            "<script type=\"module\" src=\"https://x.go.id/pantau/embed.js\"></script>\n<pantau-pbj src=\"https://x.go.id/a.json\" unit=\"Dinas &quot;A&quot; &amp; B\"><a href=\"https://x.go.id/a.json\">Data (Pantau PBJ)</a></pantau-pbj>"
        );
        assert!(iframe_snippet("https://x.go.id/?src=a&lang=id", "A \"B\"")
            .contains("src=\"https://x.go.id/?src=a&amp;lang=id\" title=\"A &quot;B&quot;\""));
    }
}
