package echarts

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"nianbao/charts"
	"strings"
	"testing"

	"nianbao/data"
	"nianbao/data/dataset"
)

func nantong(t *testing.T) *data.Report {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "data", "datasets", data.DefaultID+".json"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := dataset.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

type option struct {
	Aria struct {
		Enabled bool
		Decal   struct{ Show bool }
		Label   struct{ Description string }
	}
	Tooltip struct {
		Confine   bool
		Formatter interface{}
	}
	Series []struct {
		Name string
		Type string
		Data []struct {
			Name  string
			Value float64
		}
		Links []struct {
			Source, Target string
			Value          float64
		}
	}
}

func decode(t *testing.T, c charts.Chart) option {
	t.Helper()
	var o option
	if err := json.Unmarshal(c.Option, &o); err != nil {
		t.Fatalf("%s: option is not JSON: %v", c.ID, err)
	}
	return o
}

// Every chart: ARIA on with the summary, decals on, tooltip confined, no JS
// function anywhere in the option, and a table with a header and rows.
func TestEveryChartIsAccessibleAndCSPSafe(t *testing.T) {
	r := nantong(t)
	for _, c := range All(r) {
		o := decode(t, c)
		if !o.Aria.Enabled || !o.Aria.Decal.Show || o.Aria.Label.Description != c.Summary {
			t.Errorf("%s: aria = %+v", c.ID, o.Aria)
		}
		if !o.Tooltip.Confine {
			t.Errorf("%s: tooltip not confined", c.ID)
		}
		if s := string(c.Option); strings.Contains(s, "function") || strings.Contains(s, "=>") || strings.Contains(s, "__f__") {
			t.Errorf("%s: option holds a JS function: %s", c.ID, s)
		}
		if c.Summary == "" || !strings.HasSuffix(c.Summary, "。") || strings.Count(c.Summary, "。") != 1 {
			t.Errorf("%s: summary %q is not one sentence", c.ID, c.Summary)
		}
		if len(c.Table.Head) < 2 || len(c.Table.Rows) == 0 || c.Table.Caption == "" {
			t.Errorf("%s: table %+v", c.ID, c.Table)
		}
		for _, row := range c.Table.Rows {
			if len(row.Cells) != len(c.Table.Head)-1 {
				t.Errorf("%s: row %s has %d cells for %d headers", c.ID, row.Head, len(row.Cells), len(c.Table.Head))
			}
		}
	}
}

func TestOutcomesCarryTheReportsNumbers(t *testing.T) {
	r := nantong(t)
	c := Outcomes(r, "")
	o := decode(t, c)
	want := map[string]float64{"予以公开": 2165, "部分公开": 325, "不予公开": 251, "无法提供": 1928, "不予处理": 192, "其他处理": 113}
	got := map[string]float64{}
	for _, d := range o.Series[0].Data {
		got[d.Name] = d.Value
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("chart %s = %v, want %v", k, got[k], v)
		}
	}
	for _, row := range c.Table.Rows {
		if v, ok := want[row.Head]; !ok || row.Cells[0].Text != strconv.Itoa(int(v)) {
			t.Errorf("table row %s = %s, want %v", row.Head, row.Cells[0].Text, v)
		}
	}
	if !strings.Contains(c.Summary, "4974件") || !strings.Contains(c.Summary, "2165件（43.5%）") {
		t.Errorf("summary %q", c.Summary)
	}

	d := Outcomes(r, "unable")
	if d.ID != "outcomes-unable" || len(d.Table.Rows) != 3 {
		t.Fatalf("drill-down = %s with %d rows", d.ID, len(d.Table.Rows))
	}
	if od := decode(t, d); od.Series[0].Data[0].Value != 1808 || od.Series[0].Data[1].Value != 90 {
		t.Errorf("无法提供 reasons = %+v", od.Series[0].Data)
	}
}

func TestApplicantsMarksTheRecoveredCell(t *testing.T) {
	c := Applicants(nantong(t))
	var legal charts.Row
	for _, row := range c.Table.Rows {
		if strings.HasSuffix(row.Head, "法律服务机构") {
			legal = row
		}
	}
	if legal.Cells[0].Text != "5" || legal.Cells[0].Recovered != 1 {
		t.Errorf("法律服务机构 = %+v, want 5 recovered by rule 1", legal.Cells[0])
	}
	if !c.Table.HasRecovered() {
		t.Error("HasRecovered = false")
	}
	o := decode(t, c)
	var sum float64
	for _, d := range o.Series[0].Data {
		sum += d.Value
	}
	if sum != 4971 {
		t.Errorf("pie sums to %v, want 4971", sum)
	}
}

func TestOutcomesByApplicantBlanksStayBlank(t *testing.T) {
	c := OutcomesByApplicant(nantong(t))
	if !c.Table.HasBlank() {
		t.Error("no blank cell shown, yet 部分公开 has blank cells")
	}
	for _, row := range c.Table.Rows {
		if row.Head == "部分公开" && (row.Cells[2].Text != "—" || !row.Cells[2].Blank) {
			t.Errorf("部分公开/科研机构 = %+v, want blank", row.Cells[2])
		}
	}
	o := decode(t, c)
	if len(o.Series) != 6 {
		t.Fatalf("%d series, want 6 categories", len(o.Series))
	}
}

