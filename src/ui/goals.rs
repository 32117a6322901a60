//! The team's goals (strategic priorities), and how decisions line up
//! with them.

use leptos::{ev::SubmitEvent, prelude::*};

use super::{
    fields::LocalInput,
    state::{AppState, Screen},
};
use crate::model::rights;

/// How many decisions serving no goal are named.
const AIMLESS_SHOWN: usize = 10;

#[component]
pub fn GoalsCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let title = RwSignal::new(String::new());
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        if state
            .edit(|doc, s| doc.add_goal(s, &title.get_untracked()))
            .is_some()
        {
            title.set(String::new());
        }
    };
    let view_of = move || {
        state.team.with(|t| {
            let Some(t) = t else {
                return (Vec::new(), Vec::new(), (0, Vec::new()));
            };
            let goals: Vec<String> = t.profile.goals.values().map(|g| g.title.clone()).collect();
            let unserved: Vec<String> = rights::goals_without_decision(t)
                .iter()
                .map(|g| g.title.clone())
                .collect();
            let mut aimless = rights::decisions_without_goal(t);
            crate::model::order::sort_by(&mut aimless, |a, b| {
                b.created_at
                    .cmp(&a.created_at)
                    .then_with(|| a.id.cmp(&b.id))
            });
            let count = aimless.len();
            // Named up to a handful, most recent first; the rest counted.
            let aimless: Vec<(String, String)> = aimless
                .iter()
                .take(AIMLESS_SHOWN)
                .map(|d| (d.id.clone(), d.title.clone()))
                .collect();
            (goals, unserved, (count, aimless))
        })
    };
    view! {
        <section class="card" aria-labelledby="goals-heading">
            <h3 id="goals-heading">"Goals"</h3>
            {move || {
                let (goals, unserved, (count, aimless)) = view_of();
                view! {
                    <ul class="plain" aria-label="Team goals">
                        {goals.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}
                    </ul>
                    {(!unserved.is_empty()).then(|| view! {
                        <p class="warn-text">{format!("No decision serves: {}", unserved.join(", "))}</p>
                    })}
                    {(!aimless.is_empty()).then(|| view! {
                        <p class="meta">{if count > aimless.len() {
                            format!("{count} decisions in progress or in force serve no goal; the {} most recent:", aimless.len())
                        } else {
                            format!("{count} decisions in progress or in force serve no goal:")
                        }}</p>
                        <ul class="plain" aria-label="Decisions serving no goal">
                            {aimless.into_iter().map(|(id, t)| view! {
                                <li><button type="button" class="link" on:click=move |_| state.screen.set(Screen::Decision(id.clone()))>{t}</button></li>
                            }).collect_view()}
                        </ul>
                    })}
                }
            }}
            <form class="add-row" on:submit=add>
                <LocalInput label="New goal" value=title />
                <button type="submit">"Add goal"</button>
            </form>
        </section>
    }
}
