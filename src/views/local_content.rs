//! The local-content view: PDN share against 95% and UMK-K share against the 40% legal floor,
//! overall and by spending unit, with the gap in rupiah for each unit below.

use super::table::{Cell, Table};
use super::{star, Fact, Panel, Status};
use crate::analysis::local_content::{combined, overall, Measure, Ranked, ShareStatus};
use crate::chart::spec::{BarRow, BarSpec, ChartSpec, Reference, TickFormat, Tip};
use crate::chart::Locale;
use crate::i18n::{
    format_money_compact as compact, format_money_exact as exact, format_money_spoken as spoken,
    format_percent, stage_name, Lang, Text,
};
use crate::model::{LocalContent, Meta, Share};

pub fn panels(content: &LocalContent, locale: &Locale, meta: &Meta, expanded: bool) -> Vec<Panel> {
    let totals = [&content.total, &content.pdn, &content.umkk];
    let provenances = totals.into_iter().map(|figure| &figure.provenance);
    let units = content.by_unit.iter().map(|unit| &unit.provenance);
    let source_line = super::source_line(provenances.chain(units), meta, locale.lang);
    Measure::ALL
        .iter()
        .filter_map(|measure| panel(content, *measure, locale, expanded))
        .map(|panel| Panel {
            source_line: source_line.clone(),
            ..panel
        })
        .collect()
}

fn measure_name(measure: Measure, lang: Lang) -> &'static str {
    match measure {
        Measure::Pdn => Text::PdnShare.get(lang),
        Measure::Umkk => Text::UmkkShare.get(lang),
    }
}

fn short_name(measure: Measure) -> &'static str {
    match measure {
        Measure::Pdn => "PDN",
        Measure::Umkk => "UMK-K",
    }
}

fn threshold_name(measure: Measure, lang: Lang) -> &'static str {
    match measure {
        Measure::Pdn => Text::ThresholdTarget.get(lang),
        Measure::Umkk => Text::ThresholdFloor.get(lang),
    }
}

/// One bar; `period` (stage and year, as `Realisasi 2023`) ends its tooltip.
fn row(status: &ShareStatus, locale: &Locale, period: &str) -> BarRow {
    let lang = locale.lang;
    let currency = &locale.currency;
    let label = status
        .unit
        .clone()
        .unwrap_or_else(|| Text::Overall.get(lang).to_owned());
    let share = format_percent(status.share, lang);
    let below = !status.meets_threshold();
    let value_text = if below {
        let gap = format!(
            "{}{}",
            compact(status.gap, currency, lang),
            star(status.illustrative)
        );
        Text::BarGapValue.fill(lang, &[("share", &share), ("gap", &gap)])
    } else {
        format!("{share} ✓{}", star(status.illustrative))
    };
    let value_short = if below {
        format!("{share} ✗{}", star(status.illustrative))
    } else {
        value_text.clone()
    };
    let verdict = if below {
        Text::BelowThreshold.get(lang)
    } else {
        Text::MeetsThreshold.get(lang)
    };
    let mut lines = vec![
        format!(
            "{} {}: {} ({})",
            short_name(status.measure),
            share,
            compact(status.part, currency, lang),
            exact(status.part, currency, lang)
        ),
        format!(
            "{}: {} ({})",
            Text::GoodsServicesSpending.get(lang),
            compact(status.total, currency, lang),
            exact(status.total, currency, lang)
        ),
        verdict.to_owned(),
    ];
    if below {
        lines.push(format!(
            "{}: {} ({})",
            Text::Gap.get(lang),
            compact(status.gap, currency, lang),
            exact(status.gap, currency, lang)
        ));
    }
    lines.push(period.to_owned());
    if status.illustrative {
        lines.push(format!("* {}", Text::IllustrativeMark.get(lang)));
    }
    let said = [
        ("label", label.as_str()),
        ("measure", short_name(status.measure)),
        ("share", &share),
        ("gap", &spoken(status.gap, currency, lang)),
    ];
    let spoken_text = match below {
        true => Text::ShareSpokenBelow.fill(lang, &said),
        false => Text::ShareSpokenMeets.fill(lang, &said),
    };
    BarRow {
        label: label.clone(),
        value: status.share.fraction(),
        value_text,
        value_short,
        below_threshold: below,
        tip: Tip {
            drill: status.unit.clone(),
            spoken: spoken_text,
            title: label,
            lines,
        },
    }
}

