//! The page's side of the import worker (`share::worker`): it starts the
//! worker, keeps it holding the open team, sends it every file and link
//! that arrives, and gives each check a time budget. A worker that panics,
//! crashes or runs out of time is terminated and replaced; the person is
//! told in plain words and the page goes on working.

use std::{cell::RefCell, collections::VecDeque, time::Duration};

use automerge::ChangeHash;
use js_sys::{Array, Object, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::{prelude::*, JsCast};
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions};

use super::{browser, state::AppState};
use crate::{
    model::document::Vetted,
    session::vet::{decode_vetted, Input, Verdict},
    share::worker::{field, set},
};

/// A check of small input gets this long; larger input (and holding a
/// large team) a little more per kilobyte.
const BUDGET_MS: u64 = 2_500;
const BUDGET_MS_PER_KB: u64 = 8;

/// How long a new worker may take to load before it is given up.
const START_MS: u64 = 15_000;

const TOO_SLOW: &str = "Checking it took too long, so it was not taken in: it is too large or damaged. Ask your teammate to send the team file again.";
const CRASHED: &str =
    "Roundtable could not read it safely: it is damaged. Ask your teammate to send it again.";
const NO_WORKER: &str = "This browser could not start Roundtable's checker, so nothing was taken in. Reload the page and try again.";
const NOT_HELD: &str = "Roundtable could not check it against this team just now. Try again.";

type Held = Option<(String, Vec<ChangeHash>)>;
type Done = Box<dyn FnOnce(Result<JsValue, String>)>;
/// Builds the message when it is its turn (so it sees what the worker holds by then).
type Make = Box<dyn FnOnce(&Held) -> Result<(Object, Array, u64), String>>;

struct Job {
    make: Make,
    done: Done,
}

#[derive(Default)]
struct Client {
    worker: Option<Worker>,
    /// Counts workers started, so that a replaced one's events are ignored.
    generation: u32,
    ready: bool,
    queue: VecDeque<Job>,
    busy: Option<(u32, TimeoutHandle, Done)>,
    held: Held,
    /// A hold for this team is queued or running.
    holding: Option<String>,
    /// Why the last worker was ended, for checks that depended on it.
    failure: Option<&'static str>,
    next_id: u32,
}

thread_local! {
    static CLIENT: RefCell<Client> = RefCell::new(Client::default());
}

fn budget(bytes: usize) -> u64 {
    BUDGET_MS + BUDGET_MS_PER_KB * (bytes as u64 / 1024)
}

/// The worker's loader, named in the page by `scripts/postbuild.mjs`.
fn loader_url() -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector("meta[name=roundtable-import-worker]")
        .ok()??
        .get_attribute("content")
}

fn spawn(c: &mut Client) {
    let Some(url) = loader_url() else { return };
    let options = WorkerOptions::new();
    options.set_name("roundtable-import");
    options.set_type(web_sys::WorkerType::Module);
    let Ok(worker) = Worker::new_with_options(&url, &options) else {
        return;
    };
    c.generation += 1;
    let generation = c.generation;
    // One pair of handlers per worker; a worker is replaced only after it
    // failed, so these few closures are not worth reclaiming.
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
        answered(generation, ev.data())
    });
    let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |ev: ErrorEvent| {
        ev.prevent_default();
        failed(generation, CRASHED);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_message.forget();
    on_error.forget();
    c.worker = Some(worker);
    c.ready = false;
    // Loading the WebAssembly takes a moment; one that never says it is
    // ready is ended like one that crashed.
    let _ = set_timeout_with_handle(
        move || {
            if CLIENT.with_borrow(|c| c.generation == generation && !c.ready) {
                failed(generation, NO_WORKER);
            }
        },
        Duration::from_millis(START_MS),
    );
}

fn answered(generation: u32, data: JsValue) {
    let done = CLIENT.with_borrow_mut(|c| {
        if c.generation != generation {
            return None;
        }
        if field(&data, "ready").is_truthy() {
            c.ready = true;
            return None;
        }
        let id = field(&data, "id").as_f64().map(|n| n as u32);
        match c.busy.take() {
            Some((busy, timer, done)) if Some(busy) == id => {
                timer.clear();
                Some(done)
            }
            other => {
                c.busy = other;
                None
            }
        }
    });
    if let Some(done) = done {
        done(Ok(data));
    }
    pump();
}

