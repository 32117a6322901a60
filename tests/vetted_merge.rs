//! Taking in what the import worker merged and found safe without checking
//! it again: the same document, the same report and the same flags as the
//! checked merge; what the worker read back of it is what the page would
//! read; a copy that changed since the worker's goes the checked way; a
//! merge that does not give the worker's heads leaves the document as it
//! was.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{stamp, NOW, TODAY};
use proptest::prelude::*;
use roundtable::{
    model::{
        document::{same_heads, Vetted},
        edits::DecisionField,
        Collection, DecisionStatus, Method, Owner, TeamDocument,
    },
    session::{
        vet::{decode_vetted, encode_vetted, Input, Verdict, Vetter},
        Imported, Session,
    },
    storage::MemoryKv,
};

/// One edit Bo makes in his copy.
#[derive(Debug, Clone)]
enum Op {
    Member(u8),
    Role(u8),
    Decision(u8),
    Hold(usize, usize),
    Status(usize, bool),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        any::<u8>().prop_map(Op::Member),
        any::<u8>().prop_map(Op::Role),
        any::<u8>().prop_map(Op::Decision),
        (0usize..8, 0usize..8).prop_map(|(r, m)| Op::Hold(r, m)),
        (0usize..8, any::<bool>()).prop_map(|(d, done)| Op::Status(d, done)),
    ]
}

/// Ana's team with a member, a role and a decision that role owns.
fn ana_team() -> (TeamDocument, String) {
    let (mut doc, ana) = TeamDocument::create("T", "p", "Ana", TODAY, NOW).unwrap();
    let s = stamp(&ana);
    let bo = doc.add_member(&s, "Bo", TODAY).unwrap();
    let role = doc.add_role(&s, "Release").unwrap();
    doc.add_filler(&s, &role, &bo, TODAY, None).unwrap();
    let d = doc.add_decision(&s, "Ship on Fridays").unwrap();
    for f in [
        DecisionField::Owner(Some(Owner::Role(role))),
        DecisionField::Method(Method::Consent),
        DecisionField::Status(DecisionStatus::Open),
    ] {
        doc.set_decision(&s, &d, f, TODAY).unwrap();
    }
    (doc, bo)
}

/// Bo's copy with `ops` applied, and the changes he made.
fn bos_delta(ana: &mut TeamDocument, bo: &str, ops: &[Op]) -> Vec<u8> {
    let mut b = TeamDocument::load(&ana.export()).unwrap().0;
    let start = b.heads();
    let s = stamp(bo);
    let team = b.team().unwrap();
    let mut members: Vec<String> = team.members.keys().cloned().collect();
    let mut roles: Vec<String> = team.roles.keys().cloned().collect();
    let mut decisions: Vec<String> = team.decisions.keys().cloned().collect();
    for op in ops {
        match op {
            Op::Member(n) => members.push(b.add_member(&s, &format!("M{n}"), TODAY).unwrap()),
            Op::Role(n) => roles.push(b.add_role(&s, &format!("R{n}")).unwrap()),
            Op::Decision(n) => decisions.push(b.add_decision(&s, &format!("D{n}")).unwrap()),
            Op::Hold(r, m) => {
                let (r, m) = (&roles[r % roles.len()], &members[m % members.len()]);
                let _ = b.add_filler(&s, r, m, TODAY, None);
            }
            Op::Status(d, done) => {
                let d = &decisions[d % decisions.len()];
                let to = if *done {
                    DecisionStatus::Decided
                } else {
                    DecisionStatus::Open
                };
                // Not every status follows from every other: refused ones change nothing.
                let _ = b.set_decision(&s, d, DecisionField::Status(to), TODAY);
            }
        }
    }
    b.save_after_bytes(&start)
}

/// What the worker, holding `doc` as stored, says of `bytes`.
fn vetted(doc: &mut TeamDocument, bytes: &[u8]) -> Vetted {
    let mut v = Vetter::new();
    v.hold(&doc.save()).unwrap();
    let team = doc.team_id().to_string();
    let (verdict, vetted) = v.vet_merge(Some(&team), &Input::Bytes(bytes.to_vec()));
    assert_eq!(verdict, Verdict::Safe);
    let vetted = vetted.expect("a safe merge says how it went");
    // As it crosses from the worker to the page.
    decode_vetted(&encode_vetted(&vetted)).expect("it reads back")
}

