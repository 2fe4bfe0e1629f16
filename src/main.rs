fn main() {
    eprintln!("rotascope is a browser widget; the browser layer comes next.");
}
