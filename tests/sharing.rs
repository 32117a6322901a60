//! Moving the team between teammates: links, import summaries, conflicts,
//! and convergence of many replicas exchanging in any order.
#![cfg(not(target_arch = "wasm32"))]
// Sorts here are not in the page (see clippy.toml).
#![allow(clippy::disallowed_methods)]

mod common;

use common::{new_team, stamp, TODAY};
use proptest::prelude::*;
use roundtable::{
    model::{
        changes::ImportSummary,
        edits::{DecisionField, MemberField, RoleField},
        Collection, DecisionStatus, Delta, LoadError, TeamDocument,
    },
    share::{
        decode_fragment, decode_link, encode_fragment, encode_fragment_from, LinkError, Sender,
    },
};

#[test]
fn a_link_carries_the_whole_team_compactly() {
    let (mut doc, ana) = new_team();
    for i in 0..10 {
        doc.add_decision(&stamp(&ana), &format!("Decision number {i}"))
            .unwrap();
    }
    let bytes = doc.save();
    let fragment = encode_fragment(&bytes);
    assert!(fragment.starts_with("team="));
    assert!(
        fragment
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "=-_".contains(c)),
        "URL-safe"
    );
    assert_eq!(decode_fragment(&fragment).unwrap(), bytes);
    assert_eq!(decode_fragment(&format!("#{fragment}")).unwrap(), bytes);
}

#[test]
fn damaged_links_are_refused_in_plain_words() {
    let (mut doc, _) = new_team();
    let fragment = encode_fragment(&doc.save());
    assert_eq!(decode_fragment("view=roles"), Err(LinkError::NotATeamLink));
    assert_eq!(decode_fragment("team=***"), Err(LinkError::Damaged));
    assert_eq!(decode_fragment("team="), Err(LinkError::Damaged));
    let cut = &fragment[..fragment.len() / 2];
    match decode_fragment(cut) {
        Err(LinkError::Damaged) => {}
        Ok(bytes) => assert!(
            TeamDocument::load(&bytes).is_err(),
            "a cut link never opens as a team"
        ),
        Err(e) => panic!("unexpected {e:?}"),
    }
    // A newer link format.
    use base64::Engine;
    let newer = format!(
        "team={}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode([9u8, 1, 2, 3])
    );
    assert_eq!(decode_fragment(&newer), Err(LinkError::NewerVersion));
    // A tiny link that would inflate to far more than any team.
    let bomb = encode_fragment(&vec![0u8; 20 * 1024 * 1024]);
    assert!(bomb.len() < 40_000);
    assert_eq!(decode_fragment(&bomb), Err(LinkError::TooLarge));
    for e in [
        LinkError::Damaged,
        LinkError::TooLarge,
        LinkError::NotATeamLink,
    ] {
        assert!(e.to_string().ends_with('.'));
    }
}

