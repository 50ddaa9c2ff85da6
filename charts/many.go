package charts

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"nianbao/data"
)

// The charts of this file are about several reports: a body over the years,
// a comparison, a ranking. They are built here from the catalog index, in
// the browser and in the prerendered pages alike, with a plain option map
// in the style of the single report's charts (charts/echarts): linear value
// axes from zero, the Okabe–Ito palette with decal patterns, ARIA with the
// summary, tooltips confined to the chart, string formatters only.

// palette is colour-blind safe (Okabe–Ito), as charts/echarts.Palette.
var palette = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"}

// series is one series of a bar chart.
type series struct {
	name   string
	values []float64
}

// barSpec says how to draw a bar chart.
type barSpec struct {
	summary    string
	cats       []string // category axis, in order
	series     []series
	horizontal bool   // categories down the side
	stack      bool   // series stacked
	unit       string // value axis name: "件" or "%"
	max        float64
}

// bars is a bar chart's ECharts option as JSON.
func bars(s barSpec) json.RawMessage {
	var ser []any
	for _, x := range s.series {
		// Each bar's label is finished text with thousands separators, as
		// ECharts writes the value axis (2,000); its {c} would print 1928.
		items := make([]any, len(x.values))
		for i, v := range x.values {
			text := grouped(v)
			if s.unit == "%" {
				text += "%"
			}
			items[i] = map[string]any{"value": v, "label": map[string]any{"formatter": text}}
		}
		b := map[string]any{"type": "bar", "name": x.name, "data": items,
			"label": map[string]any{"show": !s.stack && len(s.cats)*len(s.series) <= 24, "position": "top"}}
		if s.horizontal {
			b["label"].(map[string]any)["position"] = "right"
		}
		if s.stack {
			b["stack"] = "total"
		}
		ser = append(ser, b)
	}
	cat := map[string]any{"type": "category", "data": s.cats, "axisLabel": map[string]any{"interval": 0, "hideOverlap": true, "width": 96, "overflow": "break"}}
	val := map[string]any{"type": "value", "min": 0, "name": s.unit, "axisLabel": map[string]any{"hideOverlap": true}}
	if s.max > 0 {
		val["max"] = s.max
	}
	opt := map[string]any{
		"animation": false,
		"aria": map[string]any{"enabled": true, "decal": map[string]any{"show": true},
			"label": map[string]any{"enabled": true, "description": s.summary}},
		"color":   palette,
		"tooltip": map[string]any{"show": true, "trigger": "axis", "confine": true, "axisPointer": map[string]any{"type": "shadow"}},
		// A legend that wraps, not pages, and does not hide series: the
		// table is where numbers are read, and a kiosk's next visitor must
		// not find a series gone.
		"legend": map[string]any{"show": len(s.series) > 1, "bottom": "0", "type": "plain", "selectedMode": false},
		"grid":   map[string]any{"left": "2%", "right": "8%", "top": "10%", "bottom": legendRoom(s), "containLabel": true},
		"series": ser,
		"textStyle": map[string]any{
			"fontFamily": `"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif`,
		},
	}
	if s.horizontal {
		cat["inverse"] = true
		opt["xAxis"], opt["yAxis"] = val, cat
	} else {
		opt["xAxis"], opt["yAxis"] = cat, val
	}
	b, err := json.Marshal(opt)
	if err != nil {
		panic(fmt.Sprintf("charts: option does not marshal: %v", err))
	}
	return b
}

// legendRoom is the grid's bottom margin: room for a legend that wraps.
func legendRoom(s barSpec) string {
	switch n := len(s.series); {
	case n <= 1:
		return "4%"
	case n <= 3:
		return "14%"
	}
	return "24%"
}

// grouped writes a number with thousands separators, keeping its decimals:
// 4055284 → "4,055,284", 43.5 → "43.5".
func grouped(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	whole, frac, dot := strings.Cut(s, ".")
	var b strings.Builder
	for i := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(whole[i])
	}
	if dot {
		return sign + b.String() + "." + frac
	}
	return sign + b.String()
}

// share is part of whole in percent with one decimal, 0 when whole is 0.
func share(part, whole int64) float64 {
	if whole == 0 {
		return 0
	}
	v, _ := strconv.ParseFloat(strconv.FormatFloat(float64(part)*100/float64(whole), 'f', 1, 64), 64)
	return v
}

