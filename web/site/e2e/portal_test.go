package e2e

// A portal's own site: its front page across its bodies, its identity on
// every page, nothing of another portal, and the addresses a former
// version served.

import (
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	nethtml "golang.org/x/net/html"

	ui "nianbao/app"
	"nianbao/charts"
	"nianbao/web/site"
)

// frontTables are the front page's tables as the page must show them:
// its charts' (the latest year's reports added up), the bodies at a glance
// and every year's totals.
func frontTables(x *charts.Portal) []charts.Table {
	var out []charts.Table
	for _, c := range frontCharts(x) {
		out = append(out, c.Table)
	}
	bodies := charts.Table{Caption: fmt.Sprintf("%d年各机关（按本年新收申请排列）", x.Year),
		Head: []string{"序号", "机关", "本年新收", "本年办理", "公开比例", "行政复议", "数据校验"}}
	for i, b := range x.Bodies[:min(len(x.Bodies), 20)] {
		bodies.Rows = append(bodies.Rows, charts.Row{Head: strconv.Itoa(i + 1), Cells: []charts.Cell{
			charts.TextCell(b.Name), charts.NumCell(b.New), charts.NumCell(b.Handled), charts.TextCell(charts.Percent(b.Opened, b.Handled)),
			charts.NumCell(b.Review), charts.TextCell(b.Consistency.Label()),
		}})
	}
	years := charts.Table{Caption: "历年汇总（各机关报告之和）",
		Head: []string{"年度", "发布报告的机关", "本年新收", "本年办理", "公开比例", "行政复议", "复议纠正比例", "有不一致的报告"}}
	for _, y := range x.Years {
		years.Rows = append(years.Rows, charts.Row{Head: fmt.Sprintf("%d年", y.Year), Cells: []charts.Cell{
			charts.NumCell(int64(y.Bodies)), charts.NumCell(y.New), charts.NumCell(y.Handled), charts.TextCell(charts.Percent(y.Opened, y.Handled)),
			charts.NumCell(y.Review), charts.TextCell(charts.Percent(y.Corrected, y.Concluded)), charts.NumCell(int64(y.Findings)),
		}})
	}
	return append(out, bodies, years)
}

// frontCharts are the front page's charts.
func frontCharts(x *charts.Portal) []charts.Chart {
	return []charts.Chart{x.Sum.Outcomes(""), x.Sum.Chart("applicants"), x.Sum.Chart("appeals")}
}

// The front page is the portal's latest year across its bodies: how many
// published, the totals (the key figures of their sum), its charts, the
// bodies at a glance, every year's totals and the way into the catalog;
// prerendered and in the app. A portal of one body opens on that body's
// page.
func TestFrontPage(t *testing.T) {
	t.Parallel()
	for _, v := range []*variant{portalSite, jiangsuSite} {
		t.Run(v.name, func(t *testing.T) {
			t.Parallel()
			checkFrontPage(t, v)
		})
	}
}

