//! Change since last time: each view's headline figures then and now, with the change (in money
//! or packages, and in percentage points for shares). "Then" is the previous fiscal year of the
//! same file (`compare=previous`) or an earlier file of the same series (`compare=<address>`).

use super::measure::Measure;
use super::View;
use crate::analysis::oversight::Bunching;
use crate::chart::Locale;
use crate::i18n::{
    format_count, format_decimal, format_money_compact, format_money_spoken, format_percent, Lang,
    Text,
};
use crate::model::{Breakdown, Dataset, Rupiah, Share};

/// What the widget compares the shown figures with (the `compare` option).
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub enum Compare {
    /// Nothing.
    #[default]
    Nothing,
    /// The previous fiscal year of the same file (`compare=previous`).
    PreviousYear,
    /// An earlier file of the same series, by its address.
    File(String),
}

impl Compare {
    /// The option value that asks for the previous fiscal year.
    pub const PREVIOUS: &'static str = "previous";

    /// The comparison a `compare` value asks for: `previous`, else an address (trimmed).
    pub fn from_param(value: Option<&str>) -> Compare {
        match value.map(str::trim).filter(|value| !value.is_empty()) {
            None => Compare::Nothing,
            Some(value) if value.eq_ignore_ascii_case(Compare::PREVIOUS) => Compare::PreviousYear,
            Some(address) => Compare::File(address.to_owned()),
        }
    }

    /// The `compare` value, when there is one.
    pub fn param(&self) -> Option<String> {
        match self {
            Compare::Nothing => None,
            Compare::PreviousYear => Some(Compare::PREVIOUS.to_owned()),
            Compare::File(address) => Some(address.clone()),
        }
    }
}

/// A headline figure's value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    /// An amount of money.
    Money(Rupiah),
    /// A number of packages.
    Count(u64),
    /// A share of a whole.
    Share(Share),
    /// A ratio, such as 4,8×.
    Ratio(f64),
}

/// One headline figure of a view.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    /// Stable key, to pair figures then and now (a target's id for targets).
    pub key: String,
    /// What it is, in the reader's language.
    pub label: String,
    /// Its value.
    pub amount: Amount,
}

/// The largest total over a spending section's breakdowns: each counts the packages that name
/// its key, so the largest is the one that misses the fewest.
fn largest_total<K>(rows: &[Breakdown<K>]) -> (Rupiah, Option<u64>) {
    let amount = Rupiah::checked_sum(rows.iter().map(|row| row.amount)).unwrap_or(Rupiah::ZERO);
    let packages = rows
        .iter()
        .map(|row| row.packages)
        .try_fold(0u64, |sum, count| {
            count.map(|count| sum.saturating_add(count))
        });
    (amount, packages)
}

