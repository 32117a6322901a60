//! Where each team's document lives in a key-value store, and how edits
//! reach it without rewriting the whole history on every keystroke.
//!
//! Layout (all keys start with `roundtable/v1/`):
//! - `teams`: JSON list of `{id, name}` for the team switcher;
//! - `current`: the id of the team last open;
//! - `me/<team>`: the member id this browser acts as in that team;
//! - `device/<team>`: JSON [`DeviceNotes`] (passphrase check, last copy);
//! - `team/<team>/doc`: base64 of a full, compacted Automerge save;
//! - `team/<team>/snapshot`: the team as the screens read it, tagged with
//!   the stored data it was taken from (see [`crate::model::snapshot`]);
//! - `team/<team>/inc/<session>/<n>`: base64 of an incremental save made by
//!   one tab (`session`) after the full save. Each tab writes its own keys,
//!   so two tabs never overwrite each other's edits.

use std::collections::BTreeSet;

use base64::{engine::general_purpose::STANDARD, Engine};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::model::{
    ids::is_valid_id,
    ids::new_id,
    snapshot::{self, Covers, Snapshot, SnapshotError},
    Changed, LoadError, RecordRef, Team, TeamDocument,
};

use super::{
    device::DeviceNotes,
    kv::{KeyValue, StorageError},
};