func checkFrontPage(t *testing.T, v *variant) {
	b := newTab(t, v)
	if len(v.index.Bodies) == 1 {
		body, es := v.bodyWithYears()
		b.load(t, "/")
		checkBodyPage(t, b, v, body, es, "/")
		return
	}
	x := v.portal
	heading := fmt.Sprintf("%d年度报告汇总", x.Year)
	lead := fmt.Sprintf("%d年度，本站收录的 %d 个机关中有 %d 个发布了报告。", x.Year, x.AllBodies, x.ThisYear().Bodies)
	figures := charts.KeyFigures(x.Sum.Report, x.Sum.Marks())

	// Prerendered.
	doc := v.page(t, "/")
	if h := text(one(doc, byID("page-title"))); h != heading {
		t.Errorf("the prerendered front page is headed %q, want %q", h, heading)
	}
	if p := text(one(doc, byTag("main"), byTag("p").class("lead"))); !strings.HasPrefix(p, lead) {
		t.Errorf("the prerendered front page says %q, want %q…", p, lead)
	}
	for _, c := range frontCharts(x) {
		if one(doc, byTag("figure").class("chart").attr("id", "chart-"+c.ID)) == nil {
			t.Errorf("the prerendered front page lacks the chart %s", c.ID)
		}
	}
	for _, f := range figures {
		if got := squash(text(one(doc, byID("figure-"+f.ID), byClass("figure-value")))); got != f.Value+f.Unit {
			t.Errorf("the prerendered key figure %s is %q, want %q", f.ID, got, f.Value+f.Unit)
		}
	}

	// In the app.
	b.load(t, "/")
	var got struct {
		Heading string            `json:"heading"`
		Lead    string            `json:"lead"`
		Figures map[string]string `json:"figures"`
		Catalog string            `json:"catalog"`
	}
	b.eval(t, `({heading: document.querySelector("#page-title").textContent, lead: document.querySelector("main p.lead").textContent,
		figures: Object.fromEntries([...document.querySelectorAll(".figure")].map(f => [f.id, f.querySelector(".figure-value").textContent])),
		catalog: document.querySelector("#to-catalog").getAttribute("href")})`, &got)
	if got.Heading != heading || !strings.HasPrefix(got.Lead, lead) || got.Catalog != b.href("/reports") {
		t.Errorf("the front page: %+v; want %q, %q…, a link to /reports", got, heading, lead)
	}
	for _, f := range figures {
		if got.Figures["figure-"+f.ID] != f.Value+f.Unit {
			t.Errorf("the key figure %s is %q, want %q", f.ID, got.Figures["figure-"+f.ID], f.Value+f.Unit)
		}
	}
	var st chartState
	b.eval(t, chartStateJS, &st)
	if st.Charts != 3 || st.Live != 3 {
		t.Errorf("%d charts, %d alive on the front page, want 3", st.Charts, st.Live)
	}
	b.checkViews(t, "/", frontTables(x)...)
}

// identityItems are what a footer's identity must list, as text and link.
func identityItems(sf *site.SiteFile) [][2]string {
	var items [][2]string
	if sf.Owner != "" {
		items = append(items, [2]string{"主办单位：" + sf.Owner, ""})
	}
	if sf.SiteCode != "" {
		items = append(items, [2]string{"网站标识码：" + sf.SiteCode, ""})
	}
	if sf.ICP != "" {
		items = append(items, [2]string{sf.ICP, "https://beian.miit.gov.cn/"})
	}
	if sf.Police != "" {
		var digits strings.Builder
		for _, r := range sf.Police {
			if r >= '0' && r <= '9' {
				digits.WriteRune(r)
			}
		}
		items = append(items, [2]string{sf.Police, "https://beian.mps.gov.cn/#/query/webSearch?code=" + digits.String()})
	}
	if sf.Contact != "" {
		items = append(items, [2]string{"联系方式：" + sf.Contact, ""})
	}
	if sf.Correction != "" {
		items = append(items, [2]string{"我要纠错", sf.Correction})
	}
	return items
}

// samplePages are a page of each kind of the site: the front page, a
// report's pages, a category's, the catalog's, a body's, the page of a
// path it does not have.
func (v *variant) samplePages() []string {
	r := v.reports[0]
	out := append([]string{"/"}, reportPages(r)...)
	for _, p := range ui.CatalogPages {
		out = append(out, p.Path)
	}
	if len(v.index.Reports) >= 2 {
		out = append(out, "/compare?r="+v.index.Reports[0].ID+","+v.index.Reports[1].ID)
	}
	return append(out, ui.BodyPath(v.bodyOf(r.ID).ID), ui.NotFoundPath)
}

