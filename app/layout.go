package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Page is one page of the explorer: its route and its name in the navigation.
type Page struct {
	Path  string
	Label string
	New   func() app.Composer
}

// ReportPages are the pages each report has, in navigation order: the
// default report's at these paths, every other's under /r/{id}.
var ReportPages = []Page{
	{"/", "概览", func() app.Composer { return &overview{} }},
	{"/outcomes", "办理结果", func() app.Composer { return &outcomes{} }},
	{"/applicants", "申请人", func() app.Composer { return &applicants{} }},
	{"/appeals", "复议诉讼", func() app.Composer { return &appeals{} }},
	{"/disclosure", "主动公开", func() app.Composer { return &disclosure{} }},
	{"/narrative", "报告正文", func() app.Composer { return &narrativePage{} }},
	{"/checks", "数据校验", func() app.Composer { return &checks{} }},
}

// CatalogPages are the pages about many reports, in navigation order. A
// body's page (/b/{id}) is reached from them.
var CatalogPages = []Page{
	{"/reports", "全部报告", func() app.Composer { return &reports{} }},
	{"/compare", "比较", func() app.Composer { return &compare{} }},
	{"/ranking", "排名", func() app.Composer { return &ranking{} }},
	{AboutPath, "说明", func() app.Composer { return &about{} }},
}

// bodyPage is the route of a body's page.
var bodyPage = Page{bodyPrefix, "机关", func() app.Composer { return &body{} }}

// Register routes every page, once, before the app runs or the site is
// built: the default report's pages at their paths, every other report's
// under /r/{id}, the catalog's pages, and each body's page under /b/{id}.
func Register() {
	for _, p := range append(append([]Page(nil), ReportPages...), CatalogPages...) {
		app.RouteFunc(p.Path, p.New)
	}
	for _, p := range ReportPages {
		suffix := p.Path
		if suffix == "/" {
			suffix = "/?"
		}
		app.RouteWithRegexpFunc("^"+reportPrefix+"[a-z0-9-]+"+suffix+"$", p.New)
	}
	category := func() app.Composer { return &outcomes{} }
	app.RouteWithRegexpFunc("^/outcomes/[a-z_]+$", category)
	app.RouteWithRegexpFunc("^"+reportPrefix+"[a-z0-9-]+/outcomes/[a-z_]+$", category)
	app.RouteWithRegexpFunc("^"+bodyPrefix+"[a-z0-9-]+/?$", bodyPage.New)
	app.RouteFunc(OfflinePath, func() app.Composer { return &offline{} })
	app.RouteFunc(AboutPath, func() app.Composer { return &about{} })
	// Last: every other path, 404.html among them.
	app.RouteWithRegexpFunc("^/", func() app.Composer { return &notFoundPage{} })
}

// layout is what every page shares: skip link, masthead with the report's
// body and year, navigation, the page's heading and content, and the
// footer with the report's source. A function, not a component: a
// component's props are compared with reflect.DeepEqual on every update,
// which over a page's whole content cost more than rendering it.
func layout(v view, path, heading string, content []app.UI) app.UI {
	s := shell{v: v, path: path, heading: heading, content: content}
	return s.render()
}

// shell is a page's layout being rendered.
type shell struct {
	v             view
	path, heading string
	content       []app.UI
}

