//! Reading records from a materialised Automerge tree.
//!
//! Automerge 0.12 looks each key up through its column store: reading a
//! record field by field (as autosurgeon's `Hydrate` does) costs one seek
//! per field, and opening a team of 5,000 decisions that way took seconds.
//! `ReadDoc::hydrate` walks one record's operations at once (a whole team
//! comes from `document::materialise`, one walk over every object); these
//! readers turn that tree into our types, accepting exactly what the `lenient` readers
//! accept (tests compare the two on every generated team).
//!
//! Prose read here is a plain value (`Text::with_value`): such records are
//! for showing and checking, never to be reconciled back into the document
//! (a fresh `Text` reconciled over an existing one would insert it again).
//! Edits read records through [`super::document::Editor`].

use std::collections::BTreeMap;

use automerge::{hydrate::Value, ScalarValue};
use autosurgeon::{HydrateError, Text};

use super::{
    decision::{Consultation, Decision, Objection},
    enums::Attendance,
    meeting::{AgendaItem, Meeting},
    member::Member,
    option::ConsideredOption,
    recognition::Recognition,
    role::{Filler, PastFiller, Role},
    team::{Goal, Profile, Team},
    tension::{Link, Tension},
};

pub type Map = automerge::hydrate::Map;

/// A type read from a materialised tree.
pub trait FromTree: Sized {
    fn from_tree(v: &Value) -> Result<Self, HydrateError>;
}

fn found(v: &Value) -> String {
    match v {
        Value::Scalar(s) => format!("the value {s}"),
        Value::Map(_) => "an object of type Map".into(),
        Value::List(_) => "an object of type List".into(),
        Value::Text(_) => "an object of type Text".into(),
    }
}

fn as_map<'a>(v: &'a Value, what: &str) -> Result<&'a Map, HydrateError> {
    match v {
        Value::Map(m) => Ok(m),
        v => Err(HydrateError::unexpected(what, found(v))),
    }
}

/// A scalar string or a text object; null is `None`.
fn read_string(v: &Value) -> Result<Option<String>, HydrateError> {
    match v {
        Value::Scalar(ScalarValue::Str(s)) => Ok(Some(s.to_string())),
        Value::Scalar(ScalarValue::Null) => Ok(None),
        Value::Text(t) => Ok(Some(String::from(t))),
        v => Err(HydrateError::unexpected("a string", found(v))),
    }
}

pub fn string(m: &Map, key: &str) -> Result<String, HydrateError> {
    match m.get(key) {
        Some(v) => {
            read_string(v)?.ok_or_else(|| HydrateError::unexpected("a string", "null".to_string()))
        }
        None => Err(HydrateError::unexpected("a string", "nothing".to_string())),
    }
}

pub fn opt_string(m: &Map, key: &str) -> Result<Option<String>, HydrateError> {
    m.get(key).map_or(Ok(None), read_string)
}

pub fn strings(m: &Map, key: &str) -> Result<Vec<String>, HydrateError> {
    match m.get(key) {
        None => Ok(Vec::new()),
        Some(Value::List(list)) => {
            let mut out = Vec::with_capacity(list.len());
            for item in list.iter() {
                if let Some(s) = read_string(&item.value)? {
                    out.push(s);
                }
            }
            Ok(out)
        }
        Some(v) => Err(HydrateError::unexpected("a list of strings", found(v))),
    }
}

pub fn text(m: &Map, key: &str) -> Result<Text, HydrateError> {
    match m.get(key) {
        None => Ok(Text::default()),
        Some(v) => Ok(Text::with_value(read_string(v)?.unwrap_or_default())),
    }
}

pub fn int(m: &Map, key: &str) -> Result<i64, HydrateError> {
    match m.get(key) {
        None => Ok(0),
        Some(v) => {
            let n = match v {
                Value::Scalar(ScalarValue::Int(i)) => Some(*i),
                Value::Scalar(ScalarValue::Uint(u)) => i64::try_from(*u).ok(),
                Value::Scalar(ScalarValue::F64(f)) if f.fract() == 0.0 && f.abs() < 9.0e15 => {
                    Some(*f as i64)
                }
                Value::Scalar(ScalarValue::Timestamp(t)) => Some(*t),
                _ => None,
            };
            n.ok_or_else(|| HydrateError::unexpected("a whole number", found(v)))
        }
    }
}

/// A field that must be there (no default when missing).
pub fn required<T: FromTree>(m: &Map, key: &str) -> Result<T, HydrateError> {
    match m.get(key) {
        Some(v) => T::from_tree(v),
        None => Err(HydrateError::unexpected(key, "nothing".to_string())),
    }
}

/// A field whose absence reads as its default.
pub fn or_default<T: FromTree + Default>(m: &Map, key: &str) -> Result<T, HydrateError> {
    m.get(key).map_or_else(|| Ok(T::default()), T::from_tree)
}

