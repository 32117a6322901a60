//! Planning the import of a Markdown decision log into a team: what will
//! be created, what is already there (so importing twice creates nothing
//! twice), and which files were skipped and why — before anything changes.

use std::collections::{BTreeMap, HashMap};

use autosurgeon::Text;

use super::{log::LogRecord, madr::record_date, madr_read};
use crate::model::{date, ids::new_id, ConsideredOption, Decision, DecisionStatus, Owner, Team};

/// One decision the import will create, as the preview lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub file: String,
    pub title: String,
    pub status: DecisionStatus,
    pub date: Option<String>,
    pub options: usize,
    /// What was not understood or not used.
    pub notes: Vec<String>,
}

/// What importing a set of files would do.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub create: Vec<Planned>,
    /// (file, title) of records the team already has.
    pub already: Vec<(String, String)>,
    /// (file, reason) of files not read.
    pub skipped: Vec<(String, String)>,
    /// The decisions and options to write, in the order of `create`.
    pub records: Vec<(Decision, Vec<ConsideredOption>)>,
}

/// A title as compared: case and surrounding spaces do not matter.
fn key(title: &str) -> String {
    title.trim().to_lowercase()
}

fn same_title(a: &str, b: &str) -> bool {
    key(a) == key(b)
}

/// Reads `files` (path, bytes or why they could not be read) and plans
/// their import into `team`. `at_ms` and `author` stamp what is created.
pub fn plan(
    team: &Team,
    files: Vec<(String, Result<Vec<u8>, String>)>,
    at_ms: i64,
    author: Option<&str>,
) -> Plan {
    let mut out = Plan::default();
    let mut read: Vec<LogRecord> = Vec::new();
    let mut files = files;
    crate::model::order::sort_by(&mut files, |a, b| {
        madr_read::base_name(&a.0).cmp(madr_read::base_name(&b.0))
    });
    for (path, bytes) in files {
        let name = madr_read::base_name(&path).to_string();
        if name.starts_with('.') {
            continue;
        }
        let result = match bytes {
            Ok(b) => madr_read::read(&path, &b).map_err(|e| e.to_string()),
            Err(why) => madr_read::check_name(&path)
                .map_err(|e| e.to_string())
                .and(Err(why)),
        };
        match result {
            Ok(r) => read.push(r),
            Err(why) => out.skipped.push((name, why)),
        }
    }
    // Which decision each file becomes: one already in the team, or new.
    let mut id_of: HashMap<String, String> = HashMap::new();
    let mut new: Vec<LogRecord> = Vec::new();
    // The team's decisions by title and date, read once (a log of
    // thousands meets a team of thousands).
    let known: HashMap<(String, String), &str> = team
        .decisions
        .values()
        .map(|d| ((key(&d.title), record_date(d)), d.id.as_str()))
        .collect();
    for r in read {
        let by_id = r.id.as_ref().filter(|id| team.decisions.contains_key(*id));
        let existing = by_id.cloned().or_else(|| {
            let date = r.date.clone()?;
            known.get(&(key(&r.title), date)).map(|id| id.to_string())
        });
        let twice = new
            .iter()
            .any(|n| same_title(&n.title, &r.title) && n.date == r.date);
        if let Some(id) = existing {
            id_of.insert(r.file.clone(), id);
            out.already.push((r.file, r.title));
        } else if twice {
            out.skipped.push((
                r.file,
                "the same decision as another file (title and date)".into(),
            ));
        } else {
            id_of.insert(r.file.clone(), new_id('d'));
            new.push(r);
        }
    }
    for mut r in new {
        let id = id_of[&r.file].clone();
        let created_at = r
            .date
            .as_deref()
            .and_then(date::to_days)
            .map_or(at_ms, |d| d * 86_400_000);
        let mut d = Decision::new(id.clone(), &r.title, created_at, author);
        d.status = r.status;
        let decided = !matches!(r.status, DecisionStatus::Draft | DecisionStatus::Open);
        d.decided_on = if decided { r.date.clone() } else { None };
        d.driver = Text::with_value(r.driver.as_str());
        d.proposal = Text::with_value(r.proposal.as_str());
        d.outcome = Text::with_value(r.outcome.as_str());
        d.rationale = Text::with_value(r.rationale.as_str());
        d.review_by = r.review_by.clone();
        d.tags = r.tags.clone();
        if let Some(m) = r.method {
            d.method = m;
        }
        if let Some(owner) = &r.owner {
            match find_owner(team, owner) {
                Some(o) => d.owner = Some(o.encode()),
                None => r
                    .notes
                    .push(format!("owner \"{owner}\" is not in this team")),
            }
        }
        let link = |files: &[String], notes: &mut Vec<String>, what: &str| {
            let mut found = None;
            for f in files {
                match id_of.get(f) {
                    Some(id) if found.is_none() => found = Some(id.clone()),
                    Some(_) => {}
                    None => notes.push(format!("{what} {f}: not among these files or the team")),
                }
            }
            found
        };
        d.supersedes = link(&r.supersedes, &mut r.notes, "supersedes");
        d.superseded_by = link(&r.superseded_by, &mut r.notes, "superseded by");
        let options: Vec<ConsideredOption> = r
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| ConsideredOption {
                id: new_id('o'),
                decision_id: id.clone(),
                title: o.title.clone(),
                pros: Text::with_value(o.pros.join("\n")),
                cons: Text::with_value(o.cons.join("\n")),
                position: i as i64,
                chosen: o.chosen,
                created_at: at_ms,
            })
            .collect();
        out.create.push(Planned {
            file: r.file.clone(),
            title: d.title.clone(),
            status: d.status,
            date: r.date.clone(),
            options: options.len(),
            notes: r.notes.clone(),
        });
        out.records.push((d, options));
    }
    // Links one way only are made both ways among the new decisions.
    let index: BTreeMap<String, usize> = out
        .records
        .iter()
        .enumerate()
        .map(|(i, (d, _))| (d.id.clone(), i))
        .collect();
    for i in 0..out.records.len() {
        let (sup, by) = (
            out.records[i].0.supersedes.clone(),
            out.records[i].0.superseded_by.clone(),
        );
        let me = out.records[i].0.id.clone();
        if let Some(j) = sup.and_then(|s| index.get(&s).copied()) {
            out.records[j].0.superseded_by.get_or_insert(me.clone());
        }
        if let Some(j) = by.and_then(|s| index.get(&s).copied()) {
            out.records[j].0.supersedes.get_or_insert(me);
        }
    }
    out
}

/// "Release lead (role)" is a role of that name; otherwise a person.
fn find_owner(team: &Team, owner: &str) -> Option<Owner> {
    if let Some(role) = owner.strip_suffix(" (role)") {
        return team
            .roles
            .values()
            .find(|r| same_title(&r.name, role))
            .map(|r| Owner::Role(r.id.clone()));
    }
    team.members
        .values()
        .find(|m| same_title(&m.name, owner))
        .map(|m| Owner::Member(m.id.clone()))
}
