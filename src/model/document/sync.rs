//! What a teammate lacks: deltas since the heads they are known to have,
//! and who is known to have which heads.

use std::collections::BTreeMap;

use automerge::{AutoCommit, ChangeHash};

use super::{author_of_message, TeamDocument};
use crate::model::ids::is_valid_id;

/// What to send a teammate: see [`TeamDocument::changes_for`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delta {
    /// They have everything we have.
    Nothing,
    /// Only the changes they lack.
    Changes(Vec<u8>),
    /// The whole document: we do not know what they have.
    Whole(Vec<u8>),
}

impl TeamDocument {
    /// The changes made after `heads`: what a teammate who has `heads`
    /// lacks. Does not count as persisted.
    pub fn save_after_bytes(&mut self, heads: &[ChangeHash]) -> Vec<u8> {
        self.doc.save_after(heads)
    }

    /// What a teammate who has `heads` lacks. When any of those heads is
    /// unknown here (or none are known), only the whole document is sure
    /// to be complete for them.
    pub fn changes_for(&mut self, heads: &[ChangeHash]) -> Delta {
        if heads.is_empty() || !heads.iter().all(|h| self.has_change(h)) {
            return Delta::Whole(self.export());
        }
        let hashes: Vec<ChangeHash> = self
            .doc
            .get_changes_meta(heads)
            .iter()
            .map(|c| c.hash)
            .collect();
        if hashes.is_empty() {
            return Delta::Nothing;
        }
        // A bundle encodes the changes in columns, like a saved document:
        // several times smaller than the same changes one by one.
        match self.doc.bundle(hashes) {
            Ok(bundle) => Delta::Changes(bundle.bytes().to_vec()),
            Err(_) => Delta::Changes(self.doc.save_after(heads)),
        }
    }

    /// The document's heads by the member who made each: each of them has
    /// at least that change and everything it builds on.
    pub fn heads_by_author(&mut self) -> BTreeMap<String, Vec<ChangeHash>> {
        let heads = self.doc.get_heads();
        heads_by_author(&mut self.doc, &heads)
    }
}

/// The heads among `heads` that `ours` lacked, grouped by the member whose
/// change each is: whoever made a change that arrived has it and all it
/// builds on, so what "Send to" them may leave out.
pub(super) fn arrived_by_author(
    doc: &mut AutoCommit,
    ours: &[ChangeHash],
    heads: &[ChangeHash],
) -> BTreeMap<String, Vec<ChangeHash>> {
    let new: Vec<ChangeHash> = heads
        .iter()
        .filter(|h| !ours.contains(h))
        .copied()
        .collect();
    heads_by_author(doc, &new)
}

/// `heads` grouped by the member whose change each is.
pub(super) fn heads_by_author(
    doc: &mut AutoCommit,
    heads: &[ChangeHash],
) -> BTreeMap<String, Vec<ChangeHash>> {
    let mut out = BTreeMap::<String, Vec<ChangeHash>>::new();
    for head in heads {
        let author = doc
            .get_change_meta_by_hash(head)
            .and_then(|m| m.message.as_deref().and_then(author_of_message));
        if let Some(author) = author.filter(|a| is_valid_id(a)) {
            out.entry(author).or_default().push(*head);
        }
    }
    out
}
