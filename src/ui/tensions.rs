//! Tensions: raising one, seeing what is open, dropping or processing.

use leptos::{ev::SubmitEvent, prelude::*};

use super::{
    browser,
    fields::{LocalInput, SelectField},
    recognise::Recognise,
    state::{AppState, Notice},
};
use crate::model::{Link, LinkKind, TensionKind, TensionStatus};

/// The form that raises a tension; `raised` runs after it was.
#[component]
pub fn RaiseTension(#[prop(optional)] raised: Option<Callback<()>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = RwSignal::new(String::new());
    let kind = RwSignal::new(TensionKind::Operational.as_str().to_string());
    let raise = move |ev: SubmitEvent| {
        ev.prevent_default();
        let k = TensionKind::parse(&kind.get_untracked()).unwrap_or(TensionKind::Operational);
        let t = text.get_untracked();
        let today = browser::today();
        if state
            .edit(|doc, s| doc.raise_tension(s, &t, k, &today))
            .is_some()
        {
            text.set(String::new());
            if let Some(r) = raised {
                r.run(());
            }
        }
    };
    let kinds = TensionKind::choices();
    view! {
        <form class="card" on:submit=raise aria-label="Raise a tension">
            <LocalInput label="Tension" hint="A gap you sense between how things are and how they could be" multiline=true value=text />
            <SelectField label="Kind of tension" options=Signal::derive(move || kinds.clone()) value=Signal::derive(move || kind.get()) on_change=Callback::new(move |v| kind.set(v)) />
            <button type="submit" class="primary">"Raise tension"</button>
        </form>
    }
}

/// "Raise a tension" in the header: from any screen, without leaving it.
#[component]
pub fn RaiseFromHeader() -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = RwSignal::new(false);
    let raised = Callback::new(move |_| {
        open.set(false);
        state.say(Notice::Info(
            "Tension raised; it is listed under Tensions.".into(),
        ));
    });
    view! {
        <div class="raise-header">
            <button type="button" aria-expanded=move || open.get().to_string() aria-controls="raise-header-form" on:click=move |_| open.update(|o| *o = !*o)>"Raise a tension"</button>
            <Show when=move || open.get()>
                <div id="raise-header-form" class="raise-popover">
                    <RaiseTension raised=raised />
                </div>
            </Show>
        </div>
    }
}

#[component]
pub fn TensionsList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let rows = move |open: bool| {
        state.team.with(|t| {
            let Some(t) = t else { return Vec::new() };
            let mut v: Vec<_> = t
                .tensions
                .values()
                .filter(|x| {
                    matches!(x.status, TensionStatus::Open | TensionStatus::OnAgenda) == open
                })
                .map(|x| {
                    let by = x
                        .raised_by
                        .as_deref()
                        .and_then(|m| t.member_name(m))
                        .unwrap_or("someone");
                    let mut meta = format!(
                        "{} · {} · raised by {by} on {}",
                        x.status.label(),
                        x.kind.label(),
                        x.raised_on
                    );
                    if x.status == TensionStatus::Dropped {
                        meta.push_str(&format!(" · dropped: {}", x.drop_reason.as_str()));
                    }
                    // The first line names it; the rest says more.
                    let more: Vec<&str> = x.text.as_str().lines().skip(1).collect();
                    (
                        x.id.clone(),
                        x.title().to_string(),
                        more.join("\n"),
                        meta,
                        x.status,
                        x.created_at,
                        x.raised_by.clone(),
                    )
                })
                .collect();
            crate::model::order::sort_by_key(&mut v, |x| std::cmp::Reverse(x.5));
            v.truncate(100);
            v
        })
    };
    let list = move |open: bool, label: &'static str| {
        view! {
            <ul class="cards" aria-label=label>
                {move || rows(open).into_iter().map(|(id, title, body, meta, status, _, by)| {
                    let id = StoredValue::new(id);
                    let reason = RwSignal::new(String::new());
                    let can_drop = matches!(status, TensionStatus::Open | TensionStatus::OnAgenda);
                    let for_what = Some(Link { kind: LinkKind::Tension, id: id.get_value() });
                    let by: Vec<String> = by.into_iter().collect();
                    view! {
                        <li class="card">
                            <h3>{title}</h3>
                            {(!body.trim().is_empty()).then(|| view! { <p class="purpose pre">{body}</p> })}
                            <p class="meta">{meta}</p>
                            <Recognise label="Recognise who raised it" for_what=for_what suggest=Signal::stored(by) />
                            {can_drop.then(|| view! {
                                <form class="add-row" on:submit=move |ev: SubmitEvent| {
                                    ev.prevent_default();
                                    let r = reason.get_untracked();
                                    state.edit(|doc, s| doc.set_tension_status(s, &id.get_value(), TensionStatus::Dropped, &r));
                                }>
                                    <LocalInput label="Why drop it?" value=reason />
                                    <button type="submit">"Drop tension"</button>
                                </form>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    };
    view! {
        <section aria-labelledby="tensions-heading">
            <h2 id="tensions-heading">"Tensions"</h2>
            <RaiseTension />
            <h3>"Open"</h3>
            {list(true, "Open tensions")}
            <h3>"Processed or dropped"</h3>
            {list(false, "Tensions processed or dropped")}
        </section>
    }
}
