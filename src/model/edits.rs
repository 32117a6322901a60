//! The edits people make, each checked before it touches the document.

use autosurgeon::Text;

use super::{
    date::is_iso_date,
    decision::{Consultation, Decision, Objection, Owner},
    document::{Collection, Stamp, TeamDocument},
    enums::{DecisionStatus, Method, Resolution, RoleStatus, Stance},
    error::EditError,
    ids::new_id,
    member::Member,
    rights,
    role::{Filler, PastFiller, Role},
    team::{Goal, Team},
};

pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_PROSE_CHARS: usize = 20_000;
pub const MAX_LIST_ITEMS: usize = 100;

/// A name or title: trimmed, not empty, not a novel.
pub fn clean_name(what: &str, value: &str) -> Result<String, EditError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(EditError::Invalid(format!("The {what} cannot be empty.")));
    }
    if v.chars().count() > MAX_NAME_CHARS {
        return Err(EditError::Invalid(format!(
            "The {what} is too long (at most {MAX_NAME_CHARS} characters)."
        )));
    }
    Ok(v.to_string())
}

fn check_prose(what: &str, value: &str) -> Result<(), EditError> {
    if value.chars().count() > MAX_PROSE_CHARS {
        return Err(EditError::Invalid(format!(
            "The {what} is too long (at most {MAX_PROSE_CHARS} characters)."
        )));
    }
    Ok(())
}

fn check_date(what: &str, value: Option<&str>) -> Result<(), EditError> {
    match value {
        Some(d) if !is_iso_date(d) => Err(EditError::Invalid(format!(
            "The {what} must be a date like 2026-03-31."
        ))),
        _ => Ok(()),
    }
}

/// Items of a list typed one per line (or tags typed with commas): trimmed,
/// without blanks or repeats, in the order given.
pub fn clean_list(what: &str, items: &[String]) -> Result<Vec<String>, EditError> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let item = item.trim();
        if item.is_empty() || out.iter().any(|o| o.eq_ignore_ascii_case(item)) {
            continue;
        }
        if item.chars().count() > MAX_NAME_CHARS {
            return Err(EditError::Invalid(format!(
                "An entry in {what} is too long (at most {MAX_NAME_CHARS} characters)."
            )));
        }
        out.push(item.to_string());
    }
    if out.len() > MAX_LIST_ITEMS {
        return Err(EditError::Invalid(format!(
            "{what} can hold at most {MAX_LIST_ITEMS} entries."
        )));
    }
    Ok(out)
}

/// Splits text typed as one entry per line.
pub fn split_lines(s: &str) -> Vec<String> {
    s.lines().map(str::to_string).collect()
}

/// Splits tags typed with commas.
pub fn split_tags(s: &str) -> Vec<String> {
    s.split(',').map(str::to_string).collect()
}

/// A plain field of a member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemberField {
    Name(String),
    Expertise(Vec<String>),
    /// `Some(date)` marks the member as having left; `None` brings them back.
    LeftOn(Option<String>),
}

/// A plain field of a role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoleField {
    Name(String),
    Accountabilities(Vec<String>),
    Domain(Vec<String>),
    Expertise(Vec<String>),
    Status(RoleStatus),
}

/// A plain field of a decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecisionField {
    Title(String),
    Owner(Option<Owner>),
    Method(Method),
    /// Changing to `Decided` also fills in "decided on" with today.
    Status(DecisionStatus),
    DecidedOn(Option<String>),
    ReviewBy(Option<String>),
    Tags(Vec<String>),
    /// Ids of team goals the decision serves.
    Goals(Vec<String>),
}

/// The prose fields of a decision, edited character by character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionText {
    Driver,
    Proposal,
    Outcome,
    Rationale,
}

impl DecisionText {
    pub const ALL: [DecisionText; 4] = [
        DecisionText::Driver,
        DecisionText::Proposal,
        DecisionText::Outcome,
        DecisionText::Rationale,
    ];

    pub fn key(self) -> &'static str {
        match self {
            DecisionText::Driver => "driver",
            DecisionText::Proposal => "proposal",
            DecisionText::Outcome => "outcome",
            DecisionText::Rationale => "rationale",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DecisionText::Driver => "Driver (why now)",
            DecisionText::Proposal => "Proposal",
            DecisionText::Outcome => "Outcome",
            DecisionText::Rationale => "Rationale",
        }
    }
}

