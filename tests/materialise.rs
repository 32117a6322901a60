//! The one-walk tree equals Automerge's own `hydrate`, now and as it was,
//! on any document: nested objects, deletions, lists, text and conflicts
//! made by replicas editing apart.
#![cfg(not(target_arch = "wasm32"))]
// Sorts here are not in the page (see clippy.toml).
#![allow(clippy::disallowed_methods)]

use automerge::{
    hydrate::Value, transaction::Transactable, AutoCommit, ObjId, ObjType, ReadDoc, ScalarValue,
    ROOT,
};
use proptest::prelude::*;
use roundtable::model::{document::materialise::materialise, example::example_team};

/// A comparable form: map entries carry their conflict flag, list entries
/// do not (the one thing the walk does not keep).
fn norm(v: &Value) -> String {
    match v {
        Value::Scalar(s) => format!("{s:?}"),
        Value::Text(t) => format!("text {:?}", String::from(t)),
        Value::List(l) => {
            let items: Vec<String> = l.iter().map(|x| norm(&x.value)).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Map(m) => {
            let mut items: Vec<String> = m
                .iter()
                .map(|(k, x)| {
                    let flag = if x.conflict { " (conflict)" } else { "" };
                    format!("{k:?}{flag}: {}", norm(&x.value))
                })
                .collect();
            items.sort();
            format!("{{{}}}", items.join(", "))
        }
    }
}

fn same_as_hydrate(doc: &AutoCommit, heads: Option<&[automerge::ChangeHash]>) {
    let slow = ReadDoc::hydrate(doc, ROOT, heads).expect("hydrates");
    assert_eq!(norm(&materialise(doc, heads)), norm(&slow));
}

#[test]
fn the_example_team_reads_the_same_both_ways() {
    let (doc, _) = example_team("2026-12-01", 1_764_547_200_000).expect("example");
    let mut am = doc.automerge().clone();
    same_as_hydrate(&am, None);
    let history: Vec<_> = am.get_changes(&[]).iter().map(|c| c.hash()).collect();
    for n in [1, history.len() / 3, history.len() / 2, history.len() - 1] {
        let heads = [history[n]];
        same_as_hydrate(&am, Some(&heads));
    }
}

#[test]
fn an_empty_document_is_an_empty_map() {
    let doc = AutoCommit::new();
    same_as_hydrate(&doc, None);
    assert_eq!(norm(&materialise(&doc, None)), "{}");
}

#[derive(Debug, Clone)]
enum Op {
    Scalar(u8, i64),
    Object(u8, u8),
    Delete(u8),
    Push(u8, i64),
    PushObject(u8),
    Remove(u8),
    Splice(u8, String),
    Fork,
    Merge,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..6u8, any::<i64>()).prop_map(|(k, v)| Op::Scalar(k, v)),
        (0..6u8, 0..3u8).prop_map(|(k, t)| Op::Object(k, t)),
        (0..6u8).prop_map(Op::Delete),
        (0..8u8, any::<i64>()).prop_map(|(i, v)| Op::Push(i, v)),
        (0..8u8).prop_map(Op::PushObject),
        (0..8u8).prop_map(Op::Remove),
        (0..8u8, "[a-zé<>&😀 ]{0,6}").prop_map(|(i, s)| Op::Splice(i, s)),
        Just(Op::Fork),
        Just(Op::Merge),
    ]
}

/// Every object of the document (the root first), to pick one from.
fn objects(doc: &AutoCommit) -> Vec<(ObjId, ObjType)> {
    let mut out = vec![(ROOT, ObjType::Map)];
    let mut i = 0;
    while i < out.len() {
        let (obj, _) = out[i].clone();
        for (v, id) in doc.values(&obj) {
            if let automerge::Value::Object(t) = v {
                out.push((id, t));
            }
        }
        i += 1;
    }
    out
}

fn apply(doc: &mut AutoCommit, op: &Op, pick: usize) {
    let objs = objects(doc);
    let pick_of = |t: &[ObjType]| {
        let of: Vec<_> = objs.iter().filter(|(_, ty)| t.contains(ty)).collect();
        (!of.is_empty()).then(|| of[pick % of.len()].0.clone())
    };
    let types = [ObjType::Map, ObjType::List, ObjType::Text];
    match op {
        Op::Scalar(k, v) => {
            if let Some(m) = pick_of(&[ObjType::Map]) {
                let _ = doc.put(&m, format!("k{k}"), *v);
            }
        }
        Op::Object(k, t) => {
            if let Some(m) = pick_of(&[ObjType::Map]) {
                let _ = doc.put_object(&m, format!("k{k}"), types[*t as usize]);
            }
        }
        Op::Delete(k) => {
            if let Some(m) = pick_of(&[ObjType::Map]) {
                let _ = doc.delete(&m, format!("k{k}"));
            }
        }
        Op::Push(i, v) => {
            if let Some(l) = pick_of(&[ObjType::List]) {
                let at = (*i as usize).min(doc.length(&l));
                let _ = doc.insert(&l, at, ScalarValue::Int(*v));
            }
        }
        Op::PushObject(i) => {
            if let Some(l) = pick_of(&[ObjType::List]) {
                let at = (*i as usize).min(doc.length(&l));
                let _ = doc.insert_object(&l, at, types[(*i % 3) as usize]);
            }
        }
        Op::Remove(i) => {
            if let Some(l) = pick_of(&[ObjType::List]) {
                let len = doc.length(&l);
                if len > 0 {
                    let _ = doc.delete(&l, (*i as usize) % len);
                }
            }
        }
        Op::Splice(i, s) => {
            if let Some(t) = pick_of(&[ObjType::Text]) {
                let len = doc.length(&t);
                let at = (*i as usize).min(len);
                let del = isize::from(len > at && i % 2 == 0);
                let _ = doc.splice_text(&t, at, del, s);
            }
        }
        Op::Fork | Op::Merge => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_document_reads_the_same_both_ways(
        ops in prop::collection::vec((op(), 0..64usize), 1..60)
    ) {
        let mut a = AutoCommit::new();
        let mut b: Option<AutoCommit> = None;
        let mut marks = Vec::new();
        for (n, (op, pick)) in ops.iter().enumerate() {
            match op {
                Op::Fork => {
                    if b.is_none() {
                        b = Some(a.fork());
                    }
                }
                Op::Merge => {
                    if let Some(mut other) = b.take() {
                        a.merge(&mut other).expect("merges");
                    }
                }
                // Replicas apart: every other edit goes to the second one,
                // so both write the same keys and conflicts arise.
                op => match b.as_mut() {
                    Some(other) if n % 2 == 1 => apply(other, op, *pick),
                    _ => apply(&mut a, op, *pick),
                },
            }
            a.commit();
            marks.push(a.get_heads());
        }
        if let Some(mut other) = b.take() {
            a.merge(&mut other).expect("merges");
        }
        same_as_hydrate(&a, None);
        let mid = &marks[marks.len() / 2];
        same_as_hydrate(&a, Some(mid));
    }
}
