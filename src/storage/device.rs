//! What this browser keeps about a team for itself and never shares: the
//! check that tells a retyped passphrase from a mistyped one (and the
//! passphrase itself, only if the person asked), and when a copy of the
//! team last left this browser.

use serde::{Deserialize, Serialize};

/// A week, after which a team with no copy outside this browser is worth
/// a reminder.
pub const REMIND_AFTER_DAYS: i64 = 7;
const DAY_MS: f64 = 86_400_000.0;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeviceNotes {
    /// Base64 of a known text sealed with the team's passphrase: present
    /// when files and links of this team are encrypted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal_check: Option<String>,
    /// The passphrase, when the person asked this browser to remember it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remembered: Option<String>,
    /// When this browser last downloaded the team, made a link or took in
    /// a teammate's copy (milliseconds since 1970).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_copy_ms: Option<f64>,
    /// When this browser first held the team: the reminder counts from
    /// here until there is a copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_seen_ms: Option<f64>,
}

impl DeviceNotes {
    /// Read leniently: unreadable notes are no notes (they hold nothing
    /// the team needs).
    pub fn parse(json: Option<&str>) -> Self {
        json.and_then(|j| serde_json::from_str(j).ok())
            .unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Whole days since a copy last left this browser; `None` if none did.
    pub fn days_since_copy(&self, now_ms: f64) -> Option<i64> {
        self.last_copy_ms.map(|t| days_between(t, now_ms))
    }

    /// Whether to remind the person to keep a copy elsewhere: a week since
    /// the last copy, or since the team came to this browser if none.
    pub fn copy_reminder_due(&self, now_ms: f64) -> bool {
        let since = self.last_copy_ms.or(self.first_seen_ms);
        since.is_some_and(|t| days_between(t, now_ms) >= REMIND_AFTER_DAYS)
    }
}

fn days_between(from_ms: f64, to_ms: f64) -> i64 {
    ((to_ms - from_ms) / DAY_MS).floor().max(0.0) as i64
}

/// "today", "yesterday", "12 days ago".
pub fn days_ago(days: i64) -> String {
    match days {
        0 => "today".into(),
        1 => "yesterday".into(),
        n => format!("{n} days ago"),
    }
}
