//! Decisions checked for authority after merges: a decision marked decided
//! by someone another copy had meanwhile removed from the owning role is
//! flagged in both copies; one made before the removal is not; open
//! objections and missing advice are flagged; settling clears the flag.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use automerge::{transaction::Transactable, ReadDoc};
use common::{stamp, NOW, TODAY};
use proptest::prelude::*;
use roundtable::model::{
    authority::Problem,
    edits::{DecisionField, Settle},
    Collection, DecisionStatus, Method, Owner, TeamDocument,
};

struct Setup {
    ana_doc: TeamDocument,
    ana: String,
    bo: String,
    role: String,
    decision: String,
}

/// Ana's team: Bo holds Release, which owns an open consensus decision.
fn setup() -> Setup {
    let (mut doc, ana) = TeamDocument::create("T", "p", "Ana", TODAY, NOW).unwrap();
    let s = stamp(&ana);
    let bo = doc.add_member(&s, "Bo", TODAY).unwrap();
    let role = doc.add_role(&s, "Release").unwrap();
    doc.add_filler(&s, &role, &bo, TODAY, None).unwrap();
    let decision = doc.add_decision(&s, "Ship on Fridays").unwrap();
    for f in [
        DecisionField::Owner(Some(Owner::Role(role.clone()))),
        DecisionField::Method(Method::Consensus),
        DecisionField::Status(DecisionStatus::Open),
    ] {
        doc.set_decision(&s, &decision, f, TODAY).unwrap();
    }
    Setup {
        ana_doc: doc,
        ana,
        bo,
        role,
        decision,
    }
}

fn decide(doc: &mut TeamDocument, by: &str, id: &str) {
    doc.set_decision(
        &stamp(by),
        id,
        DecisionField::Status(DecisionStatus::Decided),
        TODAY,
    )
    .unwrap();
}

/// Bo's own copy of Ana's document (another actor).
fn bos_copy(a: &mut TeamDocument) -> TeamDocument {
    TeamDocument::load(&a.export()).unwrap().0
}

/// Offline, apart: Ana removes Bo from the role in her copy while Bo
/// decides in his; Bo's copy is returned, not yet exchanged.
fn removed_while_deciding(
    a: &mut TeamDocument,
    ana: &str,
    bo: &str,
    role: &str,
    decision: &str,
) -> TeamDocument {
    let mut b = bos_copy(a);
    a.remove_filler(&stamp(ana), role, bo, TODAY).unwrap();
    decide(&mut b, bo, decision);
    b
}

fn exchange(a: &mut TeamDocument, b: &mut TeamDocument) {
    a.merge_bytes(&b.export()).unwrap();
    b.merge_bytes(&a.export()).unwrap();
}

#[test]
fn decided_by_someone_removed_from_the_role_in_another_copy() {
    let Setup {
        ana_doc: mut a,
        ana,
        bo,
        role,
        decision,
    } = setup();
    let mut b = removed_while_deciding(&mut a, &ana, &bo, &role, &decision);
    exchange(&mut a, &mut b);
    for doc in [&mut a, &mut b] {
        let team = doc.team().unwrap();
        let flag = doc
            .check_authority(&team.decisions[&decision])
            .expect("flagged");
        assert_eq!(
            flag.problems,
            vec![Problem::RemovedElsewhere {
                by: bo.clone(),
                role: role.clone(),
                others: vec![ana.clone()]
            }]
        );
        assert_eq!(
            flag.problems[0].sentence(&team),
            "Decided by Bo, who no longer held Release in Ana's copy."
        );
    }
    // Confirming it stands clears the flag, in both copies once exchanged.
    let team = a.team().unwrap();
    let flag = a.check_authority(&team.decisions[&decision]).unwrap();
    a.settle_authority(&stamp(&ana), &decision, Settle::Confirm(flag.change))
        .unwrap();
    exchange(&mut a, &mut b);
    for doc in [&mut a, &mut b] {
        let team = doc.team().unwrap();
        assert_eq!(doc.check_authority(&team.decisions[&decision]), None);
    }
}

#[test]
fn a_decision_made_before_the_removal_stands() {
    let Setup {
        ana_doc: mut a,
        ana,
        bo,
        role,
        decision,
    } = setup();
    let mut b = bos_copy(&mut a);
    decide(&mut b, &bo, &decision);
    exchange(&mut a, &mut b);
    // Ana removes Bo after she has seen the decision: nothing to flag.
    a.remove_filler(&stamp(&ana), &role, &bo, TODAY).unwrap();
    exchange(&mut a, &mut b);
    let team = a.team().unwrap();
    assert_eq!(a.check_authority(&team.decisions[&decision]), None);
}

