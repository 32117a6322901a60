//! The team as it was on a date, read-only and marked so, stepping from one
//! day of changes to the next; and what changed since then, by whom.

use leptos::prelude::*;

use super::{
    browser,
    share::summary_items,
    state::{AppState, Screen},
};
use crate::model::{changes::ImportSummary, date, queries, MeetingKind, MeetingStatus, Team};

/// Decisions listed for a past date; the rest are counted.
const DECISIONS_SHOWN: usize = 30;

#[component]
pub fn PastScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = browser::today();
    let days = state.with(|s| s.change_days()).unwrap_or_default();
    let days = StoredValue::new(days);
    // The day is part of the screen's address: a reload, or Back to this
    // screen, shows the same day.
    let asked = crate::session::address::Address::parse(&browser::query()).day;
    let day = RwSignal::new(
        asked.unwrap_or_else(|| date::add_days(&today, -30).unwrap_or_else(|| today.clone())),
    );
    Effect::new(move |_| {
        let d = day.get();
        if state.screen.get_untracked() == Screen::Past {
            let team = state.team_id();
            browser::set_query(&crate::session::address::Address::past_query(
                team.as_deref(),
                &d,
            ));
        }
    });
    let past = Memo::new(move |_| {
        // The day goes with the team: two days with the same team still
        // show what changed since each.
        let d = day.get();
        let team = state
            .with(|s| s.team_on(&d))
            .unwrap_or(Ok(None))
            .map_err(|e| e.to_string());
        (d, team)
    });
    let step = move |later: bool| {
        let d = day.get_untracked();
        let next = days.with_value(|all| {
            if later {
                all.iter().find(|x| **x > d).cloned()
            } else {
                all.iter().rev().find(|x| **x < d).cloned()
            }
        });
        if let Some(n) = next {
            day.set(n);
        }
    };
    let has = move |later: bool| {
        let d = day.get();
        days.with_value(|all| all.iter().any(|x| if later { *x > d } else { *x < d }))
    };
    // "What changed since the last retrospective" is the usual question.
    let last_retro = state.team.with_untracked(|t| {
        t.as_ref().and_then(|t| {
            t.meetings
                .values()
                .filter(|m| m.kind == MeetingKind::Retrospective && m.status == MeetingStatus::Held)
                .map(|m| m.date.clone())
                .max()
        })
    });
    view! {
        <section aria-labelledby="past-heading">
            <h2 id="past-heading">"The team as it was"</h2>
            <div class="card add-row">
                <div class="field">
                    <label class="field-label" for="past-day">"Show the team as it was on"</label>
                    <input id="past-day" type="date" max=today.clone() prop:value=move || day.get() on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if date::is_iso_date(&v) { day.set(v); }
                    } />
                </div>
                <button type="button" disabled=move || !has(false) on:click=move |_| step(false)>"Earlier day with changes"</button>
                <button type="button" disabled=move || !has(true) on:click=move |_| step(true)>"Later day with changes"</button>
                {last_retro.map(|d| {
                    let label = format!("Since the last retrospective ({d})");
                    view! { <button type="button" on:click=move |_| day.set(d.clone())>{label}</button> }
                })}
            </div>
            <div class="past-banner" role="status">
                <p>{move || format!("Read-only: the team as it was at the end of {}.", day.get())}</p>
                <button type="button" class="primary" on:click=move |_| state.screen.set(Screen::Overview)>"Back to now"</button>
            </div>
            {move || match past.get() {
                (_, Err(e)) => view! { <p class="notice error">{format!("This date could not be read: {e}")}</p> }.into_any(),
                (_, Ok(None)) => view! { <p class="card">"The team did not exist yet on that date."</p> }.into_any(),
                (d, Ok(Some(t))) => view! { <Then team=t day=d /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Then(team: Team, day: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = |t: &Team, id: &str| t.member_name(id).unwrap_or("someone").to_string();
    let roles: Vec<(String, String)> = queries::sorted_roles(&team)
        .into_iter()
        .filter(|r| r.is_active())
        .map(|r| {
            let holders: Vec<String> = r.fillers.keys().map(|m| name(&team, m)).collect();
            let held = if holders.is_empty() {
                "nobody".to_string()
            } else {
                holders.join(", ")
            };
            (r.name.clone(), format!("Held by {held}"))
        })
        .collect();
    let all_decisions = queries::sorted_decisions(&team);
    let n_decisions = all_decisions.len();
    let decisions: Vec<(String, String)> = all_decisions
        .into_iter()
        .take(DECISIONS_SHOWN)
        .map(|d| {
            let owner = d
                .owner()
                .map(|o| queries::owner_label(&team, &o))
                .unwrap_or_else(|| "no owner".into());
            (d.title.clone(), format!("{} · {owner}", d.status.label()))
        })
        .collect();
    let members: Vec<String> = queries::sorted_members(&team)
        .into_iter()
        .filter(|m| m.left_on.as_deref().is_none_or(|l| l > day.as_str()))
        .map(|m| m.name.clone())
        .collect();
    let summary = state.team.with_untracked(|now| {
        now.as_ref()
            .map(|now| ImportSummary::between(&team, now))
            .unwrap_or_default()
    });
    let sentence = summary.sentence();
    let items = summary_items(&summary);
    let authors = state
        .with(|s| s.authors_since(&day))
        .unwrap_or_default()
        .into_iter()
        .map(|a| {
            state
                .team
                .with_untracked(|t| t.as_ref().map(|t| name(t, &a)).unwrap_or_default())
        })
        .collect::<Vec<_>>();
    let more = n_decisions.saturating_sub(DECISIONS_SHOWN);
    view! {
        <div class="card past">
            <h3>{format!("Members then ({})", members.len())}</h3>
            <p>{members.join(", ")}</p>
            <h3>{format!("Roles then ({})", roles.len())}</h3>
            <ul class="plain" aria-label="Roles then">
                {roles.into_iter().map(|(r, held)| view! { <li><strong>{r}</strong>" "<span class="meta">{held}</span></li> }).collect_view()}
            </ul>
            <h3>{format!("Decisions then ({n_decisions})")}</h3>
            <ul class="plain" aria-label="Decisions then">
                {decisions.into_iter().map(|(t, meta)| view! { <li><strong>{t}</strong>" "<span class="meta">{meta}</span></li> }).collect_view()}
            </ul>
            {(more > 0).then(|| view! { <p class="meta">{format!("and {more} older")}</p> })}
        </div>
        <div class="card">
            <h3>{format!("What changed since {day}")}</h3>
            <p>{if summary.is_empty() { "Nothing has changed since.".to_string() } else { sentence }}</p>
            {(!authors.is_empty()).then(|| view! { <p class="meta">{format!("Changed by {}", authors.join(", "))}</p> })}
            <ul class="plain" aria-label="Changed since">
                {items.into_iter().map(|(text, to)| match to {
                    Some(to) => view! { <li><button type="button" class="link" on:click=move |_| state.screen.set(to.clone())>{text}</button></li> }.into_any(),
                    None => view! { <li class="meta">{text}</li> }.into_any(),
                }).collect_view()}
            </ul>
        </div>
    }
}
