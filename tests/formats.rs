//! Records taken anywhere: options considered (and their schema
//! evolution), MADR 4 export and its template, reading MADR and adr-tools
//! logs, the import's plan (idempotent, all or nothing), CSV and JSON.
#![cfg(not(target_arch = "wasm32"))]
// Sorts here are not in the page (see clippy.toml).
#![allow(clippy::disallowed_methods)]

mod common;

use std::collections::BTreeMap;

use automerge::{AutoCommit, ReadDoc, ROOT};
use common::{stamp, NOW, TODAY};
use proptest::prelude::*;
use roundtable::{
    formats::{csv, import, json, madr, madr_read, zipfile},
    model::{
        collections, edits::OptionText, example::example_team, queries, DecisionStatus, Owner,
        Team, TeamDocument,
    },
};

/// A team saved by the version before options: it has the first shared
/// change (tensions, meetings, recognitions) but not the options map.
fn team_before_options() -> (Vec<u8>, String) {
    let mut doc = AutoCommit::load(&common::fixture("team-v1.automerge")).unwrap();
    doc.load_incremental(collections::change()).unwrap();
    assert!(doc.get(ROOT, "options").unwrap().is_none());
    let bytes = doc.save();
    let (_, team) = TeamDocument::load(&bytes).unwrap();
    let id = team
        .decisions
        .keys()
        .next()
        .cloned()
        .expect("the fixture has a decision");
    (bytes, id)
}

#[test]
fn two_teammates_adding_options_to_an_older_team_apart_keep_both() {
    let (old, decision) = team_before_options();
    let (mut a, _) = TeamDocument::load(&old).unwrap();
    let (mut b, _) = TeamDocument::load(&old).unwrap();
    let member = a.team().unwrap().members.keys().next().cloned().unwrap();
    let s = roundtable::model::Stamp::new(Some(&member), NOW);
    a.add_option(&s, &decision, "Postgres").unwrap();
    b.add_option(&s, &decision, "SQLite").unwrap();
    let from_b = b.export();
    a.merge_bytes(&from_b).unwrap();
    assert_eq!(
        a.automerge().get_all(ROOT, "options").unwrap().len(),
        1,
        "one options map"
    );
    let team = a.team().unwrap();
    let mut titles: Vec<&str> = queries::options_of(&team, &decision)
        .iter()
        .map(|o| o.title.as_str())
        .collect();
    titles.sort();
    assert_eq!(titles, ["Postgres", "SQLite"]);
}

#[test]
fn options_are_added_in_order_chosen_one_at_a_time_and_removed() {
    let (mut doc, ana) = common::new_team();
    let s = stamp(&ana);
    let d = doc.add_decision(&s, "Database").unwrap();
    let pg = doc.add_option(&s, &d, "Postgres").unwrap();
    let lite = doc.add_option(&s, &d, "SQLite").unwrap();
    doc.set_option_text(&s, &pg, OptionText::Pros, "Mature\nJSON columns")
        .unwrap();
    doc.set_option_text(&s, &pg, OptionText::Cons, "A server to run")
        .unwrap();
    doc.choose_option(&s, &lite, true).unwrap();
    doc.choose_option(&s, &pg, true).unwrap();
    let team = doc.team().unwrap();
    let opts = queries::options_of(&team, &d);
    assert_eq!(
        opts.iter().map(|o| o.title.as_str()).collect::<Vec<_>>(),
        ["Postgres", "SQLite"]
    );
    assert_eq!(
        opts.iter().map(|o| o.chosen).collect::<Vec<_>>(),
        [true, false]
    );
    assert_eq!(opts[0].pro_points(), ["Mature", "JSON columns"]);
    assert!(doc.add_option(&s, "d_missing", "X").is_err());
    assert!(doc.add_option(&s, &d, "   ").is_err());
    doc.remove_option(&s, &lite).unwrap();
    assert_eq!(queries::options_of(&doc.team().unwrap(), &d).len(), 1);
}

