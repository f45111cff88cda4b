//! Views: what each tab shows, as panels of chart specs, key figures and summaries, in the
//! reader's language. Pure functions of the dataset; the browser layer only renders them.

pub mod compare;
pub mod export;
mod local_content;
pub mod measure;
mod oversight;
mod spending;
mod suppliers;
pub mod table;
mod targets;

use crate::chart::spec::ChartSpec;
use crate::chart::Locale;
use crate::i18n::{Lang, Text};
use crate::model::{Dataset, Meta, Provenance};
pub use compare::Compare;
pub use measure::Measure;

/// The four views of the widget (the `view` parameter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum View {
    /// Spending over the year and its breakdowns.
    #[default]
    Spending,
    /// PDN and UMK-K shares against their thresholds.
    LocalContent,
    /// Progress toward targets.
    Targets,
    /// Oversight indicators over package-level data.
    Oversight,
}

impl View {
    /// All views, in tab order.
    pub const ALL: [View; 4] = [
        View::Spending,
        View::LocalContent,
        View::Targets,
        View::Oversight,
    ];

    /// The `view` parameter value.
    pub fn code(self) -> &'static str {
        match self {
            View::Spending => "spending",
            View::LocalContent => "local-content",
            View::Targets => "targets",
            View::Oversight => "oversight",
        }
    }

    /// The view for a `view` parameter value.
    pub fn from_code(code: &str) -> Option<View> {
        View::ALL.into_iter().find(|view| view.code() == code)
    }

    /// The tab's name.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            View::Spending => Text::ViewSpending.get(lang),
            View::LocalContent => Text::ViewLocalContent.get(lang),
            View::Targets => Text::ViewTargets.get(lang),
            View::Oversight => Text::ViewOversight.get(lang),
        }
    }
}

/// A key figure shown beside a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// What it is.
    pub label: String,
    /// The value as printed.
    pub value: String,
    /// The value as spoken (long forms of money), when it differs.
    pub spoken: Option<String>,
    /// A status the fact conveys, if any (verdicts, thresholds).
    pub status: Option<Status>,
}

/// A judgement shown with a word and a symbol, never colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Meets the threshold or is on track.
    Good,
    /// At risk.
    Warning,
    /// Below the threshold, off track or missed.
    Bad,
}

/// One chart with its title, key figures and a summary for screen readers.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    /// Stable id, for element ids and tests.
    pub id: String,
    /// Title above the chart.
    pub title: String,
    /// A line under the title: what is counted, the stage of money, the year.
    pub subtitle: String,
    /// Key figures.
    pub facts: Vec<Fact>,
    /// The chart.
    pub chart: ChartSpec,
    /// What the chart shows, for screen readers (extremes, where a threshold stands).
    pub summary: String,
    /// Shown under the chart: legal basis and how to read it.
    pub notes: Vec<String>,
    /// Where the chart's figures come from: the sources they cite (else the publisher), and
    /// whether some are illustrative.
    pub source_line: String,
    /// The chart's numbers as a table.
    pub table: table::Table,
    /// How many rows are folded into "Lainnya" (zero when all are shown).
    pub hidden_rows: usize,
    /// Whether showing all lists every row in the table only (the chart is the same either way:
    /// the targets overview).
    pub expands_table: bool,
    /// Why the chart cannot be drawn (the data lacks a field it needs): shown in its place, and
    /// the chart and table are left empty.
    pub unavailable: Option<String>,
}

/// A bar chart shows at most this many rows unless expanded; the last one is "Lainnya".
pub const TOP_ROWS: usize = 10;

/// Expanded, a bar chart shows at most this many rows (the last one "Lainnya" when more are
/// left): a file with a hundred thousand spending units never builds a hundred thousand bars.
pub const MOST_ROWS: usize = 50;

/// Targets drawn as a chart each at most; the others share one overview panel.
pub const MOST_PANELS: usize = 12;

/// How many rows a breakdown shows, folded or expanded.
fn rows_shown(expanded: bool) -> usize {
    if expanded {
        MOST_ROWS
    } else {
        TOP_ROWS
    }
}

/// `Lainnya (12)` / `Others (12)`.
fn others_label(hidden: usize, lang: Lang) -> String {
    Text::OthersCount.fill(lang, &[("count", &hidden.to_string())])
}

/// The panels of a view, counting money; empty when the dataset has nothing for it. Long
/// breakdowns show their top rows and one "Lainnya" row unless `expanded`.
pub fn panels(dataset: &Dataset, view: View, lang: Lang, expanded: bool) -> Vec<Panel> {
    panels_of(dataset, view, lang, expanded, Measure::Value)
}

