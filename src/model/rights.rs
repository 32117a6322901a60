//! Decision rights: who decides what, whether a decision may be taken the
//! way it is set up, whom to consult, and which goals decisions serve.
//!
//! Topics are matched on words: "release dates" matches a domain entry
//! "release dates and scope" and a decision tagged "release". Common words
//! are ignored and plurals folded, so a matching word means the same thing.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::{
    decision::{Decision, Owner},
    enums::{DecisionStatus, Method},
    member::Member,
    role::Role,
    team::{Goal, Team},
};

const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it", "of",
    "on", "or", "our", "over", "the", "to", "under", "up", "we", "with", "who", "what", "when",
    "how", "all", "any", "new", "about", "than", "per", "each", "every", "this", "that", "use",
];

/// The meaningful words of a text, lower-cased, plurals folded.
pub fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .filter(|w| w.chars().count() > 1 || w.chars().all(|c| c.is_ascii_digit()))
        .map(|w| fold(&w))
        .collect()
}

/// Folds plurals, "-ing" and a final "e", in that order, so that "dates"
/// meets "date", "meetings" meets "meet" and "hiring" meets "hire".
fn fold(w: &str) -> String {
    let long = |stem: &str| stem.chars().count() >= 3;
    let mut w = w.to_string();
    if let Some(stem) = w.strip_suffix("ies").filter(|s| long(s)) {
        w = format!("{stem}y");
    } else if let Some(stem) = w.strip_suffix('s').filter(|s| long(s) && !s.ends_with('s')) {
        w = stem.to_string();
    }
    if let Some(stem) = w.strip_suffix("ing").filter(|s| long(s)) {
        w = stem.to_string();
    }
    if let Some(stem) = w.strip_suffix('e').filter(|s| long(s)) {
        w = stem.to_string();
    }
    w
}

/// The entries of `list` about `topic`: those holding all its words if any
/// do, otherwise those sharing at least one.
pub fn matching<'a>(list: &'a [String], topic: &BTreeSet<String>) -> Vec<&'a str> {
    let scored: Vec<(&'a str, BTreeSet<String>)> =
        list.iter().map(|e| (e.as_str(), words(e))).collect();
    best_matches(scored.iter().map(|(e, w)| (*e, w)), topic)
}

/// [`matching`]'s rule, on entries whose words are already read.
fn best_matches<'a, 'w>(
    scored: impl Iterator<Item = (&'a str, &'w BTreeSet<String>)> + Clone,
    topic: &BTreeSet<String>,
) -> Vec<&'a str> {
    let full: Vec<&'a str> = scored
        .clone()
        .filter(|(_, w)| topic.is_subset(w))
        .map(|(e, _)| e)
        .collect();
    if !full.is_empty() {
        return full;
    }
    scored
        .filter(|(_, w)| !w.is_disjoint(topic))
        .map(|(e, _)| e)
        .collect()
}

/// Lines of text with their words, read once.
type Lines = Vec<(String, BTreeSet<String>)>;

fn lines(list: &[String]) -> Lines {
    list.iter().map(|e| (e.clone(), words(e))).collect()
}

/// [`matching`] on lines whose words are already read.
fn matching_lines<'a>(list: &'a Lines, topic: &BTreeSet<String>) -> Vec<&'a str> {
    best_matches(list.iter().map(|(e, w)| (e.as_str(), w)), topic)
}

/// The words of every role's domain and accountabilities and of every
/// member's expertise, read once: a decision's editor asks whom to
/// consult and whether it may be decided on every keystroke, and reading
/// the words of a large team's roles each time held the page milliseconds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Topics {
    /// Role id → (domain, accountabilities).
    roles: BTreeMap<String, (Lines, Lines)>,
    /// Member id → expertise.
    expertise: BTreeMap<String, Lines>,
    /// Word → the roles with a line of domain holding it, and the same for
    /// accountabilities: which roles a decision touches is then a lookup
    /// per word of the decision, not a comparison with every role's lines.
    domain_words: BTreeMap<String, BTreeSet<String>>,
    accountability_words: BTreeMap<String, BTreeSet<String>>,
}