// countAndShare is "123（45.6%）".
func countAndShare(part, whole int64) string {
	return itoa(part) + "（" + Percent(part, whole) + "）"
}

func yearLabel(y int) string { return strconv.Itoa(y) + "年" }

// Trend is a body's reports over the years, oldest first: requests received
// and handled, the outcome shares, and review and litigation with the share
// corrected, each a chart with its table and summary.
func Trend(body string, es []*data.Entry) []Chart {
	var years []string
	for _, e := range es {
		years = append(years, yearLabel(e.Year))
	}
	first, last := es[0], es[len(es)-1]
	span := fmt.Sprintf("%d年至%d年", first.Year, last.Year)

	// Requests.
	reqTable := Table{Caption: body + "历年申请数量（件）", Head: []string{"年度", "本年新收", "上年结转", "本年办理", "结转下年度"}}
	var newS, handledS []float64
	for _, e := range es {
		f := e.Figures
		newS, handledS = append(newS, float64(f[data.KeyNew])), append(handledS, float64(f[data.KeyHandled]))
		reqTable.Rows = append(reqTable.Rows, Row{Head: yearLabel(e.Year), Cells: []Cell{
			NumCell(f[data.KeyNew]), NumCell(f[data.KeyCarriedIn]), NumCell(f[data.KeyHandled]), NumCell(f[data.KeyCarriedOver])}})
	}
	reqSummary := fmt.Sprintf("%s，%s本年新收政府信息公开申请从%d件变为%d件，本年办理从%d件变为%d件。", span, body,
		first.Figures[data.KeyNew], last.Figures[data.KeyNew], first.Figures[data.KeyHandled], last.Figures[data.KeyHandled])
	requests := Chart{ID: "trend-requests", Title: "历年收到和办理的申请", Summary: reqSummary, Table: reqTable,
		Option: bars(barSpec{summary: reqSummary, cats: years, unit: "件",
			series: []series{{"本年新收", newS}, {"本年办理", handledS}}})}

	// Outcome shares.
	outTable := Table{Caption: body + "历年办理结果（件及占本年办理的比例）", Head: []string{"年度"}}
	var outSeries []series
	for _, o := range data.OutcomeKeys {
		outTable.Head = append(outTable.Head, o.Label)
		outSeries = append(outSeries, series{name: o.Label})
	}
	for _, e := range es {
		row := Row{Head: yearLabel(e.Year)}
		for i, o := range data.OutcomeKeys {
			row.Cells = append(row.Cells, TextCell(countAndShare(e.Figures[o.Key], e.Figures[data.KeyHandled])))
			outSeries[i].values = append(outSeries[i].values, share(e.Figures[o.Key], e.Figures[data.KeyHandled]))
		}
		outTable.Rows = append(outTable.Rows, row)
	}
	outSummary := fmt.Sprintf("%s，予以公开或部分公开的申请占本年办理的比例从%s变为%s。", span,
		Percent(first.Opened(), first.Figures[data.KeyHandled]), Percent(last.Opened(), last.Figures[data.KeyHandled]))
	outcomes := Chart{ID: "trend-outcomes", Title: "历年办理结果的构成", Summary: outSummary, Table: outTable,
		Option: bars(barSpec{summary: outSummary, cats: years, unit: "%", stack: true, max: 100, series: outSeries})}

	// Review and litigation.
	apTable := Table{Caption: body + "历年行政复议和行政诉讼（件）", Head: []string{"年度", "行政复议", "复议结果纠正", "复议纠正率", "行政诉讼", "诉讼结果纠正", "诉讼纠正率"}}
	var rv, lt []float64
	for _, e := range es {
		f := e.Figures
		rv, lt = append(rv, float64(f[data.KeyReview+data.AppealTotal])), append(lt, float64(f[data.KeyLitigation+data.AppealTotal]))
		apTable.Rows = append(apTable.Rows, Row{Head: yearLabel(e.Year), Cells: []Cell{
			NumCell(f[data.KeyReview+data.AppealTotal]), NumCell(e.Corrected(data.KeyReview)), TextCell(Percent(e.Corrected(data.KeyReview), e.Concluded(data.KeyReview))),
			NumCell(f[data.KeyLitigation+data.AppealTotal]), NumCell(e.Corrected(data.KeyLitigation)), TextCell(Percent(e.Corrected(data.KeyLitigation), e.Concluded(data.KeyLitigation))),
		}})
	}
	apSummary := fmt.Sprintf("%s，行政复议从%d件变为%d件，行政诉讼从%d件变为%d件；%d年复议已审结案件中结果纠正占%s。", span,
		first.Figures[data.KeyReview+data.AppealTotal], last.Figures[data.KeyReview+data.AppealTotal],
		first.Figures[data.KeyLitigation+data.AppealTotal], last.Figures[data.KeyLitigation+data.AppealTotal],
		last.Year, Percent(last.Corrected(data.KeyReview), last.Concluded(data.KeyReview)))
	appeals := Chart{ID: "trend-appeals", Title: "历年行政复议和行政诉讼", Summary: apSummary, Table: apTable,
		Option: bars(barSpec{summary: apSummary, cats: years, unit: "件", series: []series{{"行政复议", rv}, {"行政诉讼", lt}}})}
	return []Chart{requests, outcomes, appeals}
}

