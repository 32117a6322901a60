//! Fair rotation: who is proposed to facilitate the next meeting and who
//! to take notes, as a pure function of the team document and the date,
//! so that teammates offline see the same proposal without talking.
//!
//! Facilitating and taking notes are both turns at leading a meeting. At
//! each held meeting, the members present share its two turns equally
//! (each earns two divided by the number present). A member's shortfall is
//! what they earned since they joined minus the turns they served (the
//! people recorded in the meeting, whoever proposed them). Absences earn
//! nothing and serve nothing; a "not today" decline serves nothing.
//!
//! Among the members expected at the next meeting, leaving out those who
//! have not yet been to one, the two with the largest shortfall are
//! proposed; ties go to whoever served least recently (never first), then
//! to the member id. Someone who served at the last meeting is passed over
//! while someone expected has served fewer times. Of the two, the one who
//! has facilitated less (against their note-taking) facilitates.

use std::collections::BTreeMap;

use super::{date, enums::MeetingStatus, meeting::Meeting, team::Team};

/// Which turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Turn {
    Facilitator,
    NoteTaker,
}

/// How a member stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    pub member: String,
    /// Shares earned minus turns served.
    pub shortfall: f64,
    /// Turns served, both kinds.
    pub served: u32,
    pub facilitated: u32,
    pub took_notes: u32,
    /// Held meetings attended since joining.
    pub attended: u32,
    /// The dates of the last meeting they served at, and facilitated.
    pub last: Option<String>,
    pub last_facilitated: Option<String>,
}

/// A proposed person and why, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Pick {
    pub member: String,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Proposal {
    pub facilitator: Option<Pick>,
    pub note_taker: Option<Pick>,
}

/// Held meetings before `before`, oldest first (by date, then id).
pub fn history<'a>(team: &'a Team, before: &str) -> Vec<&'a Meeting> {
    let mut held: Vec<&Meeting> = team
        .meetings
        .values()
        .filter(|m| m.status == MeetingStatus::Held && m.date.as_str() < before)
        .collect();
    crate::model::order::sort_by(&mut held, |a, b| (&a.date, &a.id).cmp(&(&b.date, &b.id)));
    held
}

/// Who was at a meeting: members who had joined by then, had not left,
/// and were not marked absent or excused.
fn present<'a>(team: &'a Team, m: &Meeting) -> Vec<&'a str> {
    team.members
        .values()
        .filter(|p| p.joined_on.as_str() <= m.date.as_str())
        .filter(|p| p.left_on.as_deref().is_none_or(|l| l > m.date.as_str()))
        .filter(|p| m.attends(&p.id))
        .map(|p| p.id.as_str())
        .collect()
}

/// Every member's standing over `held`.
pub fn standings(team: &Team, held: &[&Meeting]) -> BTreeMap<String, Standing> {
    let mut out: BTreeMap<String, Standing> = BTreeMap::new();
    for m in held {
        let here = present(team, m);
        if here.is_empty() {
            continue;
        }
        let share = here.len().min(2) as f64 / here.len() as f64;
        for id in &here {
            let s = out.entry((*id).to_string()).or_insert_with(|| Standing {
                member: (*id).to_string(),
                shortfall: 0.0,
                served: 0,
                facilitated: 0,
                took_notes: 0,
                attended: 0,
                last: None,
                last_facilitated: None,
            });
            s.shortfall += share;
            s.attended += 1;
        }
        for (turn, who) in [
            (Turn::Facilitator, m.facilitator.as_deref()),
            (Turn::NoteTaker, m.note_taker.as_deref()),
        ] {
            let Some(s) = who.and_then(|w| out.get_mut(w)) else {
                continue;
            };
            s.shortfall -= 1.0;
            s.served += 1;
            s.last = Some(m.date.clone());
            match turn {
                Turn::Facilitator => {
                    s.facilitated += 1;
                    s.last_facilitated = Some(m.date.clone());
                }
                Turn::NoteTaker => s.took_notes += 1,
            }
        }
    }
    out
}

/// Shortfalls this close are equal (sums of fractions in floating point).
const EPSILON: f64 = 1e-9;

