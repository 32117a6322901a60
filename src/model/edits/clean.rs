//! Cleaning what people type before it reaches the document: names, prose,
//! dates and lists.

use super::super::{date::is_iso_date, error::EditError};

pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_PROSE_CHARS: usize = 20_000;
pub const MAX_LIST_ITEMS: usize = 100;

/// A name or title: trimmed, not empty, not a novel.
pub fn clean_name(what: &str, value: &str) -> Result<String, EditError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(EditError::Invalid(format!("The {what} cannot be empty.")));
    }
    if v.chars().count() > MAX_NAME_CHARS {
        return Err(EditError::Invalid(format!(
            "The {what} is too long (at most {MAX_NAME_CHARS} characters)."
        )));
    }
    Ok(v.to_string())
}

pub(super) fn check_prose(what: &str, value: &str) -> Result<(), EditError> {
    if value.chars().count() > MAX_PROSE_CHARS {
        return Err(EditError::Invalid(format!(
            "The {what} is too long (at most {MAX_PROSE_CHARS} characters)."
        )));
    }
    Ok(())
}

pub(super) fn check_date(what: &str, value: Option<&str>) -> Result<(), EditError> {
    match value {
        Some(d) if !is_iso_date(d) => Err(EditError::Invalid(format!(
            "The {what} must be a date like 2026-03-31."
        ))),
        _ => Ok(()),
    }
}

/// Items of a list typed one per line (or tags typed with commas): trimmed,
/// without blanks or repeats, in the order given.
pub fn clean_list(what: &str, items: &[String]) -> Result<Vec<String>, EditError> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let item = item.trim();
        if item.is_empty() || out.iter().any(|o| o.eq_ignore_ascii_case(item)) {
            continue;
        }
        if item.chars().count() > MAX_NAME_CHARS {
            return Err(EditError::Invalid(format!(
                "An entry in {what} is too long (at most {MAX_NAME_CHARS} characters)."
            )));
        }
        out.push(item.to_string());
    }
    if out.len() > MAX_LIST_ITEMS {
        return Err(EditError::Invalid(format!(
            "{what} can hold at most {MAX_LIST_ITEMS} entries."
        )));
    }
    Ok(out)
}

/// Splits text typed as one entry per line.
pub fn split_lines(s: &str) -> Vec<String> {
    s.lines().map(str::to_string).collect()
}

/// Splits tags typed with commas.
pub fn split_tags(s: &str) -> Vec<String> {
    s.split(',').map(str::to_string).collect()
}
