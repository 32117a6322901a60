//! Insights: is leadership spread across the team? The team's figures with
//! their trend, contributions per member as bars, and who holds which role
//! — each chart with a table for screen readers and print.

use leptos::prelude::*;

use super::{
    browser,
    fields::SelectField,
    state::{AppState, Screen},
};
use crate::model::insights::{self, Insights, MemberFigures, Period, Spread};

/// Bars shown before "Show all".
const BARS_SHOWN: usize = 15;
/// The people × roles grid shows at most this many of each.
const GRID_MEMBERS: usize = 20;
const GRID_ROLES: usize = 12;
/// Notes of each kind (empty roles, …) listed before the count.
const NOTES_SHOWN: usize = 5;

type Figure = (&'static str, fn(&Spread) -> Option<f64>, &'static str);

/// Each team figure: its name, how it is read, and what it means.
const FIGURES: [Figure; 5] = [
    (
        "Concentration of decision ownership",
        |s| s.ownership_gini,
        "Gini coefficient over active members of the decisions they own (a role's decisions shared among its holders): 0 when everyone owns as much, near 1 when one person owns them all.",
    ),
    (
        "Share held by the top fifth",
        |s| s.top_fifth_share,
        "The decisions owned by the fifth of members who own most, as a share of all owned decisions.",
    ),
    (
        "Centralisation of advice",
        |s| s.advice_centralisation,
        "Freeman's degree centralisation of who is asked for advice: 0 when everyone is asked by as many people, 1 when everyone asks the same person.",
    ),
    (
        "Density of advice",
        |s| s.advice_density,
        "Pairs where one member asked another for advice, ÷ all possible pairs n(n−1).",
    ),
    (
        "Members leading",
        |s| s.leading_share,
        "Active members who decided, facilitated or took notes, ÷ all active members.",
    ),
];

type Kind = (&'static str, &'static str, fn(&MemberFigures) -> usize);

/// The kinds of contribution a bar chart can show.
const KINDS: [Kind; 11] = [
    ("owned", "Decisions owned", |m| m.decisions_owned),
    ("decided", "Decisions decided", |m| m.decisions_decided),
    ("advice", "Advice given", |m| m.advice_given),
    ("asked", "Asked for advice", |m| m.advice_asked),
    ("objections", "Objections raised", |m| m.objections_raised),
    ("facilitated", "Meetings facilitated", |m| m.facilitated),
    ("minuted", "Meetings minuted", |m| m.minuted),
    ("roles", "Roles held", |m| m.roles_held),
    ("tensions", "Tensions raised", |m| m.tensions_raised),
    ("received", "Recognition received", |m| {
        m.recognition_received
    }),
    ("given", "Recognition given", |m| m.recognition_given),
];

fn shown(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), |v| format!("{v:.2}"))
}

#[component]
pub fn InsightsScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = browser::today();
    let data = Memo::new(move |_| {
        let _span = browser::Span::new("insights");
        state
            .team
            .with(|t| t.as_ref().map(|t| insights::insights(t, &today)))
    });
    view! {
        <section aria-labelledby="insights-heading">
            <h2 id="insights-heading">"Insights"</h2>
            <p class="lede">"Is leadership spread across the team, or resting on a few? Computed from the record in this browser."</p>
            {move || data.get().map(|d| view! {
                <TeamFigures data=d.clone() />
                <Contributions members=d.members.clone() />
                <Attention data=d.clone() />
                <RolesGrid />
            })}
        </section>
    }
}

#[component]
fn TeamFigures(data: Insights) -> impl IntoView {
    let periods = data.periods.clone();
    view! {
        <div class="card">
            <h3>"The team"</h3>
            <ul class="plain figures">
                {FIGURES.iter().map(|(name, read, how)| {
                    let trend: Vec<(String, Option<f64>)> = periods.iter().map(|p| (p.label.clone(), read(&p.spread))).collect();
                    view! {
                        <li class="figure">
                            <div>
                                <h4>{*name}</h4>
                                <p class="figure-value">{shown(read(&data.now))}</p>
                                <p class="meta">{*how}</p>
                            </div>
                            <Trend name=name trend=trend />
                        </li>
                    }
                }).collect_view()}
            </ul>
            <details>
                <summary>"Table: the figures by quarter"</summary>
                <QuarterTable periods=periods.clone() />
            </details>
        </div>
    }
}

