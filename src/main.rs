//! The app's entry point: mounts the screens (WebAssembly only). The same
//! WebAssembly also runs the import worker, where there is no window and
//! `roundtable_worker_start` is called instead (see `share::worker`).

#[cfg(target_arch = "wasm32")]
fn main() {
    if web_sys::window().is_some() {
        roundtable::ui::start();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Roundtable runs in the browser: see README.md for how to build and serve it.");
}