/// The panels of a view, the spending view counting `measure` (a file without amounts is
/// counted in packages whatever is asked).
pub fn panels_of(
    dataset: &Dataset,
    view: View,
    lang: Lang,
    expanded: bool,
    measure: Measure,
) -> Vec<Panel> {
    let locale = Locale {
        lang,
        currency: dataset.meta.currency.clone(),
    };
    let mut panels = view_panels(dataset, view, &locale, expanded, measure);
    // A year the file does not give is assumed: every chart titled by it says so.
    // A file that is one page of a longer answer: every figure is of part of the data.
    if dataset.meta.partial {
        for panel in &mut panels {
            panel.notes.push(Text::PartialFile.get(lang).to_owned());
        }
    }
    if dataset.meta.year_assumed && view != View::Targets {
        let year = dataset.meta.fiscal_year.to_string();
        for panel in &mut panels {
            panel
                .notes
                .push(Text::YearAssumed.fill(lang, &[("year", &year)]));
        }
    }
    panels
}

fn view_panels(
    dataset: &Dataset,
    view: View,
    locale: &Locale,
    expanded: bool,
    measure: Measure,
) -> Vec<Panel> {
    let (lang, locale) = (locale.lang, locale);
    match view {
        View::Spending => dataset
            .spending
            .as_ref()
            .map(|spending| spending::panels(spending, locale, &dataset.meta, expanded, measure))
            .unwrap_or_default(),
        View::LocalContent => dataset
            .local_content
            .as_ref()
            .map(|content| local_content::panels(content, locale, &dataset.meta, expanded))
            .unwrap_or_default(),
        View::Targets => {
            let (first, rest) = dataset
                .targets
                .split_at(dataset.targets.len().min(MOST_PANELS));
            let mut panels: Vec<Panel> = first
                .iter()
                .map(|target| targets::panel(target, lang, &dataset.meta))
                .collect();
            if !rest.is_empty() {
                panels.push(targets::overview(rest, lang, &dataset.meta, expanded));
            }
            panels
        }
        View::Oversight => dataset
            .oversight
            .as_ref()
            .map(|oversight| oversight::panels(oversight, locale, &dataset.meta, expanded))
            .unwrap_or_default(),
    }
}

/// ` *` after an illustrative figure.
fn star(illustrative: bool) -> &'static str {
    if illustrative {
        " *"
    } else {
        ""
    }
}

/// The currency as an axis title shows it: `Rp` / `IDR`, or the ISO code.
fn currency_label(locale: &Locale) -> &str {
    match (locale.currency.is_idr(), locale.lang) {
        (true, Lang::Id) => "Rp",
        _ => locale.currency.code(),
    }
}

/// Cited source titles named in a source line at most; the rest are counted ("and 12 more").
pub const SOURCES_NAMED: usize = 5;

/// `Sumber: <cited sources, else the publisher>`, and `* ilustratif` when a figure is. Work
/// grows with the figures and the sources, never with their product (a file may list tens of
/// thousands of each).
fn source_line<'a>(
    provenances: impl IntoIterator<Item = &'a Provenance>,
    meta: &Meta,
    lang: Lang,
) -> String {
    // The ids cited, in the order first cited; then the titles of just those (a file may list
    // hundreds of thousands of sources, and this runs for every panel).
    let mut ids: Vec<&str> = Vec::new();
    let mut wanted: crate::hash::Set<&str> = Default::default();
    let mut illustrative = false;
    for provenance in provenances {
        illustrative |= provenance.illustrative;
        if let Some(id) = provenance.source.as_deref().filter(|id| wanted.insert(id)) {
            ids.push(id);
        }
    }
    let mut titles: crate::hash::Map<&str, &str> = Default::default();
    if !wanted.is_empty() {
        for source in meta.sources.iter() {
            if wanted.contains(source.id.as_str()) {
                // The first source of an id counts, as validation keeps only the first.
                titles
                    .entry(source.id.as_str())
                    .or_insert(source.title.as_str());
            }
        }
    }
    let mut cited: Vec<&str> = Vec::new();
    let mut seen: crate::hash::Set<&str> = Default::default();
    for id in ids {
        if let Some(title) = titles.get(id).copied().filter(|title| seen.insert(title)) {
            cited.push(title);
        }
    }
    let mut line = String::new();
    if cited.is_empty() {
        // No cited source and no known publisher: nothing to name (never "Sumber: –").
        if let Some(publisher) = meta.known_publisher() {
            line = format!("{}: {publisher}", Text::Source.get(lang));
        }
    } else {
        line = format!("{}: ", Text::Source.get(lang));
        let more = cited.len().saturating_sub(SOURCES_NAMED);
        cited.truncate(SOURCES_NAMED);
        line.push_str(&cited.join("; "));
        if more > 0 {
            let count = crate::i18n::format_count(more as i64, lang);
            line.push_str("; ");
            line.push_str(&Text::AndMore.fill(lang, &[("count", &count)]));
        }
    }
    if illustrative || meta.illustrative {
        if !line.is_empty() {
            line.push_str(". ");
        }
        line.push_str(&format!("* {}", Text::IllustrativeMark.get(lang)));
    }
    line
}
