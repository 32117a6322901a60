//! A member of the team: name, expertise, when they joined and left.

use autosurgeon::{Hydrate, Reconcile};
use serde::{Deserialize, Serialize};

/// A person in the team. No job titles: people are known by what they know.
#[derive(Debug, Clone, PartialEq, Eq, Hydrate, Reconcile, Serialize, Deserialize)]
pub struct Member {
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub id: String,
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub name: String,
    #[autosurgeon(hydrate = "super::lenient::strings")]
    pub expertise: Vec<String>,
    #[autosurgeon(hydrate = "super::lenient::string")]
    pub joined_on: String,
    #[autosurgeon(hydrate = "super::lenient::opt_string")]
    pub left_on: Option<String>,
}

impl Member {
    pub fn new(id: String, name: &str, joined_on: &str) -> Self {
        Member {
            id,
            name: name.trim().to_string(),
            expertise: Vec::new(),
            joined_on: joined_on.to_string(),
            left_on: None,
        }
    }

    pub fn is_active(&self) -> bool {
        self.left_on.is_none()
    }
}
