//! The team at a glance: its purpose and what needs attention.

use leptos::prelude::*;

use super::{
    browser,
    fields::TextField,
    goals::GoalsCard,
    identity::WhoAreYou,
    offline::StorageCard,
    share::{ImportCard, ShareCard},
    state::{AppState, Screen},
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
        let n = |count: usize, one: &str, many: &str| {
            format!("{count} {}", if count == 1 { one } else { many })
        };
        format!(
            "{} · {} · {}",
            n(active, "member", "members"),
            n(roles, "role", "roles"),
            n(t.decisions.len(), "decision", "decisions")
        )
    });
    view! {
        <section aria-labelledby="overview-heading">
            <h2 id="overview-heading">"Overview"</h2>
            <WhoAreYou />
            <p class="counts">{counts}</p>
            <div class="card">
                <TextField
                    label="Team name"
                    value=name
                    on_input=Callback::new(move |v: String| {
                        state.edit(|doc, s| doc.set_team_name(s, &v));
                    })
                />
                <TextField
                    label="Team purpose"
                    multiline=true
                    value=purpose
                    on_input=Callback::new(move |v: String| {
                        state.edit(|doc, s| doc.set_team_purpose(s, &v));
                    })
                />
            </div>
            <StandsOut />
            <GoalsCard />
            <ShareCard />
            <ImportCard />
            <StorageCard />
        </section>
    }
}

/// How many items of one kind "Needs attention" names.
const SHOWN_PER_KIND: usize = 5;

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
            // A long-lived team can have hundreds due: the most overdue are
            // named, the rest counted, with the list a click away.
            let due = queries::decisions_due_for_review(t, &today);
            if due.len() > SHOWN_PER_KIND {
                out.push((
                    format!(
                        "{} decisions are due for review; the most overdue:",
                        due.len()
                    ),
                    Screen::Decisions,
                ));
            }
            for d in due.into_iter().take(SHOWN_PER_KIND) {
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
            state.conflicts.with(|all| {
                for c in all {
                    let name = (c.collection.info().title_in)(t, &c.record_id);
                    let to = Screen::record(c.collection, c.record_id.clone());
                    out.push((
                        format!(
                            "Edits made apart disagree: {} ({})",
                            name.unwrap_or_default(),
                            c.field.replace('_', " ")
                        ),
                        to,
                    ));
                }
            });
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
                    view! { <p>"Nothing stands out right now: no empty roles, ending terms or reviews due."</p> }.into_any()
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