impl TeamDocument {
    /// A new team with the person creating it as its first member.
    /// Returns the document and that member's id.
    pub fn create(
        name: &str,
        purpose: &str,
        founder: &str,
        today: &str,
        now_ms: i64,
    ) -> Result<(TeamDocument, String), EditError> {
        let name = clean_name("team name", name)?;
        let founder = clean_name("your name", founder)?;
        check_prose("purpose", purpose)?;
        let mut team = Team::new(new_id('t'), &name, purpose, now_ms);
        let member_id = new_id('m');
        team.members.insert(
            member_id.clone(),
            Member::new(member_id.clone(), &founder, today),
        );
        let doc = TeamDocument::from_team(&team, &Stamp::new(Some(&member_id), now_ms))?;
        Ok((doc, member_id))
    }

    pub fn set_team_name(&mut self, stamp: &Stamp, name: &str) -> Result<(), EditError> {
        let name = clean_name("team name", name)?;
        self.change(stamp, |e| e.set_team_name(&name))
    }

    pub fn set_team_purpose(&mut self, stamp: &Stamp, purpose: &str) -> Result<(), EditError> {
        check_prose("purpose", purpose)?;
        self.change(stamp, |e| e.set_team_text("purpose", purpose))
    }

    pub fn add_member(
        &mut self,
        stamp: &Stamp,
        name: &str,
        today: &str,
    ) -> Result<String, EditError> {
        let name = clean_name("member's name", name)?;
        let id = new_id('m');
        let member = Member::new(id.clone(), &name, today);
        self.change(stamp, |e| e.insert(Collection::Members, &id, &member))?;
        Ok(id)
    }

    pub fn set_member(
        &mut self,
        stamp: &Stamp,
        id: &str,
        field: MemberField,
    ) -> Result<(), EditError> {
        let field = match field {
            MemberField::Name(n) => MemberField::Name(clean_name("member's name", &n)?),
            MemberField::Expertise(t) => MemberField::Expertise(clean_list("expertise", &t)?),
            MemberField::LeftOn(d) => {
                check_date("date of leaving", d.as_deref())?;
                MemberField::LeftOn(d)
            }
        };
        self.change(stamp, |e| {
            e.update(Collection::Members, id, |m: &mut Member| {
                match field {
                    MemberField::Name(n) => m.name = n,
                    MemberField::Expertise(t) => m.expertise = t,
                    MemberField::LeftOn(d) => m.left_on = d,
                }
                Ok(())
            })
        })
    }

    pub fn add_role(&mut self, stamp: &Stamp, name: &str) -> Result<String, EditError> {
        let name = clean_name("role name", name)?;
        let id = new_id('r');
        let role = Role::new(id.clone(), &name, stamp.at_ms);
        self.change(stamp, |e| e.insert(Collection::Roles, &id, &role))?;
        Ok(id)
    }

    pub fn set_role(&mut self, stamp: &Stamp, id: &str, field: RoleField) -> Result<(), EditError> {
        let field = match field {
            RoleField::Name(n) => RoleField::Name(clean_name("role name", &n)?),
            RoleField::Accountabilities(l) => {
                RoleField::Accountabilities(clean_list("accountabilities", &l)?)
            }
            RoleField::Domain(l) => RoleField::Domain(clean_list("domain", &l)?),
            RoleField::Expertise(l) => RoleField::Expertise(clean_list("expertise wanted", &l)?),
            f @ RoleField::Status(_) => f,
        };
        self.change(stamp, |e| {
            e.update(Collection::Roles, id, |r: &mut Role| {
                match field {
                    RoleField::Name(n) => r.name = n,
                    RoleField::Accountabilities(l) => r.accountabilities = l,
                    RoleField::Domain(l) => r.domain = l,
                    RoleField::Expertise(l) => r.expertise = l,
                    RoleField::Status(s) => r.status = s,
                }
                Ok(())
            })
        })
    }

