//! Reading an input file as the widget reads a download: the same detection, readers and
//! validation (`ingest::read`), after undoing gzip where the file is compressed (a browser
//! undoes a server's `Content-Encoding: gzip` before the widget sees the bytes).

use pantau_pbj::format::{LoadError, Loaded};
use pantau_pbj::ingest::{read, Source};
use pantau_pbj::model::CivilDate;
use std::io::Read;

/// The bytes of `path`, decompressed when they start with gzip's magic number.
pub fn bytes(path: &str) -> Result<Vec<u8>, String> {
    let raw = std::fs::read(path).map_err(|error| format!("{path}: {error}"))?;
    if raw.starts_with(&[0x1f, 0x8b]) {
        let mut text = Vec::new();
        flate2::read::MultiGzDecoder::new(raw.as_slice())
            .read_to_end(&mut text)
            .map_err(|error| format!("{path}: gzip: {error}"))?;
        return Ok(text);
    }
    Ok(raw)
}

/// This year, as the widget takes it for records that name none.
pub fn current_year() -> i32 {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    CivilDate::from_days_since_epoch((seconds / 86_400) as i64).map_or(2024, CivilDate::year)
}

/// The name a file is read under, as the last segment of a download's address: its file name,
/// less a `.gz` the tool undoes.
pub fn name(path: &str) -> &str {
    std::path::Path::new(path)
        .file_name()
        .and_then(|name| name.to_str())
        .map(|name| name.strip_suffix(".gz").unwrap_or(name))
        .unwrap_or(path)
}

/// The file read as the widget reads it, named by its path (a CSV file's name titles it).
pub fn load(path: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    read(Source {
        bytes: std::borrow::Cow::Borrowed(bytes),
        content_type: None,
        format: None,
        address: name(path),
        current_year: current_year(),
    })
}
