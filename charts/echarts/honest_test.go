package echarts

import (
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"nianbao/charts"
	"nianbao/data"
	"nianbao/data/catalog"
	"nianbao/data/dataset"
)

// shipped reads every shipped report.
func shipped(t *testing.T) []*data.Report {
	t.Helper()
	reports, err := dataset.ReadDir(filepath.Join("..", "..", "data", "datasets"))
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) == 0 {
		t.Fatal("no shipped report")
	}
	return reports
}

// anyMap is an option, or a part of it, as plain JSON.
type anyMap = map[string]interface{}

// asList is a JSON value as a list: a list, or one object.
func asList(v interface{}) []interface{} {
	switch v := v.(type) {
	case []interface{}:
		return v
	case map[string]interface{}:
		return []interface{}{v}
	}
	return nil
}

func decodeMap(t *testing.T, c charts.Chart) anyMap {
	t.Helper()
	var m anyMap
	if err := json.Unmarshal(c.Option, &m); err != nil {
		t.Fatalf("%s: option is not JSON: %v", c.ID, err)
	}
	return m
}

// cellNumber is the number a table cell shows: "4762" → 4762, "43.5%" →
// 43.5, a blank or "—" → 0 (drawn as nothing).
func cellNumber(t *testing.T, c charts.Cell) float64 {
	t.Helper()
	if c.Blank || c.Text == "—" {
		return 0
	}
	s := strings.TrimSuffix(strings.ReplaceAll(c.Text, ",", ""), "%")
	f, err := strconv.ParseFloat(strings.TrimPrefix(s, "+"), 64)
	if err != nil {
		t.Fatalf("cell %q is not a number", c.Text)
	}
	return f
}

// rowByHead finds a table row by its header.
func rowByHead(tbl charts.Table, head string) (charts.Row, bool) {
	for _, r := range tbl.Rows {
		if r.Head == head {
			return r, true
		}
	}
	return charts.Row{}, false
}

// drawnValues are the numbers each chart draws, each with the table number
// it must equal: the chart's table is how its numbers are read, so the two
// must agree to the digit.
func drawnValues(t *testing.T, c charts.Chart, m anyMap) (pairs [][2]float64, where []string) {
	t.Helper()
	add := func(drawn interface{}, cell charts.Cell, at string) {
		v, ok := drawn.(float64)
		if !ok {
			t.Errorf("%s: %s has no numeric value (%v)", c.ID, at, drawn)
			return
		}
		pairs = append(pairs, [2]float64{v, cellNumber(t, cell)})
		where = append(where, at)
	}
	value := func(d interface{}) interface{} {
		if dm, ok := d.(anyMap); ok {
			return dm["value"]
		}
		return d
	}
	series := asList(m["series"])
	switch {
	case c.ID == "flow":
		s := series[0].(anyMap)
		for _, l := range asList(s["links"]) {
			l := l.(anyMap)
			head, col := "", 0
			switch {
			case l["source"] == "本年新收":
				head = data.RowNew.Label
			case l["source"] == "上年结转":
				head = data.RowCarriedIn.Label
			case l["target"] == "结转下年度":
				head = data.RowCarriedOver.Label
			default:
				for _, r := range c.Table.Rows {
					if r.Level == 1 && charts.ShortLabel(r.Head) == l["target"] {
						head = r.Head
					}
				}
			}
			row, ok := rowByHead(c.Table, head)
			if !ok {
				t.Errorf("%s: link %v→%v has no table row", c.ID, l["source"], l["target"])
				continue
			}
			add(l["value"], row.Cells[col], fmt.Sprintf("link %v→%v", l["source"], l["target"]))
		}
	case c.ID == "outcomes-by-applicant":
		// Series: outcome categories; data: applicant types; values: the
		// share of the type's handled requests, as in the table's share rows.
		for _, s := range series {
			s := s.(anyMap)
			row, ok := rowByHead(c.Table, s["name"].(string)+"：占比")
			if !ok {
				t.Errorf("%s: series %v has no share row in the table", c.ID, s["name"])
				continue
			}
			for i, d := range asList(s["data"]) {
				add(value(d), row.Cells[i], fmt.Sprintf("%v/%d", s["name"], i))
			}
		}
	case c.ID == "appeals":
		for si, s := range series {
			for gi, d := range asList(s.(anyMap)["data"]) {
				add(value(d), c.Table.Rows[gi].Cells[si], fmt.Sprintf("series %d, group %d", si, gi))
			}
		}
	case c.ID == "disclosure":
		// One bar per row of table 二 whose quantity the chart compares.
		s := series[0].(anyMap)
		for _, d := range asList(s["data"]) {
			name, _ := d.(anyMap)["name"].(string)
			found := false
			for _, r := range c.Table.Rows {
				if r.Cells[0].Text+"："+r.Cells[1].Text == name {
					add(value(d), r.Cells[2], name)
					found = true
				}
			}
			if !found {
				t.Errorf("%s: bar %q is in no table row", c.ID, name)
			}
		}
	default: // outcomes, outcomes-*, applicants: one bar per table row
		s := series[0].(anyMap)
		data := asList(s["data"])
		rows := c.Table.Rows
		if c.ID == "applicants" {
			rows = rows[:len(rows)-1] // 总计
		}
		if len(data) != len(rows) {
			t.Errorf("%s: %d bars for %d table rows", c.ID, len(data), len(rows))
			return
		}
		for i, d := range data {
			add(value(d), rows[i].Cells[0], rows[i].Head)
		}
	}
	return pairs, where
}

