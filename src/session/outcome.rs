//! What each session operation reports: what to put on screen, what to tell
//! the person, and whether storage took it.

use crate::model::{
    changed::{Changed, RecordRef},
    changes::ImportSummary,
    changes::TeamPatch,
    conflicts::Conflict,
    versions::Versions,
    Collection, LoadError, Team, TeamDocument,
};
use crate::storage::StorageError;

/// Something to tell the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Say {
    Info(String),
    Error(String),
    /// An action that took something away, done: offered with *Undo*.
    Done(String),
}

/// What changed, read back for the screen.
// Made once per edit or import and taken apart at once: boxing buys nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Fresh {
    /// The records (and profile) that changed, with their conflicts now.
    Records {
        patch: TeamPatch,
        conflicts: Vec<(Collection, String, Vec<Conflict>)>,
    },
    /// Everything, when more than records changed.
    Whole {
        team: Box<Team>,
        conflicts: Vec<Conflict>,
    },
}

impl Fresh {
    /// Reads back what `changed` says changed.
    pub fn read(doc: &mut TeamDocument, changed: &Changed) -> Result<Self, LoadError> {
        if changed.whole {
            return Ok(Fresh::Whole {
                team: Box::new(doc.team()?),
                conflicts: doc.conflicts(),
            });
        }
        let patch = TeamPatch::read(doc, changed)?;
        Ok(Self::of_patch(doc, patch, |_| true))
    }

    /// The records `patch` holds, read back on `doc`, with their conflicts:
    /// asked only of the records `maybe` names (the others are known to
    /// have none).
    pub fn of_patch(
        doc: &mut TeamDocument,
        patch: TeamPatch,
        maybe: impl Fn(&RecordRef) -> bool,
    ) -> Self {
        let conflicts = patch
            .records()
            .into_iter()
            .map(|r| {
                let now = if maybe(&r) {
                    doc.conflicts_in(r.0, &r.1)
                } else {
                    Vec::new()
                };
                (r.0, r.1, now)
            })
            .collect();
        Fresh::Records { patch, conflicts }
    }

    /// Marks the parts of the team this replaces as changed.
    pub fn bump(&self, versions: &mut Versions) {
        match self {
            Fresh::Records { patch, .. } => {
                for (c, _) in patch.records() {
                    versions.bump(c);
                }
                if patch.profile.is_some() {
                    versions.bump_profile();
                }
            }
            Fresh::Whole { .. } => versions.bump_all(),
        }
    }

    /// Puts it into the team and conflicts the screen shows.
    pub fn apply(self, team: &mut Option<Team>, shown: &mut Vec<Conflict>) {
        match self {
            Fresh::Records { patch, conflicts } => {
                if let Some(t) = team {
                    patch.apply(t);
                }
                for (c, id, now) in conflicts {
                    shown.retain(|k| !(k.collection == c && k.record_id == id));
                    shown.extend(now);
                }
            }
            Fresh::Whole { team: t, conflicts } => {
                *team = Some(*t);
                *shown = conflicts;
            }
        }
    }
}

/// A team opened from storage.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub team: Team,
    /// Who this browser is in it, when it said so and they are a member.
    pub me: Option<String>,
    pub conflicts: Vec<Conflict>,
}

/// A team shown from its snapshot, once its document has loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// The team painted is the document's (the snapshot was made by this
    /// build from exactly what is stored): only its conflicts are new.
    AsPainted { conflicts: Vec<Conflict> },
    /// The team was read from the document as well, to put on screen.
    Read(Box<Opened>),
}

/// A stored team that could not be opened, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Damaged {
    pub team_id: String,
    pub name: String,
    pub message: String,
}

/// An edit that went through.
#[derive(Debug)]
pub struct Edited<T> {
    /// What the edit returned (e.g. a new record's id).
    pub value: T,
    pub fresh: Fresh,
    /// Storage refused the edit: it lives in memory until there is room.
    pub storage: Option<StorageError>,
    /// The team's name changed (the team list shows it).
    pub renamed: bool,
}

/// What came of a file or link.
// Made once per edit or import and taken apart at once: boxing buys nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Imported {
    /// Merged into the open team. When it belongs to another stored team,
    /// that team was opened first (`switched`).
    Merged {
        switched: Option<Box<Opened>>,
        fresh: Fresh,
        summary: ImportSummary,
        storage: Option<StorageError>,
    },
    /// A team new to this browser, now stored and open.
    Joined { opened: Box<Opened>, name: String },
    /// Another team than the one open, not stored here: the person is
    /// asked whether to open it as a team of its own.
    OtherTeam { name: String, bytes: Vec<u8> },
    /// Nothing changed, and why.
    Refused(String),
}

impl Imported {
    /// What to tell the person.
    pub fn say(&self) -> Option<Say> {
        match self {
            Imported::Merged {
                storage: Some(e), ..
            } => Some(Say::Error(e.to_string())),
            Imported::Merged { summary, .. } => {
                Some(Say::Info(format!("Imported: {}", summary.sentence())))
            }
            Imported::Joined { name, .. } => Some(Say::Info(format!(
                "You joined {name}. Say who you are below, so your edits carry your name."
            ))),
            Imported::OtherTeam { .. } => None,
            Imported::Refused(why) => Some(Say::Error(format!("Nothing was imported. {why}"))),
        }
    }
}

/// What a file or link for a teammate carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payload {
    pub bytes: Vec<u8>,
    /// In words, for the person making it.
    pub what: String,
}
