//! The sharing side of the app's state: files and links made for
//! teammates, and what came of a file or link taken in, mapped onto the
//! signals.

use leptos::prelude::*;

use super::{
    state::{AppState, Notice, PendingTeam},
    vetting,
};
use crate::model::document::Vetted;
use crate::session::{
    is_sealed_input, unseal,
    vet::{Input, Verdict},
    Imported, Payload, Session,
};

impl AppState {
    /// The whole team document, for a file.
    pub fn team_bytes(&self) -> Option<Vec<u8>> {
        self.with(Session::team_bytes).flatten()
    }

    /// What a file or link for `to` carries (empty: anyone), or nothing
    /// to send, said.
    pub fn payload(&self, to: &str) -> Option<Payload> {
        self.said(self.with(|s| s.payload(Some(to)))?)
    }

    /// A link's fragment and what it carries, in words.
    pub fn link_fragment(&self, to: &str) -> Option<(String, String)> {
        self.said(self.with(|s| s.link_fragment(Some(to)))?)
    }

    /// The value, or nothing once what went wrong is said.
    pub(super) fn said<T>(&self, r: Result<T, Notice>) -> Option<T> {
        r.map_err(|say| self.say(say)).ok()
    }

    /// The stored bytes of a team that could not be opened.
    pub fn raw_bytes(&self, team: &str) -> Vec<u8> {
        self.session
            .try_with_value(|s| s.raw_bytes(team))
            .unwrap_or_default()
    }

    /// Merges a team file into the open team; joins the team when none is
    /// open. It is checked in the import worker first: bad input is
    /// refused with a message and changes nothing.
    pub fn import(&self, bytes: Vec<u8>) {
        self.take_in(Input::Bytes(bytes));
    }

    /// Like [`Self::import`], for a link's fragment.
    pub fn import_link(&self, fragment: String) {
        self.take_in(Input::Link(fragment));
    }

    fn take_in(&self, input: Input) {
        self.pending.set(None);
        // Encrypted: opened with the passphrase this tab knows, or held
        // until the person types it. Nothing is checked or stored before.
        if is_sealed_input(&input) {
            let known = self.with(|s| s.known_passphrase()).flatten();
            match known.and_then(|p| unseal(input.clone(), &p).ok()) {
                Some(plain) => return self.take_in(plain),
                None => return self.sealed.set(Some(input)),
            }
        }
        let state = *self;
        let team = self.team_id();
        vetting::check(state, input.clone(), move |verdict, vetted| {
            if state.team_id() != team {
                // Another team was opened meanwhile: check against that one.
                return state.take_in(input);
            }
            match verdict {
                Verdict::Refused(why) => {
                    state.say(Notice::Error(format!("Nothing was imported. {why}")))
                }
                // A team stored here but not open: open it, then check
                // against it before merging.
                Verdict::Team(id) if Some(&id) != team.as_ref() && state.stored(&id) => {
                    state.open_team(&id);
                    if state.team_id().as_ref() == Some(&id) {
                        state.take_in(input);
                    }
                }
                Verdict::Safe | Verdict::Team(_) => state.taken(input, vetted),
            }
        });
    }

    fn stored(&self, id: &str) -> bool {
        self.teams.with_untracked(|t| t.iter().any(|t| t.id == id))
    }

    /// Input the worker found safe, taken in by the same operation (with
    /// how the worker's merge went, when it merged).
    fn taken(&self, input: Input, vetted: Option<Vetted>) {
        let (bytes, from) = match input {
            Input::Bytes(b) => (b, None),
            Input::Link(fragment) => match crate::share::decode_link(&fragment) {
                Ok(link) => (link.bytes, link.from),
                Err(e) => return self.say(Notice::Error(format!("Nothing was imported. {e}"))),
            },
        };
        if let Some(outcome) = self.with(|s| s.import_vetted(bytes, from, vetted)) {
            self.show_import(outcome);
        }
    }

    /// Opens the file or link waiting for its passphrase; says why not
    /// (and changes nothing) when the passphrase does not open it.
    pub fn open_sealed(&self, passphrase: &str) -> Result<(), String> {
        let Some(input) = self.sealed.get_untracked() else {
            return Ok(());
        };
        let plain = unseal(input, passphrase).map_err(|e| e.to_string())?;
        self.sealed.set(None);
        self.take_in(plain);
        Ok(())
    }

    /// Notes that a copy of the open team left this browser or came in.
    pub fn noted_copy(&self) {
        // The session's clock, as the reminder reads it.
        self.with(|s| s.noted_copy(s.now_ms()));
        self.writes.update(|w| *w += 1);
    }

    /// Opens a team file or link as a team of its own in this browser
    /// (already checked when it arrived).
    pub fn join(&self, bytes: Vec<u8>) {
        self.pending.set(None);
        if let Some(outcome) = self.with(|s| s.join(bytes)) {
            self.show_import(outcome);
        }
    }

    fn show_import(&self, outcome: Imported) {
        let say = outcome.say();
        match outcome {
            Imported::Merged {
                switched,
                fresh,
                summary,
                storage,
            } => {
                if let Some(o) = switched {
                    self.show_opened(*o);
                }
                self.noted_copy();
                self.show(fresh);
                self.after_write(storage.is_some());
                self.last_import.set(Some(summary));
            }
            Imported::Joined { opened, .. } => {
                self.show_opened(*opened);
                // The teammate's copy it came from is one outside.
                self.noted_copy();
            }
            Imported::OtherTeam { name, bytes } => {
                self.pending.set(Some(PendingTeam { name, bytes }))
            }
            Imported::Refused(_) => {}
        }
        if let Some(say) = say {
            self.say(say);
        }
    }
}
