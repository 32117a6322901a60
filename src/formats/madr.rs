//! Decisions as Markdown Architectural Decision Records (MADR 4): one file
//! per decision, numbered by decision date, and an index.
//!
//! Front matter: `status`, `date`, `decision-makers`, `consulted`,
//! `informed`. Sections: Context and Problem Statement (the driver),
//! Considered Options, Decision Outcome (the chosen option and rationale)
//! with Consequences (the outcome), Pros and Cons of the Options, and More
//! Information (the proposal and what MADR has no place for). Reading the
//! files back (`madr_read`) gives the same decisions.

use std::{collections::HashMap, fmt::Write};

use super::log::madr_status;
use crate::model::{date, queries, queries::options_of, Decision, DecisionStatus, Team};

/// Written where a section has nothing yet; read back as empty.
pub const NOT_RECORDED: &str = "_Not recorded._";

/// The name of the index file.
pub const INDEX: &str = "index.md";

/// The day a decision is numbered by: when it was decided, else made.
pub fn record_date(d: &Decision) -> String {
    d.decided_on
        .clone()
        .unwrap_or_else(|| date::from_unix_ms(d.created_at))
}

/// The decisions in log order (by decision date), each with its file name.
pub fn numbered<'a>(decisions: &[&'a Decision]) -> Vec<(String, &'a Decision)> {
    let mut v: Vec<&Decision> = decisions.to_vec();
    // Each date made once, not twice per comparison (thousands of records).
    crate::model::order::sort_by_cached_key(&mut v, |d| {
        let d: &Decision = d;
        (record_date(d), d.created_at, d.id.as_str())
    });
    v.into_iter()
        .enumerate()
        .map(|(i, d)| (format!("{:04}-{}.md", i + 1, super::slug(&d.title)), d))
        .collect()
}

/// Every file: the records, then the index.
pub fn export(team: &Team, decisions: &[&Decision]) -> Vec<(String, String)> {
    let files = numbered(decisions);
    let names: HashMap<&str, (usize, &str)> = files
        .iter()
        .enumerate()
        .map(|(i, (name, d))| (d.id.as_str(), (i + 1, name.as_str())))
        .collect();
    let mut out: Vec<(String, String)> = files
        .iter()
        .map(|(name, d)| (name.clone(), record(team, d, &names)))
        .collect();
    out.push((INDEX.to_string(), index(team, &files)));
    out
}

