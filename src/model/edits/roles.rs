//! Edits to roles: defining them, filling them for a term, stepping down.

use super::*;

impl TeamDocument {
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
}
