//! Meetings led in turn: planning the next one with the fair rotation's
//! proposal, running it item by item, and the meetings held.

use leptos::{ev::SubmitEvent, prelude::*};

use super::{
    browser,
    fields::{field_id, LocalInput, SelectField, TextField},
    state::{AppState, Screen},
};
use crate::model::{
    edits::MeetingRole, rotation, Attendance, ItemKind, ItemOutcome, Link, LinkKind, Meeting,
    MeetingKind, MeetingStatus, TensionStatus,
};

fn member_options(state: AppState) -> Vec<(String, String)> {
    std::iter::once((String::new(), "Nobody yet".to_string()))
        .chain(state.member_choices())
        .collect()
}

#[component]
pub fn MeetingsList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let date = RwSignal::new(browser::today());
    let kind = RwSignal::new(MeetingKind::Tactical.as_str().to_string());
    let plan = move |ev: SubmitEvent| {
        ev.prevent_default();
        let k = MeetingKind::parse(&kind.get_untracked()).unwrap_or(MeetingKind::Tactical);
        let d = date.get_untracked();
        state.add_then_open(|doc, s| doc.plan_meeting(s, &d, k), Screen::Meeting);
    };
    let date_id = field_id();
    let kinds = MeetingKind::choices();
    let rows = move |held: bool| {
        state.team.with(|t| {
            let Some(t) = t else { return Vec::new() };
            let mut v: Vec<&Meeting> = t
                .meetings
                .values()
                .filter(|m| (m.status == MeetingStatus::Held) == held)
                .collect();
            v.sort_by(|a, b| (&b.date, &b.id).cmp(&(&a.date, &a.id)));
            v.into_iter()
                .take(50)
                .map(|m| {
                    let name = |id: &Option<String>| {
                        id.as_deref()
                            .and_then(|i| t.member_name(i))
                            .unwrap_or("nobody yet")
                            .to_string()
                    };
                    let done = m
                        .agenda
                        .values()
                        .filter(|i| i.outcome == Some(ItemOutcome::Processed))
                        .count();
                    (
                        m.id.clone(),
                        m.title(),
                        format!(
                            "Facilitator: {}; notes: {}; {} of {} agenda items processed",
                            name(&m.facilitator),
                            name(&m.note_taker),
                            done,
                            m.agenda.len()
                        ),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let list = move |held: bool, label: &'static str| {
        view! {
            <ul class="cards" aria-label=label>
                {move || rows(held).into_iter().map(|(id, title, meta)| view! {
                    <li class="card">
                        <button type="button" class="title-link" on:click=move |_| state.screen.set(Screen::Meeting(id.clone()))>{title}</button>
                        <p class="meta">{meta}</p>
                    </li>
                }).collect_view()}
            </ul>
        }
    };
    view! {
        <section aria-labelledby="meetings-heading">
            <h2 id="meetings-heading">"Meetings"</h2>
            <form class="card" on:submit=plan aria-label="Plan a meeting">
                <h3>"Plan the next meeting"</h3>
                <p class="meta">"Roundtable proposes who facilitates and who takes notes, in fair turns; anyone may change it."</p>
                <div class="field">
                    <label class="field-label" for=date_id.clone()>"Meeting date"</label>
                    <input id=date_id type="date" prop:value=move || date.get() on:change=move |ev| date.set(event_target_value(&ev)) />
                </div>
                <SelectField label="Kind of meeting" options=Signal::derive(move || kinds.clone()) value=Signal::derive(move || kind.get()) on_change=Callback::new(move |v| kind.set(v)) />
                <button type="submit" class="primary">"Plan meeting"</button>
            </form>
            <h3>"Planned"</h3>
            {list(false, "Planned meetings")}
            <h3>"Held"</h3>
            {list(true, "Meetings held")}
        </section>
    }
}

#[component]
pub fn MeetingEditor(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = StoredValue::new(id);
    let meeting = super::record::open_record::<Meeting>(state, id);
    let proposal = Memo::new(move |_| {
        state.team.with(|t| {
            let t = t.as_ref()?;
            let m = t.meetings.get(&id.get_value())?;
            Some(rotation::propose_for(t, m))
        })
    });
    let held =
        move || meeting.with(|m| m.as_ref().is_some_and(|m| m.status == MeetingStatus::Held));
    let person = move |role: fn(&Meeting) -> Option<String>| {
        Signal::derive(move || meeting.with(|m| m.as_ref().and_then(role).unwrap_or_default()))
    };
    let set_role = move |r: MeetingRole| {
        state.edit(|doc, s| doc.set_meeting_role(s, &id.get_value(), r));
    };
    let why = move |f: fn(&rotation::Proposal) -> Option<&rotation::Pick>| {
        move || {
            proposal.with(|p| {
                p.as_ref()
                    .and_then(f)
                    .map(|p| format!("Proposed: {}", p.why))
            })
        }
    };
    view! {
        <section aria-labelledby="meeting-heading">
            <button type="button" class="back" on:click=move |_| state.screen.set(Screen::Meetings)>"← All meetings"</button>
            <Show when=move || meeting.with(Option::is_some) fallback=|| view! { <p>"This meeting is not in the team."</p> }>
                <h2 id="meeting-heading">{move || meeting.with(|m| m.as_ref().map(Meeting::title))}</h2>
                <p class="badge">{move || meeting.with(|m| m.as_ref().map(|m| m.status.label()))}</p>
                <div class="card grid">
                    <div>
                        <SelectField label="Facilitator" options=Signal::derive(move || member_options(state)) value=person(|m| m.facilitator.clone())
                            on_change=Callback::new(move |v: String| set_role(MeetingRole::Facilitator(Some(v).filter(|v| !v.is_empty())))) />
                        <p class="meta">{why(|p| p.facilitator.as_ref())}</p>
                    </div>
                    <div>
                        <SelectField label="Note-taker" options=Signal::derive(move || member_options(state)) value=person(|m| m.note_taker.clone())
                            on_change=Callback::new(move |v: String| set_role(MeetingRole::NoteTaker(Some(v).filter(|v| !v.is_empty())))) />
                        <p class="meta">{why(|p| p.note_taker.as_ref())}</p>
                    </div>
                </div>
                <Attendees id=id />
                <Agenda id=id />
                {move || (!held()).then(|| view! {
                    <button type="button" class="primary" on:click=move |_| {
                        state.edit(|doc, s| doc.hold_meeting(s, &id.get_value()));
                    }>"Mark as held"</button>
                })}
            </Show>
        </section>
    }
}

#[component]
fn Attendees(id: StoredValue<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let options = Attendance::choices();
    let rows = move || {
        state.team.with(|t| {
            let Some(t) = t else { return Vec::new() };
            let Some(m) = t.meetings.get(&id.get_value()) else {
                return Vec::new();
            };
            crate::model::queries::active_member_choices(t)
                .into_iter()
                .map(|(mid, name)| {
                    let a = m
                        .attendance
                        .get(&mid)
                        .copied()
                        .unwrap_or(Attendance::Present);
                    (mid, name, a.as_str().to_string())
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <fieldset class="card">
            <legend>"Who is there"</legend>
            <ul class="plain attendance" aria-label="Attendance">
                {move || rows().into_iter().map(|(mid, name, now)| {
                    let options = options.clone();
                    let member = StoredValue::new(mid);
                    let id_attr = field_id();
                    view! {
                        <li class="inline-field">
                            <label for=id_attr.clone()>{name}</label>
                            <select id=id_attr on:change=move |ev| {
                                if let Some(a) = Attendance::parse(&event_target_value(&ev)) {
                                    state.edit(|doc, s| doc.set_attendance(s, &id.get_value(), &member.get_value(), a));
                                }
                            }>
                                {options.into_iter().map(|(v, l)| {
                                    let selected = v == now;
                                    view! { <option value=v prop:selected=selected>{l}</option> }
                                }).collect_view()}
                            </select>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </fieldset>
    }
}

#[component]
fn Agenda(id: StoredValue<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let free = RwSignal::new(String::new());
    let tension = RwSignal::new(String::new());
    let open_tensions = Signal::derive(move || {
        state.team.with(|t| {
            let Some(t) = t else { return Vec::new() };
            let mut v: Vec<(String, String)> = t
                .tensions
                .values()
                .filter(|x| x.status == TensionStatus::Open)
                .map(|x| (x.id.clone(), x.title().to_string()))
                .collect();
            v.sort_by(|a, b| a.1.cmp(&b.1));
            std::iter::once((String::new(), "Choose an open tension…".to_string()))
                .chain(v)
                .collect()
        })
    });
    let add_tension = move |_| {
        let t = tension.get_untracked();
        if t.is_empty() {
            return;
        }
        if state
            .edit(|doc, s| doc.add_agenda_item(s, &id.get_value(), ItemKind::Tension, Some(&t), ""))
            .is_some()
        {
            tension.set(String::new());
        }
    };
    let add_free = move |ev: SubmitEvent| {
        ev.prevent_default();
        let text = free.get_untracked();
        if state
            .edit(|doc, s| doc.add_agenda_item(s, &id.get_value(), ItemKind::Free, None, &text))
            .is_some()
        {
            free.set(String::new());
        }
    };
    let items = move || {
        state.team.with(|t| {
            let Some(t) = t else { return Vec::new() };
            let Some(m) = t.meetings.get(&id.get_value()) else {
                return Vec::new();
            };
            m.items()
                .into_iter()
                .map(|i| {
                    let title = match (i.kind, i.about.as_deref()) {
                        (ItemKind::Tension, Some(x)) => t
                            .tensions
                            .get(x)
                            .map(|x| format!("Tension: {}", x.title()))
                            .unwrap_or_else(|| "Tension".to_string()),
                        _ => i.text.as_str().to_string(),
                    };
                    (i.id.clone(), title, i.outcome)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="card" aria-labelledby="agenda-heading">
            <h3 id="agenda-heading">"Agenda"</h3>
            <ol class="agenda" aria-label="Agenda">
                <For each=items key=|(iid, _, outcome)| (iid.clone(), *outcome) let:row>
                    <AgendaRow meeting=id item=row.0 title=row.1 outcome=row.2 />
                </For>
            </ol>
            <div class="add-row">
                <SelectField label="Open tension" options=open_tensions value=Signal::derive(move || tension.get()) on_change=Callback::new(move |v| tension.set(v)) />
                <button type="button" on:click=add_tension>"Add tension to agenda"</button>
            </div>
            <form class="add-row" on:submit=add_free>
                <LocalInput label="Other agenda item" value=free />
                <button type="submit">"Add item"</button>
            </form>
        </section>
    }
}

#[component]
fn AgendaRow(
    meeting: StoredValue<String>,
    item: String,
    title: String,
    outcome: Option<ItemOutcome>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let item = StoredValue::new(item);
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
        state.edit(|doc, s| doc.set_item_outcome(s, &meeting.get_value(), &item.get_value(), o));
    };
    let decide = move |_| {
        let title = title_for_decision(state, meeting, item);
        let made = state.edit(|doc, s| {
            let d = doc.add_decision(s, &title)?;
            doc.link_item(
                s,
                &meeting.get_value(),
                &item.get_value(),
                Link {
                    kind: LinkKind::Decision,
                    id: d.clone(),
                },
            )?;
            Ok(d)
        });
        if let Some(d) = made {
            state.screen.set(Screen::Decision(d));
        }
    };
    view! {
        <li class="agenda-item">
            <h4>{title}</h4>
            {outcome.map(|o| view! { <span class="badge">{o.label()}</span> })}
            <TextField label="Notes" multiline=true value=notes
                on_input=Callback::new(move |v: String| {
                    state.edit(|doc, s| doc.set_item_notes(s, &meeting.get_value(), &item.get_value(), &v));
                }) />
            <div class="actions">
                <button type="button" on:click=move |_| mark(ItemOutcome::Processed)>"Processed"</button>
                <button type="button" on:click=move |_| mark(ItemOutcome::Deferred)>"Deferred"</button>
                <button type="button" on:click=decide>"Make a decision from this"</button>
            </div>
        </li>
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
                _ => Some(
                    i.text
                        .as_str()
                        .lines()
                        .next()
                        .unwrap_or_default()
                        .to_string(),
                ),
            }
        })
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| "Decision from a meeting".to_string())
}
