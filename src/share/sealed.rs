//! Files and links sealed with a passphrase: AES-256-GCM under a key that
//! Argon2id derives from the passphrase, with a fresh random salt and
//! nonce for every file.
//!
//! Layout, version 1: the text `Roundtable encrypted file v1` and a line
//! break (so a person who opens the file in an editor sees what it is),
//! then the 16-byte salt, the 12-byte nonce, and the ciphertext with its
//! 16-byte tag. The header is authenticated too (GCM's associated data),
//! so a file cannot be passed off as another version. Nothing about the
//! team is outside the ciphertext.

use aes_gcm::{
    aead::{Aead, KeyInit, Payload},
    Aes256Gcm, Nonce,
};
use argon2::{Algorithm, Argon2, Params, Version};
use thiserror::Error;

/// What every sealed file starts with, up to its version digits.
const MAGIC: &[u8] = b"Roundtable encrypted file v";
/// The whole header of the version this app writes.
pub const HEADER: &[u8] = b"Roundtable encrypted file v1\n";
const SALT_LEN: usize = 16;
const NONCE_LEN: usize = 12;
const TAG_LEN: usize = 16;
/// Argon2id as OWASP's first recommendation: 19 MiB, 2 passes, 1 lane.
const KDF_MEMORY_KIB: u32 = 19 * 1024;
const KDF_PASSES: u32 = 2;
/// Shorter passphrases are refused when one is set (not when opening).
pub const MIN_PASSPHRASE_CHARS: usize = 8;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum SealError {
    #[error("This is not an encrypted Roundtable file.")]
    NotSealed,
    #[error("This file was encrypted by a newer version of Roundtable. Reload the page to get the newest version.")]
    NewerVersion,
    #[error("This encrypted file is cut short: it could not be read. Ask your teammate to send it again.")]
    CutShort,
    #[error("That passphrase does not open this file, or the file was changed on the way. Check the passphrase with the teammate who sent it.")]
    WrongPassphrase,
    #[error("Type the passphrase.")]
    NoPassphrase,
    #[error("The browser gave no random numbers, so nothing was encrypted.")]
    NoRandom,
}

/// Whether `bytes` are a sealed file of any version.
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

fn key(passphrase: &str, salt: &[u8]) -> Result<[u8; 32], SealError> {
    let params =
        Params::new(KDF_MEMORY_KIB, KDF_PASSES, 1, Some(32)).map_err(|_| SealError::NoRandom)?;
    let mut key = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase.as_bytes(), salt, &mut key)
        .map_err(|_| SealError::WrongPassphrase)?;
    Ok(key)
}

/// `plain`, sealed with `passphrase`.
pub fn seal(passphrase: &str, plain: &[u8]) -> Result<Vec<u8>, SealError> {
    if passphrase.is_empty() {
        return Err(SealError::NoPassphrase);
    }
    let mut random = [0u8; SALT_LEN + NONCE_LEN];
    getrandom::fill(&mut random).map_err(|_| SealError::NoRandom)?;
    let (salt, nonce) = random.split_at(SALT_LEN);
    let cipher =
        Aes256Gcm::new_from_slice(&key(passphrase, salt)?).map_err(|_| SealError::NoRandom)?;
    let sealed = cipher
        .encrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: plain,
                aad: HEADER,
            },
        )
        .map_err(|_| SealError::NoRandom)?;
    let mut out = Vec::with_capacity(HEADER.len() + random.len() + sealed.len());
    out.extend_from_slice(HEADER);
    out.extend_from_slice(&random);
    out.extend(sealed);
    Ok(out)
}

/// What `bytes` hold, if `passphrase` opens them. Any bytes are safe to
/// pass: nothing here panics, and nothing is returned unless the tag
/// proves the ciphertext (and header) are exactly what was sealed.
pub fn open(passphrase: &str, bytes: &[u8]) -> Result<Vec<u8>, SealError> {
    if !is_sealed(bytes) {
        return Err(SealError::NotSealed);
    }
    let Some(rest) = bytes.strip_prefix(HEADER) else {
        let version = &bytes[MAGIC.len()..];
        let newer = version
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .fold(0u32, |n, b| {
                n.saturating_mul(10).saturating_add(u32::from(b - b'0'))
            });
        return Err(if newer > 1 {
            SealError::NewerVersion
        } else {
            SealError::CutShort
        });
    };
    if rest.len() < SALT_LEN + NONCE_LEN + TAG_LEN {
        return Err(SealError::CutShort);
    }
    if passphrase.is_empty() {
        return Err(SealError::NoPassphrase);
    }
    let (salt, rest) = rest.split_at(SALT_LEN);
    let (nonce, sealed) = rest.split_at(NONCE_LEN);
    let cipher = Aes256Gcm::new_from_slice(&key(passphrase, salt)?)
        .map_err(|_| SealError::WrongPassphrase)?;
    cipher
        .decrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: sealed,
                aad: HEADER,
            },
        )
        .map_err(|_| SealError::WrongPassphrase)
}
