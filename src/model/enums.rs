//! Closed vocabularies stored as lowercase strings, so that other Automerge
//! clients read `"decided"` rather than a Rust variant name.

use autosurgeon::{Hydrate, HydrateError, Reconcile, Reconciler};

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal / $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value stored in the document.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The words shown to people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// (stored value, words) for each, for a choice on screen.
            pub fn choices() -> Vec<(String, String)> {
                Self::ALL
                    .iter()
                    .map(|v| (v.as_str().to_string(), v.label().to_string()))
                    .collect()
            }

            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                $name::parse(&s).ok_or_else(|| serde::de::Error::unknown_variant(&s, &[]))
            }
        }

        impl Reconcile for $name {
            type Key<'a> = autosurgeon::reconcile::NoKey;
            fn reconcile<R: Reconciler>(&self, mut reconciler: R) -> Result<(), R::Error> {
                reconciler.str(self.as_str())
            }
        }

        impl Hydrate for $name {
            fn hydrate_string(s: &'_ str) -> Result<Self, HydrateError> {
                $name::parse(s).ok_or_else(|| {
                    HydrateError::unexpected(stringify!($name), format!("the value {s:?}"))
                })
            }

            // Other Automerge clients may write the value as a text object.
            fn hydrate_text<D: autosurgeon::ReadDoc>(
                doc: &D,
                obj: &automerge::ObjId,
            ) -> Result<Self, HydrateError> {
                let s = doc.text(obj)?;
                Self::hydrate_string(&s)
            }
        }

        impl super::tree::FromTree for $name {
            fn from_tree(v: &automerge::hydrate::Value) -> Result<Self, HydrateError> {
                let s = super::tree::enum_string(v)?;
                <Self as Hydrate>::hydrate_string(&s)
            }
        }
    };
}

string_enum!(
    /// Where a decision is in its life.
    DecisionStatus {
        Draft => "draft" / "Draft",
        Open => "open" / "Open",
        Decided => "decided" / "Decided",
        Superseded => "superseded" / "Superseded",
        Reversed => "reversed" / "Reversed",
        Retired => "retired" / "Retired",
    }
);

string_enum!(
    /// How a decision is taken.
    Method {
        Autonomous => "autonomous" / "Autonomous (by the owner)",
        Advice => "advice" / "Advice process",
        Consent => "consent" / "Consent",
        Consensus => "consensus" / "Consensus",
        Vote => "vote" / "Vote",
    }
);

string_enum!(
    /// Whether a role is still in use.
    RoleStatus {
        Active => "active" / "Active",
        Retired => "retired" / "Retired",
    }
);

string_enum!(
    /// What a consulted person said.
    Stance {
        Support => "support" / "Support",
        Concern => "concern" / "Concern",
        Objection => "objection" / "Objection",
        Abstain => "abstain" / "Abstain",
    }
);

string_enum!(
    /// How an objection was settled.
    Resolution {
        Amended => "amended" / "Proposal amended",
        Withdrawn => "withdrawn" / "Objection withdrawn",
        Overruled => "overruled" / "Overruled, with a reason",
    }
);

string_enum!(
    /// What a tension is about.
    TensionKind {
        Governance => "governance" / "Governance (roles, decision rights)",
        Operational => "operational" / "Operational (the work)",
    }
);

string_enum!(
    /// Where a tension is: raised, put on an agenda, then processed or dropped.
    TensionStatus {
        Open => "open" / "Open",
        OnAgenda => "on_agenda" / "On an agenda",
        Processed => "processed" / "Processed",
        Dropped => "dropped" / "Dropped",
    }
);

string_enum!(
    /// The kind of a meeting.
    MeetingKind {
        Tactical => "tactical" / "Tactical",
        Governance => "governance" / "Governance",
        Retrospective => "retrospective" / "Retrospective",
        Strategy => "strategy" / "Strategy",
    }
);

string_enum!(
    /// A meeting is planned, then held.
    MeetingStatus {
        Planned => "planned" / "Planned",
        Held => "held" / "Held",
    }
);

string_enum!(
    /// Whether a member came to a meeting.
    Attendance {
        Present => "present" / "Present",
        Absent => "absent" / "Absent",
        Excused => "excused" / "Excused",
    }
);

string_enum!(
    /// What an agenda item brings to the meeting.
    ItemKind {
        Tension => "tension" / "Tension",
        Review => "review" / "Decision due for review",
        Waiting => "waiting" / "Decision waiting for advice or consent",
        Term => "term" / "Role term ending",
        Free => "free" / "Other",
    }
);

string_enum!(
    /// What became of an agenda item.
    ItemOutcome {
        Processed => "processed" / "Processed",
        Deferred => "deferred" / "Deferred",
    }
);

string_enum!(
    /// The kind of record a link points at.
    LinkKind {
        Decision => "decision" / "Decision",
        Role => "role" / "Role",
        Meeting => "meeting" / "Meeting",
        Tension => "tension" / "Tension",
        Advice => "advice" / "Advice given",
        RoleTerm => "role_term" / "Role term",
    }
);
