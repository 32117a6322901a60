//! Sending the team (file, link) and taking in what teammates sent.

use leptos::{ev, prelude::*, task::spawn_local};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{
    browser,
    fields::field_id,
    state::{AppState, Notice, Screen},
};
use crate::{
    model::{changes::ImportSummary, MAX_DOC_BYTES},
    session::Payload,
    share::LINK_CHAT_LIMIT,
};

/// Offers the open team as a downloaded file named for the team and day
/// (encrypted when the team's files are).
pub fn download_team_file(state: AppState) {
    if let Some(Payload { bytes, .. }) = state.payload("") {
        save_file(state, &bytes, "");
    }
}

/// Downloads `bytes` as `<team>[<for_whom>]-<day>.automerge` (or
/// `.roundtable` when encrypted), and notes the copy.
fn save_file(state: AppState, bytes: &[u8], for_whom: &str) {
    let name = state.team.with_untracked(|t| {
        t.as_ref()
            .map(|t| t.profile.name.clone())
            .unwrap_or_default()
    });
    let kind = if crate::share::sealed::is_sealed(bytes) {
        "roundtable"
    } else {
        "automerge"
    };
    let file = format!(
        "{}{for_whom}-{}.{kind}",
        browser::slug(&name),
        browser::today()
    );
    if save(state, &file, bytes) {
        state.noted_copy();
    }
}

/// Offers `bytes` as a downloaded file named `name`, or says why not;
/// whether the browser took it.
pub fn save(state: AppState, name: &str, bytes: &[u8]) -> bool {
    let saved = browser::download(name, bytes).is_ok();
    if !saved {
        state.say(Notice::Error(
            "The browser did not let the file be saved.".into(),
        ));
    }
    saved
}

/// Download the team file, or make a link that carries the team or only
/// what one teammate lacks.
#[component]
pub fn ShareCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let link = RwSignal::new(None::<(String, String)>);
    let copied = RwSignal::new(false);
    let to = RwSignal::new(String::new());
    let link_id = field_id();
    let to_id = field_id();
    let download = move |_| {
        let who = to.get_untracked();
        let Some(Payload { bytes, .. }) = state.payload(&who) else {
            return;
        };
        let for_whom = state
            .team
            .with_untracked(|t| {
                t.as_ref()
                    .and_then(|t| t.member_name(&who).map(browser::slug))
            })
            .map(|n| format!("-for-{n}"))
            .unwrap_or_default();
        save_file(state, &bytes, &for_whom);
    };
    let make_link = move |_| {
        let Some((fragment, what)) = state.link_fragment(&to.get_untracked()) else {
            link.set(None);
            return;
        };
        let url = format!("{}#{fragment}", browser::app_url());
        state.noted_copy();
        copied.set(false);
        link.set(Some((url.clone(), what)));
        spawn_local(async move {
            if browser::copy_to_clipboard(&url).await.is_ok() {
                copied.set(true);
            }
        });
    };
    let choices = super::identity::member_choices();
    let teammates = move || super::identity::teammates(state, choices);
    view! {
        <section class="card" aria-labelledby="share-heading">
            <h3 id="share-heading">"Share with teammates"</h3>
            <p class="meta">"Send the team file or a link by any channel. Opening it merges: both sides' edits survive."</p>
            <div class="field">
                <label class="field-label" for=to_id.clone()>"Send to"</label>
                <span class="hint">"For one teammate, only what they have not seen yet is sent, once they have sent you a link."</span>
                <select id=to_id.clone() on:change=move |ev| { to.set(event_target_value(&ev)); link.set(None); }>
                    <option value="" selected=move || to.get().is_empty()>"Anyone (the whole team)"</option>
                    {move || teammates().into_iter().map(|(id, name)| {
                        let selected = { let id = id.clone(); move || to.get() == id };
                        view! { <option value=id selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="button-row">
                <button type="button" on:click=download>"Download team file"</button>
                <button type="button" on:click=make_link>"Copy link"</button>
            </div>
            {move || link.get().map(|(url, what)| {
                let len = url.chars().count();
                let too_long = len > LINK_CHAT_LIMIT;
                view! {
                    <div class="field">
                        <label class="field-label" for=link_id.clone()>"Link to this team"</label>
                        <textarea id=link_id.clone() rows="3" readonly prop:value=url on:focus=|ev| {
                            if let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                                t.select();
                            }
                        }></textarea>
                    </div>
                    <p class="meta" role="status">
                        {if copied.get() { "Copied. " } else { "" }}
                        {format!("{what} The link is {len} characters long.")}
                    </p>
                    {too_long.then(|| view! {
                        <p class="warn-text">"That is too long for many chat apps: send the team file instead."</p>
                    })}
                }
            })}
        </section>
    }
}

/// Pick or drop a team file to merge it (or join its team).
#[component]
pub fn ImportCard(#[prop(optional)] joining: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = field_id();
    let dragging = RwSignal::new(false);
    let take = move |file: web_sys::File| {
        if file.size() > MAX_DOC_BYTES as f64 {
            state.say(Notice::Error(format!(
                "Nothing was imported. The file is too large ({:.0} bytes). Roundtable opens team files of up to {MAX_DOC_BYTES} bytes.",
                file.size()
            )));
            return;
        }
        spawn_local(async move {
            match JsFuture::from(file.array_buffer()).await {
                Ok(buf) => state.import(js_sys::Uint8Array::new(&buf).to_vec()),
                Err(_) => state.say(Notice::Error(
                    "Nothing was imported. The file could not be read.".into(),
                )),
            }
        });
    };
    let on_pick = move |ev: ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            take(file);
        }
        input.set_value("");
    };
    let on_drop = move |ev: ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            take(file);
        }
    };
    let (heading, label) = if joining {
        ("Join a team", "Open a team file a teammate sent")
    } else {
        ("Import from a teammate", "Import a team file")
    };
    view! {
        <section
            class="card dropzone"
            class:dragging=move || dragging.get()
            aria-label=heading
            on:dragover=move |ev: ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <h3>{heading}</h3>
            <div class="field">
                <label class="field-label" for=id.clone()>{label}</label>
                <span class="hint">"Or drop the file here. A teammate's link opens by itself."</span>
                <input id=id type="file" accept=".automerge,.roundtable,application/octet-stream" on:change=on_pick />
            </div>
        </section>
    }
}

