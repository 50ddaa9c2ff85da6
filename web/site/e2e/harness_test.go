package e2e

// The harness: one Chromium for the process, a tab per test, and what the
// tests ask of a page.

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

const chromium = "/usr/bin/chromium"

// chrome is the process's Chromium, started by the first test that needs it.
var chrome struct {
	once      sync.Once
	ctx       context.Context
	cancel    func()
	downloads string // where it saves what a page downloads
	err       error
}

// chromeOptions start Debian's Chromium headless, in a profile of its own,
// with nothing reaching out to the network by itself.
func chromeOptions(profile string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium), chromedp.UserDataDir(profile),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true), chromedp.WindowSize(1280, 900),
		// Every window draws and runs its timers as if in front: the
		// tests' windows run side by side.
		chromedp.Flag("disable-background-timer-throttling", true), chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
		// The tests' https servers (sharing, framing) have certificates of
		// their own: trusted by every target of the browser, a page's
		// service worker too, not by the page's alone.
		chromedp.Flag("ignore-certificate-errors", true),
		// What Chrome on Android tells a page of its link (wifi,
		// cellular: navigator.connection.type, which the site's fetch
		// ahead reads); desktop Chromium keeps it hidden. The tests'
		// link is then "ethernet" unless a test emulates another
		// (network.OverrideNetworkState's connection type).
		chromedp.Flag("enable-blink-features", "NetInfoDownlinkMax"),
	}
}

// browser is the process's Chromium; with -short the test skips.
func browser(t testing.TB) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("Chromium tests run in make test, not with -short")
	}
	chrome.once.Do(func() {
		if _, err := os.Stat(chromium); err != nil {
			chrome.err = fmt.Errorf("Chromium from Debian is needed (apt-get install chromium): %w", err)
			return
		}
		chrome.downloads = filepath.Join(work, "downloads")
		actx, acancel := chromedp.NewExecAllocator(context.Background(), chromeOptions(filepath.Join(work, "profile"))...)
		ctx, cancel := chromedp.NewContext(actx)
		chrome.ctx, chrome.cancel = ctx, func() { cancel(); acancel() }
		chrome.err = chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
			c := chromedp.FromContext(ctx)
			return cdpbrowser.SetDownloadBehavior(cdpbrowser.SetDownloadBehaviorBehaviorAllow).
				WithDownloadPath(chrome.downloads).Do(cdp.WithExecutor(ctx, c.Browser))
		}))
	})
	if chrome.err != nil {
		t.Fatalf("starting Chromium: %v", chrome.err)
	}
	return chrome.ctx
}

// freshBrowser starts a Chromium of its own (empty caches, no worker) for
// at most limit, for a benchmark's measure; the func closes it.
func freshBrowser(tb testing.TB, limit time.Duration) (context.Context, func()) {
	tb.Helper()
	if _, err := os.Stat(chromium); err != nil {
		tb.Fatalf("Chromium from Debian is needed (apt-get install chromium): %v", err)
	}
	profile, err := os.MkdirTemp(work, "profile-")
	if err != nil {
		tb.Fatal(err)
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), chromeOptions(profile)...)
	bctx, cancel := chromedp.NewContext(actx)
	ctx, tcancel := context.WithTimeout(bctx, limit)
	// The browser starts on its context's first Run: on this one, not
	// on a step's, whose time limit would close it.
	if err := chromedp.Run(bctx); err != nil {
		tb.Fatal(err)
	}
	return ctx, func() { tcancel(); cancel(); acancel() }
}

func closeBrowser() {
	if chrome.cancel != nil {
		chrome.cancel()
	}
}

// tab is a test's tab, on a server of its own, watching what the page asks
// for and says.
type tab struct {
	ctx  context.Context
	srv  *httptest.Server
	site *variant
	// otherOrigins are servers of the test's own, of other origins, that
	// the page may ask for (a portal's page framing the site).
	otherOrigins []string

	mu       sync.Mutex
	requests []string
	problems []string
}

// newTab serves the site (built if it is not yet) on a server of its own
// and opens a tab on it. When the test ends, every error the pages reported
// and every request to another origin fails it, and the tab and the
// onNewDocument runs script in every document the tab opens from now on,
// before the page's own.
func onNewDocument(script string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(script).Do(ctx)
		return err
	})
}

