//! Roundtable: roles, decisions and distributed leadership, kept in one
//! Automerge document per team in the browser.
//!
//! - [`model`]: the team's data and rules, with no browser code;
//! - [`storage`]: keeping teams in browser storage;
//! - [`share`]: carrying a team in a link;
//! - [`session`]: the open team and every operation on it, as outcomes;
//! - `ui` (WebAssembly only): the screens;
//! - `workload` (feature `workload`): generated teams for benchmarks and tests.

pub mod formats;
pub mod model;
pub mod session;
pub mod share;
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(feature = "workload")]
pub mod workload;
