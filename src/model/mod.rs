//! The team's data and its rules. No browser or UI code lives here: every
//! rule is tested natively with `cargo test`.

pub mod agenda;
pub mod authority;
pub mod changed;
pub mod changes;
pub mod collections;
pub mod conflicts;
pub mod contributions;
pub mod date;
pub mod decision;
pub mod document;
pub mod edits;
pub mod enums;
pub mod error;
pub mod example;
pub mod filter;
pub mod ids;
pub mod insights;
pub mod kind;
mod lenient;
pub mod meeting;
pub mod member;
pub mod option;
pub mod order;
pub mod queries;
pub mod recognition;
pub mod rights;
pub mod role;
pub mod rotation;
pub mod snapshot;
pub mod team;
pub mod tension;
pub mod text;
pub mod tree;
pub mod versions;

pub use changed::{Changed, RecordRef};
pub use decision::{Consultation, Decision, Objection, Owner};
pub use document::{Delta, Stamp, TeamDocument, MAX_DOC_BYTES};
pub use enums::{
    Attendance, DecisionStatus, ItemKind, ItemOutcome, LinkKind, MeetingKind, MeetingStatus,
    Method, Resolution, RoleStatus, Stance, TensionKind, TensionStatus,
};
pub use error::{EditError, LoadError};
pub use kind::{Collection, Record};
pub use meeting::{AgendaItem, Meeting};
pub use member::Member;
pub use option::ConsideredOption;
pub use recognition::Recognition;
pub use role::{Filler, PastFiller, Role};
pub use team::{Goal, Profile, Team, SCHEMA_VERSION};
pub use tension::{Link, Tension};
