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

fn diff<T: PartialEq>(
    before: &BTreeMap<String, T>,
    after: &BTreeMap<String, T>,
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

impl ImportSummary {
    pub fn between(before: &Team, after: &Team) -> Self {
        let (new_members, changed_members) =
            diff(&before.members, &after.members, |m| m.name.clone());
        let (new_roles, changed_roles) = diff(&before.roles, &after.roles, |r| r.name.clone());
        let (new_decisions, changed_decisions) =
            diff(&before.decisions, &after.decisions, |d| d.title.clone());
        ImportSummary {
            new_members,
            changed_members,
            new_roles,
            changed_roles,
            new_decisions,
            changed_decisions,
            team_changed: before.profile != after.profile,
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

fn patch_diff<T: PartialEq + Clone>(
    before: &BTreeMap<String, T>,
    after: &BTreeMap<String, Option<T>>,
    name: impl Fn(&T) -> String,
) -> (Vec<Item>, Vec<Item>) {
    let now: BTreeMap<String, T> = after
        .iter()
        .filter_map(|(k, v)| v.clone().map(|v| (k.clone(), v)))
        .collect();
    let was: BTreeMap<String, T> = after
        .keys()
        .filter_map(|k| before.get(k).map(|v| (k.clone(), v.clone())))
        .collect();
    diff(&was, &now, name)
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
        let (new_members, changed_members) =
            patch_diff(&before.members, &self.members, |m| m.name.clone());
        let (new_roles, changed_roles) = patch_diff(&before.roles, &self.roles, |r| r.name.clone());
        let (new_decisions, changed_decisions) =
            patch_diff(&before.decisions, &self.decisions, |d| d.title.clone());
        ImportSummary {
            new_members,
            changed_members,
            new_roles,
            changed_roles,
            new_decisions,
            changed_decisions,
            team_changed: self.profile.as_ref().is_some_and(|p| *p != before.profile),
        }
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
