//! Helpers the integration tests share.

use pantau_pbj::format::{Loaded, Problem};

/// A load's listed issues as (place, problem), to compare with what a file should give.
pub fn problems(loaded: &Loaded) -> Vec<(String, Problem)> {
    loaded
        .issues
        .iter()
        .map(|issue| (issue.path.clone(), issue.problem.clone()))
        .collect()
}
