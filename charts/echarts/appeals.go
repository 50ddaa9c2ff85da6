package echarts

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"nianbao/charts"
	"nianbao/data"
)

// Appeals is how administrative review and litigation ended (table 四):
// a bar per group, a segment per result. A group whose printed total
// breaks the cross-check with its results says so beside its bar.
func Appeals(r *data.Report, m charts.Marks) charts.Chart {
	tbl := charts.Table{Caption: "政府信息公开行政复议、行政诉讼情况（件，表四）", Head: []string{"类别"}}
	for _, c := range data.AppealColumns {
		tbl.Head = append(tbl.Head, c.Label)
	}
	tbl.Head = append(tbl.Head, "纠正率（占已审结）")
	// groupMark is the mark of a group: of its total, or of any result.
	groupMark := func(g string, cols ...int) charts.Mark {
		var ms []charts.Mark
		for _, c := range cols {
			ms = append(ms, m.Appeals(c, g))
		}
		return charts.FirstMark(ms...)
	}
	concluded := []int{data.AppealUpheld, data.AppealCorrected, data.AppealOther}
	groups := make([]string, len(data.AppealRows))
	for i, g := range data.AppealRows {
		groups[i] = g.Label + groupMark(g.Key, data.AppealTotal).Short()
		row := charts.Row{Head: g.Label}
		for c := range data.AppealColumns {
			row.Cells = append(row.Cells, charts.CellOf(r.Appeals.Cell(g.Key, c), m.Appeals(c, g.Key)))
		}
		row.Cells = append(row.Cells, charts.MarkedCell(charts.CorrectedShare(r.Appeals[g.Key]), groupMark(g.Key, concluded...)))
		tbl.Rows = append(tbl.Rows, row)
	}
	var series []charts.Bar
	for c := 0; c < data.AppealTotal; c++ {
		s := charts.Bar{Name: data.AppealColumns[c].Label}
		for i, g := range data.AppealRows {
			cell := r.Appeals.Cell(g.Key, c)
			_, value := counted(cell.N(), cell.Status == data.Blank, m.Appeals(c, g.Key))
			s.Data = append(s.Data, charts.BarItem{Name: groups[i], Value: float64(cell.N()),
				Tooltip: charts.Tip(g.Label, data.AppealColumns[c].Label+"："+value)})
		}
		series = append(series, s)
	}
	review := r.Appeals["review"]
	suitGroups := []string{"litigation_direct", "litigation_after_review"}
	var suits, suitsCorrected, suitsConcluded int64
	var suitMarks []charts.Mark
	for _, k := range suitGroups {
		g := r.Appeals[k]
		suits += g[data.AppealTotal].N()
		suitsCorrected += g[data.AppealCorrected].N()
		suitsConcluded += g[data.AppealUpheld].N() + g[data.AppealCorrected].N() + g[data.AppealOther].N()
		suitMarks = append(suitMarks, groupMark(k, data.AppealTotal, data.AppealUpheld, data.AppealCorrected, data.AppealOther))
	}
	summary := fmt.Sprintf("%d年因政府信息公开被申请行政复议%s件，已审结的结果纠正占%s%s；被提起行政诉讼%s件，已审结的结果纠正占%s%s。",
		r.Year, charts.Count(review[data.AppealTotal].N()), charts.CorrectedShare(review),
		groupMark("review", data.AppealTotal, data.AppealUpheld, data.AppealCorrected, data.AppealOther).Note(),
		charts.Count(suits), charts.Percent(suitsCorrected, suitsConcluded), charts.FirstMark(suitMarks...).Note())
	o := charts.BarChart{Cats: groups, Unit: "件", Stack: true, Series: series}.Option()
	return charts.Chart{ID: "appeals", Title: "行政复议和行政诉讼", Option: o.JSON(), Table: tbl, Summary: summary}
}

// Disclosure is proactive disclosure (table 二): every value of the table
// as printed, with its unit (the table is the report's text: its numbers
// keep the report's own writing); the chart compares only what is
// comparable on one linear axis, the counts of decisions (处理决定数量) of
// items (五) and (六). Documents, item counts, changes and amounts stay in
// the table: on one axis with millions of decisions they would be
// invisible, and a log axis draws 41,248 two-thirds as long as 4,055,284.
func Disclosure(r *data.Report) charts.Chart {
	tbl := charts.Table{Caption: "主动公开政府信息情况（表二，按报告原样）", Head: []string{"第二十条", "信息内容", "项目", "数值"}}
	var labels []string
	s := charts.Bar{Name: "处理决定数量"}
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
			label, value := charts.Grouped(q.Value), charts.Grouped(q.Value)+" 件"
			switch {
			case q.Blank():
				label, value = "空白", "报告中为空白"
			case q.Unreadable():
				label, value = "无法辨认", "原文数字连写，无法辨认"
				unread = true
			}
			labels = append(labels, row.Label)
			s.Data = append(s.Data, labelled(row.Label+"："+q.Label, v, label, row.Item+" "+row.Label, q.Label+"："+value))
			if q.Float() > topValue {
				top, topValue = row, q.Float()
			}
		}
	}
	summary := fmt.Sprintf("图中比较%d年各事项的处理决定数量，最多的是%s，%s件；表二的其他数值见表。", r.Year, top.Label, charts.Count(int64(math.Round(topValue))))
	if unread {
		summary = fmt.Sprintf("图中比较%d年各事项的处理决定数量，其中有数值因原文数字连写而无法辨认，见表。", r.Year)
	}
	if topValue == 0 && !unread {
		summary = fmt.Sprintf("%d年主动公开情况见下表。", r.Year)
	}
	o := charts.BarChart{Cats: labels, Unit: "件", Series: []charts.Bar{s}}.Option()
	return charts.Chart{ID: "disclosure", Title: "主动公开", Option: o.JSON(), Table: tbl, Summary: summary}
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
