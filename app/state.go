package app

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/charts"
	"nianbao/data"
	"nianbao/data/catalog"
)

// reportPrefix starts the paths of every report: /r/{id} is its overview,
// /r/{id}/outcomes its outcomes, and so on. Every such page is
// prerendered, so a report's link works without the WASM and offline.
const reportPrefix = "/r/"

// bodyPrefix starts the path of a body's page: /b/{id}.
const bodyPrefix = "/b/"

// view is what every page knows: the URL, the report in view (on a
// report's pages), the catalog index (on the catalog's pages) or the
// portal's summary (on the front page), and why they could not be shown.
type view struct {
	url     *url.URL
	id      string // the report in view; "" on the catalog's pages
	pack    *charts.Pack
	report  *data.Report
	index   *catalog.Index
	portal  *charts.Portal
	err     error
	loading bool
}

// ReportPath is the path of a page of a report.
func ReportPath(id, page string) string {
	if page == "/" {
		page = ""
	}
	return reportPrefix + id + page
}

// BodyPath is the path of a body's page.
func BodyPath(id string) string { return bodyPrefix + id }

// reportID is the report a path names, "" for none.
func reportID(path string) string {
	if !strings.HasPrefix(path, reportPrefix) {
		return ""
	}
	id, _, _ := strings.Cut(strings.TrimPrefix(path, reportPrefix), "/")
	return id
}

// href links to a page of the report in view, with extra query pairs.
func (v view) href(path string, extra ...string) string {
	if v.id != "" {
		path = ReportPath(v.id, path)
	}
	return withQuery(path, extra...)
}

// withQuery adds query pairs to a path.
func withQuery(path string, pairs ...string) string {
	q := url.Values{}
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] != "" {
			q.Set(pairs[i], pairs[i+1])
		}
	}
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// title is the page title: page name, report and site.
func (v view) title(page string) string {
	if v.report == nil {
		return siteTitle(page)
	}
	return siteTitle(fmt.Sprintf("%s · %s%d年", page, v.report.Body, v.report.Year))
}

// page is what every page component embeds: the view, loaded in one place
// from OnInit (in the browser, before the first render), OnPreRender and
// OnNav, so that the prerendered HTML and the live page agree. The route
// table (routes.go) gives each page its name and what it is made from: a
// report (onReport), the catalog index (onIndex), the portal's summary
// (onPortal) or nothing but words.
type page struct {
	app.Compo
	v        view
	name     string
	onReport func(*charts.Pack)
	onIndex  func(*catalog.Index)
	onPortal func(*charts.Portal)
	// onOpenData: the open data's descriptor (the 数据下载 page).
	onOpenData func(*OpenData)
	// fixedID is the report or body the page shows whatever its path: the
	// front page, when the site lands on one (Site.Landing).
	fixedID string
	outer   app.Composer // the page component that embeds this
}

func (p *page) OnInit()                     { p.load(nil) }
func (p *page) OnPreRender(ctx app.Context) { p.load(ctx) }
func (p *page) OnNav(ctx app.Context)       { p.load(ctx) }

// load enters the page: loads what it is made from and lets it prepare.
func (p *page) load(ctx app.Context) {
	switch {
	case p.onReport != nil:
		p.enter(ctx, p.name, p.onReport)
	case p.onIndex != nil:
		p.enterCatalog(ctx, p.name, p.onIndex)
	case p.onPortal != nil:
		p.enterPortal(ctx, p.name, p.onPortal)
	case p.onOpenData != nil:
		p.enterOpenData(ctx, p.name, p.onOpenData)
	default:
		p.enterPlain(ctx)
	}
}

// describer is a page that describes itself for search engines and
// previews; titler one whose title is not its name (a body's page).
type (
	describer interface{ description() string }
	titler    interface{ title() string }
)

// setHead sets the document's title and description from the page.
func (p *page) setHead(ctx app.Context, title, description string) {
	if ctx == nil {
		return
	}
	ctx.Page().SetTitle(title)
	if description != "" {
		ctx.Page().SetDescription(description)
	}
	ctx.Page().SetAuthor(site.Owner)
	ctx.Page().SetKeywords("政府信息公开", "年度报告", site.Name)
}

// enterPlain enters a page of words only.
func (p *page) enterPlain(ctx app.Context) {
	u := pageURL(ctx)
	if u == nil {
		return
	}
	p.v = view{url: u}
	if ctx != nil {
		arrived(ctx)
	}
	recallInView()
	desc := ""
	if d, ok := p.outer.(describer); ok {
		desc = d.description()
	}
	p.setHead(ctx, siteTitle(p.name), desc)
}

