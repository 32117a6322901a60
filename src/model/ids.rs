//! Record identifiers: random, so that teammates editing apart never collide.

use std::sync::atomic::{AtomicU64, Ordering};

const ALPHABET: &[u8; 32] = b"abcdefghjkmnpqrstuvwxyz23456789_";

/// A fresh identifier such as `r_k3m9x2ab7qpz`: a one-letter kind, then 12
/// random characters (60 bits), enough for a team's lifetime of records.
pub fn new_id(kind: char) -> String {
    id_from(kind, |bytes| getrandom::fill(bytes).is_ok())
}

/// Ids made in this run, so that fallback ids never repeat.
static MADE: AtomicU64 = AtomicU64::new(0);

/// An id from the random source `fill`; when it fails, from a mix of a
/// count of ids made, where memory was handed out, and whatever time the
/// platform tells — never a constant, so ids stay unique even then and an
/// edit is never lost to a failing random source.
pub fn id_from(kind: char, fill: impl FnOnce(&mut [u8]) -> bool) -> String {
    let mut bytes = [0u8; 12];
    let n = MADE.fetch_add(1, Ordering::Relaxed);
    if !fill(&mut bytes) {
        let probe = Box::new(n);
        // Mixed in stages: XOR-ing the three first let two calls meet
        // (the count and the address both step in their low bits), and the
        // test of 1,000 such ids failed now and then.
        let mut x = splitmix(splitmix(splitmix(n) ^ (&*probe as *const u64 as u64)) ^ clock());
        for chunk in bytes.chunks_mut(8) {
            x = splitmix(x);
            for (b, v) in chunk.iter_mut().zip(x.to_le_bytes()) {
                *b = v;
            }
        }
    }
    let mut id = String::with_capacity(14);
    id.push(kind);
    id.push('_');
    for b in bytes {
        id.push(ALPHABET[(b & 31) as usize] as char);
    }
    id
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Nanoseconds since the epoch where the platform has a clock (not in
/// WebAssembly without the browser's help).
fn clock() -> u64 {
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64)
    }
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() as u64
    }
}

/// Whether `s` looks like an id this app would make: guards keys typed into
/// links or files before they are used as map keys or storage keys.
pub fn is_valid_id(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 3
        && b.len() <= 64
        && b[1] == b'_'
        && b[0].is_ascii_lowercase()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}
