//! "Recognise": thanking teammates for a contribution to leadership, from
//! the record it was about (a decision, advice, a role term, a meeting, a
//! tension).

use leptos::{ev::SubmitEvent, prelude::*};

use super::{
    browser,
    fields::{field_id, LocalInput},
    state::{AppState, Notice},
};
use crate::model::Link;

/// A button that opens a short form: whom (the people `suggest` names are
/// ticked), and the words. Recognition is given as the person this browser
/// is, and never to themselves.
#[component]
pub fn Recognise(
    /// The visible text, which is also what a screen reader announces.
    #[prop(into)]
    label: String,
    for_what: Option<Link>,
    #[prop(into)] suggest: Signal<Vec<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = RwSignal::new(false);
    let chosen = RwSignal::new(Vec::<String>::new());
    let words = RwSignal::new(String::new());
    let for_what = StoredValue::new(for_what);
    let form_id = field_id();
    let start = move |_| {
        let me = state.me.get_untracked();
        chosen.set(
            suggest
                .get_untracked()
                .into_iter()
                .filter(|m| Some(m) != me.as_ref())
                .collect(),
        );
        open.set(true);
    };
    let give = move |ev: SubmitEvent| {
        ev.prevent_default();
        let Some(me) = state.me.get_untracked() else {
            state.say(Notice::Error(
                "Choose who you are (\u{201c}You are\u{201d} at the top) to recognise someone."
                    .into(),
            ));
            return;
        };
        let (to, said) = (chosen.get_untracked(), words.get_untracked());
        let given = state.edit(|doc, s| {
            doc.recognise(s, &me, &to, for_what.get_value(), &said, &browser::today())
        });
        if given.is_some() {
            let names = state.team.with_untracked(|t| {
                t.as_ref()
                    .map(|t| {
                        to.iter()
                            .filter_map(|m| t.member_name(m))
                            .collect::<Vec<_>>()
                            .join(", ")
                    })
                    .unwrap_or_default()
            });
            words.set(String::new());
            open.set(false);
            state.say(Notice::Info(format!("Recognition given to {names}.")));
        }
    };
    let choices = super::identity::member_choices();
    let people = move || super::identity::teammates(state, choices);
    let controls = form_id.clone();
    view! {
        <div class="recognise">
            <button type="button" aria-expanded=move || open.get().to_string() aria-controls=controls on:click=move |ev| if open.get_untracked() { open.set(false) } else { start(ev) }>
                {label}
            </button>
            <Show when=move || open.get()>
                <form class="card recognise-form" id=form_id.clone() on:submit=give aria-label="Give recognition">
                    <fieldset>
                        <legend>"Whom you recognise"</legend>
                        <ul class="plain choices">
                            {move || people().into_iter().map(|(id, name)| {
                                let mid = StoredValue::new(id);
                                let checked = move || chosen.with(|c| c.contains(&mid.get_value()));
                                view! {
                                    <li><label>
                                        <input type="checkbox" prop:checked=checked on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            chosen.update(|c| {
                                                c.retain(|x| *x != mid.get_value());
                                                if on { c.push(mid.get_value()); }
                                            });
                                        } />
                                        {name}
                                    </label></li>
                                }
                            }).collect_view()}
                        </ul>
                    </fieldset>
                    <LocalInput label="Words of recognition" hint="What they did, and what it meant" multiline=true value=words />
                    <div class="actions">
                        <button type="submit" class="primary">"Give recognition"</button>
                        <button type="button" on:click=move |_| open.set(false)>"Cancel"</button>
                    </div>
                </form>
            </Show>
        </div>
    }
}
