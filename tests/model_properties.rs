//! General rules, checked over many random cases.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{new_team, stamp, TODAY};
use proptest::prelude::*;
use roundtable::model::{
    date,
    edits::{DecisionField, DecisionText, MemberField, RoleField},
    queries, text, DecisionStatus, Method, Owner, Team, TeamDocument,
};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_splice_turns_the_old_text_into_the_new(old in "\\PC{0,40}", new in "\\PC{0,40}") {
        match text::splice_between(&old, &new) {
            None => prop_assert_eq!(&old, &new),
            Some(s) => {
                prop_assert_eq!(text::apply(&old, &s), new.clone());
                prop_assert!(s.delete + s.insert.chars().count() > 0);
            }
        }
    }

    #[test]
    fn typing_one_character_is_a_one_character_splice(base in "\\PC{0,30}", at in 0usize..31, c in any::<char>()) {
        let chars: Vec<char> = base.chars().collect();
        let at = at.min(chars.len());
        let mut typed: String = chars[..at].iter().collect();
        typed.push(c);
        typed.extend(&chars[at..]);
        let s = text::splice_between(&base, &typed).unwrap();
        prop_assert_eq!(s.delete, 0);
        prop_assert_eq!(s.insert.chars().count(), 1);
    }

    #[test]
    fn dates_round_trip_through_day_numbers(days in -100_000i64..200_000) {
        let d = date::from_days(days);
        prop_assert!(date::is_iso_date(&d), "{}", d);
        prop_assert_eq!(date::to_days(&d), Some(days));
        prop_assert_eq!(date::add_days(&d, 1).and_then(|n| date::to_days(&n)), Some(days + 1));
    }

    #[test]
    fn no_input_bytes_panic_the_loader(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = TeamDocument::load(&bytes);
        let (mut doc, _) = new_team();
        let before = doc.save();
        if doc.merge_bytes(&bytes).is_err() {
            prop_assert_eq!(doc.save(), before);
        }
    }

    #[test]
    fn damaged_team_files_never_panic_and_never_half_apply(
        cut in 0usize..4096, flips in proptest::collection::vec((0usize..4096, 1u8..=255), 0..4)
    ) {
        let (mut doc, ana) = new_team();
        doc.add_member(&stamp(&ana), "Bo", TODAY).unwrap();
        let mut bytes = doc.save();
        for (at, x) in flips {
            let i = at % bytes.len();
            bytes[i] ^= x;
        }
        bytes.truncate(cut.max(1).min(bytes.len()));
        let (mut mine, _) = TeamDocument::load(&doc.save()).unwrap();
        let before = mine.save();
        if mine.merge_bytes(&bytes).is_err() {
            prop_assert_eq!(mine.save(), before);
        }
        let _ = TeamDocument::load(&bytes);
    }
}

/// An edit a person could make; indices pick among existing records.
#[derive(Debug, Clone)]
enum Op {
    AddMember(String),
    RenameMember(usize, String),
    Leave(usize),
    Rejoin(usize),
    AddRole(String),
    RolePurpose(usize, String),
    RoleDomain(usize, Vec<String>),
    Fill(usize, usize, Option<i64>),
    StepDown(usize, usize),
    Retire(usize),
    AddDecision(String),
    Title(usize, String),
    Proposal(usize, String),
    Status(usize, usize),
    Own(usize, usize, bool),
    Review(usize, Option<i64>),
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![4 => "[A-Za-zéü ]{1,12}", 1 => Just("   ".to_string()), 1 => "\\PC{0,8}"]
}

fn op() -> impl Strategy<Value = Op> {
    let i = 0usize..8;
    prop_oneof![
        name().prop_map(Op::AddMember),
        (i.clone(), name()).prop_map(|(a, n)| Op::RenameMember(a, n)),
        i.clone().prop_map(Op::Leave),
        i.clone().prop_map(Op::Rejoin),
        name().prop_map(Op::AddRole),
        (i.clone(), "\\PC{0,30}").prop_map(|(a, t)| Op::RolePurpose(a, t)),
        (i.clone(), proptest::collection::vec(name(), 0..4))
            .prop_map(|(a, l)| Op::RoleDomain(a, l)),
        (i.clone(), i.clone(), proptest::option::of(-400i64..400))
            .prop_map(|(a, b, t)| Op::Fill(a, b, t)),
        (i.clone(), i.clone()).prop_map(|(a, b)| Op::StepDown(a, b)),
        i.clone().prop_map(Op::Retire),
        name().prop_map(Op::AddDecision),
        (i.clone(), name()).prop_map(|(a, n)| Op::Title(a, n)),
        (i.clone(), "\\PC{0,30}").prop_map(|(a, t)| Op::Proposal(a, t)),
        (i.clone(), 0usize..6).prop_map(|(a, s)| Op::Status(a, s)),
        (i.clone(), i.clone(), any::<bool>()).prop_map(|(a, b, r)| Op::Own(a, b, r)),
        (i, proptest::option::of(-400i64..400)).prop_map(|(a, d)| Op::Review(a, d)),
    ]
}