/// The headline figures of `view` for `dataset`.
pub fn headlines(dataset: &Dataset, view: View, lang: Lang, measure: Measure) -> Vec<Headline> {
    let mut found = Vec::new();
    let mut add = |key: &str, text: Text, amount: Amount| {
        found.push(Headline {
            key: key.to_owned(),
            label: text.get(lang).to_owned(),
            amount,
        })
    };
    match view {
        View::Spending => {
            let Some(spending) = &dataset.spending else {
                return found;
            };
            let totals = [
                largest_total(&spending.by_method),
                largest_total(&spending.by_type),
                largest_total(&spending.by_unit),
                largest_total(&spending.by_region),
            ];
            let monthly = Rupiah::checked_sum(spending.monthly.iter().map(|month| month.amount))
                .unwrap_or(Rupiah::ZERO);
            let amount = totals
                .iter()
                .map(|(amount, _)| *amount)
                .chain([monthly])
                .max()
                .unwrap_or(Rupiah::ZERO);
            let packages = totals.iter().filter_map(|(_, packages)| *packages).max();
            let values = !super::measure::values_missing(spending);
            if values && (measure == Measure::Value || packages.is_none()) {
                add("spending", Text::CompareSpending, Amount::Money(amount));
            }
            if let Some(packages) = packages.filter(|packages| *packages > 0) {
                add("packages", Text::MeasureCount, Amount::Count(packages));
            }
            if values && measure == Measure::Count {
                add("spending", Text::CompareSpending, Amount::Money(amount));
            }
        }
        View::LocalContent => {
            let Some(content) = &dataset.local_content else {
                return found;
            };
            let total = content.total.value;
            if let Some(share) = Share::of(content.pdn.value, total) {
                add("pdn", Text::ComparePdn, Amount::Share(share));
            }
            if let Some(share) = Share::of(content.umkk.value, total) {
                add("umkk", Text::CompareUmkk, Amount::Share(share));
            }
            add(
                "goods-services",
                Text::GoodsServicesSpending,
                Amount::Money(total),
            );
        }
        View::Targets => {
            for target in dataset.targets.iter().take(super::MOST_PANELS) {
                found.push(Headline {
                    key: target.id.clone(),
                    label: target.label.clone(),
                    amount: Amount::Count(target.achieved.max(0) as u64),
                });
            }
        }
        View::Oversight => {
            let Some(oversight) = &dataset.oversight else {
                return found;
            };
            let count = |flagged: &[crate::model::oversight::Flagged]| {
                flagged
                    .iter()
                    .fold(0u64, |sum, flag| sum.saturating_add(flag.count))
            };
            if let Ok(found) = &oversight.above_ceiling {
                add(
                    "above-ceiling",
                    Text::CompareAboveCeiling,
                    Amount::Count(count(&found.flagged)),
                );
            }
            if let Ok(found) = &oversight.bunching {
                if let Some(ratio) = Bunching::ratio(found.near, found.below) {
                    add("bunching", Text::CompareBunching, Amount::Ratio(ratio));
                }
            }
            if let Ok(found) = &oversight.non_competitive {
                if let Some(share) = Share::of(found.appointed.1, found.value) {
                    add(
                        "non-competitive",
                        Text::NonCompetitiveAxis,
                        Amount::Share(share),
                    );
                }
            }
            if let Ok(found) = &oversight.not_reserved {
                let without = count(&found.without_reason);
                add(
                    "not-reserved",
                    Text::CompareNotReserved,
                    Amount::Count(without),
                );
            }
            if let Ok(found) = &oversight.single_bid {
                let single = count(&found.flagged);
                if let Some(share) = Share::new(single as f64 / found.judged.max(1) as f64) {
                    add("single-bid", Text::SingleBidAxis, Amount::Share(share));
                }
            }
            if let Ok(found) = &oversight.failed_tenders {
                let failed = count(&found.flagged);
                if let Some(share) = Share::new(failed as f64 / found.judged.max(1) as f64) {
                    add("failed-tenders", Text::FailedAxis, Amount::Share(share));
                }
            }
            if let Ok(found) = &oversight.against_hps {
                add(
                    "above-hps",
                    Text::CompareAboveHps,
                    Amount::Count(found.bands[0]),
                );
            }
        }
    }
    found
}

/// One row of the comparison: a figure then and now, and the change, as printed and spoken.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// What the figure is.
    pub label: String,
    /// Its value then, printed.
    pub then: String,
    /// Its value now, printed.
    pub now: String,
    /// The change, printed (money or points).
    pub change: String,
    /// The row as a screen reader says it.
    pub spoken: String,
}

fn printed(amount: Amount, locale: &Locale) -> String {
    let lang = locale.lang;
    match amount {
        Amount::Money(money) => format_money_compact(money, &locale.currency, lang),
        Amount::Count(count) => format_count(count.min(i64::MAX as u64) as i64, lang),
        Amount::Share(share) => format_percent(share, lang),
        Amount::Ratio(ratio) => format!("{}×", format_decimal(ratio, 1, lang)),
    }
}

fn signed(text: String, negative: bool, zero: bool) -> String {
    match (zero, negative) {
        (true, _) => text,
        (false, true) => format!("−{}", text.trim_start_matches('-')),
        (false, false) => format!("+{text}"),
    }
}

