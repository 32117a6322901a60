//! Questions the screens ask of a team: what stands out, and in what order.

use super::{
    date,
    decision::{Decision, Owner},
    member::Member,
    role::Role,
    team::Team,
};

/// Holding this many active roles or more makes a person stand out.
pub const MANY_ROLES: usize = 3;

/// Terms ending within this many days stand out.
pub const TERM_WARNING_DAYS: i64 = 30;

pub fn roles_held_by<'a>(team: &'a Team, member_id: &str) -> Vec<&'a Role> {
    sorted_roles(team)
        .into_iter()
        .filter(|r| r.is_active() && r.is_filled_by(member_id))
        .collect()
}

/// Active roles that nobody holds.
pub fn empty_roles(team: &Team) -> Vec<&Role> {
    sorted_roles(team)
        .into_iter()
        .filter(|r| r.is_active() && r.fillers.is_empty())
        .collect()
}

/// Active members holding [`MANY_ROLES`] or more active roles.
pub fn members_with_many_roles(team: &Team) -> Vec<(&Member, usize)> {
    sorted_members(team)
        .into_iter()
        .filter(|m| m.is_active())
        .map(|m| (m, roles_held_by(team, &m.id).len()))
        .filter(|(_, n)| *n >= MANY_ROLES)
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndingTerm {
    pub role_id: String,
    pub member_id: String,
    pub term_end: String,
    /// Negative when the term has already ended.
    pub days_left: i64,
}

/// Terms in active roles that end within `within_days` of `today`, or ended
/// already, soonest first.
pub fn terms_ending(team: &Team, today: &str, within_days: i64) -> Vec<EndingTerm> {
    let Some(now) = date::to_days(today) else {
        return Vec::new();
    };
    let mut out: Vec<EndingTerm> = team
        .roles
        .values()
        .filter(|r| r.is_active())
        .flat_map(|r| {
            r.fillers.values().filter_map(move |f| {
                let end = f.term_end.as_deref()?;
                let days_left = date::to_days(end)? - now;
                (days_left <= within_days).then(|| EndingTerm {
                    role_id: r.id.clone(),
                    member_id: f.member_id.clone(),
                    term_end: end.to_string(),
                    days_left,
                })
            })
        })
        .collect();
    out.sort_by(|a, b| {
        a.days_left
            .cmp(&b.days_left)
            .then(a.role_id.cmp(&b.role_id))
    });
    out
}

/// Decisions in force whose review date has come, most overdue first.
pub fn decisions_due_for_review<'a>(team: &'a Team, today: &str) -> Vec<&'a Decision> {
    let mut out: Vec<&Decision> = team
        .decisions
        .values()
        .filter(|d| d.review_due(today))
        .collect();
    out.sort_by(|a, b| a.review_by.cmp(&b.review_by).then(a.id.cmp(&b.id)));
    out
}

/// How an owner is shown to people.
pub fn owner_label(team: &Team, owner: &Owner) -> String {
    match owner {
        Owner::Role(id) => match team.roles.get(id) {
            Some(r) => format!("{} (role)", r.name),
            None => "a role no longer in this team".to_string(),
        },
        Owner::Member(id) => match team.members.get(id) {
            Some(m) => m.name.clone(),
            None => "a person no longer in this team".to_string(),
        },
    }
}

/// Active members first, then by name.
pub fn sorted_members(team: &Team) -> Vec<&Member> {
    let mut v: Vec<&Member> = team.members.values().collect();
    v.sort_by(|a, b| {
        b.is_active()
            .cmp(&a.is_active())
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.id.cmp(&b.id))
    });
    v
}

/// Active members as (id, name), by name.
pub fn active_member_choices(team: &Team) -> Vec<(String, String)> {
    sorted_members(team)
        .into_iter()
        .filter(|m| m.is_active())
        .map(|m| (m.id.clone(), m.name.clone()))
        .collect()
}

/// Active roles first, then by name.
pub fn sorted_roles(team: &Team) -> Vec<&Role> {
    let mut v: Vec<&Role> = team.roles.values().collect();
    v.sort_by(|a, b| {
        b.is_active()
            .cmp(&a.is_active())
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
            .then_with(|| a.id.cmp(&b.id))
    });
    v
}

/// Newest first.
pub fn sorted_decisions(team: &Team) -> Vec<&Decision> {
    let mut v: Vec<&Decision> = team.decisions.values().collect();
    v.sort_by(|a, b| {
        b.created_at
            .cmp(&a.created_at)
            .then_with(|| a.id.cmp(&b.id))
    });
    v
}
