package e2e

// A phone reads without the app: the app loads at the visitor's first
// touch, key or focus, never before; a chart is drawn when it comes near
// the screen, off the page's thread, and the catalog, which has none,
// never loads ECharts. The other
// tests start the app through the test build's hook (appReady): these
// start it as a visitor does.

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	ui "nianbao/app"
	"nianbao/data/catalog"
)

// requested says whether any request's URL has the suffix (before a query).
func requested(urls []string, suffix string) bool {
	for _, u := range urls {
		u, _, _ = strings.Cut(u, "?")
		if strings.HasSuffix(u, suffix) {
			return true
		}
	}
	return false
}

// count is how many requests' paths (before a query) end with the suffix.
func count(urls []string, suffix string) int {
	n := 0
	for _, u := range urls {
		u, _, _ = strings.Cut(u, "?")
		if suffix != "" && strings.HasSuffix(u, suffix) {
			n++
		}
	}
	return n
}

// cachedJS waits for the service worker and lists what its caches hold.
const cachedJS = `navigator.serviceWorker.ready.then(async () => {
	const urls = [];
	for (const k of await caches.keys()) for (const r of await (await caches.open(k)).keys()) urls.push(r.url);
	return urls;
})`

func TestTheAppStartsAtTheFirstTouch(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	r := mostRequests(v)
	path := ui.ReportPath(r.ID, "/outcomes")
	var app string
	var onPage bool
	var scrolled, byFinger float64
	// A reader who saves data: nothing of the app is fetched ahead
	// (TestAPageReadAWhileHasItsAppFetchedAhead).
	b.run(t, "reading "+path, emulation.SetDataSaverOverride().WithDataSaverEnabled(true), chromedp.Navigate(b.at(path)), b.poll(`document.readyState === "complete" && !!window.nianbao`),
		// The chart at the top is drawn by the site's script alone, off
		// the page's thread: ECharts is not evaluated on the page.
		b.poll(`nianbao.test.drawnBy(document.querySelector(".chart-canvas")) === "worker"`),
		// A reader scrolls with a finger and with the keys, and copies
		// by key and by the right button's menu: reading, not using the
		// page.
		emulation.SetTouchEmulationEnabled(true),
		fingerScroll(200, 700, 400), chromedp.Evaluate(`scrollY`, &byFinger),
		chromedp.KeyEvent(kb.PageDown), chromedp.KeyEvent(kb.ArrowDown),
		chromedp.KeyEvent("c", chromedp.KeyModifiers(input.ModifierCtrl)), chromedp.KeyEvent(kb.Shift),
		chromedp.Sleep(2*time.Second), chromedp.Evaluate(`!!window.echarts`, &onPage), chromedp.Evaluate(`scrollY`, &scrolled),
		// The right button at the heading (a mouse over a chart would
		// rightly move the charts to the page: not here).
		chromedp.Evaluate(`scrollTo(0, 0)`, nil),
		chromedp.ActionFunc(func(ctx context.Context) error {
			var xy []float64
			if err := chromedp.Evaluate(`(() => { const r = document.querySelector("h1").getBoundingClientRect(); return [r.x + 20, r.y + r.height / 2]; })()`, &xy).Do(ctx); err != nil {
				return err
			}
			return chromedp.MouseClickXY(xy[0], xy[1], chromedp.ButtonRight).Do(ctx)
		}),
		chromedp.Sleep(500*time.Millisecond), chromedp.Evaluate(`document.documentElement.dataset.app || ""`, &app))
	if onPage {
		t.Error("ECharts ran on the page before any touch")
	}
	if byFinger < 300 || scrolled <= byFinger {
		t.Errorf("the page scrolled to %.0f px by a finger, %.0f px after PageDown and ↓: want it read further down at each", byFinger, scrolled)
	}
	// Its option is read from the report's pack, which the page names
	// once for all its charts (data-chart), not carried by the page.
	var pack string
	b.run(t, "the charts' source", chromedp.Evaluate(`(() => {
		const pack = document.querySelector("[data-pack]").dataset.pack, all = [...document.querySelectorAll(".chart-canvas")];
		return all.length > 0 && all.every((e) => !e.dataset.option && (e.dataset.chart || "").startsWith(pack + "#/charts/")) ? pack : "";
	})()`, &pack))
	reqs := b.takeRequests()
	if n := count(reqs, pack); pack == "" || n != 1 {
		t.Errorf("the page's charts name their pack %q, fetched %d times (want once): %q", pack, n, reqs)
	}
	if requested(reqs, ".wasm") || requested(reqs, "/web/wasm_exec.js") || app != "" {
		t.Errorf("a visitor who only reads, scrolls and copies started the app (state %q): %q", app, reqs)
	}
	// Nor does the service worker fetch it for the visitor (its own
	// requests are not the page's: what it cached is the witness).
	var cached []string
	b.run(t, "the worker installed", chromedp.Evaluate(cachedJS, &cached, awaitPromise))
	if len(cached) == 0 || requested(cached, ".wasm") {
		t.Errorf("after the first visit, the worker keeps %q: want the page's files without app.wasm", cached)
	}
	// The visitor taps the page with a finger: the app starts, and takes
	// the page over (a key starts it in TestAPageReadAWhileHasItsAppFetchedAhead).
	b.run(t, "a tap", chromedp.Evaluate(`scrollTo(0, 0)`, nil), tapOn("h1"), b.poll(`document.documentElement.dataset.app === "running"`),
		b.poll(`!document.getElementById("app-wasm-loader")`))
	if reqs := b.takeRequests(); !requested(reqs, ".wasm") {
		t.Errorf("the app ran without loading app.wasm: %q", reqs)
	}
	// Once loaded, the worker keeps it for the next visit, offline too.
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		b.run(t, "the worker's caches", chromedp.Evaluate(cachedJS, &cached, awaitPromise))
		if requested(cached, ".wasm") {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("the worker did not keep app.wasm once the app ran: %q", cached)
			break
		}
	}

	b.goInApp(t, ui.ReportPath(r.ID, "/applicants"))
	for _, u := range b.takeRequests() {
		if strings.HasSuffix(strings.SplitN(u, "?", 2)[0], ".html") || strings.HasSuffix(strings.SplitN(u, "?", 2)[0], "/applicants") {
			t.Errorf("the app's link loaded a page: %s", u)
		}
	}
}

