//! A realistic small team to look around in, built through the same edits
//! people make, so its history is real. Dates are relative to today so that
//! some reviews are due and some terms are ending whenever it is opened.

use super::{
    date::{self, add_days},
    decision::Owner,
    document::{Stamp, TeamDocument},
    edits::{DecisionField, DecisionText, MemberField, RoleField},
    enums::{DecisionStatus, Method, Resolution, RoleStatus, Stance},
    error::EditError,
};

const DAY_MS: i64 = 86_400_000;

struct RoleSpec {
    name: &'static str,
    purpose: &'static str,
    accountabilities: &'static [&'static str],
    domain: &'static [&'static str],
    expertise: &'static [&'static str],
    /// (member index, term end in days from today)
    fillers: &'static [(usize, Option<i64>)],
    retired: bool,
}

struct DecisionSpec {
    title: &'static str,
    driver: &'static str,
    proposal: &'static str,
    owner_role: Option<usize>,
    owner_member: Option<usize>,
    method: Method,
    status: DecisionStatus,
    outcome: &'static str,
    rationale: &'static str,
    /// (decided, days ago) and review by (days from today)
    decided_days_ago: Option<i64>,
    review_in_days: Option<i64>,
    tags: &'static [&'static str],
    author: usize,
    /// (member, stance, advice); members asked who have not answered: `asked`.
    advice: &'static [(usize, Stance, &'static str)],
    asked: &'static [usize],
    /// (member, reason, resolution)
    objection: Option<ObjectionSpec>,
    goals: &'static [usize],
    /// Index of the decision that replaces this one.
    superseded_by: Option<usize>,
}

/// (member, reason, how it was settled)
type ObjectionSpec = (usize, &'static str, Option<(Resolution, &'static str)>);

const GOALS: &[&str] = &[
    "Predictable releases",
    "Safe user data",
    "A welcoming community",
    "A sustainable pace",
    "Clear documentation",
];

const MEMBERS: &[(&str, &[&str])] = &[
    ("Ana Okafor", &["facilitation", "product"]),
    ("Bo Lindqvist", &["engineering", "security"]),
    ("Chidi Mensah", &["design", "user research"]),
    ("Dana Reyes", &["finance", "operations"]),
    ("Eli Cohen", &["engineering", "data"]),
    ("Femi Adeyemi", &["community", "writing"]),
];

const ROLES: &[RoleSpec] = &[
    RoleSpec {
        name: "Facilitator",
        purpose: "Meetings where every voice is heard and tensions turn into next steps.",
        accountabilities: &[
            "Running tactical and governance meetings",
            "Keeping the agenda of open tensions",
        ],
        domain: &["meeting format", "agenda order"],
        expertise: &["facilitation"],
        fillers: &[(0, Some(12))],
        retired: false,
    },
    RoleSpec {
        name: "Budget steward",
        purpose: "Money spent where it serves the team's purpose, and everyone can see how.",
        accountabilities: &[
            "Publishing the monthly budget",
            "Approving spending within the budget",
        ],
        domain: &[
            "spending under 500 EUR",
            "budget allocations",
            "supplier payments",
        ],
        expertise: &["finance"],
        fillers: &[(3, Some(150))],
        retired: false,
    },
    RoleSpec {
        name: "Release lead",
        purpose: "Releases that ship on time without surprises for users.",
        accountabilities: &["Planning release dates", "Writing release notes"],
        domain: &["release dates", "release checklist"],
        expertise: &["engineering"],
        fillers: &[(1, Some(60)), (4, Some(20))],
        retired: false,
    },
    RoleSpec {
        name: "Security keeper",
        purpose: "Our users' data stays safe.",
        accountabilities: &[
            "Reviewing access rights each quarter",
            "Leading incident response",
        ],
        domain: &["access rights", "security tooling"],
        expertise: &["security"],
        fillers: &[(1, None)],
        retired: false,
    },
    RoleSpec {
        name: "Research lead",
        purpose: "Decisions informed by what users actually do.",
        accountabilities: &["Running user interviews", "Sharing research findings"],
        domain: &["research plan", "interview scripts"],
        expertise: &["user research", "design"],
        fillers: &[(2, Some(90))],
        retired: false,
    },
    RoleSpec {
        name: "Community host",
        purpose: "A welcoming community around our product.",
        accountabilities: &["Answering the forum", "Hosting the monthly community call"],
        domain: &["forum moderation", "community events"],
        expertise: &["community"],
        fillers: &[(5, Some(200)), (0, None)],
        retired: false,
    },
    RoleSpec {
        name: "Onboarding buddy",
        purpose: "New members feel at home and productive within a month.",
        accountabilities: &["Pairing with each new member for their first weeks"],
        domain: &["onboarding checklist"],
        expertise: &["facilitation", "writing"],
        fillers: &[],
        retired: false,
    },
    RoleSpec {
        name: "Sprint manager",
        purpose: "Replaced by rotating facilitation.",
        accountabilities: &["Running the sprint board"],
        domain: &["sprint scope"],
        expertise: &[],
        fillers: &[],
        retired: true,
    },
];

