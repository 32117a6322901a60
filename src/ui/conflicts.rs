//! Fields that teammates changed apart: both values, who chose each, and a
//! button to keep one.

use leptos::prelude::*;

use super::state::AppState;
use crate::model::{
    conflicts::{Conflict, ConflictValue},
    queries, Collection, DecisionStatus, Method, Owner, RoleStatus, Team,
};

fn field_label(field: &str) -> &'static str {
    match field {
        "name" => "Name",
        "left_on" => "Left the team on",
        "status" => "Status",
        "title" => "Title",
        "owner" => "Owner",
        "method" => "Method",
        "decided_on" => "Decided on",
        "review_by" => "Review by",
        _ => "A field",
    }
}

/// A value as people read it: labels for enums, names for owners.
pub fn show_value(team: &Team, c: &Conflict, v: &ConflictValue) -> String {
    let Some(raw) = v.value.as_deref() else {
        return "(empty)".to_string();
    };
    match (c.collection, c.field) {
        (Collection::Decisions, "status") => {
            DecisionStatus::parse(raw).map(|s| s.label().to_string())
        }
        (Collection::Decisions, "method") => Method::parse(raw).map(|m| m.label().to_string()),
        (Collection::Roles, "status") => RoleStatus::parse(raw).map(|s| s.label().to_string()),
        (Collection::Decisions, "owner") => {
            Owner::decode(raw).map(|o| queries::owner_label(team, &o))
        }
        _ => None,
    }
    .unwrap_or_else(|| raw.to_string())
}

/// The conflicts of one record, each with a way to settle it.
#[component]
pub fn ConflictsBox(collection: Collection, id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = StoredValue::new(id);
    let mine = move || {
        state.conflicts.with(|all| {
            all.iter()
                .filter(|c| c.collection == collection && c.record_id == id.get_value())
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    move || {
        let list = mine();
        (!list.is_empty()).then(|| {
            let team = state.team.get_untracked();
            view! {
                <section class="card danger" aria-labelledby="conflicts-heading">
                    <h3 id="conflicts-heading">"Edits made apart disagree"</h3>
                    {list.into_iter().map(|c| {
                        let team = team.clone();
                        let who = |v: &ConflictValue| {
                            v.author
                                .as_deref()
                                .and_then(|a| team.as_ref().and_then(|t| t.member_name(a)))
                                .unwrap_or("someone")
                                .to_string()
                        };
                        let parts: Vec<String> = c.values.iter().map(|v| {
                            let shown = team.as_ref().map(|t| show_value(t, &c, v)).unwrap_or_default();
                            format!("{} chose “{}”", who(v), shown)
                        }).collect();
                        let conflict = StoredValue::new(c.clone());
                        view! {
                            <div class="conflict">
                                <p><strong>{field_label(c.field)}</strong>": " {parts.join("; ")}"."</p>
                                <div class="button-row">
                                    {c.values.iter().map(|v| {
                                        let shown = team.as_ref().map(|t| show_value(t, &c, v)).unwrap_or_default();
                                        let pick = v.clone();
                                        view! {
                                            <button type="button" on:click=move |_| state.resolve(&conflict.get_value(), &pick)>
                                                {format!("Keep “{shown}”")}
                                            </button>
                                        }
                                    }).collect_view()}
                                </div>
                            </div>
                        }
                    }).collect_view()}
                </section>
            }
        })
    }
}