// A page read a while has its app fetched ahead, by the service worker,
// then compiled and run up to the page's mount, which waits for the
// visitor: the first touch then mounts it, from the device (here with the
// network cut). Not before the page has been read 3 s after its load;
// not for a visitor who saves data, nor on a link slower than 4G, nor on a
// phone's mobile network (or a phone that does not say its link), nor on a
// site whose site file says fetch_ahead: false: they fetch it at their
// first touch (web/js/start.js prefetchWhenRead, linkAllows).
func TestAPageReadAWhileHasItsAppFetchedAhead(t *testing.T) {
	t.Parallel()
	// read opens v's report page for a visitor whose link and wishes setup
	// sets, and waits until the service worker serves it;
	// window.__aheadAt is the time from the page's load to the app's
	// fetch ahead.
	read := func(t *testing.T, v *variant, setup ...chromedp.Action) *tab {
		b := newTab(t, v)
		path := ui.ReportPath(mostRequests(v).ID, "/outcomes")
		setup = append(setup, onNewDocument(`new MutationObserver(() => {
			if (document.documentElement.dataset.appPrefetch && window.__aheadAt === undefined)
				window.__aheadAt = performance.now() - performance.getEntriesByType("navigation")[0].loadEventEnd;
		}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-app-prefetch"]})`), chromedp.Navigate(b.at(path)),
			b.poll(`document.readyState === "complete" && !!navigator.serviceWorker.controller`))
		b.run(t, "reading "+path, setup...)
		return b
	}
	// appKept says what of the app the worker's caches hold.
	appKept := func(t *testing.T, b *tab) (wasm, exec bool) {
		var cached []string
		b.run(t, "the worker's caches", chromedp.Evaluate(cachedJS, &cached, awaitPromise))
		wasm = slices.ContainsFunc(cached, func(u string) bool { return strings.HasPrefix(u, b.at("/web/app.")) && strings.HasSuffix(u, ".wasm") })
		return wasm, requested(cached, "/web/wasm_exec.js")
	}

	t.Run("read a while", func(t *testing.T) {
		t.Parallel()
		b := read(t, portalSite)
		var at float64
		var app string
		b.run(t, "the app fetched ahead", b.poll(`document.documentElement.dataset.appPrefetch === "kept"`),
			chromedp.Evaluate(`window.__aheadAt`, &at), chromedp.Evaluate(`document.documentElement.dataset.app || ""`, &app))
		if at < 3000 {
			t.Errorf("the app was fetched ahead %.0f ms after the page's load: want once it has been read 3 s", at)
		}
		if app != "" {
			t.Errorf("the app's fetch ahead started it (state %q)", app)
		}
		if wasm, exec := appKept(t, b); !wasm || !exec {
			t.Fatalf("the app fetched ahead, the worker keeps app.wasm %v, wasm_exec.js %v", wasm, exec)
		}
		// The program runs ahead, up to the page's mount, and waits there
		// for the visitor: the page is still the prerendered one. Its start
		// ran first in the warm-up worker (compiled off the page's thread:
		// web/js/warm-worker.js), which read the page's settings and pack.
		var warmed string
		b.run(t, "the program run ahead", b.poll(`nianbao.test.waiting()`), chromedp.Sleep(500*time.Millisecond),
			chromedp.Evaluate(`document.documentElement.dataset.app || ""`, &app),
			chromedp.Evaluate(`document.documentElement.dataset.appWarm || ""`, &warmed))
		if app != "" {
			t.Errorf("the program run ahead mounted the page (state %q)", app)
		}
		if warmed != "warm" {
			t.Errorf("the app's start was not warmed in its worker before the run ahead (data-app-warm %q)", warmed)
		}
		b.takeRequests()
		b.srv.Close() // the network is cut: the touch finds the app on the device
		b.run(t, "a key, offline", chromedp.KeyEvent(kb.Tab), b.poll(`document.documentElement.dataset.app === "running"`))
		if reqs := b.takeRequests(); requested(reqs, ".wasm") || requested(reqs, "/web/wasm_exec.js") {
			t.Errorf("the key after the run ahead loaded the app again: %q", reqs)
		}
	})
	// A mouse's first click, once the program waits, does what it asks:
	// the mount comes after the click (inside its pointerdown, it removed
	// the element pressed, and the click went to none).
	t.Run("a click once it waits", func(t *testing.T) {
		t.Parallel()
		b := read(t, portalSite)
		to := ui.ReportPath(mostRequests(portalSite).ID, "/applicants")
		var xy []float64
		b.run(t, "the program run ahead", b.poll(`nianbao.test.waiting()`),
			chromedp.Evaluate(fmt.Sprintf(`(() => {
				const a = [...document.querySelectorAll("a")].find((a) => a.getAttribute("href") === %q && a.getBoundingClientRect().width > 0);
				a.scrollIntoView({ block: "center" });
				const r = a.getBoundingClientRect();
				return [r.x + r.width / 2, r.y + r.height / 2];
			})()`, b.href(to)), &xy))
		// The link is followed (the page's own: the app mounts after it).
		b.run(t, "a click on the link to "+to, chromedp.MouseClickXY(xy[0], xy[1]),
			b.poll(fmt.Sprintf(`location.pathname === %q && document.readyState === "complete"`, to)))
	})
	for _, tc := range []struct {
		name string
		v    *variant
		link []chromedp.Action
	}{
		{"saving data", portalSite, []chromedp.Action{emulation.SetDataSaverOverride().WithDataSaverEnabled(true)}},
		// navigator.connection's effectiveType: 3g.
		{"on a 3G link", portalSite, []chromedp.Action{network.OverrideNetworkState(false, 400, 400e3/8, 400e3/8)}},
		{"on a site that turned it off", identitySite, nil},
		// navigator.connection's type: cellular (Chrome on Android).
		{"on a phone's mobile network", portalSite, []chromedp.Action{network.OverrideNetworkState(false, link.Latency, 20e6/8, 5e6/8).WithConnectionType(network.ConnectionTypeCellular4g)}},
		// A phone's browser that does not say what its link is (Safari):
		// a finger for a pointer, no connection type.
		{"on a phone that does not say its link", portalSite, []chromedp.Action{emulation.SetTouchEmulationEnabled(true).WithMaxTouchPoints(5),
			emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "pointer", Value: "coarse"}}),
			onNewDocument(`Object.defineProperty(NetworkInformation.prototype, "type", { get: () => undefined })`)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b := read(t, tc.v, tc.link...)
			// Read as long as the fetch ahead waits (3 s), an idle moment
			// (at most 1 s) and two seconds more.
			var state, effective string
			b.run(t, "read 6 s", poll(`performance.now() - performance.getEntriesByType("navigation")[0].loadEventEnd > 6000`),
				chromedp.Evaluate(`document.documentElement.dataset.appPrefetch || ""`, &state),
				chromedp.Evaluate(`navigator.connection ? [navigator.connection.effectiveType, navigator.connection.type, navigator.connection.saveData ? "saveData" : "", matchMedia("(pointer: coarse)").matches ? "coarse" : ""].join(" ") : ""`, &effective))
			if state != "" {
				t.Errorf("a visitor %s (navigator.connection: %q) had the app fetched ahead (%q)", tc.name, effective, state)
			}
			if wasm, exec := appKept(t, b); wasm || exec {
				t.Errorf("a visitor %s (navigator.connection: %q): the worker keeps app.wasm %v, wasm_exec.js %v before a touch", tc.name, effective, wasm, exec)
			}
		})
	}
}

