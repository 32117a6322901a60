//! A team session: the open team's document and its storage, and every
//! operation the app performs on them — open, create, edit, import a file
//! or link, join, take in another tab's edits, make a file or link for a
//! teammate — each returning an outcome value. Native and browser-free,
//! generic over the key-value store, so every rule is tested natively; the
//! UI only maps outcomes onto signals.

pub mod address;
mod import;
mod outcome;
mod seal;
mod send;
mod snapshot;
mod undo;
pub mod vet;

use std::collections::BTreeSet;

use automerge::ChangeHash;

use crate::{
    model::{
        conflicts::{Conflict, ConflictValue},
        EditError, Stamp, TeamDocument,
    },
    storage::{KeyValue, OpenTeam, StoredTeam, TeamStore},
};

pub use outcome::{Damaged, Edited, Fresh, Imported, Loaded, Opened, Payload, Say};
pub use seal::{is_sealed_input, unseal};
pub use undo::{Undoable, UNDO_DEPTH};

/// Starts and ends a named measurement (the browser records it as a
/// `performance.measure`); what it returns is dropped when the work ends.
pub type Timer = fn(&'static str) -> Box<dyn std::any::Any>;

pub struct Session<K: KeyValue> {
    store: TeamStore<K>,
    open: Option<OpenTeam>,
    me: Option<String>,
    timer: Option<Timer>,
    /// Decisions that merges in this tab brought and the authority check
    /// questioned, by decision id (kept until settled or another team opens).
    flagged: BTreeSet<String>,
    /// The open team's passphrase, when this tab knows it.
    passphrase: Option<String>,
    /// Milliseconds since 1970 (the browser's clock; tests move it).
    clock: fn() -> f64,
    /// This tab's last actions on the open team that can be undone.
    undo: Vec<Undoable>,
    /// A team shown from its snapshot whose document is not loaded yet.
    deferred: Option<snapshot::Deferred>,
    /// A team whose snapshot storage refused in this tab: not tried again.
    snapshot_refused: Option<String>,
}

/// The system's clock: `Date.now()` in the browser.
fn system_now() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_millis() as f64)
    }
}

impl<K: KeyValue> Session<K> {
    pub fn new(kv: K) -> Self {
        Session {
            store: TeamStore::new(kv),
            open: None,
            me: None,
            timer: None,
            flagged: BTreeSet::new(),
            passphrase: None,
            clock: system_now,
            undo: Vec::new(),
            deferred: None,
            snapshot_refused: None,
        }
    }

    /// Reads the time from `clock` (milliseconds since 1970).
    pub fn with_clock(mut self, clock: fn() -> f64) -> Self {
        self.clock = clock;
        self
    }

    /// Now, by the session's clock.
    pub fn now_ms(&self) -> f64 {
        (self.clock)()
    }

    /// Measures persisting, importing and opening with `timer`.
    pub fn with_timer(mut self, timer: Timer) -> Self {
        self.timer = Some(timer);
        self
    }

    fn span(&self, what: &'static str) -> Option<Box<dyn std::any::Any>> {
        self.timer.map(|t| t(what))
    }

    pub fn store(&self) -> &TeamStore<K> {
        &self.store
    }

    pub fn store_mut(&mut self) -> &mut TeamStore<K> {
        &mut self.store
    }

    /// The teams stored in this browser.
    pub fn teams(&self) -> Vec<StoredTeam> {
        self.store.teams()
    }

    /// The team to open on arrival: the one last open, else the first.
    pub fn start(&mut self) -> Option<Result<Opened, Damaged>> {
        let id = self.first_team()?;
        Some(self.open(&id))
    }

    fn first_team(&self) -> Option<String> {
        self.store.first_team()
    }

    /// The open team's id (also while it is shown from its snapshot).
    pub fn team_id(&self) -> Option<&str> {
        self.open
            .as_ref()
            .map(|o| o.doc.team_id())
            .or(self.deferred.as_ref().map(|d| d.id.as_str()))
    }

    pub fn me(&self) -> Option<&str> {
        self.me.as_deref()
    }

    /// Opens a stored team, or says why it cannot be opened. A team that
    /// cannot be opened is closed here and its data left untouched.
    pub fn open(&mut self, id: &str) -> Result<Opened, Damaged> {
        let _span = self.span("open");
        self.deferred = None;
        match self.store.open(id) {
            Ok((mut open, team)) => {
                let me = self
                    .store
                    .identity(id)
                    .filter(|m| team.members.contains_key(m));
                let _ = self.store.set_current(id);
                let _ = self.store.remember_name(id, &team.profile.name);
                let conflicts = open.doc.conflicts();
                self.open = Some(open);
                self.flagged.clear();
                self.undo.clear();
                self.me = me.clone();
                self.opened_here(self.now_ms());
                Ok(Opened {
                    team,
                    me,
                    conflicts,
                })
            }
            Err(e) => {
                let name = self
                    .store
                    .teams()
                    .into_iter()
                    .find(|t| t.id == id)
                    .map(|t| t.name)
                    .unwrap_or_else(|| "This team".to_string());
                self.open = None;
                self.me = None;
                self.passphrase = None;
                Err(Damaged {
                    team_id: id.to_string(),
                    name,
                    message: e.to_string(),
                })
            }
        }
    }

