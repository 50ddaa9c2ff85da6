package echarts

import (
	"fmt"
	"html"
	"strconv"
	"strings"

	"nianbao/charts"

	goecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"nianbao/data"
)

// outcomeSlice is one bar of the outcome chart.
type outcomeSlice struct {
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
	var slices []outcomeSlice
	var cat *data.Category
	for _, c := range t.Categories() {
		c := c
		if category == "" {
			slices = append(slices, outcomeSlice{c.Key, charts.ShortLabel(c.Label), t.CategorySum(c, data.ColTotal)})
		} else if c.Key == category {
			cat = &c
		}
	}
	title := "办理结果"
	id := "outcomes"
	if cat != nil {
		for _, row := range cat.Rows {
			slices = append(slices, outcomeSlice{row.Key, row.Label, t.Get(row.Key, data.ColTotal)})
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
	for i, sl := range slices {
		labels[i] = sl.Label
		label, value := group(sl.Value), group(sl.Value)+" 件"
		if tbl.Rows[i].Cells[0].Blank {
			label, value = "空白", "报告中为空白"
		}
		bars[i] = barItem(sl.Label, sl.Value, label, sl.Label+"："+value+"，占本年办理总数的 "+charts.Percent(sl.Value, total))
	}
	bar := hbar(summary, frame{xName: "件", cats: labels})
	bar.AddSeries("件数", bars, goecharts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}),
		goecharts.WithItemStyleOpts(opts.ItemStyle{Color: Palette[0]}))
	bar.Validate()
	return charts.Chart{ID: id, Title: title, Option: finish(bar.JSON()), Table: tbl, Summary: summary}
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
// type, as bars on a linear axis (a donut's labels did not fit a phone).
func Applicants(r *data.Report) charts.Chart {
	t := r.Requests
	total := t.Get(data.RowNew.Key, data.ColTotal)
	tbl := charts.Table{Caption: "本年新收申请的申请人（件，表三第一项）", Head: []string{"申请人", "件数", "占本年新收"}}
	var bars []opts.BarData
	var cats []string
	var orgs int64
	for c := 0; c < data.ColTotal; c++ {
		col := data.RequestColumns[c]
		label := col.Label
		if c > 0 {
			label = "法人或其他组织：" + col.Label
			orgs += t.Get(data.RowNew.Key, c)
		}
		v := t.Get(data.RowNew.Key, c)
		cell := charts.CellOf(t.Cell(data.RowNew.Key, c))
		tbl.Rows = append(tbl.Rows, charts.Row{Head: label, Cells: []charts.Cell{cell, charts.TextCell(charts.Percent(v, total))}})
		text, value := group(v), group(v)+" 件"
		switch {
		case cell.Blank:
			text, value = "空白", "报告中为空白"
		case cell.Recovered > 0:
			text, value = text+"（推算）", value+"（推算）"
		}
		cats = append(cats, col.Label)
		bars = append(bars, barItem(col.Label, v, text, label+"："+value+"，占本年新收的 "+charts.Percent(v, total)))
	}
	tbl.Rows = append(tbl.Rows, charts.Row{Head: "总计", Cells: []charts.Cell{charts.CellOf(t.Cell(data.RowNew.Key, data.ColTotal)), charts.TextCell(charts.Percent(total, total))}})
	natural := t.Get(data.RowNew.Key, 0)
	summary := fmt.Sprintf("%d年新收申请%d件，其中自然人提出%d件（%s），法人或其他组织提出%d件（%s）。",
		r.Year, total, natural, charts.Percent(natural, total), orgs, charts.Percent(orgs, total))

	bar := hbar(summary, frame{xName: "件", cats: cats})
	bar.AddSeries("申请人", bars, goecharts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}),
		goecharts.WithItemStyleOpts(opts.ItemStyle{Color: Palette[4]}))
	bar.Validate()
	return charts.Chart{ID: "applicants", Title: "申请人构成", Option: finish(bar.JSON()), Table: tbl, Summary: summary}
}

