//! Local-content shares (PDN, UMK-K) against their thresholds, with the gap in rupiah.

use crate::model::{Coverage, LocalContent, Rupiah, Share, Threshold, PDN_TARGET, UMKK_FLOOR};

/// Which local-content measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Domestic products (PDN) against the 95% target.
    Pdn,
    /// Micro and small businesses and cooperatives (UMK-K) against the 40% legal floor.
    Umkk,
}

impl Measure {
    /// Both measures, in display order.
    pub const ALL: [Measure; 2] = [Measure::Pdn, Measure::Umkk];

    /// The threshold this measure is held against.
    pub fn threshold(self) -> Threshold {
        match self {
            Measure::Pdn => PDN_TARGET,
            Measure::Umkk => UMKK_FLOOR,
        }
    }
}

/// One measure for one whole (the province or a unit).
#[derive(Debug, Clone, PartialEq)]
pub struct ShareStatus {
    /// Who: `None` for the whole dataset, the unit's name otherwise.
    pub unit: Option<String>,
    /// The measure.
    pub measure: Measure,
    /// The part (PDN or UMK-K spending).
    pub part: Rupiah,
    /// The whole (goods/services spending).
    pub total: Rupiah,
    /// `part / total`.
    pub share: Share,
    /// How much more would have to go to PDN/UMK-K to reach the threshold; zero when met.
    pub gap: Rupiah,
    /// Whether the figure is illustrative.
    pub illustrative: bool,
    /// What part of the packages bought it rests on, where computed from packages.
    pub coverage: Option<Coverage>,
}

impl ShareStatus {
    fn new(
        unit: Option<String>,
        measure: Measure,
        part: Rupiah,
        total: Rupiah,
        illustrative: bool,
    ) -> Option<ShareStatus> {
        let share = Share::of(part, total)?;
        let needed = total.times_ppm(measure.threshold().amount);
        let gap = needed
            .checked_sub(part)
            .filter(|gap| gap.0 > 0)
            .unwrap_or(Rupiah::ZERO);
        Some(ShareStatus {
            unit,
            measure,
            part,
            total,
            share,
            gap,
            illustrative,
            coverage: None,
        })
    }

    /// The same status, saying what it rests on.
    fn resting_on(mut self, coverage: Option<Coverage>) -> ShareStatus {
        self.coverage = coverage;
        self
    }

    /// Whether the threshold is met.
    pub fn meets_threshold(&self) -> bool {
        self.gap == Rupiah::ZERO
    }

    /// Whether the share rests on enough of the value to be held against its threshold (a
    /// published figure is taken as the publisher's whole).
    pub fn judged(&self) -> bool {
        self.coverage.is_none_or(|coverage| coverage.enough())
    }

    /// Judged and below its threshold.
    pub fn below(&self) -> bool {
        self.judged() && !self.meets_threshold()
    }
}

/// The coverages of several parts taken together; `None` when any part has none.
fn summed(coverages: impl Iterator<Item = Option<Coverage>>) -> Option<Coverage> {
    let mut sum = Coverage::default();
    for coverage in coverages {
        let coverage = coverage?;
        sum.packages = sum.packages.saturating_add(coverage.packages);
        sum.stated = sum.stated.saturating_add(coverage.stated);
        sum.value = sum.value.checked_add(coverage.value)?;
        sum.stated_value = sum.stated_value.checked_add(coverage.stated_value)?;
    }
    Some(sum)
}

/// Several statuses of one measure taken together (their parts and totals summed), under the
/// name `unit`; `None` when the sums overflow or the total is zero.
pub fn combined(unit: String, statuses: &[ShareStatus]) -> Option<ShareStatus> {
    let measure = statuses.first()?.measure;
    let part = Rupiah::checked_sum(statuses.iter().map(|status| status.part))?;
    let total = Rupiah::checked_sum(statuses.iter().map(|status| status.total))?;
    let illustrative = statuses.iter().any(|status| status.illustrative);
    let coverage = summed(statuses.iter().map(|status| status.coverage));
    ShareStatus::new(Some(unit), measure, part, total, illustrative)
        .map(|status| status.resting_on(coverage))
}

