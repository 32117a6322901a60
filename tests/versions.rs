//! What the screen may skip rebuilding: every edit marks as changed each
//! part of the team (collection or profile) whose records it changed, so a
//! list drawn from other parts can stay as it was.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{NOW, TODAY};
use proptest::prelude::*;
use roundtable::{
    model::{
        edits::{DecisionText, MemberField},
        versions::Versions,
        Collection, Team, TensionKind,
    },
    session::{Fresh, Session},
    storage::MemoryKv,
};

/// The collections whose records differ between `a` and `b`.
fn differing(a: &Team, b: &Team) -> Vec<Collection> {
    Collection::ALL
        .into_iter()
        .filter(|c| match c {
            Collection::Members => a.members != b.members,
            Collection::Roles => a.roles != b.roles,
            Collection::Decisions => a.decisions != b.decisions,
            Collection::Tensions => a.tensions != b.tensions,
            Collection::Meetings => a.meetings != b.meetings,
            Collection::Recognitions => a.recognitions != b.recognitions,
            Collection::Options => a.options != b.options,
        })
        .collect()
}

/// One of a few kinds of edit, on the first record of its kind, and what
/// the screen is given of it; `None` when there is nothing to edit yet or
/// the edit was refused.
fn apply(s: &mut Session<MemoryKv>, team: &Team, kind: u8, text: &str) -> Option<Fresh> {
    let first = |ids: Vec<&String>| ids.first().map(|id| id.to_string());
    let member = first(team.members.keys().collect());
    let other = first(team.members.keys().skip(1).collect());
    let role = first(team.roles.keys().collect());
    let decision = first(team.decisions.keys().collect());
    let fresh = match kind {
        0 => s.edit(NOW, |d, st| d.add_member(st, text, TODAY).map(drop)),
        1 => match member {
            Some(m) => s.edit(NOW, |d, st| {
                d.set_member(st, &m, MemberField::Expertise(vec![text.into()]))
            }),
            None => return None,
        },
        2 => s.edit(NOW, |d, st| d.add_role(st, text).map(drop)),
        3 => match role {
            Some(r) => s.edit(NOW, |d, st| d.set_role_purpose(st, &r, text)),
            None => return None,
        },
        4 => s.edit(NOW, |d, st| d.add_decision(st, text).map(drop)),
        5 => match decision {
            Some(id) => s.edit(NOW, |d, st| {
                d.set_decision_text(st, &id, DecisionText::Rationale, text)
            }),
            None => return None,
        },
        6 => s.edit(NOW, |d, st| {
            d.raise_tension(st, text, TensionKind::ALL[0], TODAY)
                .map(drop)
        }),
        7 => match (member, other) {
            (Some(from), Some(to)) => s.edit(NOW, |d, st| {
                d.recognise(st, &from, std::slice::from_ref(&to), None, text, TODAY)
                    .map(drop)
            }),
            _ => return None,
        },
        8 => s.edit(NOW, |d, st| d.set_team_name(st, text)),
        _ => match (role, other) {
            (Some(r), Some(m)) => s.edit(NOW, |d, st| d.add_filler(st, &r, &m, TODAY, None)),
            _ => return None,
        },
    };
    fresh.ok().map(|e| e.fresh)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever was edited, each collection whose records changed (and the
    /// profile, when it changed) is marked, as the screen sees it.
    #[test]
    fn every_changed_part_is_marked(
        edits in proptest::collection::vec((0u8..10, "[a-z]{1,8}( [a-z]{1,6})?"), 1..14)
    ) {
        let mut s = Session::new(MemoryKv::default());
        let opened = s.create("Platform", "Keep the lights on", "Ana", TODAY, NOW).unwrap();
        let mut shown = Some(opened.team);
        let mut versions = Versions::default();
        for (kind, text) in edits {
            let before_team = shown.clone().unwrap();
            let before = versions;
            let Some(fresh) = apply(&mut s, &before_team, kind, &text) else {
                continue;
            };
            fresh.bump(&mut versions);
            let mut conflicts = Vec::new();
            fresh.apply(&mut shown, &mut conflicts);
            let after = shown.as_ref().unwrap();
            for c in differing(&before_team, after) {
                prop_assert_ne!(before.of(c), versions.of(c), "{:?} changed unmarked", c);
            }
            if before_team.profile != after.profile {
                prop_assert_ne!(before.profile(), versions.profile());
            }
        }
    }
}
