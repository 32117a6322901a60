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
use crate::model::filter::DecisionFilter;
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
            <super::backup::BackupCard />
            <ShareCard />
            <super::passphrase::PassphraseCard />
            <ImportCard />
            <super::export::ExportCard />
            <super::import_log::ImportLogCard />
            <StorageCard />
        </section>
    }
}

/// How many items of one kind "Needs attention" names.
const SHOWN_PER_KIND: usize = 5;

/// One kind of thing that needs attention: a few named, all counted, and
/// where to see the rest.
struct Group {
    title: &'static str,
    items: Vec<(String, Screen)>,
    all: Option<(String, Screen, bool)>,
}

/// What needs attention, grouped by kind so a large team's hundreds stay
/// a few lines: reviews due, edits that disagree, empty roles, ending
/// terms, people holding many roles.
#[component]
fn StandsOut() -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = browser::today();
    let groups = move || {
        state.team.with(|t| {
            let Some(t) = t else { return Vec::new() };
            let due: Vec<(String, Screen)> = queries::decisions_due_for_review(t, &today)
                .into_iter()
                .map(|d| {
                    (
                        format!(
                            "{} (review by {})",
                            d.title,
                            d.review_by.clone().unwrap_or_default()
                        ),
                        Screen::Decision(d.id.clone()),
                    )
                })
                .collect();
            let n_due = due.len();
            let conflicts = state.conflicts.with(|all| {
                all.iter()
                    .map(|c| {
                        let name = (c.collection.info().title_in)(t, &c.record_id);
                        (
                            format!(
                                "{} ({})",
                                name.unwrap_or_default(),
                                c.field.replace('_', " ")
                            ),
                            Screen::record(c.collection, c.record_id.clone()),
                        )
                    })
                    .collect::<Vec<_>>()
            });
            let empty = queries::empty_roles(t)
                .into_iter()
                .map(|r| (r.name.clone(), Screen::Role(r.id.clone())))
                .collect();
            let terms = queries::terms_ending(t, &today, queries::TERM_WARNING_DAYS)
                .into_iter()
                .map(|e| {
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
                    (format!("{who} as {role}: {when}"), Screen::Role(e.role_id))
                })
                .collect();
            let many = queries::members_with_many_roles(t)
                .into_iter()
                .map(|(m, n)| {
                    (
                        format!("{} holds {n} roles", m.name),
                        Screen::Member(m.id.clone()),
                    )
                })
                .collect();
            let insights = || Some(("See Insights".to_string(), Screen::Insights, false));
            let flags = if state
                .session
                .try_with_value(|s| s.is_deferred())
                .unwrap_or(false)
            {
                Vec::new()
            } else {
                state.with(|s| s.authority_flags()).unwrap_or_default()
            };
            let flagged = super::authority::flag_lines(state, &flags);
            vec![
                Group {
                    title: "Reviews due",
                    items: due,
                    all: Some((
                        format!("All {n_due} decisions due for review"),
                        Screen::Decisions,
                        true,
                    )),
                },
                Group {
                    title: "Decisions to check after a merge",
                    items: flagged,
                    all: None,
                },
                Group {
                    title: "Edits made apart disagree",
                    items: conflicts,
                    all: None,
                },
                Group {
                    title: "Roles nobody holds",
                    items: empty,
                    all: insights(),
                },
                Group {
                    title: "Terms ending",
                    items: terms,
                    all: insights(),
                },
                Group {
                    title: "Holding many roles",
                    items: many,
                    all: insights(),
                },
            ]
            .into_iter()
            .filter(|g| !g.items.is_empty())
            .collect::<Vec<_>>()
        })
    };
    let go = move |to: Screen, due_filter: bool| {
        if due_filter {
            state.filter.set(DecisionFilter {
                review_due: true,
                ..DecisionFilter::default()
            });
        }
        state.screen.set(to);
    };
    view! {
        <section class="card" aria-labelledby="attention-heading">
            <h3 id="attention-heading">"Needs attention"</h3>
            {move || {
                let list = groups();
                if list.is_empty() {
                    return view! { <p>"Nothing stands out right now: no empty roles, ending terms or reviews due."</p> }.into_any();
                }
                list.into_iter().map(|g| {
                    let total = g.items.len();
                    // The filtered list of reviews is worth a click at any size.
                    let all = g.all.filter(|(_, _, due)| *due || total > SHOWN_PER_KIND);
                    view! {
                        <div class="attention-group">
                            <h4>{format!("{} ({total})", g.title)}</h4>
                            <ul class="attention" aria-label=g.title>
                                {g.items.into_iter().take(SHOWN_PER_KIND).map(|(text, target)| view! {
                                    <li>
                                        <button type="button" class="link" on:click=move |_| state.screen.set(target.clone())>{text}</button>
                                    </li>
                                }).collect_view()}
                            </ul>
                            {all.map(|(label, to, due)| view! {
                                <button type="button" class="link" on:click=move |_| go(to.clone(), due)>{label}</button>
                            })}
                        </div>
                    }
                }).collect_view().into_any()
            }}
        </section>
    }
}
