//! `pantau render FILE [--view V] [--lang L] [--theme T] [--width W] [--panel ID|all] [--png]
//! [--og] [--snapshot] -o OUT`: the SVG the widget downloads for a view's chart (the same
//! function draws both), or a PNG of it at twice the size, or a 1200×630 social card
//! (`og:image`). `--snapshot` records in the SVG the SHA-256 of the file it was drawn from, for
//! the widget's `snapshot` option. `-` reads standard input; `-o -` writes standard output.

use super::cli::RenderArgs;
use super::draw::{sha256_hex, svg_of, view_panels, Look};
use super::failure::Failure;
use super::input::{loaded, Input};
use super::output::{write_file, Output};
use super::picture;
use pantau_pbj::views::export::{recording, DOWNLOAD_WIDTH};
use pantau_pbj::views::{Panel, View};

pub fn run(arguments: &RenderArgs) -> Result<(), Failure> {
    let input = Input::from_argument(&arguments.file);
    let out = Output::from_argument(&arguments.out);
    let all = arguments.panel.as_deref() == Some("all");
    if all && out == Output::Stdout {
        return Err(
            Failure::usage("--panel all writes a folder, not standard output")
                .hint("give a folder after -o"),
        );
    }
    let view = View::from_code(&arguments.view).unwrap_or_default();
    let look = Look {
        lang: arguments.lang.lang(),
        dark: arguments.theme == "dark",
        width: arguments.width.unwrap_or(DOWNLOAD_WIDTH),
    };
    let (raw, loaded) = loaded(&input, look.lang)?;
    // The snapshot records the file as published (compressed or not): the bytes a reader gets.
    let recorded = arguments.snapshot.then(|| sha256_hex(&raw));
    drop(raw);
    let shown = view_panels(&loaded, view, look.lang);
    if shown.is_empty() {
        return Err(Failure::unusable(format!(
            "{}: the {} view has no chart for this file",
            input.shown(),
            view.code()
        ))
        .hint("try another --view, or `pantau check` to see what the file holds"));
    }
    let chosen: Vec<&Panel> = match arguments.panel.as_deref() {
        None => shown.iter().take(1).collect(),
        Some("all") => shown.iter().collect(),
        Some(id) => {
            let found: Vec<&Panel> = shown.iter().filter(|panel| panel.id == id).collect();
            if found.is_empty() {
                let ids: Vec<&str> = shown.iter().map(|panel| panel.id.as_str()).collect();
                return Err(Failure::usage(format!(
                    "--panel {id}: the {} view of this file has no such panel",
                    view.code()
                ))
                .hint(format!("give one of {}, or all", ids.join(", "))));
            }
            found
        }
    };
    let extension = if arguments.png || arguments.og {
        "png"
    } else {
        "svg"
    };
    for panel in chosen {
        let bytes = if arguments.og {
            picture::og_card(&loaded, panel, &look)?
        } else {
            let (svg, _, _) = svg_of(&loaded, panel, &look);
            let svg = match &recorded {
                Some(sha256) => recording(svg, sha256),
                None => svg,
            };
            match arguments.png {
                true => picture::png(&svg, 2.0)?,
                false => svg.into_bytes(),
            }
        };
        match (&out, all) {
            (Output::File(folder), true) => write_file(
                &folder.join(format!("{}-{}.{extension}", view.code(), panel.id)),
                &bytes,
            )?,
            (out, _) => out.write(&bytes)?,
        }
    }
    Ok(())
}
