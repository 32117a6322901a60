//! One team's Automerge document: opening it safely, changing it record by
//! record with the author stamped on every change, and saving it.

use std::collections::BTreeSet;

use automerge::{
    transaction::{CommitOptions, Transactable},
    AutoCommit, AutomergeError, ChangeHash, ObjId, ObjType, ReadDoc, Value, ROOT,
};
use autosurgeon::{hydrate_prop, reconcile_prop, Hydrate, Reconcile};

use super::{
    decision::Decision,
    error::{EditError, LoadError},
    ids::is_valid_id,
    lenient,
    member::Member,
    role::Role,
    team::{Team, SCHEMA_VERSION},
    text::splice_between,
    tree::FromTree,
};

/// The largest team document this app opens. A team of hundreds with years
/// of history stays well below it; localStorage could not hold more anyway.
pub const MAX_DOC_BYTES: usize = 8 * 1024 * 1024;

/// The maps at the root of the document that hold records by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Collection {
    Members,
    Roles,
    Decisions,
}

impl Collection {
    pub fn key(self) -> &'static str {
        match self {
            Collection::Members => "members",
            Collection::Roles => "roles",
            Collection::Decisions => "decisions",
        }
    }

    pub fn kind(self) -> &'static str {
        match self {
            Collection::Members => "member",
            Collection::Roles => "role",
            Collection::Decisions => "decision",
        }
    }
}

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
}

impl TeamDocument {
    /// A new document holding `team`, as its first change.
    pub fn from_team(team: &Team, stamp: &Stamp) -> Result<Self, EditError> {
        let mut doc = AutoCommit::new();
        autosurgeon::reconcile(&mut doc, team)?;
        doc.commit_with(stamp.commit_options());
        Ok(TeamDocument {
            doc,
            team_id: team.team_id.clone(),
            flagged: None,
            saved_heads: Vec::new(),
        })
    }

    /// Opens saved bytes, checking that they are a team this build can read.
    pub fn load(bytes: &[u8]) -> Result<(Self, Team), LoadError> {
        Self::load_parts(bytes, std::iter::empty::<&[u8]>())
    }

