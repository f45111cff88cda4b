//! The targets view: achieved so far, the linear projection to the deadline, the required pace
//! and a verdict.

use super::table::{Cell, Table};
use super::{star, Fact, Panel, Status};
use crate::analysis::progress::{progress, projected_on, Verdict};
use crate::chart::spec::{
    BarRow, BarSpec, ChartSpec, LineSeries, LineSpec, PointMark, Reference, Role, Stroke,
    TickFormat, Tip,
};
use crate::i18n::{
    format_count, format_count_compact, format_date, format_decimal, format_percent, month_name,
    verdict_name, Lang, Text,
};
use crate::model::{CivilDate, Meta, Share, Target};

fn with_unit(value: i64, target: &Target, lang: Lang) -> String {
    if target.unit.is_empty() {
        format_count(value, lang)
    } else {
        format!("{} {}", format_count(value, lang), target.unit)
    }
}

fn day(target: &Target, date: CivilDate) -> f64 {
    target.start.days_until(date) as f64
}

pub fn panel(target: &Target, lang: Lang, meta: &Meta) -> Panel {
    let progress = progress(target);
    let mark = star(target.provenance.illustrative);
    let achieved_text = with_unit(target.achieved, target, lang);
    let projected_text = with_unit(progress.projected, target, lang);
    let target_text = with_unit(target.target, target, lang);
    let as_of = format_date(target.as_of, lang);
    let deadline = format_date(target.deadline, lang);
    let verdict = verdict_name(progress.verdict, lang);
    let status = match progress.verdict {
        Verdict::Reached | Verdict::OnTrack => Status::Good,
        Verdict::AtRisk => Status::Warning,
        Verdict::OffTrack | Verdict::Missed => Status::Bad,
    };
    let per_day = |pace: f64| {
        format!(
            "{} {}",
            format_decimal(pace, 0, lang),
            Text::PerDay.get(lang)
        )
    };

    let start = (day(target, target.start), target.baseline as f64);
    let now = (day(target, target.as_of), target.achieved as f64);
    let end_x = day(target, target.deadline);
    let projection_end = projected_on(target, &progress, target.deadline) as f64;
    let mut series = vec![LineSeries {
        points: vec![start, now],
        stroke: Stroke::Solid,
        role: Role::Primary,
        end_label: None,
        name: Some(Text::Achieved.get(lang).to_owned()),
    }];
    if progress.remaining_days > 0 {
        series.push(LineSeries {
            points: vec![now, (end_x, projection_end)],
            stroke: Stroke::Dashed,
            role: Role::Primary,
            end_label: Some(format!(
                "{} {}",
                Text::Projection.get(lang),
                format_count_compact(progress.projected, lang)
            )),
            name: Some(Text::Projection.get(lang).to_owned()),
        });
        if progress.required_pace_per_day.is_some() {
            series.push(LineSeries {
                points: vec![now, (end_x, target.target as f64)],
                stroke: Stroke::Dotted,
                role: Role::Warning,
                end_label: None,
                name: Some(Text::RequiredPace.get(lang).to_owned()),
            });
        }
    }
    let target_reference = format!(
        "{} {}",
        Text::Target.get(lang),
        format_count_compact(target.target, lang)
    );
    let achieved_share = format_percent(progress.achieved_share, lang);
    let projected_share = format_percent(progress.projected_share, lang);
    let mut points = vec![PointMark {
        at: now,
        hollow: target.provenance.illustrative,
        layer: Some(Text::Achieved.get(lang).to_owned()),
        tip: Tip {
            drill: None,
            title: format!("{} {as_of}", Text::Achieved.get(lang)),
            lines: vec![
                format!("{achieved_text}{mark}"),
                Text::ShareOfTarget.fill(lang, &[("share", &achieved_share)]),
            ],
            spoken: Text::PointSpoken.fill(
                lang,
                &[
                    ("point", Text::Achieved.get(lang)),
                    ("date", &as_of),
                    ("value", &achieved_text),
                    ("share", &achieved_share),
                ],
            ),
        },
    }];
    if progress.remaining_days > 0 {
        points.push(PointMark {
            at: (end_x, projection_end),
            hollow: true,
            layer: Some(Text::Projection.get(lang).to_owned()),
            tip: Tip {
                drill: None,
                title: format!("{} {deadline}", Text::Projection.get(lang)),
                lines: vec![
                    projected_text.clone(),
                    Text::ShareOfTarget.fill(lang, &[("share", &projected_share)]),
                ],
                spoken: Text::PointSpoken.fill(
                    lang,
                    &[
                        ("point", Text::Projection.get(lang)),
                        ("date", &deadline),
                        ("value", &projected_text),
                        ("share", &projected_share),
                    ],
                ),
            },
        });
    }
    points.push(PointMark {
        at: (end_x, target.target as f64),
        hollow: false,
        layer: Some(target_reference.clone()),
        tip: Tip {
            drill: None,
            title: format!("{} {deadline}", Text::Target.get(lang)),
            lines: vec![
                target_text.clone(),
                target.legal_basis.clone().unwrap_or_default(),
            ]
            .into_iter()
            .filter(|line| !line.is_empty())
            .collect(),
            spoken: format!("{} {deadline}: {target_text}", Text::Target.get(lang)),
        },
    });
    let x_ticks = month_ticks(target, lang);
    let y_title = if target.unit.is_empty() {
        Text::Value.get(lang).to_owned()
    } else {
        target.unit.clone()
    };
    let chart = ChartSpec::Lines(LineSpec {
        x_range: (0.0, end_x.max(1.0)),
        x_ticks,
        y_max: target.target as f64,
        y_format: TickFormat::Count,
        columns: Vec::new(),
        column_width: 0.0,
        columns_name: None,
        series,
        references: vec![Reference {
            value: target.target as f64,
            label: target_reference,
        }],
        points,
        x_title: Text::Date.get(lang).to_owned(),
        y_title: y_title.clone(),
    });
    let share_of_target =
        |value: i64| Share::new(value as f64 / target.target as f64).unwrap_or_default();
    let mut rows = vec![(Text::Achieved, target.as_of, target.achieved)];
    if progress.remaining_days > 0 {
        rows.push((Text::Projection, target.deadline, progress.projected));
    }
    rows.push((Text::Target, target.deadline, target.target));
    let table = Table {
        columns: vec![
            (Text::Item.get(lang).to_owned(), false),
            (Text::Date.get(lang).to_owned(), true),
            (y_title.clone(), true),
            (Text::PercentOfTarget.get(lang).to_owned(), true),
        ],
        rows: rows
            .into_iter()
            .map(|(what, date, value)| {
                vec![
                    Cell::text(what.get(lang)),
                    Cell::date(format_date(date, lang), date),
                    Cell::count(format_count(value, lang), value),
                    Cell::share(
                        format_percent(share_of_target(value), lang),
                        share_of_target(value),
                    ),
                ]
            })
            .collect(),
    };
    let mut facts = vec![
        Fact {
            label: format!("{} ({as_of})", Text::Achieved.get(lang)),
            value: format!("{achieved_text}{mark}"),
            spoken: None,
            status: None,
        },
        Fact {
            label: format!("{} ({deadline})", Text::Target.get(lang)),
            value: target_text.clone(),
            spoken: None,
            status: None,
        },
        Fact {
            label: Text::StatusLabel.get(lang).to_owned(),
            value: verdict.to_owned(),
            spoken: None,
            status: Some(status),
        },
    ];
    if progress.remaining_days > 0 {
        facts.insert(
            2,
            Fact {
                label: format!("{} ({deadline})", Text::Projection.get(lang)),
                value: format!(
                    "{projected_text} ({})",
                    format_percent(progress.projected_share, lang)
                ),
                spoken: None,
                status: None,
            },
        );
        facts.push(Fact {
            label: Text::PaceSoFar.get(lang).to_owned(),
            value: per_day(progress.pace_per_day),
            spoken: None,
            status: None,
        });
    }
    if let Some(required) = progress.required_pace_per_day {
        let ratio = progress
            .pace_ratio
            .map(|ratio| format!(" ({}×)", format_decimal(ratio, 1, lang)))
            .unwrap_or_default();
        facts.push(Fact {
            label: Text::RequiredPace.get(lang).to_owned(),
            value: format!("{}{ratio}", per_day(required)),
            spoken: None,
            status: None,
        });
    }
    // Whole sentences, one after another.
    let mut sentences = vec![Text::TargetSummary.fill(
        lang,
        &[
            ("label", &target.label),
            ("achieved", &achieved_text),
            ("as_of", &as_of),
            ("share", &achieved_share),
            ("target", &target_text),
            ("deadline", &deadline),
        ],
    )];
    if progress.remaining_days > 0 {
        let projected = [("projected", projected_text.as_str())];
        sentences.push(Text::TargetProjection.fill(lang, &projected));
    }
    if let Some(required) = progress.required_pace_per_day {
        sentences.push(Text::TargetRequiredPace.fill(lang, &[("pace", &per_day(required))]));
    }
    sentences.push(Text::TargetStatus.fill(lang, &[("verdict", verdict)]));
    let summary = sentences.join(" ");
    let mut notes = Vec::new();
    if let Some(basis) = &target.legal_basis {
        notes.push(format!("{}: {basis}", Text::LegalBasis.get(lang)));
    }
    notes.push(Text::ProjectionNote.get(lang).to_owned());
    Panel {
        id: format!("target-{}", target.id),
        title: target.label.clone(),
        subtitle: Text::TargetSubtitle
            .fill(lang, &[("deadline", &deadline), ("target", &target_text)]),
        facts,
        chart,
        summary,
        notes,
        source_line: super::source_line([&target.provenance], meta, lang),
        table,
        hidden_rows: 0,
        expands_table: false,
        unavailable: None,
    }
}

