//! Maps and sets keyed by what a file says (ids, unit names, codes): hashed with SipHash-1-3
//! under keys the file's author cannot know, so that no file can be built to make every key
//! collide (a fixed hash such as FxHash can be, which turns each look-up into a scan of all the
//! keys: quadratic work). The browser seeds the keys from its random source at start-up
//! ([`seed`]); elsewhere they come from the standard library's random state.

use siphasher::sip::SipHasher13;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

static KEYS: [AtomicU64; 2] = [AtomicU64::new(0), AtomicU64::new(0)];
static SEEDED: AtomicBool = AtomicBool::new(false);

/// Sets the keys of every map made from now on (the browser shell calls it once at start-up
/// with random bits: the standard library has no random source on the web).
pub fn seed(first: u64, second: u64) {
    KEYS[0].store(first, Ordering::Relaxed);
    KEYS[1].store(second, Ordering::Relaxed);
    SEEDED.store(true, Ordering::Relaxed);
}

/// The hasher of [`Map`] and [`Set`]: SipHash-1-3 under the process's keys.
#[derive(Debug, Clone, Copy)]
pub struct Keyed {
    keys: (u64, u64),
}

impl Default for Keyed {
    fn default() -> Keyed {
        if !SEEDED.load(Ordering::Relaxed) {
            let random = || std::hash::RandomState::new().build_hasher().finish();
            seed(random(), random());
        }
        Keyed {
            keys: (
                KEYS[0].load(Ordering::Relaxed),
                KEYS[1].load(Ordering::Relaxed),
            ),
        }
    }
}

impl BuildHasher for Keyed {
    type Hasher = SipHasher13;
    fn build_hasher(&self) -> SipHasher13 {
        SipHasher13::new_with_keys(self.keys.0, self.keys.1)
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
    fn maps_hash_with_the_keys_they_were_made_with() {
        let mut map: Map<&str, u32> = Map::default();
        map.insert("Dinas Kesehatan", 1);
        seed(7, 9);
        map.insert("Dinas Pendidikan", 2);
        assert_eq!(map.get("Dinas Kesehatan"), Some(&1));
        assert_eq!(map.get("Dinas Pendidikan"), Some(&2));
        assert_eq!(Keyed::default().keys, (7, 9));
    }
}