    /// Stores a new team document and opens it as `me`.
    pub fn adopt(&mut self, doc: TeamDocument, me: &str) -> Result<Opened, String> {
        let id = doc.team_id().to_string();
        let name = doc.profile().map(|p| p.name).unwrap_or_default();
        self.store.add(doc, &name).map_err(|e| e.to_string())?;
        self.store
            .set_identity(&id, me)
            .map_err(|e| e.to_string())?;
        self.store.set_current(&id).map_err(|e| e.to_string())?;
        self.open(&id).map_err(|d| d.message)
    }

    /// A new team with `founder` as its first member, stored and open.
    pub fn create(
        &mut self,
        name: &str,
        purpose: &str,
        founder: &str,
        today: &str,
        now_ms: i64,
    ) -> Result<Opened, String> {
        let (doc, me) = TeamDocument::create(name, purpose, founder, today, now_ms)
            .map_err(|e| e.to_string())?;
        self.adopt(doc, &me)
    }

    /// The example team, stored and open.
    pub fn open_example(&mut self, today: &str) -> Result<Opened, String> {
        let midnight = crate::model::date::to_days(today).unwrap_or(0) * 86_400_000;
        let (doc, me) =
            crate::model::example::example_team(today, midnight).map_err(|e| e.to_string())?;
        self.adopt(doc, &me)
    }

    /// Says which member this browser is in the open team.
    pub fn set_me(&mut self, member: Option<String>) {
        if let (Some(team), Some(m)) = (self.team_id(), member.as_deref()) {
            let team = team.to_string();
            let _ = self.store.set_identity(&team, m);
        }
        self.me = member;
    }

    /// Applies one edit as the member this browser is, persists it at once
    /// and reads back what it touched. A refused edit changes nothing.
    pub fn edit<T>(
        &mut self,
        at_ms: i64,
        f: impl FnOnce(&mut TeamDocument, &Stamp) -> Result<T, EditError>,
    ) -> Result<Edited<T>, EditError> {
        self.ready();
        let stamp = Stamp::new(self.me.as_deref(), at_ms);
        let Some(open) = self.open.as_mut() else {
            return Err(EditError::Invalid("No team is open.".into()));
        };
        let value = f(&mut open.doc, &stamp)?;
        let changed = open.doc.take_changed();
        let storage = {
            let _span = self.timer.map(|t| t("persist"));
            self.store.persist(open).err()
        };
        let fresh =
            Fresh::read(&mut open.doc, &changed).map_err(|e| EditError::Document(e.to_string()))?;
        if changed.profile {
            if let Ok(p) = open.doc.profile() {
                let id = open.doc.team_id().to_string();
                let _ = self.store.remember_name(&id, &p.name);
            }
        }
        Ok(Edited {
            value,
            fresh,
            storage,
            renamed: changed.profile,
        })
    }

    /// Keeps one of a conflict's values.
    pub fn resolve(
        &mut self,
        at_ms: i64,
        conflict: &Conflict,
        pick: &ConflictValue,
    ) -> Result<Edited<()>, EditError> {
        self.edit(at_ms, |doc, s| doc.resolve_conflict(s, conflict, pick))
    }

    /// Adds the person using this browser as a new member and acts as them.
    pub fn add_me(
        &mut self,
        name: &str,
        today: &str,
        at_ms: i64,
    ) -> Result<Edited<String>, EditError> {
        let edited = self.edit(at_ms, |doc, s| doc.add_member(s, name, today))?;
        self.set_me(Some(edited.value.clone()));
        Ok(edited)
    }

    /// Takes in what other tabs of this browser stored for the open team.
    /// `None` when nothing new arrived.
    pub fn refresh_from_storage(&mut self) -> Result<Option<Fresh>, String> {
        self.ready();
        let Some(open) = self.open.as_mut() else {
            return Ok(None);
        };
        let fresh = match self.store.refresh_changes(open) {
            Ok(Some(changed)) => Fresh::read(&mut open.doc, &changed).map_err(|e| e.to_string())?,
            Ok(None) => return Ok(None),
            Err(e) => return Err(e.to_string()),
        };
        // Another tab may have taken in a teammate's file: its decisions are
        // checked here too.
        if let Fresh::Records { patch, .. } = &fresh {
            let ds = patch.decisions.values().flatten().cloned().collect();
            let rs = patch.roles.keys().cloned().collect();
            let flags = import::check_touched(&mut open.doc, ds, &rs);
            self.flag(&flags);
        }
        Ok(Some(fresh))
    }