// On a slow link the app's start tells its progress: the notice shows
// after a while and counts up in percent of app.wasm as it arrives, while
// the browser compiles the body as fetched (web/js/start.js fetchWasm
// reads the progress from a copy), and goes once the app runs.
func TestTheAppsStartTellsItsProgress(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	slow := &network.Conditions{Latency: 40, DownloadThroughput: 2e6 / 8, UploadThroughput: 1e6 / 8}
	var told []string
	b.run(t, "reading /about", chromedp.Navigate(b.at("/about")), b.poll(`document.readyState === "complete" && !!window.nianbao`),
		chromedp.Evaluate(`window.told = [];
			new MutationObserver(() => {
				const el = document.getElementById("app-wasm-loader");
				if (el && !el.hidden) told.push(el.textContent.trim());
			}).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true})`, nil),
		network.Enable(),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := network.EmulateNetworkConditionsByRule([]*network.Conditions{slow}).Do(ctx)
			return err
		}),
		chromedp.KeyEvent(kb.Tab), b.poll(`document.documentElement.dataset.app === "running"`),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := network.EmulateNetworkConditionsByRule([]*network.Conditions{{}}).Do(ctx)
			return err
		}),
		chromedp.Evaluate(`[...new Set(told)]`, &told))
	var percents []int
	for _, s := range told {
		var p int
		if _, err := fmt.Sscanf(s, "正在启动交互功能 %d%%", &p); err != nil {
			t.Errorf("the notice said %q", s)
			continue
		}
		percents = append(percents, p)
	}
	if len(percents) < 2 || !slices.IsSorted(percents) || percents[0] < 0 || percents[len(percents)-1] > 100 || percents[len(percents)-1] == 0 {
		t.Errorf("the notice told %q while app.wasm came on a 2 Mbit/s link: want a count up in percent", told)
	}
	b.run(t, "the notice goes", b.poll(`!document.getElementById("app-wasm-loader")`))
}

func TestTheCatalogAnswersBeforeTheApp(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	body, years := v.bodyWithYears()
	var kept struct {
		Value  string `json:"value"`
		Active string `json:"active"`
	}
	b.run(t, "the catalog", chromedp.Navigate(b.at("/reports")), b.poll(`document.readyState === "complete" && !!window.nianbao`),
		chromedp.Sleep(2*time.Second))
	if reqs := b.takeRequests(); requested(reqs, "echarts.min.js") || requested(reqs, ".wasm") {
		t.Errorf("the catalog loaded ECharts or the app before any touch: %q", reqs)
	}
	// The first keystroke starts the app; the search answers at once, on
	// the prerendered list, and the app takes the query over.
	q := v.searchFor(body)
	if q == "" {
		t.Fatalf("no search finds %s alone", body.Name)
	}
	b.run(t, "typing", chromedp.Click("#catalog-q", chromedp.ByQuery), chromedp.KeyEvent(q),
		b.poll(`new URLSearchParams(location.search).get("q") !== null`), b.poll(appReady),
		b.poll(rowsShown(len(years))), chromedp.Evaluate(`({value: document.querySelector("#catalog-q").value, active: document.activeElement.id})`, &kept))
	if kept.Value != q || kept.Active != "catalog-q" {
		t.Errorf("typed %q in the search; once the app took the page over it holds %q, the focus on #%s", q, kept.Value, kept.Active)
	}
}

// A shared link to a view only the app shows (a comparison) opens on that
// view without a touch: the app starts at once there.
func TestASharedComparisonOpensWithoutATouch(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	_, es := v.bodyWithYears()
	ids := es[len(es)-2].ID + "," + es[len(es)-1].ID
	b.run(t, "the shared comparison", chromedp.Navigate(b.at("/compare?r="+ids)),
		b.poll(`document.documentElement.dataset.app === "running"`),
		b.poll(`document.querySelectorAll("#chart-compare-outcomes").length === 1`))
	// A report's page still waits for the reader's touch.
	var app string
	b.run(t, "a report", chromedp.Navigate(b.at(ui.ReportPath(es[0].ID, "/"))), b.poll(`document.readyState === "complete" && !!window.nianbao`),
		chromedp.Sleep(time.Second), chromedp.Evaluate(`document.documentElement.dataset.app || ""`, &app))
	if app != "" {
		t.Errorf("a report's page started the app without a touch (%q)", app)
	}
}

// A ranking the prerendered page shows (its data-shows: the latest year
// with enough reports, every level, by requests), asked in any spelling
// of its address, and the front page's link to it, open without starting
// the app; another basis or year (a view only the app shows) starts it as
// the page loads.
func TestARankingThePageShowsStartsNoApp(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	var shows, front string
	b.run(t, "the ranking and the front page", chromedp.Navigate(b.at("/ranking?wasm=false")),
		b.poll(`document.readyState === "complete" && !!window.nianbao`),
		chromedp.Evaluate(`document.querySelector("[data-shows]").dataset.shows`, &shows),
		chromedp.Navigate(b.at("/?wasm=false")), b.poll(`document.readyState === "complete" && !!window.nianbao`),
		chromedp.Evaluate(`(() => { const a = document.querySelector('main a[href*="/ranking?year="]'); return a ? a.getAttribute("href") : ""; })()`, &front))
	q, err := url.ParseQuery(shows)
	year := q.Get("year")
	if err != nil || year == "" || q.Get("by") == "" {
		t.Fatalf("the prerendered ranking says it shows %q", shows)
	}
	paths := []string{"/ranking?year=" + year, "/ranking?by=" + q.Get("by") + "&level=&year=" + year}
	if front == b.href("/ranking?year="+year) {
		paths = append(paths, strings.TrimPrefix(front, v.base))
	}
	for _, path := range paths {
		var app, shown string
		b.run(t, path, chromedp.Navigate(b.at(path)), b.poll(`document.readyState === "complete" && !!window.nianbao`),
			chromedp.Sleep(time.Second), chromedp.Evaluate(`document.documentElement.dataset.app || ""`, &app),
			chromedp.Text(`[data-shows] a[aria-current="true"]`, &shown, chromedp.ByQuery))
		if reqs := b.takeRequests(); app != "" || requested(reqs, ".wasm") {
			t.Errorf("%s started the app before a touch (state %q, app.wasm fetched %v), though its page shows that ranking", path, app, requested(reqs, ".wasm"))
		}
		if shown != year+"年" {
			t.Errorf("%s shows the ranking of %q before the app", path, shown)
		}
	}
	other := ""
	for _, y := range v.index.Years() {
		if y != year {
			other = y
			break
		}
	}
	if other == "" {
		t.Fatal("the test's site has one year only")
	}
	b.run(t, "another year's ranking", chromedp.Navigate(b.at("/ranking?year="+other)),
		b.poll(`document.documentElement.dataset.app === "running"`),
		b.poll(fmt.Sprintf(`document.querySelector('[data-shows] a[aria-current="true"]')?.textContent === %q`, other+"年")))
	b.run(t, "another basis", chromedp.Navigate(b.at("/ranking?by=open&year="+year)),
		b.poll(`document.documentElement.dataset.app === "running"`))
}

