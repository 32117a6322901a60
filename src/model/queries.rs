//! Questions the screens ask of a team: what stands out, and in what order.

use std::collections::BTreeMap;

use super::{
    date,
    decision::{Decision, Owner},
    member::Member,
    option::ConsideredOption,
    role::Role,
    team::Team,
};

/// Holding this many active roles or more makes a person stand out.
pub const MANY_ROLES: usize = 3;

/// Terms ending within this many days stand out.
pub const TERM_WARNING_DAYS: i64 = 30;

pub fn roles_held_by<'a>(team: &'a Team, member_id: &str) -> Vec<&'a Role> {
    let mut v: Vec<&Role> = team
        .roles
        .values()
        .filter(|r| r.is_active() && r.is_filled_by(member_id))
        .collect();
    sort_roles(&mut v);
    v
}

/// Active roles that nobody holds.
pub fn empty_roles(team: &Team) -> Vec<&Role> {
    let mut v: Vec<&Role> = team
        .roles
        .values()
        .filter(|r| r.is_active() && r.fillers.is_empty())
        .collect();
    sort_roles(&mut v);
    v
}

/// Active members holding [`MANY_ROLES`] or more active roles.
pub fn members_with_many_roles(team: &Team) -> Vec<(&Member, usize)> {
    // Counted in one pass over the roles, not a sorted list per member.
    let mut held: BTreeMap<&str, usize> = BTreeMap::new();
    for r in team.roles.values().filter(|r| r.is_active()) {
        for m in r.fillers.keys() {
            *held.entry(m.as_str()).or_default() += 1;
        }
    }
    sorted_members(team)
        .into_iter()
        .filter(|m| m.is_active())
        .filter_map(|m| Some((m, *held.get(m.id.as_str())?)))
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
    crate::model::order::sort_by(&mut out, |a, b| {
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
    crate::model::order::sort_by(&mut out, |a, b| {
        a.review_by.cmp(&b.review_by).then(a.id.cmp(&b.id))
    });
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

/// The people an owner stands for: the member, or who holds the role.
pub fn owner_people(team: &Team, owner: &Owner) -> Vec<String> {
    match owner {
        Owner::Member(id) => vec![id.clone()],
        Owner::Role(id) => team
            .roles
            .get(id)
            .map(|r| r.fillers.keys().cloned().collect())
            .unwrap_or_default(),
    }
}

/// Active members first, then by name.
pub fn sorted_members(team: &Team) -> Vec<&Member> {
    let mut v: Vec<&Member> = team.members.values().collect();
    // Active first, then by name in any case, then by id.
    crate::model::order::sort_by_cached_key(&mut v, |m| {
        let m: &Member = m;
        (!m.is_active(), m.name.to_lowercase(), m.id.as_str())
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
    sort_roles(&mut v);
    v
}

/// Active first, then by name in any case, then by id. The few roles a
/// question picks are sorted after picking them, not all roles before.
fn sort_roles(v: &mut [&Role]) {
    crate::model::order::sort_by_cached_key(v, |r| {
        let r: &Role = r;
        (!r.is_active(), r.name.to_lowercase(), r.id.as_str())
    });
}

/// Newest first.
pub fn sorted_decisions(team: &Team) -> Vec<&Decision> {
    let mut v: Vec<&Decision> = team.decisions.values().collect();
    crate::model::order::sort_by(&mut v, |a, b| {
        b.created_at
            .cmp(&a.created_at)
            .then_with(|| a.id.cmp(&b.id))
    });
    v
}

/// A fingerprint of what [`sorted_decisions`] orders and the choices of
/// other decisions show (id, title, when made), leaving out `except`:
/// while one decision is typed into, the list of the others it offers
/// (thousands on a large team) need not be built again.
pub fn other_decisions_key(team: &Team, except: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    for d in team.decisions.values().filter(|d| d.id != except) {
        (&d.id, &d.title, d.created_at).hash(&mut h);
    }
    h.finish()
}

/// A fingerprint of what [`owner_choices`] reads (each role's and
/// member's id, name and whether active): typing into a decision leaves
/// it the same.
pub fn owner_choices_key(team: &Team) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    for r in team.roles.values() {
        (&r.id, &r.name, r.is_active()).hash(&mut h);
    }
    member_choices_key(team).hash(&mut h);
    h.finish()
}

/// A fingerprint of what [`active_member_choices`] reads (each member's
/// id, name and whether active): typing into a record leaves it the same.
pub fn member_choices_key(team: &Team) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    for m in team.members.values() {
        (&m.id, &m.name, m.is_active()).hash(&mut h);
    }
    h.finish()
}

/// Whether a term ending on `term_end` stands out on `today`: it ends within
/// [`TERM_WARNING_DAYS`] or has ended.
pub fn term_ending(term_end: Option<&str>, today: &str) -> bool {
    term_end
        .and_then(date::to_days)
        .zip(date::to_days(today))
        .is_some_and(|(end, now)| end - now <= TERM_WARNING_DAYS)
}

/// "Held by Ana (term ends 2026-12-05), Bo", or that no one holds it.
pub fn holders_text(team: &Team, role: &Role) -> String {
    if role.fillers.is_empty() {
        return "No one holds this role".to_string();
    }
    let names: Vec<String> = role
        .fillers
        .values()
        .map(|f| {
            let name = team.member_name(&f.member_id).unwrap_or("Someone who left");
            match &f.term_end {
                Some(end) => format!("{name} (term ends {end})"),
                None => name.to_string(),
            }
        })
        .collect();
    format!("Held by {}", names.join(", "))
}

/// Who may own a decision, as (encoded owner, label): roles, then people.
/// `active_only` leaves out retired roles and people who left (for
/// choosing); filters keep them, as old decisions name them.
pub fn owner_choices(team: &Team, active_only: bool) -> Vec<(String, String)> {
    let roles = sorted_roles(team)
        .into_iter()
        .filter(|r| !active_only || r.is_active())
        .map(|r| {
            (
                Owner::Role(r.id.clone()).encode(),
                format!("Role: {}", r.name),
            )
        });
    let people = sorted_members(team)
        .into_iter()
        .filter(|m| !active_only || m.is_active())
        .map(|m| {
            (
                Owner::Member(m.id.clone()).encode(),
                format!("Person: {}", m.name),
            )
        });
    roles.chain(people).collect()
}

/// A member who could take a role, with the expertise of theirs it wants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate<'a> {
    pub member: &'a Member,
    pub matching: Vec<&'a str>,
}

/// Active members who do not hold `role`, those whose expertise the role
/// wants first (most matches first, then by name). Expertise matches by
/// the same rule as the people suggested for a decision's advice.
pub fn candidates<'a>(team: &'a Team, role: &Role) -> Vec<Candidate<'a>> {
    let wanted: std::collections::BTreeSet<String> = role
        .expertise
        .iter()
        .flat_map(|e| super::rights::words(e))
        .collect();
    let mut out: Vec<Candidate<'a>> = sorted_members(team)
        .into_iter()
        .filter(|m| m.is_active() && !role.is_filled_by(&m.id))
        .map(|m| Candidate {
            member: m,
            matching: if wanted.is_empty() {
                Vec::new()
            } else {
                super::rights::matching(&m.expertise, &wanted)
            },
        })
        .collect();
    // Stable: ties keep the order by name.
    crate::model::order::sort_by_key(&mut out, |c| std::cmp::Reverse(c.matching.len()));
    out
}

