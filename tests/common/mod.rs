//! Helpers shared by the native test files.
#![allow(dead_code)]

pub mod hostile;

use roundtable::model::{Stamp, TeamDocument};

pub const TODAY: &str = "2026-11-23";
pub const NOW: i64 = 1_795_392_000_000;

pub fn stamp(author: &str) -> Stamp {
    Stamp::new(Some(author), NOW)
}

/// A file kept in `tests/fixtures`.
pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .expect("the fixture is in tests/fixtures")
}

/// A team with its founder, Ana.
pub fn new_team() -> (TeamDocument, String) {
    TeamDocument::create("Platform", "Keep the lights on", "Ana", TODAY, NOW).expect("valid team")
}

/// Ana's browser, with a new team open.
pub fn ana_session() -> roundtable::session::Session<roundtable::storage::MemoryKv> {
    let mut s = roundtable::session::Session::new(roundtable::storage::MemoryKv::default());
    s.create("Platform", "Keep the lights on", "Ana", TODAY, NOW)
        .expect("a valid team");
    s
}
