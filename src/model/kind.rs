//! Kinds of record: each kind the team document keeps by id (members,
//! roles, decisions) is one [`Record`] implementation, and everything that
//! walks the collections (checking merges, finding conflicts, reading back
//! what changed, summing up an import) goes through it.

use std::{borrow::Cow, collections::BTreeMap};

use autosurgeon::{Hydrate, HydrateError, Reconcile};

use super::{
    decision::Decision, meeting::Meeting, member::Member, recognition::Recognition, role::Role,
    team::Team, tension::Tension, tree::FromTree,
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
    pub const ALL: [Collection; 6] = [
        Collection::Decisions,
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

impl Record for Member {
    const COLLECTION: Collection = Collection::Members;
    const KIND: Kind = Kind {
        key: "members",
        first_schema: true,
        one: "member",
        many: "members",
        single_valued: &["name", "left_on"],
        check: check_as::<Member>,
        title_in: title_as::<Member>,
    };
    fn id(&self) -> &str {
        &self.id
    }
    fn title(&self) -> Cow<'_, str> {
        self.name.as_str().into()
    }
    fn all(team: &Team) -> &BTreeMap<String, Self> {
        &team.members
    }
    fn all_mut(team: &mut Team) -> &mut BTreeMap<String, Self> {
        &mut team.members
    }
}

impl Record for Role {
    const COLLECTION: Collection = Collection::Roles;
    const KIND: Kind = Kind {
        key: "roles",
        first_schema: true,
        one: "role",
        many: "roles",
        single_valued: &["name", "status"],
        check: check_as::<Role>,
        title_in: title_as::<Role>,
    };
    fn id(&self) -> &str {
        &self.id
    }
    fn title(&self) -> Cow<'_, str> {
        self.name.as_str().into()
    }
    fn all(team: &Team) -> &BTreeMap<String, Self> {
        &team.roles
    }
    fn all_mut(team: &mut Team) -> &mut BTreeMap<String, Self> {
        &mut team.roles
    }
}

impl Record for Decision {
    const COLLECTION: Collection = Collection::Decisions;
    const KIND: Kind = Kind {
        key: "decisions",
        first_schema: true,
        one: "decision",
        many: "decisions",
        single_valued: &[
            "title",
            "owner",
            "method",
            "status",
            "decided_on",
            "review_by",
        ],
        check: check_as::<Decision>,
        title_in: title_as::<Decision>,
    };
    fn id(&self) -> &str {
        &self.id
    }
    fn title(&self) -> Cow<'_, str> {
        self.title.as_str().into()
    }
    fn all(team: &Team) -> &BTreeMap<String, Self> {
        &team.decisions
    }
    fn all_mut(team: &mut Team) -> &mut BTreeMap<String, Self> {
        &mut team.decisions
    }
}

impl Record for Tension {
    const COLLECTION: Collection = Collection::Tensions;
    const KIND: Kind = Kind {
        key: "tensions",
        first_schema: false,
        one: "tension",
        many: "tensions",
        single_valued: &["kind", "status", "raised_by"],
        check: check_as::<Tension>,
        title_in: title_as::<Tension>,
    };
    fn id(&self) -> &str {
        &self.id
    }
    fn title(&self) -> Cow<'_, str> {
        self.title().into()
    }
    fn all(team: &Team) -> &BTreeMap<String, Self> {
        &team.tensions
    }
    fn all_mut(team: &mut Team) -> &mut BTreeMap<String, Self> {
        &mut team.tensions
    }
}

impl Record for Meeting {
    const COLLECTION: Collection = Collection::Meetings;
    const KIND: Kind = Kind {
        key: "meetings",
        first_schema: false,
        one: "meeting",
        many: "meetings",
        single_valued: &["date", "kind", "status", "facilitator", "note_taker"],
        check: check_as::<Meeting>,
        title_in: title_as::<Meeting>,
    };
    fn id(&self) -> &str {
        &self.id
    }
    fn title(&self) -> Cow<'_, str> {
        Meeting::title(self).into()
    }
    fn all(team: &Team) -> &BTreeMap<String, Self> {
        &team.meetings
    }
    fn all_mut(team: &mut Team) -> &mut BTreeMap<String, Self> {
        &mut team.meetings
    }
}

impl Record for Recognition {
    const COLLECTION: Collection = Collection::Recognitions;
    const KIND: Kind = Kind {
        key: "recognitions",
        first_schema: false,
        one: "recognition",
        many: "recognitions",
        single_valued: &["date"],
        check: check_as::<Recognition>,
        title_in: title_as::<Recognition>,
    };
    fn id(&self) -> &str {
        &self.id
    }
    fn title(&self) -> Cow<'_, str> {
        self.words
            .as_str()
            .lines()
            .next()
            .unwrap_or_default()
            .into()
    }
    fn all(team: &Team) -> &BTreeMap<String, Self> {
        &team.recognitions
    }
    fn all_mut(team: &mut Team) -> &mut BTreeMap<String, Self> {
        &mut team.recognitions
    }
}
