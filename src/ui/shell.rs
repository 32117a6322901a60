//! The frame around a team's screens: its name, who you are, the team
//! switcher and the sections.

use leptos::prelude::*;

use super::{
    decisions::{DecisionEditor, DecisionsList},
    fields::field_id,
    insights::InsightsScreen,
    meetings::{MeetingEditor, MeetingsList},
    members::{MemberEditor, MembersList},
    notice::NoticeBar,
    overview::Overview,
    past::PastScreen,
    roles::{RoleEditor, RolesList},
    share::{ImportResult, PendingTeamPrompt},
    state::{AppState, Screen},
    tensions::{RaiseFromHeader, TensionsList},
    who_decides::WhoDecides,
};

const NEW_TEAM: &str = "__new__";

#[component]
pub fn TeamShell() -> impl IntoView {
    let state = expect_context::<AppState>();
    let team_name = move || {
        state.team.with(|t| {
            t.as_ref()
                .map(|t| t.profile.name.clone())
                .unwrap_or_default()
        })
    };
    // A new screen opens at its top, with focus on its heading (not on
    // the first load: the page starts where the browser puts it).
    Effect::new(move |seen: Option<()>| {
        state.screen.track();
        if seen.is_some() {
            super::focus::screen_opened();
        }
    });
    view! {
        <header class="topbar">
            <a class="skip" href="#main">"Skip to content"</a>
            <div class="topbar-row">
                <p class="brand" aria-hidden="true">"Roundtable"</p>
                <h1 class="team-name">{team_name}</h1>
            </div>
            <div class="topbar-row controls">
                <WhoAmI />
                <TeamSwitcher />
                <RaiseFromHeader />
                <super::undo::UndoButton />
            </div>
            <SectionNav />
        </header>
        <NoticeBar />
        <div class="notices">
            <super::passphrase::SealedPrompt />
            <PendingTeamPrompt />
            <ImportResult />
        </div>
        <main id="main" tabindex="-1">
            <p class="print-only print-team">{team_name}</p>
            {move || match state.screen.get() {
                Screen::Welcome | Screen::Overview => view! { <Overview /> }.into_any(),
                Screen::Members => view! { <MembersList /> }.into_any(),
                Screen::Member(id) => view! { <MemberEditor id=id /> }.into_any(),
                Screen::Roles => view! { <RolesList /> }.into_any(),
                Screen::Role(id) => view! { <RoleEditor id=id /> }.into_any(),
                Screen::Decisions => view! { <DecisionsList /> }.into_any(),
                Screen::Decision(id) => view! { <DecisionEditor id=id /> }.into_any(),
                Screen::Meetings => view! { <MeetingsList /> }.into_any(),
                Screen::Meeting(id) => view! { <MeetingEditor id=id /> }.into_any(),
                Screen::Tensions => view! { <TensionsList /> }.into_any(),
                Screen::Insights => view! { <InsightsScreen /> }.into_any(),
                Screen::Past => view! { <PastScreen /> }.into_any(),
                Screen::WhoDecides => view! { <WhoDecides /> }.into_any(),
            }}
        </main>
    }
}

#[component]
fn SectionNav() -> impl IntoView {
    let state = expect_context::<AppState>();
    let item = move |label: &'static str, target: Screen| {
        let t = target.clone();
        let current = move || {
            let s = state.screen.get();
            let same = match (&s, &t) {
                (Screen::Member(_), Screen::Members)
                | (Screen::Role(_), Screen::Roles)
                | (Screen::Decision(_), Screen::Decisions)
                | (Screen::Meeting(_), Screen::Meetings) => true,
                (a, b) => a == b,
            };
            same.then_some("page")
        };
        view! {
            <li>
                <button type="button" aria-current=current on:click=move |_| state.screen.set(target.clone())>
                    {label}
                </button>
            </li>
        }
    };
    view! {
        <nav aria-label="Sections">
            <ul>
                {item("Overview", Screen::Overview)}
                {item("Members", Screen::Members)}
                {item("Roles", Screen::Roles)}
                {item("Decisions", Screen::Decisions)}
                {item("Meetings", Screen::Meetings)}
                {item("Tensions", Screen::Tensions)}
                {item("Who decides?", Screen::WhoDecides)}
                {item("Insights", Screen::Insights)}
                {item("History", Screen::Past)}
            </ul>
        </nav>
    }
}

/// Which member is using this browser; every change is recorded as theirs.
#[component]
fn WhoAmI() -> impl IntoView {
    let state = expect_context::<AppState>();
    let choices = super::identity::member_choices();
    let options = move || choices.get();
    let id = field_id();
    view! {
        <span class="inline-field">
            <label for=id.clone()>"You are"</label>
            <select id=id on:change=move |ev| {
                let v = event_target_value(&ev);
                state.set_me(if v.is_empty() { None } else { Some(v) });
            }>
                <option value="" selected=move || state.me.get().is_none()>"Choose yourself…"</option>
                {move || {
                    let me = state.me.get();
                    options()
                        .into_iter()
                        .map(|(id, name)| {
                            let selected = me.as_deref() == Some(id.as_str());
                            view! { <option value=id prop:selected=selected>{name}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </span>
    }
}

#[component]
fn TeamSwitcher() -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = field_id();
    view! {
        <span class="inline-field">
            <label for=id.clone()>"Team"</label>
            <select id=id on:change=move |ev| {
                let v = event_target_value(&ev);
                if v == NEW_TEAM {
                    state.set_team(None);
                    state.screen.set(Screen::Welcome);
                } else {
                    state.open_team(&v);
                }
            }>
                {move || {
                    let current = state.team.with(|t| t.as_ref().map(|t| t.team_id.clone()));
                    state
                        .teams
                        .get()
                        .into_iter()
                        .map(|t| {
                            let selected = current.as_deref() == Some(t.id.as_str());
                            view! { <option value=t.id prop:selected=selected>{t.name}</option> }
                        })
                        .collect_view()
                }}
                <option value=NEW_TEAM>"New team or example…"</option>
            </select>
        </span>
    }
}
