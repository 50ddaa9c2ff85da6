package app

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/charts"
	"nianbao/data"
	"nianbao/data/catalog"
)

// minBase is the fewest cases a rate is ranked on: a body that handled 3
// requests is not "best" at 100 %. Bodies below it are listed apart, with
// their counts, not ranked.
const minBase = 10

// rankBys are what a ranking ranks by, by URL value.
var rankBys = []struct {
	key, label, unit string
	value            func(e *catalog.Entry) (count, base int64)
	keys             []catalog.Key // the figures it is read from, for their marks
}{
	{"new", "本年新收申请", "件", func(e *catalog.Entry) (int64, int64) { return e.New(), 0 }, []catalog.Key{catalog.KeyNew}},
	{"open", "予以公开或部分公开的比例", "%", func(e *catalog.Entry) (int64, int64) { return e.Opened(), e.Handled() },
		[]catalog.Key{catalog.KeyGranted, catalog.KeyPartial, catalog.KeyHandled}},
	{"corrected", "行政复议结果纠正的比例", "%", func(e *catalog.Entry) (int64, int64) {
		return e.Corrected(catalog.KeyReview), e.Concluded(catalog.KeyReview)
	}, []catalog.Key{catalog.KeyReview + data.AppealUpheld, catalog.KeyReview + data.AppealCorrected, catalog.KeyReview + data.AppealOther}},
}

// ranking is the page at "/ranking?year=&level=&by=": for a year and a
// level, the bodies ranked by requests received, share disclosed or share
// corrected on review, as a chart of the first 20 and a table of all, with
// the counts beside every rate.
type ranking struct {
	page
	year, level, by string
	asked           string // a year the address asked for that the site has no report of
	years           []string
	chart           charts.Chart
	ranked          int // bodies ranked
	few             []charts.Ranked
	byLabel         string
}

// minRankYear is how many bodies a year needs to be the one a ranking
// opens on: a ranking of one body says nothing.
const minRankYear = 3

// defaultYear is the latest year with at least minRankYear reports, or the
// latest year.
func defaultYear(x *catalog.Index, years []string) string {
	n := map[int]int{}
	for i := range x.Reports {
		n[x.Reports[i].Year]++
	}
	for _, y := range years {
		if v, _ := strconv.Atoi(y); n[v] >= minRankYear {
			return y
		}
	}
	if len(years) > 0 {
		return years[0]
	}
	return ""
}

// needs every entry: a ranking reads a year's across the index.
func (p *ranking) needs(x *catalog.Index) []*catalog.Entry { return x.Entries() }

