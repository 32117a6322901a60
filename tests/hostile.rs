//! Hostile and damaged input is refused quickly, with its own message, and
//! changes nothing: nesting, text and compression bombs, and the checks
//! that run before Automerge sees any bytes.
#![cfg(not(target_arch = "wasm32"))]
// Sorts here are not in the page (see clippy.toml).
#![allow(clippy::disallowed_methods)]

mod common;

use std::time::{Duration, Instant};

use common::{ana_session as ana, hostile, NOW, TODAY};
use roundtable::{
    model::{LoadError, TeamDocument},
    session::{
        vet::{Input, Verdict, Vetter},
        Imported, Session,
    },
    share::encode_fragment,
    storage::MemoryKv,
};

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
fn nesting_is_allowed_exactly_to_the_limit_through_maps_and_lists() {
    use automerge::{transaction::Transactable, AutoCommit, ObjType, ROOT};
    // The documented limit (`load::MAX_DEPTH`).
    const MAX_DEPTH: usize = 32;
    let team = ana().team_bytes().unwrap();
    let too_deep =
        |bytes: &[u8]| matches!(TeamDocument::load(bytes), Err(LoadError::TooDeep { .. }));
    // The deepest map of `nested(.., n)` is n objects below the root.
    assert!(!too_deep(&hostile::nested(&team, MAX_DEPTH)));
    assert!(too_deep(&hostile::nested(&team, MAX_DEPTH + 1)));
    // Lists count as maps do; a text at the bottom does not count.
    for (levels, refused) in [(MAX_DEPTH, false), (MAX_DEPTH + 1, true)] {
        let mut doc = AutoCommit::load(&team).unwrap();
        let mut obj = doc.put_object(ROOT, "deep", ObjType::List).unwrap();
        for n in 1..levels {
            obj = if n % 2 == 1 {
                doc.insert_object(&obj, 0, ObjType::Map).unwrap()
            } else {
                doc.put_object(&obj, "d", ObjType::List).unwrap()
            };
        }
        if levels % 2 == 1 {
            doc.insert_object(&obj, 0, ObjType::Text).unwrap();
        } else {
            doc.put_object(&obj, "t", ObjType::Text).unwrap();
        }
        doc.commit();
        assert_eq!(too_deep(&doc.save()), refused, "{levels} levels");
    }
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

/// Writes the hostile inputs the end-to-end tests open in Chromium
/// (`tests/e2e/fixtures/`). Run by hand when they need making again:
/// `cargo test --test hostile -- --ignored write_e2e_fixtures`.
#[test]
#[ignore]
fn write_e2e_fixtures() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/fixtures");
    std::fs::create_dir_all(&dir).unwrap();
    let mut s = ana();
    let team = s.team_bytes().unwrap();
    let nested = encode_fragment(&hostile::nested(&team, 500));
    std::fs::write(dir.join("nested-500.link"), &nested).unwrap();
    std::fs::write(
        dir.join("text-2m.automerge"),
        hostile::text_bomb(&team, 2_000_000),
    )
    .unwrap();
    let bomb = encode_fragment(&hostile::compression_bomb(1 << 30));
    std::fs::write(dir.join("bomb-1g.link"), &bomb).unwrap();
    // A teammate's *Send to* link (only the changes Ana lacks) with one
    // character changed, that makes Automerge panic while taking it in:
    // the first such change, position by position. The end-to-end test
    // joins the team from `base.automerge` first.
    std::panic::set_hook(Box::new(|_| {}));
    for i in 0..4 {
        s.edit(NOW, |d, st| d.add_decision(st, &format!("Decision {i}")))
            .unwrap();
    }
    let base = s.team_bytes().unwrap();
    let (team_id, stored) = s.stored_team().unwrap();
    let mut bo = Session::new(MemoryKv::default());
    bo.import(base.clone(), None);
    let heads = {
        let mut d = TeamDocument::load(&base).unwrap().0;
        d.heads()
    };
    for i in 0..3 {
        bo.edit(NOW, |d, st| {
            d.add_decision(st, &format!("Bo's decision {i}"))
        })
        .unwrap();
    }
    let delta = match bo_doc(&mut bo).changes_for(&heads) {
        roundtable::model::Delta::Changes(b) => b,
        other => panic!("a delta, got {other:?}"),
    };
    let link = encode_fragment(&delta);
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let chars: Vec<char> = link.chars().collect();
    for at in 6..chars.len() {
        for &c in ALPHABET {
            let mut changed = chars.clone();
            changed[at] = c as char;
            let changed: String = changed.into_iter().collect();
            let panicked = std::panic::catch_unwind(|| {
                let mut v = Vetter::new();
                v.hold(&stored).unwrap();
                v.vet(Some(&team_id), &Input::Link(changed.clone()))
            })
            .is_err();
            if panicked {
                let _ = std::panic::take_hook();
                std::fs::write(dir.join("base.automerge"), &base).unwrap();
                std::fs::write(dir.join("one-char-changed.link"), &changed).unwrap();
                std::fs::write(dir.join("one-char-changed.original.link"), &link).unwrap();
                std::fs::write(dir.join("teammate.automerge"), bo.team_bytes().unwrap()).unwrap();
                return;
            }
        }
    }
    let _ = std::panic::take_hook();
    panic!("no one-character change of the link made Automerge panic");
}