    pub fn set_role_purpose(
        &mut self,
        stamp: &Stamp,
        id: &str,
        purpose: &str,
    ) -> Result<(), EditError> {
        check_prose("purpose", purpose)?;
        self.change(stamp, |e| {
            e.set_text(Collection::Roles, id, "purpose", purpose)
        })
    }

    /// Gives a role to a member (again, if they held it before).
    pub fn add_filler(
        &mut self,
        stamp: &Stamp,
        role_id: &str,
        member_id: &str,
        today: &str,
        term_end: Option<String>,
    ) -> Result<(), EditError> {
        check_date("term end", term_end.as_deref())?;
        self.change(stamp, |e| {
            let member: Member = e.read(Collection::Members, member_id)?;
            if !member.is_active() {
                return Err(EditError::Invalid(format!(
                    "{} has left the team and cannot take a role.",
                    member.name
                )));
            }
            e.update(Collection::Roles, role_id, |r: &mut Role| {
                if r.is_filled_by(member_id) {
                    return Err(EditError::Invalid(format!(
                        "{} already holds this role.",
                        member.name
                    )));
                }
                r.fillers.insert(
                    member_id.to_string(),
                    Filler {
                        member_id: member_id.to_string(),
                        since: today.to_string(),
                        term_end,
                    },
                );
                Ok(())
            })
        })
    }

    pub fn set_term_end(
        &mut self,
        stamp: &Stamp,
        role_id: &str,
        member_id: &str,
        term_end: Option<String>,
    ) -> Result<(), EditError> {
        check_date("term end", term_end.as_deref())?;
        self.change(stamp, |e| {
            e.update(Collection::Roles, role_id, |r: &mut Role| {
                let filler = r
                    .fillers
                    .get_mut(member_id)
                    .ok_or_else(|| EditError::NotFound {
                        kind: "filler",
                        id: member_id.to_string(),
                    })?;
                filler.term_end = term_end;
                Ok(())
            })
        })
    }

    /// Ends a member's term in a role, keeping it in the role's history.
    pub fn remove_filler(
        &mut self,
        stamp: &Stamp,
        role_id: &str,
        member_id: &str,
        today: &str,
    ) -> Result<(), EditError> {
        self.change(stamp, |e| {
            e.update(Collection::Roles, role_id, |r: &mut Role| {
                let filler = r
                    .fillers
                    .remove(member_id)
                    .ok_or_else(|| EditError::NotFound {
                        kind: "filler",
                        id: member_id.to_string(),
                    })?;
                r.history.push(PastFiller {
                    member_id: filler.member_id,
                    from: filler.since,
                    to: today.to_string(),
                });
                Ok(())
            })
        })
    }

    pub fn add_decision(&mut self, stamp: &Stamp, title: &str) -> Result<String, EditError> {
        let title = clean_name("decision title", title)?;
        let id = new_id('d');
        let decision = Decision::new(id.clone(), &title, stamp.at_ms, stamp.author.as_deref());
        self.change(stamp, |e| e.insert(Collection::Decisions, &id, &decision))?;
        Ok(id)
    }

