package charts

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"nianbao/data"
	"nianbao/data/catalog"
	"nianbao/data/dataset"
)

func reports(t *testing.T) []*data.Report {
	t.Helper()
	rs, err := dataset.ReadDir(filepath.Join("..", "data", "datasets"))
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func entries(t *testing.T) map[string]*catalog.Entry {
	t.Helper()
	rs := reports(t)
	g := catalog.Group(rs)
	out := map[string]*catalog.Entry{}
	for _, r := range rs {
		e := catalog.NewEntry(r, g.BodyOf[r.ID], "r/"+r.ID+".json", g.Prev[r.ID])
		out[r.ID] = &e
	}
	return out
}

type barOpt struct {
	Aria    *struct{}
	Tooltip struct{ Confine bool }
	XAxis   struct {
		Type string
		Min  *float64
		Data []string
	}
	YAxis struct {
		Type string
		Min  *float64
		Data []string
	}
	Series []struct {
		Name      string
		ItemStyle struct{ Color string }
		Data      []barItem
	}
}

// barItem is a bar: its value, its label and its tooltip as finished text.
type barItem struct {
	Value   float64
	Label   struct{ Formatter string }
	Tooltip struct{ Formatter string }
}

// decodeBar reads a bar chart's option, checking what every chart holds
// to: no ECharts ARIA (the page says the summary, once), tooltips inside
// the chart, categories down the side, a linear value axis from zero, and
// no JS function.
func decodeBar(t *testing.T, c Chart) barOpt {
	t.Helper()
	var o barOpt
	if err := json.Unmarshal(c.Option, &o); err != nil {
		t.Fatalf("%s: %v", c.ID, err)
	}
	if o.Aria != nil || !o.Tooltip.Confine {
		t.Errorf("%s: ARIA on or tooltip not confined: %+v", c.ID, o)
	}
	if o.XAxis.Type != "value" || o.XAxis.Min == nil || *o.XAxis.Min != 0 || o.YAxis.Type != "category" {
		t.Errorf("%s: axes %+v %+v, want values from 0 along, categories down", c.ID, o.XAxis, o.YAxis)
	}
	if strings.Contains(string(c.Option), "function") {
		t.Errorf("%s: a JS function in the option", c.ID)
	}
	return o
}

// A pack read back is the pack written: the report, its charts, the
// cross-year findings and the body.
func TestPackRoundTrip(t *testing.T) {
	r := reports(t)[0]
	p := &Pack{Report: r, BodyID: "b", Charts: map[string]Chart{"x": {ID: "x", Title: "t", Option: json.RawMessage(`{"a":1}`)}},
		CrossYear: []data.Finding{{Rule: data.RuleCrossYear, Table: data.TableRequests, Row: "carried_in", Column: "total", Printed: 1, Want: 2}}}
	b, err := p.Encode()
	if err != nil {
		t.Fatal(err)
	}
	q, err := DecodePack(b)
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := q.Encode()
	if string(b) != string(b2) || q.BodyID != "b" || len(q.CrossYear) != 1 || q.Chart("x").Title != "t" {
		t.Errorf("round trip changed the pack:\n%s\n%s", b, b2)
	}
	if c := q.Chart("nope"); !strings.Contains(c.Summary, "缺失") {
		t.Errorf("a missing chart says %q", c.Summary)
	}
	if _, err := DecodePack([]byte(`{"report": {"id": "x"}}`)); err == nil {
		t.Error("a pack with a bad report decoded")
	}
}

// A body's trend charts carry the index's numbers, in their tables too.
func TestTrend(t *testing.T) {
	es := entries(t)
	a, b := es["hongze-district-2023"], es["hongze-district-2024"]
	cs := Trend("淮安市洪泽区人民政府", []*catalog.Entry{a, b})
	if len(cs) != 3 {
		t.Fatalf("%d charts", len(cs))
	}
	req := decodeBar(t, cs[0])
	if req.Series[0].Data[0].Value != float64(a.New()) || req.Series[0].Data[1].Value != float64(b.New()) {
		t.Errorf("requests series %v", req.Series[0].Data)
	}
	if cs[0].Table.Rows[1].Cells[0].Text != Count(b.New()) {
		t.Errorf("requests table %+v", cs[0].Table.Rows[1])
	}
	out := decodeBar(t, cs[1])
	var sum float64
	for _, s := range out.Series {
		sum += s.Data[1].Value
	}
	if sum < 99 || sum > 101 {
		t.Errorf("outcome shares of 2024 add up to %.1f%%", sum)
	}
	decodeBar(t, cs[2])
	if !strings.Contains(cs[0].Summary, "2023年至2024年") {
		t.Errorf("summary %q", cs[0].Summary)
	}
}

func TestCompareAndRank(t *testing.T) {
	es := entries(t)
	cs := []Compared{{"淮安 2024年", es["huaian-city-2024"]}, {"南通 2019年", es["nantong-city-2019"]}}
	figs, charts := Compare(cs)
	if len(figs.Head) != 3 || figs.Rows[0].Cells[1].Text != Count(es["nantong-city-2019"].New()) {
		t.Errorf("figures table %+v", figs)
	}
	// A bar per report, a segment per outcome or result, in its colour.
	for c, want := range map[int][]string{0: {"予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"}, 1: {"结果维持", "结果纠正", "其他结果", "尚未审结"}} {
		o := decodeBar(t, charts[c])
		if strings.Join(o.YAxis.Data, "|") != "淮安 2024年|南通 2019年" || len(o.Series) != len(want) {
			t.Fatalf("%s: categories %q, %d series", charts[c].ID, o.YAxis.Data, len(o.Series))
		}
		for i, s := range o.Series {
			if s.Name != want[i] || s.ItemStyle.Color != StyleOf(want[i], 0).Color {
				t.Errorf("%s: series %d is %s in %s, want %s in %s", charts[c].ID, i, s.Name, s.ItemStyle.Color, want[i], StyleOf(want[i], 0).Color)
			}
		}
	}
	// A rate is drawn, labelled and listed at one decimal, never as the
	// float it was computed as.
	rows := []*Ranked{{Name: "甲", Entry: es["nantong-city-2019"], Value: 59 * 100 / 95.0, Count: 59, Base: 95}, {Name: "乙", Entry: es["huaian-city-2024"], Value: 40, Count: 4, Base: 10}}
	r := RankChart("排名", "%", "公开比例", rows, 20)
	o := decodeBar(t, r)
	if len(o.Series[0].Data) != 2 || o.Series[0].Data[0].Value != 62.1 || o.Series[0].Data[0].Label.Formatter != "62.1%" ||
		o.Series[0].Data[0].Tooltip.Formatter != "甲<br>公开比例：62.1%（59 / 95 件）" || r.Table.Rows[0].Cells[1].Text != "62.1%" ||
		r.Table.Rows[0].Cells[2].Text != "59 / 95 件" || r.Summary != "共2个机关参与排名，甲居首，公开比例为62.1%（59 / 95 件）。" {
		t.Errorf("ranking %+v %+v %q", o.Series, r.Table.Rows[0], r.Summary)
	}
	if strings.Contains(string(r.Option), "62.105") {
		t.Errorf("a raw float in the option: %s", r.Option)
	}
}

func TestMain(m *testing.M) { os.Exit(m.Run()) }

// A CSV cell a spreadsheet would run as a formula shows as text; numbers,
// signed changes among them, stay numbers; the report is named.
func TestCSVIsText(t *testing.T) {
	tbl := Table{Caption: "表", Source: "某机关2024年政府信息公开工作年度报告", Head: []string{"项目", "值"}, Rows: []Row{
		{Head: "=HYPERLINK(\"http://x\")", Cells: []Cell{TextCell("-47")}},
		{Head: "@SUM(A1)", Cells: []Cell{TextCell("+14")}},
		{Head: "-2+3", Cells: []Cell{TextCell("950125.6165")}},
	}}
	got := string(tbl.CSV())
	for _, want := range []string{"\"'=HYPERLINK(\"\"http://x\"\")\",-47,", "'@SUM(A1),+14,", "'-2+3,950125.6165,", "数据来源：《某机关2024年政府信息公开工作年度报告》"} {
		if !strings.Contains(got, want) {
			t.Errorf("CSV lacks %q:\n%s", want, got)
		}
	}
	if n := tbl.FileName(); n != "某机关2024年年报-表.csv" {
		t.Errorf("file name %q", n)
	}
	// A name stays short enough for every file system and a phone's
	// download list: at most 120 bytes, cut at a character.
	long := Table{Caption: "办理结果", Source: strings.Repeat("平潭综合实验区", 10) + "2024年政府信息公开工作年度报告"}
	if n := long.BaseName(); len(n) > 120 || !utf8.ValidString(n) || !strings.HasPrefix(n, "平潭综合实验区") {
		t.Errorf("a long report's file name is %q (%d bytes)", n, len(n))
	}
}

func TestGrouped(t *testing.T) {
	for s, want := range map[string]string{"4055284": "4,055,284", "43.5": "43.5", "0": "0", "999": "999", "1000": "1,000",
		"-1234.5": "-1,234.5", "+14": "+14", "950125.6165": "950,125.6165", "1,2": "1,2", "abc": "abc", "": ""} {
		if got := Grouped(s); got != want {
			t.Errorf("Grouped(%q) = %q, want %q", s, got, want)
		}
	}
}

// A bar in its series' style leaves the style to the series (ECharts
// draws it the same); a bar of another look keeps its own; the items the
// chart was given are not changed.
func TestBarsInheritTheirSeriesStyle(t *testing.T) {
	blue, orange := StyleOf("予以公开", 0), StyleOf("不予公开", 0)
	items := []BarItem{{Name: "a", Value: 1, ItemStyle: StyleOf("予以公开", 0)}, {Name: "b", Value: 2, ItemStyle: orange}, {Name: "c", Value: 3}}
	o := BarChart{Cats: []string{"a", "b", "c"}, Series: []Bar{{Name: "件数", ItemStyle: blue, Data: items}}}.Option()
	got := o.Series[0].(Bar).Data
	if got[0].ItemStyle != nil || got[1].ItemStyle != orange || got[2].ItemStyle != nil {
		t.Errorf("the bars' styles: %+v, %+v, %+v", got[0].ItemStyle, got[1].ItemStyle, got[2].ItemStyle)
	}
	if items[0].ItemStyle == nil {
		t.Error("the given bar lost its style")
	}
	var back struct {
		Series []struct {
			ItemStyle json.RawMessage
			Data      []map[string]any
		}
	}
	if err := json.Unmarshal(o.JSON(), &back); err != nil || len(back.Series) != 1 || len(back.Series[0].ItemStyle) == 0 {
		t.Fatalf("the option %s: %v", o.JSON(), err)
	}
	if _, ok := back.Series[0].Data[0]["itemStyle"]; ok {
		t.Errorf("the first bar writes its series' style: %s", o.JSON())
	}
}

// A category has its reasons' chart (and page) when one of its reasons'
// 总计 is not a printed 0: a count, a blank or a recovered number.
func TestReasonCategories(t *testing.T) {
	keys := func(cs []data.Category) string {
		var k []string
		for _, c := range cs {
			k = append(k, c.Key)
		}
		return strings.Join(k, ",")
	}
	r := reports(t)[0]
	var cat data.Category
	for _, c := range r.Requests.Categories() {
		if len(c.Rows) > 1 {
			cat = c
			break
		}
	}
	row := cat.Rows[len(cat.Rows)-1].Key
	for _, tc := range []struct {
		what string
		last data.Cell // the category's last reason; the others printed 0
		in   bool
	}{
		{"every reason printed 0", data.Cell{}, false},
		{"a count", data.Cell{Value: 3}, true},
		{"a blank", data.Cell{Status: data.Blank}, true},
		{"a recovered 0", data.Cell{Status: data.Recovered, Rule: 1}, true},
	} {
		rr := *r
		rr.Requests = data.Requests{}
		for k, v := range r.Requests {
			c := *v
			rr.Requests[k] = &c
		}
		for _, reason := range cat.Rows {
			if rr.Requests[reason.Key] == nil {
				rr.Requests[reason.Key] = &data.RequestRow{}
			}
			rr.Requests[reason.Key][data.ColTotal] = data.Cell{}
		}
		rr.Requests[row][data.ColTotal] = tc.last
		got := keys(ReasonCategories(&rr))
		if in := strings.Contains(","+got+",", ","+cat.Key+","); in != tc.in {
			t.Errorf("%s: %s in %q is %v, want %v", tc.what, cat.Key, got, in, tc.in)
		}
		for _, c := range ReasonCategories(&rr) {
			if len(c.Rows) < 2 {
				t.Errorf("%s: %s has one row and a chart of its reasons", tc.what, c.Key)
			}
		}
	}
}
