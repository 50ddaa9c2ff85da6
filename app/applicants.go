package app

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/charts"
)

// applicants is the page at "/applicants": who asked, and what each kind of
// applicant got.
type applicants struct {
	page
	mix, cross charts.Chart
}

func (p *applicants) prepare(pk *charts.Pack) {
	p.mix = pk.Chart("applicants")
	p.cross = pk.Chart("outcomes-by-applicant")
}

func (p *applicants) Render() app.UI {
	var content []app.UI
	if p.v.report != nil {
		content = []app.UI{
			section("mix-title", "申请人构成", &chartView{IChart: p.mix, IEmbed: p.v.embed(p.mix.ID)}),
			section("cross-title", "各类申请人的办理结果", &chartView{IChart: p.cross, IEmbed: p.v.embed(p.cross.ID)}),
		}
	}
	return layout(p.v, "/applicants", "申请人", content)
}