// server close.
func newTab(t testing.TB, v *variant) *tab {
	t.Helper()
	browser(t)
	v.build(t)
	return openTab(t, v, v.serve(t))
}

// openTab opens a tab on a server of the site's that the test made.
func openTab(t testing.TB, v *variant, srv *httptest.Server) *tab {
	t.Helper()
	bctx := browser(t)
	// A window of its own: a background tab in a window is hidden, and
	// draws nothing (no animation frames, no resize observers).
	c := chromedp.FromContext(bctx)
	id, err := target.CreateTarget("about:blank").WithNewWindow(true).WithWidth(1280).WithHeight(900).Do(cdp.WithExecutor(bctx, c.Browser))
	if err != nil {
		t.Fatalf("opening a window: %v", err)
	}
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithTargetID(id))
	b := &tab{ctx: ctx, srv: srv, site: v}
	chromedp.ListenTarget(ctx, b.listen)
	addProbe := onNewDocument(loaderProbe)
	// Each page has the focus, as the window a visitor uses does. The
	// origin starts empty: the browser is the process's, and a closed
	// server's port, given again to this one, would bring that site's
	// service worker and caches (a page of another site served at "/").
	if err := chromedp.Run(ctx, storage.ClearDataForOrigin(srv.URL, "all"), network.Enable(), log.Enable(), runtime.Enable(), addProbe, emulation.SetFocusEmulationEnabled(true)); err != nil {
		cancel()
		t.Fatalf("opening a tab: %v", err)
	}
	t.Cleanup(func() {
		for _, u := range b.takeRequests() {
			if !strings.HasPrefix(u, srv.URL+"/") && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") &&
				!slices.ContainsFunc(b.otherOrigins, func(o string) bool { return strings.HasPrefix(u, o+"/") }) {
				t.Errorf("request to another origin: %s", u)
			}
		}
		for _, p := range b.takeProblems() {
			t.Error(p)
		}
		cancel()
	})
	return b
}

func (b *tab) listen(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		b.requests = append(b.requests, ev.Request.URL)
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.APITypeError || ev.Type == runtime.APITypeAssert {
			var args []string
			for _, a := range ev.Args {
				args = append(args, string(a.Value)+a.Description)
			}
			b.problems = append(b.problems, "console error: "+strings.Join(args, " "))
		}
	case *runtime.EventExceptionThrown:
		b.problems = append(b.problems, "exception: "+ev.ExceptionDetails.Error())
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.LevelError {
			b.problems = append(b.problems, fmt.Sprintf("log %s: %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		}
	}
}

// loaderProbe runs before each page's scripts and records the highest
// percentage the app's loading notice showed (window.__loaderMax).
const loaderProbe = `new MutationObserver(() => {
  const el = document.getElementById("app-wasm-loader-label");
  const m = el && el.textContent.match(/(\d+)%/);
  if (m) window.__loaderMax = Math.max(window.__loaderMax || 0, +m[1]);
}).observe(document, {subtree: true, childList: true, characterData: true});`

// at is the URL of a path of the site (without its base).
func (b *tab) at(p string) string { return b.srv.URL + b.site.base + p }

// href is a link's href to a path of the site, as its pages write it.
func (b *tab) href(p string) string { return b.site.base + p }

// run runs actions with a time limit; on failure it says where the page
// was and what it reported.
func (b *tab) run(t testing.TB, what string, actions ...chromedp.Action) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Run(ctx, actions...); err != nil {
		var state string
		sctx, scancel := context.WithTimeout(b.ctx, 5*time.Second)
		defer scancel()
		chromedp.Run(sctx, chromedp.Evaluate(`JSON.stringify({url: location.href, loader: document.getElementById("app-wasm-loader")?.textContent, echarts: !!window.echarts, charts: document.querySelectorAll(".chart-canvas").length, live: window.nianbao && nianbao.test && nianbao.test.liveCharts(), app: document.documentElement.dataset.app})`, &state))
		t.Fatalf("%s: %v\npage: %s\nproblems: %q", what, err, state, b.takeProblems())
	}
}

// eval evaluates a JS expression into out.
func (b *tab) eval(t testing.TB, expr string, out any) {
	t.Helper()
	b.run(t, expr, chromedp.Evaluate(expr, out))
}

// load opens a path of the site and waits for the app and its charts.
func (b *tab) load(t testing.TB, path string) {
	t.Helper()
	b.run(t, "loading "+path, chromedp.Navigate(b.at(path)), b.poll(appReady))
}

// loadPlain opens a path of the site without the app (?wasm=false) and
// waits for the site's script.
func (b *tab) loadPlain(t testing.TB, path string) {
	t.Helper()
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	b.run(t, "loading "+path+" without the app", chromedp.Navigate(b.at(path+sep+"wasm=false")),
		b.poll(`document.readyState === "complete" && !!window.nianbao`), b.poll(everyChartDrawn))
}

// goInApp goes to a path within the app, as its links do (pushState and a
// popstate: no new page load), and waits for the page.
func (b *tab) goInApp(t testing.TB, path string) {
	t.Helper()
	b.run(t, "to "+path, chromedp.Evaluate(fmt.Sprintf(`history.pushState({}, "", %q); window.onpopstate(new PopStateEvent("popstate")); true`, b.href(path)), nil),
		b.poll(fmt.Sprintf(`location.pathname + location.search === %q`, path)), b.poll(appReady))
}

// takeRequests returns and clears the URLs the page asked for.
func (b *tab) takeRequests() []string { return b.take(&b.requests) }

// takeProblems returns and clears what the page reported as errors.
func (b *tab) takeProblems() []string { return b.take(&b.problems) }

// ignoreProblems drops what the page reported so far: for a test that
// makes pages fail on purpose.
func (b *tab) ignoreProblems() { b.takeProblems() }

func (b *tab) take(list *[]string) []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	l := *list
	*list = nil
	return l
}

