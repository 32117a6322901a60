//! The team's data and its rules. No browser or UI code lives here: every
//! rule is tested natively with `cargo test`.

pub mod changed;
pub mod changes;
pub mod conflicts;
pub mod date;
pub mod decision;
pub mod document;
pub mod edits;
pub mod enums;
pub mod error;
pub mod example;
pub mod filter;
pub mod ids;
pub mod kind;
mod lenient;
pub mod member;
pub mod queries;
pub mod rights;
pub mod role;
pub mod team;
pub mod text;
pub mod tree;

pub use changed::{Changed, RecordRef};
pub use decision::{Consultation, Decision, Objection, Owner};
pub use document::{Delta, Stamp, TeamDocument, MAX_DOC_BYTES};
pub use enums::{DecisionStatus, Method, Resolution, RoleStatus, Stance};
pub use error::{EditError, LoadError};
pub use kind::{Collection, Record};
pub use member::Member;
pub use role::{Filler, PastFiller, Role};
pub use team::{Goal, Profile, Team, SCHEMA_VERSION};
