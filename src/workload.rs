//! Deterministic teams for benchmarks and tests: built through the same
//! validated edits people make, by several authors over simulated years.
//!
//! - [`large`]: 50 members, 300 roles, 5,000 decisions, ~75,000 changes;
//! - [`small`]: 8 members, 20 roles, 100 decisions;
//! - [`week_of_work`]: 1,000 changes a teammate makes on a copy.

use crate::model::{
    edits::{DecisionField, DecisionText, MemberField, RoleField},
    DecisionStatus, EditError, Method, Owner, Resolution, Stamp, Stance, TeamDocument,
};

const DAY_MS: i64 = 86_400_000;
/// 2023-01-02, a Monday: simulated history starts here.
const EPOCH_MS: i64 = 1_672_617_600_000;

/// SplitMix64: small, seedable, the same on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const AREAS: &[&str] = &[
    "hiring",
    "budget",
    "release dates",
    "security",
    "onboarding",
    "pricing",
    "support",
    "documentation",
    "research",
    "community",
    "infrastructure",
    "accessibility",
    "design system",
    "analytics",
    "partnerships",
];
const VERBS: &[&str] = &[
    "Adopt",
    "Change",
    "Drop",
    "Trial",
    "Review",
    "Standardise",
    "Automate",
    "Simplify",
];
const NOUNS: &[&str] = &[
    "the weekly rota",
    "release checklist",
    "vendor contract",
    "interview loop",
    "on-call schedule",
    "pricing page",
    "support macros",
    "style guide",
    "data retention",
    "team offsite",
    "tooling budget",
];
const FIRST: &[&str] = &[
    "Ana", "Bo", "Chidi", "Dana", "Eli", "Femi", "Gita", "Hugo", "Ines", "Jun", "Kofi", "Lea",
];
const LAST: &[&str] = &[
    "Okafor",
    "Lindqvist",
    "Mensah",
    "Reyes",
    "Cohen",
    "Adeyemi",
    "Rao",
    "Weber",
    "Sato",
    "Silva",
];

/// How big a team to generate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub members: usize,
    pub roles: usize,
    pub decisions: usize,
    /// How many people make the edits.
    pub authors: usize,
    pub days: i64,
}

pub const LARGE: Spec = Spec {
    members: 50,
    roles: 300,
    decisions: 5_000,
    authors: 6,
    days: 3 * 365,
};
pub const SMALL: Spec = Spec {
    members: 8,
    roles: 20,
    decisions: 100,
    authors: 3,
    days: 365,
};

/// The date (`YYYY-MM-DD`) of a simulated moment.
fn day_of(ms: i64) -> String {
    crate::model::date::from_unix_ms(ms)
}

