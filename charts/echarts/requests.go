package echarts

import (
	"fmt"
	"strings"

	"nianbao/charts"
	"nianbao/data"
)

// counted is a count as a chart's label and tooltip show it: with
// separators and its mark, or 空白 where the report left it blank.
func counted(v int64, blank bool, m charts.Mark) (label, tip string) {
	if blank {
		return "空白" + m.Short(), "报告中为空白" + m.Note()
	}
	return charts.Count(v) + m.Short(), charts.Count(v) + " 件" + m.Note()
}

// labelled is a bar with its label and tooltip as finished text.
func labelled(name string, v int64, label string, tip ...string) charts.BarItem {
	return charts.BarItem{Name: name, Value: float64(v),
		Label: &charts.Label{Show: true, Formatter: charts.LabelText(label)}, Tooltip: charts.Tip(tip...)}
}

// outcomeSlice is one bar of the outcome chart.
type outcomeSlice struct {
	Key   string
	Label string
	Value int64
	Cell  charts.Cell
	Style string // the category whose look it has
	Blank bool   // the report left it, or one of its reasons, blank
}

// Outcomes is the distribution of this year's outcomes (table 三, 总计
// column). With category "" it shows the six categories; with a category key
// ("denied", "unable", "declined", "other") it shows that category's
// numbered reasons, in the category's colour and pattern.
func Outcomes(r *data.Report, m charts.Marks, category string) charts.Chart {
	t := r.Requests
	total := t.Get(data.RowTotal.Key, data.ColTotal)
	totalMark := m.Requests(data.ColTotal, data.RowTotal.Key)
	var slices []outcomeSlice
	var cat *data.Category
	for _, c := range t.Categories() {
		c := c
		if category == "" {
			name := charts.ShortLabel(c.Label)
			v := t.CategorySum(c, data.ColTotal)
			cell := charts.MarkedCell(charts.Count(v), m.Category(c, data.ColTotal))
			if len(c.Rows) == 1 {
				cell = charts.CellOf(t.Cell(c.Rows[0].Key, data.ColTotal), cell.Mark)
			}
			blank := false
			for _, row := range c.Rows {
				blank = blank || t.Cell(row.Key, data.ColTotal).Status == data.Blank
			}
			slices = append(slices, outcomeSlice{c.Key, name, v, cell, name, blank})
		} else if c.Key == category {
			cat = &c
		}
	}
	title := "办理结果"
	id := "outcomes"
	if cat != nil {
		for _, row := range cat.Rows {
			cell := charts.CellOf(t.Cell(row.Key, data.ColTotal), m.Requests(data.ColTotal, row.Key))
			slices = append(slices, outcomeSlice{row.Key, row.Label, t.Get(row.Key, data.ColTotal), cell, charts.ShortLabel(cat.Label), cell.Blank})
		}
		title = "办理结果：" + charts.ShortLabel(cat.Label) + "的原因"
		id = "outcomes-" + cat.Key
	}

	tbl := charts.Table{Caption: title + "（件，表三“总计”列）", Head: []string{"办理结果", "件数", "占本年办理总数"}}
	for _, s := range slices {
		tbl.Rows = append(tbl.Rows, charts.Row{Head: s.Label, Cells: []charts.Cell{s.Cell, charts.TextCell(charts.Percent(s.Value, total))}})
	}

	var summary string
	if cat == nil {
		part := func(s outcomeSlice) string {
			if s.Cell.Blank { // a blank is not a zero
				return "未填" + s.Cell.Mark.Note()
			}
			return fmt.Sprintf("%s件（%s）%s", charts.Count(s.Value), charts.Percent(s.Value, total), s.Cell.Mark.Note())
		}
		top := topOf(slices[2:])
		all := fmt.Sprintf("%d年共办理政府信息公开申请%s件%s", r.Year, charts.Count(total), totalMark.Note())
		// Where no count is above 0: "0件", or "0件或未填" when one of
		// them was left blank (a blank is not a zero).
		zero := func(s []outcomeSlice) string {
			for _, x := range s {
				if x.Blank {
					return "0件或未填"
				}
			}
			return "0件"
		}
		switch {
		case total == 0 && topOf(slices).Value == 0:
			summary = all + "，各类办理结果均为" + zero(slices) + "。"
		case top.Value == 0: // every request granted in whole or in part
			summary = fmt.Sprintf("%s，其中予以公开%s，部分公开%s；其余各类办理结果均为%s。", all, part(slices[0]), part(slices[1]), zero(slices[2:]))
		default:
			summary = fmt.Sprintf("%s，其中予以公开%s，部分公开%s；未能公开的结果中最多的是%s，%s。", all, part(slices[0]), part(slices[1]), top.Label, part(top))
		}
	} else {
		var sum int64
		var marks []charts.Mark
		for _, s := range slices {
			sum += s.Value
			marks = append(marks, s.Cell.Mark)
		}
		top := topOf(slices)
		if sum == 0 {
			summary = fmt.Sprintf("%d年没有%s的申请%s。", r.Year, charts.ShortLabel(cat.Label), m.Category(*cat, data.ColTotal).Note())
		} else {
			summary = fmt.Sprintf("%s共%s件%s，占本年办理总数的%s；最多的原因是“%s”，%s件%s，占这一类的%s。",
				charts.ShortLabel(cat.Label), charts.Count(sum), m.Category(*cat, data.ColTotal).Note(), charts.Percent(sum, total),
				top.Label, charts.Count(top.Value), top.Cell.Mark.Note(), charts.Percent(top.Value, sum))
		}
	}

	labels := make([]string, len(slices))
	s := charts.Bar{Name: "件数"}
	for i, sl := range slices {
		labels[i] = sl.Label
		label, value := counted(sl.Value, sl.Cell.Blank, sl.Cell.Mark)
		it := labelled(sl.Label, sl.Value, label, sl.Label+"："+value+"，占本年办理总数的 "+charts.Percent(sl.Value, total))
		it.ItemStyle = charts.StyleOf(sl.Style, 0)
		s.Data = append(s.Data, it)
	}
	s.ItemStyle = charts.StyleOf(slices[0].Style, 0)
	o := charts.BarChart{Cats: labels, Unit: "件", Series: []charts.Bar{s}}.Option()
	return charts.Chart{ID: id, Title: title, Option: o.JSON(), Table: tbl, Summary: summary}
}

