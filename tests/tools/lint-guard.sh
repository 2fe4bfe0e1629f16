#!/bin/bash
# Proves the panic-free lints bite (see `reads_input!` in src/lib.rs): plants, one at a time, an
# `unwrap()`, an `expect()`, an index and a byte slice of text into a copy of a parser module
# (the CSV reader) and fails unless clippy rejects each. Run by `make lint`.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r Cargo.toml Cargo.lock src "$work"/
# Its own target directory: the copy must not disturb the real build's fingerprints.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}/lint-guard"
module=src/analysis/input/csv.rs
anchor='fn parse_day(text: &str) -> Result<Date, DateParseError> {'
grep -qF "$anchor" "$module" || { echo "lint-guard: $module no longer has: $anchor"; exit 1; }
for plant in 'let _ = text.parse::<u8>().unwrap();' 'let _ = text.parse::<u8>().expect("a number");' 'let _ = text.as_bytes()[0];' 'let _ = &text[..1];'; do
  awk -v anchor="$anchor" -v plant="    $plant" '{ print } index($0, anchor) == 1 { print plant }' "$module" > "$work/$module"
  if cargo clippy --quiet --manifest-path "$work/Cargo.toml" --locked --lib -- -D warnings > "$work/clippy.log" 2>&1; then
    echo "lint-guard: clippy accepted \`$plant\` in $module"
    exit 1
  fi
  grep -Eq "clippy::(unwrap_used|expect_used|indexing_slicing|string_slice)" "$work/clippy.log" || { cat "$work/clippy.log"; echo "lint-guard: clippy failed for another reason"; exit 1; }
done
echo "lint-guard: clippy rejects an unwrap, an expect, an index and a byte slice in $module"