proptest! {
    #[test]
    fn no_link_text_panics_the_decoder(s in "\\PC{0,200}", raw in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = decode_fragment(&s);
        let _ = decode_fragment(&format!("team={s}"));
        use base64::Engine;
        let _ = decode_fragment(&format!("team={}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&raw)));
    }
}

#[test]
fn an_import_says_what_it_brought() {
    let (mut mine, ana) = new_team();
    let s = stamp(&ana);
    let role = mine.add_role(&s, "Facilitator").unwrap();
    let (mut theirs, _) = TeamDocument::load(&mine.save()).unwrap();
    for t in ["A", "B", "C"] {
        theirs.add_decision(&s, t).unwrap();
    }
    theirs
        .set_role(&s, &role, RoleField::Domain(vec!["agenda".into()]))
        .unwrap();
    theirs.add_member(&s, "Bo", TODAY).unwrap();
    let before = mine.team().unwrap();
    mine.merge_bytes(&theirs.save()).unwrap();
    let summary = ImportSummary::between(&before, &mine.team().unwrap());
    assert_eq!(
        summary.sentence(),
        "3 new decisions, 1 role changed, 1 new member"
    );
    assert_eq!(summary.changed_of(Collection::Roles)[0].name, "Facilitator");
    let again = mine.team().unwrap();
    mine.merge_bytes(&theirs.save()).unwrap();
    let nothing = ImportSummary::between(&again, &mine.team().unwrap());
    assert!(nothing.is_empty());
    assert!(nothing.sentence().starts_with("Nothing new"));
}

#[test]
fn concurrent_single_values_are_kept_as_a_conflict_with_authors_until_someone_picks() {
    let (mut a, ana) = new_team();
    let bo = a.add_member(&stamp(&ana), "Bo", TODAY).unwrap();
    let dec = a.add_decision(&stamp(&ana), "Rotate").unwrap();
    let (mut b, _) = TeamDocument::load(&a.save()).unwrap();
    a.set_decision(
        &stamp(&ana),
        &dec,
        DecisionField::Status(DecisionStatus::Open),
        TODAY,
    )
    .unwrap();
    b.set_decision(
        &stamp(&bo),
        &dec,
        DecisionField::Status(DecisionStatus::Retired),
        TODAY,
    )
    .unwrap();
    let (a_bytes, b_bytes) = (a.save(), b.save());
    a.merge_bytes(&b_bytes).unwrap();
    b.merge_bytes(&a_bytes).unwrap();

    let conflicts = a.conflicts();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    let c = &conflicts[0];
    assert_eq!(
        (c.collection, c.record_id.as_str(), c.field),
        (Collection::Decisions, dec.as_str(), "status")
    );
    let mut seen: Vec<(Option<String>, Option<String>)> = c
        .values
        .iter()
        .map(|v| (v.value.clone(), v.author.clone()))
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        vec![
            (Some("open".into()), Some(ana.clone())),
            (Some("retired".into()), Some(bo.clone()))
        ]
    );
    assert_eq!(b.conflicts(), conflicts, "both sides see the same conflict");
    // Found the same way on a copy just opened (from the pass made on opening).
    let (mut reopened, _) = TeamDocument::load(&a.save()).unwrap();
    assert_eq!(reopened.conflicts(), conflicts);

    let keep = c
        .values
        .iter()
        .find(|v| v.value.as_deref() == Some("open"))
        .unwrap()
        .clone();
    a.resolve_conflict(&stamp(&ana), c, &keep).unwrap();
    assert!(a.conflicts().is_empty());
    assert_eq!(a.decision(&dec).unwrap().status, DecisionStatus::Open);
    b.merge_bytes(&a.save()).unwrap();
    assert!(b.conflicts().is_empty());
    assert_eq!(b.decision(&dec).unwrap().status, DecisionStatus::Open);
}

#[test]
fn a_foreign_value_cannot_be_picked_to_resolve() {
    let (mut a, ana) = new_team();
    let bo = a.add_member(&stamp(&ana), "Bo", TODAY).unwrap();
    let (mut b, _) = TeamDocument::load(&a.save()).unwrap();
    a.set_member(&stamp(&ana), &bo, MemberField::Name("Bo L.".into()))
        .unwrap();
    b.set_member(&stamp(&ana), &bo, MemberField::Name("Bob".into()))
        .unwrap();
    a.merge_bytes(&b.save()).unwrap();
    let c = a.conflicts().remove(0);
    let mut fake = c.values[0].clone();
    fake.value = Some("Mallory".into());
    assert!(a.resolve_conflict(&stamp(&ana), &c, &fake).is_err());
    assert_eq!(a.conflicts().len(), 1);
}

/// What one replica does in a step of a schedule.
#[derive(Debug, Clone)]
enum Step {
    /// Replica adds a member and a decision, and edits the shared role's purpose.
    Edit(usize, u8),
    /// `from` sends its whole document to `to`.
    SendFull(usize, usize),
    /// `from` sends the changes it made since it last sent this way; a stale
    /// or duplicate delta if it sent before.
    SendDelta(usize, usize),
    /// `from` sends a copy it saved earlier (stale).
    SendStale(usize, usize),
}

fn step(n: usize) -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0..n, any::<u8>()).prop_map(|(r, x)| Step::Edit(r, x)),
        2 => (0..n, 0..n).prop_map(|(a, b)| Step::SendFull(a, b)),
        2 => (0..n, 0..n).prop_map(|(a, b)| Step::SendDelta(a, b)),
        1 => (0..n, 0..n).prop_map(|(a, b)| Step::SendStale(a, b)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn replicas_exchanging_in_any_order_converge_and_lose_nothing(
        n in 3usize..5,
        steps in proptest::collection::vec(step(4), 5..40),
    ) {
        let (mut origin, ana) = new_team();
        let role = origin.add_role(&stamp(&ana), "Facilitator").unwrap();
        let base = origin.save();
        let mut replicas: Vec<TeamDocument> = (0..n).map(|_| TeamDocument::load(&base).unwrap().0).collect();
        let mut stale: Vec<Vec<u8>> = vec![base.clone(); n];
        let mut deltas: Vec<Vec<u8>> = vec![Vec::new(); n];
        let mut made = Vec::new();
        let mut created = Vec::new();
        for st in steps {
            match st {
                Step::Edit(r, x) => {
                    let r = r % n;
                    let doc = &mut replicas[r];
                    created.push(doc.add_member(&stamp(&ana), &format!("M{r}-{x}"), TODAY).unwrap());
                    created.push(doc.add_decision(&stamp(&ana), &format!("D{r}-{x}")).unwrap());
                    let purpose = format!("{} r{r}", doc.role(&role).unwrap().purpose.as_str());
                    doc.set_role_purpose(&stamp(&ana), &role, &purpose).unwrap();
                    made.extend(doc.heads());
                    deltas[r].extend(doc.save_incremental());
                }
                Step::SendFull(a, b) => {
                    let (a, b) = (a % n, b % n);
                    let bytes = replicas[a].export();
                    stale[a] = bytes.clone();
                    replicas[b].merge_bytes(&bytes).unwrap();
                }
                Step::SendDelta(a, b) => {
                    let (a, b) = (a % n, b % n);
                    if deltas[a].is_empty() { continue; }
                    // A delta is refused, never half-applied, when the
                    // receiver lacks what it builds on.
                    let before = replicas[b].export();
                    match replicas[b].merge_bytes(&deltas[a].clone()) {
                        Ok(()) => {}
                        Err(LoadError::MissingHistory) => prop_assert_eq!(replicas[b].export(), before),
                        Err(e) => prop_assert!(false, "unexpected {e:?}"),
                    }
                }
                Step::SendStale(a, b) => {
                    let (a, b) = (a % n, b % n);
                    replicas[b].merge_bytes(&stale[a].clone()).unwrap();
                }
            }
        }
        // Finally everyone exchanges with everyone.
        for a in 0..n {
            for b in 0..n {
                let bytes = replicas[a].export();
                replicas[b].merge_bytes(&bytes).unwrap();
            }
        }
        let first = replicas[0].team().unwrap();
        for r in replicas.iter_mut() {
            prop_assert_eq!(&r.team().unwrap(), &first);
            for h in &made {
                prop_assert!(r.has_change(h), "every change any replica made is present");
            }
        }
        for id in &created {
            prop_assert!(first.members.contains_key(id) || first.decisions.contains_key(id));
        }
    }
}