// Every page with charts, read without the app, draws them from the file
// that holds them, fetched once for the page (data-chart: the front page's
// summary, a body's trend charts, a report's pack), and carries none of
// their options; all its charts, drawn for print, draw from it.
func TestPagesDrawTheirChartsFromOneFile(t *testing.T) {
	t.Parallel()
	v := portalSite
	first := newTab(t, v) // builds the site, and so its index
	body, _ := v.bodyWithYears()
	r := mostRequests(v)
	for i, tc := range []struct{ path, file string }{
		{"/", "/data/portal.json"},
		{ui.BodyPath(body.ID), ui.BodyChartsPath(body.ID)},
		{ui.ReportPath(r.ID, "/applicants"), ".json.gz"},
	} {
		b := first
		if i > 0 {
			b = newTab(t, v)
		}
		var got struct {
			Charts, Drawn int
			Files         []string
		}
		b.run(t, "reading "+tc.path, chromedp.Navigate(b.at(tc.path)), b.poll(`document.readyState === "complete" && !!window.nianbao`),
			chromedp.Evaluate(`nianbao.test.drawAll()`, nil, awaitPromise),
			chromedp.Evaluate(`(() => {
				const all = [...document.querySelectorAll(".chart-canvas")];
				return {
					charts: all.filter((e) => !e.dataset.option).length,
					drawn: all.filter((e) => echarts.getInstanceByDom(e)).length,
					files: [...new Set(all.map((e) => (e.dataset.chart || "").split("#")[0]))],
				};
			})()`, &got))
		reqs := b.takeRequests()
		if got.Charts == 0 || got.Drawn != got.Charts || len(got.Files) != 1 || !strings.HasSuffix(got.Files[0], tc.file) {
			t.Errorf("%s: %d charts without an option in the page, %d drawn, from %q (want all drawn, from one file ending %s)", tc.path, got.Charts, got.Drawn, got.Files, tc.file)
			continue
		}
		if n := count(reqs, got.Files[0]); n != 1 || requested(reqs, ".wasm") {
			t.Errorf("%s: %s fetched %d times (want once), the app loaded: %v", tc.path, got.Files[0], n, requested(reqs, ".wasm"))
		}
	}
}

// A chart whose option does not arrive (the network dropped) is tried
// again: drawn once the pack can be fetched, without a reload.
func TestAChartIsTriedAgain(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	r := mostRequests(v)
	// The page's packs fail to fetch until the test lets them.
	refuse := onNewDocument(`(() => {
		const f = window.fetch.bind(window);
		window.fetch = (u, o) => String(u).includes("/data/r/") && !window.packsAllowed ? Promise.reject(new TypeError("offline (test)")) : f(u, o);
	})()`)
	var drawn bool
	b.run(t, "reading, the packs refused", refuse, chromedp.Navigate(b.at(ui.ReportPath(r.ID, "/outcomes"))),
		b.poll(`document.readyState === "complete" && !!window.nianbao`), chromedp.Sleep(1500*time.Millisecond),
		chromedp.Evaluate(`nianbao.test.drawnBy(document.querySelector(".chart-canvas")) !== ""`, &drawn))
	if drawn {
		t.Fatal("the chart was drawn though its pack could not be fetched")
	}
	b.run(t, "the packs allowed", chromedp.Evaluate(`window.packsAllowed = true`, nil),
		b.poll(`nianbao.test.drawnBy(document.querySelector(".chart-canvas")) !== ""`))
}

