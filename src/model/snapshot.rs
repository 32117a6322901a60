//! A team's snapshot: the state the screens read (the model's [`Team`]),
//! as compact JSON, tagged with what it was taken from — so a large team
//! can paint before Automerge has loaded its history. A snapshot is only
//! ever a cache: one that does not parse, fails its checksum, is of
//! another version, or was taken from other stored bytes than those there
//! now is ignored (and rebuilt from the document), never trusted.
//!
//! One made by this build's reading code ([`READER`]) is trusted in place
//! of reading the team from the document once that has loaded: it is what
//! reading those very bytes gave. One made by other reading code (an
//! older or newer version of the app) only paints; the team is read from
//! the document as well.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{changed::RecordRef, kind::Collection, Team};

/// Bumped whenever the model's types change shape: an older snapshot is
/// then ignored rather than misread.
pub const SNAPSHOT_VERSION: u32 = 2;

/// This build's code for reading a team from its document, by a
/// fingerprint of `src/model` and the locked crates (see `build.rs`).
pub const READER: &str = env!("ROUNDTABLE_READER");

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
        crate::model::order::sort(&mut a);
        crate::model::order::sort(&mut b);
        self.doc == other.doc && a == b
    }
}

/// A snapshot as read back.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub team: Team,
    /// Records with a field holding concurrent values when it was taken:
    /// where the document's conflicts are, without a pass over all of it.
    pub flagged: Vec<RecordRef>,
    /// What it was taken from.
    pub covers: Covers,
    /// Made by this build's reading code: it may stand in for reading the
    /// team from the document.
    pub trusted: bool,
}

/// FNV-1a: the stored full save's fingerprint (see [`Covers`]) and the
/// snapshot's checksum line.
pub fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The JSON of a snapshot whose checksum (after the last line break)
/// holds: one damaged in a way that still parses (a changed letter in a
/// title) is refused, not shown.
fn checked(stored: &str) -> Option<&str> {
    if stored.len() > MAX_SNAPSHOT_CHARS {
        return None;
    }
    let (json, sum) = stored.rsplit_once('\n')?;
    let sum = u64::from_str_radix(sum, 16).ok()?;
    (sum == fnv1a(json)).then_some(json)
}

/// What a snapshot of this version says it covers, without reading the
/// team it holds.
pub fn covers_of(stored: &str) -> Option<Covers> {
    #[derive(Deserialize)]
    struct Head {
        v: u32,
        covers: Covers,
    }
    let h: Head = serde_json::from_str(checked(stored)?).ok()?;
    (h.v == SNAPSHOT_VERSION).then_some(h.covers)
}

#[derive(Serialize)]
struct Out<'a> {
    v: u32,
    reader: &'a str,
    covers: &'a Covers,
    flagged: Vec<(&'static str, &'a str)>,
    team: &'a Team,
}

#[derive(Deserialize)]
struct In {
    v: u32,
    reader: String,
    covers: Covers,
    flagged: Vec<(String, String)>,
    team: Team,
}

/// `team`, with the records `flagged` as conflicting, as taken from the
/// stored data `covers` describes.
pub fn encode(team: &Team, flagged: &[RecordRef], covers: &Covers) -> String {
    let json = serde_json::to_string(&Out {
        v: SNAPSHOT_VERSION,
        reader: READER,
        covers,
        flagged: flagged
            .iter()
            .map(|(c, id)| (c.key(), id.as_str()))
            .collect(),
        team,
    })
    .unwrap_or_default();
    let sum = fnv1a(&json);
    format!("{json}\n{sum:016x}")
}

/// The snapshot in `stored`, if it is one of this version, of `team_id`,
/// taken from exactly the stored data `now` describes.
pub fn decode(stored: &str, team_id: &str, now: &Covers) -> Result<Snapshot, SnapshotError> {
    let json = checked(stored).ok_or(SnapshotError::Unreadable)?;
    // Read once as this version's shape (the team's JSON is megabytes on
    // a large team); only one it does not fit is asked for its version, so
    // that a future shape is named as such, not called damaged.
    let s: In = match serde_json::from_str(json) {
        Ok(s) => s,
        Err(_) => {
            #[derive(Deserialize)]
            struct Version {
                v: u32,
            }
            let v: Version = serde_json::from_str(json).map_err(|_| SnapshotError::Unreadable)?;
            return Err(if v.v == SNAPSHOT_VERSION {
                SnapshotError::Unreadable
            } else {
                SnapshotError::OtherVersion
            });
        }
    };
    if s.v != SNAPSHOT_VERSION {
        return Err(SnapshotError::OtherVersion);
    }
    if s.team.team_id != team_id {
        return Err(SnapshotError::OtherTeam);
    }
    if !s.covers.same_as(now) {
        return Err(SnapshotError::Stale);
    }
    let flagged = s
        .flagged
        .into_iter()
        .map(|(c, id)| Collection::from_key(&c).map(|c| (c, id)))
        .collect::<Option<Vec<_>>>()
        .ok_or(SnapshotError::Unreadable)?;
    Ok(Snapshot {
        team: s.team,
        flagged,
        covers: s.covers,
        trusted: s.reader == READER,
    })
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
