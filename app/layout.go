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

// Pages lists every page, in navigation order.
var Pages = []Page{
	{"/", "概览", func() app.Composer { return &overview{} }},
	{"/outcomes", "办理结果", func() app.Composer { return &outcomes{} }},
	{"/applicants", "申请人", func() app.Composer { return &applicants{} }},
	{"/appeals", "复议诉讼", func() app.Composer { return &appeals{} }},
	{"/disclosure", "主动公开", func() app.Composer { return &disclosure{} }},
	{"/narrative", "报告正文", func() app.Composer { return &narrativePage{} }},
	{"/checks", "数据校验", func() app.Composer { return &checks{} }},
	{"/reports", "全部报告", func() app.Composer { return &reports{} }},
}

// ReportPages are the pages each report has (all but the list of reports).
func ReportPages() []Page { return Pages[:len(Pages)-1] }

// Register routes every page, for the default report at its path and for
// every other report under /r/{id}.
func Register() {
	for _, p := range Pages {
		app.RouteFunc(p.Path, p.New)
	}
	for _, p := range ReportPages() {
		suffix := p.Path
		if suffix == "/" {
			suffix = "/?"
		}
		app.RouteWithRegexpFunc("^"+reportPrefix+"[a-z0-9-]+"+suffix+"$", p.New)
	}
}

// shell is the layout every page shares: skip link, masthead with the
// report's body and year, navigation, the page's heading and content, and
// the footer with the report's source.
type shell struct {
	app.Compo

	IView    view
	IPath    string
	IHeading string
	IContent []app.UI
}

func (s *shell) Render() app.UI {
	v := s.IView
	reportName := "政府信息公开工作年度报告"
	if v.report != nil {
		reportName = fmt.Sprintf("%s · %d年度报告", v.report.Body, v.report.Year)
	}
	var main []app.UI
	main = append(main, app.H1().ID("page-title").Text(s.IHeading))
	if v.err != nil {
		main = append(main, errorPanel(v))
	} else {
		main = append(main, s.IContent...)
	}
	return app.Div().Class("site").Body(
		app.A().Class("skip-link").Href("#main").Text("跳到正文"),
		app.Header().Class("masthead").Body(
			app.Div().Class("brand").Body(
				app.A().Href(v.href("/")).Class("brand-name").Text("年报透视"),
				app.P().Class("report-name").Text(reportName),
				app.If(len(v.reports) > 1, app.A().Class("switch-report").Href("/reports").Text("切换报告")),
			),
			app.Nav().Aria("label", "页面").Body(
				app.Ul().Class("nav").Body(
					app.Range(Pages).Slice(func(i int) app.UI {
						p := Pages[i]
						href := "/reports"
						if i < len(ReportPages()) {
							href = v.href(p.Path)
						}
						a := app.A().Href(href).Text(p.Label)
						if p.Path == s.IPath {
							a = a.Aria("current", "page").Class("active")
						}
						return app.Li().Body(a)
					}),
				),
			),
		),
		app.Main().ID("main").TabIndex(-1).Body(main...),
		app.Footer().Class("footer").Body(s.footer()...),
	)
}

func (s *shell) footer() []app.UI {
	r := s.IView.report
	if r == nil {
		return []app.UI{app.P().Text("年报透视：政府信息公开工作年度报告的图表与数据。")}
	}
	published := "未注明"
	if r.Published != "" {
		published = r.Published
	}
	return []app.UI{
		app.P().Text(fmt.Sprintf("数据来源：《%s》，发布日期 %s，依据%s年版统一格式（国办公开办函）。", r.Title(), published, r.Format)),
		app.P().Text("年报透视只展示报告所列数字；复制时丢失、经勾稽关系推算的数字均标明“推算”，报告自身的不一致之处列于“数据校验”。"),
	}
}

// errorPanel says why no report can be shown, never a blank page.
func errorPanel(v view) app.UI {
	return app.Section().Class("error-panel").Aria("live", "assertive").Body(
		app.H2().Text("无法显示报告"),
		app.P().Class("error-message").Text(v.err.Error()),
		app.P().Body(
			app.Text("请返回"),
			app.A().Href("/").Text("默认报告"),
			app.Text("，或联系网站管理员。"),
		),
	)
}

// section is a titled part of a page.
func section(id, title string, body ...app.UI) app.UI {
	return app.Section().Class("panel").Aria("labelledby", id).Body(
		append([]app.UI{app.H2().ID(id).Text(title)}, body...)...,
	)
}
