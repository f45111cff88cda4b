use pantau_pbj::analysis::filter::{apply, options, Filter};
use pantau_pbj::i18n::Lang;
use pantau_pbj::views::{panels, View};
use std::time::Instant;
fn main() {
    for name in std::env::args().skip(1) {
        let bytes = std::fs::read(&name).unwrap();
        let loaded = pantau_pbj::ingest::read(pantau_pbj::ingest::Source {
            bytes: bytes.as_slice().into(),
            content_type: Some(if name.ends_with("csv") {
                "text/csv"
            } else {
                "application/json"
            }),
            format: None,
            address: "x",
            current_year: 2024,
        })
        .unwrap();
        let t = Instant::now();
        let o = options(&loaded.dataset);
        let a = t.elapsed().as_secs_f64() * 1000.0;
        let t = Instant::now();
        let n = apply(&loaded.dataset, &Filter::default());
        let b = t.elapsed().as_secs_f64() * 1000.0;
        print!(
            "{name}: units {} options {a:.0} apply {b:.0}",
            o.units.len()
        );
        for view in View::ALL {
            let t = Instant::now();
            let p = panels(&n, view, Lang::Id, false);
            print!(
                " {view:?} {:.0} ({} panels)",
                t.elapsed().as_secs_f64() * 1000.0,
                p.len()
            );
        }
        let t = Instant::now();
        drop(n);
        drop(loaded);
        println!(" drop {:.0}", t.elapsed().as_secs_f64() * 1000.0);
    }
}
