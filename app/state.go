package app

import (
	"fmt"
	"net/url"
	"sync"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/data"
)

// loadCatalog returns the shipped reports. A variable so that tests can
// hand the pages a dataset that does not load.
var loadCatalog = sync.OnceValues(data.Catalog)

// reportParam is the query parameter that names the report in view.
const reportParam = "r"

// view is what every page knows: the reports on offer, the one in view, and
// why none could be shown.
type view struct {
	reports []*data.Report
	report  *data.Report
	err     error
	url     *url.URL
}

// load picks the report named in the URL, or the default one.
func load(u *url.URL) view {
	v := view{url: u}
	v.reports, v.err = loadCatalog()
	if v.err != nil {
		v.err = fmt.Errorf("报告数据无法载入：%w", v.err)
		return v
	}
	id := data.DefaultID
	if u != nil && u.Query().Get(reportParam) != "" {
		id = u.Query().Get(reportParam)
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

// href links to a page of the report in view, keeping the report in the URL
// (the default report needs no parameter) and adding extra query pairs.
func (v view) href(path string, extra ...string) string {
	q := url.Values{}
	if v.report != nil && v.report.ID != data.DefaultID {
		q.Set(reportParam, v.report.ID)
	}
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
	}
}
