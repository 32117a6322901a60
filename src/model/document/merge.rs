//! Merging a teammate's file, link or another tab's saves into a team
//! document: everything is checked on a fork first, so bad input changes
//! nothing, and the merge says what it changed.

use automerge::{AutoCommit, AutomergeError, ObjType, ReadDoc, Value, ROOT};

use super::{
    load::{check_depth, check_root, check_size, read_profile, validate, MAX_DEPTH},
    sync::arrived_by_author,
    TeamDocument,
};
use crate::model::{
    changed::Changed, changes::TeamPatch, conflicts::Conflict, error::LoadError, kind::Collection,
    lenient, team::Team,
};

impl TeamDocument {
    /// Merges saved bytes (a full save, or incremental saves that build on
    /// this document) of this same team into it. Everything is checked
    /// before anything is applied: on any error this document is left
    /// exactly as it was.
    pub fn merge_bytes(&mut self, bytes: &[u8]) -> Result<(), LoadError> {
        self.merge_changes(bytes).map(drop)
    }

    /// Like [`Self::merge_bytes`], and says which records the merge changed.
    /// Only those are checked against the schema (with the root), so that
    /// taking in a week of a teammate's work costs what that work holds,
    /// not what the whole team holds.
    pub fn merge_changes(&mut self, bytes: &[u8]) -> Result<Changed, LoadError> {
        let (merged, touched) = self.checked_merge(bytes)?;
        self.doc = merged;
        self.has_collections = false;
        Ok(touched)
    }

    /// Like [`Self::merge_changes`], also reading what the merge touched as
    /// it was before, so that the import report can name every record
    /// whose shown value or conflicts changed.
    pub fn merge_reporting(&mut self, bytes: &[u8]) -> Result<(Changed, Before), LoadError> {
        let (merged, touched) = self.checked_merge(bytes)?;
        let before = self.before(&touched)?;
        self.doc = merged;
        self.has_collections = false;
        Ok((touched, before))
    }

    /// What `touched` names, as it is now (before a merge changes it).
    pub fn before(&mut self, touched: &Changed) -> Result<Before, LoadError> {
        Ok(if touched.whole {
            Before::Whole {
                team: Box::new(self.team()?),
                conflicts: self.conflicts(),
            }
        } else {
            let patch = TeamPatch::read(self, touched)?;
            let conflicts = patch
                .records()
                .into_iter()
                .flat_map(|(c, id)| self.conflicts_in(c, &id))
                .collect();
            Before::Records { patch, conflicts }
        })
    }

    /// The merged document on a fork, checked, and what the merge changed.
    fn checked_merge(&mut self, bytes: &[u8]) -> Result<(AutoCommit, Changed), LoadError> {
        check_size(bytes)?;
        // What compressed parts expand to and how many operations the bytes
        // hold, read from their layout before Automerge parses them.
        super::guard::check(bytes)?;
        // Automerge's incremental loader skips what it cannot parse, so the
        // bytes are parsed strictly on their own first. Changes that build
        // on history parse fully and then report their missing ancestors.
        let mut whole = match AutoCommit::load(bytes) {
            Ok(doc) => Some(doc),
            Err(AutomergeError::MissingDeps) => None,
            Err(e) => return Err(LoadError::NotAutomerge(e.to_string())),
        };
        if let Some(incoming) = &mut whole {
            // A whole document: it may be another team altogether.
            if !incoming.get_missing_deps(&[]).is_empty() {
                return Err(LoadError::MissingHistory);
            }
            check_depth(incoming)?;
            let team = validate(incoming)?;
            if team.team_id != self.team_id {
                return Err(LoadError::DifferentTeam {
                    name: team.profile.name,
                    id: team.team_id,
                });
            }
        }
        let mut merged = self.forked();
        merged.update_diff_cursor();
        match &mut whole {
            Some(incoming) => merged.merge(incoming).map(drop),
            None => merged.load_incremental(bytes).map(drop),
        }
        .map_err(|e| LoadError::NotAutomerge(e.to_string()))?;
        // Changes whose ancestors are absent wait in a queue and would
        // silently be left out.
        if !merged.get_missing_deps(&[]).is_empty() {
            return Err(LoadError::MissingHistory);
        }
        let patches = merged.diff_incremental();
        merged.reset_diff_cursor();
        if patches.iter().any(|p| p.path.len() >= MAX_DEPTH) {
            return Err(LoadError::TooDeep { depth: MAX_DEPTH });
        }
        let mut touched = from_patches(&patches);
        let (ours, heads) = (self.doc.get_heads(), merged.get_heads());
        touched.heads_by_author = arrived_by_author(&mut merged, &ours, &heads);
        // Whatever the merge touched: a change to the team id rides along
        // with other root changes, and the team could not be opened again.
        check_identity(&merged, &self.team_id)?;
        if touched.whole {
            validate(&merged)?;
        } else {
            check_touched(&merged, &touched, &self.team_id)?;
        }
        Ok((merged, touched))
    }
}

