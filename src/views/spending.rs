//! The spending view: cumulative realisation against the pagu, by method and by type.

use super::measure::{self, Measure, Units};
use super::table::{Cell, Table};
use super::{star, Fact, Panel};
use crate::analysis::spending::{breakdown, cumulative, largest, Part, Rest};
use crate::chart::spec::{
    BarRow, BarSpec, ChartSpec, Column, LineSeries, LineSpec, PointMark, Reference, Role, Stroke,
    Tip,
};
use crate::chart::Locale;
use crate::i18n::{format_percent, month_name, stage_name, Text};
use crate::model::{Breakdown, Meta, Rupiah, Share, Spending};

fn cited<K>(rows: &[Breakdown<K>], meta: &Meta, lang: crate::i18n::Lang) -> String {
    super::source_line(rows.iter().map(|row| &row.provenance), meta, lang)
}

pub fn panels(
    spending: &Spending,
    locale: &Locale,
    meta: &Meta,
    expanded: bool,
    measure: Measure,
) -> Vec<Panel> {
    let lang = locale.lang;
    let stage = stage_name(spending.stage, lang);
    // A file without amounts can only be counted.
    let values_missing = measure::values_missing(spending);
    let measure = if values_missing {
        Measure::Count
    } else {
        measure
    };
    let counted;
    let (spending, money) = match measure {
        Measure::Value => (spending, spending),
        Measure::Count => {
            counted = measure::counted(spending);
            (&counted, spending)
        }
    };
    let units = Units { measure, locale };
    let mut panels = Vec::new();
    if !spending.monthly.is_empty() {
        let mut panel = cumulative_panel(spending, units, stage);
        let pagu = spending.pagu.iter().map(|pagu| &pagu.provenance);
        let months = spending.monthly.iter().map(|month| &month.provenance);
        panel.source_line = super::source_line(pagu.chain(months), meta, lang);
        panels.push(panel);
    }
    let by_method = breakdown(&spending.by_method).map(|(total, parts)| {
        let named = named(&parts, |key| {
            crate::i18n::method_name(*key, lang).to_owned()
        });
        let folded = collapse(named, expanded, lang, total);
        let title = Text::ByMethod.get(lang);
        let mut panel = breakdown_panel("by-method", title, spending, total, folded, units);
        panel.source_line = cited(&spending.by_method, meta, lang);
        panel
    });
    let by_type = breakdown(&spending.by_type).map(|(total, parts)| {
        let named = named(&parts, |key| crate::i18n::type_name(*key, lang).to_owned());
        let folded = collapse(named, expanded, lang, total);
        let title = Text::ByType.get(lang);
        let mut panel = breakdown_panel("by-type", title, spending, total, folded, units);
        panel.source_line = cited(&spending.by_type, meta, lang);
        panel
    });
    let by_name = |id: &str, title: Text, rows: &[Breakdown<String>]| {
        let drill = |named: &mut Vec<Named>| {
            if id == "by-unit" && rows.len() > 1 {
                named
                    .iter_mut()
                    .for_each(|row| row.drill = Some(row.label.clone()));
            }
        };
        let (total, folded) = if expanded || rows.len() <= super::TOP_ROWS {
            let (total, parts) = breakdown(rows)?;
            let mut named = named(&parts, |key| key.clone());
            drill(&mut named);
            (total, collapse(named, expanded, lang, total))
        } else {
            // Hundreds of thousands of names: only those the chart shows are sorted and named.
            let (total, parts, rest) = largest(rows, super::TOP_ROWS - 1)?;
            let mut shown = named(&parts, |key| (*key).clone());
            drill(&mut shown);
            let hidden = rest.as_ref().map_or(0, |rest| rest.count);
            shown.extend(rest.map(|rest| others(rest, lang)));
            let folded = Folded {
                shown,
                every: None,
                hidden,
            };
            (total, folded)
        };
        let title = title.get(lang);
        let mut panel = breakdown_panel(id, title, spending, total, folded, units);
        panel.source_line = cited(rows, meta, lang);
        Some(panel)
    };
    let by_unit = by_name("by-unit", Text::ByUnit, &spending.by_unit);
    let by_region = by_name("by-region", Text::ByRegion, &spending.by_region);
    let by_government = by_name("by-government", Text::ByGovernment, &spending.by_government);
    panels.extend(by_method);
    panels.extend(by_type);
    panels.extend(by_unit);
    panels.extend(by_region);
    panels.extend(by_government);
    // Each breakdown says what it leaves out: packages that do not name its key.
    for panel in &mut panels {
        let (unsaid, what) = match panel.id.as_str() {
            "by-method" => (spending.unsaid.method, Text::UnsaidMethod),
            "by-type" => (spending.unsaid.kind, Text::UnsaidType),
            "by-unit" => (spending.unsaid.unit, Text::UnsaidUnit),
            "by-region" => (spending.unsaid.region, Text::UnsaidRegion),
            "by-government" => (spending.unsaid.government, Text::UnsaidGovernment),
            _ => continue,
        };
        if unsaid.packages > 0 {
            let count =
                crate::i18n::format_count(unsaid.packages.min(i64::MAX as u64) as i64, lang);
            panel.notes.push(Text::UnsaidNote.fill(
                lang,
                &[
                    ("amount", &units.compact(unsaid.amount)),
                    ("count", &count),
                    ("what", what.get(lang)),
                ],
            ));
        }
    }
    if let Some(mut panel) = super::suppliers::panel(money, locale) {
        panel.source_line = super::source_line(
            (money.by_method.iter().map(|row| &row.provenance))
                .chain(money.by_type.iter().map(|row| &row.provenance)),
            meta,
            lang,
        );
        panels.push(panel);
    }
    for panel in &mut panels {
        if values_missing {
            panel.notes.push(Text::ValuesMissing.get(lang).to_owned());
        }
        if meta.summary_rows {
            panel.notes.push(Text::SummaryRows.get(lang).to_owned());
        }
    }
    panels
}

