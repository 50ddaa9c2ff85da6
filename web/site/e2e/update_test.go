package e2e

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
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
	v.build(t)
	// After the deploy the server holds app.wasm a while (the new worker's
	// install fetches it: see the earlier version's below): the page
	// reloaded meanwhile, still v1's, is read long enough to ask for its
	// app ahead (web/js/start.js prefetchWhenRead) while the new worker
	// installs. The old worker kept busy then held the new one waiting
	// (web/js/keep.js updating).
	var hold atomic.Bool
	h := site.Handler(v.dir)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hold.Load() && strings.HasPrefix(r.URL.Path, "/web/app.") {
			time.Sleep(8 * time.Second)
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	b := openTab(t, v, srv)

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
	// cached without a page naming it, and the new worker keeps it.
	var other *data.Report
	for _, rep := range v.reports {
		if other == nil && v.entry(rep.ID).Body != v.entry(r.ID).Body {
			other = rep
		}
	}
	otherPack := v.packURL(other.ID)
	b.goInApp(t, ui.ReportPath(other.ID, "/outcomes"))
	b.goInApp(t, path)
	// As a device that kept it from a site before the packs were kept
	// gzipped has it: at its old name (r/<id>.<hash>.json), which the new
	// worker replaces with the pack's name now.
	oldPack := strings.TrimSuffix(b.at(otherPack), ".gz")
	var renamed []string
	b.run(t, "the pack at its old name", chromedp.Evaluate(fmt.Sprintf(`(async () => {
		const keys = await caches.keys(), c = await caches.open(keys[0]);
		const res = await c.match(%q);
		if (res) {
			await c.delete(%[1]q);
			await c.put(%q, res);
		}
		return res ? keys : [];
	})()`, b.at(otherPack), oldPack), &renamed, awaitPromise))
	if len(renamed) != 1 {
		t.Fatalf("the service worker did not keep the pack of a report visited in the app, or keeps %d caches", len(renamed))
	}

	// Files of earlier versions named after their content, which the
	// deploy replaces: an older app.wasm, a block of an older index (the
	// catalog's index is kept, as the catalog keeps it), and r's pack,
	// which v2 changes (kept with its page, which the worker did not
	// control when it was first loaded, as a second visit keeps them).
	// The cache holds the old block 0 in place of the one v1 names; and
	// a block no index lists now.
	staleWasm, staleBlock, v1Pack := b.at("/web/app.000000000000.wasm"), b.at("/data/index/0.000000000000.json"), b.at(v.packURL(r.ID))
	unlisted := b.at("/data/index/999.000000000000.json")
	v1PackHref := b.href(v.packURL(r.ID))
	var before1 []string
	b.run(t, "an earlier version's files", chromedp.Evaluate(fmt.Sprintf(`(async () => {
		const c = await caches.open((await caches.keys())[0]);
		await c.put(%q, new Response("old"));
		await c.put(%q, new Response("{}"));
		await c.put(%q, new Response("{}"));
		for (const u of [%q, %q, %q]) {
			await (await fetch(u)).arrayBuffer();
		}
		// The worker keeps what it fetched once it has all of it.
		for (let i = 0; i < 100 && !((await c.match(%[6]q)) && (await c.match(%[4]q))); i++) {
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		const dir = await (await c.match(%[4]q)).json();
		await c.delete(new URL(dir.blocks[0], %[4]q).href);
		return (await c.keys()).map((r) => r.url);
	})()`, staleWasm, staleBlock, unlisted, b.at("/data/index.json"), b.at(path), v1Pack), &before1, awaitPromise))
	for _, u := range []string{v1Pack, b.at("/data/index.json")} {
		if !slices.Contains(before1, u) {
			t.Fatalf("before the deploy, the cache does not hold %s", u)
		}
	}

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
	// shows v2's pack. Read while the new worker installs, v1's page asks
	// for nothing to be kept in the cache about to go.
	hold.Store(true)
	b.run(t, "reload", chromedp.Reload(),
		b.poll(fmt.Sprintf(`document.querySelector(".site").dataset.pack === %q && document.documentElement.dataset.appPrefetch === "failed"`, v1PackHref)),
		b.poll(fmt.Sprintf(`document.querySelector(".site").dataset.pack === %q`, b.href(v.packURL(r.ID)))),
		b.poll(appReady), b.poll(`navigator.serviceWorker.controller && navigator.serviceWorker.controller.state === "activated"`))
	hold.Store(false)
	disclosure("after the deploy and a reload,")
	// The new worker deletes the old caches as it activates, which goes
	// on after it controls the page.
	var v2 string
	b.run(t, "v2's worker", chromedp.Evaluate(`fetch("/app-worker.js", {cache: "no-store"}).then(r => r.text()).then(t => t.match(/"(nianbao-[0-9a-f]+)"/)[1])`, &v2, awaitPromise))
	var caches []string
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		b.run(t, "caches", chromedp.Evaluate(`caches.keys()`, &caches, awaitPromise))
		if len(caches) == 1 && caches[0] == v2 {
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
	var cached, keys []string
	b.run(t, "the new cache", chromedp.Evaluate(cachedJS, &cached, awaitPromise), chromedp.Evaluate(`caches.keys()`, &keys, awaitPromise))
	if !slices.Contains(cached, b.at(otherPack)) || slices.Contains(cached, oldPack) || slices.Contains(keys, renamed[0]) {
		t.Errorf("after the deploy, caches %q hold %s: %v, and its old name: %v", keys, otherPack, slices.Contains(cached, b.at(otherPack)), slices.Contains(cached, oldPack))
	}
	if b.at(v.packURL(r.ID)) == v1Pack {
		t.Fatalf("v2 kept %s's pack %s: the test needs one that changes", r.ID, v1Pack)
	}
	var block0 string
	b.run(t, "v2's first block", chromedp.Evaluate(fmt.Sprintf(`fetch(%q).then((r) => r.json()).then((d) => new URL(d.blocks[0], %[1]q).href)`, b.at("/data/index.json")), &block0, awaitPromise))
	if !slices.Contains(cached, block0) {
		t.Errorf("after the deploy, the cache does not hold %s, v2's version of the block it kept", block0)
	}
	for _, stale := range []string{staleWasm, staleBlock, unlisted, v1Pack} {
		if slices.Contains(cached, stale) {
			t.Errorf("after the deploy, the cache holds %s, which v2 replaced or does not list", stale)
		}
	}
	var wasms []string
	for _, u := range cached {
		if strings.HasPrefix(u, b.at("/web/app.")) && strings.HasSuffix(u, ".wasm") {
			wasms = append(wasms, u)
		}
	}
	if len(wasms) != 1 || !slices.Contains(cached, b.at(v.packURL(r.ID))) {
		t.Errorf("after the deploy, the cache holds app.wasm %q (want v2's alone) and v2's pack of %s: %v", wasms, r.ID, slices.Contains(cached, b.at(v.packURL(r.ID))))
	}
	b.ignoreProblems()
}
