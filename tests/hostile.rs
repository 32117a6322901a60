//! Hostile and damaged input is refused quickly, with its own message, and
//! changes nothing: nesting, text and compression bombs, and the checks
//! that run before Automerge sees any bytes.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::time::{Duration, Instant};

use common::{hostile, NOW, TODAY};
use roundtable::{
    model::{LoadError, TeamDocument},
    session::{
        vet::{Input, Verdict, Vetter},
        Imported, Session,
    },
    share::encode_fragment,
    storage::MemoryKv,
};

fn ana() -> Session<MemoryKv> {
    let mut s = Session::new(MemoryKv::default());
    s.create("Platform", "Keep the lights on", "Ana", TODAY, NOW)
        .unwrap();
    s
}

/// Imports `bytes` into Ana's team: refused, nothing stored changed, and
/// said quickly. Returns the message.
fn refused_quickly(s: &mut Session<MemoryKv>, bytes: Vec<u8>) -> String {
    let before = s.store().kv().map.clone();
    let (team, stored) = s.stored_team().unwrap();
    let mut v = Vetter::new();
    v.hold(&stored).unwrap();
    let started = Instant::now();
    let verdict = v.vet(Some(&team), &Input::Bytes(bytes.clone()));
    let outcome = s.import(bytes, None);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(s.store().kv().map, before);
    let Imported::Refused(why) = outcome else {
        panic!("refused, got {outcome:?}")
    };
    assert_eq!(verdict, Verdict::Refused(why.clone()));
    why
}

#[test]
fn deep_nesting_is_refused_with_its_own_message() {
    let mut s = ana();
    let team = s.team_bytes().unwrap();
    let whole = hostile::nested(&team, 500);
    assert!(refused_quickly(&mut s, whole.clone()).contains("nests data deeper"));
    let why = refused_quickly(&mut s, hostile::nested_delta(&team, 500));
    assert!(why.contains("nests data deeper"), "{why}");
    // Joining with it is refused too.
    let mut fresh = Session::new(MemoryKv::default());
    let Imported::Refused(why) = fresh.import(whole, None) else {
        panic!("refused")
    };
    assert!(why.contains("nests data deeper"));
    assert!(fresh.store().kv().map.is_empty());
    // Ordinary nesting passes.
    let fine = hostile::nested(&team, 8);
    assert!(matches!(s.import(fine, None), Imported::Merged { .. }));
}

#[test]
fn two_million_characters_in_a_small_file_are_refused() {
    let mut s = ana();
    let bomb = hostile::text_bomb(&s.team_bytes().unwrap(), 2_000_000);
    assert!(bomb.len() < 64 * 1024, "{} bytes", bomb.len());
    let why = refused_quickly(&mut s, bomb);
    assert!(why.contains("far more changes than its size"), "{why}");
}

#[test]
fn a_compression_bomb_is_refused_without_inflating_it_all() {
    let bomb = hostile::compression_bomb(256 << 20);
    let started = Instant::now();
    assert!(matches!(
        TeamDocument::load(&bomb),
        Err(LoadError::Expands { .. })
    ));
    assert!(started.elapsed() < Duration::from_secs(1));
    let why = refused_quickly(&mut ana(), bomb.clone());
    assert!(why.contains("expands to more than"), "{why}");
    // Inside a link, too: the link itself is small.
    let link = encode_fragment(&bomb);
    assert!(link.len() < 8_000, "{} chars", link.len());
    let mut v = Vetter::new();
    let Verdict::Refused(why) = v.vet(None, &Input::Link(link)) else {
        panic!("refused")
    };
    assert!(why.contains("expands to more than"), "{why}");
}

#[test]
fn real_teams_pass_the_guards() {
    // The example team and a team with typed prose: nothing a person makes
    // comes near the limits.
    let (mut doc, _) = roundtable::model::example::example_team(TODAY, NOW).unwrap();
    let bytes = doc.export();
    assert!(TeamDocument::load(&bytes).is_ok());
    let mut s = ana();
    let long = "Typing a long purpose, word by word. ".repeat(200);
    for i in (0..long.len()).step_by(97) {
        s.edit(NOW, |d, st| d.set_team_purpose(st, &long[..i]))
            .unwrap();
    }
    let file = s.team_bytes().unwrap();
    assert!(TeamDocument::load(&file).is_ok());
}
