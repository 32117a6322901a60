//! What can be wrong with a decision after teammates' copies merge: it was
//! marked decided by someone who did not own it then, or whom another copy
//! had meanwhile removed from the owning role, or while objections or the
//! advice it needs were still open — and how each is said.

use super::{decision::Decision, enums::Method, team::Team};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Problem {
    /// `by` marked an autonomous decision decided without owning it at
    /// that moment (not the owning member, or not holding the owning role).
    NoAuthority {
        by: Option<String>,
    },
    /// `by` held `role` in their copy, but a copy that had not seen the
    /// decision (edited by `others`) removed them from it.
    RemovedElsewhere {
        by: String,
        role: String,
        others: Vec<String>,
    },
    OpenObjections(usize),
    NoAdvice,
}

/// A decision the check questions, with the change that marked it decided.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Flag {
    pub decision: String,
    /// The hash of the change that marked it decided (what *Confirm*
    /// records).
    pub change: String,
    pub problems: Vec<Problem>,
}

/// Problems the merged state itself shows: objections or advice still open.
pub fn open_steps(d: &Decision) -> Vec<Problem> {
    let mut out = Vec::new();
    if d.open_objections() > 0 && matches!(d.method, Method::Consent | Method::Advice) {
        out.push(Problem::OpenObjections(d.open_objections()));
    }
    if d.method == Method::Advice && !d.consultees.values().any(|c| c.stance.is_some()) {
        out.push(Problem::NoAdvice);
    }
    out
}

impl Problem {
    /// In words, naming people and roles from `team`.
    pub fn sentence(&self, team: &Team) -> String {
        let name = |id: &str| team.member_name(id).unwrap_or("someone").to_string();
        match self {
            Problem::NoAuthority { by } => format!(
                "Marked decided by {}, who did not own it then.",
                by.as_deref().map_or("someone unknown".to_string(), name)
            ),
            Problem::RemovedElsewhere { by, role, others } => {
                let role = team
                    .roles
                    .get(role)
                    .map_or("the owning role", |r| r.name.as_str());
                let copy = if others.is_empty() {
                    "another copy".to_string()
                } else {
                    let names: Vec<String> = others.iter().map(|o| name(o)).collect();
                    format!("{}'s copy", names.join(" and "))
                };
                format!(
                    "Decided by {}, who no longer held {role} in {copy}.",
                    name(by)
                )
            }
            Problem::OpenObjections(n) => format!(
                "Marked decided while {n} objection{} {} still open.",
                if *n == 1 { "" } else { "s" },
                if *n == 1 { "was" } else { "were" }
            ),
            Problem::NoAdvice => {
                "Marked decided by the advice process, but nobody's advice is recorded.".into()
            }
        }
    }
}
