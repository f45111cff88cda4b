//! The oversight view: indicators an internal auditor (APIP) looks at first, each with its
//! definition, legal basis, the thresholds it used and the caveat that it points at packages to
//! look at, not at findings. Every table lists the flagged packages; that list is what an
//! auditor works from.

mod market;
mod split;

use super::table::{Cell, Table};
use super::{Fact, Panel, Status};
use crate::analysis::oversight::{AgainstHps, Bunching, Concentration, PackageShare};
use crate::analysis::oversight::{
    Flagged, JudgedOn, Missing, Oversight, Rule, Threshold, ValueUsed, THRESHOLDS,
};
use crate::chart::spec::{
    BarRow, BarSpec, ChartSpec, Column, LineSeries, LineSpec, PointMark, Reference, Role, Stroke,
    TickFormat, Tip,
};
use crate::chart::Locale;
use crate::i18n::{
    format_count, format_date, format_decimal, format_money_compact, format_money_exact,
    format_percent, method_name, type_name, Lang, Text,
};
use crate::model::{Meta, Provenance, Rupiah, Share};

/// The panels of the oversight view, in the order an auditor reads them.
pub fn panels(oversight: &Oversight, locale: &Locale, meta: &Meta, expanded: bool) -> Vec<Panel> {
    let year = oversight.fiscal_year.to_string();
    let context = Context {
        locale,
        year: &year,
        rows: super::rows_shown(expanded),
    };
    let mut panels = vec![
        above_ceiling(oversight, &context),
        bunching(oversight, &context),
    ];
    panels.extend(bunching_units(oversight, &context));
    panels.push(split::split_packages(oversight, &context));
    panels.push(non_competitive(oversight, &context));
    panels.push(not_reserved(oversight, &context));
    panels.push(single_bid(oversight, &context));
    panels.push(failed_tenders(oversight, &context));
    panels.push(against_hps(oversight, &context));
    panels.push(concentration(oversight, &context));
    panels.push(market::repeat_winners(oversight, &context));
    panels.push(market::year_end(oversight, &context));
    let provenance = Provenance {
        illustrative: oversight.illustrative,
        source: None,
    };
    let grouped = (oversight.grouped > 0).then(|| {
        let count = format_count(oversight.grouped.min(i64::MAX as u64) as i64, locale.lang);
        Text::OversightGrouped.fill(locale.lang, &[("count", &count)])
    });
    for panel in &mut panels {
        // Every indicator but the shares of methods judges single packages only.
        if let Some(note) = grouped.as_ref().filter(|_| panel.id != "non-competitive") {
            panel.notes.push(note.clone());
        }
        panel.source_line = super::source_line([&provenance], meta, locale.lang);
        if let Some(explanations) = explanations(&panel.id) {
            panel.notes.push(explanations.get(locale.lang).to_owned());
        }
        panel
            .notes
            .push(Text::OversightCaveat.get(locale.lang).to_owned());
        panel
            .notes
            .push(Text::OversightPurpose.get(locale.lang).to_owned());
    }
    panels
}

/// The usual innocent explanations to check before reading a flagged package as anything more.
fn explanations(panel: &str) -> Option<Text> {
    Some(match panel {
        "above-ceiling" => Text::ExplainAboveCeiling,
        "bunching" | "bunching-units" => Text::ExplainBunching,
        "non-competitive" => Text::ExplainNonCompetitive,
        "not-reserved" => Text::ExplainNotReserved,
        "single-bid" => Text::ExplainSingleBid,
        "failed-tenders" => Text::ExplainFailed,
        "against-hps" => Text::ExplainAgainstHps,
        "split-packages" => Text::ExplainSplit,
        "year-end" => Text::ExplainYearEnd,
        _ => return None,
    })
}

struct Context<'a> {
    locale: &'a Locale,
    year: &'a str,
    /// Bars a chart shows at most.
    rows: usize,
}

impl Context<'_> {
    fn lang(&self) -> Lang {
        self.locale.lang
    }

    fn count(&self, count: u64) -> String {
        format_count(count.min(i64::MAX as u64) as i64, self.lang())
    }

    fn money(&self, amount: Rupiah) -> String {
        format_money_compact(amount, &self.locale.currency, self.lang())
    }

    /// `2 dari 26 paket ditandai`.
    fn flagged_of(&self, flagged: u64, judged: u64) -> String {
        Text::FlaggedSubtitle.fill(
            self.lang(),
            &[
                ("flagged", &self.count(flagged)),
                ("judged", &self.count(judged)),
            ],
        )
    }

    fn share(&self, part: u64, whole: u64) -> Share {
        Share::new(part as f64 / whole.max(1) as f64).unwrap_or_default()
    }
}

