//! Is leadership spread across the team? Figures per member and for the
//! team — concentration of decision ownership, the advice network, roles
//! left empty or held alone — now and per quarter, all read from the
//! record.

use std::collections::{BTreeMap, BTreeSet};

use super::{
    date,
    decision::{Decision, Owner},
    enums::MeetingStatus,
    queries::{self, EndingTerm},
    role::Role,
    team::Team,
};

/// What one member did and holds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MemberFigures {
    pub id: String,
    pub name: String,
    /// Live decisions they own, themselves or through a role they hold.
    pub decisions_owned: usize,
    /// Decisions marked decided while they owned them.
    pub decisions_decided: usize,
    /// Times they were asked for advice, and answered.
    pub advice_asked: usize,
    pub advice_given: usize,
    pub objections_raised: usize,
    pub facilitated: usize,
    pub minuted: usize,
    pub roles_held: usize,
    /// Accountabilities of the roles they hold, and their share of all
    /// accountabilities of active roles (0 to 1).
    pub accountabilities: usize,
    pub accountability_share: f64,
    pub tensions_raised: usize,
    pub recognition_received: usize,
    pub recognition_given: usize,
}

/// A role and, where it matters, the one person it rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleNote {
    pub role_id: String,
    pub role: String,
    pub member_id: Option<String>,
}

/// A member carrying more than their share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overload {
    pub member_id: String,
    pub roles: usize,
    pub accountabilities: usize,
}

/// The team's figures for a stretch of time (or now).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Spread {
    /// Gini coefficient of decision ownership over active members: 0 when
    /// everyone owns as much, towards 1 when one person owns everything.
    /// `None` with no member or no decision owned.
    pub ownership_gini: Option<f64>,
    /// Share of owned decisions held by the top fifth of members.
    pub top_fifth_share: Option<f64>,
    /// Freeman's degree centralisation over who is asked for advice: 0
    /// when everyone is asked by as many, 1 when all ask one person.
    pub advice_centralisation: Option<f64>,
    /// Ties (who asked whom, once per pair) ÷ n(n−1).
    pub advice_density: Option<f64>,
    /// Members who decided, facilitated or took notes, ÷ active members.
    pub leading_share: Option<f64>,
    pub members: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    /// "2026 Q3".
    pub label: String,
    pub from: String,
    pub to: String,
    pub spread: Spread,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Insights {
    /// Active members, by name.
    pub members: Vec<MemberFigures>,
    pub now: Spread,
    pub empty_roles: Vec<RoleNote>,
    pub overloaded: Vec<Overload>,
    /// Roles with a domain held by one person whom nobody else could cover
    /// by expertise.
    pub single_points: Vec<RoleNote>,
    pub terms_ending: Vec<EndingTerm>,
    /// Oldest first, at most [`PERIODS`].
    pub periods: Vec<Period>,
}

/// Quarters shown in the trends.
pub const PERIODS: usize = 8;

/// Gini coefficient of non-negative amounts.
pub fn gini(xs: &[f64]) -> Option<f64> {
    let total: f64 = xs.iter().sum();
    if xs.is_empty() || total <= 0.0 {
        return None;
    }
    let mut v = xs.to_vec();
    crate::model::order::sort_by(&mut v, f64::total_cmp);
    let n = v.len() as f64;
    let ranked: f64 = v
        .iter()
        .enumerate()
        .map(|(i, x)| (i as f64 + 1.0) * x)
        .sum();
    Some((2.0 * ranked / (n * total) - (n + 1.0) / n).max(0.0))
}

/// The share of the total held by the largest fifth (at least one).
pub fn top_fifth_share(xs: &[f64]) -> Option<f64> {
    let total: f64 = xs.iter().sum();
    if xs.is_empty() || total <= 0.0 {
        return None;
    }
    let mut v = xs.to_vec();
    crate::model::order::sort_by(&mut v, |a, b| b.total_cmp(a));
    let k = xs.len().div_ceil(5);
    Some(v[..k].iter().sum::<f64>() / total)
}

