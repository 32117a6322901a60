//! Edits to tensions, meetings and recognitions: raising and processing
//! tensions, planning and holding meetings in turn, recognising others.

use super::*;
use crate::model::{
    agenda,
    document::Editor,
    enums::{Attendance, ItemKind, ItemOutcome, LinkKind, MeetingKind, MeetingStatus},
    enums::{TensionKind, TensionStatus},
    meeting::{AgendaItem, Meeting},
    recognition::Recognition,
    rotation,
    tension::{Link, Tension},
};

/// Who facilitates or takes notes at a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MeetingRole {
    Facilitator(Option<String>),
    NoteTaker(Option<String>),
}

/// One item of a meeting's agenda, or why there is none.
fn agenda_item<'m>(meeting: &'m Meeting, item: &str) -> Result<&'m AgendaItem, EditError> {
    meeting.agenda.get(item).ok_or_else(|| EditError::NotFound {
        kind: "agenda item",
        id: item.to_string(),
    })
}

/// Puts one item at the end of the agenda, once: what it is about must be
/// in the team, and not on this agenda already.
fn put_item(
    e: &mut Editor,
    id: &str,
    item_id: &str,
    kind: ItemKind,
    about: Option<&str>,
    text: &str,
) -> Result<(), EditError> {
    let about = about.filter(|a| !a.is_empty());
    match (kind, about) {
        (ItemKind::Free, _) if text.trim().is_empty() => {
            return Err(EditError::Invalid(
                "Say what the agenda item is about.".into(),
            ))
        }
        (ItemKind::Free, _) => {}
        (_, None) => {
            return Err(EditError::Invalid(
                "Choose what the agenda item is about.".into(),
            ))
        }
        (ItemKind::Tension, Some(a)) => {
            let t: Tension = e.read(Collection::Tensions, a)?;
            if t.status == TensionStatus::Open {
                e.put_field(
                    Collection::Tensions,
                    &t.id,
                    "status",
                    &TensionStatus::OnAgenda,
                )?;
            }
        }
        (ItemKind::Review | ItemKind::Waiting, Some(a)) => {
            e.read::<crate::model::Decision>(Collection::Decisions, a)?;
        }
        (ItemKind::Term, Some(a)) => {
            let (role, member) = agenda::term_parts(a).ok_or_else(|| {
                EditError::Invalid("A role term names a role and a member.".into())
            })?;
            e.read::<crate::model::Role>(Collection::Roles, role)?;
            e.read::<Member>(Collection::Members, member)?;
        }
    }
    let meeting: Meeting = e.read(Collection::Meetings, id)?;
    if about.is_some()
        && meeting
            .agenda
            .values()
            .any(|i| i.kind == kind && i.about.as_deref() == about)
    {
        return Err(EditError::Invalid("That is on the agenda already.".into()));
    }
    let position = meeting
        .agenda
        .values()
        .map(|i| i.position)
        .max()
        .unwrap_or(0)
        + 1;
    let item = AgendaItem {
        id: item_id.to_string(),
        position,
        kind,
        about: about.map(str::to_string),
        text: autosurgeon::Text::with_value(text.trim()),
        notes: autosurgeon::Text::default(),
        outcome: None,
        produced: Vec::new(),
    };
    e.put_nested(Collection::Meetings, id, &["agenda"], item_id, &item)
}

/// Adds `link` to `links` unless it is there.
fn add_link(links: &mut Vec<Link>, link: &Link) {
    if !links.contains(link) {
        links.push(link.clone());
    }
}

fn not_empty(what: &str, text: &str) -> Result<(), EditError> {
    if text.trim().is_empty() {
        return Err(EditError::Invalid(format!("The {what} cannot be empty.")));
    }
    check_prose(what, text)
}

impl TeamDocument {
    /// Raises a tension, as the member this browser is.
    pub fn raise_tension(
        &mut self,
        stamp: &Stamp,
        text: &str,
        kind: TensionKind,
        today: &str,
    ) -> Result<String, EditError> {
        not_empty("tension", text)?;
        check_date("date", Some(today))?;
        let id = new_id('n');
        let t = Tension::new(
            id.clone(),
            stamp.author.clone(),
            today,
            text.trim(),
            kind,
            stamp.at_ms,
        );
        self.change(stamp, |e| e.insert(Collection::Tensions, &id, &t))?;
        Ok(id)
    }

    /// Moves a tension on (see [`rights::tension_moves`]); dropping one
    /// needs a reason.
    pub fn set_tension_status(
        &mut self,
        stamp: &Stamp,
        id: &str,
        to: TensionStatus,
        reason: &str,
    ) -> Result<(), EditError> {
        if to == TensionStatus::Dropped {
            not_empty("reason for dropping it", reason)?;
        }
        self.change(stamp, |e| {
            let t: Tension = e.read(Collection::Tensions, id)?;
            if !rights::tension_moves(t.status).contains(&to) {
                return Err(EditError::Invalid(format!(
                    "A tension that is {} cannot become {}.",
                    t.status.label().to_lowercase(),
                    to.label().to_lowercase()
                )));
            }
            e.put_field(Collection::Tensions, id, "status", &to)?;
            if to == TensionStatus::Dropped {
                e.set_text(Collection::Tensions, id, "drop_reason", reason.trim())?;
            }
            Ok(())
        })
    }

