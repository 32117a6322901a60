//! The import worker's side (the app's own WebAssembly, loaded a second
//! time in a dedicated module Web Worker): it
//! holds a copy of the open team and answers the page's "hold" and "vet"
//! messages with [`crate::session::vet::Vetter`]. A panic, a stack
//! overflow or running out of time kills only this worker; the page
//! terminates it and starts another.
//!
//! Messages are plain objects. Page → worker: `{id, op: "hold", stored}`
//! or `{id, op: "vet", team, since, bytes | link}` or `{id, op: "zip",
//! bytes}` (a zipped decision log, read whole); worker → page: first
//! `{ready: true}`, then `{id, ok, heads?, verdict?, message?, vetted?}` (for a `team`
//! verdict the message is the team's id; `vetted` says how a safe merge
//! went, so that the page need not check it again).

use std::cell::RefCell;

use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::{prelude::*, JsCast};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::session::vet::{encode_vetted, Input, Verdict, Vetter};

thread_local! {
    static VETTER: RefCell<Vetter> = RefCell::new(Vetter::new());
}

/// A field of a message (undefined when absent); shared with the page's side.
pub(crate) fn field(data: &JsValue, key: &str) -> JsValue {
    Reflect::get(data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn bytes(data: &JsValue, key: &str) -> Option<Vec<u8>> {
    field(data, key)
        .dyn_into::<Uint8Array>()
        .ok()
        .map(|a| a.to_vec())
}

/// Sets a field of a message; shared with the page's side.
pub(crate) fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn answer(data: &JsValue) -> Object {
    let reply = Object::new();
    set(&reply, "id", &field(data, "id"));
    let op = field(data, "op").as_string().unwrap_or_default();
    VETTER.with_borrow_mut(|v| match op.as_str() {
        "hold" => match v.hold(&bytes(data, "stored").unwrap_or_default()) {
            Ok(heads) => {
                let flat: Vec<u8> = heads.iter().flat_map(|h| h.0).collect();
                set(&reply, "ok", &JsValue::TRUE);
                set(&reply, "heads", &Uint8Array::from(flat.as_slice()).into());
            }
            Err(e) => {
                set(&reply, "ok", &JsValue::FALSE);
                set(&reply, "message", &JsValue::from_str(&e.to_string()));
            }
        },
        "vet" => {
            let team = field(data, "team").as_string();
            if team.is_some() && v.held() != team.as_deref() {
                set(&reply, "ok", &JsValue::FALSE);
                return;
            }
            if let Some(since) = bytes(data, "since") {
                if v.catch_up(&since).is_err() {
                    set(&reply, "ok", &JsValue::FALSE);
                    return;
                }
            }
            let input = match field(data, "link").as_string() {
                Some(link) => Input::Link(link),
                None => Input::Bytes(bytes(data, "bytes").unwrap_or_default()),
            };
            let (verdict, vetted) = v.vet_merge(team.as_deref(), &input);
            let (verdict, message) = match verdict {
                Verdict::Safe => ("safe", String::new()),
                Verdict::Team(id) => ("team", id),
                Verdict::Refused(why) => ("refused", why),
            };
            set(&reply, "ok", &JsValue::TRUE);
            set(&reply, "verdict", &JsValue::from_str(verdict));
            set(&reply, "message", &JsValue::from_str(&message));
            if let Some(vetted) = vetted {
                set(
                    &reply,
                    "vetted",
                    &JsValue::from_str(&encode_vetted(&vetted)),
                );
            }
        }
        // The page reads a zip only after the worker read it whole.
        "zip" => {
            let zip = bytes(data, "bytes").unwrap_or_default();
            match crate::formats::zipfile::read(&zip, crate::formats::madr_read::MAX_FILE_BYTES) {
                Ok(_) => set(&reply, "ok", &JsValue::TRUE),
                Err(e) => {
                    set(&reply, "ok", &JsValue::FALSE);
                    set(&reply, "message", &JsValue::from_str(&e.to_string()));
                }
            }
        }
        _ => set(&reply, "ok", &JsValue::FALSE),
    });
    reply
}

/// Starts answering the page's messages, then says it is ready (messages
/// sent before the WebAssembly was loaded would have been lost). Called by
/// the worker's loader, which `scripts/postbuild.mjs` writes.
#[wasm_bindgen]
pub fn roundtable_worker_start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
        let _ = replies.post_message(&answer(&ev.data()));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let ready = Object::new();
    set(&ready, "ready", &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}
