//! The app's state: the open team, who "you" are, which screen shows, and
//! the one way edits reach the document and storage.

use leptos::prelude::*;

use crate::{
    model::{
        changes::{ImportSummary, TeamPatch},
        conflicts::Conflict,
        example::example_team,
        Collection, Delta, EditError, LoadError, Merged, Stamp, Team, TeamDocument,
    },
    share::Sender,
    storage::{local::LocalKv, OpenTeam, StoredTeam, TeamStore},
};

use super::browser;

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
    WhoDecides,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    Error(String),
}

/// A stored team that could not be opened, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Damaged {
    pub team_id: String,
    pub name: String,
    pub message: String,
}

/// A file or link of another team than the one open, waiting for the
/// person to say whether to open it as its own team.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingTeam {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What an edit touched, so that only that is read back.
pub enum Touched {
    Profile,
    Member(String),
    Role(String),
    Decision(String),
    /// Several decisions, e.g. one superseding another.
    Decisions(Vec<String>),
}

impl Touched {
    /// The same, in the terms a merge reports what it changed.
    fn into_merged(self) -> Merged {
        let mut m = Merged::default();
        match self {
            Touched::Profile => m.profile = true,
            Touched::Member(id) => drop(m.members.insert(id)),
            Touched::Role(id) => drop(m.roles.insert(id)),
            Touched::Decision(id) => drop(m.decisions.insert(id)),
            Touched::Decisions(ids) => m.decisions.extend(ids),
        }
        m
    }
}

/// After a merge: the records it touched read back with their conflicts,
/// or the whole team when it touched more than records.
struct ReadBack {
    fresh: Result<TeamPatch, Box<Team>>,
    conflicts: Option<Vec<(Collection, String, Vec<Conflict>)>>,
}

impl ReadBack {
    fn read(doc: &mut TeamDocument, merged: &Merged) -> Result<Self, LoadError> {
        if merged.whole {
            return Ok(ReadBack {
                fresh: Err(Box::new(doc.team()?)),
                conflicts: None,
            });
        }
        let patch = TeamPatch::read(doc, merged)?;
        let conflicts = patch
            .records()
            .map(|(c, id)| (c, id.clone(), doc.conflicts_in(c, id)))
            .collect();
        Ok(ReadBack {
            fresh: Ok(patch),
            conflicts: Some(conflicts),
        })
    }
}

/// A merge that went through, and whether storage took it.
struct Imported {
    read: ReadBack,
    storage_problem: Option<String>,
    learned: Learned,
}

/// Document heads by the member known to have them.
type Learned = std::collections::BTreeMap<String, Vec<automerge::ChangeHash>>;

/// An edit that went through: what was read back, and what to tell.
struct Applied {
    read: ReadBack,
    profile_edit: bool,
    storage_problem: Option<String>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    store: StoredValue<TeamStore<LocalKv>, LocalStorage>,
    open: StoredValue<Option<OpenTeam>, LocalStorage>,
    pub team: RwSignal<Option<Team>>,
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
    /// The decision list's filter, mirrored in the page address.
    pub filter: RwSignal<crate::model::filter::DecisionFilter>,
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

impl AppState {
    pub fn new() -> Self {
        let store = TeamStore::new(LocalKv);
        let teams = store.teams();
        let current = store.current();
        let state = AppState {
            store: StoredValue::new_local(store),
            open: StoredValue::new_local(None),
            team: RwSignal::new(None),
            me: RwSignal::new(None),
            screen: RwSignal::new(Screen::Welcome),
            notice: RwSignal::new(None),
            teams: RwSignal::new(teams.clone()),
            damaged: RwSignal::new(None),
            pending: RwSignal::new(None),
            last_import: RwSignal::new(None),
            conflicts: RwSignal::new(Vec::new()),
            persisted: RwSignal::new(None),
            unsaved: RwSignal::new(false),
            writes: RwSignal::new(0),
            filter: RwSignal::new(crate::model::filter::DecisionFilter::from_query(
                &browser::query(),
            )),
        };
        let start = current
            .filter(|c| teams.iter().any(|t| &t.id == c))
            .or_else(|| teams.first().map(|t| t.id.clone()));
        if let Some(id) = start {
            state.open_team(&id);
        }
        state
    }

    pub fn say(&self, notice: Notice) {
        self.notice.set(Some(notice));
    }

    fn refresh_teams(&self) {
        self.teams.set(self.store.with_value(|s| s.teams()));
    }

