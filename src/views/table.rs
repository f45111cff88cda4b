//! The same numbers as a chart, as a table a reader can sort.

use std::cmp::Ordering;

/// How a column sorts.
#[derive(Debug, Clone, PartialEq)]
pub enum SortKey {
    /// Alphabetical.
    Text(String),
    /// Numerical (periods sort by their order, money by its exact value).
    Number(f64),
}

impl SortKey {
    fn compare(&self, other: &SortKey) -> Ordering {
        match (self, other) {
            (SortKey::Number(a), SortKey::Number(b)) => a.total_cmp(b),
            (SortKey::Text(a), SortKey::Text(b)) => a.to_lowercase().cmp(&b.to_lowercase()),
            (SortKey::Number(_), SortKey::Text(_)) => Ordering::Less,
            (SortKey::Text(_), SortKey::Number(_)) => Ordering::Greater,
        }
    }
}

/// One cell: what is printed, how it sorts, and its value for a spreadsheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Printed text.
    pub text: String,
    /// Sort key.
    pub sort: SortKey,
    /// The value in a downloaded CSV: exact and locale-free (`2900000000000`, `0.4932`,
    /// `2024-06-30`); the printed text where there is nothing better.
    pub raw: String,
}

impl Cell {
    /// A text cell that sorts alphabetically.
    pub fn text(text: impl Into<String>) -> Cell {
        let text = text.into();
        Cell {
            sort: SortKey::Text(text.clone()),
            raw: text.clone(),
            text,
        }
    }

    /// A cell that sorts by `value` (its CSV value is the printed text).
    pub fn number(text: impl Into<String>, value: f64) -> Cell {
        let text = text.into();
        Cell {
            raw: text.clone(),
            text,
            sort: SortKey::Number(value),
        }
    }

    /// An amount of money: sorts by it, exports it as whole units.
    pub fn money(text: impl Into<String>, amount: crate::model::Rupiah) -> Cell {
        Cell {
            raw: amount.0.to_string(),
            ..Cell::number(text, amount.as_f64())
        }
    }

    /// A share: exports the fraction (0 to 1) with six decimals at most.
    pub fn share(text: impl Into<String>, share: crate::model::Share) -> Cell {
        let millionths = (share.fraction() * 1_000_000.0).round() as u32;
        let raw = format!("{}.{:06}", millionths / 1_000_000, millionths % 1_000_000);
        Cell {
            raw: raw.trim_end_matches('0').trim_end_matches('.').to_owned(),
            ..Cell::number(text, share.fraction())
        }
    }

    /// A count.
    pub fn count(text: impl Into<String>, count: i64) -> Cell {
        Cell {
            raw: count.to_string(),
            ..Cell::number(text, count as f64)
        }
    }

    /// A date: sorts by it, exports it as `YYYY-MM-DD`.
    pub fn date(text: impl Into<String>, date: crate::model::CivilDate) -> Cell {
        Cell {
            raw: date.to_string(),
            ..Cell::number(text, date.days_since_epoch() as f64)
        }
    }

    /// A month: sorts by it, exports it as `YYYY-MM`.
    pub fn month(text: impl Into<String>, month: crate::model::YearMonth) -> Cell {
        Cell {
            raw: month.to_string(),
            ..Cell::number(text, f64::from(month.year) * 12.0 + f64::from(month.month))
        }
    }

    /// No value (printed `–`, sorted first, empty in a CSV).
    pub fn missing() -> Cell {
        Cell {
            raw: String::new(),
            ..Cell::number("–", -1.0)
        }
    }
}

/// A table: column headings (numeric columns are right-aligned) and rows in chart order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Headings, and whether each column holds numbers.
    pub columns: Vec<(String, bool)>,
    /// Rows, each as long as `columns`.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// Row indices sorted by a column (`None`: the chart's order), stable for equal keys.
    pub fn order(&self, column: Option<usize>, descending: bool) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.rows.len()).collect();
        if let Some(column) = column.filter(|column| *column < self.columns.len()) {
            order.sort_by(|a, b| {
                let ordering = match (self.rows[*a].get(column), self.rows[*b].get(column)) {
                    (Some(a), Some(b)) => a.sort.compare(&b.sort),
                    _ => Ordering::Equal,
                };
                if descending {
                    ordering.reverse()
                } else {
                    ordering
                }
            });
        }
        order
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_numbers_by_value_and_text_alphabetically() {
        let table = Table {
            columns: vec![("Unit".into(), false), ("Nilai".into(), true)],
            rows: vec![
                vec![Cell::text("b"), Cell::number("Rp10", 10.0)],
                vec![Cell::text("A"), Cell::number("Rp9", 9.0)],
                vec![Cell::text("c"), Cell::number("Rp100", 100.0)],
            ],
        };
        assert_eq!(table.order(None, false), vec![0, 1, 2]);
        assert_eq!(table.order(Some(0), false), vec![1, 0, 2]);
        assert_eq!(table.order(Some(1), true), vec![2, 0, 1]);
        assert_eq!(table.order(Some(7), true), vec![0, 1, 2]);
    }
}
