//! Typed, lenient JSON for published files: objects read straight into small structs that keep
//! only the fields the widget reads (everything else is skipped while parsing, never built), and
//! that never fail on a value of the wrong type. Each field remembers whether it was absent,
//! `null`, of the expected shape or of another one, so that releases merge exactly as JSON trees
//! would under the simplified OCDS merge (see `ocds`): objects field by field, arrays of objects
//! that all have an `id` by `id`, anything else replaced, `null` removes.

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Number, Value};
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

/// How fields of a lenient object merge (a later release's field into an earlier one's).
pub trait Merge: Clone {
    /// Merges `patch` into `self`.
    fn merge(&mut self, patch: &Self);
    /// Turns a `null` into absence (what merging into nothing does to a top-level field).
    fn forget_null(&mut self) {}
    /// The `id` of an object (present even when `null`); `None` for anything else.
    fn id(&self) -> Option<&Leaf> {
        None
    }
}

/// An object key, borrowed from the input when it has no escapes.
pub struct Key<'de>(pub Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("an object key")
            }
            fn visit_borrowed_str<E>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(key)))
            }
            fn visit_str<E>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(key.to_owned())))
            }
            fn visit_string<E>(self, key: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(key)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Reads the rest of an array, keeping nothing.
fn skip_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

/// Reads the rest of an object, keeping nothing.
fn skip_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// A value the widget reads as text or number (or compares, as an `id`). Hashable, so that
/// arrays merge by `id` through a map rather than by comparing every pair.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub enum Leaf {
    /// Not in the object.
    #[default]
    Absent,
    /// `null`.
    Null,
    /// A string.
    Text(Box<str>),
    /// A number, as JSON trees hold it (so `1` and `1.0` differ, as ids).
    Number(Number),
    /// `true` or `false`.
    Bool(bool),
    /// An array or object where a plain value was expected, kept whole (it may be an `id`).
    Other(Box<Value>),
}

impl Leaf {
    /// The value when the field is there (`null` included).
    pub fn get(&self) -> Option<&Leaf> {
        (*self != Leaf::Absent).then_some(self)
    }

    /// Whether the field is there (`null` included).
    pub fn is_present(&self) -> bool {
        *self != Leaf::Absent
    }

    /// The text, if it is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Leaf::Text(text) => Some(text),
            _ => None,
        }
    }

    /// The number, if it is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Leaf::Number(number) => number.as_f64(),
            _ => None,
        }
    }

    /// The number, if it is a whole number that fits `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Leaf::Number(number) => number.as_u64(),
            _ => None,
        }
    }
}

impl Merge for Leaf {
    fn merge(&mut self, patch: &Self) {
        match patch {
            Leaf::Absent => {}
            Leaf::Null => *self = Leaf::Absent,
            patch => *self = patch.clone(),
        }
    }
    fn forget_null(&mut self) {
        if *self == Leaf::Null {
            *self = Leaf::Absent;
        }
    }
}