/// The overall share for a measure.
pub fn overall(content: &LocalContent, measure: Measure) -> Option<ShareStatus> {
    let part = match measure {
        Measure::Pdn => &content.pdn,
        Measure::Umkk => &content.umkk,
    };
    let illustrative = part.provenance.illustrative || content.total.provenance.illustrative;
    ShareStatus::new(None, measure, part.value, content.total.value, illustrative)
        .map(|status| status.resting_on(content.coverage))
}

/// The share for a measure per unit, lowest share first (the units furthest from the
/// threshold; ties by name).
pub fn by_unit(content: &LocalContent, measure: Measure) -> Vec<ShareStatus> {
    Ranked::of(content, measure, usize::MAX).first
}

/// The units' shares for a measure, lowest share first (ties by name), as far as a chart needs
/// them: the first few named and in order, the others only counted and summed. Picks the first
/// without sorting the others, and names no other: work grows with the number of units.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    /// The first units, in order.
    pub first: Vec<ShareStatus>,
    /// The others taken together, unnamed (`None` when there are none, or their sums overflow).
    pub others: Option<ShareStatus>,
    /// How many others.
    pub others_count: usize,
    /// The one with the highest share (the last in order), if any.
    pub highest: Option<ShareStatus>,
    /// How many are judged and below the threshold.
    pub below: usize,
    /// How many rest on too little of their value to be held against it.
    pub unjudged: usize,
}

impl Ranked {
    /// The first `count` units of `content` for `measure`, and the others.
    pub fn of(content: &LocalContent, measure: Measure, count: usize) -> Ranked {
        let units = &content.by_unit;
        let status = |index: usize, unit: Option<String>| {
            let row = &units[index];
            let part = match measure {
                Measure::Pdn => row.pdn,
                Measure::Umkk => row.umkk,
            };
            ShareStatus::new(unit, measure, part, row.total, row.provenance.illustrative)
                .map(|status| status.resting_on(row.coverage))
        };
        // Each unit's share and place: small keys to pick and sort, statuses built for few.
        let (mut below, mut unjudged) = (0, 0);
        let mut keys: Vec<(f64, usize)> = Vec::with_capacity(units.len());
        for index in 0..units.len() {
            if let Some(status) = status(index, None) {
                below += usize::from(status.below());
                unjudged += usize::from(!status.judged());
                keys.push((status.share.fraction(), index));
            }
        }
        let order = |a: &(f64, usize), b: &(f64, usize)| {
            a.0.total_cmp(&b.0)
                .then_with(|| units[a.1].unit.cmp(&units[b.1].unit))
        };
        let named = |(_, index): (f64, usize)| status(index, Some(units[index].unit.clone()));
        let highest = keys.iter().copied().max_by(order).and_then(named);
        let mut others = Vec::new();
        if keys.len() > count {
            keys.select_nth_unstable_by(count, order);
            others = keys.split_off(count);
        }
        keys.sort_by(order);
        let others_count = others.len();
        let others = (!others.is_empty())
            .then(|| {
                let rows = || others.iter().map(|(_, index)| &units[*index]);
                let part = Rupiah::checked_sum(rows().map(|row| match measure {
                    Measure::Pdn => row.pdn,
                    Measure::Umkk => row.umkk,
                }))?;
                let total = Rupiah::checked_sum(rows().map(|row| row.total))?;
                let illustrative = rows().any(|row| row.provenance.illustrative);
                let coverage = summed(rows().map(|row| row.coverage));
                ShareStatus::new(None, measure, part, total, illustrative)
                    .map(|status| status.resting_on(coverage))
            })
            .flatten();
        Ranked {
            first: keys.into_iter().filter_map(named).collect(),
            others,
            others_count,
            highest,
            below,
            unjudged,
        }
    }

    /// How many units there are.
    pub fn len(&self) -> usize {
        self.first.len() + self.others_count
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Figure, Provenance, Stage, UnitContent};