// poll evaluates a JS expression until it is true. Paths in the
// expression (location.pathname) are the site's, without its base.
func (b *tab) poll(expr string) chromedp.Action {
	return poll(strings.ReplaceAll(expr, "location.pathname", fmt.Sprintf("location.pathname.slice(%d)", len(b.site.base))))
}

// poll evaluates a JS expression until it is true, for at most 30 s.
// (chromedp.Poll builds its predicate with new Function, which the site's
// CSP rightly refuses; Runtime.evaluate from DevTools is not subject to the
// page's CSP.)
func poll(expr string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		deadline := time.Now().Add(30 * time.Second)
		for {
			var ok bool
			err := chromedp.Evaluate("!!("+expr+")", &ok).Do(ctx)
			if err == nil && ok {
				return nil
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("still false after 30 s (last error %v): %s", err, expr)
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
}

// appReady is true once the WASM app runs and has drawn its page, with an
// ECharts instance and its canvas for every chart of the page. The app
// starts at a visitor's first touch and draws a chart as it comes near
// the screen: appReady starts the app and draws every chart through the
// test build's hooks (the tests of the start itself do not use it).
const appReady = `(() => {
	const t = window.nianbao && window.nianbao.test;
	if (!t) return false;
	t.start();
	if (document.documentElement.dataset.app !== "running" || document.getElementById("app-wasm-loader") || document.querySelector("main .loading")) return false;
	// A chart shown as its table (图/表, ?table=) has its drawing hidden.
	return ` + everyChartDrawn + ` && [...document.querySelectorAll(".chart-canvas")].every(el => el.hidden || ` + chartShown + `);
})()`

// everyChartDrawn draws every chart of the page, near the screen or not,
// through the test build's hook, and is true once each has its ECharts
// instance and canvas.
const everyChartDrawn = `(() => {
	const els = [...document.querySelectorAll(".chart-canvas")];
	if (!els.length) return true;
	// Not awaited: the poll asks again. A load of ECharts that fails (a
	// navigation cuts it) rejects; the next poll tries again, and a
	// rejection left unhandled would be the page's exception.
	window.nianbao.test.drawAll().catch(() => {});
	if (!window.echarts) return false;
	return els.every(el => { const i = echarts.getInstanceByDom(el); return i && el.querySelector("canvas"); });
})()`

// chartShown is true when the chart element el is on the page with a size
// (an instance drawn into an element that is not displayed shows nothing).
const chartShown = `(el.offsetWidth > 0 && el.offsetHeight > 0 && el.querySelector("canvas").width > 0)`

type chartState struct {
	Charts int `json:"charts"`
	Live   int `json:"live"`
}

const chartStateJS = `({charts: document.querySelectorAll(".chart-canvas").length, live: window.nianbao.test.liveCharts()})`

// showTables switches every chart of the page to its table.
const showTables = `(() => { document.querySelectorAll(".switch-table").forEach(b => b.click()); return true; })()`

// showCharts switches every chart of the page back to its drawing.
const showCharts = `(() => { document.querySelectorAll(".switch-chart").forEach(b => b.click()); return true; })()`

// tablesShown is true when every chart's table is visible.
const tablesShown = `[...document.querySelectorAll(".chart-table")].every(t => !t.hidden && t.offsetHeight > 0)`

// showAllTables switches every chart to its table and waits for them.
func (b *tab) showAllTables(t testing.TB) {
	t.Helper()
	b.run(t, "showing the tables", chromedp.Evaluate(showTables, nil), b.poll(tablesShown))
}

// awaitPromise makes chromedp.Evaluate wait for the promise it returns.
func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }

// axeSource is axe-core, installed by npm ci.
var axeSource = sync.OnceValues(func() (string, error) {
	b, err := os.ReadFile(filepath.Join(repoRoot, "node_modules", "axe-core", "axe.min.js"))
	return string(b), err
})

type axeResult struct {
	Passes     []struct{ ID string } `json:"passes"`
	Violations []struct {
		ID    string `json:"id"`
		Help  string `json:"help"`
		Nodes []struct {
			HTML string `json:"html"`
		} `json:"nodes"`
	} `json:"violations"`
}

// checkAxe runs axe-core on the page for WCAG 2.x A and AA.
func (b *tab) checkAxe(t testing.TB, where string) {
	t.Helper()
	axe, err := axeSource()
	if err != nil {
		t.Fatalf("axe-core is installed by npm ci: %v", err)
	}
	var present bool
	b.eval(t, `!!window.axe`, &present)
	if !present {
		b.run(t, "injecting axe-core", chromedp.Evaluate(axe+";true", &present))
	}
	var res axeResult
	b.run(t, "axe.run", chromedp.Evaluate(`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}})`,
		&res, awaitPromise))
	if len(res.Passes) == 0 {
		t.Errorf("%s: axe-core checked nothing", where)
	}
	for _, v := range res.Violations {
		var nodes []string
		for _, n := range v.Nodes {
			nodes = append(nodes, n.HTML)
		}
		t.Errorf("%s: axe %s: %s: %s", where, v.ID, v.Help, strings.Join(nodes, " | "))
	}
}

// checkTargets measures every control: at least 44 by 44 CSS pixels.
func (b *tab) checkTargets(t testing.TB, where string) {
	t.Helper()
	var small []string
	b.eval(t, `[...document.querySelectorAll(".nav a, .brand-name, .switch-report, .report-link, .table-download a, button, .drill a, summary, .body-link, .year-link, .button, input, select")]
		.filter(e => e.offsetParent !== null)
		.map(e => { const r = e.getBoundingClientRect(); return [e.textContent.trim().slice(0, 20), r.width, r.height]; })
		.filter(([, w, h]) => w < 44 || h < 44)
		.map(x => JSON.stringify(x))`, &small)
	for _, s := range small {
		t.Errorf("%s: control smaller than 44 px: %s", where, s)
	}
}

// downloaded waits up to ten seconds for a file the browser downloads, by
// its name, and removes it once read.
func downloaded(t testing.TB, name string) []byte {
	t.Helper()
	path := filepath.Join(chrome.downloads, name)
	for i := 0; i < 200; i++ {
		if got, err := os.ReadFile(path); err == nil {
			os.Remove(path)
			return got
		}
		time.Sleep(50 * time.Millisecond)
	}
	names, _ := filepath.Glob(filepath.Join(chrome.downloads, "*"))
	t.Fatalf("no %s downloaded; the folder holds %q", name, names)
	return nil
}
