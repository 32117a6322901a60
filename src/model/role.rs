//! A role record: purpose, accountabilities, domain, wanted expertise,
//! who fills it for which term, and who did before.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile, Text};

use super::enums::RoleStatus;

/// A role defined by its purpose, filled by people for a term.
#[derive(Debug, Clone, PartialEq, Eq, Hydrate, Reconcile, Serialize, Deserialize)]
pub struct Role {
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub id: String,
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub name: String,
    #[autosurgeon(hydrate = "super::lenient::text")]
    #[serde(with = "super::snapshot::text")]
    pub purpose: Text,
    #[autosurgeon(hydrate = "super::lenient::strings")]
    pub accountabilities: Vec<String>,
    /// The decisions this role takes alone.
    #[autosurgeon(hydrate = "super::lenient::strings")]
    pub domain: Vec<String>,
    #[autosurgeon(hydrate = "super::lenient::strings")]
    pub expertise: Vec<String>,
    /// Keyed by member id, so two teammates adding fillers apart both count.
    #[autosurgeon(missing = "Default::default")]
    pub fillers: BTreeMap<String, Filler>,
    pub status: RoleStatus,
    #[autosurgeon(missing = "Default::default")]
    pub history: Vec<PastFiller>,
    #[autosurgeon(hydrate = "super::lenient::int")]
    pub created_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Hydrate, Reconcile, Serialize, Deserialize)]
pub struct Filler {
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub member_id: String,
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub since: String,
    #[autosurgeon(hydrate = "super::lenient::opt_string")]
    pub term_end: Option<String>,
}

/// A filler who has stepped down, kept so a role's history can be told.
#[derive(Debug, Clone, PartialEq, Eq, Hydrate, Reconcile, Serialize, Deserialize)]
pub struct PastFiller {
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub member_id: String,
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub from: String,
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub to: String,
}

impl Role {
    pub fn new(id: String, name: &str, created_at: i64) -> Self {
        Role {
            id,
            name: name.trim().to_string(),
            purpose: Text::default(),
            accountabilities: Vec::new(),
            domain: Vec::new(),
            expertise: Vec::new(),
            fillers: BTreeMap::new(),
            status: RoleStatus::Active,
            history: Vec::new(),
            created_at,
        }
    }

    pub fn is_active(&self) -> bool {
        self.status == RoleStatus::Active
    }

    pub fn is_filled_by(&self, member_id: &str) -> bool {
        self.fillers.contains_key(member_id)
    }
}