    /// Plans a meeting on `date`, with the fair rotation's proposal for
    /// facilitator and note-taker filled in (anyone may change them).
    pub fn plan_meeting(
        &mut self,
        stamp: &Stamp,
        date: &str,
        kind: MeetingKind,
    ) -> Result<String, EditError> {
        check_date("meeting date", Some(date))?;
        let id = new_id('e');
        let mut meeting = Meeting::new(id.clone(), date, kind, stamp.at_ms);
        self.change(stamp, |e| {
            let team = e.team_context_with_meetings()?;
            let proposal = rotation::propose_for(&team, &meeting);
            meeting.facilitator = proposal.facilitator.map(|p| p.member);
            meeting.note_taker = proposal.note_taker.map(|p| p.member);
            e.insert(Collection::Meetings, &id, &meeting)
        })?;
        Ok(id)
    }

    /// Sets who facilitates or takes notes: a member of the team, and
    /// never the same person for both.
    pub fn set_meeting_role(
        &mut self,
        stamp: &Stamp,
        id: &str,
        role: MeetingRole,
    ) -> Result<(), EditError> {
        self.change(stamp, |e| {
            let who = match &role {
                MeetingRole::Facilitator(w) | MeetingRole::NoteTaker(w) => w.clone(),
            };
            if let Some(w) = &who {
                e.read::<Member>(Collection::Members, w)?;
            }
            e.update(Collection::Meetings, id, |m: &mut Meeting| {
                match role {
                    MeetingRole::Facilitator(w) => m.facilitator = w,
                    MeetingRole::NoteTaker(w) => m.note_taker = w,
                }
                if m.facilitator.is_some() && m.facilitator == m.note_taker {
                    return Err(EditError::Invalid(
                        "The facilitator and the note-taker are two different people.".into(),
                    ));
                }
                Ok(())
            })
        })
    }

    /// Records whether a member came.
    pub fn set_attendance(
        &mut self,
        stamp: &Stamp,
        id: &str,
        member: &str,
        attendance: Attendance,
    ) -> Result<(), EditError> {
        self.change(stamp, |e| {
            e.read::<Member>(Collection::Members, member)?;
            e.update(Collection::Meetings, id, |m: &mut Meeting| {
                m.attendance.insert(member.to_string(), attendance);
                if attendance != Attendance::Present {
                    if m.facilitator.as_deref() == Some(member) {
                        m.facilitator = None;
                    }
                    if m.note_taker.as_deref() == Some(member) {
                        m.note_taker = None;
                    }
                }
                Ok(())
            })
        })
    }

    /// "Not today": the member passes their turn at this meeting, which is
    /// not counted as served, and the next in turn is proposed instead.
    pub fn decline_turn(&mut self, stamp: &Stamp, id: &str, member: &str) -> Result<(), EditError> {
        self.change(stamp, |e| {
            let team = e.team_context_with_meetings()?;
            e.update(Collection::Meetings, id, |m: &mut Meeting| {
                if !m.declined.iter().any(|d| d == member) {
                    m.declined.push(member.to_string());
                }
                let proposal = rotation::propose_for(&team, m);
                // The next in turn, never whoever holds the other role.
                let picks: Vec<String> = [proposal.facilitator, proposal.note_taker]
                    .into_iter()
                    .flatten()
                    .map(|p| p.member)
                    .collect();
                let next = |other: &Option<String>| {
                    picks
                        .iter()
                        .find(|p| other.as_deref() != Some(p.as_str()))
                        .cloned()
                };
                if m.facilitator.as_deref() == Some(member) {
                    m.facilitator = next(&m.note_taker);
                }
                if m.note_taker.as_deref() == Some(member) {
                    m.note_taker = next(&m.facilitator);
                }
                Ok(())
            })
        })
    }

    /// Adds an item at the end of a meeting's agenda; a tension put on it
    /// is then "on an agenda".
    pub fn add_agenda_item(
        &mut self,
        stamp: &Stamp,
        id: &str,
        kind: ItemKind,
        about: Option<&str>,
        text: &str,
    ) -> Result<String, EditError> {
        check_prose("agenda item", text)?;
        let item_id = new_id('i');
        self.change(stamp, |e| put_item(e, id, &item_id, kind, about, text))?;
        Ok(item_id)
    }

