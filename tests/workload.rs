//! The generated teams used by the benchmark are realistic and repeatable.
#![cfg(not(target_arch = "wasm32"))]

use roundtable::{
    model::{DecisionStatus, TeamDocument},
    workload::{generate, week_of_work, SMALL},
};

#[test]
fn the_small_team_is_realistic_and_the_same_for_the_same_seed() {
    let (mut doc, members) = generate(SMALL, 7).unwrap();
    let team = doc.team().unwrap();
    let slow: roundtable::model::Team = autosurgeon::hydrate(doc.automerge()).unwrap();
    assert_eq!(slow, team, "the one-pass reader agrees with autosurgeon");
    assert_eq!(
        (team.members.len(), team.roles.len(), team.decisions.len()),
        (8, 20, 100)
    );
    assert_eq!(members.len(), 8);
    assert!(
        team.roles.values().any(|r| !r.is_active()),
        "some roles are retired"
    );
    assert!(team
        .decisions
        .values()
        .any(|d| d.status == DecisionStatus::Superseded));
    assert!(team.decisions.values().any(|d| !d.consultees.is_empty()));
    let authors: std::collections::BTreeSet<_> =
        doc.history().into_iter().filter_map(|(a, _)| a).collect();
    assert!(authors.len() >= 3, "several authors");
    assert!(
        doc.history().len() > 1_000,
        "built through many separate changes"
    );
    let (again, _) = generate(SMALL, 7).unwrap();
    let same = again.team().unwrap();
    let titles = |t: &roundtable::model::Team| {
        t.decisions
            .values()
            .map(|d| d.title.clone())
            .collect::<std::collections::BTreeSet<_>>()
    };
    assert_eq!(titles(&team), titles(&same));
}

#[test]
fn a_week_of_work_merges_back_into_the_team() {
    let (mut doc, _) = generate(SMALL, 7).unwrap();
    let base = doc.save();
    let mut week = week_of_work(&base, 100, 9).unwrap();
    let delta = week.save_after_bytes(&doc.heads());
    let full = week.export().len();
    assert!(
        !delta.is_empty() && delta.len() < full,
        "a delta ({}) is smaller than the team ({full})",
        delta.len()
    );
    doc.merge_bytes(&delta).unwrap();
    assert_eq!(doc.team().unwrap(), week.team().unwrap());
    let (_, fresh) = TeamDocument::load(&base).unwrap();
    assert_eq!(fresh.decisions.len(), 100);
}
