//! The authority check read from the document's history: the change that
//! marked a decision decided, the team as its author saw it then, and the
//! team as the copies that had not seen it left it.

use std::collections::BTreeSet;

use automerge::{ChangeHash, ObjId, ReadDoc, Value, ROOT};

use super::{author_of_message, TeamDocument};
use crate::model::{
    authority::{open_steps, Flag, Problem},
    decision::Owner,
    enums::DecisionStatus,
    team::Team,
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

    /// Checks decision `id` of `team` (the merged state): `None` when it is
    /// not decided, nothing is wrong, or someone confirmed it stands.
    pub fn check_authority(&mut self, team: &Team, id: &str) -> Option<Flag> {
        let d = team.decisions.get(id)?;
        if d.status != DecisionStatus::Decided {
            return None;
        }
        // The change whose value of `status` is the one in force.
        let now = self.doc.get_heads();
        let dec = obj_at(&self.doc, &ROOT, "decisions", &now)
            .and_then(|m| obj_at(&self.doc, &m, id, &now))?;
        let (_, op) = self.doc.get(&dec, "status").ok()??;
        let automerge::ObjId::Id(counter, actor, _) = op else {
            return None;
        };
        let changes = self.doc.get_changes(&[]);
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
                for c in &changes {
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
            _ => problems.push(Problem::NoAuthority { by: by.clone() }),
        }
        problems.extend(open_steps(d));
        (!problems.is_empty()).then(|| Flag {
            decision: id.to_string(),
            change: hash.to_string(),
            problems,
        })
    }
}
