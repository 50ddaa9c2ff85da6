package app

import (
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/charts"
	"nianbao/data"
)

// chartView shows one chart with its 图/表 switch: the ECharts drawing, or
// its numbers as a real table; the one-sentence summary is always shown.
// The site's script (web/js/charts.js) draws the prerendered chart before
// the WebAssembly arrives: from the pack the chart came from (data-chart,
// its URL and a JSON pointer to the option: one file for all of a report's
// pages, fetched when the first chart comes near the screen), or, for a
// chart made where it is shown, from the option in the page (data-option,
// base64). Where the chart offers a way down, a click on a data item navigates to
// its link in ILinks (the page shows the same links for keyboard and touch).
type chartView struct {
	app.Compo

	IChart charts.Chart
	ILinks map[string]string // data item name → URL
	IEmbed string            // the chart's embed page, "" for none (embed.go)

	showTable bool
	ec        *echart
}

func (c *chartView) Render() app.UI {
	ch := c.IChart
	id := "chart-" + ch.ID
	// In the running app a table is built when it is shown: a page change
	// then builds its charts' tables (and their CSV) only on demand. The
	// prerendered page holds every table, for 图/表 without the app.
	var table app.UI
	if c.showTable || !app.IsClient {
		table = tableView(ch.Table)
	}
	return app.Elem("figure").Class("chart").ID(id).
		DataSet("file", ch.Table.BaseName()).DataSet("source", ch.Table.SourceLine()).Body(
		app.Elem("div").Class("chart-head").Body(
			app.Elem("h3").ID(id+"-title").Text(ch.Title),
			app.Elem("div").Class("switch").Role("group").Aria("label", ch.Title+"：切换图或表").Body(
				app.Elem("button").Attr("type", "button").Class("switch-chart").
					Aria("pressed", fmt.Sprint(!c.showTable)).
					OnClick(c.show(false)).Text("图"),
				app.Elem("button").Attr("type", "button").Class("switch-table").
					Aria("pressed", fmt.Sprint(c.showTable)).
					OnClick(c.show(true)).Text("表"),
			),
		),
		// The summary is said once, here: the drawing is named by its
		// title only (and its option turns ECharts' ARIA off, which would
		// say the summary again as the element's label).
		app.Elem("p").Class("summary").Text(ch.Summary),
		c.canvas(),
		app.Elem("div").Class("chart-table").Hidden(!c.showTable).Body(table),
		// Saved by web/js/image.js, with the WebAssembly or without.
		app.Elem("p").Class("chart-image").Body(
			imageButton("png", "下载 PNG 图片", ch.Title),
			imageButton("svg", "下载 SVG 图片", ch.Title),
			app.If(c.IEmbed != "", app.Elem("button").Attr("type", "button").Class("button embed-code").
				DataSet("embed", siteURL(c.IEmbed)).Aria("expanded", "false").Body(
				app.Text("嵌入代码"),
				app.Elem("span").Class("visually-hidden").Text("："+ch.Title),
			)), // see web/js/share.js
		),
		app.If(c.IEmbed != "", app.Elem("div").Class("embed-box").Hidden(true)),
	)
}

// canvas is the element the chart is drawn in. It names the pack its
// option is in (Chart.Src); a prerendered page carries the option of a
// chart with none; the running app draws its charts itself.
func (c *chartView) canvas() app.UI {
	ch := c.IChart
	el := app.Elem("div").Class("chart-canvas").Role("img").Aria("label", "图："+ch.Title).Hidden(c.showTable)
	if ch.Src != "" {
		return el.DataSet("chart", ch.Src)
	}
	if !app.IsClient {
		return el.DataSet("option", base64.StdEncoding.EncodeToString(ch.Option))
	}
	return el
}

// imageButton saves the chart as an image in the format.
func imageButton(format, label, title string) app.UI {
	return app.Elem("button").Attr("type", "button").Class("button").DataSet("format", format).Body(
		app.Text(label),
		app.Elem("span").Class("visually-hidden").Text("："+title),
	)
}

// OnInit shows the chart's table where the address asks for it
// (?table=ID,…: see web/js/share.js, which keeps the address in step).
func (c *chartView) OnInit() {
	if app.IsClient {
		c.showTable = tableAsked(app.Window().URL().Query().Get(tableParam), c.IChart.ID)
	}
}

func (c *chartView) show(table bool) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		c.showTable = table
		if !table {
			ctx.Defer(func(app.Context) { c.ec.draw() })
		}
	}
}

func (c *chartView) OnMount(ctx app.Context) {
	c.ec = newEChart(c.JSValue().Call("querySelector", ".chart-canvas"), string(c.IChart.Option), c.onClick(ctx))
}

func (c *chartView) OnUpdate(ctx app.Context) {
	ctx.Defer(func(app.Context) { c.ec.setOption(string(c.IChart.Option)) })
}

func (c *chartView) OnDismount() {
	c.ec.dispose()
	c.ec = nil
}

// onClick returns what a click on a data item does, or nil.
func (c *chartView) onClick(ctx app.Context) func(name string) {
	if len(c.ILinks) == 0 {
		return nil
	}
	return func(name string) {
		if href, ok := c.ILinks[name]; ok {
			ctx.Navigate(siteURL(href))
		}
	}
}

