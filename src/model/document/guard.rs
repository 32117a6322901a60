//! Cheap checks of raw Automerge bytes before Automerge parses them: how
//! much the compressed parts would expand to (read from the chunk and
//! column layout, inflating with a cap), and how many operations the bytes
//! hold for their size. A file or link that would make Automerge inflate a
//! gigabyte or build millions of operations from a few kilobytes is
//! refused in milliseconds, with its own message.
//!
//! Only what is understood is checked: bytes that do not follow the layout
//! are left to Automerge's own parser to refuse.

use std::io::Read;

use crate::model::error::LoadError;

/// Expanded size of all compressed parts of one input. A large team's
/// save (5,000 decisions, 1 MB) expands to a few megabytes.
pub const MAX_EXPANDED_BYTES: usize = 48 * 1024 * 1024;
/// Operations per input byte: saves and deltas made by people hold a few;
/// typing compresses well, yet stays far below this.
pub const MAX_OPS_PER_BYTE: u64 = 64;
/// Small inputs may hold this many operations whatever their size.
pub const MIN_OPS_ALLOWED: u64 = 200_000;

const MAGIC: [u8; 4] = [0x85, 0x6f, 0x4a, 0x83];
const DEFLATE_BIT: u64 = 0b1000;
/// Column id 4, of integer type: the operation's action, one per operation.
const ACTION_SPEC: u64 = (4 << 4) | 2;

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn uleb(&mut self) -> Option<u64> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let byte = *self.b.get(self.pos)?;
            self.pos += 1;
            v |= u64::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    fn sleb(&mut self) -> Option<i64> {
        let mut v: i64 = 0;
        let mut shift = 0;
        loop {
            let byte = *self.b.get(self.pos)?;
            self.pos += 1;
            if shift >= 64 {
                return None;
            }
            v |= i64::from(byte & 0x7f) << shift;
            shift += 7;
            if byte & 0x80 == 0 {
                if shift < 64 && byte & 0x40 != 0 {
                    v |= -1 << shift;
                }
                return Some(v);
            }
        }
    }

    fn take(&mut self, n: u64) -> Option<&'a [u8]> {
        let n = usize::try_from(n).ok()?;
        let end = self.pos.checked_add(n)?;
        let s = self.b.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }

    fn skip_prefixed(&mut self, each: impl Fn(&mut Self) -> Option<()>) -> Option<()> {
        for _ in 0..self.uleb()? {
            each(self)?;
        }
        Some(())
    }

    fn columns(&mut self) -> Option<Vec<(u64, u64)>> {
        let n = self.uleb()?;
        let mut cols = Vec::new();
        for _ in 0..n {
            cols.push((self.uleb()?, self.uleb()?));
        }
        Some(cols)
    }
}

fn skip_actor(r: &mut Reader) -> Option<()> {
    let n = r.uleb()?;
    r.take(n).map(drop)
}

fn skip_hash(r: &mut Reader) -> Option<()> {
    r.take(32).map(drop)
}

/// What the compressed parts expand to, and the operations counted.
#[derive(Default)]
struct Tally {
    expanded: usize,
    ops: u64,
}

impl Tally {
    /// Inflates `deflated` within what is left of the cap.
    fn inflate(&mut self, deflated: &[u8]) -> Result<Option<Vec<u8>>, LoadError> {
        let room = MAX_EXPANDED_BYTES.saturating_sub(self.expanded);
        let mut out = Vec::new();
        let read = flate2::read::DeflateDecoder::new(deflated)
            .take(room as u64 + 1)
            .read_to_end(&mut out);
        if read.is_err() {
            // Not valid DEFLATE: Automerge's parser will say so.
            return Ok(None);
        }
        self.expanded += out.len();
        if out.len() > room {
            return Err(LoadError::Expands {
                limit: MAX_EXPANDED_BYTES,
            });
        }
        Ok(Some(out))
    }