// digitsRE finds a number of four digits or more written without
// thousands separators.
var digitsRE = regexp.MustCompile(`[0-9]{4,}`)

// Every chart of every shipped report draws what its table says, on axes a
// reader can trust: linear, from zero, every sankey link with its value,
// legends that cannot hide a series, and numbers written one way.
func TestChartsAreHonestForEveryShippedReport(t *testing.T) {
	for _, r := range shipped(t) {
		for _, c := range All(r, marks(r)) {
			c := c
			t.Run(r.ID+"/"+c.ID, func(t *testing.T) {
				m := decodeMap(t, c)
				pairs, where := drawnValues(t, c, m)
				if len(pairs) == 0 {
					t.Errorf("no value drawn")
				}
				for i, p := range pairs {
					if math.Abs(p[0]-p[1]) > 1e-9 {
						t.Errorf("%s: chart %v, table %v", where[i], p[0], p[1])
					}
				}
				for _, name := range []string{"xAxis", "yAxis"} {
					for _, a := range asList(m[name]) {
						a := a.(anyMap)
						if a["type"] == "log" {
							t.Errorf("%s is logarithmic", name)
						}
						if a["type"] == "value" {
							if min, ok := a["min"].(float64); !ok || min != 0 {
								t.Errorf("%s: value axis starts at %v, want 0", name, a["min"])
							}
						}
					}
				}
				for _, l := range asList(m["legend"]) {
					l := l.(anyMap)
					if l["show"] == true && l["selectedMode"] != false {
						t.Errorf("legend can hide series: selectedMode = %v", l["selectedMode"])
					}
				}
				for _, s := range asList(m["series"]) {
					s := s.(anyMap)
					if s["type"] == "sankey" {
						for _, l := range asList(s["links"]) {
							if _, ok := l.(anyMap)["value"].(float64); !ok {
								t.Errorf("sankey link %v→%v has no value", l.(anyMap)["source"], l.(anyMap)["target"])
							}
						}
						for _, n := range asList(s["data"]) {
							if f := labelFormatter(n); f == "" || !strings.Contains(f, "件") {
								t.Errorf("sankey node %v shows no number: %q", n.(anyMap)["name"], f)
							}
						}
					}
					// Numbers in the chart's text have thousands separators,
					// like the value axis's ticks (ECharts writes 2,000).
					for _, d := range asList(s["data"]) {
						for _, f := range []string{labelFormatter(d), tooltipFormatter(d)} {
							if digitsRE.MatchString(f) {
								t.Errorf("%q: a number without thousands separators", f)
							}
						}
					}
					if l, ok := s["label"].(anyMap); ok && l["show"] == true {
						if f, _ := l["formatter"].(string); strings.Contains(f, "{c}") {
							t.Errorf("series label %q prints the raw value, without separators", f)
						}
					}
				}
				if tip, ok := m["tooltip"].(anyMap); ok {
					if f, _ := tip["formatter"].(string); strings.Contains(f, "{c}") {
						t.Errorf("tooltip %q prints the raw value, without separators", f)
					}
				}
			})
		}
	}
}

