//! Every screen's address reads back as the same screen of the same team;
//! the decision log's filter travels with it; junk in an address is left
//! out, never trusted.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use roundtable::{
    model::{filter::DecisionFilter, DecisionStatus},
    session::address::{Address, Screen},
};

fn every_screen() -> Vec<Screen> {
    vec![
        Screen::Welcome,
        Screen::Overview,
        Screen::Members,
        Screen::Member("m_abc123".into()),
        Screen::Roles,
        Screen::Role("r_abc123".into()),
        Screen::Decisions,
        Screen::Decision("d_abc123".into()),
        Screen::Meetings,
        Screen::Meeting("g_abc123".into()),
        Screen::Tensions,
        Screen::Insights,
        Screen::Past,
        Screen::WhoDecides,
    ]
}

#[test]
fn every_screen_has_an_address_that_reads_back_as_itself() {
    let none = DecisionFilter::default();
    let mut seen = std::collections::BTreeSet::new();
    for screen in every_screen() {
        let q = Address::query(Some("t_team1"), &screen, &none);
        assert!(seen.insert(q.clone()), "{q} is not unique");
        let a = Address::parse(&q);
        assert_eq!(a.screen.as_ref(), Some(&screen), "{q}");
        let team = (screen != Screen::Welcome).then(|| "t_team1".to_string());
        assert_eq!(a.team, team, "{q}");
    }
    assert_eq!(
        Address::query(Some("t_team1"), &Screen::Decision("d_1x".into()), &none),
        "?team=t_team1&view=decision&id=d_1x"
    );
}

#[test]
fn the_decision_logs_filter_travels_with_its_address_and_only_there() {
    let f = DecisionFilter {
        status: Some(DecisionStatus::Open),
        text: "budget & hiring".into(),
        ..Default::default()
    };
    let q = Address::query(Some("t_team1"), &Screen::Decisions, &f);
    let a = Address::parse(&q);
    assert_eq!(a.screen, Some(Screen::Decisions));
    assert_eq!(a.filter, f);
    assert!(a.unused.is_empty(), "{:?}", a.unused);
    let roles = Address::query(Some("t_team1"), &Screen::Roles, &f);
    assert_eq!(roles, "?team=t_team1&view=roles");
    // A bookmark from before screens had addresses: the log, filtered.
    let old = Address::parse("?status=decided&tag=security");
    assert_eq!(old.screen, Some(Screen::Decisions));
    assert_eq!(old.filter.status, Some(DecisionStatus::Decided));
    assert_eq!(Address::parse("").screen, None);
}

#[test]
fn junk_in_an_address_is_left_out() {
    let a = Address::parse("?team=<script>&view=decision&id=%3Cb%3E");
    assert_eq!(a.team, None);
    assert_eq!(a.screen, None, "a record screen without a usable id");
    assert_eq!(Address::parse("?view=nowhere").screen, None);
    assert_eq!(Address::parse("?view=role").screen, None);
}

proptest! {
    #[test]
    fn any_query_reads_without_panicking(q in ".{0,300}") {
        let a = Address::parse(&q);
        if let Some(t) = &a.team {
            prop_assert!(roundtable::model::ids::is_valid_id(t));
        }
    }
}

#[test]
fn the_history_screen_keeps_its_day_in_the_address() {
    let q = Address::past_query(Some("t_team1"), "2026-03-02");
    assert_eq!(q, "?team=t_team1&view=history&day=2026-03-02");
    let a = Address::parse(&q);
    assert_eq!(a.screen, Some(Screen::Past));
    assert_eq!(a.day.as_deref(), Some("2026-03-02"));
    assert_eq!(Address::parse("?view=history&day=yesterday").day, None);
}
