//! The storage side of the app's state: another tab's edits, edits that
//! storage refused, and the figures the storage panel shows.

use leptos::prelude::*;

use super::state::{AppState, Notice};
use crate::session::Session;

impl AppState {
    /// Another tab stored edits to this team: merge them in.
    pub fn on_storage_changed(&self) {
        match self.with(Session::refresh_from_storage) {
            Some(Ok(Some(fresh))) => self.show(fresh),
            Some(Err(msg)) => self.say(Notice::Error(format!(
                "Edits made in another tab could not be read: {msg}"
            ))),
            _ => {}
        }
        self.refresh_teams();
    }

    pub(super) fn after_write(&self, refused: bool) {
        let pending = self
            .session
            .try_with_value(Session::has_unsaved)
            .unwrap_or(false);
        self.unsaved.set(refused || pending);
        self.writes.update(|n| *n += 1);
    }

    /// (characters this team takes, characters all teams take) in storage.
    pub fn storage_use(&self) -> (usize, usize) {
        self.session
            .try_with_value(Session::storage_use)
            .unwrap_or_default()
    }
}