/// A twin of Ana's session on the same storage, and what a worker holding
/// her team as stored says of `delta`.
fn twin_and_answer(
    ana: &Session<MemoryKv>,
    delta: &[u8],
) -> (Session<MemoryKv>, (Verdict, Option<Vetted>)) {
    let (team, stored) = ana.stored_team().unwrap();
    let mut twin = Session::new(ana.store().kv().clone());
    twin.open(&team).unwrap();
    let mut v = Vetter::new();
    v.hold(&stored).unwrap();
    let answer = v.vet_merge(Some(&team), &Input::Bytes(delta.to_vec()));
    (twin, answer)
}

/// Ana's and her twin's sessions, Bo's changes, and the worker's answer.
type Three = (
    Session<MemoryKv>,
    Session<MemoryKv>,
    Vec<u8>,
    (Verdict, Option<Vetted>),
);

/// Ana's session, a twin of it on the same storage, and Bo's, joined
/// from Ana's team file, after Bo's `ops`; with the worker's answer of
/// Bo's changes against Ana's team as stored.
fn three_sessions(ops: &[Op]) -> Three {
    let mut ana = common::ana_session();
    ana.edit(NOW, |d, s| d.add_member(s, "Bo", TODAY)).unwrap();
    ana.edit(NOW, |d, s| d.add_role(s, "Release")).unwrap();
    let mut bo = Session::new(MemoryKv::default());
    assert!(matches!(
        bo.import(ana.team_bytes().unwrap(), None),
        Imported::Joined { .. }
    ));
    let (_, stored) = ana.stored_team().unwrap();
    let held = Vetter::new().hold(&stored).unwrap();
    for op in ops {
        // Refused edits (a role held twice) change nothing: not asserted.
        let _ = bo.edit(NOW, |d, s| {
            let t = d
                .team()
                .map_err(|e| roundtable::model::EditError::Document(e.to_string()))?;
            let nth = |keys: Vec<&String>, n: usize| keys[n % keys.len()].clone();
            match op {
                Op::Member(n) => d.add_member(s, &format!("M{n}"), TODAY).map(drop),
                Op::Role(n) => d.add_role(s, &format!("R{n}")).map(drop),
                Op::Decision(n) => d.add_decision(s, &format!("D{n}")).map(drop),
                Op::Hold(r, m) => {
                    let (r, m) = (
                        nth(t.roles.keys().collect(), *r),
                        nth(t.members.keys().collect(), *m),
                    );
                    d.add_filler(s, &r, &m, TODAY, None)
                }
                Op::Status(i, done) => {
                    match t.decisions.keys().nth(*i % t.decisions.len().max(1)) {
                        Some(id) => {
                            let to = if *done {
                                DecisionStatus::Decided
                            } else {
                                DecisionStatus::Open
                            };
                            d.set_decision(s, id, DecisionField::Status(to), TODAY)
                        }
                        None => Ok(()),
                    }
                }
            }
        });
    }
    let delta = bo.changes_after(&held).unwrap();
    let (twin, answer) = twin_and_answer(&ana, &delta);
    (ana, twin, delta, answer)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]
    /// The page takes what the worker read back in place of reading it:
    /// the same records, conflicts, report and flags as reading them.
    #[test]
    fn what_the_worker_read_back_is_what_the_page_reads(ops in prop::collection::vec(op(), 1..10)) {
        let (mut ana, mut twin, delta, (verdict, hint)) = three_sessions(&ops);
        // Edits refused (a decision that cannot be reopened) leave nothing to send.
        prop_assume!(!delta.is_empty());
        prop_assert_eq!(verdict, Verdict::Safe);
        // As it crosses from the worker to the page.
        let hint = decode_vetted(&encode_vetted(&hint.unwrap()));
        let read = hint.as_ref().and_then(|h| h.read.clone());
        prop_assert!(read.is_some(), "a merge of records is read back in the worker");
        let fast = ana.import_vetted(delta.clone(), None, hint);
        let slow = twin.import(delta, None);
        match (fast, slow) {
            (
                Imported::Merged { fresh: f1, summary: s1, .. },
                Imported::Merged { fresh: f2, summary: s2, .. },
            ) => {
                prop_assert_eq!(&s1, &read.unwrap().summary);
                prop_assert_eq!(s1, s2);
                prop_assert_eq!(f1, f2);
            }
            (a, b) => prop_assert!(false, "not both merged: {:?} / {:?}", a.say(), b.say()),
        }
        prop_assert_eq!(ana.authority_flags(), twin.authority_flags());
        let team_of =
            |s: &mut Session<MemoryKv>| TeamDocument::load(&s.team_bytes().unwrap()).unwrap().1;
        prop_assert_eq!(team_of(&mut ana), team_of(&mut twin));
    }

    #[test]
    fn a_vetted_merge_is_the_checked_merge(ops in prop::collection::vec(op(), 1..10)) {
        let (mut ana, bo) = ana_team();
        let delta = bos_delta(&mut ana, &bo, &ops);
        // Edits refused (a role held twice) leave nothing to send.
        prop_assume!(!delta.is_empty());
        let hint = vetted(&mut ana, &delta);
        let mut checked = TeamDocument::load(&ana.export()).unwrap().0;
        let (want, _) = checked.merge_reporting(&delta).unwrap();
        let (got, _) = ana
            .merge_vetted(&delta, &hint)
            .expect("the same heads as the worker's copy")
            .unwrap();
        prop_assert_eq!(got, want);
        prop_assert_eq!(ana.team().unwrap(), checked.team().unwrap());
        prop_assert!(same_heads(&ana.heads(), &checked.heads()));
    }
}

