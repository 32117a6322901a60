//! A decision record as Markdown logs hold it, whichever tool wrote it:
//! what reading MADR or adr-tools files gives, and what importing it into
//! a team takes.

use crate::model::{DecisionStatus, Method};

/// One option a record considered.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LogOption {
    pub title: String,
    pub pros: Vec<String>,
    pub cons: Vec<String>,
    pub chosen: bool,
}

/// One decision record read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogRecord {
    /// The file it came from (its name, without folders).
    pub file: String,
    pub title: String,
    pub status: DecisionStatus,
    pub date: Option<String>,
    pub driver: String,
    pub proposal: String,
    pub outcome: String,
    pub rationale: String,
    pub options: Vec<LogOption>,
    /// Files of the records this one supersedes, and that supersede it.
    pub supersedes: Vec<String>,
    pub superseded_by: Vec<String>,
    /// "Owner: …" as Roundtable writes it: a role ("… (role)") or a person.
    pub owner: Option<String>,
    pub method: Option<Method>,
    pub review_by: Option<String>,
    pub tags: Vec<String>,
    /// The Roundtable id it was exported with, if any.
    pub id: Option<String>,
    /// What was read but not understood, said in the preview.
    pub notes: Vec<String>,
}

impl LogRecord {
    pub fn new(file: &str, title: &str) -> Self {
        LogRecord {
            file: file.to_string(),
            title: title.to_string(),
            status: DecisionStatus::Draft,
            date: None,
            driver: String::new(),
            proposal: String::new(),
            outcome: String::new(),
            rationale: String::new(),
            options: Vec::new(),
            supersedes: Vec::new(),
            superseded_by: Vec::new(),
            owner: None,
            method: None,
            review_by: None,
            tags: Vec::new(),
            id: None,
            notes: Vec::new(),
        }
    }
}

/// The MADR status word for a decision status, and back.
pub fn madr_status(s: DecisionStatus) -> &'static str {
    match s {
        DecisionStatus::Draft => "draft",
        DecisionStatus::Open => "proposed",
        DecisionStatus::Decided => "accepted",
        DecisionStatus::Superseded => "superseded",
        DecisionStatus::Reversed => "rejected",
        DecisionStatus::Retired => "deprecated",
    }
}

/// Reads a status as MADR and adr-tools write it ("Accepted", "superseded
/// by ADR-0005", "Superceded by [5. …](…)").
pub fn parse_status(s: &str) -> Option<DecisionStatus> {
    let word: String = s
        .trim()
        .trim_matches(|c: char| c == '"' || c == '\'' || c == '*' || c == '_')
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    Some(match word.as_str() {
        "draft" => DecisionStatus::Draft,
        "proposed" | "open" => DecisionStatus::Open,
        "accepted" | "decided" | "approved" => DecisionStatus::Decided,
        "superseded" | "superceded" => DecisionStatus::Superseded,
        "rejected" | "reversed" => DecisionStatus::Reversed,
        "deprecated" | "retired" => DecisionStatus::Retired,
        _ => return None,
    })
}
