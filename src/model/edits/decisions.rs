//! Edits to decisions: drafting, the fields that decide them, the lifecycle
//! and superseding.

use super::*;

impl TeamDocument {
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

    /// Settles a decision the authority check questioned: it stands (the
    /// change that marked it decided is recorded as confirmed), or it is
    /// open again to be decided by whoever owns it now.
    pub fn settle_authority(
        &mut self,
        stamp: &Stamp,
        id: &str,
        settle: Settle,
    ) -> Result<(), EditError> {
        self.change(stamp, |e| {
            let d: Decision = e.read(Collection::Decisions, id)?;
            if d.status != DecisionStatus::Decided {
                return Err(EditError::Invalid(
                    "Only a decided decision can be confirmed or reopened.".into(),
                ));
            }
            match settle {
                Settle::Confirm(change) => e.put_field(
                    Collection::Decisions,
                    id,
                    "authority_confirmed",
                    &Some(change),
                ),
                Settle::TakeOver => {
                    // Marked decided again by whoever owns it now: their
                    // change is then the one the check reads, and the
                    // record's history says who took it over.
                    let team = e.team_context()?;
                    let me = stamp.author.clone().unwrap_or_default();
                    let owns = d.owner().is_some_and(|o| {
                        super::super::queries::owner_people(&team, &o).contains(&me)
                    });
                    if !owns {
                        return Err(EditError::Invalid(
                            "Only whoever owns the decision now can take it over.".into(),
                        ));
                    }
                    // Automerge skips a write of the value already there:
                    // through another value, in the same change.
                    for s in [DecisionStatus::Open, DecisionStatus::Decided] {
                        e.put_scalar(
                            Collection::Decisions,
                            id,
                            "status",
                            automerge::ScalarValue::Str(s.as_str().into()),
                        )?;
                    }
                    Ok(())
                }
                Settle::Reopen => {
                    e.put_field(Collection::Decisions, id, "status", &DecisionStatus::Open)?;
                    e.put_field(Collection::Decisions, id, "decided_on", &None::<String>)
                }
            }
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

    /// Says whether a decision serves a goal, leaving its other goals as
    /// they are in the document now (not as some screen last saw them).
    pub fn set_goal_served(
        &mut self,
        stamp: &Stamp,
        id: &str,
        goal: &str,
        serves: bool,
    ) -> Result<(), EditError> {
        self.change(stamp, |e| {
            if serves && !e.goal_ids()?.iter().any(|g| g == goal) {
                return Err(EditError::NotFound {
                    kind: "goal",
                    id: goal.to_string(),
                });
            }
            let d: Decision = e.read(Collection::Decisions, id)?;
            let mut goals = d.goals.clone();
            goals.retain(|g| g != goal);
            if serves {
                goals.push(goal.to_string());
            }
            if goals != d.goals {
                e.put_field(Collection::Decisions, id, "goals", &goals)?;
            }
            Ok(())
        })
    }
}
