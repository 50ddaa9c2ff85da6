package charts

import (
	"fmt"
	"strconv"
	"strings"

	"nianbao/data"
	"nianbao/data/catalog"
)

// The charts of this file are about several reports: a body over the years,
// a comparison, a ranking. They are built here from the catalog index, in
// the browser and in the prerendered pages alike, with the same option
// model as a single report's charts (option.go). A number read from a
// figure the index marks (broken or recovered, or 上年结转 without a year
// before to check it against) carries its mark in the chart's label,
// tooltip, table and summary.

// counted is a count with its mark: a bar's label and a table's cell.
func counted(v int64, m Mark) (label, cell string) {
	return Count(v) + m.Short(), Count(v)
}

// countAndShare is "1,234（45.6%）".
func countAndShare(part, whole int64) string {
	return Count(part) + "（" + Percent(part, whole) + "）"
}

func yearLabel(y int) string { return strconv.Itoa(y) + "年" }

// figureItem is a bar of an entry's count: its label and tooltip carry the
// count and its mark.
func figureItem(cat, what string, e *catalog.Entry, k catalog.Key) BarItem {
	v := e.Figure(k)
	m := EntryMark(e, k)
	return BarItem{Name: cat, Value: float64(v),
		Label:   &Label{Show: true, Formatter: LabelText(Count(v) + m.Short())},
		Tooltip: Tip(cat, what+"："+Count(v)+" 件"+m.Note())}
}

// shareItem is a segment of an entry's outcome: its share of the handled
// requests, with the count and the mark in its tooltip.
func shareItem(cat, what string, e *catalog.Entry, k catalog.Key) BarItem {
	m := EntryMark(e, k, catalog.KeyHandled)
	return BarItem{Name: cat, Value: share(e.Figure(k), e.Handled()),
		Tooltip: Tip(cat, what+"："+Count(e.Figure(k))+" 件，占本年办理的 "+Percent(e.Figure(k), e.Handled())+m.Note())}
}

// figureCell is a table cell of an entry's count, with its mark.
func figureCell(e *catalog.Entry, k catalog.Key) Cell {
	return MarkedCell(Count(e.Figure(k)), EntryMark(e, k))
}