    pub fn set_decision(
        &mut self,
        stamp: &Stamp,
        id: &str,
        field: DecisionField,
        today: &str,
    ) -> Result<(), EditError> {
        let field = match field {
            DecisionField::Title(t) => DecisionField::Title(clean_name("decision title", &t)?),
            DecisionField::Tags(t) => DecisionField::Tags(clean_list("tags", &t)?),
            DecisionField::DecidedOn(d) => {
                check_date("decision date", d.as_deref())?;
                DecisionField::DecidedOn(d)
            }
            DecisionField::ReviewBy(d) => {
                check_date("review date", d.as_deref())?;
                DecisionField::ReviewBy(d)
            }
            f => f,
        };
        self.change(stamp, |e| {
            if let DecisionField::Owner(Some(owner)) = &field {
                match owner {
                    Owner::Role(rid) => e.read::<Role>(Collection::Roles, rid).map(drop)?,
                    Owner::Member(mid) => e.read::<Member>(Collection::Members, mid).map(drop)?,
                }
            }
            // Whether the decision had a decision date before this change.
            let mut had_decided_on = false;
            if let DecisionField::Status(to) = field {
                let d: &Decision = &e.read(Collection::Decisions, id)?;
                had_decided_on = d.decided_on.is_some();
                // Only an autonomous decision's rights depend on the roles;
                // reading them all for every status change would not scale.
                let team = if to == DecisionStatus::Decided && d.method == Method::Autonomous {
                    e.team_context()?
                } else {
                    Team::new(String::new(), "", "", 0)
                };
                if to != d.status {
                    if to == DecisionStatus::Superseded {
                        return Err(EditError::Invalid(
                            "To supersede a decision, say which decision replaces it.".into(),
                        ));
                    }
                    if !rights::allowed_next(d.status).contains(&to) {
                        return Err(EditError::Invalid(format!(
                            "A decision that is {} cannot become {}.",
                            d.status.label().to_lowercase(),
                            to.label().to_lowercase()
                        )));
                    }
                    if to == DecisionStatus::Decided {
                        rights::can_decide(&team, d)
                            .map_err(|why| EditError::Invalid(why.to_string()))?;
                    }
                }
            }
            if let DecisionField::Goals(goals) = &field {
                let known = e.goal_ids()?;
                if let Some(g) = goals.iter().find(|g| !known.contains(*g)) {
                    return Err(EditError::NotFound {
                        kind: "goal",
                        id: g.clone(),
                    });
                }
            }
            // Only the field that changed is written: reading and
            // reconciling the whole record on every keystroke would cost a
            // seek per field in a large document.
            const D: Collection = Collection::Decisions;
            match field {
                DecisionField::Title(t) => e.put_field(D, id, "title", &t),
                DecisionField::Owner(o) => e.put_field(D, id, "owner", &o.map(|o| o.encode())),
                DecisionField::Method(m) => e.put_field(D, id, "method", &m),
                DecisionField::Status(s) => {
                    if s == DecisionStatus::Decided && !had_decided_on {
                        e.put_field(D, id, "decided_on", &Some(today.to_string()))?;
                    }
                    e.put_field(D, id, "status", &s)
                }
                DecisionField::DecidedOn(v) => e.put_field(D, id, "decided_on", &v),
                DecisionField::ReviewBy(v) => e.put_field(D, id, "review_by", &v),
                DecisionField::Tags(t) => e.put_field(D, id, "tags", &t),
                DecisionField::Goals(g) => e.put_field(D, id, "goals", &g),
            }
        })
    }

    pub fn set_decision_text(
        &mut self,
        stamp: &Stamp,
        id: &str,
        which: DecisionText,
        value: &str,
    ) -> Result<(), EditError> {
        check_prose(which.key(), value)?;
        self.change(stamp, |e| {
            e.set_text(Collection::Decisions, id, which.key(), value)
        })
    }

    /// Marks `old` as superseded by `new`, linking both records.
    pub fn supersede(&mut self, stamp: &Stamp, old: &str, new: &str) -> Result<(), EditError> {
        if old == new {
            return Err(EditError::Invalid(
                "A decision cannot supersede itself.".into(),
            ));
        }
        self.change(stamp, |e| {
            let replacement: Decision = e.read(Collection::Decisions, new)?;
            if replacement.supersedes.is_some() {
                return Err(EditError::Invalid(format!(
                    "“{}” already supersedes another decision.",
                    replacement.title
                )));
            }
            e.update(Collection::Decisions, old, |d: &mut Decision| {
                if d.status != DecisionStatus::Decided {
                    return Err(EditError::Invalid(
                        "Only a decision in force can be superseded.".into(),
                    ));
                }
                d.status = DecisionStatus::Superseded;
                d.superseded_by = Some(new.to_string());
                Ok(())
            })?;
            e.update(Collection::Decisions, new, |d: &mut Decision| {
                d.supersedes = Some(old.to_string());
                Ok(())
            })
        })
    }

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

    /// Adds a goal (strategic priority) to the team. Returns its id.
    pub fn add_goal(&mut self, stamp: &Stamp, title: &str) -> Result<String, EditError> {
        let title = clean_name("goal", title)?;
        let gid = new_id('g');
        let goal = Goal {
            id: gid.clone(),
            title,
            description: Text::default(),
        };
        self.change(stamp, |e| e.insert_goal(&goal))?;
        Ok(gid)
    }
}
