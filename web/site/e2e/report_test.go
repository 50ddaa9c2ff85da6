package e2e

// A report's pages in the app: what each shows, how its charts, tables and
// links behave.

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image/png"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	ui "nianbao/app"
	"nianbao/charts"
	"nianbao/data"
	"nianbao/data/catalog"
)

// reportCharts are the charts each page of a report shows, by chart ID.
var reportCharts = map[string][]string{
	"/":           {"outcomes"},
	"/outcomes":   {"outcomes", "flow"},
	"/applicants": {"applicants", "outcomes-by-applicant"},
	"/appeals":    {"appeals"},
	"/disclosure": {"disclosure"},
}

// pageCharts are the charts a page of the report shows, from its pack; a
// category's page (/outcomes/denied) shows that category's reasons, and
// not the flow of every category's page.
func pageCharts(pk *charts.Pack, page string) []charts.Chart {
	if cat, ok := strings.CutPrefix(page, "/outcomes/"); ok {
		return []charts.Chart{pk.Outcomes(cat)}
	}
	var out []charts.Chart
	for _, id := range reportCharts[page] {
		out = append(out, pk.Chart(id))
	}
	return out
}

// reportPages are every page of a report, and its first category's
// reasons where it has one.
func reportPages(r *data.Report) []string {
	var out []string
	for _, p := range ui.ReportPages {
		out = append(out, ui.ReportPath(r.ID, p.Path))
	}
	if cats := ui.Categories(r); len(cats) > 0 {
		out = append(out, ui.ReportPath(r.ID, ui.CategoryPath(cats[0].Key)))
	}
	return out
}

func tablesOf(cs []charts.Chart) []charts.Table {
	var out []charts.Table
	for _, c := range cs {
		out = append(out, c.Table)
	}
	return out
}

// mostRequests is the report that received the most requests: the most to
// draw and the longest numbers.
func mostRequests(v *variant) *data.Report {
	var best *data.Report
	for _, r := range v.reports {
		if best == nil || v.entry(r.ID).New() > v.entry(best.ID).New() {
			best = r
		}
	}
	return best
}

// Every page of a report, each loaded as a visitor's link opens it (the
// app starts on it): its charts drawn, one ECharts instance each, its
// title, its tables exactly as made, axe-core clean with its charts and
// with its tables, and every control large enough.
func TestReportPages(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	r := mostRequests(v)
	pk := v.packs[r.ID]
	for _, p := range ui.ReportPages {
		t.Run(p.Label, func(t *testing.T) {
			path := ui.ReportPath(r.ID, p.Path)
			b.load(t, path)
			var st chartState
			b.eval(t, chartStateJS, &st)
			want := pageCharts(pk, p.Path)
			if st.Live != st.Charts || st.Charts != len(want) {
				t.Errorf("%d ECharts instances alive for %d charts, want %d", st.Live, st.Charts, len(want))
			}
			var title string
			b.run(t, "title", chromedp.Title(&title))
			if !strings.Contains(title, p.Label) && p.Path != "/" || !strings.Contains(title, r.Body) {
				t.Errorf("title %q lacks %s and %s", title, p.Label, r.Body)
			}
			var loaderMax float64
			b.eval(t, `window.__loaderMax || 0`, &loaderMax)
			if loaderMax > 100 {
				t.Errorf("the loading notice counted to %.0f%%", loaderMax)
			}
			b.checkViews(t, path, tablesOf(want)...)
		})
	}
}

