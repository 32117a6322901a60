//! The decision log: what was decided, by whom, how, why, and when to
//! look again.

use leptos::{ev::SubmitEvent, prelude::*};

use super::{
    authority::AuthorityBox,
    browser,
    conflicts::ConflictsBox,
    decision_record::DecisionRecord,
    fields::{join_tags, DateField, LocalInput, SelectField, TextField},
    filters::FilterBar,
    focus::EditToggle,
    options::OptionsEditor,
    recognise::Recognise,
    state::{AppState, Screen},
    workflow::{Consultation, GoalsAndLinks, Objections, RightsNote},
};
use crate::model::{
    edits::{split_tags, DecisionField, DecisionText},
    queries, rights, Collection, Decision, DecisionStatus, Link, LinkKind, Method, Owner, Stamp,
    TeamDocument,
};

/// How many decisions are listed at first, and added by "Show more".
const PAGE: usize = 50;

#[component]
pub fn DecisionsList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let new_title = RwSignal::new(String::new());
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let title = new_title.get_untracked();
        if state.add_then_open(|doc, s| doc.add_decision(s, &title), Screen::Decision) {
            new_title.set(String::new());
        }
    };
    let today = browser::today();
    // A team's log runs to thousands: the most recent are listed first,
    // a page at a time, so the screen opens at once whatever the size.
    let listed = RwSignal::new(PAGE);
    let rows = Memo::new(move |_| {
        state.team.with(|t| {
            let Some(t) = t else { return Vec::new() };
            let filter = state.filter.get();
            queries::sorted_decisions(t)
                .into_iter()
                .filter(|d| filter.matches(t, d, &today))
                .map(|d| {
                    let owner = d
                        .owner()
                        .map(|o| queries::owner_label(t, &o))
                        .unwrap_or_else(|| "No owner yet".into());
                    (
                        d.id.clone(),
                        d.title.clone(),
                        d.status,
                        owner,
                        d.review_by.clone(),
                        d.review_due(&today),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section aria-labelledby="decisions-heading">
            <h2 id="decisions-heading">"Decisions"</h2>
            <form class="add-row" on:submit=add>
                <LocalInput label="New decision title" value=new_title />
                <button type="submit" class="primary">"Add decision"</button>
            </form>
            <FilterBar />
            // On paper, the filter bar is not printed: what it holds is said.
            <p class="print-only">{move || {
                let said = state.team.with(|t| t.as_ref().map(|t| state.filter.get().describe(t)).unwrap_or_default());
                if said.is_empty() { "All decisions.".to_string() } else { format!("Filtered: {}.", said.join("; ")) }
            }}</p>
            <super::export::LogExport count=Signal::derive(move || rows.with(Vec::len)) on_print=Callback::new(move |()| {
                // Every decision the filter shows, not only the first page.
                listed.set(usize::MAX);
                request_animation_frame(browser::print);
            }) />
            <p class="meta" aria-live="polite">{move || {
                let total = state.team.with(|t| t.as_ref().map_or(0, |t| t.decisions.len()));
                let matching = rows.with(Vec::len);
                let listed = matching.min(listed.get());
                let of = if matching == total {
                    format!("{total} decisions")
                } else {
                    format!("Showing {matching} of {total} decisions")
                };
                if listed < matching { format!("{of}; the {listed} most recent are listed") } else { of }
            }}</p>
            <ul class="cards" aria-label="Decisions">
                // Keyed by the row's content: an edit re-renders only the
                // row it changed, and a long log only the rows listed.
                <For
                    each=move || rows.with(|r| r.iter().take(listed.get()).cloned().collect::<Vec<_>>())
                    key=|row| row.clone()
                    children=move |(id, title, status, owner, review, due)| {
                        view! {
                            <li class="card" class:due=due>
                                <button type="button" class="title-link" on:click=move |_| state.screen.set(Screen::Decision(id.clone()))>
                                    {title}
                                </button>
                                <span class=format!("badge status-{}", status.as_str())>{status.label()}</span>
                                {due.then(|| view! { <span class="badge warn">"Review due"</span> })}
                                <p class="meta">{format!("Owner: {owner}")}</p>
                                {review.map(|r| view! { <p class="meta">{format!("Review by {r}")}</p> })}
                            </li>
                        }
                    }
                />
            </ul>
            <Show when=move || { rows.with(Vec::len) > listed.get() }>
                <button type="button" on:click=move |_| listed.update(|n| *n = n.saturating_add(PAGE))>
                    {move || format!("Show {} more", PAGE.min(rows.with(Vec::len).saturating_sub(listed.get())))}
                </button>
            </Show>
        </section>
    }
}

#[component]
pub fn DecisionEditor(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = StoredValue::new(id);
    let decision = super::record::open_record::<Decision>(state, id);
    let field = super::record::field_of(decision);
    let set = move |field: DecisionField| {
        let point = field.undo_point(&id.get_value());
        let edit = |doc: &mut TeamDocument, s: &Stamp| {
            doc.set_decision(s, &id.get_value(), field, &browser::today())
        };
        match point {
            Some(p) => state.edit_undoable(p, edit),
            None => state.edit(edit),
        };
    };
    let prose = move |which: DecisionText| {
        view! {
            <TextField
                label=which.label()
                multiline=true
                value=Signal::derive(move || decision.with(|d| d.as_ref().map(|d| text_of(d, which)).unwrap_or_default()))
                on_input=Callback::new(move |v: String| {
                    state.edit(|doc, s| doc.set_decision_text(s, &id.get_value(), which, &v));
                })
            />
        }
    };
    // The roles' and members' words, read once for both whom to consult
    // and whether it may be decided.
    let topics = super::derive::keyed(state, rights::Topics::key, rights::Topics::new);
    let owner_list = super::derive::keyed(state, queries::owner_choices_key, |t| {
        queries::owner_choices(t, true)
    });
    let owners = Signal::derive(move || {
        let mut out = vec![(String::new(), "No owner yet".to_string())];
        owner_list.with(|l| out.extend(l.iter().cloned()));
        out
    });
    let methods = Signal::derive(Method::choices);
    // Only the moves the lifecycle allows are offered.
    let statuses = Signal::derive(move || {
        let now = decision
            .with(|d| d.as_ref().map(|d| d.status))
            .unwrap_or(DecisionStatus::Draft);
        std::iter::once(now)
            .chain(rights::allowed_next(now).iter().copied())
            .map(|s| (s.as_str().to_string(), s.label().to_string()))
            .collect::<Vec<_>>()
    });
    let editing = RwSignal::new(super::focus::take_new(&id.get_value()));
    let fresh = editing.get_untracked();
    view! {
        <section aria-labelledby="decision-heading">
            <button type="button" class="back no-print" on:click=move |_| state.screen.set(Screen::Decisions)>"← All decisions"</button>
            <Show when=move || decision.with(Option::is_some) fallback=|| view! { <p>"This decision is not in the team."</p> }>
                <h2 id="decision-heading">{move || decision.with(|d| d.as_ref().map(|d| d.title.clone()))}</h2>
                <EditToggle editing=editing what="this decision" />
                <ConflictsBox collection=Collection::Decisions id=id.get_value() />
                <AuthorityBox id=id decision=decision />
                <RightsNote decision=decision topics=topics />
                <Show when=move || editing.get() fallback=move || view! { <DecisionRecord decision=decision /> }>
                    <div data-editor data-new=fresh.then_some("")>
                        <div class="card">
                            <TextField label="Title" value=field(|d| d.title.clone()) on_input=Callback::new(move |v| set(DecisionField::Title(v))) />
                            {prose(DecisionText::Driver)}
                            {prose(DecisionText::Proposal)}
                        </div>
                        <OptionsEditor id=id />
                        <div class="card grid">
                            <SelectField
                                label="Owner"
                                options=owners
                                value=field(|d| d.owner.clone().unwrap_or_default())
                                on_change=Callback::new(move |v: String| set(DecisionField::Owner(Owner::decode(&v))))
                            />
                            <SelectField
                                label="Method"
                                options=methods
                                value=field(|d| d.method.as_str().to_string())
                                on_change=Callback::new(move |v: String| {
                                    if let Some(m) = Method::parse(&v) {
                                        set(DecisionField::Method(m));
                                    }
                                })
                            />
                            <SelectField
                                label="Status"
                                options=statuses
                                value=field(|d| d.status.as_str().to_string())
                                on_change=Callback::new(move |v: String| {
                                    if let Some(s) = DecisionStatus::parse(&v) {
                                        set(DecisionField::Status(s));
                                    }
                                })
                            />
                            <DateField
                                label="Decided on"
                                value=Signal::derive(move || decision.with(|d| d.as_ref().and_then(|d| d.decided_on.clone())))
                                on_change=Callback::new(move |v| set(DecisionField::DecidedOn(v)))
                            />
                            <DateField
                                label="Review by"
                                value=Signal::derive(move || decision.with(|d| d.as_ref().and_then(|d| d.review_by.clone())))
                                on_change=Callback::new(move |v| set(DecisionField::ReviewBy(v)))
                            />
                        </div>
                        <Consultation id=id.get_value() decision=decision topics=topics />
                        <Objections id=id.get_value() decision=decision />
                        <GoalsAndLinks id=id.get_value() decision=decision />
                        <div class="card">
                            {prose(DecisionText::Outcome)}
                            {prose(DecisionText::Rationale)}
                            <TextField
                                label="Tags"
                                hint="Separate with commas"
                                value=field(|d| join_tags(&d.tags))
                                on_input=Callback::new(move |v: String| set(DecisionField::Tags(split_tags(&v))))
                            />
                        </div>
                    </div>
                </Show>
                <super::record_history::RecordHistory collection=Collection::Decisions id=id />
                <Recognise label="Recognise who made this decision"
                    for_what=Some(Link { kind: LinkKind::Decision, id: id.get_value() })
                    suggest=Signal::derive(move || state.team.with(|t| {
                        let Some(t) = t else { return Vec::new() };
                        decision.with(|d| d.as_ref().and_then(Decision::owner).map(|o| queries::owner_people(t, &o)).unwrap_or_default())
                    })) />
            </Show>
        </section>
    }
}

fn text_of(d: &Decision, which: DecisionText) -> String {
    match which {
        DecisionText::Driver => d.driver.as_str(),
        DecisionText::Proposal => d.proposal.as_str(),
        DecisionText::Outcome => d.outcome.as_str(),
        DecisionText::Rationale => d.rationale.as_str(),
    }
    .to_string()
}
