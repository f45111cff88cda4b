//! The split-packages panel: clusters of direct purchases of one unit, type and name that
//! started within a month of each other, each under the ceiling and together above it.

use super::{
    bar, fact, flagged_table, opened, thresholds_of, warned, Context, Oversight, Panel, Rule,
};
use crate::analysis::oversight::{SplitPackages, FILLER_WORDS, WINDOW_DAYS};
use crate::chart::spec::{BarSpec, ChartSpec, Reference, TickFormat};
use crate::i18n::{format_date, format_decimal, Text};
use crate::model::Rupiah;

pub(super) fn split_packages(oversight: &Oversight, context: &Context) -> Panel {
    let lang = context.lang();
    let notes = vec![
        Text::SplitDefinition.fill(
            lang,
            &[
                ("days", &WINDOW_DAYS.to_string()),
                ("words", &FILLER_WORDS.join(", ")),
            ],
        ),
        Text::OversightLegalBasis.fill(lang, &[("basis", Text::BunchingBasis.get(lang))]),
        thresholds_of(Rule::DirectPurchaseCeiling, context.locale),
        Text::ValueJudgedCeiling.get(lang).to_owned(),
    ];
    let (mut panel, found) = opened(
        &oversight.split_packages,
        "split-packages",
        Text::SplitTitle,
        notes,
        context,
    );
    let Some(found) = found else {
        return panel;
    };
    let clusters = found.clusters.len() as u64;
    let packages = found
        .flagged()
        .fold(0u64, |sum, (_, flag)| sum.saturating_add(flag.count));
    panel.subtitle = Text::SplitSubtitle.fill(
        lang,
        &[
            ("clusters", &context.count(clusters)),
            ("packages", &context.count(packages)),
            ("judged", &context.count(found.judged)),
        ],
    );
    panel.facts = vec![
        warned(Text::SplitClusters.get(lang), clusters, context),
        fact(Text::SplitPackagesFact.get(lang), context.count(packages)),
        fact(Text::PackagesJudged.get(lang), context.count(found.judged)),
    ];
    panel.hidden_rows = found.clusters.len().saturating_sub(context.rows);
    let rows = found
        .clusters
        .iter()
        .take(context.rows)
        .map(|cluster| {
            // A multiple of the ceiling (a share would stop at 100%).
            let against = cluster.total.0 as f64 / cluster.ceiling.amount.max(1) as f64;
            let text =
                Text::TimesCeiling.fill(lang, &[("times", &format_decimal(against, 1, lang))]);
            let unit = cluster.packages[0].unit.clone().unwrap_or_default();
            let line = cluster_line(cluster, context);
            bar(
                format!("{unit}: {}", cluster.name),
                against,
                text,
                vec![line],
            )
        })
        .collect();
    panel.chart = ChartSpec::Bars(BarSpec {
        rows,
        max: None,
        threshold: Some(Reference {
            value: 1.0,
            label: Text::SplitCeiling.get(lang).to_owned(),
        }),
        tick_format: TickFormat::Count,
        value_title: Text::SplitAxis.get(lang).to_owned(),
    });
    panel.summary = summary(found, context);
    // Each package's line is its cluster's (carried in the copy's reason, which this table
    // shows in place of a reason for not reserving).
    let every: Vec<crate::analysis::oversight::Flagged> = found
        .flagged()
        .map(|(cluster, flag)| crate::analysis::oversight::Flagged {
            reason: Some(cluster_line(cluster, context).into_boxed_str()),
            ..flag.clone()
        })
        .collect();
    let reason_of = |flag: &crate::analysis::oversight::Flagged| {
        flag.reason.as_deref().unwrap_or("").to_owned()
    };
    panel.table = flagged_table(&every, context, &reason_of);
    panel
}

/// `kelompok «pengadaan atk»: 3 paket, Rp450 jt terhadap batas Rp200 jt, 2 Mar–28 Mar 2024`.
fn cluster_line(cluster: &crate::analysis::oversight::SplitCluster, context: &Context) -> String {
    let lang = context.lang();
    Text::SplitWhy.fill(
        lang,
        &[
            ("name", &cluster.name),
            ("count", &context.count(cluster.packages.len() as u64)),
            ("total", &context.money(cluster.total)),
            ("limit", &context.money(Rupiah(cluster.ceiling.amount))),
            ("first", &format_date(cluster.first, lang)),
            ("last", &format_date(cluster.last, lang)),
        ],
    )
}

fn summary(found: &SplitPackages, context: &Context) -> String {
    let lang = context.lang();
    match found.clusters.first() {
        Some(top) => Text::SplitSummary.fill(
            lang,
            &[
                ("clusters", &context.count(found.clusters.len() as u64)),
                ("judged", &context.count(found.judged)),
                ("top", &cluster_line(top, context)),
            ],
        ),
        None => Text::SplitNone.fill(lang, &[("judged", &context.count(found.judged))]),
    }
}