    fn figure(value: i64) -> Figure<Rupiah> {
        Figure {
            value: Rupiah(value),
            provenance: Provenance::default(),
        }
    }

    fn content() -> LocalContent {
        LocalContent {
            basis: crate::model::LocalBasis::Flags,
            fiscal_year: 2023,
            stage: Stage::Realisasi,
            total: figure(4_000_000_000_000),
            pdn: figure(3_117_000_000_000),
            umkk: figure(1_162_000_000_000),
            by_unit: vec![
                UnitContent {
                    unit: "Dinas A".into(),
                    total: Rupiah(1_000),
                    pdn: Rupiah(990),
                    umkk: Rupiah(500),
                    coverage: None,
                    provenance: Provenance::default(),
                },
                UnitContent {
                    unit: "Dinas B".into(),
                    total: Rupiah(1_000),
                    pdn: Rupiah(900),
                    umkk: Rupiah(250),
                    coverage: None,
                    provenance: Provenance::default(),
                },
            ],
            coverage: None,
        }
    }

    #[test]
    fn umkk_below_the_legal_floor_has_its_gap_in_rupiah() {
        let umkk = overall(&content(), Measure::Umkk).unwrap();
        assert!((umkk.share.fraction() - 0.2905).abs() < 1e-9);
        // 40% of Rp4 T = Rp1,6 T; minus Rp1,162 T
        assert_eq!(umkk.gap, Rupiah(438_000_000_000));
        assert!(!umkk.meets_threshold());
    }

    #[test]
    fn combined_units_add_parts_and_totals_before_dividing() {
        let units = by_unit(&content(), Measure::Umkk);
        let both = combined("Lainnya (2)".into(), &units).unwrap();
        assert_eq!((both.part, both.total), (Rupiah(750), Rupiah(2_000)));
        assert_eq!(both.gap, Rupiah(50));
        assert_eq!(combined("none".into(), &[]), None);
    }

    #[test]
    fn units_are_sorted_lowest_share_first_and_met_thresholds_have_no_gap() {
        let units = by_unit(&content(), Measure::Umkk);
        assert_eq!(units[0].unit.as_deref(), Some("Dinas B"));
        assert_eq!(units[0].gap, Rupiah(150));
        assert!(units[1].meets_threshold());
        let pdn = by_unit(&content(), Measure::Pdn);
        assert_eq!(pdn[0].gap, Rupiah(50));
        assert_eq!(pdn[1].gap, Rupiah::ZERO);
    }

    #[test]
    fn the_first_units_ranked_are_the_first_of_all_sorted() {
        let mut many = content();
        // Shares that repeat (ties broken by name), a unit without spending (no share).
        many.by_unit = (0..600)
            .map(|index| UnitContent {
                unit: format!("Dinas {}", (index * 7919) % 600),
                total: Rupiah(if index == 13 { 0 } else { 1_000 }),
                pdn: Rupiah((index * 37) % 1_000),
                umkk: Rupiah((index * 11) % 97),
                coverage: None,
                provenance: Provenance::default(),
            })
            .collect();
        for measure in [Measure::Pdn, Measure::Umkk] {
            let all = by_unit(&many, measure);
            assert_eq!(all.len(), 599);
            for count in [0, 1, 48, 599, 5_000] {
                let ranked = Ranked::of(&many, measure, count);
                let first = count.min(all.len());
                assert_eq!(ranked.first, all[..first]);
                assert_eq!(ranked.len(), all.len());
                assert_eq!(ranked.highest.as_ref(), all.last());
                let below = all.iter().filter(|unit| !unit.meets_threshold()).count();
                assert_eq!(ranked.below, below);
                assert_eq!(ranked.others_count, all.len() - first);
                let others = combined("Lainnya".into(), &all[first..]);
                let named = |status: ShareStatus| ShareStatus {
                    unit: Some("Lainnya".into()),
                    ..status
                };
                assert_eq!(ranked.others.map(named), others);
            }
        }
    }
}
