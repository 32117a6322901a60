//! The team at a glance: its purpose and what needs attention.

use leptos::prelude::*;

use super::{
    browser,
    fields::TextField,
    state::{AppState, Notice, Screen, Touched},
};
use crate::model::{queries, Team};

#[component]
pub fn Overview() -> impl IntoView {
    let state = expect_context::<AppState>();
    let read = move |f: fn(&Team) -> String| {
        move || state.team.with(|t| t.as_ref().map(f).unwrap_or_default())
    };
    let name = Signal::derive(read(|t| t.profile.name.clone()));
    let purpose = Signal::derive(read(|t| t.profile.purpose.as_str().to_string()));
    let counts = read(|t| {
        let active = t.members.values().filter(|m| m.is_active()).count();
        let roles = t.roles.values().filter(|r| r.is_active()).count();
        format!(
            "{active} members · {roles} roles · {} decisions",
            t.decisions.len()
        )
    });
    let download = move |_| {
        let name = name.get_untracked();
        if let Some(bytes) = state.team_bytes() {
            let file = format!("{}-{}.automerge", browser::slug(&name), browser::today());
            if browser::download(&file, &bytes).is_err() {
                state.say(Notice::Error(
                    "The browser did not let the file be saved.".into(),
                ));
            }
        }
    };
    view! {
        <section aria-labelledby="overview-heading">
            <h2 id="overview-heading">"Overview"</h2>
            <p class="counts">{counts}</p>
            <div class="card">
                <TextField
                    label="Team name"
                    value=name
                    on_input=Callback::new(move |v: String| {
                        state.edit(|doc, s| doc.set_team_name(s, &v).map(|_| Touched::Profile));
                    })
                />
                <TextField
                    label="Team purpose"
                    multiline=true
                    value=purpose
                    on_input=Callback::new(move |v: String| {
                        state.edit(|doc, s| doc.set_team_purpose(s, &v).map(|_| Touched::Profile));
                    })
                />
                <button type="button" on:click=download>"Download team file"</button>
            </div>
            <StandsOut />
        </section>
    }
}

/// What needs attention: reviews due, empty roles, ending terms, people
/// holding many roles.
#[component]
fn StandsOut() -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = browser::today();
    let items = move || {
        state.team.with(|t| {
            let Some(t) = t else { return Vec::new() };
            let mut out: Vec<(String, Screen)> = Vec::new();
            for d in queries::decisions_due_for_review(t, &today) {
                out.push((
                    format!(
                        "Review due: {} (review by {})",
                        d.title,
                        d.review_by.clone().unwrap_or_default()
                    ),
                    Screen::Decision(d.id.clone()),
                ));
            }
            for r in queries::empty_roles(t) {
                out.push((
                    format!("No one holds the role {}", r.name),
                    Screen::Role(r.id.clone()),
                ));
            }
            for e in queries::terms_ending(t, &today, queries::TERM_WARNING_DAYS) {
                let who = t.member_name(&e.member_id).unwrap_or("Someone").to_string();
                let role = t
                    .roles
                    .get(&e.role_id)
                    .map(|r| r.name.clone())
                    .unwrap_or_default();
                let when = if e.days_left < 0 {
                    format!("ended on {}", e.term_end)
                } else {
                    format!("ends on {}", e.term_end)
                };
                out.push((
                    format!("{who}'s term as {role} {when}"),
                    Screen::Role(e.role_id),
                ));
            }
            for (m, n) in queries::members_with_many_roles(t) {
                out.push((
                    format!("{} holds {n} roles", m.name),
                    Screen::Member(m.id.clone()),
                ));
            }
            out
        })
    };
    view! {
        <section class="card" aria-labelledby="attention-heading">
            <h3 id="attention-heading">"Needs attention"</h3>
            {move || {
                let list = items();
                if list.is_empty() {
                    view! { <p>"Nothing stands out: roles are filled, no reviews are due."</p> }.into_any()
                } else {
                    view! {
                        <ul class="attention">
                            {list
                                .into_iter()
                                .map(|(text, target)| {
                                    view! {
                                        <li>
                                            <button type="button" class="link" on:click=move |_| state.screen.set(target.clone())>
                                                {text}
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
