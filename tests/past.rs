//! The team as it was on a date, read from the document's own history:
//! a document built with known dates reads back right on each of them.
#![cfg(not(target_arch = "wasm32"))]

use roundtable::model::{
    changes::ImportSummary, date::end_of_day_ms, edits::DecisionField, Collection, DecisionStatus,
    Method, Owner, Stamp, TeamDocument,
};

fn at(day: &str) -> i64 {
    end_of_day_ms(day).unwrap() - 3_600_000
}

#[test]
fn each_date_shows_the_team_as_it_was() {
    let (mut doc, ana) =
        TeamDocument::create("Platform", "p", "Ana", "2026-01-10", at("2026-01-10")).unwrap();
    let s = |day: &str| Stamp::new(Some(&ana), at(day));
    let ops = doc.add_role(&s("2026-01-10"), "Ops").unwrap();
    doc.add_filler(&s("2026-01-10"), &ops, &ana, "2026-01-10", None)
        .unwrap();
    let bo = doc
        .add_member(&s("2026-03-01"), "Bo", "2026-03-01")
        .unwrap();
    let d = doc
        .add_decision(&s("2026-03-01"), "Weekly releases")
        .unwrap();
    for f in [
        DecisionField::Owner(Some(Owner::Role(ops.clone()))),
        DecisionField::Method(Method::Consensus),
        DecisionField::Status(DecisionStatus::Open),
        DecisionField::Status(DecisionStatus::Decided),
    ] {
        doc.set_decision(&s("2026-03-01"), &d, f, "2026-03-01")
            .unwrap();
    }
    doc.remove_filler(&s("2026-06-01"), &ops, &ana, "2026-06-01")
        .unwrap();
    doc.add_filler(&s("2026-06-01"), &ops, &bo, "2026-06-01", None)
        .unwrap();
    doc.set_decision(
        &s("2026-06-01"),
        &d,
        DecisionField::Status(DecisionStatus::Retired),
        "2026-06-01",
    )
    .unwrap();

    let as_of =
        |doc: &mut TeamDocument, day: &str| doc.team_as_of(end_of_day_ms(day).unwrap()).unwrap();
    assert!(
        as_of(&mut doc, "2026-01-09").is_none(),
        "before the team began"
    );
    let feb = as_of(&mut doc, "2026-02-01").unwrap();
    assert_eq!(feb.members.len(), 1);
    assert!(feb.roles[&ops].is_filled_by(&ana));
    assert!(feb.decisions.is_empty());
    let april = as_of(&mut doc, "2026-04-01").unwrap();
    assert_eq!(april.members.len(), 2);
    assert!(april.roles[&ops].is_filled_by(&ana) && !april.roles[&ops].is_filled_by(&bo));
    assert_eq!(april.decisions[&d].status, DecisionStatus::Decided);
    let july = as_of(&mut doc, "2026-07-01").unwrap();
    assert!(july.roles[&ops].is_filled_by(&bo) && !july.roles[&ops].is_filled_by(&ana));
    assert_eq!(july.decisions[&d].status, DecisionStatus::Retired);
    assert_eq!(july, doc.team().unwrap(), "after the last change: as now");

    // What changed between two dates, and who changed it.
    let summary = ImportSummary::between(&feb, &april);
    assert_eq!(summary.new_of(Collection::Members).len(), 1);
    assert_eq!(summary.new_of(Collection::Decisions).len(), 1);
    let since = end_of_day_ms("2026-02-01").unwrap();
    assert_eq!(
        doc.authors_between(since, end_of_day_ms("2026-04-01").unwrap()),
        vec![ana.clone()]
    );
    assert!(doc
        .authors_between(since, end_of_day_ms("2026-02-28").unwrap())
        .is_empty());
}

#[test]
fn a_teammate_whose_clock_runs_behind_still_reads_whole() {
    let (mut doc, ana) =
        TeamDocument::create("Platform", "p", "Ana", "2026-05-01", at("2026-05-01")).unwrap();
    // Bo's clock says April, though his change builds on Ana's May team.
    let mut bo = doc.fork();
    bo.add_member(
        &Stamp::new(Some(&ana), at("2026-04-20")),
        "Bo",
        "2026-05-01",
    )
    .unwrap();
    doc.merge_bytes(&bo.export()).unwrap();
    let april = doc
        .team_as_of(end_of_day_ms("2026-04-25").unwrap())
        .unwrap();
    let april = april.expect("Bo's change brings the team it was made on");
    assert_eq!(april.members.len(), 2);
    assert_eq!(april.profile.name, "Platform");
}

#[test]
fn a_record_says_who_changed_which_field_when() {
    use roundtable::model::edits::DecisionText;
    let (mut doc, ana) =
        TeamDocument::create("Platform", "p", "Ana", "2026-01-10", at("2026-01-10")).unwrap();
    let bo = doc
        .add_member(
            &Stamp::new(Some(&ana), at("2026-01-10")),
            "Bo",
            "2026-01-10",
        )
        .unwrap();
    let d = doc
        .add_decision(&Stamp::new(Some(&ana), at("2026-02-01")), "Weekly releases")
        .unwrap();
    doc.set_decision_text(
        &Stamp::new(Some(&bo), at("2026-02-03")),
        &d,
        DecisionText::Driver,
        "We slip.",
    )
    .unwrap();
    doc.set_decision(
        &Stamp::new(Some(&bo), at("2026-02-04")),
        &d,
        DecisionField::Method(Method::Consent),
        "2026-02-04",
    )
    .unwrap();
    doc.ask_advice(
        &Stamp::new(Some(&ana), at("2026-02-05")),
        &d,
        &bo,
        "2026-02-05",
    )
    .unwrap();
    let h = doc.record_history(Collection::Decisions, &d);
    let seen: Vec<(String, Option<String>, Vec<String>, bool)> = h
        .iter()
        .map(|c| {
            (
                roundtable::model::date::from_unix_ms(c.at_secs * 1000),
                c.author.clone(),
                if c.created {
                    Vec::new()
                } else {
                    c.fields.clone()
                },
                c.created,
            )
        })
        .collect();
    assert_eq!(
        seen,
        vec![
            ("2026-02-01".into(), Some(ana.clone()), vec![], true),
            (
                "2026-02-03".into(),
                Some(bo.clone()),
                vec!["driver".into()],
                false
            ),
            (
                "2026-02-04".into(),
                Some(bo.clone()),
                vec!["method".into()],
                false
            ),
            (
                "2026-02-05".into(),
                Some(ana.clone()),
                vec!["consultees".into()],
                false
            ),
        ]
    );
    assert!(doc
        .record_history(Collection::Decisions, "d_none")
        .is_empty());
}
