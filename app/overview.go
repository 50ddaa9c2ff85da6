package app

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/charts"
	"nianbao/data"
	"nianbao/data/catalog"
)

// overview is the page at "/": the key figures with their rates, the outcome
// chart, the state of the report's own consistency, and the narrative's
// opening with a link to the whole text (/narrative), which on a phone is
// pages long and would slow the overview's first paint.
type overview struct {
	page
	figures  []charts.Figure
	outcome  charts.Chart
	findings int
	recovers int
	changes  map[string]charts.Change // against the body's previous report
}

func (p *overview) prepare(pk *charts.Pack) {
	r := pk.Report
	p.figures = charts.KeyFigures(r, pk.Marks())
	p.outcome = pk.Outcomes("")
	p.findings = len(data.Check(r)) + len(pk.CrossYear)
	p.recovers = len(data.RecoveredCells(r))
	cur := catalog.NewEntry(r, 0, "", nil)
	p.changes = charts.YearOnYear(&cur, pk.Prev)
}

func (p *overview) Render() app.UI {
	heading := "概览"
	if r := p.v.report; r != nil {
		heading = r.Title()
	}
	var content []app.UI
	if r := p.v.report; r != nil {
		content = []app.UI{
			section("figures-title", "关键数字", figureList(p.figures, p.changes)),
			app.If(p.v.pack.Peers != nil, section("peers-title", "与同级机关相比", peersView(p.v.pack.Peers))),
			section("outcome-title", "办理结果",
				&chartView{IChart: p.outcome, IEmbed: p.v.embed(p.outcome.ID)},
				app.Elem("p").Body(app.Elem("a").Attr("href", siteURL(p.v.href("/outcomes"))).Text("查看办理结果的详细原因")),
			),
			section("consistency-title", "数据校验",
				app.Elem("p").Class(consistencyClass(p.findings)).Text(consistencyText(p.findings, p.recovers)),
				app.Elem("p").Body(app.Elem("a").Attr("href", siteURL(p.v.href("/checks"))).Text("查看数据校验详情")),
			),
			infographicSection(),
			section("more-title", "历年与比较",
				app.Elem("ul").Class("more-links").Body(
					app.If(p.v.pack.BodyID != "", app.Elem("li").Body(app.Elem("a").ID("body-link").Attr("href", siteURL(BodyPath(p.v.pack.BodyID))).Text(r.Body+"历年报告的变化"))),
					app.Elem("li").Body(app.Elem("a").ID("compare-link").Attr("href", siteURL(withQuery("/reports", "cmp", r.ID))).Text("加入比较：与其他报告并排比较")),
					app.Elem("li").Body(app.Elem("a").Attr("href", siteURL(withQuery("/ranking", "year", strconv.Itoa(r.Year)))).Text(fmt.Sprintf("%d年各机关排名", r.Year))),
					app.Elem("li").ID("report-data").Body(
						app.Text("下载本报告的数据："),
						app.Elem("a").Attr("href", siteURL("/"+data.OpenReportsDir+"/"+r.ID+".json")).Attr("download", "").Text("JSON 数据集"),
						app.Text("、"),
						app.Elem("a").Attr("href", siteURL("/"+data.OpenReportsDir+"/"+r.ID+".csv")).Attr("download", "").Text("每一格（CSV）"),
						app.Text("；全部报告见"),
						app.Elem("a").Attr("href", siteURL(DownloadPath)).Text("数据下载"),
					),
				),
			),
			section("narrative-title", "报告正文",
				app.If(firstParagraph(r) != "", app.Elem("p").Class("lead").Text(firstParagraph(r))),
				app.Elem("p").Body(app.Elem("a").Attr("href", siteURL(p.v.href("/narrative"))).Text("阅读报告正文：总体情况、存在的主要问题及改进情况、其他需要报告的事项")),
			),
		}
	}
	return layout(p.v, "/", heading, content)
}

// figureList shows key figures: each one's label, value with its unit,
// note, and where changes has one, its change against the previous report.
func figureList(figures []charts.Figure, changes map[string]charts.Change) app.UI {
	return app.Elem("ul").Class("figures").Body(
		app.Range(figures).Slice(func(i int) app.UI {
			f := figures[i]
			return app.Elem("li").Class("figure").ID("figure-"+f.ID).Body(
				app.Elem("span").Class("figure-label").Text(f.Label),
				app.Elem("span").Class("figure-value").Body(
					app.Text(f.Value),
					app.If(f.Unit != "", app.Elem("span").Class("figure-unit").Text(f.Unit)),
				),
				app.If(!f.Mark.IsZero(), markView(f.Mark)),
				app.Elem("span").Class("figure-note").Text(f.Note),
				changeView(changes[f.ID]),
			)
		}),
	)
}

func consistencyClass(findings int) string {
	if findings > 0 {
		return "status status-warn"
	}
	return "status status-ok"
}

func consistencyText(findings, recovers int) string {
	s := "✓ 报告各表的勾稽关系全部成立"
	if findings > 0 {
		s = fmt.Sprintf("⚠ 报告中有 %d 处数字不符合勾稽关系，按原样展示", findings)
	}
	if recovers > 0 {
		s += fmt.Sprintf("；另有 %d 个数字在复制时丢失，已由勾稽关系推算并标明“推算”", recovers)
	}
	return s + "。"
}

// firstParagraph is the opening of 一、总体情况, cut at 120 characters; ""
// when the report has none.
func firstParagraph(r *data.Report) string {
	s := r.Section(data.SectionOverview)
	if s == nil || len(s.Paragraphs) == 0 {
		return ""
	}
	p := []rune(s.Paragraphs[0])
	if len(p) > 120 {
		return string(p[:120]) + "……"
	}
	return string(p)
}
