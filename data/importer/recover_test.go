package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"nianbao/data"
	"nianbao/data/dataset"
)

const B = -1 // blank, in the tables below

// Every number of the dataset's table 三 and 四 that is printed must stand in
// the report text; the recovered ones must not (they were lost in copying).
func TestNantongNumbersAreInTheReport(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("testdata", "nantong-city-2019.txt"))
	if err != nil {
		t.Fatalf("the report text: %v", err)
	}
	start := bytes.Index(text, []byte("三、收到和处理政府信息公开申请情况"))
	end := bytes.Index(text, []byte("五、存在的主要问题及改进情况"))
	if start < 0 || end < start {
		t.Fatal("tables 三 and 四 not found in the report text")
	}
	var printed []string
	for _, line := range strings.Split(string(text[start:end]), "\n") {
		if s := strings.TrimSpace(strings.ReplaceAll(line, "\u00a0", "")); s != "" && strings.Trim(s, "0123456789") == "" {
			printed = append(printed, s)
		}
	}
	r := nantong(t)
	var ours []string
	for _, row := range r.Requests.Rows() {
		for c := range data.RequestColumns {
			if cell := r.Requests.Cell(row.Key, c); cell.Status == data.Printed {
				ours = append(ours, itoa(cell.Value))
			}
		}
	}
	for _, row := range data.AppealRows {
		for c := range data.AppealColumns {
			ours = append(ours, itoa(r.Appeals.Cell(row.Key, c).Value))
		}
	}
	if strings.Join(ours, " ") != strings.Join(printed, " ") {
		t.Errorf("printed numbers differ from the report, in order:\n dataset %v\n report  %v", ours, printed)
	}
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }
func cells(vs ...int64) []data.Cell {
	out := make([]data.Cell, len(vs))
	for i, v := range vs {
		if v == B {
			out[i] = data.Cell{Status: data.Blank}
		} else {
			out[i] = data.Num(v)
		}
	}
	return out
}

// Recovery from the rows as the web copy printed them marks the lost cells
// recovered, with the rule that proves them, and places the rest.
func TestRecoverNantongCopy(t *testing.T) {
	r := nantong(t)
	want := cloneRequests(r.Requests)
	delete(r.Requests, "new")
	delete(r.Requests, "unable.needs_creation")
	err := Recover(r.Requests, []shortRow{
		{"new", cells(4742, 161, 5, 41, 17, 4971)},
		{"unable.needs_creation", cells(77, B, 12, B, B, 90)},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"new", "unable.needs_creation"} {
		if *r.Requests[key] != *want[key] {
			t.Errorf("row %s = %+v, want %+v", key, *r.Requests[key], *want[key])
		}
	}
	if c := r.Requests["new"][4]; c.Status != data.Recovered || c.Rule != 1 || c.Value != 5 {
		t.Errorf("new/legal_services = %+v, want 5 recovered by rule 1", c)
	}
}

func TestRecoverRefusesToGuess(t *testing.T) {
	// Row 二 with one of its four blank cells vanished: the lost cell is 0
	// in every one of four columns, and nothing says which.
	r := nantong(t)
	before := cloneRequests(r.Requests)
	err := Recover(r.Requests, []shortRow{{"carried_in", cells(103, 3, B, B, B, 106)}})
	if err == nil || !strings.Contains(err.Error(), "fillings fit") {
		t.Fatalf("err = %v, want a list of fillings", err)
	}
	// No placement fits numbers that break the checks in every column.
	r.Requests = cloneRequests(before)
	err = Recover(r.Requests, []shortRow{{"new", cells(1, 1, 1, 1, 1, 1)}})
	if err == nil || !strings.Contains(err.Error(), "no placement") {
		t.Fatalf("err = %v, want no placement", err)
	}
	if *r.Requests["new"] != *before["new"] || *r.Requests["carried_in"] != *before["carried_in"] {
		t.Error("a failed recovery changed the table")
	}
}

// A row of zeros that lost one of them (金井片区 2023's 结转下年度, "000000"):
// which zero is lost is open, no value is, and each cell is proven by
// cross-check 1, so each is marked recovered.
func TestRecoverRowOfZeros(t *testing.T) {
	r := nantong(t)
	for _, k := range []string{"new", "carried_in", "total"} {
		*r.Requests[k] = data.RequestRow{}
	}
	for _, row := range r.Requests.OutcomeRows() {
		*r.Requests[row.Key] = data.RequestRow{}
	}
	delete(r.Requests, "carried_over")
	if err := Recover(r.Requests, []shortRow{{"carried_over", cells(0, 0, 0, 0, 0, 0)}}); err != nil {
		t.Fatal(err)
	}
	for c, cell := range r.Requests["carried_over"] {
		if cell != (data.Cell{Value: 0, Status: data.Recovered, Rule: 1}) {
			t.Errorf("carried_over/%s = %+v, want 0 recovered by rule 1", data.RequestColumns[c].Key, cell)
		}
	}
}

func TestRecoverBlanks(t *testing.T) {
	r := nantong(t)
	// A number the copy left blank: both its row and its column want 38.
	r.Requests["granted"][1] = data.Cell{Status: data.Blank}
	got := RecoverBlanks(r.Requests)
	if len(got) != 1 || got[0] != (data.RecoveredCell{Table: data.TableRequests, Row: "granted", Column: "business", Value: 38, Rule: 2}) {
		t.Fatalf("recovered %+v, want 三/granted/business = 38 by rule 2", got)
	}
	if c := r.Requests["granted"][1]; c.Status != data.Recovered || c.Value != 38 {
		t.Errorf("cell = %+v", c)
	}
	// Blanks the checks do not need stay blank.
	if c := r.Requests["carried_in"][2]; c.Status != data.Blank {
		t.Errorf("carried_in/research = %+v, want blank", c)
	}
	// Two blanks in one row and one column: nothing tells them apart.
	r = nantong(t)
	r.Requests["denied.process_info"][0] = data.Cell{Status: data.Blank}
	r.Requests["denied.process_info"][1] = data.Cell{Status: data.Blank}
	if got := RecoverBlanks(r.Requests); len(got) != 0 {
		t.Errorf("recovered %+v from an ambiguous table", got)
	}
	// A published total that disagrees with its row is a finding, not a blank to fill.
	r = nantong(t)
	r.Requests["other"][6] = data.Num(112)
	if got := RecoverBlanks(r.Requests); len(got) != 0 {
		t.Errorf("recovered %+v where the report printed a wrong total", got)
	}
}

// nantong is the shipped dataset of the default report.
func nantong(t testing.TB) *data.Report {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "datasets", "nantong-city-2019"+".json"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := dataset.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
