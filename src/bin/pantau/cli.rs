//! The tool's command line, defined once: parsing, `--help`, `--version`, suggestions for
//! misspelt commands and options, the shell completions and the man page all come from these
//! types (clap).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::path::PathBuf;

/// The exit codes, a stable promise (also in `--help` and the README).
pub mod exit {
    /// Done; for `check`, every file is clean.
    pub const CLEAN: u8 = 0;
    /// `check`: some file has data issues but charts.
    pub const ISSUES: u8 = 1;
    /// An input cannot be used (unreadable, not a recognised file, nothing to chart), or an output
    /// cannot be written.
    pub const UNUSABLE: u8 = 2;
    /// The command line itself is wrong (an unknown command or option, a missing or bad value).
    pub const USAGE: u8 = 64;
}

/// The exit codes' text: one copy, in the tool's help and its man page.
macro_rules! exit_codes {
    () => {
        "Exit codes:
  0   done; for check, every file is clean
  1   check: some file has data issues but still charts
  2   an input cannot be used (unreadable, not a recognised file, nothing to chart),
      or an output cannot be written
  64  the command line is wrong (unknown command or option, missing or bad value)"
    };
}

const MAIN_AFTER: &str = concat!(
    "Examples:
  pantau check sirup-2024.json paket.csv.gz        what the widget would say of each file
  pantau convert exports/*.csv.gz -o stats.json    many exports into one small statistics file
  pantau render stats.json --view local-content -o chart.svg
  pantau publish stats.json --base https://data.example.go.id/pbj -o site/
  pantau serve site/                               preview the folder as a CDN serves it
  gunzip -c isb.json.gz | pantau check -           standard input

",
    exit_codes!(),
    "

`-` stands for standard input (and for standard output after -o, where one file is written).
Progress bars show on a terminal only (standard error); --quiet silences them.
A runtime error is one line on standard error: what went wrong, with which file, what to do."
);

/// The publisher's tool of Pantau PBJ: check, convert, render and publish procurement
/// statistics with the widget's own readers, validation, views and drawing.
#[derive(Debug, Parser)]
#[command(
    name = "pantau",
    version,
    after_help = MAIN_AFTER,
    propagate_version = true,
    subcommand_required = true,
    arg_required_else_help = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    Check(CheckArgs),
    Convert(ConvertArgs),
    Render(RenderArgs),
    Publish(PublishArgs),
    Serve(ServeArgs),
    Completions(CompletionsArgs),
    Man(ManArgs),
}

/// The reader's language of what the tool writes about the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum LangArg {
    /// Bahasa Indonesia
    #[default]
    Id,
    /// English
    En,
}

impl LangArg {
    pub fn lang(self) -> pantau_pbj::i18n::Lang {
        match self {
            LangArg::Id => pantau_pbj::i18n::Lang::Id,
            LangArg::En => pantau_pbj::i18n::Lang::En,
        }
    }
}

/// What `check` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum CheckFormat {
    /// Each issue on a line, then a summary line per file
    #[default]
    Text,
    /// One JSON document (docs/check.schema.json), for CI
    Json,
}

/// Each file read exactly as the widget reads it: its data issues and a summary.
#[derive(Debug, Args)]
#[command(after_help = CHECK_AFTER)]
pub struct CheckArgs {
    /// Files to check (CSV, JSON, JSON Lines, OCDS, Pantau format v1; gzip or not); `-` reads
    /// standard input
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<OsString>,
    /// Language of the messages
    #[arg(long, value_enum, default_value_t)]
    pub lang: LangArg,
    /// Output: text lines, or one JSON document for CI
    #[arg(long, value_enum, default_value_t)]
    pub format: CheckFormat,
}

const CHECK_AFTER: &str = "\
Examples:
  pantau check sirup-2024.json                    issues, then a summary line
  pantau check --lang en *.csv.gz                 several files, messages in English
  pantau check --format json stats.json > issues.json
  gunzip -c export.json.gz | pantau check -       standard input

Exit codes: 0 every file clean, 1 some file has issues but charts, 2 some file cannot be used,
64 a wrong command line.";

/// Package-level inputs aggregated into one small format-v1 statistics file.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  pantau convert sirup-2024.csv.gz -o stats.json
  pantau convert exports/*.csv.gz ocds.jsonl -o stats.json
  zcat big.csv.gz | pantau convert - -o - | gzip > stats.json.gz

CSV and JSON Lines of records are streamed in steps of 20.000 records; JSON documents and OCDS
release lines are read whole (the releases of one process are merged by ocid wherever they lie).
A progress bar (bytes, records, rate) shows on a terminal.

Exit codes: 0 written, 2 an input cannot be used or the output cannot be written, 64 a wrong
command line.")]
pub struct ConvertArgs {
    /// Inputs (CSV, JSON Lines, ISB JSON, OCDS; gzip or not); `-` reads standard input
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<OsString>,
    /// The statistics file to write; `-` writes standard output
    #[arg(short, long, value_name = "OUT")]
    pub out: OsString,
    /// No progress bar and no summary on standard error
    #[arg(short, long)]
    pub quiet: bool,
}

/// A view's chart as the SVG the widget downloads, a PNG, or a social card.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  pantau render stats.json -o spending.svg
  pantau render stats.json --view local-content --lang en --theme dark -o chart.svg
  pantau render stats.json --panel all -o charts/          every panel of the view, in a folder
  pantau render stats.json --og -o card.png                 a 1200×630 social card
  pantau render stats.json -o - > chart.svg

Exit codes: 0 written, 2 the input cannot be used (or has no chart for the view) or the output
cannot be written, 64 a wrong command line.")]
pub struct RenderArgs {
    /// The data file; `-` reads standard input
    #[arg(value_name = "FILE")]
    pub file: OsString,
    /// The view
    #[arg(long, value_parser = ["spending", "local-content", "targets", "oversight"], default_value = "spending")]
    pub view: String,
    /// Language of the chart's text
    #[arg(long, value_enum, default_value_t)]
    pub lang: LangArg,
    /// Colours
    #[arg(long, value_parser = ["light", "dark"], default_value = "light")]
    pub theme: String,
    /// Width in pixels, 200 to 4000
    #[arg(long, value_parser = clap::value_parser!(u32).range(200..=4000))]
    pub width: Option<u32>,
    /// A panel's id, or `all` for every panel of the view (then OUT is a folder)
    #[arg(long, value_name = "ID|all")]
    pub panel: Option<String>,
    /// A PNG at twice the size instead of SVG
    #[arg(long)]
    pub png: bool,
    /// A 1200×630 social card (PNG, for og:image)
    #[arg(long, conflicts_with = "png")]
    pub og: bool,
    /// Record the data's SHA-256 in the SVG (for the widget's `snapshot` option)
    #[arg(long)]
    pub snapshot: bool,
    /// The file to write (a folder with --panel all); `-` writes standard output
    #[arg(short, long, value_name = "OUT")]
    pub out: OsString,
}

/// A folder to upload: the data, its checksum, snapshots, the widget and a transparency page.
///
/// Writes the data file and SHA256SUMS, snapshots of each view (360, 640 and 960 px, light and
/// dark), social cards, embed.html (iframe and script snippets), the widget's build with its
/// page showing the first chart before any code, a transparency page, and precompressed `.br`
/// and `.gz` copies of every text file.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  trunk build --release                                       the widget's build, dist/
  pantau publish stats.json -o site/
  pantau publish stats.json --base https://data.example.go.id/pbj --lang en -o site/
  pantau convert exports/*.csv.gz -o - | pantau publish - --name pbj-2024.json -o site/

Upload site/ as it is to any static host or object storage; `pantau serve site/` previews it.

Exit codes: 0 written, 2 the input cannot be used (or no view has a chart) or the folder cannot
be written, 64 a wrong command line.")]
pub struct PublishArgs {
    /// The data file; `-` reads standard input (then give --name)
    #[arg(value_name = "FILE")]
    pub file: OsString,
    /// The published data file's name (needed with `-`; default: FILE's name)
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Language of the pages, snippets and the first snapshots
    #[arg(long, value_enum, default_value_t)]
    pub lang: LangArg,
    /// The widget's release build to copy
    #[arg(long, value_name = "DIST", default_value = "dist")]
    pub widget: PathBuf,
    /// The folder's public address, for absolute addresses in the snippets and og:image
    #[arg(long, value_name = "URL")]
    pub base: Option<String>,
    /// The folder to write
    #[arg(short, long, value_name = "DIR")]
    pub out: PathBuf,
    /// No progress bar and no summary on standard error
    #[arg(short, long)]
    pub quiet: bool,
}

/// Preview a published folder on loopback, served as a CDN would serve it.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  pantau serve site/                  http://127.0.0.1:8000/
  pantau serve site/ --port 9000
  pantau serve site/ --port 0         any free port (the address is printed)

Serves the precompressed .br or .gz file when the browser accepts it, with the content types,
the Content-Security-Policy and the cache headers the README recommends. Loopback only.")]
pub struct ServeArgs {
    /// The folder `pantau publish` wrote
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// The port on 127.0.0.1 (0: any free port)
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
}

/// Shell completions, printed to standard output.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  pantau completions bash > ~/.local/share/bash-completion/completions/pantau
  pantau completions zsh > ~/.zfunc/_pantau
  pantau completions fish > ~/.config/fish/completions/pantau.fish")]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// The man page (roff), printed to standard output.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  pantau man > ~/.local/share/man/man1/pantau.1 && man pantau
  pantau man convert > pantau-convert.1")]
pub struct ManArgs {
    /// A command's own page (default: the tool's)
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}