    /// Whether some edits live only in memory because storage refused them.
    pub fn has_unsaved(&self) -> bool {
        self.open.as_ref().is_some_and(OpenTeam::has_unsaved)
    }

    /// Writes edits that storage refused before, now that there may be room.
    pub fn retry_unsaved(&mut self) -> Option<crate::storage::StorageError> {
        self.ready();
        let open = self.open.as_mut()?;
        if !open.has_unsaved() {
            return None;
        }
        self.store.persist(open).err()
    }

    /// The open team as stored (full save, then increments): what a
    /// checking worker holds to try imports against.
    pub fn stored_team(&self) -> Option<(String, Vec<u8>)> {
        let id = self.team_id()?.to_string();
        let bytes = self.store.stored_bytes(&id)?;
        Some((id, bytes))
    }

    /// The open team's changes made after `heads`, when it has them all:
    /// what a checking worker holding `heads` lacks.
    pub fn changes_after(&mut self, heads: &[ChangeHash]) -> Option<Vec<u8>> {
        self.ready();
        let doc = &mut self.open.as_mut()?.doc;
        if !heads.iter().all(|h| doc.has_change(h)) {
            return None;
        }
        Some(doc.save_after_bytes(heads))
    }

    /// The authority check of one decision of the open team.
    pub fn check_authority(&mut self, id: &str) -> Option<crate::model::authority::Flag> {
        self.ready();
        let doc = &mut self.open.as_mut()?.doc;
        let d = doc.decision(id)?;
        doc.check_authority(&d)
    }

    /// The decisions merges in this tab brought that are still questioned.
    pub fn authority_flags(&mut self) -> Vec<crate::model::authority::Flag> {
        // Flags come only from merges in this tab: none to check, nothing
        // to load.
        if self.flagged.is_empty() {
            return Vec::new();
        }
        self.ready();
        let ids: Vec<String> = self.flagged.iter().cloned().collect();
        let flags: Vec<_> = ids
            .iter()
            .filter_map(|id| self.check_authority(id))
            .collect();
        self.flagged = flags.iter().map(|f| f.decision.clone()).collect();
        flags
    }

    /// Remembers the decisions a merge brought that the check questions.
    pub(crate) fn flag(&mut self, flags: &[crate::model::authority::Flag]) {
        self.flagged
            .extend(flags.iter().map(|f| f.decision.clone()));
    }

    /// The open team as it was at the end of `day`: `Ok(None)` before it
    /// began, or with no team open.
    pub fn team_on(
        &mut self,
        day: &str,
    ) -> Result<Option<crate::model::Team>, crate::model::LoadError> {
        self.ready();
        let _t = self.timer.map(|t| t("past"));
        match (self.open.as_mut(), crate::model::date::end_of_day_ms(day)) {
            (Some(open), Some(until)) => open.doc.team_as_of(until),
            _ => Ok(None),
        }
    }

    /// Who changed which field of a record of the open team, and when.
    pub fn record_history(
        &mut self,
        c: crate::model::Collection,
        id: &str,
    ) -> Vec<crate::model::document::FieldChange> {
        self.ready();
        let _t = self.timer.map(|t| t("record-history"));
        match self.open.as_mut() {
            Some(open) => open.doc.record_history(c, id),
            None => Vec::new(),
        }
    }

    /// The days on which the open team changed, oldest first.
    pub fn change_days(&mut self) -> Vec<String> {
        self.ready();
        let Some(open) = self.open.as_mut() else {
            return Vec::new();
        };
        let mut days: Vec<String> = open
            .doc
            .history()
            .into_iter()
            .map(|(_, secs)| crate::model::date::from_unix_ms(secs.saturating_mul(1000)))
            .collect();
        crate::model::order::sort(&mut days);
        days.dedup();
        days
    }

    /// Who changed the open team after the end of `day`, as member ids.
    pub fn authors_since(&mut self, day: &str) -> Vec<String> {
        self.ready();
        match (self.open.as_mut(), crate::model::date::end_of_day_ms(day)) {
            (Some(open), Some(from)) => open.doc.authors_between(from, i64::MAX),
            _ => Vec::new(),
        }
    }

    /// The stored bytes of a team that could not be opened.
    pub fn raw_bytes(&self, team: &str) -> Vec<u8> {
        self.store.raw(team)
    }

    /// (characters the open team takes, characters all teams take) in storage.
    pub fn storage_use(&self) -> (usize, usize) {
        let team = self.team_id().unwrap_or_default();
        self.store.chars_used(team)
    }
}
