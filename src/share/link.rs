//! The team inside a link: `#team=` then base64url of a version byte and the
//! DEFLATE-compressed Automerge bytes.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use thiserror::Error;

use crate::model::MAX_DOC_BYTES;

/// The fragment key that marks a team link.
pub const FRAGMENT_KEY: &str = "team=";
const VERSION: u8 = 1;
/// Links longer than this are cut or refused by many chat apps.
pub const LINK_CHAT_LIMIT: usize = 2_000;
/// Longer fragments are refused before decoding.
const MAX_FRAGMENT_CHARS: usize = 6 * 1024 * 1024;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum LinkError {
    #[error("This link does not carry a team.")]
    NotATeamLink,
    #[error("This link is damaged or cut short: it could not be read. Ask your teammate to send it again, or to send the team file instead.")]
    Damaged,
    #[error("This link was made by a newer version of Roundtable. Reload the page to get the newest version.")]
    NewerVersion,
    #[error("This link carries more than Roundtable opens at once. Ask your teammate for the team file instead.")]
    TooLarge,
}

/// The fragment (without `#`) carrying `bytes`.
pub fn encode_fragment(bytes: &[u8]) -> String {
    let mut payload = vec![VERSION];
    payload.extend(miniz_oxide::deflate::compress_to_vec(bytes, 9));
    format!("{FRAGMENT_KEY}{}", URL_SAFE_NO_PAD.encode(payload))
}

/// Whether a fragment (with or without `#`) is meant to carry a team.
pub fn is_team_fragment(fragment: &str) -> bool {
    fragment.trim_start_matches('#').starts_with(FRAGMENT_KEY)
}

/// The bytes a team link carries. Everything is checked; nothing panics.
pub fn decode_fragment(fragment: &str) -> Result<Vec<u8>, LinkError> {
    let body = fragment
        .trim_start_matches('#')
        .strip_prefix(FRAGMENT_KEY)
        .ok_or(LinkError::NotATeamLink)?;
    if body.len() > MAX_FRAGMENT_CHARS {
        return Err(LinkError::TooLarge);
    }
    // Some chat apps percent-encode or wrap links; undo what is harmless.
    let body: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    let payload = URL_SAFE_NO_PAD
        .decode(body.trim_end_matches('='))
        .map_err(|_| LinkError::Damaged)?;
    match payload.split_first() {
        Some((&VERSION, deflated)) => {
            miniz_oxide::inflate::decompress_to_vec_with_limit(deflated, MAX_DOC_BYTES).map_err(
                |e| match e.status {
                    miniz_oxide::inflate::TINFLStatus::HasMoreOutput => LinkError::TooLarge,
                    _ => LinkError::Damaged,
                },
            )
        }
        Some((v, _)) if *v > VERSION => Err(LinkError::NewerVersion),
        _ => Err(LinkError::Damaged),
    }
}
