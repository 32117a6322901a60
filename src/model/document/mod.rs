//! One team's Automerge document: the type that owns it, the author stamp
//! every change carries, reading records for showing, and saving. Opening
//! and checking is in `load`, merging in `merge`, what to send a teammate
//! in `sync`, and changing it record by record in `editor`.

mod authority;
mod editor;
pub mod guard;
mod load;
pub mod materialise;
mod merge;
mod past;
mod sync;
mod vetted;

use automerge::{
    transaction::CommitOptions, AutoCommit, ChangeHash, ObjType, ReadDoc, Value, ROOT,
};

use super::{
    changed::{Changed, RecordRef},
    decision::Decision,
    error::{EditError, LoadError},
    kind::{Collection, Record},
    member::Member,
    role::Role,
    team::Team,
};

pub use editor::Editor;
pub use merge::Before;
pub use past::FieldChange;
pub use sync::Delta;
pub use vetted::{same_heads, ReadBack, Vetted};

/// The largest team document this app opens. A team of hundreds with years
/// of history stays well below it; localStorage could not hold more anyway.
pub const MAX_DOC_BYTES: usize = 8 * 1024 * 1024;

/// Who made a change and when; stored in the Automerge change itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// The member using this browser, if they have said who they are.
    pub author: Option<String>,
    /// Unix time in milliseconds.
    pub at_ms: i64,
}

impl Stamp {
    pub fn new(author: Option<&str>, at_ms: i64) -> Self {
        Stamp {
            author: author.map(str::to_string),
            at_ms,
        }
    }

    fn commit_options(&self) -> CommitOptions {
        let message = serde_json::json!({ "author": self.author }).to_string();
        CommitOptions::default()
            .with_message(message)
            .with_time(self.at_ms.div_euclid(1000))
    }
}

/// The author recorded in a change's message, if it is one of ours.
pub fn author_of_message(message: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(message).ok()?;
    v.get("author")?.as_str().map(str::to_string)
}

pub struct TeamDocument {
    doc: AutoCommit,
    team_id: String,
    /// Records with conflicting fields as found when the document was
    /// opened, with the heads then: spares [`Self::conflicts`] a pass
    /// over the whole document right after opening it.
    flagged: Option<(Vec<ChangeHash>, Vec<RecordRef>)>,
    /// Heads of the last save, full or incremental. Kept here because a
    /// freshly loaded `AutoCommit` would otherwise re-save its whole history.
    saved_heads: Vec<ChangeHash>,
    /// What edits changed since [`Self::take_changed`] last asked.
    changed: Changed,
    /// The later collections are known to be there (see `collections`).
    has_collections: bool,
}

impl TeamDocument {
    fn wrap(
        doc: AutoCommit,
        team_id: String,
        flagged: Option<(Vec<ChangeHash>, Vec<RecordRef>)>,
        saved_heads: Vec<ChangeHash>,
    ) -> Self {
        TeamDocument {
            doc,
            team_id,
            flagged,
            saved_heads,
            changed: Changed::default(),
            has_collections: false,
        }
    }

    /// A new document holding `team`, as its first change.
    pub fn from_team(team: &Team, stamp: &Stamp) -> Result<Self, EditError> {
        let mut doc = AutoCommit::new();
        // The later collections come from their one shared change, so the
        // team's own first change fills those maps instead of making others.
        super::collections::ensure(&mut doc)?;
        autosurgeon::reconcile(&mut doc, team)?;
        doc.commit_with(stamp.commit_options());
        Ok(Self::wrap(doc, team.team_id.clone(), None, Vec::new()))
    }

    pub fn team_id(&self) -> &str {
        &self.team_id
    }

    /// The whole team, read from the document.
    pub fn team(&self) -> Result<Team, LoadError> {
        load::read_team(&self.doc)
    }

    /// The team, and the records with a field holding concurrent values
    /// (what a snapshot keeps), in one pass over the document.
    pub fn team_and_flagged(&self) -> Result<(Team, Vec<RecordRef>), LoadError> {
        load::read_team_flagged(&self.doc)
    }

    /// The team's name, purpose and goals, read without the records.
    pub fn profile(&self) -> Result<super::team::Profile, LoadError> {
        load::read_profile(&self.doc)
    }

    pub fn member(&self, id: &str) -> Option<Member> {
        self.get(id)
    }

    pub fn role(&self, id: &str) -> Option<Role> {
        self.get(id)
    }

