//! How a decision gets made: whether it may be decided yet, whom to
//! consult and what they said, objections and how they were settled, the
//! goals it serves, and what superseded it.

use leptos::{ev::SubmitEvent, prelude::*};

use super::{
    browser,
    fields::field_id,
    recognise::Recognise,
    state::{AppState, Notice, Screen},
};
use crate::model::{
    edits::UndoPoint,
    rights::{can_decide_in, suggest_consultees_in, Topics},
    Decision, DecisionStatus, Link, LinkKind, Resolution, Stance,
};

fn name_of(state: AppState, member: &str) -> String {
    state
        .team
        .with_untracked(|t| {
            t.as_ref()
                .and_then(|t| t.member_name(member).map(str::to_string))
        })
        .unwrap_or_else(|| "Someone who left".into())
}

/// Why the decision cannot be marked decided yet, said before anyone tries.
#[component]
pub fn RightsNote(decision: Memo<Option<Decision>>, topics: Memo<Topics>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Worked out on every keystroke, shown again only when it changes.
    let why = Memo::new(move |_| {
        state.team.with(|t| {
            decision.with(|d| {
                let (t, d) = (t.as_ref()?, d.as_ref()?);
                (matches!(d.status, DecisionStatus::Draft | DecisionStatus::Open))
                    .then(|| topics.with(|topics| can_decide_in(t, topics, d).err()))
                    .flatten()
                    .map(|w| w.to_string())
            })
        })
    });
    move || {
        why.get().map(|w| view! { <p class="warn-text" role="note"><strong>"Before it can be decided: "</strong>{w}</p> })
    }
}

