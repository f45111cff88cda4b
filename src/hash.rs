//! Maps and sets keyed by what a file says (ids, unit names, codes): hashed with foldhash under
//! seeds the file's author cannot know, so that no file can be built to make its keys collide
//! (a fixed hash such as FxHash can be attacked so, which turns each look-up into a scan of all
//! the keys: quadratic work). Foldhash is as fast as FxHash here (SipHash made the grouping of
//! a hundred thousand packages a third slower). The browser seeds it from its random source at
//! start-up ([`seed`]); elsewhere the seeds come from the standard library's random state.

use foldhash::fast::FoldHasher;
use foldhash::SharedSeed;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::OnceLock;

/// The seed every map shares, made once from the first seed given.
static SHARED: OnceLock<SharedSeed> = OnceLock::new();
/// The seed of each map made from now on.
static PER_MAP: AtomicU64 = AtomicU64::new(0);
static SEEDED: AtomicBool = AtomicBool::new(false);

/// Seeds the maps made from now on (the browser shell calls it once at start-up with random
/// bits: the standard library has no random source on the web).
pub fn seed(shared: u64, per_map: u64) {
    SHARED.get_or_init(|| SharedSeed::from_u64(shared));
    PER_MAP.store(per_map, Ordering::Relaxed);
    SEEDED.store(true, Ordering::Relaxed);
}

/// The hasher of [`Map`] and [`Set`]: foldhash under the process's seeds.
#[derive(Debug, Clone, Copy)]
pub struct Keyed {
    per_map: u64,
    shared: &'static SharedSeed,
}

impl Default for Keyed {
    fn default() -> Keyed {
        if !SEEDED.load(Ordering::Relaxed) {
            let random = || std::hash::RandomState::new().build_hasher().finish();
            seed(random(), random());
        }
        let shared = SHARED.get_or_init(|| SharedSeed::from_u64(0));
        Keyed {
            per_map: PER_MAP.load(Ordering::Relaxed),
            shared,
        }
    }
}

impl BuildHasher for Keyed {
    type Hasher = FoldHasher<'static>;
    fn build_hasher(&self) -> FoldHasher<'static> {
        FoldHasher::with_seed(self.per_map, self.shared)
    }
}

/// A hash map for keys taken from a file.
pub type Map<K, V> = std::collections::HashMap<K, V, Keyed>;
/// A hash set for keys taken from a file.
pub type Set<K> = std::collections::HashSet<K, Keyed>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_hash_with_the_seeds_they_were_made_with() {
        let mut map: Map<&str, u32> = Map::default();
        map.insert("Dinas Kesehatan", 1);
        seed(7, 9);
        map.insert("Dinas Pendidikan", 2);
        assert_eq!(map.get("Dinas Kesehatan"), Some(&1));
        assert_eq!(map.get("Dinas Pendidikan"), Some(&2));
        assert_eq!(Keyed::default().per_map, 9);
        // Different seeds, different hashes (a file cannot know them).
        let hash = |keyed: Keyed| keyed.hash_one("Dinas Kesehatan");
        let other = Keyed {
            per_map: 10,
            ..Keyed::default()
        };
        assert_ne!(hash(Keyed::default()), hash(other));
    }
}
