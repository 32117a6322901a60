//! Which screen shows (see [`crate::session::address`]), and a file of
//! another team waiting for the person's word.

pub use crate::session::address::Screen;

/// A file or link of another team than the one open, waiting for the
/// person to say whether to open it as its own team.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingTeam {
    pub name: String,
    pub bytes: Vec<u8>,
}