    /// Opens a full save followed by incremental saves made after it.
    pub fn load_parts<'a>(
        full: &[u8],
        increments: impl IntoIterator<Item = &'a [u8]>,
    ) -> Result<(Self, Team), LoadError> {
        check_size(full)?;
        // One strict load of everything: a damaged increment is reported,
        // never skipped.
        let mut all = full.to_vec();
        for chunk in increments {
            all.extend_from_slice(chunk);
        }
        let mut doc = AutoCommit::load(&all).map_err(|e| match e {
            // Recent changes alone, without the history they build on.
            AutomergeError::MissingDeps => LoadError::MissingHistory,
            e => LoadError::NotAutomerge(e.to_string()),
        })?;
        if !doc.get_missing_deps(&[]).is_empty() {
            return Err(LoadError::MissingHistory);
        }
        check_root(&doc)?;
        let tree =
            ReadDoc::hydrate(&doc, ROOT, None).map_err(|e| LoadError::BadShape(e.to_string()))?;
        let team = Team::from_tree(&tree).map_err(|e| LoadError::BadShape(e.to_string()))?;
        check_team(&team)?;
        let team_id = team.team_id.clone();
        let saved_heads = doc.get_heads();
        let flagged = Some((
            saved_heads.clone(),
            super::conflicts::conflicted_records(&tree),
        ));
        Ok((
            TeamDocument {
                doc,
                team_id,
                flagged,
                saved_heads,
            },
            team,
        ))
    }

    pub fn team_id(&self) -> &str {
        &self.team_id
    }

    /// The whole team, read from the document.
    pub fn team(&self) -> Result<Team, LoadError> {
        read_team(&self.doc)
    }

    /// The team's name, purpose and goals, read without the records.
    pub fn profile(&self) -> Result<super::team::Profile, LoadError> {
        read_profile(&self.doc)
    }

    pub fn member(&self, id: &str) -> Option<Member> {
        self.record(Collection::Members, id)
    }

    pub fn role(&self, id: &str) -> Option<Role> {
        self.record(Collection::Roles, id)
    }

    pub fn decision(&self, id: &str) -> Option<Decision> {
        self.record(Collection::Decisions, id)
    }

    /// The conflicted records found on opening, if nothing changed since.
    pub(crate) fn take_flagged(&mut self) -> Option<Vec<RecordRef>> {
        let (heads, flagged) = self.flagged.take()?;
        (heads == self.doc.get_heads()).then_some(flagged)
    }

    /// One record as it is now, for showing (see [`super::tree`]).
    fn record<T: FromTree>(&self, c: Collection, id: &str) -> Option<T> {
        let coll = match self.doc.get(ROOT, c.key()).ok()?? {
            (Value::Object(ObjType::Map), coll) => coll,
            _ => return None,
        };
        let (_, rec) = self.doc.get(&coll, id).ok()??;
        let tree = ReadDoc::hydrate(&self.doc, &rec, None).ok()?;
        T::from_tree(&tree).ok()
    }

    /// Applies `f` as one change stamped with its author. When `f` fails, the
    /// document is rolled back and stays exactly as it was.
    pub fn change<T>(
        &mut self,
        stamp: &Stamp,
        f: impl FnOnce(&mut Editor<'_>) -> Result<T, EditError>,
    ) -> Result<T, EditError> {
        let result = f(&mut Editor { doc: &mut self.doc });
        match result {
            Ok(v) => {
                self.doc.commit_with(stamp.commit_options());
                Ok(v)
            }
            Err(e) => {
                self.doc.rollback();
                Err(e)
            }
        }
    }

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
    pub fn merge_changes(&mut self, bytes: &[u8]) -> Result<Merged, LoadError> {
        check_size(bytes)?;
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
            let team = validate(incoming)?;
            if team.team_id != self.team_id {
                return Err(LoadError::DifferentTeam {
                    name: team.profile.name,
                    id: team.team_id,
                });
            }
        }
        let mut merged = self.doc.fork();
        merged.set_actor(self.doc.get_actor().clone());
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
        let mut touched = Merged::from_patches(&patches);
        // Whoever made a change that arrived has it and all it builds on:
        // what "Send to" them may leave out.
        let ours = self.doc.get_heads();
        let new: Vec<ChangeHash> = merged
            .get_heads()
            .into_iter()
            .filter(|h| !ours.contains(h))
            .collect();
        touched.heads_by_author = heads_by_author(&mut merged, &new);
        if touched.whole {
            validate(&merged)?;
        } else {
            check_touched(&merged, &touched, &self.team_id)?;
        }
        self.doc = merged;
        Ok(touched)
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
            .get_changes(heads)
            .iter()
            .map(|c| c.hash())
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
    pub fn heads_by_author(&mut self) -> std::collections::BTreeMap<String, Vec<ChangeHash>> {
        let heads = self.doc.get_heads();
        heads_by_author(&mut self.doc, &heads)
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
        self.doc.get_change_by_hash(hash).is_some()
    }

    /// The authors and times of every change, oldest first.
    pub fn history(&mut self) -> Vec<(Option<String>, i64)> {
        self.doc
            .get_changes(&[])
            .iter()
            .map(|c| (c.message().and_then(author_of_message), c.timestamp()))
            .collect()
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

fn check_size(bytes: &[u8]) -> Result<(), LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty);
    }
    if bytes.len() > MAX_DOC_BYTES {
        return Err(LoadError::TooLarge {
            size: bytes.len(),
            limit: MAX_DOC_BYTES,
        });
    }
    Ok(())
}

