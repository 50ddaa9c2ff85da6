package app

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/charts"
	"nianbao/data/catalog"
)

// portalTop is how many bodies the front page lists at a glance; the
// ranking and the catalog list them all.
const portalTop = 20

// portal is the front page across the portal's bodies: its latest year —
// how many bodies published, the totals with their rates, what happened to
// the requests, who asked, how review and litigation ended, all added up
// over the bodies — the bodies at a glance, the years before, and the way
// into the catalog. It is made from the portal's summary (charts.Portal),
// one small file whatever the number of reports.
type portal struct {
	page
	figures []charts.Figure
	charts  []charts.Chart
}

func (p *portal) prepare(x *charts.Portal) {
	p.figures = charts.KeyFigures(x.Sum.Report, x.Sum.Marks())
	p.charts = []charts.Chart{x.Sum.Outcomes(""), x.Sum.Chart("applicants"), x.Sum.Chart("appeals")}
}

func (p *portal) Render() app.UI {
	x := p.v.portal
	heading := site.Name
	var content []app.UI
	if x != nil {
		y := x.ThisYear()
		heading = fmt.Sprintf("%d年度报告汇总", x.Year)
		yearQ := strconv.Itoa(x.Year)
		content = []app.UI{
			app.Elem("p").Class("lead").Text(fmt.Sprintf("%d年度，本站收录的 %d 个机关中有 %d 个发布了报告。以下数字是这些报告的各项之和，按报告原样相加。", x.Year, x.AllBodies, y.Bodies)),
			section("figures-title", "关键数字（各机关合计）", figureList(p.figures, nil)),
			app.If(y.Findings > 0, app.Elem("p").Class("status status-warn").Body(
				app.Text(fmt.Sprintf("⚠ 其中 %d 份报告的数字不符合勾稽关系，按原样计入合计：", y.Findings)),
				app.Elem("a").Attr("href", siteURL(withQuery("/reports", "year", yearQ, "status", string(catalog.HasFindings)))).Text("查看这些报告"),
			)).Else(app.Elem("p").Class("status status-ok").Text("✓ 这些报告各表的勾稽关系全部成立。")),
			app.Range(p.charts).Slice(func(i int) app.UI {
				c := p.charts[i]
				return section(c.ID+"-section", c.Title, &chartView{IChart: c})
			}),
			section("bodies-title", fmt.Sprintf("%d年各机关一览", x.Year), p.bodies(x)),
			section("years-title", "历年汇总", p.years(x)),
			app.Elem("p").Body(app.Elem("a").Class("button").ID("to-catalog").Attr("href", siteURL("/reports")).Text("查看全部报告")),
		}
	}
	return layout(p.v, "/", heading, content)
}

// bodies is the year's bodies, most requests first, with their
// consistency in words.
func (p *portal) bodies(x *charts.Portal) app.UI {
	list := x.Bodies
	more := len(list) - portalTop
	if more > 0 {
		list = list[:portalTop]
	}
	rows := make([]app.UI, len(list))
	for i, b := range list {
		rows[i] = app.Elem("tr").Body(
			app.Elem("td").Class("num").Text(strconv.Itoa(i+1)),
			app.Elem("th").Attr("scope", "row").Body(app.Elem("a").Class("body-link").Attr("href", siteURL(BodyPath(b.Body))).Text(b.Name)),
			app.Elem("td").Class("num").Text(charts.Count(b.New)),
			app.Elem("td").Class("num").Text(charts.Count(b.Handled)),
			app.Elem("td").Class("num").Text(charts.Percent(b.Opened, b.Handled)),
			app.Elem("td").Class("num").Text(charts.Count(b.Review)),
			app.Elem("td").Class("status-"+string(b.Consistency)).Body(
				app.Elem("a").Attr("href", siteURL(ReportPath(b.Report, "/checks"))).Text(b.Consistency.Label()),
			),
		)
	}
	return app.Elem("div").Body(
		app.Elem("div").Class("table-wrap").TabIndex(0).Role("region").Aria("label", "各机关一览").Body(
			app.Elem("table").Class("portal-bodies").Body(
				app.Elem("caption").Text(fmt.Sprintf("%d年各机关（按本年新收申请排列）", x.Year)),
				app.Elem("thead").Body(app.Elem("tr").Body(
					colHead("序号"),
					colHead("机关"),
					colHead("本年新收"),
					colHead("本年办理"),
					colHead("公开比例"),
					colHead("行政复议"),
					colHead("数据校验"),
				)),
				app.Elem("tbody").Body(rows...),
			),
		),
		app.Elem("p").Body(
			app.If(more > 0, app.Text(fmt.Sprintf("另有 %d 个机关未列出。", more))),
			app.Elem("a").Attr("href", siteURL(withQuery("/ranking", "year", strconv.Itoa(x.Year)))).Text(fmt.Sprintf("%d年各机关排名", x.Year)),
		),
	)
}

// years is every year's totals, the newest first.
func (p *portal) years(x *charts.Portal) app.UI {
	rows := make([]app.UI, len(x.Years))
	for i, y := range x.Years {
		yq := strconv.Itoa(y.Year)
		rows[i] = app.Elem("tr").Body(
			app.Elem("th").Attr("scope", "row").Body(app.Elem("a").Attr("href", siteURL(withQuery("/reports", "year", yq))).Text(yq+"年")),
			app.Elem("td").Class("num").Text(strconv.Itoa(y.Bodies)),
			app.Elem("td").Class("num").Text(charts.Count(y.New)),
			app.Elem("td").Class("num").Text(charts.Count(y.Handled)),
			app.Elem("td").Class("num").Text(charts.Percent(y.Opened, y.Handled)),
			app.Elem("td").Class("num").Text(charts.Count(y.Review)),
			app.Elem("td").Class("num").Text(charts.Percent(y.Corrected, y.Concluded)),
			app.Elem("td").Class("num").Text(strconv.Itoa(y.Findings)),
		)
	}
	return app.Elem("div").Class("table-wrap").TabIndex(0).Role("region").Aria("label", "历年汇总").Body(
		app.Elem("table").Class("portal-years").Body(
			app.Elem("caption").Text("历年汇总（各机关报告之和）"),
			app.Elem("thead").Body(app.Elem("tr").Body(
				colHead("年度"),
				colHead("发布报告的机关"),
				colHead("本年新收"),
				colHead("本年办理"),
				colHead("公开比例"),
				colHead("行政复议"),
				colHead("复议纠正比例"),
				colHead("有不一致的报告"),
			)),
			app.Elem("tbody").Body(rows...),
		),
	)
}

// colHead is a column's header; a short one stays on one line (a phone
// would break 本年新收 a character a line).
func colHead(label string) app.UI {
	return app.Elem("th").Attr("scope", "col").Class(shortClass(label)).Text(label)
}
