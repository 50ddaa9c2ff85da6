package site

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// A site deployed again reaches a visitor who has it open: build v1,
// visit, rebuild v2 with a changed number into the same folder, reload,
// see v2; with the network cut, still v2; the old version's cache gone.
func TestUpdateReachesVisitors(t *testing.T) {
	if testing.Short() {
		t.Skip("Chromium tests run in make test, not with -short")
	}
	datasets := t.TempDir()
	names, _ := filepath.Glob(filepath.Join(repoRoot, "data", "datasets", "*.json"))
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(datasets, filepath.Base(n)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dist := filepath.Join(t.TempDir(), "dist")
	o := testOptions(t, dist)
	o.Datasets = datasets
	buildSite(t, o)
	srv := httptest.NewServer(siteHandler(dist))
	defer srv.Close()
	b := newBrowser(t)
	defer b.cancel()

	disclosure := func() string {
		var text string
		b.run(t, "disclosure", chromedp.Evaluate(showTables, nil), poll(tablesShown),
			chromedp.Text("#chart-disclosure .chart-table", &text, chromedp.ByQuery))
		return text
	}
	b.run(t, "v1", chromedp.Navigate(srv.URL+"/disclosure"), poll(appReady),
		poll(`navigator.serviceWorker && !!navigator.serviceWorker.controller`))
	if !strings.Contains(disclosure(), "950125.6165") {
		t.Fatal("v1 lacks 950125.6165")
	}

	// v2: the report's 采购总金额 changes, as a corrected report would.
	name := filepath.Join(datasets, "nantong-city-2019"+".json")
	b1, _ := os.ReadFile(name)
	b2 := strings.Replace(string(b1), `"950125.6165"`, `"950125.7777"`, 1)
	if b2 == string(b1) {
		t.Fatal("the default dataset no longer holds 950125.6165")
	}
	if err := os.WriteFile(name, []byte(b2), 0o644); err != nil {
		t.Fatal(err)
	}
	buildSite(t, o)

	b.run(t, "reload", chromedp.Reload(), poll(`document.body && document.body.textContent.includes("950125.7777")`))
	b.run(t, "settled", poll(appReady), poll(`navigator.serviceWorker.controller && navigator.serviceWorker.controller.state === "activated"`))
	if text := disclosure(); !strings.Contains(text, "950125.7777") {
		t.Errorf("after the deploy and a reload the page shows %q", text)
	}
	var caches []string
	b.run(t, "caches", chromedp.Evaluate(`caches.keys()`, &caches, awaitPromise))
	if len(caches) != 1 {
		t.Errorf("caches after the update: %q, want the new version's alone", caches)
	}

	srv.Close() // the network is cut
	b.run(t, "offline", chromedp.Reload(), poll(appReady))
	if text := disclosure(); !strings.Contains(text, "950125.7777") {
		t.Errorf("offline after the update the page shows %q", text)
	}
	b.takeProblems()
}
