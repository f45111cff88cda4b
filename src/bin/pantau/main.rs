//! `pantau`: the publisher's command-line tool, built from the widget's own crate, with the same
//! readers, validation, views and drawing.
//!
//! ```text
//! pantau check FILE…                      data issues and a summary per file; exit 0, 1 or 2
//! pantau render FILE [options] -o OUT     the SVG the widget draws (or a PNG, or a social card)
//! pantau publish FILE -o DIR              what a publisher uploads: data, SHA256SUMS, snapshots…
//! pantau convert FILE… -o stats.json      package-level inputs aggregated into a format-v1 file
//! ```
//!
//! Native only: on the web target this program is empty.

#[cfg(not(target_arch = "wasm32"))]
mod check;
#[cfg(not(target_arch = "wasm32"))]
mod convert;
#[cfg(not(target_arch = "wasm32"))]
mod input;
#[cfg(not(target_arch = "wasm32"))]
mod picture;
#[cfg(not(target_arch = "wasm32"))]
mod publish;
#[cfg(not(target_arch = "wasm32"))]
mod render;

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    match run(&arguments) {
        Ok(code) => std::process::ExitCode::from(code),
        Err(message) => {
            eprintln!("pantau: {message}");
            eprintln!("{USAGE}");
            std::process::ExitCode::from(2)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str = "usage:
  pantau check [--lang id|en] FILE…
  pantau render FILE [--view spending|local-content|targets|oversight] [--lang id|en]
                [--theme light|dark] [--width PX] [--panel ID|all] [--png] [--og]
                [--snapshot] -o OUT
  pantau publish FILE [--lang id|en] [--widget DIST] [--base URL] -o DIR
  pantau convert FILE… -o stats.json";

/// The options of a command: flags and `--name value` pairs, and the files.
#[cfg(not(target_arch = "wasm32"))]
pub struct Arguments {
    pub files: Vec<String>,
    values: Vec<(String, String)>,
    flags: Vec<String>,
}

#[cfg(not(target_arch = "wasm32"))]
impl Arguments {
    /// Reads `arguments`; `flags` names the options that take no value.
    fn read(arguments: &[String], flags: &[&str]) -> Result<Arguments, String> {
        let mut read = Arguments {
            files: Vec::new(),
            values: Vec::new(),
            flags: Vec::new(),
        };
        let mut rest = arguments.iter();
        while let Some(argument) = rest.next() {
            let name = match argument.strip_prefix("--") {
                Some(name) => name,
                None if argument == "-o" => "out",
                None => {
                    read.files.push(argument.clone());
                    continue;
                }
            };
            if flags.contains(&name) {
                read.flags.push(name.to_owned());
                continue;
            }
            let value = rest
                .next()
                .ok_or_else(|| format!("--{name} needs a value"))?;
            read.values.push((name.to_owned(), value.clone()));
        }
        Ok(read)
    }

    /// The value of `--name`, if given.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(known, _)| known == name)
            .map(|(_, value)| value.as_str())
    }

    /// Whether the flag `--name` is given.
    pub fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|known| known == name)
    }

    /// Every option given that the command does not know: a typo must not pass silently.
    fn refuse_unknown(&self, known: &[&str]) -> Result<(), String> {
        match self
            .values
            .iter()
            .find(|(name, _)| !known.contains(&name.as_str()))
        {
            Some((name, _)) => Err(format!("unknown option --{name}")),
            None => Ok(()),
        }
    }

    /// `--lang`: `id` (default) or `en`.
    pub fn lang(&self) -> Result<pantau_pbj::i18n::Lang, String> {
        match self.value("lang") {
            None => Ok(pantau_pbj::i18n::Lang::Id),
            Some(tag) => pantau_pbj::i18n::Lang::from_tag(tag)
                .ok_or_else(|| format!("--lang {tag}: id or en")),
        }
    }

    /// `-o`, which every command but `check` needs.
    pub fn out(&self) -> Result<&str, String> {
        self.value("out")
            .ok_or_else(|| "-o OUT is needed".to_owned())
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run(arguments: &[String]) -> Result<u8, String> {
    let (command, rest) = arguments
        .split_first()
        .ok_or_else(|| "a command is needed".to_owned())?;
    match command.as_str() {
        "check" => {
            let read = Arguments::read(rest, &[])?;
            read.refuse_unknown(&["lang"])?;
            check::run(&read)
        }
        "render" => {
            let read = Arguments::read(rest, &["png", "og", "snapshot"])?;
            read.refuse_unknown(&["view", "lang", "theme", "width", "panel", "out"])?;
            render::run(&read).map(|()| 0)
        }
        "publish" => {
            let read = Arguments::read(rest, &[])?;
            read.refuse_unknown(&["widget", "base", "out", "lang"])?;
            publish::run(&read).map(|()| 0)
        }
        "convert" => {
            let read = Arguments::read(rest, &[])?;
            read.refuse_unknown(&["out"])?;
            convert::run(&read).map(|()| 0)
        }
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(0)
        }
        other => Err(format!("unknown command {other}")),
    }
}
