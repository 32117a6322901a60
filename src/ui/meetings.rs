//! Meetings led in turn: planning the next one with the fair rotation's
//! proposal, running it item by item, and the meetings held.

use leptos::{ev::SubmitEvent, prelude::*};

use super::{
    agenda::Agenda,
    browser,
    fields::{field_id, SelectField},
    recognise::Recognise,
    state::{AppState, Screen},
};
use crate::model::{
    edits::MeetingRole, queries, rotation, Attendance, ItemOutcome, Link, LinkKind, Meeting,
    MeetingKind, MeetingStatus,
};

fn member_options(choices: Memo<Vec<(String, String)>>) -> Vec<(String, String)> {
    std::iter::once((String::new(), "Nobody yet".to_string()))
        .chain(choices.get())
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
            crate::model::order::sort_by(&mut v, |a, b| (&b.date, &b.id).cmp(&(&a.date, &a.id)));
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
                    let made: Vec<String> = m
                        .items()
                        .into_iter()
                        .flat_map(|i| &i.produced)
                        .map(|l| queries::link_label(t, l))
                        .collect();
                    let mut meta = format!(
                        "Facilitator: {}; notes: {}; {} of {} agenda items processed",
                        name(&m.facilitator),
                        name(&m.note_taker),
                        done,
                        m.agenda.len()
                    );
                    if !made.is_empty() {
                        let more = made.len().saturating_sub(3);
                        meta.push_str(&format!(
                            "; came of it: {}",
                            made[..made.len().min(3)].join("; ")
                        ));
                        if more > 0 {
                            meta.push_str(&format!(" and {more} more"));
                        }
                    }
                    (m.id.clone(), m.title(), meta)
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
    let choices = super::identity::member_choices();
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
                        <SelectField label="Facilitator" options=Signal::derive(move || member_options(choices)) value=person(|m| m.facilitator.clone())
                            on_change=Callback::new(move |v: String| set_role(MeetingRole::Facilitator(Some(v).filter(|v| !v.is_empty())))) />
                        <p class="meta">{why(|p| p.facilitator.as_ref())}</p>
                        <NotToday id=id who=person(|m| m.facilitator.clone()) held=Signal::derive(held) />
                    </div>
                    <div>
                        <SelectField label="Note-taker" options=Signal::derive(move || member_options(choices)) value=person(|m| m.note_taker.clone())
                            on_change=Callback::new(move |v: String| set_role(MeetingRole::NoteTaker(Some(v).filter(|v| !v.is_empty())))) />
                        <p class="meta">{why(|p| p.note_taker.as_ref())}</p>
                        <NotToday id=id who=person(|m| m.note_taker.clone()) held=Signal::derive(held) />
                    </div>
                </div>
                <Attendees id=id />
                <Agenda id=id />
                <div class="actions">
                    {move || (!held()).then(|| view! {
                        <button type="button" class="primary" on:click=move |_| {
                            state.edit(|doc, s| doc.hold_meeting(s, &id.get_value()));
                        }>"Mark as held"</button>
                    })}
                    <Recognise label="Recognise who led it"
                        for_what=Some(Link { kind: LinkKind::Meeting, id: id.get_value() })
                        suggest=Signal::derive(move || meeting.with(|m| m.as_ref().map(|m| m.facilitator.iter().chain(&m.note_taker).cloned().collect()).unwrap_or_default())) />
                </div>
            </Show>
        </section>
    }
}

/// "Not today": the person proposed passes their turn (not counted as
/// served) and the next in turn is proposed.
#[component]
fn NotToday(id: StoredValue<String>, who: Signal<String>, held: Signal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = move || {
        let w = who.get();
        state.team.with(|t| {
            t.as_ref()
                .and_then(|t| t.member_name(&w))
                .map(str::to_string)
        })
    };
    move || {
        (!held.get()).then(name).flatten().map(|n| {
            view! {
                <button type="button" class="link" on:click=move |_| {
                    let w = who.get_untracked();
                    state.edit(|doc, s| doc.decline_turn(s, &id.get_value(), &w));
                }>{format!("Not today, {n}")}</button>
            }
        })
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
            queries::active_member_choices(t)
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
