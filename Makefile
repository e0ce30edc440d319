# RA Planner. The two commands: `make serve` and `make test`.
GO      ?= go
DIST    ?= dist
ADDR    ?= 127.0.0.1:8080
# GitHub Pages project name the site is served under (empty: served from the root).
PREFIX  ?=
# The site's version (names the service worker's cache; empty: a new one at each build).
VERSION ?=
GOROOT  := $(shell $(GO) env GOROOT)
WASMEXEC := $(GOROOT)/lib/wasm/go_js_wasm_exec
# How the wasm is built, RA Planner's and (by make bench) the baseline's.
# The planner's own packages are compiled without inlining: their code is
# mostly one-off rendering and import paths, and inlining copied it into
# every caller, 70 kB more gzip for no measured gain in speed (see make bench).
WASMFLAGS ?= -trimpath -ldflags="-s -w" -gcflags="github.com/raplanner/raplanner/app/...=-l"
# The pure packages (no go-app), also tested under GOOS=js GOARCH=wasm in Node.
PURE    := ./app/catalog/ ./app/markup/ ./app/scenario/ ./app/licensing/ ./app/examples/ ./app/diagram/ ./app/advice/ ./app/export/ ./app/powershell/

.PHONY: all dist serve test vet unit jstest e2e e2e-deps chromium bench fuzz clean

all: dist

## dist: build the static site into dist/ (the wasm, the prerendered pages, web/ assets)
dist:
	rm -rf $(DIST)
	mkdir -p $(DIST)/web
	GOOS=js GOARCH=wasm $(GO) build $(WASMFLAGS) -o $(DIST)/web/app.wasm ./wasm
	$(GO) run ./build -out $(DIST) -prefix "$(PREFIX)" -version "$(VERSION)"
	cp -R web/. $(DIST)/web/
	@echo "site built in $(DIST)/"

## serve: build and serve the site at http://$(ADDR) the way GitHub Pages does
serve: dist
	$(GO) run ./build -serve -dir $(DIST) -addr $(ADDR) -prefix "$(PREFIX)"

## test: every test: vet, unit, the pure packages under Node (GOOS=js), and e2e in headless Chromium
test: vet unit jstest e2e

vet:
	@out=$$(gofmt -l app build wasm e2e); if [ -n "$$out" ]; then echo "gofmt -w needed on:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./wasm/ ./app/...

unit:
	$(GO) test -count=1 ./...

jstest:
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$(WASMEXEC)" $(PURE)

e2e: chromium e2e-deps dist
	$(GO) test -count=1 -tags e2e -timeout 10m ./e2e/ -dist $(CURDIR)/$(DIST)

## e2e-deps: the npm packages of the e2e suite (axe-core), from e2e/package-lock.json
e2e-deps:
	@if [ -f e2e/node_modules/axe-core/axe.min.js ]; then :; \
	elif command -v npm >/dev/null 2>&1; then \
		cd e2e && npm ci --no-audit --no-fund --loglevel=error; \
	else \
		echo "e2e tests need npm (Node.js) to install axe-core: install Node.js 20 and run make test again"; exit 1; \
	fi

## chromium: install Debian's Chromium when missing (as root), or say what to do
chromium:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing chromium with apt-get"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "e2e tests need Chromium: install it (Debian: sudo apt-get install chromium) and run make test again"; exit 1; \
	fi

## bench: one command, one report: wasm size, cold load, edit-to-update and
## engine benchmarks next to a minimal go-app page (build/baseline), written
## to $(BENCH_OUT) and printed; fails when a budget fails (see e2e/bench)
BENCH_DIR      ?= bench
BENCH_BASELINE ?= $(BENCH_DIR)/baseline-dist
BENCH_OUT      ?= $(BENCH_DIR)/report.md
BENCH_FLAGS    ?=
# What changed since the previous run, for the report's History.
BENCH_NOTE     ?=
# Runs of each engine benchmark; the report takes the fastest (noise of a shared machine only adds time).
BENCH_COUNT    ?= 3
# shquote quotes a value for the shell, single quotes in it included.
shquote = '$(subst ','\'',$(1))'
# The bench builds its own copy of the site, so that a `make dist` or `make e2e`
# running meanwhile (they empty dist/) cannot change what it measures.
bench: DIST = $(BENCH_DIR)/dist

bench: chromium dist bench-brotli
	rm -rf $(BENCH_BASELINE)
	mkdir -p $(BENCH_DIR) $(BENCH_BASELINE)/web
	GOOS=js GOARCH=wasm $(GO) build $(WASMFLAGS) -o $(BENCH_BASELINE)/web/app.wasm ./build/baseline
	$(GO) run ./build/baseline -out $(BENCH_BASELINE)
	{ $(GO) test -run '^$$' -bench 'BenchmarkCompute' -benchmem -count $(BENCH_COUNT) ./app/licensing/ 2>&1 || echo "FAIL: go test -bench BenchmarkCompute"; \
	  $(GO) test -run '^$$' -bench 'BenchmarkLayered' -benchmem -count $(BENCH_COUNT) ./app/diagram/ 2>&1 || echo "FAIL: go test -bench BenchmarkLayered"; } > $(BENCH_DIR)/engine.txt
	$(GO) run ./e2e/bench -dist $(DIST) -baseline $(BENCH_BASELINE) -engine $(BENCH_DIR)/engine.txt -out $(BENCH_OUT) -wasmflags $(call shquote,$(WASMFLAGS)) -note $(call shquote,$(BENCH_NOTE)) $(BENCH_FLAGS)

.PHONY: bench-brotli
## bench-brotli: install the brotli CLI when missing (as root); without it the report says n/a
bench-brotli:
	@if command -v brotli >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing brotli with apt-get"; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq brotli >/dev/null 2>&1 || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq brotli >/dev/null; } || \
		echo "could not install brotli: the report will say n/a"; \
	else \
		echo "no brotli CLI: the report will say n/a (Debian: sudo apt-get install brotli)"; \
	fi

## fuzz: run every fuzz target of the repository for FUZZTIME each: every
## func FuzzX in a _test.go file (found with grep, so a new one needs no
## entry here), one `go test -fuzz` per target. FUZZ picks targets by name
## (a grep -E pattern: make fuzz FUZZ=Layered), FUZZFLAGS adds go test flags
## (-fuzzminimizetime 5s). A failing target does not stop the others: the
## target fails at the end and names them; the input that failed is in the
## package's testdata/fuzz/<FuzzName>/.
FUZZTIME  ?= 30s
FUZZ      ?= .
FUZZFLAGS ?=
fuzz:
	@failed=; n=0; \
	for file in $$(grep -rl --include='*_test.go' --exclude-dir=testdata --exclude-dir=node_modules --exclude-dir=.git '^func Fuzz' . | sort); do \
		dir=$${file%/*}; \
		for name in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$file); do \
			echo "$$name" | grep -qE -- '$(FUZZ)' || continue; \
			n=$$((n+1)); \
			echo "$(GO) test -run '^$$' -fuzz '^$$name\$$' -fuzztime $(FUZZTIME) $(FUZZFLAGS) $$dir/"; \
			$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) $(FUZZFLAGS) $$dir/ || failed="$$failed $$dir:$$name"; \
		done; \
	done; \
	if [ $$n = 0 ]; then echo "fuzz: no fuzz target matches FUZZ='$(FUZZ)'"; exit 1; fi; \
	if [ -n "$$failed" ]; then echo "fuzz: $$n targets, failed:$$failed"; exit 1; fi; \
	echo "fuzz: $$n targets passed"

clean:
	rm -rf $(DIST)
