//! Working offline: the service worker that keeps the app shell, the
//! "new version" prompt, and asking the browser to keep our storage.

use leptos::{prelude::*, task::spawn_local};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let window = web_sys::window()?;
    // Service workers exist only on secure origins (https, localhost).
    if !window.is_secure_context() {
        return None;
    }
    Some(window.navigator().service_worker())
}

/// Registers `sw.js` (scoped to the folder the app is served from) and sets
/// `update_ready` once a newer deployment has installed beside this one.
pub fn register(update_ready: RwSignal<bool>) {
    let Some(sw) = container() else { return };
    let promise = sw.register("./sw.js");
    spawn_local(async move {
        let Ok(reg) = JsFuture::from(promise).await else {
            return;
        };
        let reg: ServiceWorkerRegistration = reg.unchecked_into();
        let controlled = move || container().and_then(|c| c.controller()).is_some();
        if reg.waiting().is_some() && controlled() {
            update_ready.set(true);
        }
        let watched = reg.clone();
        let on_update = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = watched.installing() else {
                return;
            };
            let worker = installing.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                // Installed while a version already runs: a new deployment.
                if worker.state() == ServiceWorkerState::Installed && controlled() {
                    update_ready.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        reg.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
        on_update.forget();
        // Another tab let a new version take over: this tab now runs old
        // code under the new worker, and only a reload fixes that.
        if let Some(sw) = container() {
            let had = sw.controller().is_some();
            let on_change = Closure::<dyn FnMut()>::new(move || {
                if had {
                    update_ready.set(true);
                }
            });
            sw.add_event_listener_with_callback(
                "controllerchange",
                on_change.as_ref().unchecked_ref(),
            )
            .ok();
            on_change.forget();
        }
        watch_for_updates(reg);
    });
}

/// How often an open tab asks whether a new version was deployed.
const UPDATE_CHECK_MS: i32 = 30 * 60 * 1000;

/// Asks for a new version now and then, and whenever the tab is shown again.
fn watch_for_updates(reg: ServiceWorkerRegistration) {
    let check = move || {
        if let Ok(p) = reg.update() {
            // Offline or a host error: the next check tries again.
            spawn_local(async move {
                let _ = JsFuture::from(p).await;
            });
        }
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let every = Closure::<dyn FnMut()>::new(check.clone());
    let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
        every.as_ref().unchecked_ref(),
        UPDATE_CHECK_MS,
    );
    every.forget();
    if let Some(document) = window.document() {
        let shown = document.clone();
        let on_visible = Closure::<dyn FnMut()>::new(move || {
            if !shown.hidden() {
                check();
            }
        });
        let _ = document.add_event_listener_with_callback(
            "visibilitychange",
            on_visible.as_ref().unchecked_ref(),
        );
        on_visible.forget();
    }
}

fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Switches to the new version: the waiting worker takes over and the page
/// reloads once it controls it. When no worker waits (another tab already
/// switched), the new one is active: reloading is all there is to do.
pub fn apply_update() {
    let Some(sw) = container() else { return };
    let on_change = Closure::<dyn FnMut()>::new(reload);
    sw.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
    let promise = sw.get_registration();
    spawn_local(async move {
        let waiting = JsFuture::from(promise)
            .await
            .ok()
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
            .and_then(|r| r.waiting());
        match waiting {
            Some(w) => {
                let _ = w.post_message(&JsValue::from_str("skip-waiting"));
            }
            None => reload(),
        }
    });
}

/// Asks the browser not to clear this site's storage when space runs low.
/// Resolves to whether it agreed (`None` where the browser cannot say).
pub async fn request_persistence() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let granted = JsFuture::from(storage.persist().ok()?).await.ok()?;
    granted.as_bool()
}

/// The prompt shown when a new version has been deployed.
#[component]
pub fn UpdateBanner(update_ready: RwSignal<bool>) -> impl IntoView {
    view! {
        <Show when=move || update_ready.get()>
            <div class="notices">
                <p class="notice info" role="status">
                    "A new version of Roundtable is ready."
                    <button type="button" class="primary" on:click=move |_| apply_update()>"Reload"</button>
                </p>
            </div>
        </Show>
    }
}

/// What browsers give one site in localStorage: about 5 Mi characters.
const LOCAL_STORAGE_CHARS: usize = 5 * 1024 * 1024;

fn size(chars: usize) -> String {
    if chars < 1024 * 1024 {
        format!("{:.0} KB", (chars as f64 / 1024.0).ceil())
    } else {
        format!("{:.1} MB", chars as f64 / (1024.0 * 1024.0))
    }
}

/// Whether the browser keeps our data, how much the team takes, and how
/// much room is left.
#[component]
pub fn StorageCard() -> impl IntoView {
    let state = expect_context::<super::state::AppState>();
    // Counting what storage holds reads every key of the site: it is
    // redone every few dozen writes, not on every keystroke.
    let every_few_writes = Memo::new(move |_| state.writes.get() / 32);
    let team_id = Memo::new(move |_| state.team.with(|t| t.as_ref().map(|t| t.team_id.clone())));
    let figures = move || {
        super::derive::follow(every_few_writes);
        super::derive::follow(team_id);
        state.unsaved.track();
        let (team, all) = state.storage_use();
        format!(
            "This team takes {} of the about {} this browser gives Roundtable; about {} is left.",
            size(team),
            size(LOCAL_STORAGE_CHARS),
            size(LOCAL_STORAGE_CHARS.saturating_sub(all))
        )
    };
    let kept = move || {
        match state.persisted.get() {
        Some(true) => "The browser has agreed to keep this site's data: it will not clear it to free space.",
        Some(false) => "The browser has not promised to keep this site's data and may clear it when space runs low. Download the team file now and then.",
        None => "This browser does not say whether it keeps this site's data. Download the team file now and then.",
    }
    };
    view! {
        <section class="card" aria-labelledby="storage-heading">
            <h3 id="storage-heading">"This browser's storage"</h3>
            <p>{kept}</p>
            <p>{figures}</p>
            <p class="meta">"Everything stays in this browser. Nothing is sent anywhere unless you share a file or a link."</p>
        </section>
    }
}
