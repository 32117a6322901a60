//! Undo in the page: an *Undo* notice after each action that takes
//! something away (instead of asking "are you sure?"), the header's
//! *Undo* button, and Ctrl+Z (⌘Z) outside fields — inside a field the
//! browser's own undo of typing stays.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{
    browser,
    state::{AppState, Notice},
};
use crate::model::{edits::UndoPoint, EditError, Stamp, TeamDocument};

impl AppState {
    /// Like [`AppState::edit`], for an action that can be undone; says
    /// so with an *Undo* notice.
    pub fn edit_undoable<T>(
        &self,
        point: UndoPoint,
        f: impl FnOnce(&mut TeamDocument, &Stamp) -> Result<T, EditError>,
    ) -> Option<T> {
        let _span = browser::Span::new("edit");
        let now = browser::now_ms();
        let value = self.edited(|s| s.edit_undoable(now, &point, f))?;
        self.offer_undo();
        if let Some(words) = self.undo_next.get_untracked() {
            if !matches!(self.notice.get_untracked(), Some(Notice::Error(_))) {
                self.say(Notice::Done(format!("Done: {words}.")));
            }
        }
        Some(value)
    }

    /// Undoes this tab's latest action that can be undone.
    pub fn undo(&self) {
        let now = browser::now_ms();
        match self.with(|s| s.undo_last(now)).flatten() {
            Some(Ok((edited, words))) => {
                self.show_edit(edited);
                if !matches!(self.notice.get_untracked(), Some(Notice::Error(_))) {
                    self.say(Notice::Info(format!("Undone: {words}.")));
                }
            }
            Some(Err(e)) => self.say(Notice::Error(format!("That could not be undone: {e}"))),
            None => {}
        }
        self.offer_undo();
    }

    /// Shows what *Undo* would undo now.
    pub(super) fn offer_undo(&self) {
        let next = self
            .session
            .try_with_value(|s| s.next_undo().map(str::to_string))
            .flatten();
        if self.undo_next.get_untracked() != next {
            self.undo_next.set(next);
        }
    }
}

/// The header's *Undo*, shown while there is something to undo; Ctrl+Z
/// or ⌘Z anywhere outside a field.
#[component]
pub fn UndoButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Another team opened: its list starts empty.
    let team = Memo::new(move |_| state.team.with(|t| t.as_ref().map(|t| t.team_id.clone())));
    Effect::new(move |_| {
        super::derive::follow(team);
        state.offer_undo();
    });
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        let z = ev.key() == "z" || ev.key() == "Z";
        if !z || !(ev.ctrl_key() || ev.meta_key()) || ev.shift_key() || ev.alt_key() {
            return;
        }
        if in_field(ev.target()) || state.undo_next.get_untracked().is_none() {
            return;
        }
        ev.prevent_default();
        state.undo();
    });
    on_cleanup(move || handle.remove());
    move || {
        state.undo_next.get().map(|words| {
            view! {
                <button type="button" class="undo" aria-keyshortcuts="Control+Z Meta+Z"
                    title=format!("Undo {words}")
                    on:click=move |_| state.undo()>"Undo"</button>
            }
        })
    }
}

/// Whether an event comes from a place where typing happens.
fn in_field(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable()
}