/// A YAML double-quoted string.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Prose as Markdown body text: a line that would read as a heading or
/// as the end of the front matter is escaped, so sections stay sections.
pub fn prose(s: &str) -> String {
    let s = s.trim();
    if s.is_empty() {
        return NOT_RECORDED.to_string();
    }
    s.lines()
        .map(|l| {
            if l.starts_with(['#', '\\']) || l.starts_with("---") || l.starts_with("<!--") {
                format!("\\{l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn people(team: &Team, ids: impl IntoIterator<Item = String>) -> String {
    ids.into_iter()
        .map(|id| {
            team.members.get(&id).map_or_else(
                || "someone no longer in the team".to_string(),
                |m| m.name.clone(),
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn link(names: &HashMap<&str, (usize, &str)>, team: &Team, id: &str) -> String {
    match names.get(id) {
        Some((n, file)) => {
            let title = team.decisions.get(id).map_or("", |d| d.title.as_str());
            format!("[ADR-{n:04} {}]({file})", one_line(title))
        }
        None => match team.decisions.get(id) {
            Some(d) => format!("{} (not in this export)", one_line(&d.title)),
            None => "a decision no longer in the team".to_string(),
        },
    }
}

fn status_line(d: &Decision, names: &HashMap<&str, (usize, &str)>) -> String {
    match (
        d.status,
        d.superseded_by.as_deref().and_then(|s| names.get(s)),
    ) {
        (DecisionStatus::Superseded, Some((n, _))) => format!("superseded by ADR-{n:04}"),
        (s, _) => madr_status(s).to_string(),
    }
}

/// One decision record.
pub fn record(team: &Team, d: &Decision, names: &HashMap<&str, (usize, &str)>) -> String {
    let mut o = String::new();
    let makers = d
        .owner()
        .map(|owner| {
            let people = names_of_owner(team, &owner);
            match owner {
                crate::model::Owner::Role(_) if !people.is_empty() => {
                    format!("{} ({})", people, queries::owner_label(team, &owner))
                }
                _ if people.is_empty() => queries::owner_label(team, &owner),
                _ => people,
            }
        })
        .unwrap_or_default();
    let consulted = people(team, d.consultees.keys().cloned());
    let _ = writeln!(o, "---");
    let _ = writeln!(o, "status: {}", quoted(&status_line(d, names)));
    let _ = writeln!(o, "date: {}", record_date(d));
    let _ = writeln!(o, "decision-makers: {}", quoted(&makers));
    let _ = writeln!(o, "consulted: {}", quoted(&consulted));
    let _ = writeln!(o, "informed: {}", quoted(&team.profile.name));
    let _ = writeln!(o, "---\n");
    let _ = writeln!(o, "# {}\n", one_line(&d.title));
    let _ = writeln!(
        o,
        "## Context and Problem Statement\n\n{}\n",
        prose(d.driver.as_str())
    );
    let options = options_of(team, &d.id);
    let _ = writeln!(o, "## Considered Options\n");
    if options.is_empty() {
        let _ = writeln!(o, "{NOT_RECORDED}\n");
    } else {
        for opt in &options {
            let _ = writeln!(o, "* {}", one_line(&opt.title));
        }
        o.push('\n');
    }
    let _ = writeln!(o, "## Decision Outcome\n");
    let rationale = d.rationale.as_str().trim();
    match options.iter().find(|x| x.chosen) {
        Some(c) if rationale.is_empty() => {
            let _ = writeln!(o, "Chosen option: \"{}\".\n", one_line(&c.title));
        }
        Some(c) => {
            let _ = writeln!(
                o,
                "Chosen option: \"{}\", because {}\n",
                one_line(&c.title),
                prose(rationale)
            );
        }
        None => {
            let _ = writeln!(o, "{}\n", prose(rationale));
        }
    }
    let _ = writeln!(o, "### Consequences\n\n{}\n", prose(d.outcome.as_str()));
    if !options.is_empty() {
        let _ = writeln!(o, "## Pros and Cons of the Options\n");
        for opt in &options {
            let _ = writeln!(o, "### {}\n", one_line(&opt.title));
            let pros = opt.pro_points();
            let cons = opt.con_points();
            for p in &pros {
                let _ = writeln!(o, "* Good, because {}", one_line(p));
            }
            for c in &cons {
                let _ = writeln!(o, "* Bad, because {}", one_line(c));
            }
            if pros.is_empty() && cons.is_empty() {
                let _ = writeln!(o, "{NOT_RECORDED}");
            }
            o.push('\n');
        }
    }
    let _ = writeln!(o, "## More Information\n");
    let mut facts: Vec<String> = Vec::new();
    if let Some(owner) = d.owner() {
        facts.push(format!("Owner: {}", queries::owner_label(team, &owner)));
    }
    facts.push(format!("Method: {}", d.method.as_str()));
    facts.push(format!("Status: {}", d.status.as_str()));
    if let Some(on) = &d.decided_on {
        facts.push(format!("Decided on: {on}"));
    }
    if let Some(r) = &d.review_by {
        facts.push(format!("Review by: {r}"));
    }
    if !d.tags.is_empty() {
        facts.push(format!("Tags: {}", d.tags.join(", ")));
    }
    let goals: Vec<&str> = d
        .goals
        .iter()
        .filter_map(|g| team.profile.goals.get(g).map(|g| g.title.as_str()))
        .collect();
    if !goals.is_empty() {
        facts.push(format!("Goals: {}", goals.join(", ")));
    }
    if let Some(s) = &d.supersedes {
        facts.push(format!("Supersedes: {}", link(names, team, s)));
    }
    if let Some(s) = &d.superseded_by {
        facts.push(format!("Superseded by: {}", link(names, team, s)));
    }
    for c in d.consultees.values() {
        let who = names_of_ids(team, &c.member_id);
        match c.stance {
            Some(stance) => facts.push(format!(
                "Advice from {who} ({}, {}): {}",
                stance.as_str(),
                c.answered_on.as_deref().unwrap_or("undated"),
                one_line(c.advice.as_str())
            )),
            None => facts.push(format!(
                "Advice asked of {who} on {}: no answer yet",
                c.asked_on
            )),
        }
    }
    for ob in d.objections.values() {
        let who = names_of_ids(team, &ob.by);
        let settled = match ob.resolution {
            Some(r) => format!(
                " — {}: {}",
                r.label(),
                one_line(ob.resolution_note.as_str())
            ),
            None => " — open".to_string(),
        };
        facts.push(format!(
            "Objection by {who} ({}): {}{settled}",
            ob.raised_on,
            one_line(ob.reason.as_str())
        ));
    }
    for f in facts {
        let _ = writeln!(o, "* {f}");
    }
    let _ = writeln!(o, "\n### Proposal\n\n{}", prose(d.proposal.as_str()));
    let _ = writeln!(o, "\n<!-- roundtable: {} -->", d.id);
    o
}

fn names_of_ids(team: &Team, id: &str) -> String {
    people(team, std::iter::once(id.to_string()))
}

fn names_of_owner(team: &Team, owner: &crate::model::Owner) -> String {
    people(team, queries::owner_people(team, owner))
}

/// The index: every decision with its status, superseded ones marked.
pub fn index(team: &Team, files: &[(String, &Decision)]) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# Decision log: {}\n", one_line(&team.profile.name));
    let _ = writeln!(
        o,
        "{} decision records (MADR 4), numbered by decision date.\n",
        files.len()
    );
    let _ = writeln!(o, "| No. | Decision | Status | Date |");
    let _ = writeln!(o, "| --- | --- | --- | --- |");
    for (i, (file, d)) in files.iter().enumerate() {
        let title = one_line(&d.title).replace('|', "\\|");
        let title = if d.status == DecisionStatus::Superseded {
            format!("~~[{title}]({file})~~")
        } else {
            format!("[{title}]({file})")
        };
        let _ = writeln!(
            o,
            "| {:04} | {title} | {} | {} |",
            i + 1,
            d.status.label(),
            record_date(d)
        );
    }
    o
}