// base is the path the site is served under ("" at the root of its
// domain, "/nianbao" under a sub-path): go-app's root prefix. Routes and
// the pages' logic know paths without it; links and the address bar carry
// it (siteURL).
var base string

// SetBase sets the path the site is served under; the builder calls it,
// and the browser reads it from go-app's environment (StartBrowser).
func SetBase(b string) { base = strings.TrimSuffix(b, "/") }

// siteURL is a path of the site as a link: under the base path.
func siteURL(p string) string {
	if strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "//") {
		return base + p
	}
	return p
}

// pageURL is the URL of the page being entered, its path without the base.
func pageURL(ctx app.Context) *url.URL {
	var u *url.URL
	switch {
	case ctx != nil:
		u = ctx.Page().URL()
	case app.IsClient:
		u = app.Window().URL()
	default:
		return nil
	}
	v := *u
	if p := strings.TrimPrefix(v.Path, base); base != "" && p != v.Path {
		v.Path = p
		if v.Path == "" {
			v.Path = "/"
		}
	}
	return &v
}

// enter loads the report the URL names and lets the page prepare its
// charts; with a context it also sets the document title. A report not yet
// loaded (in the browser, after an in-app link) shows the page as loading
// until it arrives.
func (p *page) enter(ctx app.Context, name string, prepare func(*charts.Pack)) {
	u := pageURL(ctx)
	if u == nil {
		return
	}
	id := reportID(u.Path)
	if p.fixedID != "" {
		id = p.fixedID
	}
	p.v = view{url: u, id: id, loading: true}
	if ctx != nil {
		arrived(ctx)
	}
	fetchThen(ctx, func() *charts.Pack { return cachedPack(id) }, func() (*charts.Pack, error) { return loadPack(id) },
		func(pk *charts.Pack, err error) {
			p.v.loading = false
			if err != nil {
				p.v.err = reportError(id, err)
			} else {
				p.v.pack, p.v.report = pk, pk.Report
				prepare(pk)
				remember(id, pk.Report, u.Path)
			}
			if r := p.v.report; r != nil && ctx != nil {
				p.setHead(ctx, p.v.title(name), fmt.Sprintf("%s：%s%d年政府信息公开工作年度报告的图表与数据。", name, r.Body, r.Year))
				ctx.Page().SetAuthor(r.Body)
				ctx.Page().SetKeywords("政府信息公开", "年度报告", r.Body)
			} else {
				p.setHead(ctx, p.v.title(name), "")
			}
		})
}

// inView is the report a visitor last looked at in this tab, and which of
// its pages: the catalog's pages offer the way back to it, and their links
// to other reports open the same page of those (切换报告 keeps the page).
// Browser only: the build renders many reports at once, and a prerendered
// page must not depend on which it rendered before.
var inView struct {
	id, name, page string
}

// inViewKey keeps inView in sessionStorage, for a reload of the catalog.
const inViewKey = "nianbao-in-view"

// remember makes the report the one in view, on the page of it the path
// names ("/outcomes" for /r/{id}/outcomes/denied too).
func remember(id string, r *data.Report, path string) {
	if !app.IsClient || r == nil {
		return
	}
	if strings.HasPrefix(path, reportPrefix) {
		path = strings.TrimPrefix(strings.TrimPrefix(path, reportPrefix), id)
	}
	page := "/"
	if first, _, _ := strings.Cut(strings.TrimPrefix(path, "/"), "/"); first != "" {
		page = "/" + first
	}
	inView.id, inView.name, inView.page = id, fmt.Sprintf("%s%d年", r.Body, r.Year), page
	if ss := app.Window().Get("sessionStorage"); ss.Truthy() {
		ss.Call("setItem", inViewKey, inView.id+"\n"+inView.name+"\n"+inView.page)
	}
}

// recallInView reads inView back after a full load.
func recallInView() {
	if !app.IsClient || inView.id != "" {
		return
	}
	ss := app.Window().Get("sessionStorage")
	if !ss.Truthy() {
		return
	}
	if v := ss.Call("getItem", inViewKey); v.Truthy() {
		if f := strings.Split(v.String(), "\n"); len(f) == 3 && data.ValidID(f[0]) && strings.HasPrefix(f[2], "/") {
			inView.id, inView.name, inView.page = f[0], f[1], f[2]
		}
	}
}