// Trend is a body's reports over the years, oldest first: requests received
// and handled, the outcome shares, and review and litigation with the share
// corrected, each a chart with its table and summary.
func Trend(body string, es []*catalog.Entry) []Chart {
	var years []string
	for _, e := range es {
		years = append(years, yearLabel(e.Year))
	}
	first, last := es[0], es[len(es)-1]
	span := fmt.Sprintf("%d年至%d年", first.Year, last.Year)
	figure := func(e *catalog.Entry, k catalog.Key) string {
		return Count(e.Figure(k)) + "件" + EntryMark(e, k).Note()
	}

	// Requests.
	reqTable := Table{Caption: body + "历年申请数量（件）", Head: []string{"年度", "本年新收", "上年结转", "本年办理", "结转下年度"}}
	newS, handledS := Bar{Name: "本年新收"}, Bar{Name: "本年办理"}
	for _, e := range es {
		y := yearLabel(e.Year)
		newS.Data = append(newS.Data, figureItem(y, "本年新收", e, catalog.KeyNew))
		handledS.Data = append(handledS.Data, figureItem(y, "本年办理", e, catalog.KeyHandled))
		reqTable.Rows = append(reqTable.Rows, Row{Head: y, Cells: []Cell{
			figureCell(e, catalog.KeyNew), figureCell(e, catalog.KeyCarriedIn), figureCell(e, catalog.KeyHandled), figureCell(e, catalog.KeyCarriedOver)}})
	}
	reqSummary := fmt.Sprintf("%s，%s本年新收政府信息公开申请从%s变为%s，本年办理从%s变为%s。", span, body,
		figure(first, catalog.KeyNew), figure(last, catalog.KeyNew), figure(first, catalog.KeyHandled), figure(last, catalog.KeyHandled))
	requests := Chart{ID: "trend-requests", Title: "历年收到和办理的申请", Summary: reqSummary, Table: reqTable,
		Option: BarChart{Cats: years, Unit: "件", Series: []Bar{newS, handledS}}.Option().JSON()}

	// Outcome shares.
	outTable := Table{Caption: body + "历年办理结果（件及占本年办理的比例）", Head: []string{"年度"}}
	var outSeries []Bar
	for _, o := range catalog.OutcomeKeys {
		outTable.Head = append(outTable.Head, o.Label)
		outSeries = append(outSeries, Bar{Name: o.Label})
	}
	for _, e := range es {
		row := Row{Head: yearLabel(e.Year)}
		for i, o := range catalog.OutcomeKeys {
			row.Cells = append(row.Cells, MarkedCell(countAndShare(e.Figure(o.Key), e.Handled()), EntryMark(e, o.Key, catalog.KeyHandled)))
			outSeries[i].Data = append(outSeries[i].Data, shareItem(yearLabel(e.Year), o.Label, e, o.Key))
		}
		outTable.Rows = append(outTable.Rows, row)
	}
	opened := func(e *catalog.Entry) string {
		return Percent(e.Opened(), e.Handled()) + EntryMark(e, catalog.KeyGranted, catalog.KeyPartial, catalog.KeyHandled).Note()
	}
	outSummary := fmt.Sprintf("%s，予以公开或部分公开的申请占本年办理的比例从%s变为%s。", span, opened(first), opened(last))
	outcomes := Chart{ID: "trend-outcomes", Title: "历年办理结果的构成", Summary: outSummary, Table: outTable,
		Option: BarChart{Cats: years, Percent: true, Stack: true, Series: outSeries}.Option().JSON()}

	// Review and litigation.
	apTable := Table{Caption: body + "历年行政复议和行政诉讼（件）", Head: []string{"年度", "行政复议", "复议结果纠正", "复议纠正率", "行政诉讼", "诉讼结果纠正", "诉讼纠正率"}}
	rv, lt := Bar{Name: "行政复议"}, Bar{Name: "行政诉讼"}
	for _, e := range es {
		y := yearLabel(e.Year)
		rv.Data = append(rv.Data, figureItem(y, "行政复议", e, catalog.KeyReview+data.AppealTotal))
		lt.Data = append(lt.Data, figureItem(y, "行政诉讼", e, catalog.KeyLitigation+data.AppealTotal))
		apTable.Rows = append(apTable.Rows, Row{Head: y, Cells: []Cell{
			figureCell(e, catalog.KeyReview+data.AppealTotal), figureCell(e, catalog.KeyReview+data.AppealCorrected), correctedCell(e, catalog.KeyReview),
			figureCell(e, catalog.KeyLitigation+data.AppealTotal), figureCell(e, catalog.KeyLitigation+data.AppealCorrected), correctedCell(e, catalog.KeyLitigation),
		}})
	}
	apSummary := fmt.Sprintf("%s，行政复议从%s变为%s，行政诉讼从%s变为%s；%d年复议已审结案件中结果纠正占%s。", span,
		figure(first, catalog.KeyReview+data.AppealTotal), figure(last, catalog.KeyReview+data.AppealTotal),
		figure(first, catalog.KeyLitigation+data.AppealTotal), figure(last, catalog.KeyLitigation+data.AppealTotal),
		last.Year, correctedShare(last, catalog.KeyReview))
	appeals := Chart{ID: "trend-appeals", Title: "历年行政复议和行政诉讼", Summary: apSummary, Table: apTable,
		Option: BarChart{Cats: years, Unit: "件", Series: []Bar{rv, lt}}.Option().JSON()}
	// Each download names the body and its years.
	for _, c := range []*Chart{&requests, &outcomes, &appeals} {
		c.Table.Source = body + span + "政府信息公开工作年度报告"
	}
	return []Chart{requests, outcomes, appeals}
}

// concludedKeys are a table 四 group's figures a share corrected is read
// from: upheld, corrected, other.
func concludedKeys(group catalog.Key) []catalog.Key {
	return []catalog.Key{group + data.AppealUpheld, group + data.AppealCorrected, group + data.AppealOther}
}

// correctedShare is the share of a group's concluded cases corrected, with
// its mark.
func correctedShare(e *catalog.Entry, group catalog.Key) string {
	return Percent(e.Corrected(group), e.Concluded(group)) + EntryMark(e, concludedKeys(group)...).Note()
}

func correctedCell(e *catalog.Entry, group catalog.Key) Cell {
	return MarkedCell(Percent(e.Corrected(group), e.Concluded(group)), EntryMark(e, concludedKeys(group)...))
}

