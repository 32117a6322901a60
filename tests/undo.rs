//! Undo: each action that takes something away is undone by an edit that
//! writes the previous values back — also after a teammate's changes were
//! merged in — and a tab keeps at least its last 20.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{NOW, TODAY};
use roundtable::{
    model::{
        edits::{DecisionField, MemberField, RoleField, UndoPoint},
        DecisionStatus, Method, Owner, RoleStatus, TeamDocument,
    },
    session::{Imported, Session, UNDO_DEPTH},
    storage::MemoryKv,
};

struct Two {
    ana: Session<MemoryKv>,
    bo: Session<MemoryKv>,
    bo_id: String,
    role: String,
    decision: String,
}

/// Ana and Bo with the same team: Bo holds Host; a decision owned by Host
/// with Bo asked for advice and answering, open.
fn two() -> Two {
    let mut ana = Session::new(MemoryKv::default());
    ana.create("Platform", "Keep the lights on", "Ana", TODAY, NOW)
        .unwrap();
    let e = |s: &mut Session<MemoryKv>,
             f: &dyn Fn(
        &mut TeamDocument,
        &roundtable::model::Stamp,
    ) -> Result<String, roundtable::model::EditError>| {
        s.edit(NOW, |d, st| f(d, st)).unwrap().value
    };
    let bo_id = e(&mut ana, &|d, s| d.add_member(s, "Bo", TODAY));
    let role = e(&mut ana, &|d, s| d.add_role(s, "Host"));
    let decision = e(&mut ana, &|d, s| d.add_decision(s, "Budget"));
    let (r, b, dc) = (role.clone(), bo_id.clone(), decision.clone());
    ana.edit(NOW, |d, s| {
        d.add_filler(s, &r, &b, TODAY, None)?;
        d.set_decision(
            s,
            &dc,
            DecisionField::Owner(Some(Owner::Role(r.clone()))),
            TODAY,
        )?;
        d.set_decision(s, &dc, DecisionField::Method(Method::Consent), TODAY)?;
        d.set_decision(s, &dc, DecisionField::Status(DecisionStatus::Open), TODAY)?;
        d.ask_advice(s, &dc, &b, TODAY)
    })
    .unwrap();
    let mut bo = Session::new(MemoryKv::default());
    assert!(matches!(
        bo.import(ana.team_bytes().unwrap(), None),
        Imported::Joined { .. }
    ));
    bo.set_me(Some(bo_id.clone()));
    Two {
        ana,
        bo,
        bo_id,
        role,
        decision,
    }
}

fn doc(s: &mut Session<MemoryKv>) -> TeamDocument {
    TeamDocument::load(&s.team_bytes().unwrap()).unwrap().0
}

fn sync(from: &mut Session<MemoryKv>, to: &mut Session<MemoryKv>) {
    assert!(matches!(
        to.import(from.team_bytes().unwrap(), None),
        Imported::Merged { .. }
    ));
}

#[test]
fn stepping_down_undone_brings_the_term_back_as_it_was_even_after_a_merge() {
    let mut t = two();
    let before = doc(&mut t.ana).role(&t.role).unwrap();
    let point = UndoPoint::Filler {
        role: t.role.clone(),
        member: t.bo_id.clone(),
    };
    let (r, b) = (t.role.clone(), t.bo_id.clone());
    t.bo.edit_undoable(NOW, &point, |d, s| d.remove_filler(s, &r, &b, "2026-11-30"))
        .unwrap();
    assert!(doc(&mut t.bo).role(&t.role).unwrap().fillers.is_empty());
    assert_eq!(t.bo.next_undo(), Some("Bo leaving Host"));
    // Ana renames the role meanwhile; Bo takes her copy in, then undoes.
    let r2 = t.role.clone();
    t.ana
        .edit(NOW, |d, s| {
            d.set_role(s, &r2, RoleField::Name("Facilitator".into()))
        })
        .unwrap();
    sync(&mut t.ana, &mut t.bo);
    let (_, words) = t.bo.undo_last(NOW).unwrap().unwrap();
    assert_eq!(words, "Bo leaving Host", "said as it was done");
    let after = doc(&mut t.bo).role(&t.role).unwrap();
    assert_eq!(
        after.fillers, before.fillers,
        "Bo holds it again, since the same day"
    );
    assert_eq!(
        after.history, before.history,
        "the closed term is gone from the history"
    );
    assert_eq!(after.name, "Facilitator", "Ana's rename stays");
    // Ana sees the undo as a normal change.
    sync(&mut t.bo, &mut t.ana);
    assert_eq!(
        doc(&mut t.ana).role(&t.role).unwrap().fillers,
        before.fillers
    );
    assert_eq!(t.bo.next_undo(), None);
}

