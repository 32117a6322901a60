//! The team document's root: schema version, team id, the profile (name,
//! purpose, goals) and the records by id.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile, Text};

use super::{
    decision::Decision, meeting::Meeting, member::Member, option::ConsideredOption,
    recognition::Recognition, role::Role, tension::Tension,
};

/// The schema version this build writes and the newest it reads.
pub const SCHEMA_VERSION: i64 = 1;

/// The whole team document, as stored at the root of the Automerge document.
/// `docs/schema.md` describes the same layout for other Automerge clients.
#[derive(Debug, Clone, PartialEq, Eq, Hydrate, Reconcile, Serialize, Deserialize)]
pub struct Team {
    #[autosurgeon(hydrate = "super::lenient::int")]
    pub schema: i64,
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub team_id: String,
    #[autosurgeon(rename = "team")]
    pub profile: Profile,
    #[autosurgeon(missing = "Default::default")]
    pub members: BTreeMap<String, Member>,
    #[autosurgeon(missing = "Default::default")]
    pub roles: BTreeMap<String, Role>,
    #[autosurgeon(missing = "Default::default")]
    pub decisions: BTreeMap<String, Decision>,
    /// Collections added after the first schema: created in every copy by
    /// one identical change (see `collections`), never lazily.
    #[autosurgeon(missing = "Default::default")]
    pub tensions: BTreeMap<String, Tension>,
    #[autosurgeon(missing = "Default::default")]
    pub meetings: BTreeMap<String, Meeting>,
    #[autosurgeon(missing = "Default::default")]
    pub recognitions: BTreeMap<String, Recognition>,
    /// Options decisions considered (a later collection too).
    #[autosurgeon(missing = "Default::default")]
    pub options: BTreeMap<String, ConsideredOption>,
}

/// The team's own description.
#[derive(Debug, Clone, PartialEq, Eq, Hydrate, Reconcile, Serialize, Deserialize)]
pub struct Profile {
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub name: String,
    #[autosurgeon(hydrate = "super::lenient::text")]
    #[serde(with = "super::snapshot::text")]
    pub purpose: Text,
    #[autosurgeon(missing = "Default::default")]
    pub goals: BTreeMap<String, Goal>,
    #[autosurgeon(hydrate = "super::lenient::int")]
    pub created_at: i64,
}

/// A strategic priority that decisions can serve.
#[derive(Debug, Clone, PartialEq, Eq, Hydrate, Reconcile, Serialize, Deserialize)]
pub struct Goal {
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub id: String,
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub title: String,
    #[autosurgeon(hydrate = "super::lenient::text")]
    #[serde(with = "super::snapshot::text")]
    pub description: Text,
}

impl Team {
    pub fn new(team_id: String, name: &str, purpose: &str, created_at: i64) -> Self {
        Team {
            schema: SCHEMA_VERSION,
            team_id,
            profile: Profile {
                name: name.trim().to_string(),
                purpose: Text::with_value(purpose.trim()),
                goals: BTreeMap::new(),
                created_at,
            },
            members: BTreeMap::new(),
            roles: BTreeMap::new(),
            decisions: BTreeMap::new(),
            tensions: BTreeMap::new(),
            meetings: BTreeMap::new(),
            recognitions: BTreeMap::new(),
            options: BTreeMap::new(),
        }
    }

    pub fn member_name(&self, id: &str) -> Option<&str> {
        self.members.get(id).map(|m| m.name.as_str())
    }
}