const DECISIONS: &[DecisionSpec] = &[
    DecisionSpec {
        title: "Rotate facilitation every quarter",
        driver: "The same two people always ran meetings.",
        proposal: "Facilitation rotates each quarter by fair turn.",
        owner_role: None,
        owner_member: Some(0),
        method: Method::Consent,
        status: DecisionStatus::Decided,
        outcome: "Agreed with one amendment: note-taking rotates too.",
        rationale: "Spreads a key skill and balances voice in meetings.",
        decided_days_ago: Some(200),
        review_in_days: Some(-10),
        tags: &["meetings", "rotation"],
        author: 0,
        advice: &[],
        asked: &[],
        objection: Some((
            1,
            "Every quarter is too often for a team of six.",
            Some((
                Resolution::Amended,
                "Amended: terms last a quarter, and note-taking rotates too.",
            )),
        )),
        goals: &[3],
        superseded_by: None,
    },
    DecisionSpec {
        title: "Retire the sprint manager role",
        driver: "Rotating facilitation covers its purpose.",
        proposal: "Retire the role and move its board to the facilitator.",
        owner_role: None,
        owner_member: Some(0),
        method: Method::Consent,
        status: DecisionStatus::Decided,
        outcome: "Retired.",
        rationale: "Avoids two roles claiming the same work.",
        decided_days_ago: Some(190),
        review_in_days: None,
        tags: &["roles"],
        author: 0,
        advice: &[],
        asked: &[],
        objection: None,
        goals: &[],
        superseded_by: None,
    },
    DecisionSpec {
        title: "Monthly release train",
        driver: "Releases slipped by weeks and users were surprised.",
        proposal: "Release on the first Tuesday of each month.",
        owner_role: Some(2),
        owner_member: None,
        method: Method::Advice,
        status: DecisionStatus::Decided,
        outcome: "Adopted from next month.",
        rationale: "Predictable dates for users and support.",
        decided_days_ago: Some(120),
        review_in_days: Some(-3),
        tags: &["release dates"],
        author: 1,
        advice: &[
            (0, Stance::Support, "Predictable dates help everyone plan."),
            (
                5,
                Stance::Concern,
                "Release notes must reach the forum too.",
            ),
        ],
        asked: &[],
        objection: None,
        goals: &[0],
        superseded_by: None,
    },
    DecisionSpec {
        title: "Use a password manager for shared accounts",
        driver: "Shared passwords were sent in chat.",
        proposal: "Move all shared accounts to one password manager.",
        owner_role: Some(3),
        owner_member: None,
        method: Method::Autonomous,
        status: DecisionStatus::Decided,
        outcome: "Done for all 14 shared accounts.",
        rationale: "Within the security keeper's domain; low cost, high benefit.",
        decided_days_ago: Some(90),
        review_in_days: Some(270),
        tags: &["security"],
        author: 1,
        advice: &[],
        asked: &[],
        objection: None,
        goals: &[1],
        superseded_by: None,
    },
    DecisionSpec {
        title: "Budget for user interviews",
        driver: "We pay interviewees out of pocket.",
        proposal: "300 EUR per quarter for interview incentives.",
        owner_role: Some(1),
        owner_member: None,
        method: Method::Autonomous,
        status: DecisionStatus::Decided,
        outcome: "Approved.",
        rationale: "Under 500 EUR, in the budget steward's domain.",
        decided_days_ago: Some(60),
        review_in_days: Some(30),
        tags: &["budget", "research"],
        author: 3,
        advice: &[],
        asked: &[],
        objection: None,
        goals: &[],
        superseded_by: None,
    },
    DecisionSpec {
        title: "Weekly release notes in the forum",
        driver: "Users ask what changed.",
        proposal: "Post release notes in the forum each release.",
        owner_role: Some(5),
        owner_member: None,
        method: Method::Advice,
        status: DecisionStatus::Superseded,
        outcome: "Replaced by the monthly release train's notes.",
        rationale: "Weekly was too often once releases became monthly.",
        decided_days_ago: Some(150),
        review_in_days: None,
        tags: &["community", "release dates"],
        author: 5,
        advice: &[(1, Stance::Support, "Users ask for this weekly.")],
        asked: &[],
        objection: None,
        goals: &[2],
        superseded_by: Some(2),
    },
    DecisionSpec {
        title: "Hire a second designer",
        driver: "Design is a bottleneck for three projects.",
        proposal: "Open a part-time designer position.",
        owner_role: None,
        owner_member: Some(2),
        method: Method::Consensus,
        status: DecisionStatus::Draft,
        outcome: "",
        rationale: "",
        decided_days_ago: None,
        review_in_days: None,
        tags: &["hiring", "design"],
        author: 2,
        advice: &[],
        asked: &[],
        objection: None,
        goals: &[],
        superseded_by: None,
    },
    DecisionSpec {
        title: "Adopt a four-day week trial",
        driver: "Several members asked for more focus time.",
        proposal: "Try a four-day week for three months, then review.",
        owner_role: None,
        owner_member: Some(0),
        method: Method::Consent,
        status: DecisionStatus::Open,
        outcome: "",
        rationale: "",
        decided_days_ago: None,
        review_in_days: None,
        tags: &["ways of working"],
        author: 0,
        advice: &[],
        asked: &[],
        objection: Some((3, "Who covers support on Fridays?", None)),
        goals: &[3],
        superseded_by: None,
    },
    DecisionSpec {
        title: "Move community call to evenings",
        driver: "Members in other time zones cannot join.",
        proposal: "Alternate between morning and evening calls.",
        owner_role: Some(5),
        owner_member: None,
        method: Method::Autonomous,
        status: DecisionStatus::Decided,
        outcome: "Alternating from next month.",
        rationale: "More members can join at least every other call.",
        decided_days_ago: Some(30),
        review_in_days: Some(60),
        tags: &["community"],
        author: 5,
        advice: &[],
        asked: &[],
        objection: None,
        goals: &[2],
        superseded_by: None,
    },
    DecisionSpec {
        title: "Drop the paid analytics tool",
        driver: "It cost 400 EUR a month and nobody used it.",
        proposal: "Cancel the subscription.",
        owner_role: Some(1),
        owner_member: None,
        method: Method::Advice,
        status: DecisionStatus::Reversed,
        outcome: "Reversed: research needs its funnels.",
        rationale: "Research lead showed it is used for interviews recruiting.",
        decided_days_ago: Some(100),
        review_in_days: None,
        tags: &["budget", "data"],
        author: 3,
        advice: &[(
            2,
            Stance::Objection,
            "Research recruits interviewees through its funnels.",
        )],
        asked: &[],
        objection: None,
        goals: &[],
        superseded_by: None,
    },
    DecisionSpec {
        title: "Quarterly access review",
        driver: "Former contractors still had access.",
        proposal: "Review all access rights every quarter.",
        owner_role: Some(3),
        owner_member: None,
        method: Method::Autonomous,
        status: DecisionStatus::Decided,
        outcome: "First review removed 6 accounts.",
        rationale: "Part of the security keeper's accountabilities.",
        decided_days_ago: Some(80),
        review_in_days: Some(-1),
        tags: &["security", "access rights"],
        author: 1,
        advice: &[],
        asked: &[],
        objection: None,
        goals: &[1],
        superseded_by: None,
    },
    DecisionSpec {
        title: "Public roadmap",
        driver: "Community members want to know what is coming.",
        proposal: "Publish a roadmap of the next two quarters.",
        owner_role: None,
        owner_member: Some(5),
        method: Method::Advice,
        status: DecisionStatus::Open,
        outcome: "",
        rationale: "",
        decided_days_ago: None,
        review_in_days: None,
        tags: &["community", "product"],
        author: 5,
        advice: &[(0, Stance::Support, "Yes, two quarters ahead at most.")],
        asked: &[1],
        objection: None,
        goals: &[2],
        superseded_by: None,
    },
];

