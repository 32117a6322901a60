//! The whole document as a tree in one walk over its operations.
//!
//! `ReadDoc::hydrate` seeks each object's operations in the column store
//! (~10 µs an object natively): a team of 5,000 decisions has some 50,000
//! objects (every prose field, list and consultation is one), and that
//! seeking was a third of opening it. `ReadDoc::iter` visits every visible
//! object in one pass, parents before children; this builds the same tree
//! from it. Map entries keep their conflict flag (what the conflict scan
//! reads); list entries do not (nothing reads it, and `hydrate::List`
//! offers no way to set it).

use std::collections::HashMap;

use automerge::{
    hydrate::{List, Map, MapValue, Text, Value},
    iter::DocItem,
    ChangeHash, ObjId, ObjType, ReadDoc, TextEncoding, ValueRef, ROOT,
};

/// An object being filled, before it is moved into its parent.
enum Slot {
    Map(Map),
    List(Vec<Value>),
    Text(String),
}

impl Slot {
    fn new(typ: ObjType) -> Self {
        match typ {
            ObjType::Map | ObjType::Table => Slot::Map(Map::default()),
            ObjType::List => Slot::List(Vec::new()),
            ObjType::Text => Slot::Text(String::new()),
        }
    }

    fn into_value(self, encoding: TextEncoding) -> Value {
        match self {
            Slot::Map(m) => Value::Map(m),
            Slot::List(l) => Value::List(List::from(l)),
            Slot::Text(t) => Value::Text(Text::new(encoding, t)),
        }
    }
}

/// Where a child object goes in its parent.
#[derive(Clone)]
enum Place {
    Key(String),
    Index(usize),
}

/// The document (as at `heads`, or now) from the root down, equal to
/// `ReadDoc::hydrate(doc, ROOT, heads)` but for list entries' conflict
/// flags.
pub fn materialise(doc: &impl ReadDoc, heads: Option<&[ChangeHash]>) -> Value {
    let encoding = doc.text_encoding();
    let mut slots: HashMap<ObjId, Slot> = HashMap::new();
    // Entries come object by object: the one being filled is held here,
    // not looked up per entry.
    let mut current: (ObjId, Slot) = (ROOT, Slot::Map(Map::default()));
    // Objects in the order they were found; each is found, in its
    // parent's entries, before its own entries are visited.
    let mut found: Vec<(ObjId, ObjId, Place)> = Vec::new();
    for item in doc.iter_at(ROOT, heads) {
        if *item.obj != current.0 {
            let next = slots
                .remove(&*item.obj)
                .unwrap_or_else(|| Slot::Map(Map::default()));
            let (id, slot) = std::mem::replace(&mut current, ((*item.obj).clone(), next));
            slots.insert(id, slot);
        }
        let (value, place, conflict, id) = match item.item {
            DocItem::Map(m) => {
                let id = matches!(m.value, ValueRef::Object(_)).then(|| m.id());
                (m.value, Place::Key(m.key.into_owned()), m.conflict, id)
            }
            DocItem::List(l) => {
                let id = matches!(l.value, ValueRef::Object(_)).then(|| l.id());
                (l.value, Place::Index(l.index), false, id)
            }
            DocItem::Text(span) => {
                if let (Slot::Text(t), automerge::iter::Span::Text { text, .. }) =
                    (&mut current.1, &span)
                {
                    t.push_str(text);
                }
                continue;
            }
        };
        let entry = match (value, id) {
            (ValueRef::Object(typ), Some(child)) => {
                slots.insert(child.clone(), Slot::new(typ));
                found.push((child, current.0.clone(), place.clone()));
                Value::Scalar(automerge::ScalarValue::Null)
            }
            (v, _) => Value::new(v.into_value(), encoding),
        };
        match (&mut current.1, place) {
            (Slot::Map(m), Place::Key(k)) => {
                m.insert(
                    k,
                    MapValue {
                        value: entry,
                        conflict,
                    },
                );
            }
            (Slot::List(l), Place::Index(i)) => {
                if l.len() <= i {
                    l.resize(i + 1, Value::Scalar(automerge::ScalarValue::Null));
                }
                l[i] = entry;
            }
            _ => {}
        }
    }
    let (id, slot) = current;
    slots.insert(id, slot);
    // Children were found after their parents: taken in reverse, each
    // object is complete when it moves into its parent.
    for (child, parent, place) in found.into_iter().rev() {
        let Some(slot) = slots.remove(&child) else {
            continue;
        };
        let value = slot.into_value(encoding);
        match (slots.get_mut(&parent), place) {
            (Some(Slot::Map(m)), Place::Key(k)) => {
                if let Some(mv) = m.get_mut(&k) {
                    *mv = value;
                }
            }
            (Some(Slot::List(l)), Place::Index(i)) => {
                if let Some(v) = l.get_mut(i) {
                    *v = value;
                }
            }
            _ => {}
        }
    }
    slots
        .remove(&ROOT)
        .map_or_else(|| Value::Map(Map::default()), |s| s.into_value(encoding))
}