impl<'de> Deserialize<'de> for Leaf {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LeafVisitor;
        impl<'de> Visitor<'de> for LeafVisitor {
            type Value = Leaf;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("any JSON value")
            }
            fn visit_unit<E>(self) -> Result<Leaf, E> {
                Ok(Leaf::Null)
            }
            fn visit_none<E>(self) -> Result<Leaf, E> {
                Ok(Leaf::Null)
            }
            fn visit_bool<E>(self, value: bool) -> Result<Leaf, E> {
                Ok(Leaf::Bool(value))
            }
            fn visit_i64<E>(self, value: i64) -> Result<Leaf, E> {
                Ok(Leaf::Number(value.into()))
            }
            fn visit_u64<E>(self, value: u64) -> Result<Leaf, E> {
                Ok(Leaf::Number(value.into()))
            }
            fn visit_f64<E>(self, value: f64) -> Result<Leaf, E> {
                Ok(Number::from_f64(value).map_or(Leaf::Null, Leaf::Number))
            }
            fn visit_str<E>(self, value: &str) -> Result<Leaf, E> {
                Ok(Leaf::Text(value.into()))
            }
            fn visit_string<E>(self, value: String) -> Result<Leaf, E> {
                Ok(Leaf::Text(value.into_boxed_str()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Leaf, A::Error> {
                let value = Value::deserialize(SeqAccessDeserializer::new(seq))?;
                Ok(Leaf::Other(Box::new(value)))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Leaf, A::Error> {
                let value = Value::deserialize(MapAccessDeserializer::new(map))?;
                Ok(Leaf::Other(Box::new(value)))
            }
        }
        deserializer.deserialize_any(LeafVisitor)
    }
}

/// Something that is either present in one expected shape, or absent, `null`, or of another
/// shape (then it counts as absent when read, and replaces what it merges into).
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Shaped<T> {
    /// Not in the object.
    #[default]
    Absent,
    /// `null`.
    Null,
    /// Of the expected shape.
    Set(T),
    /// Of another shape.
    Other,
}

impl<T> Shaped<T> {
    /// The value, when it has the expected shape.
    pub fn get(&self) -> Option<&T> {
        match self {
            Shaped::Set(value) => Some(value),
            _ => None,
        }
    }

    /// Whether the field is there (`null` and other shapes included).
    pub fn is_present(&self) -> bool {
        !matches!(self, Shaped::Absent)
    }
}

/// An object field (a struct of lenient fields).
pub type Obj<T> = Shaped<T>;

/// An array field.
pub type List<T> = Shaped<Vec<T>>;

impl<T> List<T> {
    /// The items (none unless it is an array).
    pub fn items(&self) -> &[T] {
        self.get().map(Vec::as_slice).unwrap_or(&[])
    }
}

/// The expected shape of a [`Shaped`] value: how it is read and merged.
pub trait Shape: Clone {
    /// True when read from a JSON array, false for a JSON object.
    const ARRAY: bool;
    /// Merges a patch of the same shape into `self`.
    fn merge_shape(&mut self, patch: &Self);
    /// Gives back room reserved while reading (arrays grow by doubling).
    fn shrink(&mut self) {}
}

impl<T: Merge> Shape for Vec<T> {
    const ARRAY: bool = true;
    fn shrink(&mut self) {
        self.shrink_to_fit();
    }
    fn merge_shape(&mut self, patch: &Self) {
        crate::pace::finish(merge_items(self, patch, &crate::pace::Pace::unbounded()));
    }
}

/// [`Shape::merge_shape`] of arrays, an item at a time ([`crate::pace::Pace`]): arrays of
/// objects that all have an `id` merge by `id`; others are replaced. Each patch goes to the
/// first item with its id, as a search from the start would, found through a map: a file may
/// hold tens of thousands of awards in each release. Only a `null` id can be lost by a merge
/// (into absence): that item then stops taking patches.
pub async fn merge_items<T: Merge>(items: &mut Vec<T>, patch: &[T], pace: &crate::pace::Pace) {
    if !patch.iter().all(|item| item.id().is_some()) {
        items.clear();
        return copy_items(items, patch, pace).await;
    }
    // The indices of the items with each id, the first last. Room for every id from the start:
    // growing a map (or the items) of hundreds of thousands moves all of them in one go.
    let mut known: crate::hash::Map<Leaf, Vec<usize>> = Default::default();
    known.reserve(items.len() + patch.len());
    items.reserve(patch.len());
    for (index, item) in items.iter().enumerate().rev() {
        pace.tick().await;
        if let Some(id) = item.id() {
            known.entry(id.clone()).or_default().push(index);
        }
    }
    for item in patch {
        pace.tick().await;
        let Some(id) = item.id() else { continue };
        let indices = known.entry(id.clone()).or_default();
        match indices.last() {
            Some(&index) => {
                items[index].merge(item);
                if items[index].id() != Some(id) {
                    indices.pop();
                }
            }
            None => {
                indices.push(items.len());
                items.push(item.clone());
            }
        }
    }
    // Dropped an entry at a time too: each holds two allocations.
    for entry in known.drain() {
        pace.tick().await;
        drop(entry);
    }
}

/// Copies of `patch`'s items after `items`, an item at a time.
async fn copy_items<T: Clone>(items: &mut Vec<T>, patch: &[T], pace: &crate::pace::Pace) {
    items.reserve(patch.len());
    for item in patch {
        pace.tick().await;
        items.push(item.clone());
    }
}

/// [`Merge::merge`] of an array field, an item at a time.
pub async fn merge_list<T: Merge>(this: &mut List<T>, patch: &List<T>, pace: &crate::pace::Pace) {
    match (this, patch) {
        (Shaped::Set(items), Shaped::Set(patch)) => merge_items(items, patch, pace).await,
        // Into anything else, the patch is copied as it is (duplicates and all).
        (this, Shaped::Set(patch)) => {
            let mut items = Vec::with_capacity(patch.len());
            copy_items(&mut items, patch, pace).await;
            *this = Shaped::Set(items);
        }
        (this, patch) => this.merge(patch),
    }
}

impl<T: Shape> Merge for Shaped<T> {
    fn merge(&mut self, patch: &Self) {
        match (self, patch) {
            (_, Shaped::Absent) => {}
            (this, Shaped::Null) => *this = Shaped::Absent,
            (Shaped::Set(this), Shaped::Set(patch)) => this.merge_shape(patch),
            (this, patch) => *this = patch.clone(),
        }
    }
    fn forget_null(&mut self) {
        if matches!(self, Shaped::Null) {
            *self = Shaped::Absent;
        }
    }
}

/// Reads a field of the shape `T`; [`Shaped::Other`] for anything else.
impl<'de, T: Deserialize<'de> + Shape> Deserialize<'de> for Shaped<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ShapedVisitor(PhantomData))
    }
}