// Compared is a report in a comparison: its entry and the name it goes by.
type Compared struct {
	Name  string // "淮安市人民政府 2024年"
	Entry *data.Entry
}

// Compare is two to six reports side by side: the key figures as a table,
// and the outcome shares and review results as grouped charts.
func Compare(cs []Compared) (figures Table, charts []Chart) {
	var names []string
	for _, c := range cs {
		names = append(names, c.Name)
	}
	figures = Table{Caption: "关键数字对比", Head: append([]string{"项目"}, names...)}
	type fig struct {
		label string
		cell  func(e *data.Entry) Cell
	}
	for _, f := range []fig{
		{"本年新收申请（件）", func(e *data.Entry) Cell { return NumCell(e.Figures[data.KeyNew]) }},
		{"上年结转（件）", func(e *data.Entry) Cell { return NumCell(e.Figures[data.KeyCarriedIn]) }},
		{"本年办理（件）", func(e *data.Entry) Cell { return NumCell(e.Figures[data.KeyHandled]) }},
		{"予以公开或部分公开", func(e *data.Entry) Cell { return TextCell(countAndShare(e.Opened(), e.Figures[data.KeyHandled])) }},
		{"结转下年度（件）", func(e *data.Entry) Cell { return NumCell(e.Figures[data.KeyCarriedOver]) }},
		{"行政复议（件）", func(e *data.Entry) Cell { return NumCell(e.Figures[data.KeyReview+data.AppealTotal]) }},
		{"复议结果纠正", func(e *data.Entry) Cell {
			return TextCell(countAndShare(e.Corrected(data.KeyReview), e.Concluded(data.KeyReview)))
		}},
		{"行政诉讼（件）", func(e *data.Entry) Cell { return NumCell(e.Figures[data.KeyLitigation+data.AppealTotal]) }},
		{"数据校验", func(e *data.Entry) Cell { return TextCell(e.Consistency().Label()) }},
	} {
		row := Row{Head: f.label}
		for _, c := range cs {
			row.Cells = append(row.Cells, f.cell(c.Entry))
		}
		figures.Rows = append(figures.Rows, row)
	}

	var cats []string
	for _, o := range data.OutcomeKeys {
		cats = append(cats, o.Label)
	}
	outTable := Table{Caption: "办理结果占本年办理的比例", Head: append([]string{"办理结果"}, names...)}
	var outSeries []series
	for _, c := range cs {
		s := series{name: c.Name}
		for _, o := range data.OutcomeKeys {
			s.values = append(s.values, share(c.Entry.Figures[o.Key], c.Entry.Figures[data.KeyHandled]))
		}
		outSeries = append(outSeries, s)
	}
	for _, o := range data.OutcomeKeys {
		row := Row{Head: o.Label}
		for _, c := range cs {
			row.Cells = append(row.Cells, TextCell(countAndShare(c.Entry.Figures[o.Key], c.Entry.Figures[data.KeyHandled])))
		}
		outTable.Rows = append(outTable.Rows, row)
	}
	best := cs[0]
	for _, c := range cs[1:] {
		if share(c.Entry.Opened(), c.Entry.Figures[data.KeyHandled]) > share(best.Entry.Opened(), best.Entry.Figures[data.KeyHandled]) {
			best = c
		}
	}
	outSummary := fmt.Sprintf("比较的%d份报告中，%s予以公开或部分公开的比例最高，为%s（本年办理%d件）。", len(cs), best.Name,
		Percent(best.Entry.Opened(), best.Entry.Figures[data.KeyHandled]), best.Entry.Figures[data.KeyHandled])

	var rcats []string
	for _, col := range data.AppealColumns[:data.AppealTotal] {
		rcats = append(rcats, col.Label)
	}
	rvTable := Table{Caption: "行政复议结果（件）", Head: append([]string{"结果"}, names...)}
	var rvSeries []series
	for _, c := range cs {
		s := series{name: c.Name}
		for i := range data.AppealTotal {
			s.values = append(s.values, float64(c.Entry.Figures[data.KeyReview+i]))
		}
		rvSeries = append(rvSeries, s)
	}
	for i, col := range data.AppealColumns {
		row := Row{Head: col.Label}
		for _, c := range cs {
			row.Cells = append(row.Cells, NumCell(c.Entry.Figures[data.KeyReview+i]))
		}
		rvTable.Rows = append(rvTable.Rows, row)
	}
	most := cs[0]
	for _, c := range cs[1:] {
		if c.Entry.Figures[data.KeyReview+data.AppealTotal] > most.Entry.Figures[data.KeyReview+data.AppealTotal] {
			most = c
		}
	}
	rvSummary := fmt.Sprintf("%s被申请行政复议最多，共%d件，已审结案件中结果纠正占%s。", most.Name,
		most.Entry.Figures[data.KeyReview+data.AppealTotal], Percent(most.Entry.Corrected(data.KeyReview), most.Entry.Concluded(data.KeyReview)))
	return figures, []Chart{
		{ID: "compare-outcomes", Title: "办理结果的构成", Summary: outSummary, Table: outTable,
			Option: bars(barSpec{summary: outSummary, cats: cats, unit: "%", series: outSeries})},
		{ID: "compare-review", Title: "行政复议的结果", Summary: rvSummary, Table: rvTable,
			Option: bars(barSpec{summary: rvSummary, cats: rcats, unit: "件", series: rvSeries})},
	}
}

