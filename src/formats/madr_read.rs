//! Reading Markdown decision records: MADR (4, and the `* Status:` lines
//! of MADR 2–3) and adr-tools. Line by line, by headings; never panics on
//! any text (a property test feeds it arbitrary strings).

use super::{
    log::{parse_status, LogOption, LogRecord},
    madr::NOT_RECORDED,
};
use crate::model::{date, Method};

/// Why a file was not read as a decision record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unreadable {
    #[error("not a Markdown file (.md)")]
    NotMarkdown,
    #[error("not a numbered decision record (NNNN-title.md)")]
    NotNumbered,
    #[error("not text (UTF-8)")]
    NotText,
    #[error("larger than {0} KB")]
    TooLarge(usize),
    #[error("no title (a first heading \"# …\")")]
    NoTitle,
}

/// Files larger than this are not decision records.
pub const MAX_FILE_BYTES: usize = 512 * 1024;

/// The name without folders.
pub fn base_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Whether a file is one this reader looks at, before reading it.
pub fn check_name(path: &str) -> Result<(), Unreadable> {
    let name = base_name(path);
    if !name.to_lowercase().ends_with(".md") {
        return Err(Unreadable::NotMarkdown);
    }
    if !name.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(Unreadable::NotNumbered);
    }
    Ok(())
}

/// Reads one file.
pub fn read(path: &str, bytes: &[u8]) -> Result<LogRecord, Unreadable> {
    check_name(path)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Unreadable::TooLarge(MAX_FILE_BYTES / 1024));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| Unreadable::NotText)?;
    parse(base_name(path), text)
}

/// A section: its heading (lowercase, without `#`), level, and lines.
struct Section<'a> {
    level: usize,
    heading: String,
    raw_heading: &'a str,
    lines: Vec<&'a str>,
}

fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.chars().take_while(|c| *c == '#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let rest = &line[level..];
    if !rest.starts_with(' ') && !rest.is_empty() {
        return None;
    }
    Some((level, rest.trim()))
}

fn unescape(line: &str) -> &str {
    match line.strip_prefix('\\') {
        Some(rest)
            if rest.starts_with(['#', '\\'])
                || rest.starts_with("---")
                || rest.starts_with("<!--") =>
        {
            rest
        }
        _ => line,
    }
}

/// Lines joined, blank lines at either end dropped, the placeholder read
/// as nothing.
fn body(lines: &[&str]) -> String {
    let kept: Vec<&str> = lines
        .iter()
        .filter(|l| !is_comment(l))
        .map(|l| unescape(l))
        .collect();
    let text = kept.join("\n");
    let text = text.trim();
    if text == NOT_RECORDED {
        String::new()
    } else {
        text.to_string()
    }
}

fn is_comment(l: &str) -> bool {
    let t = l.trim();
    t.starts_with("<!--") && t.ends_with("-->")
}

/// A bullet's text (`*`, `-` or `+`), if the line is one.
fn bullet(line: &str) -> Option<&str> {
    let t = line.trim_start();
    ["* ", "- ", "+ "]
        .iter()
        .find_map(|b| t.strip_prefix(b))
        .map(str::trim)
}

/// The target of the first Markdown link in a line (`[…](target)`).
fn link_target(line: &str) -> Option<String> {
    let open = line.find("](")?;
    let rest = &line[open + 2..];
    let close = rest.find(')')?;
    let target = rest[..close].trim();
    (!target.is_empty()).then(|| base_name(target).to_string())
}