func TestAppealsShareCorrected(t *testing.T) {
	c := Appeals(nantong(t))
	review := c.Table.Rows[0]
	if review.Cells[1].Text != "18" || review.Cells[4].Text != "228" || review.Cells[5].Text != "8.2%" {
		t.Errorf("行政复议 row = %+v", review.Cells)
	}
	o := decode(t, c)
	if len(o.Series) != 4 || o.Series[1].Name != "结果纠正" || o.Series[1].Data[0].Value != 18 {
		t.Errorf("series = %+v", o.Series)
	}
}

func TestFlowBalances(t *testing.T) {
	r := nantong(t)
	c := Flow(r)
	if !strings.Contains(c.Summary, "勾稽关系成立") || !strings.Contains(c.Summary, "5077件") {
		t.Errorf("summary %q", c.Summary)
	}
	r.Requests["carried_over"][data.ColTotal] = data.Num(100)
	if c := Flow(r); !strings.Contains(c.Summary, "相差3件") {
		t.Errorf("broken flow summary %q", c.Summary)
	}
	o := decode(t, c)
	var out float64
	for _, l := range o.Series[0].Links {
		if l.Source == "本年需办理" {
			out += l.Value
		}
	}
	if out != 4974+103 {
		t.Errorf("links out of the pool sum to %v", out)
	}
}

func TestDisclosureKeepsValuesAsPrinted(t *testing.T) {
	c := Disclosure(nantong(t))
	var texts []string
	for _, row := range c.Table.Rows {
		texts = append(texts, row.Cells[2].Text)
	}
	joined := strings.Join(texts, " ")
	for _, want := range []string{"950125.6165万元", "-47", "4055284", "1138"} {
		if !strings.Contains(joined, want) {
			t.Errorf("table lacks %s: %s", want, joined)
		}
	}
	if !strings.Contains(c.Summary, "行政处罚，4055284件") {
		t.Errorf("summary %q", c.Summary)
	}
}

// A value the copy ran together with its row's others is shown as not
// readable, with what it may be; one the adjacent year settled says so.
func TestDisclosureUnreadable(t *testing.T) {
	r := nantong(t)
	row := &r.Disclosure[0] // 规章 1 1 6, as if copied "1116"
	row.Run, row.Candidates = "1116", [][]string{{"1", "1", "16"}, {"1", "11", "6"}}
	row.Values[1].Value, row.Values[1].Status = "", data.StatusUnreadable
	row.Values[2].Value, row.Values[2].Status = "11", data.StatusCrossYear
	if err := r.Validate(); err == nil {
		t.Fatal("a settled value that is no candidate's validated") // 11 is candidate 1's second value, not its third
	}
	row.Values[2].Value = "6"
	c := Disclosure(r)
	got := []string{c.Table.Rows[0].Cells[2].Text, c.Table.Rows[1].Cells[2].Text, c.Table.Rows[2].Cells[2].Text}
	want := []string{"1", "无法辨认（原文数字连写为“1116”，可能为 1、11）", "6（原文数字连写为“1116”，由相邻年度报告的现行有效件数关系确定）"}
	if !slices.Equal(got, want) {
		t.Errorf("cells %q, want %q", got, want)
	}
	if c.Table.Rows[1].Cells[2].Blank {
		t.Error("an unreadable value shown as a blank")
	}
}

func TestKeyFigures(t *testing.T) {
	fs := charts.KeyFigures(nantong(t))
	got := map[string]string{}
	for _, f := range fs {
		got[f.ID] = f.Value
	}
	want := map[string]string{"handled": "4974", "new": "4971", "open-rate": "50.1%", "carried-over": "103", "review": "228", "litigation": "199"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %s, want %s", k, got[k], v)
		}
	}
}

// The CSV of a table reads back as the table: the report's numbers, blanks
// empty, and every blank and recovered number named in 备注.
func TestTableCSV(t *testing.T) {
	r := nantong(t)
	app := Applicants(r).Table.CSV()
	if !bytes.HasPrefix(app, []byte("\uFEFF")) {
		t.Error("no UTF-8 byte-order mark")
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(app, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	tab := Applicants(r).Table
	if len(recs) != len(tab.Rows)+1 || recs[0][len(recs[0])-1] != "备注" || recs[0][0] != tab.Head[0] {
		t.Fatalf("header %q, %d lines for %d rows", recs[0], len(recs), len(tab.Rows))
	}
	var legal []string
	for _, rec := range recs {
		if strings.HasSuffix(rec[0], "法律服务机构") {
			legal = rec
		}
	}
	if legal == nil || legal[1] != "5" || !strings.Contains(legal[len(legal)-1], "推算（规则1）") {
		t.Errorf("法律服务机构 line %q, want 5 marked as recovered by rule 1", legal)
	}

	recs, err = csv.NewReader(bytes.NewReader(bytes.TrimPrefix(OutcomesByApplicant(r).Table.CSV(), []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs {
		if rec[0] == "部分公开" && (rec[3] != "" || !strings.Contains(rec[len(rec)-1], recs[0][3]+"：报告中为空白")) {
			t.Errorf("部分公开 line %q, want the blank empty and named in 备注", rec)
		}
	}
	for _, rec := range recs {
		if rec[0] == "予以公开" && rec[1] == "" {
			t.Errorf("予以公开 line %q lost its numbers", rec)
		}
	}
}
