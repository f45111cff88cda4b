//! The serde mirror of a Pantau statistics file (format v1): nothing in it is trusted yet.
//!
//! Scalars are [`Loose`] so that a wrong type becomes a typed data issue with its path instead
//! of failing the whole file, and list entries are [`Entry`] so that one broken entry is
//! skipped while the others are kept. Unknown fields are ignored.

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// Any JSON value, with containers reduced to [`Loose::Nested`].
#[derive(Debug, Clone, PartialEq)]
pub enum Loose {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number written without fraction or exponent (any size serde reads as an integer).
    Int(i128),
    /// Any other number.
    Float(f64),
    /// A string.
    Text(String),
    /// An object or array where a scalar was expected.
    Nested,
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LooseVisitor)
    }
}

struct LooseVisitor;

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Loose;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Loose, E> {
        Ok(Loose::Bool(value))
    }
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Loose, E> {
        Ok(Loose::Int(value.into()))
    }
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Loose, E> {
        Ok(Loose::Int(value.into()))
    }
    fn visit_i128<E: de::Error>(self, value: i128) -> Result<Loose, E> {
        Ok(Loose::Int(value))
    }
    fn visit_u128<E: de::Error>(self, value: u128) -> Result<Loose, E> {
        Ok(i128::try_from(value).map_or(Loose::Float(value as f64), Loose::Int))
    }
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Loose, E> {
        Ok(Loose::Float(value))
    }
    fn visit_str<E: de::Error>(self, value: &str) -> Result<Loose, E> {
        Ok(Loose::Text(value.to_owned()))
    }
    fn visit_string<E: de::Error>(self, value: String) -> Result<Loose, E> {
        Ok(Loose::Text(value))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Loose, D::Error> {
        deserializer.deserialize_any(LooseVisitor)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Loose::Nested)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Loose::Nested)
    }
}

/// A list entry or object that may be of the wrong shape.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Entry<T> {
    /// An object of the expected shape (its fields may still be wrong).
    Object(T),
    /// Anything else.
    Other(Loose),
}

/// A field that may be absent, null or of any type.
pub type Field = Option<Loose>;

/// The whole file.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct RawDataset {
    pub format: Field,
    pub version: Field,
    pub meta: Option<Entry<RawMeta>>,
    pub spending: Option<Entry<RawSpending>>,
    pub local_content: Option<Entry<RawLocalContent>>,
    pub targets: Option<Entry<Vec<Entry<RawTarget>>>>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct RawMeta {
    pub title: Field,
    pub publisher: Field,
    pub source_url: Field,
    pub license: Field,
    pub as_of: Field,
    pub period: Option<Entry<RawPeriod>>,
    pub fiscal_year: Field,
    pub currency: Field,
    pub illustrative: Field,
    pub region: Option<Entry<RawRegion>>,
    pub notes: Field,
    pub sources: Option<Entry<Vec<Entry<RawSource>>>>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct RawPeriod {
    pub start: Field,
    pub end: Field,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct RawRegion {
    pub code: Field,
    pub name: Field,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct RawSource {
    pub id: Field,
    pub title: Field,
    pub url: Field,
}

/// A money figure with provenance: `{"amount": 1, "illustrative": true, "source": "id"}`.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct RawFigure {
    pub amount: Field,
    pub illustrative: Field,
    pub source: Field,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct RawSpending {
    pub label: Field,
    pub fiscal_year: Field,
    pub stage: Field,
    pub pagu: Option<Entry<RawFigure>>,
    pub monthly: Option<Entry<Vec<Entry<RawMonth>>>>,
    pub by_method: Option<Entry<Vec<Entry<RawBreakdown>>>>,
    pub by_type: Option<Entry<Vec<Entry<RawBreakdown>>>>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct RawMonth {
    pub month: Field,
    pub amount: Field,
    pub illustrative: Field,
    pub source: Field,
}

/// A breakdown row; the category is in `method` or `type` depending on the list.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct RawBreakdown {
    pub method: Field,
    #[serde(rename = "type")]
    pub procurement_type: Field,
    pub amount: Field,
    pub packages: Field,
    pub illustrative: Field,
    pub source: Field,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct RawLocalContent {
    pub fiscal_year: Field,
    pub stage: Field,
    pub total: Option<Entry<RawFigure>>,
    pub pdn: Option<Entry<RawFigure>>,
    pub umkk: Option<Entry<RawFigure>>,
    pub by_unit: Option<Entry<Vec<Entry<RawUnit>>>>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct RawUnit {
    pub unit: Field,
    pub total: Field,
    pub pdn: Field,
    pub umkk: Field,
    pub illustrative: Field,
    pub source: Field,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct RawTarget {
    pub id: Field,
    pub label: Field,
    pub unit: Field,
    pub baseline: Field,
    pub start: Field,
    pub target: Field,
    pub deadline: Field,
    pub achieved: Field,
    pub as_of: Field,
    pub legal_basis: Field,
    pub illustrative: Field,
    pub source: Field,
}
