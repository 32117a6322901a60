//! What one member has done for the team's leadership, read from the
//! record: meetings led and minuted, tensions raised, advice given, and
//! recognition received and given.

use super::{enums::MeetingStatus, recognition::Recognition, team::Team};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Contributions<'a> {
    pub facilitated: usize,
    pub took_notes: usize,
    pub tensions_raised: usize,
    /// Decisions on which their advice is recorded.
    pub advice_given: usize,
    /// Newest first.
    pub received: Vec<&'a Recognition>,
    pub given: usize,
}

pub fn of<'a>(team: &'a Team, member: &str) -> Contributions<'a> {
    let me = Some(member);
    let held = team
        .meetings
        .values()
        .filter(|m| m.status == MeetingStatus::Held);
    let (mut facilitated, mut took_notes) = (0, 0);
    for m in held {
        facilitated += usize::from(m.facilitator.as_deref() == me);
        took_notes += usize::from(m.note_taker.as_deref() == me);
    }
    let mut received: Vec<&Recognition> = team
        .recognitions
        .values()
        .filter(|r| r.to.iter().any(|t| t == member))
        .collect();
    received.sort_by(|a, b| (&b.date, b.created_at, &b.id).cmp(&(&a.date, a.created_at, &a.id)));
    Contributions {
        facilitated,
        took_notes,
        tensions_raised: team
            .tensions
            .values()
            .filter(|t| t.raised_by.as_deref() == me)
            .count(),
        advice_given: team
            .decisions
            .values()
            .filter(|d| d.consultees.get(member).is_some_and(|c| c.stance.is_some()))
            .count(),
        received,
        given: team
            .recognitions
            .values()
            .filter(|r| r.from == member)
            .count(),
    }
}
