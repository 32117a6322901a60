//! The team as it was: the document's own history read back at the heads
//! of a past moment, and who changed it between two moments.

use std::collections::BTreeSet;

use automerge::{ChangeHash, ReadDoc, ROOT};

use super::{author_of_message, TeamDocument};
use crate::model::{error::LoadError, team::Team, tree::FromTree};

impl TeamDocument {
    /// The heads of the document as it stood at `until_ms`: every change
    /// made by then, with whatever those depend on (a teammate's clock may
    /// run behind), and nothing after.
    pub fn heads_as_of(&mut self, until_ms: i64) -> Vec<ChangeHash> {
        // Changes carry their time in seconds.
        let until = until_ms.div_euclid(1000);
        let changes = self.doc.get_changes(&[]);
        // Changes come in causal order: a change's dependencies before it.
        let mut kept: BTreeSet<ChangeHash> = BTreeSet::new();
        let mut wanted: BTreeSet<ChangeHash> = changes
            .iter()
            .filter(|c| c.timestamp() <= until)
            .map(|c| c.hash())
            .collect();
        for c in changes.iter().rev() {
            if wanted.remove(&c.hash()) {
                kept.insert(c.hash());
                wanted.extend(c.deps().iter().copied());
            }
        }
        let depended: BTreeSet<ChangeHash> = changes
            .iter()
            .filter(|c| kept.contains(&c.hash()))
            .flat_map(|c| c.deps().to_vec())
            .collect();
        kept.difference(&depended).copied().collect()
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
        let tree = ReadDoc::hydrate(&self.doc, ROOT, Some(&heads))
            .map_err(|e| LoadError::BadShape(e.to_string()))?;
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
            .get_changes(&[])
            .iter()
            .filter(|c| c.timestamp() > from && c.timestamp() <= to)
            .filter_map(|c| c.message().and_then(author_of_message))
            .collect();
        out.sort();
        out.dedup();
        out
    }
}
