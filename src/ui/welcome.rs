//! The first screen: create a team, open the example, or pick a stored team.

use leptos::{ev::SubmitEvent, prelude::*};

use super::{browser, fields::LocalInput, notice::NoticeBar, share::ImportCard, state::AppState};

#[component]
pub fn Welcome() -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = RwSignal::new(String::new());
    let purpose = RwSignal::new(String::new());
    let founder = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let result = state.create_team(
            &name.get_untracked(),
            &purpose.get_untracked(),
            &founder.get_untracked(),
        );
        error.set(result.err());
    };
    let example = move |_| error.set(state.open_example().err());
    view! {
        <main class="welcome" id="main">
            <h1>"Roundtable"</h1>
            <p class="lede">
                "Who holds which role, who decides what, what was decided and why — kept in this browser, shared only when you choose."
            </p>
            <NoticeBar />
            <super::passphrase::SealedPrompt />
            <DamagedNotice />
            <section class="card" aria-labelledby="create-heading">
                <h2 id="create-heading">"Create your team"</h2>
                <form on:submit=submit>
                    <LocalInput label="Team name" value=name required=true />
                    <LocalInput label="Purpose" hint="Why the team exists" value=purpose multiline=true />
                    <LocalInput label="Your name" hint="You become the team's first member" value=founder required=true />
                    {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                    <button type="submit" class="primary">"Create team"</button>
                </form>
            </section>
            <section class="card" aria-labelledby="example-heading">
                <h2 id="example-heading">"Just looking?"</h2>
                <p>"Open a small example team with roles and decisions in every state. It is kept apart from your own teams."</p>
                <button type="button" on:click=example>"Open the example team"</button>
            </section>
            <ImportCard joining=true />
            <StoredTeams />
        </main>
    }
}

/// The teams already in this browser.
#[component]
fn StoredTeams() -> impl IntoView {
    let state = expect_context::<AppState>();
    let others = move || {
        let damaged = state
            .damaged
            .with(|d| d.as_ref().map(|d| d.team_id.clone()));
        state
            .teams
            .get()
            .into_iter()
            .filter(move |t| Some(&t.id) != damaged.as_ref())
            .collect::<Vec<_>>()
    };
    view! {
        <Show when=move || !others().is_empty()>
            <section class="card" aria-labelledby="stored-heading">
                <h2 id="stored-heading">"Your teams in this browser"</h2>
                <ul class="plain">
                    <For each=others key=|t| t.id.clone() let(t)>
                        <li>
                            <button type="button" on:click=move |_| state.open_team(&t.id)>
                                {format!("Open {}", t.name)}
                            </button>
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
    }
}

/// Shown when the stored copy of a team could not be opened.
#[component]
fn DamagedNotice() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.damaged.get().map(|d| {
            let id = d.team_id.clone();
            let file = format!("{}-stored-data.automerge", browser::slug(&d.name));
            let download = move |_| {
                let _ = browser::download(&file, &state.raw_bytes(&id));
            };
            view! {
                <section class="card danger" role="alert" aria-labelledby="damaged-heading">
                    <h2 id="damaged-heading">{format!("{} could not be opened", d.name)}</h2>
                    <p>{d.message}</p>
                    <p>"You can download the stored data to keep it or send it for help, then create a new team, open the example or another team below."</p>
                    <button type="button" on:click=download>"Download the stored data"</button>
                </section>
            }
        })
    }
}