/// A file of another team: never mixed in; offered as a team of its own.
#[component]
pub fn PendingTeamPrompt() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.pending.get().map(|p| {
            let current = state.team.with_untracked(|t| t.as_ref().map(|t| t.profile.name.clone()).unwrap_or_default());
            let bytes = StoredValue::new(p.bytes.clone());
            view! {
                <section class="card danger" role="alert" aria-labelledby="pending-heading">
                    <h3 id="pending-heading">{format!("This is another team: {}", p.name)}</h3>
                    <p>{format!("It was not mixed into {current}. You can open it as a team of its own in this browser.")}</p>
                    <div class="button-row">
                        <button type="button" class="primary" on:click=move |_| state.join(bytes.get_value())>
                            {format!("Open {} as its own team", p.name)}
                        </button>
                        <button type="button" on:click=move |_| state.pending.set(None)>"Cancel"</button>
                    </div>
                </section>
            }
        })
    }
}

/// How many records of each kind the import report names.
const NAMED_PER_KIND: usize = 10;

/// Links to what the last import brought.
/// What a summary names, a few of each kind (a week of a teammate's work
/// can touch hundreds of records), each with the screen it opens.
pub fn summary_items(s: &ImportSummary) -> Vec<(String, Option<Screen>)> {
    let mut items: Vec<(String, Option<Screen>)> = Vec::new();
    for k in &s.kinds {
        let info = k.collection.info();
        let c = k.collection;
        for (list, adj) in [(&k.new, "new"), (&k.changed, "changed")] {
            for i in list.iter().take(NAMED_PER_KIND) {
                let what = format!("{}{} {}", adj[..1].to_uppercase(), &adj[1..], info.one);
                items.push((
                    format!("{what}: {}", i.name),
                    Some(Screen::record(c, i.id.clone())),
                ));
            }
            if list.len() > NAMED_PER_KIND {
                let more = list.len() - NAMED_PER_KIND;
                items.push((format!("…and {more} more {adj} {}", info.many), None));
            }
        }
    }
    items
}

#[component]
pub fn ImportResult() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.last_import.get().filter(|s| !s.is_empty()).map(|s| {
            let items = summary_items(&s);
            view! {
                <section class="card" aria-labelledby="import-heading">
                    <h3 id="import-heading">"What the import brought"</h3>
                    <p>{s.sentence()}</p>
                    <ul class="plain">
                        {items.into_iter().map(|(text, to)| match to {
                            Some(to) => view! {
                                <li><button type="button" class="link" on:click=move |_| state.screen.set(to.clone())>{text}</button></li>
                            }.into_any(),
                            None => view! { <li class="meta">{text}</li> }.into_any(),
                        }).collect_view()}
                    </ul>
                    {(!s.flags.is_empty()).then(|| view! {
                        <h4>"Decisions to check"</h4>
                        <ul class="plain" aria-label="Decisions to check">
                            {super::authority::flag_lines(state, &s.flags).into_iter().map(|(text, to)| view! {
                                <li><button type="button" class="link" on:click=move |_| state.screen.set(to.clone())>{text}</button></li>
                            }).collect_view()}
                        </ul>
                    })}
                    <button type="button" class="link" on:click=move |_| state.last_import.set(None)>"Hide"</button>
                </section>
            }
        })
    }
}