/// A line over the quarters, for one figure (gaps where it has no value).
#[component]
fn Trend(name: &'static str, trend: Vec<(String, Option<f64>)>) -> impl IntoView {
    let (w, h, pad) = (240.0, 70.0, 6.0);
    let n = trend.len().max(2) as f64 - 1.0;
    let point = |i: usize, v: f64| {
        (
            pad + (w - 2.0 * pad) * i as f64 / n,
            h - pad - (h - 2.0 * pad) * v.clamp(0.0, 1.0),
        )
    };
    let mut runs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut dots = Vec::new();
    for (i, (_, v)) in trend.iter().enumerate() {
        match v {
            Some(v) => {
                let (x, y) = point(i, *v);
                current.push_str(&format!("{x:.1},{y:.1} "));
                dots.push((x, y));
            }
            None if !current.is_empty() => runs.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    let first = trend.first().map(|t| t.0.clone()).unwrap_or_default();
    let last = trend.last().map(|t| t.0.clone()).unwrap_or_default();
    let label = format!(
        "Trend of {} by quarter, {first} to {last}; the table below has the values.",
        name.to_lowercase()
    );
    view! {
        <svg class="trend" viewBox=format!("0 0 {w} {}", h + 14.0) role="img" aria-label=label>
            <line x1=pad y1=h - pad x2=w - pad y2=h - pad class="axis" />
            <line x1=pad y1=pad x2=w - pad y2=pad class="grid" />
            {runs.into_iter().map(|p| view! { <polyline points=p class="line" /> }).collect_view()}
            {dots.into_iter().map(|(x, y)| view! { <circle cx=x cy=y r="2.5" class="dot" /> }).collect_view()}
            <text x=pad y=h + 12.0 class="tick">{first}</text>
            <text x=w - pad y=h + 12.0 class="tick end">{last}</text>
        </svg>
    }
}

#[component]
fn QuarterTable(periods: Vec<Period>) -> impl IntoView {
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Team figures by quarter, scrollable">
            <table>
                <caption>"Team figures by quarter"</caption>
                <thead><tr>
                    <th scope="col">"Quarter"</th>
                    {FIGURES.iter().map(|(name, _, _)| view! { <th scope="col">{*name}</th> }).collect_view()}
                    <th scope="col">"Active members"</th>
                </tr></thead>
                <tbody>
                    {periods.into_iter().map(|p| view! {
                        <tr>
                            <th scope="row">{p.label.clone()}</th>
                            {FIGURES.iter().map(|(_, read, _)| view! { <td>{shown(read(&p.spread))}</td> }).collect_view()}
                            <td>{p.spread.members}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn Contributions(members: Vec<MemberFigures>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let kind = RwSignal::new(KINDS[0].0.to_string());
    let all = RwSignal::new(false);
    let members = StoredValue::new(members);
    let options: Vec<(String, String)> = KINDS
        .iter()
        .map(|(k, l, _)| (k.to_string(), l.to_string()))
        .collect();
    let bars = move || {
        let k = kind.get();
        let (_, label, read) = KINDS.iter().find(|x| x.0 == k).copied().unwrap_or(KINDS[0]);
        let mut rows: Vec<(String, String, usize)> = members.with_value(|m| {
            m.iter()
                .map(|m| (m.id.clone(), m.name.clone(), read(m)))
                .collect()
        });
        crate::model::order::sort_by(&mut rows, |a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
        let total = rows.len();
        if !all.get() {
            rows.truncate(BARS_SHOWN);
        }
        (label, rows, total)
    };
    view! {
        <div class="card">
            <h3>"Contributions by member"</h3>
            <SelectField label="Kind of contribution" options=Signal::stored(options) value=Signal::derive(move || kind.get()) on_change=Callback::new(move |v| kind.set(v)) />
            {move || {
                let (label, rows, total) = bars();
                let max = rows.iter().map(|r| r.2).max().unwrap_or(0).max(1);
                let shown_n = rows.len();
                view! {
                    <ul class="plain bars" aria-label=format!("{label} per member")>
                        {rows.into_iter().map(|(id, name, n)| {
                            let pct = 100.0 * n as f64 / max as f64;
                            view! {
                                <li class="bar-row">
                                    <button type="button" class="link bar-name" on:click=move |_| state.screen.set(Screen::Member(id.clone()))>{name}</button>
                                    <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect x="0" y="0" width=format!("{pct:.1}") height="10" /></svg>
                                    <span class="bar-value">{n}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {(total > shown_n).then(|| view! {
                        <button type="button" on:click=move |_| all.set(true)>{format!("Show all {total} members")}</button>
                    })}
                }
            }}
            <details>
                <summary>"Table: every contribution of every member"</summary>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Contributions by member, scrollable">
                    <table>
                        <caption>"Contributions by member"</caption>
                        <thead><tr>
                            <th scope="col">"Member"</th>
                            {KINDS.iter().map(|(_, l, _)| view! { <th scope="col">{*l}</th> }).collect_view()}
                            <th scope="col">"Share of accountabilities"</th>
                        </tr></thead>
                        <tbody>
                            {members.get_value().into_iter().map(|m| view! {
                                <tr>
                                    <th scope="row">{m.name.clone()}</th>
                                    {KINDS.iter().map(|(_, _, read)| view! { <td>{read(&m)}</td> }).collect_view()}
                                    <td>{format!("{:.0} %", 100.0 * m.accountability_share)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </details>
        </div>
    }
}

/// Where leadership rests on too few: a few of each, with a count.
#[component]
fn Attention(data: Insights) -> impl IntoView {
    let state = expect_context::<AppState>();
    let team = state.team;
    let name = move |id: &str| {
        team.with_untracked(|t| {
            t.as_ref()
                .and_then(|t| t.member_name(id))
                .unwrap_or("someone")
                .to_string()
        })
    };
    let role_name = move |id: &str| {
        team.with_untracked(|t| {
            t.as_ref()
                .and_then(|t| t.roles.get(id))
                .map_or_else(|| "a role".to_string(), |r| r.name.clone())
        })
    };
    let group = |title: &'static str, explain: &'static str, items: Vec<(Screen, String)>| {
        let total = items.len();
        view! {
            <div class="attention-group">
                <h4>{format!("{title} ({total})")}</h4>
                <p class="meta">{explain}</p>
                <ul class="plain">
                    {items.into_iter().take(NOTES_SHOWN).map(|(to, text)| view! {
                        <li><button type="button" class="link" on:click=move |_| state.screen.set(to.clone())>{text}</button></li>
                    }).collect_view()}
                </ul>
                {(total > NOTES_SHOWN).then(|| view! { <p class="meta">{format!("and {} more", total - NOTES_SHOWN)}</p> })}
            </div>
        }
    };
    let empty = data
        .empty_roles
        .iter()
        .map(|r| (Screen::Role(r.role_id.clone()), r.role.clone()))
        .collect();
    let single = data
        .single_points
        .iter()
        .map(|r| {
            let who = r.member_id.as_deref().map(name).unwrap_or_default();
            (
                Screen::Role(r.role_id.clone()),
                format!("{} rests on {who}", r.role),
            )
        })
        .collect();
    let over = data
        .overloaded
        .iter()
        .map(|o| {
            (
                Screen::Member(o.member_id.clone()),
                format!(
                    "{}: {} roles, {} accountabilities",
                    name(&o.member_id),
                    o.roles,
                    o.accountabilities
                ),
            )
        })
        .collect();
    let ending = data
        .terms_ending
        .iter()
        .map(|t| {
            let when = if t.days_left < 0 {
                format!("ended {}", t.term_end)
            } else {
                format!("ends {}", t.term_end)
            };
            (
                Screen::Role(t.role_id.clone()),
                format!(
                    "{} as {}: {when}",
                    name(&t.member_id),
                    role_name(&t.role_id)
                ),
            )
        })
        .collect();
    view! {
        <div class="card">
            <h3>"Where it rests on few"</h3>
            <div class="attention-groups">
                {group("Single points of failure", "A role with a domain held by one person, and nobody else has the expertise it asks for.", single)}
                {group("Carrying a lot", "Three roles or more, or more than twice the average accountabilities.", over)}
                {group("Empty roles", "Active roles nobody holds.", empty)}
                {group("Terms ending", "Within 30 days, or ended.", ending)}
            </div>
        </div>
    }
}

/// Who holds which role: members down, roles across.
#[component]
fn RolesGrid() -> impl IntoView {
    let state = expect_context::<AppState>();
    let grid = move || {
        state.team.with(|t| {
            let t = t.as_ref()?;
            let mut roles: Vec<_> = t.roles.values().filter(|r| r.is_active()).collect();
            crate::model::order::sort_by(&mut roles, |a, b| {
                b.fillers
                    .len()
                    .cmp(&a.fillers.len())
                    .then_with(|| a.name.cmp(&b.name))
            });
            let (n_roles, n_members) = (
                roles.len(),
                t.members.values().filter(|m| m.is_active()).count(),
            );
            roles.truncate(GRID_ROLES);
            let members: Vec<(String, Vec<bool>)> = crate::model::queries::sorted_members(t)
                .into_iter()
                .filter(|m| m.is_active())
                .take(GRID_MEMBERS)
                .map(|m| {
                    (
                        m.name.clone(),
                        roles.iter().map(|r| r.is_filled_by(&m.id)).collect(),
                    )
                })
                .collect();
            let names: Vec<String> = roles.iter().map(|r| r.name.clone()).collect();
            Some((names, members, n_roles, n_members))
        })
    };
    move || {
        grid().map(|(roles, members, n_roles, n_members)| {
            let note = (n_roles > roles.len() || n_members > members.len()).then(|| {
                format!("Showing {} of {n_members} members and the {} of {n_roles} roles with most holders.", members.len(), roles.len())
            });
            view! {
                <div class="card">
                    <h3>"People and roles"</h3>
                    {note.map(|n| view! { <p class="meta">{n}</p> })}
                    <div class="table-wrap" tabindex="0" role="region" aria-label="Who holds which role, scrollable">
                        <table class="grid-table">
                            <caption>"Who holds which role"</caption>
                            <thead><tr>
                                <th scope="col">"Member"</th>
                                {roles.iter().map(|r| view! { <th scope="col"><span class="rotated">{r.clone()}</span></th> }).collect_view()}
                            </tr></thead>
                            <tbody>
                                {members.into_iter().map(|(name, holds)| view! {
                                    <tr>
                                        <th scope="row">{name}</th>
                                        {holds.into_iter().map(|h| view! {
                                            <td class:holds=h>{if h { "Holds" } else { "" }}</td>
                                        }).collect_view()}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </div>
            }
        })
    }
}
