//! The authority check read from the document's history: the change that
//! marked a decision decided, the team as its author saw it then, and the
//! team as the copies that had not seen it left it.

use std::collections::BTreeSet;

use automerge::{ChangeHash, ObjId, ReadDoc, Value, ROOT};

use super::{author_of_message, TeamDocument};
use crate::model::{
    authority::{open_steps, Flag, Problem},
    decision::{Decision, Owner},
    enums::{DecisionStatus, Method},
};

/// The heads of a set of changes: those no other in the set depends on.
fn heads_of(changes: &[&automerge::Change]) -> Vec<ChangeHash> {
    let deps: BTreeSet<ChangeHash> = changes.iter().flat_map(|c| c.deps().to_vec()).collect();
    changes
        .iter()
        .map(|c| c.hash())
        .filter(|h| !deps.contains(h))
        .collect()
}

fn obj_at(
    doc: &automerge::AutoCommit,
    parent: &ObjId,
    key: &str,
    heads: &[ChangeHash],
) -> Option<ObjId> {
    match doc.get_at(parent, key, heads).ok()?? {
        (Value::Object(_), id) => Some(id),
        _ => None,
    }
}

fn str_at(
    doc: &automerge::AutoCommit,
    parent: &ObjId,
    key: &str,
    heads: &[ChangeHash],
) -> Option<String> {
    match doc.get_at(parent, key, heads).ok()?? {
        (Value::Scalar(s), _) => s.as_str().map(str::to_string),
        _ => None,
    }
}

impl TeamDocument {
    /// Who holds role `role` at `heads`.
    fn fillers_at(&self, role: &str, heads: &[ChangeHash]) -> Vec<String> {
        let doc = &self.doc;
        let Some(fillers) = obj_at(doc, &ROOT, "roles", heads)
            .and_then(|r| obj_at(doc, &r, role, heads))
            .and_then(|r| obj_at(doc, &r, "fillers", heads))
        else {
            return Vec::new();
        };
        doc.keys_at(&fillers, heads).collect()
    }

    /// The decided decisions owned by any of `roles`, read field by field
    /// (not the whole team: a merge of a week's work must stay quick).
    pub fn decided_by_roles(&self, roles: &BTreeSet<String>) -> Vec<Decision> {
        let doc = &self.doc;
        let Some((Value::Object(_), map)) = doc.get(ROOT, "decisions").ok().flatten() else {
            return Vec::new();
        };
        let scalar = |o: &ObjId, k: &str| match doc.get(o, k).ok().flatten() {
            Some((Value::Scalar(s), _)) => s.as_str().map(str::to_string),
            _ => None,
        };
        doc.keys(&map)
            .filter(|id| {
                let Some((Value::Object(_), d)) = doc.get(&map, id.as_str()).ok().flatten() else {
                    return false;
                };
                scalar(&d, "status").as_deref() == Some(DecisionStatus::Decided.as_str())
                    && matches!(
                        scalar(&d, "owner").as_deref().and_then(Owner::decode),
                        Some(Owner::Role(r)) if roles.contains(&r)
                    )
            })
            .filter_map(|id| self.decision(&id))
            .collect()
    }

    /// Checks decision `d` as the document now holds it (the merged
    /// state): `None` when it is not decided, nothing is wrong, or someone
    /// confirmed it stands.
    pub fn check_authority(&mut self, d: &Decision) -> Option<Flag> {
        self.check_authorities(std::slice::from_ref(d)).pop()
    }

    /// The flags of several decisions, reading the history once.
    pub fn check_authorities(&mut self, ds: &[Decision]) -> Vec<Flag> {
        if !ds.iter().any(|d| d.status == DecisionStatus::Decided) {
            return Vec::new();
        }
        let changes = self.doc.get_changes(&[]);
        ds.iter()
            .filter_map(|d| self.check_with(&changes, d))
            .collect()
    }

    fn check_with(&self, changes: &[automerge::Change], d: &Decision) -> Option<Flag> {
        let id = d.id.as_str();
        if d.status != DecisionStatus::Decided {
            return None;
        }
        // The change whose value of `status` is the one in force.
        let obj = |parent: &ObjId, key: &str| match self.doc.get(parent, key).ok()?? {
            (Value::Object(_), o) => Some(o),
            _ => None,
        };
        let dec = obj(&ROOT, "decisions").and_then(|m| obj(&m, id))?;
        let (_, op) = self.doc.get(&dec, "status").ok()??;
        let automerge::ObjId::Id(counter, actor, _) = op else {
            return None;
        };
        let marked = changes.iter().find(|c| {
            c.actor_id() == &actor
                && (c.start_op().get()..c.start_op().get() + c.len() as u64).contains(&counter)
        })?;
        let hash = marked.hash();
        if d.authority_confirmed.as_deref() == Some(hash.to_string().as_str()) {
            return None;
        }
        let by = marked.message().and_then(author_of_message);
        let at_mark = [hash];
        let mut problems = Vec::new();
        // Who owned it when it was marked decided, as its author saw it.
        let owner = str_at(&self.doc, &dec, "owner", &at_mark).and_then(|o| Owner::decode(&o));
        match (&owner, &by) {
            (Some(Owner::Member(m)), Some(b)) if m == b => {}
            (Some(Owner::Role(r)), Some(b)) if self.fillers_at(r, &at_mark).contains(b) => {
                // The copies that had not seen the decision: every change
                // but it and those made after it.
                let mut after: BTreeSet<ChangeHash> = BTreeSet::from([hash]);
                for c in changes {
                    if c.deps().iter().any(|h| after.contains(h)) {
                        after.insert(c.hash());
                    }
                }
                let mut before: BTreeSet<ChangeHash> = BTreeSet::new();
                let mut wanted: Vec<ChangeHash> = marked.deps().to_vec();
                while let Some(h) = wanted.pop() {
                    if before.insert(h) {
                        if let Some(c) = changes.iter().find(|c| c.hash() == h) {
                            wanted.extend(c.deps().iter().copied());
                        }
                    }
                }
                let elsewhere: Vec<&automerge::Change> = changes
                    .iter()
                    .filter(|c| !after.contains(&c.hash()))
                    .collect();
                let heads = heads_of(&elsewhere);
                if !self.fillers_at(r, &heads).contains(b) {
                    let mut others: Vec<String> = elsewhere
                        .iter()
                        .filter(|c| !before.contains(&c.hash()))
                        .filter_map(|c| c.message().and_then(author_of_message))
                        .filter(|a| a != b)
                        .collect();
                    others.sort();
                    others.dedup();
                    problems.push(Problem::RemovedElsewhere {
                        by: b.clone(),
                        role: r.clone(),
                        others,
                    });
                }
            }
            // Only an autonomous decision needs its owner to mark it
            // decided (the app's own rule): advice, consent, consensus and
            // votes may be recorded by anyone once the process is done.
            _ if d.method == Method::Autonomous => {
                problems.push(Problem::NoAuthority { by: by.clone() })
            }
            _ => {}
        }
        problems.extend(open_steps(d));
        (!problems.is_empty()).then(|| Flag {
            decision: id.to_string(),
            change: hash.to_string(),
            problems,
        })
    }
}
