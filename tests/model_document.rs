//! The team document: edits, authorship, round trips and refused input.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use automerge::{transaction::Transactable, AutoCommit, ObjType, ROOT};
use common::{new_team, stamp, NOW, TODAY};
use roundtable::model::{
    edits::{DecisionField, DecisionText, MemberField, RoleField},
    queries, DecisionStatus, EditError, LoadError, Method, Owner, RoleStatus, Stamp, TeamDocument,
    MAX_DOC_BYTES,
};

#[test]
fn creating_a_team_makes_the_founder_its_first_member_and_author() {
    let (mut doc, ana) = new_team();
    let team = doc.team().unwrap();
    assert_eq!(team.profile.name, "Platform");
    assert_eq!(team.profile.purpose.as_str(), "Keep the lights on");
    assert_eq!(team.members.len(), 1);
    assert_eq!(team.members[&ana].name, "Ana");
    let history = doc.history();
    assert_eq!(history, vec![(Some(ana.clone()), NOW / 1000)]);
}

#[test]
fn every_change_records_its_author() {
    let (mut doc, ana) = new_team();
    let bo = doc.add_member(&stamp(&ana), "Bo", TODAY).unwrap();
    doc.add_role(&stamp(&bo), "Facilitator").unwrap();
    let authors: Vec<_> = doc.history().into_iter().map(|(a, _)| a).collect();
    assert_eq!(authors, vec![Some(ana.clone()), Some(ana), Some(bo)]);
}

#[test]
fn the_full_chain_survives_save_and_load() {
    let (mut doc, ana) = new_team();
    let s = stamp(&ana);
    let bo = doc.add_member(&s, "Bo", TODAY).unwrap();
    doc.set_member(
        &s,
        &bo,
        MemberField::Expertise(vec!["security".into(), " ops ".into(), "Security".into()]),
    )
    .unwrap();
    let role = doc.add_role(&s, "Security keeper").unwrap();
    doc.set_role_purpose(&s, &role, "Our users' data stays safe.")
        .unwrap();
    doc.set_role(
        &s,
        &role,
        RoleField::Domain(vec!["access rights".into(), "".into()]),
    )
    .unwrap();
    doc.add_filler(&s, &role, &bo, TODAY, Some("2027-01-31".into()))
        .unwrap();
    let dec = doc.add_decision(&s, "Use a password manager").unwrap();
    doc.set_decision(
        &s,
        &dec,
        DecisionField::Owner(Some(Owner::Role(role.clone()))),
        TODAY,
    )
    .unwrap();
    doc.set_decision(&s, &dec, DecisionField::Method(Method::Autonomous), TODAY)
        .unwrap();
    doc.set_decision_text(&s, &dec, DecisionText::Driver, "Passwords in chat")
        .unwrap();

    let (reloaded, team) = TeamDocument::load(&doc.save()).unwrap();
    assert_eq!(team, doc.team().unwrap());
    assert_eq!(reloaded.team_id(), doc.team_id());
    assert_eq!(team.members[&bo].expertise, vec!["security", "ops"]);
    assert_eq!(team.roles[&role].domain, vec!["access rights"]);
    assert_eq!(
        team.roles[&role].fillers[&bo].term_end.as_deref(),
        Some("2027-01-31")
    );
    let d = &team.decisions[&dec];
    assert_eq!(d.owner(), Some(Owner::Role(role)));
    assert_eq!(d.driver.as_str(), "Passwords in chat");
    assert_eq!(d.created_by.as_deref(), Some(ana.as_str()));
}

#[test]
fn incremental_saves_rebuild_the_same_document() {
    let (mut doc, ana) = new_team();
    let full = doc.save();
    let s = stamp(&ana);
    let mut parts = Vec::new();
    for name in ["Bo", "Chidi", "Dana"] {
        doc.add_member(&s, name, TODAY).unwrap();
        parts.push(doc.save_incremental());
    }
    let (_, team) = TeamDocument::load_parts(&full, parts.iter().map(Vec::as_slice)).unwrap();
    assert_eq!(team, doc.team().unwrap());
    assert_eq!(team.members.len(), 4);
}

