//! A tension: a gap a member senses between how things are and how they
//! could be, raised to be processed in a meeting — and what came of it.

use autosurgeon::{Hydrate, Reconcile, Text};
use serde::{Deserialize, Serialize};

use super::enums::{LinkKind, TensionKind, TensionStatus};

/// A pointer from one record to another (what a tension or an agenda item
/// produced, what a recognition is for). Advice is `decision id/member
/// id`, a role term `role id/member id`.
#[derive(Debug, Clone, PartialEq, Eq, Hydrate, Reconcile, Serialize, Deserialize)]
pub struct Link {
    pub kind: LinkKind,
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hydrate, Reconcile, Serialize, Deserialize)]
pub struct Tension {
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub id: String,
    #[autosurgeon(hydrate = "super::lenient::opt_string")]
    pub raised_by: Option<String>,
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub raised_on: String,
    #[autosurgeon(hydrate = "super::lenient::text")]
    #[serde(with = "super::snapshot::text")]
    pub text: Text,
    pub kind: TensionKind,
    pub status: TensionStatus,
    /// Why it was dropped, when it was.
    #[autosurgeon(hydrate = "super::lenient::text")]
    #[serde(with = "super::snapshot::text")]
    pub drop_reason: Text,
    /// The decisions, roles or meetings it produced.
    #[autosurgeon(missing = "Default::default")]
    pub produced: Vec<Link>,
    #[autosurgeon(hydrate = "super::lenient::int")]
    pub created_at: i64,
}

impl Tension {
    pub fn new(
        id: String,
        raised_by: Option<String>,
        raised_on: &str,
        text: &str,
        kind: TensionKind,
        created_at: i64,
    ) -> Self {
        Tension {
            id,
            raised_by,
            raised_on: raised_on.to_string(),
            text: Text::with_value(text),
            kind,
            status: TensionStatus::Open,
            drop_reason: Text::default(),
            produced: Vec::new(),
            created_at,
        }
    }

    /// Its first line, to name it by.
    pub fn title(&self) -> &str {
        self.text.as_str().lines().next().unwrap_or_default()
    }
}
