package e2e

// BenchmarkSoak is a kiosk's day on the shipped portal: 2,000 in-app
// navigations (tabs, 图/表,
// drill-downs, report switches, the catalog's pages and searches), left
// alone every 500 until the idle reset takes it home, printing every 100 the JS
// heap (after a garbage collection), the Go runtime's memory, the DOM's
// nodes and the ECharts instances alive. BenchmarkInteraction is the time
// from an in-app link's click to the new page's first chart drawn, per
// page, at 4x CPU slowdown. Both print and never fail on their figures:
// `make soak`.

import (
	"context"
	"fmt"
	"math/rand"
	"net/http/httptest"
	"os"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/chromedp"

	ui "nianbao/app"
	"nianbao/web/site"
)

// soakSite builds the shipped portal and serves it, with a Chromium of
// its own.
func soakSite(b *testing.B) (*httptest.Server, context.Context, func()) {
	portalSite.build(b)
	srv := httptest.NewServer(site.Handler(portalSite.dir))
	ctx, done := freshBrowser(b, 24*time.Hour)
	return srv, ctx, func() { done(); srv.Close() }
}

type soakSample struct {
	Heap  float64 `json:"heap"`
	Go    float64 `json:"go"`  // Go heap in use after a collection
	Sys   float64 `json:"sys"` // memory the Go runtime holds
	Nodes int     `json:"nodes"`
	Live  int     `json:"live"`
}

// soakReady is appReady for a page where some charts show their tables.
const soakReady = `(() => {
	if (document.documentElement.dataset.app !== "running" || document.getElementById("app-wasm-loader") || document.querySelector("main .loading") || !window.echarts) return false;
	return [...document.querySelectorAll(".chart-canvas:not([hidden])")].every(el => !!echarts.getInstanceByDom(el));
})()`

func BenchmarkSoak(b *testing.B) {
	srv, ctx, done := soakSite(b)
	defer done()
	steps := 2000
	if n, err := strconv.Atoi(os.Getenv("SOAK_STEPS")); err == nil && n > 0 {
		steps = n
	}
	run := func(what string, actions ...chromedp.Action) {
		c, cancel := context.WithTimeout(ctx, time.Minute)
		defer cancel()
		if err := chromedp.Run(c, actions...); err != nil {
			b.Fatalf("%s: %v", what, err)
		}
	}
	// A kiosk: after 5 s with no touch the page goes home by a full load.
	run("home", chromedp.Navigate(srv.URL+"/?kiosk=1&idle=5"), poll(appReady))
	rng := rand.New(rand.NewSource(1))
	// Searches by a part of a body's name, and the front page and a few
	// reports of different bodies to switch to.
	var queries []string
	reports := []string{"/"}
	for i, body := range portalSite.index.Bodies {
		if i < 6 {
			queries = append(queries, string([]rune(body.Name)[max(0, len([]rune(body.Name))-3):]))
		}
		if _, es := portalSite.index.FindBody(body.ID); i < 5 {
			reports = append(reports, ui.ReportPath(es[0].ID, "/"))
		}
	}
	resets := 0
	var samples []soakSample
	for i := 1; i <= steps; i++ {
		// One step: mostly a tab of the report in view, sometimes 图/表, a
		// drill-down or another report, as visitors at a kiosk do.
		var js string
		switch k := rng.Intn(12); {
		case k < 6:
			p := ui.ReportPages[rng.Intn(len(ui.ReportPages))].Path
			js = fmt.Sprintf(`(() => { const a = [...document.querySelectorAll(".nav a")].find(a => a.pathname.endsWith(%q)); a && a.click(); return true; })()`, p)
		case k < 8:
			js = `(() => { const b = [...document.querySelectorAll(".switch button[aria-pressed=false]")]; b.length && b[0].click(); return true; })()`
		case k < 9:
			js = `(() => { const a = document.querySelectorAll(".drill a"); a.length && a[Math.floor(Math.random() * a.length)].click(); return true; })()`
		case k < 10:
			r := reports[rng.Intn(len(reports))]
			js = fmt.Sprintf(`(() => { history.pushState({}, "", %q); dispatchEvent(new PopStateEvent("popstate")); return true; })()`, r)
		case k < 11:
			// The catalog's pages: 全部报告, 比较, 排名, 说明.
			p := ui.CatalogPages[rng.Intn(len(ui.CatalogPages))].Path
			js = fmt.Sprintf(`(() => { const a = [...document.querySelectorAll(".nav-site a")].find(a => a.pathname.endsWith(%q)); a && a.click(); return true; })()`, p)
		default:
			// A search typed in the catalog (the catalog first if elsewhere).
			js = fmt.Sprintf(`(() => {
				const q = document.querySelector("#catalog-q");
				if (!q) { const a = [...document.querySelectorAll(".nav-site a")].find(a => a.pathname.endsWith("/reports")); a && a.click(); return true; }
				q.value = %q; q.dispatchEvent(new Event("input", {bubbles: true})); return true;
			})()`, queries[rng.Intn(len(queries))])
		}
		// A visitor's touch first: it holds off the idle reset.
		touch := `document.dispatchEvent(new PointerEvent("pointerdown", {bubbles: true}))`
		run("step "+strconv.Itoa(i), chromedp.Evaluate(touch, nil), chromedp.Evaluate(js, nil), poll(soakReady))
		if i%500 == 0 && i < steps {
			// Left alone, the kiosk resets itself: home, by a full load.
			run("idle reset", chromedp.Evaluate(`window.nianbaoSoakMark = true`, nil),
				poll(`!window.nianbaoSoakMark && location.pathname === "/"`), poll(appReady))
			resets++
		}
		if i%100 == 0 {
			var s soakSample
			run("sample", chromedp.Evaluate(`nianbao.test.heap()`, nil),
				chromedp.ActionFunc(func(ctx context.Context) error { return heapprofiler.CollectGarbage().Do(ctx) }),
				chromedp.Evaluate(`({heap: performance.memory.usedJSHeapSize, go: nianbao.test.heap(), sys: nianbao.test.mem(),
					nodes: document.getElementsByTagName("*").length, live: nianbao.test.liveCharts()})`, &s))
			samples = append(samples, s)
		}
	}
	fmt.Printf("\nSoak: %d in-app navigations (tabs, 图/表, drill-downs, report switches, catalog pages, searches) in a kiosk, %d idle resets (every 500)\n", steps, resets)
	fmt.Printf("%6s %12s %14s %14s %8s %8s\n", "step", "JS heap MB", "Go in use MB", "Go holds MB", "nodes", "charts")
	for i, s := range samples {
		fmt.Printf("%6d %12.2f %14.2f %14.2f %8d %8d\n", (i+1)*100, s.Heap/1e6, s.Go/1e6, s.Sys/1e6, s.Nodes, s.Live)
	}
	if len(samples) > 1 {
		first, last := samples[0], samples[len(samples)-1]
		fmt.Printf("growth after the first 100: JS heap %+.1f%%, Go heap in use %+.1f%%, Go runtime's memory %+.1f%%\n",
			100*(last.Heap-first.Heap)/first.Heap, 100*(last.Go-first.Go)/first.Go, 100*(last.Sys-first.Sys)/first.Sys)
		// A sample is of whatever page is in view (52 to 193 nodes): the
		// peaks of the first and the last 500 steps compare like with like.
		peak := func(ss []soakSample) (p soakSample) {
			for _, s := range ss {
				p.Heap, p.Go, p.Sys = max(p.Heap, s.Heap), max(p.Go, s.Go), max(p.Sys, s.Sys)
				p.Nodes, p.Live = max(p.Nodes, s.Nodes), max(p.Live, s.Live)
			}
			return p
		}
		n := min(5, len(samples)/2)
		a, z := peak(samples[:n]), peak(samples[len(samples)-n:])
		fmt.Printf("peak of the first %d samples vs the last %d: JS heap %.2f → %.2f MB, Go heap in use %.2f → %.2f MB, Go runtime %.2f → %.2f MB, nodes %d → %d, charts %d → %d\n",
			n, n, a.Heap/1e6, z.Heap/1e6, a.Go/1e6, z.Go/1e6, a.Sys/1e6, z.Sys/1e6, a.Nodes, z.Nodes, a.Live, z.Live)
	}
}