/// How a link to another record is named ("Decision: Weekly releases",
/// "Advice from Bo on Weekly releases").
pub fn link_label(team: &Team, link: &super::tension::Link) -> String {
    use super::enums::LinkKind;
    let decision = |id: &str| {
        team.decisions
            .get(id)
            .map_or("a decision no longer in this team", |d| d.title.as_str())
            .to_string()
    };
    let member = |id: &str| team.member_name(id).unwrap_or("someone").to_string();
    let role = |id: &str| {
        team.roles
            .get(id)
            .map_or("a role no longer in this team", |r| r.name.as_str())
            .to_string()
    };
    let (first, second) = link.id.split_once('/').unwrap_or((&link.id, ""));
    match link.kind {
        LinkKind::Decision => format!("Decision: {}", decision(&link.id)),
        LinkKind::Role => format!("Role: {}", role(&link.id)),
        LinkKind::Meeting => match team.meetings.get(&link.id) {
            Some(m) => m.title(),
            None => "A meeting no longer in this team".to_string(),
        },
        LinkKind::Tension => match team.tensions.get(&link.id) {
            Some(t) => format!("Tension: {}", t.title()),
            None => "A tension no longer in this team".to_string(),
        },
        LinkKind::Advice => format!("Advice from {} on {}", member(second), decision(first)),
        LinkKind::RoleTerm => format!("{} as {}", member(second), role(first)),
    }
}

/// The options a decision considered, in their order.
pub fn options_of<'a>(team: &'a Team, decision: &str) -> Vec<&'a ConsideredOption> {
    let mut v: Vec<&ConsideredOption> = team
        .options
        .values()
        .filter(|o| o.decision_id == decision)
        .collect();
    crate::model::order::sort_by(&mut v, |a, b| {
        a.position.cmp(&b.position).then_with(|| a.id.cmp(&b.id))
    });
    v
}