struct ShapedVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de> + Shape> Visitor<'de> for ShapedVisitor<T> {
    type Value = Shaped<T>;
    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Shaped<T>, E> {
        Ok(Shaped::Null)
    }
    fn visit_none<E>(self) -> Result<Shaped<T>, E> {
        Ok(Shaped::Null)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Shaped<T>, E> {
        Ok(Shaped::Other)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Shaped<T>, E> {
        Ok(Shaped::Other)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Shaped<T>, E> {
        Ok(Shaped::Other)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Shaped<T>, E> {
        Ok(Shaped::Other)
    }
    fn visit_str<E>(self, _: &str) -> Result<Shaped<T>, E> {
        Ok(Shaped::Other)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Shaped<T>, A::Error> {
        if T::ARRAY {
            let mut items = T::deserialize(SeqAccessDeserializer::new(seq))?;
            items.shrink();
            Ok(Shaped::Set(items))
        } else {
            skip_seq(seq).map(|()| Shaped::Other)
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Shaped<T>, A::Error> {
        if T::ARRAY {
            skip_map(map).map(|()| Shaped::Other)
        } else {
            T::deserialize(MapAccessDeserializer::new(map)).map(Shaped::Set)
        }
    }
}

/// An array item expected to be an object.
#[derive(Debug, Clone, PartialEq)]
pub enum Item<T> {
    /// An object.
    Object(T),
    /// Anything else.
    Other,
}

impl<T> Item<T> {
    /// The object, if the item is one.
    pub fn get(&self) -> Option<&T> {
        match self {
            Item::Object(value) => Some(value),
            Item::Other => None,
        }
    }
}

impl<T: Merge> Merge for Item<T> {
    fn merge(&mut self, patch: &Self) {
        match (self, patch) {
            (Item::Object(this), Item::Object(patch)) => this.merge(patch),
            (this, patch) => *this = patch.clone(),
        }
    }
    fn id(&self) -> Option<&Leaf> {
        self.get().and_then(Merge::id)
    }
}

impl<'de, T: Deserialize<'de> + Shape> Deserialize<'de> for Item<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Shaped::<T>::deserialize(deserializer).map(|shaped| match shaped {
            Shaped::Set(value) => Item::Object(value),
            _ => Item::Other,
        })
    }
}

/// Declares a lenient object: a struct of lenient fields, each read from one key (later
/// duplicates win, as in a JSON tree), unknown keys skipped without being built. `id = field`
/// names the field that identifies it in an array.
macro_rules! lenient_object {
    (
        $(#[$meta:meta])*
        pub struct $name:ident { $($(#[$field_meta:meta])* $field:ident: $type:ty = $key:literal,)* }
        $(id = $id:ident)?
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct $name {
            $(
                $(#[$field_meta])*
                #[doc = concat!("The member `", $key, "`, as read.")]
                pub $field: $type,
            )*
        }

        impl $name {
            /// The keys this object keeps (every other is skipped).
            #[allow(dead_code)]
            pub const KEYS: &'static [&'static str] = &[$($key),*];

            /// Reads the value of `key` into its field; false when this object does not keep `key`.
            #[allow(dead_code)]
            pub fn set<'de, A: serde::de::MapAccess<'de>>(
                &mut self,
                key: &str,
                map: &mut A,
            ) -> Result<bool, A::Error> {
                match key {
                    $($key => self.$field = map.next_value()?,)*
                    _ => return Ok(false),
                }
                Ok(true)
            }
        }

        impl $crate::ingest::lenient::Merge for $name {
            fn merge(&mut self, patch: &Self) {
                $($crate::ingest::lenient::Merge::merge(&mut self.$field, &patch.$field);)*
            }
            fn forget_null(&mut self) {
                $($crate::ingest::lenient::Merge::forget_null(&mut self.$field);)*
            }
            $(fn id(&self) -> Option<&$crate::ingest::lenient::Leaf> {
                self.$id.get()
            })?
        }

        impl $crate::ingest::lenient::Shape for $name {
            const ARRAY: bool = false;
            fn merge_shape(&mut self, patch: &Self) {
                $crate::ingest::lenient::Merge::merge(self, patch);
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct ObjectVisitor;
                impl<'de> serde::de::Visitor<'de> for ObjectVisitor {
                    type Value = $name;
                    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                        formatter.write_str("an object")
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<$name, A::Error> {
                        let mut object = $name::default();
                        while let Some(key) = map.next_key::<$crate::ingest::lenient::Key>()? {
                            if !object.set(&key.0, &mut map)? {
                                map.next_value::<serde::de::IgnoredAny>()?;
                            }
                        }
                        Ok(object)
                    }
                }
                deserializer.deserialize_map(ObjectVisitor)
            }
        }
    };
}

pub(crate) use lenient_object;

#[cfg(test)]
mod tests {
    use super::*;

    lenient_object! {
        /// A test object.
        pub struct Thing {
            id: Leaf = "id",
            name: Leaf = "name",
            inner: Obj<Part> = "inner",
            list: List<Item<Part>> = "list",
        }
        id = id
    }

    lenient_object! {
        /// A part of one.
        pub struct Part {
            id: Leaf = "id",
            name: Leaf = "name",
            inner: Obj<Sub> = "inner",
        }
        id = id
    }

    lenient_object! {
        /// A part without an `id`.
        pub struct Sub {
            id: Leaf = "id",
            name: Leaf = "name",
        }
    }

    fn thing(json: &str) -> Thing {
        serde_json::from_str(json).unwrap()
    }

    /// The same merge on JSON trees, restricted to the keys `Thing` keeps.
    fn merge_trees(target: &mut Value, patch: &Value) {
        match (target, patch) {
            (Value::Object(target), Value::Object(patch)) => {
                for (key, value) in patch {
                    match value {
                        Value::Null => {
                            target.remove(key);
                        }
                        _ => match target.get_mut(key) {
                            Some(existing) => merge_trees(existing, value),
                            None => {
                                target.insert(key.clone(), value.clone());
                            }
                        },
                    }
                }
            }
            (Value::Array(target), Value::Array(patch))
                if patch.iter().all(|item| item.get("id").is_some()) =>
            {
                for item in patch {
                    match target
                        .iter_mut()
                        .find(|known| known.get("id") == item.get("id"))
                    {
                        Some(known) => merge_trees(known, item),
                        None => target.push(item.clone()),
                    }
                }
            }
            (target, patch) => *target = patch.clone(),
        }
    }

    #[test]
    fn wrong_types_never_fail_and_read_as_absent() {
        let read = thing(
            r#"{"id": [1, {"a": 2}], "name": 5, "inner": "x", "list": {"id": 1}, "more": {"deep": [1, 2]}}"#,
        );
        assert_eq!(read.name.as_str(), None);
        assert_eq!(read.name.as_u64(), Some(5));
        assert!(read.inner.get().is_none() && read.inner.is_present());
        assert!(read.list.items().is_empty());
        assert_eq!(
            read.id,
            Leaf::Other(Box::new(serde_json::json!([1, {"a": 2}])))
        );
        assert_eq!(
            thing(r#"{"name": "a", "name": "b"}"#).name.as_str(),
            Some("b")
        );
        assert_eq!(
            thing(r#"{"n\u0061me": "escaped"}"#).name.as_str(),
            Some("escaped")
        );
        assert!(serde_json::from_str::<Thing>("[1]").is_err());
    }

    #[test]
    fn merging_matches_merging_json_trees() {
        let cases = [
            (r#"{"id": 1, "name": "a"}"#, r#"{"name": null}"#),
            (
                r#"{"inner": {"name": "a", "id": 2}}"#,
                r#"{"inner": {"name": "b"}}"#,
            ),
            (r#"{"inner": "x"}"#, r#"{"inner": {"name": null, "id": 1}}"#),
            (r#"{"inner": {"name": "a"}}"#, r#"{"inner": 7}"#),
            (
                r#"{"list": [{"id": 1, "name": "a"}, {"id": "1", "name": "b"}]}"#,
                r#"{"list": [{"id": 1, "name": "c"}, {"id": null}]}"#,
            ),
            (
                r#"{"list": [{"id": 1, "name": "a"}]}"#,
                r#"{"list": [{"name": "c"}, {"id": 1}]}"#,
            ),
            (r#"{"list": [{"id": 1}]}"#, r#"{"list": []}"#),
            (r#"{"list": [1, 2]}"#, r#"{"list": [{"id": 3}]}"#),
            (
                r#"{"list": "x"}"#,
                r#"{"list": [{"id": 3, "inner": {"id": null}}]}"#,
            ),
            (r#"{}"#, r#"{"inner": {"name": null}, "id": null}"#),
        ];
        for (first, second) in cases {
            let mut typed = Thing::default();
            typed.merge(&thing(first));
            typed.merge(&thing(second));
            let mut tree = Value::Object(Default::default());
            merge_trees(&mut tree, &serde_json::from_str(first).unwrap());
            merge_trees(&mut tree, &serde_json::from_str(second).unwrap());
            assert_eq!(typed, thing(&tree.to_string()), "{first} then {second}");
        }
    }
}
