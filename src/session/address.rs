//! Which screen shows, and each screen's address:
//! `?team=<id>&view=<screen>[&id=<record>]`, the decision log adding its
//! filter (`&status=open`…). A query, not a path, so it works under any
//! sub-path and offline (the service worker serves the one page for any
//! query); not the fragment, which carries teammates' links.

use crate::model::{filter::DecisionFilter, ids::is_valid_id, Collection};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    Overview,
    Members,
    Member(String),
    Roles,
    Role(String),
    Decisions,
    Decision(String),
    Meetings,
    Meeting(String),
    Tensions,
    Insights,
    Past,
    WhoDecides,
}

impl Screen {
    /// The screen of one record (a tension's is the list of tensions).
    pub fn record(c: Collection, id: String) -> Self {
        match c {
            Collection::Members => Screen::Member(id),
            Collection::Roles => Screen::Role(id),
            Collection::Decisions => Screen::Decision(id),
            Collection::Meetings => Screen::Meeting(id),
            Collection::Tensions => Screen::Tensions,
            // A recognition is read on its recipients' pages; which one is
            // not known from the id alone.
            Collection::Recognitions => Screen::Members,
            // An option is read on its decision's page.
            Collection::Options => Screen::Decisions,
        }
    }

    /// The `view` word, and the record's id for a record's screen.
    fn view(&self) -> (&'static str, Option<&str>) {
        match self {
            Screen::Welcome => ("welcome", None),
            Screen::Overview => ("overview", None),
            Screen::Members => ("members", None),
            Screen::Member(id) => ("member", Some(id)),
            Screen::Roles => ("roles", None),
            Screen::Role(id) => ("role", Some(id)),
            Screen::Decisions => ("decisions", None),
            Screen::Decision(id) => ("decision", Some(id)),
            Screen::Meetings => ("meetings", None),
            Screen::Meeting(id) => ("meeting", Some(id)),
            Screen::Tensions => ("tensions", None),
            Screen::Insights => ("insights", None),
            Screen::Past => ("history", None),
            Screen::WhoDecides => ("who-decides", None),
        }
    }

    fn from_view(view: &str, id: Option<String>) -> Option<Screen> {
        let record = |f: fn(String) -> Screen| id.clone().map(f);
        Some(match view {
            "welcome" => Screen::Welcome,
            "overview" => Screen::Overview,
            "members" => Screen::Members,
            "member" => record(Screen::Member)?,
            "roles" => Screen::Roles,
            "role" => record(Screen::Role)?,
            "decisions" => Screen::Decisions,
            "decision" => record(Screen::Decision)?,
            "meetings" => Screen::Meetings,
            "meeting" => record(Screen::Meeting)?,
            "tensions" => Screen::Tensions,
            "insights" => Screen::Insights,
            "history" => Screen::Past,
            "who-decides" => Screen::WhoDecides,
            _ => return None,
        })
    }

    /// The section a screen belongs to (a record's is its list).
    pub fn section(&self) -> Screen {
        match self {
            Screen::Member(_) => Screen::Members,
            Screen::Role(_) => Screen::Roles,
            Screen::Decision(_) => Screen::Decisions,
            Screen::Meeting(_) => Screen::Meetings,
            s => s.clone(),
        }
    }
}

/// What an address names: a team (by id) and a screen of it, and for the
/// decision log its filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Address {
    pub team: Option<String>,
    pub screen: Option<Screen>,
    pub filter: DecisionFilter,
    /// Parts of the filter that could not be used, in words.
    pub unused: Vec<String>,
    /// The day the history screen shows (`&day=YYYY-MM-DD`).
    pub day: Option<String>,
}

impl Address {
    /// Reads a page's `?query`. Anything unknown or malformed is left out;
    /// nothing here panics.
    pub fn parse(query: &str) -> Address {
        let (filter, unused) = DecisionFilter::parse_query(query);
        let mut team = None;
        let mut view = None;
        let mut id = None;
        let mut day = None;
        for pair in query.trim_start_matches('?').split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let id_like = || Some(v.to_string()).filter(|v| is_valid_id(v));
            match k {
                "team" => team = id_like(),
                "id" => id = id_like(),
                "view" => view = Some(v.to_string()),
                "day" if crate::model::date::is_iso_date(v) => day = Some(v.to_string()),
                _ => {}
            }
        }
        let screen = match view {
            Some(v) => Screen::from_view(&v, id),
            // Bookmarks of the decision log from before screens had
            // addresses carried only its filter.
            None if !filter.is_empty() || !unused.is_empty() => Some(Screen::Decisions),
            None => None,
        };
        Address {
            team,
            screen,
            filter,
            unused,
            day,
        }
    }

    /// The history screen's address on `day`.
    pub fn past_query(team: Option<&str>, day: &str) -> String {
        let q = Address::query(team, &Screen::Past, &DecisionFilter::default());
        match crate::model::date::is_iso_date(day) {
            true => format!("{q}&day={day}"),
            false => q,
        }
    }

    /// The `?query` for `screen` of `team`; the filter counts on the
    /// decision log only.
    pub fn query(team: Option<&str>, screen: &Screen, filter: &DecisionFilter) -> String {
        let mut q = String::from("?");
        if let Some(t) = team.filter(|_| *screen != Screen::Welcome) {
            q.push_str(&format!("team={t}&"));
        }
        let (view, id) = screen.view();
        q.push_str(&format!("view={view}"));
        if let Some(id) = id {
            q.push_str(&format!("&id={id}"));
        }
        if *screen == Screen::Decisions {
            let f = filter.to_query();
            if let Some(rest) = f.strip_prefix('?') {
                q.push('&');
                q.push_str(rest);
            }
        }
        q
    }
}