fn unquote(s: &str) -> String {
    let s = s.trim();
    let s = s
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .or_else(|| s.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')))
        .unwrap_or(s);
    s.replace("\\\"", "\"").replace("\\\\", "\\")
}

/// Reads the text of one record; `file` names it.
pub fn parse(file: &str, text: &str) -> Result<LogRecord, Unreadable> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches('\r')).collect();
    let mut front: Vec<(String, String)> = Vec::new();
    let mut start = 0;
    if lines.first().map(|l| l.trim()) == Some("---") {
        if let Some(end) = lines.iter().skip(1).position(|l| l.trim() == "---") {
            for l in &lines[1..=end] {
                if l.trim_start().starts_with('#') {
                    continue;
                }
                if let Some((k, v)) = l.split_once(':') {
                    front.push((k.trim().to_lowercase(), unquote(v)));
                }
            }
            start = end + 2;
        }
    }
    // Before the first heading: nothing. The first level-1 heading is the
    // title; what follows it up to the next heading is the preamble
    // (adr-tools' "Date:", MADR 2's "* Status:" lines).
    let mut title: Option<String> = None;
    let mut preamble: Vec<&str> = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    for l in &lines[start.min(lines.len())..] {
        match heading(l) {
            Some((1, h)) if title.is_none() => title = Some(h.to_string()),
            Some((level, h)) if title.is_some() => sections.push(Section {
                level,
                heading: h.to_lowercase(),
                raw_heading: h,
                lines: Vec::new(),
            }),
            _ => match sections.last_mut() {
                Some(s) => s.lines.push(l),
                None if title.is_some() => preamble.push(l),
                None => {}
            },
        }
    }
    let title = title.ok_or(Unreadable::NoTitle)?;
    // adr-tools (no front matter): "# 3. Use PostgreSQL".
    let title = match title.split_once(". ") {
        Some((n, rest))
            if front.is_empty() && !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) =>
        {
            rest
        }
        _ => title.as_str(),
    }
    .trim()
    .to_string();
    if title.is_empty() {
        return Err(Unreadable::NoTitle);
    }
    let mut r = LogRecord::new(file, &title);
    r.id = exported_id(text);
    let mut status_text: Option<String> = None;
    for (k, v) in &front {
        match k.as_str() {
            "status" => status_text = Some(v.clone()),
            "date" => r.date = Some(v.clone()),
            "decision-makers" | "deciders" | "consulted" | "informed" => {}
            k => r.notes.push(format!("front matter \"{k}\" not used")),
        }
    }
    for l in &preamble {
        let item = bullet(l).unwrap_or(l.trim());
        if let Some((k, v)) = item.split_once(':') {
            match k.trim().to_lowercase().as_str() {
                "date" => r.date = Some(v.trim().to_string()),
                "status" => status_text = Some(v.trim().to_string()),
                _ => {}
            }
        }
    }
    let mut i = 0;
    while i < sections.len() {
        let s = &sections[i];
        // Subsections belong to the section above them.
        let mut j = i + 1;
        while j < sections.len() && sections[j].level > s.level {
            j += 1;
        }
        let subs = &sections[i + 1..j];
        read_section(&mut r, s, subs, &mut status_text);
        i = j;
    }
    if let Some(st) = status_text {
        match parse_status(&st) {
            Some(s) => r.status = s,
            None => r.notes.push(format!(
                "status \"{}\" not known: read as a draft",
                st.trim()
            )),
        }
    }
    if let Some(d) = &r.date {
        let d = d.trim().get(..10).unwrap_or(d.trim()).to_string();
        if date::is_iso_date(&d) {
            r.date = Some(d);
        } else {
            r.notes
                .push(format!("date \"{d}\" not a date (YYYY-MM-DD)"));
            r.date = None;
        }
    }
    Ok(r)
}

fn read_section(
    r: &mut LogRecord,
    s: &Section,
    subs: &[Section],
    status_text: &mut Option<String>,
) {
    let text = body(&s.lines);
    match s.heading.as_str() {
        "context and problem statement" | "context" => append(&mut r.driver, &text),
        "decision drivers" => append(&mut r.driver, &format!("Decision drivers:\n{text}")),
        "considered options" => {
            for l in &s.lines {
                if let Some(b) = bullet(l) {
                    r.options.push(LogOption {
                        title: b.to_string(),
                        ..Default::default()
                    });
                }
            }
        }
        "decision outcome" => {
            read_outcome(r, &text);
            for sub in subs {
                let t = body(&sub.lines);
                match sub.heading.as_str() {
                    "consequences" => append(&mut r.outcome, &t),
                    "positive consequences" | "negative consequences" | "confirmation" => {
                        append(&mut r.outcome, &format!("{}:\n{t}", sub.raw_heading))
                    }
                    _ => unknown(r, sub, &t),
                }
            }
            return;
        }
        "decision" => append(&mut r.proposal, &text),
        "consequences" => append(&mut r.outcome, &text),
        "status" => read_status_section(r, &s.lines, status_text),
        "pros and cons of the options" => {
            for sub in subs {
                read_pros_cons(r, sub);
            }
            return;
        }
        "more information" | "links" => {
            let mut rest: Vec<&str> = Vec::new();
            for l in &s.lines {
                match bullet(l) {
                    Some(b) if read_fact(r, b) => {}
                    _ => rest.push(l),
                }
            }
            let rest = body(&rest);
            if !rest.is_empty() {
                append(&mut r.rationale, &format!("{}:\n{rest}", s.raw_heading));
            }
            for sub in subs {
                let t = body(&sub.lines);
                if sub.heading == "proposal" {
                    append(&mut r.proposal, &t);
                } else {
                    unknown(r, sub, &t);
                }
            }
            return;
        }
        _ => unknown(r, s, &text),
    }
    for sub in subs {
        let t = body(&sub.lines);
        unknown(r, sub, &t);
    }
}

/// A section not understood: its words are kept (with the context) and
/// the preview says so.
fn unknown(r: &mut LogRecord, s: &Section, text: &str) {
    if s.lines.iter().any(|l| l.contains("<!-- roundtable:")) {
        return;
    }
    r.notes
        .push(format!("section \"{}\" kept in the context", s.raw_heading));
    append(&mut r.driver, &format!("{}:\n{text}", s.raw_heading));
}

