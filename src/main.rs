//! The widget bundle's entry point: runs when the wasm is instantiated, before the loader
//! (`www/rotascope.js`) calls `start`, and only installs the panic hook.

#[cfg(target_arch = "wasm32")]
fn main() {
    rotascope::browser::panic::install();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("rotascope is a browser widget: build it with `make build` (Trunk), or see `rotascope-tool`.");
}