    /// Opens a stored team, or explains why it cannot be opened.
    pub fn open_team(&self, id: &str) {
        let result = browser::measure("open", || self.store.with_value(|s| s.open(id)));
        match result {
            Ok((open, team)) => {
                let me = self
                    .store
                    .with_value(|s| s.identity(id))
                    .filter(|m| team.members.contains_key(m));
                self.open.set_value(Some(open));
                self.store.update_value(|s| {
                    let _ = s.set_current(id);
                    let _ = s.remember_name(id, &team.profile.name);
                });
                self.me.set(me);
                self.team.set(Some(team));
                self.damaged.set(None);
                self.notice.set(None);
                self.last_import.set(None);
                self.refresh_conflicts();
                self.screen.set(Screen::Overview);
            }
            Err(e) => {
                let name = self
                    .teams
                    .get_untracked()
                    .into_iter()
                    .find(|t| t.id == id)
                    .map(|t| t.name)
                    .unwrap_or_else(|| "This team".to_string());
                self.open.set_value(None);
                self.team.set(None);
                self.me.set(None);
                self.damaged.set(Some(Damaged {
                    team_id: id.to_string(),
                    name,
                    message: e.to_string(),
                }));
                self.screen.set(Screen::Welcome);
            }
        }
        self.refresh_teams();
    }

    /// Stores a new team document and opens it as `me`.
    fn adopt(&self, doc: TeamDocument, me: &str) -> Result<(), String> {
        let id = doc.team_id().to_string();
        let name = doc.team().map(|t| t.profile.name).unwrap_or_default();
        self.store
            .try_update_value(|s| {
                let open = s.add(doc, &name)?;
                s.set_identity(&id, me)?;
                s.set_current(&id)?;
                Ok::<_, crate::storage::StorageError>(open)
            })
            .ok_or_else(|| "The app is shutting down.".to_string())?
            .map_err(|e| e.to_string())?;
        self.open_team(&id);
        Ok(())
    }

    pub fn create_team(&self, name: &str, purpose: &str, founder: &str) -> Result<(), String> {
        let (doc, me) =
            TeamDocument::create(name, purpose, founder, &browser::today(), browser::now_ms())
                .map_err(|e| e.to_string())?;
        self.adopt(doc, &me)
    }

    pub fn open_example(&self) -> Result<(), String> {
        let today = browser::today();
        let midnight = crate::model::date::to_days(&today).unwrap_or(0) * 86_400_000;
        let (doc, me) = example_team(&today, midnight).map_err(|e| e.to_string())?;
        self.adopt(doc, &me)?;
        self.say(Notice::Info(
            "This is an example team to look around in. It is kept apart from your own teams."
                .into(),
        ));
        Ok(())
    }

    pub fn set_me(&self, member: Option<String>) {
        if let (Some(team), Some(m)) = (self.team_id(), member.as_deref()) {
            let _ = self.store.try_update_value(|s| s.set_identity(&team, m));
        }
        self.me.set(member);
    }

    pub fn team_id(&self) -> Option<String> {
        self.team
            .with_untracked(|t| t.as_ref().map(|t| t.team_id.clone()))
    }

    /// Applies one edit, persists it at once, and shows the result. A
    /// refused edit leaves everything as it was and says why.
    pub fn edit(
        &self,
        f: impl FnOnce(&mut TeamDocument, &Stamp) -> Result<Touched, EditError>,
    ) -> bool {
        let _span = browser::Span::new("edit");
        let stamp = Stamp::new(self.me.get_untracked().as_deref(), browser::now_ms());
        let store = self.store;
        let mut outcome: Option<Result<Applied, String>> = None;
        self.open.update_value(|open| {
            let Some(open) = open else { return };
            outcome = Some(match f(&mut open.doc, &stamp) {
                Ok(touched) => {
                    let saved =
                        browser::measure("persist", || store.try_update_value(|s| s.persist(open)))
                            .and_then(Result::err);
                    let touched = touched.into_merged();
                    ReadBack::read(&mut open.doc, &touched)
                        .map(|read| Applied {
                            read,
                            profile_edit: touched.profile,
                            storage_problem: saved.map(|e| e.to_string()),
                        })
                        .map_err(|e| e.to_string())
                }
                Err(e) => Err(e.to_string()),
            });
        });
        match outcome {
            Some(Ok(Applied {
                read,
                profile_edit,
                storage_problem,
            })) => {
                self.show(read);
                self.after_write(storage_problem.is_some());
                match storage_problem {
                    Some(msg) => self.say(Notice::Error(msg)),
                    None if matches!(self.notice.get_untracked(), Some(Notice::Error(_))) => {
                        self.notice.set(None)
                    }
                    None => {}
                }
                // Only a profile edit can rename the team.
                if profile_edit {
                    if let Some(name) = self
                        .team
                        .with_untracked(|t| t.as_ref().map(|t| t.profile.name.clone()))
                    {
                        if let Some(id) = self.team_id() {
                            let _ = self.store.try_update_value(|s| s.remember_name(&id, &name));
                        }
                    }
                }
                true
            }
            Some(Err(msg)) => {
                self.say(Notice::Error(msg));
                false
            }
            None => false,
        }
    }