/// The expected members past their first meeting, best placed first.
fn ranked<'a>(standing: &'a BTreeMap<String, Standing>, expected: &[String]) -> Vec<&'a Standing> {
    let mut c: Vec<&Standing> = expected
        .iter()
        .filter_map(|id| standing.get(id))
        .filter(|s| s.attended > 0)
        .collect();
    crate::model::order::sort_by(&mut c, |a, b| {
        if (a.shortfall - b.shortfall).abs() > EPSILON {
            return b.shortfall.total_cmp(&a.shortfall);
        }
        a.last.cmp(&b.last).then_with(|| a.member.cmp(&b.member))
    });
    c.dedup_by(|a, b| a.member == b.member);
    c
}

/// The best placed of `c` not yet taken, passing over someone who served
/// at the last meeting while someone has served fewer times.
fn next<'a>(c: &[&'a Standing], taken: &[&str], last: &[&str]) -> Option<&'a Standing> {
    let free: Vec<&Standing> = c
        .iter()
        .copied()
        .filter(|s| !taken.contains(&s.member.as_str()))
        .collect();
    let top = *free.first()?;
    if last.contains(&top.member.as_str()) {
        let fewer = |s: &&&Standing| s.served < top.served;
        let rested = |s: &&&Standing| !last.contains(&s.member.as_str());
        if let Some(s) = free
            .iter()
            .filter(fewer)
            .find(rested)
            .or(free.iter().find(fewer))
        {
            return Some(s);
        }
    }
    Some(top)
}

fn why(team: &Team, s: &Standing, on: &str) -> String {
    let name = team.member_name(&s.member).unwrap_or("Someone");
    let meetings = if s.attended == 1 {
        "meeting"
    } else {
        "meetings"
    };
    let last = match s.last_facilitated.as_deref() {
        None => "has not facilitated yet".to_string(),
        Some(d) => format!("last facilitated {}", ago(d, on)),
    };
    format!(
        "{name}: led {} of {} {meetings} since joining (facilitated {}, took notes {}); {last}",
        s.served, s.attended, s.facilitated, s.took_notes
    )
}

fn ago(then: &str, now: &str) -> String {
    let days = match (date::to_days(then), date::to_days(now)) {
        (Some(a), Some(b)) => b - a,
        _ => return format!("on {then}"),
    };
    match days {
        d if d < 1 => "today".to_string(),
        1 => "yesterday".to_string(),
        d if d < 14 => format!("{d} days ago"),
        d if d < 70 => format!("{} weeks ago", d / 7),
        d => format!("{} months ago", d / 30),
    }
}

/// The proposal for a meeting on `on` among the `expected` members.
pub fn propose(team: &Team, on: &str, expected: &[String]) -> Proposal {
    let held = history(team, on);
    let last: Vec<&str> = held
        .last()
        .map(|m| [m.facilitator.as_deref(), m.note_taker.as_deref()])
        .into_iter()
        .flatten()
        .flatten()
        .collect();
    let standing = standings(team, &held);
    let c = ranked(&standing, expected);
    let first = next(&c, &[], &last);
    let second = first.and_then(|f| next(&c, &[f.member.as_str()], &last));
    // The one who has facilitated less, against their note-taking, leads.
    let (f, n) = match (first, second) {
        (Some(a), Some(b)) => {
            let lean = |s: &Standing| i64::from(s.facilitated) - i64::from(s.took_notes);
            let a_first = (lean(a), &a.last_facilitated, &a.member)
                <= (lean(b), &b.last_facilitated, &b.member);
            if a_first {
                (Some(a), Some(b))
            } else {
                (Some(b), Some(a))
            }
        }
        (a, _) => (a, None),
    };
    let pick = |s: &Standing| Pick {
        member: s.member.clone(),
        why: why(team, s, on),
    };
    Proposal {
        facilitator: f.map(pick),
        note_taker: n.map(pick),
    }
}

/// The members expected at `meeting`: active on its date, not marked
/// absent or excused, and not declining a turn.
pub fn expected(team: &Team, meeting: &Meeting) -> Vec<String> {
    present(team, meeting)
        .into_iter()
        .filter(|id| !meeting.declined.iter().any(|d| d == id))
        .map(str::to_string)
        .collect()
}

/// The proposal for a planned meeting.
pub fn propose_for(team: &Team, meeting: &Meeting) -> Proposal {
    propose(team, &meeting.date, &expected(team, meeting))
}
