//! What an import brought: new and changed records, by comparing the team
//! before and after the merge, and the records a merge touched read back.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{
    changed::{Changed, RecordRef},
    decision::Decision,
    error::LoadError,
    kind::{Collection, Record},
    meeting::Meeting,
    member::Member,
    option::ConsideredOption,
    recognition::Recognition,
    role::Role,
    team::{Profile, Team},
    tension::Tension,
    TeamDocument,
};

/// A record an import added or changed, with the name to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub name: String,
}

/// The new and changed records of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindSummary {
    pub collection: Collection,
    pub new: Vec<Item>,
    pub changed: Vec<Item>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    /// Only kinds with something new or changed, decisions first.
    pub kinds: Vec<KindSummary>,
    pub team_changed: bool,
    /// Decisions the merge brought that the authority check questions.
    pub flags: Vec<super::authority::Flag>,
}

/// The records of `after` that `before` lacks or holds otherwise.
fn diff<'a, R: Record>(
    before: &Team,
    after: impl IntoIterator<Item = (&'a String, &'a R)>,
) -> KindSummary {
    let before = R::all(before);
    let (mut new, mut changed) = (Vec::new(), Vec::new());
    for (id, rec) in after {
        let item = || Item {
            id: id.clone(),
            name: rec.title().to_string(),
        };
        match before.get(id) {
            None => new.push(item()),
            Some(old) if old != rec => changed.push(item()),
            Some(_) => {}
        }
    }
    KindSummary {
        collection: R::COLLECTION,
        new,
        changed,
    }
}

/// The records a patch holds (those still there).
fn present<T>(records: &BTreeMap<String, Option<T>>) -> impl Iterator<Item = (&String, &T)> {
    records
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| (k, v)))
}

impl ImportSummary {
    pub fn between(before: &Team, after: &Team) -> Self {
        Self::of(
            vec![
                diff(before, Decision::all(after)),
                diff(before, Role::all(after)),
                diff(before, Member::all(after)),
                diff(before, Tension::all(after)),
                diff(before, Meeting::all(after)),
                diff(before, Recognition::all(after)),
            ],
            before.profile != after.profile,
        )
    }

    fn of(mut kinds: Vec<KindSummary>, team_changed: bool) -> Self {
        kinds.retain(|k| !(k.new.is_empty() && k.changed.is_empty()));
        crate::model::order::sort_by_key(&mut kinds, |k| {
            Collection::ALL.iter().position(|c| *c == k.collection)
        });
        ImportSummary {
            kinds,
            team_changed,
            flags: Vec::new(),
        }
    }

    /// The new records of one kind.
    pub fn new_of(&self, c: Collection) -> &[Item] {
        self.kinds
            .iter()
            .find(|k| k.collection == c)
            .map_or(&[], |k| &k.new)
    }

    /// The changed records of one kind.
    pub fn changed_of(&self, c: Collection) -> &[Item] {
        self.kinds
            .iter()
            .find(|k| k.collection == c)
            .map_or(&[], |k| &k.changed)
    }

