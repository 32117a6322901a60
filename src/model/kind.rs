//! Kinds of record: each kind the team document keeps by id (members,
//! roles, decisions) is one [`Record`] implementation, and everything that
//! walks the collections (checking merges, finding conflicts, reading back
//! what changed, summing up an import) goes through it.

use std::{borrow::Cow, collections::BTreeMap};

use autosurgeon::{Hydrate, HydrateError, Reconcile};

use super::{
    decision::Decision, meeting::Meeting, member::Member, option::ConsideredOption,
    recognition::Recognition, role::Role, team::Team, tension::Tension, tree::FromTree,
};

/// The maps at the root of the document that hold records by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Collection {
    Members,
    Roles,
    Decisions,
    Tensions,
    Meetings,
    Recognitions,
    Options,
}

/// What the app knows of a kind of record without its type.
pub struct Kind {
    /// The map at the document root holding these records by id.
    pub key: &'static str,
    /// The noun for one record, and for several.
    pub one: &'static str,
    pub many: &'static str,
    /// Fields holding one value, where teammates' concurrent edits become
    /// a conflict that a person settles.
    pub single_valued: &'static [&'static str],
    /// Reads one record from a materialised tree and returns its id:
    /// checks it against the schema.
    pub check: fn(&automerge::hydrate::Value) -> Result<String, HydrateError>,
    /// The name a record of the team goes by, when it is there.
    pub title_in: fn(&Team, &str) -> Option<String>,
    /// In the first schema (members, roles, decisions): those maps may be
    /// made when missing. Later ones come only from `collections`.
    pub first_schema: bool,
}

/// A kind of record kept in a map by id at the document root.
pub trait Record: FromTree + Hydrate + Reconcile + Clone + PartialEq + Sized + 'static {
    const COLLECTION: Collection;
    const KIND: Kind;
    fn id(&self) -> &str;
    /// What the record is called on screen (a name, a title).
    fn title(&self) -> Cow<'_, str>;
    fn all(team: &Team) -> &BTreeMap<String, Self>;
    fn all_mut(team: &mut Team) -> &mut BTreeMap<String, Self>;
}

/// [`Kind::title_in`] for a record type.
pub fn title_as<R: Record>(team: &Team, id: &str) -> Option<String> {
    R::all(team).get(id).map(|r| r.title().to_string())
}

/// [`Kind::check`] for a record type.
pub fn check_as<R: Record>(v: &automerge::hydrate::Value) -> Result<String, HydrateError> {
    R::from_tree(v).map(|r| r.id().to_string())
}

impl Collection {
    /// In the order people read about them: decisions first.
    pub const ALL: [Collection; 7] = [
        Collection::Decisions,
        Collection::Options,
        Collection::Meetings,
        Collection::Tensions,
        Collection::Roles,
        Collection::Members,
        Collection::Recognitions,
    ];

    /// The one place a collection meets its record type.
    pub fn info(self) -> &'static Kind {
        match self {
            Collection::Members => &<Member as Record>::KIND,
            Collection::Roles => &<Role as Record>::KIND,
            Collection::Decisions => &<Decision as Record>::KIND,
            Collection::Tensions => &<Tension as Record>::KIND,
            Collection::Meetings => &<Meeting as Record>::KIND,
            Collection::Recognitions => &<Recognition as Record>::KIND,
            Collection::Options => &<ConsideredOption as Record>::KIND,
        }
    }

    pub fn key(self) -> &'static str {
        self.info().key
    }

    /// The noun for one record of this collection.
    pub fn kind(self) -> &'static str {
        self.info().one
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }

    pub fn single_valued(self) -> &'static [&'static str] {
        self.info().single_valued
    }
}

/// A collection crosses to and from the import worker as its key.
impl serde::Serialize for Collection {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

impl<'de> serde::Deserialize<'de> for Collection {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Collection::from_key(&key)
            .ok_or_else(|| serde::de::Error::custom("not a collection of records"))
    }
}

/// One [`Record`] implementation: the type, its collection, its map key
/// and nouns, whether the first schema had it, its single-valued fields,
/// the field holding its id, and how it is titled.
macro_rules! record_kind {
    ($ty:ty, $coll:ident, $key:literal, $one:literal, $many:literal, first: $first:literal,
     single: [$($field:literal),*], map: $map:ident, title: |$r:ident| $title:expr) => {
        impl Record for $ty {
            const COLLECTION: Collection = Collection::$coll;
            const KIND: Kind = Kind {
                key: $key,
                first_schema: $first,
                one: $one,
                many: $many,
                single_valued: &[$($field),*],
                check: check_as::<$ty>,
                title_in: title_as::<$ty>,
            };
            fn id(&self) -> &str {
                &self.id
            }
            fn title(&self) -> Cow<'_, str> {
                let $r = self;
                $title
            }
            fn all(team: &Team) -> &BTreeMap<String, Self> {
                &team.$map
            }
            fn all_mut(team: &mut Team) -> &mut BTreeMap<String, Self> {
                &mut team.$map
            }
        }
    };
}

record_kind!(Member, Members, "members", "member", "members", first: true,
    single: ["name", "left_on"], map: members, title: |r| r.name.as_str().into());
record_kind!(Role, Roles, "roles", "role", "roles", first: true,
    single: ["name", "status"], map: roles, title: |r| r.name.as_str().into());
record_kind!(Decision, Decisions, "decisions", "decision", "decisions", first: true,
    single: ["title", "owner", "method", "status", "decided_on", "review_by"],
    map: decisions, title: |r| r.title.as_str().into());
record_kind!(Tension, Tensions, "tensions", "tension", "tensions", first: false,
    single: ["kind", "status", "raised_by"], map: tensions, title: |r| r.title().into());
record_kind!(Meeting, Meetings, "meetings", "meeting", "meetings", first: false,
    single: ["date", "kind", "status", "facilitator", "note_taker"],
    map: meetings, title: |r| Meeting::title(r).into());
record_kind!(Recognition, Recognitions, "recognitions", "recognition", "recognitions",
    first: false, single: ["date"], map: recognitions,
    title: |r| r.words.as_str().lines().next().unwrap_or_default().into());
record_kind!(ConsideredOption, Options, "options", "option", "options", first: false,
    single: ["title", "chosen", "position"], map: options, title: |r| r.title.as_str().into());