func BenchmarkInteraction(b *testing.B) {
	srv, ctx, done := soakSite(b)
	defer done()
	run := func(what string, actions ...chromedp.Action) {
		c, cancel := context.WithTimeout(ctx, time.Minute)
		defer cancel()
		if err := chromedp.Run(c, actions...); err != nil {
			b.Fatalf("%s: %v", what, err)
		}
	}
	// A report's pages (of the portal's first report) and the catalog's.
	r := portalSite.index.Reports[0].ID
	var paths []string
	for _, p := range ui.ReportPages {
		paths = append(paths, ui.ReportPath(r, p.Path))
	}
	for _, p := range ui.CatalogPages {
		paths = append(paths, p.Path)
	}
	run("home", chromedp.Navigate(srv.URL+ui.ReportPath(r, "/")), poll(appReady), emulation.SetCPUThrottlingRate(cpuSlowdown))
	times := map[string][]float64{}
	for round := 0; round < 5; round++ {
		for _, p := range paths {
			var ms float64
			js := fmt.Sprintf(`new Promise(done => {
				const a = [...document.querySelectorAll(".nav a, .brand-name")].find(a => a.pathname === %q);
				const t0 = performance.now();
				if (a) a.click(); else { history.pushState({}, "", %q); dispatchEvent(new PopStateEvent("popstate")); }
				const ready = () => location.pathname === %q && document.documentElement.dataset.app === "running" && !document.querySelector("main .loading") &&
					[...document.querySelectorAll(".chart-canvas")].every(el => { const i = echarts.getInstanceByDom(el); return i && el.querySelector("canvas"); });
				const wait = () => ready() ? requestAnimationFrame(() => done(performance.now() - t0)) : setTimeout(wait, 0);
				wait();
			})`, p, p, p)
			run("nav "+p, chromedp.Evaluate(js, &ms, awaitPromise))
			times[p] = append(times[p], ms)
		}
	}
	fmt.Printf("\nInteraction: an in-app link to the new page drawn, %dx CPU slowdown, 5 rounds\n", cpuSlowdown)
	fmt.Printf("%-32s %10s %10s\n", "page", "median ms", "max ms")
	for _, p := range paths {
		t := times[p]
		sort.Float64s(t)
		fmt.Printf("%-32s %10.0f %10.0f\n", p, t[len(t)/2], t[len(t)-1])
	}
}