/// The worker panicked, crashed or ran out of time: it is ended, and the
/// next check starts a new one.
fn failed(generation: u32, why: &'static str) {
    let (done, stranded) = CLIENT.with_borrow_mut(|c| {
        if c.generation != generation {
            return (Vec::new(), false);
        }
        if let Some(w) = c.worker.take() {
            w.terminate();
        }
        let started = c.ready;
        c.ready = false;
        c.held = None;
        c.generation += 1;
        c.failure = Some(why);
        let mut done: Vec<Done> = c
            .busy
            .take()
            .map(|(_, timer, done)| {
                timer.clear();
                done
            })
            .into_iter()
            .collect();
        // A worker that never started will not start by trying again at
        // once: what waits for it is told, and the next check tries anew.
        if !started {
            done.extend(c.queue.drain(..).map(|j| j.done));
        }
        (done, !started)
    });
    let why = if stranded { NO_WORKER } else { why };
    for done in done {
        done(Err(why.to_string()));
    }
    pump();
}

/// Sends the next job when the worker is free.
fn pump() {
    let mut refused = Vec::new();
    let mut next = None;
    CLIENT.with_borrow_mut(|c| {
        if c.busy.is_some() || c.queue.is_empty() {
            return;
        }
        if c.worker.is_none() {
            spawn(c);
            if c.worker.is_none() {
                refused.extend(c.queue.drain(..).map(|j| j.done));
            }
            return;
        }
        if c.ready {
            next = c.queue.pop_front().map(|job| (job, c.held.clone()));
        }
    });
    for done in refused {
        done(Err(NO_WORKER.to_string()));
    }
    let Some((job, held)) = next else { return };
    let (msg, transfer, ms) = match (job.make)(&held) {
        Ok(m) => m,
        Err(why) => {
            (job.done)(Err(why));
            return pump();
        }
    };
    CLIENT.with_borrow_mut(|c| {
        c.next_id += 1;
        let id = c.next_id;
        set(&msg, "id", &JsValue::from(id));
        let generation = c.generation;
        let posted = c
            .worker
            .as_ref()
            .is_some_and(|w| w.post_message_with_transfer(&msg, &transfer).is_ok());
        let timer = set_timeout_with_handle(
            move || failed(generation, TOO_SLOW),
            Duration::from_millis(if posted { ms } else { 0 }),
        );
        match timer {
            Ok(timer) => c.busy = Some((id, timer, job.done)),
            Err(_) => c.queue.push_front(Job {
                make: Box::new(|_| Err(NO_WORKER.to_string())),
                done: job.done,
            }),
        }
    });
}

fn submit(job: Job) {
    CLIENT.with_borrow_mut(|c| c.queue.push_back(job));
    pump();
}

/// Bytes for the worker, in a buffer of their own that is moved, not copied.
fn moved(bytes: &[u8], transfer: &Array) -> Uint8Array {
    let array = Uint8Array::from(bytes);
    transfer.push(&array.buffer());
    array
}

/// How long after a team opens the worker starts holding it: the page
/// draws the team first.
const WARM_AFTER_MS: u64 = 1_500;

/// [`warm`], once the page has drawn the team just opened (sooner if a
/// file or link arrives: [`check`] warms at once).
pub fn warm_soon(state: AppState) {
    let team = state.team_id();
    set_timeout(
        move || {
            if state.team_id() == team {
                warm(state);
            }
        },
        Duration::from_millis(WARM_AFTER_MS),
    );
}

