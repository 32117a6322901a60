//! A recognition: one member thanking others for a contribution to
//! leadership (a decision, advice, a role term, a meeting, a tension, or
//! something said in words).

use autosurgeon::{Hydrate, Reconcile, Text};
use serde::{Deserialize, Serialize};

use super::tension::Link;

#[derive(Debug, Clone, PartialEq, Eq, Hydrate, Reconcile, Serialize, Deserialize)]
pub struct Recognition {
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub id: String,
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub from: String,
    /// One or more members; never `from`.
    #[autosurgeon(hydrate = "super::lenient::strings")]
    pub to: Vec<String>,
    #[autosurgeon(missing = "Default::default")]
    pub for_what: Option<Link>,
    #[autosurgeon(hydrate = "super::lenient::text")]
    #[serde(with = "super::snapshot::text")]
    pub words: Text,
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub date: String,
    #[autosurgeon(hydrate = "super::lenient::int")]
    pub created_at: i64,
}