// The footer of every page carries the site's identity as its site file
// gives it (主办单位, 网站标识码, the filings with their links, contact, 纠错),
// and the masthead and every title the site's name: every prerendered
// page, and a page of each kind in the app. On a site whose file gives
// all of it, and on the shipped portal.
func TestFooterIdentity(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		v    *variant
		file string
	}{
		{identitySite, filepath.Join("testdata", "identity", "site.json")},
		{portalSite, filepath.Join(repoRoot, "sites", "pingtan", "site.json")},
	} {
		t.Run(c.v.name, func(t *testing.T) {
			t.Parallel()
			v := c.v
			b := newTab(t, v)
			sf, err := site.ReadSiteFile(c.file)
			if err != nil {
				t.Fatal(err)
			}
			want := identityItems(sf)
			if len(want) == 0 {
				t.Fatalf("%s gives no identity", c.file)
			}
			if v == identitySite && len(want) != 6 {
				t.Fatalf("%s gives %d of the 6 members of an identity", c.file, len(want))
			}
			for _, p := range v.pages(t) {
				if strings.HasPrefix(p, "/embed/") {
					// An embed is a chart in another page of the portal,
					// which carries the footer: nothing else is on it.
					continue
				}
				doc := v.page(t, p)
				var got [][2]string
				for _, li := range all(doc, byTag("footer"), byTag("ul").class("identity"), byTag("li")) {
					href := ""
					if a := one(li, byTag("a")); a != nil {
						href = attrOf(a, "href")
					}
					got = append(got, [2]string{text(li), href})
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s: the footer's identity is %q, want %q", p, got, want)
				}
				if name := text(one(doc, byClass("brand-name"))); name != sf.Name {
					t.Errorf("%s: the masthead names %q, want %q", p, name, sf.Name)
				}
				if title := text(one(doc, byTag("title"))); !strings.HasSuffix(title, sf.Name) {
					t.Errorf("%s: the title %q does not end with %q", p, title, sf.Name)
				}
			}
			for i, p := range v.samplePages() {
				if i == 0 {
					b.load(t, p)
				} else {
					b.goInApp(t, p)
				}
				var got [][2]string
				b.eval(t, `[...document.querySelectorAll("footer ul.identity li")].map(li => [li.textContent, li.querySelector("a") ? li.querySelector("a").getAttribute("href") : ""])`, &got)
				if !slices.Equal(got, want) {
					t.Errorf("%s in the app: the footer's identity is %q, want %q", p, got, want)
				}
			}
		})
	}
}

// otherPortal is a name of the second example's that the shipped portal's
// pages never hold.
const otherPortal = "南通"

// names says where a page names s, in its text or in an attribute, but
// for in the site's own name.
func names(doc *nethtml.Node, s, siteName string) []string {
	var where []string
	has := func(t string) bool { return strings.Contains(strings.ReplaceAll(t, siteName, ""), s) }
	walk(doc, func(n *nethtml.Node) {
		switch n.Type {
		case nethtml.TextNode:
			if has(n.Data) {
				where = append(where, fmt.Sprintf("<%s> %.60q", n.Parent.Data, n.Data))
			}
		case nethtml.ElementNode:
			for _, a := range n.Attr {
				if has(a.Val) {
					where = append(where, fmt.Sprintf("<%s %s> %.60q", n.Data, a.Key, a.Val))
				}
			}
		}
	})
	return where
}