/// Which of a role's lists of lines.
#[derive(Debug, Clone, Copy)]
enum Part {
    Domain,
    Accountabilities,
}

impl Topics {
    pub fn new(team: &Team) -> Self {
        let mut t = Topics {
            roles: team
                .roles
                .values()
                .map(|r| (r.id.clone(), (lines(&r.domain), lines(&r.accountabilities))))
                .collect(),
            expertise: team
                .members
                .values()
                .map(|m| (m.id.clone(), lines(&m.expertise)))
                .collect(),
            ..Topics::default()
        };
        for (id, (domain, accountabilities)) in &t.roles {
            for (index, list) in [
                (&mut t.domain_words, domain),
                (&mut t.accountability_words, accountabilities),
            ] {
                for word in list.iter().flat_map(|(_, w)| w) {
                    index.entry(word.clone()).or_default().insert(id.clone());
                }
            }
        }
        t
    }

    /// A fingerprint of everything [`Topics::new`] reads: while it is the
    /// same, so are the topics.
    pub fn key(team: &Team) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::hash::DefaultHasher::new();
        for r in team.roles.values() {
            (&r.id, &r.domain, &r.accountabilities).hash(&mut h);
        }
        for m in team.members.values() {
            (&m.id, &m.expertise).hash(&mut h);
        }
        h.finish()
    }

    /// The roles whose domain (or accountabilities) `topic` touches, as
    /// [`matching`] has it: a line sharing a word with the topic, or, for
    /// an empty topic, any line at all.
    fn touched(&self, part: Part, topic: &BTreeSet<String>) -> BTreeSet<&str> {
        if topic.is_empty() {
            return self
                .roles
                .iter()
                .filter(|(_, (d, a))| {
                    !match part {
                        Part::Domain => d,
                        Part::Accountabilities => a,
                    }
                    .is_empty()
                })
                .map(|(id, _)| id.as_str())
                .collect();
        }
        let index = match part {
            Part::Domain => &self.domain_words,
            Part::Accountabilities => &self.accountability_words,
        };
        topic
            .iter()
            .filter_map(|w| index.get(w))
            .flatten()
            .map(String::as_str)
            .collect()
    }
}

/// A role that claims a topic, and through which of its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim<'a> {
    pub role: &'a Role,
    pub domain: Vec<&'a str>,
    pub accountabilities: Vec<&'a str>,
}

/// The answer to "who decides about this?".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhoDecides<'a> {
    pub claims: Vec<Claim<'a>>,
    pub decisions: Vec<&'a Decision>,
}

impl WhoDecides<'_> {
    /// No active role's domain or accountabilities cover the topic.
    pub fn uncovered(&self) -> bool {
        self.claims.is_empty()
    }

    /// Two or more roles hold the topic in their domain: role confusion.
    pub fn double_claimed(&self) -> bool {
        self.claims.iter().filter(|c| !c.domain.is_empty()).count() >= 2
    }
}

/// Roles whose domain or accountabilities cover `topic` (domain first), and
/// past decisions on it.
pub fn who_decides<'a>(team: &'a Team, topic: &str) -> WhoDecides<'a> {
    let topic = words(topic);
    if topic.is_empty() {
        return WhoDecides {
            claims: Vec::new(),
            decisions: Vec::new(),
        };
    }
    let mut claims: Vec<Claim<'a>> = team
        .roles
        .values()
        .filter(|r| r.is_active())
        .map(|r| Claim {
            role: r,
            domain: matching(&r.domain, &topic),
            accountabilities: matching(&r.accountabilities, &topic),
        })
        .filter(|c| !c.domain.is_empty() || !c.accountabilities.is_empty())
        .collect();
    crate::model::order::sort_by(&mut claims, |a, b| {
        b.domain
            .len()
            .cmp(&a.domain.len())
            .then_with(|| a.role.name.to_lowercase().cmp(&b.role.name.to_lowercase()))
    });
    let mut decisions: Vec<&Decision> = team
        .decisions
        .values()
        .filter(|d| !decision_words(d).is_disjoint(&topic))
        .collect();
    crate::model::order::sort_by_key(&mut decisions, |d| std::cmp::Reverse(d.created_at));
    WhoDecides { claims, decisions }
}