// chartShot is a screenshot of the first chart of the page, decoded.
func chartShot(t *testing.T, b *tab) image.Image {
	t.Helper()
	var shot []byte
	b.run(t, "the chart's picture", chromedp.Screenshot(".chart-canvas", &shot, chromedp.ByQuery))
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// A page being read draws its charts in the charts' worker, off the
// page's thread; a key moves nothing, and a mouse over a chart moves them
// to the page's own ECharts (tooltips, images, clicks), drawn as they
// were, and the worker's canvases go. ?wasm=false: the move is the site's
// script's own, not the app's taking over.
func TestChartsMoveToThePageUnderThePointer(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	r := mostRequests(v)
	var onPage bool
	b.run(t, "reading", chromedp.Navigate(b.at(ui.ReportPath(r.ID, "/outcomes")+"?wasm=false")),
		b.poll(`document.readyState === "complete" && !!window.nianbao`),
		b.poll(`nianbao.test.drawnBy(document.querySelector(".chart-canvas")) === "worker"`),
		chromedp.Sleep(1500*time.Millisecond), // its bars grown
		chromedp.Evaluate(`!!window.echarts`, &onPage))
	if onPage {
		t.Fatal("ECharts ran on the page before any touch")
	}
	// The chart's box narrows (a phone turned, 长者模式): the worker draws
	// it again at its new size, as the page would.
	b.run(t, "a narrower box", chromedp.Evaluate(`document.querySelector(".chart-canvas").style.width = "60%"`, nil),
		chromedp.Sleep(1500*time.Millisecond))
	before := chartShot(t, b)
	if n := colours(before); n < 8 {
		t.Fatalf("the worker's chart has %d colours: blank", n)
	}
	// A key, or a finger that starts a scroll on the chart, moves nothing.
	var by string
	b.run(t, "a key and a finger", chromedp.KeyEvent(kb.Tab),
		chromedp.Evaluate(`document.querySelector(".chart-canvas canvas").dispatchEvent(new PointerEvent("pointerdown", {bubbles: true, pointerType: "touch"}))`, nil),
		chromedp.Sleep(time.Second), chromedp.Evaluate(`nianbao.test.drawnBy(document.querySelector(".chart-canvas"))`, &by))
	if by != "worker" {
		t.Fatalf("after a key and a finger down, the chart is drawn by %q (want still the worker)", by)
	}
	var at struct{ X, Y float64 }
	b.run(t, "the chart's place", chromedp.Evaluate(`(() => {
		const el = document.querySelector(".chart-canvas");
		el.scrollIntoView({block: "center"});
		const r = el.getBoundingClientRect();
		return {x: r.left + r.width / 2, y: r.top + r.height / 2};
	})()`, &at))
	b.run(t, "the mouse over the chart", chromedp.MouseEvent(input.MouseMoved, at.X, at.Y),
		b.poll(`!!window.echarts && nianbao.test.drawnBy(document.querySelector(".chart-canvas")) === "page" && !document.querySelector("canvas.chart-off")`),
		chromedp.MouseEvent(input.MouseMoved, 1, 1), chromedp.Sleep(1500*time.Millisecond))
	after := chartShot(t, b)
	// The decal patterns may start at another phase (a few per cent of
	// the pixels); a chart stretched or drawn at another size differs in
	// most of them.
	if d := differing(before, after); d > 0.06 {
		t.Errorf("the chart moved to the page drawn otherwise: %.1f%% of its pixels differ", d*100)
	}
}

// A browser where the charts' worker cannot run (its script does not
// load) draws the page's charts on the page.
func TestChartsDrawWithoutTheirWorker(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	r := mostRequests(v)
	lost := onNewDocument(`(() => {
		const W = window.Worker;
		window.Worker = function (u, o) { return new W(String(u).replace("chart-worker.js", "no-such-worker.js"), o); };
	})()`)
	b.run(t, "reading", lost, chromedp.Navigate(b.at(ui.ReportPath(r.ID, "/outcomes")+"?wasm=false")),
		b.poll(`document.readyState === "complete" && !!window.nianbao`),
		b.poll(`nianbao.test.drawnBy(document.querySelector(".chart-canvas")) === "page"`))
	b.ignoreProblems() // the missing script's 404
}

// colours counts the distinct colours of an image.
func colours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c0, c1, c2, c3 := img.At(x, y).RGBA()
			seen[[4]uint32{c0, c1, c2, c3}] = true
		}
	}
	return len(seen)
}

// differing is the share of pixels that differ between two images of one
// size (all of them where the sizes differ).
func differing(a, b image.Image) float64 {
	if a.Bounds() != b.Bounds() {
		return 1
	}
	r := a.Bounds()
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			a0, a1, a2, _ := a.At(x, y).RGBA()
			b0, b1, b2, _ := b.At(x, y).RGBA()
			if absDiff(a0, b0)+absDiff(a1, b1)+absDiff(a2, b2) > 3*0x1000 {
				n++
			}
		}
	}
	return float64(n) / float64(r.Dx()*r.Dy())
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// Once the app runs, the worker draws its charts too, and a tap on a bar
// of a chart that leads somewhere (a report's outcomes, to the reasons of
// the tapped outcome) goes where it leads: the worker says which bar was
// hit, and ECharts never came to the page.
func TestATapOnAChartTheWorkerDrewLeadsOn(t *testing.T) {
	t.Parallel()
	v := portalSite
	ref := newTab(t, v) // builds the site, and so its index
	r := mostRequests(v)
	path := ui.ReportPath(r.ID, "/outcomes")
	// Where a bar is, and where it leads: read from the same page drawn
	// on the page's own ECharts, in a window of the same size.
	var bar struct {
		X, Y float64
		Href string
	}
	ref.load(t, path)
	ref.eval(t, `(() => {
		const el = document.querySelector("#chart-outcomes .chart-canvas"), o = echarts.getInstanceByDom(el).getOption();
		const links = Object.fromEntries([...document.querySelectorAll(".drill a")].map((a) => [a.textContent, a.getAttribute("href")]));
		const names = o.yAxis[0].data.map((d) => (d && d.value != null ? d.value : d));
		const i = names.findIndex((n, i) => links[n + "的原因"] && Number(o.series[0].data[i].value ?? o.series[0].data[i]) > 0);
		const v = Number(o.series[0].data[i].value ?? o.series[0].data[i]);
		const [x, y] = echarts.getInstanceByDom(el).convertToPixel({seriesIndex: 0}, [v / 2, i]);
		return {x, y, href: links[names[i] + "的原因"]};
	})()`, &bar)
	if bar.Href == "" {
		t.Fatal("no bar of the outcomes chart leads anywhere")
	}
	b := newTab(t, v)
	var at struct{ X, Y float64 }
	b.run(t, "the app started by a key", chromedp.Navigate(b.at(path)), b.poll(`document.readyState === "complete" && !!window.nianbao`),
		chromedp.KeyEvent(kb.Tab), b.poll(`document.documentElement.dataset.app === "running"`),
		b.poll(`nianbao.test.drawnBy(document.querySelector("#chart-outcomes .chart-canvas")) === "worker"`),
		chromedp.Sleep(1500*time.Millisecond), // its bars grown
		chromedp.Evaluate(`(() => {
			const el = document.querySelector("#chart-outcomes .chart-canvas");
			el.scrollIntoView({block: "center"});
			const r = el.getBoundingClientRect();
			return {x: r.left, y: r.top};
		})()`, &at))
	var onPage bool
	// The events a tap makes (Chromium's synthesized taps make none
	// headless): a finger's pointer events, and a click.
	b.run(t, "a tap on the bar", chromedp.Evaluate(fmt.Sprintf(`(() => {
		const c = document.querySelector("#chart-outcomes canvas.chart-off"), at = {bubbles: true, clientX: %f, clientY: %f};
		for (const type of ["pointerover", "pointerdown", "pointerup"]) c.dispatchEvent(new PointerEvent(type, {...at, pointerType: "touch"}));
		c.dispatchEvent(new MouseEvent("click", at));
	})()`, at.X+bar.X, at.Y+bar.Y), nil),
		b.poll(fmt.Sprintf(`location.pathname === %q`, bar.Href)), chromedp.Evaluate(`!!window.echarts`, &onPage))
	if onPage {
		t.Error("a tap on a chart the worker drew brought ECharts to the page")
	}
}

