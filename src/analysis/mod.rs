//! Pure functions from a validated dataset to what a view shows.

pub mod filter;
pub mod local_content;
pub mod oversight;
pub mod progress;
pub mod spending;
