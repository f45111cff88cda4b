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
    let below = status.below();
    let unjudged = !status.judged();
    let value_text = if unjudged {
        format!(
            "{}{}",
            Text::BarNotJudged.fill(lang, &[("share", &share)]),
            star(status.illustrative)
        )
    } else if below {
        let gap = format!(
            "{}{}",
            compact(status.gap, currency, lang),
            star(status.illustrative)
        );
        Text::BarGapValue.fill(lang, &[("share", &share), ("gap", &gap)])
    } else {
        format!("{share} ✓{}", star(status.illustrative))
    };
    let value_short = if unjudged {
        format!("{share}{}", star(status.illustrative))
    } else if below {
        format!("{share} ✗{}", star(status.illustrative))
    } else {
        value_text.clone()
    };
    let verdict = verdict(status).get(lang);
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
    if let Some(coverage) = status.coverage {
        lines.push(coverage_text(&coverage, locale));
    }
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
    let spoken_text = match (unjudged, below) {
        (true, _) => Text::ShareSpokenUnjudged.fill(lang, &said),
        (false, true) => Text::ShareSpokenBelow.fill(lang, &said),
        (false, false) => Text::ShareSpokenMeets.fill(lang, &said),
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

/// Meets, below, or not judged (resting on too little of the value).
fn verdict(status: &ShareStatus) -> Text {
    match (status.judged(), status.meets_threshold()) {
        (false, _) => Text::NotJudgedCoverage,
        (true, true) => Text::MeetsThreshold,
        (true, false) => Text::BelowThreshold,
    }
}

/// `68% nilai (80 dari 250 paket)`.
fn coverage_text(coverage: &crate::model::Coverage, locale: &Locale) -> String {
    let lang = locale.lang;
    let count = |count: u64| crate::i18n::format_count(count.min(i64::MAX as u64) as i64, lang);
    Text::CoverageValue.fill(
        lang,
        &[
            ("share", &format_percent(coverage.share(), lang)),
            ("stated", &count(coverage.stated)),
            ("packages", &count(coverage.packages)),
        ],
    )
}

/// The sentence that says what the shares rest on.
fn coverage_note(coverage: &crate::model::Coverage, locale: &Locale) -> String {
    let lang = locale.lang;
    let count = |count: u64| crate::i18n::format_count(count.min(i64::MAX as u64) as i64, lang);
    Text::CoverageNote.fill(
        lang,
        &[
            ("stated", &count(coverage.stated)),
            ("packages", &count(coverage.packages)),
            (
                "stated_value",
                &compact(coverage.stated_value, &locale.currency, lang),
            ),
            ("value", &compact(coverage.value, &locale.currency, lang)),
            ("share", &format_percent(coverage.share(), lang)),
        ],
    )
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
    let status = match (total.judged(), total.meets_threshold()) {
        (false, _) => None,
        (true, true) => Some(Status::Good),
        (true, false) => Some(Status::Bad),
    };
    let mut facts = vec![Fact {
        label: Text::MeasureOverall.fill(lang, &[("measure", short_name(measure))]),
        value: format!(
            "{}{}",
            format_percent(total.share, lang),
            star(total.illustrative)
        ),
        spoken: None,
        status,
    }];
    facts.push(Fact {
        label: format!("{} ({})", Text::Threshold.get(lang), threshold.basis),
        value: format_percent(threshold_share, lang),
        spoken: None,
        status: None,
    });
    if let Some(coverage) = &total.coverage {
        facts.push(Fact {
            label: Text::CoverageFact.get(lang).to_owned(),
            value: coverage_text(coverage, locale),
            spoken: None,
            status: None,
        });
    }
    if total.below() {
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
        let judged = units.len() - units.unjudged;
        let mut value = format!("{} / {}", units.below, judged);
        if units.unjudged > 0 {
            value.push_str(&format!(
                " ({})",
                Text::UnitsNotJudged.fill(lang, &[("count", &units.unjudged.to_string())])
            ));
        }
        facts.push(Fact {
            label: Text::UnitsBelow.get(lang).to_owned(),
            value,
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
        ("citation", threshold.basis),
        ("gap", &gap),
    ];
    let mut summary = match (total.judged(), total.meets_threshold()) {
        (false, _) => Text::ShareSummaryUnjudged.fill(lang, &overall),
        (true, true) => Text::ShareSummaryMeets.fill(lang, &overall),
        (true, false) => Text::ShareSummaryBelow.fill(lang, &overall),
    };
    // Every share says what it rests on.
    if let Some(coverage) = &total.coverage {
        summary.push(' ');
        summary.push_str(&coverage_note(coverage, locale));
    }
    if let (Some(lowest), Some(highest)) = (units.first.first(), &units.highest) {
        let spread = [
            ("lowest", lowest.unit.as_deref().unwrap_or_default()),
            ("lowest_share", &format_percent(lowest.share, lang)),
            ("highest", highest.unit.as_deref().unwrap_or_default()),
            ("highest_share", &format_percent(highest.share, lang)),
            ("below", &units.below.to_string()),
            ("count", &(units.len() - units.unjudged).to_string()),
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
            (Text::CoverageColumn.get(lang).to_owned(), true),
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
                let verdict = verdict(status);
                let mark = star(status.illustrative);
                let coverage = match &status.coverage {
                    Some(coverage) => {
                        Cell::share(coverage_text(coverage, locale), coverage.share())
                    }
                    None => Cell::missing(),
                };
                vec![
                    Cell::text(name),
                    Cell::share(
                        format!("{}{mark}", format_percent(status.share, lang)),
                        status.share,
                    ),
                    Cell::money(exact(status.part, currency, lang), status.part),
                    Cell::money(exact(status.total, currency, lang), status.total),
                    // A share not judged has no gap to give (it would read as a verdict).
                    match status.judged() {
                        true => Cell::money(exact(status.gap, currency, lang), status.gap),
                        false => Cell::missing(),
                    },
                    Cell::text(verdict.get(lang)),
                    coverage,
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
                threshold.basis
            )];
            if content.basis == crate::model::LocalBasis::ContractValues {
                notes.push(Text::LocalFromContractValues.get(lang).to_owned());
            }
            if let Some(coverage) = &total.coverage {
                notes.push(coverage_note(coverage, locale));
                if !total.judged() || units.unjudged > 0 {
                    notes.push(Text::CoverageRule.get(lang).to_owned());
                }
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