/// Has the worker hold the open team, unless it does (or is about to).
pub fn warm(state: AppState) {
    let Some(open) = state.team_id() else { return };
    let wanted = CLIENT.with_borrow(|c| {
        c.held.as_ref().map(|(t, _)| t) != Some(&open) && c.holding.as_ref() != Some(&open)
    });
    if !wanted {
        return;
    }
    // Only now the whole stored team is read: every check calls this.
    // From storage, not the document: a team shown from its snapshot is
    // not loaded for this.
    let Some((team, stored)) = state.session.try_with_value(|s| s.stored_team()).flatten() else {
        return;
    };
    CLIENT.with_borrow_mut(|c| c.holding = Some(team.clone()));
    let size = stored.len();
    submit(Job {
        make: Box::new(move |_| {
            let (msg, transfer) = (Object::new(), Array::new());
            set(&msg, "op", &"hold".into());
            set(&msg, "stored", &moved(&stored, &transfer));
            Ok((msg, transfer, budget(size) * 2))
        }),
        done: Box::new(move |reply| {
            let heads = reply.ok().filter(|r| field(r, "ok").is_truthy()).map(|r| {
                let flat = field(&r, "heads")
                    .dyn_into::<Uint8Array>()
                    .map(|a| a.to_vec())
                    .unwrap_or_default();
                flat.chunks_exact(32)
                    .filter_map(|h| h.try_into().ok().map(ChangeHash))
                    .collect::<Vec<_>>()
            });
            CLIENT.with_borrow_mut(|c| {
                if c.holding.as_ref() == Some(&team) {
                    c.holding = None;
                }
                if heads.is_some() {
                    c.failure = None;
                }
                c.held = heads.map(|h| (team, h));
            });
        }),
    });
}

/// Checks `input` in the worker against the open team (or on its own when
/// none is open), then calls `then` with what it found.
pub fn check(state: AppState, input: Input, then: impl FnOnce(Verdict, Option<Vetted>) + 'static) {
    let team = state.team_id();
    if team.is_some() {
        warm(state);
    }
    let span = browser::Span::new("vet");
    let asked = team.clone();
    submit(Job {
        make: Box::new(move |held| {
            let (msg, transfer) = (Object::new(), Array::new());
            set(&msg, "op", &"vet".into());
            if let Some(team) = &asked {
                let Some((_, heads)) = held.as_ref().filter(|(t, _)| t == team) else {
                    let why = CLIENT.with_borrow(|c| c.failure).unwrap_or(NOT_HELD);
                    return Err(why.to_string());
                };
                set(&msg, "team", &team.into());
                // This tab's own edits since the worker's copy.
                if let Some(since) = state.with(|s| s.changes_after(heads)).flatten() {
                    set(&msg, "since", &moved(&since, &transfer));
                }
            }
            let size = match &input {
                Input::Bytes(b) => {
                    set(&msg, "bytes", &moved(b, &transfer));
                    b.len()
                }
                Input::Link(l) => {
                    set(&msg, "link", &l.into());
                    l.len()
                }
            };
            Ok((msg, transfer, budget(size)))
        }),
        done: Box::new(move |reply| {
            drop(span);
            let (verdict, vetted) = match reply {
                Err(why) => (Verdict::Refused(why), None),
                Ok(r) if !field(&r, "ok").is_truthy() => {
                    CLIENT.with_borrow_mut(|c| c.held = None);
                    (Verdict::Refused(NOT_HELD.to_string()), None)
                }
                Ok(r) => {
                    let message = field(&r, "message").as_string().unwrap_or_default();
                    let vetted = field(&r, "vetted")
                        .as_string()
                        .and_then(|t| decode_vetted(&t));
                    match field(&r, "verdict").as_string().as_deref() {
                        Some("safe") => (Verdict::Safe, vetted),
                        Some("team") => (Verdict::Team(message), None),
                        _ => (Verdict::Refused(message), None),
                    }
                }
            };
            then(verdict, vetted);
        }),
    });
}

/// Reads a zip in the worker first: one that would crash the zip reader
/// kills only the worker, and `then` hears that the page must not read it.
pub fn probe_zip(bytes: &[u8], then: impl FnOnce(Result<(), String>) + 'static) {
    let size = bytes.len();
    let copy = Uint8Array::from(bytes);
    submit(Job {
        make: Box::new(move |_| {
            let msg = Object::new();
            set(&msg, "op", &"zip".into());
            set(&msg, "bytes", &copy.into());
            Ok((msg, Array::new(), budget(size)))
        }),
        done: Box::new(move |reply| {
            then(match reply {
                Ok(r) if field(&r, "ok").is_truthy() => Ok(()),
                Ok(r) => Err(field(&r, "message").as_string().unwrap_or_default()),
                Err(why) => Err(why),
            })
        }),
    });
}