// Recovered numbers are marked in words wherever they show, blank cells
// show as blank (not 0), values a copy ran together say they cannot be
// read, and the checks page lists every recovered number with its rule:
// on a report with recovered numbers, one with blank cells in tables 三 or
// 四, one with blank values in table 二 and one with unreadable ones.
func TestRecoveredAndBlankCellsAreMarked(t *testing.T) {
	t.Parallel()
	disclosureHas := func(pk *charts.Pack, has func(q data.Quantity) bool) bool {
		return slices.ContainsFunc(pk.Report.Disclosure, func(d data.DisclosureRow) bool { return slices.ContainsFunc(d.Values, has) })
	}
	for _, c := range []struct {
		name string
		has  func(pk *charts.Pack) bool
		page string // a page to look at besides those with marked or blank cells
	}{
		{"recovered numbers", func(pk *charts.Pack) bool { return len(data.RecoveredCells(pk.Report)) > 0 }, ""},
		{"blank cells in tables 三 and 四", func(pk *charts.Pack) bool {
			_, n := countCells(tablesOf(pageCharts(pk, "/applicants"))...)
			_, m := countCells(pk.Chart("appeals").Table)
			return n+m > 0
		}, ""},
		{"blank values in table 二", func(pk *charts.Pack) bool { return disclosureHas(pk, data.Quantity.Blank) }, "/disclosure"},
		{"unreadable values in table 二", func(pk *charts.Pack) bool { return disclosureHas(pk, data.Quantity.Unreadable) }, "/disclosure"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			v, r := pickFrom(t, c.name, func(v *variant, r *data.Report) bool { return c.has(v.packs[r.ID]) },
				// The payload site has a blank value in table 二.
				portalSite, jiangsuSite, payloadSite)
			pk := v.packs[r.ID]
			b := newTab(t, v)
			first := true
			for _, p := range ui.ReportPages {
				want := tablesOf(pageCharts(pk, p.Path))
				recovered, blank := countCells(want...)
				if recovered+blank == 0 && p.Path != c.page {
					continue
				}
				path := ui.ReportPath(r.ID, p.Path)
				if first {
					b.load(t, path)
					first = false
				} else {
					b.goInApp(t, path)
				}
				b.showAllTables(t)
				var marks, blanks int
				b.eval(t, `document.querySelectorAll("td.recovered .mark-recovered").length`, &marks)
				b.eval(t, `document.querySelectorAll("td.blank").length`, &blanks)
				if marks != recovered || blanks != blank {
					t.Errorf("%s: %d recovered marks and %d blank cells, want %d and %d", path, marks, blanks, recovered, blank)
				}
				checkTables(t, path, b.shownTables(t), want...)
			}
			if first {
				t.Fatalf("%s: no page shows its %s", r.ID, c.name)
			}
			// The checks page: every rule's result, every finding, every
			// recovered number with the rule that recovered it.
			fs := append(data.Check(r), pk.CrossYear...)
			rc := data.RecoveredCells(r)
			rules, findings, recovered := charts.CheckTables(fs, rc, pk.PrevYear)
			path := ui.ReportPath(r.ID, "/checks")
			b.goInApp(t, path)
			var headings []string
			b.eval(t, `[...document.querySelectorAll("main h2")].map(h => h.textContent)`, &headings)
			for _, h := range []string{fmt.Sprintf("报告中的不一致（%d 处）", len(fs)), fmt.Sprintf("推算的数字（%d 个）", len(rc))} {
				if !slices.Contains(headings, h) {
					t.Errorf("%s: no heading %q among %q", path, h, headings)
				}
			}
			want := []charts.Table{rules}
			if len(fs) > 0 {
				want = append(want, findings)
			}
			if len(rc) > 0 {
				want = append(want, recovered)
			}
			checkTables(t, path, b.shownTables(t), want...)
		})
	}
}

// withReasons is a report with an outcome category that has numbered
// reasons (and so a page of its own), two where one report has them.
func withReasons(v *variant, r *data.Report) bool { return len(ui.Categories(r)) > 0 }

// emptiedCategory is the first report of the site with a category of
// numbered reasons all printed 0 (no page nor chart of its own:
// charts.ReasonCategories), and that category's key.
func (v *variant) emptiedCategory(t testing.TB) (*data.Report, string) {
	t.Helper()
	for _, r := range v.reports {
		for _, c := range r.Requests.Categories() {
			if len(c.Rows) > 1 && !slices.ContainsFunc(ui.Categories(r), func(x data.Category) bool { return x.Key == c.Key }) {
				return r, c.Key
			}
		}
	}
	t.Fatalf("no report of the %s site has a category whose reasons are all 0", v.name)
	return nil, ""
}