fn panel(
    content: &LocalContent,
    measure: Measure,
    locale: &Locale,
    expanded: bool,
) -> Option<Panel> {
    let lang = locale.lang;
    let currency = &locale.currency;
    let total = overall(content, measure)?;
    // The chart and table show the overall row, the units furthest from the threshold, and the
    // rest folded into one row (fewer folded when expanded). Expanded, the table holds every
    // unit in order; else only the units the chart names are put in order.
    let most = super::rows_shown(expanded);
    let units = Ranked::of(
        content,
        measure,
        if expanded { usize::MAX } else { most - 1 },
    );
    let mut shown: Vec<ShareStatus> = units.first.iter().take(most - 1).cloned().collect();
    let mut hidden_rows = 0;
    if units.len() + 1 > most {
        // The units after the first `most - 2`: some named in order, the rest already summed.
        let mut rest = shown.split_off(most - 2);
        rest.extend(units.first.iter().skip(most - 1).cloned());
        hidden_rows = units.len() - (most - 2);
        // Sums that overflow make no "Lainnya" row, whichever units they are in.
        if units.others.is_some() || units.others_count == 0 {
            rest.extend(units.others.clone());
            shown.extend(combined(super::others_label(hidden_rows, lang), &rest));
        }
    }
    let threshold = measure.threshold();
    let threshold_share = Share::new(threshold.fraction()).unwrap_or_default();
    let threshold_text = format!(
        "{} {}",
        threshold_name(measure, lang),
        format_percent(threshold_share, lang)
    );
    let period = format!(
        "{} {}",
        stage_name(content.stage, lang),
        content.fiscal_year
    );
    let mut rows = vec![row(&total, locale, &period)];
    rows.extend(shown.iter().map(|unit| row(unit, locale, &period)));
    if hidden_rows > 0 {
        if let Some(others) = rows.last_mut() {
            others.tip.drill = None;
        }
    }
    if content.by_unit.len() < 2 {
        // Already narrowed to one unit: nothing further to drill into.
        rows.iter_mut().for_each(|row| row.tip.drill = None);
    }
    let status = if total.meets_threshold() {
        Status::Good
    } else {
        Status::Bad
    };
    let mut facts = vec![Fact {
        label: Text::MeasureOverall.fill(lang, &[("measure", short_name(measure))]),
        value: format!(
            "{}{}",
            format_percent(total.share, lang),
            star(total.illustrative)
        ),
        spoken: None,
        status: Some(status),
    }];
    facts.push(Fact {
        label: format!("{} ({})", Text::Threshold.get(lang), threshold.citation),
        value: format_percent(threshold_share, lang),
        spoken: None,
        status: None,
    });
    if !total.meets_threshold() {
        facts.push(Fact {
            label: Text::Gap.get(lang).to_owned(),
            value: format!(
                "{}{}",
                compact(total.gap, currency, lang),
                star(total.illustrative)
            ),
            spoken: Some(spoken(total.gap, currency, lang)),
            status: None,
        });
    }
    if !units.is_empty() {
        facts.push(Fact {
            label: Text::UnitsBelow.get(lang).to_owned(),
            value: format!("{} / {}", units.below, units.len()),
            spoken: None,
            status: Some(if units.below == 0 {
                Status::Good
            } else {
                Status::Bad
            }),
        });
    }
    let gap = spoken(total.gap, currency, lang);
    let overall = [
        ("measure", measure_name(measure, lang)),
        ("share", &format_percent(total.share, lang)),
        ("threshold", &threshold_text),
        ("citation", threshold.citation),
        ("gap", &gap),
    ];
    let mut summary = match total.meets_threshold() {
        true => Text::ShareSummaryMeets.fill(lang, &overall),
        false => Text::ShareSummaryBelow.fill(lang, &overall),
    };
    if let (Some(lowest), Some(highest)) = (units.first.first(), &units.highest) {
        let spread = [
            ("lowest", lowest.unit.as_deref().unwrap_or_default()),
            ("lowest_share", &format_percent(lowest.share, lang)),
            ("highest", highest.unit.as_deref().unwrap_or_default()),
            ("highest_share", &format_percent(highest.share, lang)),
            ("below", &units.below.to_string()),
            ("count", &units.len().to_string()),
        ];
        summary.push(' ');
        summary.push_str(&Text::ShareSummaryUnits.fill(lang, &spread));
    }
    let table = Table {
        columns: vec![
            (Text::Unit.get(lang).to_owned(), false),
            (short_name(measure).to_owned(), true),
            (
                format!(
                    "{} ({})",
                    short_name(measure),
                    super::currency_label(locale)
                ),
                true,
            ),
            (
                format!(
                    "{} ({})",
                    Text::GoodsServicesSpending.get(lang),
                    super::currency_label(locale)
                ),
                true,
            ),
            (
                format!(
                    "{} ({})",
                    Text::Gap.get(lang),
                    super::currency_label(locale)
                ),
                true,
            ),
            (Text::Threshold.get(lang).to_owned(), false),
        ],
        // Expanded, the table (and its CSV) holds every unit; the chart folds the tail.
        rows: std::iter::once(&total)
            .chain(if expanded && hidden_rows > 0 {
                units.first.iter()
            } else {
                shown.iter()
            })
            .map(|status| {
                let name = status
                    .unit
                    .clone()
                    .unwrap_or_else(|| Text::Overall.get(lang).to_owned());
                let verdict = if status.meets_threshold() {
                    Text::MeetsThreshold
                } else {
                    Text::BelowThreshold
                };
                let mark = star(status.illustrative);
                vec![
                    Cell::text(name),
                    Cell::share(
                        format!("{}{mark}", format_percent(status.share, lang)),
                        status.share,
                    ),
                    Cell::money(exact(status.part, currency, lang), status.part),
                    Cell::money(exact(status.total, currency, lang), status.total),
                    Cell::money(exact(status.gap, currency, lang), status.gap),
                    Cell::text(verdict.get(lang)),
                ]
            })
            .collect(),
    };
    Some(Panel {
        id: format!("share-{}", short_name(measure).to_ascii_lowercase()),
        title: format!("{} {}", measure_name(measure, lang), content.fiscal_year),
        subtitle: Text::ShareSubtitle.fill(
            lang,
            &[
                ("stage", stage_name(content.stage, lang)),
                (
                    "total",
                    &format!(
                        "{}{}",
                        compact(content.total.value, currency, lang),
                        star(content.total.provenance.illustrative)
                    ),
                ),
            ],
        ),
        facts,
        chart: ChartSpec::Bars(BarSpec {
            rows,
            max: Some(1.0),
            threshold: Some(Reference {
                value: threshold.fraction(),
                label: threshold_text,
            }),
            tick_format: TickFormat::Percent,
            value_title: Text::ShareOfGoodsServices.get(lang).to_owned(),
        }),
        summary,
        notes: {
            let mut notes = vec![format!(
                "{}: {}",
                Text::LegalBasis.get(lang),
                threshold.citation
            )];
            if content.basis == crate::model::LocalBasis::ContractValues {
                notes.push(Text::LocalFromContractValues.get(lang).to_owned());
            }
            notes
        },
        source_line: String::new(),
        table,
        hidden_rows,
        expands_table: false,
        unavailable: None,
    })
}
