package app

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/charts"
)

// peersView shows a report's rates against the bodies of its level and
// year: each rate with its count and base, its place, the middle half of
// the placed bodies' rates (P25–P75) and how many bodies that rests on. A
// rate on fewer than charts.MinPeerBase cases is shown and not placed; a
// rate resting on a figure that breaks a check, or was recovered, says so.
func peersView(p *charts.Peers) app.UI {
	if p == nil {
		return nil
	}
	rows := make([]app.UI, len(p.Rates))
	for i, r := range p.Rates {
		def := r.Def()
		place := "不排位（依据少于 " + strconv.Itoa(charts.MinPeerBase) + " 件）"
		if r.Placed {
			place = fmt.Sprintf("第 %d 位（共 %d 个，从高到低）", r.Rank, r.Peers)
		}
		band := fmt.Sprintf("可比机关少于 %d 个，不给出区间", charts.MinPeerBand)
		if r.Band {
			band = charts.PercentText(r.P25) + " – " + charts.PercentText(r.P75)
		}
		var mark app.UI
		switch r.Mark {
		case "inconsistent":
			mark = app.Elem("span").Class("mark-finding").Text("⚠ 所依数字有不一致")
		case "recovered":
			mark = app.Elem("span").Class("mark-recovered").Text("含推算的数字")
		}
		rows[i] = app.Elem("tr").ID("peer-"+r.ID).Body(
			app.Elem("th").Attr("scope", "row").Body(
				app.Elem("a").Attr("href", siteURL(AboutPath+"#term-peers")).Text(def.Label),
			),
			app.Elem("td").Class("num").Body(app.Text(r.Text()), mark),
			td("num", fmt.Sprintf("%d / %d 件", r.Count, r.Base)),
			td("", place),
			td("num", band),
			td("num", strconv.Itoa(r.Peers)),
		)
	}
	return dataTable("", "peers", fmt.Sprintf("与%d年同级（%s）机关相比", p.Year, p.Level),
		[]string{"比例", "本报告", "依据", "位次", "同级中间一半（P25–P75）", "可比机关数"}, rows)
}

// dataTable is a table in a region that scrolls on a narrow screen: its
// caption, its column headers, and its rows.
func dataTable(id, class, caption string, head []string, rows []app.UI) app.UI {
	ths := make([]app.UI, len(head))
	for i, h := range head {
		ths[i] = app.Elem("th").Attr("scope", "col").Class(shortClass(h)).Text(h)
	}
	table := app.Elem("table").Class(class)
	if id != "" {
		table = table.ID(id)
	}
	return app.Elem("div").Class("table-wrap").TabIndex(0).Role("region").Aria("label", caption).Body(
		table.Body(
			app.Elem("caption").Text(caption),
			app.Elem("thead").Body(app.Elem("tr").Body(ths...)),
			app.Elem("tbody").Body(rows...),
		),
	)
}

// td is a cell of text, of the class if any.
func td(class, text string) app.UI {
	if class == "" {
		return app.Elem("td").Text(text)
	}
	return app.Elem("td").Class(class).Text(text)
}

// changeView is a key figure's change against the previous report: shown,
// and read out in words (the signs and "较" read badly).
func changeView(c charts.Change) app.UI {
	if c.Text == "" {
		return nil
	}
	return app.Elem("span").Class("figure-change").Body(
		app.Elem("span").Aria("hidden", "true").Text(c.Text),
		app.Elem("span").Class("visually-hidden").Text(c.Spoken),
	)
}
