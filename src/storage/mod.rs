//! Keeping teams in the browser: which teams there are, each team's
//! document (a full save plus small incremental saves), and who "you" are.
//! The logic runs over a [`KeyValue`] so it is tested natively; the browser's
//! localStorage is one implementation of it.

pub mod device;
#[cfg(target_arch = "wasm32")]
mod idb;
pub mod kv;
#[cfg(target_arch = "wasm32")]
pub mod local;
pub mod team_store;

pub use device::DeviceNotes;
pub use kv::{KeyValue, MemoryKv, StorageError};
pub use team_store::{OpenTeam, StoreError, StoredTeam, TeamStore};
