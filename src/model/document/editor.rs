//! Changes made inside [`super::TeamDocument::change`]: every write goes
//! through the editor, which records the record (or the team profile) it
//! touched, so that callers never declare it by hand.

use automerge::{transaction::Transactable, AutoCommit, ObjId, ObjType, ReadDoc, Value, ROOT};
use autosurgeon::{hydrate_prop, reconcile_prop, Hydrate, Reconcile};

use crate::model::{
    changed::Changed,
    error::EditError,
    kind::Collection,
    lenient,
    team::{Goal, Team},
    text::splice_between,
    tree::FromTree,
};

pub struct Editor<'a> {
    doc: &'a mut AutoCommit,
    changed: &'a mut Changed,
}

impl<'a> Editor<'a> {
    pub(super) fn new(doc: &'a mut AutoCommit, changed: &'a mut Changed) -> Self {
        Editor { doc, changed }
    }

    fn map_in(&mut self, parent: &ObjId, key: &str) -> Result<ObjId, EditError> {
        match self.doc.get(parent, key)? {
            Some((Value::Object(ObjType::Map), id)) => Ok(id),
            None => Ok(self.doc.put_object(parent, key, ObjType::Map)?),
            Some(_) => Err(EditError::Document(format!("`{key}` is not a map"))),
        }
    }

    fn collection(&mut self, c: Collection) -> Result<ObjId, EditError> {
        if !c.info().first_schema {
            // Never made here: a map made lazily in two copies apart would
            // hide one copy's records (see `collections`).
            return match self.doc.get(ROOT, c.key())? {
                Some((Value::Object(ObjType::Map), id)) => Ok(id),
                _ => Err(EditError::Document(format!(
                    "the team's {} are missing",
                    c.info().many
                ))),
            };
        }
        self.map_in(&ROOT, c.key())
    }

    fn existing(&mut self, c: Collection, id: &str) -> Result<ObjId, EditError> {
        let coll = self.collection(c)?;
        match self.doc.get(&coll, id)? {
            Some((Value::Object(ObjType::Map), rec)) => Ok(rec),
            _ => Err(EditError::NotFound {
                kind: c.kind(),
                id: id.to_string(),
            }),
        }
    }

    /// An existing record about to be written.
    fn writing(&mut self, c: Collection, id: &str) -> Result<ObjId, EditError> {
        let rec = self.existing(c, id)?;
        self.changed.record(c, id);
        Ok(rec)
    }

    /// The team profile, about to be written.
    fn writing_profile(&mut self) -> Result<ObjId, EditError> {
        self.changed.profile = true;
        self.map_in(&ROOT, "team")
    }

    /// Reads one record as it is now.
    pub fn get<T: Hydrate>(&mut self, c: Collection, id: &str) -> Result<T, EditError> {
        self.existing(c, id)?;
        let coll = self.collection(c)?;
        Ok(hydrate_prop(&*self.doc, &coll, id)?)
    }

    /// Reads one record as it is now, to check a rule. Not for writing
    /// back: see [`crate::model::tree`].
    pub fn read<T: FromTree>(&mut self, c: Collection, id: &str) -> Result<T, EditError> {
        let rec = self.existing(c, id)?;
        let tree = ReadDoc::hydrate(&*self.doc, &rec, None)?;
        Ok(T::from_tree(&tree)?)
    }

    /// Sets one field of a record, writing only if it differs.
    pub fn put_field<T: Reconcile>(
        &mut self,
        c: Collection,
        id: &str,
        field: &str,
        value: &T,
    ) -> Result<(), EditError> {
        let rec = self.writing(c, id)?;
        reconcile_prop(&mut *self.doc, &rec, field, value)?;
        Ok(())
    }

    /// Writes a new record under its id.
    pub fn insert<T: Reconcile>(
        &mut self,
        c: Collection,
        id: &str,
        value: &T,
    ) -> Result<(), EditError> {
        let coll = self.collection(c)?;
        reconcile_prop(&mut *self.doc, &coll, id, value)?;
        self.changed.record(c, id);
        Ok(())
    }

    /// Removes a record from its collection.
    pub fn delete(&mut self, c: Collection, id: &str) -> Result<(), EditError> {
        self.existing(c, id)?;
        let coll = self.collection(c)?;
        self.doc.delete(&coll, id)?;
        self.changed.record(c, id);
        Ok(())
    }

    /// Reads one record, lets `f` change its plain fields, and writes back
    /// only what differs. Prose fields are changed with [`Self::set_text`].
    pub fn update<T: Hydrate + Reconcile>(
        &mut self,
        c: Collection,
        id: &str,
        f: impl FnOnce(&mut T) -> Result<(), EditError>,
    ) -> Result<(), EditError> {
        let mut value: T = self.get(c, id)?;
        f(&mut value)?;
        let coll = self.collection(c)?;
        reconcile_prop(&mut *self.doc, &coll, id, &value)?;
        self.changed.record(c, id);
        Ok(())
    }

    /// Sets a prose field of a record with the smallest splice, so that
    /// a teammate's concurrent edits elsewhere in the text survive.
    pub fn set_text(
        &mut self,
        c: Collection,
        id: &str,
        field: &str,
        value: &str,
    ) -> Result<(), EditError> {
        let rec = self.writing(c, id)?;
        self.set_text_at(&rec, field, value)
    }