/// What a missing field makes an indicator say in place of its chart.
fn missing_text(missing: Missing, lang: Lang) -> String {
    match missing {
        Missing::Method => Text::MissingMethod,
        Missing::Type => Text::MissingType,
        Missing::Value => Text::MissingValue,
        Missing::CeilingValue => Text::MissingCeilingValue,
        Missing::Pagu => Text::MissingPagu,
        Missing::SmallBusinessFlag => Text::MissingSmallBusiness,
        Missing::Tenderers => Text::MissingTenderers,
        Missing::TenderStatus => Text::MissingTenderStatus,
        Missing::Hps => Text::MissingHps,
        Missing::Supplier => Text::MissingSupplier,
        Missing::SinglePackages => Text::MissingSinglePackages,
        Missing::Name => Text::MissingName,
        Missing::SelectionDay => Text::MissingSelectionDay,
        Missing::ContractMonth => Text::MissingContractMonth,
        Missing::December => Text::MissingDecember,
    }
    .get(lang)
    .to_owned()
}

/// A panel with its title and notes; its chart, figures and table come after.
fn shell(id: &str, title: String, notes: Vec<String>) -> Panel {
    Panel {
        id: id.to_owned(),
        title,
        subtitle: String::new(),
        facts: Vec::new(),
        chart: ChartSpec::Bars(BarSpec {
            rows: Vec::new(),
            max: None,
            threshold: None,
            tick_format: TickFormat::Count,
            value_title: String::new(),
        }),
        summary: String::new(),
        notes,
        source_line: String::new(),
        table: Table {
            columns: Vec::new(),
            rows: Vec::new(),
        },
        hidden_rows: 0,
        expands_table: false,
        unavailable: None,
    }
}

/// A panel titled for its year with its notes, and the indicator's result; when the data lacks
/// what it needs, no result and a panel that says so.
fn opened<'a, T>(
    found: &'a Result<T, Missing>,
    id: &str,
    title: Text,
    notes: Vec<String>,
    context: &Context,
) -> (Panel, Option<&'a T>) {
    let lang = context.lang();
    let panel = shell(id, title.fill(lang, &[("year", context.year)]), notes);
    match found {
        Ok(found) => (panel, Some(found)),
        Err(missing) => (unavailable(panel, *missing, lang), None),
    }
}

/// The panel says why it cannot be computed.
fn unavailable(mut panel: Panel, missing: Missing, lang: Lang) -> Panel {
    let text = missing_text(missing, lang);
    panel.summary = text.clone();
    panel.unavailable = Some(text);
    panel
}

/// `Dasar hukum: …` from the bases of the thresholds of `rule`, each named once.
fn basis_of(rule: Rule, lang: Lang) -> String {
    let mut bases: Vec<&str> = Vec::new();
    for threshold in THRESHOLDS.iter().filter(|threshold| threshold.rule == rule) {
        if !bases.contains(&threshold.basis) {
            bases.push(threshold.basis);
        }
    }
    Text::OversightLegalBasis.fill(lang, &[("basis", &bases.join("; "))])
}

/// `Batas yang dipakai: …`: every threshold of `rule` with its types and dates of effect.
fn thresholds_of(rule: Rule, locale: &Locale) -> String {
    let lang = locale.lang;
    let listed: Vec<String> = THRESHOLDS
        .iter()
        .filter(|threshold| threshold.rule == rule)
        .map(|threshold| {
            let types: Vec<&str> = threshold
                .types
                .iter()
                .map(|kind| type_name(*kind, lang))
                .collect();
            let mut text = format!(
                "{} {}",
                types.join(", "),
                format_money_compact(Rupiah(threshold.amount), &locale.currency, lang)
            );
            let day = |(year, month, day): (i32, u8, u8)| {
                crate::model::CivilDate::new(year, month, day).map(|day| format_date(day, lang))
            };
            if let Some(from) = threshold.from.and_then(day) {
                text.push_str(&format!(
                    " ({})",
                    Text::InForceFrom.fill(lang, &[("day", &from)])
                ));
            }
            if let Some(until) = threshold.until.and_then(day) {
                text.push_str(&format!(
                    " ({})",
                    Text::InForceUntil.fill(lang, &[("day", &until)])
                ));
            }
            text
        })
        .collect();
    Text::OversightThresholds.fill(lang, &[("thresholds", &listed.join("; "))])
}

/// The notes of an indicator judged by a legal threshold: its definition, the articles and
/// thresholds of `rule` with their dates, and which value was judged.
fn rule_notes(definition: Text, rule: Rule, context: &Context) -> Vec<String> {
    let lang = context.lang();
    let value = match rule {
        Rule::DirectPurchaseCeiling => Text::ValueJudgedCeiling,
        Rule::SmallBusinessReservation => Text::ValueJudgedReservation,
        Rule::DomesticProductTarget | Rule::SmallBusinessFloor => Text::ValueJudgedLocalShare,
    };
    vec![
        definition.get(lang).to_owned(),
        basis_of(rule, lang),
        thresholds_of(rule, context.locale),
        value.get(lang).to_owned(),
        Text::DayJudged.get(lang).to_owned(),
    ]
}

/// `12 paket tidak dinilai: …`, when some package could not be judged for want of a day.
fn unjudged_note(unjudged: u64, context: &Context) -> Option<String> {
    (unjudged > 0)
        .then(|| Text::NotJudgedNoDay.fill(context.lang(), &[("count", &context.count(unjudged))]))
}

/// A horizontal bar.
fn bar(label: String, value: f64, value_text: String, lines: Vec<String>) -> BarRow {
    let spoken = format!("{label}: {}", lines.join(", "));
    BarRow {
        label: label.clone(),
        value,
        value_short: value_text.clone(),
        value_text,
        below_threshold: false,
        tip: Tip {
            title: label,
            lines,
            spoken,
            drill: None,
        },
    }
}