fn cumulative_panel(spending: &Spending, units: Units, stage: &str) -> Panel {
    let locale = units.locale;
    let lang = locale.lang;
    let points = cumulative(spending);
    let pagu = spending.pagu.as_ref();
    let mut marks = Vec::with_capacity(points.len());
    for point in &points {
        let period = format!(
            "{} {}",
            month_name(point.month.month, lang, false),
            point.month.year
        );
        let mut lines = vec![
            format!(
                "{}: {}{}",
                Text::Cumulative.get(lang),
                units.compact(point.cumulative),
                star(point.illustrative)
            ),
            format!(
                "{}: {}",
                Text::ExactValue.get(lang),
                units.exact(point.cumulative)
            ),
            format!(
                "{}: {}",
                Text::Monthly.get(lang),
                units.compact(point.amount)
            ),
        ];
        let of_pagu = point.of_pagu.map(|share| {
            Text::SharePaguLine.fill(lang, &[("share", &format_percent(share, lang))])
        });
        lines.extend(of_pagu.clone());
        if point.illustrative {
            lines.push(format!("* {}", Text::IllustrativeMark.get(lang)));
        }
        let said = [
            ("period", period.as_str()),
            ("total", &units.spoken(point.cumulative)),
            (
                "share",
                &point
                    .of_pagu
                    .map(|share| format_percent(share, lang))
                    .unwrap_or_default(),
            ),
        ];
        let spoken_text = match point.of_pagu {
            Some(_) => Text::CumulativePointSpokenPagu.fill(lang, &said),
            None => Text::CumulativePointSpoken.fill(lang, &said),
        };
        marks.push(PointMark {
            at: (f64::from(point.month.month), point.cumulative.as_f64()),
            hollow: point.illustrative,
            layer: Some(Text::Cumulative.get(lang).to_owned()),
            tip: Tip {
                drill: None,
                title: period,
                lines,
                spoken: spoken_text,
            },
        });
    }
    let last = points.last();
    let series = LineSeries {
        points: points
            .iter()
            .map(|point| (f64::from(point.month.month), point.cumulative.as_f64()))
            .collect(),
        stroke: Stroke::Solid,
        role: Role::Primary,
        end_label: last.map(|point| units.compact(point.cumulative)),
        name: Some(Text::Cumulative.get(lang).to_owned()),
    };
    let references: Vec<Reference> = pagu
        .map(|pagu| Reference {
            value: pagu.value.as_f64(),
            label: format!(
                "{} {}{}",
                Text::Pagu.get(lang),
                units.compact(pagu.value),
                star(pagu.provenance.illustrative)
            ),
        })
        .into_iter()
        .collect();
    let chart = ChartSpec::Lines(LineSpec {
        x_range: (0.5, 12.5),
        x_ticks: (1..=12)
            .map(|month| (f64::from(month), month_name(month, lang, true).to_owned()))
            .collect(),
        y_max: 0.0,
        y_format: units.ticks(),
        columns: points
            .iter()
            .map(|point| Column {
                x: f64::from(point.month.month),
                value: point.amount.as_f64(),
            })
            .collect(),
        column_width: 0.6,
        columns_name: Some(Text::Monthly.get(lang).to_owned()),
        series: vec![series],
        references,
        points: marks,
        x_title: format!("{}, {}", Text::Month.get(lang), spending.fiscal_year),
        y_title: match units.measure {
            Measure::Value => {
                Text::CumulativeAxis.fill(lang, &[("currency", super::currency_label(locale))])
            }
            Measure::Count => Text::CumulativeCountAxis.get(lang).to_owned(),
        },
    });
    let mut facts = Vec::new();
    // The summary's parts: the last month's total, the highest month, the share of the pagu.
    let mut said: Vec<(&str, String)> = Vec::new();
    if let Some(last) = last {
        let month = format!(
            "{} {}",
            month_name(last.month.month, lang, false),
            last.month.year
        );
        facts.push(Fact {
            label: Text::StageToMonth.fill(lang, &[("stage", stage), ("month", &month)]),
            value: format!(
                "{}{}",
                units.compact(last.cumulative),
                star(last.illustrative)
            ),
            spoken: Some(units.spoken(last.cumulative)),
            status: None,
        });
        said.push(("total", units.spoken(last.cumulative)));
        said.push(("month", month));
        if let Some(peak) = points.iter().max_by_key(|point| point.amount) {
            said.push((
                "peak_month",
                month_name(peak.month.month, lang, false).to_owned(),
            ));
            said.push(("peak", units.spoken(peak.amount)));
        }
    }
    if let Some(pagu) = pagu {
        facts.push(Fact {
            label: Text::Pagu.get(lang).to_owned(),
            value: format!(
                "{}{}",
                units.compact(pagu.value),
                star(pagu.provenance.illustrative)
            ),
            spoken: Some(units.spoken(pagu.value)),
            status: None,
        });
        if let Some(share) = last.and_then(|point| point.of_pagu) {
            facts.push(Fact {
                label: Text::OfPagu.get(lang).to_owned(),
                value: format_percent(share, lang),
                spoken: None,
                status: None,
            });
            said.push(("share", format_percent(share, lang)));
            said.push(("pagu", units.spoken(pagu.value)));
        }
    }
    let values: Vec<(&str, &str)> = said
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect();
    let summary = match said.len() {
        0 => String::new(),
        4 => Text::CumulativeSummary.fill(lang, &values),
        _ => Text::CumulativeSummaryPagu.fill(lang, &values),
    };
    let mut columns = vec![
        (Text::Month.get(lang).to_owned(), false),
        (Text::Monthly.get(lang).to_owned(), true),
        (Text::Cumulative.get(lang).to_owned(), true),
    ];
    if pagu.is_some() {
        columns.push((Text::PercentOfPagu.get(lang).to_owned(), true));
    }
    let rows = points
        .iter()
        .map(|point| {
            let period = format!(
                "{} {}",
                month_name(point.month.month, lang, false),
                point.month.year
            );
            let mut row = vec![
                Cell::month(period, point.month),
                Cell::money(
                    format!("{}{}", units.exact(point.amount), star(point.illustrative)),
                    point.amount,
                ),
                Cell::money(units.exact(point.cumulative), point.cumulative),
            ];
            if let Some(share) = point.of_pagu {
                row.push(Cell::share(format_percent(share, lang), share));
            }
            row
        })
        .collect();
    let table = Table { columns, rows };
    Panel {
        id: "cumulative".into(),
        title: match units.measure {
            Measure::Value => Text::CumulativeTitle,
            Measure::Count => Text::CumulativeCountTitle,
        }
        .fill(
            lang,
            &[
                ("stage", stage),
                ("year", &spending.fiscal_year.to_string()),
            ],
        ),
        subtitle: spending.label.clone(),
        facts,
        chart,
        summary,
        notes: {
            // No line at 0 for a budget the data does not state.
            let mut notes = match pagu {
                Some(_) => Vec::new(),
                None => vec![Text::NoBudgetStated.get(lang).to_owned()],
            };
            // The year's money the line does not hold, so that its end and the total agree
            // otherwise.
            for outside in &spending.outside_line {
                let count =
                    crate::i18n::format_count(outside.packages.min(i64::MAX as u64) as i64, lang);
                let amount = units.compact(outside.amount);
                notes.push(match outside.year {
                    Some(year) => Text::OutsideLineYear.fill(
                        lang,
                        &[
                            ("amount", &amount),
                            ("count", &count),
                            ("year", &year.to_string()),
                            ("fiscal", &spending.fiscal_year.to_string()),
                        ],
                    ),
                    None => Text::OutsideLineUndated
                        .fill(lang, &[("amount", &amount), ("count", &count)]),
                });
            }
            notes
        },
        source_line: String::new(),
        table,
        hidden_rows: 0,
        expands_table: false,
        unavailable: None,
    }
}