    /// Adds several items at once (the suggestions a person took), in one
    /// change: all of them or, if one cannot be added, none.
    pub fn add_agenda_items(
        &mut self,
        stamp: &Stamp,
        id: &str,
        items: &[(ItemKind, String)],
    ) -> Result<usize, EditError> {
        self.change(stamp, |e| {
            for (kind, about) in items {
                put_item(e, id, &new_id('i'), *kind, Some(about), "")?;
            }
            Ok(items.len())
        })
    }

    /// The notes taken on one agenda item, character by character.
    pub fn set_item_notes(
        &mut self,
        stamp: &Stamp,
        id: &str,
        item: &str,
        notes: &str,
    ) -> Result<(), EditError> {
        check_prose("notes", notes)?;
        self.change(stamp, |e| {
            e.set_nested_text(Collection::Meetings, id, &["agenda", item], "notes", notes)
        })
    }

    /// Marks an item processed or deferred. A tension processed in a
    /// meeting is processed, and says so; a deferred one goes back to open.
    pub fn set_item_outcome(
        &mut self,
        stamp: &Stamp,
        id: &str,
        item: &str,
        outcome: ItemOutcome,
    ) -> Result<(), EditError> {
        self.change(stamp, |e| {
            let meeting: Meeting = e.read(Collection::Meetings, id)?;
            let it = agenda_item(&meeting, item)?;
            if let (ItemKind::Tension, Some(t)) = (it.kind, it.about.as_deref()) {
                let tension: Tension = e.read(Collection::Tensions, t)?;
                let status = match outcome {
                    ItemOutcome::Processed => TensionStatus::Processed,
                    ItemOutcome::Deferred => TensionStatus::Open,
                };
                if tension.status != TensionStatus::Dropped {
                    e.put_field(Collection::Tensions, t, "status", &status)?;
                }
                if outcome == ItemOutcome::Processed {
                    e.update(Collection::Tensions, t, |x: &mut Tension| {
                        let link = Link {
                            kind: LinkKind::Meeting,
                            id: id.to_string(),
                        };
                        add_link(&mut x.produced, &link);
                        Ok(())
                    })?;
                }
            }
            e.update(Collection::Meetings, id, |m: &mut Meeting| {
                if let Some(i) = m.agenda.get_mut(item) {
                    i.outcome = Some(outcome);
                }
                Ok(())
            })
        })
    }

    /// Records that an agenda item produced a record (a decision made from
    /// it, a role changed); the tension it was about says so too.
    pub fn link_item(
        &mut self,
        stamp: &Stamp,
        id: &str,
        item: &str,
        link: Link,
    ) -> Result<(), EditError> {
        self.change(stamp, |e| {
            let meeting: Meeting = e.read(Collection::Meetings, id)?;
            let it = agenda_item(&meeting, item)?;
            let about = (it.kind == ItemKind::Tension)
                .then(|| it.about.clone())
                .flatten();
            e.update(Collection::Meetings, id, |m: &mut Meeting| {
                if let Some(i) = m.agenda.get_mut(item) {
                    add_link(&mut i.produced, &link);
                }
                Ok(())
            })?;
            if let Some(t) = about {
                e.update(Collection::Tensions, &t, |x: &mut Tension| {
                    add_link(&mut x.produced, &link);
                    Ok(())
                })?;
            }
            Ok(())
        })
    }

    /// The meeting took place: its facilitator and note-taker are the
    /// turns served.
    pub fn hold_meeting(&mut self, stamp: &Stamp, id: &str) -> Result<(), EditError> {
        self.change(stamp, |e| {
            e.put_field(Collection::Meetings, id, "status", &MeetingStatus::Held)
        })
    }

    /// `from` recognises `to` for a contribution. Nobody recognises
    /// themselves.
    pub fn recognise(
        &mut self,
        stamp: &Stamp,
        from: &str,
        to: &[String],
        for_what: Option<Link>,
        words: &str,
        today: &str,
    ) -> Result<String, EditError> {
        not_empty("words of recognition", words)?;
        check_date("date", Some(today))?;
        let mut to: Vec<String> = to.to_vec();
        crate::model::order::sort(&mut to);
        to.dedup();
        if to.is_empty() {
            return Err(EditError::Invalid("Say whom you recognise.".into()));
        }
        if to.iter().any(|t| t == from) {
            return Err(EditError::Invalid("Nobody recognises themselves.".into()));
        }
        let id = new_id('k');
        let r = Recognition {
            id: id.clone(),
            from: from.to_string(),
            to: to.clone(),
            for_what,
            words: autosurgeon::Text::with_value(words.trim()),
            date: today.to_string(),
            created_at: stamp.at_ms,
        };
        self.change(stamp, |e| {
            e.read::<Member>(Collection::Members, from)?;
            for t in &to {
                e.read::<Member>(Collection::Members, t)?;
            }
            e.insert(Collection::Recognitions, &id, &r)
        })?;
        Ok(id)
    }
}
