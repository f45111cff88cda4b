//! `pantau`: the publisher's command-line tool, built from the widget's own crate, with the same
//! readers, validation, views and drawing.
//!
//! ```text
//! pantau check FILE…                      data issues and a summary per file (or --format json)
//! pantau convert FILE… -o stats.json      package-level inputs aggregated into a format-v1 file
//! pantau render FILE [options] -o OUT     the SVG the widget draws (or a PNG, or a social card)
//! pantau publish FILE -o DIR              what a publisher uploads: data, SHA256SUMS, snapshots…
//! pantau serve DIR                        a published folder on loopback, as a CDN serves it
//! pantau completions SHELL | pantau man   from the same definitions as the parser (cli.rs)
//! ```
//!
//! Exit codes (a promise, in `--help` and the README): 0 done (check: clean), 1 check: issues,
//! 2 an input cannot be used or an output written, 64 a wrong command line.
//!
//! Native only: on the web target this program is empty.

#[cfg(not(target_arch = "wasm32"))]
mod check;
#[cfg(not(target_arch = "wasm32"))]
mod cli;
#[cfg(not(target_arch = "wasm32"))]
mod convert;
#[cfg(not(target_arch = "wasm32"))]
mod draw;
#[cfg(not(target_arch = "wasm32"))]
mod failure;
#[cfg(not(target_arch = "wasm32"))]
mod input;
#[cfg(not(target_arch = "wasm32"))]
mod output;
#[cfg(not(target_arch = "wasm32"))]
mod picture;
#[cfg(not(target_arch = "wasm32"))]
mod progress;
#[cfg(not(target_arch = "wasm32"))]
mod publish;
#[cfg(not(target_arch = "wasm32"))]
mod render;
#[cfg(not(target_arch = "wasm32"))]
mod serve;

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use clap::Parser;
    let parsed = match cli::Cli::try_parse() {
        Ok(parsed) => parsed,
        Err(error) => {
            // --help and --version are answers, not errors; every other is a usage error,
            // said with clap's own suggestion ("a similar command exists: …").
            let _ = error.print();
            return std::process::ExitCode::from(match error.use_stderr() {
                true => cli::exit::USAGE,
                false => cli::exit::CLEAN,
            });
        }
    };
    match run(parsed.command) {
        Ok(code) => std::process::ExitCode::from(code),
        Err(failure) => {
            eprintln!("{}", failure.line());
            std::process::ExitCode::from(failure.code)
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run(command: cli::Command) -> Result<u8, failure::Failure> {
    use cli::{exit, Command};
    match command {
        Command::Check(arguments) => check::run(&arguments),
        Command::Convert(arguments) => convert::run(&arguments).map(|()| exit::CLEAN),
        Command::Render(arguments) => render::run(&arguments).map(|()| exit::CLEAN),
        Command::Publish(arguments) => publish::run(&arguments).map(|()| exit::CLEAN),
        Command::Serve(arguments) => serve::run(&arguments).map(|()| exit::CLEAN),
        Command::Completions(arguments) => {
            let mut command = <cli::Cli as clap::CommandFactory>::command();
            clap_complete::generate(
                arguments.shell,
                &mut command,
                "pantau",
                &mut std::io::stdout(),
            );
            Ok(exit::CLEAN)
        }
        Command::Man(arguments) => man(arguments.command.as_deref()).map(|()| exit::CLEAN),
    }
}

/// The man page of the tool, or of one of its commands, in roff on standard output.
#[cfg(not(target_arch = "wasm32"))]
fn man(command: Option<&str>) -> Result<(), failure::Failure> {
    let tool = <cli::Cli as clap::CommandFactory>::command();
    let page = match command {
        None => tool,
        Some(name) => {
            let names: Vec<String> = tool
                .get_subcommands()
                .map(|command| command.get_name().to_owned())
                .collect();
            let found = tool.find_subcommand(name).cloned().ok_or_else(|| {
                failure::Failure::usage(format!("man {name}: no such command"))
                    .hint(format!("give one of {}", names.join(", ")))
            })?;
            found.name(format!("pantau-{name}"))
        }
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut roff)
        .map_err(|error| failure::Failure::unusable(format!("man page: {error}")))?;
    output::Output::Stdout.write(&roff)
}
