//! Progress on long work: a bar on standard error when it is a terminal (bytes, records and
//! rate), nothing otherwise, nothing with `--quiet`.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar, or nothing.
pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A bar over `total` bytes (a count without a bar where the total is not known), counting
    /// records as it goes; hidden when `quiet` or when standard error is not a terminal (a pipe,
    /// a file, a CI log).
    pub fn bytes(total: Option<u64>, what: &str, quiet: bool) -> Progress {
        let template = match total {
            Some(_) => "{prefix} [{bar:30}] {bytes}/{total_bytes} · {msg} · {binary_bytes_per_sec} · {eta} left",
            None => "{prefix} {spinner} {bytes} · {msg} · {binary_bytes_per_sec}",
        };
        let style = ProgressStyle::with_template(template)
            .map(|style| style.progress_chars("=> "))
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        Progress::new(total, what, quiet, style)
    }

    /// A bar over `total` steps (files written), with a message.
    pub fn steps(total: u64, what: &str, quiet: bool) -> Progress {
        let style = ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} · {msg}")
            .map(|style| style.progress_chars("=> "))
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        Progress::new(Some(total), what, quiet, style)
    }

    fn new(total: Option<u64>, what: &str, quiet: bool, style: ProgressStyle) -> Progress {
        // indicatif draws on standard error only when it is a terminal.
        let target = match quiet {
            true => ProgressDrawTarget::hidden(),
            false => ProgressDrawTarget::stderr_with_hz(8),
        };
        let bar = ProgressBar::with_draw_target(total, target).with_style(style);
        bar.set_prefix(what.to_owned());
        Progress { bar }
    }

    /// Moves to `position` (bytes or steps) and says `message`.
    pub fn at(&self, position: u64, message: impl Into<std::borrow::Cow<'static, str>>) {
        self.bar.set_position(position);
        self.bar.set_message(message);
    }

    /// One step further, saying `message`.
    pub fn step(&self, message: impl Into<std::borrow::Cow<'static, str>>) {
        self.bar.inc(1);
        self.bar.set_message(message);
    }

    /// Removes the bar from the terminal.
    pub fn done(&self) {
        self.bar.finish_and_clear();
    }
}