// Compared is a report in a comparison: its entry and the name it goes by.
type Compared struct {
	Name  string // "淮安市人民政府 2024年"
	Entry *catalog.Entry
}

// Compare is two to six reports side by side: the key figures as a table,
// and the outcome shares and review results as a bar per report.
func Compare(cs []Compared) (figures Table, charts []Chart) {
	var names []string
	for _, c := range cs {
		names = append(names, c.Name)
	}
	figures = Table{Caption: "关键数字对比", Head: append([]string{"项目"}, names...)}
	type fig struct {
		label string
		cell  func(e *catalog.Entry) Cell
	}
	count := func(k catalog.Key) func(e *catalog.Entry) Cell {
		return func(e *catalog.Entry) Cell { return figureCell(e, k) }
	}
	for _, f := range []fig{
		{"本年新收申请（件）", count(catalog.KeyNew)},
		{"上年结转（件）", count(catalog.KeyCarriedIn)},
		{"本年办理（件）", count(catalog.KeyHandled)},
		{"予以公开或部分公开", func(e *catalog.Entry) Cell {
			return MarkedCell(countAndShare(e.Opened(), e.Handled()), EntryMark(e, catalog.KeyGranted, catalog.KeyPartial, catalog.KeyHandled))
		}},
		{"结转下年度（件）", count(catalog.KeyCarriedOver)},
		{"行政复议（件）", count(catalog.KeyReview + data.AppealTotal)},
		{"复议结果纠正", func(e *catalog.Entry) Cell {
			return MarkedCell(countAndShare(e.Corrected(catalog.KeyReview), e.Concluded(catalog.KeyReview)), EntryMark(e, concludedKeys(catalog.KeyReview)...))
		}},
		{"行政诉讼（件）", count(catalog.KeyLitigation + data.AppealTotal)},
		{"数据校验", func(e *catalog.Entry) Cell { return TextCell(e.Consistency().Label()) }},
	} {
		row := Row{Head: f.label}
		for _, c := range cs {
			row.Cells = append(row.Cells, f.cell(c.Entry))
		}
		figures.Rows = append(figures.Rows, row)
	}

	// Outcome shares: a bar of 100 % per report, a segment per outcome.
	outTable := Table{Caption: "办理结果占本年办理的比例", Head: append([]string{"办理结果"}, names...)}
	var outSeries []Bar
	for _, o := range catalog.OutcomeKeys {
		s := Bar{Name: o.Label}
		row := Row{Head: o.Label}
		for _, c := range cs {
			s.Data = append(s.Data, shareItem(c.Name, o.Label, c.Entry, o.Key))
			row.Cells = append(row.Cells, MarkedCell(countAndShare(c.Entry.Figure(o.Key), c.Entry.Handled()), EntryMark(c.Entry, o.Key, catalog.KeyHandled)))
		}
		outSeries = append(outSeries, s)
		outTable.Rows = append(outTable.Rows, row)
	}
	openShare := func(e *catalog.Entry) float64 { return share(e.Opened(), e.Handled()) }
	best := cs[0]
	for _, c := range cs[1:] {
		if openShare(c.Entry) > openShare(best.Entry) {
			best = c
		}
	}
	outSummary := fmt.Sprintf("比较的%d份报告中，%s予以公开或部分公开的比例最高，为%s（本年办理%s件）。", len(cs), best.Name,
		Percent(best.Entry.Opened(), best.Entry.Handled())+EntryMark(best.Entry, catalog.KeyGranted, catalog.KeyPartial, catalog.KeyHandled).Note(),
		Count(best.Entry.Handled()))

	// Review results: a bar per report, a segment per result.
	rvTable := Table{Caption: "行政复议结果（件）", Head: append([]string{"结果"}, names...)}
	var rvSeries []Bar
	for i, col := range data.AppealColumns {
		row := Row{Head: col.Label}
		s := Bar{Name: col.Label}
		for _, c := range cs {
			row.Cells = append(row.Cells, figureCell(c.Entry, catalog.KeyReview+catalog.Key(i)))
			if i < data.AppealTotal {
				it := figureItem(c.Name, col.Label, c.Entry, catalog.KeyReview+catalog.Key(i))
				it.Label = nil // stacked: the numbers are in the tooltips and the table
				s.Data = append(s.Data, it)
			}
		}
		if i < data.AppealTotal {
			rvSeries = append(rvSeries, s)
		}
		rvTable.Rows = append(rvTable.Rows, row)
	}
	most := cs[0]
	for _, c := range cs[1:] {
		if c.Entry.Reviews() > most.Entry.Reviews() {
			most = c
		}
	}
	rvSummary := fmt.Sprintf("%s被申请行政复议最多，共%s件%s，已审结案件中结果纠正占%s。", most.Name,
		Count(most.Entry.Reviews()), EntryMark(most.Entry, catalog.KeyReview+data.AppealTotal).Note(),
		correctedShare(most.Entry, catalog.KeyReview))
	// Each download names every report compared.
	var titles []string
	for _, c := range cs {
		titles = append(titles, strings.Replace(c.Name, " ", "", 1)+"政府信息公开工作年度报告")
	}
	for _, t := range []*Table{&figures, &outTable, &rvTable} {
		t.Source, t.Sources = fmt.Sprintf("%d份报告对比", len(cs)), titles
	}
	return figures, []Chart{
		{ID: "compare-outcomes", Title: "办理结果的构成", Summary: outSummary, Table: outTable,
			Option: BarChart{Cats: names, Percent: true, Stack: true, Series: outSeries}.Option().JSON()},
		{ID: "compare-review", Title: "行政复议的结果", Summary: rvSummary, Table: rvTable,
			Option: BarChart{Cats: names, Unit: "件", Stack: true, Series: rvSeries}.Option().JSON()},
	}
}

