//! A decision record: driver, proposal, method, owner, advice asked and
//! given, objections, lifecycle dates, goals and supersession.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile, Text};

use super::enums::{DecisionStatus, Method, Resolution, Stance};

/// A person asked for advice, and what they said once they answered.
#[derive(Debug, Clone, PartialEq, Eq, Hydrate, Reconcile, Serialize, Deserialize)]
pub struct Consultation {
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub member_id: String,
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub asked_on: String,
    #[autosurgeon(missing = "Default::default")]
    pub stance: Option<Stance>,
    #[autosurgeon(hydrate = "super::lenient::text")]
    #[serde(with = "super::snapshot::text")]
    pub advice: Text,
    #[autosurgeon(hydrate = "super::lenient::opt_string")]
    pub answered_on: Option<String>,
}

/// An objection to a proposal, and how it was settled.
#[derive(Debug, Clone, PartialEq, Eq, Hydrate, Reconcile, Serialize, Deserialize)]
pub struct Objection {
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub id: String,
    /// The member who objects.
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub by: String,
    #[autosurgeon(hydrate = "super::lenient::text")]
    #[serde(with = "super::snapshot::text")]
    pub reason: Text,
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub raised_on: String,
    #[autosurgeon(missing = "Default::default")]
    pub resolution: Option<Resolution>,
    #[autosurgeon(hydrate = "super::lenient::text")]
    #[serde(with = "super::snapshot::text")]
    pub resolution_note: Text,
    #[autosurgeon(hydrate = "super::lenient::opt_string")]
    pub resolved_on: Option<String>,
}

impl Objection {
    pub fn is_open(&self) -> bool {
        self.resolution.is_none()
    }
}

/// Who owns a decision: a role, or a member acting on their own account.
/// Stored as one string (`role:<id>` / `member:<id>`) so that a change of
/// owner is a single value that either wins or shows as a conflict.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Owner {
    Role(String),
    Member(String),
}

impl Owner {
    pub fn encode(&self) -> String {
        match self {
            Owner::Role(id) => format!("role:{id}"),
            Owner::Member(id) => format!("member:{id}"),
        }
    }

    pub fn decode(s: &str) -> Option<Owner> {
        if let Some(id) = s.strip_prefix("role:") {
            Some(Owner::Role(id.to_string()))
        } else {
            s.strip_prefix("member:")
                .map(|id| Owner::Member(id.to_string()))
        }
    }
}

/// A decision record: why, what, who, how, and when to look again.
#[derive(Debug, Clone, PartialEq, Eq, Hydrate, Reconcile, Serialize, Deserialize)]
pub struct Decision {
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub id: String,
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub title: String,
    #[autosurgeon(hydrate = "super::lenient::text")]
    #[serde(with = "super::snapshot::text")]
    pub driver: Text,
    #[autosurgeon(hydrate = "super::lenient::text")]
    #[serde(with = "super::snapshot::text")]
    pub proposal: Text,
    /// `role:<id>` or `member:<id>`; see [`Owner`].
    #[autosurgeon(hydrate = "super::lenient::opt_string")]
    pub owner: Option<String>,
    pub method: Method,
    pub status: DecisionStatus,
    #[autosurgeon(hydrate = "super::lenient::text")]
    #[serde(with = "super::snapshot::text")]
    pub outcome: Text,
    #[autosurgeon(hydrate = "super::lenient::text")]
    #[serde(with = "super::snapshot::text")]
    pub rationale: Text,
    #[autosurgeon(hydrate = "super::lenient::opt_string")]
    pub decided_on: Option<String>,
    #[autosurgeon(hydrate = "super::lenient::opt_string")]
    pub review_by: Option<String>,
    #[autosurgeon(hydrate = "super::lenient::strings")]
    pub tags: Vec<String>,
    #[autosurgeon(hydrate = "super::lenient::int")]
    pub created_at: i64,
    #[autosurgeon(hydrate = "super::lenient::opt_string")]
    pub created_by: Option<String>,
    /// Keyed by member id: who was asked for advice, and their answer.
    #[autosurgeon(missing = "Default::default")]
    pub consultees: BTreeMap<String, Consultation>,
    /// Keyed by objection id.
    #[autosurgeon(missing = "Default::default")]
    pub objections: BTreeMap<String, Objection>,
    /// Ids of the team goals this decision serves.
    #[autosurgeon(hydrate = "super::lenient::strings")]
    pub goals: Vec<String>,
    #[autosurgeon(hydrate = "super::lenient::opt_string")]
    pub supersedes: Option<String>,
    #[autosurgeon(hydrate = "super::lenient::opt_string")]
    pub superseded_by: Option<String>,
    /// The change that marked it decided, once someone confirmed it stands
    /// although the authority check after a merge questioned it.
    #[autosurgeon(hydrate = "super::lenient::opt_string")]
    pub authority_confirmed: Option<String>,
}

impl Decision {
    pub fn new(id: String, title: &str, created_at: i64, created_by: Option<&str>) -> Self {
        Decision {
            id,
            title: title.trim().to_string(),
            driver: Text::default(),
            proposal: Text::default(),
            owner: None,
            method: Method::Advice,
            status: DecisionStatus::Draft,
            outcome: Text::default(),
            rationale: Text::default(),
            decided_on: None,
            review_by: None,
            tags: Vec::new(),
            created_at,
            created_by: created_by.map(str::to_string),
            consultees: BTreeMap::new(),
            objections: BTreeMap::new(),
            goals: Vec::new(),
            supersedes: None,
            superseded_by: None,
            authority_confirmed: None,
        }
    }

    pub fn owner(&self) -> Option<Owner> {
        self.owner.as_deref().and_then(Owner::decode)
    }

    pub fn open_objections(&self) -> usize {
        self.objections.values().filter(|o| o.is_open()).count()
    }

    /// People asked for advice who have not answered yet.
    pub fn awaiting_advice(&self) -> impl Iterator<Item = &Consultation> {
        self.consultees.values().filter(|c| c.stance.is_none())
    }

    /// Whether the decision is still in force or being made (not ended).
    pub fn is_live(&self) -> bool {
        matches!(
            self.status,
            DecisionStatus::Draft | DecisionStatus::Open | DecisionStatus::Decided
        )
    }

    /// Whether the review date has come (on or before `today`) for a decision
    /// still in force.
    pub fn review_due(&self, today: &str) -> bool {
        self.status == DecisionStatus::Decided
            && self.review_by.as_deref().is_some_and(|d| d <= today)
    }
}
