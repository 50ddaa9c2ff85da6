package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/data"
)

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
	main = append(main, app.Elem("h1").ID("page-title").TabIndex(-1).Text(s.heading), shareLink())
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
				app.Elem("a").Attr("href", siteURL("/")).Class("brand-name").Text(site.Name),
				app.Elem("button").Attr("type", "button").Class("button large-toggle").Aria("pressed", fmt.Sprint(hasRootClass("large"))).
					Title("更大的字和按钮").Text("长者模式"), // see web/js
				app.If(v.id != "", app.Elem("p").Class("report-name").Text(reportName)),
				original(v.report),
				app.If(v.id != "", app.Elem("a").Class("switch-report").Attr("href", siteURL("/reports")).Text("切换报告")).
					ElseIf(inView.id != "", app.Elem("a").Class("switch-report back-report").ID("back-report").
						Attr("href", siteURL(ReportPath(inView.id, inView.page))).Text("返回"+inView.name+"报告")),
			),
			app.Elem("nav").Aria("label", "页面").Body(
				app.If(v.id != "", app.Elem("ul").Class("nav").Body(
					app.Range(ReportPages).Slice(func(i int) app.UI {
						return s.navLink(v.href(ReportPages[i].Path), ReportPages[i], v.id != "")
					}),
				)),
				app.Elem("ul").Class("nav nav-site").Body(
					s.navLink("/", HomePage, v.id == ""),
					app.Range(CatalogPages).Slice(func(i int) app.UI {
						return s.navLink(CatalogPages[i].Path, CatalogPages[i], v.id == "")
					}),
				),
			),
		),
		app.If(hasRootClass("kiosk"), app.Elem("nav").Class("kiosk-bar").Aria("label", "自助终端").Body(
			app.Elem("button").Attr("type", "button").Class("button kiosk-back").Text("返回"), // see web/js
			app.Elem("a").Class("button").Attr("href", siteURL("/")).Text("首页"),
			app.If(site.PublicOrigin != "", app.Elem("button").Attr("type", "button").Class("button kiosk-qr").Text("扫码带走")), // see web/js/share.js
		)),
		app.Elem("main").ID("main").TabIndex(-1).Body(main...),
		app.Elem("footer").Class("footer").Body(s.footer()...),
	)
}

// original is the line under a report's name: when it was published, and
// the link to the published original where the dataset has its address.
func original(r *data.Report) app.UI {
	if r == nil {
		return nil
	}
	when := "发布日期未注明"
	if r.Published != "" {
		when = "发布于 " + r.Published
	}
	return app.Elem("p").Class("report-original").Body(
		app.Text(when),
		app.If(r.URL != "", app.Elem("a").Attr("href", r.URL).Attr("rel", "noreferrer").Text("查看原文")),
	)
}

// hasRootClass says whether the page's <html> has the class: "large" for
// 长者模式 and "kiosk" for kiosk mode, which web/js sets from
// this device's preferences before the app runs. Prerendered, neither.
func hasRootClass(c string) bool {
	return app.IsClient && app.Window().Get("document").Get("documentElement").Get("classList").Call("contains", c).Bool()
}

// navLink links to a page of the navigation; mine says whether the row is
// the one of the page in view (a report's pages, or the site's).
func (s *shell) navLink(href string, p Page, mine bool) app.UI {
	a := app.Elem("a").Attr("href", siteURL(href)).Text(p.Label)
	if mine && p.Path == s.path {
		a = a.Aria("current", "page").Class("active")
	}
	return app.Elem("li").Body(a)
}

