package echarts

import (
	"fmt"
	"nianbao/charts"

	goecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"nianbao/data"
)

// OutcomeSlice is one bar of the outcome chart.
type OutcomeSlice struct {
	Key   string
	Label string
	Value int64
}

// Outcomes is the distribution of this year's outcomes (table 三, 总计
// column). With category "" it shows the six categories; with a category key
// ("denied", "unable", "declined", "other") it shows that category's
// numbered reasons.
func Outcomes(r *data.Report, category string) charts.Chart {
	t := r.Requests
	total := t.Get(data.RowTotal.Key, data.ColTotal)
	var slices []OutcomeSlice
	var cat *data.Category
	for _, c := range t.Categories() {
		c := c
		if category == "" {
			slices = append(slices, OutcomeSlice{c.Key, charts.ShortLabel(c.Label), t.CategorySum(c, data.ColTotal)})
		} else if c.Key == category {
			cat = &c
		}
	}
	title := "办理结果"
	id := "outcomes"
	if cat != nil {
		for _, row := range cat.Rows {
			slices = append(slices, OutcomeSlice{row.Key, row.Label, t.Get(row.Key, data.ColTotal)})
		}
		title = "办理结果：" + charts.ShortLabel(cat.Label) + "的原因"
		id = "outcomes-" + cat.Key
	}

	tbl := charts.Table{Caption: title + "（件，表三“总计”列）", Head: []string{"办理结果", "件数", "占本年办理总数"}}
	for _, s := range slices {
		cell := charts.NumCell(s.Value)
		if cat != nil {
			cell = charts.CellOf(t.Cell(s.Key, data.ColTotal))
		} else if len(t.Categories()) > 0 {
			for _, c := range t.Categories() {
				if c.Key == s.Key && len(c.Rows) == 1 {
					cell = charts.CellOf(t.Cell(c.Rows[0].Key, data.ColTotal))
				}
			}
		}
		tbl.Rows = append(tbl.Rows, charts.Row{Head: s.Label, Cells: []charts.Cell{cell, charts.TextCell(charts.Percent(s.Value, total))}})
	}

	var summary string
	if cat == nil {
		granted, partial := slices[0].Value, slices[1].Value
		top := topOf(slices[2:])
		summary = fmt.Sprintf("%d年共办理政府信息公开申请%d件，其中予以公开%d件（%s），部分公开%d件（%s）；未能公开的结果中最多的是%s，%d件（%s）。",
			r.Year, total, granted, charts.Percent(granted, total), partial, charts.Percent(partial, total),
			top.Label, top.Value, charts.Percent(top.Value, total))
	} else {
		var sum int64
		for _, s := range slices {
			sum += s.Value
		}
		top := topOf(slices)
		if sum == 0 {
			summary = fmt.Sprintf("%d年没有%s的申请。", r.Year, charts.ShortLabel(cat.Label))
		} else {
			summary = fmt.Sprintf("%s共%d件，占本年办理总数的%s；最多的原因是“%s”，%d件，占这一类的%s。",
				charts.ShortLabel(cat.Label), sum, charts.Percent(sum, total), top.Label, top.Value, charts.Percent(top.Value, sum))
		}
	}

	labels := make([]string, len(slices))
	bars := make([]opts.BarData, len(slices))
	for i, s := range slices {
		labels[i] = s.Label
		bars[i] = opts.BarData{Name: s.Label, Value: s.Value}
	}
	bar := hbar(summary, frame{tooltip: "{b}：{c} 件", right: "18%", xType: "value", xName: "件", cats: labels, labelWidth: 180})
	bar.AddSeries("件数", bars, goecharts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", Formatter: "{c}"}),
		goecharts.WithItemStyleOpts(opts.ItemStyle{Color: Palette[0]}))
	bar.Validate()
	return charts.Chart{ID: id, Title: title, Option: finish(bar.JSON()), Table: tbl, Summary: summary}
}

func topOf(s []OutcomeSlice) OutcomeSlice {
	var top OutcomeSlice
	for _, x := range s {
		if x.Value > top.Value {
			top = x
		}
	}
	return top
}

