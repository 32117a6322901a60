//! Roles: their purpose, what they decide alone, and who fills them.

use leptos::{ev::SubmitEvent, prelude::*};

use super::{
    browser,
    conflicts::ConflictsBox,
    fields::{field_id, join_lines, join_tags, DateField, LocalInput, TextField},
    focus::EditToggle,
    recognise::Recognise,
    state::{AppState, Screen},
};
use crate::model::{
    edits::{split_lines, split_tags, RoleField, UndoPoint},
    queries, Collection, Link, LinkKind, Role, RoleStatus, Stamp, TeamDocument,
};

#[component]
pub fn RolesList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let new_name = RwSignal::new(String::new());
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        if state.add_then_open(|doc, s| doc.add_role(s, &name), Screen::Role) {
            new_name.set(String::new());
        }
    };
    let today = browser::today();
    let rows = move || {
        state.team.with(|t| {
            let Some(t) = t else { return Vec::new() };
            let ending: Vec<String> = queries::terms_ending(t, &today, queries::TERM_WARNING_DAYS)
                .into_iter()
                .map(|e| e.role_id)
                .collect();
            queries::sorted_roles(t)
                .into_iter()
                .map(|r| {
                    (
                        r.id.clone(),
                        r.name.clone(),
                        r.purpose.as_str().to_string(),
                        queries::holders_text(t, r),
                        r.is_active(),
                        r.is_active() && r.fillers.is_empty(),
                        ending.contains(&r.id),
                        (r.accountabilities.clone(), r.domain.clone()),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section aria-labelledby="roles-heading">
            <h2 id="roles-heading">"Roles"</h2>
            <form class="add-row" on:submit=add>
                <LocalInput label="New role name" value=new_name />
                <button type="submit" class="primary">"Add role"</button>
            </form>
            <div class="export-row no-print">
                <button type="button" on:click=|_| browser::print()>"Print the role map"</button>
            </div>
            <ul class="cards" aria-label="Roles">
                {move || {
                    rows()
                        .into_iter()
                        .map(|(id, name, purpose, fillers, active, empty, ending, (does, decides))| {
                            view! {
                                <li class="card" class:muted=!active class:empty=empty>
                                    <button type="button" class="title-link" on:click=move |_| state.screen.set(Screen::Role(id.clone()))>
                                        {name}
                                    </button>
                                    {(!active).then(|| view! { <span class="badge">"Retired"</span> })}
                                    {empty.then(|| view! { <span class="badge warn">"Empty"</span> })}
                                    {ending.then(|| view! { <span class="badge warn">"Term ending"</span> })}
                                    <p class="meta">{fillers}</p>
                                    <p class="purpose">{purpose}</p>
                                    // The role map on paper says what each role does and decides.
                                    <div class="print-only">
                                        {(!does.is_empty()).then(|| view! { <p class="meta">"Accountabilities"</p><ul>{does.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul> })}
                                        {(!decides.is_empty()).then(|| view! { <p class="meta">"Decides alone"</p><ul>{decides.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul> })}
                                    </div>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}

#[component]
pub fn RoleEditor(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = StoredValue::new(id);
    let role = super::record::open_record::<Role>(state, id);
    let field = super::record::field_of(role);
    let set = move |field: RoleField| {
        let point = field.undo_point(&id.get_value());
        let edit = |doc: &mut TeamDocument, s: &Stamp| doc.set_role(s, &id.get_value(), field);
        match point {
            Some(p) => state.edit_undoable(p, edit),
            None => state.edit(edit),
        };
    };
    let editing = RwSignal::new(super::focus::take_new(&id.get_value()));
    let fresh = editing.get_untracked();
    view! {
        <section aria-labelledby="role-heading">
            <button type="button" class="back no-print" on:click=move |_| state.screen.set(Screen::Roles)>"← All roles"</button>
            <Show when=move || role.with(Option::is_some) fallback=|| view! { <p>"This role is not in the team."</p> }>
                <h2 id="role-heading">{move || role.with(|r| r.as_ref().map(|r| r.name.clone()))}</h2>
                <ConflictsBox collection=Collection::Roles id=id.get_value() />
                {move || role.with(|r| r.as_ref().is_some_and(|r| !r.is_active())).then(|| view! { <p class="badge">"Retired"</p> })}
                <EditToggle editing=editing what="this role" />
                <Show when=move || editing.get() fallback=move || view! { <RoleRecord role=role /> }>
                    <div data-editor data-new=fresh.then_some("")>
                    <div class="card">
                        <TextField label="Role name" value=field(|r| r.name.clone()) on_input=Callback::new(move |v| set(RoleField::Name(v))) />
                        <TextField
                            label="Purpose"
                            multiline=true
                            value=field(|r| r.purpose.as_str().to_string())
                            on_input=Callback::new(move |v: String| {
                                state.edit(|doc, s| doc.set_role_purpose(s, &id.get_value(), &v));
                            })
                        />
                        <TextField
                            label="Accountabilities"
                            hint="One per line"
                            multiline=true
                            value=field(|r| join_lines(&r.accountabilities))
                            on_input=Callback::new(move |v: String| set(RoleField::Accountabilities(split_lines(&v))))
                        />
                        <TextField
                            label="Domain"
                            hint="Decisions this role takes alone, one per line"
                            multiline=true
                            value=field(|r| join_lines(&r.domain))
                            on_input=Callback::new(move |v: String| set(RoleField::Domain(split_lines(&v))))
                        />
                        <TextField
                            label="Expertise wanted"
                            hint="Separate with commas"
                            value=field(|r| join_tags(&r.expertise))
                            on_input=Callback::new(move |v: String| set(RoleField::Expertise(split_tags(&v))))
                        />
                    </div>
                    </div>
                </Show>
                <Fillers id=id.get_value() role=role />
                <RoleDecisions id=id.get_value() />
                <super::record_history::RecordHistory collection=Collection::Roles id=id />
                <Show when=move || editing.get()>
                <div class="card">
                    {move || {
                        if role.with(|r| r.as_ref().is_some_and(Role::is_active)) {
                            view! { <button type="button" on:click=move |_| set(RoleField::Status(RoleStatus::Retired))>"Retire this role"</button> }.into_any()
                        } else {
                            view! { <button type="button" on:click=move |_| set(RoleField::Status(RoleStatus::Active))>"Bring this role back"</button> }.into_any()
                        }
                    }}
                </div>
                </Show>
            </Show>
        </section>
    }
}

/// Who fills the role, for how long, and who did before.
#[component]
fn Fillers(id: String, role: Memo<Option<Role>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = StoredValue::new(id);
    let pick = RwSignal::new(String::new());
    let term = RwSignal::new(None::<String>);
    let today = browser::today();
    let assign_id = field_id();
    let name_of = move |mid: &str| {
        state.team.with(|t| {
            t.as_ref()
                .and_then(|t| t.member_name(mid).map(str::to_string))
                .unwrap_or_else(|| "Someone who left".into())
        })
    };
    let current = move || {
        role.with(|r| {
            r.as_ref()
                .map(|r| r.fillers.values().cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    // Drawn again only when the choices change, not on every keystroke.
    let candidates = Memo::new(move |_| {
        state.team.with(|t| {
            let (Some(t), Some(r)) = (t, role.get()) else {
                return Vec::new();
            };
            queries::candidates(t, &r)
                .into_iter()
                .map(|c| {
                    let label = if c.matching.is_empty() {
                        c.member.name.clone()
                    } else {
                        format!("{} — matching expertise", c.member.name)
                    };
                    (c.member.id.clone(), label)
                })
                .collect::<Vec<_>>()
        })
    });
    let assign = move |ev: SubmitEvent| {
        ev.prevent_default();
        let member = pick.get_untracked();
        if member.is_empty() {
            state.say(super::state::Notice::Error(
                "Choose a member to assign.".into(),
            ));
            return;
        }
        let end = term.get_untracked();
        if state
            .edit(|doc, s| doc.add_filler(s, &id.get_value(), &member, &browser::today(), end))
            .is_some()
        {
            pick.set(String::new());
            term.set(None);
        }
    };
    view! {
        <div class="card">
            <h3>"Filled by"</h3>
            <ul class="plain fillers">
                {move || {
                    let list = current();
                    if list.is_empty() {
                        return view! { <li class="warn-text">"No one holds this role yet."</li> }.into_any();
                    }
                    list.into_iter()
                        .map(|f| {
                            let name = name_of(&f.member_id);
                            let mid = StoredValue::new(f.member_id.clone());
                            let ending = queries::term_ending(f.term_end.as_deref(), &today);
                            let term_label = format!("Term end for {name}");
                            // The name starts with the words shown (WCAG 2.5.3, label in name).
                            let remove_label = format!("Step down: {name}");
                            view! {
                                <li class:warn=ending>
                                    <span class="filler-name">{name.clone()}</span>
                                    <span class="meta">{format!(" since {}", f.since)}</span>
                                    <span class="inline-field">
                                        <span aria-hidden="true">"Term ends"</span>
                                        <input type="date" aria-label=term_label prop:value=f.term_end.clone().unwrap_or_default() on:change=move |ev| {
                                            let v = event_target_value(&ev);
                                            let end = if v.is_empty() { None } else { Some(v) };
                                            state.edit(|doc, s| doc.set_term_end(s, &id.get_value(), &mid.get_value(), end));
                                        } />
                                    </span>
                                    <button type="button" aria-label=remove_label on:click=move |_| {
                                        let point = UndoPoint::Filler { role: id.get_value(), member: mid.get_value() };
                                        state.edit_undoable(point, |doc, s| doc.remove_filler(s, &id.get_value(), &mid.get_value(), &browser::today()));
                                    }>"Step down"</button>
                                    <Recognise label=format!("Recognise {name}")
                                        for_what=Some(Link { kind: LinkKind::RoleTerm, id: format!("{}/{}", id.get_value(), mid.get_value()) })
                                        suggest=Signal::stored(vec![mid.get_value()]) />
                                </li>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </ul>
            <form class="add-row" on:submit=assign>
                <div class="field">
                    <label class="field-label" for=assign_id.clone()>"Assign a member"</label>
                    <select id=assign_id on:change=move |ev| pick.set(event_target_value(&ev))>
                        <option value="" selected=move || pick.get().is_empty()>"Choose…"</option>
                        {move || {
                            candidates.get().into_iter()
                                .map(|(mid, label)| {
                                    let selected = pick.get_untracked() == mid;
                                    view! { <option value=mid prop:selected=selected>{label}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <DateField label="Term ends (optional)" value=Signal::derive(move || term.get()) on_change=Callback::new(move |v| term.set(v)) />
                <button type="submit">"Assign"</button>
            </form>
            {move || {
                let past = role.with(|r| r.as_ref().map(|r| r.history.clone()).unwrap_or_default());
                (!past.is_empty()).then(|| view! {
                    <h4>"Held before by"</h4>
                    <ul class="plain">
                        {past.into_iter().rev().map(|p| view! { <li>{format!("{}, {} to {}", name_of(&p.member_id), p.from, p.to)}</li> }).collect_view()}
                    </ul>
                })
            }}
        </div>
    }
}

/// The decisions this role owns; those due for review stand out.
#[component]
fn RoleDecisions(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let owner = crate::model::Owner::Role(id).encode();
    let today = browser::today();
    // Typing into the role leaves its decisions as they were.
    let list = super::derive::over(
        state,
        &[Collection::Decisions],
        |_| (),
        move |t| {
            queries::sorted_decisions(t)
                .into_iter()
                .filter(|d| d.owner.as_deref() == Some(owner.as_str()))
                .map(|d| {
                    (
                        d.id.clone(),
                        d.title.clone(),
                        d.status.label(),
                        d.review_due(&today),
                    )
                })
                .collect::<Vec<_>>()
        },
    );
    view! {
        <div class="card">
            <h3>"Decisions of this role"</h3>
            <ul class="plain" aria-label="Decisions of this role">
                {move || {
                    let l = list.get();
                    if l.is_empty() {
                        return view! { <li class="meta">"None yet."</li> }.into_any();
                    }
                    l.into_iter().map(|(did, title, status, due)| view! {
                        <li class:warn=due>
                            <button type="button" class="link" on:click=move |_| state.screen.set(Screen::Decision(did.clone()))>{title}</button>
                            <span class="badge">{status}</span>
                            {due.then(|| view! { <span class="badge warn">"Review due"</span> })}
                        </li>
                    }).collect_view().into_any()
                }}
            </ul>
        </div>
    }
}

/// A role as a record to read: why it exists, what it keeps doing, what
/// it decides alone, the expertise it wants.
#[component]
fn RoleRecord(role: Memo<Option<Role>>) -> impl IntoView {
    use super::decision_record::section;
    let list = |items: Vec<String>, none: &'static str| {
        if items.is_empty() {
            view! { <p class="meta">{none}</p> }.into_any()
        } else {
            view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
                .into_any()
        }
    };
    move || {
        role.get().map(|r| {
            view! {
                <div class="card record">
                    {section("Purpose", super::decision_record::prose(r.purpose.as_str().to_string()))}
                    {section("Accountabilities", list(r.accountabilities.clone(), "None recorded."))}
                    {section("Domain: decides alone", list(r.domain.clone(), "None recorded."))}
                    {section("Expertise wanted", list(r.expertise.clone(), "None named."))}
                </div>
            }
        })
    }
}
