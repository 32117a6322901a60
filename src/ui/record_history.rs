//! A record's history, on demand: who changed which of its fields, when.

use leptos::prelude::*;

use super::state::AppState;
use crate::model::{date, Collection};

/// Changes listed at once; the rest are counted.
const SHOWN: usize = 50;

#[component]
pub fn RecordHistory(collection: Collection, id: StoredValue<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Reading it walks every change of the team: only once asked for.
    let asked = RwSignal::new(false);
    let rows = Memo::new(move |_| {
        if !asked.get() {
            return None;
        }
        state.team.track();
        let changes = state
            .with(|s| s.record_history(collection, &id.get_value()))
            .unwrap_or_default();
        let total = changes.len();
        let lines: Vec<(String, String)> = state.team.with_untracked(|t| {
            changes
                .into_iter()
                .rev()
                .take(SHOWN)
                .map(|c| {
                    let who = c
                        .author
                        .as_deref()
                        .and_then(|a| t.as_ref().and_then(|t| t.member_name(a)))
                        .unwrap_or("someone")
                        .to_string();
                    let what = if c.created {
                        "created it".to_string()
                    } else {
                        let fields: Vec<String> = c.fields.iter().map(|f| field_label(f)).collect();
                        format!("changed {}", fields.join(", "))
                    };
                    (
                        date::from_unix_ms(c.at_secs.saturating_mul(1000)),
                        format!("{who} {what}"),
                    )
                })
                .collect()
        });
        Some((lines, total))
    });
    let label = format!("History of this {}", collection.info().one);
    view! {
        <details class="card history" on:toggle=move |_| asked.set(true)>
            <summary>{label}</summary>
            {move || rows.get().map(|(lines, total)| view! {
                <ol class="plain" aria-label="Changes, newest first">
                    {lines.into_iter().map(|(day, text)| view! { <li><span class="meta">{day}</span>" "{text}</li> }).collect_view()}
                </ol>
                {(total > SHOWN).then(|| view! { <p class="meta">{format!("and {} earlier changes", total - SHOWN)}</p> })}
            })}
        </details>
    }
}

/// A field as people call it.
fn field_label(field: &str) -> String {
    match field {
        "fillers" => "holders".into(),
        "history" => "past holders".into(),
        "consultees" => "advice".into(),
        "authority_confirmed" => "confirmation after a merge".into(),
        other => other.replace('_', " "),
    }
}
