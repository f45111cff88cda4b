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

/// One cell: what is printed and how it sorts.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Printed text.
    pub text: String,
    /// Sort key.
    pub sort: SortKey,
}

impl Cell {
    /// A text cell that sorts alphabetically.
    pub fn text(text: impl Into<String>) -> Cell {
        let text = text.into();
        Cell {
            sort: SortKey::Text(text.clone()),
            text,
        }
    }

    /// A cell that sorts by `value`.
    pub fn number(text: impl Into<String>, value: f64) -> Cell {
        Cell {
            text: text.into(),
            sort: SortKey::Number(value),
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
