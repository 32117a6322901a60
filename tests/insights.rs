//! Insights: the figures match values computed by hand on small crafted
//! teams, including the edge cases (one member, nobody in a role, no
//! decisions), and stay sound on the example team.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{stamp, NOW, TODAY};
use roundtable::model::{
    edits::{DecisionField, MemberField, RoleField},
    example::example_team,
    insights::{self, degree_centralisation, density, gini, top_fifth_share},
    DecisionStatus, MeetingKind, Method, Owner, Stance, TeamDocument,
};

fn close(a: Option<f64>, b: f64) {
    let a = a.expect("a figure");
    assert!((a - b).abs() < 1e-9, "{a} is not {b}");
}

fn team(names: &[&str]) -> (TeamDocument, Vec<String>) {
    let (mut doc, first) = TeamDocument::create("T", "p", names[0], "2026-01-01", NOW).unwrap();
    let mut ids = vec![first.clone()];
    for n in &names[1..] {
        ids.push(doc.add_member(&stamp(&first), n, "2026-01-01").unwrap());
    }
    (doc, ids)
}

fn decision(doc: &mut TeamDocument, by: &str, title: &str, owner: Owner) -> String {
    let s = stamp(by);
    let d = doc.add_decision(&s, title).unwrap();
    doc.set_decision(&s, &d, DecisionField::Owner(Some(owner)), TODAY)
        .unwrap();
    d
}

fn role(doc: &mut TeamDocument, by: &str, name: &str, holders: &[&String]) -> String {
    let s = stamp(by);
    let r = doc.add_role(&s, name).unwrap();
    for h in holders {
        doc.add_filler(&s, &r, h, "2026-01-01", None).unwrap();
    }
    r
}

#[test]
fn the_formulas_on_known_numbers() {
    close(gini(&[1.0, 1.0, 1.0, 3.0]), 0.25);
    close(gini(&[2.0, 2.0]), 0.0);
    close(gini(&[0.0, 0.0, 0.0, 1.0]), 0.75);
    close(gini(&[5.0]), 0.0);
    assert_eq!(gini(&[]), None);
    assert_eq!(gini(&[0.0, 0.0]), None);
    close(top_fifth_share(&[1.0, 1.0, 1.0, 3.0]), 0.5);
    // Six members: the top fifth is two people.
    close(top_fifth_share(&[4.0, 3.0, 1.0, 1.0, 1.0, 0.0]), 0.7);
    // A star: everyone asks one person.
    close(degree_centralisation(&[3, 0, 0, 0]), 1.0);
    close(degree_centralisation(&[1, 1, 1]), 0.0);
    assert_eq!(degree_centralisation(&[0]), None);
    close(density(5, 4), 5.0 / 12.0);
    assert_eq!(density(0, 1), None);
}

