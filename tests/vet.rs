//! The check that files, links and deltas from outside pass before the
//! open team takes them in (run in a worker in the browser), and the
//! merges that used to be accepted and leave a team that could not be
//! opened again.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use automerge::{transaction::Transactable, AutoCommit, ObjType, ROOT};
use common::{ana_session as ana, NOW, TODAY};
use roundtable::{
    session::{
        vet::{Input, Verdict, Vetter},
        Imported, Session,
    },
    share::encode_fragment,
    storage::MemoryKv,
};

/// A vetter holding what `s` has stored.
fn holding(s: &Session<MemoryKv>) -> (Vetter, String) {
    let (team, stored) = s.stored_team().unwrap();
    let mut v = Vetter::new();
    v.hold(&stored).unwrap();
    (v, team)
}

/// A teammate's copy of `s`'s team, as raw Automerge, to craft changes in.
fn raw_copy(s: &mut Session<MemoryKv>) -> AutoCommit {
    AutoCommit::load(&s.team_bytes().unwrap()).unwrap()
}

#[test]
fn a_teammates_edit_is_safe_and_then_merges() {
    let mut ana = ana();
    let mut bo = Session::new(MemoryKv::default());
    assert!(matches!(
        bo.import(ana.team_bytes().unwrap(), None),
        Imported::Joined { .. }
    ));
    bo.edit(NOW, |d, s| d.add_role(s, "Host")).unwrap();
    let file = bo.team_bytes().unwrap();
    let (mut v, team) = holding(&ana);
    assert_eq!(
        v.vet(Some(&team), &Input::Bytes(file.clone())),
        Verdict::Safe
    );
    let link = encode_fragment(&file);
    assert_eq!(v.vet(Some(&team), &Input::Link(link)), Verdict::Safe);
    assert!(matches!(ana.import(file, None), Imported::Merged { .. }));
}

#[test]
fn own_edits_since_the_hold_are_caught_up() {
    let mut ana = ana();
    let (mut v, team) = holding(&ana);
    let held = {
        let (_, stored) = ana.stored_team().unwrap();
        let mut again = Vetter::new();
        again.hold(&stored).unwrap()
    };
    ana.edit(NOW, |d, s| d.add_role(s, "Host")).unwrap();
    let since = ana.changes_after(&held).unwrap();
    assert!(!since.is_empty());
    v.catch_up(&since).unwrap();
    // A delta that builds on Ana's newest change is safe only once the
    // vetter has that change.
    let mut bo = raw_copy(&mut ana);
    let heads = bo.get_heads();
    bo.put(ROOT, "note", "x").unwrap();
    bo.commit();
    let delta = bo.save_after(&heads);
    assert_eq!(
        v.vet(Some(&team), &Input::Bytes(delta.clone())),
        Verdict::Safe
    );
    let mut stale = holding_before_edit();
    assert!(matches!(
        stale.vet(Some(&team), &Input::Bytes(delta)),
        Verdict::Refused(_)
    ));
}

/// A vetter holding some other team: it cannot vouch for this one.
fn holding_before_edit() -> Vetter {
    let other = ana();
    holding(&other).0
}

#[test]
fn junk_and_other_teams_are_told_apart() {
    let ana = ana();
    let (mut v, team) = holding(&ana);
    let Verdict::Refused(why) = v.vet(Some(&team), &Input::Bytes(b"not a team".to_vec())) else {
        panic!("junk is refused")
    };
    assert!(why.contains("not a Roundtable team"), "{why}");
    let mut other = Session::new(MemoryKv::default());
    other.create("Finance", "Count", "Cy", TODAY, NOW).unwrap();
    let theirs = other.team_bytes().unwrap();
    let theirs_id = other.team_id().unwrap().to_string();
    assert_eq!(
        v.vet(Some(&team), &Input::Bytes(theirs.clone())),
        Verdict::Team(theirs_id.clone())
    );
    assert_eq!(v.vet(None, &Input::Bytes(theirs)), Verdict::Team(theirs_id));
    assert!(matches!(
        v.vet(Some(&team), &Input::Link("team=@@@".into())),
        Verdict::Refused(_)
    ));
}

/// A delta that changes the team id together with a root collection used
/// to be accepted ("Nothing new…"); after a reload the team could not be
/// opened. Now it is refused by the vetter and by the merge itself, and
/// the team still opens.
#[test]
fn a_delta_that_changes_the_team_id_is_refused_and_the_team_still_opens() {
    let mut ana = ana();
    let mut bo = raw_copy(&mut ana);
    let heads = bo.get_heads();
    bo.put(ROOT, "team_id", "t_0123456789abcdef").unwrap();
    bo.put_object(ROOT, "roles", ObjType::Map).unwrap();
    bo.commit();
    let delta = bo.save_after(&heads);
    let (mut v, team) = holding(&ana);
    assert!(matches!(
        v.vet(Some(&team), &Input::Bytes(delta.clone())),
        Verdict::Refused(_)
    ));
    let before = ana.store().kv().map.clone();
    assert!(matches!(ana.import(delta, None), Imported::Refused(_)));
    assert_eq!(ana.store().kv().map, before);
    let team_id = ana.team_id().unwrap().to_string();
    assert!(ana.open(&team_id).is_ok());
}

/// The team's own increment followed by another team's save.
#[test]
fn an_increment_glued_to_another_teams_save_is_refused() {
    let mut ana = ana();
    let mut bo = raw_copy(&mut ana);
    let heads = bo.get_heads();
    bo.put(ROOT, "note", "x").unwrap();
    bo.commit();
    let mut glued = bo.save_after(&heads);
    let mut other = Session::new(MemoryKv::default());
    other.create("Finance", "Count", "Cy", TODAY, NOW).unwrap();
    glued.extend(other.team_bytes().unwrap());
    let (mut v, team) = holding(&ana);
    let verdict = v.vet(Some(&team), &Input::Bytes(glued.clone()));
    let before = ana.store().kv().map.clone();
    let outcome = ana.import(glued, None);
    let team_id = ana.team_id().unwrap().to_string();
    match verdict {
        Verdict::Safe => {
            // Then taking it in must leave a team that opens again.
            assert!(matches!(outcome, Imported::Merged { .. }));
            assert!(ana.open(&team_id).is_ok());
        }
        _ => {
            assert!(!matches!(outcome, Imported::Merged { .. }));
            assert_eq!(ana.store().kv().map, before);
        }
    }
}