// Applicants is who asked: this year's new requests (row 一) by applicant type.
func Applicants(r *data.Report) charts.Chart {
	t := r.Requests
	total := t.Get(data.RowNew.Key, data.ColTotal)
	tbl := charts.Table{Caption: "本年新收申请的申请人（件，表三第一项）", Head: []string{"申请人", "件数", "占本年新收"}}
	var pie []opts.PieData
	var orgs int64
	for c := 0; c < data.ColTotal; c++ {
		col := data.RequestColumns[c]
		label := col.Label
		if c > 0 {
			label = "法人或其他组织：" + col.Label
			orgs += t.Get(data.RowNew.Key, c)
		}
		v := t.Get(data.RowNew.Key, c)
		tbl.Rows = append(tbl.Rows, charts.Row{Head: label, Cells: []charts.Cell{charts.CellOf(t.Cell(data.RowNew.Key, c)), charts.TextCell(charts.Percent(v, total))}})
		pie = append(pie, opts.PieData{Name: col.Label, Value: v})
	}
	tbl.Rows = append(tbl.Rows, charts.Row{Head: "总计", Cells: []charts.Cell{charts.CellOf(t.Cell(data.RowNew.Key, data.ColTotal)), charts.TextCell(charts.Percent(total, total))}})
	natural := t.Get(data.RowNew.Key, 0)
	summary := fmt.Sprintf("%d年新收申请%d件，其中自然人提出%d件（%s），法人或其他组织提出%d件（%s）。",
		r.Year, total, natural, charts.Percent(natural, total), orgs, charts.Percent(orgs, total))

	p := goecharts.NewPie()
	p.SetGlobalOptions(
		goecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: "{b}：{c} 件（{d}%）"}),
		goecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0", Type: "scroll"}),
		goecharts.WithAriaOpts(aria(summary)),
	)
	p.AddSeries("申请人", pie,
		goecharts.WithPieChartOpts(opts.PieChart{Radius: []string{"35%", "65%"}, Center: []string{"50%", "45%"}}),
		goecharts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Formatter: "{b}\n{c} 件"}))
	p.Validate()
	return charts.Chart{ID: "applicants", Title: "申请人构成", Option: finish(p.JSON()), Table: tbl, Summary: summary}
}

// OutcomesByApplicant is the cross-table of table 三: each outcome category
// by applicant type.
func OutcomesByApplicant(r *data.Report) charts.Chart {
	t := r.Requests
	cats := t.Categories()
	tbl := charts.Table{Caption: "各类申请人的办理结果（件，表三）", Head: []string{"办理结果"}}
	applicants := make([]string, data.ColTotal)
	for c := 0; c < data.ColTotal; c++ {
		applicants[c] = data.RequestColumns[c].Label
		tbl.Head = append(tbl.Head, data.RequestColumns[c].Label)
	}
	tbl.Head = append(tbl.Head, "总计")
	var series [][]opts.BarData
	for _, cat := range cats {
		row := charts.Row{Head: charts.ShortLabel(cat.Label)}
		values := make([]opts.BarData, data.ColTotal)
		for c := 0; c <= data.ColTotal; c++ {
			v := t.CategorySum(cat, c)
			cell := charts.NumCell(v)
			if len(cat.Rows) == 1 {
				cell = charts.CellOf(t.Cell(cat.Rows[0].Key, c))
			}
			row.Cells = append(row.Cells, cell)
			if c < data.ColTotal {
				values[c] = opts.BarData{Value: v}
			}
		}
		tbl.Rows = append(tbl.Rows, row)
		series = append(series, values)
	}
	totalRow := charts.Row{Head: "总计"}
	for c := 0; c <= data.ColTotal; c++ {
		totalRow.Cells = append(totalRow.Cells, charts.CellOf(t.Cell(data.RowTotal.Key, c)))
	}
	tbl.Rows = append(tbl.Rows, totalRow)

	// The applicant type whose requests were most often granted in full or in part.
	best, bestShare := "", -1.0
	for c := 0; c < data.ColTotal; c++ {
		all := t.Get(data.RowTotal.Key, c)
		if all == 0 {
			continue
		}
		share := float64(t.Get("granted", c)+t.Get("partial", c)) / float64(all)
		if share > bestShare {
			best, bestShare = data.RequestColumns[c].Label, share
		}
	}
	n := t.Get(data.RowTotal.Key, 0)
	summary := fmt.Sprintf("自然人的申请办结%d件，予以公开或部分公开的占%s；按申请人类型看，%s的申请公开比例最高（%.1f%%）。",
		n, charts.Percent(t.Get("granted", 0)+t.Get("partial", 0), n), best, bestShare*100)

	bar := hbar(summary, frame{tooltip: "{b}<br/>{a}：{c} 件", legend: true, right: "6%", xType: "value", xName: "件", cats: applicants})
	for i, values := range series {
		bar.AddSeries(charts.ShortLabel(cats[i].Label), values, goecharts.WithBarChartOpts(opts.BarChart{Stack: "outcomes"}),
			goecharts.WithItemStyleOpts(opts.ItemStyle{Color: Palette[i%len(Palette)]}))
	}
	bar.Validate()
	return charts.Chart{ID: "outcomes-by-applicant", Title: "各类申请人的办理结果", Option: finish(bar.JSON()), Table: tbl, Summary: summary}
}