fn breakdown_panel(
    id: &str,
    title: &str,
    spending: &Spending,
    total: crate::model::Rupiah,
    folded: Folded,
    units: Units,
) -> Panel {
    let lang = units.locale.lang;
    let hidden_rows = folded.hidden;
    let parts = &folded.shown;
    let rows: Vec<BarRow> = parts
        .iter()
        .map(|part| {
            let label = part.label.clone();
            let share = format_percent(part.share, lang);
            let mut lines = vec![
                format!(
                    "{}: {}",
                    Text::ExactValue.get(lang),
                    units.exact(part.amount)
                ),
                format!("{share} {}", Text::ShareOfTotal.get(lang)),
            ];
            if let Some(packages) = part.packages {
                lines.push(format!(
                    "{} {}",
                    crate::i18n::format_count(packages.min(i64::MAX as u64) as i64, lang),
                    Text::Packages.get(lang)
                ));
            }
            lines.push(format!(
                "{} {}",
                stage_name(spending.stage, lang),
                spending.fiscal_year
            ));
            if part.illustrative {
                lines.push(format!("* {}", Text::IllustrativeMark.get(lang)));
            }
            BarRow {
                label: label.clone(),
                value: part.amount.as_f64(),
                value_text: format!("{}{}", units.compact(part.amount), star(part.illustrative)),
                value_short: format!("{}{}", units.short(part.amount), star(part.illustrative)),
                below_threshold: false,
                tip: Tip {
                    drill: part.drill.clone(),
                    spoken: format!(
                        "{label}: {}, {share} {}",
                        units.spoken(part.amount),
                        Text::ShareOfTotal.get(lang)
                    ),
                    title: label,
                    lines,
                },
            }
        })
        .collect();
    let table = Table {
        columns: vec![
            (title.to_owned(), false),
            (units.title(), true),
            (Text::Share.get(lang).to_owned(), true),
            (Text::Packages.get(lang).to_owned(), true),
        ],
        rows: folded
            .every
            .as_ref()
            .unwrap_or(&folded.shown)
            .iter()
            .map(|part| {
                vec![
                    Cell::text(part.label.clone()),
                    Cell::money(
                        format!("{}{}", units.exact(part.amount), star(part.illustrative)),
                        part.amount,
                    ),
                    Cell::share(format_percent(part.share, lang), part.share),
                    match part.packages {
                        Some(count) => {
                            let count = count.min(i64::MAX as u64) as i64;
                            Cell::count(crate::i18n::format_count(count, lang), count)
                        }
                        None => Cell::missing(),
                    },
                ]
            })
            .collect(),
    };
    let summary = match parts.first() {
        Some(top) => Text::BreakdownSummary.fill(
            lang,
            &[
                ("label", &top.label),
                ("amount", &units.spoken(top.amount)),
                ("share", &format_percent(top.share, lang)),
                ("total", &units.spoken(total)),
            ],
        ),
        None => String::new(),
    };
    Panel {
        id: id.into(),
        title: format!("{title} {}", spending.fiscal_year),
        subtitle: Text::BreakdownSubtitle.fill(
            lang,
            &[
                ("stage", stage_name(spending.stage, lang)),
                ("total", &units.compact(total)),
            ],
        ),
        facts: Vec::new(),
        chart: ChartSpec::Bars(BarSpec {
            rows,
            max: None,
            threshold: None,
            tick_format: units.ticks(),
            value_title: units.title(),
        }),
        summary,
        notes: Vec::new(),
        source_line: String::new(),
        table,
        hidden_rows,
        expands_table: false,
        unavailable: None,
    }
}

