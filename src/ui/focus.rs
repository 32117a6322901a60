//! Where focus goes when a screen or a record opens: to its heading at
//! the top of the page, or, for a record just added, to the first field
//! to fill; and back to the heading when editing ends.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// The record just added, which opens for editing.
    static NEW: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Says the record `id` was just added (it opens in its editor).
pub fn marked_new(id: String) -> String {
    NEW.with_borrow_mut(|n| *n = Some(id.clone()));
    id
}

/// Whether `id` was just added (asked once, when its screen opens).
pub fn take_new(id: &str) -> bool {
    NEW.with_borrow_mut(|n| {
        let was = n.as_deref() == Some(id);
        if was {
            *n = None;
        }
        was
    })
}

fn element(selector: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .query_selector(selector)
        .ok()??
        .dyn_into()
        .ok()
}

/// After the next paint: the page at its top and focus on the main
/// heading, or on the first field of an editor open for a new record.
pub fn screen_opened() {
    request_animation_frame(|| {
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
        if let Some(field) = element("main [data-new] textarea") {
            let _ = field.focus();
        } else {
            heading();
        }
    });
}

/// Focus on the screen's heading (made focusable for it).
pub fn heading() {
    if let Some(h) = element("main h2") {
        let _ = h.set_attribute("tabindex", "-1");
        let _ = h.focus();
    }
}

/// After the next paint: focus on the first field of the open editor.
pub fn first_field() {
    request_animation_frame(|| {
        if let Some(f) = element(
            "main [data-editor] input, main [data-editor] textarea, main [data-editor] select",
        ) {
            let _ = f.focus();
        }
    });
}

/// After the next paint: focus back on the heading (editing ended).
pub fn back_to_heading() {
    request_animation_frame(heading);
}

/// The Edit / Done control of a record, and its shortcuts: `e` anywhere
/// outside a field opens the editor, Escape closes it.
#[component]
pub fn EditToggle(editing: RwSignal<bool>, what: &'static str) -> impl IntoView {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        // Escape ends editing, wherever focus is in the editor.
        if ev.key() == "Escape" && editing.get_untracked() {
            editing.set(false);
            back_to_heading();
            return;
        }
        if ev.key() != "e" || editing.get_untracked() {
            return;
        }
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || el.closest("[contenteditable]").ok().flatten().is_some()
            });
        if !typing {
            ev.prevent_default();
            editing.set(true);
            first_field();
        }
    });
    on_cleanup(move || handle.remove());
    view! {
        <div class="record-actions no-print">
            <button
                type="button"
                class=move || if editing.get() { "" } else { "primary" }
                aria-keyshortcuts=move || if editing.get() { "Escape" } else { "e" }
                on:click=move |_| {
                    let now = !editing.get_untracked();
                    editing.set(now);
                    if now { first_field() } else { back_to_heading() }
                }
            >
                {move || if editing.get() { "Done editing".to_string() } else { format!("Edit {what}") }}
            </button>
            <button type="button" on:click=|_| super::browser::print()>{format!("Print {what}")}</button>
        </div>
    }
}
