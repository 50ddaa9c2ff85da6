package app

import (
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/charts"
	"nianbao/data"
)

// categoryParam is the query parameter of the outcome category in view, as
// older links name it; the category's own page is /outcomes/{category},
// prerendered, so that it shows the category without the WebAssembly.
const categoryParam = "cat"

// CategoryPath is the path of the page of an outcome category's reasons.
func CategoryPath(category string) string {
	if category == "" {
		return "/outcomes"
	}
	return "/outcomes/" + category
}

// Categories are the outcome categories of a report with reasons to show,
// each with a page of its own (charts.ReasonCategories).
func Categories(r *data.Report) []data.Category { return charts.ReasonCategories(r) }

// outcomes is the page at "/outcomes": what happened to the requests, and
// the flow of requests; at "/outcomes/{category}", that category's
// numbered reasons.
type outcomes struct {
	page
	category string
	unknown  bool // the path names a category the report does not have
	cats     []data.Category
	chart    charts.Chart
	flow     charts.Chart
	links    map[string]string
}

func (p *outcomes) prepare(pk *charts.Pack) {
	r := pk.Report
	p.category = p.v.url.Query().Get(categoryParam)
	p.unknown = false
	if _, rest, ok := strings.Cut(p.v.url.Path, "/outcomes/"); ok {
		p.category = strings.Trim(rest, "/")
	}
	p.cats = Categories(r)
	is := func(c data.Category) bool { return c.Key == p.category }
	if !slices.ContainsFunc(p.cats, is) {
		// A path's category is the page: one the report has not is no
		// page (an old ?cat= query just falls back to every category),
		// and one whose reasons are all printed 0 has its 0 on the page
		// of every category, shown at its address.
		p.unknown = strings.Contains(p.v.url.Path, "/outcomes/") && !slices.ContainsFunc(r.Requests.Categories(), is)
		p.category = ""
	}
	p.chart = pk.Outcomes(p.category)
	p.links = map[string]string{}
	if p.category == "" {
		for _, c := range p.cats {
			p.links[charts.ShortLabel(c.Label)] = p.v.href(CategoryPath(c.Key))
		}
	}
	p.flow = charts.Chart{}
	if p.category == "" {
		p.flow = pk.Chart("flow")
	}
}

func (p *outcomes) Render() app.UI {
	if p.unknown {
		return notFoundContent(p.v)
	}
	var content []app.UI
	if p.v.report != nil {
		// No category with reasons to show: no way to them either.
		var drill app.UI
		if len(p.cats) > 0 {
			drill = app.Elem("nav").Class("drill").Aria("label", "查看各类办理结果的原因").Body(
				app.Elem("ul").Body(
					app.Elem("li").Body(p.drillLink("", "全部类别")),
					app.Range(p.cats).Slice(func(i int) app.UI {
						c := p.cats[i]
						return app.Elem("li").Body(p.drillLink(c.Key, charts.ShortLabel(c.Label)+"的原因"))
					}),
				),
			)
		}
		content = []app.UI{
			section("outcome-title", "办理结果",
				drill,
				&chartView{IChart: p.chart, ILinks: p.links, IEmbed: p.v.embed(p.chart.ID)},
			),
		}
		// The flow of the year's requests is on the page of every
		// category; a category's page is its reasons (the flow, the same
		// on each, was a third of every category page).
		if p.category == "" {
			content = append(content, section("flow-title", "申请的来龙去脉", &chartView{IChart: p.flow, IEmbed: p.v.embed(p.flow.ID)}))
		}
	}
	return layout(p.v, "/outcomes", "办理结果", content)
}

func (p *outcomes) drillLink(key, label string) app.UI {
	a := app.Elem("a").Class("button").Attr("href", siteURL(p.v.href(CategoryPath(key)))).Text(label)
	if key == p.category {
		a = a.Aria("current", "true")
	}
	return a
}