/// What a merge touched, as it was before it.
// Made once per edit or import and taken apart at once: boxing buys nothing.
#[allow(clippy::large_enum_variant)]
pub enum Before {
    /// The records (and profile) it touched, with their conflicts then.
    Records {
        patch: TeamPatch,
        conflicts: Vec<Conflict>,
    },
    /// The whole team, when the merge touched more than records.
    Whole {
        team: Box<Team>,
        conflicts: Vec<Conflict>,
    },
}

/// Which records, or the profile, a merge's patches touched.
fn from_patches(patches: &[automerge::Patch]) -> Changed {
    use automerge::{PatchAction, Prop};
    let mut m = Changed::default();
    for p in patches {
        let key = match &p.action {
            PatchAction::PutMap { key, .. } | PatchAction::DeleteMap { key } => Some(key.as_str()),
            _ => None,
        };
        let mut path = p.path.iter().map(|(_, prop)| prop);
        let (first, second) = (path.next(), path.next());
        let (coll, id) = match (first, second, key) {
            // A change at the root: a collection replaced, or root fields.
            (None, _, Some(k)) if Collection::from_key(k).is_some() => {
                m.whole = true;
                continue;
            }
            (None, _, _) => {
                m.profile = true;
                continue;
            }
            (Some(Prop::Map(coll)), Some(Prop::Map(id)), _) => (coll, id.as_str()),
            (Some(Prop::Map(coll)), None, Some(id)) => (coll, id),
            (Some(Prop::Map(coll)), _, _) if coll == "team" => {
                m.profile = true;
                continue;
            }
            _ => {
                m.whole = true;
                continue;
            }
        };
        match Collection::from_key(coll) {
            Some(c) => m.record(c, id),
            // The team profile, or a root object this build does not know.
            None => m.profile = true,
        }
    }
    m
}

/// The root still names this team under a schema this build reads.
fn check_identity(doc: &AutoCommit, team_id: &str) -> Result<(), LoadError> {
    check_root(doc)?;
    match lenient::string(doc, &ROOT, "team_id".into()) {
        Ok(id) if id == team_id => Ok(()),
        _ => Err(LoadError::BadShape("the team id changed".into())),
    }
}

/// The schema checks of [`validate`], for the root and the records a
/// merge changed.
fn check_touched(doc: &AutoCommit, touched: &Changed, team_id: &str) -> Result<(), LoadError> {
    let shape = |e: autosurgeon::HydrateError| LoadError::BadShape(e.to_string());
    if touched.profile {
        // The root's own fields and the profile, not the records below.
        check_identity(doc, team_id)?;
        read_profile(doc)?;
    }
    for c in Collection::ALL {
        let mut ids = touched.ids(c).peekable();
        if ids.peek().is_none() {
            continue;
        }
        let coll = match doc.get(ROOT, c.key()) {
            Ok(Some((Value::Object(ObjType::Map), coll))) => coll,
            _ => return Err(LoadError::BadShape(format!("`{}` is not a map", c.key()))),
        };
        for id in ids {
            let rec = match doc.get(&coll, id.as_str()) {
                Ok(Some((_, rec))) => rec,
                // Removed: nothing left to check.
                Ok(None) => continue,
                Err(e) => return Err(LoadError::BadShape(e.to_string())),
            };
            let tree = ReadDoc::hydrate(doc, &rec, None)
                .map_err(|e| LoadError::BadShape(e.to_string()))?;
            if &(c.info().check)(&tree).map_err(shape)? != id {
                return Err(LoadError::BadShape(
                    "a record is filed under another record's id".into(),
                ));
            }
        }
    }
    Ok(())
}
