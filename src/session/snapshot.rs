//! Snapshot-first open: a large team paints from its snapshot (the state
//! the screens read, kept next to the document) and Automerge loads the
//! document afterwards — when the page has painted, or at once when
//! anything needs it (an edit, a merge, a file to send). Until then the
//! team is *deferred*: shown, not yet loaded.

use super::{Damaged, Loaded, Opened, Session};
use crate::model::{snapshot::Covers, RecordRef};
use crate::storage::KeyValue;

/// A team shown from its snapshot, its document not loaded yet.
pub(super) struct Deferred {
    pub(super) id: String,
    /// What a trusted snapshot was taken from (`None`: made by other
    /// reading code, so the team is read from the document too).
    trusted: Option<Covers>,
    flagged: Vec<RecordRef>,
}

impl<K: KeyValue> Session<K> {
    /// Like [`Session::start`], painting from the snapshot when there is a
    /// valid one; the document is loaded by [`Session::finish_open`].
    pub fn start_fast(&mut self) -> Option<Result<Opened, Damaged>> {
        let id = self.first_team()?;
        Some(
            self.open_from_snapshot(&id)
                .map_or_else(|| self.open(&id), Ok),
        )
    }

    /// The stored team `id` as its snapshot has it, if the snapshot is of
    /// exactly what is stored; the document is not loaded yet.
    pub fn open_from_snapshot(&mut self, id: &str) -> Option<Opened> {
        let _span = self.span("open-snapshot");
        let snapshot = self.store.snapshot(id).ok()?;
        let team = snapshot.team;
        let me = self
            .store
            .identity(id)
            .filter(|m| team.members.contains_key(m));
        let _ = self.store.set_current(id);
        self.open = None;
        self.flagged.clear();
        self.undo.clear();
        self.me = me.clone();
        self.deferred = Some(Deferred {
            id: id.to_string(),
            trusted: snapshot.trusted.then_some(snapshot.covers),
            flagged: snapshot.flagged,
        });
        self.opened_here(self.now_ms());
        Some(Opened {
            team,
            me,
            conflicts: Vec::new(),
        })
    }

    /// Whether the open team is shown from its snapshot, not yet loaded.
    pub fn is_deferred(&self) -> bool {
        self.deferred.is_some()
    }

    /// Loads a deferred team's document before anything needs it. The
    /// page loads it first itself (to show its conflicts); this keeps every
    /// operation correct whoever calls it.
    pub(super) fn ready(&mut self) {
        if self.deferred.is_some() {
            let _ = self.finish_open();
        }
    }

    /// Loads the document of a team opened from its snapshot; `None` when
    /// there is nothing to load. A trusted snapshot of what is still
    /// stored stands for the team (reading a large team from its document
    /// holds the page most of a second); otherwise the team is read too.
    pub fn finish_open(&mut self) -> Option<Result<Loaded, Damaged>> {
        let deferred = self.deferred.take()?;
        if let Some(covers) = &deferred.trusted {
            let known = {
                let _span = self.span("open-known");
                self.store
                    .open_known(&deferred.id, covers, deferred.flagged.clone())
            };
            // Otherwise stored data changed since the snapshot (read it
            // all), or it is damaged (opening it in full says how).
            if let Ok(Some(mut open)) = known {
                let conflicts = open.doc.conflicts();
                self.open = Some(open);
                return Some(Ok(Loaded::AsPainted { conflicts }));
            }
        }
        Some(self.open(&deferred.id).map(|o| Loaded::Read(Box::new(o))))
    }

    /// Keeps the open team's snapshot, for the next visit to paint from,
    /// when what is stored changed since the last one. The team is read
    /// from the document (not from the screens), so it is exactly what
    /// the stored data holds.
    pub fn keep_snapshot(&mut self) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        let id = open.doc.team_id().to_string();
        // Reading the whole team is not free: not for a team storage
        // refused a snapshot of in this tab, nor where none can be kept.
        if self.snapshot_refused.as_deref() == Some(id.as_str())
            || !self.store.kv().keeps_cache()
            || self.store.snapshot_current(&id)
        {
            return;
        }
        let _span = self.timer.map(|t| t("keep-snapshot"));
        if let Ok((team, flagged)) = open.doc.team_and_flagged() {
            if self.store.keep_snapshot(open, &team, &flagged).is_err() {
                self.snapshot_refused = Some(id);
            }
        }
    }
}