func topOf(s []outcomeSlice) outcomeSlice {
	var top outcomeSlice
	for _, x := range s {
		if x.Value > top.Value {
			top = x
		}
	}
	return top
}

// Applicants is who asked: this year's new requests (row 一) by applicant
// type, as bars on a linear axis (a donut's labels did not fit a phone), in
// the look of 本年新收.
func Applicants(r *data.Report, m charts.Marks) charts.Chart {
	t := r.Requests
	total := t.Get(data.RowNew.Key, data.ColTotal)
	tbl := charts.Table{Caption: "本年新收申请的申请人（件，表三第一项）", Head: []string{"申请人", "件数", "占本年新收"}}
	s := charts.Bar{Name: "本年新收"}
	var cats []string
	var orgs int64
	var orgMarks []charts.Mark
	for c := 0; c < data.ColTotal; c++ {
		col := data.RequestColumns[c]
		label := col.Label
		v := t.Get(data.RowNew.Key, c)
		mark := m.Requests(c, data.RowNew.Key)
		if c > 0 {
			label = "法人或其他组织：" + col.Label
			orgs += v
			orgMarks = append(orgMarks, mark)
		}
		cell := charts.CellOf(t.Cell(data.RowNew.Key, c), mark)
		tbl.Rows = append(tbl.Rows, charts.Row{Head: label, Cells: []charts.Cell{cell, charts.TextCell(charts.Percent(v, total))}})
		text, value := counted(v, cell.Blank, mark)
		cats = append(cats, col.Label)
		s.Data = append(s.Data, labelled(col.Label, v, text, label+"："+value+"，占本年新收的 "+charts.Percent(v, total)))
	}
	totalMark := m.Requests(data.ColTotal, data.RowNew.Key)
	tbl.Rows = append(tbl.Rows, charts.Row{Head: "总计", Cells: []charts.Cell{charts.CellOf(t.Cell(data.RowNew.Key, data.ColTotal), totalMark), charts.TextCell(charts.Percent(total, total))}})
	natural := t.Get(data.RowNew.Key, 0)
	summary := fmt.Sprintf("%d年新收申请%s件%s，其中自然人提出%s件（%s）%s，法人或其他组织提出%s件（%s）%s。",
		r.Year, charts.Count(total), totalMark.Note(), charts.Count(natural), charts.Percent(natural, total), m.Requests(0, data.RowNew.Key).Note(),
		charts.Count(orgs), charts.Percent(orgs, total), charts.FirstMark(orgMarks...).Note())
	o := charts.BarChart{Cats: cats, Unit: "件", Series: []charts.Bar{s}}.Option()
	return charts.Chart{ID: "applicants", Title: "申请人构成", Option: o.JSON(), Table: tbl, Summary: summary}
}