#[test]
fn retiring_a_role_a_member_leaving_and_an_advice_request_removed_are_undone() {
    let mut t = two();
    let before = doc(&mut t.ana);
    let (r, b, dc) = (t.role.clone(), t.bo_id.clone(), t.decision.clone());
    t.ana
        .edit_undoable(NOW, &UndoPoint::RoleStatus { role: r.clone() }, |d, s| {
            d.set_role(s, &r, RoleField::Status(RoleStatus::Retired))
        })
        .unwrap();
    t.ana
        .edit_undoable(NOW, &UndoPoint::LeftOn { member: b.clone() }, |d, s| {
            d.set_member(s, &b, MemberField::LeftOn(Some(TODAY.into())))
        })
        .unwrap();
    let point = UndoPoint::AdviceRequest {
        decision: dc.clone(),
        member: b.clone(),
    };
    t.ana
        .edit_undoable(NOW, &point, |d, s| d.unask_advice(s, &dc, &b))
        .unwrap();
    let now = doc(&mut t.ana);
    assert_eq!(now.role(&r).unwrap().status, RoleStatus::Retired);
    assert!(now.member(&b).unwrap().left_on.is_some());
    assert!(now.decision(&dc).unwrap().consultees.is_empty());
    assert_eq!(t.ana.undo_depth(), 3);

    // Latest first.
    let (_, w) = t.ana.undo_last(NOW).unwrap().unwrap();
    assert_eq!(w, "taking Bo off those asked on “Budget”");
    assert_eq!(
        doc(&mut t.ana).decision(&dc).unwrap().consultees,
        before.decision(&dc).unwrap().consultees
    );
    let (_, w) = t.ana.undo_last(NOW).unwrap().unwrap();
    assert_eq!(w, "Bo leaving the team");
    assert_eq!(doc(&mut t.ana).member(&b).unwrap().left_on, None);
    let (_, w) = t.ana.undo_last(NOW).unwrap().unwrap();
    assert_eq!(w, "retiring Host");
    assert_eq!(doc(&mut t.ana).role(&r).unwrap().status, RoleStatus::Active);
    assert!(t.ana.undo_last(NOW).is_none(), "nothing left to undo");
}

#[test]
fn status_and_owner_changes_are_undone_to_the_previous_values() {
    let mut t = two();
    let dc = t.decision.clone();
    let before = doc(&mut t.ana).decision(&dc).unwrap();
    let point = UndoPoint::DecisionStatus {
        decision: dc.clone(),
    };
    t.ana
        .edit_undoable(NOW, &point, |d, s| {
            d.set_decision(
                s,
                &dc,
                DecisionField::Status(DecisionStatus::Decided),
                TODAY,
            )
        })
        .unwrap();
    let decided = doc(&mut t.ana).decision(&dc).unwrap();
    assert_eq!(decided.status, DecisionStatus::Decided);
    assert_eq!(decided.decided_on.as_deref(), Some(TODAY));
    let point = UndoPoint::DecisionOwner {
        decision: dc.clone(),
    };
    t.ana
        .edit_undoable(NOW, &point, |d, s| {
            d.set_decision(s, &dc, DecisionField::Owner(None), TODAY)
        })
        .unwrap();
    // Bo edits the title meanwhile, and Ana takes it in.
    sync(&mut t.ana, &mut t.bo);
    let dc2 = dc.clone();
    t.bo.edit(NOW, |d, s| {
        d.set_decision(s, &dc2, DecisionField::Title("Budget 2027".into()), TODAY)
    })
    .unwrap();
    sync(&mut t.bo, &mut t.ana);
    t.ana.undo_last(NOW).unwrap().unwrap();
    assert_eq!(doc(&mut t.ana).decision(&dc).unwrap().owner, before.owner);
    let (_, w) = t.ana.undo_last(NOW).unwrap().unwrap();
    assert_eq!(w, "the status change of “Budget” (it was open)");
    let after = doc(&mut t.ana).decision(&dc).unwrap();
    assert_eq!(after.status, DecisionStatus::Open);
    assert_eq!(
        after.decided_on, None,
        "the date the decision filled in goes too"
    );
    assert_eq!(after.title, "Budget 2027");
}

#[test]
fn a_tab_keeps_at_least_its_last_twenty_actions_and_a_refused_action_keeps_nothing() {
    let mut t = two();
    const { assert!(UNDO_DEPTH >= 20) };
    let r = t.role.clone();
    for i in 0..UNDO_DEPTH + 5 {
        let status = if i % 2 == 0 {
            RoleStatus::Retired
        } else {
            RoleStatus::Active
        };
        t.ana
            .edit_undoable(NOW, &UndoPoint::RoleStatus { role: r.clone() }, |d, s| {
                d.set_role(s, &r, RoleField::Status(status))
            })
            .unwrap();
    }
    assert_eq!(t.ana.undo_depth(), UNDO_DEPTH);
    let before = t.ana.undo_depth();
    let point = UndoPoint::Filler {
        role: r.clone(),
        member: "m_nobody".into(),
    };
    assert!(t
        .ana
        .edit_undoable(NOW, &point, |d, s| d
            .remove_filler(s, &r, "m_nobody", TODAY))
        .is_err());
    assert_eq!(t.ana.undo_depth(), before);
    for _ in 0..20 {
        t.ana.undo_last(NOW).unwrap().unwrap();
    }
    // Opening the team again (or another) starts a fresh list.
    let id = t.ana.team_id().unwrap().to_string();
    t.ana.open(&id).unwrap();
    assert_eq!(t.ana.undo_depth(), 0);
}
