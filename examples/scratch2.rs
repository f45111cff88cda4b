use pantau_pbj::analysis::filter::{apply, options, Filter};
use pantau_pbj::i18n::Lang;
use pantau_pbj::views::{panels, View};
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[1]).unwrap();
    let loaded = pantau_pbj::ingest::read(pantau_pbj::ingest::Source {
        bytes: bytes.as_slice().into(),
        content_type: Some("application/json"),
        format: None,
        address: "x",
        current_year: 2024,
    })
    .unwrap();
    let view = match args[2].as_str() {
        "t" => View::Targets,
        "l" => View::LocalContent,
        _ => View::Spending,
    };
    let n = apply(&loaded.dataset, &Filter::default());
    let start = std::time::Instant::now();
    for _ in 0..10 {
        drop(panels(&n, view, Lang::Id, false));
    }
    for _ in 0..3 {
        drop(options(&loaded.dataset));
    }
    eprintln!("{:?}", start.elapsed());
}