#[test]
fn a_crafted_team_by_hand() {
    let (mut doc, ids) = team(&["Ana", "Bo", "Cy", "Di"]);
    let [ana, bo, cy, di] = [&ids[0], &ids[1], &ids[2], &ids[3]];
    let s = stamp(ana);
    // Ownership: Ana 3, Bo 1, and a role held by Cy and Di 2 (one each).
    let ops = role(&mut doc, ana, "Ops", &[cy, di]);
    doc.set_role(&s, &ops, RoleField::Domain(vec!["servers".into()]))
        .unwrap();
    let mine: Vec<String> = (0..3)
        .map(|i| decision(&mut doc, ana, &format!("A{i}"), Owner::Member(ana.clone())))
        .collect();
    let bos = decision(&mut doc, bo, "B", Owner::Member(bo.clone()));
    let op1 = decision(&mut doc, cy, "O1", Owner::Role(ops.clone()));
    decision(&mut doc, cy, "O2", Owner::Role(ops.clone()));
    // Advice: Ana asks Bo and Cy; Bo asks Cy; Ops (Cy, Di) asks Ana.
    for (d, who) in [(&mine[0], bo), (&mine[0], cy), (&bos, cy), (&op1, ana)] {
        doc.ask_advice(&s, d, who, TODAY).unwrap();
    }
    doc.record_advice(&stamp(bo), &mine[0], bo, Stance::Support, "Yes", TODAY)
        .unwrap();
    doc.raise_objection(&stamp(di), &mine[1], di, "Too soon", TODAY)
        .unwrap();
    // Roles: one nobody holds, one held by Bo alone that nobody else could
    // cover, one held by Ana that Di could cover (expertise, any case).
    role(&mut doc, ana, "Comms", &[]);
    let fin = role(&mut doc, ana, "Finance", &[bo]);
    doc.set_role(&s, &fin, RoleField::Domain(vec!["budget".into()]))
        .unwrap();
    doc.set_role(&s, &fin, RoleField::Expertise(vec!["accounting".into()]))
        .unwrap();
    doc.set_role(
        &s,
        &fin,
        RoleField::Accountabilities(vec!["Pay".into(), "Report".into()]),
    )
    .unwrap();
    let design = role(&mut doc, ana, "Design", &[ana]);
    doc.set_role(&s, &design, RoleField::Domain(vec!["brand".into()]))
        .unwrap();
    doc.set_role(&s, &design, RoleField::Expertise(vec!["design".into()]))
        .unwrap();
    doc.set_member(&s, di, MemberField::Expertise(vec!["Design".into()]))
        .unwrap();
    role(&mut doc, ana, "Hiring", &[ana]);
    let retro = role(&mut doc, ana, "Retro", &[ana]);
    doc.set_role(
        &s,
        &retro,
        RoleField::Accountabilities(vec!["Run retros".into()]),
    )
    .unwrap();
    let m = doc.plan_meeting(&s, TODAY, MeetingKind::Tactical).unwrap();
    doc.hold_meeting(&s, &m).unwrap();

    let team = doc.team().unwrap();
    let got = insights::insights(&team, TODAY);
    close(got.now.ownership_gini, 0.25);
    close(got.now.top_fifth_share, 0.5);
    // Ties (Ana→Bo, Ana→Cy, Bo→Cy, Cy→Ana, Di→Ana): in-degrees Ana 2,
    // Bo 1, Cy 2, Di 0; (0 + 1 + 0 + 2) ÷ 3² and 5 ÷ (4 × 3).
    close(got.now.advice_centralisation, 3.0 / 9.0);
    close(got.now.advice_density, 5.0 / 12.0);
    assert_eq!(got.now.members, 4);
    let names = |v: &[insights::RoleNote]| v.iter().map(|r| r.role.clone()).collect::<Vec<_>>();
    assert_eq!(names(&got.empty_roles), ["Comms"]);
    assert_eq!(names(&got.single_points), ["Finance"]);
    assert_eq!(got.single_points[0].member_id.as_ref(), Some(bo));
    assert_eq!(got.overloaded.len(), 1);
    assert_eq!(&got.overloaded[0].member_id, ana);
    let a = got.members.iter().find(|m| &m.id == ana).unwrap();
    assert_eq!(
        (a.decisions_owned, a.roles_held, a.accountabilities),
        (3, 3, 1)
    );
    assert!((a.accountability_share - 1.0 / 3.0).abs() < 1e-9);
    let b = got.members.iter().find(|m| &m.id == bo).unwrap();
    assert_eq!((b.advice_asked, b.advice_given), (1, 1));
    let c = got.members.iter().find(|m| &m.id == cy).unwrap();
    assert_eq!(
        (c.decisions_owned, c.advice_asked, c.advice_given),
        (2, 2, 0)
    );
    let d = got.members.iter().find(|m| &m.id == di).unwrap();
    assert_eq!(d.objections_raised, 1);
}

#[test]
fn over_time_by_quarter_with_who_held_the_role_that_day() {
    let (mut doc, ids) = team(&["Ana", "Bo"]);
    let [ana, bo] = [&ids[0], &ids[1]];
    let s = stamp(ana);
    let r = role(&mut doc, ana, "Release", &[ana]);
    let d = decision(&mut doc, ana, "Q2 call", Owner::Role(r.clone()));
    for f in [
        DecisionField::Method(Method::Consensus),
        DecisionField::Status(DecisionStatus::Open),
        DecisionField::Status(DecisionStatus::Decided),
        DecisionField::DecidedOn(Some("2026-05-10".into())),
    ] {
        doc.set_decision(&s, &d, f, TODAY).unwrap();
    }
    // Ana hands the role to Bo later; the Q2 decision stays Ana's.
    doc.remove_filler(&s, &r, ana, "2026-08-01").unwrap();
    doc.add_filler(&s, &r, bo, "2026-08-01", None).unwrap();
    let team = doc.team().unwrap();
    let got = insights::insights(&team, TODAY);
    let labels: Vec<&str> = got.periods.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["2026 Q1", "2026 Q2", "2026 Q3", "2026 Q4"]);
    let q2 = &got.periods[1];
    assert_eq!(
        (q2.from.as_str(), q2.to.as_str()),
        ("2026-04-01", "2026-06-30")
    );
    close(q2.spread.ownership_gini, 0.5);
    close(q2.spread.leading_share, 0.5);
    assert_eq!(
        got.periods[2].spread.ownership_gini, None,
        "nothing decided"
    );
    let a = got.members.iter().find(|m| &m.id == ana).unwrap();
    assert_eq!((a.decisions_decided, a.decisions_owned), (1, 0));
    let b = got.members.iter().find(|m| &m.id == bo).unwrap();
    assert_eq!((b.decisions_decided, b.decisions_owned), (0, 1));
}