#[test]
fn non_ascii_prose_is_edited_in_characters_not_bytes() {
    let (mut doc, ana) = new_team();
    let s = stamp(&ana);
    doc.set_team_purpose(&s, "Équipe de José — 日本").unwrap();
    doc.set_team_purpose(&s, "Équipe de Josée — 日本語!")
        .unwrap();
    doc.set_team_purpose(&s, "Équipe — 日本語!").unwrap();
    let (_, team) = TeamDocument::load(&doc.save()).unwrap();
    assert_eq!(team.profile.purpose.as_str(), "Équipe — 日本語!");
}

#[test]
fn concurrent_prose_edits_merge_character_by_character() {
    let (mut a, ana) = new_team();
    let s = stamp(&ana);
    a.set_team_purpose(&s, "We ship software.").unwrap();
    let (mut b, _) = TeamDocument::load(&a.save()).unwrap();
    a.set_team_purpose(&s, "We ship good software.").unwrap();
    b.set_team_purpose(&s, "We ship software weekly.").unwrap();
    a.merge_bytes(&b.save()).unwrap();
    b.merge_bytes(&a.save()).unwrap();
    let ta = a.team().unwrap();
    assert_eq!(ta.profile.purpose.as_str(), "We ship good software weekly.");
    assert_eq!(ta, b.team().unwrap());
}

#[test]
fn invalid_edits_are_refused_and_leave_the_document_unchanged() {
    let (mut doc, ana) = new_team();
    let s = stamp(&ana);
    let role = doc.add_role(&s, "Facilitator").unwrap();
    let dec = doc.add_decision(&s, "Rotate").unwrap();
    let before = doc.save();
    let heads = doc.heads();

    assert!(matches!(
        doc.add_member(&s, "   ", TODAY),
        Err(EditError::Invalid(_))
    ));
    assert!(matches!(
        doc.add_role(&s, &"x".repeat(500)),
        Err(EditError::Invalid(_))
    ));
    assert!(matches!(
        doc.set_decision(
            &s,
            &dec,
            DecisionField::ReviewBy(Some("2026-02-30".into())),
            TODAY
        ),
        Err(EditError::Invalid(_))
    ));
    assert!(matches!(
        doc.set_decision(
            &s,
            &dec,
            DecisionField::Owner(Some(Owner::Role("r_nothere".into()))),
            TODAY
        ),
        Err(EditError::NotFound { kind: "role", .. })
    ));
    assert!(matches!(
        doc.add_filler(&s, &role, "m_nobody", TODAY, None),
        Err(EditError::NotFound { kind: "member", .. })
    ));
    assert!(matches!(
        doc.set_role_purpose(&s, "r_missing", "x"),
        Err(EditError::NotFound { kind: "role", .. })
    ));
    doc.add_filler(&s, &role, &ana, TODAY, None).unwrap();
    let after_fill = doc.heads();
    assert!(matches!(
        doc.add_filler(&s, &role, &ana, TODAY, None),
        Err(EditError::Invalid(_))
    ));
    assert_eq!(doc.heads(), after_fill);
    assert_ne!(after_fill, heads);
    let _ = before;
}

#[test]
fn a_member_who_left_cannot_take_a_role() {
    let (mut doc, ana) = new_team();
    let s = stamp(&ana);
    let bo = doc.add_member(&s, "Bo", TODAY).unwrap();
    let role = doc.add_role(&s, "Host").unwrap();
    doc.set_member(&s, &bo, MemberField::LeftOn(Some(TODAY.into())))
        .unwrap();
    assert!(matches!(
        doc.add_filler(&s, &role, &bo, TODAY, None),
        Err(EditError::Invalid(_))
    ));
    doc.set_member(&s, &bo, MemberField::LeftOn(None)).unwrap();
    doc.add_filler(&s, &role, &bo, TODAY, None).unwrap();
}

