//! Decisions, roles, members and meetings as CSV (RFC 4180, with a header
//! row), for spreadsheets. A value a spreadsheet would run as a formula
//! (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is
//! neutralised with a leading apostrophe.

use crate::model::{queries, Decision, Team};

/// What can be exported as CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Decisions,
    Roles,
    Members,
    Meetings,
}

impl Table {
    pub const ALL: [Table; 4] = [
        Table::Decisions,
        Table::Roles,
        Table::Members,
        Table::Meetings,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Table::Decisions => "decisions",
            Table::Roles => "roles",
            Table::Members => "members",
            Table::Meetings => "meetings",
        }
    }
}

/// A cell as a spreadsheet may safely read it.
pub fn neutralise(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    }
}

fn write(header: &[&str], rows: Vec<Vec<String>>) -> Vec<u8> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to memory cannot fail; a failed row would only be missing.
    let _ = w.write_record(header);
    for row in rows {
        let _ = w.write_record(row.iter().map(|v| neutralise(v)));
    }
    w.into_inner().unwrap_or_default()
}

fn name_of(team: &Team, id: &str) -> String {
    team.members
        .get(id)
        .map_or_else(String::new, |m| m.name.clone())
}

fn names(team: &Team, ids: impl Iterator<Item = String>) -> String {
    ids.map(|id| name_of(team, &id))
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The decisions given (the log's current filter), oldest first.
pub fn decisions(team: &Team, decisions: &[&Decision]) -> Vec<u8> {
    let header = [
        "id",
        "title",
        "status",
        "method",
        "owner",
        "decided_on",
        "review_by",
        "driver",
        "proposal",
        "options",
        "chosen_option",
        "outcome",
        "rationale",
        "consulted",
        "tags",
        "goals",
        "supersedes",
        "superseded_by",
        "created_on",
    ];
    let files = super::madr::numbered(decisions);
    let rows = files
        .into_iter()
        .map(|(_, d)| {
            let options = queries::options_of(team, &d.id);
            let title_of = |id: &Option<String>| {
                id.as_ref()
                    .and_then(|i| team.decisions.get(i))
                    .map_or_else(String::new, |d| d.title.clone())
            };
            vec![
                d.id.clone(),
                d.title.clone(),
                d.status.as_str().to_string(),
                d.method.as_str().to_string(),
                d.owner()
                    .map(|o| queries::owner_label(team, &o))
                    .unwrap_or_default(),
                d.decided_on.clone().unwrap_or_default(),
                d.review_by.clone().unwrap_or_default(),
                d.driver.as_str().to_string(),
                d.proposal.as_str().to_string(),
                options
                    .iter()
                    .map(|o| o.title.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
                options
                    .iter()
                    .find(|o| o.chosen)
                    .map_or_else(String::new, |o| o.title.clone()),
                d.outcome.as_str().to_string(),
                d.rationale.as_str().to_string(),
                names(team, d.consultees.keys().cloned()),
                d.tags.join("; "),
                d.goals
                    .iter()
                    .filter_map(|g| team.profile.goals.get(g).map(|g| g.title.clone()))
                    .collect::<Vec<_>>()
                    .join("; "),
                title_of(&d.supersedes),
                title_of(&d.superseded_by),
                crate::model::date::from_unix_ms(d.created_at),
            ]
        })
        .collect();
    write(&header, rows)
}

pub fn roles(team: &Team) -> Vec<u8> {
    let header = [
        "id",
        "name",
        "status",
        "purpose",
        "accountabilities",
        "domain",
        "expertise",
        "holders",
        "terms_end",
    ];
    let rows = queries::sorted_roles(team)
        .into_iter()
        .map(|r| {
            vec![
                r.id.clone(),
                r.name.clone(),
                r.status.as_str().to_string(),
                r.purpose.as_str().to_string(),
                r.accountabilities.join("; "),
                r.domain.join("; "),
                r.expertise.join("; "),
                names(team, r.fillers.keys().cloned()),
                r.fillers
                    .values()
                    .filter_map(|f| {
                        f.term_end
                            .as_ref()
                            .map(|t| format!("{}: {t}", name_of(team, &f.member_id)))
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            ]
        })
        .collect();
    write(&header, rows)
}

pub fn members(team: &Team) -> Vec<u8> {
    let header = ["id", "name", "expertise", "joined_on", "left_on", "roles"];
    let rows = queries::sorted_members(team)
        .into_iter()
        .map(|m| {
            vec![
                m.id.clone(),
                m.name.clone(),
                m.expertise.join("; "),
                m.joined_on.clone(),
                m.left_on.clone().unwrap_or_default(),
                queries::sorted_roles(team)
                    .into_iter()
                    .filter(|r| r.is_filled_by(&m.id))
                    .map(|r| r.name.clone())
                    .collect::<Vec<_>>()
                    .join("; "),
            ]
        })
        .collect();
    write(&header, rows)
}

pub fn meetings(team: &Team) -> Vec<u8> {
    let header = [
        "id",
        "date",
        "kind",
        "status",
        "facilitator",
        "note_taker",
        "agenda_items",
    ];
    let mut list: Vec<_> = team.meetings.values().collect();
    crate::model::order::sort_by(&mut list, |a, b| {
        a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id))
    });
    let rows = list
        .into_iter()
        .map(|m| {
            vec![
                m.id.clone(),
                m.date.clone(),
                m.kind.as_str().to_string(),
                m.status.as_str().to_string(),
                m.facilitator
                    .as_deref()
                    .map(|f| name_of(team, f))
                    .unwrap_or_default(),
                m.note_taker
                    .as_deref()
                    .map(|f| name_of(team, f))
                    .unwrap_or_default(),
                m.agenda.len().to_string(),
            ]
        })
        .collect();
    write(&header, rows)
}
