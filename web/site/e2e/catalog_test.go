package e2e

// The pages about many reports: the catalog, a comparison, a body over the
// years, a ranking.

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	ui "nianbao/app"
	"nianbao/charts"
	"nianbao/data/catalog"
)

// catalogRow is a row of the catalog as the browser shows it.
type catalogRow struct {
	Body   string `json:"body"`
	Year   string `json:"year"`
	Href   string `json:"href"`
	Status string `json:"status"`
	New    string `json:"new"`
}

const catalogRowsJS = `[...document.querySelectorAll("table.catalog tbody tr")].map(r => ({
	body: r.querySelector("th .body-link").textContent, year: r.querySelector("a.report-link").textContent,
	href: r.querySelector("a.report-link").getAttribute("href"), status: r.cells[4].textContent, new: r.cells[5].textContent}))`

// rowsShown waits until the catalog shows n rows.
func rowsShown(n int) string {
	return fmt.Sprintf(`document.querySelectorAll("table.catalog tbody tr").length === %d`, n)
}

// catalogRows reads the catalog's rows.
func (b *tab) catalogRows(t testing.TB) []catalogRow {
	t.Helper()
	var rows []catalogRow
	b.eval(t, catalogRowsJS, &rows)
	return rows
}

// reportOf is the report a catalog row links to.
func (b *tab) reportOf(row catalogRow) string {
	id, _, _ := strings.Cut(strings.TrimPrefix(row.Href, b.href("/r/")), "/")
	return id
}

// idsOf are the reports of entries.
func idsOf(es []*catalog.Entry) []string {
	var ids []string
	for _, e := range es {
		ids = append(ids, e.ID)
	}
	slices.Sort(ids)
	return ids
}

