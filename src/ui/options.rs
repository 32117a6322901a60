//! The options a decision considers, in its editor: each with what speaks
//! for and against it, one of them chosen.

use leptos::{ev::SubmitEvent, prelude::*};

use super::{
    fields::{LocalInput, TextField},
    state::AppState,
};
use crate::model::{edits::OptionText, queries::options_of, ConsideredOption};

#[component]
pub fn OptionsEditor(id: StoredValue<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let options = Memo::new(move |_| {
        state.team.with(|t| {
            t.as_ref()
                .map(|t| {
                    options_of(t, &id.get_value())
                        .into_iter()
                        .map(|o| o.id.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let new_title = RwSignal::new(String::new());
    let add = move |ev: SubmitEvent| {
        ev.prevent_default();
        let title = new_title.get_untracked();
        if state
            .edit(|doc, s| doc.add_option(s, &id.get_value(), &title))
            .is_some()
        {
            new_title.set(String::new());
        }
    };
    view! {
        <section class="card" aria-labelledby="options-heading">
            <h3 id="options-heading">"Options considered"</h3>
            <For each=move || options.get() key=|o| o.clone() children=move |oid| view! { <OptionFields id=oid /> } />
            <form class="add-row" on:submit=add>
                <LocalInput label="New option" value=new_title />
                <button type="submit">"Add option"</button>
            </form>
        </section>
    }
}

#[component]
fn OptionFields(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = StoredValue::new(id);
    let option = Memo::new(move |_| {
        state.team.with(|t| {
            t.as_ref()
                .and_then(|t| t.options.get(&id.get_value()).cloned())
        })
    });
    let read = move |f: fn(&ConsideredOption) -> String| {
        Signal::derive(move || option.with(|o| o.as_ref().map(f).unwrap_or_default()))
    };
    let text = move |which: OptionText| {
        Callback::new(move |v: String| {
            state.edit(|doc, s| doc.set_option_text(s, &id.get_value(), which, &v));
        })
    };
    let title = read(|o| o.title.clone());
    view! {
        <fieldset class="option-fields">
            <legend>{move || format!("Option: {}", title.get())}</legend>
            <TextField label="Option title" value=title on_input=Callback::new(move |v: String| {
                state.edit(|doc, s| doc.rename_option(s, &id.get_value(), &v));
            }) />
            <TextField label=OptionText::Pros.label() multiline=true value=read(|o| o.pros.as_str().to_string()) on_input=text(OptionText::Pros) />
            <TextField label=OptionText::Cons.label() multiline=true value=read(|o| o.cons.as_str().to_string()) on_input=text(OptionText::Cons) />
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || option.with(|o| o.as_ref().is_some_and(|o| o.chosen))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        state.edit(|doc, s| doc.choose_option(s, &id.get_value(), on));
                    }
                />
                "The option chosen"
            </label>
            <button type="button" on:click=move |_| {
                state.edit(|doc, s| doc.remove_option(s, &id.get_value()));
            }>{move || format!("Remove option {}", title.get())}</button>
        </fieldset>
    }
}
