//! Roundtable: roles, decisions and distributed leadership, kept in one
//! Automerge document per team in the browser.
//!
//! - [`model`]: the team's data and rules, with no browser code;
//! - [`storage`]: keeping teams in browser storage;
//! - [`share`]: carrying a team in a link;
//! - `ui` (WebAssembly only): the screens;
//! - [`workload`]: generated teams for benchmarks and tests.

pub mod model;
pub mod share;
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
pub mod workload;