// OutcomesByApplicant is the cross-table of table 三: each applicant type's
// handled requests split by outcome category, each type's bar as 100 %, so
// that the five small kinds of organisation can be compared with 自然人 (on
// a count axis their bars were invisible). The counts are in the table and
// in each segment's tooltip; the table's 占比 rows are the drawn shares.
func OutcomesByApplicant(r *data.Report, m charts.Marks) charts.Chart {
	t := r.Requests
	cats := t.Categories()
	tbl := charts.Table{Caption: "各类申请人的办理结果（件；“占比”为占该类申请人各项办理结果之和的百分比，表三）", Head: []string{"办理结果"}}
	applicants := make([]string, data.ColTotal)
	for c := 0; c < data.ColTotal; c++ {
		applicants[c] = data.RequestColumns[c].Label
		tbl.Head = append(tbl.Head, data.RequestColumns[c].Label)
	}
	tbl.Head = append(tbl.Head, "总计")
	// handled is each column's sum of outcomes: the whole of its bar.
	handled := make([]int64, data.ColTotal+1)
	for _, cat := range cats {
		for c := 0; c <= data.ColTotal; c++ {
			handled[c] += t.CategorySum(cat, c)
		}
	}
	var shareRows []charts.Row
	var series []charts.Bar
	for _, cat := range cats {
		name := charts.ShortLabel(cat.Label)
		row := charts.Row{Head: name}
		share := charts.Row{Head: name + "：占比", Level: 1}
		s := charts.Bar{Name: name}
		for c := 0; c <= data.ColTotal; c++ {
			v := t.CategorySum(cat, c)
			mark := m.Category(cat, c)
			cell := charts.MarkedCell(charts.Count(v), mark)
			if len(cat.Rows) == 1 {
				cell = charts.CellOf(t.Cell(cat.Rows[0].Key, c), mark)
			}
			row.Cells = append(row.Cells, cell)
			share.Cells = append(share.Cells, charts.TextCell(charts.Percent(v, handled[c])))
			if c < data.ColTotal {
				_, count := counted(v, cell.Blank, mark)
				var f float64
				if handled[c] > 0 {
					f = charts.Round1(float64(v) * 100 / float64(handled[c]))
				}
				s.Data = append(s.Data, charts.BarItem{Name: applicants[c], Value: f,
					Tooltip: charts.Tip(applicants[c], name+"："+count+"，占 "+charts.Percent(v, handled[c]),
						"该类申请人各项办理结果之和："+charts.Count(handled[c])+" 件")})
			}
		}
		tbl.Rows = append(tbl.Rows, row)
		shareRows = append(shareRows, share)
		series = append(series, s)
	}
	totalRow := charts.Row{Head: "总计"}
	for c := 0; c <= data.ColTotal; c++ {
		totalRow.Cells = append(totalRow.Cells, charts.CellOf(t.Cell(data.RowTotal.Key, c), m.Requests(c, data.RowTotal.Key)))
	}
	tbl.Rows = append(append(tbl.Rows, totalRow), shareRows...)

	open := func(c int) int64 { return t.Get("granted", c) + t.Get("partial", c) }
	var orgs, orgsOpen int64
	for c := 1; c < data.ColTotal; c++ {
		orgs += handled[c]
		orgsOpen += open(c)
	}
	orgsPart := fmt.Sprintf("法人或其他组织%s件中占%s", charts.Count(orgs), charts.Percent(orgsOpen, orgs))
	if orgs == 0 {
		orgsPart = "法人或其他组织没有办结的申请"
	}
	summary := fmt.Sprintf("图中每类申请人的办理结果各按100%%计：自然人%s件中予以公开或部分公开的占%s，%s。",
		charts.Count(handled[0]), charts.Percent(open(0), handled[0]), orgsPart)

	// Each bar is named with its whole, so that 100 % of 1 request is not
	// read as 100 % of thousands.
	names := make([]string, data.ColTotal)
	for c := range names {
		names[c] = applicants[c] + "\n" + charts.Count(handled[c]) + " 件"
	}
	o := charts.BarChart{Cats: names, Percent: true, Stack: true, Series: series}.Option()
	return charts.Chart{ID: "outcomes-by-applicant", Title: "各类申请人的办理结果", Option: o.JSON(), Table: tbl, Summary: summary}
}

