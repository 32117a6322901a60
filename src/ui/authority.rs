//! A decision questioned after a merge: what the check found, in words,
//! and the two ways to settle it.

use leptos::prelude::*;

use super::state::{AppState, Screen};
use crate::model::{authority::Flag, edits::Settle, Decision};

/// The flag of the open decision, checked again only when what the check
/// reads of it changes (not on every keystroke in its fields).
#[component]
pub fn AuthorityBox(id: StoredValue<String>, decision: Memo<Option<Decision>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let key = Memo::new(move |_| {
        decision.with(|d| {
            d.as_ref().map(|d| {
                (
                    d.status,
                    d.owner.clone(),
                    d.method,
                    d.authority_confirmed.clone(),
                    d.open_objections(),
                    d.consultees.values().filter(|c| c.stance.is_some()).count(),
                )
            })
        })
    });
    // Settling here checks again at once.
    let settled = RwSignal::new(0u32);
    let flag = Memo::new(move |_| {
        super::derive::follow(key);
        settled.track();
        state.with(|s| s.check_authority(&id.get_value())).flatten()
    });
    let settle = move |how: Settle| {
        if state
            .edit(|doc, s| doc.settle_authority(s, &id.get_value(), how))
            .is_some()
        {
            settled.update(|n| *n += 1);
        }
    };
    // Whoever owns it now may take it over as theirs.
    let can_take = move || {
        let me = state.me.get();
        state.team.with(|t| {
            let (Some(t), Some(me)) = (t.as_ref(), me) else {
                return false;
            };
            decision.with(|d| {
                d.as_ref()
                    .and_then(Decision::owner)
                    .is_some_and(|o| crate::model::queries::owner_people(t, &o).contains(&me))
            })
        })
    };
    move || {
        flag.get().map(|f| {
            let sentences = sentences(state, &f);
            let change = f.change.clone();
            view! {
                <section class="card warn-box" aria-labelledby="authority-heading">
                    <h3 id="authority-heading">"Check who decided this"</h3>
                    <ul>{sentences.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                    <p class="meta">"Edits made apart can add up to something nobody agreed to. Confirm that the decision stands, or reopen it for whoever owns it now to decide."</p>
                    <div class="actions">
                        <button type="button" on:click=move |_| settle(Settle::Confirm(change.clone()))>"Confirm it stands"</button>
                        <button type="button" on:click=move |_| settle(Settle::Reopen)>"Reopen it"</button>
                        {can_take().then(|| view! {
                            <button type="button" on:click=move |_| settle(Settle::TakeOver)>"Take it over: I own it now"</button>
                        })}
                    </div>
                </section>
            }
        })
    }
}

/// The flag's problems in words.
pub fn sentences(state: AppState, f: &Flag) -> Vec<String> {
    state.team.with_untracked(|t| {
        t.as_ref()
            .map(|t| f.problems.iter().map(|p| p.sentence(t)).collect())
            .unwrap_or_default()
    })
}

/// Flags as (decision title: what is wrong, its screen), for lists.
pub fn flag_lines(state: AppState, flags: &[Flag]) -> Vec<(String, Screen)> {
    flags
        .iter()
        .map(|f| {
            let title = state.team.with_untracked(|t| {
                t.as_ref()
                    .and_then(|t| t.decisions.get(&f.decision))
                    .map(|d| d.title.clone())
                    .unwrap_or_default()
            });
            (
                format!("{title}: {}", sentences(state, f).join(" ")),
                Screen::Decision(f.decision.clone()),
            )
        })
        .collect()
}