/// What a decision is about: its title and tags.
pub fn decision_words(d: &Decision) -> BTreeSet<String> {
    let mut w = words(&d.title);
    for t in &d.tags {
        w.extend(words(t));
    }
    w
}

/// Why a decision cannot be marked decided yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotYet {
    NoOwner,
    OutsideDomain { owner: String },
    OpenObjections(usize),
    NoAdvice,
}

impl fmt::Display for NotYet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotYet::NoOwner => write!(f, "Name an owner (a role or a person) before marking it decided."),
            NotYet::OutsideDomain { owner } => write!(
                f,
                "This is not in the domain of {owner}, so it cannot be decided autonomously: use the advice process, consent or the whole team."
            ),
            NotYet::OpenObjections(1) => write!(f, "One objection is not resolved yet: a consent decision waits for it."),
            NotYet::OpenObjections(n) => write!(f, "{n} objections are not resolved yet: a consent decision waits for them."),
            NotYet::NoAdvice => write!(f, "Nobody has given advice yet: the advice process asks at least one person first."),
        }
    }
}

/// The active roles whose domain covers the decision.
fn covering_roles<'a>(team: &'a Team, topics: &Topics, d: &Decision) -> Vec<&'a Role> {
    let touched = topics.touched(Part::Domain, &decision_words(d));
    team.roles
        .values()
        .filter(|r| r.is_active() && touched.contains(r.id.as_str()))
        .collect()
}

/// Whether the owner may decide this alone: it falls in the owner role's
/// domain, or in the domain of a role the owning member holds.
pub fn owner_may_decide_alone(team: &Team, d: &Decision) -> Result<(), NotYet> {
    owner_may_decide_alone_in(team, &Topics::new(team), d)
}

/// [`owner_may_decide_alone`], with the team's topics already read.
pub fn owner_may_decide_alone_in(team: &Team, topics: &Topics, d: &Decision) -> Result<(), NotYet> {
    let owner = d.owner().ok_or(NotYet::NoOwner)?;
    let covering = covering_roles(team, topics, d);
    let allowed = match &owner {
        Owner::Role(id) => covering.iter().any(|r| &r.id == id),
        Owner::Member(id) => covering.iter().any(|r| r.is_filled_by(id)),
    };
    if allowed {
        Ok(())
    } else {
        Err(NotYet::OutsideDomain {
            owner: super::queries::owner_label(team, &owner),
        })
    }
}

/// Whether the decision may be marked decided, the way it is set up.
pub fn can_decide(team: &Team, d: &Decision) -> Result<(), NotYet> {
    // Only a decision taken alone asks about the roles' domains.
    let topics = match d.method {
        Method::Autonomous => Topics::new(team),
        _ => Topics::default(),
    };
    can_decide_in(team, &topics, d)
}

/// [`can_decide`], with the team's topics already read.
pub fn can_decide_in(team: &Team, topics: &Topics, d: &Decision) -> Result<(), NotYet> {
    if d.owner().is_none() {
        return Err(NotYet::NoOwner);
    }
    match d.method {
        Method::Autonomous => owner_may_decide_alone_in(team, topics, d),
        Method::Advice if !d.consultees.values().any(|c| c.stance.is_some()) => {
            Err(NotYet::NoAdvice)
        }
        Method::Consent if d.open_objections() > 0 => {
            Err(NotYet::OpenObjections(d.open_objections()))
        }
        _ => Ok(()),
    }
}