/// The table of flagged packages, largest value first, with why each was flagged.
fn flagged_table(
    flagged: &[Flagged],
    context: &Context,
    why: &dyn Fn(&Flagged) -> String,
) -> Table {
    let lang = context.lang();
    let currency = &context.locale.currency;
    let mut order: Vec<&Flagged> = flagged.iter().collect();
    order.sort_by_key(|flag| std::cmp::Reverse(flag.value));
    let text = |value: &Option<String>| match value {
        Some(text) => Cell::text(text.clone()),
        None => Cell::missing(),
    };
    Table {
        columns: vec![
            (Text::ColumnCode.get(lang).to_owned(), false),
            (Text::ColumnPackage.get(lang).to_owned(), false),
            (Text::ColumnUnit.get(lang).to_owned(), false),
            (Text::Type.get(lang).to_owned(), false),
            (Text::Method.get(lang).to_owned(), false),
            (Text::ColumnDayJudged.get(lang).to_owned(), true),
            (Text::ColumnValueJudged.get(lang).to_owned(), true),
            (Text::ColumnValueFrom.get(lang).to_owned(), false),
            (Text::ColumnThreshold.get(lang).to_owned(), true),
            (Text::ColumnWhy.get(lang).to_owned(), false),
        ],
        rows: order
            .into_iter()
            .map(|flag| {
                vec![
                    text(&flag.id),
                    text(&flag.name),
                    text(&flag.unit),
                    flag.kind
                        .map_or_else(Cell::missing, |kind| Cell::text(type_name(kind, lang))),
                    flag.method.map_or_else(Cell::missing, |method| {
                        Cell::text(method_name(method, lang))
                    }),
                    match flag.judged_on {
                        Some(JudgedOn::Day(day)) => Cell::date(format_date(day, lang), day),
                        // A year is sorted by its first day.
                        Some(JudgedOn::Year(year)) => {
                            match crate::model::CivilDate::new(year, 1, 1) {
                                Some(first) => Cell::date(
                                    Text::JudgedOnYear.fill(lang, &[("year", &year.to_string())]),
                                    first,
                                ),
                                None => Cell::missing(),
                            }
                        }
                        None => Cell::missing(),
                    },
                    Cell::money(format_money_exact(flag.value, currency, lang), flag.value),
                    Cell::text(match flag.used {
                        ValueUsed::Contract => Text::FromContract.get(lang),
                        ValueUsed::Hps => Text::FromHps.get(lang),
                        ValueUsed::Planned => Text::FromPlanned.get(lang),
                    }),
                    flag.threshold.map_or_else(Cell::missing, |threshold| {
                        let amount = Rupiah(threshold.amount);
                        Cell::money(format_money_exact(amount, currency, lang), amount)
                    }),
                    Cell::text(why(flag)),
                ]
            })
            .collect(),
    }
}

fn limit_text(threshold: Option<&Threshold>, context: &Context) -> String {
    threshold.map_or_else(String::new, |threshold| {
        context.money(Rupiah(threshold.amount))
    })
}

/// A count of flagged packages: with a warning mark when any is, a tick when none is.
fn warned(label: &str, count: u64, context: &Context) -> Fact {
    Fact {
        label: label.to_owned(),
        value: context.count(count),
        spoken: None,
        status: Some(if count > 0 {
            Status::Warning
        } else {
            Status::Good
        }),
    }
}

/// The packages flagged, marked as [`warned`].
fn flagged_fact(flagged: u64, context: &Context) -> Fact {
    warned(Text::FlaggedCount.get(context.lang()), flagged, context)
}

/// A plain key figure.
fn fact(label: impl Into<String>, value: String) -> Fact {
    Fact {
        label: label.into(),
        value,
        spoken: None,
        status: None,
    }
}

fn counted(flagged: &[Flagged]) -> u64 {
    flagged
        .iter()
        .fold(0u64, |sum, flag| sum.saturating_add(flag.count))
}

