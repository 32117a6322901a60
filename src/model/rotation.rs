//! Fair rotation: who is proposed to facilitate the next meeting and who
//! to take notes, as a pure function of the team document and the date,
//! so that teammates offline see the same proposal without talking.
//!
//! For each turn (facilitating, taking notes), every member present at a
//! held meeting earns an equal share of that meeting's turn: one divided
//! by the number present. A member's shortfall is the shares earned since
//! they joined minus the turns they actually served (the person recorded
//! in the meeting, whoever proposed them). Absences earn nothing and serve
//! nothing; a "not today" decline serves nothing. Among the members
//! expected at the next meeting, excluding those who have not yet been to
//! one, the largest shortfall is proposed; ties go to whoever served least
//! recently (never first), then to the member id. Whoever served the last
//! meeting is passed over while someone expected has served fewer times.
//! The facilitator and the note-taker are different people.

use std::collections::BTreeMap;

use super::{date, enums::MeetingStatus, meeting::Meeting, team::Team};

/// Which turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Turn {
    Facilitator,
    NoteTaker,
}

impl Turn {
    fn of(self, m: &Meeting) -> Option<&str> {
        match self {
            Turn::Facilitator => m.facilitator.as_deref(),
            Turn::NoteTaker => m.note_taker.as_deref(),
        }
    }

    /// (served at N meetings, last served …, never served).
    fn words(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Turn::Facilitator => ("facilitated", "facilitated", "has not facilitated yet"),
            Turn::NoteTaker => ("took notes at", "took notes", "has not taken notes yet"),
        }
    }
}

/// How a member stands for one turn.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    pub member: String,
    /// Shares earned minus turns served.
    pub shortfall: f64,
    pub served: u32,
    /// Held meetings attended since joining.
    pub attended: u32,
    /// The date of the last meeting they served, if any.
    pub last: Option<String>,
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
    held.sort_by(|a, b| (&a.date, &a.id).cmp(&(&b.date, &b.id)));
    held
}

/// Who was at a held meeting: members who had joined by then, had not
/// left, and were not marked absent or excused.
fn present<'a>(team: &'a Team, m: &Meeting) -> Vec<&'a str> {
    team.members
        .values()
        .filter(|p| p.joined_on.as_str() <= m.date.as_str())
        .filter(|p| p.left_on.as_deref().is_none_or(|l| l > m.date.as_str()))
        .filter(|p| m.attends(&p.id))
        .map(|p| p.id.as_str())
        .collect()
}

/// Every member's standing for `turn` over `held`.
pub fn standings(team: &Team, held: &[&Meeting], turn: Turn) -> BTreeMap<String, Standing> {
    let mut out: BTreeMap<String, Standing> = BTreeMap::new();
    for m in held {
        let here = present(team, m);
        if here.is_empty() {
            continue;
        }
        let share = 1.0 / here.len() as f64;
        for id in &here {
            let s = out.entry((*id).to_string()).or_insert_with(|| Standing {
                member: (*id).to_string(),
                shortfall: 0.0,
                served: 0,
                attended: 0,
                last: None,
            });
            s.shortfall += share;
            s.attended += 1;
        }
        if let Some(who) = turn.of(m) {
            if let Some(s) = out.get_mut(who) {
                s.shortfall -= 1.0;
                s.served += 1;
                s.last = Some(m.date.clone());
            }
        }
    }
    out
}

/// Shortfalls this close are equal (sums of fractions in floating point).
const EPSILON: f64 = 1e-9;

fn ranked<'a>(standing: &'a BTreeMap<String, Standing>, expected: &[String]) -> Vec<&'a Standing> {
    let mut c: Vec<&Standing> = expected
        .iter()
        .filter_map(|id| standing.get(id))
        .filter(|s| s.attended > 0)
        .collect();
    c.sort_by(|a, b| {
        if (a.shortfall - b.shortfall).abs() > EPSILON {
            return b.shortfall.total_cmp(&a.shortfall);
        }
        a.last.cmp(&b.last).then_with(|| a.member.cmp(&b.member))
    });
    c
}

fn choose<'a>(
    standing: &'a BTreeMap<String, Standing>,
    expected: &[String],
    previous: Option<&str>,
    excluded: Option<&str>,
) -> Option<&'a Standing> {
    let c: Vec<&Standing> = ranked(standing, expected)
        .into_iter()
        .filter(|s| Some(s.member.as_str()) != excluded)
        .collect();
    let top = *c.first()?;
    if Some(top.member.as_str()) == previous {
        if let Some(fewer) = c.iter().find(|s| s.served < top.served) {
            return Some(fewer);
        }
    }
    Some(top)
}

fn why(team: &Team, s: &Standing, turn: Turn, on: &str) -> String {
    let name = team.member_name(&s.member).unwrap_or("Someone");
    let meetings = if s.attended == 1 {
        "meeting"
    } else {
        "meetings"
    };
    let (served, last_verb, never) = turn.words();
    let last = match s.last.as_deref() {
        None => never.to_string(),
        Some(d) => format!("last {last_verb} {}", ago(d, on)),
    };
    format!(
        "{name}: {served} {} of {} {meetings} since joining; {last}",
        s.served, s.attended
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

/// Whether `pick` served the last meeting's same turn while someone
/// expected (and past their first meeting) has served fewer times.
fn repeats(
    standing: &BTreeMap<String, Standing>,
    expected: &[String],
    previous: Option<&str>,
    pick: Option<&Standing>,
) -> bool {
    let Some(pick) = pick else { return false };
    Some(pick.member.as_str()) == previous
        && ranked(standing, expected)
            .iter()
            .any(|s| s.served < pick.served)
}

/// The proposal for a meeting on `on` among the `expected` members.
pub fn propose(team: &Team, on: &str, expected: &[String]) -> Proposal {
    let held = history(team, on);
    let previous = held.last();
    let prev_f = previous.and_then(|m| m.facilitator.as_deref());
    let prev_n = previous.and_then(|m| m.note_taker.as_deref());
    let fac = standings(team, &held, Turn::Facilitator);
    let notes = standings(team, &held, Turn::NoteTaker);
    // The facilitator first, then the note-taker among the others; when
    // that makes the note-taker serve twice in a row only because the one
    // who has taken notes less is facilitating, the other way round.
    let mut f = choose(&fac, expected, prev_f, None);
    let mut n = choose(&notes, expected, prev_n, f.map(|s| s.member.as_str()));
    if repeats(&notes, expected, prev_n, n) {
        let n2 = choose(&notes, expected, prev_n, None);
        let f2 = choose(&fac, expected, prev_f, n2.map(|s| s.member.as_str()));
        if !repeats(&fac, expected, prev_f, f2) && !repeats(&notes, expected, prev_n, n2) {
            (f, n) = (f2, n2);
        }
    }
    Proposal {
        facilitator: f.map(|s| Pick {
            member: s.member.clone(),
            why: why(team, s, Turn::Facilitator, on),
        }),
        note_taker: n.map(|s| Pick {
            member: s.member.clone(),
            why: why(team, s, Turn::NoteTaker, on),
        }),
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