/// A breakdown row with its category's name.
#[derive(Debug, Clone, PartialEq)]
struct Named {
    label: String,
    amount: crate::model::Rupiah,
    share: crate::model::Share,
    packages: Option<u64>,
    illustrative: bool,
    drill: Option<String>,
}

/// Breakdown parts with their categories' names.
fn named<K>(parts: &[Part<K>], name: impl Fn(&K) -> String) -> Vec<Named> {
    parts
        .iter()
        .map(|part| Named {
            label: name(&part.key),
            amount: part.amount,
            share: part.share,
            packages: part.packages,
            illustrative: part.illustrative,
            drill: None,
        })
        .collect()
}

/// A breakdown's rows: those the chart shows (the tail folded into one "Lainnya" row), and,
/// when the reader expanded a breakdown longer than the chart shows, every row for its table
/// and CSV download (the page renders a bounded number of table rows).
struct Folded {
    shown: Vec<Named>,
    every: Option<Vec<Named>>,
    hidden: usize,
}

/// The "Lainnya" row of the parts after the largest.
fn others(rest: Rest, lang: crate::i18n::Lang) -> Named {
    Named {
        label: super::others_label(rest.count, lang),
        amount: rest.amount,
        share: rest.share,
        packages: rest.packages,
        illustrative: rest.illustrative,
        drill: None,
    }
}

