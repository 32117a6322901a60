//! The team in formats other tools read: Markdown decision records (MADR 4,
//! and reading adr-tools), CSV, plain JSON, and the zip that carries many
//! files. Pure functions over the model's types, tested natively.

pub mod csv;
pub mod import;
pub mod json;
pub mod log;
pub mod madr;
pub mod madr_read;
pub mod zipfile;

/// A file to hand to the person: its name and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    pub name: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
}

/// A file name made from words: lowercase, letters and digits joined by
/// dashes, at most 60 characters ("Use PostgreSQL 16!" → "use-postgresql-16").
pub fn slug(words: &str) -> String {
    let mut out = String::new();
    for c in words.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "untitled".to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_are_lowercase_words_with_dashes() {
        assert_eq!(slug("Use PostgreSQL 16!"), "use-postgresql-16");
        assert_eq!(slug("  Ünïcode — names "), "ünïcode-names");
        assert_eq!(slug("???"), "untitled");
        assert!(slug(&"word ".repeat(40)).chars().count() <= 60);
    }
}
