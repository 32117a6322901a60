//! Lists derived from part of the team, built again only when that part
//! changes: every edit replaces the team signal, and typing into one record
//! of a large team must not rebuild choices drawn from thousands of others.

use leptos::prelude::*;

use super::state::AppState;
use crate::model::{Collection, Team};

impl AppState {
    /// Shows another team, or none: every part of it counts as changed.
    pub fn set_team(&self, team: Option<Team>) {
        self.versions.update(|v| v.bump_all());
        self.team.set(team);
    }
}

/// `value(team)`, recomputed only when a record of `parts` changed or
/// `key(team)` changes. `value` must read nothing of the team but `parts`
/// and what `key` fingerprints (and `key` must be much cheaper than it).
pub fn over<K, T>(
    state: AppState,
    parts: &'static [Collection],
    key: impl Fn(&Team) -> K + Send + Sync + 'static,
    value: impl Fn(&Team) -> T + Send + Sync + 'static,
) -> Memo<T>
where
    K: PartialEq + Send + Sync + 'static,
    T: PartialEq + Default + Send + Sync + 'static,
{
    let key = Memo::new(move |_| {
        let changed: Vec<u64> = state
            .versions
            .with(|v| parts.iter().map(|c| v.of(*c)).collect());
        (changed, state.team.with(|t| t.as_ref().map(&key)))
    });
    Memo::new(move |_| {
        follow(key);
        state
            .team
            .with_untracked(|t| t.as_ref().map(&value).unwrap_or_default())
    })
}

/// `value(team)`, recomputed only when `key(team)` changes. `key` must be
/// a fingerprint of everything `value` reads, and much cheaper than it.
pub fn keyed<K, T>(
    state: AppState,
    key: impl Fn(&Team) -> K + Send + Sync + 'static,
    value: impl Fn(&Team) -> T + Send + Sync + 'static,
) -> Memo<T>
where
    K: PartialEq + Send + Sync + 'static,
    T: PartialEq + Default + Send + Sync + 'static,
{
    over(state, &[], key, value)
}

/// Makes the memo or effect now running follow `memo`. `memo.track()` is
/// not enough: it subscribes without computing, and a memo that was never
/// computed never subscribed to its own sources, so it never changes.
pub fn follow<T: Send + Sync + 'static>(memo: Memo<T>) {
    memo.with(|_| ());
}
