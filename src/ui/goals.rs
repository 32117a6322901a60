//! The team's goals (strategic priorities), and how decisions line up
//! with them.

use leptos::{ev::SubmitEvent, prelude::*};

use super::{
    fields::LocalInput,
    state::{AppState, Screen, Touched},
};
use crate::model::rights;

#[component]
pub fn GoalsCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let title = RwSignal::new(String::new());
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        if state.edit(|doc, s| {
            doc.add_goal(s, &title.get_untracked())
                .map(|_| Touched::Profile)
        }) {
            title.set(String::new());
        }
    };
    let view_of = move || {
        state.team.with(|t| {
            let Some(t) = t else {
                return (Vec::new(), Vec::new(), Vec::new());
            };
            let goals: Vec<String> = t.profile.goals.values().map(|g| g.title.clone()).collect();
            let unserved: Vec<String> = rights::goals_without_decision(t)
                .iter()
                .map(|g| g.title.clone())
                .collect();
            let aimless: Vec<(String, String)> = rights::decisions_without_goal(t)
                .iter()
                .map(|d| (d.id.clone(), d.title.clone()))
                .collect();
            (goals, unserved, aimless)
        })
    };
    view! {
        <section class="card" aria-labelledby="goals-heading">
            <h3 id="goals-heading">"Goals"</h3>
            {move || {
                let (goals, unserved, aimless) = view_of();
                view! {
                    <ul class="plain" aria-label="Team goals">
                        {goals.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}
                    </ul>
                    {(!unserved.is_empty()).then(|| view! {
                        <p class="warn-text">{format!("No decision serves: {}", unserved.join(", "))}</p>
                    })}
                    {(!aimless.is_empty()).then(|| view! {
                        <p class="meta">{format!("{} decisions in progress or in force serve no goal:", aimless.len())}</p>
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
