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

impl AppState {
    /// Active members as (id, name), by name: the choices wherever a person
    /// is picked. Reactive: read inside a view.
    pub fn member_choices(&self) -> Vec<(String, String)> {
        self.team.with(|t| {
            t.as_ref()
                .map(crate::model::queries::active_member_choices)
                .unwrap_or_default()
        })
    }
}

/// [`AppState::member_choices`], built again only when a member is added,
/// renamed, leaves or returns: pickers on every screen follow it, and
/// typing must not rebuild a large team's list of people.
pub fn member_choices(state: AppState) -> Memo<Vec<(String, String)>> {
    super::derive::keyed(
        state,
        crate::model::queries::member_choices_key,
        crate::model::queries::active_member_choices,
    )
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
    let choices = member_choices(state);
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
