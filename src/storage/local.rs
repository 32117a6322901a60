//! localStorage through gloo-storage.

use gloo_storage::{errors::StorageError as GlooError, LocalStorage, Storage};

use super::kv::{KeyValue, StorageError};

#[derive(Debug, Default, Clone, Copy)]
pub struct LocalKv;

impl KeyValue for LocalKv {
    fn get(&self, key: &str) -> Option<String> {
        // We write JSON strings; other scripts on the site may not.
        LocalStorage::get::<String>(key)
            .ok()
            .or_else(|| LocalStorage::raw().get_item(key).ok().flatten())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
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
        LocalStorage::delete(key);
    }

    fn has(&self, key: &str) -> bool {
        self.keys().iter().any(|k| k == key)
    }

    fn keys(&self) -> Vec<String> {
        let raw = LocalStorage::raw();
        let n = raw.length().unwrap_or(0);
        (0..n).filter_map(|i| raw.key(i).ok().flatten()).collect()
    }
}
