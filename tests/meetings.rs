//! Meetings led in turn, tensions and recognition: the records, the schema
//! evolution that adds their collections without a conflict, and fair
//! rotation (with property tests).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use automerge::{AutoCommit, ReadDoc, ROOT};
use common::{stamp, NOW, TODAY};
use proptest::prelude::*;
use roundtable::model::{
    agenda, collections, contributions, date,
    edits::DecisionField,
    edits::MeetingRole,
    rotation::{self, Turn},
    Attendance, DecisionStatus, ItemKind, ItemOutcome, Link, LinkKind, Meeting, MeetingKind,
    MeetingStatus, Member, Method, Owner, Stamp, Stance, Team, TeamDocument, TensionKind,
    TensionStatus,
};

fn meetings_maps(doc: &TeamDocument) -> usize {
    doc.automerge().get_all(ROOT, "meetings").unwrap().len()
}

#[test]
fn a_team_saved_before_meetings_opens_gains_them_and_merges_with_an_old_copy() {
    let old = common::fixture("team-v1.automerge");
    assert!(AutoCommit::load(&old)
        .unwrap()
        .get(ROOT, "meetings")
        .unwrap()
        .is_none());
    let (mut doc, team) = TeamDocument::load(&old).unwrap();
    assert!(team.meetings.is_empty());
    let me = team.members.keys().next().unwrap().clone();
    let s = Stamp::new(Some(&me), NOW);
    let m = doc.plan_meeting(&s, TODAY, MeetingKind::Tactical).unwrap();
    let t = doc
        .raise_tension(&s, "Releases slip", TensionKind::Operational, TODAY)
        .unwrap();
    // A copy still on the old version, edited there, merges in.
    doc.merge_bytes(&common::fixture("team-v1-edited.automerge"))
        .unwrap();
    let after = doc.team().unwrap();
    assert!(after.meetings.contains_key(&m) && after.tensions.contains_key(&t));
    assert!(after
        .decisions
        .values()
        .any(|d| d.title == "Decided on the old version"));
    // And the new copy reads back from its own save.
    let (_, again) = TeamDocument::load(&doc.export()).unwrap();
    assert_eq!(again.meetings.len(), 1);
}

#[test]
fn two_teammates_who_upgrade_apart_both_keep_their_meetings() {
    let old = common::fixture("team-v1.automerge");
    let (mut a, team) = TeamDocument::load(&old).unwrap();
    let (mut b, _) = TeamDocument::load(&old).unwrap();
    let me = team.members.keys().next().unwrap().clone();
    let s = Stamp::new(Some(&me), NOW);
    let ma = a
        .plan_meeting(&s, "2026-12-01", MeetingKind::Tactical)
        .unwrap();
    let mb = b
        .plan_meeting(&s, "2026-12-02", MeetingKind::Governance)
        .unwrap();
    let ta = a
        .raise_tension(&s, "A's tension", TensionKind::Governance, TODAY)
        .unwrap();
    let tb = b
        .raise_tension(&s, "B's tension", TensionKind::Operational, TODAY)
        .unwrap();
    a.merge_bytes(&b.export()).unwrap();
    b.merge_bytes(&a.export()).unwrap();
    for doc in [&mut a, &mut b] {
        let t = doc.team().unwrap();
        assert!(t.meetings.contains_key(&ma) && t.meetings.contains_key(&mb));
        assert!(t.tensions.contains_key(&ta) && t.tensions.contains_key(&tb));
        assert_eq!(
            meetings_maps(doc),
            1,
            "one meetings map, not two in conflict"
        );
        assert!(doc.conflicts().is_empty());
    }
}

#[test]
fn a_new_team_holds_the_shared_collections_not_its_own() {
    let (a, _) = common::new_team();
    let (b, _) = common::new_team();
    let id = |d: &TeamDocument| d.automerge().get(ROOT, "meetings").unwrap().unwrap().1;
    // The same object in every team: made by the one shared change.
    assert_eq!(id(&a), id(&b));
    assert!(collections::present(a.automerge()));
}