fn above_ceiling(oversight: &Oversight, context: &Context) -> Panel {
    let lang = context.lang();
    let notes = rule_notes(
        Text::AboveCeilingDefinition,
        Rule::DirectPurchaseCeiling,
        context,
    );
    let (mut panel, found) = opened(
        &oversight.above_ceiling,
        "above-ceiling",
        Text::AboveCeilingTitle,
        notes,
        context,
    );
    let Some(found) = found else {
        return panel;
    };
    let flagged = counted(&found.flagged);
    panel.subtitle = context.flagged_of(flagged, found.judged);
    panel.facts = vec![
        flagged_fact(flagged, context),
        fact(
            Text::PackagesJudged.get(lang).to_owned(),
            context.count(found.judged),
        ),
    ];
    panel.notes.extend(unjudged_note(found.unjudged, context));
    let mut by_type: Vec<(crate::model::ProcurementType, u64)> = Vec::new();
    for flag in &found.flagged {
        let Some(kind) = flag.kind else { continue };
        match by_type.iter_mut().find(|(known, _)| *known == kind) {
            Some((_, count)) => *count = count.saturating_add(flag.count),
            None => by_type.push((kind, flag.count)),
        }
    }
    by_type.sort_by_key(|(kind, _)| {
        <crate::model::ProcurementType as crate::model::Code>::ALL
            .iter()
            .position(|known| known == kind)
    });
    let rows = by_type
        .iter()
        .map(|(kind, count)| {
            let name = type_name(*kind, lang).to_owned();
            bar(
                name,
                *count as f64,
                context.count(*count),
                vec![context.count(*count)],
            )
        })
        .collect();
    panel.chart = ChartSpec::Bars(BarSpec {
        rows,
        max: None,
        threshold: None,
        tick_format: TickFormat::Count,
        value_title: Text::FlaggedCount.get(lang).to_owned(),
    });
    panel.summary = Text::AboveCeilingSummary.fill(
        lang,
        &[
            ("flagged", &context.count(flagged)),
            ("judged", &context.count(found.judged)),
        ],
    );
    panel.table = flagged_table(&found.flagged, context, &|flag| {
        Text::AboveCeilingWhy.fill(
            lang,
            &[
                ("value", &context.money(flag.value)),
                ("limit", &limit_text(flag.threshold, context)),
            ],
        )
    });
    if flagged == 0 {
        panel
            .notes
            .insert(0, Text::NoneFlagged.get(lang).to_owned());
    }
    panel
}

/// `4,8×`, or `–` when nothing is below.
fn ratio_text(near: u64, below: u64, lang: Lang) -> String {
    match Bunching::ratio(near, below) {
        Some(ratio) => format!("{}×", format_decimal(ratio, 1, lang)),
        None => "–".to_owned(),
    }
}

fn bunching(oversight: &Oversight, context: &Context) -> Panel {
    let lang = context.lang();
    let min = Bunching::MIN_PACKAGES.to_string();
    let notes = vec![
        Text::BunchingDefinition.fill(lang, &[("min", &min)]),
        Text::OversightLegalBasis.fill(lang, &[("basis", Text::BunchingBasis.get(lang))]),
        thresholds_of(Rule::DirectPurchaseCeiling, context.locale),
        Text::ValueJudgedCeiling.get(lang).to_owned(),
        Text::DayJudged.get(lang).to_owned(),
    ];
    let (mut panel, found) = opened(
        &oversight.bunching,
        "bunching",
        Text::BunchingTitle,
        notes,
        context,
    );
    let Some(found) = found else {
        return panel;
    };
    let ratio = ratio_text(found.near, found.below, lang);
    panel.subtitle = format!(
        "{}: {} · {}: {}",
        Text::BunchingNear.get(lang),
        context.count(found.near),
        Text::BunchingBelow.get(lang),
        context.count(found.below)
    );
    panel.facts = vec![
        fact(
            Text::BunchingNear.get(lang).to_owned(),
            context.count(found.near),
        ),
        fact(
            Text::BunchingBelow.get(lang).to_owned(),
            context.count(found.below),
        ),
        fact(Text::BunchingRatio.get(lang).to_owned(), ratio.clone()),
    ];
    panel
        .facts
        .extend(found.by_type.iter().map(|(kind, near, below)| Fact {
            label: Text::BunchingTypeFact.fill(lang, &[("type", type_name(*kind, lang))]),
            value: format!(
                "{} ({} : {})",
                ratio_text(*near, *below, lang),
                context.count(*near),
                context.count(*below)
            ),
            spoken: None,
            status: None,
        }));
    // The histogram: 5% bands from 50% to 150% of the ceiling, the ceiling marked at 100%.
    let highest = found.bins.iter().copied().max().unwrap_or(0).max(1) as f64;
    let mut columns = Vec::with_capacity(found.bins.len());
    let mut points = Vec::with_capacity(found.bins.len());
    for (index, count) in found.bins.iter().enumerate() {
        let from = 50 + 5 * index;
        let centre = from as f64 + 2.5;
        columns.push(Column {
            x: centre,
            value: *count as f64,
        });
        let band = Text::BunchingBand.fill(
            lang,
            &[("from", &from.to_string()), ("to", &(from + 5).to_string())],
        );
        points.push(PointMark {
            at: (centre, *count as f64),
            hollow: false,
            layer: Some(Text::BunchingColumns.get(lang).to_owned()),
            tip: Tip {
                spoken: format!("{band}: {}", context.count(*count)),
                title: band,
                lines: vec![context.count(*count)],
                drill: None,
            },
        });
    }
    let ceiling = Text::BunchingCeiling.get(lang).to_owned();
    panel.chart = ChartSpec::Lines(LineSpec {
        x_range: (50.0, 150.0),
        x_ticks: [50, 75, 100, 125, 150]
            .into_iter()
            .map(|tick| (f64::from(tick), format!("{tick}%")))
            .collect(),
        y_max: highest,
        y_format: TickFormat::Count,
        columns,
        column_width: 4.0,
        columns_name: Some(Text::BunchingColumns.get(lang).to_owned()),
        series: vec![LineSeries {
            points: vec![(100.0, 0.0), (100.0, highest)],
            stroke: Stroke::Dashed,
            role: Role::Reference,
            end_label: None,
            name: Some(ceiling),
        }],
        references: Vec::new(),
        points,
        x_title: Text::BunchingAxis.get(lang).to_owned(),
        y_title: Text::MeasureCount.get(lang).to_owned(),
    });
    panel.summary = Text::BunchingSummary.fill(
        lang,
        &[
            ("near", &context.count(found.near)),
            ("below", &context.count(found.below)),
            ("ratio", &ratio),
        ],
    );
    panel.table = flagged_table(&found.flagged, context, &|flag| {
        let share = flag
            .threshold
            .and_then(|threshold| Share::new(flag.value.0 as f64 / threshold.amount.max(1) as f64));
        Text::BunchingWhy.fill(
            lang,
            &[
                (
                    "share",
                    &share.map_or_else(String::new, |share| format_percent(share, lang)),
                ),
                ("limit", &limit_text(flag.threshold, context)),
            ],
        )
    });
    panel
}

