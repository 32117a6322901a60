//! Taking the team elsewhere: Markdown decision records, CSV and JSON
//! downloads, and printing; the decision log's exports follow its filter.

use leptos::prelude::*;

use super::{browser, share::save, state::AppState};
use crate::{
    formats::{csv, json, madr, zipfile},
    model::{Decision, Team},
};

fn team_slug(t: &Team) -> String {
    browser::slug(&t.profile.name)
}

/// The decisions as Markdown records in one zip, with their index.
fn markdown_zip(t: &Team, decisions: &[&Decision]) -> Vec<u8> {
    let _span = browser::Span::new("export-markdown");
    let files: Vec<(String, Vec<u8>)> = madr::export(t, decisions)
        .into_iter()
        .map(|(n, text)| (format!("decisions/{n}"), text.into_bytes()))
        .collect();
    zipfile::write(&files)
}

/// The decisions the log's filter shows now.
fn shown(state: AppState, t: &Team) -> Vec<Decision> {
    let filter = state.filter.get_untracked();
    let today = browser::today();
    t.decisions
        .values()
        .filter(|d| filter.matches(t, d, &today))
        .cloned()
        .collect()
}

/// Exports of the decision log as filtered, beside the log.
#[component]
pub fn LogExport(on_print: Callback<()>, #[prop(into)] count: Signal<usize>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let export = move |markdown: bool| {
        state.team.with_untracked(|t| {
            let Some(t) = t else { return };
            let list = shown(state, t);
            let refs: Vec<&Decision> = list.iter().collect();
            let day = browser::today();
            let _saved = if markdown {
                save(
                    state,
                    &format!("{}-decisions-{day}.zip", team_slug(t)),
                    &markdown_zip(t, &refs),
                )
            } else {
                save(
                    state,
                    &format!("{}-decisions-{day}.csv", team_slug(t)),
                    &csv::decisions(t, &refs),
                )
            };
        })
    };
    view! {
        <div class="export-row no-print" role="group" aria-label="Export or print the decisions listed">
            <button type="button" on:click=move |_| export(true)>"Export as Markdown records (.zip)"</button>
            <button type="button" on:click=move |_| export(false)>"Export as spreadsheet (.csv)"</button>
            <button type="button" on:click=move |_| on_print.run(())>"Print the log"</button>
            <span class="hint">{move || match count.get() {
                1 => "Exports and printing take the 1 decision the filter shows.".to_string(),
                n => format!("Exports and printing take the {n} decisions the filter shows, all of them (not only the first page)."),
            }}</span>
        </div>
    }
}

/// The whole team in formats other tools read.
#[component]
pub fn ExportCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let run = move |what: &'static str| {
        state.team.with_untracked(|t| {
            let Some(t) = t else { return };
            let (slug, day) = (team_slug(t), browser::today());
            let all: Vec<&Decision> = t.decisions.values().collect();
            // Exports are for other tools: never encrypted (see README).
            let _saved = match what {
                "markdown" => save(
                    state,
                    &format!("{slug}-decisions-{day}.zip"),
                    &markdown_zip(t, &all),
                ),
                "json" => save(
                    state,
                    &format!("{slug}-{day}.json"),
                    json::export(t, &day).as_bytes(),
                ),
                table => {
                    let bytes = match table {
                        "roles" => csv::roles(t),
                        "members" => csv::members(t),
                        "meetings" => csv::meetings(t),
                        _ => csv::decisions(t, &all),
                    };
                    save(state, &format!("{slug}-{table}-{day}.csv"), &bytes)
                }
            };
        })
    };
    let item = move |what: &'static str, label: &'static str, says: &'static str| {
        view! {
            <li>
                <button type="button" on:click=move |_| run(what)>{label}</button>
                <span class="hint">{says}</span>
            </li>
        }
    };
    view! {
        <section class="card" aria-labelledby="export-heading">
            <h3 id="export-heading">"Take the team elsewhere"</h3>
            <p class="meta">"Files other tools read. The team file above is the one teammates merge; these are copies to read, keep or analyse."</p>
            <ul class="plain export-list">
                {item("markdown", "Decision records (Markdown, .zip)", "Every decision as a MADR 4 record, numbered by decision date, with an index.")}
                {item("json", "The whole team (JSON)", "Members, roles, decisions with their options and advice, tensions, meetings, recognition.")}
                {item("decisions", "Decisions (CSV)", "One row per decision, for a spreadsheet.")}
                {item("roles", "Roles (CSV)", "Purpose, accountabilities, domain and holders.")}
                {item("members", "Members (CSV)", "Expertise, dates and roles held.")}
                {item("meetings", "Meetings (CSV)", "Dates, kinds, who facilitated and took notes.")}
            </ul>
        </section>
    }
}