#[test]
fn maps_made_lazily_would_have_hidden_a_record() {
    // What the shared change avoids: two copies each making the map.
    use automerge::{transaction::Transactable, ObjType};
    let base = common::fixture("team-v1.automerge");
    let mut a = AutoCommit::load(&base).unwrap();
    let mut b = AutoCommit::load(&base).unwrap();
    for (doc, id) in [(&mut a, "g_a"), (&mut b, "g_b")] {
        let m = doc.put_object(ROOT, "meetings", ObjType::Map).unwrap();
        doc.put(&m, id, 1).unwrap();
        doc.commit();
    }
    a.merge(&mut b).unwrap();
    let (_, shown) = a.get(ROOT, "meetings").unwrap().unwrap();
    assert_eq!(a.keys(&shown).count(), 1, "one of the two is hidden");
    assert_eq!(a.get_all(ROOT, "meetings").unwrap().len(), 2);
}

fn team_of(n: usize) -> (TeamDocument, Vec<String>) {
    let (mut doc, ana) = TeamDocument::create("T", "p", "Ana", "2026-01-01", NOW).unwrap();
    let mut ids = vec![ana.clone()];
    for i in 1..n {
        ids.push(
            doc.add_member(&stamp(&ana), &format!("P{i}"), "2026-01-01")
                .unwrap(),
        );
    }
    (doc, ids)
}

#[test]
fn a_tension_is_processed_into_a_decision_and_recognised() {
    let (mut doc, ids) = team_of(3);
    let s = stamp(&ids[0]);
    let t = doc
        .raise_tension(
            &s,
            "Nobody owns the release calendar\nIt slips.",
            TensionKind::Governance,
            TODAY,
        )
        .unwrap();
    let m = doc
        .plan_meeting(&s, TODAY, MeetingKind::Governance)
        .unwrap();
    let item = doc
        .add_agenda_item(&s, &m, ItemKind::Tension, Some(&t), "")
        .unwrap();
    assert_eq!(
        doc.team().unwrap().tensions[&t].status,
        TensionStatus::OnAgenda
    );
    doc.set_item_notes(&s, &m, &item, "Agreed: a release role.")
        .unwrap();
    let d = doc.add_decision(&s, "Create a release role").unwrap();
    doc.link_item(
        &s,
        &m,
        &item,
        Link {
            kind: LinkKind::Decision,
            id: d.clone(),
        },
    )
    .unwrap();
    doc.set_item_outcome(&s, &m, &item, ItemOutcome::Processed)
        .unwrap();
    doc.hold_meeting(&s, &m).unwrap();
    let team = doc.team().unwrap();
    let tension = &team.tensions[&t];
    assert_eq!(tension.status, TensionStatus::Processed);
    assert_eq!(tension.title(), "Nobody owns the release calendar");
    assert!(tension
        .produced
        .iter()
        .any(|l| l.kind == LinkKind::Decision && l.id == d));
    assert!(tension
        .produced
        .iter()
        .any(|l| l.kind == LinkKind::Meeting && l.id == m));
    assert_eq!(
        team.meetings[&m].agenda[&item].notes.as_str(),
        "Agreed: a release role."
    );
    assert_eq!(team.meetings[&m].status, MeetingStatus::Held);
    // Recognition: to others, never to oneself.
    let who = vec![ids[1].clone()];
    let for_what = Some(Link {
        kind: LinkKind::Meeting,
        id: m.clone(),
    });
    doc.recognise(
        &s,
        &ids[0],
        &who,
        for_what.clone(),
        "Great facilitation",
        TODAY,
    )
    .unwrap();
    let before = doc.export();
    assert!(doc
        .recognise(&s, &ids[0], &[ids[0].clone()], None, "Me!", TODAY)
        .is_err());
    assert!(doc
        .recognise(&s, &ids[0], &[], None, "Nobody", TODAY)
        .is_err());
    assert!(doc.recognise(&s, &ids[0], &who, None, "  ", TODAY).is_err());
    assert_eq!(doc.export(), before, "refused edits change nothing");
    // Dropping needs a reason; processed tensions stay processed.
    let t2 = doc
        .raise_tension(&s, "Too many meetings", TensionKind::Operational, TODAY)
        .unwrap();
    assert!(doc
        .set_tension_status(&s, &t2, TensionStatus::Dropped, "")
        .is_err());
    doc.set_tension_status(&s, &t2, TensionStatus::Dropped, "Solved by itself")
        .unwrap();
    assert!(doc
        .set_tension_status(&s, &t, TensionStatus::Open, "")
        .is_err());
}

