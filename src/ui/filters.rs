//! The decision log's filter bar. The filter lives in the page address
//! (`?status=open&q=budget`, written by `route`), so a view can be
//! bookmarked or sent.

use leptos::prelude::*;

use super::{
    fields::{DateField, LocalInput, SelectField},
    state::AppState,
};
use crate::model::{filter::DecisionFilter, queries, DecisionStatus, Method, Owner};

fn any(label: &str) -> (String, String) {
    (String::new(), label.to_string())
}

#[component]
pub fn FilterBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let f = state.filter;
    let text = RwSignal::new(f.get_untracked().text);
    Effect::new(move |_| {
        let t = text.get();
        if f.with_untracked(|f| f.text != t) {
            f.update(|f| f.text = t);
        }
    });
    let set = move |apply: fn(&mut DecisionFilter, String)| {
        Callback::new(move |v: String| f.update(|x| apply(x, v)))
    };
    let team_options = move |pick: fn(&crate::model::Team) -> Vec<(String, String)>,
                             all: &'static str| {
        Signal::derive(move || {
            let mut out = vec![any(all)];
            state
                .team
                .with(|t| out.extend(t.as_ref().map(pick).unwrap_or_default()));
            out
        })
    };
    let owners = team_options(|t| queries::owner_choices(t, false), "Any owner");
    let people = team_options(
        |t| {
            queries::sorted_members(t)
                .into_iter()
                .map(|m| (m.id.clone(), m.name.clone()))
                .collect()
        },
        "Anyone",
    );
    // Tags in lower case, as the filter holds them; a tag from the address
    // that no decision has is offered too, so the menu shows what filters.
    let tags = Signal::derive(move || {
        let mut all: Vec<String> = state.team.with(|t| {
            t.as_ref()
                .map(|t| {
                    t.decisions
                        .values()
                        .flat_map(|d| d.tags.iter().map(|x| x.to_lowercase()))
                        .collect()
                })
                .unwrap_or_default()
        });
        all.extend(f.with(|x| x.tag.clone()));
        crate::model::order::sort(&mut all);
        all.dedup();
        std::iter::once(any("Any tag"))
            .chain(all.into_iter().map(|x| (x.clone(), x)))
            .collect::<Vec<_>>()
    });
    let in_force = move || {
        state
            .team
            .with(|t| t.as_ref().map(|t| f.with(|x| x.describe(t))))
            .unwrap_or_default()
    };
    let goals = team_options(
        |t| {
            t.profile
                .goals
                .values()
                .map(|g| (g.id.clone(), g.title.clone()))
                .collect()
        },
        "Any goal",
    );
    let statuses = Signal::derive(|| {
        std::iter::once(any("Any status"))
            .chain(DecisionStatus::choices())
            .collect::<Vec<_>>()
    });
    let methods = Signal::derive(|| {
        std::iter::once(any("Any method"))
            .chain(Method::choices())
            .collect::<Vec<_>>()
    });
    let val = move |get: fn(&DecisionFilter) -> Option<String>| {
        Signal::derive(move || f.with(get).unwrap_or_default())
    };
    view! {
        <section class="card filters" aria-label="Find decisions">
            <LocalInput label="Search decisions" value=text />
            <div class="grid">
                <SelectField label="Status" options=statuses value=val(|x| x.status.map(|s| s.as_str().to_string())) on_change=set(|x, v| x.status = DecisionStatus::parse(&v)) />
                <SelectField label="Method" options=methods value=val(|x| x.method.map(|m| m.as_str().to_string())) on_change=set(|x, v| x.method = Method::parse(&v)) />
                <SelectField label="Owner" options=owners value=val(|x| x.owner.clone()) on_change=set(|x, v| x.owner = Owner::decode(&v).map(|o| o.encode())) />
                <SelectField label="Person involved" options=people value=val(|x| x.member.clone()) on_change=set(|x, v| x.member = (!v.is_empty()).then_some(v)) />
                <SelectField label="Tag" options=tags value=val(|x| x.tag.clone()) on_change=set(|x, v| x.tag = (!v.is_empty()).then_some(v.to_lowercase())) />
                <SelectField label="Goal" options=goals value=val(|x| x.goal.clone()) on_change=set(|x, v| x.goal = (!v.is_empty()).then_some(v)) />
                <DateField label="From" value=Signal::derive(move || f.with(|x| x.from.clone())) on_change=Callback::new(move |v| f.update(|x| x.from = v)) />
                <DateField label="To" value=Signal::derive(move || f.with(|x| x.to.clone())) on_change=Callback::new(move |v| f.update(|x| x.to = v)) />
                <label class="check">
                    <input type="checkbox" prop:checked=move || f.with(|x| x.review_due) on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        f.update(|x| x.review_due = on);
                    } />
                    "Only those due for review"
                </label>
            </div>
            <p class="meta" aria-live="polite">
                {move || {
                    let list = in_force();
                    if list.is_empty() {
                        "No filter: every decision is listed.".to_string()
                    } else {
                        format!("Filtered by {}.", list.join("; "))
                    }
                }}
            </p>
            {move || {
                let unused = state.filter_unused.get();
                (!unused.is_empty()).then(|| view! {
                    <p class="notice error" role="alert">
                        {format!("Part of this address could not be used, so it does not filter: {}.", unused.join(", "))}
                        " "
                        <button type="button" class="link" on:click=move |_| state.filter_unused.set(Vec::new())>"Dismiss"</button>
                    </p>
                })
            }}
            <button type="button" on:click=move |_| {
                text.set(String::new());
                f.set(DecisionFilter::default());
                state.filter_unused.set(Vec::new());
            }>"Clear filters"</button>
        </section>
    }
}
