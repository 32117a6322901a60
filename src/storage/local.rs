//! The browser's store: localStorage through gloo-storage, but for the
//! snapshots (a cache, some four times a team's save), which live in
//! IndexedDB — read at start into memory, written behind.

use std::{cell::RefCell, collections::BTreeMap};

use gloo_storage::{errors::StorageError as GlooError, LocalStorage, Storage};

use super::{
    idb,
    kv::{KeyValue, StorageError},
};

#[derive(Debug, Default, Clone, Copy)]
pub struct LocalKv;

thread_local! {
    /// The cache keys read from IndexedDB at start, and written since.
    static CACHE: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
}

/// Keys kept in IndexedDB rather than localStorage.
fn cached(key: &str) -> bool {
    key.ends_with("/snapshot")
}

/// Before the app starts: moves snapshots an earlier version kept in
/// localStorage to IndexedDB (freeing their room for edits), then reads
/// the snapshot of the team about to open, `key`.
pub async fn start(key: Option<String>) {
    let raw = LocalStorage::raw();
    let old: Vec<String> = LocalKv.keys().into_iter().filter(|k| cached(k)).collect();
    for k in old {
        if let Some(v) = LocalKv.get_local(&k) {
            idb::set(&k, Some(&v));
            CACHE.with(|c| c.borrow_mut().insert(k.clone(), v));
        }
        let _ = raw.remove_item(&k);
    }
    idb::ready().await;
    let Some(key) = key else {
        return;
    };
    if CACHE.with(|c| c.borrow().contains_key(&key)) {
        return;
    }
    if let Some(v) = idb::get(&key).await {
        CACHE.with(|c| c.borrow_mut().insert(key, v));
    }
}

impl LocalKv {
    fn get_local(&self, key: &str) -> Option<String> {
        // We write JSON strings; other scripts on the site may not.
        LocalStorage::get::<String>(key)
            .ok()
            .or_else(|| LocalStorage::raw().get_item(key).ok().flatten())
    }
}

impl KeyValue for LocalKv {
    fn get(&self, key: &str) -> Option<String> {
        if cached(key) {
            return CACHE.with(|c| c.borrow().get(key).cloned());
        }
        self.get_local(key)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        if cached(key) {
            CACHE.with(|c| c.borrow_mut().insert(key.to_string(), value.to_string()));
            idb::set(key, Some(value));
            return Ok(());
        }
        LocalStorage::set(key, value).map_err(|e| match e {
            GlooError::JsError(js)
                if js.name == "QuotaExceededError"
                    || js.message.to_lowercase().contains("quota") =>
            {
                StorageError::Full
            }
            other => StorageError::Unavailable(other.to_string()),
        })
    }

    fn remove(&mut self, key: &str) {
        if cached(key) {
            CACHE.with(|c| c.borrow_mut().remove(key));
            idb::set(key, None);
            return;
        }
        LocalStorage::delete(key);
    }

    /// Counted where the value is, in UTF-16 units as the browser's quota
    /// counts them: a team's save is not copied into the app to be counted.
    fn chars(&self, key: &str) -> usize {
        use wasm_bindgen::JsCast;
        if cached(key) {
            return CACHE.with(|c| c.borrow().get(key).map_or(0, |v| v.encode_utf16().count()));
        }
        let raw = LocalStorage::raw();
        // A stored value is a property of the store, unless its key is
        // one of the store's own names ("length"): then it is read.
        match js_sys::Reflect::get(&raw, &key.into())
            .ok()
            .and_then(|v| v.dyn_into::<js_sys::JsString>().ok())
        {
            Some(s) => s.length() as usize,
            None => raw
                .get_item(key)
                .ok()
                .flatten()
                .map_or(0, |v| v.encode_utf16().count()),
        }
    }

    fn has(&self, key: &str) -> bool {
        if cached(key) {
            return CACHE.with(|c| c.borrow().contains_key(key));
        }
        self.keys().iter().any(|k| k == key)
    }

    fn keeps_cache(&self) -> bool {
        idb::available()
    }

    /// localStorage's keys (the cache's are not listed: nothing enumerates
    /// them).
    fn keys(&self) -> Vec<String> {
        let raw = LocalStorage::raw();
        let n = raw.length().unwrap_or(0);
        (0..n).filter_map(|i| raw.key(i).ok().flatten()).collect()
    }
}
