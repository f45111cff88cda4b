//! Pantau's published statistics format, version 1: parsing and validation.
//!
//! `parse` turns the bytes of a file into a [`Dataset`] plus the [`DataIssue`]s found on the
//! way; a value that cannot be trusted is skipped (or, for a fractional amount, rounded) and
//! reported, so a file with some bad entries still shows what is good.

mod issues;
mod packages;
mod raw;
mod read;
mod validate;
pub mod write;

pub use issues::{DataIssue, Expected, Issues, LoadError, Problem};
pub use packages::MAX_PACKAGES;
pub use read::{
    clean_text, cut_chars, is_format_character, is_noncharacter, raw_value, MAX_TEXT_CHARS,
    RAW_VALUE_CHARS,
};
pub use validate::{from_tree, parse, validate, Loaded, FORMAT_NAME, FORMAT_VERSION};
