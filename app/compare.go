package app

import (
	"fmt"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/charts"
	"nianbao/data/catalog"
)

// compare is the page at "/compare?r=id,id,…": two to six reports side by
// side (different bodies, or one body's years): the key figures as a
// table, outcome shares and review results as grouped charts. The choice is
// in the URL, so a comparison can be shared and bookmarked.
type compare struct {
	page
	chosen  []charts.Compared
	missing []string
	figures charts.Table
	charts  []charts.Chart
}

// needs the reports the address names.
func (p *compare) needs(x *catalog.Index) []*catalog.Entry {
	var es []*catalog.Entry
	for _, id := range strings.Split(p.v.url.Query().Get("r"), ",") {
		if e := x.Find(id); e != nil {
			es = append(es, e)
		}
	}
	return es
}

func (p *compare) prepareIndex(x *catalog.Index) {
	p.chosen, p.missing, p.charts = nil, nil, nil
	for _, id := range strings.Split(p.v.url.Query().Get("r"), ",") {
		if id == "" || len(p.chosen) == maxCompare || slices.ContainsFunc(p.chosen, func(c charts.Compared) bool { return c.Entry.ID == id }) {
			continue
		}
		if e := x.Find(id); e != nil {
			p.chosen = append(p.chosen, charts.Compared{Name: fmt.Sprintf("%s %d年", x.BodyOf(e).Name, e.Year), Entry: e})
		} else {
			p.missing = append(p.missing, id)
		}
	}
	if len(p.chosen) >= 2 {
		p.figures, p.charts = charts.Compare(p.chosen)
	}
}

func (p *compare) ids() []string {
	var ids []string
	for _, c := range p.chosen {
		ids = append(ids, c.Entry.ID)
	}
	return ids
}

func (p *compare) Render() app.UI {
	var content []app.UI
	if p.v.index != nil {
		ids := p.ids()
		add := withQuery("/reports", "cmp", strings.Join(ids, ","))
		content = append(content,
			// The address is anyone's to write: what it names is not echoed.
			app.If(len(p.missing) > 0, app.Elem("p").Class("status status-warn").Text(fmt.Sprintf("地址中有 %d 项不是本站的报告，已略去。", len(p.missing)))),
			section("chosen-title", fmt.Sprintf("比较的报告（%d 份）", len(p.chosen)),
				app.Elem("ul").Class("chosen").Body(
					app.Range(p.chosen).Slice(func(i int) app.UI {
						c := p.chosen[i]
						rest := slices.Delete(slices.Clone(ids), i, i+1)
						return app.Elem("li").Body(
							app.Elem("a").Class("report-link").Attr("href", siteURL(ReportPath(c.Entry.ID, "/"))).Text(c.Name),
							app.Elem("a").Class("button").Attr("href", siteURL(compareHref(rest))).Aria("label", "移出比较："+c.Name).Text("移出"),
						)
					}),
				),
				app.If(len(p.chosen) < maxCompare, app.Elem("p").Body(app.Elem("a").Class("button").ID("compare-add").Attr("href", siteURL(add)).Text("从全部报告中添加"))),
			),
		)
		if len(p.chosen) < 2 {
			content = append(content, app.Elem("p").Class("note").Text("请选择两到六份报告进行比较：在“全部报告”中点“加入比较”，或在报告的概览页点“加入比较”。"))
		} else {
			content = append(content,
				section("compare-figures-title", "关键数字", tableView(p.figures)),
				app.Range(p.charts).Slice(func(i int) app.UI {
					c := p.charts[i]
					return section(c.ID+"-section", c.Title, &chartView{IChart: c})
				}),
			)
		}
	}
	return layout(p.v, "/compare", "比较报告", content)
}
