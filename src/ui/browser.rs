//! The few browser facts and actions the screens need.

use wasm_bindgen::{JsCast, JsValue};

/// Unix time in milliseconds.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Today's date where the person is, as `YYYY-MM-DD`.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Offers `bytes` to the person as a downloaded file.
pub fn download(file_name: &str, bytes: &[u8]) -> Result<(), JsValue> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/octet-stream");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Opens the browser's print dialog (the print stylesheet shapes the page).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// A file-name-safe form of a team name.
pub fn slug(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if s.is_empty() {
        "team".to_string()
    } else {
        s.chars().take(40).collect()
    }
}

/// The address of this page without its `#fragment`.
pub fn page_url_without_fragment() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// The app's own address, without the screen's `?query` or a
/// `#fragment`: what a link for a teammate starts with (which screen the
/// sender was on is not theirs to open).
pub fn app_url() -> String {
    let page = page_url_without_fragment();
    page.split('?').next().unwrap_or_default().to_string()
}

/// The current `#fragment`, without `#`.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_string()
}

/// Removes the `#fragment` from the address bar without a reload or a
/// history entry, so the data in it does not travel further.
pub fn clear_fragment() {
    if let Some(w) = web_sys::window() {
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(
                &JsValue::NULL,
                "",
                Some(&page_url_without_fragment()),
            );
        }
    }
}

pub async fn copy_to_clipboard(text: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(drop)
}

/// The page's `?query`, with the `?`.
pub fn query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Replaces the page's `?query` without a reload or a history entry.
pub fn set_query(query: &str) {
    show_query(query, false);
}

/// Shows `query` in the address bar as a new history entry (Back
/// returns to the one before), without a reload.
pub fn push_query(query: &str) {
    show_query(query, true);
}

fn show_query(query: &str, new_entry: bool) {
    let Some(w) = web_sys::window() else { return };
    let Ok(history) = w.history() else { return };
    let url = format!("{}{query}", w.location().pathname().unwrap_or_default());
    let _ = if new_entry {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// From its creation to its drop, recorded as a `performance.measure`
/// entry named `roundtable:<what>`: visible in the browser's performance
/// panel, and what `scripts/bench` reads. Only the latest entry of each
/// name is kept, so a long session does not pile them up.
pub struct Span {
    name: String,
    perf: Option<web_sys::Performance>,
}

impl Span {
    pub fn new(what: &str) -> Self {
        let perf = web_sys::window().and_then(|w| w.performance());
        let name = format!("roundtable:{what}");
        if let Some(p) = &perf {
            let _ = p.mark(&format!("{name}:start"));
        }
        Span { name, perf }
    }
}

impl Drop for Span {
    fn drop(&mut self) {
        if let Some(p) = &self.perf {
            let start = format!("{}:start", self.name);
            p.clear_measures_with_measure_name(&self.name);
            let _ = p.measure_with_start_mark(&self.name, &start);
            p.clear_marks_with_mark_name(&start);
        }
    }
}
