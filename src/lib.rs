//! # Pantau PBJ
//!
//! An embeddable widget that shows what an Indonesian province buys (pengadaan barang/jasa,
//! PBJ): spending, local-content share (PDN, UMK-K) and progress toward targets.
//!
//! Data flows one way (file -> `ingest` -> `format` -> `model` -> `analysis` -> `views` ->
//! `chart` -> `app`); the one picture of it, naming each file in order, is in
//! docs/architecture.md (a test keeps it true).
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