/// The moves a decision may make. Superseding goes through
/// [`super::TeamDocument::supersede`], which links both records.
pub fn allowed_next(from: DecisionStatus) -> &'static [DecisionStatus] {
    use DecisionStatus::*;
    match from {
        Draft => &[Open, Retired],
        Open => &[Draft, Decided, Retired],
        Decided => &[Reversed, Retired],
        Superseded | Reversed | Retired => &[],
    }
}

/// Someone worth consulting, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion<'a> {
    pub member: &'a Member,
    pub reasons: Vec<String>,
}

/// Fillers of roles whose domain or accountabilities the decision touches,
/// and members whose expertise matches its tags. The owner is left out.
pub fn suggest_consultees<'a>(team: &'a Team, d: &Decision) -> Vec<Suggestion<'a>> {
    suggest_consultees_in(team, &Topics::new(team), d)
}

/// [`suggest_consultees`], with the team's topics already read.
pub fn suggest_consultees_in<'a>(
    team: &'a Team,
    topics: &Topics,
    d: &Decision,
) -> Vec<Suggestion<'a>> {
    let mut topic = decision_words(d);
    topic.extend(words(d.proposal.as_str()));
    let owner_member = match d.owner() {
        Some(Owner::Member(id)) => Some(id),
        _ => None,
    };
    let mut out: Vec<Suggestion<'a>> = Vec::new();
    let mut add = |member: &'a Member, reason: String| {
        if !member.is_active() || owner_member.as_deref() == Some(member.id.as_str()) {
            return;
        }
        match out.iter_mut().find(|s| s.member.id == member.id) {
            Some(s) if !s.reasons.contains(&reason) => s.reasons.push(reason),
            Some(_) => {}
            None => out.push(Suggestion {
                member,
                reasons: vec![reason],
            }),
        }
    };
    let mut touched = topics.touched(Part::Domain, &topic);
    touched.extend(topics.touched(Part::Accountabilities, &topic));
    for role in team.roles.values().filter(|r| r.is_active()) {
        if !touched.contains(role.id.as_str()) {
            continue;
        }
        for f in role.fillers.values() {
            if let Some(m) = team.members.get(&f.member_id) {
                add(m, format!("holds {}", role.name));
            }
        }
    }
    let tags: BTreeSet<String> = d.tags.iter().flat_map(|t| words(t)).collect();
    // No tags: nobody's expertise matches (an empty topic matches all).
    for m in team.members.values().filter(|_| !tags.is_empty()) {
        let shared: Vec<&str> = topics
            .expertise
            .get(&m.id)
            .map(|l| matching_lines(l, &tags))
            .unwrap_or_default();
        if !shared.is_empty() {
            add(m, format!("knows {}", shared.join(", ")));
        }
    }
    crate::model::order::sort_by(&mut out, |a, b| {
        b.reasons
            .len()
            .cmp(&a.reasons.len())
            .then_with(|| a.member.name.cmp(&b.member.name))
    });
    out
}

/// Live decisions that serve no goal.
pub fn decisions_without_goal(team: &Team) -> Vec<&Decision> {
    team.decisions
        .values()
        .filter(|d| d.is_live() && !d.goals.iter().any(|g| team.profile.goals.contains_key(g)))
        .collect()
}

/// Goals that no live decision serves.
pub fn goals_without_decision(team: &Team) -> Vec<&Goal> {
    team.profile
        .goals
        .values()
        .filter(|g| {
            !team
                .decisions
                .values()
                .any(|d| d.is_live() && d.goals.contains(&g.id))
        })
        .collect()
}

/// Where a tension may go from `from`: open → on an agenda → processed (or
/// back to open when deferred); open or on an agenda → dropped, with a
/// reason; a dropped one may be reopened.
pub fn tension_moves(from: crate::model::TensionStatus) -> &'static [crate::model::TensionStatus] {
    use crate::model::TensionStatus::*;
    match from {
        Open => &[OnAgenda, Processed, Dropped],
        OnAgenda => &[Open, Processed, Dropped],
        Processed => &[],
        Dropped => &[Open],
    }
}