// Ranked is one body in a ranking.
type Ranked struct {
	Name        string
	Entry       *data.Entry
	Value       float64 // what it is ranked by
	Count, Base int64   // for a rate: Count of Base; for a count: Count
}

// RankChart is a ranking as a horizontal bar chart of its first rows, with
// the whole ranking as the table.
func RankChart(title, unit, what string, rows []Ranked, top int) Chart {
	tbl := Table{Caption: title, Head: []string{"名次", "机关", what, "依据"}}
	for i, r := range rows {
		basis := itoa(r.Count) + " 件"
		if unit == "%" {
			basis = fmt.Sprintf("%d / %d 件", r.Count, r.Base)
		}
		value := strconv.FormatFloat(r.Value, 'f', -1, 64)
		if unit == "%" {
			value = strconv.FormatFloat(r.Value, 'f', 1, 64) + "%"
		}
		tbl.Rows = append(tbl.Rows, Row{Head: strconv.Itoa(i + 1), Cells: []Cell{TextCell(r.Name), TextCell(value), TextCell(basis)}})
	}
	shown := rows
	if len(shown) > top {
		shown = shown[:top]
	}
	var cats []string
	s := series{name: what}
	for _, r := range shown {
		cats = append(cats, r.Name)
		s.values = append(s.values, r.Value)
	}
	summary := "没有可排名的机关。"
	if len(rows) > 0 {
		v := strconv.FormatFloat(rows[0].Value, 'f', -1, 64)
		if unit == "%" {
			v = strconv.FormatFloat(rows[0].Value, 'f', 1, 64) + "%（" + fmt.Sprintf("%d / %d 件", rows[0].Count, rows[0].Base) + "）"
		} else {
			v += " 件"
		}
		summary = fmt.Sprintf("共%d个机关参与排名，%s居首，%s为%s。", len(rows), rows[0].Name, what, v)
	}
	return Chart{ID: "ranking", Title: title, Summary: summary, Table: tbl,
		Option: bars(barSpec{summary: summary, cats: cats, unit: unit, horizontal: true, series: []series{s}})}
}