#[test]
fn the_facilitator_and_note_taker_are_two_people() {
    let (mut doc, ids) = team_of(3);
    let s = stamp(&ids[0]);
    let m = doc.plan_meeting(&s, TODAY, MeetingKind::Tactical).unwrap();
    doc.set_meeting_role(&s, &m, MeetingRole::Facilitator(Some(ids[1].clone())))
        .unwrap();
    assert!(doc
        .set_meeting_role(&s, &m, MeetingRole::NoteTaker(Some(ids[1].clone())))
        .is_err());
    assert!(doc
        .set_meeting_role(&s, &m, MeetingRole::NoteTaker(Some("m_nobody".into())))
        .is_err());
}

/// Holds `n` weekly meetings with the given attendance, each taking the
/// proposal (or, when there is none yet, the first present by id).
fn run_meetings(doc: &mut TeamDocument, ids: &[String], present: &[Vec<bool>]) -> Vec<Meeting> {
    let s = stamp(&ids[0]);
    for (k, here) in present.iter().enumerate() {
        let day = date::add_days("2026-02-02", 7 * k as i64).unwrap();
        let m = doc.plan_meeting(&s, &day, MeetingKind::Tactical).unwrap();
        for (i, p) in here.iter().enumerate() {
            if !p {
                doc.set_attendance(&s, &m, &ids[i], Attendance::Absent)
                    .unwrap();
            }
        }
        // Absences were marked after planning: take the proposal now.
        let team = doc.team().unwrap();
        let proposal = rotation::propose_for(&team, &team.meetings[&m]);
        let here_ids: Vec<&String> = ids
            .iter()
            .zip(here)
            .filter(|(_, p)| **p)
            .map(|(i, _)| i)
            .collect();
        let f = proposal
            .facilitator
            .map(|p| p.member)
            .unwrap_or_else(|| here_ids[0].clone());
        let n = proposal
            .note_taker
            .map(|p| p.member)
            .filter(|n| *n != f)
            .unwrap_or_else(|| here_ids.iter().find(|i| ***i != f).unwrap().to_string());
        doc.set_meeting_role(&s, &m, MeetingRole::NoteTaker(None))
            .unwrap();
        doc.set_meeting_role(&s, &m, MeetingRole::Facilitator(Some(f)))
            .unwrap();
        doc.set_meeting_role(&s, &m, MeetingRole::NoteTaker(Some(n)))
            .unwrap();
        doc.hold_meeting(&s, &m).unwrap();
    }
    let team = doc.team().unwrap();
    rotation::history(&team, "9999-12-31")
        .into_iter()
        .cloned()
        .collect()
}

/// Turns served (facilitating and taking notes) by member; `only` counts
/// one kind.
fn turns(meetings: &[Meeting], only: Option<Turn>) -> BTreeMap<String, u32> {
    let mut out = BTreeMap::new();
    for m in meetings {
        for (turn, who) in [
            (Turn::Facilitator, &m.facilitator),
            (Turn::NoteTaker, &m.note_taker),
        ] {
            if only.is_none_or(|o| o == turn) {
                if let Some(w) = who {
                    *out.entry(w.clone()).or_insert(0) += 1;
                }
            }
        }
    }
    out
}

#[test]
fn the_proposal_says_why() {
    let (mut doc, ids) = team_of(3);
    run_meetings(&mut doc, &ids, &vec![vec![true; 3]; 4]);
    let team = doc.team().unwrap();
    let p = rotation::propose(&team, "2026-03-30", &ids);
    let why = p.facilitator.unwrap().why;
    assert!(
        why.contains(" of 4 meetings since joining (facilitated "),
        "{why}"
    );
    assert!(why.contains("; last facilitated"), "{why}");
    assert!(why.contains("weeks ago"), "{why}");
    // Nobody is proposed at their first meeting.
    let bo = doc
        .add_member(&stamp(&ids[0]), "Newcomer", "2026-03-29")
        .unwrap();
    let team = doc.team().unwrap();
    let p = rotation::propose(&team, "2026-03-30", std::slice::from_ref(&bo));
    assert_eq!(p.facilitator, None);
}

