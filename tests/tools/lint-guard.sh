#!/bin/bash
# Proves the panic-free lints bite (see `reads_input!` in src/lib.rs): plants, one at a time, an
# `unwrap()`, an `expect()`, an index and a byte slice of text into copies of a parser module
# (the CSV reader) and of an analytics module (the performance lines, which reader-chosen
# periods reach), and fails unless clippy rejects each. Run by `make lint`.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r Cargo.toml Cargo.lock src "$work"/
# Its own target directory: the copy must not disturb the real build's fingerprints.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}/lint-guard"
# module|a line of it to plant after (the plant reads `text: &str`, declared here if needed)
targets=(
  'src/analysis/input/csv.rs|fn separator(text: &str) -> char {'
  'src/analysis/lines.rs|pub fn percent_change(series: &Series, from: usize, to: usize) -> Option<Line> {'
)
for target in "${targets[@]}"; do
  module=${target%%|*}
  anchor=${target#*|}
  grep -qF "$anchor" "$module" || { echo "lint-guard: $module no longer has: $anchor"; exit 1; }
  for plant in 'let _ = text.parse::<u8>().unwrap();' 'let _ = text.parse::<u8>().expect("a number");' 'let _ = text.as_bytes()[0];' 'let _ = &text[..1];'; do
    case "$anchor" in *"text: &str"*) code="$plant" ;; *) code="let text = series.symbol.as_str(); $plant" ;; esac
    awk -v anchor="$anchor" -v plant="    $code" '{ print } index($0, anchor) == 1 { print plant }' "$module" > "$work/$module"
    if cargo clippy --quiet --manifest-path "$work/Cargo.toml" --locked --lib -- -D warnings > "$work/clippy.log" 2>&1; then
      echo "lint-guard: clippy accepted \`$plant\` in $module"
      exit 1
    fi
    grep -Eq "clippy::(unwrap_used|expect_used|indexing_slicing|string_slice)" "$work/clippy.log" || { cat "$work/clippy.log"; echo "lint-guard: clippy failed for another reason"; exit 1; }
  done
  cp "$module" "$work/$module"
  echo "lint-guard: clippy rejects an unwrap, an expect, an index and a byte slice in $module"
done