// OutcomesByApplicant is the cross-table of table 三: each applicant type's
// handled requests split by outcome category, each type's bar as 100 %, so
// that the five small kinds of organisation can be compared with 自然人 (on
// a count axis their bars were invisible). The counts are in the table and
// in each segment's tooltip; the table's 占比 rows are the drawn shares.
func OutcomesByApplicant(r *data.Report) charts.Chart {
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
	var series [][]opts.BarData
	for _, cat := range cats {
		name := charts.ShortLabel(cat.Label)
		row := charts.Row{Head: name}
		share := charts.Row{Head: name + "：占比", Level: 1}
		values := make([]opts.BarData, data.ColTotal)
		for c := 0; c <= data.ColTotal; c++ {
			v := t.CategorySum(cat, c)
			cell := charts.NumCell(v)
			if len(cat.Rows) == 1 {
				cell = charts.CellOf(t.Cell(cat.Rows[0].Key, c))
			}
			row.Cells = append(row.Cells, cell)
			pct := charts.Percent(v, handled[c])
			share.Cells = append(share.Cells, charts.TextCell(pct))
			if c < data.ColTotal {
				f, _ := strconv.ParseFloat(strings.TrimSuffix(pct, "%"), 64) // 0 for "—"
				count := group(v) + " 件"
				if cell.Blank {
					count = "报告中为空白"
				}
				values[c] = opts.BarData{Name: applicants[c], Value: f,
					Tooltip: tip(applicants[c], name+"："+count+"，占 "+pct, fmt.Sprintf("该类申请人各项办理结果之和：%s 件", group(handled[c])))}
			}
		}
		tbl.Rows = append(tbl.Rows, row)
		shareRows = append(shareRows, share)
		series = append(series, values)
	}
	totalRow := charts.Row{Head: "总计"}
	for c := 0; c <= data.ColTotal; c++ {
		totalRow.Cells = append(totalRow.Cells, charts.CellOf(t.Cell(data.RowTotal.Key, c)))
	}
	tbl.Rows = append(append(tbl.Rows, totalRow), shareRows...)

	open := func(c int) int64 { return t.Get("granted", c) + t.Get("partial", c) }
	var orgs, orgsOpen int64
	for c := 1; c < data.ColTotal; c++ {
		orgs += handled[c]
		orgsOpen += open(c)
	}
	orgsPart := fmt.Sprintf("法人或其他组织%d件中占%s", orgs, charts.Percent(orgsOpen, orgs))
	if orgs == 0 {
		orgsPart = "法人或其他组织没有办结的申请"
	}
	summary := fmt.Sprintf("图中每类申请人的办理结果各按100%%计：自然人%d件中予以公开或部分公开的占%s，%s。",
		handled[0], charts.Percent(open(0), handled[0]), orgsPart)

	// Each bar is named with its whole, so that 100 % of 1 request is not
	// read as 100 % of thousands.
	names := make([]string, data.ColTotal)
	for c := range names {
		names[c] = applicants[c] + "\n" + group(handled[c]) + " 件"
	}
	bar := hbar(summary, frame{legend: true, xLabel: "{value}%", max: 100, cats: names})
	for i, values := range series {
		bar.AddSeries(charts.ShortLabel(cats[i].Label), values, goecharts.WithBarChartOpts(opts.BarChart{Stack: "outcomes"}),
			goecharts.WithItemStyleOpts(opts.ItemStyle{Color: Palette[i%len(Palette)]}))
	}
	bar.Validate()
	return charts.Chart{ID: "outcomes-by-applicant", Title: "各类申请人的办理结果", Option: finish(bar.JSON()), Table: tbl, Summary: summary}
}

// Flow draws the rule printed in table 三's corner: new and carried-in
// requests flow to this year's outcomes and to next year. Every node shows
// its number; a flow of 0 is kept with its value 0 (a link without one
// makes ECharts drop every flow), and nodes keep the order of the table,
// with room between them for their labels.
func Flow(r *data.Report) charts.Chart {
	t := r.Requests
	get := func(row string) int64 { return t.Get(row, data.ColTotal) }
	in, carriedIn := get(data.RowNew.Key), get(data.RowCarriedIn.Key)
	done, carriedOver := get(data.RowTotal.Key), get(data.RowCarriedOver.Key)
	const pool = "本年需办理"
	type node struct {
		name  string
		depth int
		value int64
	}
	nodes := []node{{"本年新收", 0, in}, {"上年结转", 0, carriedIn}, {pool, 1, in + carriedIn}}
	links := []opts.SankeyLink{
		{Source: "本年新收", Target: pool, Value: float32(in)},
		{Source: "上年结转", Target: pool, Value: float32(carriedIn)},
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
		nodes = append(nodes, node{name, 2, v})
		links = append(links, opts.SankeyLink{Source: pool, Target: name, Value: float32(v)})
		tbl.Rows = append(tbl.Rows, charts.Row{Head: c.Label, Level: 1, Cells: []charts.Cell{charts.NumCell(v)}})
	}
	nodes = append(nodes, node{"结转下年度", 2, carriedOver})
	links = append(links, opts.SankeyLink{Source: pool, Target: "结转下年度", Value: float32(carriedOver)})
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

	sankeyNodes := make([]opts.SankeyNode, len(nodes))
	for i, n := range nodes {
		sankeyNodes[i] = opts.SankeyNode{Name: n.name}
	}
	s := goecharts.NewSankey()
	s.SetGlobalOptions(
		goecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		goecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		goecharts.WithAriaOpts(aria(summary)),
	)
	s.AddSeries("申请", sankeyNodes, links, goecharts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}))
	s.Validate()
	m := optionMap(s.JSON())
	series := m["series"].([]interface{})[0].(map[string]interface{})
	position := []string{"right", "top", "left"}
	for i, d := range series["data"].([]interface{}) {
		d := d.(map[string]interface{})
		n := nodes[i]
		d["depth"] = n.depth
		d["label"] = map[string]interface{}{"formatter": n.name + "\n" + group(n.value) + " 件", "position": position[n.depth]}
		d["tooltip"] = map[string]interface{}{"formatter": html.EscapeString(n.name) + "：" + group(n.value) + " 件"}
	}
	for _, l := range series["links"].([]interface{}) {
		l := l.(map[string]interface{})
		v, _ := l["value"].(float64)
		l["value"] = v
		l["tooltip"] = map[string]interface{}{"formatter": html.EscapeString(fmt.Sprint(l["source"], " → ", l["target"])) + "：" + group(int64(v)) + " 件"}
	}
	series["layoutIterations"] = 0 // nodes in the table's order
	series["nodeAlign"] = "justify"
	series["nodeWidth"] = 14
	series["lineStyle"] = map[string]interface{}{"color": "source", "opacity": 0.35}
	series["itemStyle"] = map[string]interface{}{"borderColor": ink, "borderWidth": 1}
	return charts.Chart{ID: "flow", Title: "申请的来龙去脉", Option: finish(m), Table: tbl, Summary: summary}
}
