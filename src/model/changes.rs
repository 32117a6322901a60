//! What an import brought: new and changed records, by comparing the team
//! before and after the merge.

use std::collections::BTreeMap;

use super::{
    decision::Decision,
    document::{Collection, Merged, TeamDocument},
    error::LoadError,
    member::Member,
    role::Role,
    team::{Profile, Team},
};

/// A record an import added or changed, with the name to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub new_members: Vec<Item>,
    pub changed_members: Vec<Item>,
    pub new_roles: Vec<Item>,
    pub changed_roles: Vec<Item>,
    pub new_decisions: Vec<Item>,
    pub changed_decisions: Vec<Item>,
    pub team_changed: bool,
}

/// The records of `after` that `before` lacks or holds otherwise.
fn diff<'a, T: PartialEq + 'a>(
    before: &BTreeMap<String, T>,
    after: impl IntoIterator<Item = (&'a String, &'a T)>,
    name: impl Fn(&T) -> String,
) -> (Vec<Item>, Vec<Item>) {
    let (mut new, mut changed) = (Vec::new(), Vec::new());
    for (id, rec) in after {
        let item = || Item {
            id: id.clone(),
            name: name(rec),
        };
        match before.get(id) {
            None => new.push(item()),
            Some(old) if old != rec => changed.push(item()),
            Some(_) => {}
        }
    }
    (new, changed)
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
            before,
            &after.members,
            &after.roles,
            &after.decisions,
            before.profile != after.profile,
        )
    }

    /// What the records in `members`, `roles` and `decisions` bring to
    /// `before`.
    fn of<'a>(
        before: &Team,
        members: impl IntoIterator<Item = (&'a String, &'a Member)>,
        roles: impl IntoIterator<Item = (&'a String, &'a Role)>,
        decisions: impl IntoIterator<Item = (&'a String, &'a Decision)>,
        team_changed: bool,
    ) -> Self {
        let (new_members, changed_members) = diff(&before.members, members, |m| m.name.clone());
        let (new_roles, changed_roles) = diff(&before.roles, roles, |r| r.name.clone());
        let (new_decisions, changed_decisions) =
            diff(&before.decisions, decisions, |d| d.title.clone());
        ImportSummary {
            new_members,
            changed_members,
            new_roles,
            changed_roles,
            new_decisions,
            changed_decisions,
            team_changed,
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == ImportSummary::default()
    }

    /// "3 new decisions, 2 roles changed, 1 new member".
    pub fn sentence(&self) -> String {
        fn count(n: usize, one: &str, many: &str, new: bool) -> Option<String> {
            let noun = if n == 1 { one } else { many };
            match (n, new) {
                (0, _) => None,
                (_, true) => Some(format!("{n} new {noun}")),
                (_, false) => Some(format!("{n} {noun} changed")),
            }
        }
        let parts: Vec<String> = [
            count(self.new_decisions.len(), "decision", "decisions", true),
            count(self.changed_decisions.len(), "decision", "decisions", false),
            count(self.new_roles.len(), "role", "roles", true),
            count(self.changed_roles.len(), "role", "roles", false),
            count(self.new_members.len(), "member", "members", true),
            count(self.changed_members.len(), "member", "members", false),
            self.team_changed
                .then(|| "the team's name or purpose changed".to_string()),
        ]
        .into_iter()
        .flatten()
        .collect();
        if parts.is_empty() {
            "Nothing new: this copy already had everything in it.".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// The records a merge touched, read back: applied to the team as it was,
/// it gives the team as it is, without reading the rest again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TeamPatch {
    pub profile: Option<Profile>,
    /// `None`: the record is gone.
    pub members: BTreeMap<String, Option<Member>>,
    pub roles: BTreeMap<String, Option<Role>>,
    pub decisions: BTreeMap<String, Option<Decision>>,
}

impl TeamPatch {
    /// Reads what `merged` says changed.
    pub fn read(doc: &TeamDocument, merged: &Merged) -> Result<Self, LoadError> {
        Ok(TeamPatch {
            profile: if merged.profile {
                Some(doc.profile()?)
            } else {
                None
            },
            members: merged
                .members
                .iter()
                .map(|id| (id.clone(), doc.member(id)))
                .collect(),
            roles: merged
                .roles
                .iter()
                .map(|id| (id.clone(), doc.role(id)))
                .collect(),
            decisions: merged
                .decisions
                .iter()
                .map(|id| (id.clone(), doc.decision(id)))
                .collect(),
        })
    }

    /// The ids of the records read, by collection.
    pub fn records(&self) -> impl Iterator<Item = (Collection, &String)> {
        self.members
            .keys()
            .map(|k| (Collection::Members, k))
            .chain(self.roles.keys().map(|k| (Collection::Roles, k)))
            .chain(self.decisions.keys().map(|k| (Collection::Decisions, k)))
    }

    pub fn summary(&self, before: &Team) -> ImportSummary {
        ImportSummary::of(
            before,
            present(&self.members),
            present(&self.roles),
            present(&self.decisions),
            self.profile.as_ref().is_some_and(|p| *p != before.profile),
        )
    }

    pub fn apply(self, team: &mut Team) {
        fn put<T>(map: &mut BTreeMap<String, T>, fresh: BTreeMap<String, Option<T>>) {
            for (id, rec) in fresh {
                match rec {
                    Some(r) => drop(map.insert(id, r)),
                    None => drop(map.remove(&id)),
                }
            }
        }
        if let Some(p) = self.profile {
            team.profile = p;
        }
        put(&mut team.members, self.members);
        put(&mut team.roles, self.roles);
        put(&mut team.decisions, self.decisions);
    }
}