/// `+Rp1,2 T (+12,0%)`, `+5 (+12,0%)`, `−2,1 poin persen`, `+0,4×`.
fn change_text(then: Amount, now: Amount, locale: &Locale) -> Option<(String, String)> {
    let lang = locale.lang;
    let relative = |then: f64, now: f64| {
        (then != 0.0).then(|| {
            let change = (now - then) / then.abs() * 100.0;
            let text = format!("{}%", format_decimal(change.abs(), 1, lang));
            signed(
                text,
                change < 0.0,
                format_decimal(change.abs(), 1, lang) == format_decimal(0.0, 1, lang),
            )
        })
    };
    match (then, now) {
        (Amount::Money(then), Amount::Money(now)) => {
            let difference = Rupiah(now.0.checked_sub(then.0)?);
            let absolute = Rupiah(difference.0.checked_abs()?);
            let text = signed(
                format_money_compact(absolute, &locale.currency, lang),
                difference.0 < 0,
                difference.0 == 0,
            );
            let spoken = signed(
                format_money_spoken(absolute, &locale.currency, lang),
                difference.0 < 0,
                difference.0 == 0,
            );
            let relative = relative(then.0 as f64, now.0 as f64);
            Some(match relative {
                Some(relative) => (
                    format!("{text} ({relative})"),
                    format!("{spoken} ({relative})"),
                ),
                None => (text, spoken),
            })
        }
        (Amount::Count(then), Amount::Count(now)) => {
            let (difference, negative) = match now >= then {
                true => (now - then, false),
                false => (then - now, true),
            };
            let text = signed(
                format_count(difference.min(i64::MAX as u64) as i64, lang),
                negative,
                difference == 0,
            );
            let text = match relative(then as f64, now as f64) {
                Some(relative) => format!("{text} ({relative})"),
                None => text,
            };
            Some((text.clone(), text))
        }
        (Amount::Share(then), Amount::Share(now)) => {
            let points = now.percent() - then.percent();
            let number = format_decimal(points.abs(), 1, lang);
            let zero = number == format_decimal(0.0, 1, lang);
            let text = Text::PercentagePoints
                .fill(lang, &[("points", &signed(number, points < 0.0, zero))]);
            Some((text.clone(), text))
        }
        (Amount::Ratio(then), Amount::Ratio(now)) => {
            let difference = now - then;
            let number = format_decimal(difference.abs(), 1, lang);
            let zero = number == format_decimal(0.0, 1, lang);
            let text = signed(number, difference < 0.0, zero);
            Some((text.clone(), text))
        }
        _ => None,
    }
}

/// The headline figures of `view` then and now, paired by key, in the order shown now (a figure
/// only one side has is left out: it cannot be compared).
pub fn changes(
    then: &Dataset,
    now: &Dataset,
    view: View,
    locale: &Locale,
    measure: Measure,
) -> Vec<Change> {
    let before = headlines(then, view, locale.lang, measure);
    let years = then
        .oversight
        .as_ref()
        .zip(now.oversight.as_ref())
        .map(|(then, now)| (then.fiscal_year, now.fiscal_year));
    headlines(now, view, locale.lang, measure)
        .into_iter()
        .filter_map(|headline| {
            let earlier = before.iter().find(|earlier| earlier.key == headline.key)?;
            let (change, spoken_change) = change_text(earlier.amount, headline.amount, locale)?;
            // A figure judged by a threshold that changed in between says so beside it.
            let rule = match headline.key.as_str() {
                "above-ceiling" | "bunching" => {
                    Some(crate::analysis::oversight::Rule::DirectPurchaseCeiling)
                }
                "not-reserved" => Some(crate::analysis::oversight::Rule::SmallBusinessReservation),
                _ => None,
            };
            let label = match (rule, years) {
                (Some(rule), Some((then_year, now_year))) => {
                    with_rule_changes(headline.label, rule, then_year, now_year, locale)
                }
                _ => headline.label,
            };
            let headline = Headline { label, ..headline };
            let (then, now) = (
                printed(earlier.amount, locale),
                printed(headline.amount, locale),
            );
            let spoken = Text::CompareSpoken.fill(
                locale.lang,
                &[
                    ("label", &headline.label),
                    ("then", &then),
                    ("now", &now),
                    ("change", &spoken_change),
                ],
            );
            Some(Change {
                label: headline.label,
                then,
                now,
                change,
                spoken,
            })
        })
        .collect()
}

