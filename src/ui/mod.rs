//! The screens, in Leptos. They read the team through [`state::AppState`]
//! and change it only through its `edit`, which persists every change.

mod agenda;
mod authority;
mod backup;
mod browser;
mod conflicts;
mod decision_record;
mod decisions;
mod derive;
mod export;
mod fields;
mod filters;
mod focus;
mod goals;
mod identity;
mod import_log;
mod insights;
mod loading;
mod meetings;
mod members;
mod notice;
mod offline;
mod options;
mod overview;
mod passphrase;
mod past;
mod recognise;
mod record;
mod record_history;
mod roles;
mod route;
mod screen;
mod share;
mod sharing_state;
mod shell;
pub mod state;
mod storage_state;
mod tensions;
mod undo;
mod vetting;
mod welcome;
mod who_decides;
mod workflow;

use leptos::prelude::*;

use shell::TeamShell;
use state::{AppState, Screen};
use welcome::Welcome;

/// How long a burst of another tab's writes is gathered before merging.
const STORAGE_COALESCE_MS: u64 = 40;

#[component]
fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    identity::provide_member_choices(state);
    let update_ready = RwSignal::new(false);
    offline::register(update_ready);
    leptos::task::spawn_local(async move {
        state.persisted.set(offline::request_persistence().await);
    });
    // Another tab of this site stored edits: merge them instead of
    // overwriting them later. Only the open team's keys matter, and a
    // burst of writes (one per keystroke there) is taken in once.
    let scheduled = StoredValue::new(false);
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        let open = state.team_id().unwrap_or_default();
        let ours = ev.key().is_none_or(|k| {
            crate::storage::TeamStore::<crate::storage::local::LocalKv>::concerns(&k, &open)
        });
        if !ours || scheduled.get_value() {
            return;
        }
        scheduled.set_value(true);
        set_timeout(
            move || {
                scheduled.set_value(false);
                state.on_storage_changed();
            },
            std::time::Duration::from_millis(STORAGE_COALESCE_MS),
        );
    });
    // A teammate's link: the team travels in the fragment. It is merged (or
    // joined), then removed from the address bar.
    let take_link = move || {
        let fragment = browser::fragment();
        if !crate::share::link::is_team_fragment(&fragment) {
            return;
        }
        browser::clear_fragment();
        state.import_link(fragment);
    };
    take_link();
    route::start(state);
    loading::start(state);
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

/// Mounts the app on the page, once the snapshot of the team about to
/// open has been read from IndexedDB.
pub fn start() {
    console_error_panic_hook::set_once();
    let first = crate::storage::TeamStore::new(crate::storage::local::LocalKv)
        .first_team()
        .map(|t| crate::storage::TeamStore::<crate::storage::local::LocalKv>::snapshot_key(&t));
    // IndexedDB normally answers in milliseconds; should it not answer
    // (blocked by another tab's upgrade), the page starts without it.
    let mounted = std::rc::Rc::new(std::cell::Cell::new(false));
    let once = mounted.clone();
    // Leptos's own executor starts with the app: not yet.
    wasm_bindgen_futures::spawn_local(async move {
        crate::storage::local::start(first).await;
        mount(&once);
    });
    set_timeout(move || mount(&mounted), IDB_PATIENCE);
}

/// How long the page waits for IndexedDB before starting without it.
const IDB_PATIENCE: std::time::Duration = std::time::Duration::from_millis(1500);

fn mount(mounted: &std::cell::Cell<bool>) {
    if mounted.replace(true) {
        return;
    }
    leptos::mount::mount_to_body(App);
    // Shown by the page itself while the app loads and opens a large team.
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("starting"))
    {
        el.remove();
    }
}