/// Freeman's centralisation of `n` members' in-degrees in a directed
/// graph: Σ(max − dᵢ) ÷ (n−1)².
pub fn degree_centralisation(in_degrees: &[usize]) -> Option<f64> {
    let n = in_degrees.len();
    if n < 2 {
        return None;
    }
    let max = *in_degrees.iter().max()?;
    let sum: usize = in_degrees.iter().map(|d| max - d).sum();
    Some(sum as f64 / ((n - 1) * (n - 1)) as f64)
}

/// Ties ÷ n(n−1).
pub fn density(ties: usize, n: usize) -> Option<f64> {
    (n >= 2).then(|| ties as f64 / (n * (n - 1)) as f64)
}

/// Who held `role` on `day` (from its current holders and its history).
fn holders_on<'a>(role: &'a Role, day: &str) -> Vec<&'a str> {
    let now = role
        .fillers
        .values()
        .filter(|f| f.since.as_str() <= day)
        .map(|f| f.member_id.as_str());
    let past = role
        .history
        .iter()
        .filter(|p| p.from.as_str() <= day && day <= p.to.as_str())
        .map(|p| p.member_id.as_str());
    let mut v: Vec<&str> = now.chain(past).collect();
    crate::model::order::sort(&mut v);
    v.dedup();
    v
}

/// The people a decision's owner stood for on `day` (`None`: today's
/// holders).
fn owners<'a>(team: &'a Team, d: &'a Decision, day: Option<&str>) -> Vec<&'a str> {
    match d.owner() {
        Some(Owner::Member(m)) => team
            .members
            .get_key_value(&m)
            .map(|(k, _)| vec![k.as_str()])
            .unwrap_or_default(),
        Some(Owner::Role(r)) => match team.roles.get(&r) {
            Some(role) => match day {
                Some(day) => holders_on(role, day),
                None => role.fillers.keys().map(String::as_str).collect(),
            },
            None => Vec::new(),
        },
        None => Vec::new(),
    }
}

fn active_between(team: &Team, from: &str, to: &str) -> Vec<String> {
    team.members
        .values()
        .filter(|m| m.joined_on.as_str() <= to && m.left_on.as_deref().is_none_or(|l| l >= from))
        .map(|m| m.id.clone())
        .collect()
}

/// The spread of leadership among `members`, counting what happened from
/// `from` to `to` (inclusive); `None` dates: everything, with ownership as
/// it stands today.
fn spread(team: &Team, members: &[String], window: Option<(&str, &str)>) -> Spread {
    let within = |day: Option<&str>| match (window, day) {
        (None, _) => true,
        (Some((f, t)), Some(d)) => f <= d && d <= t,
        (Some(_), None) => false,
    };
    let index: BTreeMap<&str, usize> = members
        .iter()
        .enumerate()
        .map(|(i, m)| (m.as_str(), i))
        .collect();
    let mut owned = vec![0.0; members.len()];
    let mut leading = BTreeSet::new();
    let mut ties = BTreeSet::new();
    for d in team.decisions.values() {
        // Now: live decisions by today's owners; over time: decisions
        // decided in the period, by who owned them that day.
        let (counts, day) = match window {
            None => (d.is_live(), None),
            Some(_) => (within(d.decided_on.as_deref()), d.decided_on.as_deref()),
        };
        if counts {
            let who: Vec<usize> = owners(team, d, day)
                .into_iter()
                .filter_map(|m| index.get(m).copied())
                .collect();
            for &i in &who {
                owned[i] += 1.0 / who.len() as f64;
            }
        }
        if d.decided_on.is_some() && within(d.decided_on.as_deref()) {
            for m in owners(team, d, d.decided_on.as_deref()) {
                leading.insert(m);
            }
        }
        for c in d.consultees.values() {
            if !within(Some(&c.asked_on)) || !index.contains_key(c.member_id.as_str()) {
                continue;
            }
            let mut askers = owners(team, d, Some(&c.asked_on));
            if askers.is_empty() {
                askers.extend(d.created_by.as_deref());
            }
            for a in askers {
                if a != c.member_id && index.contains_key(a) {
                    ties.insert((a, c.member_id.as_str()));
                }
            }
        }
    }
    for m in team.meetings.values() {
        if m.status == MeetingStatus::Held && within(Some(&m.date)) {
            leading.extend(m.facilitator.as_deref());
            leading.extend(m.note_taker.as_deref());
        }
    }
    let mut in_degree = vec![0; members.len()];
    for (_, to) in &ties {
        in_degree[index[to]] += 1;
    }
    let n = members.len();
    Spread {
        ownership_gini: gini(&owned),
        top_fifth_share: top_fifth_share(&owned),
        advice_centralisation: if ties.is_empty() {
            None
        } else {
            degree_centralisation(&in_degree)
        },
        advice_density: density(ties.len(), n),
        leading_share: (n > 0)
            .then(|| leading.iter().filter(|m| index.contains_key(*m)).count() as f64 / n as f64),
        members: n,
    }
}