// Without the app (?wasm=false, as before it loads) the prerendered charts
// are drawn by the site's script; an old ?cat= link opens the category's
// page, whose 图/表 works.
func TestChartsWithoutTheApp(t *testing.T) {
	t.Parallel()
	v, r := pickFrom(t, "an outcome category with reasons", withReasons, portalSite)
	b := newTab(t, v)
	path := ui.ReportPath(r.ID, "/outcomes")
	b.loadPlain(t, path)
	var drawn, noApp bool
	b.eval(t, `[...document.querySelectorAll(".chart-canvas")].every(el => {
		const i = echarts.getInstanceByDom(el); return i && el.querySelector("canvas") && i.getOption().series.length > 0 && `+chartShown+`; })`, &drawn)
	b.eval(t, `document.documentElement.dataset.app === undefined`, &noApp)
	if !drawn {
		t.Error("the prerendered charts were not drawn, or not shown, without the app")
	}
	if !noApp {
		t.Error("the app ran although ?wasm=false")
	}
	cat := ui.Categories(r)[0]
	var state struct {
		Path    string `json:"path"`
		Current string `json:"current"`
		Table   bool   `json:"table"`
		Pressed string `json:"pressed"`
	}
	id := "#chart-outcomes-" + cat.Key
	b.run(t, "a category without the app", chromedp.Navigate(b.at(path+"?cat="+cat.Key+"&wasm=false")),
		b.poll(fmt.Sprintf(`location.pathname === %q && !!document.querySelector(%q)`, ui.ReportPath(r.ID, ui.CategoryPath(cat.Key)), id)),
		b.poll(`document.readyState === "complete" && !!window.nianbao`),
		chromedp.Click(id+" .switch-table", chromedp.ByQuery),
		chromedp.Evaluate(fmt.Sprintf(`({path: location.pathname + location.search, current: document.querySelector('.drill [aria-current="true"]').textContent,
			table: !document.querySelector("%[1]s .chart-table").hidden && document.querySelector("%[1]s .chart-canvas").hidden,
			pressed: document.querySelector("%[1]s .switch-table").getAttribute("aria-pressed")})`, id), &state))
	// The address keeps the view: the chart shown as its table.
	if state.Path != b.href(ui.ReportPath(r.ID, ui.CategoryPath(cat.Key)))+"?wasm=false&table=outcomes-"+cat.Key || state.Current != charts.ShortLabel(cat.Label)+"的原因" || !state.Table || state.Pressed != "true" {
		t.Errorf("without the app: %+v", state)
	}
	checkTables(t, "the category's page without the app", b.shownTables(t), v.packs[r.ID].Outcomes(cat.Key).Table)

	// A category whose reasons are all printed 0 has no page: an old
	// ?cat= link to it stays on /outcomes, and its old address (the
	// server's not-found page) goes there.
	er, empty := v.emptiedCategory(t)
	outcomes := ui.ReportPath(er.ID, "/outcomes")
	var at string
	b.run(t, "an old ?cat= link to "+empty, chromedp.Navigate(b.at(outcomes+"?cat="+empty+"&wasm=false")),
		b.poll(`document.readyState === "complete" && !!window.nianbao && !!document.querySelector("#chart-outcomes")`),
		chromedp.Sleep(300*time.Millisecond), chromedp.Evaluate(`location.pathname`, &at))
	if at != b.href(outcomes) {
		t.Errorf("?cat=%s on %s went to %s", empty, outcomes, at)
	}
	old := ui.ReportPath(er.ID, ui.CategoryPath(empty))
	b.run(t, "the old address of "+empty, chromedp.Navigate(b.at(old+"?wasm=false")),
		b.poll(fmt.Sprintf(`location.pathname === %q && location.search === "?wasm=false" && !!document.querySelector("#chart-outcomes")`, outcomes)))
	for _, p := range b.takeProblems() {
		if !strings.Contains(p, "404") || !strings.Contains(p, old+"?wasm=false") {
			t.Error(p) // only the old address is not found
		}
	}
}

