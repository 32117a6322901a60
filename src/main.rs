//! The app's entry point: mounts the screens (WebAssembly only).

#[cfg(target_arch = "wasm32")]
fn main() {
    roundtable::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Roundtable runs in the browser: see README.md for how to build and serve it.");
}