// A catalog in pages (more bodies than a page lists) finds any body before
// the app runs: its page at once, then every body once the catalog's
// directory is in (web/js/quick.js), listed in the page's list's place
// with links to the body and its reports; an empty search gives the page
// back. ?wasm=false holds the app off: a phone on its mobile network
// searches this way for the seconds its app's download takes.
func TestTheCatalogInPagesFindsEveryBodyBeforeTheApp(t *testing.T) {
	t.Parallel()
	v := pagedSite
	b := newTab(t, v)
	if len(v.index.Bodies) <= ui.PlainPerPage {
		t.Fatalf("%d bodies: the catalog is not in pages", len(v.index.Bodies))
	}
	body := &v.index.Bodies[len(v.index.Bodies)-1] // on the last page
	_, es := v.index.FindBody(body.ID)
	q := v.searchFor(body)
	if q == "" {
		t.Fatalf("no search finds %s alone", body.Name)
	}
	var onPage bool
	b.run(t, "the catalog's first page", chromedp.Navigate(b.at("/reports?wasm=false")), b.poll(`document.readyState === "complete" && !!window.nianbao`),
		chromedp.Evaluate(fmt.Sprintf(`[...document.querySelectorAll(".catalog-plain a")].some((a) => a.textContent === %q)`, body.Name), &onPage))
	if onPage {
		t.Fatalf("%s is on the catalog's first page: the test needs a body on another", body.Name)
	}
	var found struct {
		Count  string   `json:"count"`
		Names  []string `json:"names"`
		Hrefs  []string `json:"hrefs"`
		Hidden bool     `json:"hidden"`
		Pager  bool     `json:"pager"`
	}
	// The directory's first fetch fails (a phone's link dropped it): the
	// page's own search stands and says so; the next letter tries again.
	first := string([]rune(q)[:1])
	var failedCount string
	var foundAfterFailure bool
	b.run(t, "a letter, the directory unreachable", chromedp.Evaluate(`(() => {
			const real = window.fetch;
			let failed = false;
			window.fetch = (u, ...rest) => !failed && String(u).includes("/data/index") ? (failed = true, Promise.reject(new TypeError("offline"))) : real(u, ...rest);
		})()`, nil),
		chromedp.Click("#catalog-q", chromedp.ByQuery), chromedp.SendKeys("#catalog-q", first, chromedp.ByQuery),
		b.poll(`/^本页找到 \d+ 个机关$/.test(document.getElementById("catalog-count").textContent)`),
		chromedp.Text("#catalog-count", &failedCount, chromedp.ByQuery),
		chromedp.Evaluate(`!!document.querySelector(".catalog-found")`, &foundAfterFailure))
	if foundAfterFailure {
		t.Errorf("the directory unreachable, a list of bodies found was shown (the count says %q)", failedCount)
	}
	b.run(t, "a search", chromedp.SendKeys("#catalog-q", strings.TrimPrefix(q, first), chromedp.ByQuery),
		b.poll(`document.querySelector(".catalog-found li")`),
		chromedp.Evaluate(`(() => {
			const f = document.querySelector(".catalog-found");
			return {count: document.getElementById("catalog-count").textContent,
				names: [...f.querySelectorAll(".body-link")].map((a) => a.textContent),
				hrefs: [...f.querySelectorAll("a")].map((a) => a.getAttribute("href")),
				hidden: document.querySelector(".catalog-plain:not(.catalog-found)").getClientRects().length === 0,
				pager: [".plain-pager", ".plain-range"].every((s) => document.querySelector(s).getClientRects().length === 0)};
		})()`, &found))
	if !slices.Equal(found.Names, []string{body.Name}) || found.Count != "找到 1 个机关" {
		t.Errorf("searching %q before the app: %q listed, %q said; want %s alone", q, found.Names, found.Count, body.Name)
	}
	want := []string{b.href(ui.BodyPath(body.ID))}
	for _, e := range es {
		want = append(want, b.href(ui.ReportPath(e.ID, "/")))
	}
	if !slices.Equal(found.Hrefs, want) {
		t.Errorf("the body found links %q, want %q", found.Hrefs, want)
	}
	if !found.Hidden || !found.Pager {
		t.Errorf("the page's own list out of sight %v, its pager and range out of sight %v, while the whole catalog's are listed", found.Hidden, found.Pager)
	}
	// The list found is read and touched as the page's own: on a phone
	// of 320 px too.
	b.checkAxe(t, "/reports, a search before the app")
	b.checkTargets(t, "/reports, a search before the app")
	var wide bool
	b.run(t, "at 320 px", emulation.SetDeviceMetricsOverride(320, 720, 1, true),
		chromedp.Evaluate(`document.documentElement.scrollWidth <= 320`, &wide))
	if !wide {
		t.Error("/reports with the bodies found scrolls sideways at 320 px")
	}
	b.checkTargets(t, "/reports at 320 px, a search before the app")
	b.run(t, "back to the window's size", emulation.ClearDeviceMetricsOverride())
	var back bool
	b.run(t, "the search emptied", chromedp.Evaluate(`(() => {
			const q = document.querySelector("#catalog-q");
			q.value = "";
			return q.dispatchEvent(new Event("input", {bubbles: true}));
		})()`, nil),
		b.poll(`!document.querySelector(".catalog-found")`),
		chromedp.Evaluate(`[".catalog-plain", ".plain-pager", ".plain-range"].every((s) => document.querySelector(s).getClientRects().length > 0)`, &back))
	if !back {
		t.Error("an empty search did not give the page's list, range and pager back")
	}
	// With the app: the keystroke starts it, and its catalog takes the
	// search over; the script's list of the bodies found goes with the
	// page it was written into.
	var left int
	b.run(t, "a search as the app starts", chromedp.Navigate(b.at("/reports")), b.poll(`document.readyState === "complete" && !!window.nianbao`),
		chromedp.Click("#catalog-q", chromedp.ByQuery), chromedp.SendKeys("#catalog-q", q, chromedp.ByQuery),
		b.poll(appReady), b.poll(rowsShown(len(es))), chromedp.Sleep(time.Second),
		chromedp.Evaluate(`document.querySelectorAll(".catalog-found").length`, &left))
	if left != 0 {
		t.Errorf("once the app runs, the script's list of bodies found is still on the page (%d)", left)
	}
}

// plainShown reads what the plain catalog shows: the count, the bodies
// listed (the page's list, or the bodies found over every page) and the
// years each shows, the search box, and the year's notice and its link.
const plainShown = `(() => {
	const seen = (e) => e.getClientRects().length > 0;
	const list = [...document.querySelectorAll(".catalog-plain")].find(seen);
	const items = list ? [...list.children].filter(seen) : [];
	const notice = document.querySelector(".catalog-asked");
	const all = notice && notice.querySelector("a");
	const u = all && new URL(all.href);
	return {
		count: document.getElementById("catalog-count").textContent,
		names: items.map((li) => li.querySelector(".body-link").textContent),
		years: items.map((li) => [...li.querySelectorAll(".year-link")].filter(seen).map((a) => a.textContent).join(" ")),
		q: document.getElementById("catalog-q").value,
		notice: notice ? notice.textContent : "",
		all: u ? [u.pathname, u.searchParams.get("q") || "", u.searchParams.has("year") ? "year" : ""] : [],
	};
})()`