    pub fn decision(&self, id: &str) -> Option<Decision> {
        self.get(id)
    }

    /// One record as it is now, for showing (see [`super::tree`]).
    pub fn get<R: Record>(&self, id: &str) -> Option<R> {
        let rec = self.record_obj(R::COLLECTION, id)?;
        let tree = ReadDoc::hydrate(&self.doc, &rec, None).ok()?;
        R::from_tree(&tree).ok()
    }

    pub(crate) fn record_obj(&self, c: Collection, id: &str) -> Option<automerge::ObjId> {
        match self.doc.get(ROOT, c.key()).ok()?? {
            (Value::Object(ObjType::Map), coll) => match self.doc.get(&coll, id).ok()?? {
                (Value::Object(ObjType::Map), rec) => Some(rec),
                _ => None,
            },
            _ => None,
        }
    }

    /// The conflicted records found on opening, if nothing changed since.
    pub(crate) fn take_flagged(&mut self) -> Option<Vec<RecordRef>> {
        let (heads, flagged) = self.flagged.take()?;
        (heads == self.doc.get_heads()).then_some(flagged)
    }

    /// Applies `f` as one change stamped with its author. When `f` fails, the
    /// document is rolled back and stays exactly as it was. What `f` wrote
    /// is added to what [`Self::take_changed`] reports.
    pub fn change<T>(
        &mut self,
        stamp: &Stamp,
        f: impl FnOnce(&mut Editor<'_>) -> Result<T, EditError>,
    ) -> Result<T, EditError> {
        if !self.has_collections {
            super::collections::ensure(&mut self.doc)?;
            self.has_collections = true;
        }
        let mut changed = Changed::default();
        let result = f(&mut Editor::new(&mut self.doc, &mut changed));
        match result {
            Ok(v) => {
                self.doc.commit_with(stamp.commit_options());
                self.changed.extend(changed);
                Ok(v)
            }
            Err(e) => {
                self.doc.rollback();
                Err(e)
            }
        }
    }

    /// What the edits made since the last call changed.
    pub fn take_changed(&mut self) -> Changed {
        std::mem::take(&mut self.changed)
    }

    /// The whole document, compacted.
    pub fn save(&mut self) -> Vec<u8> {
        let bytes = self.doc.save();
        self.saved_heads = self.doc.get_heads();
        bytes
    }

    /// The whole document for a file or link; unlike [`Self::save`] it does
    /// not count as persisted.
    pub fn export(&mut self) -> Vec<u8> {
        self.doc.save()
    }

    /// The changes since the last `save` or `save_incremental`.
    pub fn save_incremental(&mut self) -> Vec<u8> {
        let bytes = self.doc.save_after(&self.saved_heads);
        self.saved_heads = self.doc.get_heads();
        bytes
    }

    pub fn heads(&mut self) -> Vec<ChangeHash> {
        self.doc.get_heads()
    }

    /// Whether this document contains the change with this hash.
    pub fn has_change(&mut self, hash: &ChangeHash) -> bool {
        // Its metadata only: rebuilding the change with its operations to
        // see that it is there costs far more.
        self.doc.get_change_meta_by_hash(hash).is_some()
    }

    /// The authors and times of every change people made, oldest first
    /// (not the shared change that adds the later collections).
    pub fn history(&mut self) -> Vec<(Option<String>, i64)> {
        self.doc
            .get_changes_meta(&[])
            .iter()
            .filter(|c| !super::collections::is_shared(&c.actor))
            .map(|c| {
                (
                    c.message.as_deref().and_then(author_of_message),
                    c.timestamp,
                )
            })
            .collect()
    }

    /// An independent copy, for trying out a merge without touching this.
    pub fn fork(&mut self) -> TeamDocument {
        let mut doc = self.forked();
        let heads = doc.get_heads();
        Self::wrap(doc, self.team_id.clone(), None, heads)
    }

    /// The Automerge document forked, writing as this copy's actor.
    fn forked(&mut self) -> AutoCommit {
        let mut doc = self.doc.fork();
        doc.set_actor(self.doc.get_actor().clone());
        doc
    }

    /// Read-only access for queries that need the raw document.
    pub fn automerge(&self) -> &AutoCommit {
        &self.doc
    }

    /// For reads that Automerge only offers on a mutable document (change
    /// metadata); nothing is written through it.
    pub(crate) fn automerge_mut(&mut self) -> &mut AutoCommit {
        &mut self.doc
    }
}
