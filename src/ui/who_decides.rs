//! "I want to change X: who decides, who must I consult?"

use leptos::prelude::*;

use super::{
    fields::LocalInput,
    state::{AppState, Screen},
};
use crate::model::rights::who_decides;

#[component]
pub fn WhoDecides() -> impl IntoView {
    let state = expect_context::<AppState>();
    let topic = RwSignal::new(String::new());
    let answer = move || {
        let topic = topic.get();
        if topic.trim().is_empty() {
            return None;
        }
        state.team.with(|t| {
            let t = t.as_ref()?;
            let w = who_decides(t, &topic);
            let claims: Vec<(String, String, String, String)> = w
                .claims
                .iter()
                .map(|c| {
                    let holders: Vec<&str> = c
                        .role
                        .fillers
                        .values()
                        .filter_map(|f| t.member_name(&f.member_id))
                        .collect();
                    let how = if c.domain.is_empty() {
                        format!("accountable for: {}", c.accountabilities.join("; "))
                    } else {
                        format!("decides alone: {}", c.domain.join("; "))
                    };
                    let held = if holders.is_empty() {
                        "No one holds this role".to_string()
                    } else {
                        format!("Held by {}", holders.join(", "))
                    };
                    (c.role.id.clone(), c.role.name.clone(), how, held)
                })
                .collect();
            let double: Vec<String> = w
                .claims
                .iter()
                .filter(|c| !c.domain.is_empty())
                .map(|c| c.role.name.clone())
                .collect();
            let past: Vec<(String, String, String)> = w
                .decisions
                .iter()
                .map(|d| (d.id.clone(), d.title.clone(), d.status.label().to_string()))
                .collect();
            Some((
                claims,
                w.uncovered(),
                w.double_claimed().then_some(double),
                past,
            ))
        })
    };
    view! {
        <section aria-labelledby="who-decides-heading">
            <h2 id="who-decides-heading">"Who decides?"</h2>
            <div class="card">
                <LocalInput label="Topic" hint="What do you want to change? e.g. hiring, release dates, budget under 500" value=topic />
            </div>
            {move || answer().map(|(claims, uncovered, double, past)| view! {
                <section class="card" aria-label="Answer" aria-live="polite">
                    {uncovered.then(|| view! {
                        <p class="warn-text"><strong>"No role covers this topic."</strong>" Decide it with the whole team (consent or the advice process), or give it to a role."</p>
                    })}
                    {double.map(|names| view! {
                        <p class="warn-text"><strong>"Role confusion: "</strong>{format!("{} all claim this in their domain. Agree which one decides.", names.join(" and "))}</p>
                    })}
                    <ul class="plain">
                        {claims.into_iter().map(|(id, name, how, held)| view! {
                            <li>
                                <button type="button" class="title-link" on:click=move |_| state.screen.set(Screen::Role(id.clone()))>{name}</button>
                                <p class="meta">{how}</p>
                                <p class="meta">{held}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                    <h3>"Past decisions on this"</h3>
                    {if past.is_empty() {
                        view! { <p class="meta">"None yet."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="plain">
                                {past.into_iter().map(|(id, title, status)| view! {
                                    <li><button type="button" class="link" on:click=move |_| state.screen.set(Screen::Decision(id.clone()))>{format!("{title} ({status})")}</button></li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </section>
            })}
        </section>
    }
}