// Search as you type, letter by letter; filters; the whole state in the
// URL, which alone gives the same list; a status filter and a sort.
func TestCatalogSearchFiltersAndURL(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	body, es := v.bodyWithYears()
	q := v.searchFor(body)
	if q == "" {
		t.Fatalf("no search finds %s alone", body.Name)
	}
	all := len(v.index.Reports)
	var count string
	b.load(t, "/reports")
	b.run(t, "the catalog", b.poll(rowsShown(min(all, 25))), chromedp.Text("#catalog-count", &count, chromedp.ByQuery))
	if want := fmt.Sprintf("找到 %d 份报告（共 %d 份）", all, all); !strings.HasPrefix(count, want) {
		t.Errorf("the count says %q, want %q…", count, want)
	}
	b.checkAxe(t, "/reports")
	b.checkTargets(t, "/reports")
	// Typing goes letter by letter, as a visitor types.
	b.run(t, "type", chromedp.Click("#catalog-q", chromedp.ByQuery), chromedp.SendKeys("#catalog-q", q, chromedp.ByQuery),
		b.poll(rowsShown(len(es))), chromedp.Text("#catalog-count", &count, chromedp.ByQuery))
	rows := b.catalogRows(t)
	var ids []string
	for _, r := range rows {
		ids = append(ids, b.reportOf(r))
		if r.Body != body.Name {
			t.Errorf("%q lists %q", q, r.Body)
		}
	}
	if slices.Sort(ids); !slices.Equal(ids, idsOf(es)) {
		t.Errorf("%q lists %q, want %q", q, ids, idsOf(es))
	}
	if want := fmt.Sprintf("找到 %d 份报告（共 %d 份）", len(es), all); count != want {
		t.Errorf("the count says %q, want %q", count, want)
	}
	// A keystroke's list is on the page when its input event returns:
	// go-app renders it in the event's own task, not at its frames'
	// next tick up to 16.7 ms later (patch prompt-frame,
	// third_party/go-app/PATCHES.md). Cleared and typed again, twice, in
	// one task: a tick that happens to be due passes one keystroke, not
	// four.
	typed := []string{"", q, "", q}
	var now []string
	js, _ := json.Marshal(typed)
	b.eval(t, fmt.Sprintf(`%s.map(q => {
		const input = document.querySelector("#catalog-q");
		input.value = q;
		input.dispatchEvent(new Event("input", {bubbles: true}));
		return document.querySelector("#catalog-count").textContent;
	})`, js), &now)
	for i, q := range typed {
		n := all
		if q != "" {
			n = len(es)
		}
		if want := fmt.Sprintf("找到 %d 份报告（共 %d 份）", n, all); i >= len(now) || !strings.HasPrefix(now[i], want) {
			t.Errorf("the count when input event %d (%q) returned: %q, want %q…", i+1, q, now, want)
		}
	}
	b.run(t, "typed again", b.poll(rowsShown(len(es))))
	// A year.
	e := es[0]
	year := strconv.Itoa(e.Year)
	var loc string
	b.run(t, "year", chromedp.SetValue("#catalog-year", year, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector("#catalog-year").dispatchEvent(new Event("change", {bubbles: true}))`, nil),
		b.poll(rowsShown(1)), chromedp.Location(&loc))
	u, err := url.Parse(loc)
	if err != nil || u.Query().Get("year") != year || u.Query().Get("q") != q {
		t.Errorf("the filter is not in the URL: %s", loc)
	}
	// The URL alone gives the same list: reload it.
	b.run(t, "reload", chromedp.Navigate(loc), b.poll(appReady), b.poll(rowsShown(1)))
	if rows := b.catalogRows(t); len(rows) != 1 || b.reportOf(rows[0]) != e.ID || rows[0].Year != year {
		t.Errorf("reloaded %s shows %+v, want %s", loc, rows, e.ID)
	}
	// 有不一致: the reports with findings, and only those.
	var findings []*catalog.Entry
	for i := range v.index.Reports {
		if e := &v.index.Reports[i]; e.Consistency() == catalog.HasFindings {
			findings = append(findings, e)
		}
	}
	b.goInApp(t, "/reports?status=findings")
	b.run(t, "status", b.poll(rowsShown(min(len(findings), 25))), chromedp.Text("#catalog-count", &count, chromedp.ByQuery))
	if want := fmt.Sprintf("找到 %d 份报告（共 %d 份）", len(findings), all); !strings.HasPrefix(count, want) {
		t.Errorf("有不一致: the count says %q, want %q…", count, want)
	}
	for _, r := range b.catalogRows(t) {
		if e := v.entry(b.reportOf(r)); e == nil || e.Consistency() != catalog.HasFindings || r.Status != catalog.HasFindings.Label() {
			t.Errorf("有不一致 lists %+v", r)
		}
	}
	// Sorted by requests received, the largest first.
	most := slices.MaxFunc(v.index.Reports, func(a, b catalog.Entry) int { return int(a.New() - b.New()) })
	b.goInApp(t, "/reports?sort=new")
	b.run(t, "sort", b.poll(rowsShown(min(all, 25))))
	if rows := b.catalogRows(t); rows[0].New != charts.Count(most.New()) {
		t.Errorf("sorted by requests received, the first is %+v; the most received %d", rows[0], most.New())
	}
}

// Typing writes the search into the address once it pauses, not at every
// letter (app/address.go: replaceState cost a keystroke 9 ms at 4x CPU); a
// click right after the last letter writes it first, so the catalog's
// history entry holds what was typed when the visitor comes back.
func TestCatalogWritesTheSearchWhenTypingPauses(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	body, es := v.bodyWithYears()
	q := v.searchFor(body)
	b.load(t, "/reports")
	b.run(t, "the catalog", b.poll(rowsShown(min(len(v.index.Reports), 25))))
	// Letter by letter in one task: the rows follow each letter, the
	// address none until typing pauses.
	var writes int
	b.eval(t, fmt.Sprintf(`(() => {
		window.replaced = 0;
		const replace = history.replaceState;
		history.replaceState = function (...a) { window.replaced++; return replace.apply(this, a); };
		const input = document.querySelector("#catalog-q"), q = %q;
		for (let i = 1; i <= q.length; i++) {
			input.value = q.slice(0, i);
			input.dispatchEvent(new Event("input", {bubbles: true}));
		}
		return window.replaced;
	})()`, q), &writes)
	if writes != 0 {
		t.Errorf("typing %q wrote the address %d times while typing", q, writes)
	}
	b.run(t, "the pause", b.poll(rowsShown(len(es))),
		b.poll(fmt.Sprintf(`new URLSearchParams(location.search).get("q") === %q`, q)), chromedp.Evaluate(`window.replaced`, &writes))
	if writes != 1 {
		t.Errorf("typing %q, then a pause, wrote the address %d times: want once", q, writes)
	}
	// Cleared, and a report's link clicked at once: back from the report,
	// the catalog's entry is the cleared search.
	b.run(t, "cleared, then a click", chromedp.Evaluate(`(() => {
		const input = document.querySelector("#catalog-q");
		input.value = "";
		input.dispatchEvent(new Event("input", {bubbles: true}));
		document.querySelector("table.catalog tbody a.report-link").click();
	})()`, nil), b.poll(`location.pathname.startsWith("/r/")`), b.poll(appReady),
		chromedp.Evaluate(`history.back()`, nil), b.poll(`location.pathname === "/reports"`), b.poll(appReady))
	var search string
	b.eval(t, `location.search`, &search)
	if strings.Contains(search, "q=") {
		t.Errorf("back from a report opened right after the search was cleared, the catalog's address is %q: the search cleared was not written", search)
	}
	// A search that finds nothing offers 清除搜索和筛选, a link to the
	// catalog's first address: go-app ignored a link to the address it
	// last knew, which the written search had not told it (patch
	// replace-url).
	b.run(t, "nothing found, then cleared", chromedp.Click("#catalog-q", chromedp.ByQuery), chromedp.SendKeys("#catalog-q", "无此机关zz", chromedp.ByQuery),
		b.poll(`!!document.querySelector("#clear-filters") && new URLSearchParams(location.search).get("q") === "无此机关zz"`),
		chromedp.Click("#clear-filters", chromedp.ByQuery),
		b.poll(`location.search === "" && !document.querySelector("#clear-filters")`), b.poll(rowsShown(min(len(v.index.Reports), 25))))
}

// The catalog keeps the report in view: a way back to it, and the link of
// another year of its body opens that year on the same page; a reload of
// the catalog still knows it. At the root and under a path.
func TestCatalogKeepsTheReportInView(t *testing.T) {
	t.Parallel()
	for _, v := range []*variant{portalSite, jiangsuSite} {
		t.Run(v.name, func(t *testing.T) {
			t.Parallel()
			b := newTab(t, v)
			body, es := v.bodyWithYears()
			if len(es) < 2 {
				t.Fatalf("no body of the %s site has two years", v.name)
			}
			last, other := es[len(es)-1], es[len(es)-2]
			from := ui.ReportPath(last.ID, "/appeals")
			var back, backText string
			var ok bool
			b.load(t, from)
			b.run(t, "to the catalog", chromedp.Click(fmt.Sprintf(`.nav-site a[href=%q]`, b.href("/reports")), chromedp.ByQuery),
				b.poll(`location.pathname === "/reports"`), b.poll(appReady),
				b.poll(`document.querySelectorAll("table.catalog tbody tr").length > 0 && !!document.querySelector("#back-report")`),
				chromedp.AttributeValue("#back-report", "href", &back, &ok, chromedp.ByQuery),
				chromedp.Text("#back-report", &backText, chromedp.ByQuery))
			if want := fmt.Sprintf("返回%s%d年报告", body.Name, last.Year); back != b.href(from) || backText != want {
				t.Errorf("the catalog's way back is %q to %s, want %q to %s", backText, back, want, b.href(from))
			}
			// Another year of the body, chosen in the catalog, opens on
			// the same page (复议诉讼), not on its overview.
			to := ui.ReportPath(other.ID, "/appeals")
			b.run(t, "another year", chromedp.Click("#catalog-q", chromedp.ByQuery), chromedp.SendKeys("#catalog-q", v.searchFor(body), chromedp.ByQuery),
				b.poll(rowsShown(len(es))),
				chromedp.Click(fmt.Sprintf(`table.catalog a.report-link[href=%q]`, b.href(to)), chromedp.ByQuery),
				b.poll(fmt.Sprintf(`location.pathname === %q`, to)), b.poll(appReady))
			// A reload of the catalog still knows it.
			b.load(t, "/reports")
			b.run(t, "reload", b.poll(`!!document.querySelector("#back-report")`),
				chromedp.AttributeValue("#back-report", "href", &back, &ok, chromedp.ByQuery))
			if back != b.href(to) {
				t.Errorf("after a reload the catalog's way back goes to %s, want %s", back, b.href(to))
			}
		})
	}
}

// compared is the comparison's choice of entries, as the page names them.
func (v *variant) compared(ids ...string) []charts.Compared {
	var cs []charts.Compared
	for _, id := range ids {
		e := v.entry(id)
		cs = append(cs, charts.Compared{Name: fmt.Sprintf("%s %d年", v.index.BodyOf(e).Name, e.Year), Entry: e})
	}
	return cs
}

// Reports chosen in the catalog (after a search changed its rows) open as
// a comparison whose URL alone opens it again: the key figures and the
// charts of the reports chosen.
func TestCompareChosenInTheCatalog(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	body, es := v.bodyWithYears()
	if len(es) < 2 {
		t.Fatalf("no body of the %s site has two years", v.name)
	}
	var loc string
	b.load(t, "/reports")
	// The rows are chosen after a search has changed them, as a visitor
	// does: each button must add the report its row shows now.
	b.run(t, "choose", chromedp.Click("#catalog-q", chromedp.ByQuery), chromedp.SendKeys("#catalog-q", v.searchFor(body), chromedp.ByQuery),
		b.poll(rowsShown(len(es))),
		chromedp.Click(`table.catalog tbody tr:nth-child(1) .compare-toggle`, chromedp.ByQuery),
		b.poll(`document.querySelector("table.catalog tbody tr:nth-child(1) .compare-toggle").getAttribute("aria-pressed") === "true"`),
		chromedp.Click(`table.catalog tbody tr:nth-child(2) .compare-toggle`, chromedp.ByQuery),
		b.poll(`!!document.querySelector("#open-compare")`))
	rows := b.catalogRows(t)
	chosen := []string{b.reportOf(rows[0]), b.reportOf(rows[1])}
	b.run(t, "compare", chromedp.Click("#open-compare", chromedp.ByQuery),
		b.poll(`location.pathname === "/compare"`), b.poll(appReady), chromedp.Location(&loc))
	if u, err := url.Parse(loc); err != nil || u.Query().Get("r") != strings.Join(chosen, ",") {
		t.Errorf("the comparison's URL is %s, want r=%s", loc, strings.Join(chosen, ","))
	}
	// Three reports, of three bodies where the site has them, from the
	// URL.
	var ids []string
	for i := range v.index.Bodies {
		if _, bes := v.index.FindBody(v.index.Bodies[i].ID); len(ids) < 3 {
			ids = append(ids, bes[0].ID)
		}
	}
	for _, e := range v.index.Reports {
		if len(ids) < 3 && !slices.Contains(ids, e.ID) {
			ids = append(ids, e.ID)
		}
	}
	path := "/compare?r=" + strings.Join(ids, ",")
	b.load(t, path)
	b.run(t, "charts", b.poll(`document.querySelectorAll(".chart-canvas").length === 2`))
	cs := v.compared(ids...)
	var heading string
	var names []string
	b.eval(t, `document.querySelector("#chosen-title").textContent`, &heading)
	b.eval(t, `[...document.querySelectorAll("ul.chosen .report-link")].map(a => a.textContent)`, &names)
	if want := fmt.Sprintf("比较的报告（%d 份）", len(cs)); heading != want {
		t.Errorf("the heading is %q, want %q", heading, want)
	}
	for i, c := range cs {
		if i >= len(names) || names[i] != c.Name {
			t.Errorf("the chosen reports are %q; want %q at %d", names, c.Name, i+1)
		}
	}
	figures, cc := charts.Compare(cs)
	b.checkViews(t, path, append([]charts.Table{figures}, tablesOf(cc)...)...)
}

// A body over the years, reached from one of its reports: a chart of each
// measure with its table, each year's report, the cross-year check.
func TestBodyPage(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	body, es := v.bodyWithYears()
	path := ui.BodyPath(body.ID)
	b.load(t, ui.ReportPath(es[len(es)-1].ID, "/"))
	b.run(t, "to the body", chromedp.Click("#body-link", chromedp.ByQuery), b.poll(fmt.Sprintf(`location.pathname === %q`, path)), b.poll(appReady))
	checkBodyPage(t, b, v, body, es, path)
}

// checkBodyPage checks a body's page (the page in view, and prerendered):
// headed with the body's name, each of its years a link to that year's
// report, a chart of each measure over the years with its table, the
// cross-year check.
func checkBodyPage(t *testing.T, b *tab, v *variant, body *catalog.Body, es []*catalog.Entry, path string) {
	t.Helper()
	type link struct{ Text, Href string }
	var want []link
	for _, e := range es {
		want = append(want, link{fmt.Sprintf("%d年报告", e.Year), b.href(ui.ReportPath(e.ID, "/"))})
	}
	// Prerendered.
	doc := v.page(t, path)
	var pre []link
	for _, a := range all(doc, byTag("ul").class("year-list"), byTag("a").class("report-link")) {
		pre = append(pre, link{text(a), attrOf(a, "href")})
	}
	if h := text(one(doc, byID("page-title"))); h != body.Name || !slices.Equal(pre, want) {
		t.Errorf("the prerendered %s is headed %q with the years %+v; want %q, %+v", path, h, pre, body.Name, want)
	}
	// In the app.
	var heading string
	var years []link
	b.eval(t, `document.querySelector("#page-title").textContent`, &heading)
	b.eval(t, `[...document.querySelectorAll(".year-list a.report-link")].map(a => ({Text: a.textContent, Href: a.getAttribute("href")}))`, &years)
	if heading != body.Name || !slices.Equal(years, want) {
		t.Errorf("%s is headed %q with the years %+v; want %q, %+v", path, heading, years, body.Name, want)
	}
	trend := charts.Trend(body.Name, es)
	var st chartState
	b.eval(t, chartStateJS, &st)
	if st.Live != len(trend) || st.Charts != len(trend) {
		t.Errorf("%d charts, %d alive on the body's page, want %d", st.Charts, st.Live, len(trend))
	}
	// The cross-year check: not run without adjacent years; else each
	// pair in line, or the years that are not.
	var cross string
	b.eval(t, `document.querySelector("[aria-labelledby=cross-year-title] .status").textContent`, &cross)
	checked, crossYear := 0, 0
	for _, e := range es {
		if e.PrevYear {
			checked++
		}
		crossYear += e.CrossYear
	}
	switch {
	case checked == 0 && !strings.HasPrefix(cross, "不适用"),
		checked > 0 && crossYear == 0 && cross != fmt.Sprintf("✓ %d 对相邻年度的结转数字一致。", checked),
		crossYear > 0 && !strings.Contains(cross, "列不一致"):
		t.Errorf("the cross-year check (%d pairs, %d findings) says %q", checked, crossYear, cross)
	}
	b.checkViews(t, path, tablesOf(trend)...)
}

// A ranking shows the counts beside every rate.
func TestRanking(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	year := v.portal.Year
	path := fmt.Sprintf("/ranking?year=%d&by=open", year)
	var rows []string
	b.load(t, path)
	b.showAllTables(t)
	b.eval(t, `[...document.querySelectorAll("#chart-ranking tbody tr")].map(r => r.textContent)`, &rows)
	if len(rows) == 0 {
		t.Fatal("no ranking rows")
	}
	for _, r := range rows {
		if !strings.Contains(r, "/") || !strings.Contains(r, "件") || !strings.Contains(r, "%") {
			t.Errorf("a rate without its counts: %q", r)
		}
	}
	b.checkAxe(t, path)
	b.checkTargets(t, path)
}

// The catalog lists every report the site ships: prerendered, every body
// with a link to each of its years; in the app, page after page.
func TestCatalogListsEveryReport(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	doc := v.page(t, "/reports")
	var want []string
	for _, r := range v.reports {
		want = append(want, r.ID)
	}
	slices.Sort(want)
	var got []string
	for _, a := range all(doc, byTag("ul").class("catalog-plain"), byTag("a").class("year-link")) {
		got = append(got, strings.TrimPrefix(attrOf(a, "href"), "/r/"))
	}
	if slices.Sort(got); !slices.Equal(got, want) {
		t.Errorf("the prerendered catalog links to %q, want %q", got, want)
	}
	var bodies []string
	for _, b := range v.index.Bodies {
		bodies = append(bodies, b.Name)
	}
	if names := texts(all(doc, byTag("ul").class("catalog-plain"), byTag("a").class("body-link"))); !slices.Equal(names, bodies) {
		t.Errorf("the prerendered catalog lists the bodies %q, want %q", names, bodies)
	}
	// In the app, page after page.
	got = nil
	pages := (len(want) + 24) / 25
	b.load(t, "/reports")
	for p := 1; p <= pages; p++ {
		n := min(25, len(want)-25*(p-1))
		b.run(t, fmt.Sprintf("page %d", p), b.poll(rowsShown(n)), b.poll(fmt.Sprintf(`document.querySelector(".pager span").textContent === "第 %d / %d 页"`, p, pages)))
		for _, r := range b.catalogRows(t) {
			got = append(got, b.reportOf(r))
		}
		if p < pages {
			b.run(t, "next", chromedp.Click(`.pager a.button:last-child`, chromedp.ByQuery))
		}
	}
	if slices.Sort(got); !slices.Equal(got, want) {
		t.Errorf("the catalog's pages list %q, want %q", got, want)
	}
}

// blocksFetchedJS is how many blocks of the index the page has fetched.
const blocksFetchedJS = `new Set(performance.getEntriesByType("resource").map(e => e.name).filter(n => n.includes("/data/index/"))).size`

// The catalog fetches the index's directory and the blocks of the rows it
// shows, not every report's figures; a sort by a figure fetches them all,
// and lists in its order once they are in.
func TestCatalogFetchesTheFiguresItShows(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	dir, err := os.ReadFile(filepath.Join(v.dir, catalog.PacksDir, "index.json"))
	if err != nil {
		t.Fatal(err)
	}
	x, err := catalog.ParseDirectory(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(x.BlockFiles) < 3 {
		t.Fatalf("the test's site has %d blocks of the index", len(x.BlockFiles))
	}
	body, es := v.bodyWithYears()
	b.load(t, "/reports?sort=name&q="+url.QueryEscape(v.searchFor(body)))
	b.run(t, "the body's reports", b.poll(rowsShown(len(es))), b.poll(`!document.querySelector("table.catalog tbody").textContent.includes("载入中")`))
	var n int
	if b.eval(t, blocksFetchedJS, &n); n != 1 {
		t.Errorf("one body's reports fetched %d blocks of the index, want 1", n)
	}
	for _, r := range b.catalogRows(t) {
		if e := v.entry(b.reportOf(r)); e == nil || r.New != charts.Count(e.New()) {
			t.Errorf("row %+v: 本年新收 is not the index's", r)
		}
	}
	// Every report, sorted by 本年新收 from the menu: every block, then the
	// order (not the catalog's first, by year).
	b.run(t, "every report", chromedp.Evaluate(`(() => { const i = document.querySelector("#catalog-q"); i.value = ""; i.dispatchEvent(new Event("input", {bubbles: true})); return true })()`, nil),
		b.poll(rowsShown(min(len(v.index.Reports), 25))))
	b.run(t, "sort by 本年新收", chromedp.SetValue("#catalog-sort", "new", chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector("#catalog-sort").dispatchEvent(new Event("change", {bubbles: true}))`, nil),
		b.poll(`location.search.includes("sort=new") && !document.querySelector("#catalog-count").textContent.includes("载入") && !document.querySelector("table.catalog tbody").textContent.includes("载入中")`))
	if b.eval(t, blocksFetchedJS, &n); n != len(x.BlockFiles) {
		t.Errorf("a sort by 本年新收 fetched %d blocks of %d", n, len(x.BlockFiles))
	}
	want := make([]int64, len(v.index.Reports))
	for i := range v.index.Reports {
		want[i] = v.index.Reports[i].New()
	}
	slices.SortFunc(want, func(a, b int64) int { return int(b - a) })
	var got, counts []string
	for _, r := range b.catalogRows(t) {
		got = append(got, r.New)
	}
	for _, n := range want[:len(got)] {
		counts = append(counts, charts.Count(n))
	}
	if !slices.Equal(got, counts) {
		t.Errorf("sorted by 本年新收: %q, want %q", got, counts)
	}
}