func (p *ranking) prepareIndex(x *catalog.Index) {
	q := p.v.url.Query()
	p.years = x.Years()
	p.year, p.level, p.by = q.Get("year"), q.Get("level"), q.Get("by")
	p.asked = ""
	if !slices.Contains(p.years, p.year) {
		if p.year != "" {
			p.asked = p.year
		}
		p.year = defaultYear(x, p.years)
	}
	if !slices.Contains(catalog.Levels, p.level) {
		p.level = ""
	}
	by := rankBys[0]
	for _, b := range rankBys {
		if b.key == p.by {
			by = b
		}
	}
	p.by, p.byLabel = by.key, by.label
	var ranked []*charts.Ranked // pointers: sorted by the instance of the catalog's sort
	p.few = nil
	for i := range x.Reports {
		e := &x.Reports[i]
		b := x.BodyOf(e)
		if strconv.Itoa(e.Year) != p.year || (p.level != "" && b.Level != p.level) {
			continue
		}
		count, base := by.value(e)
		r := charts.Ranked{Name: b.Name, Entry: e, Count: count, Base: base, Value: float64(count), Mark: charts.EntryMark(e, by.keys...)}
		if by.unit == "%" {
			if base < minBase {
				p.few = append(p.few, r)
				continue
			}
			r.Value = float64(count) * 100 / float64(base)
		}
		ranked = append(ranked, &r)
	}
	slices.SortStableFunc(ranked, func(a, b *charts.Ranked) int {
		if a.Value != b.Value {
			if a.Value > b.Value {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Name, b.Name)
	})
	level := p.level
	if level == "" {
		level = "各层级"
	}
	p.ranked = len(ranked)
	p.chart = charts.RankChart(fmt.Sprintf("%s年%s机关：%s", p.year, level, by.label), by.unit, by.label, ranked, 20)
}

// askedText says that the year the address names has no report.
func (p *ranking) askedText() string {
	if _, err := strconv.Atoi(p.asked); err != nil || len(p.asked) > 4 {
		return fmt.Sprintf("地址中的年度不是本站收录的年度，已显示%s年。", p.year)
	}
	return fmt.Sprintf("本站没有%s年的报告，已显示%s年。", p.asked, p.year)
}

// emptyText says that no body of the year and level can be ranked.
func (p *ranking) emptyText() string {
	level := p.level
	if level == "" {
		level = "各层级"
	}
	if len(p.few) > 0 {
		return fmt.Sprintf("%s年%s机关的案件都少于 %d 件，不参与比例排名，见下方列表。", p.year, level, minBase)
	}
	return fmt.Sprintf("%s年没有%s机关的报告。请选择其他层级或年度。", p.year, level)
}

func (p *ranking) href(year, level, by string) string {
	return withQuery("/ranking", "year", year, "level", level, "by", by)
}

func (p *ranking) Render() app.UI {
	var content []app.UI
	if p.v.index != nil {
		choice := func(label string, items []app.UI) app.HTMLElem {
			return app.Elem("nav").Class("drill").Aria("label", label).Body(app.Elem("ul").Body(items...))
		}
		link := func(href, text string, current bool) app.UI {
			a := app.Elem("a").Class("button").Attr("href", siteURL(href)).Text(text)
			if current {
				a = a.Aria("current", "true")
			}
			return app.Elem("li").Body(a)
		}
		var years, levels, bys []app.UI
		for _, y := range p.years {
			years = append(years, link(p.href(y, p.level, p.by), y+"年", y == p.year))
		}
		levels = append(levels, link(p.href(p.year, "", p.by), "各层级", p.level == ""))
		for _, l := range catalog.Levels {
			levels = append(levels, link(p.href(p.year, l, p.by), l, l == p.level))
		}
		for _, b := range rankBys {
			bys = append(bys, link(p.href(p.year, p.level, b.key), b.label, b.key == p.by))
		}
		// The view the page shows, as its address's parameters: the site's
		// script starts the app at once for an address asking another
		// (web/js/start.js viewInAddress), not for one asking this, which
		// the prerendered page already shows (the front page's link to its
		// year's ranking, where that year is the one prerendered).
		shows := url.Values{"level": {p.level}, "by": {p.by}}
		if p.asked == "" {
			shows.Set("year", p.year)
		}
		content = []app.UI{
			choice("年度", years).DataSet("shows", shows.Encode()),
			choice("层级", levels),
			choice("排名依据", bys),
			// The address is anyone's to write: a year it names is a number
			// (or it is not echoed).
			app.If(p.asked != "", app.Elem("p").Class("status status-warn").Role("status").Text(p.askedText())),
			app.If(p.ranked == 0, app.Elem("p").Class("empty-result").Role("status").Text(p.emptyText())).
				Else(section("ranking-title", "排名", &chartView{IChart: p.chart})),
			app.If(len(p.few) > 0, section("few-title", fmt.Sprintf("案件过少、不参与比例排名的机关（%d 个）", len(p.few)),
				app.Elem("p").Text(fmt.Sprintf("比例只在至少 %d 件的基础上排名：件数很少时，一两件就能让比例在 0 和 100%% 之间变化。", minBase)),
				app.Elem("ul").Class("few").Body(
					app.Range(p.few).Slice(func(i int) app.UI {
						r := p.few[i]
						return app.Elem("li").Body(
							app.Elem("a").Attr("href", siteURL(ReportPath(r.Entry.ID, "/"))).Text(r.Name),
							app.Text("："+charts.Count(r.Count)+" / "+charts.Count(r.Base)+" 件"+r.Mark.Note()),
						)
					}),
				),
			)),
		}
	}
	return layout(p.v, "/ranking", "排名", content)
}