// inViewPath is a page of a report: the page of the report in view.
func inViewPath(id string) string {
	if inView.page == "" {
		return ReportPath(id, "/")
	}
	return ReportPath(id, inView.page)
}

// needer is a page about many reports that reads some entries' figures
// or packs (a row's, a body's, a ranking's): the entries it needs whole
// before it prepares.
type needer interface {
	needs(x *catalog.Index) []*catalog.Entry
}

// packNeeder is a page about many reports that reads some reports' packs
// too (a body's page, its latest report's peers).
type packNeeder interface {
	packsNeeded(x *catalog.Index) []string
}

// enterCatalog loads the catalog index for a page about many reports (the
// catalog, a body, a comparison, a ranking) and lets the page prepare.
func (p *page) enterCatalog(ctx app.Context, name string, prepare func(*catalog.Index)) {
	u := pageURL(ctx)
	if u == nil {
		return
	}
	p.v = view{url: u, loading: true}
	if ctx != nil {
		arrived(ctx)
	}
	recallInView()
	// The entries whose figures the page reads come with the index (their
	// blocks: see catalog.Split).
	need := func(x *catalog.Index) []*catalog.Entry {
		if n, ok := p.outer.(needer); ok {
			return n.needs(x)
		}
		return nil
	}
	packs := func(x *catalog.Index) []string {
		if n, ok := p.outer.(packNeeder); ok {
			return n.packsNeeded(x)
		}
		return nil
	}
	cached := func() *catalog.Index {
		x := cachedIndex()
		if x == nil || len(x.Missing(need(x))) > 0 {
			return nil
		}
		for _, id := range packs(x) {
			if cachedPack(id) == nil {
				return nil
			}
		}
		return x
	}
	load := func() (*catalog.Index, error) {
		x, err := loadIndex()
		if err != nil {
			return nil, err
		}
		if err := loadEntries(x, need(x)); err != nil {
			return nil, err
		}
		for _, id := range packs(x) {
			// What a pack adds (a body's peers) is left out when it does
			// not come: offline, a kiosk that did not keep it.
			if _, err := loadPack(id); err != nil {
				app.Log("年报透视: a pack the page reads did not load:", err)
			}
		}
		return x, nil
	}
	fetchThen(ctx, cached, load, func(x *catalog.Index, err error) {
		p.v.loading = false
		if err != nil {
			p.v.err = loadError("报告目录", err)
		} else {
			p.v.index = x
			prepare(x)
		}
		title := siteTitle(name)
		if t, ok := p.outer.(titler); ok && p.v.err == nil && t.title() != "" {
			title = siteTitle(t.title())
		}
		p.setHead(ctx, title, name+"：各机关政府信息公开工作年度报告的目录、历年变化、比较与排名。")
	})
}

// enterPortal loads the portal's summary for the front page and lets it
// prepare.
func (p *page) enterPortal(ctx app.Context, name string, prepare func(*charts.Portal)) {
	u := pageURL(ctx)
	if u == nil {
		return
	}
	p.v = view{url: u, loading: true}
	if ctx != nil {
		arrived(ctx)
	}
	recallInView()
	fetchThen(ctx, cachedPortal, loadPortal, func(x *charts.Portal, err error) {
		p.v.loading = false
		if err != nil {
			p.v.err = loadError("全站汇总", err)
		} else {
			p.v.portal = x
			prepare(x)
		}
		p.setHead(ctx, site.Name, fmt.Sprintf("%s：各机关政府信息公开工作年度报告的汇总、图表与数据。", site.Name))
	})
}

// entered is set once the app has entered its first page.
var entered bool

// arrived brings a visitor who followed an in-app link to the new page as
// a page load would: at its top, with the focus on its heading, which a
// screen reader then reads out. (go-app keeps the old scroll position and
// leaves the focus on <body>.) The first page is left as the browser
// placed it, and the site's script is told the app has taken it over. The
// script is told of each page after go-app has added its history entry
// (a kiosk's 返回 reads it).
func arrived(ctx app.Context) {
	if !app.IsClient {
		return
	}
	first := !entered
	entered = true
	if first {
		jsStarted()
	}
	ctx.Defer(func(ctx app.Context) {
		jsArrived(first)
		if first {
			return
		}
		app.Window().Call("scrollTo", 0, 0)
		if h := app.Window().GetElementByID("page-title"); h.Truthy() {
			h.Call("focus", map[string]any{"preventScroll": true})
		}
	})
}