#[test]
fn edge_cases_one_member_no_decisions_nobody_in_a_role() {
    let (mut doc, ids) = team(&["Ana"]);
    let team = doc.team().unwrap();
    let got = insights::insights(&team, TODAY);
    assert_eq!(got.now.ownership_gini, None, "no decisions");
    assert_eq!(got.now.advice_density, None, "one member");
    assert_eq!(got.now.advice_centralisation, None);
    assert_eq!(got.periods.len(), 4);
    let r = role(&mut doc, &ids[0], "Empty", &[]);
    decision(&mut doc, &ids[0], "Nobody's", Owner::Role(r));
    let team = doc.team().unwrap();
    let got = insights::insights(&team, TODAY);
    assert_eq!(got.now.ownership_gini, None, "owned by nobody");
    assert_eq!(got.empty_roles.len(), 1);
    decision(&mut doc, &ids[0], "Mine", Owner::Member(ids[0].clone()));
    let team = doc.team().unwrap();
    close(insights::insights(&team, TODAY).now.ownership_gini, 0.0);
}

#[test]
fn the_example_team_gives_sound_figures() {
    let (doc, _) = example_team(TODAY, NOW).unwrap();
    let team = doc.team().unwrap();
    let got = insights::insights(&team, TODAY);
    let active = team.members.values().filter(|m| m.is_active()).count();
    assert_eq!(got.members.len(), active);
    for f in [
        got.now.ownership_gini,
        got.now.top_fifth_share,
        got.now.advice_centralisation,
        got.now.advice_density,
        got.now.leading_share,
    ] {
        let f = f.expect("the example has decisions, advice and meetings' leaders");
        assert!((0.0..=1.0).contains(&f), "{f}");
    }
    // By hand from the example's specs: live decisions owned Ana 3.5 (two
    // her own, one open, half of Community host's), Bo 2.5 (half of Release
    // lead's, two of Security keeper's), Femi 1.5, Chidi 1, Dana 1, Eli 0.5.
    // Sorted [0.5, 1, 1, 1.5, 2.5, 3.5]: Σ i·x = 45, G = 2·45 ÷ (6·10) − 7/6
    // = 1/3; the top fifth (two people) hold 6 of 10.
    close(got.now.ownership_gini, 1.0 / 3.0);
    close(got.now.top_fifth_share, 0.6);
    let owned_counts: Vec<(String, usize)> = got
        .members
        .iter()
        .map(|m| {
            (
                m.name.split(' ').next().unwrap().to_string(),
                m.decisions_owned,
            )
        })
        .collect();
    for (name, n) in [
        ("Ana", 4),
        ("Bo", 3),
        ("Femi", 2),
        ("Chidi", 1),
        ("Dana", 1),
        ("Eli", 1),
    ] {
        assert!(
            owned_counts.contains(&(name.to_string(), n)),
            "{name}: {owned_counts:?}"
        );
    }
    let names = |v: &[insights::RoleNote]| v.iter().map(|r| r.role.clone()).collect::<Vec<_>>();
    assert_eq!(names(&got.empty_roles), ["Onboarding buddy"]);
    assert_eq!(
        names(&got.single_points),
        [
            "Budget steward",
            "Facilitator",
            "Research lead",
            "Security keeper"
        ]
    );
    // Every live decision owned by a person or a filled role is counted
    // once, split among its owners.
    let owned: usize = got.members.iter().map(|m| m.decisions_owned).sum();
    assert!(owned >= team.decisions.values().filter(|d| d.is_live()).count() / 2);
    assert!(!got.periods.is_empty() && got.periods.len() <= insights::PERIODS);
}