#[test]
fn reopening_puts_it_back_to_be_decided() {
    let Setup {
        ana_doc: mut a,
        ana,
        bo,
        role,
        decision,
    } = setup();
    let mut b = removed_while_deciding(&mut a, &ana, &bo, &role, &decision);
    exchange(&mut a, &mut b);
    a.settle_authority(&stamp(&ana), &decision, Settle::Reopen)
        .unwrap();
    let team = a.team().unwrap();
    assert_eq!(team.decisions[&decision].status, DecisionStatus::Open);
    assert_eq!(team.decisions[&decision].decided_on, None);
    assert_eq!(a.check_authority(&team.decisions[&decision]), None);
    // Only a decided decision can be settled.
    assert!(a
        .settle_authority(&stamp(&ana), &decision, Settle::Reopen)
        .is_err());
}

#[test]
fn decided_while_an_objection_was_raised_elsewhere() {
    let Setup {
        ana_doc: mut a,
        ana,
        bo,
        decision,
        ..
    } = setup();
    a.set_decision(
        &stamp(&ana),
        &decision,
        DecisionField::Method(Method::Consent),
        TODAY,
    )
    .unwrap();
    let mut b = bos_copy(&mut a);
    a.raise_objection(&stamp(&ana), &decision, &ana, "Fridays are for rest", TODAY)
        .unwrap();
    decide(&mut b, &bo, &decision);
    exchange(&mut a, &mut b);
    let team = a.team().unwrap();
    let flag = a.check_authority(&team.decisions[&decision]).unwrap();
    assert_eq!(flag.problems, vec![Problem::OpenObjections(1)]);
    assert_eq!(
        flag.problems[0].sentence(&team),
        "Marked decided while 1 objection was still open."
    );
}

/// One step of a random history: who does what, in which copy.
#[derive(Debug, Clone)]
enum Step {
    AnaRemovesBo,
    AnaAddsBoBack,
    BoDecides,
    BoReverses,
    Exchange,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        Just(Step::AnaRemovesBo),
        Just(Step::AnaAddsBoBack),
        Just(Step::BoDecides),
        Just(Step::BoReverses),
        Just(Step::Exchange),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Over random concurrent histories: once the copies have exchanged,
    /// both flag the same; and when each copy saw the other's latest work
    /// before every step (no concurrency), nothing is flagged as removed
    /// elsewhere.
    #[test]
    fn copies_agree_and_sequential_histories_raise_no_removal_flag(
        steps in proptest::collection::vec(step(), 1..14),
        sequential in any::<bool>(),
    ) {
        let Setup { ana_doc: mut a, ana, bo, role, decision } = setup();
        let mut b = bos_copy(&mut a);
        for st in &steps {
            if sequential {
                exchange(&mut a, &mut b);
            }
            // Edits the app would refuse are skipped, as a person could not make them.
            match st {
                Step::AnaRemovesBo => { let _ = a.remove_filler(&stamp(&ana), &role, &bo, TODAY); }
                Step::AnaAddsBoBack => { let _ = a.add_filler(&stamp(&ana), &role, &bo, TODAY, None); }
                Step::BoDecides => {
                    let _ = b.set_decision(&stamp(&bo), &decision, DecisionField::Status(DecisionStatus::Decided), TODAY);
                }
                Step::BoReverses => {
                    let _ = b.set_decision(&stamp(&bo), &decision, DecisionField::Status(DecisionStatus::Open), TODAY);
                }
                Step::Exchange => exchange(&mut a, &mut b),
            }
        }
        exchange(&mut a, &mut b);
        let (ta, tb) = (a.team().unwrap(), b.team().unwrap());
        let (fa, fb) = (a.check_authority(&ta.decisions[&decision]), b.check_authority(&tb.decisions[&decision]));
        prop_assert_eq!(&fa, &fb);
        if sequential {
            let removed = fa.iter().flat_map(|f| &f.problems).any(|p| matches!(p, Problem::RemovedElsewhere { .. }));
            prop_assert!(!removed, "{:?}", fa);
        }
    }
}

#[test]
fn confirming_in_a_session_clears_the_flag() {
    let Setup {
        ana_doc: mut a,
        ana,
        bo,
        role,
        decision,
    } = setup();
    let mut b = removed_while_deciding(&mut a, &ana, &bo, &role, &decision);
    let mut s = roundtable::session::Session::new(roundtable::storage::MemoryKv::default());
    let _ = s.import(a.export(), None);
    s.set_me(Some(ana.clone()));
    let _ = s.import(b.export(), None);
    let flag = s.check_authority(&decision).expect("flagged");
    assert_eq!(s.authority_flags().len(), 1);
    s.edit(NOW, |doc, st| {
        doc.settle_authority(st, &decision, Settle::Confirm(flag.change.clone()))
    })
    .unwrap();
    assert_eq!(s.check_authority(&decision), None);
    assert!(s.authority_flags().is_empty());
}

