//! The key-value store teams are kept in (localStorage in the browser), and
//! an in-memory one for native tests, with a quota to play "storage full".

use std::collections::BTreeMap;

use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum StorageError {
    #[error("The browser's storage for this site is full. Your latest edits are kept in this tab only: download the team file to keep them safe.")]
    Full,
    #[error("The browser refused to store data ({0}). Your latest edits are kept in this tab only: download the team file to keep them safe.")]
    Unavailable(String),
}

/// String keys to string values, like localStorage.
pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&mut self, key: &str);
    fn keys(&self) -> Vec<String>;
    /// The characters `key`'s value takes (0 when none).
    fn chars(&self, key: &str) -> usize {
        self.get(key).map_or(0, |v| v.chars().count())
    }
    /// Whether `key` holds a value, without reading it (a team's save can
    /// be megabytes).
    fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
    /// Whether cached values (snapshots) are kept anywhere: when not,
    /// making one is wasted work.
    fn keeps_cache(&self) -> bool {
        true
    }
}

/// An in-memory store with an optional quota, standing in for localStorage
/// in native tests (including "storage is full").
#[derive(Debug, Default, Clone)]
pub struct MemoryKv {
    pub map: BTreeMap<String, String>,
    pub quota: Option<usize>,
}

impl MemoryKv {
    /// Characters held, keys and values: what the quota counts.
    pub fn used(&self) -> usize {
        self.map.iter().map(|(k, v)| k.len() + v.len()).sum()
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Option<String> {
        self.map.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        if let Some(quota) = self.quota {
            let old = self.map.get(key).map_or(0, |v| key.len() + v.len());
            if self.used() - old + key.len() + value.len() > quota {
                return Err(StorageError::Full);
            }
        }
        self.map.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        self.map.remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.map.keys().cloned().collect()
    }
}