/// Accountabilities of all active roles.
fn total_accountabilities(team: &Team) -> usize {
    team.roles
        .values()
        .filter(|r| r.is_active())
        .map(|r| r.accountabilities.len())
        .sum()
}

/// One member's figures (a member page shows them).
pub fn of_member(team: &Team, id: &str) -> MemberFigures {
    member_figures(team, id, total_accountabilities(team))
}

fn member_figures(team: &Team, id: &str, total_acc: usize) -> MemberFigures {
    let mut all = figures_of(team, &[id.to_string()], total_acc);
    all.pop().unwrap_or_default()
}

/// The figures of each of `ids`, in that order, from one pass over the
/// team's records (not one per member: a large team's 50 people would
/// each read its 5,000 decisions and their owners again).
fn figures_of(team: &Team, ids: &[String], total_acc: usize) -> Vec<MemberFigures> {
    let index: BTreeMap<&str, usize> = ids
        .iter()
        .enumerate()
        .map(|(i, m)| (m.as_str(), i))
        .collect();
    let mut all: Vec<MemberFigures> = ids
        .iter()
        .map(|id| {
            let roles = queries::roles_held_by(team, id);
            let accountabilities: usize = roles.iter().map(|r| r.accountabilities.len()).sum();
            MemberFigures {
                id: id.clone(),
                name: team.member_name(id).unwrap_or_default().to_string(),
                roles_held: roles.len(),
                accountabilities,
                accountability_share: if total_acc == 0 {
                    0.0
                } else {
                    accountabilities as f64 / total_acc as f64
                },
                ..MemberFigures::default()
            }
        })
        .collect();
    // Each of `who` once (owners are distinct; a list typed twice is not).
    let mut each = |who: &mut dyn Iterator<Item = &str>, add: fn(&mut MemberFigures)| {
        let mut seen = BTreeSet::new();
        for m in who {
            if let Some(&i) = index.get(m) {
                if seen.insert(i) {
                    add(&mut all[i]);
                }
            }
        }
    };
    for d in team.decisions.values() {
        if d.is_live() {
            each(&mut owners(team, d, None).into_iter(), |f| {
                f.decisions_owned += 1
            });
        }
        if d.decided_on.is_some() {
            let on = d.decided_on.as_deref();
            each(&mut owners(team, d, on).into_iter(), |f| {
                f.decisions_decided += 1
            });
        }
        for (m, c) in &d.consultees {
            each(&mut std::iter::once(m.as_str()), |f| f.advice_asked += 1);
            if c.stance.is_some() {
                each(&mut std::iter::once(m.as_str()), |f| f.advice_given += 1);
            }
        }
        for o in d.objections.values() {
            each(&mut std::iter::once(o.by.as_str()), |f| {
                f.objections_raised += 1
            });
        }
    }
    for m in team.meetings.values() {
        if m.status == MeetingStatus::Held {
            each(&mut m.facilitator.as_deref().into_iter(), |f| {
                f.facilitated += 1
            });
            each(&mut m.note_taker.as_deref().into_iter(), |f| f.minuted += 1);
        }
    }
    for t in team.tensions.values() {
        each(&mut t.raised_by.as_deref().into_iter(), |f| {
            f.tensions_raised += 1
        });
    }
    for r in team.recognitions.values() {
        each(&mut r.to.iter().map(String::as_str), |f| {
            f.recognition_received += 1
        });
        each(&mut std::iter::once(r.from.as_str()), |f| {
            f.recognition_given += 1
        });
    }
    all
}

