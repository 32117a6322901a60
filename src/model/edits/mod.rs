//! The edits people make, each checked before it touches the document:
//! input cleaning in `clean`, then one file per kind of record. The fields
//! an edit names are typed here.

mod advice;
mod clean;
mod decisions;
mod import;
mod meetings;
mod members;
mod options;
mod roles;
mod team;
mod undo;

use autosurgeon::Text;

pub use meetings::MeetingRole;
pub use options::OptionText;
pub use undo::{Undo, UndoPoint};

use clean::{check_date, check_prose};
pub use clean::{
    clean_list, clean_name, split_lines, split_tags, MAX_LIST_ITEMS, MAX_NAME_CHARS,
    MAX_PROSE_CHARS,
};

use super::{
    decision::{Consultation, Decision, Objection, Owner},
    document::{Stamp, TeamDocument},
    enums::{DecisionStatus, Method, Resolution, RoleStatus, Stance},
    error::EditError,
    ids::new_id,
    kind::Collection,
    member::Member,
    rights,
    role::{Filler, PastFiller, Role},
    team::{Goal, Team},
};

/// How a decision questioned after a merge is settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Settle {
    /// It stands: the hash of the change that marked it decided.
    Confirm(String),
    /// Open again, to be decided by whoever owns it now.
    Reopen,
    /// Whoever owns it now (the person settling) takes it over: marked
    /// decided again as theirs.
    TakeOver,
}

/// A plain field of a member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemberField {
    Name(String),
    Expertise(Vec<String>),
    /// `Some(date)` marks the member as having left; `None` brings them back.
    LeftOn(Option<String>),
}

/// A plain field of a role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoleField {
    Name(String),
    Accountabilities(Vec<String>),
    Domain(Vec<String>),
    Expertise(Vec<String>),
    Status(RoleStatus),
}

/// A plain field of a decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecisionField {
    Title(String),
    Owner(Option<Owner>),
    Method(Method),
    /// Changing to `Decided` also fills in "decided on" with today.
    Status(DecisionStatus),
    DecidedOn(Option<String>),
    ReviewBy(Option<String>),
    Tags(Vec<String>),
    /// Ids of team goals the decision serves.
    Goals(Vec<String>),
}

/// The prose fields of a decision, edited character by character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionText {
    Driver,
    Proposal,
    Outcome,
    Rationale,
}

impl DecisionText {
    pub const ALL: [DecisionText; 4] = [
        DecisionText::Driver,
        DecisionText::Proposal,
        DecisionText::Outcome,
        DecisionText::Rationale,
    ];

    pub fn key(self) -> &'static str {
        match self {
            DecisionText::Driver => "driver",
            DecisionText::Proposal => "proposal",
            DecisionText::Outcome => "outcome",
            DecisionText::Rationale => "rationale",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DecisionText::Driver => "Driver (why now)",
            DecisionText::Proposal => "Proposal",
            DecisionText::Outcome => "Outcome",
            DecisionText::Rationale => "Rationale",
        }
    }
}
