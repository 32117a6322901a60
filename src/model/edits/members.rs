//! Edits to members: adding people, their name, expertise, leaving.

use super::*;

impl TeamDocument {
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
}
