package app

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/charts"
)

// appeals is the page at "/appeals": how administrative review and
// litigation over open government information ended.
type appeals struct {
	page
	chart charts.Chart
}

func (p *appeals) prepare(pk *charts.Pack) { p.chart = pk.Chart("appeals") }

func (p *appeals) Render() app.UI {
	var content []app.UI
	if p.v.report != nil {
		content = []app.UI{
			section("appeals-title", "行政复议和行政诉讼", &chartView{IChart: p.chart, IEmbed: p.v.embed(p.chart.ID)}),
			app.Elem("p").Class("note").Text("纠正率为“结果纠正”占已审结案件（结果维持、结果纠正、其他结果之和）的比例，尚未审结的案件不计入。"),
		}
	}
	return layout(p.v, "/appeals", "复议诉讼", content)
}
