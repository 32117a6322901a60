//! "Who are you?": the member this browser acts as, so edits carry a name.

use leptos::{ev::SubmitEvent, prelude::*};

use super::{
    fields::{field_id, LocalInput},
    state::AppState,
};

/// Active members other than the person using this browser, as (id,
/// name): whom one sends to or recognises. `choices` is
/// [`member_choices`]. Reactive: read inside a view.
pub fn teammates(state: AppState, choices: Memo<Vec<(String, String)>>) -> Vec<(String, String)> {
    let me = state.me.get();
    choices.with(|c| {
        c.iter()
            .filter(|(id, _)| Some(id) != me.as_ref())
            .cloned()
            .collect()
    })
}

/// The page's one list of active members as (id, name), by name: the
/// choices wherever a person is picked.
#[derive(Clone, Copy)]
struct MemberChoices(Memo<Vec<(String, String)>>);

/// Makes [`member_choices`] available to every screen. It is built again
/// only when a member is added, renamed, leaves or returns: typing must
/// not rebuild a large team's list of people.
pub fn provide_member_choices(state: AppState) {
    provide_context(MemberChoices(super::derive::keyed(
        state,
        crate::model::queries::member_choices_key,
        crate::model::queries::active_member_choices,
    )));
}

/// The active members as (id, name), by name (see
/// [`provide_member_choices`]). Called where a view is set up.
pub fn member_choices() -> Memo<Vec<(String, String)>> {
    expect_context::<MemberChoices>().0
}

#[component]
pub fn WhoAreYou() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pick = RwSignal::new(String::new());
    let new_name = RwSignal::new(String::new());
    let id = field_id();
    let choose = move |ev: SubmitEvent| {
        ev.prevent_default();
        let m = pick.get_untracked();
        if !m.is_empty() {
            state.set_me(Some(m));
        }
    };
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        if state.add_me(&new_name.get_untracked()) {
            new_name.set(String::new());
        }
    };
    let choices = member_choices();
    let members = move || choices.get();
    view! {
        <Show when=move || state.me.with(Option::is_none)>
            <section class="card attention-card" aria-labelledby="who-heading">
                <h3 id="who-heading">"Who are you in this team?"</h3>
                <p class="meta">"Your edits are recorded under your name. This stays in this browser."</p>
                <form class="add-row" on:submit=choose>
                    <div class="field">
                        <label class="field-label" for=id.clone()>"I am"</label>
                        <select id=id.clone() on:change=move |ev| pick.set(event_target_value(&ev))>
                            <option value="">"Choose…"</option>
                            {move || members().into_iter().map(|(mid, name)| view! { <option value=mid>{name}</option> }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="primary">"That's me"</button>
                </form>
                <form class="add-row" on:submit=add>
                    <LocalInput label="Not listed? Your name" value=new_name />
                    <button type="submit">"Add me to the team"</button>
                </form>
            </section>
        </Show>
    }
}