/// Per unit: the share of its packages in (80%, 100%] of the ceiling that sit in (90%, 100%].
fn bunching_units(oversight: &Oversight, context: &Context) -> Option<Panel> {
    let found = oversight.bunching.as_ref().ok()?;
    if found.by_unit.is_empty() {
        return None;
    }
    let lang = context.lang();
    let min = Bunching::MIN_PACKAGES.to_string();
    let notes = vec![Text::BunchingDefinition.fill(lang, &[("min", &min)])];
    let title = Text::BunchingUnitsTitle.fill(lang, &[("year", context.year)]);
    let mut panel = shell("bunching-units", title, notes);
    let mut units: Vec<&(String, u64, u64)> = found.by_unit.iter().collect();
    let share = |near: u64, below: u64| context.share(near, near.saturating_add(below));
    units.sort_by(|a, b| {
        share(b.1, b.2)
            .fraction()
            .total_cmp(&share(a.1, a.2).fraction())
            .then_with(|| a.0.cmp(&b.0))
    });
    panel.hidden_rows = units.len().saturating_sub(context.rows);
    let rows = units
        .iter()
        .take(context.rows)
        .map(|(unit, near, below)| {
            let part = share(*near, *below);
            let text = format_percent(part, lang);
            let lines = vec![
                text.clone(),
                format!("{}: {}", Text::BunchingNear.get(lang), context.count(*near)),
                format!(
                    "{}: {}",
                    Text::BunchingBelow.get(lang),
                    context.count(*below)
                ),
                format!(
                    "{}: {}",
                    Text::BunchingRatio.get(lang),
                    ratio_text(*near, *below, lang)
                ),
            ];
            bar(unit.clone(), part.fraction(), text, lines)
        })
        .collect();
    panel.chart = ChartSpec::Bars(BarSpec {
        rows,
        max: Some(1.0),
        threshold: Some(Reference {
            value: 0.5,
            label: Text::BunchingEven.get(lang).to_owned(),
        }),
        tick_format: TickFormat::Percent,
        value_title: Text::BunchingUnitsAxis.get(lang).to_owned(),
    });
    let (top, near, below) = units[0];
    panel.summary = Text::BunchingUnitsSummary.fill(
        lang,
        &[
            ("min", &min),
            ("unit", top),
            ("share", &format_percent(share(*near, *below), lang)),
        ],
    );
    panel.subtitle = Text::BunchingUnitsAxis.get(lang).to_owned();
    panel.table = Table {
        columns: vec![
            (Text::ColumnUnit.get(lang).to_owned(), false),
            (Text::BunchingNear.get(lang).to_owned(), true),
            (Text::BunchingBelow.get(lang).to_owned(), true),
            (Text::BunchingRatio.get(lang).to_owned(), true),
        ],
        rows: units
            .iter()
            .map(|(unit, near, below)| {
                vec![
                    Cell::text(unit.clone()),
                    Cell::count(context.count(*near), *near as i64),
                    Cell::count(context.count(*below), *below as i64),
                    Cell::number(
                        ratio_text(*near, *below, lang),
                        Bunching::ratio(*near, *below).unwrap_or(f64::INFINITY),
                    ),
                ]
            })
            .collect(),
    };
    Some(panel)
}

