//! A meeting's agenda: the items in order with notes and outcome, what the
//! record suggests adding, and the run mode that steps through it one item
//! at a time — from an item a decision is made, a role changed, someone
//! recognised.

use leptos::{ev::SubmitEvent, html, prelude::*};

use super::{
    fields::{LocalInput, SelectField, TextField},
    recognise::Recognise,
    state::{AppState, Screen},
};
use crate::model::{agenda, ItemKind, ItemOutcome, Link, LinkKind, MeetingStatus, TensionStatus};

/// Suggestions of each kind shown at once (the rest are counted).
const SUGGESTIONS_SHOWN: usize = 5;
/// Open tensions offered in the picker; the newest first.
const TENSIONS_OFFERED: usize = 50;

/// One agenda row as the list shows it: its id, title and outcome. Typing
/// notes changes none of these, so rows are not redrawn under the cursor.
type Row = (String, String, Option<ItemOutcome>);

#[component]
pub fn Agenda(id: StoredValue<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let rows = Memo::new(move |_| {
        state.team.with(|t| {
            let Some(t) = t else { return Vec::new() };
            let Some(m) = t.meetings.get(&id.get_value()) else {
                return Vec::new();
            };
            m.items()
                .into_iter()
                .map(|i| (i.id.clone(), agenda::item_title(t, i), i.outcome))
                .collect::<Vec<Row>>()
        })
    });
    let held = Memo::new(move |_| {
        state.team.with(|t| {
            t.as_ref()
                .and_then(|t| t.meetings.get(&id.get_value()))
                .is_some_and(|m| m.status == MeetingStatus::Held)
        })
    });
    // The item being taken while the meeting runs.
    let step = RwSignal::new(None::<usize>);
    let run = move |_| {
        let first_open = rows.with_untracked(|r| r.iter().position(|x| x.2.is_none()));
        step.set(Some(first_open.unwrap_or(0)));
    };
    view! {
        <section class="card" aria-labelledby="agenda-heading">
            <h3 id="agenda-heading">"Agenda"</h3>
            <Show when=move || step.get().is_none() fallback=move || view! { <Running meeting=id rows=rows step=step /> }>
                <ol class="agenda" aria-label="Agenda">
                    <For each=move || rows.get() key=|r| r.clone() let:row>
                        <AgendaRow meeting=id item=row.0 title=row.1 outcome=row.2 on_outcome=Callback::new(|_| ()) focus=false />
                    </For>
                </ol>
                {move || rows.with(Vec::is_empty).then(|| view! { <p class="meta">"Nothing on the agenda yet."</p> })}
                {move || (!held.get() && !rows.with(Vec::is_empty)).then(|| view! {
                    <p><button type="button" class="primary" on:click=run>"Run the meeting"</button></p>
                })}
                <Suggestions meeting=id />
                <AddItems meeting=id />
            </Show>
        </section>
    }
}

/// One item at a time: "Item 2 of 5", its notes and outcome, then the next.
#[component]
fn Running(
    meeting: StoredValue<String>,
    rows: Memo<Vec<Row>>,
    step: RwSignal<Option<usize>>,
) -> impl IntoView {
    let current = Memo::new(move |_| {
        let i = step.get()?;
        rows.with(|r| r.get(i).cloned().map(|row| (i, r.len(), row)))
    });
    let go = move |by: isize| {
        let n = rows.with_untracked(Vec::len);
        step.update(|s| {
            if let Some(i) = s {
                *i = i.saturating_add_signed(by).min(n.saturating_sub(1));
            }
        });
    };
    let at_end = move || current.get().is_some_and(|(i, n, _)| i + 1 >= n);
    view! {
        <div role="group" aria-label="Running the meeting" class="running">
            {move || current.get().map(|(i, n, row)| view! {
                <p class="meta" aria-live="polite">{format!("Item {} of {}", i + 1, n)}</p>
                <ol class="agenda" start=(i + 1).to_string()>
                    <AgendaRow meeting=meeting item=row.0 title=row.1 outcome=row.2
                        on_outcome=Callback::new(move |_| if !at_end() { go(1) })
                        focus=true />
                </ol>
            })}
            <div class="actions">
                <button type="button" disabled=move || current.get().is_none_or(|(i, _, _)| i == 0) on:click=move |_| go(-1)>"Previous item"</button>
                <button type="button" disabled=at_end on:click=move |_| go(1)>"Next item"</button>
                <button type="button" on:click=move |_| step.set(None)>"Back to the whole agenda"</button>
            </div>
        </div>
    }
}

