//! Undo without Automerge's help: before an action that takes something
//! away, the values it will change are read into an [`Undo`]; undoing is a
//! new edit that writes them back, so teammates see it as a normal change
//! and whatever else changed meanwhile (here or merged) stays.

use super::*;

/// An action about to be taken, named by what it touches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UndoPoint {
    /// A member stepping down, or being removed, from a role.
    Filler {
        role: String,
        member: String,
    },
    /// A role retired or brought back.
    RoleStatus {
        role: String,
    },
    /// A member leaving the team, or coming back.
    LeftOn {
        member: String,
    },
    DecisionStatus {
        decision: String,
    },
    DecisionOwner {
        decision: String,
    },
    /// Someone taken off those asked for advice.
    AdviceRequest {
        decision: String,
        member: String,
    },
}

/// The values an action changed, to write back.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    Filler {
        role: String,
        filler: Filler,
    },
    RoleStatus {
        role: String,
        was: RoleStatus,
    },
    LeftOn {
        member: String,
        was: Option<String>,
    },
    DecisionStatus {
        decision: String,
        was: DecisionStatus,
        decided_on: Option<String>,
    },
    DecisionOwner {
        decision: String,
        /// As stored: `role:<id>` or `member:<id>`.
        was: Option<String>,
    },
    AdviceRequest {
        decision: String,
        asked: Consultation,
    },
}

impl DecisionField {
    /// Where to keep an undo before this field is written: a status or
    /// owner change is undone as a whole; typing is undone in the field.
    pub fn undo_point(&self, decision: &str) -> Option<UndoPoint> {
        let decision = decision.to_string();
        match self {
            DecisionField::Status(_) => Some(UndoPoint::DecisionStatus { decision }),
            DecisionField::Owner(_) => Some(UndoPoint::DecisionOwner { decision }),
            _ => None,
        }
    }
}

impl RoleField {
    /// Retiring a role (or bringing it back) can be undone.
    pub fn undo_point(&self, role: &str) -> Option<UndoPoint> {
        matches!(self, RoleField::Status(_)).then(|| UndoPoint::RoleStatus { role: role.into() })
    }
}

impl MemberField {
    /// Leaving the team (or coming back) can be undone.
    pub fn undo_point(&self, member: &str) -> Option<UndoPoint> {
        matches!(self, MemberField::LeftOn(_)).then(|| UndoPoint::LeftOn {
            member: member.into(),
        })
    }
}

impl TeamDocument {
    /// What undoes the action at `point`, read before it is taken.
    pub fn undo_point(&self, point: &UndoPoint) -> Result<Undo, EditError> {
        let missing = |kind: &'static str, id: &str| EditError::NotFound {
            kind,
            id: id.to_string(),
        };
        let role = |id: &str| self.role(id).ok_or_else(|| missing("role", id));
        let decision = |id: &str| self.decision(id).ok_or_else(|| missing("decision", id));
        Ok(match point {
            UndoPoint::Filler { role: r, member } => Undo::Filler {
                role: r.clone(),
                filler: role(r)?
                    .fillers
                    .get(member)
                    .cloned()
                    .ok_or_else(|| missing("filler", member))?,
            },
            UndoPoint::RoleStatus { role: r } => Undo::RoleStatus {
                role: r.clone(),
                was: role(r)?.status,
            },
            UndoPoint::LeftOn { member } => Undo::LeftOn {
                member: member.clone(),
                was: self
                    .member(member)
                    .ok_or_else(|| missing("member", member))?
                    .left_on,
            },
            UndoPoint::DecisionStatus { decision: d } => {
                let now = decision(d)?;
                Undo::DecisionStatus {
                    decision: d.clone(),
                    was: now.status,
                    decided_on: now.decided_on,
                }
            }
            UndoPoint::DecisionOwner { decision: d } => Undo::DecisionOwner {
                decision: d.clone(),
                was: decision(d)?.owner,
            },
            UndoPoint::AdviceRequest {
                decision: d,
                member,
            } => Undo::AdviceRequest {
                decision: d.clone(),
                asked: decision(d)?
                    .consultees
                    .get(member)
                    .cloned()
                    .ok_or_else(|| missing("consultee", member))?,
            },
        })
    }

    /// Writes back what `undo` holds, as a new change. Only the values the
    /// action changed are written: a teammate's edit to anything else,
    /// merged in meanwhile, stays.
    pub fn undo(&mut self, stamp: &Stamp, undo: &Undo) -> Result<(), EditError> {
        const D: Collection = Collection::Decisions;
        self.change(stamp, |e| match undo {
            Undo::Filler { role, filler } => e.update(Collection::Roles, role, |r: &mut Role| {
                let member = &filler.member_id;
                // The term the action closed goes back to being current.
                if let Some(i) = r
                    .history
                    .iter()
                    .rposition(|p| &p.member_id == member && p.from == filler.since)
                {
                    r.history.remove(i);
                }
                r.fillers
                    .entry(member.clone())
                    .or_insert_with(|| filler.clone());
                Ok(())
            }),
            Undo::RoleStatus { role, was } => e.put_field(Collection::Roles, role, "status", was),
            Undo::LeftOn { member, was } => {
                e.put_field(Collection::Members, member, "left_on", was)
            }
            Undo::DecisionStatus {
                decision,
                was,
                decided_on,
            } => {
                e.put_field(D, decision, "decided_on", decided_on)?;
                e.put_field(D, decision, "status", was)
            }
            Undo::DecisionOwner { decision, was } => e.put_field(D, decision, "owner", was),
            Undo::AdviceRequest { decision, asked } => e.update(D, decision, |d: &mut Decision| {
                d.consultees
                    .entry(asked.member_id.clone())
                    .or_insert_with(|| asked.clone());
                Ok(())
            }),
        })
    }
}

impl Undo {
    /// What undoing it does, in words: "Bo leaving Host". Read from the
    /// document record by record (not the whole team).
    pub fn describe(&self, doc: &TeamDocument) -> String {
        let member = |id: &str| doc.member(id).map_or_else(|| "Someone".into(), |m| m.name);
        let role = |id: &str| doc.role(id).map_or_else(|| "a role".into(), |r| r.name);
        let decision = |id: &str| {
            doc.decision(id)
                .map_or_else(|| "a decision".into(), |d| format!("“{}”", d.title))
        };
        match self {
            Undo::Filler { role: r, filler } => {
                format!("{} leaving {}", member(&filler.member_id), role(r))
            }
            Undo::RoleStatus { role: r, was } => match was {
                RoleStatus::Active => format!("retiring {}", role(r)),
                RoleStatus::Retired => format!("bringing back {}", role(r)),
            },
            Undo::LeftOn { member: m, was } => match was {
                None => format!("{} leaving the team", member(m)),
                Some(_) => format!("{} coming back", member(m)),
            },
            Undo::DecisionStatus {
                decision: d, was, ..
            } => format!(
                "the status change of {} (it was {})",
                decision(d),
                was.label().to_lowercase()
            ),
            Undo::DecisionOwner { decision: d, .. } => {
                format!("the owner change of {}", decision(d))
            }
            Undo::AdviceRequest { decision: d, asked } => format!(
                "taking {} off those asked on {}",
                member(&asked.member_id),
                decision(d)
            ),
        }
    }
}
