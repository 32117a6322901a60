//! The team as it was: the document's own history read back at the heads
//! of a past moment, and who changed it between two moments.

use std::collections::{BTreeSet, HashSet};

use automerge::{ChangeHash, ReadDoc, ROOT};

use super::{author_of_message, TeamDocument};
use crate::model::{error::LoadError, kind::Collection, team::Team, tree::FromTree};

impl TeamDocument {
    /// The heads of the document as it stood at `until_ms`: every change
    /// made by then, with whatever those depend on (a teammate's clock may
    /// run behind), and nothing after.
    pub fn heads_as_of(&mut self, until_ms: i64) -> Vec<ChangeHash> {
        // Changes carry their time in seconds.
        let until = until_ms.div_euclid(1000);
        // Only what changes say of themselves: rebuilding the changes with
        // their operations costs as much as loading the document again.
        let changes = self.doc.get_changes_meta(&[]);
        // Changes come in causal order: a change's dependencies before it.
        let mut kept: HashSet<ChangeHash> = HashSet::new();
        let mut wanted: HashSet<ChangeHash> = changes
            .iter()
            .filter(|c| c.timestamp <= until)
            .map(|c| c.hash)
            .collect();
        for c in changes.iter().rev() {
            if wanted.remove(&c.hash) {
                kept.insert(c.hash);
                wanted.extend(c.deps.iter().copied());
            }
        }
        let depended: HashSet<ChangeHash> = changes
            .iter()
            .filter(|c| kept.contains(&c.hash))
            .flat_map(|c| c.deps.iter().copied())
            .collect();
        let mut heads: Vec<ChangeHash> = kept.difference(&depended).copied().collect();
        crate::model::order::sort(&mut heads);
        heads
    }

    /// The team as it was at `until_ms`; `None` before it existed.
    pub fn team_as_of(&mut self, until_ms: i64) -> Result<Option<Team>, LoadError> {
        let heads = self.heads_as_of(until_ms);
        // Before the first change there is nothing; before the team's own
        // first change, only the shared change that adds later collections.
        let started = !heads.is_empty()
            && self
                .doc
                .get_at(ROOT, "team_id", &heads)
                .map_err(|e| LoadError::BadShape(e.to_string()))?
                .is_some();
        if !started {
            return Ok(None);
        }
        let tree = super::materialise::materialise(&self.doc, Some(&heads));
        Team::from_tree(&tree)
            .map(Some)
            .map_err(|e| LoadError::BadShape(e.to_string()))
    }

    /// Who changed the team after `from_ms` up to `to_ms`, as member ids,
    /// each once.
    pub fn authors_between(&mut self, from_ms: i64, to_ms: i64) -> Vec<String> {
        let (from, to) = (from_ms.div_euclid(1000), to_ms.div_euclid(1000));
        let mut out: Vec<String> = self
            .doc
            .get_changes_meta(&[])
            .iter()
            .filter(|c| c.timestamp > from && c.timestamp <= to)
            .filter_map(|c| c.message.as_deref().and_then(author_of_message))
            .collect();
        crate::model::order::sort(&mut out);
        out.dedup();
        out
    }
}

/// One change to one record: when, by whom, which of its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// Seconds since 1970, as changes record time.
    pub at_secs: i64,
    pub author: Option<String>,
    /// The record's own fields the change wrote (a text typed into, a
    /// list added to, a value set), in the record's order.
    pub fields: Vec<String>,
    /// Whether this change made the record.
    pub created: bool,
}

/// Every object inside `obj`, each with the record's field it belongs to.
fn objects_under(
    doc: &automerge::AutoCommit,
    obj: &automerge::ObjId,
    field: &str,
    out: &mut Vec<(automerge::ObjId, String)>,
) {
    use automerge::Value;
    let children: Vec<automerge::ObjId> = match doc.object_type(obj) {
        Ok(automerge::ObjType::Map | automerge::ObjType::Table) => doc
            .keys(obj)
            .filter_map(|k| match doc.get(obj, k.as_str()).ok().flatten() {
                Some((Value::Object(_), id)) => Some(id),
                _ => None,
            })
            .collect(),
        Ok(automerge::ObjType::List) => (0..doc.length(obj))
            .filter_map(|i| match doc.get(obj, i).ok().flatten() {
                Some((Value::Object(_), id)) => Some(id),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    for c in children {
        out.push((c.clone(), field.to_string()));
        objects_under(doc, &c, field, out);
    }
}

fn same(obj: &automerge::ObjId, legacy: &automerge::legacy::ObjectId) -> bool {
    match (obj, legacy) {
        (automerge::ObjId::Id(ctr, actor, _), automerge::legacy::ObjectId::Id(op)) => {
            *ctr == op.0 && *actor == op.1
        }
        (automerge::ObjId::Root, automerge::legacy::ObjectId::Root) => true,
        _ => false,
    }
}

impl TeamDocument {
    /// Who changed which field of record `id` of `collection`, and when,
    /// oldest first. It reads every change of the document: asked for on
    /// demand, not on every screen.
    pub fn record_history(&mut self, collection: Collection, id: &str) -> Vec<FieldChange> {
        use automerge::Value;
        let Some(rec) = self.record_obj(collection, id) else {
            return Vec::new();
        };
        let doc = &self.doc;
        // The collection's map: the record is made by a write into it.
        let Some((Value::Object(_), map)) = doc.get(ROOT, collection.key()).ok().flatten() else {
            return Vec::new();
        };
        let mut nested = Vec::new();
        for k in doc.keys(&rec).collect::<Vec<_>>() {
            if let Some((Value::Object(_), o)) = doc.get(&rec, k.as_str()).ok().flatten() {
                nested.push((o.clone(), k.clone()));
                objects_under(doc, &o, &k, &mut nested);
            }
        }
        let order: Vec<String> = doc.keys(&rec).collect();
        let (map, rec) = (map.clone(), rec.clone());
        let mut out = Vec::new();
        for change in self.doc.get_changes(&[]) {
            let mut fields: BTreeSet<String> = BTreeSet::new();
            let mut created = false;
            for op in change.decode().operations {
                let key = match &op.key {
                    automerge::legacy::Key::Map(k) => Some(k.to_string()),
                    automerge::legacy::Key::Seq(_) => None,
                };
                if same(&map, &op.obj) && key.as_deref() == Some(id) {
                    created = true;
                } else if same(&rec, &op.obj) {
                    fields.extend(key);
                } else if let Some((_, f)) = nested.iter().find(|(o, _)| same(o, &op.obj)) {
                    fields.insert(f.clone());
                }
            }
            if created || !fields.is_empty() {
                let mut fields: Vec<String> = fields.into_iter().collect();
                crate::model::order::sort_by_key(&mut fields, |f| {
                    order.iter().position(|o| o == f)
                });
                out.push(FieldChange {
                    at_secs: change.timestamp(),
                    author: change.message().and_then(author_of_message),
                    fields,
                    created,
                });
            }
        }
        out
    }
}