#[test]
fn stepping_down_keeps_the_term_in_the_role_history() {
    let (mut doc, ana) = new_team();
    let s = stamp(&ana);
    let role = doc.add_role(&s, "Host").unwrap();
    doc.add_filler(&s, &role, &ana, "2026-01-01", None).unwrap();
    doc.remove_filler(&s, &role, &ana, TODAY).unwrap();
    let r = doc.role(&role).unwrap();
    assert!(r.fillers.is_empty());
    assert_eq!(r.history.len(), 1);
    assert_eq!(
        (r.history[0].from.as_str(), r.history[0].to.as_str()),
        ("2026-01-01", TODAY)
    );
    doc.set_role(&s, &role, RoleField::Status(RoleStatus::Retired))
        .unwrap();
    assert!(!doc.role(&role).unwrap().is_active());
}

#[test]
fn marking_decided_sets_the_decision_date_once() {
    let (mut doc, ana) = new_team();
    let s = stamp(&ana);
    let dec = doc.add_decision(&s, "Rotate").unwrap();
    doc.set_decision(
        &s,
        &dec,
        DecisionField::Owner(Some(Owner::Member(ana.clone()))),
        TODAY,
    )
    .unwrap();
    doc.set_decision(&s, &dec, DecisionField::Method(Method::Consensus), TODAY)
        .unwrap();
    doc.set_decision(&s, &dec, DecisionField::Status(DecisionStatus::Open), TODAY)
        .unwrap();
    doc.set_decision(
        &s,
        &dec,
        DecisionField::Status(DecisionStatus::Decided),
        TODAY,
    )
    .unwrap();
    assert_eq!(
        doc.decision(&dec).unwrap().decided_on.as_deref(),
        Some(TODAY)
    );
    doc.set_decision(
        &s,
        &dec,
        DecisionField::Status(DecisionStatus::Decided),
        "2027-01-01",
    )
    .unwrap();
    assert_eq!(
        doc.decision(&dec).unwrap().decided_on.as_deref(),
        Some(TODAY)
    );
}

#[test]
fn bad_bytes_get_plain_errors() {
    let (mut doc, _) = new_team();
    let good = doc.save();
    assert_eq!(TeamDocument::load(&[]).err(), Some(LoadError::Empty));
    assert!(matches!(
        TeamDocument::load(b"hello, world").err(),
        Some(LoadError::NotAutomerge(_))
    ));
    assert!(matches!(
        TeamDocument::load(&good[..good.len() / 2]).err(),
        Some(LoadError::NotAutomerge(_))
    ));
    let mut flipped = good.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x5a;
    assert!(TeamDocument::load(&flipped).is_err());
    let huge = vec![0u8; MAX_DOC_BYTES + 1];
    assert!(matches!(
        TeamDocument::load(&huge).err(),
        Some(LoadError::TooLarge { .. })
    ));
    for e in [LoadError::Empty, LoadError::NotRoundtable] {
        assert!(e.to_string().ends_with('.'), "messages are sentences: {e}");
    }
}