// Typing in the catalog fetches figures only once typing pauses: a
// keystroke's own task filters and shows the rows (their figures 载入中),
// and a word half typed fetches none of the blocks of the rows it showed.
func TestCatalogFetchesFiguresOnceTypingPauses(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	// Two bodies in different blocks of the index, each found alone by a
	// word of its name.
	var first, second *catalog.Body
	var wordA, wordB string
	for i := range v.index.Bodies {
		c := &v.index.Bodies[i]
		w := v.searchFor(c)
		if w == "" || len([]rune(w)) < 2 {
			continue
		}
		switch {
		case first == nil:
			first, wordA = c, w
		case second == nil && blockOf(v, c) != blockOf(v, first):
			second, wordB = c, w
		}
	}
	if second == nil {
		t.Fatal("the test's site has no two bodies in different blocks found alone by a word")
	}
	_, es := v.index.FindBody(second.ID)
	b.load(t, "/reports?q="+url.QueryEscape(wordA))
	b.run(t, "the first body's reports", b.poll(`!document.querySelector("table.catalog tbody").textContent.includes("载入中")`))
	// The blocks' fetches, as they start (a resource's timing is there
	// only once it is in).
	b.eval(t, `(() => {
		const fetch = window.fetch;
		window.blocksAsked = [];
		window.fetch = function (req, ...rest) {
			const u = String(req && req.url || req);
			if (u.includes("/data/index/")) blocksAsked.push(u);
			return fetch.call(this, req, ...rest);
		};
		return true;
	})()`, nil)
	// The second body's word typed a character at a time, in one task.
	var typed struct {
		Asked   int
		Rows    int
		Loading bool
	}
	b.eval(t, fmt.Sprintf(`(() => {
		const input = document.querySelector("#catalog-q"), word = [...%q];
		for (let i = 1; i <= word.length; i++) {
			input.value = word.slice(0, i).join("");
			input.dispatchEvent(new Event("input", {bubbles: true}));
		}
		const body = document.querySelector("table.catalog tbody");
		return {asked: blocksAsked.length, rows: body.rows.length, loading: body.textContent.includes("载入中")};
	})()`, wordB), &typed)
	if typed.Asked != 0 || typed.Rows != len(es) || !typed.Loading {
		t.Errorf("right after typing %q: %d blocks asked for, %d rows (want %d), 载入中 shown %v; want no fetch yet, the rows, their figures on their way",
			wordB, typed.Asked, typed.Rows, len(es), typed.Loading)
	}
	b.run(t, "the figures once typing paused", b.poll(`!document.querySelector("table.catalog tbody").textContent.includes("载入中")`))
	var asked []string
	if b.eval(t, `blocksAsked`, &asked); len(asked) != 1 {
		t.Errorf("typing %q fetched the blocks %q, want one (its body's)", wordB, asked)
	}
	for _, r := range b.catalogRows(t) {
		if e := v.entry(b.reportOf(r)); e == nil || r.New != charts.Count(e.New()) {
			t.Errorf("row %+v: 本年新收 is not the index's", r)
		}
	}
}

