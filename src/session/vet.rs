//! The check every file, link and delta from outside passes before the
//! open team takes it in. In the browser it runs in a disposable worker
//! (its own WebAssembly instance and memory, with a time budget), so that
//! input which makes Automerge panic, overflow its stack or run for seconds
//! costs that worker, never the page; only what passes here is then taken
//! in by the page, by the same deterministic operation on the same bytes.

use automerge::ChangeHash;

use super::{import::report, Fresh};
use crate::{
    model::{
        changed::Changed,
        document::{ReadBack, Vetted},
        LoadError, TeamDocument,
    },
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
        self.vet_merge(team, input).0
    }

    /// Like [`Self::vet`], with what the merge was when it was safe to
    /// merge into the team held: the page, holding the same heads, takes
    /// the bytes in without checking them again.
    pub fn vet_merge(&mut self, team: Option<&str>, input: &Input) -> (Verdict, Option<Vetted>) {
        let bytes = match input {
            Input::Bytes(b) => b.as_slice(),
            Input::Link(fragment) => match decode_link(fragment) {
                Ok(link) => return self.vet_merge(team, &Input::Bytes(link.bytes)),
                Err(e) => return (Verdict::Refused(e.to_string()), None),
            },
        };
        match (team, self.base.as_mut()) {
            (None, _) => (alone(bytes), None),
            (Some(t), Some(base)) if base.team_id() == t => merged(base, bytes),
            (Some(_), _) => (
                Verdict::Refused("The open team could not be checked against. Try again.".into()),
                None,
            ),
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
fn merged(base: &mut TeamDocument, bytes: &[u8]) -> (Verdict, Option<Vetted>) {
    let mut trial = base.fork();
    let before = trial.heads();
    let mut touched = match trial.merge_changes(bytes) {
        Ok(touched) => touched,
        Err(LoadError::DifferentTeam { .. }) => return (alone(bytes), None),
        Err(e) => return (Verdict::Refused(e.to_string()), None),
    };
    touched.heads_by_author.clear();
    let mut vetted = Vetted {
        base: before.clone(),
        heads: trial.heads(),
        touched,
        read: None,
    };
    let increment = trial.save_after_bytes(&before);
    // What was checked above is the document with these heads: the
    // increment need only give them again.
    if !increment.is_empty() && base.fork().load_to(&increment, &vetted.heads).is_err() {
        return (Verdict::Refused(unopenable()), None);
    }
    vetted.read = read_back(base, &mut trial, &vetted.touched);
    (Verdict::Safe, Some(vetted))
}

/// What a merge of records touched, as it was (`base`) and as the merge
/// left it (`merged`), and its report: read here, off the page's thread,
/// so that the page, holding the same document, takes it as read.
fn read_back(
    base: &mut TeamDocument,
    merged: &mut TeamDocument,
    touched: &Changed,
) -> Option<ReadBack> {
    if touched.whole {
        return None;
    }
    let before = base.before(touched).ok()?;
    let fresh = Fresh::read(merged, touched).ok()?;
    let summary = report(merged, before, &fresh);
    match fresh {
        Fresh::Records { patch, conflicts } => Some(ReadBack {
            patch,
            summary,
            conflicted: conflicts
                .into_iter()
                .filter(|(_, _, now)| !now.is_empty())
                .map(|(c, id, _)| (c, id))
                .collect(),
        }),
        Fresh::Whole { .. } => None,
    }
}

fn unopenable() -> String {
    "It would leave a team that cannot be opened again, so it was not taken in. Ask your teammate for the team file again.".into()
}

/// A merge's [`Vetted`] as text, for the worker's answer to the page.
pub fn encode_vetted(v: &Vetted) -> String {
    // Written straight to text: through `serde_json::Value` every record
    // type's serialiser would be in the page twice.
    #[derive(serde::Serialize)]
    struct Wire<'a> {
        base: Vec<String>,
        heads: Vec<String>,
        whole: bool,
        profile: bool,
        records: Vec<(&'a str, &'a str)>,
        read: &'a Option<ReadBack>,
    }
    let hex = |hs: &[ChangeHash]| hs.iter().map(|h| h.to_string()).collect::<Vec<_>>();
    let wire = Wire {
        base: hex(&v.base),
        heads: hex(&v.heads),
        whole: v.touched.whole,
        profile: v.touched.profile,
        records: v
            .touched
            .records
            .iter()
            .map(|(c, id)| (c.key(), id.as_str()))
            .collect(),
        read: &v.read,
    };
    // Only string-keyed maps: serialising cannot fail.
    serde_json::to_string(&wire).unwrap_or_default()
}

/// The [`Vetted`] in a worker's answer; `None` for anything else (the page
/// then checks the bytes itself).
pub fn decode_vetted(text: &str) -> Option<Vetted> {
    #[derive(serde::Deserialize)]
    struct Wire {
        base: Vec<String>,
        heads: Vec<String>,
        whole: bool,
        profile: bool,
        records: Vec<(String, String)>,
        #[serde(default)]
        read: Option<ReadBack>,
    }
    let wire: Wire = serde_json::from_str(text).ok()?;
    let hashes =
        |hs: &[String]| -> Option<Vec<ChangeHash>> { hs.iter().map(|h| h.parse().ok()).collect() };
    let mut touched = crate::model::changed::Changed {
        whole: wire.whole,
        profile: wire.profile,
        ..Default::default()
    };
    for (key, id) in &wire.records {
        touched.record(crate::model::Collection::from_key(key)?, id);
    }
    Some(Vetted {
        base: hashes(&wire.base)?,
        heads: hashes(&wire.heads)?,
        touched,
        read: wire.read,
    })
}
