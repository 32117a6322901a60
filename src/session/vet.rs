//! The check every file, link and delta from outside passes before the
//! open team takes it in. In the browser it runs in a disposable worker
//! (its own WebAssembly instance and memory, with a time budget), so that
//! input which makes Automerge panic, overflow its stack or run for seconds
//! costs that worker, never the page; only what passes here is then taken
//! in by the page, by the same deterministic operation on the same bytes.

use automerge::ChangeHash;

use crate::{
    model::{LoadError, TeamDocument},
    share::decode_link,
};

/// What the check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Safe to take in: merged (or opened), the team opens again from the
    /// bytes that would be stored.
    Safe,
    /// A whole team (by its id) other than the one held, or any team when
    /// none is held: safe to open as a team of its own.
    Team(String),
    /// Refused, with the reason in plain words.
    Refused(String),
}

/// What arrived from outside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Bytes(Vec<u8>),
    /// A link's fragment, decoded here too.
    Link(String),
}

/// Holds a copy of the open team (as stored, plus this browser's own
/// edits since) and checks input against it.
#[derive(Default)]
pub struct Vetter {
    base: Option<TeamDocument>,
}

impl Vetter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Holds a team as stored here (full save, then increments): this
    /// browser's own bytes, already opened once by the page. Returns the
    /// heads held.
    pub fn hold(&mut self, stored: &[u8]) -> Result<Vec<ChangeHash>, LoadError> {
        self.base = None;
        // Opened as storage is (the checks for input from outside are for
        // what it is then checked against).
        let (mut doc, _) = TeamDocument::load_parts(stored, std::iter::empty::<&[u8]>())?;
        let heads = doc.heads();
        self.base = Some(doc);
        Ok(heads)
    }

    /// The team held, if any.
    pub fn held(&self) -> Option<&str> {
        self.base.as_ref().map(TeamDocument::team_id)
    }

    /// Takes in this browser's own edits made since what is held.
    pub fn catch_up(&mut self, since: &[u8]) -> Result<(), LoadError> {
        let Some(base) = self.base.as_mut() else {
            return Err(LoadError::MissingHistory);
        };
        if since.is_empty() {
            return Ok(());
        }
        base.merge_bytes(since).inspect_err(|_| self.base = None)
    }

    /// Checks `input` against the team held (`team`), or on its own when
    /// no team is open (`None`).
    pub fn vet(&mut self, team: Option<&str>, input: &Input) -> Verdict {
        let bytes = match input {
            Input::Bytes(b) => b.as_slice(),
            Input::Link(fragment) => match decode_link(fragment) {
                Ok(link) => return self.vet(team, &Input::Bytes(link.bytes)),
                Err(e) => return Verdict::Refused(e.to_string()),
            },
        };
        match (team, self.base.as_mut()) {
            (None, _) => alone(bytes),
            (Some(t), Some(base)) if base.team_id() == t => merged(base, bytes),
            (Some(_), _) => {
                Verdict::Refused("The open team could not be checked against. Try again.".into())
            }
        }
    }
}

/// A team opened on its own: it must open again from its own save.
fn alone(bytes: &[u8]) -> Verdict {
    let (mut doc, team) = match TeamDocument::load(bytes) {
        Ok(loaded) => loaded,
        Err(e) => return Verdict::Refused(e.to_string()),
    };
    match TeamDocument::load(&doc.export()) {
        Ok((_, again)) if again == team => Verdict::Team(team.team_id),
        Ok(_) | Err(_) => Verdict::Refused(unopenable()),
    }
}

/// Merged into a copy of the team: the changes it brings, as storage keeps
/// them, must be taken in again by a fresh copy and give the same heads.
fn merged(base: &mut TeamDocument, bytes: &[u8]) -> Verdict {
    let mut trial = base.fork();
    let before = trial.heads();
    match trial.merge_changes(bytes) {
        Ok(_) => {}
        Err(LoadError::DifferentTeam { .. }) => return alone(bytes),
        Err(e) => return Verdict::Refused(e.to_string()),
    }
    let increment = trial.save_after_bytes(&before);
    if increment.is_empty() {
        return Verdict::Safe;
    }
    let mut again = base.fork();
    let mut want = trial.heads();
    match again.merge_bytes(&increment) {
        Ok(()) => {
            let mut got = again.heads();
            crate::model::order::sort(&mut want);
            crate::model::order::sort(&mut got);
            if got == want {
                Verdict::Safe
            } else {
                Verdict::Refused(unopenable())
            }
        }
        Err(_) => Verdict::Refused(unopenable()),
    }
}

fn unopenable() -> String {
    "It would leave a team that cannot be opened again, so it was not taken in. Ask your teammate for the team file again.".into()
}
