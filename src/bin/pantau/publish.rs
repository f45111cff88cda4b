//! `pantau publish FILE -o DIR` (not yet: see #15).

use super::Arguments;

pub fn run(_arguments: &Arguments) -> Result<(), String> {
    Err("publish is not built yet".to_owned())
}