fn attendance() -> impl Strategy<Value = (usize, Vec<Vec<bool>>)> {
    (3usize..7).prop_flat_map(|n| {
        let meeting = proptest::collection::vec(proptest::bool::weighted(0.8), n)
            .prop_filter("two people at least", |v| {
                v.iter().filter(|p| **p).count() >= 2
            });
        (Just(n), proptest::collection::vec(meeting, 1..24))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn members_at_every_meeting_differ_by_at_most_one_turn((n, present) in attendance()) {
        let (mut doc, ids) = team_of(n);
        let held = run_meetings(&mut doc, &ids, &present);
        let always: Vec<&String> = ids.iter().enumerate().filter(|(i, _)| present.iter().all(|m| m[*i])).map(|(_, id)| id).collect();
        let count = |t: &BTreeMap<String, u32>| -> Vec<u32> { always.iter().map(|id| t.get(*id).copied().unwrap_or(0)).collect() };
        let all = count(&turns(&held, None));
        if let (Some(max), Some(min)) = (all.iter().max(), all.iter().min()) {
            prop_assert!(max - min <= 1, "turns: {:?}", all);
        }
        // Each kind of turn stays close too.
        for turn in [Turn::Facilitator, Turn::NoteTaker] {
            let each = count(&turns(&held, Some(turn)));
            if let (Some(max), Some(min)) = (each.iter().max(), each.iter().min()) {
                prop_assert!(max - min <= 2, "{:?}: {:?}", turn, each);
            }
        }
    }

    #[test]
    fn nobody_serves_twice_in_a_row_while_someone_present_served_fewer((n, present) in attendance()) {
        let (mut doc, ids) = team_of(n);
        let held = run_meetings(&mut doc, &ids, &present);
        let team = doc.team().unwrap();
        for k in 1..held.len() {
            let served_at = |m: &Meeting| [m.facilitator.clone(), m.note_taker.clone()];
            let before = rotation::standings(&team, &held[..k].iter().collect::<Vec<_>>());
            let served = |id: &str| before.get(id).map_or(0, |s| s.served);
            let expected = rotation::expected(&team, &held[k]);
            let now = served_at(&held[k]);
            for again in now.iter().flatten().filter(|w| served_at(&held[k - 1]).contains(&Some((*w).clone()))) {
                let fewer = expected
                    .iter()
                    .filter(|id| !now.contains(&Some((*id).clone())))
                    .filter(|id| before.get(*id).is_some_and(|s| s.attended > 0))
                    .any(|id| served(id) < served(again));
                prop_assert!(!fewer, "meeting {}: {} again", k, again);
            }
        }
    }

    #[test]
    fn two_copies_of_the_same_document_propose_the_same((n, present) in attendance()) {
        let (mut doc, ids) = team_of(n);
        run_meetings(&mut doc, &ids, &present);
        let bytes = doc.export();
        let (_, a) = TeamDocument::load(&bytes).unwrap();
        let (_, b) = TeamDocument::load(&bytes).unwrap();
        let on = "2027-06-01";
        prop_assert_eq!(rotation::propose(&a, on, &ids), rotation::propose(&b, on, &ids));
        // Members in another order give the same proposal.
        let mut rev = ids.clone();
        rev.reverse();
        prop_assert_eq!(rotation::propose(&a, on, &ids), rotation::propose(&a, on, &rev));
    }
}

fn decide(doc: &mut TeamDocument, s: &Stamp, id: &str, owner: &str) {
    for f in [
        DecisionField::Owner(Some(Owner::Member(owner.to_string()))),
        DecisionField::Method(Method::Consensus),
        DecisionField::Status(DecisionStatus::Open),
        DecisionField::Status(DecisionStatus::Decided),
    ] {
        doc.set_decision(s, id, f, TODAY).unwrap();
    }
}

#[test]
fn the_agenda_is_suggested_from_the_record_and_each_item_goes_on_once() {
    let (mut doc, ids) = team_of(3);
    let s = stamp(&ids[0]);
    let t = doc
        .raise_tension(&s, "Onboarding is slow", TensionKind::Operational, TODAY)
        .unwrap();
    let dropped = doc
        .raise_tension(&s, "Old worry", TensionKind::Operational, TODAY)
        .unwrap();
    doc.set_tension_status(&s, &dropped, TensionStatus::Dropped, "Gone")
        .unwrap();
    // A decision due for review, one waiting for advice, one settled.
    let due = doc.add_decision(&s, "Weekly releases").unwrap();
    decide(&mut doc, &s, &due, &ids[0]);
    doc.set_decision(
        &s,
        &due,
        DecisionField::ReviewBy(Some("2026-11-01".into())),
        TODAY,
    )
    .unwrap();
    let waiting = doc.add_decision(&s, "New laptop policy").unwrap();
    doc.set_decision(
        &s,
        &waiting,
        DecisionField::Status(DecisionStatus::Open),
        TODAY,
    )
    .unwrap();
    doc.ask_advice(&s, &waiting, &ids[1], TODAY).unwrap();
    let settled = doc.add_decision(&s, "Settled").unwrap();
    decide(&mut doc, &s, &settled, &ids[0]);
    // A term ending within the month.
    let role = doc.add_role(&s, "Release lead").unwrap();
    doc.add_filler(&s, &role, &ids[2], TODAY, Some("2026-12-05".into()))
        .unwrap();
    let m = doc.plan_meeting(&s, TODAY, MeetingKind::Tactical).unwrap();
    let team = doc.team().unwrap();
    let got: Vec<(ItemKind, String, String)> = agenda::suggestions(&team, &team.meetings[&m])
        .into_iter()
        .map(|x| (x.kind, x.about, x.label))
        .collect();
    let term = format!("{role}/{}", ids[2]);
    assert_eq!(
        got,
        vec![
            (
                ItemKind::Tension,
                t.clone(),
                "Tension: Onboarding is slow".into()
            ),
            (
                ItemKind::Review,
                due.clone(),
                "Review: Weekly releases".into()
            ),
            (
                ItemKind::Waiting,
                waiting.clone(),
                "Waiting for advice or consent: New laptop policy".into()
            ),
            (
                ItemKind::Term,
                term.clone(),
                "Term ending: P2 as Release lead".into()
            ),
        ]
    );
    // Taken in one change; then they are no longer suggested, and none
    // goes on twice.
    let changes = doc.history().len();
    let picked: Vec<(ItemKind, String)> = got.iter().map(|g| (g.0, g.1.clone())).collect();
    assert_eq!(doc.add_agenda_items(&s, &m, &picked).unwrap(), 4);
    assert_eq!(doc.history().len(), changes + 1, "one change");
    let team = doc.team().unwrap();
    let meeting = &team.meetings[&m];
    assert!(agenda::suggestions(&team, meeting).is_empty());
    let titles: Vec<String> = meeting
        .items()
        .into_iter()
        .map(|i| agenda::item_title(&team, i))
        .collect();
    assert_eq!(titles, got.iter().map(|g| g.2.clone()).collect::<Vec<_>>());
    assert_eq!(team.tensions[&t].status, TensionStatus::OnAgenda);
    let before = doc.export();
    assert!(doc
        .add_agenda_item(&s, &m, ItemKind::Review, Some(&due), "")
        .is_err());
    assert!(doc
        .add_agenda_items(
            &s,
            &m,
            &[(ItemKind::Review, settled), (ItemKind::Review, due)]
        )
        .is_err());
    assert!(doc
        .add_agenda_item(&s, &m, ItemKind::Review, Some("d_nothing"), "")
        .is_err());
    assert!(doc
        .add_agenda_item(&s, &m, ItemKind::Term, Some("no-slash"), "")
        .is_err());
    assert_eq!(doc.export(), before, "refused items change nothing");
    // A large team's suggestions are grouped, a few of each shown.
    for i in 0..12 {
        doc.raise_tension(&s, &format!("T{i}"), TensionKind::Operational, TODAY)
            .unwrap();
    }
    let team = doc.team().unwrap();
    let groups = agenda::grouped(&team, &team.meetings[&m], 5);
    assert_eq!(groups.len(), 1);
    assert_eq!((groups[0].shown.len(), groups[0].total), (5, 12));
}

#[test]
fn a_member_page_counts_what_they_did() {
    let (mut doc, ids) = team_of(3);
    let s = stamp(&ids[0]);
    let m = doc.plan_meeting(&s, TODAY, MeetingKind::Tactical).unwrap();
    doc.set_meeting_role(&s, &m, MeetingRole::Facilitator(Some(ids[1].clone())))
        .unwrap();
    doc.set_meeting_role(&s, &m, MeetingRole::NoteTaker(Some(ids[2].clone())))
        .unwrap();
    let planned = doc
        .plan_meeting(&s, "2026-12-30", MeetingKind::Tactical)
        .unwrap();
    doc.set_meeting_role(&s, &planned, MeetingRole::Facilitator(Some(ids[1].clone())))
        .unwrap();
    doc.hold_meeting(&s, &m).unwrap();
    doc.raise_tension(&stamp(&ids[1]), "A gap", TensionKind::Operational, TODAY)
        .unwrap();
    let d = doc.add_decision(&s, "Budget").unwrap();
    doc.ask_advice(&s, &d, &ids[1], TODAY).unwrap();
    doc.record_advice(&stamp(&ids[1]), &d, &ids[1], Stance::Support, "Yes", TODAY)
        .unwrap();
    let who = [ids[1].clone()];
    doc.recognise(&s, &ids[0], &who, None, "First", "2026-11-01")
        .unwrap();
    doc.recognise(&s, &ids[2], &who, None, "Second", TODAY)
        .unwrap();
    let team = doc.team().unwrap();
    let c = contributions::of(&team, &ids[1]);
    assert_eq!(
        (c.figures.facilitated, c.figures.minuted),
        (1, 0),
        "only held meetings count"
    );
    assert_eq!(
        (
            c.figures.tensions_raised,
            c.figures.advice_given,
            c.figures.recognition_given
        ),
        (1, 1, 0)
    );
    let words: Vec<&str> = c.received.iter().map(|r| r.words.as_str()).collect();
    assert_eq!(words, ["Second", "First"]);
    assert_eq!(contributions::of(&team, &ids[2]).figures.minuted, 1);
    assert_eq!(
        contributions::of(&team, &ids[0]).figures.recognition_given,
        1
    );
}

#[test]
fn not_today_passes_the_turn_to_someone_who_is_not_the_other_role() {
    let (mut doc, ids) = team_of(4);
    let s = stamp(&ids[0]);
    // One meeting so that everyone has been once and may be proposed.
    let first = doc
        .plan_meeting(&s, "2026-11-01", MeetingKind::Tactical)
        .unwrap();
    doc.hold_meeting(&s, &first).unwrap();
    for declining in [0, 1] {
        let m = doc.plan_meeting(&s, TODAY, MeetingKind::Tactical).unwrap();
        let planned = doc.team().unwrap().meetings[&m].clone();
        let (f, n) = (
            planned.facilitator.clone().unwrap(),
            planned.note_taker.clone().unwrap(),
        );
        let who = if declining == 0 { &f } else { &n };
        doc.decline_turn(&s, &m, who).unwrap();
        let after = doc.team().unwrap().meetings[&m].clone();
        assert!(after.declined.contains(who));
        let (f2, n2) = (after.facilitator.unwrap(), after.note_taker.unwrap());
        assert_ne!(f2, n2, "two different people");
        assert_ne!(&f2, who);
        assert_ne!(&n2, who);
        // The one who did not decline keeps their role.
        if declining == 0 {
            assert_eq!(n2, n);
        } else {
            assert_eq!(f2, f);
        }
    }
}

#[allow(dead_code)]
fn unused(_: Team, _: Member) {}