/// Folds all rows after the first `TOP_ROWS - 1` (`MOST_ROWS - 1` when `expanded`) into one
/// "Lainnya" row.
fn collapse(
    mut rows: Vec<Named>,
    expanded: bool,
    lang: crate::i18n::Lang,
    total: Rupiah,
) -> Folded {
    let shown = super::rows_shown(expanded);
    if rows.len() <= shown {
        return Folded {
            shown: rows,
            every: None,
            hidden: 0,
        };
    }
    let every = expanded.then(|| rows.clone());
    let rest = rows.split_off(shown - 1);
    let hidden = rest.len();
    let amount = Rupiah::checked_sum(rest.iter().map(|row| row.amount)).unwrap_or(Rupiah(i64::MAX));
    rows.push(others(
        Rest {
            count: hidden,
            amount,
            share: Share::of(amount, total).unwrap_or_default(),
            packages: rest.iter().map(|row| row.packages).sum::<Option<u64>>(),
            illustrative: rest.iter().any(|row| row.illustrative),
        },
        lang,
    ));
    Folded {
        shown: rows,
        every,
        hidden,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::Provenance;

    #[test]
    fn the_largest_rows_named_are_those_a_full_sort_names() {
        // Amounts that repeat (ties broken by name), one row without a package count.
        let rows: Vec<Breakdown<String>> = (0..500)
            .map(|index| Breakdown {
                key: format!("Dinas {}", (index * 7) % 500),
                amount: Rupiah(((index * 37) % 100) as i64 * 1_000 + 1),
                packages: (index != 3).then_some(index as u64),
                provenance: Provenance {
                    illustrative: index == 77,
                    source: None,
                },
            })
            .collect();
        for count in [3, 12, 500] {
            let rows = &rows[..count];
            let (total, parts) = breakdown(rows).expect("a breakdown");
            let full = collapse(named(&parts, |key| key.clone()), false, Lang::Id, total);
            let (largest_total, first, rest) =
                largest(rows, super::super::TOP_ROWS - 1).expect("a breakdown");
            assert_eq!(largest_total, total);
            let mut shown = named(&first, |key| (*key).clone());
            shown.extend(rest.map(|rest| others(rest, Lang::Id)));
            if count > super::super::TOP_ROWS {
                assert_eq!(shown, full.shown);
            } else {
                assert_eq!(shown.len(), count.min(super::super::TOP_ROWS));
            }
        }
    }
}
