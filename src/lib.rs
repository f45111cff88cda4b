//! # Pantau PBJ
//!
//! An embeddable widget that shows what an Indonesian province buys (pengadaan barang/jasa,
//! PBJ): spending, local-content share (PDN, UMK-K) and progress toward targets.
//!
//! Data flows one way, and each step has a name and a type:
//!
//! ```text
//! published file (Pantau JSON v1, OCDS 1.1, CSV of packages)
//!   -> ingest             detect the format, decode, read     (CSV cells, OCDS releases per ocid)
//!   -> format::raw        serde mirror of the file            (nothing trusted yet)
//!   -> format::validate   model::Dataset + typed DataIssues   (money as integer rupiah)
//!   -> analysis           series for a view (pure functions: cumulative, shares, projection)
//!   -> chart              frame, ticks, marks in pixels; drawn through any plotters backend
//!   -> app                Leptos components (browser only): fetch, views, tooltip, footer
//! ```
//!
//! Everything except `app` is pure Rust with no DOM, tested with plain `cargo test` on the host.

pub mod analysis;
pub mod chart;
pub mod format;
pub mod hash;
pub mod i18n;
pub mod ingest;
pub mod load;
pub mod model;
pub mod network;
pub mod options;
pub mod pace;
pub mod provenance;
pub mod views;

#[cfg(target_arch = "wasm32")]
pub mod app;
