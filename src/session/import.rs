//! Taking in a teammate's file or link: merging it into the open team,
//! joining a team new to this browser, or offering another team as one of
//! its own — and learning what the sender has, only when it arrived.

use std::collections::{BTreeMap, BTreeSet};

use automerge::ChangeHash;

use super::{Fresh, Imported, Session};
use crate::{
    model::{
        authority::Flag,
        changes::{ImportSummary, Item},
        conflicts::Conflict,
        decision::Decision,
        document::{Before, ReadBack, Vetted},
        Collection, LoadError, RecordRef, Team, TeamDocument,
    },
    share::Sender,
    storage::KeyValue,
};

impl<K: KeyValue> Session<K> {
    /// Merges a team file or link into the open team, or joins the team
    /// when none is open. `from` says who made a link: once it is merged,
    /// what they had is remembered so that *Send to* them carries only what
    /// they lack. Bad input is refused and changes nothing, bookkeeping
    /// included.
    pub fn import(&mut self, bytes: Vec<u8>, from: Option<Sender>) -> Imported {
        self.import_vetted(bytes, from, None)
    }

    /// Like [`Self::import`], for bytes the import worker merged into a
    /// copy of the open team and found safe: when this copy still has the
    /// heads that one had, they are taken in without checking them again.
    pub fn import_vetted(
        &mut self,
        bytes: Vec<u8>,
        from: Option<Sender>,
        vetted: Option<Vetted>,
    ) -> Imported {
        self.ready();
        let _span = self.span("import");
        let outcome = if self.open.is_none() {
            self.join(bytes)
        } else {
            self.merge_in(bytes, true, vetted)
        };
        if matches!(outcome, Imported::Merged { .. } | Imported::Joined { .. }) {
            if let Some(from) = from {
                self.learn_sender(&from);
            }
        }
        outcome
    }

    /// Opens a team file or link as a team of its own in this browser (or
    /// merges it, when that team is stored here already).
    pub fn join(&mut self, bytes: Vec<u8>) -> Imported {
        let (mut doc, team) = match TeamDocument::load(&bytes) {
            Ok(loaded) => loaded,
            Err(e) => return Imported::Refused(e.to_string()),
        };
        let id = team.team_id.clone();
        if self.store.contains(&id) {
            return self.switch_and_merge(&id, bytes);
        }
        let learned = doc.heads_by_author();
        if let Err(e) = self.store.add(doc, &team.profile.name) {
            return Imported::Refused(e.to_string());
        }
        match self.open(&id) {
            Ok(opened) => {
                self.learn(learned);
                Imported::Joined {
                    name: team.profile.name.clone(),
                    opened: Box::new(opened),
                }
            }
            Err(d) => Imported::Refused(d.message),
        }
    }

    /// Opens the stored team `id`, then merges `bytes` into it.
    fn switch_and_merge(&mut self, id: &str, bytes: Vec<u8>) -> Imported {
        let opened = match self.open(id) {
            Ok(o) => o,
            Err(d) => return Imported::Refused(d.message),
        };
        match self.merge_in(bytes, false, None) {
            Imported::Merged {
                fresh,
                summary,
                storage,
                ..
            } => Imported::Merged {
                switched: Some(Box::new(opened)),
                fresh,
                summary,
                storage,
            },
            other => other,
        }
    }

    fn merge_in(
        &mut self,
        bytes: Vec<u8>,
        may_switch: bool,
        mut vetted: Option<Vetted>,
    ) -> Imported {
        let Some(open) = self.open.as_mut() else {
            return Imported::Refused("No team is open.".into());
        };
        // Read back by the worker on the same document: taken as read.
        let read = vetted.as_mut().and_then(|v| v.read.take());
        let taken = vetted
            .as_ref()
            .zip(read)
            .and_then(|(v, read)| {
                let changed = open.doc.take_vetted(&bytes, v)?;
                Some(changed.map(|c| (c, Taken::Read(read))))
            })
            .unwrap_or_else(|| {
                vetted
                    .as_ref()
                    .and_then(|v| open.doc.merge_vetted(&bytes, v))
                    .unwrap_or_else(|| open.doc.merge_reporting(&bytes))
                    .map(|(c, before)| (c, Taken::Before(before)))
            });
        match taken {
            Ok((changed, taken)) => {
                let storage = self.store.persist(open).err();
                let (fresh, summary) = match taken {
                    Taken::Read(read) => {
                        let conflicted = read.conflicted;
                        let fresh =
                            Fresh::of_patch(&mut open.doc, read.patch, |r| conflicted.contains(r));
                        (fresh, read.summary)
                    }
                    Taken::Before(before) => match Fresh::read(&mut open.doc, &changed) {
                        Ok(fresh) => {
                            let summary = report(&mut open.doc, before, &fresh);
                            (fresh, summary)
                        }
                        Err(e) => return Imported::Refused(e.to_string()),
                    },
                };
                self.flag(&summary.flags);
                self.learn(changed.heads_by_author);
                Imported::Merged {
                    switched: None,
                    fresh,
                    summary,
                    storage,
                }
            }
            Err(LoadError::DifferentTeam { name, id }) => {
                if may_switch && self.store.contains(&id) {
                    self.switch_and_merge(&id, bytes)
                } else {
                    Imported::OtherTeam { name, bytes }
                }
            }
            Err(e) => Imported::Refused(e.to_string()),
        }
    }