// Ranked is one body in a ranking.
type Ranked struct {
	Name        string
	Entry       *catalog.Entry
	Value       float64 // what it is ranked by
	Count, Base int64   // for a rate: Count of Base; for a count: Count
	Mark        Mark    // the mark of the figures it is ranked by
}

// RankChart is a ranking as a horizontal bar chart of its first rows, with
// the whole ranking as the table. A rate is drawn, labelled and listed as
// the one-decimal share its label prints.
func RankChart(title, unit, what string, rows []*Ranked, top int) Chart {
	value := func(r *Ranked) string {
		if unit == "%" {
			return PercentOf(r.Value)
		}
		return Count(r.Count)
	}
	basis := func(r *Ranked) string {
		if unit == "%" {
			return Count(r.Count) + " / " + Count(r.Base) + " 件"
		}
		return Count(r.Count) + " 件"
	}
	valueAndBasis := func(r *Ranked) string {
		if unit == "%" {
			return value(r) + "（" + basis(r) + "）"
		}
		return basis(r)
	}
	tbl := Table{Caption: title, Head: []string{"名次", "机关", what, "依据"}}
	for i, r := range rows {
		tbl.Rows = append(tbl.Rows, Row{Head: strconv.Itoa(i + 1), Cells: []Cell{TextCell(r.Name), MarkedCell(value(r), r.Mark), TextCell(basis(r))}})
	}
	shown := rows
	if len(shown) > top {
		shown = shown[:top]
	}
	var cats []string
	s := Bar{Name: what, ItemStyle: StyleOf("", 0)}
	for _, r := range shown {
		cats = append(cats, r.Name)
		v := r.Value
		if unit == "%" {
			v = Round1(v)
		}
		s.Data = append(s.Data, BarItem{Name: r.Name, Value: v,
			Label:   &Label{Show: true, Formatter: LabelText(value(r) + r.Mark.Short())},
			Tooltip: Tip(r.Name, what+"："+valueAndBasis(r)+r.Mark.Note())})
	}
	summary := "没有可排名的机关。"
	if len(rows) > 0 {
		summary = fmt.Sprintf("共%d个机关参与排名，%s居首，%s为%s%s。", len(rows), rows[0].Name, what, valueAndBasis(rows[0]), rows[0].Mark.Note())
	}
	c := BarChart{Cats: cats, Unit: unit, Percent: unit == "%", Series: []Bar{s}}
	if c.Percent {
		c.Unit = ""
	}
	// The download names what was ranked: "2024年部门机关的12份…年度报告".
	of, _, _ := strings.Cut(title, "：")
	tbl.Source = fmt.Sprintf("%s的%d份政府信息公开工作年度报告", of, len(rows))
	return Chart{ID: "ranking", Title: title, Summary: summary, Table: tbl, Option: c.Option().JSON()}
}
