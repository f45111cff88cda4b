//! Where a command writes one file: a path, or `-` for standard output.

use super::failure::{Failure, CHECK_OUT};
use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A command's one output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// `-`: standard output.
    Stdout,
    /// A file.
    File(PathBuf),
}

impl Output {
    /// `-` is standard output, anything else a path.
    pub fn from_argument(argument: &OsStr) -> Output {
        match argument == "-" {
            true => Output::Stdout,
            false => Output::File(PathBuf::from(argument)),
        }
    }

    /// How the output is named in messages.
    pub fn shown(&self) -> String {
        match self {
            Output::Stdout => "-".to_owned(),
            Output::File(path) => path.display().to_string(),
        }
    }

    /// Writes `bytes` whole.
    pub fn write(&self, bytes: &[u8]) -> Result<(), Failure> {
        match self {
            Output::Stdout => {
                let mut stdout = std::io::stdout().lock();
                stdout
                    .write_all(bytes)
                    .and_then(|()| stdout.flush())
                    .map_err(|error| {
                        Failure::unusable(format!("cannot write to standard output: {error}"))
                    })
            }
            Output::File(path) => write_file(path, bytes),
        }
    }
}

/// Writes `bytes` to `path`, making its folder first.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let failed = |error: std::io::Error, place: &Path| {
        Failure::unusable(format!("cannot write {}: {error}", place.display())).hint(CHECK_OUT)
    };
    if let Some(folder) = path
        .parent()
        .filter(|folder| !folder.as_os_str().is_empty())
    {
        std::fs::create_dir_all(folder).map_err(|error| failed(error, folder))?;
    }
    std::fs::write(path, bytes).map_err(|error| failed(error, path))
}
