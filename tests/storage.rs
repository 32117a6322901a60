//! Keeping teams in a key-value store (localStorage in the browser): nothing
//! typed is lost, damaged data is left alone, tabs do not overwrite each other.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{new_team, stamp, TODAY};
use roundtable::{
    model::{edits::DecisionText, LoadError, TeamDocument},
    storage::{KeyValue, MemoryKv, StorageError, StoreError, TeamStore},
};

fn store_with_team() -> (TeamStore<MemoryKv>, roundtable::storage::OpenTeam, String) {
    let (doc, ana) = new_team();
    let mut store = TeamStore::new(MemoryKv::default());
    let open = store.add(doc, "Platform").unwrap();
    (store, open, ana)
}

#[test]
fn edits_persist_and_reopen_in_a_new_session() {
    let (mut store, mut open, ana) = store_with_team();
    let team_id = open.doc.team_id().to_string();
    store.set_identity(&team_id, &ana).unwrap();
    store.set_current(&team_id).unwrap();
    for name in ["Bo", "Chidi"] {
        open.doc.add_member(&stamp(&ana), name, TODAY).unwrap();
        store.persist(&mut open).unwrap();
    }
    let later = TeamStore::new(store.kv().clone());
    let (_, team) = later.open(&team_id).unwrap();
    assert_eq!(team.members.len(), 3);
    assert_eq!(later.identity(&team_id).as_deref(), Some(ana.as_str()));
    assert_eq!(later.current().as_deref(), Some(team_id.as_str()));
    assert_eq!(later.teams()[0].name, "Platform");
}

#[test]
fn an_edit_writes_only_its_changes_and_history_is_compacted() {
    let (mut store, mut open, ana) = store_with_team();
    let team_id = open.doc.team_id().to_string();
    let dec = open.doc.add_decision(&stamp(&ana), "Rotate").unwrap();
    store.persist(&mut open).unwrap();
    let doc_key = format!("roundtable/v1/team/{team_id}/doc");
    let first_full = store.kv().get(&doc_key).unwrap();
    let mut text = String::new();
    let mut max_chunk = 0;
    for i in 0..200 {
        text.push(char::from(b'a' + (i % 26) as u8));
        open.doc
            .set_decision_text(&stamp(&ana), &dec, DecisionText::Proposal, &text)
            .unwrap();
        store.persist(&mut open).unwrap();
        let chunks: Vec<String> = store
            .kv()
            .keys()
            .into_iter()
            .filter(|k| k.contains("/inc/"))
            .collect();
        assert!(chunks.len() < 64, "increments are compacted away");
        // Keys sort by write order within a session: the last is this keystroke's.
        if let Some(k) = chunks.last() {
            max_chunk = max_chunk.max(store.kv().get(k).unwrap().len());
        }
    }
    assert!(
        max_chunk < 400,
        "one keystroke stores a few hundred bytes at most, not the history: {max_chunk}"
    );
    assert_ne!(
        store.kv().get(&doc_key).unwrap(),
        first_full,
        "the full save was rewritten by compaction"
    );
    let (_, team) = TeamStore::new(store.kv().clone()).open(&team_id).unwrap();
    assert_eq!(team.decisions[&dec].proposal.as_str(), text);
}

#[test]
fn when_storage_is_full_edits_are_kept_and_saved_once_there_is_room() {
    let (mut store, mut open, ana) = store_with_team();
    let team_id = open.doc.team_id().to_string();
    let mut kv = store.kv().clone();
    let used = kv.used();
    kv.quota = Some(used + 10);
    let mut store_full = TeamStore::new(kv);
    let bo = open.doc.add_member(&stamp(&ana), "Bo", TODAY).unwrap();
    assert_eq!(store_full.persist(&mut open), Err(StorageError::Full));
    assert!(open.has_unsaved());
    let mut kv = store_full.kv().clone();
    kv.quota = None;
    let mut roomy = TeamStore::new(kv);
    roomy.persist(&mut open).unwrap();
    assert!(!open.has_unsaved());
    let (_, team) = roomy.open(&team_id).unwrap();
    assert!(team.members.contains_key(&bo));
    let _ = &mut store;
}

#[test]
fn damaged_or_newer_data_is_reported_and_left_untouched() {
    let (store, open, _) = store_with_team();
    let team_id = open.doc.team_id().to_string();
    let doc_key = format!("roundtable/v1/team/{team_id}/doc");
    for (bad, expect_newer) in [("not base64!!", false), ("aGVsbG8=", false)] {
        let mut kv = store.kv().clone();
        kv.set(&doc_key, bad).unwrap();
        let snapshot = kv.map.clone();
        let s = TeamStore::new(kv);
        let err = s.open(&team_id).err().unwrap();
        assert!(
            matches!(err, StoreError::Damaged(LoadError::NotAutomerge(_))),
            "{err:?}"
        );
        assert!(!expect_newer);
        assert_eq!(s.kv().map, snapshot, "nothing was written");
        assert_eq!(s.teams().len(), 1, "the team stays listed");
        assert!(!s.raw(&team_id).is_empty(), "its data can be downloaded");
    }
    // A newer schema written by another version of the app.
    let mut am =
        automerge::AutoCommit::load(&TeamStore::new(store.kv().clone()).raw(&team_id)).unwrap();
    automerge::transaction::Transactable::put(&mut am, automerge::ROOT, "schema", 7_i64).unwrap();
    let mut kv = store.kv().clone();
    use base64::Engine;
    kv.set(
        &doc_key,
        &base64::engine::general_purpose::STANDARD.encode(am.save()),
    )
    .unwrap();
    let err = TeamStore::new(kv).open(&team_id).err().unwrap();
    assert_eq!(
        err,
        StoreError::Damaged(LoadError::NewerSchema {
            found: 7,
            supported: 1
        })
    );
    assert!(err.to_string().contains("newer version"));
}

