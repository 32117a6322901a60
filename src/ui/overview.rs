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
    /// How many there are; only the first [`SHOWN_PER_KIND`] are named.
    total: usize,
    items: Vec<(String, Screen)>,
    all: Option<(String, Screen, bool)>,
}

/// How many `all` holds, and the lines naming the first few: a large
/// team's thousands of reviews due are counted, not each written out.
fn first_few<T>(
    all: Vec<T>,
    line: impl FnMut(T) -> (String, Screen),
) -> (usize, Vec<(String, Screen)>) {
    let total = all.len();
    (
        total,
        all.into_iter().take(SHOWN_PER_KIND).map(line).collect(),
    )
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
            let (n_due, due) = first_few(queries::decisions_due_for_review(t, &today), |d| {
                (
                    format!(
                        "{} (review by {})",
                        d.title,
                        d.review_by.clone().unwrap_or_default()
                    ),
                    Screen::Decision(d.id.clone()),
                )
            });
            let conflicts = state.conflicts.with(|all| {
                first_few(all.iter().collect(), |c| {
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
            });
            let empty = first_few(queries::empty_roles(t), |r| {
                (r.name.clone(), Screen::Role(r.id.clone()))
            });
            let terms = first_few(
                queries::terms_ending(t, &today, queries::TERM_WARNING_DAYS),
                |e| {
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
                },
            );
            let many = first_few(queries::members_with_many_roles(t), |(m, n)| {
                (
                    format!("{} holds {n} roles", m.name),
                    Screen::Member(m.id.clone()),
                )
            });
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
            let flagged = first_few(flagged, |l| l);
            vec![
                Group {
                    title: "Reviews due",
                    total: n_due,
                    items: due,
                    all: Some((
                        format!("All {n_due} decisions due for review"),
                        Screen::Decisions,
                        true,
                    )),
                },
                Group {
                    title: "Decisions to check after a merge",
                    total: flagged.0,
                    items: flagged.1,
                    all: None,
                },
                Group {
                    title: "Edits made apart disagree",
                    total: conflicts.0,
                    items: conflicts.1,
                    all: None,
                },
                Group {
                    title: "Roles nobody holds",
                    total: empty.0,
                    items: empty.1,
                    all: insights(),
                },
                Group {
                    title: "Terms ending",
                    total: terms.0,
                    items: terms.1,
                    all: insights(),
                },
                Group {
                    title: "Holding many roles",
                    total: many.0,
                    items: many.1,
                    all: insights(),
                },
            ]
            .into_iter()
            .filter(|g| g.total > 0)
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
                    let total = g.total;
                    // The filtered list of reviews is worth a click at any size.
                    let all = g.all.filter(|(_, _, due)| *due || total > SHOWN_PER_KIND);
                    view! {
                        <div class="attention-group">
                            <h4>{format!("{} ({total})", g.title)}</h4>
                            <ul class="attention" aria-label=g.title>
                                {g.items.into_iter().map(|(text, target)| view! {
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
