//! Names the code that reads a team (`src/model` and the locked crates) by
//! a fingerprint, `ROUNDTABLE_READER`: a snapshot made by other reading
//! code is not trusted in place of reading the document (see
//! `src/model/snapshot.rs`).
// Sorts here are not in the page (see clippy.toml).
#![allow(clippy::disallowed_methods)]

use std::{fs, path::Path};

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let mut paths = vec![Path::new("Cargo.lock").to_path_buf()];
    files(Path::new("src/model"), &mut paths);
    // Sorted, so the fingerprint is the same on every machine.
    paths.sort();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for path in &paths {
        let name = path.to_string_lossy().replace('\\', "/");
        let bytes = fs::read(path).unwrap_or_default();
        for b in name.bytes().chain([0]).chain(bytes).chain([0]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=ROUNDTABLE_READER={h:016x}");
    println!("cargo:rerun-if-changed=src/model");
    println!("cargo:rerun-if-changed=Cargo.lock");
}
