//! The screens, in Leptos. They read the team through [`state::AppState`]
//! and change it only through its `edit`, which persists every change.

mod browser;
mod conflicts;
mod decisions;
mod fields;
mod filters;
mod goals;
mod identity;
mod members;
mod notice;
mod offline;
mod overview;
mod roles;
mod share;
mod shell;
pub mod state;
mod welcome;
mod who_decides;
mod workflow;

use leptos::prelude::*;

use shell::TeamShell;
use state::{AppState, Notice, Screen};
use welcome::Welcome;

#[component]
fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    let update_ready = RwSignal::new(false);
    offline::register(update_ready);
    leptos::task::spawn_local(async move {
        state.persisted.set(offline::request_persistence().await);
    });
    // Another tab of this site stored edits: merge them instead of
    // overwriting them later.
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().is_none_or(|k| k.starts_with("roundtable/")) {
            state.on_storage_changed();
        }
    });
    // A teammate's link: the team travels in the fragment. It is merged (or
    // joined), then removed from the address bar.
    let take_link = move || {
        let fragment = browser::fragment();
        if !crate::share::link::is_team_fragment(&fragment) {
            return;
        }
        browser::clear_fragment();
        match crate::share::decode_link(&fragment) {
            Ok(link) => state.import_from(link.bytes, link.from),
            Err(e) => state.say(Notice::Error(format!("Nothing was imported. {e}"))),
        }
    };
    take_link();
    // A bookmarked view of the decision log opens on it.
    if !state.filter.with_untracked(|f| f.is_empty()) && state.team.with_untracked(Option::is_some)
    {
        state.screen.set(Screen::Decisions);
    }
    let _ = window_event_listener(leptos::ev::hashchange, move |_| take_link());
    // Only whether a team is open matters here: reading the team itself
    // would rebuild every screen, and lose focus, on each keystroke.
    let show_welcome = Memo::new(move |_| {
        state.screen.get() == Screen::Welcome || state.team.with(Option::is_none)
    });
    view! {
        <offline::UpdateBanner update_ready=update_ready />
        {move || {
            if show_welcome.get() {
                view! { <Welcome /> }.into_any()
            } else {
                view! { <TeamShell /> }.into_any()
            }
        }}
    }
}

/// Mounts the app on the page.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
    // Shown by the page itself while the app loads and opens a large team.
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("starting"))
    {
        el.remove();
    }
}
