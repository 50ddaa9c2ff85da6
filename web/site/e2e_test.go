package site

// The end-to-end test: build dist/, serve it on loopback as a static web
// server would, and drive Debian's Chromium through every page.

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	ui "nianbao/app"
	"nianbao/charts"
	"nianbao/charts/echarts"
	"nianbao/data"
	"nianbao/data/dataset"
)

const chromium = "/usr/bin/chromium"

// browser is a headless Chromium watching what the page asks for and says.
type browser struct {
	ctx    context.Context
	cancel func()

	mu       sync.Mutex
	requests []string
	problems []string
}

// shippedSite builds the shipped reports into a temporary folder and serves
// them, with a browser to drive them; with -short it skips before building.
// Both close when the test ends.
func shippedSite(t *testing.T) (*httptest.Server, *browser) {
	t.Helper()
	b := newBrowser(t)
	t.Cleanup(b.cancel)
	dir := filepath.Join(t.TempDir(), "dist")
	buildSite(t, testOptions(t, dir))
	srv := httptest.NewServer(siteHandler(dir))
	t.Cleanup(srv.Close)
	return srv, b
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	if testing.Short() {
		t.Skip("Chromium tests run in make test, not with -short")
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Fatalf("Chromium from Debian is needed (apt-get install chromium): %v", err)
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), chromeOptions(t)...)
	ctx, cancel := chromedp.NewContext(actx)
	b := &browser{ctx: ctx, cancel: func() { cancel(); acancel() }}
	chromedp.ListenTarget(ctx, func(ev interface{}) {
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
	})
	addProbe := chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(loaderProbe).Do(ctx)
		return err
	})
	if err := chromedp.Run(ctx, network.Enable(), log.Enable(), runtime.Enable(), addProbe); err != nil {
		b.cancel()
		t.Fatalf("starting Chromium: %v", err)
	}
	return b
}

// loaderProbe runs before each page's scripts and records the highest
// percentage go-app's loading notice showed (window.__loaderMax).
const loaderProbe = `new MutationObserver(() => {
  const el = document.getElementById("app-wasm-loader-label");
  const m = el && el.textContent.match(/(\d+)%/);
  if (m) window.__loaderMax = Math.max(window.__loaderMax || 0, +m[1]);
}).observe(document, {subtree: true, childList: true, characterData: true});`

// chromeOptions start Debian's Chromium headless, in a profile of its own,
// with nothing reaching out to the network by itself.
func chromeOptions(t testing.TB) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium), chromedp.UserDataDir(profileDir(t)),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true), chromedp.WindowSize(1280, 900),
	}
}

// profileDir is a folder for a browser profile. Chromium may still be
// writing to it for a moment after it was killed, so it is removed with a
// few tries rather than by t.TempDir, whose cleanup fails the test.
func profileDir(t testing.TB) string {
	dir, err := os.MkdirTemp("", "nianbao-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for i := 0; i < 20 && os.RemoveAll(dir) != nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
	})
	return dir
}

// buildSite builds the site and returns the default report.
func buildSite(t testing.TB, o Options) *data.Report {
	t.Helper()
	if err := Build(o); err != nil {
		t.Fatalf("build: %v", err)
	}
	reports, err := dataset.ReadDir(o.Datasets)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reports {
		if r.ID == data.DefaultID {
			return r
		}
	}
	t.Fatal("no default report")
	return nil
}

// run runs actions with a time limit.
func (b *browser) run(t *testing.T, what string, actions ...chromedp.Action) {
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

// takeProblems returns and clears what the page reported as errors.
func (b *browser) takeProblems() []string { return b.take(&b.problems) }

// takeRequests returns and clears the URLs the page asked for.
func (b *browser) takeRequests() []string { return b.take(&b.requests) }

func (b *browser) take(list *[]string) []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	l := *list
	*list = nil
	return l
}

