// Package e2e holds the explorer's tests in Chromium (Debian's, headless):
// the built sites served on loopback as a static web server would, driven
// page by page. It has test files only.
//
// One Chromium runs per test process, and each top-level test drives a tab
// of its own, in parallel with the others (t.Parallel; `go test -parallel`
// says how many at once), against an HTTP server of its own: an origin of
// its own, and so its own storage and service worker. Each site the tests
// need is built once per process, with one app.wasm compiled for them all
// (with the test hooks) and the fastest compression (site.Options.Fast).
//
// The sites (sites_test.go): the portal the repository ships
// (sites/pingtan/site.json) at the root of its origin, which most tests and
// the benchmarks drive; the second example (sites/jiangsu) under /nianbao,
// with a kiosk's precache and the addresses where a former version served
// its default report; a site of payloads; and a site whose site file gives
// every member of a portal's identity. Tests choose their reports by what
// the reports hold (a recovered cell, a finding, a body's years), never by
// name, except where a test is about one known report of the examples.
//
// With -short every test here skips before it builds anything: Chromium
// tests run in `make test`.
package e2e

import (
	"flag"
	"os"
	"testing"
	"time"

	ui "nianbao/app"
)

// work is the process's folder: the tests' app.wasm, the sites built, the
// browser's profile and its downloads. Removed when the tests end.
var work string

func TestMain(m *testing.M) {
	flag.Parse()
	ui.Register() // as main does, once, before any site is built
	var err error
	if work, err = os.MkdirTemp("", "nianbao-e2e-"); err != nil {
		panic(err)
	}
	code := m.Run()
	closeBrowser()
	// Chromium may still write to its profile for a moment after it is
	// closed: a few tries.
	for i := 0; i < 20 && os.RemoveAll(work) != nil; i++ {
		time.Sleep(100 * time.Millisecond)
	}
	os.Exit(code)
}