// Flow draws the rule printed in table 三's corner: new and carried-in
// requests flow to this year's outcomes and to next year. Every node shows
// its number beside it, outside the flows (left of the first column, above
// the pool, right of the last); each flow takes the colour and pattern of
// the category at its outer end; nodes keep the order of the table.
func Flow(r *data.Report, m charts.Marks) charts.Chart {
	t := r.Requests
	get := func(row string) int64 { return t.Get(row, data.ColTotal) }
	mark := func(row string) charts.Mark { return m.Requests(data.ColTotal, row) }
	in, carriedIn := get(data.RowNew.Key), get(data.RowCarriedIn.Key)
	done, carriedOver := get(data.RowTotal.Key), get(data.RowCarriedOver.Key)
	const pool = "本年需办理"
	type node struct {
		name  string
		depth int
		value int64
		mark  charts.Mark
	}
	nodes := []node{{"本年新收", 0, in, mark(data.RowNew.Key)}, {"上年结转", 0, carriedIn, mark(data.RowCarriedIn.Key)}, {pool, 1, in + carriedIn, charts.Mark{}}}
	tbl := charts.Table{Caption: "申请的来龙去脉（件，表三“总计”列；第一项加第二项之和，等于第三项加第四项之和）",
		Head: []string{"项目", "件数"}}
	tbl.Rows = append(tbl.Rows,
		charts.Row{Head: data.RowNew.Label, Cells: []charts.Cell{charts.CellOf(t.Cell(data.RowNew.Key, data.ColTotal), nodes[0].mark)}},
		charts.Row{Head: data.RowCarriedIn.Label, Cells: []charts.Cell{charts.CellOf(t.Cell(data.RowCarriedIn.Key, data.ColTotal), nodes[1].mark)}},
		charts.Row{Head: "第一项加第二项之和", Cells: []charts.Cell{charts.NumCell(in + carriedIn)}},
	)
	for _, c := range t.Categories() {
		v := t.CategorySum(c, data.ColTotal)
		cm := m.Category(c, data.ColTotal)
		nodes = append(nodes, node{charts.ShortLabel(c.Label), 2, v, cm})
		tbl.Rows = append(tbl.Rows, charts.Row{Head: c.Label, Level: 1, Cells: []charts.Cell{charts.MarkedCell(charts.Count(v), cm)}})
	}
	nodes = append(nodes, node{"结转下年度", 2, carriedOver, mark(data.RowCarriedOver.Key)})
	tbl.Rows = append(tbl.Rows,
		charts.Row{Head: "三、本年度办理结果（七）总计", Cells: []charts.Cell{charts.CellOf(t.Cell(data.RowTotal.Key, data.ColTotal), mark(data.RowTotal.Key))}},
		charts.Row{Head: data.RowCarriedOver.Label, Cells: []charts.Cell{charts.CellOf(t.Cell(data.RowCarriedOver.Key, data.ColTotal), mark(data.RowCarriedOver.Key))}},
		charts.Row{Head: "第三项加第四项之和", Cells: []charts.Cell{charts.NumCell(done + carriedOver)}},
	)
	balance := "两边相等，勾稽关系成立"
	if in+carriedIn != done+carriedOver {
		balance = fmt.Sprintf("两边相差%s件，勾稽关系不成立", charts.Count(in+carriedIn-done-carriedOver))
	}
	summary := fmt.Sprintf("本年新收%s件%s加上年结转%s件%s，共%s件；本年办结%s件%s，结转下年度%s件%s，合计%s件，%s。",
		charts.Count(in), nodes[0].mark.Note(), charts.Count(carriedIn), nodes[1].mark.Note(), charts.Count(in+carriedIn),
		charts.Count(done), mark(data.RowTotal.Key).Note(), charts.Count(carriedOver), mark(data.RowCarriedOver.Key).Note(),
		charts.Count(done+carriedOver), balance)

	s := charts.NewSankey("申请")
	s.NodeAlign, s.NodeWidth, s.Label = "justify", 14, &charts.Label{Show: true}
	position := []string{"left", "top", "right"}
	for _, n := range nodes {
		style := charts.StyleOf(n.name, 0)
		if n.name == pool {
			style = charts.Neutral
		}
		s.Data = append(s.Data, charts.SankeyNode{Name: n.name, Depth: n.depth, ItemStyle: style,
			Label:   &charts.Label{Show: true, Position: position[n.depth], Formatter: charts.LabelText(strings.TrimSuffix(n.name+"\n"+charts.Count(n.value)+" 件\n"+n.mark.Short(), "\n"))},
			Tooltip: charts.Tip(n.name + "：" + charts.Count(n.value) + " 件" + n.mark.Note())})
	}
	for _, n := range nodes {
		link := charts.SankeyLink{Source: pool, Target: n.name, Value: float64(n.value), LineStyle: &charts.LineStyle{Color: "target", Opacity: 1}}
		switch {
		case n.name == pool:
			continue
		case n.depth == 0:
			link = charts.SankeyLink{Source: n.name, Target: pool, Value: float64(n.value), LineStyle: &charts.LineStyle{Color: "source", Opacity: 1}}
		}
		link.Tooltip = charts.Tip(link.Source + " → " + link.Target + "：" + charts.Count(n.value) + " 件" + n.mark.Note())
		s.Links = append(s.Links, link)
	}
	o := charts.NewOption()
	o.Legend = &charts.Legend{Show: false}
	o.Series = []charts.Series{s}
	return charts.Chart{ID: "flow", Title: "申请的来龙去脉", Option: o.JSON(), Table: tbl, Summary: summary}
}
