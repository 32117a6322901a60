//! Hydration that accepts what other Automerge clients naturally write.
//!
//! The official JavaScript library stores a plain JS string as a *text
//! object*, whereas this app writes short values (names, ids, dates) as
//! scalar strings. These readers accept either, so a document edited with
//! that library still opens here.

use automerge::{ObjId, ObjType, ScalarValue, Value};
use autosurgeon::{Hydrate, HydrateError, Prop, ReadDoc, Text};

fn found(v: &Value<'_>) -> String {
    match v {
        Value::Object(t) => format!("an object of type {t:?}"),
        Value::Scalar(s) => format!("the value {s}"),
    }
}

fn read_string<D: ReadDoc>(
    doc: &D,
    v: Value<'_>,
    id: ObjId,
) -> Result<Option<String>, HydrateError> {
    match &v {
        Value::Scalar(s) => match s.as_ref() {
            ScalarValue::Str(s) => Ok(Some(s.to_string())),
            ScalarValue::Null => Ok(None),
            _ => Err(HydrateError::unexpected("a string", found(&v))),
        },
        Value::Object(ObjType::Text) => Ok(Some(doc.text(&id)?)),
        Value::Object(_) => Err(HydrateError::unexpected("a string", found(&v))),
    }
}

/// A required string: a scalar string or a text object.
pub fn string<D: ReadDoc>(doc: &D, obj: &ObjId, prop: Prop<'_>) -> Result<String, HydrateError> {
    match doc.get(obj, &prop)? {
        Some((v, id)) => read_string(doc, v, id)?
            .ok_or_else(|| HydrateError::unexpected("a string", "null".to_string())),
        None => Err(HydrateError::unexpected("a string", "nothing".to_string())),
    }
}

/// An optional string: null or absent is `None`.
pub fn opt_string<D: ReadDoc>(
    doc: &D,
    obj: &ObjId,
    prop: Prop<'_>,
) -> Result<Option<String>, HydrateError> {
    match doc.get(obj, &prop)? {
        Some((v, id)) => read_string(doc, v, id),
        None => Ok(None),
    }
}

/// A list of strings, each a scalar string or a text object.
pub fn strings<D: ReadDoc>(
    doc: &D,
    obj: &ObjId,
    prop: Prop<'_>,
) -> Result<Vec<String>, HydrateError> {
    let list = match doc.get(obj, &prop)? {
        Some((Value::Object(ObjType::List), id)) => id,
        Some((v, _)) => return Err(HydrateError::unexpected("a list of strings", found(&v))),
        None => return Ok(Vec::new()),
    };
    let mut out = Vec::with_capacity(doc.length(&list));
    for idx in 0..doc.length(&list) {
        if let Some((v, id)) = doc.get(&list, idx)? {
            if let Some(s) = read_string(doc, v, id)? {
                out.push(s);
            }
        }
    }
    Ok(out)
}

/// Prose: a text object, or a scalar string another client put there.
pub fn text<D: ReadDoc>(doc: &D, obj: &ObjId, prop: Prop<'_>) -> Result<Text, HydrateError> {
    match doc.get(obj, &prop)? {
        Some((Value::Object(ObjType::Text), _)) => Text::hydrate(doc, obj, prop),
        Some((v, id)) => Ok(Text::with_value(
            read_string(doc, v, id)?.unwrap_or_default(),
        )),
        None => Ok(Text::default()),
    }
}

/// Reads a whole number whatever numeric type the writer picked.
pub fn as_int(v: &Value<'_>) -> Option<i64> {
    match v {
        Value::Scalar(s) => match s.as_ref() {
            ScalarValue::Int(i) => Some(*i),
            ScalarValue::Uint(u) => i64::try_from(*u).ok(),
            ScalarValue::F64(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => Some(*f as i64),
            ScalarValue::Timestamp(t) => Some(*t),
            _ => None,
        },
        Value::Object(_) => None,
    }
}

/// A whole number: JS writes integers as signed ints, other tools may not.
pub fn int<D: ReadDoc>(doc: &D, obj: &ObjId, prop: Prop<'_>) -> Result<i64, HydrateError> {
    match doc.get(obj, &prop)? {
        Some((v, _)) => {
            as_int(&v).ok_or_else(|| HydrateError::unexpected("a whole number", found(&v)))
        }
        None => Ok(0),
    }
}