#[component]
fn AgendaRow(
    meeting: StoredValue<String>,
    item: String,
    title: String,
    outcome: Option<ItemOutcome>,
    /// Called once an outcome is recorded (the run mode moves on).
    on_outcome: Callback<()>,
    /// Whether the item's heading takes focus when it appears.
    focus: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let item = StoredValue::new(item);
    let heading = NodeRef::<html::H4>::new();
    if focus {
        heading.on_load(|h| {
            let _ = h.focus();
        });
    }
    let notes = Signal::derive(move || {
        state.team.with(|t| {
            t.as_ref()
                .and_then(|t| t.meetings.get(&meeting.get_value()))
                .and_then(|m| m.agenda.get(&item.get_value()))
                .map(|i| i.notes.as_str().to_string())
                .unwrap_or_default()
        })
    });
    let mark = move |o: ItemOutcome| {
        if state
            .edit(|doc, s| doc.set_item_outcome(s, &meeting.get_value(), &item.get_value(), o))
            .is_some()
        {
            on_outcome.run(());
        }
    };
    let about = item_about(state, meeting, item);
    let decide = move |_| {
        let title = title_for_decision(state, meeting, item);
        let made = state.edit(|doc, s| {
            let d = doc.add_decision(s, &title)?;
            doc.link_item(
                s,
                &meeting.get_value(),
                &item.get_value(),
                link(LinkKind::Decision, &d),
            )?;
            Ok(d)
        });
        if let Some(d) = made {
            state.screen.set(Screen::Decision(d));
        }
    };
    let open_decision = about.decision.clone().map(|d| {
        view! { <button type="button" on:click=move |_| state.screen.set(Screen::Decision(d.clone()))>"Open the decision"</button> }
    });
    let suggest = Signal::derive(move || item_about(state, meeting, item).people);
    let for_what = match &about.tension {
        Some(t) => link(LinkKind::Tension, t),
        None => link(LinkKind::Meeting, &meeting.get_value()),
    };
    view! {
        <li class="agenda-item">
            <h4 node_ref=heading tabindex="-1">{title}</h4>
            {outcome.map(|o| view! { <span class="badge">{o.label()}</span> })}
            <Produced meeting=meeting item=item />
            <TextField label="Notes" multiline=true value=notes
                on_input=Callback::new(move |v: String| {
                    state.edit(|doc, s| doc.set_item_notes(s, &meeting.get_value(), &item.get_value(), &v));
                }) />
            <div class="actions">
                <button type="button" aria-pressed=(outcome == Some(ItemOutcome::Processed)).to_string() on:click=move |_| mark(ItemOutcome::Processed)>"Processed"</button>
                <button type="button" aria-pressed=(outcome == Some(ItemOutcome::Deferred)).to_string() on:click=move |_| mark(ItemOutcome::Deferred)>"Deferred"</button>
                <button type="button" on:click=decide>"Make a decision from this"</button>
                {open_decision}
            </div>
            <div class="actions item-tools">
                <ChangeRole meeting=meeting item=item preset=about.role.unwrap_or_default() />
                <Recognise label="Recognise someone" for_what=Some(for_what) suggest=suggest />
            </div>
        </li>
    }
}

fn link(kind: LinkKind, id: &str) -> Link {
    Link {
        kind,
        id: id.to_string(),
    }
}

/// What an agenda item is about, for its actions.
#[derive(Default)]
struct About {
    tension: Option<String>,
    decision: Option<String>,
    role: Option<String>,
    /// Whom to suggest recognising: who raised the tension, whose term it is.
    people: Vec<String>,
}

