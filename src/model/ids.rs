//! Record identifiers: random, so that teammates editing apart never collide.

const ALPHABET: &[u8; 32] = b"abcdefghjkmnpqrstuvwxyz23456789_";

/// A fresh identifier such as `r_k3m9x2ab7qpz`: a one-letter kind, then 12
/// random characters (60 bits), enough for a team's lifetime of records.
pub fn new_id(kind: char) -> String {
    let mut bytes = [0u8; 12];
    // A failing OS random source is not recoverable input; fall back to time
    // mixing rather than panicking so an edit is never lost to it.
    if getrandom::fill(&mut bytes).is_err() {
        let mut x = fallback_seed();
        for b in bytes.iter_mut() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            *b = x as u8;
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

fn fallback_seed() -> u64 {
    let p = &ALPHABET as *const _ as u64;
    p.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1
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