    /// Puts what a merge touched on screen.
    fn show(&self, read: ReadBack) {
        match read.fresh {
            Ok(patch) => self.team.update(|t| {
                if let Some(t) = t {
                    patch.apply(t);
                }
            }),
            Err(after) => self.team.set(Some(*after)),
        }
        match read.conflicts {
            Some(found) => self.conflicts.update(|all| {
                for (c, id, now) in found {
                    all.retain(|k| !(k.collection == c && k.record_id == id));
                    all.extend(now);
                }
            }),
            None => self.refresh_conflicts(),
        }
    }

    /// Another tab stored edits to this team: merge them in, reading back
    /// only the records they touched.
    pub fn on_storage_changed(&self) {
        let store = self.store;
        let mut result = None;
        self.open.update_value(|open| {
            let Some(open) = open else { return };
            result = store
                .try_update_value(|s| s.refresh_changes(open))
                .map(|r| match r {
                    Ok(Some(merged)) => ReadBack::read(&mut open.doc, &merged)
                        .map(Some)
                        .map_err(|e| e.to_string()),
                    Ok(None) => Ok(None),
                    Err(e) => Err(e.to_string()),
                });
        });
        match result {
            Some(Ok(Some(read))) => self.show(read),
            Some(Err(msg)) => self.say(Notice::Error(format!(
                "Edits made in another tab could not be read: {msg}"
            ))),
            _ => {}
        }
        self.refresh_teams();
    }

    /// The whole team document, for a file.
    pub fn team_bytes(&self) -> Option<Vec<u8>> {
        let mut bytes = None;
        self.open
            .update_value(|o| bytes = o.as_mut().map(|o| o.doc.export()));
        bytes
    }

    /// The stored bytes of a team that could not be opened.
    pub fn raw_bytes(&self, team: &str) -> Vec<u8> {
        self.store.with_value(|s| s.raw(team))
    }

    pub fn refresh_conflicts(&self) {
        let mut found = Vec::new();
        self.open.update_value(|o| {
            if let Some(o) = o {
                found = o.doc.conflicts();
            }
        });
        self.conflicts.set(found);
    }

    /// Keeps one of a conflict's values.
    pub fn resolve(&self, conflict: &Conflict, pick: &crate::model::conflicts::ConflictValue) {
        let touched = match conflict.collection {
            Collection::Members => Touched::Member(conflict.record_id.clone()),
            Collection::Roles => Touched::Role(conflict.record_id.clone()),
            Collection::Decisions => Touched::Decision(conflict.record_id.clone()),
        };
        self.edit(|doc, s| doc.resolve_conflict(s, conflict, pick).map(|_| touched));
    }

    /// Merges a team file or link into the open team; joins the team when
    /// none is open. Bad input is refused with a message and changes nothing.
    pub fn import(&self, bytes: Vec<u8>) {
        self.import_from(bytes, None)
    }

    /// Like [`Self::import`], for a link that says who made it: once merged,
    /// what they had is remembered, so that "Send to" them carries only
    /// what they lack.
    pub fn import_from(&self, bytes: Vec<u8>, from: Option<Sender>) {
        let joining = self.team.with_untracked(Option::is_none);
        let learned = if joining {
            self.join(bytes);
            let mut learned = Learned::new();
            self.open.update_value(|o| {
                if let Some(o) = o {
                    learned = o.doc.heads_by_author();
                }
            });
            learned
        } else {
            self.merge_in(bytes)
        };
        let Some(team) = self.team_id() else { return };
        let me = self.me.get_untracked();
        // Whoever made the newest changes that arrived has them.
        for (author, heads) in learned {
            if Some(&author) != me.as_ref() {
                let _ = self
                    .store
                    .try_update_value(|s| s.set_peer_heads(&team, &author, &heads));
            }
        }
        let Some(from) = from else { return };
        if me.as_deref() == Some(from.member_id.as_str()) {
            return;
        }
        let mut known = Vec::new();
        self.open.update_value(|o| {
            if let Some(o) = o {
                known = from
                    .heads
                    .iter()
                    .map(|h| automerge::ChangeHash(*h))
                    .filter(|h| o.doc.has_change(h))
                    .collect();
            }
        });
        // Only heads that arrived count: a refused link taught us nothing.
        if known.len() == from.heads.len() && !known.is_empty() {
            let _ = self
                .store
                .try_update_value(|s| s.set_peer_heads(&team, &from.member_id, &known));
        }
    }

    /// What to send `member`: only what they lack when they sent us their
    /// heads before, else the whole team. With the heads it is made from.
    pub fn changes_for(&self, member: &str) -> Option<Delta> {
        let team = self.team_id()?;
        let heads = self.store.with_value(|s| s.peer_heads(&team, member));
        let mut out = None;
        self.open
            .update_value(|o| out = o.as_mut().map(|o| o.doc.changes_for(&heads)));
        out
    }

