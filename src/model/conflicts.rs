//! Single-valued fields that teammates changed apart. Automerge keeps every
//! concurrent value; here they are found, shown with their authors, and a
//! person picks one.

use automerge::{transaction::Transactable, ObjType, ReadDoc, ScalarValue, Value, ROOT};

use super::{
    document::{author_of_message, Collection, Stamp, TeamDocument},
    error::EditError,
};

/// The fields that hold one value, per collection.
fn fields(c: Collection) -> &'static [&'static str] {
    match c {
        Collection::Members => &["name", "left_on"],
        Collection::Roles => &["name", "status"],
        Collection::Decisions => &[
            "title",
            "owner",
            "method",
            "status",
            "decided_on",
            "review_by",
        ],
    }
}

/// Records with a single-valued field holding concurrent values, found in a
/// materialised document (see [`super::tree`]).
pub(crate) fn conflicted_records(root: &automerge::hydrate::Value) -> Vec<(Collection, String)> {
    let automerge::hydrate::Value::Map(root) = root else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for c in [
        Collection::Members,
        Collection::Roles,
        Collection::Decisions,
    ] {
        let Some(automerge::hydrate::Value::Map(coll)) = root.get(c.key()) else {
            continue;
        };
        for (id, rec) in coll.iter() {
            let automerge::hydrate::Value::Map(rec) = &rec.value else {
                continue;
            };
            let conflicted = rec
                .iter()
                .any(|(k, v)| v.conflict && fields(c).contains(&k.as_str()));
            if conflicted {
                out.push((c, id.clone()));
            }
        }
    }
    out
}

/// One of the values a conflicting field holds.
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictValue {
    /// The stored value as text (`None` for "empty").
    pub value: Option<String>,
    /// The member whose change wrote it, when known.
    pub author: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub collection: Collection,
    pub record_id: String,
    pub field: &'static str,
    pub values: Vec<ConflictValue>,
}

impl TeamDocument {
    /// Every single-valued field that currently holds more than one value.
    pub fn conflicts(&mut self) -> Vec<Conflict> {
        // Asking each field of each record costs a seek apiece; one pass
        // over the document marks the few fields worth asking about.
        let flagged = match self.take_flagged() {
            Some(f) => f,
            None => match ReadDoc::hydrate(self.automerge(), ROOT, None) {
                Ok(tree) => conflicted_records(&tree),
                Err(_) => return Vec::new(),
            },
        };
        flagged
            .into_iter()
            .flat_map(|(c, id)| self.conflicts_in(c, &id))
            .collect()
    }

    /// The conflicting fields of one record.
    pub fn conflicts_in(&mut self, c: Collection, id: &str) -> Vec<Conflict> {
        let Some(rec) = self.record_obj(c, id) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for field in fields(c) {
            let all = self.automerge().get_all(&rec, *field).unwrap_or_default();
            if all.len() < 2 {
                continue;
            }
            let read: Vec<(Option<String>, automerge::ObjId)> = all
                .into_iter()
                .map(|(v, opid)| {
                    let value = match v {
                        Value::Scalar(s) => match s.as_ref() {
                            ScalarValue::Null => None,
                            ScalarValue::Str(s) => Some(s.to_string()),
                            other => Some(other.to_string()),
                        },
                        Value::Object(ObjType::Text) => self.automerge().text(&opid).ok(),
                        Value::Object(_) => None,
                    };
                    (value, opid)
                })
                .collect();
            let values = read
                .into_iter()
                .map(|(value, opid)| ConflictValue {
                    value,
                    author: self.author_of_op(&opid),
                })
                .collect();
            out.push(Conflict {
                collection: c,
                record_id: id.to_string(),
                field,
                values,
            });
        }
        out
    }

    fn author_of_op(&mut self, opid: &automerge::ObjId) -> Option<String> {
        let hash = self.automerge().hash_for_opid(opid)?;
        let meta = self.automerge_mut().get_change_meta_by_hash(&hash)?;
        meta.message.as_deref().and_then(author_of_message)
    }

    fn record_obj(&self, c: Collection, id: &str) -> Option<automerge::ObjId> {
        match self.automerge().get(ROOT, c.key()).ok()?? {
            (Value::Object(ObjType::Map), coll) => match self.automerge().get(&coll, id).ok()?? {
                (Value::Object(ObjType::Map), rec) => Some(rec),
                _ => None,
            },
            _ => None,
        }
    }

    /// Settles a conflict by writing the value a person picked, which
    /// replaces every concurrent value.
    pub fn resolve_conflict(
        &mut self,
        stamp: &Stamp,
        conflict: &Conflict,
        pick: &ConflictValue,
    ) -> Result<(), EditError> {
        if !conflict.values.contains(pick) {
            return Err(EditError::Invalid(
                "That value is not one of the conflicting values.".into(),
            ));
        }
        let rec = self
            .record_obj(conflict.collection, &conflict.record_id)
            .ok_or_else(|| EditError::NotFound {
                kind: conflict.collection.kind(),
                id: conflict.record_id.clone(),
            })?;
        let field = conflict.field;
        let value = pick.value.clone();
        self.change(stamp, move |e| {
            let doc = e.raw();
            match value {
                Some(v) => doc.put(&rec, field, v)?,
                None => doc.put(&rec, field, ScalarValue::Null)?,
            }
            Ok(())
        })
    }
}