/// The example team, with options on two decisions and one superseded.
fn exported_team() -> (TeamDocument, Team) {
    let (mut doc, ana) = example_team(TODAY, NOW).unwrap();
    let s = stamp(&ana);
    let team = doc.team().unwrap();
    let mut ids: Vec<String> = team.decisions.keys().cloned().collect();
    ids.sort();
    for d in ids.iter().take(2) {
        let a = doc.add_option(&s, d, "Keep it as it is").unwrap();
        let b = doc.add_option(&s, d, "Change it, \"carefully\"").unwrap();
        doc.set_option_text(&s, &a, OptionText::Pros, "Nothing to learn")
            .unwrap();
        doc.set_option_text(&s, &b, OptionText::Pros, "Faster, à la carte")
            .unwrap();
        doc.set_option_text(&s, &b, OptionText::Cons, "Costs a week\nSome risk")
            .unwrap();
        doc.choose_option(&s, &b, true).unwrap();
    }
    // Prose that looks like Markdown structure stays prose.
    doc.set_decision_text(
        &s,
        &ids[0],
        roundtable::model::edits::DecisionText::Driver,
        "Why now:\n# not a heading\n---\nand <b>markup</b> stays text",
    )
    .unwrap();
    let team = doc.team().unwrap();
    (doc, team)
}

#[test]
fn an_exported_log_imported_into_another_team_gives_the_same_decisions() {
    let (_, team) = exported_team();
    assert!(team.decisions.values().any(|d| d.superseded_by.is_some()));
    let all: Vec<_> = team.decisions.values().collect();
    let files = madr::export(&team, &all);
    assert_eq!(files.len(), team.decisions.len() + 1);
    // Another team with the same roles and people (by name).
    let (mut other, ana) = common::new_team();
    let s = stamp(&ana);
    for r in team.roles.values() {
        other.add_role(&s, &r.name).unwrap();
    }
    for m in team.members.values() {
        other.add_member(&s, &m.name, TODAY).unwrap();
    }
    let before = other.team().unwrap();
    let input: Vec<_> = files
        .iter()
        .map(|(n, t)| (format!("docs/decisions/{n}"), Ok(t.clone().into_bytes())))
        .collect();
    let plan = import::plan(&before, input.clone(), NOW, Some(&ana));
    assert!(
        plan.skipped.iter().all(|(f, _)| f == madr::INDEX),
        "{:?}",
        plan.skipped
    );
    assert_eq!(plan.create.len(), team.decisions.len());
    assert_eq!(
        other.import_decisions(&s, &plan.records).unwrap(),
        team.decisions.len()
    );
    let after = other.team().unwrap();
    let by_title = |t: &Team| -> BTreeMap<String, roundtable::model::Decision> {
        t.decisions
            .values()
            .map(|d| (d.title.clone(), d.clone()))
            .collect()
    };
    let (was, now) = (by_title(&team), by_title(&after));
    assert_eq!(
        was.keys().collect::<Vec<_>>(),
        now.keys().collect::<Vec<_>>()
    );
    let title_of =
        |t: &Team, id: &Option<String>| id.as_ref().map(|i| t.decisions[i].title.clone());
    let owner_name = |t: &Team, d: &roundtable::model::Decision| {
        d.owner()
            .map(|o| roundtable::model::queries::owner_label(t, &o))
    };
    for (title, a) in &was {
        let b = &now[title];
        assert_eq!(a.status, b.status, "{title}");
        assert_eq!(a.method, b.method, "{title}");
        assert_eq!(a.decided_on, b.decided_on, "{title}");
        assert_eq!(a.review_by, b.review_by, "{title}");
        assert_eq!(a.tags, b.tags, "{title}");
        for (x, y) in [
            (&a.driver, &b.driver),
            (&a.proposal, &b.proposal),
            (&a.outcome, &b.outcome),
            (&a.rationale, &b.rationale),
        ] {
            assert_eq!(x.as_str().trim(), y.as_str(), "{title}");
        }
        assert_eq!(
            title_of(&team, &a.supersedes),
            title_of(&after, &b.supersedes),
            "{title}"
        );
        assert_eq!(
            title_of(&team, &a.superseded_by),
            title_of(&after, &b.superseded_by),
            "{title}"
        );
        assert_eq!(owner_name(&team, a), owner_name(&after, b), "{title}");
        let opts = |t: &Team, id: &str| -> Vec<(String, Vec<String>, Vec<String>, bool)> {
            queries::options_of(t, id)
                .iter()
                .map(|o| {
                    (
                        o.title.clone(),
                        o.pro_points().iter().map(|s| s.to_string()).collect(),
                        o.con_points().iter().map(|s| s.to_string()).collect(),
                        o.chosen,
                    )
                })
                .collect()
        };
        assert_eq!(opts(&team, &a.id), opts(&after, &b.id), "{title}");
    }
    // Importing the same files again creates nothing twice.
    let again = import::plan(&after, input, NOW, Some(&ana));
    assert!(again.create.is_empty());
    assert_eq!(again.already.len(), team.decisions.len());
    // And into the team they came from: all already there (by their id).
    let home = import::plan(
        &team,
        files
            .iter()
            .map(|(n, t)| (n.clone(), Ok(t.clone().into_bytes())))
            .collect(),
        NOW,
        None,
    );
    assert!(home.create.is_empty() && home.already.len() == team.decisions.len());
}