#[test]
fn a_link_says_who_made_it_and_what_they_had() {
    let (mut doc, ana) = new_team();
    let from = Sender {
        member_id: ana.clone(),
        heads: doc.heads().into_iter().map(|h| h.0).collect(),
    };
    let link = decode_link(&encode_fragment_from(&doc.save(), &from)).unwrap();
    assert_eq!(link.from, Some(from));
    assert_eq!(
        TeamDocument::load(&link.bytes).unwrap().1,
        doc.team().unwrap()
    );
    // Older links carry no sender, and still open.
    assert_eq!(
        decode_link(&encode_fragment(&doc.save())).unwrap().from,
        None
    );
}

proptest! {
    #[test]
    fn no_sender_bytes_panic_the_decoder(raw in proptest::collection::vec(any::<u8>(), 0..120)) {
        use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
        let mut payload = vec![2u8];
        payload.extend(raw);
        let _ = decode_link(&format!("team={}", URL_SAFE_NO_PAD.encode(payload)));
    }
}

#[test]
fn a_teammate_gets_only_what_they_lack_and_the_whole_team_when_unknown() {
    let (mut ana_doc, ana) = new_team();
    for i in 0..100 {
        ana_doc
            .add_decision(&stamp(&ana), &format!("Earlier {i}"))
            .unwrap();
    }
    let (mut bo_doc, _) = TeamDocument::load(&ana_doc.save()).unwrap();
    // Bo has sent Ana nothing: Ana knows no heads of Bo's, and sends all.
    assert!(matches!(ana_doc.changes_for(&[]), Delta::Whole(_)));
    let bo_heads = bo_doc.heads();
    assert_eq!(ana_doc.changes_for(&bo_heads), Delta::Nothing);
    for i in 0..5 {
        ana_doc
            .add_decision(&stamp(&ana), &format!("Decision {i}"))
            .unwrap();
    }
    let Delta::Changes(delta) = ana_doc.changes_for(&bo_heads) else {
        panic!("a delta")
    };
    let whole = ana_doc.export().len();
    assert!(
        delta.len() < whole / 2,
        "smaller than the team: {} of {whole}",
        delta.len()
    );
    bo_doc.merge_bytes(&delta).unwrap();
    assert_eq!(bo_doc.team().unwrap(), ana_doc.team().unwrap());
    // Heads Ana has never seen: only the whole team is sure to be complete.
    bo_doc.add_role(&stamp(&ana), "Host").unwrap();
    assert!(matches!(
        ana_doc.changes_for(&bo_doc.heads()),
        Delta::Whole(_)
    ));
}