/// The quarter a date falls in: ("2026 Q3", first day, last day).
fn quarter_of(day: &str) -> Option<(String, String, String)> {
    let (y, m, _) = date::parse(day)?;
    let q = (m - 1) / 3;
    let from = format!("{y:04}-{:02}-01", q * 3 + 1);
    let next = if q == 3 {
        format!("{:04}-01-01", y + 1)
    } else {
        format!("{y:04}-{:02}-01", q * 3 + 4)
    };
    let to = date::add_days(&next, -1)?;
    Some((format!("{y} Q{}", q + 1), from, to))
}

/// The last [`PERIODS`] quarters up to `today`, from when the team began.
fn periods(team: &Team, today: &str) -> Vec<Period> {
    let Some(start) = team.members.values().map(|m| m.joined_on.as_str()).min() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut day = today.to_string();
    while out.len() < PERIODS {
        let Some((label, from, to)) = quarter_of(&day) else {
            break;
        };
        let members = active_between(team, &from, &to);
        out.push(Period {
            spread: spread(team, &members, Some((&from, &to))),
            label,
            from: from.clone(),
            to,
        });
        if from.as_str() <= start {
            break;
        }
        match date::add_days(&from, -1) {
            Some(d) => day = d,
            None => break,
        }
    }
    out.reverse();
    out
}

/// Everything the Insights screen shows, as of `today`.
pub fn insights(team: &Team, today: &str) -> Insights {
    let active: Vec<String> = queries::sorted_members(team)
        .into_iter()
        .filter(|m| m.is_active())
        .map(|m| m.id.clone())
        .collect();
    let total_acc = total_accountabilities(team);
    let members = figures_of(team, &active, total_acc);
    let mean_acc = if members.is_empty() {
        0.0
    } else {
        members.iter().map(|m| m.accountabilities).sum::<usize>() as f64 / members.len() as f64
    };
    let overloaded = members
        .iter()
        .filter(|m| {
            m.roles_held >= queries::MANY_ROLES
                || (mean_acc > 0.0
                    && m.accountabilities as f64 > 2.0 * mean_acc
                    && m.accountabilities >= 4)
        })
        .map(|m| Overload {
            member_id: m.id.clone(),
            roles: m.roles_held,
            accountabilities: m.accountabilities,
        })
        .collect();
    let note = |r: &Role, m: Option<&String>| RoleNote {
        role_id: r.id.clone(),
        role: r.name.clone(),
        member_id: m.cloned(),
    };
    let single_points = queries::sorted_roles(team)
        .into_iter()
        .filter(|r| r.is_active() && !r.domain.is_empty() && r.fillers.len() == 1)
        .filter_map(|r| {
            let holder = r.fillers.keys().next()?;
            let wanted: BTreeSet<String> = r.expertise.iter().map(|e| e.to_lowercase()).collect();
            let covered = team.members.values().any(|m| {
                m.is_active()
                    && &m.id != holder
                    && m.expertise
                        .iter()
                        .any(|e| wanted.contains(&e.to_lowercase()))
            });
            (!covered).then(|| note(r, Some(holder)))
        })
        .collect();
    Insights {
        now: spread(team, &active, None),
        members,
        empty_roles: queries::empty_roles(team)
            .into_iter()
            .map(|r| note(r, None))
            .collect(),
        overloaded,
        single_points,
        terms_ending: queries::terms_ending(team, today, queries::TERM_WARNING_DAYS),
        periods: periods(team, today),
    }
}

/// The per-member reading [`figures_of`] replaced, kept as the plain
/// definition the one-pass figures are checked against.
#[cfg(test)]
mod reference {
    use super::*;