func (s *shell) footer() []app.UI {
	var out []app.UI
	if r := s.v.report; r != nil {
		published := "未注明"
		if r.Published != "" {
			published = r.Published
		}
		out = append(out,
			app.Elem("p").Body(
				app.Text(fmt.Sprintf("数据来源：《%s》，发布日期 %s，依据", r.Title(), published)),
				app.Elem("a").Attr("href", siteURL(AboutPath+"#term-format")).Text(r.Format+"年版统一格式"),
				app.Text("（国办公开办函）。"),
				app.If(r.URL != "", app.Elem("a").Class("original-link").Attr("href", r.URL).Attr("rel", "noreferrer").Text("查看原文")),
			),
		)
	}
	out = append(out,
		app.Elem("p").Body(
			app.Text("本站只展示报告所列数字；复制时丢失、经"),
			app.Elem("a").Attr("href", siteURL(AboutPath+"#term-checks")).Text("勾稽关系"),
			app.Text("推算的数字均标明“"),
			app.Elem("a").Attr("href", siteURL(AboutPath+"#term-recovered")).Text("推算"),
			app.Text("”，报告自身的不一致之处列于“数据校验”。"),
		),
		app.Elem("p").Class("footer-precheck").Body(
			app.Text("编写年度报告的工作人员：发布前可用"),
			app.Elem("a").Attr("href", siteURL(PrecheckPath)).Text("发布前体检"),
			app.Text("在本机检查草稿，文件不上传。"),
		),
		identity(),
	)
	return out
}

// identity is the site's identity as every government site carries it in
// its footer: 主办单位, 网站标识码, the ICP and public security filings,
// the contact and the 纠错 link, as the site file gives them.
func identity() app.UI {
	var items []app.UI
	item := func(label, value string) {
		if value != "" {
			items = append(items, app.Elem("li").Text(label+"："+value))
		}
	}
	item("主办单位", site.Owner)
	item("网站标识码", site.SiteCode)
	if site.ICP != "" {
		items = append(items, app.Elem("li").Body(app.Elem("a").Attr("href", "https://beian.miit.gov.cn/").Text(site.ICP)))
	}
	if site.Police != "" {
		items = append(items, app.Elem("li").Body(app.Elem("a").Attr("href", policeURL(site.Police)).Text(site.Police)))
	}
	item("联系方式", site.Contact)
	if site.Correction != "" {
		items = append(items, app.Elem("li").Body(app.Elem("a").Attr("href", site.Correction).Text("我要纠错")))
	}
	return app.Elem("ul").Class("identity").Aria("label", "网站标识").Body(items...)
}

// policeURL is the national public security filing system's page of a
// filing, from the digits of its number (公安备案号 "…35012802000001号").
func policeURL(filing string) string {
	var digits []rune
	for _, r := range filing {
		if r >= '0' && r <= '9' {
			digits = append(digits, r)
		}
	}
	return "https://beian.mps.gov.cn/#/query/webSearch?code=" + string(digits)
}

// errorPanel says why no report can be shown, never a blank page; offline,
// it offers the reports this device keeps.
func errorPanel(v view) app.UI {
	_, offline := v.err.(offlineError)
	return app.Elem("section").Class("error-panel").Aria("live", "assertive").Body(
		app.Elem("h2").Text("无法显示报告"),
		app.Elem("p").Class("error-message").Text(v.err.Error()),
		app.If(offline, offlineList()),
		app.Elem("p").Body(
			app.Text("可以在"),
			app.Elem("a").Attr("href", siteURL("/reports")).Text("全部报告"),
			app.Text("中查找，或返回"),
			app.Elem("a").Attr("href", siteURL("/")).Text("首页"),
			app.Text("。"),
		),
	)
}

// offlineList is where the site's script lists the reports this device
// keeps offline (nianbao.listOffline).
func offlineList() app.UI {
	return app.Elem("div").Class("offline-reports").Body(
		app.Elem("h3").Text("这台设备上保存的报告（离线也能查看）"),
		&offlineReports{},
	)
}

// offlineReports is the list, filled by the site's script once mounted.
type offlineReports struct{ app.Compo }

func (o *offlineReports) Render() app.UI { return app.Elem("ul").ID("offline-list") }

func (o *offlineReports) OnMount(ctx app.Context) { jsCall("listOffline", o.JSValue()) }

// section is a titled part of a page.
func section(id, title string, body ...app.UI) app.UI {
	return app.Elem("section").Class("panel").Aria("labelledby", id).Body(
		append([]app.UI{app.Elem("h2").ID(id).Text(title)}, body...)...,
	)
}