#[test]
fn a_copy_that_changed_since_the_workers_is_not_trusted_with_it() {
    let (mut ana, bo) = ana_team();
    let delta = bos_delta(&mut ana, &bo, &[Op::Role(1)]);
    let hint = vetted(&mut ana, &delta);
    let me = ana.team().unwrap().members.keys().next().cloned().unwrap();
    ana.add_role(&stamp(&me), "Typed meanwhile").unwrap();
    assert!(ana.merge_vetted(&delta, &hint).is_none());
}

#[test]
fn a_merge_that_does_not_give_the_workers_heads_changes_nothing() {
    let (mut ana, bo) = ana_team();
    let delta = bos_delta(&mut ana, &bo, &[Op::Role(1), Op::Status(0, true)]);
    let mut hint = vetted(&mut ana, &delta);
    // The worker merged something else than these bytes.
    hint.heads = hint.base.clone();
    let (team, heads) = (ana.team().unwrap(), ana.heads());
    assert!(matches!(ana.merge_vetted(&delta, &hint), Some(Err(_))));
    assert_eq!(ana.team().unwrap(), team);
    assert_eq!(ana.heads(), heads);
    // Still this copy, writing as before, and the bytes still merge.
    let me = team.members.keys().next().cloned().unwrap();
    ana.add_role(&stamp(&me), "After").unwrap();
    ana.merge_bytes(&delta).unwrap();
    assert!(TeamDocument::load(&ana.save()).is_ok());
}

#[test]
fn a_vetted_import_reports_and_flags_what_a_checked_one_does() {
    let mut ana = common::ana_session();
    let mut bo = Session::new(MemoryKv::default());
    assert!(matches!(
        bo.import(ana.team_bytes().unwrap(), None),
        Imported::Joined { .. }
    ));
    let (_, stored) = ana.stored_team().unwrap();
    let held = Vetter::new().hold(&stored).unwrap();
    bo.edit(NOW, |d, s| d.add_role(s, "Host")).unwrap();
    bo.edit(NOW, |d, s| d.add_decision(s, "Rotate the host"))
        .unwrap();
    let delta = bo.changes_after(&held).unwrap();
    let (mut twin, (verdict, hint)) = twin_and_answer(&ana, &delta);
    assert_eq!(verdict, Verdict::Safe);
    let summary = |i: Imported| match i {
        Imported::Merged { summary, .. } => summary,
        other => panic!("not merged: {:?}", other.say()),
    };
    let fast = summary(ana.import_vetted(delta.clone(), None, hint));
    let slow = summary(twin.import(delta, None));
    assert_eq!(fast, slow);
    assert!(!fast.kinds.is_empty());
    let team_of =
        |s: &mut Session<MemoryKv>| TeamDocument::load(&s.team_bytes().unwrap()).unwrap().1;
    assert_eq!(team_of(&mut ana), team_of(&mut twin));
}