impl<T: FromTree> FromTree for Option<T> {
    fn from_tree(v: &Value) -> Result<Self, HydrateError> {
        match v {
            Value::Scalar(ScalarValue::Null) => Ok(None),
            v => T::from_tree(v).map(Some),
        }
    }
}

impl<T: FromTree> FromTree for BTreeMap<String, T> {
    fn from_tree(v: &Value) -> Result<Self, HydrateError> {
        as_map(v, "a map")?
            .iter()
            .map(|(k, mv)| Ok((k.clone(), T::from_tree(&mv.value)?)))
            .collect()
    }
}

impl<T: FromTree> FromTree for Vec<T> {
    fn from_tree(v: &Value) -> Result<Self, HydrateError> {
        match v {
            Value::List(list) => list.iter().map(|i| T::from_tree(&i.value)).collect(),
            v => Err(HydrateError::unexpected("a list", found(v))),
        }
    }
}

impl FromTree for bool {
    fn from_tree(v: &Value) -> Result<Self, HydrateError> {
        match v {
            Value::Scalar(ScalarValue::Boolean(b)) => Ok(*b),
            Value::Scalar(ScalarValue::Null) => Ok(false),
            v => Err(HydrateError::unexpected("true or false", found(v))),
        }
    }
}

/// For the closed vocabularies (see `enums.rs`).
pub fn enum_string(v: &Value) -> Result<String, HydrateError> {
    match v {
        Value::Scalar(ScalarValue::Str(s)) => Ok(s.to_string()),
        Value::Text(t) => Ok(String::from(t)),
        v => Err(HydrateError::unexpected("a string", found(v))),
    }
}

impl FromTree for Member {
    fn from_tree(v: &Value) -> Result<Self, HydrateError> {
        let m = as_map(v, "a member")?;
        Ok(Member {
            id: string(m, "id")?,
            name: string(m, "name")?,
            expertise: strings(m, "expertise")?,
            joined_on: string(m, "joined_on")?,
            left_on: opt_string(m, "left_on")?,
        })
    }
}

impl FromTree for Filler {
    fn from_tree(v: &Value) -> Result<Self, HydrateError> {
        let m = as_map(v, "a role filler")?;
        Ok(Filler {
            member_id: string(m, "member_id")?,
            since: string(m, "since")?,
            term_end: opt_string(m, "term_end")?,
        })
    }
}

impl FromTree for PastFiller {
    fn from_tree(v: &Value) -> Result<Self, HydrateError> {
        let m = as_map(v, "a past filler")?;
        Ok(PastFiller {
            member_id: string(m, "member_id")?,
            from: string(m, "from")?,
            to: string(m, "to")?,
        })
    }
}

impl FromTree for Role {
    fn from_tree(v: &Value) -> Result<Self, HydrateError> {
        let m = as_map(v, "a role")?;
        Ok(Role {
            id: string(m, "id")?,
            name: string(m, "name")?,
            purpose: text(m, "purpose")?,
            accountabilities: strings(m, "accountabilities")?,
            domain: strings(m, "domain")?,
            expertise: strings(m, "expertise")?,
            fillers: or_default(m, "fillers")?,
            status: required(m, "status")?,
            history: or_default(m, "history")?,
            created_at: int(m, "created_at")?,
        })
    }
}

impl FromTree for Consultation {
    fn from_tree(v: &Value) -> Result<Self, HydrateError> {
        let m = as_map(v, "a consultation")?;
        Ok(Consultation {
            member_id: string(m, "member_id")?,
            asked_on: string(m, "asked_on")?,
            stance: or_default(m, "stance")?,
            advice: text(m, "advice")?,
            answered_on: opt_string(m, "answered_on")?,
        })
    }
}

impl FromTree for Objection {
    fn from_tree(v: &Value) -> Result<Self, HydrateError> {
        let m = as_map(v, "an objection")?;
        Ok(Objection {
            id: string(m, "id")?,
            by: string(m, "by")?,
            reason: text(m, "reason")?,
            raised_on: string(m, "raised_on")?,
            resolution: or_default(m, "resolution")?,
            resolution_note: text(m, "resolution_note")?,
            resolved_on: opt_string(m, "resolved_on")?,
        })
    }
}

impl FromTree for Decision {
    fn from_tree(v: &Value) -> Result<Self, HydrateError> {
        let m = as_map(v, "a decision")?;
        Ok(Decision {
            id: string(m, "id")?,
            title: string(m, "title")?,
            driver: text(m, "driver")?,
            proposal: text(m, "proposal")?,
            owner: opt_string(m, "owner")?,
            method: required(m, "method")?,
            status: required(m, "status")?,
            outcome: text(m, "outcome")?,
            rationale: text(m, "rationale")?,
            decided_on: opt_string(m, "decided_on")?,
            review_by: opt_string(m, "review_by")?,
            tags: strings(m, "tags")?,
            created_at: int(m, "created_at")?,
            created_by: opt_string(m, "created_by")?,
            consultees: or_default(m, "consultees")?,
            objections: or_default(m, "objections")?,
            goals: strings(m, "goals")?,
            supersedes: opt_string(m, "supersedes")?,
            superseded_by: opt_string(m, "superseded_by")?,
            authority_confirmed: opt_string(m, "authority_confirmed")?,
        })
    }
}