#[component]
pub fn Consultation(
    id: String,
    decision: Memo<Option<Decision>>,
    topics: Memo<Topics>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = StoredValue::new(id);
    let d = decision;
    // Memos: typing into the decision changes it on every keystroke, and
    // the lists below are drawn again only when what they show changes.
    let suggestions = Memo::new(move |_| {
        state.team.with(|t| {
            d.with(|d| {
                let (Some(t), Some(d)) = (t.as_ref(), d.as_ref()) else {
                    return Vec::new();
                };
                topics
                    .with(|topics| suggest_consultees_in(t, topics, d))
                    .into_iter()
                    .filter(|s| !d.consultees.contains_key(&s.member.id))
                    .map(|s| {
                        (
                            s.member.id.clone(),
                            s.member.name.clone(),
                            s.reasons.join("; "),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let others = Memo::new(move |_| {
        state.team.with(|t| {
            d.with(|d| {
                let (Some(t), Some(d)) = (t.as_ref(), d.as_ref()) else {
                    return Vec::new();
                };
                crate::model::queries::sorted_members(t)
                    .into_iter()
                    .filter(|m| m.is_active() && !d.consultees.contains_key(&m.id))
                    .map(|m| (m.id.clone(), m.name.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });
    let asked = Memo::new(move |_| {
        d.with(|d| {
            d.as_ref()
                .map(|d| d.consultees.keys().cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let ask = move |member: String| {
        state.edit(|doc, s| doc.ask_advice(s, &id.get_value(), &member, &browser::today()));
    };
    let pick = RwSignal::new(String::new());
    let pick_id = field_id();
    view! {
        <section class="card" aria-labelledby="consult-heading">
            <h3 id="consult-heading">"Advice"</h3>
            {move || {
                let list = suggestions.get();
                (!list.is_empty()).then(|| view! {
                    <p class="meta">"Suggested, from the roles this touches and matching expertise:"</p>
                    <ul class="plain">
                        {list.into_iter().map(|(mid, name, why)| {
                            let label = format!("Ask {name}");
                            view! {
                                <li>
                                    <button type="button" on:click=move |_| ask(mid.clone())>{label}</button>
                                    <span class="meta">{format!(" {why}")}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }}
            <form class="add-row" on:submit=move |ev: SubmitEvent| {
                ev.prevent_default();
                let m = pick.get_untracked();
                if m.is_empty() {
                    state.say(Notice::Error("Choose someone to ask.".into()));
                } else {
                    ask(m);
                    pick.set(String::new());
                }
            }>
                <div class="field">
                    <label class="field-label" for=pick_id.clone()>"Ask someone else"</label>
                    <select id=pick_id on:change=move |ev| pick.set(event_target_value(&ev))>
                        <option value="" selected=move || pick.get().is_empty()>"Choose…"</option>
                        {move || others.get().into_iter().map(|(mid, name)| view! { <option value=mid>{name}</option> }).collect_view()}
                    </select>
                </div>
                <button type="submit">"Ask"</button>
            </form>
            <ul class="plain consulted" aria-label="People consulted">
                <For each=move || asked.get() key=|m| m.clone() children=move |m| {
                    view! { <ConsultedRow id=id.get_value() decision=d member=m /> }
                } />
            </ul>
        </section>
    }
}

#[component]
fn ConsultedRow(id: String, decision: Memo<Option<Decision>>, member: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (did, mid) = (StoredValue::new(id), StoredValue::new(member));
    let c = Memo::new(move |_| {
        decision.with(|d| {
            d.as_ref()
                .and_then(|d| d.consultees.get(&mid.get_value()).cloned())
        })
    });
    let name = name_of(state, &mid.get_value());
    let stance = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let (stance_id, text_id) = (field_id(), field_id());
    let record = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(st) = Stance::parse(&stance.get_untracked()) else {
            state.say(Notice::Error(
                "Choose what they said: support, concern, objection or abstain.".into(),
            ));
            return;
        };
        let said = text.get_untracked();
        state.edit(|doc, s| {
            doc.record_advice(
                s,
                &did.get_value(),
                &mid.get_value(),
                st,
                &said,
                &browser::today(),
            )
        });
    };
    // The name starts with the word shown (WCAG 2.5.3, label in name).
    let remove_label = format!("Remove {name} from those asked");
    view! {
        <li>
            <strong>{name.clone()}</strong>
            {move || c.get().map(|c| match c.stance {
                Some(st) => view! {
                    <span class="badge">{st.label()}</span>
                    <span class="meta">{format!(" on {}", c.answered_on.clone().unwrap_or_default())}</span>
                    <p>{c.advice.as_str().to_string()}</p>
                    <Recognise label=format!("Recognise {}'s advice", name_of(state, &mid.get_value()))
                        for_what=Some(Link { kind: LinkKind::Advice, id: format!("{}/{}", did.get_value(), mid.get_value()) })
                        suggest=Signal::stored(vec![mid.get_value()]) />
                }.into_any(),
                None => view! { <span class="badge warn">{format!("Asked on {}, not answered yet", c.asked_on)}</span> }.into_any(),
            })}
            <form class="add-row" on:submit=record>
                <div class="field">
                    <label class="field-label" for=stance_id.clone()>{format!("{name}'s answer")}</label>
                    <select id=stance_id on:change=move |ev| stance.set(event_target_value(&ev))>
                        <option value="">"Choose…"</option>
                        {Stance::ALL.iter().map(|s| view! { <option value=s.as_str()>{s.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label class="field-label" for=text_id.clone()>{format!("What {name} said")}</label>
                    <textarea id=text_id rows="2" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                </div>
                <button type="submit">"Record answer"</button>
                <button type="button" aria-label=remove_label on:click=move |_| {
                    let point = UndoPoint::AdviceRequest { decision: did.get_value(), member: mid.get_value() };
                    state.edit_undoable(point, |doc, s| doc.unask_advice(s, &did.get_value(), &mid.get_value()));
                }>"Remove"</button>
            </form>
        </li>
    }
}

#[component]
pub fn Objections(id: String, decision: Memo<Option<Decision>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = StoredValue::new(id);
    let d = decision;
    let raised = Memo::new(move |_| {
        d.with(|d| {
            d.as_ref()
                .map(|d| d.objections.keys().cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let by = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let (by_id, reason_id) = (field_id(), field_id());
    let choices = super::identity::member_choices();
    let members = move || choices.get();
    let raise = move |ev: SubmitEvent| {
        ev.prevent_default();
        let who = by.get_untracked();
        if who.is_empty() {
            state.say(Notice::Error("Say who objects.".into()));
            return;
        }
        let why = reason.get_untracked();
        if state
            .edit(|doc, s| doc.raise_objection(s, &id.get_value(), &who, &why, &browser::today()))
            .is_some()
        {
            reason.set(String::new());
        }
    };
    view! {
        <section class="card" aria-labelledby="objections-heading">
            <h3 id="objections-heading">"Objections"</h3>
            <ul class="plain" aria-label="Objections raised">
                <For each=move || raised.get() key=|o| o.clone() children=move |o| {
                    view! { <ObjectionRow id=id.get_value() decision=d objection=o /> }
                } />
            </ul>
            <form class="add-row" on:submit=raise>
                <div class="field">
                    <label class="field-label" for=by_id.clone()>"Objection by"</label>
                    <select id=by_id on:change=move |ev| by.set(event_target_value(&ev))>
                        <option value="">"Choose…"</option>
                        {move || members().into_iter().map(|(mid, name)| view! { <option value=mid>{name}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label class="field-label" for=reason_id.clone()>"Objection"</label>
                    <textarea id=reason_id rows="2" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                </div>
                <button type="submit">"Record objection"</button>
            </form>
        </section>
    }
}

#[component]
fn ObjectionRow(id: String, decision: Memo<Option<Decision>>, objection: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (did, oid) = (StoredValue::new(id), StoredValue::new(objection));
    let o = Memo::new(move |_| {
        decision.with(|d| {
            d.as_ref()
                .and_then(|d| d.objections.get(&oid.get_value()).cloned())
        })
    });
    let how = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let (how_id, note_id) = (field_id(), field_id());
    let resolve = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(h) = Resolution::parse(&how.get_untracked()) else {
            state.say(Notice::Error(
                "Choose how the objection was resolved.".into(),
            ));
            return;
        };
        let n = note.get_untracked();
        state.edit(|doc, s| {
            doc.resolve_objection(
                s,
                &did.get_value(),
                &oid.get_value(),
                h,
                &n,
                &browser::today(),
            )
        });
    };
    move || {
        o.get().map(|o| {
            let who = name_of(state, &o.by);
            let head = format!("{who} objects: {}", o.reason.as_str());
            match o.resolution {
                Some(r) => view! {
                    <li>
                        <p>{head}</p>
                        <p class="meta">{format!("Resolved on {}: {}. {}", o.resolved_on.clone().unwrap_or_default(), r.label(), o.resolution_note.as_str())}</p>
                    </li>
                }.into_any(),
                None => view! {
                    <li class="warn">
                        <p>{head}<span class="badge warn">"Not resolved"</span></p>
                        <form class="add-row" on:submit=resolve>
                            <div class="field">
                                <label class="field-label" for=how_id.clone()>{format!("How was {who}'s objection resolved?")}</label>
                                <select id=how_id.clone() on:change=move |ev| how.set(event_target_value(&ev))>
                                    <option value="">"Choose…"</option>
                                    {Resolution::ALL.iter().map(|r| view! { <option value=r.as_str()>{r.label()}</option> }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label class="field-label" for=note_id.clone()>"Resolution note"</label>
                                <textarea id=note_id.clone() rows="2" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                            </div>
                            <button type="submit">"Resolve objection"</button>
                        </form>
                    </li>
                }.into_any(),
            }
        })
    }
}

/// The goals a decision serves, and the decisions it supersedes or that
/// superseded it.
#[component]
pub fn GoalsAndLinks(id: String, decision: Memo<Option<Decision>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = StoredValue::new(id);
    let d = decision;
    let goals = Memo::new(move |_| {
        state.team.with(|t| {
            t.as_ref()
                .map(|t| {
                    t.profile
                        .goals
                        .values()
                        .map(|g| (g.id.clone(), g.title.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let serving =
        Memo::new(move |_| d.with(|d| d.as_ref().map(|d| d.goals.clone()).unwrap_or_default()));
    let status = Memo::new(move |_| d.with(|d| d.as_ref().map(|d| d.status)));
    let toggle = move |goal: String, on: bool| {
        state.edit(|doc, s| doc.set_goal_served(s, &id.get_value(), &goal, on));
    };
    let replacement = RwSignal::new(String::new());
    let repl_id = field_id();
    // The other decisions, as choices: built again only when one of them
    // changes, not while this one is typed into.
    let others = super::derive::keyed(
        state,
        move |t| crate::model::queries::other_decisions_key(t, &id.get_value()),
        move |t| {
            crate::model::queries::sorted_decisions(t)
                .into_iter()
                .filter(|x| x.id != id.get_value())
                .map(|x| (x.id.clone(), x.title.clone()))
                .collect::<Vec<_>>()
        },
    );
    // The decision it supersedes and the one that superseded it, with
    // their titles as they are now.
    let linked = move |link: fn(&Decision) -> Option<String>| {
        Memo::new(move |_| {
            state.team.with(|t| {
                let (t, other) = (t.as_ref()?, d.with(|d| d.as_ref().and_then(link))?);
                let title = t
                    .decisions
                    .get(&other)
                    .map(|o| o.title.clone())
                    .unwrap_or_default();
                Some((other, title))
            })
        })
    };
    let supersedes = linked(|d| d.supersedes.clone());
    let superseded_by = linked(|d| d.superseded_by.clone());
    view! {
        <section class="card" aria-labelledby="goals-links-heading">
            <h3 id="goals-links-heading">"Goals served"</h3>
            {move || {
                let list = goals.get();
                if list.is_empty() {
                    return view! { <p class="meta">"The team has no goals yet: add them on the overview."</p> }.into_any();
                }
                let serving = serving.get();
                list.into_iter().map(|(gid, title)| {
                    let checked = serving.contains(&gid);
                    view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=checked on:change=move |ev| toggle(gid.clone(), event_target_checked(&ev)) />
                            {title}
                        </label>
                    }
                }).collect_view().into_any()
            }}
            {move || supersedes.get().map(|(old, t)| {
                view! { <p>"Supersedes "<button type="button" class="link" on:click=move |_| state.screen.set(Screen::Decision(old.clone()))>{t}</button></p> }
            })}
            {move || superseded_by.get().map(|(new, t)| {
                view! { <p>"Superseded by "<button type="button" class="link" on:click=move |_| state.screen.set(Screen::Decision(new.clone()))>{t}</button></p> }
            })}
            <Show when=move || status.get() == Some(DecisionStatus::Decided)>
                <form class="add-row" on:submit=move |ev: SubmitEvent| {
                    ev.prevent_default();
                    let new = replacement.get_untracked();
                    if new.is_empty() {
                        state.say(Notice::Error("Choose the decision that replaces this one.".into()));
                        return;
                    }
                    state.edit(|doc, s| doc.supersede(s, &id.get_value(), &new));
                }>
                    <div class="field">
                        <label class="field-label" for=repl_id.clone()>"Superseded by"</label>
                        <select id=repl_id.clone() on:change=move |ev| replacement.set(event_target_value(&ev))>
                            <option value="">"Choose…"</option>
                            {move || others.get().into_iter().map(|(xid, title)| view! { <option value=xid>{title}</option> }).collect_view()}
                        </select>
                    </div>
                    <button type="submit">"Mark as superseded"</button>
                </form>
            </Show>
        </section>
    }
}
