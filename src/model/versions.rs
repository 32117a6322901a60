//! A counter per part of a team shown on screen (each collection, and the
//! profile): bumped whenever that part may have changed, so that a list
//! drawn from other parts is not built again on every keystroke.

use super::kind::Collection;

/// The profile's slot, after the collections'.
const PROFILE: usize = Collection::ALL.len();

/// How often each part of the team shown has changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Versions([u64; PROFILE + 1]);

impl Versions {
    /// How often the records of `c` have changed.
    pub fn of(&self, c: Collection) -> u64 {
        self.0[slot(c)]
    }

    /// How often the profile has changed.
    pub fn profile(&self) -> u64 {
        self.0[PROFILE]
    }

    /// Some record of `c` changed.
    pub fn bump(&mut self, c: Collection) {
        self.0[slot(c)] += 1;
    }

    pub fn bump_profile(&mut self) {
        self.0[PROFILE] += 1;
    }

    /// The whole team changed, or another team is shown.
    pub fn bump_all(&mut self) {
        for v in &mut self.0 {
            *v += 1;
        }
    }
}

fn slot(c: Collection) -> usize {
    Collection::ALL
        .iter()
        .position(|k| *k == c)
        .unwrap_or(PROFILE)
}