    /// Counts a record as changed (e.g. its conflicts changed while its
    /// shown value did not), unless it is already listed.
    pub fn mark_changed(&mut self, c: Collection, item: Item) {
        let listed = self
            .new_of(c)
            .iter()
            .chain(self.changed_of(c))
            .any(|i| i.id == item.id);
        if listed {
            return;
        }
        match self.kinds.iter_mut().find(|k| k.collection == c) {
            Some(k) => k.changed.push(item),
            None => {
                self.kinds.push(KindSummary {
                    collection: c,
                    new: Vec::new(),
                    changed: vec![item],
                });
                crate::model::order::sort_by_key(&mut self.kinds, |k| {
                    Collection::ALL.iter().position(|x| *x == k.collection)
                });
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == ImportSummary::default()
    }

    /// "3 new decisions, 2 roles changed, 1 new member".
    pub fn sentence(&self) -> String {
        let mut parts = Vec::new();
        for k in &self.kinds {
            let info = k.collection.info();
            let noun = |n: usize| if n == 1 { info.one } else { info.many };
            if !k.new.is_empty() {
                parts.push(format!("{} new {}", k.new.len(), noun(k.new.len())));
            }
            if !k.changed.is_empty() {
                parts.push(format!(
                    "{} {} changed",
                    k.changed.len(),
                    noun(k.changed.len())
                ));
            }
        }
        if self.team_changed {
            parts.push("the team's name or purpose changed".to_string());
        }
        if parts.is_empty() {
            "Nothing new: this copy already had everything in it.".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// Records of one kind read back; `None`: the record is gone.
pub type Records<R> = BTreeMap<String, Option<R>>;

/// The records an edit or merge touched, read back: applied to the team as
/// it was, it gives the team as it is, without reading the rest again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamPatch {
    pub profile: Option<Profile>,
    pub members: Records<Member>,
    pub roles: Records<Role>,
    pub decisions: Records<Decision>,
    pub tensions: Records<Tension>,
    pub meetings: Records<Meeting>,
    pub recognitions: Records<Recognition>,
    pub options: Records<ConsideredOption>,
}

fn read_kind<R: Record>(doc: &TeamDocument, changed: &Changed) -> Records<R> {
    changed
        .ids(R::COLLECTION)
        .map(|id| (id.clone(), doc.get::<R>(id)))
        .collect()
}

fn apply_kind<R: Record>(team: &mut Team, fresh: Records<R>) {
    let map = R::all_mut(team);
    for (id, rec) in fresh {
        match rec {
            Some(r) => drop(map.insert(id, r)),
            None => drop(map.remove(&id)),
        }
    }
}

impl TeamPatch {
    /// Reads what `changed` says changed.
    pub fn read(doc: &TeamDocument, changed: &Changed) -> Result<Self, LoadError> {
        Ok(TeamPatch {
            profile: if changed.profile {
                Some(doc.profile()?)
            } else {
                None
            },
            members: read_kind(doc, changed),
            roles: read_kind(doc, changed),
            decisions: read_kind(doc, changed),
            tensions: read_kind(doc, changed),
            meetings: read_kind(doc, changed),
            recognitions: read_kind(doc, changed),
            options: read_kind(doc, changed),
        })
    }

    /// The records read, by collection.
    pub fn records(&self) -> Vec<RecordRef> {
        fn ids<R>(c: Collection, m: &Records<R>) -> impl Iterator<Item = RecordRef> + '_ {
            m.keys().map(move |id| (c, id.clone()))
        }
        ids(Collection::Members, &self.members)
            .chain(ids(Collection::Roles, &self.roles))
            .chain(ids(Collection::Decisions, &self.decisions))
            .chain(ids(Collection::Tensions, &self.tensions))
            .chain(ids(Collection::Meetings, &self.meetings))
            .chain(ids(Collection::Recognitions, &self.recognitions))
            .chain(ids(Collection::Options, &self.options))
            .collect()
    }

    /// The name a record read here goes by, when it is still there.
    pub fn title(&self, c: Collection, id: &str) -> Option<String> {
        fn t<R: Record>(m: &Records<R>, id: &str) -> Option<String> {
            m.get(id)?.as_ref().map(|r| r.title().to_string())
        }
        match c {
            Collection::Members => t(&self.members, id),
            Collection::Roles => t(&self.roles, id),
            Collection::Decisions => t(&self.decisions, id),
            Collection::Tensions => t(&self.tensions, id),
            Collection::Meetings => t(&self.meetings, id),
            Collection::Recognitions => t(&self.recognitions, id),
            Collection::Options => t(&self.options, id),
        }
    }

    pub fn summary(&self, before: &Team) -> ImportSummary {
        ImportSummary::of(
            vec![
                diff(before, present(&self.decisions)),
                diff(before, present(&self.roles)),
                diff(before, present(&self.members)),
                diff(before, present(&self.tensions)),
                diff(before, present(&self.meetings)),
                diff(before, present(&self.recognitions)),
                diff(before, present(&self.options)),
            ],
            self.profile.as_ref().is_some_and(|p| *p != before.profile),
        )
    }

    pub fn apply(self, team: &mut Team) {
        if let Some(p) = self.profile {
            team.profile = p;
        }
        apply_kind(team, self.members);
        apply_kind(team, self.roles);
        apply_kind(team, self.decisions);
        apply_kind(team, self.tensions);
        apply_kind(team, self.meetings);
        apply_kind(team, self.recognitions);
        apply_kind(team, self.options);
    }
}
