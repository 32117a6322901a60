//! The message area: what the app tells the person, and edits kept only
//! in this tab when storage is full.

use leptos::prelude::*;

use super::{
    share::download_team_file,
    state::{AppState, Notice},
};

/// Messages about the last action: errors are announced at once.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    // A notice belongs to the screen it was said on: leaving the screen
    // takes it away, unless it was said by the move itself ("Added…") or
    // edits live only in this tab.
    Effect::new(
        move |prev: Option<(Option<Notice>, super::state::Screen)>| {
            let notice = state.notice.get();
            let screen = state.screen.get();
            if let Some((was, on)) = prev {
                if on != screen
                    && was == notice
                    && notice.is_some()
                    && !state.unsaved.get_untracked()
                {
                    state.notice.set(None);
                    return (None, screen);
                }
            }
            (notice, screen)
        },
    );
    view! {
        <div class="notices">
            {move || match state.notice.get() {
                Some(Notice::Error(msg)) => view! {
                    <p class="notice error" role="alert">
                        {msg}
                        {move || state.unsaved.get().then(|| view! {
                            <button type="button" class="primary" on:click=move |_| download_team_file(state)>"Download team file"</button>
                        })}
                        <button type="button" class="link" on:click=move |_| state.notice.set(None)>"Dismiss"</button>
                    </p>
                }.into_any(),
                Some(Notice::Done(msg)) => view! {
                    <p class="notice info" role="status">
                        {msg}
                        {move || state.undo_next.get().map(|words| view! {
                            <button type="button" class="primary" title=format!("Undo {words}") on:click=move |_| state.undo()>"Undo"</button>
                        })}
                        <button type="button" class="link" on:click=move |_| state.notice.set(None)>"Dismiss"</button>
                    </p>
                }.into_any(),
                Some(Notice::Info(msg)) => view! {
                    <p class="notice info" role="status">
                        {msg}
                        <button type="button" class="link" on:click=move |_| state.notice.set(None)>"Dismiss"</button>
                    </p>
                }.into_any(),
                None => view! { <p class="notice-empty" role="status"></p> }.into_any(),
            }}
        </div>
    }
}
