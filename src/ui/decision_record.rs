//! A decision as a record to read: what was decided, by whom and how, why,
//! the options weighed, the advice given and the objections settled.

use leptos::prelude::*;

use super::state::{AppState, Screen};
use crate::model::{queries, queries::options_of, Decision};

/// Prose as written (line breaks kept by the stylesheet), or a quiet
/// "Not recorded" — always text, never markup.
pub fn prose(text: String) -> impl IntoView {
    if text.trim().is_empty() {
        view! { <p class="meta">"Not recorded."</p> }.into_any()
    } else {
        view! { <p class="prose">{text}</p> }.into_any()
    }
}

/// One labelled section of a record.
pub fn section(title: &'static str, body: impl IntoView + 'static) -> impl IntoView {
    view! {
        <section class="record-section">
            <h3>{title}</h3>
            {body}
        </section>
    }
}

#[component]
pub fn DecisionRecord(decision: Memo<Option<Decision>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = move |id: String| state.screen.set(Screen::Decision(id));
    move || {
        let Some(d) = decision.get() else {
            return ().into_any();
        };
        state.team.with(|t| {
            let Some(t) = t else { return ().into_any() };
            let name = |id: &str| t.member_name(id).unwrap_or("Someone who left").to_string();
            let owner = d
                .owner()
                .map(|o| queries::owner_label(t, &o))
                .unwrap_or_else(|| "No owner yet".into());
            let mut facts = vec![
                ("Owner", owner),
                ("Method", d.method.label().to_string()),
            ];
            if let Some(on) = &d.decided_on {
                facts.push(("Decided on", on.clone()));
            }
            if let Some(r) = &d.review_by {
                facts.push(("Review by", r.clone()));
            }
            if !d.tags.is_empty() {
                facts.push(("Tags", d.tags.join(", ")));
            }
            let goals: Vec<String> = d
                .goals
                .iter()
                .filter_map(|g| t.profile.goals.get(g).map(|g| g.title.clone()))
                .collect();
            if !goals.is_empty() {
                facts.push(("Goals served", goals.join(", ")));
            }
            let link = |label: &'static str, id: &Option<String>| {
                id.as_ref().and_then(|id| t.decisions.get(id)).map(|x| {
                    let target = x.id.clone();
                    view! {
                        <p>{label} " "
                            <button type="button" class="link" on:click=move |_| open(target.clone())>{x.title.clone()}</button>
                        </p>
                    }
                })
            };
            let supersedes = link("Supersedes", &d.supersedes);
            let superseded_by = link("Superseded by", &d.superseded_by);
            let options: Vec<_> = options_of(t, &d.id)
                .into_iter()
                .map(|o| {
                    let pros: Vec<String> = o.pro_points().iter().map(|s| s.to_string()).collect();
                    let cons: Vec<String> = o.con_points().iter().map(|s| s.to_string()).collect();
                    view! {
                        <li class="option" class:chosen=o.chosen>
                            <p class="option-title">
                                <strong>{o.title.clone()}</strong>
                                {o.chosen.then(|| view! { " " <span class="badge status-decided">"Chosen"</span> })}
                            </p>
                            {(!pros.is_empty()).then(|| view! {
                                <p class="meta">"For it"</p>
                                <ul>{pros.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                            })}
                            {(!cons.is_empty()).then(|| view! {
                                <p class="meta">"Against it"</p>
                                <ul>{cons.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                            })}
                        </li>
                    }
                })
                .collect();
            let advice: Vec<_> = d
                .consultees
                .values()
                .map(|c| {
                    let who = name(&c.member_id);
                    match c.stance {
                        Some(s) => view! {
                            <li>
                                <strong>{who}</strong>
                                {format!(" — {}, {}", s.label(), c.answered_on.clone().unwrap_or_default())}
                                {(!c.advice.as_str().trim().is_empty()).then(|| view! { <p class="prose">{c.advice.as_str().to_string()}</p> })}
                            </li>
                        }.into_any(),
                        None => view! {
                            <li><strong>{who}</strong>{format!(" — asked on {}, no answer yet", c.asked_on)}</li>
                        }.into_any(),
                    }
                })
                .collect();
            let objections: Vec<_> = d
                .objections
                .values()
                .map(|o| {
                    let settled = match o.resolution {
                        Some(r) => format!("{}{}", r.label(), if o.resolution_note.as_str().trim().is_empty() { String::new() } else { format!(": {}", o.resolution_note.as_str()) }),
                        None => "Open".to_string(),
                    };
                    view! {
                        <li>
                            <strong>{name(&o.by)}</strong>{format!(" — {}", o.raised_on)}
                            <p class="prose">{o.reason.as_str().to_string()}</p>
                            <p class="meta">{settled}</p>
                        </li>
                    }
                })
                .collect();
            let due = d.review_due(&super::browser::today());
            let has_options = !options.is_empty();
            let has_advice = !advice.is_empty();
            let has_objections = !objections.is_empty();
            view! {
                <div class="card record">
                    <dl class="facts">
                        <div>
                            <dt>"Status"</dt>
                            <dd>
                                <span class=format!("badge status-{}", d.status.as_str())>{d.status.label()}</span>
                                {due.then(|| view! { " " <span class="badge warn">"Review due"</span> })}
                            </dd>
                        </div>
                        {facts.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
                    </dl>
                    {supersedes}
                    {superseded_by}
                    {section("Why now (driver)", prose(d.driver.as_str().to_string()))}
                    {section("Proposal", prose(d.proposal.as_str().to_string()))}
                    {section("Options considered", if has_options {
                        view! { <ul class="plain options">{options}</ul> }.into_any()
                    } else {
                        view! { <p class="meta">"None recorded."</p> }.into_any()
                    })}
                    {section("Outcome", prose(d.outcome.as_str().to_string()))}
                    {section("Rationale", prose(d.rationale.as_str().to_string()))}
                    {has_advice.then(|| section("Advice given", view! { <ul class="plain">{advice}</ul> }))}
                    {has_objections.then(|| section("Objections", view! { <ul class="plain">{objections}</ul> }))}
                </div>
            }
            .into_any()
        })
    }
}