// poll evaluates a JS expression until it is true. (chromedp.Poll builds
// its predicate with new Function, which the site's CSP rightly refuses;
// Runtime.evaluate from DevTools is not subject to the page's CSP.)
func poll(expr string) chromedp.Action {
	// Paths in the expression are the site's, without the base it is
	// served under.
	expr = strings.ReplaceAll(expr, "location.pathname", fmt.Sprintf("location.pathname.slice(%d)", len(testBase)))
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

// appReady is true once the WASM app has mounted (go-app removes its loader)
// and every chart on the page has an ECharts instance with its canvas.
const appReady = `(() => {
	if (document.documentElement.dataset.app !== "running" || document.getElementById("app-wasm-loader") || document.querySelector("main .loading")) return false;
	if (!window.echarts) return false;
	const els = [...document.querySelectorAll(".chart-canvas")];
	return els.every(el => { const i = echarts.getInstanceByDom(el); return i && el.querySelector("canvas") && ` + chartShown + `; });
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

// tablesShown is true when every chart's table is visible.
const tablesShown = `[...document.querySelectorAll(".chart-table")].every(t => !t.hidden && t.offsetHeight > 0)`

func axeSource(t *testing.T) string {
	b, err := os.ReadFile(filepath.Join(repoRoot, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core is installed by npm ci: %v", err)
	}
	return string(b)
}

type axeResult struct {
	Passes     []struct{ ID string } `json:"passes"`
	Violations []struct {
		ID    string `json:"id"`
		Help  string `json:"help"`
		Nodes []struct {
			Target []interface{} `json:"target"`
			HTML   string        `json:"html"`
		} `json:"nodes"`
	} `json:"violations"`
}

// checkAxe runs axe-core on the page for WCAG 2.x A and AA.
func (b *browser) checkAxe(t *testing.T, axe, where string) {
	t.Helper()
	var installed bool
	b.run(t, "injecting axe-core", chromedp.Evaluate(axe+";true", &installed))
	var res axeResult
	b.run(t, "axe.run", chromedp.Evaluate(`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}})`,
		&res, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
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

// pageTexts are the numbers each page's tables must show, from the same
// chart functions the pages use.
func pageTables(r *data.Report) map[string][]charts.Table {
	return map[string][]charts.Table{
		"/":           {echarts.Outcomes(r, "").Table},
		"/outcomes":   {echarts.Outcomes(r, "").Table, echarts.Flow(r).Table},
		"/applicants": {echarts.Applicants(r).Table, echarts.OutcomesByApplicant(r).Table},
		"/appeals":    {echarts.Appeals(r).Table},
		"/disclosure": {echarts.Disclosure(r).Table},
	}
}

// TestExplorerInChromium runs the whole suite twice: with the site at the
// root of its origin, and built with -base and served under that path, as
// a portal hosts a tool.
func TestExplorerInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("Chromium tests run in make test, not with -short")
	}
	for _, base := range []string{"", "/nianbao"} {
		name := "at the root"
		if base != "" {
			name = "under " + base
		}
		t.Run(name, func(t *testing.T) { explore(t, base) })
	}
}

// downloaded waits up to five seconds for the file the browser downloads.
func downloaded(t *testing.T, path string) []byte {
	t.Helper()
	for i := 0; i < 100; i++ {
		if got, err := os.ReadFile(path); err == nil {
			return got
		}
		time.Sleep(50 * time.Millisecond)
	}
	names, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*"))
	t.Fatalf("no %s downloaded; the folder holds %q", filepath.Base(path), names)
	return nil
}

// testBase is the base path of the site explore drives: poll and at read it.
var testBase string

func explore(t *testing.T, base string) {
	testBase = base
	defer func() { testBase = "" }()
	dir := filepath.Join(t.TempDir(), "dist")
	o := testOptions(t, dir)
	o.Base = base
	o.Precache = "淮安市洪泽区人民政府" // as a service hall of that body would
	def := buildSite(t, o)
	handler := siteHandler(dir)
	if base != "" {
		handler = http.StripPrefix(base, handler)
	}
	srv := httptest.NewServer(handler)
	defer srv.Close()
	at := func(p string) string { return srv.URL + base + p }
	tables := pageTables(def)
	axe := axeSource(t)

	b := newBrowser(t)
	defer b.cancel()

	for _, p := range ui.ReportPages {
		t.Run("page "+p.Path, func(t *testing.T) {
			b.run(t, "loading "+p.Path, chromedp.Navigate(at(p.Path)), poll(appReady))
			var st chartState
			b.run(t, "chart state", chromedp.Evaluate(chartStateJS, &st))
			if st.Live != st.Charts {
				t.Errorf("%d ECharts instances alive for %d charts", st.Live, st.Charts)
			}
			if want := len(tables[p.Path]); st.Charts != want {
				t.Errorf("%d charts drawn, want %d", st.Charts, want)
			}
			var title string
			b.run(t, "title", chromedp.Title(&title))
			if !strings.Contains(title, p.Label) || !strings.Contains(title, def.Body) {
				t.Errorf("title %q lacks %s and %s", title, p.Label, def.Body)
			}
			b.checkAxe(t, axe, p.Path+" (charts)")
			var loaderMax float64
			b.run(t, "loader", chromedp.Evaluate(`window.__loaderMax || 0`, &loaderMax))
			if loaderMax > 100 {
				t.Errorf("the loading notice counted to %.0f%%", loaderMax)
			}

			b.run(t, "showing tables", chromedp.Evaluate(showTables, nil), poll(tablesShown))
			var text string
			b.run(t, "reading tables", chromedp.Text("main", &text, chromedp.ByQuery))
			for _, tbl := range tables[p.Path] {
				for _, row := range tbl.Rows {
					if !strings.Contains(text, row.Head) {
						t.Errorf("table %q: row %q not shown", tbl.Caption, row.Head)
					}
					for _, c := range row.Cells {
						if !strings.Contains(text, c.Text) {
							t.Errorf("table %q, row %q: %q not shown", tbl.Caption, row.Head, c.Text)
						}
					}
				}
			}
			b.checkAxe(t, axe, p.Path+" (tables)")
			checkTargets(t, b, p.Path)
			for _, pr := range b.takeProblems() {
				t.Error(pr)
			}
		})
	}

	t.Run("recovered and blank cells are marked", func(t *testing.T) {
		var marks, blanks int
		b.run(t, "applicants", chromedp.Navigate(at("/applicants")), poll(appReady),
			chromedp.Evaluate(showTables, nil), poll(tablesShown),
			chromedp.Evaluate(`document.querySelectorAll("td.recovered .mark-recovered").length`, &marks),
			chromedp.Evaluate(`document.querySelectorAll("td.blank").length`, &blanks))
		if marks == 0 || blanks == 0 {
			t.Errorf("%d recovered marks and %d blank cells on /applicants", marks, blanks)
		}
		var checks string
		b.run(t, "checks", chromedp.Navigate(at("/checks")), poll(appReady), chromedp.Text("main", &checks, chromedp.ByQuery))
		for _, want := range []string{"推算的数字（2 个）", "法律服务机构", "规则1", "科研机构", "规则2"} {
			if !strings.Contains(checks, want) {
				t.Errorf("/checks lacks %q", want)
			}
		}
	})

	t.Run("charts are drawn before and without the WASM", func(t *testing.T) {
		// go-app's app.js skips the WebAssembly with ?wasm=false: what is on
		// screen then is the prerendered page and web/charts-early.js.
		var drawn bool
		b.run(t, "no wasm", chromedp.Navigate(at("/outcomes?wasm=false")),
			poll(`document.readyState === "complete" && !!window.nianbao`),
			chromedp.Evaluate(`[...document.querySelectorAll(".chart-canvas")].every(el => {
				const i = echarts.getInstanceByDom(el); return i && el.querySelector("canvas") && i.getOption().series.length > 0 && `+chartShown+`; })`, &drawn))
		if !drawn {
			t.Error("the prerendered charts were not drawn, or not shown, without the WASM")
		}
		var live interface{}
		b.run(t, "no app", chromedp.Evaluate(`document.documentElement.dataset.app === undefined`, &live))
		if live != true {
			t.Error("the WASM ran although ?wasm=false")
		}
		// A category's page, by an old ?cat= link too, shows that category;
		// 图/表 works without the app.
		var state struct {
			Path    string `json:"path"`
			Current string `json:"current"`
			Table   bool   `json:"table"`
			Pressed string `json:"pressed"`
		}
		b.run(t, "category without the app", chromedp.Navigate(at("/outcomes?cat=unable&wasm=false")),
			poll(`location.pathname === "/outcomes/unable" && !!document.querySelector("#chart-outcomes-unable")`),
			poll(`document.readyState === "complete" && !!window.nianbao`),
			chromedp.Click("#chart-outcomes-unable .switch-table", chromedp.ByQuery),
			chromedp.Evaluate(`({path: location.pathname + location.search, current: document.querySelector('.drill [aria-current="true"]').textContent,
				table: !document.querySelector("#chart-outcomes-unable .chart-table").hidden && document.querySelector("#chart-outcomes-unable .chart-canvas").hidden,
				pressed: document.querySelector("#chart-outcomes-unable .switch-table").getAttribute("aria-pressed")})`, &state))
		if strings.TrimPrefix(state.Path, base) != "/outcomes/unable?wasm=false" || !strings.Contains(state.Current, "无法提供") || !state.Table || state.Pressed != "true" {
			t.Errorf("without the app: %+v", state)
		}
		for _, pr := range b.takeProblems() {
			t.Error(pr)
		}
	})

	t.Run("another report has its own pages", func(t *testing.T) {
		var text string
		b.run(t, "reports", chromedp.Navigate(at("/reports")), poll(appReady),
			// The catalog's link opens the page of the report last in view
			// (see "the catalog keeps the report in view"), whichever it is.
			chromedp.Click(`table.catalog a.report-link[href^="`+base+`/r/hongze-district-2023"]`, chromedp.ByQuery),
			poll(`location.pathname.startsWith("/r/hongze-district-2023")`), poll(appReady),
			chromedp.Click(`.nav a[href="`+base+`/r/hongze-district-2023/checks"]`, chromedp.ByQuery),
			poll(`location.pathname === "/r/hongze-district-2023/checks"`), poll(appReady),
			chromedp.Text("main", &text, chromedp.ByQuery))
		for _, want := range []string{"报告中的不一致（2 处）", "行政复议", "复议后起诉"} {
			if !strings.Contains(text, want) {
				t.Errorf("Hongze 2023 checks page lacks %q", want)
			}
		}
		// Its prerendered page, loaded directly, is the same report.
		b.run(t, "direct", chromedp.Navigate(at("/r/hongze-district-2023/appeals")), poll(appReady),
			chromedp.Text("h1", &text, chromedp.ByQuery))
		var name string
		b.run(t, "name", chromedp.Text(".report-name", &name, chromedp.ByQuery))
		if !strings.Contains(name, "洪泽区") {
			t.Errorf("/r/hongze-district-2023/appeals shows %q", name)
		}
		for _, pr := range b.takeProblems() {
			t.Error(pr)
		}
	})

	t.Run("drill down by keyboard and by click", func(t *testing.T) {
		var text, loc string
		b.run(t, "outcomes", chromedp.Navigate(at("/outcomes")), poll(appReady))
		// Keyboard: focus the link to 不予公开's reasons and press Enter.
		b.run(t, "keyboard", chromedp.Focus(`.drill a[href="`+base+`/outcomes/denied"]`, chromedp.ByQuery),
			chromedp.KeyEvent("\r"), poll(`location.pathname === "/outcomes/denied" && document.querySelector("#chart-outcomes-denied")`),
			poll(appReady))
		b.run(t, "denied table", chromedp.Evaluate(showTables, nil), poll(tablesShown),
			chromedp.Text("#chart-outcomes-denied", &text, chromedp.ByQuery))
		if !strings.Contains(text, "8.属于行政查询事项") || !strings.Contains(text, "104") {
			t.Errorf("不予公开 reasons table: %q", text)
		}
		// A click on the 无法提供 bar of the chart goes down too.
		b.run(t, "back", chromedp.Navigate(at("/outcomes")), poll(appReady))
		var pt []float64
		b.run(t, "bar position", chromedp.Evaluate(`(() => {
			const i = echarts.getInstanceByDom(document.querySelector("#chart-outcomes .chart-canvas"));
			const model = i.getModel().getSeriesByIndex(0);
			const data = model.getData();
			const el = data.getItemGraphicEl(data.indexOfName("无法提供"));
			const r = el.getBoundingRect();
			const box = i.getDom().getBoundingClientRect();
			return [box.left + r.x + r.width / 2, box.top + r.y + r.height / 2];
		})()`, &pt))
		b.run(t, "click", chromedp.MouseClickXY(pt[0], pt[1]),
			poll(`location.pathname === "/outcomes/unable"`), chromedp.Location(&loc))
		if !strings.HasSuffix(loc, "/outcomes/unable") {
			t.Errorf("after a click on 无法提供 the page is %s", loc)
		}
		for _, pr := range b.takeProblems() {
			t.Error(pr)
		}
	})

	t.Run("an in-app link opens the new page at its top, focus on its heading; the skip link works", func(t *testing.T) {
		var st struct {
			Y      float64 `json:"y"`
			Active string  `json:"active"`
		}
		b.run(t, "overview", chromedp.Navigate(at("/")), poll(appReady),
			chromedp.Evaluate(`window.scrollTo(0, document.body.scrollHeight); [...document.querySelectorAll('main a[href="`+base+`/narrative"]')].pop().click(); true`, nil),
			poll(`location.pathname === "/narrative"`), poll(appReady),
			poll(`document.activeElement && document.activeElement.id === "page-title"`),
			chromedp.Evaluate(`({y: window.scrollY, active: document.activeElement.id})`, &st))
		if st.Y != 0 || st.Active != "page-title" {
			t.Errorf("after the link: scrolled to %.0f, focus on %q", st.Y, st.Active)
		}
		b.run(t, "skip link", chromedp.Focus(".skip-link", chromedp.ByQuery), chromedp.KeyEvent("\r"),
			poll(`document.activeElement && document.activeElement.id === "main"`))
		for _, pr := range b.takeProblems() {
			t.Error(pr)
		}
	})

	t.Run("长者模式: larger type and 60 px targets, kept on the device", func(t *testing.T) {
		var before, after float64
		b.run(t, "toggle", chromedp.Navigate(at("/applicants")), poll(appReady),
			chromedp.Evaluate(`parseFloat(getComputedStyle(document.documentElement).fontSize)`, &before),
			chromedp.Click(".large-toggle", chromedp.ByQuery), poll(`document.documentElement.classList.contains("large")`),
			poll(`document.querySelector(".large-toggle").getAttribute("aria-pressed") === "true"`),
			chromedp.Navigate(at("/appeals")), poll(appReady), poll(`document.documentElement.classList.contains("large")`),
			chromedp.Evaluate(`parseFloat(getComputedStyle(document.documentElement).fontSize)`, &after))
		if after < before*1.2 {
			t.Errorf("长者模式: type %.0f px → %.0f px", before, after)
		}
		var small []string
		b.run(t, "targets", chromedp.Evaluate(`[...document.querySelectorAll(".nav a, .button, .switch button, .report-link, .switch-report")]
			.filter(e => e.offsetParent !== null).map(e => { const r = e.getBoundingClientRect(); return [e.textContent.trim().slice(0, 12), r.width, r.height]; })
			.filter(([, w, h]) => w < 60 || h < 60).map(x => JSON.stringify(x))`, &small))
		for _, s := range small {
			t.Errorf("长者模式: a control under 60 px: %s", s)
		}
		b.run(t, "off", chromedp.Click(".large-toggle", chromedp.ByQuery), poll(`!document.documentElement.classList.contains("large")`))
		for _, pr := range b.takeProblems() {
			t.Error(pr)
		}
	})

	t.Run("kiosk mode: a back button, and an idle page returns home", func(t *testing.T) {
		var path string
		var downloads int
		b.run(t, "kiosk", chromedp.Navigate(at("/outcomes/denied?kiosk=1&idle=5")), poll(appReady),
			poll(`document.documentElement.classList.contains("kiosk") && !!document.querySelector(".kiosk-bar .kiosk-back")`),
			chromedp.Navigate(at("/appeals")), poll(appReady),
			// A hall's screen offers no downloads.
			chromedp.Evaluate(`[...document.querySelectorAll(".chart-image, .table-download")].filter(e => getComputedStyle(e).display !== "none").length`, &downloads),
			chromedp.Click(".kiosk-back", chromedp.ByQuery), poll(`location.pathname === "/outcomes/denied"`),
			poll(`location.pathname === "/"`), chromedp.Evaluate(`location.pathname`, &path))
		if strings.TrimPrefix(path, base) != "/" {
			t.Errorf("an idle kiosk stays on %s", path)
		}
		// The next visitor's 返回 does not lead into the last one's pages:
		// it is marked as having nowhere to go, and does not go; after an
		// in-app link it goes back to where the visit began, and no further.
		var after string
		b.run(t, "after a reset", poll(appReady), poll(`document.querySelector(".kiosk-back").getAttribute("aria-disabled") === "true"`),
			chromedp.Click(".kiosk-back", chromedp.ByQuery), chromedp.Sleep(time.Second), chromedp.Evaluate(`location.pathname`, &after))
		if strings.TrimPrefix(after, base) != "/" {
			t.Errorf("返回 after an idle reset went to %s, the previous visitor's page", after)
		}
		b.run(t, "a new visit", chromedp.Click(`.nav a[href="`+base+`/appeals"]`, chromedp.ByQuery), poll(`location.pathname === "/appeals"`),
			poll(`document.querySelector(".kiosk-back").getAttribute("aria-disabled") === "false"`),
			chromedp.Click(".kiosk-back", chromedp.ByQuery), poll(`location.pathname === "/"`),
			poll(`document.querySelector(".kiosk-back").getAttribute("aria-disabled") === "true"`),
			chromedp.Click(".kiosk-back", chromedp.ByQuery), chromedp.Sleep(time.Second), chromedp.Evaluate(`location.pathname`, &after))
		if strings.TrimPrefix(after, base) != "/" {
			t.Errorf("返回 went past where the visit began, to %s", after)
		}
		if downloads > 0 {
			t.Errorf("a kiosk shows %d download controls", downloads)
		}
		b.run(t, "off", chromedp.Navigate(at("/?kiosk=0")), poll(appReady), poll(`!document.documentElement.classList.contains("kiosk")`))
		for _, pr := range b.takeProblems() {
			t.Error(pr)
		}
	})

	t.Run("a table downloads as a CSV file", func(t *testing.T) {
		dir := t.TempDir()
		b.run(t, "downloads allowed", cdpbrowser.SetDownloadBehavior(cdpbrowser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(dir),
			chromedp.Navigate(at("/")), poll(appReady),
			chromedp.Click("#chart-outcomes .switch-table", chromedp.ByQuery), poll(tablesShown),
			chromedp.Click("#chart-outcomes .table-download a", chromedp.ByQuery))
		got := downloaded(t, filepath.Join(dir, def.Title()+"-办理结果（件，表三“总计”列）.csv"))
		// The numbers the chart function computes, as the table shows them.
		ch := echarts.Outcomes(def, "")
		for _, row := range ch.Table.Rows {
			line := row.Head
			for _, c := range row.Cells {
				line += "," + c.Text
			}
			if !strings.Contains(string(got), line+",\r\n") {
				t.Errorf("the CSV lacks the line %q:\n%s", line, got)
			}
		}
		if !strings.HasPrefix(string(got), "\uFEFF"+strings.Join(ch.Table.Head, ",")+",备注\r\n") {
			t.Errorf("the CSV does not start with the byte-order mark and the headers:\n%s", got)
		}
		for _, pr := range b.takeProblems() {
			t.Error(pr)
		}
	})

	t.Run("a chart saves as PNG and SVG images, with and without the app", func(t *testing.T) {
		dir := t.TempDir()
		ch := echarts.Outcomes(def, "")
		name := filepath.Join(dir, def.Title()+"-办理结果（件，表三“总计”列）")
		var width, height float64
		b.run(t, "png", cdpbrowser.SetDownloadBehavior(cdpbrowser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(dir),
			chromedp.Navigate(at("/")), poll(appReady),
			chromedp.Evaluate(`echarts.getInstanceByDom(document.querySelector("#chart-outcomes .chart-canvas")).getWidth()`, &width),
			chromedp.Evaluate(`echarts.getInstanceByDom(document.querySelector("#chart-outcomes .chart-canvas")).getHeight()`, &height),
			chromedp.Click(`#chart-outcomes .chart-image button[data-format="png"]`, chromedp.ByQuery))
		img, err := png.Decode(bytes.NewReader(downloaded(t, name+".png")))
		if err != nil {
			t.Fatalf("the PNG image: %v", err)
		}
		// Twice the chart's size, with its title and source line above it.
		if sz := img.Bounds().Size(); sz.X != int(width)*2 || sz.Y <= int(height)*2 {
			t.Errorf("the PNG image is %v for a chart of %.0f×%.0f", sz, width, height)
		}
		b.run(t, "svg without the app", chromedp.Navigate(at("/?wasm=false")),
			poll(`!!window.echarts && !!echarts.getInstanceByDom(document.querySelector("#chart-outcomes .chart-canvas"))`),
			chromedp.Click(`#chart-outcomes .chart-image button[data-format="svg"]`, chromedp.ByQuery))
		svg := string(downloaded(t, name+".svg"))
		var doc struct {
			XMLName xml.Name
			Texts   []string `xml:"text"`
		}
		if err := xml.Unmarshal([]byte(svg), &doc); err != nil || doc.XMLName.Local != "svg" {
			t.Fatalf("the SVG image does not parse as SVG (%v): %.200s", err, svg)
		}
		source := charts.Table{Source: def.Title()}.SourceLine()
		if !slices.Contains(doc.Texts, ch.Title) || !slices.Contains(doc.Texts, source) {
			t.Errorf("the SVG image lacks its title %q or source line %q: %q", ch.Title, source, doc.Texts)
		}
		// The chart itself is vector: its bars and labels are there.
		if n := strings.Count(svg, "<path"); n < len(ch.Table.Rows) {
			t.Errorf("the SVG image has %d paths for %d bars", n, len(ch.Table.Rows))
		}
		if !strings.Contains(svg, ch.Table.Rows[0].Head) {
			t.Errorf("the SVG image lacks the label %q", ch.Table.Rows[0].Head)
		}
		for _, pr := range b.takeProblems() {
			t.Error(pr)
		}
	})

	t.Run("no chart leaks across many page changes", func(t *testing.T) {
		b.run(t, "home", chromedp.Navigate(at("/")), poll(appReady))
		for i := 0; i < 5; i++ {
			for _, p := range ui.ReportPages {
				b.run(t, "nav "+p.Path, chromedp.Click(fmt.Sprintf(`.nav a[href=%q]`, base+p.Path), chromedp.ByQuery),
					poll(fmt.Sprintf(`location.pathname === %q && document.querySelector(".nav a[aria-current]").getAttribute("href") === %q`, p.Path, base+p.Path)),
					poll(appReady))
			}
		}
		var st chartState
		b.run(t, "chart state", chromedp.Evaluate(chartStateJS, &st))
		if st.Live != st.Charts {
			t.Errorf("after 30 page changes %d ECharts instances are alive for %d charts on the page", st.Live, st.Charts)
		}
	})

	t.Run("an unknown report shows an error, not a blank page", func(t *testing.T) {
		var text string
		// A static server has no page for it; the app, navigated to it, says so.
		b.run(t, "unknown", chromedp.Navigate(at("/")), poll(appReady),
			chromedp.Evaluate(`history.pushState({}, "", "/r/no-such-report"); window.onpopstate(new PopStateEvent("popstate")); true`, nil),
			poll(`!!document.querySelector(".error-panel")`),
			chromedp.Text(".error-panel", &text, chromedp.ByQuery))
		if !strings.Contains(text, "没有找到报告") || !strings.Contains(text, "no-such-report") {
			t.Errorf("error panel says %q", text)
		}
		b.takeProblems()
	})

	t.Run("catalog: search as you type, filters, state in the URL", func(t *testing.T) {
		var count, loc string
		var rows []string
		rowsJS := `[...document.querySelectorAll("table.catalog tbody tr")].map(r => r.querySelector("th").textContent + " " + r.querySelector("td").textContent)`
		b.run(t, "catalog", chromedp.Navigate(at("/reports")), poll(appReady),
			poll(`document.querySelectorAll("table.catalog tbody tr").length === 6`))
		b.checkAxe(t, axe, "/reports")
		checkTargets(t, b, "/reports")
		// Typing goes letter by letter, as a visitor types.
		b.run(t, "type", chromedp.Click("#catalog-q", chromedp.ByQuery), chromedp.SendKeys("#catalog-q", "洪泽", chromedp.ByQuery),
			poll(`document.querySelectorAll("table.catalog tbody tr").length === 2`),
			chromedp.Evaluate(rowsJS, &rows), chromedp.Text("#catalog-count", &count, chromedp.ByQuery))
		for _, r := range rows {
			if !strings.Contains(r, "洪泽区") {
				t.Errorf("a row that does not match 洪泽: %q", r)
			}
		}
		if !strings.Contains(count, "找到 2 份报告") {
			t.Errorf("count says %q", count)
		}
		b.run(t, "year", chromedp.SetValue("#catalog-year", "2024", chromedp.ByQuery),
			chromedp.Evaluate(`document.querySelector("#catalog-year").dispatchEvent(new Event("change", {bubbles: true}))`, nil),
			poll(`document.querySelectorAll("table.catalog tbody tr").length === 1`), chromedp.Location(&loc))
		if !strings.Contains(loc, "year=2024") || !strings.Contains(loc, "q=%E6%B4%AA%E6%B3%BD") {
			t.Errorf("the filter is not in the URL: %s", loc)
		}
		// The URL alone gives the same list: reload it.
		b.run(t, "reload", chromedp.Navigate(loc), poll(appReady), poll(`document.querySelectorAll("table.catalog tbody tr").length === 1`),
			chromedp.Evaluate(rowsJS, &rows))
		if len(rows) != 1 || !strings.Contains(rows[0], "洪泽区") || !strings.Contains(rows[0], "2024") {
			t.Errorf("reloaded %s shows %q", loc, rows)
		}
		b.run(t, "status filter", chromedp.Navigate(at("/reports?status=findings")), poll(appReady),
			poll(`document.querySelectorAll("table.catalog tbody tr").length > 0`), chromedp.Evaluate(rowsJS, &rows))
		for _, r := range rows {
			if !strings.Contains(r, "洪泽区") || !strings.Contains(r, "2023") {
				t.Errorf("有不一致 lists %q", r)
			}
		}
		// Sorted by requests received, the largest first.
		var firsts []string
		b.run(t, "sort", chromedp.Navigate(at("/reports?sort=new")), poll(appReady),
			poll(`document.querySelectorAll("table.catalog tbody tr").length === 6`), chromedp.Evaluate(rowsJS, &firsts))
		if !strings.HasPrefix(firsts[0], "南通市人民政府") {
			t.Errorf("sorted by requests received, the first is %q", firsts[0])
		}
		for _, pr := range b.takeProblems() {
			t.Error(pr)
		}
	})

	t.Run("the catalog keeps the report in view and its page", func(t *testing.T) {
		var back, backText string
		var ok bool
		b.run(t, "from a report's page", chromedp.Navigate(at("/r/hongze-district-2024/appeals")), poll(appReady),
			chromedp.Click(fmt.Sprintf(`.nav-site a[href=%q]`, base+"/reports"), chromedp.ByQuery),
			poll(`location.pathname === "/reports"`), poll(appReady),
			poll(`document.querySelectorAll("table.catalog tbody tr").length > 0 && !!document.querySelector("#back-report")`),
			chromedp.AttributeValue("#back-report", "href", &back, &ok, chromedp.ByQuery),
			chromedp.Text("#back-report", &backText, chromedp.ByQuery))
		if back != base+"/r/hongze-district-2024/appeals" || !strings.Contains(backText, "淮安市洪泽区人民政府2024年") {
			t.Errorf("the catalog's way back is %q to %s", backText, back)
		}
		// Another year of the body, chosen in the catalog, opens on the
		// same page (复议诉讼), not on its overview.
		b.run(t, "switch", chromedp.Click("#catalog-q", chromedp.ByQuery), chromedp.SendKeys("#catalog-q", "洪泽", chromedp.ByQuery),
			poll(`document.querySelectorAll("table.catalog tbody tr").length === 2`),
			chromedp.Click(fmt.Sprintf(`table.catalog a.report-link[href=%q]`, base+"/r/hongze-district-2023/appeals"), chromedp.ByQuery),
			poll(`location.pathname === "/r/hongze-district-2023/appeals"`), poll(appReady))
		// A reload of the catalog still knows it.
		b.run(t, "reload", chromedp.Navigate(at("/reports")), poll(appReady), poll(`!!document.querySelector("#back-report")`),
			chromedp.AttributeValue("#back-report", "href", &back, &ok, chromedp.ByQuery))
		if back != base+"/r/hongze-district-2023/appeals" {
			t.Errorf("after a reload the catalog's way back goes to %s", back)
		}
		for _, pr := range b.takeProblems() {
			t.Error(pr)
		}
	})

	t.Run("a comparison chosen in the catalog, opened from its URL", func(t *testing.T) {
		var loc, text string
		// The rows are chosen after a search has changed them, as a visitor
		// does: each button must add the report its row shows now.
		b.run(t, "catalog", chromedp.Navigate(at("/reports")), poll(appReady),
			poll(`document.querySelectorAll("table.catalog tbody tr").length === 6`),
			chromedp.Click("#catalog-q", chromedp.ByQuery), chromedp.SendKeys("#catalog-q", "洪泽", chromedp.ByQuery),
			poll(`document.querySelectorAll("table.catalog tbody tr").length === 2`),
			chromedp.Click(`table.catalog tbody tr:nth-child(1) .compare-toggle`, chromedp.ByQuery),
			poll(`document.querySelector("table.catalog tbody tr:nth-child(1) .compare-toggle").getAttribute("aria-pressed") === "true"`),
			chromedp.Click(`table.catalog tbody tr:nth-child(2) .compare-toggle`, chromedp.ByQuery),
			poll(`!!document.querySelector("#open-compare")`),
			chromedp.Click("#open-compare", chromedp.ByQuery),
			poll(`location.pathname === "/compare"`), poll(appReady), chromedp.Location(&loc))
		if !strings.Contains(loc, "hongze-district-2024") || !strings.Contains(loc, "hongze-district-2023") {
			t.Errorf("the comparison's URL is %s", loc)
		}
		b.run(t, "open from the URL", chromedp.Navigate(at("/compare?r=huaian-city-2024,hongze-district-2024,nantong-city-2019")),
			poll(appReady), poll(`document.querySelectorAll(".chart-canvas").length === 2`),
			chromedp.Text("main", &text, chromedp.ByQuery))
		for _, want := range []string{"比较的报告（3 份）", "淮安市人民政府 2024年", "南通市人民政府 2019年", "4971", "3119"} {
			if !strings.Contains(text, want) {
				t.Errorf("the comparison lacks %q", want)
			}
		}
		b.checkAxe(t, axe, "/compare (charts)")
		b.run(t, "tables", chromedp.Evaluate(showTables, nil), poll(tablesShown))
		b.checkAxe(t, axe, "/compare (tables)")
		checkTargets(t, b, "/compare")
		for _, pr := range b.takeProblems() {
			t.Error(pr)
		}
	})

	t.Run("a body over the years", func(t *testing.T) {
		var text string
		b.run(t, "from the overview", chromedp.Navigate(at("/r/hongze-district-2024")), poll(appReady),
			chromedp.Click("#body-link", chromedp.ByQuery), poll(`location.pathname === "/b/hongze-district"`), poll(appReady),
			poll(`document.querySelectorAll(".chart-canvas").length === 3`))
		var st chartState
		b.run(t, "charts", chromedp.Evaluate(chartStateJS, &st))
		if st.Live != 3 {
			t.Errorf("%d charts alive on the body's page, want 3", st.Live)
		}
		b.checkAxe(t, axe, "/b/hongze-district (charts)")
		b.run(t, "tables", chromedp.Evaluate(showTables, nil), poll(tablesShown), chromedp.Text("main", &text, chromedp.ByQuery))
		for _, want := range []string{"2023年", "2024年", "跨年度校验", "2023年报告", "2024年报告"} {
			if !strings.Contains(text, want) {
				t.Errorf("the body's page lacks %q", want)
			}
		}
		b.checkAxe(t, axe, "/b/hongze-district (tables)")
		checkTargets(t, b, "/b/hongze-district")
		for _, pr := range b.takeProblems() {
			t.Error(pr)
		}
	})

	t.Run("a ranking with the counts beside the rates", func(t *testing.T) {
		var rows []string
		b.run(t, "ranking", chromedp.Navigate(at("/ranking?year=2024&by=open")), poll(appReady),
			chromedp.Evaluate(showTables, nil), poll(tablesShown),
			chromedp.Evaluate(`[...document.querySelectorAll("#chart-ranking tbody tr")].map(r => r.textContent)`, &rows))
		if len(rows) == 0 {
			t.Fatal("no ranking rows")
		}
		for _, r := range rows {
			if !strings.Contains(r, "/") || !strings.Contains(r, "件") || !strings.Contains(r, "%") {
				t.Errorf("a rate without its counts: %q", r)
			}
		}
		b.checkAxe(t, axe, "/ranking")
		checkTargets(t, b, "/ranking")
		for _, pr := range b.takeProblems() {
			t.Error(pr)
		}
	})

	// Every request so far went to the site itself.
	for _, u := range b.takeRequests() {
		if !strings.HasPrefix(u, srv.URL+"/") && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
			t.Errorf("request to another origin: %s", u)
		}
	}

	t.Run("offline after the first visit", func(t *testing.T) {
		var text string
		b.run(t, "service worker", chromedp.Navigate(at("/")), poll(appReady),
			poll(`navigator.serviceWorker && !!navigator.serviceWorker.controller`))
		// Pages visited once the worker runs are kept: a report, the catalog, a body.
		visited := append(sitePagesOf(ui.ReportPages), "/r/huaian-city-2024/outcomes", "/reports", "/b/hongze-district",
			"/compare?r=huaian-city-2024,hongze-district-2024", "/ranking?year=2024")
		for _, path := range visited {
			b.run(t, "online "+path, chromedp.Navigate(at(path)), poll(appReady))
		}
		srv.Close() // the network is cut: nothing answers any more
		for _, path := range visited {
			b.run(t, "offline "+path, chromedp.Navigate(at(path)), poll(appReady))
			var h1, main string
			b.run(t, "heading", chromedp.Text("h1", &h1, chromedp.ByQuery), chromedp.Text("main", &main, chromedp.ByQuery))
			if h1 == "" || strings.Contains(main, "无法载入") || strings.Contains(main, "尚未缓存") {
				t.Errorf("offline %s: %q", path, main)
			}
			if strings.HasPrefix(path, "/r/huaian") && !strings.Contains(main, "3050") {
				t.Errorf("offline %s does not show 淮安市's numbers: %q", path, main)
			}
		}
		// A kiosk's own body, precached by the build, works offline unvisited.
		b.run(t, "offline, precached", chromedp.Navigate(at("/r/hongze-district-2023/narrative")), poll(appReady),
			chromedp.Text("main", &text, chromedp.ByQuery))
		if !strings.Contains(text, "一、总体情况") || strings.Contains(text, "无法载入") {
			t.Errorf("offline, a precached report's page shows %q", text)
		}
		// A report never visited says so, and shows no other report's numbers.
		b.run(t, "offline, never visited", chromedp.Navigate(at("/r/pingtan-zone-2024/appeals")), poll(appReady),
			chromedp.Text("main", &text, chromedp.ByQuery))
		if !strings.Contains(text, "无法载入") || strings.Contains(text, "4974") {
			t.Errorf("offline, a report never visited shows %q", text)
		}
		b.takeProblems() // the failed fetches of the page never visited
	})
}

// checkTargets measures every control: at least 44 by 44 CSS pixels.
func checkTargets(t *testing.T, b *browser, where string) {
	t.Helper()
	var small []string
	b.run(t, "targets", chromedp.Evaluate(`[...document.querySelectorAll(".nav a, .brand-name, .switch-report, .report-link, .table-download a, button, .drill a, summary, .body-link, .year-link, .button, input, select")]
		.filter(e => e.offsetParent !== null)
		.map(e => { const r = e.getBoundingClientRect(); return [e.textContent.trim().slice(0, 20), r.width, r.height]; })
		.filter(([, w, h]) => w < 44 || h < 44)
		.map(x => JSON.stringify(x))`, &small))
	for _, s := range small {
		t.Errorf("%s: control smaller than 44 px: %s", where, s)
	}
}

func sitePagesOf(pages []ui.Page) []string {
	var out []string
	for _, p := range pages {
		out = append(out, p.Path)
	}
	return out
}