// blockOf is the block of the index that holds the body's figures.
func blockOf(v *variant, body *catalog.Body) int {
	_, es := v.index.FindBody(body.ID)
	return v.index.Block(es[0])
}

// A body's page fetches its own block of the index and its latest
// report's pack, whose peers it shows as that report's overview does: not
// every report's figures.
func TestABodysPageFetchesItsOwnFigures(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	body, es := v.bodyWithYears()
	last := slices.MaxFunc(es, func(a, b *catalog.Entry) int { return a.Year - b.Year })
	b.load(t, "/b/"+body.ID)
	b.run(t, "the body's page", b.poll(`!!document.querySelector("#peers-title")`))
	var n int
	if b.eval(t, blocksFetchedJS, &n); n != 1 {
		t.Errorf("a body's page fetched %d blocks of the index, want 1", n)
	}
	var got []string
	b.eval(t, `[...document.querySelectorAll("table.peers tbody tr")].map(r => r.textContent.replace(/\s+/g, ""))`, &got)
	var want []string
	for _, tr := range all(v.page(t, "/r/"+last.ID), byTag("table").class("peers"), byTag("tbody"), byTag("tr")) {
		want = append(want, squash(text(tr)))
	}
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("the body's peers %q, its %d report's overview's %q", got, last.Year, want)
	}
}
