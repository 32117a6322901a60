//! Which screen shows (each has a value the state holds), and a file of
//! another team waiting for the person's word.

use crate::model::Collection;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    Overview,
    Members,
    Member(String),
    Roles,
    Role(String),
    Decisions,
    Decision(String),
    Meetings,
    Meeting(String),
    Tensions,
    Insights,
    Past,
    WhoDecides,
}

impl Screen {
    /// The screen of one record (a tension's is the list of tensions).
    pub fn record(c: Collection, id: String) -> Self {
        match c {
            Collection::Members => Screen::Member(id),
            Collection::Roles => Screen::Role(id),
            Collection::Decisions => Screen::Decision(id),
            Collection::Meetings => Screen::Meeting(id),
            Collection::Tensions => Screen::Tensions,
            // A recognition is read on its recipients' pages; which one is
            // not known from the id alone.
            Collection::Recognitions => Screen::Members,
            // An option is read on its decision's page.
            Collection::Options => Screen::Decisions,
        }
    }
}

/// A file or link of another team than the one open, waiting for the
/// person to say whether to open it as its own team.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingTeam {
    pub name: String,
    pub bytes: Vec<u8>,
}
