//! The advice process and consent: asking people, recording what they said,
//! objections and how they were settled.

use super::*;

impl TeamDocument {
    /// Asks a member for advice on a decision.
    pub fn ask_advice(
        &mut self,
        stamp: &Stamp,
        id: &str,
        member: &str,
        today: &str,
    ) -> Result<(), EditError> {
        self.change(stamp, |e| {
            let m: Member = e.read(Collection::Members, member)?;
            if !m.is_active() {
                return Err(EditError::Invalid(format!("{} has left the team.", m.name)));
            }
            e.update(Collection::Decisions, id, |d: &mut Decision| {
                if d.consultees.contains_key(member) {
                    return Err(EditError::Invalid(format!("{} was already asked.", m.name)));
                }
                d.consultees.insert(
                    member.to_string(),
                    Consultation {
                        member_id: member.to_string(),
                        asked_on: today.to_string(),
                        stance: None,
                        advice: Text::default(),
                        answered_on: None,
                    },
                );
                Ok(())
            })
        })
    }

    /// Takes someone off the list of people to consult.
    pub fn unask_advice(&mut self, stamp: &Stamp, id: &str, member: &str) -> Result<(), EditError> {
        self.change(stamp, |e| {
            e.update(Collection::Decisions, id, |d: &mut Decision| {
                d.consultees
                    .remove(member)
                    .map(drop)
                    .ok_or_else(|| EditError::NotFound {
                        kind: "consultee",
                        id: member.to_string(),
                    })
            })
        })
    }

    /// Records what a consulted member said.
    pub fn record_advice(
        &mut self,
        stamp: &Stamp,
        id: &str,
        member: &str,
        stance: Stance,
        advice: &str,
        today: &str,
    ) -> Result<(), EditError> {
        check_prose("advice", advice)?;
        self.change(stamp, |e| {
            e.update(Collection::Decisions, id, |d: &mut Decision| {
                let c = d
                    .consultees
                    .get_mut(member)
                    .ok_or_else(|| EditError::NotFound {
                        kind: "consultee",
                        id: member.to_string(),
                    })?;
                c.stance = Some(stance);
                c.answered_on = Some(today.to_string());
                Ok(())
            })?;
            e.set_nested_text(
                Collection::Decisions,
                id,
                &["consultees", member],
                "advice",
                advice,
            )
        })
    }

    /// Records an objection to a decision's proposal. Returns its id.
    pub fn raise_objection(
        &mut self,
        stamp: &Stamp,
        id: &str,
        by: &str,
        reason: &str,
        today: &str,
    ) -> Result<String, EditError> {
        if reason.trim().is_empty() {
            return Err(EditError::Invalid("Say what the objection is.".into()));
        }
        check_prose("objection", reason)?;
        let oid = new_id('o');
        self.change(stamp, |e| {
            e.read::<Member>(Collection::Members, by)?;
            e.update(Collection::Decisions, id, |d: &mut Decision| {
                d.objections.insert(
                    oid.clone(),
                    Objection {
                        id: oid.clone(),
                        by: by.to_string(),
                        reason: Text::with_value(reason.trim()),
                        raised_on: today.to_string(),
                        resolution: None,
                        resolution_note: Text::default(),
                        resolved_on: None,
                    },
                );
                Ok(())
            })
        })?;
        Ok(oid)
    }

    /// Settles an objection. Overruling needs a recorded reason.
    pub fn resolve_objection(
        &mut self,
        stamp: &Stamp,
        id: &str,
        objection: &str,
        how: Resolution,
        note: &str,
        today: &str,
    ) -> Result<(), EditError> {
        if how == Resolution::Overruled && note.trim().is_empty() {
            return Err(EditError::Invalid(
                "Overruling an objection needs a recorded reason.".into(),
            ));
        }
        check_prose("note", note)?;
        self.change(stamp, |e| {
            e.update(Collection::Decisions, id, |d: &mut Decision| {
                let o = d
                    .objections
                    .get_mut(objection)
                    .ok_or_else(|| EditError::NotFound {
                        kind: "objection",
                        id: objection.to_string(),
                    })?;
                o.resolution = Some(how);
                o.resolved_on = Some(today.to_string());
                Ok(())
            })?;
            e.set_nested_text(
                Collection::Decisions,
                id,
                &["objections", objection],
                "resolution_note",
                note.trim(),
            )
        })
    }
}