impl FromTree for Goal {
    fn from_tree(v: &Value) -> Result<Self, HydrateError> {
        let m = as_map(v, "a goal")?;
        Ok(Goal {
            id: string(m, "id")?,
            title: string(m, "title")?,
            description: text(m, "description")?,
        })
    }
}

impl FromTree for Profile {
    fn from_tree(v: &Value) -> Result<Self, HydrateError> {
        let m = as_map(v, "the team profile")?;
        Ok(Profile {
            name: string(m, "name")?,
            purpose: text(m, "purpose")?,
            goals: or_default(m, "goals")?,
            created_at: int(m, "created_at")?,
        })
    }
}

impl FromTree for Team {
    fn from_tree(v: &Value) -> Result<Self, HydrateError> {
        let m = as_map(v, "a team")?;
        Ok(Team {
            schema: int(m, "schema")?,
            team_id: string(m, "team_id")?,
            profile: required(m, "team")?,
            members: or_default(m, "members")?,
            roles: or_default(m, "roles")?,
            decisions: or_default(m, "decisions")?,
            tensions: or_default(m, "tensions")?,
            meetings: or_default(m, "meetings")?,
            recognitions: or_default(m, "recognitions")?,
            options: or_default(m, "options")?,
        })
    }
}

impl FromTree for Link {
    fn from_tree(v: &Value) -> Result<Self, HydrateError> {
        let m = as_map(v, "a link")?;
        Ok(Link {
            kind: required(m, "kind")?,
            id: string(m, "id")?,
        })
    }
}

impl FromTree for Tension {
    fn from_tree(v: &Value) -> Result<Self, HydrateError> {
        let m = as_map(v, "a tension")?;
        Ok(Tension {
            id: string(m, "id")?,
            raised_by: opt_string(m, "raised_by")?,
            raised_on: string(m, "raised_on")?,
            text: text(m, "text")?,
            kind: required(m, "kind")?,
            status: required(m, "status")?,
            drop_reason: text(m, "drop_reason")?,
            produced: or_default(m, "produced")?,
            created_at: int(m, "created_at")?,
        })
    }
}

impl FromTree for AgendaItem {
    fn from_tree(v: &Value) -> Result<Self, HydrateError> {
        let m = as_map(v, "an agenda item")?;
        Ok(AgendaItem {
            id: string(m, "id")?,
            position: int(m, "position")?,
            kind: required(m, "kind")?,
            about: opt_string(m, "about")?,
            text: text(m, "text")?,
            notes: text(m, "notes")?,
            outcome: or_default(m, "outcome")?,
            produced: or_default(m, "produced")?,
        })
    }
}

impl FromTree for Meeting {
    fn from_tree(v: &Value) -> Result<Self, HydrateError> {
        let m = as_map(v, "a meeting")?;
        Ok(Meeting {
            id: string(m, "id")?,
            date: string(m, "date")?,
            kind: required(m, "kind")?,
            status: required(m, "status")?,
            facilitator: opt_string(m, "facilitator")?,
            note_taker: opt_string(m, "note_taker")?,
            attendance: or_default::<std::collections::BTreeMap<String, Attendance>>(
                m,
                "attendance",
            )?,
            declined: strings(m, "declined")?,
            agenda: or_default(m, "agenda")?,
            created_at: int(m, "created_at")?,
        })
    }
}

impl FromTree for Recognition {
    fn from_tree(v: &Value) -> Result<Self, HydrateError> {
        let m = as_map(v, "a recognition")?;
        Ok(Recognition {
            id: string(m, "id")?,
            from: string(m, "from")?,
            to: strings(m, "to")?,
            for_what: or_default(m, "for_what")?,
            words: text(m, "words")?,
            date: string(m, "date")?,
            created_at: int(m, "created_at")?,
        })
    }
}

impl FromTree for ConsideredOption {
    fn from_tree(v: &Value) -> Result<Self, HydrateError> {
        let m = as_map(v, "an option")?;
        Ok(ConsideredOption {
            id: string(m, "id")?,
            decision_id: string(m, "decision_id")?,
            title: string(m, "title")?,
            pros: text(m, "pros")?,
            cons: text(m, "cons")?,
            position: int(m, "position")?,
            chosen: or_default(m, "chosen")?,
            created_at: int(m, "created_at")?,
        })
    }
}
