//! A team's snapshot: the state the screens read (the model's [`Team`]),
//! as compact JSON, tagged with what it was taken from — so a large team
//! can paint before Automerge has loaded its history. A snapshot is only
//! ever a cache: one that does not parse, is of another version, or was
//! taken from other stored bytes than those there now is ignored (and
//! rebuilt from the document), never trusted.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::Team;

/// Bumped whenever the model's types change shape: an older snapshot is
/// then ignored rather than misread.
pub const SNAPSHOT_VERSION: u32 = 1;

/// Snapshots larger than this are not read (a team's document is capped
/// well below; the snapshot is of the same order).
pub const MAX_SNAPSHOT_CHARS: usize = 64 * 1024 * 1024;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum SnapshotError {
    #[error("the snapshot could not be read")]
    Unreadable,
    #[error("the snapshot is of another version")]
    OtherVersion,
    #[error("the snapshot was taken from other stored data")]
    Stale,
    #[error("the snapshot is of another team")]
    OtherTeam,
}

/// What a snapshot was taken from: a fingerprint of the stored full save
/// and the incremental keys folded in, as the store saw them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Covers {
    pub doc: u64,
    pub chunks: Vec<String>,
}

impl Covers {
    /// The same stored data (increments in any order).
    pub fn same_as(&self, other: &Covers) -> bool {
        let mut a = self.chunks.clone();
        let mut b = other.chunks.clone();
        a.sort();
        b.sort();
        self.doc == other.doc && a == b
    }
}

/// What a snapshot of this version says it covers, without reading the
/// team it holds.
pub fn covers_of(json: &str) -> Option<Covers> {
    #[derive(Deserialize)]
    struct Head {
        v: u32,
        covers: Covers,
    }
    let h: Head = serde_json::from_str(json).ok()?;
    (h.v == SNAPSHOT_VERSION).then_some(h.covers)
}

#[derive(Serialize)]
struct Out<'a> {
    v: u32,
    covers: &'a Covers,
    team: &'a Team,
}

#[derive(Deserialize)]
struct In {
    v: u32,
    covers: Covers,
    team: Team,
}

/// `team`, as taken from the stored data `covers` describes.
pub fn encode(team: &Team, covers: &Covers) -> String {
    serde_json::to_string(&Out {
        v: SNAPSHOT_VERSION,
        covers,
        team,
    })
    .unwrap_or_default()
}

/// The team in `json`, if it is a snapshot of this version, of `team_id`,
/// taken from exactly the stored data `now` describes.
pub fn decode(json: &str, team_id: &str, now: &Covers) -> Result<Team, SnapshotError> {
    if json.len() > MAX_SNAPSHOT_CHARS {
        return Err(SnapshotError::Unreadable);
    }
    // The version first, so a future shape is named as such, not misread.
    #[derive(Deserialize)]
    struct Version {
        v: u32,
    }
    let v: Version = serde_json::from_str(json).map_err(|_| SnapshotError::Unreadable)?;
    if v.v != SNAPSHOT_VERSION {
        return Err(SnapshotError::OtherVersion);
    }
    let s: In = serde_json::from_str(json).map_err(|_| SnapshotError::Unreadable)?;
    if s.v != SNAPSHOT_VERSION {
        return Err(SnapshotError::OtherVersion);
    }
    if s.team.team_id != team_id {
        return Err(SnapshotError::OtherTeam);
    }
    if !s.covers.same_as(now) {
        return Err(SnapshotError::Stale);
    }
    Ok(s.team)
}

/// Prose fields (Automerge text) as plain strings.
pub(crate) mod text {
    use autosurgeon::Text;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &Text, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(t.as_str())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        String::deserialize(d).map(Text::with_value)
    }
}
