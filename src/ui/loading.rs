//! Snapshot-first open in the page (see [`crate::session`]'s snapshot
//! module): the team paints from its snapshot, the document loads once the
//! page has painted — or at once when anything reaches the session first —
//! and the snapshot is kept again for the next visit when the page is
//! hidden and soon after opening.

use std::time::Duration;

use leptos::prelude::*;

use super::state::AppState;
use crate::session::{Loaded, Session};

/// How long after the first frame the document starts loading: the
/// load holds the main thread (a large team's takes seconds), so the
/// painted page is shown, and measured, first.
const LOAD_AFTER: Duration = Duration::from_millis(50);

/// How long after opening the snapshot is written again (it reads the
/// whole team: not while the person starts working).
const KEEP_AFTER: Duration = Duration::from_secs(3);

impl AppState {
    /// Loads a team shown from its snapshot and shows what only the
    /// document knows (its conflicts). Does nothing otherwise.
    pub(super) fn finish_loading(&self) {
        let deferred = self
            .session
            .try_with_value(Session::is_deferred)
            .unwrap_or(false);
        if !deferred {
            return;
        }
        // Measured whatever loads it: the page once it has painted, or an
        // edit typed before that.
        let _span = super::browser::Span::new("document-ready");
        let Some(result) = self
            .session
            .try_update_value(Session::finish_open)
            .flatten()
        else {
            return;
        };
        match result {
            Ok(Loaded::AsPainted { conflicts }) => self.conflicts.set(conflicts),
            Ok(Loaded::Read(o)) => {
                let o = *o;
                self.me.set(o.me);
                if self.team.with_untracked(|t| t.as_ref() != Some(&o.team)) {
                    self.set_team(Some(o.team));
                }
                self.conflicts.set(o.conflicts);
            }
            Err(d) => self.show_open(Err(d)),
        }
    }

    fn keep_snapshot(&self) {
        self.session.try_update_value(Session::keep_snapshot);
    }
}

/// After the first paint: the document loads; a little later the snapshot
/// is kept; and again whenever the page is hidden (closed, switched away).
pub fn start(state: AppState) {
    request_animation_frame(move || {
        set_timeout(move || state.finish_loading(), LOAD_AFTER);
    });
    set_timeout(move || state.keep_snapshot(), KEEP_AFTER);
    let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Hidden);
        if hidden {
            state.keep_snapshot();
        }
    });
}
