//! The panels of suppliers that win across many spending units (facts about the market, never
//! flags) and of the year-end rush.

use super::{bar, fact, opened, warned, Context, Oversight, Panel};
use crate::analysis::oversight::{RepeatWinners, YearEndRush};
use crate::chart::spec::{BarSpec, ChartSpec, Reference, TickFormat};
use crate::i18n::{format_decimal, format_money_exact, format_percent, Text};
use crate::model::{Rupiah, Share};
use crate::views::table::{Cell, Table};

pub(super) fn repeat_winners(oversight: &Oversight, context: &Context) -> Panel {
    let lang = context.lang();
    let min = RepeatWinners::MIN_UNITS.to_string();
    let notes = vec![
        Text::RepeatWinnersDefinition.fill(lang, &[("min", &min)]),
        Text::OversightLegalBasis.fill(lang, &[("basis", Text::ConcentrationBasis.get(lang))]),
    ];
    let (mut panel, found) = opened(
        &oversight.repeat_winners,
        "repeat-winners",
        Text::RepeatWinnersTitle,
        notes,
        context,
    );
    let Some(found) = found else {
        return panel;
    };
    let listed = found.reach.len() as u64;
    panel.subtitle = Text::RepeatWinnersSubtitle.fill(
        lang,
        &[
            ("listed", &context.count(listed)),
            ("suppliers", &context.count(found.suppliers)),
            ("min", &min),
        ],
    );
    panel.facts = vec![
        fact(Text::RepeatWinnersListed.get(lang), context.count(listed)),
        fact(
            Text::RepeatWinnersSuppliers.get(lang),
            context.count(found.suppliers),
        ),
        fact(Text::PackagesJudged.get(lang), context.count(found.judged)),
    ];
    let share_of = |value: Rupiah| Share::of(value, found.value).unwrap_or_default();
    panel.hidden_rows = found.reach.len().saturating_sub(context.rows);
    let rows = found
        .reach
        .iter()
        .take(context.rows)
        .map(|supplier| {
            let line = Text::RepeatWinnersLine.fill(
                lang,
                &[
                    ("units", &context.count(supplier.units)),
                    ("packages", &context.count(supplier.packages)),
                    ("value", &context.money(supplier.value)),
                    ("share", &format_percent(share_of(supplier.value), lang)),
                ],
            );
            bar(
                supplier.supplier.clone(),
                supplier.units as f64,
                context.count(supplier.units),
                vec![line],
            )
        })
        .collect();
    panel.chart = ChartSpec::Bars(BarSpec {
        rows,
        max: None,
        threshold: None,
        tick_format: TickFormat::Count,
        value_title: Text::RepeatWinnersAxis.get(lang).to_owned(),
    });
    panel.summary = match found.reach.first() {
        Some(top) => Text::RepeatWinnersSummary.fill(
            lang,
            &[
                ("listed", &context.count(listed)),
                ("min", &min),
                ("supplier", &top.supplier),
                ("units", &context.count(top.units)),
                ("share", &format_percent(share_of(top.value), lang)),
            ],
        ),
        None => Text::RepeatWinnersNone.fill(lang, &[("min", &min)]),
    };
    let currency = &context.locale.currency;
    panel.table = Table {
        columns: vec![
            (Text::ColumnSupplier.get(lang).to_owned(), false),
            (Text::RepeatWinnersAxis.get(lang).to_owned(), true),
            (Text::ColumnPackages.get(lang).to_owned(), true),
            (Text::Value.get(lang).to_owned(), true),
            (Text::Share.get(lang).to_owned(), true),
        ],
        rows: found
            .reach
            .iter()
            .map(|supplier| {
                vec![
                    Cell::text(supplier.supplier.clone()),
                    Cell::count(
                        context.count(supplier.units),
                        supplier.units.min(i64::MAX as u64) as i64,
                    ),
                    Cell::count(
                        context.count(supplier.packages),
                        supplier.packages.min(i64::MAX as u64) as i64,
                    ),
                    Cell::money(
                        format_money_exact(supplier.value, currency, lang),
                        supplier.value,
                    ),
                    Cell::share(
                        format_percent(share_of(supplier.value), lang),
                        share_of(supplier.value),
                    ),
                ]
            })
            .collect(),
    };
    panel
}

