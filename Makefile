# Rotascope. Two commands on a fresh machine: `make demo` and `make test` (see README).
# Every target installs what is missing first (.ci/bootstrap), skipping what is there.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PORT ?= 8080
# Real closes for benchmarks and cross-checks (not part of the repo); a synthetic set of the
# same size is used when the folder is missing.
REAL_DATA ?= $(firstword $(wildcard $(abspath $(CURDIR)/../shared/data/prices) /work/shared/data/prices) $(abspath $(CURDIR)/../shared/data/prices))
# npm's wasm-opt (binaryen 132) must come before any system one: Debian's 108 breaks output.
export PATH := $(CURDIR)/tests/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
# Every wasm build (Trunk, wasm-pack, clippy) erases leptos component types to AnyView at each
# component boundary: the same DOM, about 15 KB brotli less code. Native builds are untouched.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS ?= --cfg erase_components
# The release bundle alone is built by a pinned nightly that compiles the standard library
# with the widget (size-optimised, in the same LTO, without panic locations): 14 KB brotli
# less than stable's prebuilt one. A panic there is an immediate trap, without the panic
# machinery (9 KB less); the loader shows the stopped card on a trap (README "Bundle size").
# Tests, lints and tools stay on stable, where the panic hook shows the card.
RELEASE_TOOLCHAIN := $(shell sed -n 's/^RELEASE_TOOLCHAIN=//p' .ci/bootstrap)
RELEASE_BUILD := RUSTUP_TOOLCHAIN=$(RELEASE_TOOLCHAIN) CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
	CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$(CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS) -Zlocation-detail=none -Zunstable-options -Cpanic=immediate-abort"

.PHONY: help bootstrap demo demo-real real-data images screenshots build package size bench fuzz lint test test-native test-browser test-e2e sample-data clean

help:
	@echo "make demo         build and serve the demo on http://127.0.0.1:$(PORT)/ (PORT=9000 to change)"
	@echo "make demo-real    the same with real.html reading ../shared/data/prices (REAL_DATA=...)"
	@echo "make test         every test: lint (clippy), native (cargo test), browser (wasm-pack), end-to-end (Chromium)"
	@echo "make build        release bundle in dist/"
	@echo "make package      npm tarball of the bundle and its types: target/package/rotascope-<version>.tgz"
	@echo "make size         raw / gzip / brotli bytes of the bundle"
	@echo "make bench        parse + analyze timings, native and in headless Chromium; scrub against Chart.js"
	@echo "make fuzz         every input parser, 100,000 fuzzed cases per generator (FUZZ_CASES=...)"
	@echo "make images       the demo's views and note card as SVG + PNG + alt text, without a browser, in target/images/"
	@echo "make sample-data  regenerate www/data/sample-prices.json"

bootstrap:
	@bash .ci/bootstrap

build: bootstrap
	$(RELEASE_BUILD) trunk build index.html --release

# npm pack of the bundle, rotascope.d.ts and www/package/ (version from Cargo.toml), into
# target/package/; tests/e2e/package.test.mjs installs what the same script packs.
package: build
	node tests/tools/package.mjs --dist dist --out target/package

demo: build
	node tests/tools/serve.mjs dist --port $(PORT)

# The real closes converted to the contract, for local checks and screenshots (never committed).
real-data: bootstrap
	@test -d "$(REAL_DATA)" || { echo "no real data at $(REAL_DATA) (set REAL_DATA=...)"; exit 1; }
	mkdir -p www/data/local
	# That set's `Close` column holds adjusted closes (see its SOURCES.md); the intraday 2026-07-14 row is dropped.
	cargo run --quiet --release --locked --bin rotascope-tool -- convert --until 2026-07-13 --adjusted yes "$(REAL_DATA)"/*.csv > www/data/local/real-prices.json

# The demo's images without a browser (README "Images"): each view, light and dark, as SVG,
# PNG and alt text, at link-preview size, and the sample note's card (400 px wide), into
# target/images/.
images: bootstrap
	for theme in light dark; do \
	  cargo run --quiet --release --locked --bin rotascope-tool -- render --config www/data/images.json \
	    --prices www/data/sample-prices.json --width 1200 --height 630 --theme $$theme --out target/images/$$theme && \
	  cargo run --quiet --release --locked --bin rotascope-tool -- render --config www/data/images.json \
	    --prices www/data/sample-prices.json --note www/data/demo-note.json --view card --theme $$theme --out target/images/$$theme || exit 1; \
	done

screenshots: build
	node tests/tools/screenshots.mjs www/screenshots

demo-real: real-data build
	@echo "Real-data page: http://127.0.0.1:$(PORT)/real.html"
	node tests/tools/serve.mjs dist --port $(PORT)

size: build
	@node tests/tools/size.mjs dist

bench: build
	cargo run --quiet --release --locked --bin rotascope-tool -- bench --data "$(REAL_DATA)" --until 2026-07-13 --json target/bench/prices.json
	node tests/tools/bench-browser.mjs target/bench/prices.json
	# Scrub side by side (Rotascope, Chart.js, raw Canvas2D, empty floor), the size table and analyze ÷ JSON.parse;
	# case 1 reads the real closes when there are some, else the sample (not the tool's synthetic stand-in).
	node tests/tools/bench-scrub.mjs $(if $(wildcard $(REAL_DATA)),target/bench/prices.json)

test: bootstrap lint test-native test-browser test-e2e
	@echo "make test: lint, native, browser and end-to-end tests all passed"

# Clippy on both the native and the wasm code (tests included), warnings as errors; then a
# check that the panic-free lints on modules that read input still reject a planted unwrap,
# expect, index and byte slice.
lint: bootstrap
	cargo clippy --locked --all-targets -- -D warnings
	cargo clippy --locked --target wasm32-unknown-unknown --lib --bins --tests -- -D warnings
	bash tests/tools/lint-guard.sh

test-native: bootstrap
	cargo test --locked

# Every input parser under structure-aware and raw fuzzing, and every configuration, link and
# claim carried through the model against a fixed data set: 100,000 cases per generator (make
# test runs 1,000 each); failing cases are kept in tests/*.proptest-regressions.
FUZZ_CASES ?= 100000
fuzz: bootstrap
	FUZZ_CASES=$(FUZZ_CASES) cargo test --locked --profile fuzz --test fuzz --test fuzz_configs -- --nocapture

test-browser: bootstrap
	wasm-pack test --headless --chrome -- --locked --test browser

test-e2e: build
	node --test tests/e2e/

sample-data:
	cargo run --quiet --locked --bin rotascope-tool -- sample-data > www/data/sample-prices.json

clean:
	cargo clean
	rm -rf dist target/screenshots
