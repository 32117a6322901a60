//! An option a decision considered: what it is, what speaks for and
//! against it, and whether it was the one chosen (MADR's "considered
//! options" with their pros and cons).

use autosurgeon::{Hydrate, Reconcile, Text};
use serde::{Deserialize, Serialize};

/// One option of a decision, kept in the team's `options` map by id.
#[derive(Debug, Clone, PartialEq, Eq, Hydrate, Reconcile, Serialize, Deserialize)]
pub struct ConsideredOption {
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub id: String,
    /// The decision it belongs to.
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub decision_id: String,
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub title: String,
    /// What speaks for it, one point per line.
    #[autosurgeon(hydrate = "super::lenient::text")]
    #[serde(with = "super::snapshot::text")]
    pub pros: Text,
    /// What speaks against it, one point per line.
    #[autosurgeon(hydrate = "super::lenient::text")]
    #[serde(with = "super::snapshot::text")]
    pub cons: Text,
    /// Options are listed by position, then id.
    #[autosurgeon(hydrate = "super::lenient::int")]
    pub position: i64,
    #[autosurgeon(missing = "Default::default")]
    pub chosen: bool,
    #[autosurgeon(hydrate = "super::lenient::int")]
    pub created_at: i64,
}

impl ConsideredOption {
    /// The points for it, one per non-empty line.
    pub fn pro_points(&self) -> Vec<&str> {
        points(self.pros.as_str())
    }

    pub fn con_points(&self) -> Vec<&str> {
        points(self.cons.as_str())
    }
}

fn points(s: &str) -> Vec<&str> {
    s.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}