/// Ticks at the first day of each month between start and deadline.
fn month_ticks(target: &Target, lang: Lang) -> Vec<(f64, String)> {
    let mut ticks = Vec::new();
    let (mut year, mut month) = (target.start.year(), target.start.month());
    while let Some(first) = CivilDate::new(year, month, 1) {
        if first > target.deadline || ticks.len() > 240 {
            break;
        }
        if first >= target.start {
            let label = if month == 1 && !ticks.is_empty() {
                format!("{year}")
            } else {
                month_name(month, lang, true).to_owned()
            };
            ticks.push((day(target, first), label));
        }
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    ticks
}

/// The targets after the first [`super::MOST_PANELS`], in one panel: each target's achieved
/// share as a bar (at most [`super::MOST_ROWS`] bars, furthest behind first, the rest folded),
/// the same targets in the table, and every one of them there once the reader expands it
/// (`expanded`), so that a file with thousands of targets never builds thousands of charts, nor
/// a table of them before it is asked for.
pub fn overview(targets: &[Target], lang: Lang, meta: &Meta, expanded: bool) -> Panel {
    let mut rows: Vec<(&Target, Share, Verdict)> = targets
        .iter()
        .map(|target| {
            let progress = progress(target);
            (target, progress.achieved_share, progress.verdict)
        })
        .collect();
    rows.sort_by(|a, b| a.1.fraction().total_cmp(&b.1.fraction()));
    let bar = |label: String, share: Share, status: Option<&str>| {
        let share_text = format_percent(share, lang);
        let value_text = match status {
            Some(status) => format!("{share_text} · {status}"),
            None => share_text.clone(),
        };
        BarRow {
            tip: Tip {
                title: label.clone(),
                lines: vec![value_text.clone()],
                spoken: Text::BarOfTarget.fill(lang, &[("label", &label), ("share", &share_text)]),
                drill: None,
            },
            label,
            value: share.fraction(),
            value_text,
            value_short: share_text,
            below_threshold: false,
        }
    };
    let most = super::MOST_ROWS;
    let charted = if rows.len() > most { most - 1 } else { most };
    let mut bars: Vec<BarRow> = rows
        .iter()
        .take(charted)
        .map(|(target, share, verdict)| {
            let mut row = bar(
                target.label.clone(),
                *share,
                Some(verdict_name(*verdict, lang)),
            );
            row.below_threshold = matches!(verdict, Verdict::OffTrack | Verdict::Missed);
            row
        })
        .collect();
    let hidden_rows = if rows.len() > most {
        rows.len() - (most - 1)
    } else {
        0
    };
    if hidden_rows > 0 {
        // The folded targets' mean achieved share.
        let rest = &rows[most - 1..];
        let mean = rest
            .iter()
            .map(|(_, share, _)| share.fraction())
            .sum::<f64>()
            / rest.len() as f64;
        bars.push(bar(
            super::others_label(hidden_rows, lang),
            Share::new(mean).unwrap_or_default(),
            None,
        ));
    }
    let count = format_count(targets.len() as i64, lang);
    let title = Text::OtherTargets.fill(lang, &[("count", &count)]);
    let table = Table {
        columns: vec![
            (Text::Target.get(lang).to_owned(), false),
            (Text::Deadline.get(lang).to_owned(), true),
            (Text::Achieved.get(lang).to_owned(), true),
            (Text::Target.get(lang).to_owned(), true),
            (Text::PercentOfTarget.get(lang).to_owned(), true),
            (Text::StatusLabel.get(lang).to_owned(), false),
        ],
        rows: rows
            .iter()
            .take(if expanded { rows.len() } else { charted })
            .map(|(target, share, verdict)| {
                vec![
                    Cell::text(format!(
                        "{}{}",
                        target.label,
                        star(target.provenance.illustrative)
                    )),
                    Cell::date(format_date(target.deadline, lang), target.deadline),
                    Cell::count(with_unit(target.achieved, target, lang), target.achieved),
                    Cell::count(with_unit(target.target, target, lang), target.target),
                    Cell::share(format_percent(*share, lang), *share),
                    Cell::text(verdict_name(*verdict, lang)),
                ]
            })
            .collect(),
    };
    let behind = rows
        .iter()
        .filter(|(_, _, verdict)| matches!(verdict, Verdict::OffTrack | Verdict::Missed))
        .count();
    let summary = if expanded {
        Text::OtherTargetsSummary
    } else {
        Text::OtherTargetsSummaryCharted
    };
    let behind_count = format_count(behind as i64, lang);
    let summary = summary.fill(lang, &[("count", &count), ("behind", &behind_count)]);
    Panel {
        id: "targets-more".to_owned(),
        title,
        subtitle: Text::OtherTargetsSubtitle.get(lang).to_owned(),
        facts: vec![Fact {
            label: Text::OtherTargetsBehind.get(lang).to_owned(),
            value: format_count(behind as i64, lang),
            spoken: None,
            status: (behind > 0).then_some(Status::Bad),
        }],
        chart: ChartSpec::Bars(BarSpec {
            rows: bars,
            max: Some(1.0),
            threshold: None,
            tick_format: TickFormat::Percent,
            value_title: Text::PercentOfTarget.get(lang).to_owned(),
        }),
        summary,
        notes: Vec::new(),
        source_line: super::source_line(
            targets.iter().map(|target| &target.provenance),
            meta,
            lang,
        ),
        table,
        hidden_rows,
        expands_table: true,
        unavailable: None,
    }
}
