//! The whole team as plain JSON, for scripts and other tools: every record
//! kind as a list, decisions with MADR's key names where MADR has one
//! (`status`, `date`, `decision-makers`, `consulted`, `informed`,
//! `context-and-problem-statement`, `considered-options`,
//! `decision-outcome`, `consequences`). The shape is in `docs/export.md`.

use serde_json::{json, Value};

use super::{log::madr_status, madr};
use crate::model::{queries, Link, Team};

/// The version of this JSON shape.
pub const VERSION: u32 = 1;

fn link(l: &Link) -> Value {
    json!({ "kind": l.kind.as_str(), "id": l.id })
}

fn names(team: &Team, ids: impl IntoIterator<Item = String>) -> Vec<String> {
    ids.into_iter()
        .filter_map(|id| team.members.get(&id).map(|m| m.name.clone()))
        .collect()
}

/// The team as JSON text (pretty-printed: people read it too).
pub fn export(team: &Team, exported_on: &str) -> String {
    let all: Vec<_> = team.decisions.values().collect();
    let decisions: Vec<Value> = madr::numbered(&all)
        .into_iter()
        .enumerate()
        .map(|(i, (file, d))| {
            let options = queries::options_of(team, &d.id);
            let makers = d
                .owner()
                .map(|o| names(team, queries::owner_people(team, &o)))
                .unwrap_or_default();
            json!({
                "id": d.id,
                "number": i + 1,
                "file": file,
                "title": d.title,
                "status": madr_status(d.status),
                "roundtable-status": d.status.as_str(),
                "date": madr::record_date(d),
                "decision-makers": makers,
                "consulted": names(team, d.consultees.keys().cloned()),
                "informed": [team.profile.name.clone()],
                "context-and-problem-statement": d.driver.as_str(),
                "proposal": d.proposal.as_str(),
                "considered-options": options.iter().map(|o| json!({
                    "id": o.id,
                    "title": o.title,
                    "pros": o.pro_points(),
                    "cons": o.con_points(),
                    "chosen": o.chosen,
                })).collect::<Vec<_>>(),
                "decision-outcome": {
                    "chosen-option": options.iter().find(|o| o.chosen).map(|o| o.title.clone()),
                    "rationale": d.rationale.as_str(),
                },
                "consequences": d.outcome.as_str(),
                "owner": d.owner().map(|o| json!({
                    "ref": o.encode(),
                    "label": queries::owner_label(team, &o),
                })),
                "method": d.method.as_str(),
                "decided_on": d.decided_on,
                "review_by": d.review_by,
                "tags": d.tags,
                "goals": d.goals,
                "supersedes": d.supersedes,
                "superseded_by": d.superseded_by,
                "advice": d.consultees.values().map(|c| json!({
                    "member_id": c.member_id,
                    "asked_on": c.asked_on,
                    "stance": c.stance.map(|s| s.as_str()),
                    "advice": c.advice.as_str(),
                    "answered_on": c.answered_on,
                })).collect::<Vec<_>>(),
                "objections": d.objections.values().map(|o| json!({
                    "id": o.id,
                    "by": o.by,
                    "reason": o.reason.as_str(),
                    "raised_on": o.raised_on,
                    "resolution": o.resolution.map(|r| r.as_str()),
                    "resolution_note": o.resolution_note.as_str(),
                    "resolved_on": o.resolved_on,
                })).collect::<Vec<_>>(),
                "created_at": d.created_at,
                "created_by": d.created_by,
            })
        })
        .collect();
    let value = json!({
        "format": "roundtable-team",
        "version": VERSION,
        "exported_on": exported_on,
        "team": {
            "id": team.team_id,
            "name": team.profile.name,
            "purpose": team.profile.purpose.as_str(),
            "goals": team.profile.goals.values().map(|g| json!({
                "id": g.id, "title": g.title, "description": g.description.as_str(),
            })).collect::<Vec<_>>(),
        },
        "members": queries::sorted_members(team).into_iter().map(|m| json!({
            "id": m.id, "name": m.name, "expertise": m.expertise,
            "joined_on": m.joined_on, "left_on": m.left_on,
        })).collect::<Vec<_>>(),
        "roles": queries::sorted_roles(team).into_iter().map(|r| json!({
            "id": r.id, "name": r.name, "status": r.status.as_str(),
            "purpose": r.purpose.as_str(), "accountabilities": r.accountabilities,
            "domain": r.domain, "expertise": r.expertise,
            "holders": r.fillers.values().map(|f| json!({
                "member_id": f.member_id, "since": f.since, "term_end": f.term_end,
            })).collect::<Vec<_>>(),
            "history": r.history.iter().map(|h| json!({
                "member_id": h.member_id, "from": h.from, "to": h.to,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "decisions": decisions,
        "tensions": team.tensions.values().map(|t| json!({
            "id": t.id, "raised_by": t.raised_by, "raised_on": t.raised_on,
            "text": t.text.as_str(), "kind": t.kind.as_str(), "status": t.status.as_str(),
            "drop_reason": t.drop_reason.as_str(),
            "produced": t.produced.iter().map(link).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "meetings": team.meetings.values().map(|m| {
            let mut items: Vec<_> = m.agenda.values().collect();
            crate::model::order::sort_by(&mut items, |a, b| a.position.cmp(&b.position).then_with(|| a.id.cmp(&b.id)));
            json!({
                "id": m.id, "date": m.date, "kind": m.kind.as_str(), "status": m.status.as_str(),
                "facilitator": m.facilitator, "note_taker": m.note_taker,
                "attendance": m.attendance.iter().map(|(k, v)| (k.clone(), json!(v.as_str()))).collect::<serde_json::Map<_, _>>(),
                "declined": m.declined,
                "agenda": items.into_iter().map(|i| json!({
                    "id": i.id, "kind": i.kind.as_str(), "about": i.about,
                    "text": i.text.as_str(), "notes": i.notes.as_str(),
                    "outcome": i.outcome.map(|o| o.as_str()),
                    "produced": i.produced.iter().map(link).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        }).collect::<Vec<_>>(),
        "recognitions": team.recognitions.values().map(|r| json!({
            "id": r.id, "from": r.from, "to": r.to,
            "for": r.for_what.as_ref().map(link), "words": r.words.as_str(), "date": r.date,
        })).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}
