package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/charts"
	"nianbao/data"
	"nianbao/data/catalog"
)

// body is a body's page at "/b/{id}": its reports over the years, as charts
// of requests, outcome shares and review and litigation, each with its table
// and summary; links to each year's report; and the cross-year check.
type body struct {
	page
	b       *catalog.Body
	entries []*catalog.Entry // oldest first
	charts  []charts.Chart
	peers   *charts.Peers // the latest report's rates against its peers
}

// bodyID is the body the page shows.
func (p *body) bodyID() string {
	if p.fixedID != "" {
		return p.fixedID
	}
	return strings.Trim(strings.TrimPrefix(p.v.url.Path, bodyPrefix), "/")
}

// needs the body's reports (their blocks of the index).
func (p *body) needs(x *catalog.Index) []*catalog.Entry {
	_, es := x.FindBody(p.bodyID())
	return es
}

// packsNeeded is the body's latest report's pack: its peers, which the
// build worked out across the index, are the page's.
func (p *body) packsNeeded(x *catalog.Index) []string {
	if last := latest(p.needs(x)); last != nil {
		return []string{last.ID}
	}
	return nil
}

// latest is the entry of the latest year, nil if none.
func latest(es []*catalog.Entry) *catalog.Entry {
	var out *catalog.Entry
	for _, e := range es {
		if out == nil || e.Year > out.Year {
			out = e
		}
	}
	return out
}

func (p *body) prepareIndex(x *catalog.Index) {
	id := p.bodyID()
	p.b, p.entries = x.FindBody(id)
	p.charts, p.peers = nil, nil
	if p.b == nil {
		p.v.err = fmt.Errorf("没有找到机关“%s”。", id)
		return
	}
	slices.SortFunc(p.entries, func(a, b *catalog.Entry) int { return a.Year - b.Year })
	p.charts = charts.Trend(p.b.Name, p.entries)
	for i, c := range p.charts {
		// The build writes the same charts there (web/site, writeEmbeds).
		p.charts[i].Src = charts.ChartSrc(siteURL(BodyChartsPath(p.b.ID)), "", c.ID)
	}
	if pk := cachedPack(p.entries[len(p.entries)-1].ID); pk != nil {
		p.peers = pk.Peers
	}
}

// peersSection compares the latest report with its peers, as its
// overview does.
func (p *body) peersSection() app.UI {
	if p.peers == nil {
		return app.If(false)
	}
	return section("peers-title", fmt.Sprintf("%d年报告与同级机关相比", p.peers.Year), peersView(p.peers),
		app.Elem("p").Class("note").Text("与该年报告概览中的比较相同；“不一致”“推算”标记指该比例所依的数字中有不一致或推算的数字。"))
}

// title is the body's name.
func (p *body) title() string {
	if p.b == nil {
		return ""
	}
	return p.b.Name
}

func (p *body) Render() app.UI {
	heading := "机关"
	var content []app.UI
	if b := p.b; b != nil && p.v.err == nil {
		heading = b.Name
		var cross []app.UI
		checked := 0
		for i, e := range p.entries {
			if e.PrevYear {
				checked++
			}
			if e.CrossYear == 0 || i == 0 {
				continue
			}
			prev := p.entries[i-1]
			cross = append(cross, app.Elem("li").Body(
				app.Text(fmt.Sprintf("%d年报告的“上年结转”与%d年报告的“结转下年度继续办理”有 %d 列不一致（按报告原样展示，未作更正）。", e.Year, prev.Year, e.CrossYear)),
				app.Elem("a").Attr("href", siteURL(ReportPath(e.ID, "/checks"))).Text(fmt.Sprintf("查看%d年报告的数据校验", e.Year)),
			))
		}
		var ids []string
		for _, e := range p.entries[max(len(p.entries)-maxCompare, 0):] {
			ids = append(ids, e.ID)
		}
		content = []app.UI{
			app.Elem("p").Text(fmt.Sprintf("%s · %s · 收录 %d 个年度的报告。", b.Level, b.Region, len(p.entries))),
			section("years-title", "各年度报告",
				app.Elem("ul").Class("year-list").Body(
					app.Range(p.entries).Slice(func(i int) app.UI {
						e := p.entries[i]
						return app.Elem("li").Body(
							app.Elem("a").Class("report-link").Attr("href", siteURL(inViewPath(e.ID))).Text(strconv.Itoa(e.Year)+"年报告"),
							app.Elem("span").Class("status-"+string(e.Consistency())).Text("（"+e.Consistency().Label()+"）"),
						)
					}),
				),
				app.If(len(ids) >= 2, app.Elem("p").Body(app.Elem("a").Attr("href", siteURL(compareHref(ids))).Text("并排比较各年度报告"))),
			),
			app.If(len(p.entries) < 2, app.Elem("p").Class("note").Text("只有一个年度的报告，暂无历年变化。")),
			app.Range(p.charts).Slice(func(i int) app.UI {
				c := p.charts[i]
				embed := ""
				if site.Embed {
					embed = BodyEmbedPath(b.ID, c.ID)
				}
				return section(c.ID+"-section", c.Title, &chartView{IChart: c, IEmbed: embed})
			}),
			p.peersSection(),
			section("cross-year-title", "跨年度校验",
				app.Elem("p").Text(data.RuleText(data.RuleCrossYear)+"。"),
				app.If(checked == 0, app.Elem("p").Class("status").Text("不适用：网站没有该机关相邻年度的报告，跨年度校验无法进行。")).
					ElseIf(len(cross) == 0, app.Elem("p").Class("status status-ok").Text(fmt.Sprintf("✓ %d 对相邻年度的结转数字一致。", checked))).
					Else(app.Elem("ul").Class("status status-warn").Body(cross...)),
			),
		}
	}
	path := bodyPrefix
	if p.fixedID != "" {
		path = "/"
	}
	return layout(p.v, path, heading, content)
}