func labelFormatter(d interface{}) string {
	dm, _ := d.(anyMap)
	l, _ := dm["label"].(anyMap)
	f, _ := l["formatter"].(string)
	return f
}

func tooltipFormatter(d interface{}) string {
	dm, _ := d.(anyMap)
	l, _ := dm["tooltip"].(anyMap)
	f, _ := l["formatter"].(string)
	return f
}

// A bar's label and tooltip carry its number, with separators.
func TestBarLabelsCarryTheirNumbers(t *testing.T) {
	for _, r := range shipped(t) {
		for _, c := range All(r, marks(r)) {
			m := decodeMap(t, c)
			for _, s := range asList(m["series"]) {
				s := s.(anyMap)
				if s["type"] != "bar" {
					continue
				}
				for _, d := range asList(s["data"]) {
					v, _ := d.(anyMap)["value"].(float64)
					if c.ID == "outcomes-by-applicant" {
						continue // shares; the count is in the tooltip
					}
					want := charts.Count(int64(v))
					if f := labelFormatter(d); f != "" && !strings.HasPrefix(f, want) {
						t.Errorf("%s/%s: label %q for %v", r.ID, c.ID, f, v)
					}
					if f := tooltipFormatter(d); !strings.Contains(f, want) {
						t.Errorf("%s/%s: tooltip %q for %v", r.ID, c.ID, f, v)
					}
				}
			}
		}
	}
}

