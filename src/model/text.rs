//! Turning "the field now reads X" into the smallest text splice.
//!
//! Automerge counts text positions in Unicode code points; a browser input
//! only tells us the new value. One splice covering the changed middle keeps
//! concurrent edits elsewhere in the text intact when teammates merge.

/// A splice in code points: delete `delete` characters at `pos`, then insert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Splice {
    pub pos: usize,
    pub delete: usize,
    pub insert: String,
}

/// The splice that turns `old` into `new`, or `None` when they are equal.
pub fn splice_between(old: &str, new: &str) -> Option<Splice> {
    if old == new {
        return None;
    }
    let old_chars: Vec<char> = old.chars().collect();
    let new_chars: Vec<char> = new.chars().collect();
    let prefix = old_chars
        .iter()
        .zip(&new_chars)
        .take_while(|(a, b)| a == b)
        .count();
    let max_suffix = old_chars.len().min(new_chars.len()) - prefix;
    let suffix = old_chars
        .iter()
        .rev()
        .zip(new_chars.iter().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    Some(Splice {
        pos: prefix,
        delete: old_chars.len() - prefix - suffix,
        insert: new_chars[prefix..new_chars.len() - suffix].iter().collect(),
    })
}

/// Applies a splice to a string, as Automerge would.
pub fn apply(old: &str, s: &Splice) -> String {
    let chars: Vec<char> = old.chars().collect();
    let mut out: String = chars[..s.pos].iter().collect();
    out.push_str(&s.insert);
    out.extend(&chars[s.pos + s.delete..]);
    out
}