// A report found in the catalog opens on its own pages; its checks page
// lists its findings as published, and its pages loaded directly are its
// own.
func TestAnotherReportHasItsOwnPages(t *testing.T) {
	t.Parallel()
	v, r := pickFrom(t, "findings", func(v *variant, r *data.Report) bool { return v.entry(r.ID).Consistency() == catalog.HasFindings }, portalSite, jiangsuSite)
	b := newTab(t, v)
	body := v.bodyOf(r.ID)
	q := v.searchFor(body)
	if q == "" {
		t.Fatalf("no search finds %s alone", body.Name)
	}
	checks := ui.ReportPath(r.ID, "/checks")
	b.load(t, "/reports?q="+url.QueryEscape(q))
	// The catalog's link opens the page of the report last in view, its
	// overview here.
	b.run(t, "from the catalog", chromedp.Click(fmt.Sprintf(`table.catalog a.report-link[href=%q]`, b.href(ui.ReportPath(r.ID, "/"))), chromedp.ByQuery),
		b.poll(fmt.Sprintf(`location.pathname === %q`, ui.ReportPath(r.ID, "/"))), b.poll(appReady),
		chromedp.Click(fmt.Sprintf(`.nav a[href=%q]`, b.href(checks)), chromedp.ByQuery),
		b.poll(fmt.Sprintf(`location.pathname === %q`, checks)), b.poll(appReady))
	pk := v.packs[r.ID]
	fs := append(data.Check(r), pk.CrossYear...)
	_, findings, _ := charts.CheckTables(fs, data.RecoveredCells(r), pk.PrevYear)
	var heading string
	b.eval(t, `document.querySelector("#findings-title").textContent`, &heading)
	if want := fmt.Sprintf("报告中的不一致（%d 处）", len(fs)); heading != want || len(fs) == 0 {
		t.Errorf("%s: %q, want %q", checks, heading, want)
	}
	checkTables(t, checks, b.shownTables(t), findings)
	// Its prerendered page, loaded directly, is the same report.
	var name string
	b.load(t, ui.ReportPath(r.ID, "/appeals"))
	b.eval(t, `document.querySelector(".report-name").textContent`, &name)
	if want := fmt.Sprintf("%s · %d年度报告", r.Body, r.Year); name != want {
		t.Errorf("%s shows %q, want %q", ui.ReportPath(r.ID, "/appeals"), name, want)
	}
}

// A category's reasons open by keyboard (Enter on its link) and by a click
// on its bar in the chart.
func TestDrillDown(t *testing.T) {
	t.Parallel()
	// A bar of 0 has nothing to click: the largest category with
	// reasons is clicked.
	biggest := func(r *data.Report) (best data.Category, n int64) {
		for _, c := range ui.Categories(r) {
			if s := r.Requests.CategorySum(c, data.ColTotal); s > n {
				best, n = c, s
			}
		}
		return best, n
	}
	v, r := pickFrom(t, "requests in an outcome category with reasons", func(v *variant, r *data.Report) bool { _, n := biggest(r); return n > 0 }, portalSite)
	b := newTab(t, v)
	first := ui.Categories(r)[0]
	last, _ := biggest(r)
	outcomes := ui.ReportPath(r.ID, "/outcomes")
	b.load(t, outcomes)
	to := ui.ReportPath(r.ID, ui.CategoryPath(first.Key))
	b.run(t, "keyboard", chromedp.Focus(fmt.Sprintf(`.drill a[href=%q]`, b.href(to)), chromedp.ByQuery),
		chromedp.KeyEvent("\r"), b.poll(fmt.Sprintf(`location.pathname === %q && document.querySelector("#chart-outcomes-%s")`, to, first.Key)),
		b.poll(appReady))
	b.showAllTables(t)
	checkTables(t, to, b.shownTables(t), v.packs[r.ID].Outcomes(first.Key).Table)
	// A click on a category's bar in the chart goes down too: back to
	// the outcomes by the drill's first link, the charts in view (the page
	// keeps a chart's 图/表 from one category to the next).
	b.run(t, "back to the outcomes", chromedp.Evaluate(showCharts, nil),
		chromedp.Click(fmt.Sprintf(`.drill a[href=%q]`, b.href(outcomes)), chromedp.ByQuery),
		b.poll(fmt.Sprintf(`location.pathname === %q && !!document.querySelector("#chart-outcomes")`, outcomes)), b.poll(appReady))
	var pt []float64
	b.eval(t, fmt.Sprintf(`(() => {
		const i = echarts.getInstanceByDom(document.querySelector("#chart-outcomes .chart-canvas"));
		const data = i.getModel().getSeriesByIndex(0).getData();
		const el = data.getItemGraphicEl(data.indexOfName(%q));
		const r = el.getBoundingRect();
		const box = i.getDom().getBoundingClientRect();
		return [box.left + r.x + r.width / 2, box.top + r.y + r.height / 2];
	})()`, charts.ShortLabel(last.Label)), &pt)
	to = ui.ReportPath(r.ID, ui.CategoryPath(last.Key))
	b.run(t, "click", chromedp.MouseClickXY(pt[0], pt[1]), b.poll(fmt.Sprintf(`location.pathname === %q`, to)), b.poll(appReady))
}

