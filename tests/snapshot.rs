//! A team's snapshot reads back as exactly the team the document holds;
//! one of another version, of another team, taken from other stored data,
//! or damaged in any way is refused, never trusted, and never panics.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{NOW, TODAY};
use proptest::prelude::*;
use roundtable::model::{
    example::example_team,
    snapshot::{decode, encode, Covers, SnapshotError, SNAPSHOT_VERSION},
};

/// FNV-1a, as the snapshot's checksum line has it.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A snapshot with `from` replaced by `to` and its checksum made to fit:
/// what a snapshot says, changed on purpose rather than damaged.
fn edited(stored: &str, from: &str, to: &str) -> String {
    let (json, _) = stored.rsplit_once('\n').unwrap();
    assert!(json.contains(from), "{from} not in the snapshot");
    let json = json.replacen(from, to, 1);
    format!("{json}\n{:016x}", fnv(&json))
}

fn covers() -> Covers {
    Covers {
        doc: 0x1234_5678,
        chunks: vec!["inc/a/1".into(), "inc/b/1".into()],
    }
}

#[test]
fn the_example_team_reads_back_field_for_field() {
    let (mut doc, _) = example_team(TODAY, NOW).unwrap();
    let team = doc.team().unwrap();
    let json = encode(&team, &[], &covers());
    let back = decode(&json, &team.team_id, &covers()).unwrap();
    assert_eq!(back.team, team);
    assert!(back.trusted, "made by this build's reading code");
    assert_eq!(back.covers, covers());
    // The order the store lists increments in does not matter.
    let mut shuffled = covers();
    shuffled.chunks.reverse();
    assert_eq!(decode(&json, &team.team_id, &shuffled).unwrap().team, team);
    // Compact enough to be worth keeping next to the document.
    let saved = doc.save().len();
    println!("snapshot {} chars, document {saved} bytes", json.len());
}

#[test]
fn prose_with_markup_and_any_script_survives() {
    let (mut doc, _) = common::new_team();
    let s = common::stamp("Ana");
    let id = doc.add_decision(&s, "<b>Budget</b> “2027” ✓").unwrap();
    doc.set_decision_text(
        &s,
        &id,
        roundtable::model::edits::DecisionText::Driver,
        "Line 1\n\t<script>x</script> 🙂 ü",
    )
    .unwrap();
    let team = doc.team().unwrap();
    assert_eq!(
        decode(&encode(&team, &[], &covers()), &team.team_id, &covers())
            .unwrap()
            .team,
        team
    );
}

#[test]
fn a_snapshot_not_of_exactly_these_stored_bytes_is_refused() {
    let (doc, _) = common::new_team();
    let team = doc.team().unwrap();
    let json = encode(&team, &[], &covers());
    let mut other = covers();
    other.doc += 1;
    assert_eq!(
        decode(&json, &team.team_id, &other),
        Err(SnapshotError::Stale)
    );
    let mut more = covers();
    more.chunks.push("inc/c/1".into());
    assert_eq!(
        decode(&json, &team.team_id, &more),
        Err(SnapshotError::Stale)
    );
    assert_eq!(
        decode(&json, "t_other", &covers()),
        Err(SnapshotError::OtherTeam)
    );
    let newer = edited(&json, &format!("\"v\":{SNAPSHOT_VERSION}"), "\"v\":99");
    assert_eq!(
        decode(&newer, &team.team_id, &covers()),
        Err(SnapshotError::OtherVersion)
    );
    // One whose shape this version does not read is named for its version
    // too, and in this version's number the same shape is damage.
    let reshaped = edited(&newer, "\"flagged\":[]", "\"flagged\":{}");
    assert_eq!(
        decode(&reshaped, &team.team_id, &covers()),
        Err(SnapshotError::OtherVersion)
    );
    let misshapen = edited(&json, "\"flagged\":[]", "\"flagged\":{}");
    assert_eq!(
        decode(&misshapen, &team.team_id, &covers()),
        Err(SnapshotError::Unreadable)
    );
    assert_eq!(
        decode("", &team.team_id, &covers()),
        Err(SnapshotError::Unreadable)
    );
    let bad_type = edited(&json, "\"joined_on\":\"2026-11-23\"", "\"joined_on\":5");
    assert_ne!(bad_type, json);
    assert_eq!(
        decode(&bad_type, &team.team_id, &covers()),
        Err(SnapshotError::Unreadable)
    );
    // A closed list's value it does not know.
    let (ex, _) = example_team(TODAY, NOW).unwrap();
    let example = ex.team().unwrap();
    let ej = encode(&example, &[], &covers());
    let bad_status = edited(&ej, "\"status\":\"active\"", "\"status\":\"gone\"");
    assert_ne!(bad_status, ej);
    assert_eq!(
        decode(&bad_status, &example.team_id, &covers()),
        Err(SnapshotError::Unreadable)
    );
}