fn non_competitive(oversight: &Oversight, context: &Context) -> Panel {
    let lang = context.lang();
    let notes = vec![
        Text::NonCompetitiveDefinition.get(lang).to_owned(),
        Text::OversightLegalBasis.fill(lang, &[("basis", Text::NonCompetitiveBasis.get(lang))]),
        Text::ValueJudgedShare.get(lang).to_owned(),
    ];
    let (mut panel, found) = opened(
        &oversight.non_competitive,
        "non-competitive",
        Text::NonCompetitiveTitle,
        notes,
        context,
    );
    let Some(found) = found else {
        return panel;
    };
    let shares = |(count, value): (u64, Rupiah)| {
        let by_value = Share::of(value, found.value).unwrap_or_default();
        Text::NonCompetitiveFact.fill(
            lang,
            &[
                ("value", &format_percent(by_value, lang)),
                (
                    "packages",
                    &format_percent(context.share(count, found.packages), lang),
                ),
            ],
        )
    };
    let appointed = shares(found.appointed);
    let excluded = shares(found.excluded);
    let epurchasing = shares(found.epurchasing);
    let method = |method| method_name(method, lang).to_owned();
    panel.facts = vec![
        flagged_fact(counted(&found.flagged), context),
        fact(
            method(crate::model::Method::PenunjukanLangsung),
            appointed.clone(),
        ),
        // Shown apart: exempt purchases and e-purchasing are no lack of competition.
        fact(
            Text::ShownApart.fill(
                lang,
                &[("what", &method(crate::model::Method::Dikecualikan))],
            ),
            excluded.clone(),
        ),
        fact(
            Text::ShownApart.fill(
                lang,
                &[("what", &method(crate::model::Method::EPurchasing))],
            ),
            epurchasing.clone(),
        ),
    ];
    panel.subtitle = context.flagged_of(counted(&found.flagged), found.packages);
    let overall = crate::analysis::oversight::UnitMethods {
        unit: Text::NonCompetitiveAll.get(lang).to_owned(),
        packages: found.packages,
        value: found.value,
        non_competitive: found.appointed,
    };
    let units = std::iter::once(&overall).chain(found.by_unit.iter());
    panel.hidden_rows = found.by_unit.len().saturating_sub(context.rows - 1);
    let rows = units
        .take(context.rows)
        .map(|unit| {
            let share = Share::new(unit.share()).unwrap_or_default();
            let text = format_percent(share, lang);
            let lines = vec![
                text.clone(),
                Text::PartOf.fill(
                    lang,
                    &[
                        ("part", &context.money(unit.non_competitive.1)),
                        ("whole", &context.money(unit.value)),
                    ],
                ),
                Text::PackagesOf.fill(
                    lang,
                    &[
                        ("part", &context.count(unit.non_competitive.0)),
                        ("whole", &context.count(unit.packages)),
                    ],
                ),
            ];
            bar(unit.unit.clone(), share.fraction(), text, lines)
        })
        .collect();
    panel.chart = ChartSpec::Bars(BarSpec {
        rows,
        max: Some(1.0),
        threshold: None,
        tick_format: TickFormat::Percent,
        value_title: Text::NonCompetitiveAxis.get(lang).to_owned(),
    });
    panel.summary = Text::NonCompetitiveSummary.fill(
        lang,
        &[
            ("appointed", &appointed),
            ("excluded", &excluded),
            ("epurchasing", &epurchasing),
        ],
    );
    panel.table = flagged_table(&found.flagged, context, &|flag| {
        flag.method
            .map(|method| method_name(method, lang).to_owned())
            .unwrap_or_default()
    });
    panel
}

fn not_reserved(oversight: &Oversight, context: &Context) -> Panel {
    let lang = context.lang();
    let notes = rule_notes(
        Text::NotReservedDefinition,
        Rule::SmallBusinessReservation,
        context,
    );
    let (mut panel, found) = opened(
        &oversight.not_reserved,
        "not-reserved",
        Text::NotReservedTitle,
        notes,
        context,
    );
    let Some(found) = found else {
        return panel;
    };
    let (without, with) = (counted(&found.without_reason), counted(&found.with_reason));
    panel.subtitle = context.flagged_of(without.saturating_add(with), found.judged);
    panel.notes.extend(unjudged_note(found.unjudged, context));
    panel.facts = vec![
        warned(Text::NotReservedWithout.get(lang), without, context),
        fact(
            Text::NotReservedWith.get(lang).to_owned(),
            context.count(with),
        ),
        fact(
            Text::PackagesJudged.get(lang).to_owned(),
            context.count(found.judged),
        ),
    ];
    let row = |text: Text, count: u64| {
        let share = context.share(count, found.judged);
        let lines = vec![context.count(count), format_percent(share, lang)];
        bar(
            text.get(lang).to_owned(),
            count as f64,
            context.count(count),
            lines,
        )
    };
    panel.chart = ChartSpec::Bars(BarSpec {
        rows: vec![
            row(Text::NotReservedWithout, without),
            row(Text::NotReservedWith, with),
        ],
        max: None,
        threshold: None,
        tick_format: TickFormat::Count,
        value_title: Text::FlaggedCount.get(lang).to_owned(),
    });
    panel.summary = Text::NotReservedSummary.fill(
        lang,
        &[
            ("judged", &context.count(found.judged)),
            ("without", &context.count(without)),
            ("with", &context.count(with)),
        ],
    );
    let every: Vec<Flagged> = found
        .without_reason
        .iter()
        .chain(found.with_reason.iter())
        .cloned()
        .collect();
    panel.table = flagged_table(&every, context, &|flag| match &flag.reason {
        Some(reason) => Text::NotReservedWhy.fill(lang, &[("reason", reason)]),
        None => Text::NotReservedNoReason.get(lang).to_owned(),
    });
    panel
}

/// The texts of a panel of a share of packages per unit.
struct ShareTexts {
    id: &'static str,
    /// Whether the packages counted are flagged (a warning mark), or only counted apart (a
    /// failed tender can mean the controls worked).
    flags: bool,
    title: Text,
    definition: Text,
    basis: Text,
    axis: Text,
    summary: Text,
    why: Text,
}