    /// Columns described by `meta`, stored one after another in `data`.
    fn columns(&mut self, meta: &[(u64, u64)], data: &mut Reader) -> Result<Option<()>, LoadError> {
        for &(spec, len) in meta {
            let Some(bytes) = data.take(len) else {
                return Ok(None);
            };
            let plain = if spec & DEFLATE_BIT != 0 {
                match self.inflate(bytes)? {
                    Some(p) => std::borrow::Cow::Owned(p),
                    None => return Ok(None),
                }
            } else {
                std::borrow::Cow::Borrowed(bytes)
            };
            if spec & !DEFLATE_BIT == ACTION_SPEC {
                self.ops = self.ops.saturating_add(rle_rows(&plain).unwrap_or(0));
            }
        }
        Ok(Some(()))
    }

    fn change_body(&mut self, body: &[u8]) -> Result<(), LoadError> {
        let mut r = Reader { b: body, pos: 0 };
        let meta = (|| {
            r.skip_prefixed(skip_hash)?;
            skip_actor(&mut r)?;
            r.uleb()?;
            r.uleb()?;
            r.sleb()?;
            let n = r.uleb()?;
            r.take(n)?;
            r.skip_prefixed(skip_actor)?;
            r.columns()
        })();
        if let Some(meta) = meta {
            self.columns(&meta, &mut r)?;
        }
        Ok(())
    }

    fn document_body(&mut self, body: &[u8]) -> Result<(), LoadError> {
        let mut r = Reader { b: body, pos: 0 };
        let metas = (|| {
            r.skip_prefixed(skip_actor)?;
            r.skip_prefixed(skip_hash)?;
            Some((r.columns()?, r.columns()?))
        })();
        if let Some((changes, ops)) = metas {
            if self.columns(&changes, &mut r)?.is_some() {
                self.columns(&ops, &mut r)?;
            }
        }
        Ok(())
    }

    fn bundle_body(&mut self, body: &[u8]) -> Result<(), LoadError> {
        let mut r = Reader { b: body, pos: 0 };
        let changes = (|| {
            r.skip_prefixed(skip_hash)?;
            r.skip_prefixed(skip_actor)?;
            r.columns()
        })();
        let Some(changes) = changes else {
            return Ok(());
        };
        if self.columns(&changes, &mut r)?.is_none() {
            return Ok(());
        }
        if let Some(ops) = r.columns() {
            self.columns(&ops, &mut r)?;
        }
        Ok(())
    }
}

/// The rows of an RLE-encoded column of unsigned integers.
fn rle_rows(b: &[u8]) -> Option<u64> {
    let mut r = Reader { b, pos: 0 };
    let mut rows: u64 = 0;
    while r.pos < b.len() {
        let n = r.sleb()?;
        if n > 0 {
            r.uleb()?;
            rows = rows.saturating_add(n as u64);
        } else if n < 0 {
            for _ in 0..n.unsigned_abs() {
                r.uleb()?;
            }
            rows = rows.saturating_add(n.unsigned_abs());
        } else {
            rows = rows.saturating_add(r.uleb()?);
        }
    }
    Some(rows)
}

/// Refuses bytes whose compressed parts expand too far, or that hold far
/// more operations than their size explains. Anything else passes, to be
/// parsed (and refused, when damaged) by Automerge.
pub fn check(bytes: &[u8]) -> Result<(), LoadError> {
    let mut tally = Tally::default();
    let mut r = Reader { b: bytes, pos: 0 };
    while r.pos < bytes.len() {
        if r.take(4) != Some(&MAGIC[..]) || r.take(4).is_none() {
            break;
        }
        let (Some(kind), Some(len)) = (r.take(1).map(|k| k[0]), r.uleb()) else {
            break;
        };
        let Some(body) = r.take(len) else { break };
        match kind {
            0 => tally.document_body(body)?,
            1 => tally.change_body(body)?,
            2 => {
                if let Some(plain) = tally.inflate(body)? {
                    tally.change_body(&plain)?;
                }
            }
            3 => tally.bundle_body(body)?,
            _ => break,
        }
    }
    let allowed = MIN_OPS_ALLOWED.max(MAX_OPS_PER_BYTE.saturating_mul(bytes.len() as u64));
    if tally.ops > allowed {
        return Err(LoadError::TooManyOps);
    }
    Ok(())
}
