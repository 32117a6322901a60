//! What a meeting's agenda could hold and how its items are named: open
//! tensions, decisions due for review, decisions waiting for advice or
//! consent, and role terms ending — those not on the agenda yet.

use super::{
    decision::Decision,
    enums::{DecisionStatus, ItemKind, Method, TensionStatus},
    meeting::{AgendaItem, Meeting},
    queries,
    team::Team,
};

/// One item the agenda could take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub kind: ItemKind,
    /// The tension or decision id, or `role id/member id` for a term.
    pub about: String,
    /// How it is named on the agenda.
    pub label: String,
}

/// Suggestions of one kind: the first few, and how many there are in all,
/// so a large team does not flood the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub kind: ItemKind,
    pub shown: Vec<Suggestion>,
    pub total: usize,
}

/// A decision being made that waits on people: advice not yet given, an
/// objection not yet resolved, or consent not yet given.
pub fn waiting(d: &Decision) -> bool {
    d.status == DecisionStatus::Open
        && (d.awaiting_advice().next().is_some()
            || d.open_objections() > 0
            || d.method == Method::Consent)
}

/// The term `role id/member id`, split.
pub fn term_parts(about: &str) -> Option<(&str, &str)> {
    about.split_once('/')
}

fn decision_title(team: &Team, id: &str) -> String {
    team.decisions
        .get(id)
        .map(|d| d.title.clone())
        .unwrap_or_else(|| "a decision no longer in this team".to_string())
}

fn label(team: &Team, kind: ItemKind, about: &str, text: &str) -> String {
    match kind {
        ItemKind::Tension => match team.tensions.get(about) {
            Some(t) => format!("Tension: {}", t.title()),
            None => "Tension no longer in this team".to_string(),
        },
        ItemKind::Review => format!("Review: {}", decision_title(team, about)),
        ItemKind::Waiting => format!(
            "Waiting for advice or consent: {}",
            decision_title(team, about)
        ),
        ItemKind::Term => {
            let (role, member) = term_parts(about).unwrap_or((about, ""));
            let role = team.roles.get(role).map_or("a role", |r| r.name.as_str());
            let member = team.member_name(member).unwrap_or("someone");
            format!("Term ending: {member} as {role}")
        }
        ItemKind::Free => text.lines().next().unwrap_or_default().to_string(),
    }
}

/// How an agenda item is named.
pub fn item_title(team: &Team, item: &AgendaItem) -> String {
    let about = item.about.as_deref().unwrap_or_default();
    let named = label(team, item.kind, about, item.text.as_str());
    if named.trim().is_empty() {
        "Agenda item".to_string()
    } else {
        named
    }
}

/// Everything the meeting's agenda could take that it does not hold yet,
/// as of the meeting's date, in a stable order.
pub fn suggestions(team: &Team, meeting: &Meeting) -> Vec<Suggestion> {
    let on = &meeting.date;
    let taken = |kind: ItemKind, about: &str| {
        meeting
            .agenda
            .values()
            .any(|i| i.kind == kind && i.about.as_deref() == Some(about))
    };
    let mut out = Vec::new();
    let mut push = |kind: ItemKind, about: String| {
        if !taken(kind, &about) {
            let label = label(team, kind, &about, "");
            out.push(Suggestion { kind, about, label });
        }
    };
    let mut tensions: Vec<_> = team
        .tensions
        .values()
        .filter(|t| t.status == TensionStatus::Open)
        .collect();
    crate::model::order::sort_by(&mut tensions, |a, b| {
        (&a.raised_on, &a.id).cmp(&(&b.raised_on, &b.id))
    });
    for t in tensions {
        push(ItemKind::Tension, t.id.clone());
    }
    for d in queries::decisions_due_for_review(team, on) {
        push(ItemKind::Review, d.id.clone());
    }
    for d in queries::sorted_decisions(team) {
        if waiting(d) {
            push(ItemKind::Waiting, d.id.clone());
        }
    }
    for t in queries::terms_ending(team, on, queries::TERM_WARNING_DAYS) {
        if team
            .members
            .get(&t.member_id)
            .is_some_and(|m| m.is_active())
        {
            push(ItemKind::Term, format!("{}/{}", t.role_id, t.member_id));
        }
    }
    out
}

/// The suggestions by kind, at most `per_kind` of each shown.
pub fn grouped(team: &Team, meeting: &Meeting, per_kind: usize) -> Vec<Group> {
    let all = suggestions(team, meeting);
    [
        ItemKind::Tension,
        ItemKind::Review,
        ItemKind::Waiting,
        ItemKind::Term,
    ]
    .into_iter()
    .filter_map(|kind| {
        let of: Vec<Suggestion> = all.iter().filter(|s| s.kind == kind).cloned().collect();
        (!of.is_empty()).then(|| Group {
            kind,
            total: of.len(),
            shown: of.into_iter().take(per_kind).collect(),
        })
    })
    .collect()
}
