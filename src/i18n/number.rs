//! Numbers and money in CLDR style: `1.234.567,89` and `Rp20,7 T` in Indonesian,
//! `1,234,567.89` and `IDR 20.7 trillion` in English.

use super::Lang;
use crate::model::{Currency, Rupiah, Share};

struct Separators {
    group: char,
    decimal: char,
}

fn separators(lang: Lang) -> Separators {
    match lang {
        Lang::Id => Separators {
            group: '.',
            decimal: ',',
        },
        Lang::En => Separators {
            group: ',',
            decimal: '.',
        },
    }
}

/// A whole number with grouping: `1.000.000` / `1,000,000`.
pub fn format_count(value: i64, lang: Lang) -> String {
    let digits = value.unsigned_abs().to_string();
    let group = separators(lang).group;
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        grouped.push('-');
    }
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(digit);
    }
    grouped
}

/// A number with at most `decimals` fraction digits (trailing zeros dropped) and grouping.
pub fn format_decimal(value: f64, decimals: u32, lang: Lang) -> String {
    if !value.is_finite() {
        return String::from("–");
    }
    let scale = 10f64.powi(decimals as i32);
    let scaled = (value.abs() * scale).round();
    if scaled >= 9.0e18 {
        return String::from("–");
    }
    let scaled = scaled as i64;
    let whole = scaled / scale as i64;
    let mut fraction = format!(
        "{:0width$}",
        scaled % scale as i64,
        width = decimals as usize
    );
    while fraction.ends_with('0') {
        fraction.pop();
    }
    let sign = if value < 0.0 && scaled != 0 { "-" } else { "" };
    let mut text = format!("{sign}{}", format_count(whole, lang));
    if !fraction.is_empty() && decimals > 0 {
        text.push(separators(lang).decimal);
        text.push_str(&fraction);
    }
    text
}

/// A share as a percentage with one decimal at most: `29,1%` / `29.1%`, `40%`.
pub fn format_percent(share: Share, lang: Lang) -> String {
    format!("{}%", format_decimal(share.percent(), 1, lang))
}

/// Magnitudes: (power of ten, Indonesian short, Indonesian long, English short, English long).
const MAGNITUDES: [(u32, &str, &str, &str, &str); 4] = [
    (12, "T", "triliun", "T", "trillion"),
    (9, "M", "miliar", "B", "billion"),
    (6, "jt", "juta", "M", "million"),
    (3, "rb", "ribu", "K", "thousand"),
];

/// Compact style of a magnitude word.
#[derive(Clone, Copy, PartialEq)]
enum Style {
    Short,
    Long,
}

/// `(number text, unit word)` for a compact value with three significant digits.
fn compact_parts(value: i64, lang: Lang, style: Style) -> (String, &'static str) {
    let magnitude = value.unsigned_abs() as f64;
    for (index, &(power, id_short, id_long, en_short, en_long)) in MAGNITUDES.iter().enumerate() {
        let unit = 10f64.powi(power as i32);
        if magnitude < unit {
            continue;
        }
        let scaled = value as f64 / unit;
        let decimals = significant_decimals(scaled.abs());
        let rounded =
            (scaled.abs() * 10f64.powi(decimals as i32)).round() / 10f64.powi(decimals as i32);
        if rounded >= 1000.0 && index > 0 {
            // 999,96 juta rounds to 1.000 juta: say 1 miliar instead.
            let (bigger_power, ..) = MAGNITUDES[index - 1];
            let bigger = value as f64 / 10f64.powi(bigger_power as i32);
            let decimals = significant_decimals(bigger.abs());
            let word = word(MAGNITUDES[index - 1], lang, style);
            return (format_decimal(bigger, decimals, lang), word);
        }
        return (
            format_decimal(scaled, decimals, lang),
            word((power, id_short, id_long, en_short, en_long), lang, style),
        );
    }
    (format_count(value, lang), "")
}

fn word(
    magnitude: (u32, &'static str, &'static str, &'static str, &'static str),
    lang: Lang,
    style: Style,
) -> &'static str {
    let (_, id_short, id_long, en_short, en_long) = magnitude;
    match (lang, style) {
        (Lang::Id, Style::Short) => id_short,
        (Lang::Id, Style::Long) => id_long,
        (Lang::En, Style::Short) => en_short,
        (Lang::En, Style::Long) => en_long,
    }
}

fn significant_decimals(value: f64) -> u32 {
    if value >= 100.0 {
        0
    } else if value >= 10.0 {
        1
    } else {
        2
    }
}

fn money_prefix(currency: &Currency, lang: Lang) -> String {
    match (currency.is_idr(), lang) {
        (true, Lang::Id) => String::from("Rp"),
        _ => format!("{} ", currency.code()),
    }
}

/// Compact money: `Rp20,7 T` / `IDR 20.7 trillion`; below a thousand, the whole amount.
pub fn format_money_compact(amount: Rupiah, currency: &Currency, lang: Lang) -> String {
    let style = match lang {
        Lang::Id => Style::Short,
        Lang::En => Style::Long,
    };
    let (number, unit) = compact_parts(amount.0, lang, style);
    let prefix = money_prefix(currency, lang);
    let sign = if number.starts_with('-') { "-" } else { "" };
    let number = number.trim_start_matches('-');
    match unit {
        "" => format!("{sign}{prefix}{number}"),
        unit => format!("{sign}{prefix}{number} {unit}"),
    }
}