#[test]
fn a_damaged_increment_is_reported_not_skipped() {
    let (mut store, mut open, ana) = store_with_team();
    let team_id = open.doc.team_id().to_string();
    open.doc.add_member(&stamp(&ana), "Bo", TODAY).unwrap();
    store.persist(&mut open).unwrap();
    let mut kv = store.kv().clone();
    let chunk = kv.keys().into_iter().find(|k| k.contains("/inc/")).unwrap();
    kv.set(&chunk, "AAAA").unwrap();
    assert!(matches!(
        TeamStore::new(kv).open(&team_id),
        Err(StoreError::Damaged(_))
    ));
}

#[test]
fn two_tabs_merge_each_others_edits_and_compaction_loses_nothing() {
    let (mut tab_a, mut a, ana) = store_with_team();
    let team_id = a.doc.team_id().to_string();
    // Tab B shares the same storage (simulated by handing the kv across).
    let mut tab_b = TeamStore::new(tab_a.kv().clone());
    let (mut b, _) = tab_b.open(&team_id).unwrap();
    let mut b_ids = Vec::new();
    let mut a_ids = Vec::new();
    for i in 0..80 {
        a_ids.push(
            a.doc
                .add_member(&stamp(&ana), &format!("A{i}"), TODAY)
                .unwrap(),
        );
        tab_a.persist(&mut a).unwrap();
        // B sees A's storage, edits, and persists into the same storage.
        tab_b = TeamStore::new(tab_a.kv().clone());
        b_ids.push(
            b.doc
                .add_member(&stamp(&ana), &format!("B{i}"), TODAY)
                .unwrap(),
        );
        tab_b.persist(&mut b).unwrap();
        tab_a = TeamStore::new(tab_b.kv().clone());
        if i % 7 == 0 {
            let merged = tab_a
                .refresh_changes(&mut a)
                .unwrap()
                .expect("A sees B's edits");
            assert!(
                merged.has(
                    roundtable::model::Collection::Members,
                    b_ids.last().unwrap()
                ),
                "and which member they touched"
            );
            let team = a.doc.team().unwrap();
            assert!(
                b_ids.iter().all(|id| team.members.contains_key(id)),
                "A has all of B's members"
            );
        }
        if i % 30 == 29 {
            // B compacts too, while A holds increments B has not seen.
            tab_b = TeamStore::new(tab_a.kv().clone());
            tab_b.compact(&mut b).unwrap();
            tab_a = TeamStore::new(tab_b.kv().clone());
        }
    }
    tab_a.compact(&mut a).unwrap();
    let (_, team) = TeamStore::new(tab_a.kv().clone()).open(&team_id).unwrap();
    for id in a_ids.iter().chain(&b_ids) {
        assert!(team.members.contains_key(id), "member {id} survived");
    }
}

#[test]
fn a_team_from_another_store_entry_is_not_mixed_in() {
    let (store, _, _) = store_with_team();
    let (mut other, _) = TeamDocument::create("Other", "", "Zed", TODAY, 0).unwrap();
    let mut kv = store.kv().clone();
    let first = store.teams()[0].id.clone();
    use base64::Engine;
    kv.set(
        &format!("roundtable/v1/team/{first}/doc"),
        &base64::engine::general_purpose::STANDARD.encode(other.save()),
    )
    .unwrap();
    assert!(matches!(
        TeamStore::new(kv).open(&first),
        Err(StoreError::Damaged(LoadError::BadShape(_)))
    ));
}

#[test]
fn storage_use_counts_the_team_and_everything_in_one_pass() {
    let (store, _open, _) = store_with_team();
    let (team, all) = {
        let id = store.teams()[0].id.clone();
        store.chars_used(&id)
    };
    let kv = store.kv();
    let sum = |keep: &dyn Fn(&str) -> bool| -> usize {
        kv.map
            .iter()
            .filter(|(k, _)| keep(k))
            .map(|(k, v)| k.chars().count() + v.chars().count())
            .sum()
    };
    assert!(team > 0);
    assert_eq!(all, sum(&|_| true));
    assert!(team <= all);
    let mut other = kv.clone();
    other.set("someone-else", "1234").unwrap();
    let store = TeamStore::new(other);
    let id = store.teams()[0].id.clone();
    assert_eq!(
        store.chars_used(&id),
        (team, all + "someone-else".len() + 4)
    );
}