#[test]
fn a_snapshot_changed_in_a_way_that_still_parses_is_refused() {
    let (ex, _) = example_team(TODAY, NOW).unwrap();
    let team = ex.team().unwrap();
    let json = encode(&team, &[], &covers());
    // One letter of a title, as a damaged disk or a careless hand would.
    let title = &team.decisions.values().next().unwrap().title;
    let (body, sum) = json.rsplit_once('\n').unwrap();
    let changed = format!(
        "{}\n{sum}",
        body.replacen(title.as_str(), &title.to_uppercase(), 1)
    );
    assert_ne!(changed, json);
    assert_eq!(
        decode(&changed, &team.team_id, &covers()),
        Err(SnapshotError::Unreadable)
    );
    // Without its checksum line, or with another one: refused too.
    assert_eq!(
        decode(body, &team.team_id, &covers()),
        Err(SnapshotError::Unreadable)
    );
    assert_eq!(
        decode(&format!("{body}\nzz"), &team.team_id, &covers()),
        Err(SnapshotError::Unreadable)
    );
}

#[test]
fn only_a_snapshot_made_by_this_builds_reading_code_is_trusted_and_it_keeps_the_conflicting_records(
) {
    use roundtable::model::{snapshot::READER, Collection};
    let (ex, _) = example_team(TODAY, NOW).unwrap();
    let team = ex.team().unwrap();
    let d = team.decisions.keys().next().unwrap().clone();
    let flagged = vec![
        (Collection::Decisions, d),
        (Collection::Roles, "r_x".into()),
    ];
    let json = encode(&team, &flagged, &covers());
    let back = decode(&json, &team.team_id, &covers()).unwrap();
    assert!(back.trusted);
    assert_eq!(back.flagged, flagged);
    // An older or newer app's reading code: shown, but not trusted.
    let other = edited(
        &json,
        &format!("\"reader\":\"{READER}\""),
        "\"reader\":\"older\"",
    );
    let back = decode(&other, &team.team_id, &covers()).unwrap();
    assert!(!back.trusted);
    assert_eq!(back.team, team);
    // A collection this build does not know: unreadable.
    let unknown = edited(&json, "[\"roles\",\"r_x\"]", "[\"moods\",\"r_x\"]");
    assert_eq!(
        decode(&unknown, &team.team_id, &covers()),
        Err(SnapshotError::Unreadable)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Cut anywhere or with any byte changed, a snapshot is either refused
    /// or reads as a team (never a panic).
    #[test]
    fn a_damaged_snapshot_never_panics(cut in any::<prop::sample::Index>(), at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let (doc, _) = common::new_team();
        let team = doc.team().unwrap();
        let json = encode(&team, &[], &covers());
        let mut bytes = json.into_bytes();
        let i = at.index(bytes.len());
        bytes[i] = byte;
        bytes.truncate(cut.index(bytes.len() + 1));
        let text = String::from_utf8_lossy(&bytes);
        let _ = decode(&text, &team.team_id, &covers());
    }
}

mod stored {
    use super::*;
    use roundtable::storage::{MemoryKv, TeamStore};

    /// A team stored and opened again, as the next visit would.
    fn stored() -> (TeamStore<MemoryKv>, String) {
        let (doc, _) = example_team(TODAY, NOW).unwrap();
        let id = doc.team_id().to_string();
        let mut store = TeamStore::new(MemoryKv::default());
        store.add(doc, "Northwind").unwrap();
        (store, id)
    }

    #[test]
    fn a_kept_snapshot_reads_back_until_anything_is_stored_after_it() {
        let (mut store, id) = stored();
        assert_eq!(
            store.snapshot(&id),
            Err(SnapshotError::Unreadable),
            "none yet"
        );
        let (mut open, team) = store.open(&id).unwrap();
        store.keep_snapshot(&open, &team, &[]).unwrap();
        let next_visit = TeamStore::new(store.kv().clone());
        assert_eq!(next_visit.snapshot(&id).unwrap().team, team);

        // An edit stored after it (here, or by another tab): stale.
        open.doc
            .add_member(&common::stamp("Ana"), "Zoë", TODAY)
            .unwrap();
        store.persist(&mut open).unwrap();
        assert_eq!(store.snapshot(&id), Err(SnapshotError::Stale));
        let (_, now) = store.open(&id).unwrap();
        store.keep_snapshot(&open, &now, &[]).unwrap();
        assert_eq!(store.snapshot(&id).unwrap().team, now);
        // Another tab's increment named in it but not stored: stale.
        let key = store
            .kv()
            .map
            .keys()
            .find(|k| k.ends_with("/snapshot"))
            .unwrap()
            .clone();
        let json = store.kv().map[&key].clone();
        let spoiled = edited(&json, "\"chunks\":[", "\"chunks\":[\"elsewhere\",");
        assert_ne!(spoiled, json);
        roundtable::storage::KeyValue::set(store.kv_mut(), &key, &spoiled).unwrap();
        assert_eq!(store.snapshot(&id), Err(SnapshotError::Stale));
        roundtable::storage::KeyValue::set(store.kv_mut(), &key, &json).unwrap();
        // Compacting rewrites the full save: stale again.
        store.compact(&mut open).unwrap();
        assert_eq!(store.snapshot(&id), Err(SnapshotError::Stale));
    }

    #[test]
    fn a_snapshot_never_takes_the_room_edits_need() {
        let (mut store, id) = stored();
        let (mut open, team) = store.open(&id).unwrap();
        store.keep_snapshot(&open, &team, &[]).unwrap();
        let snap = store
            .kv()
            .map
            .iter()
            .find(|(k, _)| k.ends_with("/snapshot"))
            .map(|(k, v)| k.len() + v.len())
            .unwrap();
        // Storage is full but for a little less than the snapshot takes.
        let used = store.kv().used();
        store.kv_mut().quota = Some(used + 100);
        open.doc
            .add_member(&common::stamp("Ana"), &"Long name ".repeat(10), TODAY)
            .unwrap();
        assert!(snap > 1000);
        store.persist(&mut open).unwrap();
        assert!(
            !store.kv().map.keys().any(|k| k.ends_with("/snapshot")),
            "the snapshot made room"
        );
        let (_, after) = TeamStore::new(store.kv().clone()).open(&id).unwrap();
        assert_eq!(
            after.members.len(),
            team.members.len() + 1,
            "the edit is stored"
        );
        // No room for a snapshot: none is kept, nothing else changes.
        let before = store.kv().map.clone();
        store.kv_mut().quota = Some(used + 100);
        assert!(store.keep_snapshot(&open, &after, &[]).is_err());
        assert_eq!(store.kv().map, before);
    }
}

mod session {
    use super::*;
    use roundtable::{
        model::edits::DecisionField,
        session::{Imported, Session},
        storage::{KeyValue, MemoryKv},
    };

    fn ana() -> Session<MemoryKv> {
        let mut s = Session::new(MemoryKv::default());
        s.open_example(TODAY).unwrap();
        s
    }

    #[test]
    fn the_next_visit_paints_from_the_snapshot_and_loads_the_document_when_needed() {
        let mut s = ana();
        let id = s.team_id().unwrap().to_string();
        // No snapshot yet: the document is opened as before.
        let mut first = Session::new(s.store().kv().clone());
        first.start_fast().unwrap().unwrap();
        assert!(!first.is_deferred());

        s.keep_snapshot();
        let kv = s.store().kv().clone();
        let mut next = Session::new(kv.clone());
        let opened = next.start_fast().unwrap().unwrap();
        assert!(next.is_deferred());
        assert_eq!(next.team_id(), Some(id.as_str()));
        let mut full = Session::new(kv.clone());
        assert_eq!(
            opened.team,
            full.open(&id).unwrap().team,
            "the same team as the document"
        );
        // Nothing was written to paint it.
        assert_eq!(next.store().kv().map, kv.map);

        // An edit before the document loaded is not lost: it loads first.
        let d = opened.team.decisions.keys().next().unwrap().clone();
        let e = next
            .edit(NOW, |doc, st| {
                doc.set_decision(st, &d, DecisionField::Title("Typed early".into()), TODAY)
            })
            .unwrap();
        drop(e);
        assert!(!next.is_deferred());
        assert!(next.finish_open().is_none(), "nothing left to load");
        let mut again = Session::new(next.store().kv().clone());
        let team = again.open(&id).unwrap().team;
        assert_eq!(team.decisions[&d].title, "Typed early");
        // That edit made the snapshot stale: the visit after opens the document.
        let mut after = Session::new(next.store().kv().clone());
        after.start_fast().unwrap().unwrap();
        assert!(!after.is_deferred());
    }

    #[test]
    fn a_damaged_snapshot_is_ignored_and_changes_nothing() {
        let mut s = ana();
        let id = s.team_id().unwrap().to_string();
        s.keep_snapshot();
        let mut kv = s.store().kv().clone();
        let key = kv
            .map
            .keys()
            .find(|k| k.ends_with("/snapshot"))
            .unwrap()
            .clone();
        let json = kv.get(&key).unwrap();
        kv.set(&key, &json[..json.len() / 2]).unwrap();
        let before = kv.map.clone();
        let mut next = Session::new(kv);
        let opened = next.start_fast().unwrap().unwrap();
        assert!(!next.is_deferred(), "opened from the document");
        assert_eq!(opened.team.team_id, id);
        assert_eq!(next.store().kv().map.get(&key), before.get(&key));
    }

    /// The snapshot's key and stored text in `kv`.
    fn snapshot_of(kv: &MemoryKv) -> (String, String) {
        kv.map
            .iter()
            .find(|(k, _)| k.ends_with("/snapshot"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .unwrap()
    }

    #[test]
    fn a_trusted_snapshot_stands_for_the_team_once_the_document_loads() {
        use roundtable::session::Loaded;
        let mut s = ana();
        let id = s.team_id().unwrap().to_string();
        s.keep_snapshot();
        let mut kv = s.store().kv().clone();
        // What the snapshot says is what is shown, and the document is not
        // read again to replace it (the snapshot is that reading). Here it
        // says something else on purpose, to see which one is shown.
        let (key, json) = snapshot_of(&kv);
        let purpose = s.store().open(&id).unwrap().1.profile.purpose;
        let spoken = edited(
            &json,
            &serde_json::to_string(purpose.as_str()).unwrap(),
            "\"Said by the snapshot\"",
        );
        kv.set(&key, &spoken).unwrap();
        let mut next = Session::new(kv.clone());
        let painted = next.start_fast().unwrap().unwrap();
        assert_eq!(
            painted.team.profile.purpose.as_str(),
            "Said by the snapshot"
        );
        assert_eq!(
            next.finish_open().unwrap().unwrap(),
            Loaded::AsPainted { conflicts: vec![] }
        );
        // The document is loaded: edits go to it and are stored.
        next.edit(NOW, |doc, st| doc.set_team_purpose(st, "Typed after"))
            .unwrap();
        let mut again = Session::new(next.store().kv().clone());
        assert_eq!(
            again.open(&id).unwrap().team.profile.purpose.as_str(),
            "Typed after"
        );

        // Made by other reading code: the team is read from the document.
        let other = edited(&json, "\"reader\":\"", "\"reader\":\"older-");
        let mut kv = s.store().kv().clone();
        kv.set(&key, &other).unwrap();
        let mut older = Session::new(kv.clone());
        older.start_fast().unwrap().unwrap();
        assert!(older.is_deferred(), "still painted from it");
        match older.finish_open().unwrap().unwrap() {
            Loaded::Read(o) => assert_eq!(o.team, Session::new(kv).open(&id).unwrap().team),
            other => panic!("expected the team read from the document, got {other:?}"),
        }
    }

    #[test]
    fn stored_data_changed_before_the_document_loads_is_read_in_full() {
        use roundtable::session::Loaded;
        let mut s = ana();
        let id = s.team_id().unwrap().to_string();
        s.keep_snapshot();
        let mut next = Session::new(s.store().kv().clone());
        next.start_fast().unwrap().unwrap();
        // Another tab stores an edit while this one paints from the snapshot.
        let mut other = Session::new(next.store().kv().clone());
        other.open(&id).unwrap();
        other
            .edit(NOW, |doc, st| {
                doc.set_team_purpose(st, "From the other tab")
            })
            .unwrap();
        for (k, v) in &other.store().kv().map {
            next.store_mut().kv_mut().set(k, v).unwrap();
        }
        match next.finish_open().unwrap().unwrap() {
            Loaded::Read(o) => {
                assert_eq!(o.team.profile.purpose.as_str(), "From the other tab")
            }
            other => panic!("expected the team read again, got {other:?}"),
        }
    }

    #[test]
    fn conflicts_are_found_from_the_snapshot_as_from_the_whole_document() {
        use roundtable::{
            model::{DecisionStatus, TeamDocument},
            session::Loaded,
        };
        let (mut a, ana) = common::new_team();
        let bo = a.add_member(&common::stamp(&ana), "Bo", TODAY).unwrap();
        let dec = a.add_decision(&common::stamp(&ana), "Rotate").unwrap();
        let (mut b, _) = TeamDocument::load(&a.save()).unwrap();
        a.set_decision(
            &common::stamp(&ana),
            &dec,
            DecisionField::Status(DecisionStatus::Open),
            TODAY,
        )
        .unwrap();
        b.set_decision(
            &common::stamp(&bo),
            &dec,
            DecisionField::Status(DecisionStatus::Retired),
            TODAY,
        )
        .unwrap();
        a.merge_bytes(&b.save()).unwrap();
        let mut s = Session::new(MemoryKv::default());
        let opened = s.adopt(a, &ana).unwrap();
        assert_eq!(opened.conflicts.len(), 1);
        s.keep_snapshot();
        let mut next = Session::new(s.store().kv().clone());
        next.start_fast().unwrap().unwrap();
        assert_eq!(
            next.finish_open().unwrap().unwrap(),
            Loaded::AsPainted {
                conflicts: opened.conflicts
            }
        );
    }

    #[test]
    fn a_merge_into_a_deferred_team_loads_it_first() {
        let mut s = ana();
        s.keep_snapshot();
        let file = s.team_bytes().unwrap();
        let mut next = Session::new(s.store().kv().clone());
        next.start_fast().unwrap().unwrap();
        assert!(next.is_deferred());
        assert!(matches!(next.import(file, None), Imported::Merged { .. }));
        assert!(!next.is_deferred());
    }
}

#[test]
fn a_snapshot_storage_refuses_is_not_tried_again_in_this_tab() {
    use roundtable::{session::Session, storage::MemoryKv};
    let mut s = Session::new(MemoryKv::default());
    s.open_example(TODAY).unwrap();
    let used = s.store().kv().used();
    s.store_mut().kv_mut().quota = Some(used + 100);
    s.keep_snapshot();
    assert!(!s.store().kv().map.keys().any(|k| k.ends_with("/snapshot")));
    // Room again: this tab does not read the team for it again…
    s.store_mut().kv_mut().quota = None;
    s.keep_snapshot();
    assert!(!s.store().kv().map.keys().any(|k| k.ends_with("/snapshot")));
    // …another tab (or the next visit) does.
    let mut other = Session::new(s.store().kv().clone());
    other.start().unwrap().unwrap();
    other.keep_snapshot();
    assert!(other
        .store()
        .kv()
        .map
        .keys()
        .any(|k| k.ends_with("/snapshot")));
}