#[test]
fn foreign_and_future_documents_are_refused() {
    let mut plain = AutoCommit::new();
    plain.put(ROOT, "todo", "buy milk").unwrap();
    assert_eq!(
        TeamDocument::load(&plain.save()).err(),
        Some(LoadError::NotRoundtable)
    );

    let (mut doc, ana) = new_team();
    let mut am = AutoCommit::load(&doc.save()).unwrap();
    am.put(ROOT, "schema", 2_i64).unwrap();
    assert_eq!(
        TeamDocument::load(&am.save()).err(),
        Some(LoadError::NewerSchema {
            found: 2,
            supported: 1
        })
    );

    let mut bent = AutoCommit::load(&doc.save()).unwrap();
    bent.put(ROOT, "members", "nobody").unwrap();
    assert!(matches!(
        TeamDocument::load(&bent.save()).err(),
        Some(LoadError::BadShape(_))
    ));

    // A record filed under another record's id.
    let mut mis = AutoCommit::load(&doc.save()).unwrap();
    let (_, members) = automerge::ReadDoc::get(&mis, ROOT, "members")
        .unwrap()
        .unwrap();
    let (_, rec) = automerge::ReadDoc::get(&mis, &members, ana.as_str())
        .unwrap()
        .unwrap();
    mis.put(&rec, "id", "m_someoneelse").unwrap();
    assert!(matches!(
        TeamDocument::load(&mis.save()).err(),
        Some(LoadError::BadShape(_))
    ));
    let _ = doc.save();
}

#[test]
fn merging_another_team_is_refused_and_changes_nothing() {
    let (mut mine, ana) = new_team();
    let (mut theirs, _) = TeamDocument::create("Other", "", "Zed", TODAY, NOW).unwrap();
    mine.add_member(&stamp(&ana), "Bo", TODAY).unwrap();
    let before = mine.save();
    let err = mine.merge_bytes(&theirs.save()).unwrap_err();
    assert_eq!(
        err,
        LoadError::DifferentTeam {
            name: "Other".into(),
            id: theirs.team_id().to_string(),
        }
    );
    assert_eq!(mine.save(), before);
    assert!(mine.merge_bytes(b"garbage").is_err());
    assert_eq!(mine.save(), before);
}

#[test]
fn values_written_as_text_by_other_clients_are_read() {
    // The official JS library stores JS strings as text objects.
    let (mut doc, ana) = new_team();
    let mut am = AutoCommit::load(&doc.save()).unwrap();
    let (_, members) = automerge::ReadDoc::get(&am, ROOT, "members")
        .unwrap()
        .unwrap();
    let (_, rec) = automerge::ReadDoc::get(&am, &members, ana.as_str())
        .unwrap()
        .unwrap();
    let name = am.put_object(&rec, "name", ObjType::Text).unwrap();
    am.splice_text(&name, 0, 0, "Ana María").unwrap();
    let (_, team) = TeamDocument::load(&am.save()).unwrap();
    assert_eq!(team.members[&ana].name, "Ana María");
    // Both readers (one pass, and field by field) agree on such documents.
    let slow: roundtable::model::Team = autosurgeon::hydrate(&am).unwrap();
    assert_eq!(slow, team);
}

#[test]
fn stamps_without_an_author_are_recorded_as_anonymous() {
    let (mut doc, _) = new_team();
    doc.add_role(&Stamp::new(None, NOW), "Host").unwrap();
    assert_eq!(doc.history().last().unwrap().0, None);
}

#[test]
fn the_example_team_is_realistic_and_shows_what_stands_out() {
    let (mut doc, first) = roundtable::model::example::example_team(TODAY, NOW).unwrap();
    let (_, team) = TeamDocument::load(&doc.save()).unwrap();
    assert_eq!(team.members.len(), 6);
    assert_eq!(team.roles.len(), 8);
    assert_eq!(team.decisions.len(), 12);
    assert!(team.members.contains_key(&first));
    assert_eq!(
        queries::empty_roles(&team).len(),
        1,
        "one role waits for a filler"
    );
    assert!(!queries::decisions_due_for_review(&team, TODAY).is_empty());
    assert!(!queries::terms_ending(&team, TODAY, queries::TERM_WARNING_DAYS).is_empty());
    let statuses: std::collections::BTreeSet<_> =
        team.decisions.values().map(|d| d.status).collect();
    assert!(
        statuses.len() >= 5,
        "decisions in various states: {statuses:?}"
    );
    assert!(team.roles.values().any(|r| !r.history.is_empty()));
    assert!(doc.history().len() > 50, "built through real edits");
}