// An in-app link opens the new page at its top, with the focus on its
// heading; the skip link moves the focus to the content.
func TestInAppLinkFocusAndSkipLink(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	r := v.reports[0]
	narrative := ui.ReportPath(r.ID, "/narrative")
	var st struct {
		Y      float64 `json:"y"`
		Active string  `json:"active"`
	}
	b.load(t, ui.ReportPath(r.ID, "/"))
	b.run(t, "the link at the page's end", chromedp.Evaluate(fmt.Sprintf(`window.scrollTo(0, document.body.scrollHeight); [...document.querySelectorAll('main a[href=%q]')].pop().click(); true`, b.href(narrative)), nil),
		b.poll(fmt.Sprintf(`location.pathname === %q`, narrative)), b.poll(appReady),
		b.poll(`document.activeElement && document.activeElement.id === "page-title"`),
		chromedp.Evaluate(`({y: window.scrollY, active: document.activeElement.id})`, &st))
	if st.Y != 0 || st.Active != "page-title" {
		t.Errorf("after the link: scrolled to %.0f, focus on %q", st.Y, st.Active)
	}
	b.run(t, "skip link", chromedp.Focus(".skip-link", chromedp.ByQuery), chromedp.KeyEvent("\r"),
		b.poll(`document.activeElement && document.activeElement.id === "main"`))
}

// 长者模式: larger type and targets of at least 60 px, kept on the device
// from page to page.
func TestLargeMode(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	r := v.reports[0]
	var before, after float64
	b.load(t, ui.ReportPath(r.ID, "/applicants"))
	b.run(t, "toggle", chromedp.Evaluate(`parseFloat(getComputedStyle(document.documentElement).fontSize)`, &before),
		chromedp.Click(".large-toggle", chromedp.ByQuery), b.poll(`document.documentElement.classList.contains("large")`),
		b.poll(`document.querySelector(".large-toggle").getAttribute("aria-pressed") === "true"`))
	b.load(t, ui.ReportPath(r.ID, "/appeals"))
	b.run(t, "kept", b.poll(`document.documentElement.classList.contains("large")`),
		chromedp.Evaluate(`parseFloat(getComputedStyle(document.documentElement).fontSize)`, &after))
	if after < before*1.2 {
		t.Errorf("长者模式: type %.0f px → %.0f px", before, after)
	}
	var small []string
	b.eval(t, `[...document.querySelectorAll(".nav a, .button, .switch button, .report-link, .switch-report")]
		.filter(e => e.offsetParent !== null).map(e => { const r = e.getBoundingClientRect(); return [e.textContent.trim().slice(0, 12), r.width, r.height]; })
		.filter(([, w, h]) => w < 60 || h < 60).map(x => JSON.stringify(x))`, &small)
	for _, s := range small {
		t.Errorf("长者模式: a control under 60 px: %s", s)
	}
	b.run(t, "off", chromedp.Click(".large-toggle", chromedp.ByQuery), b.poll(`!document.documentElement.classList.contains("large")`))
}

// kioskIdle is the kiosk's idle time in the test: long enough for a busy
// machine to load a page and click before the reset.
const kioskIdle = 30