#[test]
fn a_read_back_of_a_copy_that_changed_since_is_not_taken() {
    let (mut ana, mut twin, delta, (_, hint)) = three_sessions(&[Op::Decision(1), Op::Role(2)]);
    assert!(hint.as_ref().is_some_and(|h| h.read.is_some()));
    // Typed in Ana's tab after the worker's copy was made.
    ana.edit(NOW, |d, s| d.add_role(s, "Typed meanwhile"))
        .unwrap();
    twin.edit(NOW, |d, s| d.add_role(s, "Typed meanwhile"))
        .unwrap();
    let (Imported::Merged { fresh, summary, .. }, Imported::Merged { summary: want, .. }) = (
        ana.import_vetted(delta.clone(), None, hint),
        twin.import(delta, None),
    ) else {
        panic!("both merge");
    };
    assert_eq!(summary, want);
    let roundtable::session::Fresh::Records { patch, .. } = fresh else {
        panic!("records read back");
    };
    assert_eq!(patch.decisions.len(), 1);
    let team = TeamDocument::load(&ana.team_bytes().unwrap()).unwrap().1;
    assert!(team.roles.values().any(|r| r.name == "Typed meanwhile"));
    assert!(team.roles.values().any(|r| r.name == "R2"));
}

#[test]
fn conflicts_a_read_back_merge_brings_are_shown() {
    use roundtable::model::edits::RoleField;
    let mut ana = common::ana_session();
    ana.edit(NOW, |d, s| d.add_role(s, "Release")).unwrap();
    let mut bo = Session::new(MemoryKv::default());
    assert!(matches!(
        bo.import(ana.team_bytes().unwrap(), None),
        Imported::Joined { .. }
    ));
    let team = TeamDocument::load(&ana.team_bytes().unwrap()).unwrap().1;
    let role = team.roles.keys().next().cloned().unwrap();
    let start = bo
        .stored_team()
        .map(|(_, b)| Vetter::new().hold(&b).unwrap());
    // The same role renamed apart, and a decision only Bo made.
    ana.edit(NOW, |d, s| {
        d.set_role(s, &role, RoleField::Name("Shipping".into()))
    })
    .unwrap();
    bo.edit(NOW, |d, s| {
        d.set_role(s, &role, RoleField::Name("Releasing".into()))
    })
    .unwrap();
    bo.edit(NOW, |d, s| d.add_decision(s, "Ship weekly"))
        .unwrap();
    let delta = bo.changes_after(&start.unwrap()).unwrap();
    let (mut twin, (_, hint)) = twin_and_answer(&ana, &delta);
    let hint = decode_vetted(&encode_vetted(&hint.unwrap())).unwrap();
    let read = hint.read.clone().expect("read back");
    assert_eq!(read.conflicted, vec![(Collection::Roles, role.clone())]);
    let (Imported::Merged { fresh, .. }, Imported::Merged { fresh: want, .. }) = (
        ana.import_vetted(delta.clone(), None, Some(hint)),
        twin.import(delta, None),
    ) else {
        panic!("both merge");
    };
    assert_eq!(fresh, want);
    let roundtable::session::Fresh::Records { conflicts, .. } = fresh else {
        panic!("records read back");
    };
    assert!(conflicts
        .iter()
        .any(|(c, id, now)| *c == Collection::Roles && *id == role && now.len() == 1));
}

#[test]
fn a_read_back_merge_that_does_not_give_the_workers_heads_changes_nothing_stored() {
    let (mut ana, _, delta, (_, hint)) = three_sessions(&[Op::Decision(3), Op::Role(4)]);
    let mut hint = hint.unwrap();
    assert!(hint.read.is_some());
    // The worker merged something else than these bytes.
    hint.heads = hint.base.clone();
    let stored = ana.store().kv().map.clone();
    assert!(matches!(
        ana.import_vetted(delta.clone(), None, Some(hint)),
        Imported::Refused(_)
    ));
    assert_eq!(ana.store().kv().map, stored);
    // The page goes on: the same bytes, checked here, merge.
    assert!(matches!(ana.import(delta, None), Imported::Merged { .. }));
}
