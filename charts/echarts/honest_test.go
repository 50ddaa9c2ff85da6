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
		for _, c := range All(r) {
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
		for _, c := range All(r) {
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
					want := group(int64(v))
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