// Kiosk mode, set up on the device by its page (/kiosk, with a
// confirmation): 返回 and 首页 on every page, no downloads, and an idle page
// warns, then goes home by a full load; the next visitor's 返回 never
// leads into the last one's pages. Turned off by the same page. At the
// root and under a path.
func TestKiosk(t *testing.T) {
	t.Parallel()
	for _, v := range []*variant{portalSite, jiangsuSite} {
		t.Run(v.name, func(t *testing.T) {
			t.Parallel()
			b := newTab(t, v)
			rep := v.pick(t, "an outcome category with reasons", withReasons)
			start := ui.ReportPath(rep.ID, ui.CategoryPath(ui.Categories(rep)[0].Key))
			appeals := ui.ReportPath(rep.ID, "/appeals")
			var state string
			b.load(t, ui.KioskPath)
			b.run(t, "set up", chromedp.SetValue("#kiosk-idle", strconv.Itoa(kioskIdle), chromedp.ByQuery),
				chromedp.Click(`#kiosk-setup button[type=submit]`, chromedp.ByQuery),
				b.poll(`document.querySelector("#kiosk-state").textContent.includes("本设备已设为自助终端")`),
				chromedp.Text("#kiosk-state", &state, chromedp.ByQuery))
			if want := fmt.Sprintf("闲置 %d 秒后回到首页", kioskIdle); !strings.Contains(state, want) {
				t.Errorf("the set-up page says %q, without %q", state, want)
			}
			var downloads int
			b.load(t, start)
			b.run(t, "kiosk", b.poll(`document.documentElement.classList.contains("kiosk") && !!document.querySelector(".kiosk-bar .kiosk-back")`),
				chromedp.Click(fmt.Sprintf(`.nav a[href=%q]`, b.href(appeals)), chromedp.ByQuery),
				b.poll(fmt.Sprintf(`location.pathname === %q`, appeals)), b.poll(appReady))
			// A hall's screen offers no downloads.
			b.eval(t, `[...document.querySelectorAll(".chart-image, .table-download")].filter(e => getComputedStyle(e).display !== "none").length`, &downloads)
			if downloads > 0 {
				t.Errorf("a kiosk shows %d download controls", downloads)
			}
			b.run(t, "返回", chromedp.Click(".kiosk-back", chromedp.ByQuery), b.poll(fmt.Sprintf(`location.pathname === %q`, start)))
			// Left alone, it warns, then goes home.
			var warning string
			b.run(t, "idle", b.poll(`!!document.querySelector(".kiosk-warning:not([hidden])")`),
				chromedp.Text(".kiosk-warning p", &warning, chromedp.ByQuery),
				b.poll(`location.pathname === "/"`), b.poll(appReady))
			if !strings.Contains(warning, "秒后将回到首页") {
				t.Errorf("the warning before the reset says %q", warning)
			}
			// The next visitor's 返回 is marked as having nowhere to go,
			// and does not go; after an in-app link it goes back to where
			// the visit began, and no further.
			var after string
			b.run(t, "after a reset", b.poll(`document.querySelector(".kiosk-back").getAttribute("aria-disabled") === "true"`),
				chromedp.Click(".kiosk-back", chromedp.ByQuery), chromedp.Sleep(time.Second), chromedp.Evaluate(`location.pathname`, &after))
			if after != b.href("/") {
				t.Errorf("返回 after an idle reset went to %s, the previous visitor's page", after)
			}
			b.run(t, "a new visit", chromedp.Click(fmt.Sprintf(`.nav a[href=%q]`, b.href("/reports")), chromedp.ByQuery), b.poll(`location.pathname === "/reports"`),
				b.poll(`document.querySelector(".kiosk-back").getAttribute("aria-disabled") === "false"`),
				chromedp.Click(".kiosk-back", chromedp.ByQuery), b.poll(`location.pathname === "/"`),
				b.poll(`document.querySelector(".kiosk-back").getAttribute("aria-disabled") === "true"`),
				chromedp.Click(".kiosk-back", chromedp.ByQuery), chromedp.Sleep(time.Second), chromedp.Evaluate(`location.pathname`, &after))
			if after != b.href("/") {
				t.Errorf("返回 went past where the visit began, to %s", after)
			}
			// Turned off on its page.
			b.load(t, ui.KioskPath)
			b.run(t, "off", chromedp.Click("#kiosk-off", chromedp.ByQuery),
				b.poll(`document.querySelector("#kiosk-state").textContent === "本设备不是自助终端。"`))
			b.load(t, "/")
			b.run(t, "off", b.poll(`!document.documentElement.classList.contains("kiosk")`))
		})
	}
}