#[test]
fn an_autonomous_decision_marked_by_someone_else_is_questioned_a_consent_one_is_not() {
    let Setup {
        ana_doc: mut a,
        ana,
        decision,
        ..
    } = setup();
    // Ana records the consensus reached; she does not hold the role, and
    // the app lets anyone record a finished process.
    decide(&mut a, &ana, &decision);
    let team = a.team().unwrap();
    assert_eq!(a.check_authority(&team.decisions[&decision]), None);
    // An autonomous one is the owner's alone to mark. Another tool that
    // does not check marks Bo's autonomous decision decided as Ana.
    let bo = team
        .members
        .values()
        .find(|m| m.name == "Bo")
        .unwrap()
        .id
        .clone();
    let d2 = a.add_decision(&stamp(&ana), "Buy a server").unwrap();
    for f in [
        DecisionField::Owner(Some(Owner::Member(bo.clone()))),
        DecisionField::Method(Method::Autonomous),
        DecisionField::Status(DecisionStatus::Open),
    ] {
        a.set_decision(&stamp(&ana), &d2, f, TODAY).unwrap();
    }
    let mut raw = automerge::AutoCommit::load(&a.export()).unwrap();
    let (_, decisions) = raw.get(automerge::ROOT, "decisions").unwrap().unwrap();
    let (_, rec) = raw.get(&decisions, d2.as_str()).unwrap().unwrap();
    raw.put(&rec, "status", "decided").unwrap();
    raw.commit_with(
        automerge::transaction::CommitOptions::default()
            .with_message(format!("{{\"author\":\"{ana}\"}}"))
            .with_time(NOW / 1000),
    );
    let (mut other, team) = TeamDocument::load(&raw.save()).unwrap();
    assert_eq!(team.decisions[&d2].status, DecisionStatus::Decided);
    let flag = other.check_authority(&team.decisions[&d2]).unwrap();
    assert_eq!(
        flag.problems,
        vec![Problem::NoAuthority {
            by: Some(ana.clone())
        }]
    );
    assert_eq!(
        flag.problems[0].sentence(&team),
        "Marked decided by Ana, who did not own it then."
    );
}

#[test]
fn a_file_taken_in_by_another_tab_is_checked_here_too() {
    use roundtable::session::Session;
    use roundtable::storage::MemoryKv;
    let Setup {
        ana_doc: mut a,
        ana,
        bo,
        role,
        decision,
    } = setup();
    let mut b = removed_while_deciding(&mut a, &ana, &bo, &role, &decision);
    // Two tabs of Ana's browser share one storage; tab 2 takes in Bo's file.
    let mut tab1 = Session::new(MemoryKv::default());
    let _ = tab1.import(a.export(), None);
    tab1.set_me(Some(ana.clone()));
    let mut tab2 = Session::new(tab1.store().kv().clone());
    tab2.start().unwrap().unwrap();
    let _ = tab2.import(b.export(), None);
    assert_eq!(tab2.authority_flags().len(), 1);
    *tab1.store_mut().kv_mut() = tab2.store().kv().clone();
    assert!(tab1.authority_flags().is_empty());
    tab1.refresh_from_storage()
        .unwrap()
        .expect("tab 2's merge read back");
    let flags = tab1.authority_flags();
    assert_eq!(flags.len(), 1);
    assert_eq!(flags[0].decision, decision);
}

#[test]
fn whoever_holds_the_role_now_takes_it_over() {
    let Setup {
        ana_doc: mut a,
        ana,
        bo,
        role,
        decision,
    } = setup();
    let mut b = bos_copy(&mut a);
    a.remove_filler(&stamp(&ana), &role, &bo, TODAY).unwrap();
    a.add_filler(&stamp(&ana), &role, &ana, TODAY, None)
        .unwrap();
    decide(&mut b, &bo, &decision);
    exchange(&mut a, &mut b);
    let team = a.team().unwrap();
    assert!(a.check_authority(&team.decisions[&decision]).is_some());
    // Bo no longer holds it: he cannot; Ana, who does, can.
    let before = a.export();
    assert!(a
        .settle_authority(&stamp(&bo), &decision, Settle::TakeOver)
        .is_err());
    assert_eq!(a.export(), before, "a refused settle changes nothing");
    a.settle_authority(&stamp(&ana), &decision, Settle::TakeOver)
        .unwrap();
    exchange(&mut a, &mut b);
    for doc in [&mut a, &mut b] {
        let team = doc.team().unwrap();
        assert_eq!(team.decisions[&decision].status, DecisionStatus::Decided);
        assert_eq!(doc.check_authority(&team.decisions[&decision]), None);
    }
    let h = a.record_history(Collection::Decisions, &decision);
    let last = h.last().unwrap();
    assert_eq!(
        (last.author.as_ref(), last.fields.as_slice()),
        (Some(&ana), ["status".to_string()].as_slice())
    );
}
