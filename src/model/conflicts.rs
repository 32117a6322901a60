//! Single-valued fields that teammates changed apart. Automerge keeps every
//! concurrent value; here they are found, shown with their authors, and a
//! person picks one.

use automerge::{ObjType, ReadDoc, ScalarValue, Value};

use super::{
    document::{author_of_message, Stamp, TeamDocument},
    error::EditError,
    kind::Collection,
};

/// Records with a single-valued field holding concurrent values, found in a
/// materialised document (see [`super::tree`]).
pub(crate) fn conflicted_records(root: &automerge::hydrate::Value) -> Vec<(Collection, String)> {
    let automerge::hydrate::Value::Map(root) = root else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for c in Collection::ALL {
        let Some(automerge::hydrate::Value::Map(coll)) = root.get(c.key()) else {
            continue;
        };
        for (id, rec) in coll.iter() {
            let automerge::hydrate::Value::Map(rec) = &rec.value else {
                continue;
            };
            let conflicted = rec
                .iter()
                .any(|(k, v)| v.conflict && c.single_valued().contains(&k.as_str()));
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
            None => conflicted_records(&super::document::materialise::materialise(
                self.automerge(),
                None,
            )),
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
        for field in c.single_valued() {
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
        let (c, id, field) = (
            conflict.collection,
            conflict.record_id.as_str(),
            conflict.field,
        );
        let value = match pick.value.clone() {
            Some(v) => ScalarValue::Str(v.into()),
            None => ScalarValue::Null,
        };
        self.change(stamp, move |e| e.put_scalar(c, id, field, value))
    }
}
