package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	ui "nianbao/app"
	"nianbao/data"
	"nianbao/web/site"
)

// A site deployed again reaches a visitor who has it open: build v1,
// visit, rebuild v2 with a changed number into the same folder, reload,
// see v2; with the network cut, still v2; the old version's cache gone.
func TestUpdateReachesVisitors(t *testing.T) {
	t.Parallel()
	browser(t)
	datasets := t.TempDir()
	names, _ := filepath.Glob(filepath.Join(repoRoot, "data", "datasets", "*.json"))
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err == nil {
			err = os.WriteFile(filepath.Join(datasets, filepath.Base(n)), b, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	v := &variant{name: "update", options: func() (site.Options, error) { return site.Options{Datasets: datasets}, nil }}
	b := newTab(t, v)

	// v2 changes a count of table 二, as a corrected report would.
	var r *data.Report
	var row, col int
	var before int64
	for _, rep := range v.reports {
		for i, d := range rep.Disclosure {
			for j, q := range d.Values {
				if n, err := strconv.ParseInt(q.Value, 10, 64); err == nil && n > 0 && r == nil {
					r, row, col, before = rep, i, j, n
				}
			}
		}
	}
	if r == nil {
		t.Fatal("no dataset has a count in table 二")
	}
	path := ui.ReportPath(r.ID, "/disclosure")
	disclosure := func(what string) {
		t.Helper()
		b.showAllTables(t)
		checkTables(t, what+" "+path, b.shownTables(t), v.packs[r.ID].Chart("disclosure").Table)
	}
	b.load(t, path)
	b.run(t, "v1", b.poll(`navigator.serviceWorker && !!navigator.serviceWorker.controller`))
	disclosure("v1")
	// A report of another body visited only within the app: its pack is
	// cached without a page naming it, and stays readable offline after
	// the deploy.
	var other *data.Report
	for _, rep := range v.reports {
		if other == nil && v.entry(rep.ID).Body != v.entry(r.ID).Body {
			other = rep
		}
	}
	otherPath, otherPack := ui.ReportPath(other.ID, "/outcomes"), v.packURL(other.ID)
	b.goInApp(t, otherPath)
	b.goInApp(t, path)

	name := filepath.Join(datasets, r.ID+".json")
	raw, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var d map[string]any
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatal(err)
	}
	after := strconv.FormatInt(before+1, 10)
	d["disclosure"].([]any)[row].(map[string]any)["values"].([]any)[col].(map[string]any)["value"] = after
	if raw, err = json.Marshal(d); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	o, err := testOptions(site.Options{Datasets: datasets}, v.dir)
	if err != nil {
		t.Fatal(err)
	}
	builds.Lock()
	err = site.Build(o)
	builds.Unlock()
	if err == nil {
		err = v.readData()
	}
	if err != nil {
		t.Fatal(err)
	}
	if got := v.packs[r.ID].Report.Disclosure[row].Values[col].Value; got != after {
		t.Fatalf("v2 holds %s, want %s", got, after)
	}

	// The reload finds the new worker, which reloads the page: it then
	// shows v2's pack.
	b.run(t, "reload", chromedp.Reload(), b.poll(fmt.Sprintf(`document.querySelector(".site").dataset.pack === %q`, b.href(v.packURL(r.ID)))),
		b.poll(appReady), b.poll(`navigator.serviceWorker.controller && navigator.serviceWorker.controller.state === "activated"`))
	disclosure("after the deploy and a reload,")
	// The new worker deletes the old caches as it activates, which goes
	// on after it controls the page.
	var caches []string
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		b.run(t, "caches", chromedp.Evaluate(`caches.keys()`, &caches, awaitPromise))
		if len(caches) == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("caches 20 s after the update: %q, want the new version's alone", caches)
			break
		}
	}

	b.srv.Close() // the network is cut
	b.run(t, "offline", chromedp.Reload(), b.poll(appReady))
	disclosure("offline after the update,")
	if v.packURL(other.ID) != otherPack {
		t.Fatalf("v2 changed %s's pack too (%s → %s): the test needs one that stays", other.ID, otherPack, v.packURL(other.ID))
	}
	b.goInApp(t, otherPath)
	b.run(t, "offline, "+otherPath, b.poll(chartsDrawn(pageCharts(v.packs[other.ID], "/outcomes"))))
	b.ignoreProblems()
}