fn pick(ids: &[String], i: usize) -> String {
    if ids.is_empty() {
        "x_missing".to_string()
    } else {
        ids[i % ids.len()].clone()
    }
}

/// Applies an op; an edit may be refused, and a refused edit changes nothing.
fn apply(doc: &mut TeamDocument, author: &str, op: &Op) -> Result<(), TestCaseError> {
    let team = doc.team().unwrap();
    let members: Vec<String> = team.members.keys().cloned().collect();
    let roles: Vec<String> = team.roles.keys().cloned().collect();
    let decisions: Vec<String> = team.decisions.keys().cloned().collect();
    let s = stamp(author);
    let day = |d: i64| date::add_days(TODAY, d).unwrap();
    let heads = doc.heads();
    let result = match op {
        Op::AddMember(n) => doc.add_member(&s, n, TODAY).map(drop),
        Op::RenameMember(i, n) => {
            doc.set_member(&s, &pick(&members, *i), MemberField::Name(n.clone()))
        }
        Op::Leave(i) => doc.set_member(
            &s,
            &pick(&members, *i),
            MemberField::LeftOn(Some(TODAY.into())),
        ),
        Op::Rejoin(i) => doc.set_member(&s, &pick(&members, *i), MemberField::LeftOn(None)),
        Op::AddRole(n) => doc.add_role(&s, n).map(drop),
        Op::RolePurpose(i, t) => doc.set_role_purpose(&s, &pick(&roles, *i), t),
        Op::RoleDomain(i, l) => doc.set_role(&s, &pick(&roles, *i), RoleField::Domain(l.clone())),
        Op::Fill(r, m, t) => doc.add_filler(
            &s,
            &pick(&roles, *r),
            &pick(&members, *m),
            TODAY,
            t.map(day),
        ),
        Op::StepDown(r, m) => doc.remove_filler(&s, &pick(&roles, *r), &pick(&members, *m), TODAY),
        Op::Retire(r) => doc.set_role(
            &s,
            &pick(&roles, *r),
            RoleField::Status(roundtable::model::RoleStatus::Retired),
        ),
        Op::AddDecision(n) => doc.add_decision(&s, n).map(drop),
        Op::Title(i, n) => doc.set_decision(
            &s,
            &pick(&decisions, *i),
            DecisionField::Title(n.clone()),
            TODAY,
        ),
        Op::Proposal(i, t) => {
            doc.set_decision_text(&s, &pick(&decisions, *i), DecisionText::Proposal, t)
        }
        Op::Status(i, k) => doc.set_decision(
            &s,
            &pick(&decisions, *i),
            DecisionField::Status(DecisionStatus::ALL[*k]),
            TODAY,
        ),
        Op::Own(i, o, role) => {
            let owner = if *role {
                Owner::Role(pick(&roles, *o))
            } else {
                Owner::Member(pick(&members, *o))
            };
            doc.set_decision(
                &s,
                &pick(&decisions, *i),
                DecisionField::Owner(Some(owner)),
                TODAY,
            )
        }
        Op::Review(i, d) => doc.set_decision(
            &s,
            &pick(&decisions, *i),
            DecisionField::ReviewBy(d.map(day)),
            TODAY,
        ),
    };
    if result.is_err() {
        prop_assert_eq!(
            doc.heads(),
            heads,
            "a refused edit left a change behind: {:?}",
            op
        );
    }
    Ok(())
}

