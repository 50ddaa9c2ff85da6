package app

import (
	"fmt"
	"net/url"
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/data"
)

// loadCatalog returns the shipped reports. A variable so that tests can
// hand the pages a dataset that does not load.
var loadCatalog = sync.OnceValues(data.Catalog)

// reportPrefix starts the paths of every report but the default one:
// /r/{id} is its overview, /r/{id}/outcomes its outcomes, and so on. Every
// such page is prerendered, so a report's link works without the WASM and
// offline.
const reportPrefix = "/r/"

// view is what every page knows: the reports on offer, the one in view, and
// why none could be shown.
type view struct {
	reports []*data.Report
	report  *data.Report
	err     error
	url     *url.URL
}

// ReportPath is the path of a page of a report.
func ReportPath(id, page string) string {
	if id == data.DefaultID {
		return page
	}
	if page == "/" {
		page = ""
	}
	return reportPrefix + id + page
}

// reportID is the report a path names.
func reportID(path string) string {
	if !strings.HasPrefix(path, reportPrefix) {
		return data.DefaultID
	}
	id, _, _ := strings.Cut(strings.TrimPrefix(path, reportPrefix), "/")
	return id
}

// load picks the report named in the URL's path, or the default one.
func load(u *url.URL) view {
	v := view{url: u}
	v.reports, v.err = loadCatalog()
	if v.err != nil {
		v.err = fmt.Errorf("报告数据无法载入：%w", v.err)
		return v
	}
	id := data.DefaultID
	if u != nil {
		id = reportID(u.Path)
	}
	for _, r := range v.reports {
		if r.ID == id {
			v.report = r
			return v
		}
	}
	v.err = fmt.Errorf("没有找到报告“%s”。", id)
	return v
}

// href links to a page of the report in view, with extra query pairs.
func (v view) href(path string, extra ...string) string {
	if v.report != nil {
		path = ReportPath(v.report.ID, path)
	}
	q := url.Values{}
	for i := 0; i+1 < len(extra); i += 2 {
		q.Set(extra[i], extra[i+1])
	}
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// title is the page title: page name, report and site.
func (v view) title(page string) string {
	if v.report == nil {
		return page + " · 年报透视"
	}
	return fmt.Sprintf("%s · %s%d年 · 年报透视", page, v.report.Body, v.report.Year)
}

// page is what every page component embeds: the view, loaded in one place
// from OnInit (in the browser, before the first render), OnPreRender and
// OnNav, so that the prerendered HTML and the live page agree.
type page struct {
	app.Compo
	v view
}

// enter loads the view from the URL and lets the page prepare its charts;
// with a context it also sets the document title.
func (p *page) enter(ctx app.Context, name string, prepare func(r *data.Report)) {
	var u *url.URL
	switch {
	case ctx != nil:
		u = ctx.Page().URL()
	case app.IsClient:
		u = app.Window().URL()
	default:
		return
	}
	p.v = load(u)
	if p.v.report != nil {
		prepare(p.v.report)
	}
	if ctx != nil {
		ctx.Page().SetTitle(p.v.title(name))
		disposeEarlyCharts()
	}
}
