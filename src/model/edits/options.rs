//! Edits to the options a decision considered: adding one, its title,
//! pros and cons, choosing it, removing it.

use super::*;
use crate::model::option::ConsideredOption;

/// What speaks for or against an option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionText {
    Pros,
    Cons,
}

impl OptionText {
    pub fn key(self) -> &'static str {
        match self {
            OptionText::Pros => "pros",
            OptionText::Cons => "cons",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            OptionText::Pros => "For it (one point per line)",
            OptionText::Cons => "Against it (one point per line)",
        }
    }
}

impl TeamDocument {
    /// Adds an option to a decision, after those it has.
    pub fn add_option(
        &mut self,
        stamp: &Stamp,
        decision: &str,
        title: &str,
    ) -> Result<String, EditError> {
        let title = clean_name("option", title)?;
        let id = new_id('o');
        self.change(stamp, |e| {
            e.read::<Decision>(Collection::Decisions, decision)?;
            let position = e
                .all::<ConsideredOption>(Collection::Options)?
                .into_values()
                .filter(|o| o.decision_id == decision)
                .map(|o| o.position + 1)
                .max()
                .unwrap_or(0);
            let option = ConsideredOption {
                id: id.clone(),
                decision_id: decision.to_string(),
                title,
                pros: Text::default(),
                cons: Text::default(),
                position,
                chosen: false,
                created_at: stamp.at_ms,
            };
            e.insert(Collection::Options, &id, &option)
        })?;
        Ok(id)
    }

    pub fn rename_option(&mut self, stamp: &Stamp, id: &str, title: &str) -> Result<(), EditError> {
        let title = clean_name("option", title)?;
        self.change(stamp, |e| {
            e.put_field(Collection::Options, id, "title", &title)
        })
    }

    pub fn set_option_text(
        &mut self,
        stamp: &Stamp,
        id: &str,
        which: OptionText,
        value: &str,
    ) -> Result<(), EditError> {
        check_prose(which.key(), value)?;
        self.change(stamp, |e| {
            e.set_text(Collection::Options, id, which.key(), value)
        })
    }

    /// Marks `id` as the option chosen (and its decision's others as not),
    /// or, with `chosen` false, as not chosen.
    pub fn choose_option(
        &mut self,
        stamp: &Stamp,
        id: &str,
        chosen: bool,
    ) -> Result<(), EditError> {
        self.change(stamp, |e| {
            let this: ConsideredOption = e.read(Collection::Options, id)?;
            if chosen {
                let others = e.all::<ConsideredOption>(Collection::Options)?;
                for o in others.into_values() {
                    if o.decision_id == this.decision_id && o.id != id && o.chosen {
                        e.put_field(Collection::Options, &o.id, "chosen", &false)?;
                    }
                }
            }
            e.put_field(Collection::Options, id, "chosen", &chosen)
        })
    }

    pub fn remove_option(&mut self, stamp: &Stamp, id: &str) -> Result<(), EditError> {
        self.change(stamp, |e| e.delete(Collection::Options, id))
    }
}
