//! The choices a decision's editor offers (other decisions, owners) are
//! built again only when their fingerprint changes: every edit that
//! changes the choices changes the fingerprint, and typing into the
//! decision being edited changes neither.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{stamp, NOW, TODAY};
use roundtable::model::{
    edits::{DecisionField, MemberField, RoleField},
    example::example_team,
    queries::{other_decisions_key, owner_choices, owner_choices_key, sorted_decisions},
    rights::Topics,
    RoleStatus, Team, TeamDocument,
};

fn others(t: &Team, except: &str) -> Vec<(String, String)> {
    sorted_decisions(t)
        .into_iter()
        .filter(|d| d.id != except)
        .map(|d| (d.id.clone(), d.title.clone()))
        .collect()
}

type Edit<'a> = Box<dyn Fn(&mut TeamDocument, &Team, &str) + 'a>;

#[test]
fn every_edit_that_changes_the_choices_changes_their_fingerprint() {
    let (mut doc, _) = example_team(TODAY, NOW).unwrap();
    let s = stamp("Ana");
    let team = doc.team().unwrap();
    let editing = team.decisions.keys().next().unwrap().clone();
    let edits: Vec<(&str, Edit<'_>)> = vec![
        (
            "type into the decision edited",
            Box::new(|d, _, e| {
                d.set_decision(&s, e, DecisionField::Title("Typed".into()), TODAY)
                    .unwrap()
            }),
        ),
        (
            "tag the decision edited",
            Box::new(|d, _, e| {
                d.set_decision(&s, e, DecisionField::Tags(vec!["x".into()]), TODAY)
                    .unwrap()
            }),
        ),
        (
            "rename another decision",
            Box::new(|d, t, e| {
                let other = t.decisions.keys().find(|k| *k != e).unwrap().clone();
                d.set_decision(&s, &other, DecisionField::Title("Renamed".into()), TODAY)
                    .unwrap()
            }),
        ),
        (
            "add a decision",
            Box::new(|d, _, _| drop(d.add_decision(&s, "Brand new").unwrap())),
        ),
        (
            "rename a role",
            Box::new(|d, t, _| {
                let r = t.roles.keys().next().unwrap().clone();
                d.set_role(&s, &r, RoleField::Name("Steward".into()))
                    .unwrap()
            }),
        ),
        (
            "retire a role",
            Box::new(|d, t, _| {
                // An active one: the example's ids, and so their order, vary.
                let r = t.roles.values().find(|r| r.is_active()).unwrap().id.clone();
                d.set_role(&s, &r, RoleField::Status(RoleStatus::Retired))
                    .unwrap()
            }),
        ),
        (
            "add a member",
            Box::new(|d, _, _| drop(d.add_member(&s, "Zoë", TODAY).unwrap())),
        ),
        (
            "a member leaves",
            Box::new(|d, t, _| {
                let m = t
                    .members
                    .values()
                    .find(|m| m.is_active())
                    .unwrap()
                    .id
                    .clone();
                d.set_member(&s, &m, MemberField::LeftOn(Some(TODAY.into())))
                    .unwrap()
            }),
        ),
        (
            "rename a member",
            Box::new(|d, t, _| {
                let m = t.members.keys().next().unwrap().clone();
                d.set_member(&s, &m, MemberField::Name("Ana María".into()))
                    .unwrap()
            }),
        ),
    ];
    for (what, edit) in edits {
        let before = doc.team().unwrap();
        edit(&mut doc, &before, &editing);
        let after = doc.team().unwrap();
        assert_ne!(before, after, "{what}: the edit changed the team");
        let (k0, k1) = (
            other_decisions_key(&before, &editing),
            other_decisions_key(&after, &editing),
        );
        if others(&before, &editing) != others(&after, &editing) {
            assert_ne!(
                k0, k1,
                "{what}: other decisions changed, their fingerprint did not"
            );
        }
        let (o0, o1) = (owner_choices_key(&before), owner_choices_key(&after));
        if owner_choices(&before, true) != owner_choices(&after, true) {
            assert_ne!(o0, o1, "{what}: owners changed, their fingerprint did not");
        }
        let (t0, t1) = (Topics::key(&before), Topics::key(&after));
        if Topics::new(&before) != Topics::new(&after) {
            assert_ne!(
                t0, t1,
                "{what}: the topics changed, their fingerprint did not"
            );
        }
        if what.ends_with("the decision edited") {
            assert_eq!(k0, k1, "{what}: the others need not be built again");
            assert_eq!(o0, o1, "{what}: the owners need not be built again");
            assert_eq!(t0, t1, "{what}: the topics need not be read again");
        }
    }
}

#[test]
fn whom_to_consult_and_whether_it_may_be_decided_are_the_same_with_the_topics_read_once() {
    use roundtable::model::rights::{
        can_decide, can_decide_in, suggest_consultees, suggest_consultees_in,
    };
    let (doc, _) = example_team(TODAY, NOW).unwrap();
    let team = doc.team().unwrap();
    let topics = Topics::new(&team);
    let mut suggested = 0;
    for d in team.decisions.values() {
        assert_eq!(
            suggest_consultees_in(&team, &topics, d),
            suggest_consultees(&team, d)
        );
        assert_eq!(can_decide_in(&team, &topics, d), can_decide(&team, d));
        suggested += suggest_consultees(&team, d).len();
    }
    assert!(suggested > 0, "the example team has people to suggest");
}