func (s *shell) render() app.UI {
	v := s.v
	reportName := "政府信息公开工作年度报告"
	if v.report != nil {
		reportName = fmt.Sprintf("%s · %d年度报告", v.report.Body, v.report.Year)
	}
	var main []app.UI
	main = append(main, app.Elem("h1").ID("page-title").TabIndex(-1).Text(s.heading))
	switch {
	case v.loading:
		main = append(main, app.Elem("p").Class("loading").Role("status").Text("正在载入……"))
	case v.err != nil:
		main = append(main, errorPanel(v))
	default:
		main = append(main, s.content...)
	}
	root := app.Elem("div").Class("site")
	if v.pack != nil && v.pack.URL != "" {
		root = root.DataSet("report", v.id).DataSet(packAttr, v.pack.URL)
	}
	return root.Body(
		app.Elem("a").Class("skip-link").Attr("href", "#main").Text("跳到正文"), // see web/js
		app.Elem("header").Class("masthead").Body(
			app.Elem("div").Class("brand").Body(
				app.Elem("a").Attr("href", siteURL(v.href("/"))).Class("brand-name").Text("年报透视"),
				app.Elem("button").Attr("type", "button").Class("button large-toggle").Aria("pressed", fmt.Sprint(hasRootClass("large"))).
					Title("更大的字和按钮").Text("长者模式"), // see web/js
				app.If(v.id != "", app.Elem("p").Class("report-name").Text(reportName)),
				app.If(v.id != "", app.Elem("a").Class("switch-report").Attr("href", siteURL("/reports")).Text("切换报告")).
					ElseIf(inView.id != "", app.Elem("a").Class("switch-report back-report").ID("back-report").
						Attr("href", siteURL(ReportPath(inView.id, inView.page))).Text("返回"+inView.name+"报告")),
			),
			app.Elem("nav").Aria("label", "页面").Body(
				app.If(v.id != "", app.Elem("ul").Class("nav").Body(
					app.Range(ReportPages).Slice(func(i int) app.UI {
						return s.navLink(v.href(ReportPages[i].Path), ReportPages[i])
					}),
				)),
				app.Elem("ul").Class("nav nav-site").Body(
					app.Range(CatalogPages).Slice(func(i int) app.UI {
						return s.navLink(CatalogPages[i].Path, CatalogPages[i])
					}),
				),
			),
		),
		app.If(hasRootClass("kiosk"), app.Elem("nav").Class("kiosk-bar").Aria("label", "自助终端").Body(
			app.Elem("button").Attr("type", "button").Class("button kiosk-back").Text("返回"), // see web/js
			app.Elem("a").Class("button").Attr("href", siteURL("/")).Text("首页"),
		)),
		app.Elem("main").ID("main").TabIndex(-1).Body(main...),
		app.Elem("footer").Class("footer").Body(s.footer()...),
	)
}

// hasRootClass says whether the page's <html> has the class: "large" for
// 长者模式 and "kiosk" for kiosk mode, which web/js sets from
// this device's preferences before the app runs. Prerendered, neither.
func hasRootClass(c string) bool {
	return app.IsClient && app.Window().Get("document").Get("documentElement").Get("classList").Call("contains", c).Bool()
}

func (s *shell) navLink(href string, p Page) app.UI {
	a := app.Elem("a").Attr("href", siteURL(href)).Text(p.Label)
	if p.Path == s.path {
		a = a.Aria("current", "page").Class("active")
	}
	return app.Elem("li").Body(a)
}

func (s *shell) footer() []app.UI {
	r := s.v.report
	if r == nil {
		return []app.UI{app.Elem("p").Text("年报透视：政府信息公开工作年度报告的图表与数据。")}
	}
	published := "未注明"
	if r.Published != "" {
		published = r.Published
	}
	return []app.UI{
		app.Elem("p").Body(
			app.Text(fmt.Sprintf("数据来源：《%s》，发布日期 %s，依据", r.Title(), published)),
			app.Elem("a").Attr("href", siteURL(AboutPath+"#term-format")).Text(r.Format+"年版统一格式"),
			app.Text("（国办公开办函）。"),
		),
		app.Elem("p").Body(
			app.Text("年报透视只展示报告所列数字；复制时丢失、经"),
			app.Elem("a").Attr("href", siteURL(AboutPath+"#term-checks")).Text("勾稽关系"),
			app.Text("推算的数字均标明“"),
			app.Elem("a").Attr("href", siteURL(AboutPath+"#term-recovered")).Text("推算"),
			app.Text("”，报告自身的不一致之处列于“数据校验”。"),
		),
	}
}

// errorPanel says why no report can be shown, never a blank page.
func errorPanel(v view) app.UI {
	return app.Elem("section").Class("error-panel").Aria("live", "assertive").Body(
		app.Elem("h2").Text("无法显示报告"),
		app.Elem("p").Class("error-message").Text(v.err.Error()),
		app.Elem("p").Body(
			app.Text("可以在"),
			app.Elem("a").Attr("href", siteURL("/reports")).Text("全部报告"),
			app.Text("中查找，或返回"),
			app.Elem("a").Attr("href", siteURL("/")).Text("首页"),
			app.Text("。"),
		),
	)
}

// section is a titled part of a page.
func section(id, title string, body ...app.UI) app.UI {
	return app.Elem("section").Class("panel").Aria("labelledby", id).Body(
		append([]app.UI{app.Elem("h2").ID(id).Text(title)}, body...)...,
	)
}