    /// Who this browser is and the heads it has, for a link it makes.
    pub fn sender(&self) -> Option<Sender> {
        let member_id = self.me.get_untracked()?;
        let mut heads = Vec::new();
        self.open.update_value(|o| {
            if let Some(o) = o {
                heads = o.doc.heads().into_iter().map(|h| h.0).collect();
            }
        });
        Some(Sender { member_id, heads })
    }

    /// Merges into the open team; returns the new heads by their authors.
    fn merge_in(&self, bytes: Vec<u8>) -> Learned {
        self.pending.set(None);
        let store = self.store;
        let mut result: Option<Result<Imported, LoadError>> = None;
        let _span = browser::Span::new("import");
        self.open.update_value(|open| {
            let Some(open) = open else { return };
            result = Some(open.doc.merge_changes(&bytes).and_then(|merged| {
                let saved = store
                    .try_update_value(|s| s.persist(open))
                    .and_then(Result::err)
                    .map(|e| e.to_string());
                Ok(Imported {
                    read: ReadBack::read(&mut open.doc, &merged)?,
                    storage_problem: saved,
                    learned: merged.heads_by_author,
                })
            }));
        });
        match result {
            Some(Ok(Imported {
                read,
                storage_problem,
                learned,
            })) => {
                self.after_write(storage_problem.is_some());
                let summary = self.team.with_untracked(|before| {
                    before
                        .as_ref()
                        .map_or_else(ImportSummary::default, |b| match &read.fresh {
                            Ok(patch) => patch.summary(b),
                            Err(after) => ImportSummary::between(b, after),
                        })
                });
                self.say(match storage_problem {
                    Some(msg) => Notice::Error(msg),
                    None => Notice::Info(format!("Imported: {}", summary.sentence())),
                });
                self.last_import.set(Some(summary));
                self.show(read);
                return learned;
            }
            Some(Err(LoadError::DifferentTeam { name, id })) => {
                if self.store.with_value(|s| s.contains(&id)) {
                    self.open_team(&id);
                    return self.merge_in(bytes);
                }
                self.pending.set(Some(PendingTeam { name, bytes }));
            }
            Some(Err(e)) => self.say(Notice::Error(format!("Nothing was imported. {e}"))),
            None => {}
        }
        Learned::new()
    }

    /// Opens a team file or link as a team of its own in this browser.
    pub fn join(&self, bytes: Vec<u8>) {
        self.pending.set(None);
        match TeamDocument::load(&bytes) {
            Ok((doc, team)) => {
                let id = team.team_id.clone();
                if self.store.with_value(|s| s.contains(&id)) {
                    self.open_team(&id);
                    return self.import(bytes);
                }
                let stored = self
                    .store
                    .try_update_value(|s| s.add(doc, &team.profile.name));
                match stored {
                    Some(Ok(_)) => {
                        self.open_team(&id);
                        self.say(Notice::Info(format!(
                            "You joined {}. Say who you are below, so your edits carry your name.",
                            team.profile.name
                        )));
                    }
                    Some(Err(e)) => self.say(Notice::Error(e.to_string())),
                    None => {}
                }
            }
            Err(LoadError::MissingHistory) => self.say(Notice::Error(format!(
                "Nothing was imported. {} ",
                LoadError::MissingHistory
            ))),
            Err(e) => self.say(Notice::Error(format!("Nothing was imported. {e}"))),
        }
    }

    /// Adds the person using this browser as a new member and acts as them.
    pub fn add_me(&self, name: &str) -> bool {
        let mut created = None;
        let ok = self.edit(|doc, s| {
            doc.add_member(s, name, &browser::today()).map(|id| {
                created = Some(id.clone());
                Touched::Member(id)
            })
        });
        if let (true, Some(id)) = (ok, created) {
            self.set_me(Some(id));
        }
        ok
    }

    fn after_write(&self, refused: bool) {
        let pending = self
            .open
            .with_value(|o| o.as_ref().is_some_and(OpenTeam::has_unsaved));
        self.unsaved.set(refused || pending);
        self.writes.update(|n| *n += 1);
    }

    /// (characters this team takes, characters all teams take) in storage.
    pub fn storage_use(&self) -> (usize, usize) {
        let team = self.team_id().unwrap_or_default();
        self.store
            .with_value(|s| (s.team_chars(&team), s.total_chars()))
    }

    /// Active members as (id, name), by name: the choices wherever a person
    /// is picked. Reactive: read inside a view.
    pub fn member_choices(&self) -> Vec<(String, String)> {
        self.team.with(|t| {
            t.as_ref()
                .map(crate::model::queries::active_member_choices)
                .unwrap_or_default()
        })
    }
}