/// The document of a session, as it is now.
fn bo_doc(s: &mut Session<MemoryKv>) -> TeamDocument {
    TeamDocument::load(&s.team_bytes().unwrap()).unwrap().0
}

/// Every input fuzzing found that makes Automerge panic (kept in
/// `tests/fixtures/fuzz/`, each with the team it was imported into) takes
/// the browser's path: the worker's check, and only when it passes, the
/// page's own import. None may panic past the check, change storage when
/// refused, or leave a team that does not open.
#[test]
fn inputs_found_by_fuzzing_never_get_past_the_check() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut replayed = 0;
    std::panic::set_hook(Box::new(|_| {}));
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let input = match path.extension().and_then(|e| e.to_str()) {
            Some("bin") => Input::Bytes(std::fs::read(&path).unwrap()),
            Some("link") => Input::Link(std::fs::read_to_string(&path).unwrap()),
            _ => continue,
        };
        let base = std::fs::read(path.with_extension("base")).unwrap();
        let mut s = Session::new(MemoryKv::default());
        assert!(matches!(s.import(base, None), Imported::Joined { .. }));
        let (team, stored) = s.stored_team().unwrap();
        let before = s.store().kv().map.clone();
        let verdict = std::panic::catch_unwind(|| {
            let mut v = Vetter::new();
            v.hold(&stored).unwrap();
            v.vet(Some(&team), &input)
        });
        replayed += 1;
        let Ok(Verdict::Safe) = verdict else {
            // Refused, or the worker died: the page never takes it in.
            assert_eq!(s.store().kv().map, before, "{}", path.display());
            continue;
        };
        let (bytes, from) = match &input {
            Input::Bytes(b) => (b.clone(), None),
            Input::Link(l) => {
                let link = roundtable::share::decode_link(l).unwrap();
                (link.bytes, link.from)
            }
        };
        let outcome =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| s.import(bytes, from)));
        assert!(outcome.is_ok(), "{} panicked on the page", path.display());
        assert!(Session::new(s.store().kv().clone()).open(&team).is_ok());
    }
    let _ = std::panic::take_hook();
    assert!(
        replayed >= 6,
        "only {replayed} reproducers in {}",
        dir.display()
    );
}

/// Prints, for each reproducer, the plain Automerge call that panics and
/// its message: the material of `docs/upstream.md`.
/// `cargo test --test hostile -- --ignored --nocapture explain_reproducers`
#[test]
#[ignore]
fn explain_reproducers() {
    use automerge::AutoCommit;
    use std::sync::Mutex;
    static MSG: Mutex<String> = Mutex::new(String::new());
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let msg = info
            .payload()
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| info.payload().downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        *MSG.lock().unwrap() = format!("{msg} ({})", at.rsplit("/src/").next().unwrap_or_default());
    }));
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for path in names
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "bin"))
    {
        let input = std::fs::read(&path).unwrap();
        let base = std::fs::read(path.with_extension("base")).unwrap();
        let alone = std::panic::catch_unwind(|| AutoCommit::load(&input).map(drop));
        let call = if alone.is_err() {
            "AutoCommit::load(input)"
        } else if matches!(
            alone,
            Ok(Err(automerge::AutomergeError::MissingDeps)) | Ok(Ok(()))
        ) {
            let inc = std::panic::catch_unwind(|| {
                let mut doc = AutoCommit::load(&base).unwrap();
                let _ = doc.load_incremental(&input);
                let _ = doc.diff_incremental();
                let _ = doc.save();
            });
            if inc.is_err() {
                "AutoCommit::load(base)?.load_incremental(input) (or diff/save after it)"
            } else {
                "only through Roundtable's merge (fork, merge, save_after)"
            }
        } else {
            "AutoCommit::load(input) errs without panic; panics later in Roundtable's merge"
        };
        println!(
            "{}\t{} bytes\t{}\t{}",
            path.file_name().unwrap().to_string_lossy(),
            input.len(),
            call,
            MSG.lock().unwrap()
        );
        MSG.lock().unwrap().clear();
    }
    let _ = std::panic::take_hook();
}