    /// Whoever made the newest changes that arrived has them.
    fn learn(&mut self, heads: BTreeMap<String, Vec<ChangeHash>>) {
        let Some(team) = self.team_id().map(str::to_string) else {
            return;
        };
        for (author, heads) in heads {
            if Some(author.as_str()) != self.me.as_deref() {
                let _ = self.store.set_peer_heads(&team, &author, &heads);
            }
        }
    }

    /// The sender of a link that was taken in had the heads it names, when
    /// they all arrived.
    fn learn_sender(&mut self, from: &Sender) {
        if self.me.as_deref() == Some(from.member_id.as_str()) || from.heads.is_empty() {
            return;
        }
        let Some(open) = self.open.as_mut() else {
            return;
        };
        let heads: Vec<ChangeHash> = from.heads.iter().map(|h| ChangeHash(*h)).collect();
        if !heads.iter().all(|h| open.doc.has_change(h)) {
            return;
        }
        let team = open.doc.team_id().to_string();
        let _ = self.store.set_peer_heads(&team, &from.member_id, &heads);
    }

    /// The heads this browser believes a teammate has.
    pub fn peer_heads(&self, member: &str) -> Vec<ChangeHash> {
        self.team_id()
            .map(|t| self.store.peer_heads(t, member))
            .unwrap_or_default()
    }
}

/// How a merge's records are read back: by the import worker, or here from
/// what they were before.
enum Taken {
    Read(ReadBack),
    Before(Before),
}

/// What a merge brought and the decisions it leaves questioned, from what
/// it touched before (`before`) and after (`fresh`, read on `doc`, the
/// merged document).
pub(crate) fn report(doc: &mut TeamDocument, before: Before, fresh: &Fresh) -> ImportSummary {
    let mut summary = summarise(before, fresh);
    summary.flags = check_decisions(doc, &summary, fresh);
    summary
}

/// The authority check of every decision a merge brought or changed (as
/// just read back: not read again).
fn check_decisions(doc: &mut TeamDocument, summary: &ImportSummary, fresh: &Fresh) -> Vec<Flag> {
    let touched = |c: Collection| -> BTreeSet<String> {
        summary
            .kinds
            .iter()
            .filter(|k| k.collection == c)
            .flat_map(|k| k.new.iter().chain(&k.changed).map(|i| i.id.clone()))
            .collect()
    };
    let decisions = touched(Collection::Decisions)
        .iter()
        .filter_map(|id| match fresh {
            Fresh::Records { patch, .. } => patch.decisions.get(id).cloned().flatten(),
            Fresh::Whole { team, .. } => team.decisions.get(id).cloned(),
        })
        .collect();
    check_touched(doc, decisions, &touched(Collection::Roles))
}

/// The authority check of the decisions a merge touched, and of the decided
/// decisions of every role it touched (a holder removed in one copy while
/// deciding in another).
pub(super) fn check_touched(
    doc: &mut TeamDocument,
    decisions: Vec<Decision>,
    roles: &BTreeSet<String>,
) -> Vec<Flag> {
    let mut ds = decisions;
    if !roles.is_empty() {
        let ids: BTreeSet<String> = ds.iter().map(|d| d.id.clone()).collect();
        ds.extend(
            doc.decided_by_roles(roles)
                .into_iter()
                .filter(|d| !ids.contains(&d.id)),
        );
    }
    doc.check_authorities(&ds)
}

/// What a merge brought, from what it touched before and after: records
/// whose shown value changed, and records whose conflicts changed.
fn summarise(before: Before, after: &Fresh) -> ImportSummary {
    match (before, after) {
        (
            Before::Records {
                patch: old,
                conflicts: then,
            },
            Fresh::Records { patch, conflicts },
        ) => {
            let mut was = Team::new(String::new(), "", "", 0);
            if let Some(p) = &old.profile {
                was.profile = p.clone();
            }
            old.apply(&mut was);
            let now: Vec<Conflict> = conflicts.iter().flat_map(|(_, _, c)| c.clone()).collect();
            let mut summary = patch.summary(&was);
            for (c, id) in conflicts_changed(&then, &now) {
                let name = patch.title(c, &id).unwrap_or_default();
                summary.mark_changed(c, Item { id, name });
            }
            summary
        }
        (
            Before::Whole {
                team,
                conflicts: then,
            },
            Fresh::Whole {
                team: after,
                conflicts: now,
            },
        ) => {
            let mut summary = ImportSummary::between(&team, after);
            for (c, id) in conflicts_changed(&then, now) {
                let name = (c.info().title_in)(after, &id).unwrap_or_default();
                summary.mark_changed(c, Item { id, name });
            }
            summary
        }
        // Read back the same way as checked: never mixed.
        _ => ImportSummary::default(),
    }
}

/// The records whose conflicts differ between `then` and `now`.
fn conflicts_changed(then: &[Conflict], now: &[Conflict]) -> BTreeSet<RecordRef> {
    let of = |list: &[Conflict], r: &RecordRef| -> Vec<Conflict> {
        list.iter()
            .filter(|k| k.collection == r.0 && k.record_id == r.1)
            .cloned()
            .collect()
    };
    then.iter()
        .chain(now)
        .map(|k| (k.collection, k.record_id.clone()))
        .collect::<BTreeSet<RecordRef>>()
        .into_iter()
        .filter(|r| of(then, r) != of(now, r))
        .collect()
}
