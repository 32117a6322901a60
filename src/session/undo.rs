//! This tab's undo list: the last actions that took something away, each
//! with the values that bring it back (see [`crate::model::edits::Undo`]).
//! Kept in memory per tab and per open team, as a person expects of
//! *Undo*: it is their own last actions, not their teammates'.

use super::{Edited, Session};
use crate::{
    model::{
        edits::{Undo, UndoPoint},
        EditError, Stamp, TeamDocument,
    },
    storage::KeyValue,
};

/// How many actions can be undone, latest first.
pub const UNDO_DEPTH: usize = 50;

/// One action that can be undone, and what undoing it does in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Undoable {
    pub undo: Undo,
    pub words: String,
}

impl<K: KeyValue> Session<K> {
    /// Like [`Session::edit`], for an action that takes something away:
    /// what undoes it is read first and kept once the action succeeded.
    pub fn edit_undoable<T>(
        &mut self,
        at_ms: i64,
        point: &UndoPoint,
        f: impl FnOnce(&mut TeamDocument, &Stamp) -> Result<T, EditError>,
    ) -> Result<Edited<T>, EditError> {
        self.ready();
        let undo = self
            .open
            .as_ref()
            .map(|o| o.doc.undo_point(point))
            .transpose()?;
        let edited = self.edit(at_ms, f)?;
        if let (Some(undo), Some(open)) = (undo, self.open.as_ref()) {
            let words = undo.describe(&open.doc);
            self.undo.push(Undoable { undo, words });
            if self.undo.len() > UNDO_DEPTH {
                self.undo.remove(0);
            }
        }
        Ok(edited)
    }

    /// What *Undo* would undo now, in words.
    pub fn next_undo(&self) -> Option<&str> {
        self.undo.last().map(|u| u.words.as_str())
    }

    /// How many actions can be undone.
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    /// Undoes the latest action, as a new edit; with what it undid.
    pub fn undo_last(&mut self, at_ms: i64) -> Option<Result<(Edited<()>, String), EditError>> {
        let last = self.undo.pop()?;
        Some(
            self.edit(at_ms, |doc, s| doc.undo(s, &last.undo))
                .map(|e| (e, last.words)),
        )
    }
}
