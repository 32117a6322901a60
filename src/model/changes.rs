//! What an import brought: new and changed records, by comparing the team
//! before and after the merge.

use std::collections::BTreeMap;

use super::team::Team;

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