/// Rules every team document keeps, whatever was done to it.
fn check_invariants(team: &Team) -> Result<(), TestCaseError> {
    for (k, m) in &team.members {
        prop_assert_eq!(k, &m.id);
        prop_assert!(!m.name.trim().is_empty());
        prop_assert!(date::is_iso_date(&m.joined_on));
    }
    for (k, r) in &team.roles {
        prop_assert_eq!(k, &r.id);
        prop_assert!(!r.name.trim().is_empty());
        for (mid, f) in &r.fillers {
            prop_assert_eq!(mid, &f.member_id);
            prop_assert!(team.members.contains_key(mid), "a filler is a member");
            prop_assert!(f.term_end.as_deref().is_none_or(date::is_iso_date));
        }
        prop_assert!(r.domain.iter().all(|d| !d.trim().is_empty()));
    }
    for (k, d) in &team.decisions {
        prop_assert_eq!(k, &d.id);
        prop_assert!(!d.title.trim().is_empty());
        if let Some(o) = d.owner() {
            match o {
                Owner::Role(id) => prop_assert!(team.roles.contains_key(&id)),
                Owner::Member(id) => prop_assert!(team.members.contains_key(&id)),
            }
        }
        if d.status == DecisionStatus::Decided {
            prop_assert!(d.decided_on.is_some(), "a decided decision has its date");
        }
        prop_assert!(d.review_by.as_deref().is_none_or(date::is_iso_date));
        prop_assert!(Method::ALL.contains(&d.method));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_edits_keep_the_rules_and_survive_save_and_load(ops in proptest::collection::vec(op(), 1..40)) {
        let (mut doc, ana) = new_team();
        let full = doc.save();
        let mut increments = Vec::new();
        for op in &ops {
            apply(&mut doc, &ana, op)?;
            increments.push(doc.save_incremental());
        }
        let team = doc.team().unwrap();
        check_invariants(&team)?;
        // The one-pass reader reads what autosurgeon reads field by field.
        let slow: Team = autosurgeon::hydrate(doc.automerge()).unwrap();
        prop_assert_eq!(&slow, &team);
        let (_, reloaded) = TeamDocument::load(&doc.save()).unwrap();
        prop_assert_eq!(&reloaded, &team);
        let (_, rebuilt) = TeamDocument::load_parts(&full, increments.iter().map(Vec::as_slice)).unwrap();
        prop_assert_eq!(&rebuilt, &team);
    }

    #[test]
    fn two_teammates_editing_apart_converge(
        a_ops in proptest::collection::vec(op(), 0..20),
        b_ops in proptest::collection::vec(op(), 0..20),
    ) {
        let (mut a, ana) = new_team();
        let (mut b, _) = TeamDocument::load(&a.save()).unwrap();
        for op in &a_ops { apply(&mut a, &ana, op)?; }
        for op in &b_ops { apply(&mut b, &ana, op)?; }
        let (a_bytes, b_bytes) = (a.save(), b.save());
        a.merge_bytes(&b_bytes).unwrap();
        b.merge_bytes(&a_bytes).unwrap();
        let (ta, tb) = (a.team().unwrap(), b.team().unwrap());
        prop_assert_eq!(&ta, &tb);
        // Records created on either side all survive the merge.
        let ma: Vec<_> = TeamDocument::load(&a_bytes).unwrap().1.members.into_keys().collect();
        let mb: Vec<_> = TeamDocument::load(&b_bytes).unwrap().1.members.into_keys().collect();
        for id in ma.iter().chain(&mb) {
            prop_assert!(ta.members.contains_key(id));
        }
    }
}

/// Edits to who holds which role, among few people and roles, so that
/// people hold several, and some of those roles are retired.
fn holding_op() -> impl Strategy<Value = Op> {
    let i = 0usize..4;
    prop_oneof![
        1 => name().prop_map(Op::AddMember),
        1 => (i.clone(), name()).prop_map(|(a, n)| Op::RenameMember(a, n)),
        1 => i.clone().prop_map(Op::Leave),
        1 => i.clone().prop_map(Op::Rejoin),
        2 => name().prop_map(Op::AddRole),
        6 => (i.clone(), i.clone()).prop_map(|(a, b)| Op::Fill(a, b, None)),
        1 => (i.clone(), i.clone()).prop_map(|(a, b)| Op::StepDown(a, b)),
        2 => i.prop_map(Op::Retire),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The screens' questions, computed the quick way (picked, then
    /// sorted; counted in one pass), answer as their plain definitions do.
    #[test]
    fn who_holds_what_answers_as_its_definition(ops in proptest::collection::vec(holding_op(), 1..60)) {
        let (mut doc, ana) = new_team();
        for op in &ops {
            apply(&mut doc, &ana, op)?;
        }
        let team = doc.team().unwrap();
        let roles = queries::sorted_roles(&team);
        for w in roles.windows(2) {
            let key = |r: &roundtable::model::Role| (!r.is_active(), r.name.to_lowercase(), r.id.clone());
            prop_assert!(key(w[0]) < key(w[1]), "roles active first, by name, by id");
        }
        let members = queries::sorted_members(&team);
        for w in members.windows(2) {
            let key = |m: &roundtable::model::Member| (!m.is_active(), m.name.to_lowercase(), m.id.clone());
            prop_assert!(key(w[0]) < key(w[1]), "members active first, by name, by id");
        }
        let empty: Vec<&str> = roles.iter().filter(|r| r.is_active() && r.fillers.is_empty()).map(|r| r.id.as_str()).collect();
        let quick: Vec<&str> = queries::empty_roles(&team).iter().map(|r| r.id.as_str()).collect();
        prop_assert_eq!(quick, empty);
        let mut many = Vec::new();
        for m in &members {
            let held: Vec<&str> = roles.iter().filter(|r| r.is_active() && r.is_filled_by(&m.id)).map(|r| r.id.as_str()).collect();
            let quick: Vec<&str> = queries::roles_held_by(&team, &m.id).iter().map(|r| r.id.as_str()).collect();
            prop_assert_eq!(&quick, &held);
            if m.is_active() && held.len() >= queries::MANY_ROLES {
                many.push((m.id.as_str(), held.len()));
            }
        }
        let quick: Vec<(&str, usize)> = queries::members_with_many_roles(&team).iter().map(|(m, n)| (m.id.as_str(), *n)).collect();
        prop_assert_eq!(quick, many);
    }
}