/// MADR 4's template (adr-template.md): front matter keys, and the
/// headings in their order (optional ones may be left out).
const MADR_FRONT: [&str; 5] = ["status", "date", "decision-makers", "consulted", "informed"];
const MADR_HEADINGS: [&str; 8] = [
    "## Context and Problem Statement",
    "## Decision Drivers",
    "## Considered Options",
    "## Decision Outcome",
    "### Consequences",
    "### Confirmation",
    "## Pros and Cons of the Options",
    "## More Information",
];
const MADR_REQUIRED: [&str; 3] = [
    "## Context and Problem Statement",
    "## Considered Options",
    "## Decision Outcome",
];

#[test]
fn every_exported_record_follows_the_madr_4_template() {
    let (_, team) = exported_team();
    let all: Vec<_> = team.decisions.values().collect();
    let files = madr::export(&team, &all);
    for (name, text) in files.iter().filter(|(n, _)| n != madr::INDEX) {
        let (num, rest) = name.split_at(4);
        assert!(
            num.chars().all(|c| c.is_ascii_digit())
                && rest.starts_with('-')
                && rest.ends_with(".md"),
            "{name}"
        );
        assert_eq!(rest, rest.to_lowercase(), "{name}");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "---", "{name}");
        let end = lines.iter().skip(1).position(|l| *l == "---").unwrap() + 1;
        let keys: Vec<&str> = lines[1..end]
            .iter()
            .map(|l| l.split_once(':').unwrap().0)
            .collect();
        assert_eq!(keys, MADR_FRONT, "{name}");
        let date = lines[1..end]
            .iter()
            .find_map(|l| l.strip_prefix("date: "))
            .unwrap();
        assert!(roundtable::model::date::is_iso_date(date), "{name}");
        let titles: Vec<&&str> = lines[end + 1..]
            .iter()
            .filter(|l| l.starts_with("# "))
            .collect();
        assert_eq!(titles.len(), 1, "{name}: one title");
        let headings: Vec<&str> = lines[end + 1..]
            .iter()
            .copied()
            .filter(|l| l.starts_with("##"))
            .collect();
        let mut last = 0;
        for h in &headings {
            // Options' own headings sit under "Pros and Cons" and
            // "More Information" has Roundtable's "### Proposal".
            let Some(pos) = MADR_HEADINGS.iter().position(|m| m == h) else {
                assert!(h.starts_with("### "), "{name}: {h} is not a MADR heading");
                continue;
            };
            assert!(pos >= last, "{name}: {h} out of order");
            last = pos;
        }
        for r in MADR_REQUIRED {
            assert!(headings.contains(&r), "{name}: {r} missing");
        }
    }
    let index = &files.iter().find(|(n, _)| n == madr::INDEX).unwrap().1;
    assert_eq!(index.matches("](0").count(), team.decisions.len());
    assert!(index.contains("~~["), "superseded ones are struck through");
}

