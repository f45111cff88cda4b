//! What the spending view counts: money (nilai) or packages (jumlah paket), the `measure`
//! option. Indonesian dashboards show the number of packages beside the value; a file without
//! amounts (a list of tender notices) can only be counted.

use crate::chart::spec::TickFormat;
use crate::chart::Locale;
use crate::i18n::{
    format_count, format_count_compact, format_money_compact, format_money_exact,
    format_money_spoken, format_money_tick, Lang, Text,
};
use crate::model::{Breakdown, MonthlyAmount, Rupiah, Spending};

/// Money or packages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Measure {
    /// The value in money at the chosen stage.
    #[default]
    Value,
    /// The number of packages.
    Count,
}

impl Measure {
    /// Both, in the switch's order.
    pub const ALL: [Measure; 2] = [Measure::Value, Measure::Count];

    /// The `measure` option value.
    pub fn code(self) -> &'static str {
        match self {
            Measure::Value => "value",
            Measure::Count => "count",
        }
    }

    /// The measure of a `measure` option value.
    pub fn from_code(code: &str) -> Option<Measure> {
        Measure::ALL
            .into_iter()
            .find(|measure| measure.code() == code)
    }

    /// Its name on the switch.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Measure::Value => Text::MeasureValue.get(lang),
            Measure::Count => Text::MeasureCount.get(lang),
        }
    }
}

/// How the spending view prints what it counts.
#[derive(Clone, Copy)]
pub(super) struct Units<'a> {
    pub measure: Measure,
    pub locale: &'a Locale,
}

impl Units<'_> {
    fn lang(&self) -> Lang {
        self.locale.lang
    }

    fn count(amount: Rupiah) -> i64 {
        amount.0.max(0)
    }

    /// `Rp20,7 T` / `1.234 paket`.
    pub fn compact(&self, amount: Rupiah) -> String {
        match self.measure {
            Measure::Value => format_money_compact(amount, &self.locale.currency, self.lang()),
            Measure::Count => self.exact(amount),
        }
    }

    /// `Rp20.675.000.000.000` / `1.234 paket`.
    pub fn exact(&self, amount: Rupiah) -> String {
        match self.measure {
            Measure::Value => format_money_exact(amount, &self.locale.currency, self.lang()),
            Measure::Count => format!(
                "{} {}",
                format_count(Self::count(amount), self.lang()),
                Text::Packages.get(self.lang())
            ),
        }
    }

    /// `20,7 triliun rupiah` / `1.234 paket`.
    pub fn spoken(&self, amount: Rupiah) -> String {
        match self.measure {
            Measure::Value => format_money_spoken(amount, &self.locale.currency, self.lang()),
            Measure::Count => self.exact(amount),
        }
    }

    /// The short form printed where the whole text does not fit: `Rp20,7 T` / `1,2 rb`.
    pub fn short(&self, amount: Rupiah) -> String {
        match self.measure {
            Measure::Value => format_money_tick(amount, &self.locale.currency, self.lang(), true),
            Measure::Count => format_count_compact(Self::count(amount), self.lang()),
        }
    }

    /// How axis ticks are printed.
    pub fn ticks(&self) -> TickFormat {
        match self.measure {
            Measure::Value => TickFormat::Money,
            Measure::Count => TickFormat::Count,
        }
    }

    /// The title of the value axis and the table's value column: `Nilai (Rp)` / `Jumlah paket`.
    pub fn title(&self) -> String {
        match self.measure {
            Measure::Value => format!(
                "{} ({})",
                Text::Value.get(self.lang()),
                super::currency_label(self.locale)
            ),
            Measure::Count => Text::MeasureCount.get(self.lang()).to_owned(),
        }
    }
}

/// Whether a spending holds no money at all but counts packages (a file without amounts).
pub fn values_missing(spending: &Spending) -> bool {
    let zero = |amount: Rupiah| amount.0 == 0;
    let rows = spending
        .by_method
        .iter()
        .map(|row| (row.amount, row.packages))
        .chain(
            spending
                .by_type
                .iter()
                .map(|row| (row.amount, row.packages)),
        )
        .chain(
            spending
                .by_unit
                .iter()
                .map(|row| (row.amount, row.packages)),
        )
        .chain(
            spending
                .by_region
                .iter()
                .map(|row| (row.amount, row.packages)),
        )
        .chain(
            spending
                .by_government
                .iter()
                .map(|row| (row.amount, row.packages)),
        )
        .chain(
            spending
                .monthly
                .iter()
                .map(|row| (row.amount, row.packages)),
        );
    let mut counted = false;
    for (amount, packages) in rows {
        if !zero(amount) {
            return false;
        }
        counted |= packages.is_some_and(|packages| packages > 0);
    }
    counted && spending.pagu.is_none()
}

/// A breakdown's rows counted in packages; empty when a row's count is not known (a summary
/// file that publishes values only).
fn counted_rows<K: Clone>(rows: &[Breakdown<K>]) -> Vec<Breakdown<K>> {
    rows.iter()
        .map(|row| {
            Some(Breakdown {
                amount: Rupiah(i64::try_from(row.packages?).unwrap_or(i64::MAX)),
                ..row.clone()
            })
        })
        .collect::<Option<Vec<_>>>()
        .unwrap_or_default()
}

/// The spending counted in packages: the number of packages in place of each amount, no pagu.
/// Breakdowns and months whose counts are not known are left out.
pub(super) fn counted(spending: &Spending) -> Spending {
    let monthly = spending
        .monthly
        .iter()
        .map(|month| {
            Some(MonthlyAmount {
                amount: Rupiah(i64::try_from(month.packages?).unwrap_or(i64::MAX)),
                ..month.clone()
            })
        })
        .collect::<Option<Vec<_>>>()
        .unwrap_or_default();
    Spending {
        label: spending.label.clone(),
        fiscal_year: spending.fiscal_year,
        stage: spending.stage,
        pagu: None,
        monthly,
        by_method: counted_rows(&spending.by_method),
        by_type: counted_rows(&spending.by_type),
        by_unit: counted_rows(&spending.by_unit),
        by_region: counted_rows(&spending.by_region),
        by_government: counted_rows(&spending.by_government),
        suppliers: spending.suppliers.clone(),
        outside_line: spending
            .outside_line
            .iter()
            .map(|outside| crate::model::OutsideLine {
                amount: Rupiah(i64::try_from(outside.packages).unwrap_or(i64::MAX)),
                ..outside.clone()
            })
            .collect(),
        unsaid: {
            let count = |unsaid: crate::model::Amounted| crate::model::Amounted {
                amount: Rupiah(i64::try_from(unsaid.packages).unwrap_or(i64::MAX)),
                ..unsaid
            };
            let unsaid = &spending.unsaid;
            crate::model::Unsaid {
                method: count(unsaid.method),
                kind: count(unsaid.kind),
                unit: count(unsaid.unit),
                region: count(unsaid.region),
                government: count(unsaid.government),
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Provenance;

    #[test]
    fn the_option_round_trips() {
        for measure in Measure::ALL {
            assert_eq!(Measure::from_code(measure.code()), Some(measure));
        }
        assert_eq!(Measure::from_code("jumlah"), None);
    }

    #[test]
    fn counting_needs_every_count() {
        let row = |packages: Option<u64>| Breakdown {
            key: "x",
            amount: Rupiah(5),
            packages,
            provenance: Provenance::default(),
        };
        assert_eq!(
            counted_rows(&[row(Some(2)), row(Some(3))])[1].amount,
            Rupiah(3)
        );
        assert!(counted_rows(&[row(Some(2)), row(None)]).is_empty());
    }
}
