//! One record open on its screen: kept up to date from the team signal,
//! with a reader for each of its fields — the same for every kind.

use leptos::prelude::*;

use super::state::AppState;
use crate::model::Record;

/// The record `id` as the team now holds it (`None` once it is gone).
pub fn open_record<R: Record + Send + Sync>(
    state: AppState,
    id: StoredValue<String>,
) -> Memo<Option<R>> {
    Memo::new(move |_| {
        state.team.with(|t| {
            t.as_ref()
                .and_then(|t| R::all(t).get(&id.get_value()).cloned())
        })
    })
}

/// A field of the open record as text, for a form field.
pub fn field_of<R: Record + Send + Sync>(
    record: Memo<Option<R>>,
) -> impl Fn(fn(&R) -> String) -> Signal<String> + Copy {
    move |f| Signal::derive(move || record.with(|r| r.as_ref().map(f).unwrap_or_default()))
}