fn append(to: &mut String, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    if !to.is_empty() {
        to.push_str("\n\n");
    }
    to.push_str(text);
}

/// `Chosen option: "X", because …` (the rest is the rationale).
fn read_outcome(r: &mut LogRecord, text: &str) {
    let Some(rest) = text.strip_prefix("Chosen option:") else {
        append(&mut r.rationale, text);
        return;
    };
    let rest = rest.trim_start();
    // A listed option's title may itself hold quotes: the longest listed
    // title that fits wins over the first closing quote.
    let listed = r
        .options
        .iter()
        .map(|o| o.title.as_str())
        .filter(|t| {
            rest.strip_prefix('"')
                .is_some_and(|q| q.starts_with(&format!("{t}\"")))
        })
        .max_by_key(|t| t.len())
        .map(|t| (t.to_string(), &rest[t.len() + 2..]));
    let (chosen, after) = match listed.or_else(|| {
        rest.strip_prefix('"')
            .and_then(|q| q.split_once('"'))
            .map(|(c, after)| (c.to_string(), after))
    }) {
        Some(found) => found,
        None => {
            let (c, after) = rest
                .split_once(',')
                .unwrap_or((rest.trim_end_matches('.'), ""));
            (c.trim().to_string(), after)
        }
    };
    let after = after.trim_start_matches(',').trim_start();
    let after = after.strip_prefix("because").unwrap_or(after).trim_start();
    let after = if after == "." { "" } else { after };
    append(&mut r.rationale, after);
    match r.options.iter_mut().find(|o| o.title == chosen) {
        Some(o) => o.chosen = true,
        None if !chosen.is_empty() => r.options.push(LogOption {
            title: chosen,
            chosen: true,
            ..Default::default()
        }),
        None => {}
    }
}

fn read_pros_cons(r: &mut LogRecord, s: &Section) {
    let title = s.raw_heading.to_string();
    let idx = match r.options.iter().position(|o| o.title == title) {
        Some(i) => i,
        None => {
            r.options.push(LogOption {
                title,
                ..Default::default()
            });
            r.options.len() - 1
        }
    };
    let mut other: Vec<&str> = Vec::new();
    for l in &s.lines {
        let Some(b) = bullet(l) else {
            other.push(l);
            continue;
        };
        if let Some(p) = b.strip_prefix("Good, because ") {
            r.options[idx].pros.push(p.trim().to_string());
        } else if let Some(c) = b.strip_prefix("Bad, because ") {
            r.options[idx].cons.push(c.trim().to_string());
        } else {
            other.push(l);
        }
    }
    let other = body(&other);
    if !other.is_empty() {
        // Descriptions and neutral points: kept as points for it, marked.
        for l in other.lines().filter(|l| !l.trim().is_empty()) {
            let l = bullet(l).unwrap_or(l.trim());
            r.options[idx].pros.push(format!("(note) {l}"));
        }
    }
}

/// adr-tools' Status section: the status word, and supersession lines.
fn read_status_section(r: &mut LogRecord, lines: &[&str], status_text: &mut Option<String>) {
    for l in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        let lower = l.to_lowercase();
        if lower.starts_with("supersedes") || lower.starts_with("supercedes") {
            r.supersedes.extend(link_target(l));
        } else if lower.starts_with("superseded by") || lower.starts_with("superceded by") {
            r.superseded_by.extend(link_target(l));
            status_text.get_or_insert_with(|| "superseded".to_string());
        } else if status_text.is_none() {
            *status_text = Some(l.to_string());
        } else {
            r.notes.push(format!("status line \"{l}\" not used"));
        }
    }
}

/// A "Key: value" bullet of More Information, as Roundtable writes them.
/// Returns whether it was one.
fn read_fact(r: &mut LogRecord, b: &str) -> bool {
    let Some((k, v)) = b.split_once(':') else {
        return false;
    };
    let v = v.trim();
    match k.trim().to_lowercase().as_str() {
        "owner" => r.owner = Some(v.to_string()),
        "method" => r.method = Method::parse(v),
        "review by" if date::is_iso_date(v) => r.review_by = Some(v.to_string()),
        "tags" => {
            r.tags = v
                .split(',')
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect()
        }
        "supersedes" => r.supersedes.extend(link_target(v)),
        "superseded by" => r.superseded_by.extend(link_target(v)),
        // Written for people; the team's own record keeps these.
        "status" | "decided on" | "goals" => {}
        k if k.starts_with("advice") || k.starts_with("objection") => {}
        _ => return false,
    }
    true
}

/// The Roundtable id a file was exported with (`<!-- roundtable: d_… -->`).
pub fn exported_id(text: &str) -> Option<String> {
    let at = text.find("<!-- roundtable: ")?;
    let rest = &text[at + "<!-- roundtable: ".len()..];
    let id: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    (id.starts_with("d_") && id.len() > 2).then_some(id)
}
