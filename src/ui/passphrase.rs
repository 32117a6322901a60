//! The team's passphrase on this device — set it, retype it in a new tab,
//! remember or forget it, stop encrypting — and the prompt for a file or
//! link that arrived encrypted.

use leptos::{ev::SubmitEvent, prelude::*};

use super::{
    fields::field_id,
    state::{AppState, Notice},
};

/// Where the team's files stand in this tab, as shown.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
struct Sealing {
    seals: bool,
    unlocked: bool,
    remembered: bool,
}

impl AppState {
    fn sealing(&self) -> Sealing {
        self.session
            .try_with_value(|s| Sealing {
                seals: s.seals(),
                unlocked: s.unlocked(),
                remembered: s.device().remembered.is_some(),
            })
            .unwrap_or_default()
    }
}

/// A password field with its label.
fn secret(
    label: &'static str,
    value: RwSignal<String>,
    autocomplete: &'static str,
) -> impl IntoView {
    let id = field_id();
    view! {
        <div class="field">
            <label class="field-label" for=id.clone()>{label}</label>
            <input id=id type="password" autocomplete=autocomplete prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}

fn remember_box(remember: RwSignal<bool>) -> impl IntoView {
    let id = field_id();
    view! {
        <div class="field check">
            <input id=id.clone() type="checkbox" prop:checked=move || remember.get()
                on:change=move |ev| remember.set(event_target_checked(&ev)) />
            <label for=id>"Remember it on this device"</label>
            <span class="hint">"Kept unencrypted in this browser's storage for this site: anyone who uses this browser profile could read it. Leave it off on a shared computer."</span>
        </div>
    }
}

#[component]
pub fn PassphraseCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let shown = RwSignal::new(state.sealing());
    let team = Memo::new(move |_| state.team.with(|t| t.as_ref().map(|t| t.team_id.clone())));
    Effect::new(move |_| {
        super::derive::follow(team);
        shown.set(state.sealing());
    });
    let pass = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let remember = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let after = move |r: Result<(), Notice>, done: &str| {
        match r {
            Ok(()) => {
                error.set(None);
                pass.set(String::new());
                again.set(String::new());
                state.say(Notice::Info(done.to_string()));
            }
            Err(Notice::Error(e) | Notice::Info(e) | Notice::Done(e)) => error.set(Some(e)),
        }
        shown.set(state.sealing());
    };
    let set = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (p, a, r) = (
            pass.get_untracked(),
            again.get_untracked(),
            remember.get_untracked(),
        );
        if let Some(res) = state.with(|s| s.set_passphrase(&p, &a, r)) {
            after(res, "Files and links of this team are encrypted from now on. Give teammates the passphrase by another way than the file.");
        }
    };
    let unlock = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (p, r) = (pass.get_untracked(), remember.get_untracked());
        if let Some(res) = state.with(|s| s.unlock(&p, r)) {
            after(
                res,
                "Passphrase taken: files and links you make are encrypted with it.",
            );
        }
    };
    let stop = move |_| {
        if let Some(res) = state.with(|s| s.stop_sealing()) {
            after(
                res,
                "Files and links you make from now on are not encrypted.",
            );
        }
    };
    let forget = move |_| {
        if let Some(res) = state.with(|s| s.forget_passphrase()) {
            after(res, "The passphrase is no longer kept on this device.");
        }
    };
    let error_view = move || {
        error
            .get()
            .map(|e| view! { <p class="error" role="alert">{e}</p> })
    };
    view! {
        <section class="card" aria-labelledby="passphrase-heading">
            <h3 id="passphrase-heading">"Encrypt files and links"</h3>
            {move || {
                let s = shown.get();
                if !s.seals {
                    view! {
                        <p class="meta">"With a passphrase, the files and links you make can be read only by those who know it (AES-256 encryption; the passphrase never leaves this browser). Tell teammates the passphrase by another way than the file — aloud, or in another app."</p>
                        <form on:submit=set>
                            {secret("Passphrase", pass, "new-password")}
                            {secret("Passphrase again", again, "new-password")}
                            {remember_box(remember)}
                            {error_view}
                            <button type="submit">"Encrypt files and links"</button>
                        </form>
                    }.into_any()
                } else if !s.unlocked {
                    view! {
                        <p class="meta">"Files and links of this team are encrypted. Type the passphrase to make them in this tab."</p>
                        <form on:submit=unlock>
                            {secret("Team passphrase", pass, "current-password")}
                            {remember_box(remember)}
                            {error_view}
                            <button type="submit">"Use the passphrase"</button>
                        </form>
                        <button type="button" class="link" on:click=stop>"Stop encrypting"</button>
                    }.into_any()
                } else {
                    view! {
                        <p>"Files and links you make are encrypted with the team's passphrase."</p>
                        {s.remembered.then(|| view! {
                            <p class="meta">"The passphrase is remembered on this device, in this browser's storage for this site."</p>
                            <button type="button" on:click=forget>"Forget it on this device"</button>
                        })}
                        {error_view}
                        <button type="button" on:click=stop>"Stop encrypting"</button>
                    }.into_any()
                }
            }}
        </section>
    }
}

/// A file or link that arrived encrypted: its passphrase, or nothing.
#[component]
pub fn SealedPrompt() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pass = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let open = move |ev: SubmitEvent| {
        ev.prevent_default();
        match state.open_sealed(&pass.get_untracked()) {
            Ok(()) => {
                error.set(None);
                pass.set(String::new());
            }
            Err(e) => error.set(Some(format!("{e} Nothing was changed."))),
        }
    };
    let cancel = move |_| {
        state.sealed.set(None);
        error.set(None);
        pass.set(String::new());
    };
    move || {
        state.sealed.with(Option::is_some).then(|| view! {
            <section class="card notice-card" aria-labelledby="sealed-heading">
                <h2 id="sealed-heading">"This file is encrypted"</h2>
                <p>"Type the passphrase the teammate who sent it gave you. Nothing is taken in until it opens."</p>
                <form on:submit=open>
                    {secret("Passphrase for this file", pass, "current-password")}
                    {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                    <div class="button-row">
                        <button type="submit" class="primary">"Open"</button>
                        <button type="button" on:click=cancel>"Cancel"</button>
                    </div>
                </form>
            </section>
        })
    }
}
