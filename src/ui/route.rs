//! The address bar follows the screen (see [`crate::session::address`]):
//! each screen change is a history entry, *Back* and *Forward* show the
//! screen their entry names, a reload opens where it was, and an address
//! sent to a teammate opens the same screen of the same team.

use leptos::prelude::*;

use super::{
    browser,
    state::{AppState, Notice, Screen},
};
use crate::session::address::Address;

/// Opens the screen the page's address names, then keeps the address
/// and the screen in step.
pub fn start(state: AppState) {
    show(state, &Address::parse(&browser::query()), true);
    let team = Memo::new(move |_| state.team.with(|t| t.as_ref().map(|t| t.team_id.clone())));
    Effect::new(move |prev: Option<(Option<String>, Screen)>| {
        let team = team.get();
        let screen = shown(state, team.is_some());
        let query = state
            .filter
            .with(|f| query_for(team.as_deref(), &screen, f));
        // A new screen (or team) is a new entry; the log's filter changing
        // rewrites the entry it is on, or Back would undo it a letter at a
        // time.
        let moved = prev
            .as_ref()
            .is_some_and(|(t, s)| *t != team || *s != screen);
        if query != browser::query() {
            if moved {
                browser::push_query(&query);
            } else {
                browser::set_query(&query);
            }
        }
        (team, screen)
    });
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        // A teammate's link arriving in the fragment also fires popstate;
        // it is taken in on hashchange, and must stay in the address until.
        if crate::share::link::is_team_fragment(&browser::fragment()) {
            return;
        }
        show(state, &Address::parse(&browser::query()), false);
        // The entry now says what shows, so the effect above finds
        // nothing to push.
        let team = state.team_id();
        let screen = shown(state, team.is_some());
        let query = state
            .filter
            .with_untracked(|f| query_for(team.as_deref(), &screen, f));
        browser::set_query(&query);
    });
}

/// The address of `screen`; the history screen keeps the day the
/// address shows (the screen itself writes it when the day changes).
fn query_for(
    team: Option<&str>,
    screen: &Screen,
    filter: &crate::model::filter::DecisionFilter,
) -> String {
    match Address::parse(&browser::query()).day {
        Some(day) if *screen == Screen::Past => Address::past_query(team, &day),
        _ => Address::query(team, screen, filter),
    }
}

/// The screen on show (the welcome screen when no team is open).
fn shown(state: AppState, team_open: bool) -> Screen {
    if team_open {
        state.screen.get()
    } else {
        Screen::Welcome
    }
}

/// Shows what `address` names: its team (when stored here), its screen,
/// and for the decision log its filter.
fn show(state: AppState, address: &Address, arriving: bool) {
    if let Some(id) = &address.team {
        if state.team_id().as_ref() != Some(id) {
            let stored = state
                .teams
                .with_untracked(|t| t.iter().any(|t| &t.id == id));
            if !stored {
                if arriving {
                    state.say(Notice::Info(
                        "This address is for a team that is not in this browser. Ask a teammate for the team file or a link to it.".into(),
                    ));
                }
                return;
            }
            state.open_team(id);
        }
    }
    if state.team.with_untracked(Option::is_none) {
        return;
    }
    let screen = address.screen.clone().unwrap_or(Screen::Overview);
    if screen == Screen::Decisions || !arriving {
        state.filter.set(address.filter.clone());
        state.filter_unused.set(address.unused.clone());
    }
    if screen == Screen::Welcome && arriving {
        // A reload on the welcome screen of a browser with teams.
        return;
    }
    state.screen.set(screen);
}