// report reads a shipped report.
func report(t *testing.T, id string) *data.Report {
	t.Helper()
	for _, r := range shipped(t) {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no report %s", id)
	return nil
}

// 洪泽区 2023 printed 0 as its totals of review and of litigation after
// review, where the results add up to 11 and 5: the summary, the bars'
// names and the table say so beside the figures, as printed.
func TestAppealsMarkTheBrokenTotals(t *testing.T) {
	r := report(t, "hongze-district-2023")
	c := Appeals(r, marks(r))
	if want := "2023年因政府信息公开被申请行政复议0件，已审结的结果纠正占9.1%（⚠ 不一致：表四“行政复议”的总计印为0，按规则4应为11）；" +
		"被提起行政诉讼0件，已审结的结果纠正占0.0%（⚠ 不一致：表四“行政诉讼（复议后起诉）”的总计印为0，按规则4应为5）。"; c.Summary != want {
		t.Errorf("summary %q,\nwant %q", c.Summary, want)
	}
	var o struct {
		YAxis struct{ Data []string }
	}
	json.Unmarshal(c.Option, &o)
	if want := "行政复议（⚠ 不一致）|行政诉讼（未经复议直接起诉）|行政诉讼（复议后起诉）（⚠ 不一致）"; strings.Join(o.YAxis.Data, "|") != want {
		t.Errorf("bars %q, want %q", o.YAxis.Data, want)
	}
	total := c.Table.Rows[0].Cells[data.AppealTotal]
	if want := (charts.Cell{Text: "0", Mark: charts.Mark{Kind: charts.MarkBroken, Rule: 4, Reason: "表四“行政复议”的总计印为0，按规则4应为11"}}); total != want {
		t.Errorf("the review total's cell %+v, want %+v", total, want)
	}
	csv := string(c.Table.CSV())
	if want := "行政复议,10,1,0,0,0,9.1%,结果维持、结果纠正、其他结果、尚未审结、总计、纠正率（占已审结）：⚠ 不一致（规则4），表四“行政复议”的总计印为0，按规则4应为11\r\n"; !strings.Contains(csv, want) {
		t.Errorf("the CSV lacks %q:\n%s", want, csv)
	}
}

// Each outcome looks the same, colour and pattern, in every chart it is
// drawn in: the outcome bars, the flow, the bars by applicant, a body's
// years and a comparison.
func TestOutcomesLookTheSameInEveryChart(t *testing.T) {
	r := nantong(t)
	m := marks(r)
	looks := map[string]map[string]bool{}
	add := func(where, name string, style interface{}) {
		b, _ := json.Marshal(style)
		if looks[name] == nil {
			looks[name] = map[string]bool{}
		}
		looks[name][string(b)] = true
		if string(b) == "null" {
			t.Errorf("%s: %s has no style", where, name)
		}
	}
	var o struct {
		Series []struct {
			Name      string
			ItemStyle interface{}
			Data      []struct {
				Name      string
				ItemStyle interface{}
			}
		}
	}
	json.Unmarshal(Outcomes(r, m, "").Option, &o)
	for _, d := range o.Series[0].Data {
		if d.ItemStyle == nil { // a bar without its own is drawn in its series' style
			d.ItemStyle = o.Series[0].ItemStyle
		}
		add("outcomes", d.Name, d.ItemStyle)
	}
	o.Series = nil
	json.Unmarshal(Flow(r, m).Option, &o)
	for _, d := range o.Series[0].Data {
		add("flow", d.Name, d.ItemStyle)
	}
	g := catalog.Group(shipped(t))
	var es []*catalog.Entry
	for _, id := range []string{"hongze-district-2023", "hongze-district-2024"} {
		r := report(t, id)
		e := catalog.NewEntry(r, g.BodyOf[id], "p", g.Prev[id])
		es = append(es, &e)
	}
	_, compared := charts.Compare([]charts.Compared{{Name: "a", Entry: es[0]}, {Name: "b", Entry: es[1]}})
	for _, c := range []charts.Chart{OutcomesByApplicant(r, m), charts.Trend("x", es)[1], compared[0]} {
		o.Series = nil
		json.Unmarshal(c.Option, &o)
		for _, s := range o.Series {
			add(c.ID, s.Name, s.ItemStyle)
		}
	}
	for _, o := range catalog.OutcomeKeys {
		if len(looks[o.Label]) != 1 {
			t.Errorf("%s looks %d ways: %v", o.Label, len(looks[o.Label]), looks[o.Label])
		}
	}
	if len(looks["予以公开"]) == 1 && !strings.Contains(fmt.Sprint(looks["予以公开"]), `"color":"#0072B2"`) {
		t.Errorf("予以公开 looks %v", looks["予以公开"])
	}
}

// The flow's labels stand outside the flows: left of the first column,
// above the pool, right of the last; each flow takes its outer end's look.
func TestFlowLabelsOutsideTheFlows(t *testing.T) {
	r := nantong(t)
	var o struct {
		Series []struct {
			Data []struct {
				Name  string
				Depth int
				Label struct{ Position, Formatter string }
			}
			Links []struct {
				Source, Target string
				LineStyle      struct {
					Color   string
					Opacity float64
				}
			}
		}
	}
	if err := json.Unmarshal(Flow(r, marks(r)).Option, &o); err != nil {
		t.Fatal(err)
	}
	for _, d := range o.Series[0].Data {
		if want := []string{"left", "top", "right"}[d.Depth]; d.Label.Position != want {
			t.Errorf("%s at depth %d: label %s, want %s", d.Name, d.Depth, d.Label.Position, want)
		}
		if d.Name == "上年结转" && d.Label.Formatter != "上年结转\n106 件\n（未核对）" {
			t.Errorf("上年结转's label %q", d.Label.Formatter)
		}
	}
	for _, l := range o.Series[0].Links {
		want := "target"
		if l.Target == "本年需办理" {
			want = "source"
		}
		if l.LineStyle.Color != want || l.LineStyle.Opacity != 1 {
			t.Errorf("%s → %s: %+v", l.Source, l.Target, l.LineStyle)
		}
	}
}

// Text of table 二 (a report's own) shows as typed in the disclosure
// chart's tooltips: ECharts reads no template in it.
func TestDisclosureTooltipShowsBracesAsTyped(t *testing.T) {
	r := nantong(t)
	for i := range r.Disclosure {
		r.Disclosure[i].Label = "…{a|b}{b}{c}{@x}标签"
	}
	var o struct {
		Series []struct {
			Data []struct{ Tooltip struct{ Formatter string } }
		}
	}
	json.Unmarshal(Disclosure(r).Option, &o)
	if len(o.Series[0].Data) == 0 {
		t.Fatal("no bar")
	}
	for _, d := range o.Series[0].Data {
		if !strings.Contains(d.Tooltip.Formatter, " …&#123;a|b&#125;&#123;b&#125;&#123;c&#125;&#123;@x&#125;标签<br>") {
			t.Errorf("tooltip %q", d.Tooltip.Formatter)
		}
	}
}
