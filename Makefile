# 年报透视: the two commands of a fresh machine are `make serve` and `make test`.

GO ?= go

.PHONY: serve build test bench scale soak fuzz clean

# npm ci installs ECharts (and axe-core for the tests) as pinned by
# package-lock.json; it runs again only when the lock file changes.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

build: node_modules/.installed
	$(GO) run . build

# Build, then serve dist/ on http://127.0.0.1:8080/ (PORT=… for another port).
serve: node_modules/.installed
	$(GO) run . serve -port $(or $(PORT),8080)

# Every test: vet (native and for the browser, with and without the test
# hooks), gofmt, unit and component tests, the browser-side packages'
# tests compiled to WebAssembly and run by Node, and the end-to-end tests
# in Chromium (/usr/bin/chromium, from Debian; package web/site/e2e, whose
# tests run side by side in windows of one browser: TEST_PARALLEL at once).
# `go test -short ./...` skips the Chromium tests: seconds, not minutes,
# while working.
WASM_EXEC = $$($(GO) env GOROOT)/lib/wasm/go_js_wasm_exec
# The packages the browser's builds link (the app, and the check's
# importer of 发布前体检): the site builder and server (web/site) never run
# there.
BROWSER_PKGS = $$(GOOS=js GOARCH=wasm $(GO) list -deps -f '{{if not .Standard}}{{.ImportPath}}{{end}}' . ./web/precheck | grep '^nianbao' | sort -u)
TEST_PARALLEL ?= 4
test: node_modules/.installed
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet $(BROWSER_PKGS)
	GOOS=js GOARCH=wasm $(GO) vet -tags nianbaotest ./app
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$(WASM_EXEC)" ./data ./charts
	$(GO) test -count=1 -p 2 -parallel $(TEST_PARALLEL) -timeout 15m ./...

# The importer's speed (reports/s on one core), then the load budget: the
# shipped portal built as deployed and served on loopback, against a plain
# reference page in headless Chromium (4G, 4x CPU slowdown), 5 interleaved
# runs (BENCH_RUNS=…), the bytes of a first visit on a phone's mobile network (the worker's
# install included; then read 15 s); the time from a first tap or key on a page read without
# the app to the app running (fresh browser, same link and slowdown, BENCH_RUNS
# each, default 3), and from a first act (表, a link, a letter in the search)
# to the page's answer; the longest task until a reader's first touch; then
# Lighthouse 12 (mobile) on /, /reports and a report's
# /outcomes beside the reference page, 3 runs each (LIGHTHOUSE_RUNS=…; and
# LIGHTHOUSE_BEFORE="URL …", pages of another build served apart, in the
# same runs, for a before and after side by side). It
# prints every figure and exits 0 whatever they are.
bench: node_modules/.installed bench/lighthouse/node_modules/.installed
	$(GO) test -run '^$$' -bench BenchmarkImport -benchtime 2s -cpu 1 ./data/importer
	$(GO) test -run '^$$' -bench 'BenchmarkLoad|BenchmarkFirstInteraction|BenchmarkFirstResponse|BenchmarkLongTasks|BenchmarkLighthouse' -benchtime 1x -timeout 60m ./web/site/e2e

# Lighthouse, for make bench only (pinned by bench/lighthouse's lock file).
bench/lighthouse/node_modules/.installed: bench/lighthouse/package.json bench/lighthouse/package-lock.json
	npm ci --no-audit --no-fund --prefix bench/lighthouse
	touch $@

# An archive's scale: the shipped portal's reports plus N synthetic ones
# (made by web/site/e2e/internal/synth, imported by the importer, never
# shipped), built from nothing (an empty cache of compressed copies), then
# rebuilt over itself with one report more, and measured in Chromium, for N
# in SCALE_N (default 0,1000,5000): the build's time, the site's megabytes
# and files, the rebuild's time, app.wasm, a first visit of / and of the
# catalog, the index, a keystroke's filter at 4x CPU slowdown, memory.
# Prints; never fails on them.
scale: node_modules/.installed
	$(GO) test -run '^$$' -bench BenchmarkScale -benchtime 1x -timeout 60m ./web/site/e2e

# A kiosk's day (2,000 in-app navigations in one page: memory, DOM nodes,
# charts every 100; SOAK_STEPS=…) and the time from an in-app link to the
# new page drawn, per page, at 4x CPU slowdown. Prints; never fails on them.
soak: node_modules/.installed
	$(GO) test -run '^$$' -bench 'BenchmarkSoak|BenchmarkInteraction' -benchtime 1x -timeout 60m ./web/site/e2e

# Each parser under go test -fuzz for FUZZTIME (default 60s). Interesting
# inputs are minimised for at most 50 runs: the seeds are whole reports.
fuzz:
	for f in FuzzImport FuzzImportHTML FuzzImportDocx FuzzImportCrawler FuzzParseDataset; do \
		$(GO) test ./data/importer -run '^$$' -fuzz "^$$f$$" -fuzztime $(or $(FUZZTIME),60s) -fuzzminimizetime 50x || exit 1; \
	done
	$(GO) test ./data/dataset -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(or $(FUZZTIME),60s) -fuzzminimizetime 50x
	$(GO) test ./web/site -run '^$$' -fuzz '^FuzzParseSiteFile$$' -fuzztime $(or $(FUZZTIME),60s) -fuzzminimizetime 50x

clean:
	rm -rf dist