#[test]
fn records_are_numbered_by_decision_date() {
    let (_, team) = exported_team();
    let all: Vec<_> = team.decisions.values().collect();
    let files = madr::numbered(&all);
    let dates: Vec<String> = files.iter().map(|(_, d)| madr::record_date(d)).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    // On one day, by when they were made, then by id.
    let keys: Vec<_> = files
        .iter()
        .map(|(_, d)| (madr::record_date(d), d.created_at, d.id.clone()))
        .collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
    assert!(files[0].0.starts_with("0001-"));
}

const ADR_TOOLS: [(&str, &str); 3] = [
    ("0001-record-architecture-decisions.md", "# 1. Record architecture decisions\n\nDate: 2024-02-12\n\n## Status\n\nAccepted\n\n## Context\n\nWe need to record the architectural decisions made on this project.\n\n## Decision\n\nWe will use Architecture Decision Records, as described by Michael Nygard.\n\n## Consequences\n\nSee Michael Nygard's article, linked above.\n"),
    ("0002-use-mysql.md", "# 2. Use MySQL\n\nDate: 2024-03-01\n\n## Status\n\nSuperseded by [3. Use PostgreSQL](0003-use-postgresql.md)\n\n## Context\n\nWe need a database.\n\n## Decision\n\nWe will use MySQL.\n\n## Consequences\n\nOps must learn MySQL.\n"),
    ("0003-use-postgresql.md", "# 3. Use PostgreSQL\r\n\r\nDate: 2024-06-10\r\n\r\n## Status\r\n\r\nAccepted\r\n\r\nSupercedes [2. Use MySQL](0002-use-mysql.md)\r\n\r\n## Context\r\n\r\nMySQL's JSON support, commas, \"quotes\" — and Zoë's review.\r\n\r\n## Decision\r\n\r\nWe will use PostgreSQL 16.\r\n\r\n## Consequences\r\n\r\nA migration.\r\n"),
];

const MADR_LOG: [(&str, &str); 2] = [
    ("0001-use-markdown-architectural-decision-records.md", "---\nstatus: accepted\ndate: 2024-01-05\ndecision-makers: Ana, Bo\n---\n\n# Use Markdown Architectural Decision Records\n\n## Context and Problem Statement\n\nWe want to record architectural decisions made in this project.\nWhich format and structure should these records follow?\n\n## Considered Options\n\n* MADR 4.0.0\n* Michael Nygard's template\n* Formless\n\n## Decision Outcome\n\nChosen option: \"MADR 4.0.0\", because it is lean and structured.\n\n### Consequences\n\n* Good, because decisions are findable\n\n## Pros and Cons of the Options\n\n### MADR 4.0.0\n\n* Good, because it is lean\n* Bad, because it is new\n\n### Formless\n\n* Bad, because nobody finds anything\n"),
    ("0002-use-rust.md", "# Use Rust\n\n* Status: proposed\n* Deciders: Bo\n* Date: 2024-02-01\n\n## Context and Problem Statement\n\nWhich language?\n\n## Decision Drivers\n\n* speed\n* safety\n\n## Considered Options\n\n* Rust\n* Go\n\n## Decision Outcome\n\nChosen option: \"Rust\", because it is safe.\n\n### Positive Consequences\n\n* fewer crashes\n\n## Links\n\n* Refines [ADR-0001](0001-use-markdown-architectural-decision-records.md)\n\n## Open questions\n\nWho trains us?\n"),
];

fn as_input(files: &[(&str, &str)]) -> Vec<(String, Result<Vec<u8>, String>)> {
    files
        .iter()
        .map(|(n, t)| (format!("doc/adr/{n}"), Ok(t.as_bytes().to_vec())))
        .collect()
}