/// Money on a narrow axis: `Rp10 T` / `IDR 10T` with the currency (the top tick), `10 T` /
/// `10T` without it (the ticks under it, so that the unit is not repeated on every line).
pub fn format_money_tick(
    amount: Rupiah,
    currency: &Currency,
    lang: Lang,
    with_currency: bool,
) -> String {
    let compact = format_count_compact(amount.0, lang);
    if !with_currency || amount.0 == 0 {
        return compact;
    }
    let sign = if compact.starts_with('-') { "-" } else { "" };
    format!(
        "{sign}{}{}",
        money_prefix(currency, lang),
        compact.trim_start_matches('-')
    )
}

/// Exact money: `Rp20.675.000.000.000` / `IDR 20,675,000,000,000`.
pub fn format_money_exact(amount: Rupiah, currency: &Currency, lang: Lang) -> String {
    let sign = if amount.0 < 0 { "-" } else { "" };
    let digits = format_count(amount.0, lang);
    format!(
        "{sign}{}{}",
        money_prefix(currency, lang),
        digits.trim_start_matches('-')
    )
}

/// Money as a screen reader should say it: `20,7 triliun rupiah` / `20.7 trillion rupiah`.
pub fn format_money_spoken(amount: Rupiah, currency: &Currency, lang: Lang) -> String {
    let (number, unit) = compact_parts(amount.0, lang, Style::Long);
    let currency_word = if currency.is_idr() {
        "rupiah"
    } else {
        currency.code()
    };
    match unit {
        "" => format!("{number} {currency_word}"),
        unit => format!("{number} {unit} {currency_word}"),
    }
}

/// A count in compact form for axis ticks: `191 rb`, `1 jt` / `191K`, `1M`.
pub fn format_count_compact(value: i64, lang: Lang) -> String {
    let (number, unit) = compact_parts(value, lang, Style::Short);
    match (unit, lang) {
        ("", _) => number,
        (unit, Lang::Id) => format!("{number} {unit}"),
        (unit, Lang::En) => format!("{number}{unit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idr() -> Currency {
        Currency::idr()
    }

    #[test]
    fn axis_money_is_short_and_names_the_currency_once() {
        let ten = Rupiah(10_000_000_000_000);
        assert_eq!(format_money_tick(ten, &idr(), Lang::Id, true), "Rp10 T");
        assert_eq!(format_money_tick(ten, &idr(), Lang::Id, false), "10 T");
        assert_eq!(format_money_tick(ten, &idr(), Lang::En, true), "IDR 10T");
        assert_eq!(format_money_tick(ten, &idr(), Lang::En, false), "10T");
        assert_eq!(format_money_tick(Rupiah(0), &idr(), Lang::En, true), "0");
        assert_eq!(
            format_money_tick(Rupiah(2_500_000_000), &idr(), Lang::Id, true),
            "Rp2,5 M"
        );
    }

    #[test]
    fn indonesian_money_is_compact_with_decimal_comma() {
        let cases = [
            (20_675_000_000_000, "Rp20,7 T"),
            (7_079_000_000_000, "Rp7,08 T"),
            (1_162_000_000_000, "Rp1,16 T"),
            (438_000_000_000, "Rp438 M"),
            (200_000_000, "Rp200 jt"),
            (999_960_000, "Rp1 M"),
            (15_000, "Rp15 rb"),
            (950, "Rp950"),
            (0, "Rp0"),
            (-2_500_000, "-Rp2,5 jt"),
        ];
        for (amount, expected) in cases {
            assert_eq!(
                format_money_compact(Rupiah(amount), &idr(), Lang::Id),
                expected
            );
        }
    }

    #[test]
    fn english_money_says_idr_and_the_long_magnitude() {
        assert_eq!(
            format_money_compact(Rupiah(20_675_000_000_000), &idr(), Lang::En),
            "IDR 20.7 trillion"
        );
        assert_eq!(
            format_money_compact(Rupiah(438_000_000_000), &idr(), Lang::En),
            "IDR 438 billion"
        );
        assert_eq!(
            format_money_compact(Rupiah(1_500), &Currency::new("GBP").unwrap(), Lang::Id),
            "GBP 1,5 rb"
        );
    }

    #[test]
    fn exact_and_spoken_money() {
        assert_eq!(
            format_money_exact(Rupiah(15_000_000_000), &idr(), Lang::Id),
            "Rp15.000.000.000"
        );
        assert_eq!(
            format_money_exact(Rupiah(1_234_567), &idr(), Lang::En),
            "IDR 1,234,567"
        );
        assert_eq!(
            format_money_spoken(Rupiah(20_675_000_000_000), &idr(), Lang::Id),
            "20,7 triliun rupiah"
        );
        assert_eq!(
            format_money_spoken(Rupiah(20_675_000_000_000), &idr(), Lang::En),
            "20.7 trillion rupiah"
        );
    }

    #[test]
    fn numbers_and_percentages_follow_cldr() {
        assert_eq!(format_count(1_000_000, Lang::Id), "1.000.000");
        assert_eq!(format_count(-1_234_567, Lang::En), "-1,234,567");
        assert_eq!(format_decimal(1_234_567.891, 2, Lang::Id), "1.234.567,89");
        assert_eq!(format_decimal(1_234_567.891, 2, Lang::En), "1,234,567.89");
        assert_eq!(format_decimal(f64::NAN, 2, Lang::En), "–");
        assert_eq!(format_percent(Share::new(0.4).unwrap(), Lang::Id), "40%");
        assert_eq!(
            format_percent(Share::new(0.29051).unwrap(), Lang::Id),
            "29,1%"
        );
        assert_eq!(
            format_percent(Share::new(0.6152).unwrap(), Lang::En),
            "61.5%"
        );
        assert_eq!(format_count_compact(191_000, Lang::Id), "191 rb");
        assert_eq!(format_count_compact(1_000_000, Lang::En), "1M");
    }
}
