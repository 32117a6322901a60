//! A meeting: when, what kind, who facilitated and took notes (in turn,
//! see `rotation`), who came, and its agenda with each item's notes and
//! outcome.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use autosurgeon::{Hydrate, Reconcile, Text};

use super::{
    enums::{Attendance, ItemKind, ItemOutcome, MeetingKind, MeetingStatus},
    tension::Link,
};

#[derive(Debug, Clone, PartialEq, Eq, Hydrate, Reconcile, Serialize, Deserialize)]
pub struct AgendaItem {
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub id: String,
    /// Items are taken in this order (then by id): a map keyed by id, not
    /// a list, so that notes typed into one item by two teammates merge.
    #[autosurgeon(hydrate = "super::lenient::int")]
    pub position: i64,
    pub kind: ItemKind,
    /// The tension, decision or role it is about (none for free text).
    #[autosurgeon(hydrate = "super::lenient::opt_string")]
    pub about: Option<String>,
    #[autosurgeon(hydrate = "super::lenient::text")]
    #[serde(with = "super::snapshot::text")]
    pub text: Text,
    #[autosurgeon(hydrate = "super::lenient::text")]
    #[serde(with = "super::snapshot::text")]
    pub notes: Text,
    #[autosurgeon(missing = "Default::default")]
    pub outcome: Option<ItemOutcome>,
    /// Records made from this item.
    #[autosurgeon(missing = "Default::default")]
    pub produced: Vec<Link>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hydrate, Reconcile, Serialize, Deserialize)]
pub struct Meeting {
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub id: String,
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub date: String,
    pub kind: MeetingKind,
    pub status: MeetingStatus,
    #[autosurgeon(hydrate = "super::lenient::opt_string")]
    pub facilitator: Option<String>,
    #[autosurgeon(hydrate = "super::lenient::opt_string")]
    pub note_taker: Option<String>,
    /// By member id; members not listed were expected.
    #[autosurgeon(missing = "Default::default")]
    pub attendance: BTreeMap<String, Attendance>,
    /// Members who said "not today" when proposed to facilitate or take
    /// notes: not counted as turns served.
    #[autosurgeon(hydrate = "super::lenient::strings")]
    pub declined: Vec<String>,
    #[autosurgeon(missing = "Default::default")]
    pub agenda: BTreeMap<String, AgendaItem>,
    #[autosurgeon(hydrate = "super::lenient::int")]
    pub created_at: i64,
}

impl Meeting {
    pub fn new(id: String, date: &str, kind: MeetingKind, created_at: i64) -> Self {
        Meeting {
            id,
            date: date.to_string(),
            kind,
            status: MeetingStatus::Planned,
            facilitator: None,
            note_taker: None,
            attendance: BTreeMap::new(),
            declined: Vec::new(),
            agenda: BTreeMap::new(),
            created_at,
        }
    }

    /// Whether `member` was (or is expected to be) there.
    pub fn attends(&self, member: &str) -> bool {
        matches!(
            self.attendance.get(member),
            None | Some(Attendance::Present)
        )
    }

    /// The agenda in order.
    pub fn items(&self) -> Vec<&AgendaItem> {
        let mut v: Vec<&AgendaItem> = self.agenda.values().collect();
        crate::model::order::sort_by(&mut v, |a, b| (a.position, &a.id).cmp(&(b.position, &b.id)));
        v
    }

    /// "Governance meeting, 2026-12-01".
    pub fn title(&self) -> String {
        format!("{} meeting, {}", self.kind.label(), self.date)
    }
}
