//! Copies outside this browser: when the last one was made, a gentle
//! reminder after a week without one (with the download a click away),
//! and why it matters on browsers that delete what sites keep.

use leptos::prelude::*;

use super::{share::download_team_file, state::AppState};
use crate::storage::device::days_ago;

/// Whether this browser is known to delete what a site's scripts stored
/// after a week without a visit: Safari (and every iOS browser, which are
/// Safari inside) unless the site is installed to the Dock or Home Screen.
fn evicts_storage() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let ua = w.navigator().user_agent().unwrap_or_default();
    let apple = ua.contains("iPhone") || ua.contains("iPad") || ua.contains("Macintosh");
    let safari = ua.contains("Safari")
        && !ua.contains("Chrome")
        && !ua.contains("Chromium")
        && !ua.contains("Android");
    let installed = w
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    apple && safari && !installed
}

#[component]
pub fn BackupCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let team = Memo::new(move |_| state.team.with(|t| t.as_ref().map(|t| t.team_id.clone())));
    let notes = Memo::new(move |_| {
        state.writes.track();
        super::derive::follow(team);
        state
            .session
            .try_with_value(|s| s.device())
            .unwrap_or_default()
    });
    let now = js_sys::Date::now();
    let evicts = evicts_storage();
    let last = move || match notes.with(|n| n.days_since_copy(now)) {
        Some(d) => format!("Last copy outside this browser: {}.", days_ago(d)),
        None => "No copy of this team has left this browser yet.".to_string(),
    };
    let due = move || notes.with(|n| n.copy_reminder_due(now));
    view! {
        <section class="card" class:reminder=due aria-labelledby="backup-heading">
            <h3 id="backup-heading">"Copies outside this browser"</h3>
            <p>{last}</p>
            {move || due().then(|| view! {
                <p role="status">"It has been a week or more: download the team file and keep it somewhere safe (a shared drive, your email). Opening it in any browser brings everything back."</p>
            })}
            {evicts.then(|| view! {
                <p class="warn-text">"Safari deletes what a site keeps in the browser after 7 days without a visit, unless the site is added to the Dock or the Home Screen. A copy outside the browser, or a teammate's, is what brings the team back."</p>
            })}
            <button type="button" class:primary=due on:click=move |_| download_team_file(state)>"Download the team file"</button>
        </section>
    }
}
