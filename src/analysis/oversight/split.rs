//! Split packages (pemecahan paket, Perpres 16/2018 Pasal 20 ayat (2) huruf d): the test auditors
//! run first. The rule, exactly (docs/oversight.md says the same, so that anyone can recount):
//!
//! 1. Candidates are Pengadaan Langsung packages with a spending unit, a procurement type, a
//!    name, a selection day and an estimate (HPS, else pagu) at or under the ceiling in force
//!    on that day.
//! 2. Their names are normalised ([`normalised_name`]): lower case; punctuation and digits
//!    become spaces; Roman numerals (i to xxxix) and the words of [`FILLER_WORDS`] are dropped;
//!    white space is collapsed. A name with nothing left is no candidate.
//! 3. Candidates of one unit, one type and one normalised name are taken in the order of their
//!    selection day (then their code); a cluster starts at the earliest one not yet taken and
//!    takes every later one whose selection started at most [`WINDOW_DAYS`] days after it.
//! 4. A cluster of two or more packages whose estimates together are above the ceiling in force
//!    on its first day is listed, with its packages and its sum against that ceiling.
//!
//! Work is one pass to group (a map keyed by unit, type and name) and a sort per group.

use super::{ceiling_value, threshold, Flagged, JudgedOn, Missing, Rule};
use crate::model::oversight::{SplitCluster, SplitPackages};
use crate::model::{Method, Package, Rupiah};

/// Days between the first and the last selection start of a cluster, at most.
pub const WINDOW_DAYS: i64 = 30;

/// Words that tell parts of one purchase apart and are dropped from names before comparing
/// them: "Pengadaan ATK Tahap II" and "Pengadaan ATK tahap 3" are the same name.
pub const FILLER_WORDS: &[&str] = &[
    "paket", "tahap", "tahapan", "lokasi", "kegiatan", "bagian", "lot", "segmen", "termin", "ke",
];

/// Whether `word` is a Roman numeral from i to xxxix (a part's number, as in "Tahap III").
fn is_roman(word: &str) -> bool {
    let tens = word.trim_start_matches('x');
    if word.len() - tens.len() > 3 {
        return false;
    }
    matches!(
        tens,
        "" | "i" | "ii" | "iii" | "iv" | "v" | "vi" | "vii" | "viii" | "ix"
    ) && !word.is_empty()
}

/// A package's name as the rule compares it (see the module's rule 2).
pub fn normalised_name(name: &str) -> String {
    let lowered: String = name
        .chars()
        .map(|character| match character {
            character if character.is_alphabetic() => {
                character.to_lowercase().next().unwrap_or(' ')
            }
            _ => ' ',
        })
        .collect();
    lowered
        .split_whitespace()
        .filter(|word| !is_roman(word) && !FILLER_WORDS.contains(word))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Clusters of direct purchases that together pass the ceiling each stays under.
pub fn split_packages(packages: &[&Package]) -> Result<SplitPackages, Missing> {
    super::needs(
        packages,
        &[
            Missing::Method,
            Missing::Type,
            Missing::CeilingValue,
            Missing::Name,
            Missing::SelectionDay,
        ],
    )?;
    // Unit, type and name → the candidates' places in `packages`.
    let mut groups: crate::hash::Map<(&str, crate::model::ProcurementType, String), Vec<usize>> =
        Default::default();
    let mut judged = 0u64;
    for (index, package) in packages.iter().enumerate() {
        if package.method != Some(Method::PengadaanLangsung) {
            continue;
        }
        let (Some(unit), Some(kind), Some(name), Some(day), Some((value, _))) = (
            package.unit.as_deref(),
            package.kind,
            package.name.as_deref(),
            package.selection_day,
            ceiling_value(package),
        ) else {
            continue;
        };
        let Some(ceiling) = threshold(Rule::DirectPurchaseCeiling, kind, day) else {
            continue;
        };
        judged = judged.saturating_add(package.count);
        let key = normalised_name(name);
        if value.0 > ceiling.amount || key.is_empty() {
            continue;
        }
        groups.entry((unit, kind, key)).or_default().push(index);
    }
    let mut clusters = Vec::new();
    for ((_, kind, key), mut members) in groups {
        if members.len() < 2 {
            continue;
        }
        let day_of = |index: &usize| packages[*index].selection_day;
        members.sort_by(|a, b| {
            day_of(a)
                .cmp(&day_of(b))
                .then_with(|| packages[*a].id.cmp(&packages[*b].id))
        });
        let mut start = 0;
        while start < members.len() {
            let Some(first) = day_of(&members[start]) else {
                start += 1;
                continue;
            };
            let end = members[start..]
                .iter()
                .position(|index| {
                    day_of(index).is_none_or(|day| first.days_until(day) > WINDOW_DAYS)
                })
                .map_or(members.len(), |offset| start + offset);
            let taken = &members[start..end];
            start = end.max(start + 1);
            if taken.len() < 2 {
                continue;
            }
            let Some(ceiling) = threshold(Rule::DirectPurchaseCeiling, kind, first) else {
                continue;
            };
            let mut total = Rupiah::ZERO;
            let mut flagged = Vec::with_capacity(taken.len());
            for index in taken {
                let package = packages[*index];
                let Some((value, used)) = ceiling_value(package) else {
                    continue;
                };
                total = total.checked_add(value).unwrap_or(Rupiah(i64::MAX));
                let on = package.selection_day.map(JudgedOn::Day);
                flagged.push(Flagged::of(
                    package,
                    value,
                    used,
                    on.map(|on| (ceiling, on)),
                ));
            }
            if total.0 <= ceiling.amount {
                continue;
            }
            let last = taken.last().and_then(day_of).unwrap_or(first);
            clusters.push(SplitCluster {
                name: key.clone(),
                total,
                ceiling,
                first,
                last,
                packages: flagged,
            });
        }
    }
    // Largest sum against its ceiling first; then by unit and name, for a stable order.
    clusters.sort_by(|a, b| {
        (i128::from(b.total.0) * i128::from(a.ceiling.amount))
            .cmp(&(i128::from(a.total.0) * i128::from(b.ceiling.amount)))
            .then_with(|| a.packages[0].unit.cmp(&b.packages[0].unit))
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok(SplitPackages { judged, clusters })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_compared_without_case_numbers_numerals_and_filler_words() {
        assert_eq!(
            normalised_name("Pengadaan ATK Tahap II (Lokasi 3)"),
            "pengadaan atk"
        );
        assert_eq!(normalised_name("pengadaan  ATK - tahap 4"), "pengadaan atk");
        assert_eq!(
            normalised_name("Rehab Gedung Kantor Paket XIV"),
            "rehab gedung kantor"
        );
        // Words that only look like numerals stay: "di", "mix", "civic".
        assert_eq!(
            normalised_name("Servis AC di Kantor"),
            "servis ac di kantor"
        );
        assert_eq!(normalised_name("Beton Mix"), "beton mix");
        assert_eq!(normalised_name("123 / II"), "");
        assert!(is_roman("xxxix") && is_roman("iv") && !is_roman("xxxxi") && !is_roman(""));
    }
}