/// The schema version at the root is one this build reads.
fn check_root(doc: &AutoCommit) -> Result<(), LoadError> {
    let version = match doc.get(ROOT, "schema") {
        Ok(Some((v, _))) => lenient::as_int(&v).ok_or(LoadError::NotRoundtable)?,
        _ => return Err(LoadError::NotRoundtable),
    };
    if version > SCHEMA_VERSION {
        return Err(LoadError::NewerSchema {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    if version < 1 {
        return Err(LoadError::BadShape(format!(
            "schema version {version} does not exist"
        )));
    }
    Ok(())
}

/// The team's name, purpose and goals, in one pass over that object.
fn read_profile(doc: &AutoCommit) -> Result<super::team::Profile, LoadError> {
    let obj = match doc.get(ROOT, "team") {
        Ok(Some((Value::Object(ObjType::Map), obj))) => obj,
        _ => return Err(LoadError::BadShape("the team profile is missing".into())),
    };
    let tree = ReadDoc::hydrate(doc, &obj, None).map_err(|e| LoadError::BadShape(e.to_string()))?;
    super::team::Profile::from_tree(&tree).map_err(|e| LoadError::BadShape(e.to_string()))
}

/// The whole team in one pass over the document (see [`super::tree`]).
fn read_team(doc: &AutoCommit) -> Result<Team, LoadError> {
    let tree = ReadDoc::hydrate(doc, ROOT, None).map_err(|e| LoadError::BadShape(e.to_string()))?;
    Team::from_tree(&tree).map_err(|e| LoadError::BadShape(e.to_string()))
}

/// Checks a loaded document against the schema and returns its content.
fn validate(doc: &AutoCommit) -> Result<Team, LoadError> {
    check_root(doc)?;
    let team = read_team(doc)?;
    check_team(&team)?;
    Ok(team)
}

/// The checks on a team's content that its types cannot express.
fn check_team(team: &Team) -> Result<(), LoadError> {
    if !is_valid_id(&team.team_id) {
        return Err(LoadError::BadShape(
            "the team id is missing or malformed".into(),
        ));
    }
    let keyed_right = team.members.iter().all(|(k, m)| *k == m.id)
        && team.roles.iter().all(|(k, r)| *k == r.id)
        && team.decisions.iter().all(|(k, d)| *k == d.id);
    if !keyed_right {
        return Err(LoadError::BadShape(
            "a record is filed under another record's id".into(),
        ));
    }
    Ok(())
}

/// `heads` grouped by the member whose change each is.
fn heads_by_author(
    doc: &mut AutoCommit,
    heads: &[ChangeHash],
) -> std::collections::BTreeMap<String, Vec<ChangeHash>> {
    let mut out = std::collections::BTreeMap::<String, Vec<ChangeHash>>::new();
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

/// A record by collection and id.
pub type RecordRef = (Collection, String);

/// The records a merge changed: see [`TeamDocument::merge_changes`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    /// Something that is not one record changed (a whole collection, or
    /// an unknown place): everything must be read again.
    pub whole: bool,
    /// The root or the team profile (name, purpose, goals) changed.
    pub profile: bool,
    pub members: BTreeSet<String>,
    pub roles: BTreeSet<String>,
    pub decisions: BTreeSet<String>,
    /// The new heads, by the member whose change each is.
    pub heads_by_author: std::collections::BTreeMap<String, Vec<ChangeHash>>,
}

impl Merged {
    fn from_patches(patches: &[automerge::Patch]) -> Self {
        use automerge::{PatchAction, Prop};
        let mut m = Merged::default();
        for p in patches {
            let key = match &p.action {
                PatchAction::PutMap { key, .. } | PatchAction::DeleteMap { key } => {
                    Some(key.as_str())
                }
                _ => None,
            };
            let mut path = p.path.iter().map(|(_, prop)| prop);
            let (first, second) = (path.next(), path.next());
            let collection = |name: &str| match name {
                "members" => Some(Collection::Members),
                "roles" => Some(Collection::Roles),
                "decisions" => Some(Collection::Decisions),
                _ => None,
            };
            let (c, id) = match (first, second, key) {
                // A change at the root: a collection replaced, or root fields.
                (None, _, Some(k)) if collection(k).is_some() => {
                    m.whole = true;
                    continue;
                }
                (None, _, _) => {
                    m.profile = true;
                    continue;
                }
                (Some(Prop::Map(coll)), Some(Prop::Map(id)), _) => (collection(coll), id.as_str()),
                (Some(Prop::Map(coll)), None, Some(id)) => (collection(coll), id),
                (Some(Prop::Map(coll)), _, _) if coll == "team" => {
                    m.profile = true;
                    continue;
                }
                _ => {
                    m.whole = true;
                    continue;
                }
            };
            match c {
                Some(Collection::Members) => drop(m.members.insert(id.to_string())),
                Some(Collection::Roles) => drop(m.roles.insert(id.to_string())),
                Some(Collection::Decisions) => drop(m.decisions.insert(id.to_string())),
                None => m.profile = true,
            }
        }
        m
    }
}

/// The schema checks of [`validate`], for the root and the records a
/// merge changed.
fn check_touched(doc: &AutoCommit, touched: &Merged, team_id: &str) -> Result<(), LoadError> {
    let shape = |e: autosurgeon::HydrateError| LoadError::BadShape(e.to_string());
    if touched.profile {
        // The root's own fields and the profile, not the records below.
        check_root(doc)?;
        if lenient::string(doc, &ROOT, "team_id".into()).map_err(shape)? != team_id {
            return Err(LoadError::BadShape("the team id changed".into()));
        }
        read_profile(doc)?;
    }
    for (c, ids) in [
        (Collection::Members, &touched.members),
        (Collection::Roles, &touched.roles),
        (Collection::Decisions, &touched.decisions),
    ] {
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
            let record_id = match c {
                Collection::Members => Member::from_tree(&tree).map(|r| r.id),
                Collection::Roles => Role::from_tree(&tree).map(|r| r.id),
                Collection::Decisions => Decision::from_tree(&tree).map(|r| r.id),
            }
            .map_err(shape)?;
            if &record_id != id {
                return Err(LoadError::BadShape(
                    "a record is filed under another record's id".into(),
                ));
            }
        }
    }
    Ok(())
}

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

/// Changes made inside [`TeamDocument::change`].
pub struct Editor<'a> {
    doc: &'a mut AutoCommit,
}

impl Editor<'_> {
    fn map_in(&mut self, parent: &ObjId, key: &str) -> Result<ObjId, EditError> {
        match self.doc.get(parent, key)? {
            Some((Value::Object(ObjType::Map), id)) => Ok(id),
            None => Ok(self.doc.put_object(parent, key, ObjType::Map)?),
            Some(_) => Err(EditError::Document(format!("`{key}` is not a map"))),
        }
    }

    fn collection(&mut self, c: Collection) -> Result<ObjId, EditError> {
        self.map_in(&ROOT, c.key())
    }

    fn existing(&mut self, c: Collection, id: &str) -> Result<ObjId, EditError> {
        let coll = self.collection(c)?;
        match self.doc.get(&coll, id)? {
            Some((Value::Object(ObjType::Map), rec)) => Ok(rec),
            _ => Err(EditError::NotFound {
                kind: c.kind(),
                id: id.to_string(),
            }),
        }
    }

    /// Reads one record as it is now.
    pub fn get<T: Hydrate>(&mut self, c: Collection, id: &str) -> Result<T, EditError> {
        self.existing(c, id)?;
        let coll = self.collection(c)?;
        Ok(hydrate_prop(&*self.doc, &coll, id)?)
    }

    /// Reads one record as it is now, to check a rule. Not for writing
    /// back: see [`super::tree`].
    pub fn read<T: FromTree>(&mut self, c: Collection, id: &str) -> Result<T, EditError> {
        let rec = self.existing(c, id)?;
        let tree = ReadDoc::hydrate(&*self.doc, &rec, None)?;
        Ok(T::from_tree(&tree)?)
    }

    /// Sets one field of a record, writing only if it differs.
    pub fn put_field<T: Reconcile>(
        &mut self,
        c: Collection,
        id: &str,
        field: &str,
        value: &T,
    ) -> Result<(), EditError> {
        let rec = self.existing(c, id)?;
        reconcile_prop(&mut *self.doc, &rec, field, value)?;
        Ok(())
    }

    /// Writes a new record under its id.
    pub fn insert<T: Reconcile>(
        &mut self,
        c: Collection,
        id: &str,
        value: &T,
    ) -> Result<(), EditError> {
        let coll = self.collection(c)?;
        reconcile_prop(&mut *self.doc, &coll, id, value)?;
        Ok(())
    }

    /// Reads one record, lets `f` change its plain fields, and writes back
    /// only what differs. Prose fields are changed with [`Self::set_text`].
    pub fn update<T: Hydrate + Reconcile>(
        &mut self,
        c: Collection,
        id: &str,
        f: impl FnOnce(&mut T) -> Result<(), EditError>,
    ) -> Result<(), EditError> {
        let mut value: T = self.get(c, id)?;
        f(&mut value)?;
        let coll = self.collection(c)?;
        reconcile_prop(&mut *self.doc, &coll, id, &value)?;
        Ok(())
    }

    /// Sets a prose field of a record with the smallest splice, so that
    /// a teammate's concurrent edits elsewhere in the text survive.
    pub fn set_text(
        &mut self,
        c: Collection,
        id: &str,
        field: &str,
        value: &str,
    ) -> Result<(), EditError> {
        let rec = self.existing(c, id)?;
        self.set_text_at(&rec, field, value)
    }

    /// The team as it is now without its decisions: what rules about one
    /// decision look at (roles, members, goals), read without the cost of
    /// the whole decision log.
    pub fn team_context(&mut self) -> Result<Team, EditError> {
        let doc = &*self.doc;
        let int =
            |key: &str| -> Result<i64, EditError> { Ok(lenient::int(doc, &ROOT, key.into())?) };
        Ok(Team {
            schema: int("schema")?,
            team_id: lenient::string(doc, &ROOT, "team_id".into())?,
            profile: hydrate_prop(doc, &ROOT, "team")?,
            members: self.collection_or_empty(Collection::Members)?,
            roles: self.collection_or_empty(Collection::Roles)?,
            decisions: Default::default(),
        })
    }

    /// The ids of the team's goals.
    pub fn goal_ids(&mut self) -> Result<Vec<String>, EditError> {
        let team = self.map_in(&ROOT, "team")?;
        let goals = self.map_in(&team, "goals")?;
        Ok(self.doc.keys(&goals).collect())
    }

    fn collection_or_empty<T: FromTree>(
        &self,
        c: Collection,
    ) -> Result<std::collections::BTreeMap<String, T>, EditError> {
        match self.doc.get(ROOT, c.key())? {
            Some((_, coll)) => {
                let tree = ReadDoc::hydrate(&*self.doc, &coll, None)?;
                Ok(FromTree::from_tree(&tree)?)
            }
            None => Ok(Default::default()),
        }
    }

    /// Sets a prose field of a map nested in a record, e.g. one consultee's
    /// advice: `path` leads from the record to that map.
    pub fn set_nested_text(
        &mut self,
        c: Collection,
        id: &str,
        path: &[&str],
        field: &str,
        value: &str,
    ) -> Result<(), EditError> {
        let mut obj = self.existing(c, id)?;
        for key in path {
            obj = match self.doc.get(&obj, *key)? {
                Some((Value::Object(ObjType::Map), inner)) => inner,
                _ => {
                    return Err(EditError::NotFound {
                        kind: "entry",
                        id: (*key).to_string(),
                    })
                }
            };
        }
        self.set_text_at(&obj, field, value)
    }

    /// Adds a goal to the team profile.
    pub fn insert_goal(&mut self, goal: &super::team::Goal) -> Result<(), EditError> {
        let team = self.map_in(&ROOT, "team")?;
        let goals = self.map_in(&team, "goals")?;
        reconcile_prop(&mut *self.doc, &goals, goal.id.as_str(), goal)?;
        Ok(())
    }

    /// The document itself, for edits that need raw Automerge operations.
    pub(crate) fn raw(&mut self) -> &mut AutoCommit {
        self.doc
    }

    /// Sets the team's name.
    pub fn set_team_name(&mut self, name: &str) -> Result<(), EditError> {
        let team = self.map_in(&ROOT, "team")?;
        self.doc.put(&team, "name", name)?;
        Ok(())
    }

    /// Sets a prose field of the team profile.
    pub fn set_team_text(&mut self, field: &str, value: &str) -> Result<(), EditError> {
        let team = self.map_in(&ROOT, "team")?;
        self.set_text_at(&team, field, value)
    }

    fn set_text_at(&mut self, obj: &ObjId, field: &str, value: &str) -> Result<(), EditError> {
        match self.doc.get(obj, field)? {
            Some((Value::Object(ObjType::Text), text)) => {
                let old = self.doc.text(&text)?;
                if let Some(s) = splice_between(&old, value) {
                    self.doc
                        .splice_text(&text, s.pos, s.delete as isize, &s.insert)?;
                }
            }
            // Absent, or a plain string written by another client: becomes text.
            _ => {
                let text = self.doc.put_object(obj, field, ObjType::Text)?;
                self.doc.splice_text(&text, 0, 0, value)?;
            }
        }
        Ok(())
    }
}