// Flow draws the rule printed in table 三's corner: new and carried-in
// requests flow to this year's outcomes and to next year.
func Flow(r *data.Report) charts.Chart {
	t := r.Requests
	get := func(row string) int64 { return t.Get(row, data.ColTotal) }
	in, carriedIn := get(data.RowNew.Key), get(data.RowCarriedIn.Key)
	done, carriedOver := get(data.RowTotal.Key), get(data.RowCarriedOver.Key)
	const pool = "本年需办理"
	nodes := []opts.SankeyNode{{Name: "本年新收"}, {Name: "上年结转"}, {Name: pool}, {Name: "结转下年度"}}
	links := []opts.SankeyLink{
		{Source: "本年新收", Target: pool, Value: float32(in)},
		{Source: "上年结转", Target: pool, Value: float32(carriedIn)},
		{Source: pool, Target: "结转下年度", Value: float32(carriedOver)},
	}
	tbl := charts.Table{Caption: "申请的来龙去脉（件，表三“总计”列；第一项加第二项之和，等于第三项加第四项之和）",
		Head: []string{"项目", "件数"}}
	tbl.Rows = append(tbl.Rows,
		charts.Row{Head: data.RowNew.Label, Cells: []charts.Cell{charts.CellOf(t.Cell(data.RowNew.Key, data.ColTotal))}},
		charts.Row{Head: data.RowCarriedIn.Label, Cells: []charts.Cell{charts.CellOf(t.Cell(data.RowCarriedIn.Key, data.ColTotal))}},
		charts.Row{Head: "第一项加第二项之和", Cells: []charts.Cell{charts.NumCell(in + carriedIn)}},
	)
	for _, c := range t.Categories() {
		v := t.CategorySum(c, data.ColTotal)
		name := charts.ShortLabel(c.Label)
		nodes = append(nodes, opts.SankeyNode{Name: name})
		if v > 0 {
			links = append(links, opts.SankeyLink{Source: pool, Target: name, Value: float32(v)})
		}
		tbl.Rows = append(tbl.Rows, charts.Row{Head: c.Label, Level: 1, Cells: []charts.Cell{charts.NumCell(v)}})
	}
	tbl.Rows = append(tbl.Rows,
		charts.Row{Head: "三、本年度办理结果（七）总计", Cells: []charts.Cell{charts.CellOf(t.Cell(data.RowTotal.Key, data.ColTotal))}},
		charts.Row{Head: data.RowCarriedOver.Label, Cells: []charts.Cell{charts.CellOf(t.Cell(data.RowCarriedOver.Key, data.ColTotal))}},
		charts.Row{Head: "第三项加第四项之和", Cells: []charts.Cell{charts.NumCell(done + carriedOver)}},
	)
	balance := "两边相等，勾稽关系成立"
	if in+carriedIn != done+carriedOver {
		balance = fmt.Sprintf("两边相差%d件，勾稽关系不成立", in+carriedIn-done-carriedOver)
	}
	summary := fmt.Sprintf("本年新收%d件加上年结转%d件，共%d件；本年办结%d件，结转下年度%d件，合计%d件，%s。",
		in, carriedIn, in+carriedIn, done, carriedOver, done+carriedOver, balance)

	s := goecharts.NewSankey()
	s.SetGlobalOptions(
		goecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: "{b}：{c} 件"}),
		goecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		goecharts.WithAriaOpts(aria(summary)),
	)
	s.AddSeries("申请", nodes, links, goecharts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Formatter: "{b}"}))
	s.Validate()
	return charts.Chart{ID: "flow", Title: "申请的来龙去脉", Option: finish(s.JSON()), Table: tbl, Summary: summary}
}