// tableView renders a chart's table: caption, column and row headers, blank
// cells shown as blank and marked cells (推算, ⚠ 不一致, 未核对) marked in
// words, not colour, each kind explained below the table.
func tableView(t charts.Table) app.UI {
	var notes []app.UI
	for _, k := range charts.MarkKinds {
		if t.Has(k) {
			m := charts.Mark{Kind: k}
			notes = append(notes, app.Elem("p").Class("table-note").Body(
				app.Elem("span").Class("mark-"+string(k)).Text(m.Label()),
				app.Text(" "+m.Explained()),
			))
		}
	}
	if t.HasBlank() {
		notes = append(notes, app.Elem("p").Class("table-note").Text("“—”表示报告中该格为空白；空白不等于 0。"))
	}
	return app.Elem("div").Body(
		app.Elem("div").Class("table-wrap").TabIndex(0).Role("region").Aria("label", t.Caption).Body(
			app.Elem("table").Body(
				app.Elem("caption").Text(t.Caption),
				app.Elem("thead").Body(app.Elem("tr").Body(
					app.Range(t.Head).Slice(func(i int) app.UI {
						return app.Elem("th").Attr("scope", "col").Class(shortClass(t.Head[i])).Text(t.Head[i])
					}),
				)),
				app.Elem("tbody").Body(
					app.Range(t.Rows).Slice(func(i int) app.UI {
						row := t.Rows[i]
						return app.Elem("tr").Body(
							app.Elem("th").Attr("scope", "row").Class(fmt.Sprintf("level-%d", row.Level), shortClass(row.Head)).Text(row.Head),
							app.Range(row.Cells).Slice(func(j int) app.UI { return cellView(row.Cells[j]) }),
						)
					}),
				),
			),
		),
		app.Range(notes).Slice(func(i int) app.UI { return notes[i] }),
		app.Elem("p").Class("table-download").Body(
			app.Elem("a").Class("button").Attr("href", csvHref(t)).Attr("download", t.FileName()).Body(
				app.Text("下载 CSV 文件"),
				app.Elem("span").Class("visually-hidden").Text("："+t.Caption),
			),
		),
	)
}

// csvHref is the table's CSV as a data: URL, so that the download works in
// the prerendered page, without the WASM and offline (go-app leaves links
// with a download attribute to the browser). The CSV is written as text,
// not base64: its words are the table's, which the page's compression then
// finds beside it (base64 made a page's brotli copy a fifth larger), and
// UTF-8 is a third shorter than its base64.
func csvHref(t charts.Table) string {
	return "data:text/csv;charset=utf-8," + dataURLText(t.CSV())
}

// dataURLText escapes text for a data: URL's body: what the URL's parser
// would take for something else or drop (%, #, ?, controls and line
// breaks, spaces) and what an attribute would escape at greater length
// (", ', &, <, >) as %XX; every other byte, the UTF-8 of the words
// included, as it is (a browser decodes the body's percent escapes and
// reads the rest as UTF-8). The byte-order mark a spreadsheet needs, an
// invisible character, is escaped too.
func dataURLText(b []byte) string {
	const hex = "0123456789ABCDEF"
	var s strings.Builder
	s.Grow(len(b) + len(b)/8)
	for _, c := range b {
		switch {
		case c <= ' ' || c == 0x7F || strings.IndexByte(`%#?"'&<>\`, c) >= 0:
			s.WriteByte('%')
			s.WriteByte(hex[c>>4])
			s.WriteByte(hex[c&15])
		default:
			s.WriteByte(c)
		}
	}
	return strings.ReplaceAll(s.String(), "\uFEFF", "%EF%BB%BF")
}

func cellView(c charts.Cell) app.UI {
	class := shortClass(c.Text)
	if numeric(c.Text) {
		class = "num"
	}
	switch {
	case c.Blank:
		return app.Elem("td").Class("num blank").Body(
			app.Elem("span").Aria("hidden", "true").Text("—"),
			app.Elem("span").Class("visually-hidden").Text("空白"),
			app.If(!c.Mark.IsZero(), markView(c.Mark)),
		)
	case !c.Mark.IsZero():
		return app.Elem("td").Class(class, string(c.Mark.Kind)).Body(app.Text(c.Text), markView(c.Mark))
	}
	return app.Elem("td").Class(class).Text(c.Text)
}

// markView is a number's mark beside it: its word (推算, ⚠ 不一致, 未核对)
// with its rule, and the one-line reason.
func markView(m charts.Mark) app.UI {
	return app.Elem("span").Class("mark").Body(
		app.Elem("span").Class("mark-"+string(m.Kind)).Title(data.RuleText(m.Rule)).Text(m.Label()),
		app.Elem("span").Class("mark-reason").Text(m.Reason),
	)
}

// shortClass is "short" for a text of at most six characters, which a
// table keeps on one line (on a phone, 规则3, ✓ 成立 or 自然人 would
// otherwise break a character a line; a wide table scrolls instead).
func shortClass(s string) string {
	if utf8.RuneCountInString(s) <= 6 {
		return "short"
	}
	return ""
}

// numeric says whether a cell is a number, aligned right to compare: a
// sign, a digit, then digits, points and commas, then %, 万元 or 元.
func numeric(s string) bool {
	for _, unit := range []string{"%", "万元", "元"} {
		if t, ok := strings.CutSuffix(s, unit); ok {
			s = t
			break
		}
	}
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	return strings.Trim(s, "0123456789.,") == ""
}