type plainView struct {
	Count  string   `json:"count"`
	Names  []string `json:"names"`
	Years  []string `json:"years"`
	Q      string   `json:"q"`
	Notice string   `json:"notice"`
	All    []string `json:"all"`
}

// bodiesOfYear are the names of the bodies with a report of year, in the
// catalog's order.
func (v *variant) bodiesOfYear(year int) []string {
	var names []string
	for i := range v.index.Bodies {
		b, es := v.index.FindBody(v.index.Bodies[i].ID)
		if slices.ContainsFunc(es, func(e *catalog.Entry) bool { return e.Year == year }) {
			names = append(names, b.Name)
		}
	}
	return names
}

// A link to the catalog with a search or a year in its address (shared,
// or the front page's 年度 links) opens on what it names before the app,
// and without starting it: the page's script answers both; the app, at
// the visitor's first act, takes them over into its own catalog.
func TestTheCatalogOpensOnItsAddressBeforeTheApp(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	// A year some bodies have a report of and others not.
	year := 0
	for _, y := range v.index.Years() {
		n, _ := strconv.Atoi(y)
		if k := len(v.bodiesOfYear(n)); k > 0 && k < len(v.index.Bodies) {
			year = n
			break
		}
	}
	if year == 0 {
		t.Fatal("the test's site has no year that some of its bodies lack")
	}
	want := v.bodiesOfYear(year)
	var got plainView
	var app string
	b.run(t, "the catalog of a year", chromedp.Navigate(b.at(fmt.Sprintf("/reports?year=%d", year))),
		b.poll(`document.readyState === "complete" && !!window.nianbao`), chromedp.Evaluate(plainShown, &got),
		chromedp.Sleep(time.Second), chromedp.Evaluate(`document.documentElement.dataset.app || ""`, &app))
	ys := strconv.Itoa(year)
	if !slices.Equal(got.Names, want) || got.Count != fmt.Sprintf("找到 %d 个机关", len(want)) {
		t.Errorf("/reports?year=%d before the app lists %q, says %q; want %q", year, got.Names, got.Count, want)
	}
	if slices.ContainsFunc(got.Years, func(s string) bool { return s != ys }) {
		t.Errorf("/reports?year=%d: the bodies listed show the years %q, want %s alone", year, got.Years, ys)
	}
	if !strings.Contains(got.Notice, ys) || !slices.Equal(got.All, []string{b.href("/reports"), "", ""}) {
		t.Errorf("/reports?year=%d: the notice says %q and links %q; want the year, and a link to every year's", year, got.Notice, got.All)
	}
	if reqs := b.takeRequests(); app != "" || requested(reqs, ".wasm") {
		t.Errorf("/reports?year=%d started the app before a touch (state %q, app.wasm fetched %v)", year, app, requested(reqs, ".wasm"))
	}
	b.checkAxe(t, "/reports?year= before the app")
	b.checkTargets(t, "/reports?year= before the app")
	// A search typed then: 清除筛选 keeps it (the app not there: ?wasm=false).
	b.run(t, "a search typed", chromedp.Navigate(b.at(fmt.Sprintf("/reports?year=%d&wasm=false", year))),
		b.poll(`document.readyState === "complete" && !!window.nianbao`), chromedp.Click("#catalog-q", chromedp.ByQuery),
		chromedp.SendKeys("#catalog-q", "局", chromedp.ByQuery), chromedp.Evaluate(plainShown, &got))
	if len(got.All) < 2 || !slices.Equal(got.All[:2], []string{b.href("/reports"), "局"}) {
		t.Errorf("/reports?year=%d, 局 typed: 清除筛选 links %q, want the search kept", year, got.All)
	}

	// A shared search with a year: the box holds the search.
	body, es := v.bodyWithYears()
	q := v.searchFor(body)
	y := es[0].Year
	path := fmt.Sprintf("/reports?q=%s&year=%d", url.QueryEscape(q), y)
	b.run(t, "a shared search of a year", chromedp.Navigate(b.at(path)),
		b.poll(`document.readyState === "complete" && !!window.nianbao`), chromedp.Evaluate(plainShown, &got))
	if !slices.Equal(got.Names, []string{body.Name}) || !slices.Equal(got.Years, []string{strconv.Itoa(y)}) || got.Q != q ||
		!slices.Equal(got.All, []string{b.href("/reports"), q, ""}) {
		t.Errorf("%s before the app: %q listed with years %q, the box holds %q, 查看全部年度 links %q; want %s's %d report, the search in the box, a link to its every year",
			path, got.Names, got.Years, got.Q, got.All, body.Name, y)
	}
	// The app takes both over at the first act.
	var select_, box string
	b.run(t, "a key", chromedp.KeyEvent(kb.Tab), b.poll(appReady), b.poll(rowsShown(1)),
		chromedp.Evaluate(`document.getElementById("catalog-year").value`, &select_),
		chromedp.Evaluate(`document.getElementById("catalog-q").value`, &box))
	if select_ != strconv.Itoa(y) || box != q {
		t.Errorf("%s with the app: the year's select says %q, the box %q; want %d and %q", path, select_, box, y, q)
	}
}

// On a catalog in pages, the address's year lists its bodies over every
// page before the app (the directory read, as a search is).
func TestTheCatalogInPagesOpensOnItsYearBeforeTheApp(t *testing.T) {
	t.Parallel()
	v := pagedSite
	b := newTab(t, v)
	// A year of bodies on the first page and on others.
	year, want := 0, []string(nil)
	for _, y := range v.index.Years() {
		n, _ := strconv.Atoi(y)
		w := v.bodiesOfYear(n)
		first := slices.ContainsFunc(v.index.Bodies[:ui.PlainPerPage], func(b catalog.Body) bool { return slices.Contains(w, b.Name) })
		other := slices.ContainsFunc(v.index.Bodies[ui.PlainPerPage:], func(b catalog.Body) bool { return slices.Contains(w, b.Name) })
		if len(w) < len(v.index.Bodies) && first && other {
			year, want = n, w
		}
	}
	if year == 0 {
		t.Fatalf("the test's site (%d bodies) has no year of bodies on its first page and others that other bodies lack", len(v.index.Bodies))
	}
	var got plainView
	b.run(t, "the catalog of a year", chromedp.Navigate(b.at(fmt.Sprintf("/reports?year=%d&wasm=false", year))),
		b.poll(`document.querySelector(".catalog-found li")`), chromedp.Evaluate(plainShown, &got))
	listed := min(len(want), 100)
	count := fmt.Sprintf("找到 %d 个机关", len(want))
	if len(want) > 100 {
		count += "，列出按名称排列的前 100 个"
	}
	if !slices.Equal(got.Names, want[:listed]) || got.Count != count {
		t.Errorf("/reports?year=%d before the app lists %d bodies (%q…), says %q; want %d (%q…), %q", year, len(got.Names), got.Names[:min(3, len(got.Names))], got.Count, listed, want[:min(3, len(want))], count)
	}
	if slices.ContainsFunc(got.Years, func(s string) bool { return s != strconv.Itoa(year) }) {
		t.Errorf("/reports?year=%d: the bodies found show the years %q, want %d alone", year, got.Years, year)
	}
}

