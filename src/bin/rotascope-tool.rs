//! Native developer tool. `rotascope-tool sample-data` prints the sample price contract.
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("sample-data") => {
            print!("{}", rotascope::sample::sample_prices_json());
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("usage: rotascope-tool sample-data > www/data/sample-prices.json");
            ExitCode::from(2)
        }
    }
}
