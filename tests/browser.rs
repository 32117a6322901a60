//! Browser APIs in a real (headless) Chromium: localStorage through
//! gloo-storage, its quota, and random ids from the browser's crypto.
#![cfg(target_arch = "wasm32")]

use roundtable::{
    model::{ids::new_id, TeamDocument},
    storage::{local::LocalKv, KeyValue, StorageError, TeamStore},
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear() {
    let mut kv = LocalKv;
    for k in kv.keys() {
        if k.starts_with("roundtable/") || k.starts_with("test/") {
            kv.remove(&k);
        }
    }
}

#[wasm_bindgen_test]
fn a_team_and_its_edits_persist_in_local_storage() {
    clear();
    let (doc, ana) =
        TeamDocument::create("Platform", "Keep the lights on", "Ana", "2026-11-23", 0).unwrap();
    let team_id = doc.team_id().to_string();
    let mut store = TeamStore::new(LocalKv);
    let mut open = store.add(doc, "Platform").unwrap();
    store.set_identity(&team_id, &ana).unwrap();
    let stamp = roundtable::model::Stamp::new(Some(&ana), 1);
    let bo = open.doc.add_member(&stamp, "Bo", "2026-11-23").unwrap();
    store.persist(&mut open).unwrap();

    // A later page load reads it back from the browser's storage.
    let later = TeamStore::new(LocalKv);
    let (_, team) = later.open(&team_id).unwrap();
    assert_eq!(team.members[&bo].name, "Bo");
    assert_eq!(later.identity(&team_id).as_deref(), Some(ana.as_str()));

    // gloo-storage writes JSON: the document is a base64 string, not numbers.
    let raw = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(&format!("roundtable/v1/team/{team_id}/doc"))
        .unwrap()
        .unwrap();
    assert!(
        raw.starts_with('"') && !raw.contains(','),
        "stored as a JSON string: {}",
        &raw[..20]
    );
    clear();
}

#[wasm_bindgen_test]
fn a_full_storage_is_reported_as_full_not_swallowed() {
    clear();
    let mut kv = LocalKv;
    let big = "x".repeat(6 * 1024 * 1024);
    let result = kv.set("test/too-big", &big);
    assert_eq!(result, Err(StorageError::Full));
    assert!(kv.get("test/too-big").is_none());
    clear();
}

#[wasm_bindgen_test]
fn ids_come_from_the_browsers_random_source() {
    let a = new_id('m');
    let b = new_id('m');
    assert_ne!(a, b);
    assert!(roundtable::model::ids::is_valid_id(&a));
}

#[wasm_bindgen_test]
fn storage_use_is_counted_where_the_values_are() {
    clear();
    let mut kv = LocalKv;
    kv.set("test/plain", "abc").unwrap();
    // Stored as JSON by gloo: the quotes count too. One emoji is two
    // UTF-16 units.
    assert_eq!(kv.chars("test/plain"), 5);
    kv.set("test/emoji", "😀").unwrap();
    assert_eq!(kv.chars("test/emoji"), 4);
    // A key that is also one of the store's own names.
    let raw = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    raw.set_item("length", "12345").unwrap();
    assert_eq!(kv.chars("length"), 5);
    raw.remove_item("length").unwrap();
    assert_eq!(kv.chars("test/absent"), 0);
    // A snapshot lives in IndexedDB, kept as it was given.
    kv.set("test/t/snapshot", "😀x").unwrap();
    assert_eq!(kv.chars("test/t/snapshot"), 3);
    kv.remove("test/t/snapshot");
    clear();
}
