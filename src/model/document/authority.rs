//! The authority check read from the document's history: the change that
//! marked a decision decided, the team as its author saw it then, and the
//! team as the copies that had not seen it left it.

use std::collections::{BTreeSet, HashMap, HashSet};

use automerge::{ChangeHash, ObjId, ReadDoc, Value, ROOT};

use super::{author_of_message, TeamDocument};
use crate::model::{
    authority::{open_steps, Flag, Problem},
    decision::{Decision, Owner},
    enums::{DecisionStatus, Method},
    kind::Collection,
};

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
    /// Who holds role `role` now.
    fn fillers_now(&self, role: &str) -> Vec<String> {
        let doc = &self.doc;
        let fillers = self.record_obj(Collection::Roles, role).and_then(|r| {
            match doc.get(&r, "fillers").ok()?? {
                (Value::Object(_), f) => Some(f),
                _ => None,
            }
        });
        fillers.map(|f| doc.keys(&f).collect()).unwrap_or_default()
    }

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

    /// The flags of several decisions. The history is read only for a
    /// decision whose marker no longer holds the owning role (rare), so a
    /// merge of a week's work stays quick.
    pub fn check_authorities(&mut self, ds: &[Decision]) -> Vec<Flag> {
        let mut history: Option<History> = None;
        ds.iter()
            .filter_map(|d| self.check_with(&mut history, d))
            .collect()
    }

    fn check_with(&mut self, history: &mut Option<History>, d: &Decision) -> Option<Flag> {
        let id = d.id.as_str();
        if d.status != DecisionStatus::Decided {
            return None;
        }
        // The change whose value of `status` is the one in force.
        let dec = self.record_obj(Collection::Decisions, id)?;
        let (_, op) = self.doc.get(&dec, "status").ok()??;
        let hash = self.doc.hash_for_opid(&op)?;
        if d.authority_confirmed.as_deref() == Some(hash.to_string().as_str()) {
            return None;
        }
        let by = self
            .doc
            .get_change_meta_by_hash(&hash)
            .and_then(|c| c.message.as_deref().and_then(author_of_message));
        let at_mark = [hash];
        let mut problems = Vec::new();
        // Owning it now (the member, or holding the role) settles it without
        // reading the past: reads at past heads walk the change graph.
        let fine_now = match (d.owner(), &by) {
            (Some(Owner::Member(m)), Some(b)) => &m == b,
            (Some(Owner::Role(r)), Some(b)) => self.fillers_now(&r).contains(b),
            _ => false,
        };
        if !fine_now {
            // Who owned it when it was marked decided, as its author saw it.
            let owner = str_at(&self.doc, &dec, "owner", &at_mark).and_then(|o| Owner::decode(&o));
            match (&owner, &by) {
                (Some(Owner::Member(m)), Some(b)) if m == b => {}
                (Some(Owner::Role(r)), Some(b)) if self.fillers_at(r, &at_mark).contains(b) => {
                    let h = history.get_or_insert_with(|| History::of(&mut self.doc));
                    let (elsewhere, others) = h.apart_from(&hash, b);
                    if !self.fillers_at(r, &elsewhere).contains(b) {
                        problems.push(Problem::RemovedElsewhere {
                            by: b.clone(),
                            role: r.clone(),
                            others,
                        });
                    }
                }
                // Only an autonomous decision needs its owner to mark it
                // decided (the app's own rule): advice, consent, consensus
                // and votes may be recorded by anyone once the process is
                // done.
                _ if d.method == Method::Autonomous => {
                    problems.push(Problem::NoAuthority { by: by.clone() })
                }
                _ => {}
            }
        }
        problems.extend(open_steps(d));
        (!problems.is_empty()).then(|| Flag {
            decision: id.to_string(),
            change: hash.to_string(),
            problems,
        })
    }
}

/// The change graph, read once per check: each change's dependencies and
/// author.
struct History {
    order: Vec<ChangeHash>,
    deps: HashMap<ChangeHash, Vec<ChangeHash>>,
    author: HashMap<ChangeHash, Option<String>>,
}

impl History {
    fn of(doc: &mut automerge::AutoCommit) -> Self {
        let metas = doc.get_changes_meta(&[]);
        let mut h = History {
            order: Vec::with_capacity(metas.len()),
            deps: HashMap::with_capacity(metas.len()),
            author: HashMap::with_capacity(metas.len()),
        };
        for c in metas {
            h.order.push(c.hash);
            h.deps.insert(c.hash, c.deps.clone());
            h.author
                .insert(c.hash, c.message.as_deref().and_then(author_of_message));
        }
        h
    }

    /// The heads of the copies that had not seen `mark` (every change but
    /// it and those made after it), and who made the changes among them
    /// that it had not seen either (the other copies), apart from `by`.
    fn apart_from(&self, mark: &ChangeHash, by: &str) -> (Vec<ChangeHash>, Vec<String>) {
        // Changes come in causal order: a change after its dependencies.
        let mut after: HashSet<ChangeHash> = HashSet::from([*mark]);
        for c in &self.order {
            if self.deps[c].iter().any(|d| after.contains(d)) {
                after.insert(*c);
            }
        }
        let mut before: HashSet<ChangeHash> = HashSet::new();
        let mut wanted: Vec<ChangeHash> = self.deps.get(mark).cloned().unwrap_or_default();
        while let Some(h) = wanted.pop() {
            if before.insert(h) {
                wanted.extend(self.deps.get(&h).into_iter().flatten().copied());
            }
        }
        let elsewhere: Vec<ChangeHash> = self
            .order
            .iter()
            .filter(|c| !after.contains(c))
            .copied()
            .collect();
        let depended: HashSet<ChangeHash> = elsewhere
            .iter()
            .flat_map(|c| self.deps[c].iter().copied())
            .collect();
        let heads = elsewhere
            .iter()
            .filter(|c| !depended.contains(c))
            .copied()
            .collect();
        let mut others: Vec<String> = elsewhere
            .iter()
            .filter(|c| !before.contains(c))
            .filter_map(|c| self.author[c].clone())
            .filter(|a| a != by)
            .collect();
        crate::model::order::sort(&mut others);
        others.dedup();
        (heads, others)
    }
}