const PREFIX: &str = "roundtable/v1/";
/// Compact after this many incremental saves…
const COMPACT_AFTER_CHUNKS: usize = 64;
/// …or once they add up to this many bytes.
const COMPACT_AFTER_BYTES: usize = 256 * 1024;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum StoreError {
    #[error("This team is not stored in this browser.")]
    NotFound,
    #[error("The copy of this team stored in this browser could not be opened. {0} The stored data has been left untouched.")]
    Damaged(LoadError),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredTeam {
    pub id: String,
    pub name: String,
}

/// A team opened from the store, with what the store knows about its copy.
pub struct OpenTeam {
    pub doc: TeamDocument,
    /// Incremental keys already contained in `doc`.
    chunks: BTreeSet<String>,
    chunk_bytes: usize,
    /// Incremental bytes not yet written because storage refused them.
    unsaved: Vec<u8>,
    doc_fingerprint: u64,
    /// Characters of the stored full save: compaction rewrites all of it,
    /// so it comes less often the larger the team.
    doc_chars: usize,
}

impl OpenTeam {
    /// Whether some edits live only in memory (storage refused them).
    pub fn has_unsaved(&self) -> bool {
        !self.unsaved.is_empty()
    }
}

/// What [`TeamStore::read_stored`] found.
struct Stored {
    fingerprint: u64,
    chars: usize,
    full: Vec<u8>,
    keys: Vec<String>,
    parts: Vec<Vec<u8>>,
}

impl Stored {
    fn covers(&self) -> Covers {
        Covers {
            doc: self.fingerprint,
            chunks: self.keys.clone(),
        }
    }

    fn into_open(self, doc: TeamDocument) -> OpenTeam {
        OpenTeam {
            doc,
            chunk_bytes: self.parts.iter().map(Vec::len).sum(),
            chunks: self.keys.into_iter().collect(),
            unsaved: Vec::new(),
            doc_fingerprint: self.fingerprint,
            doc_chars: self.chars,
        }
    }
}

fn fingerprint(s: &str) -> u64 {
    // Enough to notice that another tab rewrote the full save.
    snapshot::fnv1a(s)
}

fn decode(b64: &str) -> Result<Vec<u8>, LoadError> {
    STANDARD
        .decode(b64.trim())
        .map_err(|_| LoadError::NotAutomerge("the stored text is not valid base64".into()))
}

pub struct TeamStore<K: KeyValue> {
    kv: K,
    session: String,
    counter: u64,
}

impl<K: KeyValue> TeamStore<K> {
    pub fn new(kv: K) -> Self {
        TeamStore {
            kv,
            session: new_id('s'),
            counter: 0,
        }
    }

    pub fn kv(&self) -> &K {
        &self.kv
    }

    pub fn kv_mut(&mut self) -> &mut K {
        &mut self.kv
    }

    fn doc_key(team: &str) -> String {
        format!("{PREFIX}team/{team}/doc")
    }

    fn chunk_prefix(team: &str) -> String {
        format!("{PREFIX}team/{team}/inc/")
    }

    /// The teams stored here, in the order they were added. Teams whose
    /// index entry was lost are still listed, so no stored team is hidden.
    pub fn teams(&self) -> Vec<StoredTeam> {
        let mut list: Vec<StoredTeam> = self
            .kv
            .get(&format!("{PREFIX}teams"))
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default();
        let keys: BTreeSet<String> = self.kv.keys().into_iter().collect();
        for key in &keys {
            let Some(id) = key
                .strip_prefix(&format!("{PREFIX}team/"))
                .and_then(|rest| rest.strip_suffix("/doc"))
            else {
                continue;
            };
            if is_valid_id(id) && !list.iter().any(|t| t.id == id) {
                list.push(StoredTeam {
                    id: id.to_string(),
                    name: "Unnamed team".to_string(),
                });
            }
        }
        // Which teams exist is told by the keys alone: their saves are
        // never read here.
        list.retain(|t| keys.contains(&Self::doc_key(&t.id)));
        list
    }

    fn write_index(&mut self, list: &[StoredTeam]) -> Result<(), StorageError> {
        let json =
            serde_json::to_string(list).map_err(|e| StorageError::Unavailable(e.to_string()))?;
        self.kv.set(&format!("{PREFIX}teams"), &json)
    }

    /// Records a team's current name in the index (for the switcher).
    pub fn remember_name(&mut self, id: &str, name: &str) -> Result<(), StorageError> {
        let mut list = self.teams();
        match list.iter_mut().find(|t| t.id == id) {
            Some(t) if t.name == name => return Ok(()),
            Some(t) => t.name = name.to_string(),
            None => list.push(StoredTeam {
                id: id.to_string(),
                name: name.to_string(),
            }),
        }
        self.write_index(&list)
    }

    /// The team to open on arrival: the one last open, or the first.
    pub fn first_team(&self) -> Option<String> {
        let teams = self.teams();
        self.current()
            .filter(|c| teams.iter().any(|t| &t.id == c))
            .or_else(|| teams.first().map(|t| t.id.clone()))
    }

    pub fn current(&self) -> Option<String> {
        self.kv.get(&format!("{PREFIX}current"))
    }

    pub fn set_current(&mut self, team: &str) -> Result<(), StorageError> {
        self.kv.set(&format!("{PREFIX}current"), team)
    }

    /// The member this browser acts as in `team`.
    pub fn identity(&self, team: &str) -> Option<String> {
        self.kv.get(&format!("{PREFIX}me/{team}"))
    }

    pub fn set_identity(&mut self, team: &str, member: &str) -> Result<(), StorageError> {
        self.kv.set(&format!("{PREFIX}me/{team}"), member)
    }

    /// The document heads a teammate last sent us (what they are known to
    /// have); empty when they never did or what is stored is unreadable.
    pub fn peer_heads(&self, team: &str, member: &str) -> Vec<automerge::ChangeHash> {
        let Some(v) = self.kv.get(&Self::peer_key(team, member)) else {
            return Vec::new();
        };
        let heads: Result<Vec<_>, _> = v.split_whitespace().map(str::parse).collect();
        heads.unwrap_or_default()
    }

    pub fn set_peer_heads(
        &mut self,
        team: &str,
        member: &str,
        heads: &[automerge::ChangeHash],
    ) -> Result<(), StorageError> {
        let v: Vec<String> = heads.iter().map(ToString::to_string).collect();
        self.kv.set(&Self::peer_key(team, member), &v.join(" "))
    }

    /// What this browser keeps about `team` for itself.
    pub fn device(&self, team: &str) -> DeviceNotes {
        DeviceNotes::parse(self.kv.get(&Self::device_key(team)).as_deref())
    }

    pub fn set_device(&mut self, team: &str, notes: &DeviceNotes) -> Result<(), StorageError> {
        self.kv.set(&Self::device_key(team), &notes.to_json())
    }

    fn device_key(team: &str) -> String {
        format!("{PREFIX}device/{team}")
    }

    fn peer_key(team: &str, member: &str) -> String {
        format!("{PREFIX}team/{team}/peer/{member}")
    }

    /// (characters `team` takes in the store, keys and values; characters
    /// everything in the store takes, ours or not: the browser's limit is
    /// per site, whoever wrote the data), in one pass over the store.
    pub fn chars_used(&self, team: &str) -> (usize, usize) {
        let prefix = format!("{PREFIX}team/{team}/");
        let (mut ours, mut all) = (0, 0);
        for k in self.kv.keys() {
            let n = k.chars().count() + self.kv.chars(&k);
            all += n;
            if k.starts_with(&prefix) {
                ours += n;
            }
        }
        (ours, all)
    }

    /// Whether a team with this id is stored here.
    pub fn contains(&self, team: &str) -> bool {
        self.kv.has(&Self::doc_key(team))
    }

    /// Whether a storage key (as another tab reports it) concerns `team`:
    /// its document, increments, or the list of teams.
    pub fn concerns(key: &str, team: &str) -> bool {
        key == Self::doc_key(team)
            || key.starts_with(&Self::chunk_prefix(team))
            || key == format!("{PREFIX}teams")
    }

    /// Where the team's snapshot is kept (in the browser, a key of the
    /// IndexedDB cache: see `storage/local.rs`).
    pub fn snapshot_key(team: &str) -> String {
        format!("{PREFIX}team/{team}/snapshot")
    }

    /// What `open` holds, as stored: what a snapshot taken of it covers.
    pub fn covers(open: &OpenTeam) -> Covers {
        Covers {
            doc: open.doc_fingerprint,
            chunks: open.chunks.iter().cloned().collect(),
        }
    }

    /// What is stored for `team` now (`None`: no full save).
    pub fn stored_covers(&self, team: &str) -> Option<Covers> {
        let b64 = self.kv.get(&Self::doc_key(team))?;
        Some(Covers {
            doc: fingerprint(&b64),
            chunks: self.chunk_keys(team),
        })
    }

    /// Keeps `team` (as `open` holds it) as the team's snapshot, to paint
    /// from on the next visit. Only a cache: when storage has no room for
    /// it, it is dropped, and room stays for edits.
    pub fn keep_snapshot(
        &mut self,
        open: &OpenTeam,
        team: &Team,
        flagged: &[RecordRef],
    ) -> Result<(), StorageError> {
        let key = Self::snapshot_key(&team.team_id);
        if open.has_unsaved() || open.doc.team_id() != team.team_id {
            self.kv.remove(&key);
            return Ok(());
        }
        let json = snapshot::encode(team, flagged, &Self::covers(open));
        self.kv
            .set(&key, &json)
            .inspect_err(|_| self.kv.remove(&key))
    }

    /// Whether the team's snapshot was taken from exactly what is stored
    /// now (read without building the team).
    pub fn snapshot_current(&self, team: &str) -> bool {
        let (Some(json), Some(now)) = (
            self.kv.get(&Self::snapshot_key(team)),
            self.stored_covers(team),
        ) else {
            return false;
        };
        snapshot::covers_of(&json).is_some_and(|c| c.same_as(&now))
    }

    /// The team as its snapshot has it — only if the snapshot was taken
    /// from exactly what is stored now.
    pub fn snapshot(&self, team: &str) -> Result<Snapshot, SnapshotError> {
        let json = self
            .kv
            .get(&Self::snapshot_key(team))
            .ok_or(SnapshotError::Unreadable)?;
        let now = self.stored_covers(team).ok_or(SnapshotError::Stale)?;
        snapshot::decode(&json, team, &now)
    }

    /// Stores a team that is new to this browser, as one full save.
    pub fn add(&mut self, mut doc: TeamDocument, name: &str) -> Result<OpenTeam, StorageError> {
        let team = doc.team_id().to_string();
        let b64 = STANDARD.encode(doc.save());
        self.kv.set(&Self::doc_key(&team), &b64)?;
        self.remember_name(&team, name)?;
        Ok(OpenTeam {
            doc,
            chunks: BTreeSet::new(),
            chunk_bytes: 0,
            unsaved: Vec::new(),
            doc_fingerprint: fingerprint(&b64),
            doc_chars: b64.len(),
        })
    }

    fn chunk_keys(&self, team: &str) -> Vec<String> {
        let prefix = Self::chunk_prefix(team);
        let mut keys: Vec<String> = self
            .kv
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(&prefix))
            .collect();
        crate::model::order::sort(&mut keys);
        keys
    }

    /// Opens a stored team. On failure nothing is written: the stored data
    /// stays as it was, for the person to download or for a newer version.
    pub fn open(&self, team: &str) -> Result<(OpenTeam, Team), StoreError> {
        let stored = self.read_stored(team)?;
        let (doc, content) =
            TeamDocument::load_parts(&stored.full, stored.parts.iter().map(Vec::as_slice))
                .map_err(StoreError::Damaged)?;
        if doc.team_id() != team {
            return Err(StoreError::Damaged(LoadError::BadShape(
                "the stored document belongs to another team".into(),
            )));
        }
        Ok((stored.into_open(doc), content))
    }

    /// Opens the team's document when what is stored is exactly what
    /// `snapshot` was taken from, without reading the team from it again
    /// (the trusted snapshot is that team); `None` when the stored data
    /// changed since (another tab wrote), and the team must be read.
    pub fn open_known(
        &self,
        team: &str,
        snapshot: &Covers,
        flagged: Vec<RecordRef>,
    ) -> Result<Option<OpenTeam>, StoreError> {
        let stored = self.read_stored(team)?;
        if !stored.covers().same_as(snapshot) {
            return Ok(None);
        }
        let doc = TeamDocument::load_parts_known(
            &stored.full,
            stored.parts.iter().map(Vec::as_slice),
            team,
            flagged,
        )
        .map_err(StoreError::Damaged)?;
        Ok(Some(stored.into_open(doc)))
    }

    /// The full save and the increments stored for `team`, decoded.
    fn read_stored(&self, team: &str) -> Result<Stored, StoreError> {
        let b64 = self
            .kv
            .get(&Self::doc_key(team))
            .ok_or(StoreError::NotFound)?;
        let full = decode(&b64).map_err(StoreError::Damaged)?;
        let keys = self.chunk_keys(team);
        let mut parts = Vec::with_capacity(keys.len());
        for key in &keys {
            parts.push(decode(&self.kv.get(key).unwrap_or_default()).map_err(StoreError::Damaged)?);
        }
        Ok(Stored {
            fingerprint: fingerprint(&b64),
            chars: b64.len(),
            full,
            keys,
            parts,
        })
    }

    /// Everything stored for a team, full save then increments, as one
    /// loadable byte string: what a checking worker starts from.
    pub fn stored_bytes(&self, team: &str) -> Option<Vec<u8>> {
        let mut all = decode(&self.kv.get(&Self::doc_key(team))?).ok()?;
        for key in self.chunk_keys(team) {
            all.extend(decode(&self.kv.get(&key).unwrap_or_default()).ok()?);
        }
        Some(all)
    }

    /// The raw stored data of a team, for a person to download when it
    /// cannot be opened.
    pub fn raw(&self, team: &str) -> Vec<u8> {
        let text = self.kv.get(&Self::doc_key(team)).unwrap_or_default();
        decode(&text).unwrap_or_else(|_| text.into_bytes())
    }

    /// Writes the edits made since the last call. Cheap: only the new
    /// changes are written, and the full save is rewritten now and then.
    /// When storage refuses, the edits are kept and retried on the next call.
    pub fn persist(&mut self, open: &mut OpenTeam) -> Result<(), StorageError> {
        let fresh = open.doc.save_incremental();
        open.unsaved.extend_from_slice(&fresh);
        if open.unsaved.is_empty() {
            return Ok(());
        }
        let team = open.doc.team_id().to_string();
        self.counter += 1;
        let key = format!(
            "{}{}/{:08}",
            Self::chunk_prefix(&team),
            self.session,
            self.counter
        );
        let b64 = STANDARD.encode(&open.unsaved);
        let mut written = self.kv.set(&key, &b64);
        if written.is_err() && self.kv.has(&Self::snapshot_key(&team)) {
            // The snapshot is only a cache: edits come first.
            self.kv.remove(&Self::snapshot_key(&team));
            written = self.kv.set(&key, &b64);
        }
        if let Err(e) = written {
            // Storage may be full of our own increments: compacting frees it.
            return self.compact(open).map_err(|_| e);
        }
        open.chunk_bytes += open.unsaved.len();
        open.unsaved.clear();
        open.chunks.insert(key);
        // Compacting costs a save of the whole document: on a large team it
        // waits for proportionally more edits, so its cost per edit stays flat.
        let scale = open.doc_chars / 2048;
        if open.chunks.len() >= COMPACT_AFTER_CHUNKS.max(scale)
            || open.chunk_bytes >= COMPACT_AFTER_BYTES.max(open.doc_chars / 4)
        {
            self.compact(open)?;
        }
        Ok(())
    }

    /// Replaces the full save with one holding everything, then drops the
    /// increments it now contains. What other tabs stored is merged first,
    /// so it is never dropped.
    pub fn compact(&mut self, open: &mut OpenTeam) -> Result<(), StorageError> {
        // Another tab's data that cannot be read is left in place for it.
        let _ = self.refresh(open);
        let team = open.doc.team_id().to_string();
        let b64 = STANDARD.encode(open.doc.save());
        self.kv.set(&Self::doc_key(&team), &b64)?;
        open.doc_fingerprint = fingerprint(&b64);
        open.doc_chars = b64.len();
        open.unsaved.clear();
        for key in std::mem::take(&mut open.chunks) {
            self.kv.remove(&key);
        }
        open.chunk_bytes = 0;
        Ok(())
    }

    /// Merges in what other tabs stored since we last looked. Returns
    /// whether anything new arrived. Everything new is merged in one go, as
    /// one tab's increments may build on another's.
    pub fn refresh(&mut self, open: &mut OpenTeam) -> Result<bool, LoadError> {
        self.refresh_changes(open).map(|m| m.is_some())
    }

    /// Like [`Self::refresh`], saying which records what arrived touched.
    pub fn refresh_changes(&mut self, open: &mut OpenTeam) -> Result<Option<Changed>, LoadError> {
        let team = open.doc.team_id().to_string();
        let mut fresh = Vec::new();
        let mut new_fingerprint = None;
        if let Some(b64) = self.kv.get(&Self::doc_key(&team)) {
            let fp = fingerprint(&b64);
            if fp != open.doc_fingerprint {
                fresh.extend(decode(&b64)?);
                new_fingerprint = Some(fp);
            }
        }
        let mut new_keys = Vec::new();
        for key in self.chunk_keys(&team) {
            if open.chunks.contains(&key) {
                continue;
            }
            if let Some(b64) = self.kv.get(&key) {
                fresh.extend(decode(&b64)?);
                new_keys.push(key);
            }
        }
        if fresh.is_empty() {
            return Ok(None);
        }
        let before = open.doc.heads();
        let merged = open.doc.merge_changes(&fresh)?;
        if let Some(fp) = new_fingerprint {
            open.doc_fingerprint = fp;
        }
        open.chunk_bytes += fresh.len();
        open.chunks.extend(new_keys);
        Ok((open.doc.heads() != before).then_some(merged))
    }
}