/// Builds a team to `spec`, the same for the same seed. Returns it with its
/// member ids.
pub fn generate(spec: Spec, seed: u64) -> Result<(TeamDocument, Vec<String>), EditError> {
    let mut rng = Rng::new(seed);
    let (mut doc, founder) = TeamDocument::create(
        "Generated team",
        "A team generated for measuring Roundtable.",
        "Founder",
        &day_of(EPOCH_MS),
        EPOCH_MS,
    )?;
    let mut members = vec![founder];
    let step = (spec.days * DAY_MS) / (spec.decisions as i64 + spec.roles as i64 + 1);
    let mut now = EPOCH_MS;
    let stamp = |rng: &mut Rng, members: &[String], now: i64| {
        let author = members[rng.below(spec.authors.min(members.len()))].clone();
        Stamp::new(Some(&author), now)
    };
    while members.len() < spec.members {
        let s = stamp(&mut rng, &members, now);
        let name = format!("{} {} {}", rng.pick(FIRST), rng.pick(LAST), members.len());
        let id = doc.add_member(&s, &name, &day_of(now))?;
        let tags = vec![rng.pick(AREAS).to_string(), rng.pick(AREAS).to_string()];
        doc.set_member(&s, &id, MemberField::Expertise(tags))?;
        members.push(id);
    }
    let mut roles = Vec::with_capacity(spec.roles);
    for i in 0..spec.roles {
        now += step;
        let s = stamp(&mut rng, &members, now);
        let area = rng.pick(AREAS);
        let id = doc.add_role(&s, &format!("{} steward {i}", capitalise(area)))?;
        doc.set_role_purpose(
            &s,
            &id,
            &format!("Good decisions about {area}, made close to the work."),
        )?;
        doc.set_role(
            &s,
            &id,
            RoleField::Domain(vec![format!("{area} {i}"), format!("{area} tooling {i}")]),
        )?;
        doc.set_role(
            &s,
            &id,
            RoleField::Accountabilities(vec![format!("Keeping {area} healthy")]),
        )?;
        let holder = members[rng.below(members.len())].clone();
        let end = (rng.below(3) > 0).then(|| day_of(now + (90 + rng.below(400) as i64) * DAY_MS));
        doc.add_filler(&s, &id, &holder, &day_of(now), end)?;
        if i % 10 == 9 {
            doc.remove_filler(&s, &id, &holder, &day_of(now + 30 * DAY_MS))?;
            doc.set_role(
                &s,
                &id,
                RoleField::Status(crate::model::RoleStatus::Retired),
            )?;
        }
        roles.push((id, i % 10 != 9, area.to_string()));
    }
    let goals: Vec<String> = (0..5)
        .map(|g| doc.add_goal(&stamp(&mut rng, &members, now), &format!("Goal {g}")))
        .collect::<Result<_, _>>()?;
    let mut decided = Vec::new();
    for i in 0..spec.decisions {
        now += step;
        let today = day_of(now);
        let s = stamp(&mut rng, &members, now);
        let area = rng.pick(AREAS).to_string();
        let id = doc.add_decision(
            &s,
            &format!("{} {} ({area}) #{i}", rng.pick(VERBS), rng.pick(NOUNS)),
        )?;
        let set = |doc: &mut TeamDocument, f: DecisionField| doc.set_decision(&s, &id, f, &today);
        doc.set_decision_text(
            &s,
            &id,
            DecisionText::Driver,
            &format!("Tension {i}: {area} keeps slowing us down."),
        )?;
        doc.set_decision_text(
            &s,
            &id,
            DecisionText::Proposal,
            &format!("We {} for {area}.", rng.pick(NOUNS)),
        )?;
        let (role, active, role_area) = rng.pick(&roles).clone();
        let method = *rng.pick(&[
            Method::Advice,
            Method::Consent,
            Method::Autonomous,
            Method::Consensus,
        ]);
        let owner = if active {
            Owner::Role(role)
        } else {
            Owner::Member(members[rng.below(members.len())].clone())
        };
        set(&mut doc, DecisionField::Owner(Some(owner)))?;
        set(&mut doc, DecisionField::Method(method))?;
        set(&mut doc, DecisionField::Tags(vec![area.clone(), role_area]))?;
        if i % 3 == 0 {
            set(
                &mut doc,
                DecisionField::Goals(vec![rng.pick(&goals).clone()]),
            )?;
        }
        set(&mut doc, DecisionField::Status(DecisionStatus::Open))?;
        for _ in 0..2 {
            let m = members[rng.below(members.len())].clone();
            if doc.ask_advice(&s, &id, &m, &today).is_ok() {
                let stance = *rng.pick(Stance::ALL);
                doc.record_advice(
                    &Stamp::new(Some(&m), now),
                    &id,
                    &m,
                    stance,
                    "Looks right to me, with care.",
                    &today,
                )?;
            }
        }
        if method == Method::Consent && rng.below(3) == 0 {
            let by = members[rng.below(members.len())].clone();
            let o = doc.raise_objection(
                &Stamp::new(Some(&by), now),
                &id,
                &by,
                "This moves too fast.",
                &today,
            )?;
            doc.resolve_objection(
                &s,
                &id,
                &o,
                Resolution::Amended,
                "Phased in over a month.",
                &today,
            )?;
        }
        // Autonomous decisions outside the owner's domain stay open, as
        // the rules require; the rest are decided.
        if doc
            .set_decision(
                &s,
                &id,
                DecisionField::Status(DecisionStatus::Decided),
                &today,
            )
            .is_ok()
        {
            doc.set_decision_text(&s, &id, DecisionText::Outcome, "Agreed.")?;
            doc.set_decision_text(&s, &id, DecisionText::Rationale, "The advice supported it.")?;
            set(
                &mut doc,
                DecisionField::ReviewBy(Some(day_of(now + (180 + rng.below(365) as i64) * DAY_MS))),
            )?;
            decided.push(id.clone());
            if i % 40 == 39 && decided.len() > 2 {
                let old = decided.remove(rng.below(decided.len() - 1));
                doc.supersede(&s, &old, &id)?;
            }
        }
    }
    Ok((doc, members))
}

/// `changes` edits a teammate makes on a copy of `base` over a week. The
/// app commits one change per keystroke, so a week's changes are mostly
/// typing: prose and titles of a few dozen decisions, character by
/// character, with some new decisions, tags and advice in between. The copy
/// is returned.
pub fn week_of_work(base: &[u8], changes: usize, seed: u64) -> Result<TeamDocument, EditError> {
    let mut rng = Rng::new(seed);
    let (mut doc, team) =
        TeamDocument::load(base).map_err(|e| EditError::Document(e.to_string()))?;
    let me = team.members.keys().nth(1).cloned();
    let decisions: Vec<String> = team.decisions.keys().cloned().collect();
    let now = team
        .decisions
        .values()
        .map(|d| d.created_at)
        .max()
        .unwrap_or(EPOCH_MS)
        + DAY_MS;
    let today = day_of(now);
    let s = Stamp::new(me.as_deref(), now);
    const SENTENCES: &[&str] = &[
        "We looked at this again after the retro and it still holds.",
        "Costs went down, but the team wants a check-in next quarter.",
        "Two customers asked about it; the proposal now covers them.",
        "Moved to consent because it touches every role.",
    ];
    // What is being typed: (decision, field, full text, typed so far).
    let mut typing: Option<(String, DecisionText, String, usize)> = None;
    let mut made = 0;
    while made < changes {
        let r = match rng.below(20) {
            0 => doc
                .add_decision(&s, &format!("New this week {made}"))
                .map(drop),
            1 => doc.set_decision(
                &s,
                &rng.pick(&decisions).clone(),
                DecisionField::Tags(vec!["this week".into(), rng.pick(AREAS).to_string()]),
                &today,
            ),
            2 => {
                let id = rng.pick(&decisions).clone();
                match &me {
                    Some(m) => {
                        doc.record_advice(&s, &id, m, Stance::Support, "Fine by me.", &today)
                    }
                    None => Ok(()),
                }
            }
            _ => {
                let (id, field, text, done) = typing.get_or_insert_with(|| {
                    let field = *rng.pick(&[DecisionText::Rationale, DecisionText::Driver]);
                    let text = rng.pick(SENTENCES).to_string();
                    (rng.pick(&decisions).clone(), field, text, 0)
                });
                *done += 1;
                let upto: String = text.chars().take(*done).collect();
                let r = doc.set_decision_text(&s, id, *field, &upto);
                if *done >= text.chars().count() {
                    typing = None;
                }
                r
            }
        };
        if r.is_ok() {
            made += 1;
        }
    }
    Ok(doc)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}