    /// Sets a prose field of a map nested in a record, e.g. one consultee's
    /// advice: `path` leads from the record to that map.
    pub fn set_nested_text(
        &mut self,
        c: Collection,
        id: &str,
        path: &[&str],
        field: &str,
        value: &str,
    ) -> Result<(), EditError> {
        let mut obj = self.writing(c, id)?;
        for key in path {
            obj = match self.doc.get(&obj, *key)? {
                Some((Value::Object(ObjType::Map), inner)) => inner,
                _ => {
                    return Err(EditError::NotFound {
                        kind: "entry",
                        id: (*key).to_string(),
                    })
                }
            };
        }
        self.set_text_at(&obj, field, value)
    }

    /// Writes a raw value into one field of a record, e.g. the value a
    /// person kept from a conflict.
    pub fn put_scalar(
        &mut self,
        c: Collection,
        id: &str,
        field: &str,
        value: automerge::ScalarValue,
    ) -> Result<(), EditError> {
        let rec = self.writing(c, id)?;
        self.doc.put(&rec, field, value)?;
        Ok(())
    }

    /// The team as it is now without its decisions: what rules about one
    /// decision look at (roles, members, goals), read without the cost of
    /// the whole decision log.
    pub fn team_context(&mut self) -> Result<Team, EditError> {
        let doc = &*self.doc;
        let int =
            |key: &str| -> Result<i64, EditError> { Ok(lenient::int(doc, &ROOT, key.into())?) };
        Ok(Team {
            schema: int("schema")?,
            team_id: lenient::string(doc, &ROOT, "team_id".into())?,
            profile: hydrate_prop(doc, &ROOT, "team")?,
            members: self.all(Collection::Members)?,
            roles: self.all(Collection::Roles)?,
            decisions: Default::default(),
            tensions: Default::default(),
            meetings: Default::default(),
            recognitions: Default::default(),
            options: Default::default(),
        })
    }

    /// [`Self::team_context`] with the meetings too: what the fair
    /// rotation looks at.
    pub fn team_context_with_meetings(&mut self) -> Result<Team, EditError> {
        let mut team = self.team_context()?;
        team.meetings = self.all(Collection::Meetings)?;
        Ok(team)
    }

    /// Writes a value under `key` in a map nested in a record (`path`
    /// leads from the record to it).
    pub fn put_nested<T: Reconcile>(
        &mut self,
        c: Collection,
        id: &str,
        path: &[&str],
        key: &str,
        value: &T,
    ) -> Result<(), EditError> {
        let mut obj = self.writing(c, id)?;
        for k in path {
            obj = self.map_in(&obj, k)?;
        }
        reconcile_prop(&mut *self.doc, &obj, key, value)?;
        Ok(())
    }

    /// The ids of the team's goals.
    pub fn goal_ids(&mut self) -> Result<Vec<String>, EditError> {
        let team = self.map_in(&ROOT, "team")?;
        match self.doc.get(&team, "goals")? {
            Some((Value::Object(ObjType::Map), goals)) => Ok(self.doc.keys(&goals).collect()),
            _ => Ok(Vec::new()),
        }
    }

    /// Every record of a collection as it is now, to check a rule (none
    /// when the collection is missing).
    pub fn all<T: FromTree>(
        &self,
        c: Collection,
    ) -> Result<std::collections::BTreeMap<String, T>, EditError> {
        match self.doc.get(ROOT, c.key())? {
            Some((_, coll)) => {
                let tree = ReadDoc::hydrate(&*self.doc, &coll, None)?;
                Ok(FromTree::from_tree(&tree)?)
            }
            None => Ok(Default::default()),
        }
    }

    /// Adds a goal to the team profile.
    pub fn insert_goal(&mut self, goal: &Goal) -> Result<(), EditError> {
        let team = self.writing_profile()?;
        let goals = self.map_in(&team, "goals")?;
        reconcile_prop(&mut *self.doc, &goals, goal.id.as_str(), goal)?;
        Ok(())
    }

    /// Sets the team's name.
    pub fn set_team_name(&mut self, name: &str) -> Result<(), EditError> {
        let team = self.writing_profile()?;
        self.doc.put(&team, "name", name)?;
        Ok(())
    }

    /// Sets a prose field of the team profile.
    pub fn set_team_text(&mut self, field: &str, value: &str) -> Result<(), EditError> {
        let team = self.writing_profile()?;
        self.set_text_at(&team, field, value)
    }

    fn set_text_at(&mut self, obj: &ObjId, field: &str, value: &str) -> Result<(), EditError> {
        match self.doc.get(obj, field)? {
            Some((Value::Object(ObjType::Text), text)) => {
                let old = self.doc.text(&text)?;
                if let Some(s) = splice_between(&old, value) {
                    self.doc
                        .splice_text(&text, s.pos, s.delete as isize, &s.insert)?;
                }
            }
            // Absent, or a plain string written by another client: becomes text.
            _ => {
                let text = self.doc.put_object(obj, field, ObjType::Text)?;
                self.doc.splice_text(&text, 0, 0, value)?;
            }
        }
        Ok(())
    }
}
