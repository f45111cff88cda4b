//! Spending over the year: cumulative against the pagu, and breakdowns with shares.

use crate::model::{Breakdown, Rupiah, Share, Spending, YearMonth};

/// One month of the cumulative series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CumulativePoint {
    /// The month.
    pub month: YearMonth,
    /// Spent in that month.
    pub amount: Rupiah,
    /// Spent from the first month up to and including this one.
    pub cumulative: Rupiah,
    /// `cumulative` as a share of the pagu, when there is a pagu.
    pub of_pagu: Option<Share>,
    /// Whether the month's figure is illustrative.
    pub illustrative: bool,
}

/// Cumulative spending by month. Stops (and returns what it has) if the sum would overflow.
pub fn cumulative(spending: &Spending) -> Vec<CumulativePoint> {
    let pagu = spending.pagu.as_ref().map(|pagu| pagu.value);
    let mut running = Rupiah::ZERO;
    let mut points = Vec::with_capacity(spending.monthly.len());
    for month in &spending.monthly {
        let Some(next) = running.checked_add(month.amount) else {
            break;
        };
        running = next;
        points.push(CumulativePoint {
            month: month.month,
            amount: month.amount,
            cumulative: running,
            of_pagu: pagu.and_then(|pagu| Share::of(running, pagu)),
            illustrative: month.provenance.illustrative,
        });
    }
    points
}

/// One bar of a breakdown.
#[derive(Debug, Clone, PartialEq)]
pub struct Part<K> {
    /// The category.
    pub key: K,
    /// Its amount.
    pub amount: Rupiah,
    /// Its share of the breakdown's total.
    pub share: Share,
    /// Number of packages, if published.
    pub packages: Option<u64>,
    /// Whether the figure is illustrative.
    pub illustrative: bool,
}

/// A breakdown sorted by amount (largest first), with each part's share of the total.
/// `None` if the total overflows or is zero.
pub fn breakdown<K: Clone + Ord>(rows: &[Breakdown<K>]) -> Option<(Rupiah, Vec<Part<K>>)> {
    let total =
        Rupiah::checked_sum(rows.iter().map(|row| row.amount)).filter(|total| total.0 > 0)?;
    let mut parts: Vec<Part<K>> = rows
        .iter()
        .map(|row| {
            Some(Part {
                key: row.key.clone(),
                amount: row.amount,
                share: Share::of(row.amount, total)?,
                packages: row.packages,
                illustrative: row.provenance.illustrative,
            })
        })
        .collect::<Option<_>>()?;
    parts.sort_by(|a, b| b.amount.cmp(&a.amount).then(a.key.cmp(&b.key)));
    Some((total, parts))
}

/// The parts of a breakdown after its largest, taken together.
#[derive(Debug, Clone, PartialEq)]
pub struct Rest {
    /// How many parts.
    pub count: usize,
    /// Their amount (saturated if it overflows).
    pub amount: Rupiah,
    /// Their share of the total.
    pub share: Share,
    /// Their number of packages, if every one has it.
    pub packages: Option<u64>,
    /// Whether any is illustrative.
    pub illustrative: bool,
}

/// A breakdown's total, its largest parts and the others taken together.
pub type Largest<'a, K> = (Rupiah, Vec<Part<&'a K>>, Option<Rest>);

/// The `count` largest parts of a breakdown in [`breakdown`]'s order, and the others taken
/// together (`None` when there are no others), without sorting or copying the others: work
/// grows with the number of rows. `None` if the total overflows or is zero.
pub fn largest<K: Ord>(rows: &[Breakdown<K>], count: usize) -> Option<Largest<'_, K>> {
    let total =
        Rupiah::checked_sum(rows.iter().map(|row| row.amount)).filter(|total| total.0 > 0)?;
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let largest_first = |a: &usize, b: &usize| {
        let (a, b) = (&rows[*a], &rows[*b]);
        b.amount.cmp(&a.amount).then(a.key.cmp(&b.key))
    };
    let mut others = Vec::new();
    if order.len() > count {
        order.select_nth_unstable_by(count, largest_first);
        others = order.split_off(count);
    }
    order.sort_by(largest_first);
    let part = |index: usize| {
        let row = &rows[index];
        Some(Part {
            key: &row.key,
            amount: row.amount,
            share: Share::of(row.amount, total)?,
            packages: row.packages,
            illustrative: row.provenance.illustrative,
        })
    };
    let parts = order.into_iter().map(part).collect::<Option<Vec<_>>>()?;
    let rest = (!others.is_empty()).then(|| {
        let amount = Rupiah::checked_sum(others.iter().map(|index| rows[*index].amount))
            .unwrap_or(Rupiah(i64::MAX));
        Rest {
            count: others.len(),
            amount,
            share: Share::of(amount, total).unwrap_or_default(),
            packages: others.iter().map(|index| rows[*index].packages).sum(),
            illustrative: others
                .iter()
                .any(|index| rows[*index].provenance.illustrative),
        }
    });
    Some((total, parts, rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Figure, Method, MonthlyAmount, Provenance, Stage};

    fn month(text: &str, amount: i64) -> MonthlyAmount {
        MonthlyAmount {
            month: YearMonth::parse(text).unwrap(),
            amount: Rupiah(amount),
            packages: None,
            provenance: Provenance::default(),
        }
    }

    fn spending(monthly: Vec<MonthlyAmount>) -> Spending {
        Spending {
            label: String::new(),
            fiscal_year: 2024,
            stage: Stage::Realisasi,
            pagu: Some(Figure {
                value: Rupiah(1_000),
                provenance: Provenance::default(),
            }),
            monthly,
            by_method: vec![],
            by_type: vec![],
            by_unit: vec![],
            by_region: vec![],
            by_government: vec![],
            suppliers: Default::default(),
            outside_line: Vec::new(),
            unsaid: Default::default(),
        }
    }

    #[test]
    fn cumulative_adds_months_exactly_and_relates_to_the_pagu() {
        let points = cumulative(&spending(vec![
            month("2024-01", 100),
            month("2024-02", 150),
        ]));
        let sums: Vec<i64> = points.iter().map(|point| point.cumulative.0).collect();
        assert_eq!(sums, vec![100, 250]);
        assert_eq!(points[1].of_pagu.map(Share::fraction), Some(0.25));
    }

    #[test]
    fn cumulative_stops_before_an_overflow() {
        let points = cumulative(&spending(vec![
            month("2024-01", i64::MAX),
            month("2024-02", 1),
        ]));
        assert_eq!(points.len(), 1);
    }

    #[test]
    fn breakdown_sorts_largest_first_and_shares_sum_to_one() {
        let row = |key, amount| Breakdown {
            key,
            amount: Rupiah(amount),
            packages: None,
            provenance: Provenance::default(),
        };
        let (total, parts) =
            breakdown(&[row(Method::Tender, 300), row(Method::EPurchasing, 700)]).unwrap();
        assert_eq!(total, Rupiah(1_000));
        assert_eq!(parts[0].key, Method::EPurchasing);
        let share_sum: f64 = parts.iter().map(|part| part.share.fraction()).sum();
        assert!((share_sum - 1.0).abs() < 1e-12);
        assert_eq!(breakdown::<Method>(&[]), None);
    }
}
