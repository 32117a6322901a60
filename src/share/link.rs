//! The team inside a link: `#team=` then base64url of a version byte and the
//! DEFLATE-compressed Automerge bytes. Version 2 also says who made the
//! link and what they had then, so the receiver can later send back only
//! what the sender lacks.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use thiserror::Error;

use super::sealed::SealError;
use crate::model::MAX_DOC_BYTES;

/// The fragment key that marks a team link.
pub const FRAGMENT_KEY: &str = "team=";
const VERSION: u8 = 1;
const VERSION_FROM: u8 = 2;
const HASH_LEN: usize = 32;
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
    #[error("This link is encrypted: it opens with the team's passphrase.")]
    Sealed,
}

/// Who made a link, and the document heads they had when they made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sender {
    pub member_id: String,
    pub heads: Vec<[u8; HASH_LEN]>,
}

/// What a link carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub bytes: Vec<u8>,
    pub from: Option<Sender>,
}

/// The fragment (without `#`) carrying `bytes`, made by `from`.
pub fn encode_fragment_from(bytes: &[u8], from: &Sender) -> String {
    let id = from.member_id.as_bytes();
    let heads = &from.heads[..from.heads.len().min(u8::MAX as usize)];
    if id.len() > u8::MAX as usize {
        return encode_fragment(bytes);
    }
    let mut payload = vec![VERSION_FROM, id.len() as u8];
    payload.extend_from_slice(id);
    payload.push(heads.len() as u8);
    for h in heads {
        payload.extend_from_slice(h);
    }
    payload.extend(deflate(bytes));
    format!("{FRAGMENT_KEY}{}", URL_SAFE_NO_PAD.encode(payload))
}

/// The fragment (without `#`) carrying `bytes`.
pub fn encode_fragment(bytes: &[u8]) -> String {
    let mut payload = vec![VERSION];
    payload.extend(deflate(bytes));
    format!("{FRAGMENT_KEY}{}", URL_SAFE_NO_PAD.encode(payload))
}

/// Whether a fragment (with or without `#`) is meant to carry a team.
pub fn is_team_fragment(fragment: &str) -> bool {
    fragment.trim_start_matches('#').starts_with(FRAGMENT_KEY)
}

/// The bytes a team link carries. Everything is checked; nothing panics.
pub fn decode_fragment(fragment: &str) -> Result<Vec<u8>, LinkError> {
    decode_link(fragment).map(|l| l.bytes)
}

/// What a team link carries, and who made it when it says so. Everything
/// is checked; nothing panics.
pub fn decode_link(fragment: &str) -> Result<Link, LinkError> {
    let payload = payload_of(fragment)?;
    if super::sealed::is_sealed(&payload) {
        return Err(LinkError::Sealed);
    }
    match payload.split_first() {
        Some((&VERSION, deflated)) => Ok(Link {
            bytes: inflate(deflated)?,
            from: None,
        }),
        Some((&VERSION_FROM, rest)) => {
            let (from, deflated) = read_sender(rest).ok_or(LinkError::Damaged)?;
            Ok(Link {
                bytes: inflate(deflated)?,
                from: Some(from),
            })
        }
        Some((v, _)) if *v > VERSION_FROM => Err(LinkError::NewerVersion),
        _ => Err(LinkError::Damaged),
    }
}

/// The bytes after `#team=`, base64-decoded: what a sealed link seals.
fn payload_of(fragment: &str) -> Result<Vec<u8>, LinkError> {
    let body = fragment
        .trim_start_matches('#')
        .strip_prefix(FRAGMENT_KEY)
        .ok_or(LinkError::NotATeamLink)?;
    if body.len() > MAX_FRAGMENT_CHARS {
        return Err(LinkError::TooLarge);
    }
    // Some chat apps wrap links; undo what is harmless.
    let body: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    URL_SAFE_NO_PAD
        .decode(body.trim_end_matches('='))
        .map_err(|_| LinkError::Damaged)
}

/// Whether a team link is sealed with a passphrase.
pub fn is_sealed_fragment(fragment: &str) -> bool {
    payload_of(fragment).is_ok_and(|p| super::sealed::is_sealed(&p))
}

/// The same link, its payload (sender and team alike) sealed with
/// `passphrase`.
pub fn seal_fragment(fragment: &str, passphrase: &str) -> Result<String, SealError> {
    let payload = payload_of(fragment).map_err(|_| SealError::NotSealed)?;
    let sealed = super::sealed::seal(passphrase, &payload)?;
    Ok(format!("{FRAGMENT_KEY}{}", URL_SAFE_NO_PAD.encode(sealed)))
}

/// A sealed link opened with `passphrase`: the plain link it sealed.
pub fn open_fragment(fragment: &str, passphrase: &str) -> Result<String, SealError> {
    let payload = payload_of(fragment).map_err(|_| SealError::CutShort)?;
    let plain = super::sealed::open(passphrase, &payload)?;
    Ok(format!("{FRAGMENT_KEY}{}", URL_SAFE_NO_PAD.encode(plain)))
}

fn read_sender(rest: &[u8]) -> Option<(Sender, &[u8])> {
    let (&id_len, rest) = rest.split_first()?;
    let (id, rest) = rest.split_at_checked(id_len as usize)?;
    let member_id = std::str::from_utf8(id).ok()?.to_string();
    if !crate::model::ids::is_valid_id(&member_id) {
        return None;
    }
    let (&n, mut rest) = rest.split_first()?;
    let mut heads = Vec::with_capacity(n as usize);
    for _ in 0..n {
        let (h, r) = rest.split_at_checked(HASH_LEN)?;
        heads.push(h.try_into().ok()?);
        rest = r;
    }
    Some((Sender { member_id, heads }, rest))
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing into memory cannot fail.
    let _ = enc.write_all(bytes);
    enc.finish().unwrap_or_default()
}

fn inflate(deflated: &[u8]) -> Result<Vec<u8>, LinkError> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::DeflateDecoder::new(deflated)
        .take(MAX_DOC_BYTES as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|_| LinkError::Damaged)?;
    if out.len() > MAX_DOC_BYTES {
        return Err(LinkError::TooLarge);
    }
    Ok(out)
}
