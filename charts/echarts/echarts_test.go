package echarts

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"

	"nianbao/charts"
	"strings"
	"testing"

	"nianbao/data"
	"nianbao/data/dataset"
)

// marks are the marks of a report's numbers where the site holds no
// report of the body's year before.
func marks(r *data.Report) charts.Marks { return charts.MarksOf(r, nil, false) }

func nantong(t *testing.T) *data.Report {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "data", "datasets", "nantong-city-2019"+".json"))
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
	Aria    *struct{}
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

// Every chart: no ECharts ARIA (the page says the summary beside the
// chart, once; ECharts would say it again as the element's label),
// tooltip confined, no JS function anywhere in the option, and a table
// with a header and rows.
func TestEveryChartIsAccessibleAndCSPSafe(t *testing.T) {
	r := nantong(t)
	for _, c := range All(r, marks(r)) {
		o := decode(t, c)
		if o.Aria != nil {
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
	c := Outcomes(r, marks(r), "")
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
		if v, ok := want[row.Head]; !ok || row.Cells[0].Text != charts.Count(int64(v)) {
			t.Errorf("table row %s = %s, want %v", row.Head, row.Cells[0].Text, v)
		}
	}
	if want := "2019年共办理政府信息公开申请4,974件，其中予以公开2,165件（43.5%），部分公开325件（6.5%）；未能公开的结果中最多的是无法提供，1,928件（38.8%）。"; c.Summary != want {
		t.Errorf("summary %q, want %q", c.Summary, want)
	}

	d := Outcomes(r, marks(r), "unable")
	if d.ID != "outcomes-unable" || len(d.Table.Rows) != 3 {
		t.Fatalf("drill-down = %s with %d rows", d.ID, len(d.Table.Rows))
	}
	if od := decode(t, d); od.Series[0].Data[0].Value != 1808 || od.Series[0].Data[1].Value != 90 {
		t.Errorf("无法提供 reasons = %+v", od.Series[0].Data)
	}
}

func TestApplicantsMarksTheRecoveredCell(t *testing.T) {
	r := nantong(t)
	c := Applicants(r, marks(r))
	var legal charts.Row
	for _, row := range c.Table.Rows {
		if strings.HasSuffix(row.Head, "法律服务机构") {
			legal = row
		}
	}
	if want := (charts.Cell{Text: "5", Mark: charts.Mark{Kind: charts.MarkRecovered, Rule: 1, Reason: "复制时丢失，由规则1推算"}}); legal.Cells[0] != want {
		t.Errorf("法律服务机构 = %+v, want %+v", legal.Cells[0], want)
	}
	if !c.Table.Has(charts.MarkRecovered) {
		t.Error("no recovered cell")
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
	r := nantong(t)
	c := OutcomesByApplicant(r, marks(r))
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
	r := nantong(t)
	c := Appeals(r, marks(r))
	review := c.Table.Rows[0]
	if review.Cells[1].Text != "18" || review.Cells[4].Text != "228" || review.Cells[5].Text != "8.2%" || review.Cells[4].Mark.Kind != "" {
		t.Errorf("行政复议 row = %+v", review.Cells)
	}
	o := decode(t, c)
	if len(o.Series) != 4 || o.Series[1].Name != "结果纠正" || o.Series[1].Data[0].Value != 18 {
		t.Errorf("series = %+v", o.Series)
	}
}

func TestFlowBalances(t *testing.T) {
	r := nantong(t)
	c := Flow(r, marks(r))
	if want := "本年新收4,971件加上年结转106件（未核对：无上年报告，未能跨年度核对），共5,077件；本年办结4,974件，结转下年度103件，合计5,077件，两边相等，勾稽关系成立。"; c.Summary != want {
		t.Errorf("summary %q", c.Summary)
	}
	r.Requests["carried_over"][data.ColTotal] = data.Num(100)
	if c := Flow(r, marks(r)); !strings.Contains(c.Summary, "相差3件") {
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
	for _, want := range []string{"950125.6165万元", "-47", "4055284", "1138"} { // as printed
		if !strings.Contains(joined, want) {
			t.Errorf("table lacks %s: %s", want, joined)
		}
	}
	if !strings.Contains(c.Summary, "行政处罚，4,055,284件") {
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
	r := nantong(t)
	fs := charts.KeyFigures(r, marks(r))
	got := map[string]string{}
	for _, f := range fs {
		got[f.ID] = f.Value
	}
	want := map[string]string{"handled": "4,974", "new": "4,971", "open-rate": "50.1%", "carried-over": "103", "review": "228", "litigation": "199"}
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
	app := Applicants(r, marks(r)).Table.CSV()
	if !bytes.HasPrefix(app, []byte("\uFEFF")) {
		t.Error("no UTF-8 byte-order mark")
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(app, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	tab := Applicants(r, marks(r)).Table
	if len(recs) != len(tab.Rows)+1 || recs[0][len(recs[0])-1] != "备注" || recs[0][0] != tab.Head[0] {
		t.Fatalf("header %q, %d lines for %d rows", recs[0], len(recs), len(tab.Rows))
	}
	var legal []string
	for _, rec := range recs {
		if strings.HasSuffix(rec[0], "法律服务机构") {
			legal = rec
		}
	}
	if legal == nil || legal[1] != "5" || legal[len(legal)-1] != "件数：推算（规则1），复制时丢失，由规则1推算" {
		t.Errorf("法律服务机构 line %q, want 5 marked as recovered by rule 1", legal)
	}

	recs, err = csv.NewReader(bytes.NewReader(bytes.TrimPrefix(OutcomesByApplicant(r, marks(r)).Table.CSV(), []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs {
		if rec[0] == "部分公开" && (rec[3] != "" || rec[len(rec)-1] != "科研机构、法律服务机构：报告中为空白") {
			t.Errorf("部分公开 line %q, want the blank empty and named in 备注", rec)
		}
	}
	for _, rec := range recs {
		if rec[0] == "予以公开" && rec[1] == "" {
			t.Errorf("予以公开 line %q lost its numbers", rec)
		}
	}
}

// A year without requests, or whose requests were all granted in whole or
// in part, says so: no "最多的是，0件" naming nothing.
func TestOutcomesSummaryWithoutRefusals(t *testing.T) {
	// Every outcome row of table 三 at 0 in every column but 予以公开's,
	// at granted, and the row blank, left blank; 总计 (七) at granted.
	set := func(granted int64, blank string) *data.Report {
		r := nantong(t)
		for _, row := range r.Requests.OutcomeRows() {
			var c data.Cell
			if row.Key == blank {
				c.Status = data.Blank
			}
			if row.Key == "granted" {
				c.Value = granted
			}
			rr := data.RequestRow{}
			for i := range rr {
				rr[i] = c
			}
			r.Requests[row.Key] = &rr
		}
		r.Requests[data.RowTotal.Key][data.ColTotal] = data.Cell{Value: granted}
		return r
	}
	for _, tc := range []struct {
		granted int64
		blank   string
		want    string
	}{
		{0, "", "2019年共办理政府信息公开申请0件，各类办理结果均为0件。"},
		{0, "partial", "2019年共办理政府信息公开申请0件，各类办理结果均为0件或未填。"},
		{0, "declined.duplicate", "2019年共办理政府信息公开申请0件，各类办理结果均为0件或未填。"},
		{12, "", "2019年共办理政府信息公开申请12件，其中予以公开12件（100.0%），部分公开0件（0.0%）；其余各类办理结果均为0件。"},
		{12, "partial", "2019年共办理政府信息公开申请12件，其中予以公开12件（100.0%），部分公开未填；其余各类办理结果均为0件。"},
		{12, "declined.duplicate", "2019年共办理政府信息公开申请12件，其中予以公开12件（100.0%），部分公开0件（0.0%）；其余各类办理结果均为0件或未填。"},
	} {
		r := set(tc.granted, tc.blank)
		// Without the marks: the rows changed break the report's sums.
		if got := Outcomes(r, charts.Marks{}, "").Summary; got != tc.want {
			t.Errorf("granted %d, blank %q: %q, want %q", tc.granted, tc.blank, got, tc.want)
		}
	}
}