/// Builds the example team as of `today` (`YYYY-MM-DD`, whose midnight UTC
/// is `today_ms`). Returns the document and the id of its first member.
pub fn example_team(today: &str, today_ms: i64) -> Result<(TeamDocument, String), EditError> {
    let day =
        |offset: i64| add_days(today, offset).ok_or_else(|| EditError::Invalid("bad date".into()));
    let start = today_ms - 400 * DAY_MS;
    let (mut doc, first) = TeamDocument::create(
        "Northwind Product Team",
        "We build and care for Northwind, the open-source bookkeeping app, with leadership shared by whoever knows most.",
        MEMBERS[0].0,
        &day(-400)?,
        start,
    )?;
    let mut ids = vec![first.clone()];
    let stamp_of =
        |ids: &[String], who: usize, at: i64| Stamp::new(ids.get(who).map(String::as_str), at);
    for (i, (name, expertise)) in MEMBERS.iter().enumerate() {
        let at = start + (i as i64) * DAY_MS;
        let s = stamp_of(&ids, 0, at);
        let id = if i == 0 {
            first.clone()
        } else {
            let id = doc.add_member(&s, name, &day(-400 + i as i64)?)?;
            ids.push(id.clone());
            id
        };
        let tags = expertise.iter().map(|t| t.to_string()).collect();
        doc.set_member(&s, &id, MemberField::Expertise(tags))?;
    }
    let mut role_ids = Vec::new();
    for (i, spec) in ROLES.iter().enumerate() {
        let s = stamp_of(&ids, 0, start + (10 + i as i64) * DAY_MS);
        let id = doc.add_role(&s, spec.name)?;
        doc.set_role_purpose(&s, &id, spec.purpose)?;
        let list = |l: &[&str]| l.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        doc.set_role(
            &s,
            &id,
            RoleField::Accountabilities(list(spec.accountabilities)),
        )?;
        doc.set_role(&s, &id, RoleField::Domain(list(spec.domain)))?;
        doc.set_role(&s, &id, RoleField::Expertise(list(spec.expertise)))?;
        for (m, term) in spec.fillers {
            let end = term.map(&day).transpose()?;
            doc.add_filler(&s, &id, &ids[*m], &day(-380 + i as i64)?, end)?;
        }
        if spec.retired {
            doc.add_filler(&s, &id, &ids[4], &day(-380)?, None)?;
            doc.remove_filler(&s, &id, &ids[4], &day(-190)?)?;
            doc.set_role(&s, &id, RoleField::Status(RoleStatus::Retired))?;
        }
        role_ids.push(id);
    }
    let mut goal_ids = Vec::new();
    for g in GOALS {
        goal_ids.push(doc.add_goal(&stamp_of(&ids, 0, start + 20 * DAY_MS), g)?);
    }
    let mut decision_ids = Vec::new();
    for (i, spec) in DECISIONS.iter().enumerate() {
        let created = start + (30 + 25 * i as i64) * DAY_MS;
        let s = stamp_of(&ids, spec.author, created);
        let id = doc.add_decision(&s, spec.title)?;
        let today_str = day(0)?;
        let set =
            |doc: &mut TeamDocument, f: DecisionField| doc.set_decision(&s, &id, f, &today_str);
        doc.set_decision_text(&s, &id, DecisionText::Driver, spec.driver)?;
        doc.set_decision_text(&s, &id, DecisionText::Proposal, spec.proposal)?;
        let owner = match (spec.owner_role, spec.owner_member) {
            (Some(r), _) => Some(Owner::Role(role_ids[r].clone())),
            (None, Some(m)) => Some(Owner::Member(ids[m].clone())),
            (None, None) => None,
        };
        set(&mut doc, DecisionField::Owner(owner))?;
        set(&mut doc, DecisionField::Method(spec.method))?;
        set(
            &mut doc,
            DecisionField::Tags(spec.tags.iter().map(|t| t.to_string()).collect()),
        )?;
        set(
            &mut doc,
            DecisionField::Goals(spec.goals.iter().map(|g| goal_ids[*g].clone()).collect()),
        )?;
        let asked_on = date::from_unix_ms(created);
        for (m, stance, text) in spec.advice {
            doc.ask_advice(&s, &id, &ids[*m], &asked_on)?;
            doc.record_advice(
                &stamp_of(&ids, *m, created),
                &id,
                &ids[*m],
                *stance,
                text,
                &asked_on,
            )?;
        }
        for m in spec.asked {
            doc.ask_advice(&s, &id, &ids[*m], &asked_on)?;
        }
        if let Some((by, reason, resolution)) = spec.objection {
            let oid = doc.raise_objection(
                &stamp_of(&ids, by, created),
                &id,
                &ids[by],
                reason,
                &asked_on,
            )?;
            if let Some((how, note)) = resolution {
                doc.resolve_objection(&s, &id, &oid, how, note, &asked_on)?;
            }
        }
        // Each decision walks the lifecycle the way people would move it.
        use DecisionStatus::*;
        let path: &[DecisionStatus] = match spec.status {
            Draft => &[],
            Open => &[Open],
            Decided | Superseded => &[Open, Decided],
            Reversed => &[Open, Decided, Reversed],
            Retired => &[Retired],
        };
        for st in path {
            set(&mut doc, DecisionField::Status(*st))?;
            if *st == Decided {
                if let Some(ago) = spec.decided_days_ago {
                    set(&mut doc, DecisionField::DecidedOn(Some(day(-ago)?)))?;
                }
            }
        }
        doc.set_decision_text(&s, &id, DecisionText::Outcome, spec.outcome)?;
        doc.set_decision_text(&s, &id, DecisionText::Rationale, spec.rationale)?;
        if let Some(r) = spec.review_in_days {
            set(&mut doc, DecisionField::ReviewBy(Some(day(r)?)))?;
        }
        decision_ids.push(id);
    }
    for (i, spec) in DECISIONS.iter().enumerate() {
        if let Some(by) = spec.superseded_by {
            let s = stamp_of(&ids, spec.author, start + 300 * DAY_MS);
            doc.supersede(&s, &decision_ids[i], &decision_ids[by])?;
        }
    }
    Ok((doc, first))
}
