//! Taking in decisions read from elsewhere (a Markdown decision log):
//! all of them in one change, or none.

use super::*;
use crate::model::option::ConsideredOption;

impl TeamDocument {
    /// Adds whole decisions with their options, as read and planned
    /// elsewhere. Every one is checked first; one that does not fit (an id
    /// already used, an owner not in the team, an option of another
    /// decision) leaves the team as it was.
    pub fn import_decisions(
        &mut self,
        stamp: &Stamp,
        records: &[(Decision, Vec<ConsideredOption>)],
    ) -> Result<usize, EditError> {
        for (d, options) in records {
            clean_name("decision title", &d.title)?;
            for text in [&d.driver, &d.proposal, &d.outcome, &d.rationale] {
                check_prose("decision text", text.as_str())?;
            }
            check_date("decision date", d.decided_on.as_deref())?;
            check_date("review date", d.review_by.as_deref())?;
            for o in options {
                clean_name("option", &o.title)?;
                if o.decision_id != d.id {
                    return Err(EditError::Invalid(format!(
                        "The option \"{}\" belongs to another decision.",
                        o.title
                    )));
                }
            }
        }
        self.change(stamp, |e| {
            for (d, options) in records {
                if e.read::<Decision>(Collection::Decisions, &d.id).is_ok() {
                    return Err(EditError::Invalid(format!(
                        "The decision \"{}\" is already in the team.",
                        d.title
                    )));
                }
                match d.owner() {
                    Some(Owner::Role(r)) => e.read::<Role>(Collection::Roles, &r).map(drop)?,
                    Some(Owner::Member(m)) => {
                        e.read::<Member>(Collection::Members, &m).map(drop)?
                    }
                    None => {}
                }
                e.insert(Collection::Decisions, &d.id, d)?;
                for o in options {
                    e.insert(Collection::Options, &o.id, o)?;
                }
            }
            Ok(records.len())
        })
    }
}
