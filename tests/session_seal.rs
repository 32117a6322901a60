//! A team's passphrase in the session: files, links and Send-to deltas
//! leave sealed; a wrong passphrase or a tampered file changes nothing;
//! the passphrase stays out of the document; and when a copy last left
//! this browser.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::sync::atomic::{AtomicI64, Ordering};

use common::{NOW, TODAY};
use roundtable::{
    model::{Collection, TeamDocument},
    session::{is_sealed_input, unseal, vet::Input, Imported, Session},
    share::{decode_link, sealed},
    storage::MemoryKv,
};

const PASS: &str = "tea before standup";

static CLOCK: AtomicI64 = AtomicI64::new(NOW);
fn clock() -> f64 {
    CLOCK.load(Ordering::SeqCst) as f64
}
const DAY: i64 = 86_400_000;

fn ana() -> (Session<MemoryKv>, String) {
    let mut s = Session::new(MemoryKv::default()).with_clock(clock);
    let me = s
        .create("Platform", "Keep the lights on", "Ana", TODAY, NOW)
        .unwrap()
        .me
        .unwrap();
    (s, me)
}

fn bo_from(ana: &mut Session<MemoryKv>) -> (Session<MemoryKv>, String) {
    let bo_id = ana
        .edit(NOW, |d, s| d.add_member(s, "Bo", TODAY))
        .unwrap()
        .value;
    let mut bo = Session::new(MemoryKv::default()).with_clock(clock);
    let file = ana.payload(None).unwrap().bytes;
    assert!(matches!(bo.import(file, None), Imported::Joined { .. }));
    bo.set_me(Some(bo_id.clone()));
    (bo, bo_id)
}

fn opened(input: Input) -> Vec<u8> {
    match input {
        Input::Bytes(b) => b,
        Input::Link(_) => panic!("a file"),
    }
}

#[test]
fn with_a_passphrase_files_links_and_deltas_leave_sealed_and_open_with_it() {
    let (mut ana, ana_id) = ana();
    let (mut bo, bo_id) = bo_from(&mut ana);
    ana.set_passphrase(PASS, PASS, false).unwrap();
    assert!(ana.seals() && ana.unlocked());

    let file = ana.payload(None).unwrap();
    assert!(
        sealed::is_sealed(&file.bytes),
        "the whole team file is sealed"
    );
    assert!(file.what.contains("encrypted"), "{}", file.what);
    // The passphrase is not in the document, nor anywhere in storage but
    // the check (no "remember").
    let plain = opened(unseal(Input::Bytes(file.bytes.clone()), PASS).unwrap());
    assert!(!plain.windows(PASS.len()).any(|w| w == PASS.as_bytes()));
    assert!(ana.store().kv().map.values().all(|v| !v.contains(PASS)));

    // A Send-to delta for Bo after he sent a link: sealed too.
    bo.set_passphrase(PASS, PASS, false).unwrap();
    bo.edit(NOW, |d, s| d.add_decision(s, "Bo's idea")).unwrap();
    let (fragment, what) = bo.link_fragment(Some(&ana_id)).unwrap();
    assert!(what.contains("encrypted"), "{what}");
    let input = Input::Link(fragment);
    assert!(is_sealed_input(&input));
    let Input::Link(plain_link) = unseal(input, PASS).unwrap() else {
        panic!("a link")
    };
    let link = decode_link(&plain_link).unwrap();
    assert_eq!(link.from.as_ref().unwrap().member_id, bo_id);
    assert!(matches!(
        ana.import(link.bytes, link.from),
        Imported::Merged { .. }
    ));
    ana.edit(NOW, |d, s| d.add_role(s, "Host")).unwrap();
    let delta = ana.payload(Some(&bo_id)).unwrap();
    assert!(delta.what.contains("only the changes"), "{}", delta.what);
    assert!(sealed::is_sealed(&delta.bytes));
    let bytes = opened(unseal(Input::Bytes(delta.bytes), PASS).unwrap());
    let Imported::Merged { summary, .. } = bo.import(bytes, None) else {
        panic!("merged")
    };
    assert_eq!(summary.new_of(Collection::Roles).len(), 1);
}

