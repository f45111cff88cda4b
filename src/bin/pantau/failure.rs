//! A runtime failure: one line on standard error saying what went wrong, with which file, and
//! what to do; never the usage.

use super::cli::exit;

/// What went wrong, what to do about it, and the exit code.
#[derive(Debug)]
pub struct Failure {
    /// What went wrong, naming the file.
    pub what: String,
    /// What to do, when there is something to say.
    pub hint: Option<String>,
    /// The exit code ([`exit`]).
    pub code: u8,
}

impl Failure {
    /// An input that cannot be used, or an output that cannot be written (exit 2).
    pub fn unusable(what: impl Into<String>) -> Failure {
        Failure {
            what: what.into(),
            hint: None,
            code: exit::UNUSABLE,
        }
    }

    /// The command line asks for something that cannot be done together (exit 64).
    pub fn usage(what: impl Into<String>) -> Failure {
        Failure {
            what: what.into(),
            hint: None,
            code: exit::USAGE,
        }
    }

    /// The same failure, with what to do.
    pub fn hint(mut self, hint: impl Into<String>) -> Failure {
        self.hint = Some(hint.into());
        self
    }

    /// The one line printed: `pantau: error: WHAT; HINT`.
    pub fn line(&self) -> String {
        // A reason may carry a line break (an OS message, a parser's): one line all the same.
        let flat = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        match &self.hint {
            Some(hint) => format!("pantau: error: {}; {}", flat(&self.what), flat(hint)),
            None => format!("pantau: error: {}", flat(&self.what)),
        }
    }
}

/// Internal steps report a reason naming the file; it is an unusable input or output.
impl From<String> for Failure {
    fn from(what: String) -> Failure {
        Failure::unusable(what)
    }
}

/// The hint for a file the tool cannot read.
pub const CHECK_PATH: &str = "check the path and that the file can be read";
/// The hint for a file the widget's readers refuse.
pub const RUN_CHECK: &str =
    "run `pantau check` on it to see every issue (docs/inputs.md lists what is read)";
/// The hint for an output that cannot be written.
pub const CHECK_OUT: &str = "check that the folder exists and can be written";
