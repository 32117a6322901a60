//! Zip archives: writing many exported files as one download, and reading
//! the Markdown files of a zipped decision log (with caps, for a file from
//! anywhere).

use std::io::{Cursor, Read, Write};

use zip::{write::SimpleFileOptions, CompressionMethod, ZipArchive, ZipWriter};

/// Why a zip could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ZipError {
    #[error("This is not a zip file that can be read ({0}).")]
    Unreadable(String),
    #[error("The zip holds more than {0} files.")]
    TooManyFiles(usize),
}

/// Files in a zip looked at, at most.
pub const MAX_ENTRIES: usize = 5_000;
/// All files together, unpacked, at most.
pub const MAX_TOTAL_BYTES: u64 = 48 * 1024 * 1024;

/// One zip of the given files (DEFLATE).
pub fn write(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .unix_permissions(0o644);
    for (name, bytes) in files {
        // Writing to memory fails only on a name zip cannot hold; such a
        // file is left out rather than the whole export lost.
        if zip.start_file(name.as_str(), options).is_ok() {
            let _ = zip.write_all(bytes);
        }
    }
    zip.finish().map(Cursor::into_inner).unwrap_or_default()
}

/// A file found in a zip: its path, and its bytes or why they were not read.
pub type Entry = (String, Result<Vec<u8>, String>);

/// The files of a zip (not folders), each read up to `per_file` bytes.
pub fn read(bytes: &[u8], per_file: usize) -> Result<Vec<Entry>, ZipError> {
    let mut archive =
        ZipArchive::new(Cursor::new(bytes)).map_err(|e| ZipError::Unreadable(e.to_string()))?;
    if archive.len() > MAX_ENTRIES {
        return Err(ZipError::TooManyFiles(MAX_ENTRIES));
    }
    let mut out = Vec::new();
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let mut f = match archive.by_index(i) {
            Ok(f) => f,
            Err(e) => {
                out.push((format!("file {}", i + 1), Err(e.to_string())));
                continue;
            }
        };
        if f.is_dir() {
            continue;
        }
        let name = f
            .name()
            .map_or_else(|_| format!("file {}", i + 1), |n| n.to_string());
        if total >= MAX_TOTAL_BYTES {
            out.push((name, Err("the zip unpacks to too much".into())));
            continue;
        }
        let mut buf = Vec::new();
        // One byte more than allowed tells a file too large from one that fits.
        let cap = (per_file as u64 + 1).min(MAX_TOTAL_BYTES - total);
        match (&mut f).take(cap).read_to_end(&mut buf) {
            Ok(n) => {
                total += n as u64;
                if n > per_file {
                    out.push((name, Err(format!("larger than {} KB", per_file / 1024))));
                } else {
                    out.push((name, Ok(buf)));
                }
            }
            Err(e) => out.push((name, Err(e.to_string()))),
        }
    }
    Ok(out)
}
