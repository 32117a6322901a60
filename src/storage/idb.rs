//! IndexedDB as a cache store: one object store of string values by key,
//! read once at start, written behind without waiting. Anything that goes
//! wrong (no IndexedDB, a private window, a full disk) reads as "nothing
//! cached": what is kept here can always be rebuilt.

use js_sys::Promise;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

const DB: &str = "roundtable";
const STORE: &str = "cache";

/// Resolves with the request's result, or rejects, when it completes.
fn settled(req: &IdbRequest) -> Promise {
    let req = req.clone();
    Promise::new(&mut |resolve, reject| {
        let done = req.clone();
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::NULL));
        });
        let failed = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::NULL);
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(failed.unchecked_ref()));
    })
}

async fn open() -> Option<IdbDatabase> {
    let factory = web_sys::window()?.indexed_db().ok()??;
    let req: IdbOpenDbRequest = factory.open_with_u32(DB, 1).ok()?;
    let upgrading = req.clone();
    let upgrade = Closure::once_into_js(move || {
        if let Ok(db) = upgrading.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db = JsFuture::from(settled(&req)).await.ok()?;
    db.dyn_into::<IdbDatabase>().ok()
}

thread_local! {
    static OPENED: std::cell::RefCell<Option<IdbDatabase>> = const { std::cell::RefCell::new(None) };
}

async fn database() -> Option<IdbDatabase> {
    if let Some(db) = OPENED.with(|o| o.borrow().clone()) {
        return Some(db);
    }
    let db = open().await?;
    OPENED.with(|o| *o.borrow_mut() = Some(db.clone()));
    Some(db)
}

/// Whether the database opened (at start): writes then have a place.
pub fn available() -> bool {
    OPENED.with(|o| o.borrow().is_some())
}

/// Opens the database now, so that later writes need not wait for it.
pub async fn ready() {
    let _ = database().await;
}

/// The cached value at `key`, if there is one and IndexedDB answers.
pub async fn get(key: &str) -> Option<String> {
    let db = database().await?;
    let store = db
        .transaction_with_str(STORE)
        .ok()?
        .object_store(STORE)
        .ok()?;
    let req = store.get(&JsValue::from_str(key)).ok()?;
    JsFuture::from(settled(&req)).await.ok()?.as_string()
}

/// Writes (or with `None` removes) `key` in the background. With the
/// database already open the write is queued at once and committed
/// without waiting for more: a page being left (a reload, a closed tab)
/// has no later turn to do it in.
pub fn set(key: &str, value: Option<&str>) {
    if let Some(db) = OPENED.with(|o| o.borrow().clone()) {
        write(&db, key, value);
        return;
    }
    let (key, value) = (key.to_string(), value.map(str::to_string));
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(db) = database().await {
            write(&db, &key, value.as_deref());
        }
    });
}

fn write(db: &IdbDatabase, key: &str, value: Option<&str>) {
    let Ok(tx) = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite) else {
        return;
    };
    let Ok(store) = tx.object_store(STORE) else {
        return;
    };
    let _ = match value {
        Some(v) => store.put_with_key(&JsValue::from_str(v), &JsValue::from_str(key)),
        None => store.delete(&JsValue::from_str(key)),
    };
    // Without it, a write made as the page is left (a reload) was lost in
    // Chromium (e2e). web-sys marks `commit` deprecated, but it is in the
    // standard and in every current browser; where absent the call fails
    // and the transaction commits by itself as before.
    #[allow(deprecated)]
    let _ = tx.commit();
}
