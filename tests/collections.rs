//! Schema evolution: the collections added after the first schema are
//! created by one identical change in every copy, so two teammates who
//! upgrade apart never end up with two conflicting maps.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use automerge::{transaction::Transactable, AutoCommit, ObjType, ReadDoc, ROOT};
use roundtable::model::collections;

fn old_team() -> Vec<u8> {
    let (mut doc, _) = common::new_team();
    doc.export()
}

#[test]
fn two_copies_upgraded_apart_keep_both_records() {
    let old = old_team();
    let mut a = AutoCommit::load(&old).unwrap();
    let mut b = AutoCommit::load(&old).unwrap();
    collections::ensure(&mut a).unwrap();
    collections::ensure(&mut b).unwrap();
    for (doc, id) in [(&mut a, "g_a"), (&mut b, "g_b")] {
        let (_, meetings) = doc.get(ROOT, "meetings").unwrap().unwrap();
        let m = doc.put_object(&meetings, id, ObjType::Map).unwrap();
        doc.put(&m, "id", id).unwrap();
        doc.commit();
    }
    a.merge(&mut b).unwrap();
    let all = a.get_all(ROOT, "meetings").unwrap();
    assert_eq!(all.len(), 1, "one meetings map, no conflict");
    let (_, meetings) = a.get(ROOT, "meetings").unwrap().unwrap();
    let keys: Vec<String> = a.keys(&meetings).collect();
    assert_eq!(keys, vec!["g_a".to_string(), "g_b".to_string()]);
}