#[test]
fn an_adr_tools_log_imports_with_its_superseding_links() {
    let (mut doc, ana) = common::new_team();
    let team = doc.team().unwrap();
    let plan = import::plan(&team, as_input(&ADR_TOOLS), NOW, Some(&ana));
    assert_eq!(plan.create.len(), 3, "{:?}", plan.skipped);
    doc.import_decisions(&stamp(&ana), &plan.records).unwrap();
    let t = doc.team().unwrap();
    let find = |title: &str| {
        t.decisions
            .values()
            .find(|d| d.title == title)
            .unwrap()
            .clone()
    };
    let first = find("Record architecture decisions");
    assert_eq!(first.status, DecisionStatus::Decided);
    assert_eq!(first.decided_on.as_deref(), Some("2024-02-12"));
    assert_eq!(
        first.driver.as_str(),
        "We need to record the architectural decisions made on this project."
    );
    assert_eq!(
        first.proposal.as_str(),
        "We will use Architecture Decision Records, as described by Michael Nygard."
    );
    assert_eq!(
        first.outcome.as_str(),
        "See Michael Nygard's article, linked above."
    );
    let (mysql, pg) = (find("Use MySQL"), find("Use PostgreSQL"));
    assert_eq!(mysql.status, DecisionStatus::Superseded);
    assert_eq!(mysql.superseded_by.as_deref(), Some(pg.id.as_str()));
    assert_eq!(pg.supersedes.as_deref(), Some(mysql.id.as_str()));
    assert_eq!(
        pg.driver.as_str(),
        "MySQL's JSON support, commas, \"quotes\" — and Zoë's review."
    );
    assert!(!pg.driver.as_str().contains('\r'));
}

#[test]
fn a_madr_log_imports_options_and_says_what_it_did_not_understand() {
    let (doc, ana) = common::new_team();
    let team = doc.team().unwrap();
    let plan = import::plan(&team, as_input(&MADR_LOG), NOW, Some(&ana));
    assert_eq!(plan.create.len(), 2);
    let (d, opts) = &plan.records[0];
    assert_eq!(d.title, "Use Markdown Architectural Decision Records");
    assert_eq!(d.status, DecisionStatus::Decided);
    assert_eq!(d.decided_on.as_deref(), Some("2024-01-05"));
    assert_eq!(d.rationale.as_str(), "it is lean and structured.");
    assert_eq!(d.outcome.as_str(), "* Good, because decisions are findable");
    let titles: Vec<(&str, bool)> = opts.iter().map(|o| (o.title.as_str(), o.chosen)).collect();
    assert_eq!(
        titles,
        [
            ("MADR 4.0.0", true),
            ("Michael Nygard's template", false),
            ("Formless", false)
        ]
    );
    assert_eq!(opts[0].pro_points(), ["it is lean"]);
    assert_eq!(opts[0].con_points(), ["it is new"]);
    assert_eq!(opts[2].con_points(), ["nobody finds anything"]);
    let (rust, _) = &plan.records[1];
    assert_eq!(rust.status, DecisionStatus::Open);
    assert_eq!(
        rust.created_at,
        roundtable::model::date::to_days("2024-02-01").unwrap() * 86_400_000
    );
    assert!(rust.driver.as_str().contains("Decision drivers:\n* speed"));
    assert!(
        rust.driver.as_str().contains("Who trains us?"),
        "an unknown section's words are kept"
    );
    assert!(
        plan.create[1]
            .notes
            .iter()
            .any(|n| n.contains("Open questions")),
        "{:?}",
        plan.create[1].notes
    );
}