pub(super) fn year_end(oversight: &Oversight, context: &Context) -> Panel {
    let lang = context.lang();
    let min = YearEndRush::MIN_PACKAGES.to_string();
    let marked = format_decimal(YearEndRush::MARKED_RATIO, 0, lang);
    let notes = vec![Text::YearEndDefinition.fill(lang, &[("min", &min), ("ratio", &marked)])];
    let (mut panel, found) = opened(
        &oversight.year_end,
        "year-end",
        Text::YearEndTitle,
        notes,
        context,
    );
    let Some(found) = found else {
        return panel;
    };
    let ratio_text = |december: Rupiah, year: Rupiah| match YearEndRush::ratio(december, year) {
        Some(ratio) => format!("{}×", format_decimal(ratio, 1, lang)),
        None => "–".to_owned(),
    };
    let is_marked = |december: Rupiah, year: Rupiah| {
        YearEndRush::ratio(december, year).is_some_and(|ratio| ratio >= YearEndRush::MARKED_RATIO)
    };
    let marked_units = found
        .by_unit
        .iter()
        .filter(|unit| is_marked(unit.december, unit.year))
        .count() as u64;
    let overall = ratio_text(found.december, found.year);
    panel.subtitle = Text::YearEndSubtitle.fill(
        lang,
        &[
            ("ratio", &overall),
            ("december", &context.money(found.december)),
            ("year", &context.money(found.year)),
        ],
    );
    panel.facts = vec![
        fact(Text::YearEndRatio.get(lang), overall.clone()),
        warned(Text::YearEndMarked.get(lang), marked_units, context),
        fact(Text::PackagesJudged.get(lang), context.count(found.judged)),
    ];
    // The December share of the year; twice the monthly average is 2/12 of the year.
    let share = |december: Rupiah, year: Rupiah| Share::of(december, year).unwrap_or_default();
    let all = crate::analysis::oversight::UnitRush {
        unit: Text::NonCompetitiveAll.get(lang).to_owned(),
        packages: found.judged,
        december: found.december,
        year: found.year,
    };
    panel.hidden_rows = found.by_unit.len().saturating_sub(context.rows - 1);
    let rows = std::iter::once(&all)
        .chain(found.by_unit.iter())
        .take(context.rows)
        .map(|unit| {
            let part = share(unit.december, unit.year);
            let line = Text::YearEndLine.fill(
                lang,
                &[
                    ("december", &context.money(unit.december)),
                    ("year", &context.money(unit.year)),
                    ("ratio", &ratio_text(unit.december, unit.year)),
                ],
            );
            bar(
                unit.unit.clone(),
                part.fraction(),
                format_percent(part, lang),
                vec![line],
            )
        })
        .collect();
    let reference = YearEndRush::MARKED_RATIO / 12.0;
    panel.chart = ChartSpec::Bars(BarSpec {
        rows,
        max: Some(1.0),
        threshold: Some(Reference {
            value: reference,
            label: Text::YearEndReference.fill(lang, &[("ratio", &marked)]),
        }),
        tick_format: TickFormat::Percent,
        value_title: Text::YearEndAxis.get(lang).to_owned(),
    });
    panel.summary = Text::YearEndSummary.fill(
        lang,
        &[
            ("ratio", &overall),
            ("marked", &context.count(marked_units)),
            ("units", &context.count(found.by_unit.len() as u64)),
            ("min", &min),
        ],
    );
    let currency = &context.locale.currency;
    panel.table = Table {
        columns: vec![
            (Text::ColumnUnit.get(lang).to_owned(), false),
            (Text::ColumnPackages.get(lang).to_owned(), true),
            (Text::YearEndDecember.get(lang).to_owned(), true),
            (Text::YearEndYear.get(lang).to_owned(), true),
            (Text::YearEndRatio.get(lang).to_owned(), true),
        ],
        rows: found
            .by_unit
            .iter()
            .map(|unit| {
                let ratio = YearEndRush::ratio(unit.december, unit.year).unwrap_or(0.0);
                vec![
                    Cell::text(unit.unit.clone()),
                    Cell::count(
                        context.count(unit.packages),
                        unit.packages.min(i64::MAX as u64) as i64,
                    ),
                    Cell::money(
                        format_money_exact(unit.december, currency, lang),
                        unit.december,
                    ),
                    Cell::money(format_money_exact(unit.year, currency, lang), unit.year),
                    Cell::number(ratio_text(unit.december, unit.year), ratio),
                ]
            })
            .collect(),
    };
    panel
}
