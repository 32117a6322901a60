//! The people in the team, known by their expertise, never by title.

use leptos::{ev::SubmitEvent, prelude::*};

use super::{
    browser,
    conflicts::ConflictsBox,
    fields::{join_tags, LocalInput, TextField},
    focus::EditToggle,
    recognise::Recognise,
    state::{AppState, Screen},
};
use crate::model::{
    contributions,
    edits::{split_tags, MemberField},
    queries, Collection, Member, Stamp, TeamDocument,
};

#[component]
pub fn MembersList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let new_name = RwSignal::new(String::new());
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        let ok = state.edit(|doc, s| doc.add_member(s, &name, &browser::today()));
        if ok.is_some() {
            new_name.set(String::new());
        }
    };
    let rows = move || {
        state.team.with(|t| {
            t.as_ref()
                .map(|t| {
                    queries::sorted_members(t)
                        .into_iter()
                        .map(|m| {
                            let roles: Vec<String> = queries::roles_held_by(t, &m.id)
                                .into_iter()
                                .map(|r| r.name.clone())
                                .collect();
                            (m.clone(), roles)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <section aria-labelledby="members-heading">
            <h2 id="members-heading">"Members"</h2>
            <form class="add-row" on:submit=add>
                <LocalInput label="New member's name" value=new_name />
                <button type="submit" class="primary">"Add member"</button>
            </form>
            <ul class="cards" aria-label="Members">
                {move || rows().into_iter().map(|(m, roles)| view! { <MemberRow member=m roles=roles /> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn MemberRow(member: Member, roles: Vec<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = member.id.clone();
    let many = roles.len() >= queries::MANY_ROLES;
    let roles_text = if roles.is_empty() {
        "Holds no role".to_string()
    } else {
        format!("Holds: {}", roles.join(", "))
    };
    view! {
        <li class="card" class:muted=!member.is_active()>
            <button type="button" class="title-link" on:click=move |_| state.screen.set(Screen::Member(id.clone()))>
                {member.name.clone()}
            </button>
            {(!member.is_active()).then(|| view! { <span class="badge">"Left the team"</span> })}
            {many.then(|| view! { <span class="badge warn">{format!("{} roles", roles.len())}</span> })}
            <p class="meta">
                {if member.expertise.is_empty() { "No expertise listed".to_string() } else { format!("Expertise: {}", member.expertise.join(", ")) }}
            </p>
            <p class="meta">{roles_text}</p>
        </li>
    }
}

#[component]
pub fn MemberEditor(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = StoredValue::new(id);
    let member = super::record::open_record::<Member>(state, id);
    let field = super::record::field_of(member);
    let set = move |field: MemberField| {
        let point = field.undo_point(&id.get_value());
        let edit = |doc: &mut TeamDocument, s: &Stamp| doc.set_member(s, &id.get_value(), field);
        match point {
            Some(p) => state.edit_undoable(p, edit),
            None => state.edit(edit),
        };
    };
    // Typing into the member leaves the roles they hold as they were.
    let roles = super::derive::over(
        state,
        &[Collection::Roles],
        |_| (),
        move |t| {
            queries::roles_held_by(t, &id.get_value())
                .into_iter()
                .map(|r| (r.id.clone(), r.name.clone()))
                .collect::<Vec<_>>()
        },
    );
    let editing = RwSignal::new(false);
    view! {
            <section aria-labelledby="member-heading">
                <button type="button" class="back no-print" on:click=move |_| state.screen.set(Screen::Members)>"← All members"</button>
                <Show when=move || member.with(Option::is_some) fallback=|| view! { <p>"This member is not in the team."</p> }>
                    <h2 id="member-heading">{move || member.with(|m| m.as_ref().map(|m| m.name.clone()))}</h2>
                    <ConflictsBox collection=Collection::Members id=id.get_value() />
                    <EditToggle editing=editing what="this member" />
                    <Show when=move || editing.get() fallback=move || view! { <MemberRecord member=member /> }>
                        <div data-editor>
                        <div class="card">
                            <TextField label="Name" value=field(|m| m.name.clone()) on_input=Callback::new(move |v| set(MemberField::Name(v))) />
                            <TextField
                                label="Expertise"
                                hint="Separate with commas, e.g. finance, facilitation"
                                value=field(|m| join_tags(&m.expertise))
                                on_input=Callback::new(move |v: String| set(MemberField::Expertise(split_tags(&v))))
                            />
                            <p class="meta">{move || member.with(|m| m.as_ref().map(|m| format!("Joined on {}", m.joined_on)))}</p>
                            {move || {
                                let left = member.with(|m| m.as_ref().and_then(|m| m.left_on.clone()));
                                match left {
                                    Some(day) => view! {
                                        <p class="meta">{format!("Left the team on {day}")}</p>
                                        <button type="button" on:click=move |_| set(MemberField::LeftOn(None))>"Mark as back in the team"</button>
                                    }.into_any(),
                                    None => view! {
                                        <button type="button" on:click=move |_| set(MemberField::LeftOn(Some(browser::today())))>"Mark as left the team"</button>
                                    }.into_any(),
                                }
                            }}
                        </div>
                        </div>
                    </Show>
    <super::record_history::RecordHistory collection=Collection::Members id=id />
                <Contributions id=id />
                    <div class="card">
                        <h3>"Roles held"</h3>
                        <ul class="plain">
                            {move || {
                                let list = roles.get();
                                if list.is_empty() {
                                    view! { <li>"None"</li> }.into_any()
                                } else {
                                    list.into_iter()
                                        .map(|(rid, name)| view! {
                                            <li><button type="button" class="link" on:click=move |_| state.screen.set(Screen::Role(rid.clone()))>{name}</button></li>
                                        })
                                        .collect_view()
                                        .into_any()
                                }
                            }}
                        </ul>
                    </div>
                </Show>
            </section>
        }
}

/// Recognitions listed on a member's page; the rest are counted.
const RECOGNITIONS_SHOWN: usize = 10;

/// What the member did for the team's leadership, and the recognition
/// they received.
#[component]
fn Contributions(id: StoredValue<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Every record but members is read, and of members only who they
    // are: typing into a member's expertise leaves this as it was.
    let parts = &[
        Collection::Roles,
        Collection::Decisions,
        Collection::Meetings,
        Collection::Tensions,
        Collection::Recognitions,
        Collection::Options,
    ];
    let summary = super::derive::over(state, parts, queries::member_choices_key, move |t| {
        let name = t.member_name(&id.get_value())?.to_string();
        let c = contributions::of(t, &id.get_value());
        let counts = vec![
            ("Meetings facilitated", c.figures.facilitated),
            ("Meetings minuted", c.figures.minuted),
            ("Tensions raised", c.figures.tensions_raised),
            ("Decisions advised on", c.figures.advice_given),
            ("Recognition given", c.figures.recognition_given),
        ];
        let received: Vec<(String, String, String)> = c
            .received
            .iter()
            .take(RECOGNITIONS_SHOWN)
            .map(|r| {
                let from = t.member_name(&r.from).unwrap_or("Someone who left");
                let others: Vec<&str> =
                    r.to.iter()
                        .filter(|m| **m != id.get_value())
                        .filter_map(|m| t.member_name(m))
                        .collect();
                let mut meta = format!("From {from}, {}", r.date);
                if !others.is_empty() {
                    meta.push_str(&format!(", with {}", others.join(", ")));
                }
                if let Some(l) = &r.for_what {
                    meta.push_str(&format!(" \u{b7} for {}", queries::link_label(t, l)));
                }
                (r.id.clone(), r.words.as_str().to_string(), meta)
            })
            .collect();
        Some((name, counts, received, c.received.len()))
    });
    move || {
        summary.get().map(|(name, counts, received, total)| {
            let more = total - received.len();
            view! {
                <div class="card">
                    <h3>"Contributions to leadership"</h3>
                    <dl class="counts">
                        {counts.into_iter().map(|(l, n)| view! { <div><dt>{l}</dt><dd>{n}</dd></div> }).collect_view()}
                    </dl>
                    <h4>{format!("Recognition received ({total})")}</h4>
                    {received.is_empty().then(|| view! { <p class="meta">"None yet."</p> })}
                    <ul class="plain recognitions" aria-label="Recognition received">
                        {received.into_iter().map(|(_, words, meta)| view! {
                            <li><p class="pre">{words}</p><p class="meta">{meta}</p></li>
                        }).collect_view()}
                    </ul>
                    {(more > 0).then(|| view! { <p class="meta">{format!("and {more} earlier")}</p> })}
                    {move || (state.me.get().as_deref() != Some(id.get_value().as_str())).then(|| view! {
                        <Recognise label=format!("Recognise {name}") for_what=None suggest=Signal::stored(vec![id.get_value()]) />
                    })}
                </div>
            }
        })
    }
}

/// A member as a record to read: expertise, when they joined (and left).
#[component]
fn MemberRecord(member: Memo<Option<Member>>) -> impl IntoView {
    move || {
        member.get().map(|m| {
            let expertise = if m.expertise.is_empty() { "None named".to_string() } else { m.expertise.join(", ") };
            view! {
                <div class="card record">
                    <dl class="facts">
                        <div><dt>"Expertise"</dt><dd>{expertise}</dd></div>
                        <div><dt>"Joined on"</dt><dd>{m.joined_on.clone()}</dd></div>
                        {m.left_on.clone().map(|d| view! { <div><dt>"Left the team on"</dt><dd>{d}</dd></div> })}
                    </dl>
                </div>
            }
        })
    }
}
