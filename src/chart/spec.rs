//! What a chart shows, in data units and reader's words; no pixels yet.

/// How a line is stroked; dashes carry meaning so that colour is never the only cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stroke {
    /// Solid: measured values.
    Solid,
    /// Dashed: projections.
    Dashed,
    /// Dotted: what would be needed.
    Dotted,
}

/// Which theme colour a series takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The main measure.
    Primary,
    /// A secondary measure.
    Secondary,
    /// Below a threshold.
    Warning,
    /// A reference (target, threshold, pagu).
    Reference,
}

/// What a reader gets from a data mark: on hover, tap and keyboard focus, and as its spoken name.
#[derive(Debug, Clone, PartialEq)]
pub struct Tip {
    /// The heading: the category or period.
    pub title: String,
    /// Lines under it: the exact value, its share, its period.
    pub lines: Vec<String>,
    /// The whole as one sentence for screen readers (long forms of money).
    pub spoken: String,
    /// The spending unit that activating the mark drills down into, if any.
    pub drill: Option<String>,
}

/// One horizontal bar.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    /// The category, shown above the bar.
    pub label: String,
    /// Length of the bar in data units (finite, zero or more).
    pub value: f64,
    /// The value as printed at the end of the bar.
    pub value_text: String,
    /// The value in few words, printed where the whole text does not fit (a narrow chart).
    pub value_short: String,
    /// Whether the row is below its threshold (drawn in the warning colour, and said in text).
    pub below_threshold: bool,
    /// What a reader gets from the bar.
    pub tip: Tip,
}

/// A reference line across a chart (a threshold, a target, a pagu).
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    /// Where, in data units.
    pub value: f64,
    /// Its label, printed by the line.
    pub label: String,
}

/// Horizontal bars, one row per category.
#[derive(Debug, Clone, PartialEq)]
pub struct BarSpec {
    /// Rows from top to bottom.
    pub rows: Vec<BarRow>,
    /// Upper end of the value axis, if fixed (1.0 for shares); else from the data.
    pub max: Option<f64>,
    /// A threshold line.
    pub threshold: Option<Reference>,
    /// Tick labels for the value axis: each tick value printed by the caller's formatter.
    pub tick_format: TickFormat,
    /// Title of the value axis.
    pub value_title: String,
}

/// How axis ticks are printed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TickFormat {
    /// Money in compact form in the given language and currency of the dataset.
    Money,
    /// A share as a percentage.
    Percent,
    /// A count in compact form.
    Count,
}

/// One series of a line chart.
#[derive(Debug, Clone, PartialEq)]
pub struct LineSeries {
    /// Points in data units (finite).
    pub points: Vec<(f64, f64)>,
    /// Stroke.
    pub stroke: Stroke,
    /// Colour role.
    pub role: Role,
    /// Label printed at the last point, if any.
    pub end_label: Option<String>,
    /// Its name in the legend; unnamed series are always drawn.
    pub name: Option<String>,
}

/// A point a reader can hover and focus.
#[derive(Debug, Clone, PartialEq)]
pub struct PointMark {
    /// Where, in data units.
    pub at: (f64, f64),
    /// Drawn hollow when illustrative.
    pub hollow: bool,
    /// The legend name of the series or columns it belongs to (hidden with them).
    pub layer: Option<String>,
    /// What a reader gets from it.
    pub tip: Tip,
}

/// Vertical bars standing on the x axis (monthly amounts under a cumulative line).
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Centre, in x data units.
    pub x: f64,
    /// Height, in y data units.
    pub value: f64,
}

/// A line chart over a numeric x axis (months, days).
#[derive(Debug, Clone, PartialEq)]
pub struct LineSpec {
    /// x data range.
    pub x_range: (f64, f64),
    /// x ticks: position and label.
    pub x_ticks: Vec<(f64, String)>,
    /// Upper end of the y axis wanted at least (the axis rounds up from it).
    pub y_max: f64,
    /// How y ticks are printed.
    pub y_format: TickFormat,
    /// Columns drawn first.
    pub columns: Vec<Column>,
    /// Width of a column in x data units.
    pub column_width: f64,
    /// The columns' name in the legend.
    pub columns_name: Option<String>,
    /// Lines.
    pub series: Vec<LineSeries>,
    /// Horizontal reference lines.
    pub references: Vec<Reference>,
    /// Points for hover and focus, in reading order.
    pub points: Vec<PointMark>,
    /// Title of the x axis.
    pub x_title: String,
    /// Title of the y axis.
    pub y_title: String,
}

/// Any chart the widget draws.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartSpec {
    /// Horizontal bars.
    Bars(BarSpec),
    /// Lines over time.
    Lines(LineSpec),
}

/// What a legend entry stands for, and so how its swatch is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegendSwatch {
    /// A line with this stroke and colour.
    Line(Stroke, Role),
    /// A column.
    Column,
    /// A dashed reference line.
    Reference,
}

/// One entry of a line chart's legend; the reader can hide and show what it names.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    /// The name, unique within the chart.
    pub name: String,
    /// How its swatch looks.
    pub swatch: LegendSwatch,
}

impl LineSpec {
    /// The legend: named series, the columns and the reference lines, in drawing order.
    pub fn legend(&self) -> Vec<LegendEntry> {
        let columns = self
            .columns_name
            .iter()
            .filter(|_| !self.columns.is_empty())
            .map(|name| LegendEntry {
                name: name.clone(),
                swatch: LegendSwatch::Column,
            });
        let series = self.series.iter().filter_map(|series| {
            Some(LegendEntry {
                name: series.name.clone()?,
                swatch: LegendSwatch::Line(series.stroke, series.role),
            })
        });
        let references = self.references.iter().map(|reference| LegendEntry {
            name: reference.label.clone(),
            swatch: LegendSwatch::Reference,
        });
        columns.chain(series).chain(references).collect()
    }

    /// The chart without the layers named in `hidden` (and without their points).
    pub fn without(&self, hidden: &[String]) -> LineSpec {
        let shown = |name: &Option<String>| name.as_ref().is_none_or(|name| !hidden.contains(name));
        let mut spec = self.clone();
        if !shown(&spec.columns_name) {
            spec.columns.clear();
        }
        spec.series.retain(|series| shown(&series.name));
        spec.references
            .retain(|reference| !hidden.contains(&reference.label));
        spec.points.retain(|point| shown(&point.layer));
        spec
    }
}
