//! What an edit or a merge changed in a team document: which records, the
//! team profile, or more than records (then everything is read again).

use std::collections::{BTreeMap, BTreeSet};

use automerge::ChangeHash;

use super::kind::Collection;

/// A record by collection and id.
pub type RecordRef = (Collection, String);

/// What changed: reported by the document's editor for edits and by
/// [`super::TeamDocument::merge_changes`] for merges, so that only that is
/// checked and read back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changed {
    /// Something that is not one record changed (a whole collection, or
    /// an unknown place): everything must be read again.
    pub whole: bool,
    /// The root or the team profile (name, purpose, goals) changed.
    pub profile: bool,
    /// The records written, added or removed.
    pub records: BTreeSet<RecordRef>,
    /// After a merge, the new heads by the member whose change each is.
    pub heads_by_author: BTreeMap<String, Vec<ChangeHash>>,
}

impl Changed {
    pub fn record(&mut self, c: Collection, id: &str) {
        self.records.insert((c, id.to_string()));
    }

    /// Whether this record changed.
    pub fn has(&self, c: Collection, id: &str) -> bool {
        self.records.contains(&(c, id.to_string()))
    }

    /// The ids of the changed records of one collection.
    pub fn ids(&self, c: Collection) -> impl Iterator<Item = &String> {
        self.records
            .iter()
            .filter(move |(k, _)| *k == c)
            .map(|(_, id)| id)
    }

    /// Adds what `other` changed to this.
    pub fn extend(&mut self, other: Changed) {
        self.whole |= other.whole;
        self.profile |= other.profile;
        self.records.extend(other.records);
        for (author, heads) in other.heads_by_author {
            self.heads_by_author.insert(author, heads);
        }
    }

    pub fn is_empty(&self) -> bool {
        !self.whole && !self.profile && self.records.is_empty()
    }
}
