package echarts

import (
	"fmt"
	"math"
	"nianbao/charts"
	"slices"
	"strings"

	goecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"nianbao/data"
)

// Appeals is how administrative review and litigation ended (table 四).
func Appeals(r *data.Report) charts.Chart {
	tbl := charts.Table{Caption: "政府信息公开行政复议、行政诉讼情况（件，表四）", Head: []string{"类别"}}
	for _, c := range data.AppealColumns {
		tbl.Head = append(tbl.Head, c.Label)
	}
	tbl.Head = append(tbl.Head, "纠正率（占已审结）")
	groups := make([]string, len(data.AppealRows))
	for i, g := range data.AppealRows {
		groups[i] = g.Label
		row := charts.Row{Head: g.Label}
		for c := range data.AppealColumns {
			row.Cells = append(row.Cells, charts.CellOf(r.Appeals.Cell(g.Key, c)))
		}
		row.Cells = append(row.Cells, charts.TextCell(charts.CorrectedShare(r.Appeals[g.Key])))
		tbl.Rows = append(tbl.Rows, row)
	}
	var series [4][]opts.BarData
	for c := 0; c < 4; c++ {
		for _, g := range data.AppealRows {
			cell := r.Appeals.Cell(g.Key, c)
			value := group(cell.N()) + " 件"
			if charts.CellOf(cell).Blank {
				value = "报告中为空白"
			}
			series[c] = append(series[c], opts.BarData{Name: g.Label, Value: cell.N(),
				Tooltip: tip(g.Label, data.AppealColumns[c].Label+"："+value)})
		}
	}
	review := r.Appeals["review"]
	var suits, suitsCorrected, suitsConcluded int64
	for _, k := range []string{"litigation_direct", "litigation_after_review"} {
		g := r.Appeals[k]
		suits += g[4].N()
		suitsCorrected += g[1].N()
		suitsConcluded += g[0].N() + g[1].N() + g[2].N()
	}
	summary := fmt.Sprintf("%d年因政府信息公开被申请行政复议%d件，已审结的结果纠正占%s；被提起行政诉讼%d件，已审结的结果纠正占%s。",
		r.Year, review[4].N(), charts.CorrectedShare(review), suits, charts.Percent(suitsCorrected, suitsConcluded))
	bar := hbar(summary, frame{legend: true, xName: "件", cats: groups})
	for c := range series {
		bar.AddSeries(data.AppealColumns[c].Label, series[c],
			goecharts.WithBarChartOpts(opts.BarChart{Stack: "appeals"}),
			goecharts.WithItemStyleOpts(opts.ItemStyle{Color: Palette[c]}))
	}
	bar.Validate()
	return charts.Chart{ID: "appeals", Title: "行政复议和行政诉讼", Option: finish(bar.JSON()), Table: tbl, Summary: summary}
}

// Disclosure is proactive disclosure (table 二): every value of the table
// as printed, with its unit; the chart compares only what is comparable on
// one linear axis, the counts of decisions (处理决定数量) of items (五) and
// (六). Documents, item counts, changes and amounts stay in the table: on
// one axis with millions of decisions they would be invisible, and a log
// axis draws 41,248 two-thirds as long as 4,055,284.
func Disclosure(r *data.Report) charts.Chart {
	tbl := charts.Table{Caption: "主动公开政府信息情况（表二，按报告原样）", Head: []string{"第二十条", "信息内容", "项目", "数值"}}
	var labels []string
	var bars []opts.BarData
	var top data.DisclosureRow
	var topValue float64
	unread := false // a count of decisions the copy ran together
	for _, row := range r.Disclosure {
		for i, q := range row.Values {
			cell := charts.TextCell(q.Value + q.Unit)
			switch {
			case q.Blank():
				cell = charts.Cell{Text: "—", Blank: true}
			case q.Unreadable():
				cell = charts.TextCell("无法辨认（" + runNote(row, i) + "）")
			case q.Status == data.StatusCrossYear:
				cell = charts.TextCell(q.Value + q.Unit + "（原文数字连写为“" + row.Run + "”，由相邻年度报告的现行有效件数关系确定）")
			}
			tbl.Rows = append(tbl.Rows, charts.Row{Head: row.Item, Cells: []charts.Cell{charts.TextCell(row.Label), charts.TextCell(q.Label), cell}})
			if q.Key != "decisions" {
				continue
			}
			v := int64(math.Round(q.Float()))
			label, value := groupText(q.Value), groupText(q.Value)+" 件"
			switch {
			case q.Blank():
				label, value = "空白", "报告中为空白"
			case q.Unreadable():
				label, value = "无法辨认", "原文数字连写，无法辨认"
				unread = true
			}
			labels = append(labels, row.Label)
			bars = append(bars, barItem(row.Label+"："+q.Label, v, label, row.Item+" "+row.Label, q.Label+"："+value))
			if q.Float() > topValue {
				top, topValue = row, q.Float()
			}
		}
	}
	summary := fmt.Sprintf("图中比较%d年各事项的处理决定数量，最多的是%s，%s件；表二的其他数值见表。", r.Year, top.Label, fmt.Sprint(int64(math.Round(topValue))))
	if unread {
		summary = fmt.Sprintf("图中比较%d年各事项的处理决定数量，其中有数值因原文数字连写而无法辨认，见表。", r.Year)
	}
	if topValue == 0 && !unread {
		summary = fmt.Sprintf("%d年主动公开情况见下表。", r.Year)
	}
	bar := hbar(summary, frame{xName: "件", cats: labels})
	bar.AddSeries("处理决定数量", bars, goecharts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}),
		goecharts.WithItemStyleOpts(opts.ItemStyle{Color: Palette[2]}))
	bar.Validate()
	return charts.Chart{ID: "disclosure", Title: "主动公开", Option: finish(bar.JSON()), Table: tbl, Summary: summary}
}

// runNote says what a value of table 二 that the copy ran together with
// its row's other values may be: "原文数字连写为“114251”，可能为 1、11"
// (the distinct values the row's candidate splits give it). Shown in the
// table in place of the number, so that the page, its CSV and the
// prerendered page all say it.
func runNote(row data.DisclosureRow, i int) string {
	note := "原文数字连写为“" + row.Run + "”"
	var vals []string
	for _, c := range row.Candidates {
		v := c[i]
		if v == "" {
			v = "空白"
		}
		if !slices.Contains(vals, v) {
			vals = append(vals, v)
		}
	}
	if len(vals) == 0 {
		return note + "，无法拆分"
	}
	return note + "，可能为 " + strings.Join(vals, "、")
}