// Nothing on any page names 南通 unless it is about 南通's report: on the
// shipped portal no page does, prerendered or in the app; on the second
// example (whose own name names 南通), only the pages of 南通's report and
// body, the addresses its pages once had, and the catalog that lists every
// report.
func TestNothingNamesAnotherPortal(t *testing.T) {
	t.Parallel()
	t.Run("portal", func(t *testing.T) {
		t.Parallel()
		v := portalSite
		b := newTab(t, v)
		for _, p := range v.pages(t) {
			for _, w := range names(v.page(t, p), otherPortal, "") {
				t.Errorf("%s names %s: %s", p, otherPortal, w)
			}
		}
		for i, p := range v.samplePages() {
			if i == 0 {
				b.load(t, p)
			} else {
				b.goInApp(t, p)
			}
			var html string
			b.eval(t, `document.documentElement.outerHTML`, &html)
			if strings.Contains(html, otherPortal) {
				i := strings.Index(html, otherPortal)
				t.Errorf("%s in the app names %s: …%s…", p, otherPortal, html[max(0, i-100):min(len(html), i+100)])
			}
		}
	})
	t.Run("jiangsu", func(t *testing.T) {
		t.Parallel()
		v := jiangsuSite
		browser(t)
		v.build(t)
		sf, err := site.ReadSiteFile(filepath.Join(repoRoot, "sites", "jiangsu", "site.json"))
		if err != nil {
			t.Fatal(err)
		}
		about := func(p string) bool {
			for _, r := range v.reports {
				if strings.Contains(r.Body, otherPortal) && (strings.HasPrefix(p, ui.ReportPath(r.ID, "/")) || p == ui.BodyPath(v.bodyOf(r.ID).ID) ||
					p == "/embed/r/"+r.ID || p == "/embed/b/"+v.bodyOf(r.ID).ID) {
					return true
				}
			}
			// The catalog of every report, and the addresses where a
			// former version served 南通 2019.
			return p == "/reports" || strings.HasPrefix(p, "/outcomes/") ||
				slices.ContainsFunc(ui.ReportPages[1:], func(q ui.Page) bool { return p == q.Path })
		}
		for _, p := range v.pages(t) {
			if about(p) {
				continue
			}
			for _, w := range names(v.page(t, p), otherPortal, sf.Name) {
				t.Errorf("%s names %s: %s", p, otherPortal, w)
			}
		}
	})
}

// The addresses where a former version served the second example's
// default report (/outcomes, /checks…, a category's reasons, an old ?cat=
// link) land on that report's pages under /r/, with the app and without;
// the shipped portal never had them, and has no page there.
func TestMovedPaths(t *testing.T) {
	t.Parallel()
	t.Run("jiangsu", func(t *testing.T) {
		t.Parallel()
		v := jiangsuSite
		b := newTab(t, v)
		sf, err := site.ReadSiteFile(filepath.Join(repoRoot, "sites", "jiangsu", "site.json"))
		if err != nil {
			t.Fatal(err)
		}
		r := v.report(t, sf.Moved)
		name := fmt.Sprintf("%s · %d年度报告", r.Body, r.Year)
		old := map[string]string{}
		for _, p := range ui.ReportPages[1:] {
			old[p.Path] = ui.ReportPath(r.ID, p.Path)
		}
		cats := ui.Categories(r)
		for _, c := range cats {
			old[ui.CategoryPath(c.Key)] = ui.ReportPath(r.ID, ui.CategoryPath(c.Key))
		}
		for from, to := range old {
			// Prerendered, each says where it went.
			if a := one(v.page(t, from), byID("moved-to")); a == nil || attrOf(a, "href") != b.href(to) {
				t.Errorf("the prerendered %s does not link to %s", from, b.href(to))
			}
			// The site's script takes the visitor there.
			var got string
			b.loadPlain(t, from)
			b.run(t, from, b.poll(fmt.Sprintf(`location.pathname === %q`, to)), b.poll(`document.readyState === "complete" && !!document.querySelector(".report-name")`),
				chromedp.Text(".report-name", &got, chromedp.ByQuery))
			if got != name {
				t.Errorf("%s leads to a page of %q, want %q", from, got, name)
			}
		}
		// With the app, and an old ?cat= link.
		from := "/outcomes?cat=" + cats[0].Key
		to := ui.ReportPath(r.ID, ui.CategoryPath(cats[0].Key))
		b.run(t, from, chromedp.Navigate(b.at(from)), b.poll(fmt.Sprintf(`location.pathname === %q`, to)), b.poll(appReady))
	})
	t.Run("portal", func(t *testing.T) {
		t.Parallel()
		v := portalSite
		browser(t)
		v.build(t)
		srv := v.serve(t)
		for _, p := range []string{"/outcomes", "/checks", "/outcomes/denied"} {
			res, err := http.Get(srv.URL + p)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusNotFound || !strings.Contains(string(body), "找不到这一页") {
				t.Errorf("%s: %d %.100q", p, res.StatusCode, body)
			}
		}
	})
}