    pub(super) fn member_figures_one_by_one(
        team: &Team,
        id: &str,
        total_acc: usize,
    ) -> MemberFigures {
        let me = Some(id);
        let roles = queries::roles_held_by(team, id);
        let accountabilities: usize = roles.iter().map(|r| r.accountabilities.len()).sum();
        let mut f = MemberFigures {
            id: id.to_string(),
            name: team.member_name(id).unwrap_or_default().to_string(),
            roles_held: roles.len(),
            accountabilities,
            accountability_share: if total_acc == 0 {
                0.0
            } else {
                accountabilities as f64 / total_acc as f64
            },
            ..MemberFigures::default()
        };
        for d in team.decisions.values() {
            if d.is_live() && owners(team, d, None).contains(&id) {
                f.decisions_owned += 1;
            }
            if d.decided_on.is_some() && owners(team, d, d.decided_on.as_deref()).contains(&id) {
                f.decisions_decided += 1;
            }
            if let Some(c) = d.consultees.get(id) {
                f.advice_asked += 1;
                f.advice_given += usize::from(c.stance.is_some());
            }
            f.objections_raised += d.objections.values().filter(|o| o.by == id).count();
        }
        for m in team.meetings.values() {
            if m.status == MeetingStatus::Held {
                f.facilitated += usize::from(m.facilitator.as_deref() == me);
                f.minuted += usize::from(m.note_taker.as_deref() == me);
            }
        }
        f.tensions_raised = team
            .tensions
            .values()
            .filter(|t| t.raised_by.as_deref() == me)
            .count();
        for r in team.recognitions.values() {
            f.recognition_received += usize::from(r.to.iter().any(|t| t == id));
            f.recognition_given += usize::from(r.from == id);
        }
        f
    }
}

#[cfg(test)]
mod one_pass {
    use super::*;

    fn check(team: &Team) {
        let ids: Vec<String> = team
            .members
            .keys()
            .cloned()
            .chain(["m_nobody".to_string()])
            .collect();
        let total = total_accountabilities(team);
        let quick = figures_of(team, &ids, total);
        for (id, q) in ids.iter().zip(&quick) {
            assert_eq!(
                q,
                &reference::member_figures_one_by_one(team, id, total),
                "{id}"
            );
            assert_eq!(q, &of_member(team, id));
        }
    }

    #[test]
    fn the_example_team_counts_as_member_by_member() {
        let (doc, _) =
            crate::model::example::example_team("2026-11-30", 1_764_460_800_000).unwrap();
        let team = doc.team().unwrap();
        let busy = quick_total(&team);
        assert!(busy > 20, "the example has plenty to count: {busy}");
        check(&team);
    }

    #[test]
    fn past_holders_repeated_names_and_second_objections_count_as_before() {
        use crate::model::role::PastFiller;
        let (doc, _) =
            crate::model::example::example_team("2026-11-30", 1_764_460_800_000).unwrap();
        let mut team = doc.team().unwrap();
        let members: Vec<String> = team.members.keys().cloned().collect();
        // Every role was held, until far ahead, by someone other than its
        // holders now: decisions decided in it are that person's.
        for (i, r) in team.roles.values_mut().enumerate() {
            for f in r.fillers.values_mut() {
                f.since = "2999-01-01".into();
            }
            r.history.push(PastFiller {
                member_id: members[i % members.len()].clone(),
                from: "2000-01-01".into(),
                to: "2998-12-31".into(),
            });
        }
        // A recognition naming someone twice, and a second objection by
        // the same person to the same decision.
        let thanks = crate::model::recognition::Recognition {
            id: "k_twice".into(),
            from: members[0].clone(),
            to: vec![members[1].clone(), members[2].clone(), members[1].clone()],
            for_what: None,
            words: autosurgeon::Text::with_value("Thank you"),
            date: "2026-11-01".into(),
            created_at: 0,
        };
        team.recognitions.insert(thanks.id.clone(), thanks);
        let d = team
            .decisions
            .values_mut()
            .find(|d| !d.objections.is_empty())
            .unwrap();
        let mut again = d.objections.values().next().unwrap().clone();
        again.id = "o_again".into();
        d.objections.insert(again.id.clone(), again);
        check(&team);
    }

    #[cfg(feature = "workload")]
    #[test]
    fn a_generated_team_counts_as_member_by_member() {
        let spec = crate::workload::Spec {
            decisions: 300,
            ..crate::workload::SMALL
        };
        for seed in 1..4 {
            let (doc, _) = crate::workload::generate(spec, seed).unwrap();
            check(&doc.team().unwrap());
        }
    }

    /// Everything counted, over all members.
    fn quick_total(team: &Team) -> usize {
        let ids: Vec<String> = team.members.keys().cloned().collect();
        figures_of(team, &ids, 1)
            .iter()
            .map(|f| {
                f.decisions_owned
                    + f.decisions_decided
                    + f.advice_asked
                    + f.advice_given
                    + f.objections_raised
                    + f.facilitated
                    + f.minuted
                    + f.tensions_raised
                    + f.recognition_received
                    + f.recognition_given
            })
            .sum()
    }
}
