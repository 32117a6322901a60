//! Labelled form fields bound to the document. Each shows the document's
//! value and sends every keystroke as an edit, so nothing typed is lost; the
//! shown value is reset only when the stored value really changes, so the
//! cursor stays where the person is typing.

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;

/// A fresh element id, so each label names exactly its own control.
pub fn field_id() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("field-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// A one-line or multi-line text field.
#[component]
pub fn TextField(
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let shown = Memo::new(move |_| value.get());
    let input = move |ev| on_input.run(event_target_value(&ev));
    let id = field_id();
    let hint_id = hint.map(|_| format!("{id}-hint"));
    view! {
        <div class="field">
            <label class="field-label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <span class="hint" id=hint_id.clone()>{h}</span> })}
            {if multiline {
                view! { <textarea id=id rows="3" aria-describedby=hint_id prop:value=move || shown.get() on:input=input></textarea> }.into_any()
            } else {
                view! { <input id=id type="text" aria-describedby=hint_id prop:value=move || shown.get() on:input=input /> }.into_any()
            }}
        </div>
    }
}

/// A date that may be left empty.
#[component]
pub fn DateField(
    label: &'static str,
    #[prop(into)] value: Signal<Option<String>>,
    on_change: Callback<Option<String>>,
) -> impl IntoView {
    let shown = Memo::new(move |_| value.get().unwrap_or_default());
    let id = field_id();
    view! {
        <div class="field">
            <label class="field-label" for=id.clone()>{label}</label>
            <input
                id=id
                type="date"
                prop:value=move || shown.get()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    on_change.run(if v.is_empty() { None } else { Some(v) });
                }
            />
        </div>
    }
}

/// A choice among fixed options, given as (value, label) pairs.
///
/// It commits once: a closed dropdown changes its value (and fires
/// `change`) with every arrow key, which would save every status or
/// owner passed on the way. Keys only move the choice; Enter, leaving
/// the field, or a pointer choice commits it; Escape puts it back.
#[component]
pub fn SelectField(
    label: &'static str,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    // The options are drawn again only when they or the choice change,
    // not whenever the record they belong to does.
    let value = Memo::new(move |_| value.get());
    let options = Memo::new(move |_| options.get());
    let id = field_id();
    let staged = StoredValue::new(false);
    let commit = move |select: web_sys::HtmlSelectElement| {
        staged.set_value(false);
        if select.value() != value.get_untracked() {
            on_change.run(select.value());
        }
        // A refused choice snaps back to what the document holds.
        let stored = value.get_untracked();
        if select.value() != stored {
            select.set_value(&stored);
        }
    };
    view! {
        <div class="field">
            <label class="field-label" for=id.clone()>{label}</label>
            <select id=id
                on:mousedown=move |_| staged.set_value(false)
                on:keydown=move |ev| match ev.key().as_str() {
                    // Enter would open the list; here it takes the choice.
                    "Enter" if staged.get_value() => {
                        ev.prevent_default();
                        commit(event_target(&ev));
                    }
                    "Tab" | "Enter" | "Shift" | "Control" | "Alt" | "Meta" => {}
                    "Escape" if staged.get_value() => {
                        // Puts the choice back; the editor stays open.
                        ev.stop_propagation();
                        staged.set_value(false);
                        event_target::<web_sys::HtmlSelectElement>(&ev).set_value(&value.get_untracked());
                    }
                    _ => staged.set_value(true),
                }
                on:blur=move |ev| {
                    if staged.get_value() {
                        commit(event_target(&ev));
                    }
                }
                on:change=move |ev| {
                    if !staged.get_value() {
                        commit(event_target(&ev));
                    }
                }
            >
                {move || {
                    let current = value.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(v, l)| {
                            let selected = v == current;
                            view! { <option value=v prop:selected=selected>{l}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// Tags typed with commas, shown joined the same way.
pub fn join_tags(tags: &[String]) -> String {
    tags.join(", ")
}

/// Entries typed one per line.
pub fn join_lines(items: &[String]) -> String {
    items.join("\n")
}

/// A text field for a form that is submitted as a whole (not yet in the
/// document), such as "New role name".
#[component]
pub fn LocalInput(
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let id = field_id();
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let input = move |ev| value.set(event_target_value(&ev));
    view! {
        <div class="field">
            <label class="field-label" for=id.clone()>{label}</label>
            {hint.map(|h| view! { <span class="hint" id=hint_id.clone()>{h}</span> })}
            {if multiline {
                view! { <textarea id=id rows="2" aria-describedby=hint_id prop:value=move || value.get() on:input=input></textarea> }.into_any()
            } else {
                view! { <input id=id type="text" required=required autocomplete="off" aria-describedby=hint_id prop:value=move || value.get() on:input=input /> }.into_any()
            }}
        </div>
    }
}