#[test]
fn malformed_files_are_named_and_skipped_and_nothing_is_half_imported() {
    let (mut doc, ana) = common::new_team();
    let team = doc.team().unwrap();
    let mut input = as_input(&ADR_TOOLS[..1]);
    input.push((
        "adr/0004-no-title.md".into(),
        Ok(b"Just words, no heading.\n".to_vec()),
    ));
    input.push((
        "adr/0005-binary.md".into(),
        Ok(vec![0xff, 0xfe, 0x00, 0x81]),
    ));
    input.push(("adr/README.md".into(), Ok(b"# Decisions\n".to_vec())));
    input.push(("adr/0006-notes.txt".into(), Ok(b"# 6. Notes\n".to_vec())));
    input.push((
        "adr/0007-huge.md".into(),
        Ok(vec![b'a'; madr_read::MAX_FILE_BYTES + 1]),
    ));
    input.push((
        "adr/0008-unreadable.md".into(),
        Err("the zip entry is damaged".into()),
    ));
    let plan = import::plan(&team, input, NOW, Some(&ana));
    let skipped: BTreeMap<&str, &str> = plan
        .skipped
        .iter()
        .map(|(f, w)| (f.as_str(), w.as_str()))
        .collect();
    assert_eq!(
        skipped["0004-no-title.md"],
        "no title (a first heading \"# …\")"
    );
    assert_eq!(skipped["0005-binary.md"], "not text (UTF-8)");
    assert_eq!(
        skipped["README.md"],
        "not a numbered decision record (NNNN-title.md)"
    );
    assert_eq!(skipped["0006-notes.txt"], "not a Markdown file (.md)");
    assert!(skipped["0007-huge.md"].starts_with("larger than"));
    assert_eq!(skipped["0008-unreadable.md"], "the zip entry is damaged");
    assert_eq!(plan.create.len(), 1);
    // A plan that no longer fits (its owner left the team meanwhile) is
    // refused whole: the good record is not written either.
    let mut records = plan.records.clone();
    let mut bad = records[0].0.clone();
    bad.id = "d_other".into();
    bad.owner = Some(Owner::Role("r_gone".into()).encode());
    records.push((bad, Vec::new()));
    let heads = doc.heads();
    assert!(doc.import_decisions(&stamp(&ana), &records).is_err());
    assert_eq!(doc.heads(), heads);
    assert!(doc.team().unwrap().decisions.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn reading_any_text_never_panics(text in "\\PC*", lines in proptest::collection::vec("(#{0,3} |\\* |---|<!-- |Chosen option: \"?|Good, because |\\\\#)?[\\PC]{0,20}", 0..30)) {
        let _ = madr_read::parse("0001-x.md", &text);
        let _ = madr_read::parse("0001-x.md", &lines.join("\n"));
        let _ = madr_read::exported_id(&text);
    }

    #[test]
    fn any_prose_survives_export_and_import(driver in "[\\PC\n]{0,200}", title in "[\\PC]{1,40}") {
        let (mut doc, ana) = common::new_team();
        let s = stamp(&ana);
        prop_assume!(!title.trim().is_empty());
        let d = doc.add_decision(&s, &title).unwrap();
        doc.set_decision_text(&s, &d, roundtable::model::edits::DecisionText::Driver, &driver).unwrap();
        let team = doc.team().unwrap();
        let files = madr::export(&team, &team.decisions.values().collect::<Vec<_>>());
        let r = madr_read::read(&files[0].0, files[0].1.as_bytes()).unwrap();
        let expected: String = driver.trim().to_string();
        prop_assert_eq!(r.driver.trim(), if expected == madr::NOT_RECORDED { "" } else { expected.as_str() });
        prop_assert_eq!(r.title, team.decisions[&d].title.split_whitespace().collect::<Vec<_>>().join(" "));
    }
}

#[test]
fn csv_opens_in_a_parser_with_every_field_intact_and_formulas_neutralised() {
    let (mut doc, ana) = common::new_team();
    let s = stamp(&ana);
    let tricky = "Commas, \"quotes\"\nand a new line — Zoë, 東京";
    let d = doc.add_decision(&s, "Budget, \"Q3\"").unwrap();
    doc.set_decision_text(
        &s,
        &d,
        roundtable::model::edits::DecisionText::Driver,
        tricky,
    )
    .unwrap();
    doc.set_decision_text(
        &s,
        &d,
        roundtable::model::edits::DecisionText::Outcome,
        "=HYPERLINK(\"http://x\")",
    )
    .unwrap();
    doc.set_decision_text(
        &s,
        &d,
        roundtable::model::edits::DecisionText::Rationale,
        "@SUM(A1)",
    )
    .unwrap();
    doc.add_member(&s, "+Zoë Müller", TODAY).unwrap();
    let team = doc.team().unwrap();
    let bytes = csv::decisions(&team, &team.decisions.values().collect::<Vec<_>>());
    let mut reader = ::csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    let get = |name: &str| rows[0][header.iter().position(|h| h == name).unwrap()].to_string();
    assert_eq!(get("title"), "Budget, \"Q3\"");
    assert_eq!(get("driver"), tricky);
    assert_eq!(get("outcome"), "'=HYPERLINK(\"http://x\")");
    assert_eq!(get("rationale"), "'@SUM(A1)");
    assert_eq!(get("status"), "draft");
    let members = csv::members(&team);
    let mut reader = ::csv::Reader::from_reader(members.as_slice());
    let names: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[1].to_string())
        .collect();
    assert!(names.contains(&"'+Zoë Müller".to_string()), "{names:?}");
    for table in [csv::roles(&team), csv::meetings(&team)] {
        let mut r = ::csv::Reader::from_reader(table.as_slice());
        assert!(r.headers().unwrap().len() > 3);
        assert!(r.records().all(|r| r.is_ok()));
    }
    assert_eq!(csv::neutralise("-1"), "'-1");
    assert_eq!(csv::neutralise("plain"), "plain");
}