fn item_about(state: AppState, meeting: StoredValue<String>, item: StoredValue<String>) -> About {
    state.team.with_untracked(|t| {
        let Some(t) = t else { return About::default() };
        let Some(i) = t
            .meetings
            .get(&meeting.get_value())
            .and_then(|m| m.agenda.get(&item.get_value()))
        else {
            return About::default();
        };
        let on = i.about.clone().unwrap_or_default();
        match i.kind {
            ItemKind::Tension => About {
                people: t
                    .tensions
                    .get(&on)
                    .and_then(|x| x.raised_by.clone())
                    .into_iter()
                    .collect(),
                tension: Some(on),
                ..About::default()
            },
            ItemKind::Review | ItemKind::Waiting => About {
                decision: Some(on),
                ..About::default()
            },
            ItemKind::Term => {
                let (role, member) = agenda::term_parts(&on).unwrap_or_default();
                About {
                    role: Some(role.to_string()),
                    people: vec![member.to_string()],
                    ..About::default()
                }
            }
            ItemKind::Free => About::default(),
        }
    })
}

/// The records an item produced, named.
#[component]
fn Produced(meeting: StoredValue<String>, item: StoredValue<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let made = Memo::new(move |_| {
        state.team.with(|t| {
            let Some(t) = t else { return Vec::new() };
            t.meetings
                .get(&meeting.get_value())
                .and_then(|m| m.agenda.get(&item.get_value()))
                .map(|i| {
                    i.produced
                        .iter()
                        .map(|l| (l.clone(), crate::model::queries::link_label(t, l)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    move || {
        (!made.with(Vec::is_empty)).then(|| {
            view! {
                <ul class="plain produced" aria-label="Came of it">
                    {made.get().into_iter().map(|(l, label)| {
                        let to = match l.kind {
                            LinkKind::Decision => Some(Screen::Decision(l.id.clone())),
                            LinkKind::Role => Some(Screen::Role(l.id.clone())),
                            _ => None,
                        };
                        match to {
                            Some(s) => view! { <li><button type="button" class="link" on:click=move |_| state.screen.set(s.clone())>{label}</button></li> }.into_any(),
                            None => view! { <li>{label}</li> }.into_any(),
                        }
                    }).collect_view()}
                </ul>
            }
        })
    }
}

/// "Change a role": pick the role, and it opens, with the item recording
/// that it changed the role.
#[component]
fn ChangeRole(
    meeting: StoredValue<String>,
    item: StoredValue<String>,
    preset: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let role = RwSignal::new(preset);
    let roles = Signal::derive(move || {
        state.team.with(|t| {
            let Some(t) = t else { return Vec::new() };
            std::iter::once((String::new(), "Choose a role…".to_string()))
                .chain(
                    crate::model::queries::sorted_roles(t)
                        .into_iter()
                        .filter(|r| r.is_active())
                        .map(|r| (r.id.clone(), r.name.clone())),
                )
                .collect()
        })
    });
    let open = move |ev: SubmitEvent| {
        ev.prevent_default();
        let r = role.get_untracked();
        if r.is_empty() {
            return;
        }
        let linked = state.edit(|doc, s| {
            doc.link_item(
                s,
                &meeting.get_value(),
                &item.get_value(),
                link(LinkKind::Role, &r),
            )
        });
        if linked.is_some() {
            state.screen.set(Screen::Role(r));
        }
    };
    view! {
        <form class="add-row" on:submit=open>
            <SelectField label="Role to change" options=roles value=Signal::derive(move || role.get()) on_change=Callback::new(move |v| role.set(v)) />
            <button type="submit">"Change this role"</button>
        </form>
    }
}

/// What the record suggests for the agenda, a few of each kind.
#[component]
fn Suggestions(meeting: StoredValue<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let groups = Memo::new(move |_| {
        state.team.with(|t| {
            let Some(t) = t else { return Vec::new() };
            t.meetings
                .get(&meeting.get_value())
                .filter(|m| m.status == MeetingStatus::Planned)
                .map(|m| agenda::grouped(t, m, SUGGESTIONS_SHOWN))
                .unwrap_or_default()
        })
    });
    let add = move |items: Vec<(ItemKind, String)>| {
        state.edit(|doc, s| doc.add_agenda_items(s, &meeting.get_value(), &items));
    };
    move || {
        (!groups.with(Vec::is_empty)).then(|| {
            let shown: Vec<(ItemKind, String)> = groups.with(|g| {
                g.iter()
                    .flat_map(|g| g.shown.iter().map(|s| (s.kind, s.about.clone())))
                    .collect()
            });
            let n = shown.len();
            view! {
                <div class="suggestions" role="group" aria-labelledby="suggested-heading">
                    <h4 id="suggested-heading">"Suggested from the record"</h4>
                    {groups.get().into_iter().map(|g| {
                        let more = g.total - g.shown.len();
                        view! {
                            <p class="meta">{format!("{} ({})", group_heading(g.kind), g.total)}</p>
                            <ul class="plain">
                                {g.shown.into_iter().map(|s| {
                                    let pick = vec![(s.kind, s.about.clone())];
                                    let label = format!("Add {}", s.label);
                                    view! {
                                        <li class="suggestion">
                                            <span>{s.label}</span>
                                            <button type="button" aria-label=label on:click=move |_| add(pick.clone())>"Add"</button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                            {(more > 0).then(|| view! { <p class="meta">{format!("and {more} more, added as these are taken")}</p> })}
                        }
                    }).collect_view()}
                    <button type="button" on:click=move |_| add(shown.clone())>{format!("Add all {n} shown")}</button>
                </div>
            }
        })
    }
}

fn group_heading(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Tension => "Open tensions",
        ItemKind::Review => "Decisions due for review",
        ItemKind::Waiting => "Decisions waiting for advice or consent",
        ItemKind::Term => "Role terms ending",
        ItemKind::Free => "Other",
    }
}

/// An open tension, or anything else in words.
#[component]
fn AddItems(meeting: StoredValue<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let free = RwSignal::new(String::new());
    let tension = RwSignal::new(String::new());
    let open_tensions = Signal::derive(move || {
        state.team.with(|t| {
            let Some(t) = t else { return Vec::new() };
            let mut v: Vec<_> = t
                .tensions
                .values()
                .filter(|x| x.status == TensionStatus::Open)
                .collect();
            crate::model::order::sort_by(&mut v, |a, b| {
                (b.created_at, &b.id).cmp(&(a.created_at, &a.id))
            });
            std::iter::once((String::new(), "Choose an open tension…".to_string()))
                .chain(
                    v.into_iter()
                        .take(TENSIONS_OFFERED)
                        .map(|x| (x.id.clone(), x.title().to_string())),
                )
                .collect()
        })
    });
    let add_tension = move |_| {
        let t = tension.get_untracked();
        if t.is_empty() {
            return;
        }
        if state
            .edit(|doc, s| {
                doc.add_agenda_item(s, &meeting.get_value(), ItemKind::Tension, Some(&t), "")
            })
            .is_some()
        {
            tension.set(String::new());
        }
    };
    let add_free = move |ev: SubmitEvent| {
        ev.prevent_default();
        let text = free.get_untracked();
        if state
            .edit(|doc, s| {
                doc.add_agenda_item(s, &meeting.get_value(), ItemKind::Free, None, &text)
            })
            .is_some()
        {
            free.set(String::new());
        }
    };
    view! {
        <div class="add-row">
            <SelectField label="Open tension" options=open_tensions value=Signal::derive(move || tension.get()) on_change=Callback::new(move |v| tension.set(v)) />
            <button type="button" on:click=add_tension>"Add tension to agenda"</button>
        </div>
        <form class="add-row" on:submit=add_free>
            <LocalInput label="Other agenda item" value=free />
            <button type="submit">"Add item"</button>
        </form>
    }
}

/// A decision made from an agenda item starts with its words.
fn title_for_decision(
    state: AppState,
    meeting: StoredValue<String>,
    item: StoredValue<String>,
) -> String {
    state
        .team
        .with_untracked(|t| {
            let t = t.as_ref()?;
            let i = t
                .meetings
                .get(&meeting.get_value())?
                .agenda
                .get(&item.get_value())?;
            match (i.kind, i.about.as_deref()) {
                (ItemKind::Tension, Some(x)) => t.tensions.get(x).map(|x| x.title().to_string()),
                (ItemKind::Review | ItemKind::Waiting, Some(x)) => t
                    .decisions
                    .get(x)
                    .map(|d| format!("{} (revisited)", d.title)),
                _ => Some(agenda::item_title(t, i)),
            }
        })
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "Decision from a meeting".to_string())
}
