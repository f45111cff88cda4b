//! Supplier indicators, from package-level data that has them (OCDS above all): the share of
//! money to micro and small suppliers, and the single-bid rate, a classic red flag.

use super::table::{Cell, Table};
use super::Panel;
use crate::chart::spec::{BarRow, BarSpec, ChartSpec, TickFormat, Tip};
use crate::chart::Locale;
use crate::i18n::{
    format_count, format_money_exact as exact, format_money_spoken as spoken, format_percent,
    stage_name, Text,
};
use crate::model::{Share, Spending};

/// One indicator: its name, share, and what the share is of (printed and spoken).
struct Indicator {
    name: &'static str,
    share: Share,
    basis: String,
    spoken_basis: String,
}

/// The indicators panel, if the packages carry supplier sizes or numbers of tenderers.
pub fn panel(spending: &Spending, locale: &Locale) -> Option<Panel> {
    let lang = locale.lang;
    let currency = &locale.currency;
    let count = |value: u64| format_count(value.min(i64::MAX as u64) as i64, lang);
    let mut indicators = Vec::new();
    if let Some((small, known)) = spending.suppliers.small {
        indicators.push(Indicator {
            name: Text::ToSmallSuppliers.get(lang),
            share: Share::of(small, known)?,
            basis: Text::PartOf.fill(
                lang,
                &[
                    ("part", &exact(small, currency, lang)),
                    ("whole", &exact(known, currency, lang)),
                ],
            ),
            spoken_basis: Text::PartOf.fill(
                lang,
                &[
                    ("part", &spoken(small, currency, lang)),
                    ("whole", &spoken(known, currency, lang)),
                ],
            ),
        });
    }
    if let Some((single, counted)) = spending.suppliers.single_bid {
        let basis = Text::PackagesOf.fill(
            lang,
            &[("part", &count(single)), ("whole", &count(counted))],
        );
        indicators.push(Indicator {
            name: Text::SingleBidTenders.get(lang),
            share: Share::new(single as f64 / counted.max(1) as f64)?,
            spoken_basis: basis.clone(),
            basis,
        });
    }
    if indicators.is_empty() {
        return None;
    }
    let period = format!(
        "{} {}",
        stage_name(spending.stage, lang),
        spending.fiscal_year
    );
    let rows = indicators
        .iter()
        .map(|indicator| {
            let share = format_percent(indicator.share, lang);
            BarRow {
                label: indicator.name.to_owned(),
                value: indicator.share.fraction(),
                value_text: share.clone(),
                value_short: share.clone(),
                below_threshold: false,
                tip: Tip {
                    drill: None,
                    title: indicator.name.to_owned(),
                    lines: vec![share.clone(), indicator.basis.clone(), period.clone()],
                    spoken: format!("{}: {share}, {}", indicator.name, indicator.spoken_basis),
                },
            }
        })
        .collect();
    let table = Table {
        columns: vec![
            (Text::Indicator.get(lang).to_owned(), false),
            (Text::Share.get(lang).to_owned(), true),
            (Text::Basis.get(lang).to_owned(), false),
        ],
        rows: indicators
            .iter()
            .map(|indicator| {
                vec![
                    Cell::text(indicator.name),
                    Cell::share(format_percent(indicator.share, lang), indicator.share),
                    Cell::text(indicator.basis.clone()),
                ]
            })
            .collect(),
    };
    let summary = indicators
        .iter()
        .map(|indicator| {
            let share = format_percent(indicator.share, lang);
            format!("{}: {share} ({})", indicator.name, indicator.spoken_basis)
        })
        .collect::<Vec<_>>()
        .join(". ");
    Some(Panel {
        id: "suppliers".into(),
        title: Text::SupplierIndicatorsTitle
            .fill(lang, &[("year", &spending.fiscal_year.to_string())]),
        subtitle: period,
        facts: Vec::new(),
        chart: ChartSpec::Bars(BarSpec {
            rows,
            max: Some(1.0),
            threshold: None,
            tick_format: TickFormat::Percent,
            value_title: Text::Share.get(lang).to_owned(),
        }),
        summary: Text::SuppliersSummary.fill(lang, &[("indicators", &summary)]),
        notes: vec![Text::SuppliersNote.get(lang).to_owned()],
        source_line: String::new(),
        table,
        hidden_rows: 0,
        expands_table: false,
        unavailable: None,
    })
}