#[test]
fn json_holds_the_whole_team_with_madr_key_names() {
    let (_, team) = exported_team();
    let text = json::export(&team, TODAY);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], "roundtable-team");
    assert_eq!(v["team"]["name"], team.profile.name.as_str());
    assert_eq!(v["members"].as_array().unwrap().len(), team.members.len());
    assert_eq!(v["roles"].as_array().unwrap().len(), team.roles.len());
    assert_eq!(v["meetings"].as_array().unwrap().len(), team.meetings.len());
    let decisions = v["decisions"].as_array().unwrap();
    assert_eq!(decisions.len(), team.decisions.len());
    for key in [
        "status",
        "date",
        "decision-makers",
        "consulted",
        "informed",
        "context-and-problem-statement",
        "considered-options",
        "decision-outcome",
        "consequences",
    ] {
        assert!(decisions.iter().all(|d| d.get(key).is_some()), "{key}");
    }
    let with_options = decisions
        .iter()
        .find(|d| !d["considered-options"].as_array().unwrap().is_empty())
        .unwrap();
    assert_eq!(
        with_options["decision-outcome"]["chosen-option"],
        "Change it, \"carefully\""
    );
    assert!(text.contains("<b>markup</b>"), "text stays text");
}

#[test]
fn a_zip_round_trips_and_a_damaged_or_oversized_one_is_refused_plainly() {
    let files = vec![
        ("a.md".to_string(), b"# A\n".to_vec()),
        ("dir/b.md".to_string(), vec![b'x'; 100_000]),
    ];
    let zip = zipfile::write(&files);
    assert!(zip.len() < 10_000, "deflated");
    let back = zipfile::read(&zip, 200_000).unwrap();
    assert_eq!(back.len(), 2);
    assert_eq!(back[0], ("a.md".to_string(), Ok(b"# A\n".to_vec())));
    let capped = zipfile::read(&zip, 50_000).unwrap();
    assert!(capped[1].1.as_ref().unwrap_err().starts_with("larger than"));
    assert!(zipfile::read(b"not a zip", 1000).is_err());
    let mut damaged = zip.clone();
    let mid = damaged.len() / 3;
    damaged[mid] ^= 0xff;
    // Damaged: an error or a file reported unreadable — never a panic.
    let _ = zipfile::read(&damaged, 200_000);
    for cut in [1, 10, zip.len() / 2, zip.len() - 1] {
        let _ = zipfile::read(&zip[..cut], 200_000);
    }
}