/// `label` with the changes of `rule` between two fiscal years, if any: `… (batas berubah:
/// pekerjaan konstruksi Rp200 jt menjadi Rp400 jt sejak 30 April 2025)`.
fn with_rule_changes(
    label: String,
    rule: crate::analysis::oversight::Rule,
    then: i32,
    now: i32,
    locale: &Locale,
) -> String {
    let lang = locale.lang;
    let changes: Vec<String> = crate::analysis::oversight::rule_changes(rule, then, now)
        .into_iter()
        .map(|(kind, before, after)| {
            let day = after
                .from
                .and_then(|(year, month, day)| crate::model::CivilDate::new(year, month, day))
                .map(|day| crate::i18n::format_date(day, lang))
                .unwrap_or_default();
            Text::CompareRuleChange.fill(
                lang,
                &[
                    ("type", crate::i18n::type_name(kind, lang)),
                    (
                        "before",
                        &format_money_compact(Rupiah(before), &locale.currency, lang),
                    ),
                    (
                        "after",
                        &format_money_compact(Rupiah(after.amount), &locale.currency, lang),
                    ),
                    ("day", &day),
                    ("basis", after.basis),
                ],
            )
        })
        .collect();
    match changes.is_empty() {
        true => label,
        false => format!(
            "{label} ({})",
            Text::CompareRuleChanged.fill(lang, &[("changes", &changes.join("; "))])
        ),
    }
}

/// One sentence for every change, for the summary under the comparison.
pub fn summary(changes: &[Change], then_label: &str, lang: Lang) -> String {
    let parts: Vec<&str> = changes
        .iter()
        .map(|change| change.spoken.as_str())
        .collect();
    Text::CompareSummary.fill(
        lang,
        &[("then", then_label), ("changes", &parts.join("; "))],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_option_reads_previous_or_an_address_and_writes_it_back() {
        assert_eq!(Compare::from_param(None), Compare::Nothing);
        assert_eq!(Compare::from_param(Some("  ")), Compare::Nothing);
        assert_eq!(Compare::from_param(Some("Previous")), Compare::PreviousYear);
        let file = Compare::from_param(Some(" data/q2.json "));
        assert_eq!(file, Compare::File("data/q2.json".into()));
        assert_eq!(file.param().as_deref(), Some("data/q2.json"));
        assert_eq!(Compare::PreviousYear.param().as_deref(), Some("previous"));
    }

    #[test]
    fn changes_are_signed_in_money_counts_points_and_ratios() {
        let locale = Locale {
            lang: Lang::Id,
            currency: crate::model::Currency::idr(),
        };
        let money = change_text(
            Amount::Money(Rupiah(10_000_000_000)),
            Amount::Money(Rupiah(12_000_000_000)),
            &locale,
        );
        assert_eq!(
            money.map(|(text, _)| text).as_deref(),
            Some("+Rp2 M (+20%)")
        );
        let count = change_text(Amount::Count(10), Amount::Count(8), &locale);
        assert_eq!(count.map(|(text, _)| text).as_deref(), Some("−2 (−20%)"));
        let share = |value| Amount::Share(Share::new(value).unwrap_or_default());
        let points = change_text(share(0.5), share(0.479), &locale);
        assert_eq!(
            points.map(|(text, _)| text).as_deref(),
            Some("−2,1 poin persen")
        );
        let ratio = change_text(Amount::Ratio(1.5), Amount::Ratio(1.5), &locale);
        assert_eq!(ratio.map(|(text, _)| text).as_deref(), Some("0"));
        assert_eq!(change_text(Amount::Count(1), share(0.5), &locale), None);
    }
}
