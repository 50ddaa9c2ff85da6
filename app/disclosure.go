package app

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/charts"
)

// disclosure is the page at "/disclosure": proactive disclosure (table 二).
type disclosure struct {
	page
	chart charts.Chart
}

func (p *disclosure) prepare(pk *charts.Pack) { p.chart = pk.Chart("disclosure") }

func (p *disclosure) Render() app.UI {
	var content []app.UI
	if p.v.report != nil {
		content = []app.UI{
			section("disclosure-title", "主动公开政府信息情况", &chartView{IChart: p.chart, IEmbed: p.v.embed(p.chart.ID)}),
		}
	}
	return layout(p.v, "/disclosure", "主动公开", content)
}
