//! Taking in bytes the import worker already merged and checked on its own
//! copy of the team: without the strict parse, the fork and the schema
//! checks, which were done there on the same document — and, when the
//! worker read back what the merge touched, without reading it again.

use automerge::ChangeHash;
use serde::{Deserialize, Serialize};

use super::{merge::Before, sync::arrived_by_author, TeamDocument};
use crate::model::{
    changed::{Changed, RecordRef},
    changes::{ImportSummary, TeamPatch},
    error::LoadError,
    order,
};

/// What the import worker found merging bytes into its copy of the team.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vetted {
    /// The heads of the copy the bytes were merged into.
    pub base: Vec<ChangeHash>,
    /// The heads the merge gave.
    pub heads: Vec<ChangeHash>,
    /// What the merge changed (without who sent it: read again here).
    pub touched: Changed,
    /// The touched records as the merge left them, and the report of it,
    /// read on the worker's copy; `None` when it touched more than records
    /// (the page then reads the team itself).
    pub read: Option<ReadBack>,
}

/// What the worker read back of a merge of records: the document with the
/// same heads reads the same, so the page need not read it again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadBack {
    pub patch: TeamPatch,
    pub summary: ImportSummary,
    /// Those of the patch's records with a field in conflict: only these
    /// are asked for their conflicts again (most have none).
    pub conflicted: Vec<RecordRef>,
}

impl TeamDocument {
    /// Like [`Self::merge_reporting`], for bytes the import worker merged
    /// and checked on a copy with this document's heads. An Automerge
    /// document is a function of the changes it holds, so a copy with the
    /// same heads is the same document, and the same heads after the merge
    /// are the document the worker checked. `None` when this document's
    /// heads are not the worker's (it changed since): then the bytes go
    /// through [`Self::merge_reporting`]. When the merge does not give the
    /// worker's heads, this document is put back as it was and the bytes
    /// are refused.
    pub fn merge_vetted(
        &mut self,
        bytes: &[u8],
        vetted: &Vetted,
    ) -> Option<Result<(Changed, Before), LoadError>> {
        if !same_heads(&self.doc.get_heads(), &vetted.base) {
            return None;
        }
        let before = match self.before(&vetted.touched) {
            Ok(b) => b,
            Err(e) => return Some(Err(e)),
        };
        Some(
            self.take_vetted(bytes, vetted)?
                .map(|touched| (touched, before)),
        )
    }

    /// [`Self::merge_vetted`] without reading what the merge touches as it
    /// was: for a merge the worker read back ([`Vetted::read`]).
    pub fn take_vetted(
        &mut self,
        bytes: &[u8],
        vetted: &Vetted,
    ) -> Option<Result<Changed, LoadError>> {
        let ours = self.doc.get_heads();
        if !same_heads(&ours, &vetted.base) {
            return None;
        }
        if let Err(e) = self.load_to(bytes, &vetted.heads) {
            return Some(Err(e));
        }
        let mut touched = vetted.touched.clone();
        touched.heads_by_author = arrived_by_author(&mut self.doc, &ours, &vetted.heads);
        Some(Ok(touched))
    }

    /// Takes in `bytes` that must give the document with `heads`, one
    /// already checked elsewhere (the heads name every change, so nothing
    /// else needs checking); otherwise puts the document back as it was.
    pub fn load_to(&mut self, bytes: &[u8], heads: &[ChangeHash]) -> Result<(), LoadError> {
        let ours = self.doc.get_heads();
        let loaded = self.doc.load_incremental(bytes);
        self.has_collections = false;
        if loaded.is_ok() && same_heads(&self.doc.get_heads(), heads) {
            return Ok(());
        }
        let actor = self.doc.get_actor().clone();
        if let Ok(mut back) = self.doc.fork_at(&ours) {
            back.set_actor(actor);
            self.doc = back;
        }
        Err(LoadError::NotAutomerge(
            "taken in other than it was checked".into(),
        ))
    }
}

/// The same set of heads, in any order.
pub fn same_heads(a: &[ChangeHash], b: &[ChangeHash]) -> bool {
    let (mut a, mut b) = (a.to_vec(), b.to_vec());
    order::sort(&mut a);
    order::sort(&mut b);
    a == b
}