// A table downloads as a CSV file named after the report and the table:
// its numbers as the table shows them, after a byte-order mark and the
// headers.
func TestTableDownloadsAsCSV(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	r := mostRequests(v)
	ch := v.packs[r.ID].Outcomes("")
	b.load(t, ui.ReportPath(r.ID, "/"))
	b.run(t, "download", chromedp.Click("#chart-outcomes .switch-table", chromedp.ByQuery), b.poll(tablesShown),
		chromedp.Click("#chart-outcomes .table-download a", chromedp.ByQuery))
	got := string(downloaded(t, ch.Table.FileName()))
	if want := string(ch.Table.CSV()); got != want {
		t.Errorf("the CSV file:\n%s\nwant\n%s", got, want)
	}
	// Each row's counts, without thousands separators (a spreadsheet
	// reads them as numbers).
	for _, row := range ch.Table.Rows {
		line := row.Head
		for _, c := range row.Cells {
			line += "," + strings.ReplaceAll(c.Text, ",", "")
		}
		if !strings.Contains(got, "\r\n"+line+",") {
			t.Errorf("the CSV lacks the line %q:\n%s", line, got)
		}
	}
	if !strings.HasPrefix(got, "\uFEFF"+strings.Join(ch.Table.Head, ",")+",备注\r\n") {
		t.Errorf("the CSV does not start with the byte-order mark and the headers:\n%s", got)
	}
}

// A chart saves as a PNG image with the app, twice its size with its title
// and source line above it, and as an SVG image without the app, vector,
// with its title, source line and labels as text.
func TestChartSavesAsImages(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	r := mostRequests(v)
	ch := v.packs[r.ID].Outcomes("")
	var width, height float64
	b.load(t, ui.ReportPath(r.ID, "/"))
	b.run(t, "png", chromedp.Evaluate(`echarts.getInstanceByDom(document.querySelector("#chart-outcomes .chart-canvas")).getWidth()`, &width),
		chromedp.Evaluate(`echarts.getInstanceByDom(document.querySelector("#chart-outcomes .chart-canvas")).getHeight()`, &height),
		chromedp.Click(`#chart-outcomes .chart-image button[data-format="png"]`, chromedp.ByQuery))
	img, err := png.Decode(bytes.NewReader(downloaded(t, ch.Table.BaseName()+".png")))
	if err != nil {
		t.Fatalf("the PNG image: %v", err)
	}
	if sz := img.Bounds().Size(); sz.X != int(width)*2 || sz.Y <= int(height)*2 {
		t.Errorf("the PNG image is %v for a chart of %.0f×%.0f", sz, width, height)
	}
	b.loadPlain(t, ui.ReportPath(r.ID, "/"))
	b.run(t, "svg without the app", b.poll(`!!echarts.getInstanceByDom(document.querySelector("#chart-outcomes .chart-canvas"))`),
		chromedp.Click(`#chart-outcomes .chart-image button[data-format="svg"]`, chromedp.ByQuery))
	svg := string(downloaded(t, ch.Table.BaseName()+".svg"))
	var doc struct {
		XMLName xml.Name
		Texts   []string `xml:"text"`
	}
	if err := xml.Unmarshal([]byte(svg), &doc); err != nil || doc.XMLName.Local != "svg" {
		t.Fatalf("the SVG image does not parse as SVG (%v): %.200s", err, svg)
	}
	if !slices.Contains(doc.Texts, ch.Title) || !slices.Contains(doc.Texts, ch.Table.SourceLine()) {
		t.Errorf("the SVG image lacks its title %q or source line %q: %q", ch.Title, ch.Table.SourceLine(), doc.Texts)
	}
	// The chart itself is vector: its bars and labels are there.
	if n := strings.Count(svg, "<path"); n < len(ch.Table.Rows) {
		t.Errorf("the SVG image has %d paths for %d bars", n, len(ch.Table.Rows))
	}
	if !strings.Contains(svg, ch.Table.Rows[0].Head) {
		t.Errorf("the SVG image lacks the label %q", ch.Table.Rows[0].Head)
	}
}

// Many page changes within the app leave no ECharts instance behind.
func TestNoChartLeaks(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	r := mostRequests(v)
	b.load(t, ui.ReportPath(r.ID, "/"))
	for i := 0; i < 5; i++ {
		for _, p := range ui.ReportPages {
			path := ui.ReportPath(r.ID, p.Path)
			b.run(t, "to "+path, chromedp.Click(fmt.Sprintf(`.nav a[href=%q]`, b.href(path)), chromedp.ByQuery),
				b.poll(fmt.Sprintf(`location.pathname === %q && document.querySelector(".nav a[aria-current]").getAttribute("href") === %q`, path, b.href(path))),
				b.poll(appReady))
		}
	}
	var st chartState
	b.eval(t, chartStateJS, &st)
	if st.Live != st.Charts {
		t.Errorf("after %d page changes %d ECharts instances are alive for %d charts on the page", 5*len(ui.ReportPages), st.Live, st.Charts)
	}
}

