//! Finding decisions: a filter that can live in the page address, so a view
//! can be bookmarked or sent.

use super::{
    decision::{Decision, Owner},
    enums::{DecisionStatus, Method},
    rights::words,
    team::Team,
};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DecisionFilter {
    pub text: String,
    pub status: Option<DecisionStatus>,
    pub method: Option<Method>,
    /// `role:<id>` or `member:<id>`: decisions owned by it.
    pub owner: Option<String>,
    /// Decisions that involve this member: owner, filler of the owning role,
    /// consulted, or objecting.
    pub member: Option<String>,
    pub tag: Option<String>,
    pub goal: Option<String>,
    /// Created or decided on or after / before these dates (`YYYY-MM-DD`).
    pub from: Option<String>,
    pub to: Option<String>,
    /// Only decisions whose review date has come (as of the day asked).
    pub review_due: bool,
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(
                    std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"),
                    16,
                ) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b':' => {
                (b as char).to_string()
            }
            b' ' => "+".to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl DecisionFilter {
    pub fn is_empty(&self) -> bool {
        *self == DecisionFilter::default()
    }

    /// The filter from a page query such as `?status=open&q=budget`.
    /// Parts it cannot use are left out: see [`Self::parse_query`].
    pub fn from_query(query: &str) -> Self {
        Self::parse_query(query).0
    }

    /// The filter from a page query, and the parts of it that could not be
    /// used (an unknown key or value, a malformed date), as they were
    /// written, so the page can say so. Values of closed lists and tags
    /// are read regardless of case (`?status=Decided`, `?tag=Security`).
    pub fn parse_query(query: &str) -> (Self, Vec<String>) {
        let mut f = DecisionFilter::default();
        let mut unused = Vec::new();
        for pair in query.trim_start_matches('?').split('&') {
            if pair.is_empty() {
                continue;
            }
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = decode(v);
            let v = v.trim();
            if v.chars().count() > 200 {
                unused.push(decode(pair).chars().take(60).collect());
                continue;
            }
            // The screen's own address, read by `session::address`.
            if v.is_empty() || matches!(k, "team" | "view" | "id") {
                continue;
            }
            let some = || Some(v.to_string());
            let lower = v.to_lowercase();
            let used = match k {
                "q" => {
                    f.text = v.to_string();
                    true
                }
                "status" => {
                    f.status = DecisionStatus::parse(&lower);
                    f.status.is_some()
                }
                "method" => {
                    f.method = Method::parse(&lower);
                    f.method.is_some()
                }
                "owner" => {
                    f.owner = Owner::decode(v).map(|o| o.encode());
                    f.owner.is_some()
                }
                "member" => {
                    f.member = some();
                    true
                }
                "tag" => {
                    f.tag = Some(lower);
                    true
                }
                "goal" => {
                    f.goal = some();
                    true
                }
                "from" if super::date::is_iso_date(v) => {
                    f.from = some();
                    true
                }
                "to" if super::date::is_iso_date(v) => {
                    f.to = some();
                    true
                }
                "review" if lower == "due" => {
                    f.review_due = true;
                    true
                }
                _ => false,
            };
            if !used {
                unused.push(decode(pair));
            }
        }
        (f, unused)
    }

    /// Every filter in force, in words ("Status: Decided", "Tag:
    /// security"), naming records of `team` where it can.
    pub fn describe(&self, team: &Team) -> Vec<String> {
        let mut out = Vec::new();
        if !self.text.trim().is_empty() {
            out.push(format!("Words: {}", self.text.trim()));
        }
        if let Some(s) = self.status {
            out.push(format!("Status: {}", s.label()));
        }
        if let Some(m) = self.method {
            out.push(format!("Method: {}", m.label()));
        }
        if let Some(o) = self.owner.as_deref().and_then(Owner::decode) {
            out.push(format!("Owner: {}", super::queries::owner_label(team, &o)));
        }
        if let Some(m) = &self.member {
            let name = team.member_name(m).unwrap_or("someone not in this team");
            out.push(format!("Person involved: {name}"));
        }
        if let Some(t) = &self.tag {
            out.push(format!("Tag: {t}"));
        }
        if let Some(g) = &self.goal {
            let title = team
                .profile
                .goals
                .get(g)
                .map_or("a goal not in this team", |g| g.title.as_str());
            out.push(format!("Goal: {title}"));
        }
        if let Some(d) = &self.from {
            out.push(format!("From: {d}"));
        }
        if let Some(d) = &self.to {
            out.push(format!("To: {d}"));
        }
        if self.review_due {
            out.push("Due for review".to_string());
        }
        out
    }

    /// The page query for this filter (empty when it filters nothing).
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        let mut put = |k: &str, v: Option<&str>| {
            if let Some(v) = v.filter(|v| !v.is_empty()) {
                parts.push(format!("{k}={}", encode(v)));
            }
        };
        put("q", Some(&self.text));
        put("status", self.status.map(|s| s.as_str()));
        put("method", self.method.map(|m| m.as_str()));
        put("owner", self.owner.as_deref());
        put("member", self.member.as_deref());
        put("tag", self.tag.as_deref());
        put("goal", self.goal.as_deref());
        put("from", self.from.as_deref());
        put("to", self.to.as_deref());
        put("review", self.review_due.then_some("due"));
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// Whether `d` passes every filter in force, `today` being the day
    /// reviews are due by.
    pub fn matches(&self, team: &Team, d: &Decision, today: &str) -> bool {
        if self.review_due && !d.review_due(today) {
            return false;
        }
        if self.status.is_some_and(|s| s != d.status) || self.method.is_some_and(|m| m != d.method)
        {
            return false;
        }
        if self
            .owner
            .as_ref()
            .is_some_and(|o| d.owner.as_ref() != Some(o))
        {
            return false;
        }
        if let Some(m) = &self.member {
            let owns = match d.owner() {
                Some(Owner::Member(id)) => &id == m,
                Some(Owner::Role(id)) => team.roles.get(&id).is_some_and(|r| r.is_filled_by(m)),
                None => false,
            };
            let involved = owns
                || d.consultees.contains_key(m)
                || d.objections.values().any(|o| &o.by == m)
                || d.created_by.as_ref() == Some(m);
            if !involved {
                return false;
            }
        }
        if self
            .tag
            .as_ref()
            .is_some_and(|t| !d.tags.iter().any(|x| x.eq_ignore_ascii_case(t)))
        {
            return false;
        }
        if self.goal.as_ref().is_some_and(|g| !d.goals.contains(g)) {
            return false;
        }
        let day = d
            .decided_on
            .clone()
            .unwrap_or_else(|| super::date::from_unix_ms(d.created_at));
        if self
            .from
            .as_ref()
            .is_some_and(|f| day.as_str() < f.as_str())
            || self.to.as_ref().is_some_and(|t| day.as_str() > t.as_str())
        {
            return false;
        }
        let wanted = words(&self.text);
        if !wanted.is_empty() {
            let mut have = words(&d.title);
            for t in [&d.driver, &d.proposal, &d.outcome, &d.rationale] {
                have.extend(words(t.as_str()));
            }
            for t in &d.tags {
                have.extend(words(t));
            }
            if !wanted.is_subset(&have) {
                return false;
            }
        }
        true
    }
}