fn single_bid(oversight: &Oversight, context: &Context) -> Panel {
    let texts = ShareTexts {
        id: "single-bid",
        flags: true,
        title: Text::SingleBidTitle,
        definition: Text::SingleBidDefinition,
        basis: Text::SingleBidBasis,
        axis: Text::SingleBidAxis,
        summary: Text::SingleBidSummary,
        why: Text::SingleBidWhy,
    };
    share_panel(&oversight.single_bid, &texts, context)
}

fn failed_tenders(oversight: &Oversight, context: &Context) -> Panel {
    let texts = ShareTexts {
        id: "failed-tenders",
        flags: false,
        title: Text::FailedTitle,
        definition: Text::FailedDefinition,
        basis: Text::FailedBasis,
        axis: Text::FailedAxis,
        summary: Text::FailedSummary,
        why: Text::FailedWhy,
    };
    share_panel(&oversight.failed_tenders, &texts, context)
}

/// A panel of the packages an indicator flags as a share of those it could judge, the whole
/// first and then per unit.
fn share_panel(
    found: &Result<PackageShare, Missing>,
    texts: &ShareTexts,
    context: &Context,
) -> Panel {
    let lang = context.lang();
    let min = PackageShare::MIN_PACKAGES.to_string();
    let notes = vec![
        texts.definition.fill(lang, &[("min", &min)]),
        Text::OversightLegalBasis.fill(lang, &[("basis", texts.basis.get(lang))]),
    ];
    let (mut panel, found) = opened(found, texts.id, texts.title, notes, context);
    let Some(found) = found else {
        return panel;
    };
    let flagged = counted(&found.flagged);
    let overall = context.share(flagged, found.judged);
    panel.subtitle = match texts.flags {
        true => context.flagged_of(flagged, found.judged),
        false => Text::PackagesOf.fill(
            lang,
            &[
                ("part", &context.count(flagged)),
                ("whole", &context.count(found.judged)),
            ],
        ),
    };
    let counted_fact = match texts.flags {
        true => flagged_fact(flagged, context),
        false => fact(texts.axis.get(lang).to_owned(), context.count(flagged)),
    };
    panel.facts = vec![
        counted_fact,
        fact(
            Text::Share.get(lang).to_owned(),
            format_percent(overall, lang),
        ),
    ];
    let all = (
        Text::NonCompetitiveAll.get(lang).to_owned(),
        flagged,
        found.judged,
    );
    let (rows, hidden) = unit_share_bars(all, &found.by_unit, context);
    panel.hidden_rows = hidden;
    panel.chart = ChartSpec::Bars(BarSpec {
        rows,
        max: Some(1.0),
        threshold: None,
        tick_format: TickFormat::Percent,
        value_title: texts.axis.get(lang).to_owned(),
    });
    panel.summary = texts.summary.fill(
        lang,
        &[
            ("share", &format_percent(overall, lang)),
            ("flagged", &context.count(flagged)),
            ("judged", &context.count(found.judged)),
        ],
    );
    let why = texts.why.get(lang).to_owned();
    panel.table = flagged_table(&found.flagged, context, &|_| why.clone());
    panel
}

/// Bars of a share per unit, the whole first: (name, part, whole) rows.
fn unit_share_bars(
    all: (String, u64, u64),
    by_unit: &[(String, u64, u64)],
    context: &Context,
) -> (Vec<BarRow>, usize) {
    let lang = context.lang();
    let hidden = by_unit.len().saturating_sub(context.rows - 1);
    let rows = std::iter::once(&all)
        .chain(by_unit.iter())
        .take(context.rows)
        .map(|(unit, part, whole)| {
            let share = context.share(*part, *whole);
            let text = format_percent(share, lang);
            let lines = vec![
                text.clone(),
                Text::PackagesOf.fill(
                    lang,
                    &[
                        ("part", &context.count(*part)),
                        ("whole", &context.count(*whole)),
                    ],
                ),
            ];
            bar(unit.clone(), share.fraction(), text, lines)
        })
        .collect();
    (rows, hidden)
}