// A report the site does not have, reached within the app, says so.
func TestUnknownReport(t *testing.T) {
	t.Parallel()
	b := newTab(t, portalSite)
	var text string
	// A static server has no page for it; the app, navigated to it, says so.
	b.load(t, "/")
	b.run(t, "unknown", chromedp.Evaluate(fmt.Sprintf(`history.pushState({}, "", %q); window.onpopstate(new PopStateEvent("popstate")); true`, b.href("/r/no-such-report")), nil),
		b.poll(`!!document.querySelector(".error-panel")`),
		chromedp.Text(".error-panel .error-message", &text, chromedp.ByQuery))
	if !strings.Contains(text, "没有找到报告") || !strings.Contains(text, "no-such-report") {
		t.Errorf("the error panel says %q", text)
	}
	b.ignoreProblems() // the pack that is not there
}

// The downloads of the pages about many reports keep their provenance
// (issue 20.9): a body's trend, a comparison and a ranking each save a CSV
// whose file and source line name the body or every report, and whose
// cells hold one value each (a count and its share are two columns).
func TestManyReportDownloadsKeepTheirSources(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	body, es := v.bodyWithYears()
	var ids []string
	for _, e := range es[len(es)-2:] {
		ids = append(ids, e.ID)
	}
	for _, c := range []struct {
		path, chart string
		want        []string // in the source line
	}{
		{ui.BodyPath(body.ID), "trend-outcomes", []string{body.Name}},
		{"/compare?r=" + strings.Join(ids, ","), "compare-outcomes", []string{
			fmt.Sprintf("《%s%d年政府信息公开工作年度报告》", body.Name, es[len(es)-2].Year),
			fmt.Sprintf("《%s%d年政府信息公开工作年度报告》", body.Name, es[len(es)-1].Year)}},
		{"/ranking", "ranking", []string{"份政府信息公开工作年度报告》"}},
	} {
		b.load(t, c.path)
		var file, href, source string
		sel := "#chart-" + c.chart
		b.run(t, c.path+": the CSV", chromedp.Click(sel+" .switch-table", chromedp.ByQuery), b.poll(fmt.Sprintf(`!!document.querySelector(%q)`, sel+" .table-download a")),
			chromedp.Evaluate(fmt.Sprintf(`document.querySelector(%q).getAttribute("download")`, sel+" .table-download a"), &file),
			chromedp.Evaluate(fmt.Sprintf(`document.querySelector(%q).getAttribute("href")`, sel+" .table-download a"), &href),
			chromedp.Evaluate(fmt.Sprintf(`document.querySelector(%q).dataset.source || ""`, sel), &source))
		text, ok := strings.CutPrefix(href, "data:text/csv;charset=utf-8,")
		csv, err := url.PathUnescape(text)
		if !ok || err != nil {
			t.Fatalf("%s: the CSV's address %.80q: %v", c.path, href, err)
		}
		lines := strings.Split(strings.TrimSpace(csv), "\r\n")
		last := lines[len(lines)-1]
		for _, w := range c.want {
			if !strings.Contains(last, w) || !strings.Contains(source, w) {
				t.Errorf("%s %s: the source line %q (images: %q) lacks %q", c.path, c.chart, last, source, w)
			}
		}
		if len(file) > 124 || file == ".csv" || !strings.HasSuffix(file, ".csv") {
			t.Errorf("%s %s: the file is named %q", c.path, c.chart, file)
		}
		if c.chart == "trend-outcomes" && !strings.Contains(file, body.Name) {
			t.Errorf("%s: the file %q does not name the body", c.path, file)
		}
		if regexp.MustCompile(`[0-9]（[0-9.]+%）`).MatchString(csv) {
			t.Errorf("%s %s: a cell holds a count and its share:\n%s", c.path, c.chart, csv)
		}
	}
}