#[test]
fn a_delta_without_its_history_asks_for_the_full_file() {
    let (mut ana_doc, ana) = new_team();
    let heads = ana_doc.heads();
    ana_doc.add_decision(&stamp(&ana), "Later").unwrap();
    let Delta::Changes(delta) = ana_doc.changes_for(&heads) else {
        panic!("a delta")
    };
    // Another team's copy, or none: nothing to build on.
    let (mut other, _) = new_team();
    let before = other.save();
    assert!(other.merge_bytes(&delta).is_err());
    assert_eq!(other.save(), before);
    assert_eq!(
        TeamDocument::load(&delta).err(),
        Some(LoadError::MissingHistory)
    );
}

#[test]
fn the_records_a_merge_touched_rebuild_the_team_and_its_summary() {
    let (mut doc, ana) = new_team();
    for i in 0..10 {
        doc.add_decision(&stamp(&ana), &format!("Earlier {i}"))
            .unwrap();
    }
    let before = doc.team().unwrap();
    let (mut other, _) = TeamDocument::load(&doc.save()).unwrap();
    let first = before.decisions.keys().next().unwrap().clone();
    other
        .set_decision(
            &stamp(&ana),
            &first,
            DecisionField::Title("Renamed".into()),
            TODAY,
        )
        .unwrap();
    other.add_decision(&stamp(&ana), "Brand new").unwrap();
    other.add_member(&stamp(&ana), "Bo", TODAY).unwrap();
    other
        .set_team_purpose(&stamp(&ana), "A new purpose")
        .unwrap();
    let heads = doc.heads();
    let merged = doc.merge_changes(&other.save_after_bytes(&heads)).unwrap();
    let patch = roundtable::model::changes::TeamPatch::read(&doc, &merged).unwrap();
    let after = doc.team().unwrap();
    assert_eq!(
        patch.summary(&before),
        ImportSummary::between(&before, &after)
    );
    let mut rebuilt = before.clone();
    patch.apply(&mut rebuilt);
    assert_eq!(rebuilt, after);
}

#[test]
fn whoever_made_the_changes_that_arrive_is_known_to_have_them() {
    let (mut ana_doc, ana) = new_team();
    let (mut bo_doc, _) = TeamDocument::load(&ana_doc.save()).unwrap();
    let bo = bo_doc.add_member(&stamp(&ana), "Bo", TODAY).unwrap();
    bo_doc.add_decision(&stamp(&bo), "Bo's idea").unwrap();
    // A plain file from Bo, no link and no sender: his own last change says
    // he has everything it builds on.
    let merged = ana_doc.merge_changes(&bo_doc.export()).unwrap();
    let bo_heads = merged.heads_by_author.get(&bo).cloned().unwrap_or_default();
    assert_eq!(bo_heads, bo_doc.heads());
    assert_eq!(ana_doc.changes_for(&bo_heads), Delta::Nothing);
    ana_doc.add_role(&stamp(&ana), "Host").unwrap();
    let Delta::Changes(delta) = ana_doc.changes_for(&bo_heads) else {
        panic!("only Ana's new change")
    };
    bo_doc.merge_bytes(&delta).unwrap();
    assert_eq!(bo_doc.team().unwrap(), ana_doc.team().unwrap());
    // The same is known on joining from a file.
    let (mut joined, _) = TeamDocument::load(&bo_doc.export()).unwrap();
    assert!(joined.heads_by_author().contains_key(&ana));
}
