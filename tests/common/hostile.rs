//! Hostile input, made the way a damaged download or a hostile teammate
//! would: deep nesting, text bombs, compression bombs, damaged links.
#![allow(dead_code)]

use std::io::Write;

use automerge::{transaction::Transactable, AutoCommit, ObjType, ReadDoc, ROOT};

/// `team`'s document with `levels` maps nested under one new root key.
pub fn nested(team: &[u8], levels: usize) -> Vec<u8> {
    let mut doc = AutoCommit::load(team).unwrap();
    let mut obj = doc.put_object(ROOT, "deep", ObjType::Map).unwrap();
    for _ in 1..levels {
        obj = doc.put_object(&obj, "d", ObjType::Map).unwrap();
    }
    doc.commit();
    doc.save()
}

/// The same nesting as only the changes after `team`.
pub fn nested_delta(team: &[u8], levels: usize) -> Vec<u8> {
    let mut doc = AutoCommit::load(team).unwrap();
    let heads = doc.get_heads();
    let mut obj = doc.put_object(ROOT, "deep", ObjType::Map).unwrap();
    for _ in 1..levels {
        obj = doc.put_object(&obj, "d", ObjType::Map).unwrap();
    }
    doc.commit();
    doc.save_after(&heads)
}

/// `team`'s document with a text of `chars` characters in the profile.
pub fn text_bomb(team: &[u8], chars: usize) -> Vec<u8> {
    let mut doc = AutoCommit::load(team).unwrap();
    let profile = match doc.get(ROOT, "team").unwrap() {
        Some((_, id)) => id,
        None => panic!("no profile"),
    };
    let text = doc.put_object(&profile, "purpose", ObjType::Text).unwrap();
    doc.splice_text(&text, 0, 0, &"x".repeat(chars)).unwrap();
    doc.commit();
    doc.save()
}

/// A compressed change chunk whose DEFLATE stream expands to `bytes` zeros:
/// Automerge inflates it whole before anything else.
pub fn compression_bomb(bytes: usize) -> Vec<u8> {
    let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    let block = vec![0u8; 1 << 20];
    let mut left = bytes;
    while left > 0 {
        let n = left.min(block.len());
        enc.write_all(&block[..n]).unwrap();
        left -= n;
    }
    let body = enc.finish().unwrap();
    let mut chunk = vec![0x85, 0x6f, 0x4a, 0x83, 0, 0, 0, 0, 2];
    let mut len = body.len() as u64;
    loop {
        let b = (len & 0x7f) as u8;
        len >>= 7;
        if len == 0 {
            chunk.push(b);
            break;
        }
        chunk.push(b | 0x80);
    }
    chunk.extend(body);
    chunk
}

/// Whether the team's profile still reads the same (for "nothing changed").
pub fn purpose(doc: &AutoCommit) -> String {
    match doc.get(ROOT, "team").unwrap() {
        Some((_, p)) => match doc.get(&p, "purpose").unwrap() {
            Some((_, t)) => doc.text(&t).unwrap_or_default(),
            None => String::new(),
        },
        None => String::new(),
    }
}
