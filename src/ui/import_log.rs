//! Bringing in a decision log kept as Markdown files (MADR or adr-tools):
//! a folder, some files or a zip; a preview of what will be created and
//! what was skipped; then all of it in one change, or nothing.

use leptos::{ev, prelude::*, task::spawn_local};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::{
    browser,
    fields::field_id,
    state::{AppState, Notice},
};
use crate::formats::{
    import::{plan, Plan},
    madr_read::MAX_FILE_BYTES,
    zipfile,
};

type Files = Vec<(String, Result<Vec<u8>, String>)>;

/// How many of each list the preview shows (a log may hold thousands).
const LISTED: usize = 50;

/// "… and 12 more" under a list cut at [`LISTED`].
fn more(total: usize) -> Option<impl IntoView> {
    (total > LISTED)
        .then(|| view! { <p class="meta">{format!("… and {} more", total - LISTED)}</p> })
}

/// Titles joined, the first [`LISTED`] of them.
fn listed<'a>(titles: impl ExactSizeIterator<Item = &'a str>) -> String {
    let total = titles.len();
    let mut out = titles.take(LISTED).collect::<Vec<_>>().join(", ");
    if total > LISTED {
        out.push_str(&format!(" and {} more", total - LISTED));
    }
    out
}

/// A zip larger than this is not a decision log.
const MAX_ZIP_BYTES: f64 = 32.0 * 1024.0 * 1024.0;

async fn read_all(list: Vec<web_sys::File>) -> (Files, Vec<Vec<u8>>) {
    let mut files = Vec::new();
    let mut zips = Vec::new();
    for f in list {
        let name = f.name();
        let is_zip = name.to_lowercase().ends_with(".zip");
        let cap = if is_zip {
            MAX_ZIP_BYTES
        } else {
            MAX_FILE_BYTES as f64
        };
        if !is_zip && !name.to_lowercase().ends_with(".md") {
            files.push((name, Err("not a Markdown file (.md)".to_string())));
            continue;
        }
        if f.size() > cap {
            files.push((name, Err(format!("larger than {} KB", cap as usize / 1024))));
            continue;
        }
        match JsFuture::from(f.array_buffer()).await {
            Ok(buf) => {
                let bytes = js_sys::Uint8Array::new(&buf).to_vec();
                if is_zip {
                    zips.push(bytes);
                } else {
                    files.push((name, Ok(bytes)));
                }
            }
            Err(_) => files.push((name, Err("could not be read".to_string()))),
        }
    }
    (files, zips)
}

#[component]
pub fn ImportLogCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let preview = RwSignal::new(None::<Plan>);
    let files_id = field_id();
    let folder_id = field_id();
    // Chromium, Firefox and Safari all read this name for "a folder".
    let folder = NodeRef::<leptos::html::Input>::new();
    Effect::new(move || {
        if let Some(input) = folder.get() {
            let _ = input.set_attribute("webkitdirectory", "");
        }
    });
    let show = move |files: Files| {
        let me = state.me.get_untracked();
        let p = state.team.with_untracked(|t| {
            t.as_ref()
                .map(|t| plan(t, files, browser::now_ms(), me.as_deref()))
        });
        preview.set(p);
    };
    let picked = move |ev: ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(picked) = input.files() else { return };
        // Taken out before the input is cleared, which empties its list.
        let list: Vec<web_sys::File> = (0..picked.length()).filter_map(|i| picked.get(i)).collect();
        input.set_value("");
        spawn_local(async move {
            let (mut files, mut zips) = read_all(list).await;
            let Some(zip) = zips.pop() else {
                show(files);
                return;
            };
            for _ in zips {
                files.push((
                    "another zip".into(),
                    Err("one zip at a time: choose it on its own".into()),
                ));
            }
            let bytes = zip.clone();
            super::vetting::probe_zip(&zip, move |checked| {
                let read = checked.and_then(|()| {
                    zipfile::read(&bytes, MAX_FILE_BYTES).map_err(|e| e.to_string())
                });
                match read {
                    Ok(entries) => {
                        files.extend(entries);
                        show(files);
                    }
                    Err(why) => state.say(Notice::Error(format!("Nothing was imported. {why}"))),
                }
            });
        });
    };
    let import = move |_| {
        let Some(p) = preview.get_untracked() else {
            return;
        };
        let n = p.records.len();
        if state
            .edit(|doc, s| doc.import_decisions(s, &p.records))
            .is_some()
        {
            preview.set(None);
            state.say(Notice::Info(format!(
                "Imported {n} decision{} from the log.",
                if n == 1 { "" } else { "s" }
            )));
        }
    };
    view! {
        <section class="card" aria-labelledby="import-log-heading">
            <h3 id="import-log-heading">"Bring in a decision log"</h3>
            <p class="meta">"Markdown decision records in MADR or adr-tools style (0001-title.md …): you see what will be created before anything changes, and importing the same files again creates nothing twice."</p>
            <div class="field">
                <label class="field-label" for=files_id.clone()>"Choose record files or a zip"</label>
                <input id=files_id type="file" multiple accept=".md,.zip,text/markdown,application/zip" on:change=picked />
            </div>
            <div class="field">
                <label class="field-label" for=folder_id.clone()>"Or choose a folder of records"</label>
                <input id=folder_id type="file" multiple node_ref=folder on:change=picked />
            </div>
            {move || preview.get().map(|p| {
                let n = p.create.len();
                view! {
                    <div class="preview" role="region" aria-label="What the import will do">
                        <h4>{format!("{n} decision{} to create", if n == 1 { "" } else { "s" })}</h4>
                        <ul class="plain" aria-label="Decisions to create">
                            {p.create.iter().take(LISTED).map(|c| view! {
                                <li>
                                    <strong>{c.title.clone()}</strong>
                                    {format!(" — {}, {}; {} option{}; from {}", c.status.label(), c.date.clone().unwrap_or_else(|| "no date".into()), c.options, if c.options == 1 { "" } else { "s" }, c.file)}
                                    {(!c.notes.is_empty()).then(|| view! { <p class="meta">{format!("Not understood: {}", c.notes.join("; "))}</p> })}
                                </li>
                            }).collect_view()}
                        </ul>
                        {more(n)}
                        {(!p.already.is_empty()).then(|| view! {
                            <p>{format!("Already in the team, not created again: {}", listed(p.already.iter().map(|(_, t)| t.as_str())))}</p>
                        })}
                        {(!p.skipped.is_empty()).then(|| view! {
                            <h4>{format!("{} file{} skipped", p.skipped.len(), if p.skipped.len() == 1 { "" } else { "s" })}</h4>
                            <ul class="plain" aria-label="Files skipped">
                                {p.skipped.iter().take(LISTED).map(|(f, why)| view! { <li>{format!("{f}: {why}")}</li> }).collect_view()}
                                {more(p.skipped.len())}
                            </ul>
                        })}
                        <div class="add-row">
                            <button type="button" class="primary" disabled=n == 0 on:click=import>{format!("Import {n} decision{}", if n == 1 { "" } else { "s" })}</button>
                            <button type="button" on:click=move |_| preview.set(None)>"Cancel"</button>
                        </div>
                    </div>
                }
            })}
        </section>
    }
}
