//! Errors of the model layer, worded for the person who will read them.

use thiserror::Error;

/// Why bytes could not be opened as a Roundtable team document.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum LoadError {
    #[error("The file is empty.")]
    Empty,
    #[error(
        "The file is too large ({size} bytes). Roundtable opens team files of up to {limit} bytes."
    )]
    TooLarge { size: usize, limit: usize },
    /// The detail is Automerge's own wording, kept for debugging, not shown.
    #[error("This is not a Roundtable team document: it may be damaged, cut short, or a different kind of file.")]
    NotAutomerge(String),
    #[error("This is an Automerge document, but not a Roundtable team: it has no schema version.")]
    NotRoundtable,
    #[error("This team was saved by a newer version of Roundtable (schema {found}; this version reads up to {supported}). Reload the page to get the newest version.")]
    NewerSchema { found: i64, supported: i64 },
    #[error("This holds another team (\"{name}\"), not this one, so it was not mixed in.")]
    DifferentTeam { name: String, id: String },
    #[error("This holds only recent changes, and this copy lacks the earlier ones they build on. Ask your teammate for the full team file.")]
    MissingHistory,
    #[error("This expands to more than Roundtable opens (over {} MB once unpacked): it is damaged or not a real team file. Ask your teammate to send the team file again.", limit / (1024 * 1024))]
    Expands { limit: usize },
    #[error("This holds far more changes than its size explains: it is damaged or not a real team file. Ask your teammate to send the team file again.")]
    TooManyOps,
    #[error("This nests data deeper than any team does ({depth} levels): it is damaged or not a real team file.")]
    TooDeep { depth: usize },
    #[error("This Roundtable document does not follow the expected layout: {0}")]
    BadShape(String),
}

/// Why an edit could not be applied. The document is left as it was.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum EditError {
    #[error("There is no {kind} with id {id} in this team.")]
    NotFound { kind: &'static str, id: String },
    #[error("{0}")]
    Invalid(String),
    #[error("The team document could not be updated: {0}")]
    Document(String),
}

impl From<automerge::AutomergeError> for EditError {
    fn from(e: automerge::AutomergeError) -> Self {
        EditError::Document(e.to_string())
    }
}

impl From<autosurgeon::ReconcileError> for EditError {
    fn from(e: autosurgeon::ReconcileError) -> Self {
        EditError::Document(e.to_string())
    }
}

impl From<autosurgeon::HydrateError> for EditError {
    fn from(e: autosurgeon::HydrateError) -> Self {
        EditError::Document(e.to_string())
    }
}