// The front page's link to the reports whose figures do not hold (查看这些
// 报告: /reports?status=findings&year=…) opens on them before the app, and
// without starting it: the directory tells each report's consistency. So
// does a level; a value the page has no words for is left to the app.
func TestTheCatalogOpensOnItsFiltersBeforeTheApp(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	var href string
	b.run(t, "the front page", chromedp.Navigate(b.at("/")), b.poll(`document.readyState === "complete" && !!window.nianbao`),
		chromedp.Evaluate(`(() => { const a = document.querySelector('main a[href*="status=findings"]'); return a ? a.getAttribute("href") : ""; })()`, &href))
	u, err := url.Parse(href)
	if err != nil || href == "" {
		t.Fatalf("the front page links no reports with findings (%q)", href)
	}
	year, _ := strconv.Atoi(u.Query().Get("year"))
	var want, wantYears []string
	reports := 0
	for i := range v.index.Bodies {
		body, es := v.index.FindBody(v.index.Bodies[i].ID)
		var ys []string
		for _, e := range es {
			if e.Year == year && e.Consistency() == catalog.HasFindings {
				ys = append(ys, strconv.Itoa(e.Year))
			}
		}
		if len(ys) > 0 {
			want, wantYears = append(want, body.Name), append(wantYears, strings.Join(ys, " "))
			reports += len(ys)
		}
	}
	if len(want) == 0 {
		t.Fatalf("the test's site has no report of %d with findings", year)
	}
	var got plainView
	var app string
	b.run(t, "its link", chromedp.Navigate(b.srv.URL+href), b.poll(`document.querySelector(".catalog-found li")`),
		chromedp.Evaluate(plainShown, &got), chromedp.Sleep(time.Second), chromedp.Evaluate(`document.documentElement.dataset.app || ""`, &app))
	if !slices.Equal(got.Names, want) || !slices.Equal(got.Years, wantYears) || got.Count != fmt.Sprintf("找到 %d 个机关", len(want)) {
		t.Errorf("%s before the app lists %q with years %q, says %q; want %q with %q", href, got.Names, got.Years, got.Count, want, wantYears)
	}
	if label := "数据校验：" + catalog.HasFindings.Label(); !strings.Contains(got.Notice, label) || !strings.Contains(got.Notice, strconv.Itoa(year)+"年") ||
		!slices.Equal(got.All, []string{b.href("/reports"), "", ""}) {
		t.Errorf("%s: the notice says %q and links %q; want %q, the year, and a link without the filters", href, got.Notice, got.All, label)
	}
	if reqs := b.takeRequests(); app != "" || requested(reqs, ".wasm") {
		t.Errorf("%s started the app before a touch (state %q, app.wasm fetched %v)", href, app, requested(reqs, ".wasm"))
	}
	b.checkAxe(t, "/reports?status= before the app")
	b.checkTargets(t, "/reports?status= before the app")
	// The app takes the filters over at the first act.
	var status string
	b.run(t, "a key", chromedp.KeyEvent(kb.Tab), b.poll(appReady), b.poll(rowsShown(reports)),
		chromedp.Evaluate(`document.getElementById("catalog-status").value`, &status))
	if status != string(catalog.HasFindings) {
		t.Errorf("%s with the app: the consistency's select says %q", href, status)
	}

	// A level: its bodies, every report of theirs.
	level := v.index.Bodies[0].Level
	want, wantYears = nil, nil
	for i := range v.index.Bodies {
		if body, es := v.index.FindBody(v.index.Bodies[i].ID); body.Level == level {
			want = append(want, body.Name)
			ys := make([]string, len(es))
			for j, e := range es {
				ys[j] = strconv.Itoa(e.Year)
			}
			wantYears = append(wantYears, strings.Join(ys, " "))
		}
	}
	path := "/reports?wasm=false&level=" + url.QueryEscape(level)
	b.run(t, "a level", chromedp.Navigate(b.at(path)), b.poll(`document.querySelector(".catalog-found li")`), chromedp.Evaluate(plainShown, &got))
	if !slices.Equal(got.Names, want) || !slices.Equal(got.Years, wantYears) || !strings.Contains(got.Notice, "层级："+level) {
		t.Errorf("%s lists %q with years %q, the notice %q; want %q with %q", path, got.Names, got.Years, got.Notice, want, wantYears)
	}
	// A consistency the page has no words for, or a year that is not
	// one, is the app's to say: the page answers none of the address.
	for _, path := range []string{"/reports?status=nonsense&year=" + strconv.Itoa(year), "/reports?year=abc&level=" + url.QueryEscape(level)} {
		var notices int
		b.run(t, path, chromedp.Navigate(b.at(path)), chromedp.Evaluate(`document.querySelectorAll(".catalog-asked, .catalog-found").length`, &notices),
			b.poll(`document.documentElement.dataset.app === "running"`))
		if notices != 0 {
			t.Errorf("%s: the page answered in part before the app", path)
		}
	}
	// The directory unreachable: the page says so and lists its bodies.
	b.run(t, "a level, the directory unreachable", onNewDocument(`(() => {
			const real = window.fetch;
			window.fetch = (u, ...rest) => String(u).includes("/data/index") ? Promise.reject(new TypeError("offline (test)")) : real(u, ...rest);
		})()`), chromedp.Navigate(b.at(path)), b.poll(`document.getElementById("catalog-count").textContent.startsWith("未能读取")`),
		chromedp.Evaluate(plainShown, &got))
	if len(got.Names) != len(v.index.Bodies) || got.Notice != "" {
		t.Errorf("%s, the directory unreachable: %d bodies listed (want the page's %d), the count %q, the notice %q (want none: no filter applied)",
			path, len(got.Names), len(v.index.Bodies), got.Count, got.Notice)
	}
}
