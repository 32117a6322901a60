//! Calendar dates as the document stores them: `YYYY-MM-DD` strings, which
//! sort correctly as text and read the same in any Automerge client.

/// Whether `s` is a real calendar date written as `YYYY-MM-DD`.
pub fn is_iso_date(s: &str) -> bool {
    parse(s).is_some()
}

/// `(year, month, day)` of a valid `YYYY-MM-DD` string.
pub fn parse(s: &str) -> Option<(i32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y as i32, m) {
        return None;
    }
    Some((y as i32, m, d))
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's civil-date algorithm).
pub fn to_days(s: &str) -> Option<i64> {
    let (y, m, d) = parse(s)?;
    let y = i64::from(if m <= 2 { y - 1 } else { y });
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The `YYYY-MM-DD` string of a day count since 1970-01-01.
pub fn from_days(z: i64) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The date `days` after `s` (or before, if negative).
pub fn add_days(s: &str, days: i64) -> Option<String> {
    Some(from_days(to_days(s)? + days))
}

/// The date of a Unix time in milliseconds (UTC).
pub fn from_unix_ms(ms: i64) -> String {
    from_days(ms.div_euclid(86_400_000))
}

/// The last millisecond of day `s` (UTC): a change made on that day was
/// made by then.
pub fn end_of_day_ms(s: &str) -> Option<i64> {
    Some((to_days(s)? + 1) * 86_400_000 - 1)
}
