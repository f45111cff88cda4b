//! Reading an input as the widget reads a download: the same detection, readers and validation
//! (`ingest::read`), after undoing gzip where the input is compressed (a browser undoes a
//! server's `Content-Encoding: gzip` before the widget sees the bytes). An input is a path (any
//! bytes the system allows, UTF-8 or not) or `-`, standard input.

use super::failure::{Failure, CHECK_PATH, RUN_CHECK};
use pantau_pbj::format::{LoadError, Loaded};
use pantau_pbj::i18n::{describe_load_error, Lang};
use pantau_pbj::ingest::{read, Source};
use pantau_pbj::model::CivilDate;
use std::borrow::Cow;
use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Where an input comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// `-`: standard input.
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Input {
    /// `-` is standard input, anything else a path.
    pub fn from_argument(argument: &OsStr) -> Input {
        match argument == "-" {
            true => Input::Stdin,
            false => Input::File(PathBuf::from(argument)),
        }
    }

    /// The inputs of a command; standard input at most once (it can be read only once).
    pub fn all(arguments: &[OsString]) -> Result<Vec<Input>, Failure> {
        let inputs: Vec<Input> = arguments
            .iter()
            .map(|argument| Input::from_argument(argument))
            .collect();
        match inputs
            .iter()
            .filter(|input| **input == Input::Stdin)
            .count()
        {
            0 | 1 => Ok(inputs),
            _ => Err(Failure::usage("`-` (standard input) is given twice")
                .hint("standard input can be read once; give the other inputs as files")),
        }
    }

    /// How the input is named in messages: its path as the system gives it (lossy where it is
    /// not UTF-8), or `-`.
    pub fn shown(&self) -> String {
        match self {
            Input::Stdin => "-".to_owned(),
            Input::File(path) => path.display().to_string(),
        }
    }

    /// The name the input is read under, as the last segment of a download's address: its file
    /// name, less a `.gz` the tool undoes (standard input is read as `stdin`).
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "stdin".to_owned(),
            Input::File(path) => name(path),
        }
    }

    /// Every byte, as given (compressed or not).
    pub fn raw(&self) -> Result<Vec<u8>, Failure> {
        let mut bytes = Vec::new();
        let read = match self {
            Input::Stdin => std::io::stdin().lock().read_to_end(&mut bytes).map(|_| ()),
            Input::File(path) => std::fs::read(path).map(|read| bytes = read),
        };
        read.map_err(|error| {
            Failure::unusable(format!("cannot read {}: {error}", self.shown())).hint(CHECK_PATH)
        })?;
        Ok(bytes)
    }
}

/// `raw` decompressed when it starts with gzip's magic number.
pub fn gunzip<'raw>(raw: &'raw [u8], shown: &str) -> Result<Cow<'raw, [u8]>, Failure> {
    if !raw.starts_with(&[0x1f, 0x8b]) {
        return Ok(Cow::Borrowed(raw));
    }
    let mut text = Vec::new();
    flate2::read::MultiGzDecoder::new(raw)
        .read_to_end(&mut text)
        .map_err(|error| {
            Failure::unusable(format!("{shown}: broken gzip: {error}"))
                .hint("check that the file was downloaded whole")
        })?;
    Ok(Cow::Owned(text))
}

/// This year, as the widget takes it for records that name none.
pub fn current_year() -> i32 {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    CivilDate::from_days_since_epoch((seconds / 86_400) as i64).map_or(2024, CivilDate::year)
}

/// The name a file is read under: its file name, less a `.gz` the tool undoes.
pub fn name(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    match name.strip_suffix(".gz") {
        Some(stripped) => stripped.to_owned(),
        None => name,
    }
}

/// `bytes` read as the widget reads them, under `name` (a CSV file's name titles it).
pub fn load(name: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    read(Source {
        bytes: Cow::Borrowed(bytes),
        content_type: None,
        format: None,
        address: name,
        current_year: current_year(),
    })
}

/// An input read, decompressed and loaded as the widget loads it; a refusal is a failure that
/// says the widget's own reason.
pub fn loaded(input: &Input, lang: Lang) -> Result<(Vec<u8>, Loaded), Failure> {
    let raw = input.raw()?;
    let bytes = gunzip(&raw, &input.shown())?;
    let loaded = load(&input.name(), &bytes).map_err(|error| {
        Failure::unusable(format!(
            "{}: {}",
            input.shown(),
            describe_load_error(&error, lang)
        ))
        .hint(RUN_CHECK)
    })?;
    Ok((raw, loaded))
}