#[test]
fn changes_that_build_on_unknown_history_are_refused_plainly() {
    let (mut a, ana) = new_team();
    let (mut b, _) = TeamDocument::load(&a.save()).unwrap();
    a.add_member(&stamp(&ana), "Bo", TODAY).unwrap();
    a.save_incremental();
    a.add_member(&stamp(&ana), "Chidi", TODAY).unwrap();
    let only_chidi = a.save_incremental();
    let before = b.save();
    assert_eq!(b.merge_bytes(&only_chidi), Err(LoadError::MissingHistory));
    assert_eq!(b.save(), before);
    b.merge_bytes(&a.save()).unwrap();
    assert_eq!(b.team().unwrap().members.len(), 3);
}

#[test]
fn a_delta_that_breaks_a_record_or_the_team_id_is_refused_and_changes_nothing() {
    let (mut doc, ana) = new_team();
    let id = doc.add_decision(&stamp(&ana), "Weekly demo").unwrap();
    let heads = doc.heads();
    let before = doc.save();
    type Edit<'a> = Box<dyn Fn(&mut AutoCommit) + 'a>;
    let bad_edits: Vec<Edit> = vec![
        Box::new(|am: &mut AutoCommit| {
            let (_, ds) = automerge::ReadDoc::get(am, ROOT, "decisions")
                .unwrap()
                .unwrap();
            let (_, rec) = automerge::ReadDoc::get(am, &ds, id.as_str())
                .unwrap()
                .unwrap();
            am.put(&rec, "status", 42).unwrap();
        }),
        Box::new(|am: &mut AutoCommit| am.put(ROOT, "team_id", "t-someone-else").unwrap()),
        Box::new(|am: &mut AutoCommit| am.put(ROOT, "schema", 99).unwrap()),
        Box::new(|am: &mut AutoCommit| {
            let (_, ds) = automerge::ReadDoc::get(am, ROOT, "decisions")
                .unwrap()
                .unwrap();
            am.put_object(&ds, "d-wrongkey", ObjType::Map).unwrap();
        }),
    ];
    for edit in bad_edits {
        let mut am = AutoCommit::load(&before).unwrap();
        edit(&mut am);
        let delta = am.save_after(&heads);
        let err = doc.merge_bytes(&delta).unwrap_err();
        assert!(
            matches!(
                err,
                LoadError::BadShape(_) | LoadError::NewerSchema { .. } | LoadError::NotRoundtable
            ),
            "{err:?}"
        );
        assert_eq!(doc.save(), before, "nothing changed");
    }
}

#[test]
fn a_merge_says_which_records_it_changed() {
    let (mut doc, ana) = new_team();
    let base = doc.save();
    let (mut other, _) = TeamDocument::load(&base).unwrap();
    let d = other.add_decision(&stamp(&ana), "New one").unwrap();
    let r = other.add_role(&stamp(&ana), "Host").unwrap();
    other.set_team_name(&stamp(&ana), "Renamed").unwrap();
    let delta = other.save_after_bytes(&doc.heads());
    let merged = doc.merge_changes(&delta).unwrap();
    assert!(
        merged.has(roundtable::model::Collection::Decisions, &d)
            && merged.has(roundtable::model::Collection::Roles, &r)
    );
    assert!(
        merged.profile
            && !merged.whole
            && merged
                .ids(roundtable::model::Collection::Members)
                .next()
                .is_none()
    );
    assert_eq!(doc.team().unwrap(), other.team().unwrap());
}

#[test]
fn ids_stay_unique_when_the_random_source_fails() {
    use roundtable::model::ids::{id_from, is_valid_id};
    let ids: std::collections::BTreeSet<String> =
        (0..1000).map(|_| id_from('d', |_| false)).collect();
    assert_eq!(ids.len(), 1000);
    assert!(ids.iter().all(|i| is_valid_id(i)));
}
