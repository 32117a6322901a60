//! The app's signals — the open team, who "you" are, which screen shows,
//! what to tell the person — and the mapping of the team session's
//! outcomes onto them. The rules live in [`crate::session`].

use leptos::prelude::*;

use crate::{
    model::{
        changes::ImportSummary,
        conflicts::{Conflict, ConflictValue},
        EditError, Stamp, Team, TeamDocument,
    },
    session::{Edited, Fresh, Opened, Session},
    storage::{local::LocalKv, StoredTeam},
};

pub use crate::session::{Damaged, Say as Notice};

use super::browser;
pub use super::screen::{PendingTeam, Screen};

fn span(what: &'static str) -> Box<dyn std::any::Any> {
    Box::new(browser::Span::new(what))
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub(super) session: StoredValue<Session<LocalKv>, LocalStorage>,
    pub team: RwSignal<Option<Team>>,
    /// Which parts of `team` changed: see [`super::derive::over`].
    pub versions: RwSignal<crate::model::versions::Versions>,
    pub me: RwSignal<Option<String>>,
    pub screen: RwSignal<Screen>,
    pub notice: RwSignal<Option<Notice>>,
    pub teams: RwSignal<Vec<StoredTeam>>,
    pub damaged: RwSignal<Option<Damaged>>,
    pub pending: RwSignal<Option<PendingTeam>>,
    pub last_import: RwSignal<Option<ImportSummary>>,
    pub conflicts: RwSignal<Vec<Conflict>>,
    /// Whether the browser agreed to keep our storage (`None`: unknown).
    pub persisted: RwSignal<Option<bool>>,
    /// Edits that live only in this tab because storage refused them.
    pub unsaved: RwSignal<bool>,
    /// Bumped after every write, so storage figures are re-read.
    pub writes: RwSignal<u64>,
    /// A file or link that arrived encrypted, waiting for its passphrase.
    pub sealed: RwSignal<Option<crate::session::vet::Input>>,
    /// What *Undo* would undo now, in words.
    pub undo_next: RwSignal<Option<String>>,
    /// The decision list's filter, mirrored in the page address.
    pub filter: RwSignal<crate::model::filter::DecisionFilter>,
    /// Parts of the address's filter that could not be used.
    pub filter_unused: RwSignal<Vec<String>>,
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

impl AppState {
    pub fn new() -> Self {
        let mut session = Session::new(LocalKv).with_timer(span);
        let started = session.start_fast();
        let (filter, unused) = crate::model::filter::DecisionFilter::parse_query(&browser::query());
        let state = AppState {
            teams: RwSignal::new(session.teams()),
            session: StoredValue::new_local(session),
            team: RwSignal::new(None),
            versions: RwSignal::new(Default::default()),
            me: RwSignal::new(None),
            screen: RwSignal::new(Screen::Welcome),
            notice: RwSignal::new(None),
            damaged: RwSignal::new(None),
            pending: RwSignal::new(None),
            last_import: RwSignal::new(None),
            conflicts: RwSignal::new(Vec::new()),
            persisted: RwSignal::new(None),
            unsaved: RwSignal::new(false),
            writes: RwSignal::new(0),
            undo_next: RwSignal::new(None),
            sealed: RwSignal::new(None),
            filter: RwSignal::new(filter),
            filter_unused: RwSignal::new(unused),
        };
        if let Some(result) = started {
            state.show_open(result);
        }
        state
    }

    /// Runs `f` on the session (a team shown from its snapshot is loaded first).
    pub(super) fn with<T>(&self, f: impl FnOnce(&mut Session<LocalKv>) -> T) -> Option<T> {
        self.finish_loading();
        self.session.try_update_value(f)
    }

    pub fn say(&self, notice: Notice) {
        self.notice.set(Some(notice));
    }

    pub(super) fn refresh_teams(&self) {
        if let Some(t) = self.session.try_with_value(Session::teams) {
            self.teams.set(t);
        }
    }

    /// Opens a stored team, or says why it cannot be opened.
    pub fn open_team(&self, id: &str) {
        if let Some(result) = self.with(|s| s.open(id)) {
            self.show_open(result);
        }
    }

    pub(super) fn show_open(&self, result: Result<Opened, Damaged>) {
        match result {
            Ok(opened) => self.show_opened(opened),
            Err(d) => {
                self.set_team(None);
                self.me.set(None);
                self.damaged.set(Some(d));
                self.screen.set(Screen::Welcome);
                self.refresh_teams();
            }
        }
    }

    pub(super) fn show_opened(&self, o: Opened) {
        self.me.set(o.me);
        self.set_team(Some(o.team));
        self.conflicts.set(o.conflicts);
        self.damaged.set(None);
        self.notice.set(None);
        self.last_import.set(None);
        self.screen.set(Screen::Overview);
        self.refresh_teams();
        // The import worker holds the open team from now on, so that a
        // file or link arriving later costs only its own check; once the
        // team is on screen, not while it is being drawn.
        super::vetting::warm_soon(*self);
    }

    pub fn create_team(&self, name: &str, purpose: &str, founder: &str) -> Result<(), String> {
        let (today, now) = (browser::today(), browser::now_ms());
        self.opened(|s| s.create(name, purpose, founder, &today, now))
    }

    /// Shows the team a session call opened, or says why it could not.
    fn opened(
        &self,
        f: impl FnOnce(&mut Session<LocalKv>) -> Result<Opened, String>,
    ) -> Result<(), String> {
        let opened = self.with(f).ok_or("The app is shutting down.")??;
        self.show_opened(opened);
        Ok(())
    }

    pub fn open_example(&self) -> Result<(), String> {
        let today = browser::today();
        self.opened(|s| s.open_example(&today))?;
        self.say(Notice::Info(
            "This is an example team to look around in. It is kept apart from your own teams."
                .into(),
        ));
        Ok(())
    }

    pub fn set_me(&self, member: Option<String>) {
        self.with(|s| s.set_me(member.clone()));
        self.me.set(member);
    }

    pub fn team_id(&self) -> Option<String> {
        self.team
            .with_untracked(|t| t.as_ref().map(|t| t.team_id.clone()))
    }

    /// Applies one edit, persists it at once, and shows what it touched.
    /// A refused edit leaves everything as it was and says why.
    pub fn edit<T>(
        &self,
        f: impl FnOnce(&mut TeamDocument, &Stamp) -> Result<T, EditError>,
    ) -> Option<T> {
        let _span = browser::Span::new("edit");
        let now = browser::now_ms();
        self.edited(|s| s.edit(now, f))
    }

    /// Shows what a session edit touched, or says why it was refused.
    pub(super) fn edited<T>(
        &self,
        f: impl FnOnce(&mut Session<LocalKv>) -> Result<Edited<T>, EditError>,
    ) -> Option<T> {
        let edited = self.with(f)?;
        let edited = self.said(edited.map_err(|e| Notice::Error(e.to_string())))?;
        Some(self.show_edit(edited))
    }

    /// Adds a record with `f` (which returns its id) and opens it: whether it was added.
    pub fn add_then_open(
        &self,
        f: impl FnOnce(&mut TeamDocument, &Stamp) -> Result<String, EditError>,
        screen: fn(String) -> Screen,
    ) -> bool {
        let open = |id| self.screen.set(screen(super::focus::marked_new(id)));
        self.edit(f).map(open).is_some()
    }

    pub(super) fn show_edit<T>(&self, edited: Edited<T>) -> T {
        self.show(edited.fresh);
        self.after_write(edited.storage.is_some());
        match edited.storage {
            Some(e) => self.say(Notice::Error(e.to_string())),
            None if matches!(self.notice.get_untracked(), Some(Notice::Error(_))) => {
                self.notice.set(None)
            }
            None => {}
        }
        if edited.renamed {
            self.refresh_teams();
        }
        edited.value
    }

    /// Puts what changed on screen.
    pub(super) fn show(&self, fresh: Fresh) {
        let mut shown = self.conflicts.get_untracked();
        let whole = matches!(fresh, Fresh::Whole { .. });
        self.versions.update(|v| fresh.bump(v));
        self.team.update(|t| fresh.apply(t, &mut shown));
        if whole || self.conflicts.with_untracked(|c| *c != shown) {
            self.conflicts.set(shown);
        }
    }

    /// Keeps one of a conflict's values.
    pub fn resolve(&self, conflict: &Conflict, pick: &ConflictValue) {
        self.edit(|doc, s| doc.resolve_conflict(s, conflict, pick));
    }

    /// Adds the person using this browser as a new member and acts as them.
    pub fn add_me(&self, name: &str) -> bool {
        let (today, now) = (browser::today(), browser::now_ms());
        self.edited(|s| s.add_me(name, &today, now))
            .map(|id| self.me.set(Some(id)))
            .is_some()
    }
}
