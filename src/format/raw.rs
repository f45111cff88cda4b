//! The file as parsed, before anything is trusted: a `serde_json::Value` tree, read through
//! [`Object`] so that every scalar arrives as a [`Loose`] value of any type.
//!
//! A generic tree rather than derived structs keeps the WebAssembly small (one deserializer
//! instead of one per struct and field) and lets a wrong type become a typed data issue with
//! its JSON path instead of failing the whole file. Unknown fields are simply never read.

use serde_json::{Map, Value};

/// A scalar as found in the file.
#[derive(Debug, Clone, PartialEq)]
pub enum Loose {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number that JSON reading kept as an integer.
    Int(i128),
    /// Any other number (always finite: the reader refuses what a double cannot hold).
    Float(f64),
    /// A string.
    Text(String),
    /// An object or array where a scalar was expected.
    Nested,
}

/// A field that may be absent, null or of any type.
pub type Field = Option<Loose>;

impl Loose {
    /// The loose form of a JSON value.
    pub fn of(value: &Value) -> Loose {
        match value {
            Value::Null => Loose::Null,
            Value::Bool(flag) => Loose::Bool(*flag),
            Value::Number(number) => match (number.as_i64(), number.as_u64(), number.as_f64()) {
                (Some(int), _, _) => Loose::Int(int.into()),
                (_, Some(int), _) => Loose::Int(int.into()),
                (_, _, Some(float)) => Loose::Float(float),
                _ => Loose::Nested,
            },
            Value::String(text) => Loose::Text(text.clone()),
            Value::Array(_) | Value::Object(_) => Loose::Nested,
        }
    }
}

/// A JSON object whose fields are read by name.
#[derive(Debug, Clone, Copy)]
pub struct Object<'a>(pub &'a Map<String, Value>);

impl<'a> Object<'a> {
    /// A scalar field.
    pub fn field(self, name: &str) -> Field {
        self.0.get(name).map(Loose::of)
    }

    /// Any field, as it is.
    pub fn value(self, name: &str) -> Option<&'a Value> {
        self.0.get(name)
    }
}