fn against_hps(oversight: &Oversight, context: &Context) -> Panel {
    let lang = context.lang();
    let notes = vec![
        Text::HpsDefinition.get(lang).to_owned(),
        Text::OversightLegalBasis.fill(lang, &[("basis", Text::HpsBasis.get(lang))]),
    ];
    let (mut panel, found) = opened(
        &oversight.against_hps,
        "against-hps",
        Text::HpsTitle,
        notes,
        context,
    );
    let Some(found) = found else {
        return panel;
    };
    let above = found.bands[0];
    panel.subtitle = context.flagged_of(above, found.judged);
    panel.facts = vec![
        warned(Text::HpsAbove.get(lang), above, context),
        fact(
            Text::HpsBandFirst.get(lang).to_owned(),
            context.count(found.bands[1]),
        ),
        fact(
            Text::PackagesJudged.get(lang).to_owned(),
            context.count(found.judged),
        ),
    ];
    let percent = |basis_points: i128| (basis_points / 100).to_string();
    let mut labels = vec![
        Text::HpsAbove.get(lang).to_owned(),
        Text::HpsBandFirst.get(lang).to_owned(),
    ];
    for pair in AgainstHps::BANDS.windows(2) {
        labels.push(Text::HpsBand.fill(
            lang,
            &[("from", &percent(pair[0])), ("to", &percent(pair[1]))],
        ));
    }
    labels.push(Text::HpsBandLast.get(lang).to_owned());
    let rows = labels
        .into_iter()
        .zip(found.bands)
        .map(|(label, count)| {
            let share = context.share(count, found.judged);
            let lines = vec![context.count(count), format_percent(share, lang)];
            bar(label, count as f64, context.count(count), lines)
        })
        .collect();
    panel.chart = ChartSpec::Bars(BarSpec {
        rows,
        max: None,
        threshold: None,
        tick_format: TickFormat::Count,
        value_title: Text::MeasureCount.get(lang).to_owned(),
    });
    panel.summary = Text::HpsSummary.fill(
        lang,
        &[
            ("above", &context.count(above)),
            ("judged", &context.count(found.judged)),
            ("close", &context.count(found.bands[1])),
        ],
    );
    panel.table = flagged_table(&found.flagged, context, &|flag| {
        Text::HpsWhy.fill(
            lang,
            &[
                ("contract", &context.money(flag.value)),
                (
                    "hps",
                    &flag.hps.map(|hps| context.money(hps)).unwrap_or_default(),
                ),
            ],
        )
    });
    panel
}

fn concentration(oversight: &Oversight, context: &Context) -> Panel {
    let lang = context.lang();
    let min = Concentration::MIN_CONTRACTS.to_string();
    let limit = Share::new(Concentration::FLAGGED_SHARE).unwrap_or_default();
    let notes = vec![
        Text::ConcentrationDefinition.fill(
            lang,
            &[("min", &min), ("share", &format_percent(limit, lang))],
        ),
        Text::OversightLegalBasis.fill(lang, &[("basis", Text::ConcentrationBasis.get(lang))]),
    ];
    let (mut panel, found) = opened(
        &oversight.concentration,
        "concentration",
        Text::ConcentrationTitle,
        notes,
        context,
    );
    let Some(found) = found else {
        return panel;
    };
    let listed = counted(&found.flagged);
    panel.subtitle = Text::LargestSupplierSubtitle.fill(
        lang,
        &[
            ("listed", &context.count(listed)),
            ("judged", &context.count(found.judged)),
        ],
    );
    let concentrated = found
        .by_unit
        .iter()
        .filter(|unit| unit.share() > Concentration::FLAGGED_SHARE)
        .count() as u64;
    panel.facts = vec![
        fact(
            Text::LargestSupplierPackages.get(lang).to_owned(),
            context.count(listed),
        ),
        Fact {
            label: Text::ConcentrationAxis.get(lang).to_owned(),
            value: format!(
                "> {}: {} / {}",
                format_percent(limit, lang),
                context.count(concentrated),
                context.count(found.by_unit.len() as u64)
            ),
            spoken: None,
            status: None,
        },
    ];
    panel.hidden_rows = found.by_unit.len().saturating_sub(context.rows);
    let share_of = |unit: &crate::analysis::oversight::UnitSupplier| {
        Share::new(unit.share()).unwrap_or_default()
    };
    let rows = found
        .by_unit
        .iter()
        .take(context.rows)
        .map(|unit| {
            let share = share_of(unit);
            let text = format_percent(share, lang);
            let line = Text::ConcentrationLine.fill(
                lang,
                &[
                    ("supplier", &unit.supplier),
                    ("share", &text),
                    ("total", &context.money(unit.total)),
                    ("contracts", &context.count(unit.contracts)),
                    ("suppliers", &context.count(unit.suppliers)),
                ],
            );
            bar(unit.unit.clone(), share.fraction(), text, vec![line])
        })
        .collect();
    panel.chart = ChartSpec::Bars(BarSpec {
        rows,
        max: Some(1.0),
        threshold: Some(Reference {
            value: Concentration::FLAGGED_SHARE,
            label: format_percent(limit, lang),
        }),
        tick_format: TickFormat::Percent,
        value_title: Text::ConcentrationAxis.get(lang).to_owned(),
    });
    panel.summary = match found.by_unit.first() {
        Some(top) => Text::ConcentrationSummary.fill(
            lang,
            &[
                ("unit", &top.unit),
                ("supplier", &top.supplier),
                ("share", &format_percent(share_of(top), lang)),
            ],
        ),
        None => Text::NoneFlagged.get(lang).to_owned(),
    };
    let shares: crate::hash::Map<&str, &crate::analysis::oversight::UnitSupplier> = found
        .by_unit
        .iter()
        .map(|unit| (unit.unit.as_str(), unit))
        .collect();
    panel.table = flagged_table(&found.flagged, context, &|flag| {
        let unit = flag.unit.as_deref().and_then(|unit| shares.get(unit));
        // A fact about the supplier, not a flag on it.
        Text::ConcentrationWhy.fill(
            lang,
            &[
                ("unit", flag.unit.as_deref().unwrap_or("")),
                ("supplier", flag.supplier.as_deref().unwrap_or("")),
                (
                    "share",
                    &unit
                        .map(|unit| format_percent(share_of(unit), lang))
                        .unwrap_or_default(),
                ),
            ],
        )
    });
    panel
}