#[test]
fn a_wrong_passphrase_or_a_tampered_file_changes_nothing() {
    let (mut ana, _) = ana();
    let (mut bo, _) = bo_from(&mut ana);
    ana.set_passphrase(PASS, PASS, false).unwrap();
    ana.edit(NOW, |d, s| d.add_decision(s, "Budget")).unwrap();
    let file = ana.payload(None).unwrap().bytes;
    let before = bo.store().kv().map.clone();
    assert!(unseal(Input::Bytes(file.clone()), "tea after standup").is_err());
    let mut tampered = file.clone();
    let last = tampered.len() - 1;
    tampered[last] ^= 0x40;
    assert!(unseal(Input::Bytes(tampered), PASS).is_err());
    assert!(unseal(Input::Bytes(file[..file.len() / 2].to_vec()), PASS).is_err());
    // Taken in unopened, a sealed file is refused as not a team.
    assert!(matches!(bo.import(file, None), Imported::Refused(_)));
    assert_eq!(bo.store().kv().map, before, "storage as it was");
}

#[test]
fn a_new_tab_must_retype_the_passphrase_unless_remembered() {
    let (mut ana, _) = ana();
    let team = ana.team_id().unwrap().to_string();
    ana.set_passphrase(PASS, PASS, false).unwrap();
    assert!(ana.set_passphrase("short", "short", false).is_err());
    assert!(ana
        .set_passphrase("long enough one", "long enough two", false)
        .is_err());
    let kv = ana.store().kv().clone();

    let mut tab = Session::new(kv.clone()).with_clock(clock);
    tab.open(&team).unwrap();
    assert!(tab.seals() && !tab.unlocked());
    let err = tab.payload(None).unwrap_err();
    assert!(format!("{err:?}").contains("passphrase"), "{err:?}");
    assert!(
        tab.unlock("tea before stand-up", false).is_err(),
        "a typo is refused"
    );
    assert!(!tab.unlocked());
    tab.unlock(PASS, true).unwrap();
    assert!(sealed::is_sealed(&tab.payload(None).unwrap().bytes));

    // Remembered: the next tab knows it, and says where it is kept.
    let mut next = Session::new(tab.store().kv().clone()).with_clock(clock);
    next.open(&team).unwrap();
    assert!(next.unlocked());
    assert_eq!(next.device().remembered.as_deref(), Some(PASS));
    next.forget_passphrase().unwrap();
    assert_eq!(next.device().remembered, None);

    next.stop_sealing().unwrap();
    let bytes = next.payload(None).unwrap().bytes;
    assert!(!sealed::is_sealed(&bytes));
    assert!(TeamDocument::load(&bytes).is_ok());
}

#[test]
fn the_last_copy_outside_this_browser_is_remembered_and_a_week_without_one_reminds() {
    CLOCK.store(NOW, Ordering::SeqCst);
    let (mut ana, _) = ana();
    let notes = ana.device();
    assert_eq!(notes.days_since_copy(clock()), None);
    assert!(
        !notes.copy_reminder_due(clock()),
        "a new team is not nagged"
    );
    let week = (NOW + 7 * DAY) as f64;
    assert!(
        ana.device().copy_reminder_due(week),
        "a week with no copy at all"
    );
    ana.noted_copy((NOW + 2 * DAY) as f64);
    assert_eq!(ana.device().days_since_copy(week), Some(5));
    assert!(!ana.device().copy_reminder_due(week));
    assert!(ana.device().copy_reminder_due((NOW + 9 * DAY) as f64));
    assert_eq!(roundtable::storage::device::days_ago(12), "12 days ago");
}
