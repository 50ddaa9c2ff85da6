package data

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func nantong(t testing.TB) *Report {
	t.Helper()
	files, err := Datasets()
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse(files[DefaultID])
	if err != nil {
		t.Fatal(err)
	}
	return r
}

const B = -1 // blank, in the tables below

// Values typed from ../shared/reports/nantong-city-2019.txt, with the two
// cells lost in that copy (row 一 法律服务机构 and row （四）2 科研机构) as
// the cross-checks prove them.
var nantongRequests = map[string][7]int64{
	"new":                      {4742, 161, 5, 41, 5, 17, 4971},
	"carried_in":               {103, 3, B, B, B, B, 106},
	"granted":                  {2100, 38, 4, 11, 5, 7, 2165},
	"partial":                  {301, 15, B, 3, B, 6, 325},
	"denied.state_secret":      {3, 1, B, B, B, B, 4},
	"denied.prohibited_by_law": {14, B, B, B, B, B, 14},
	"denied.three_safeties":    {1, B, B, B, B, B, 1},
	"denied.third_party":       {46, B, B, B, B, B, 46},
	"denied.internal_affairs":  {26, B, B, B, B, B, 26},
	"denied.process_info":      {32, 1, B, B, B, B, 33},
	"denied.enforcement_file":  {21, 2, B, B, B, B, 23},
	"denied.admin_query":       {96, 8, B, B, B, B, 104},
	"unable.not_held":          {1722, 73, B, 12, B, 1, 1808},
	"unable.needs_creation":    {77, B, 1, 12, B, B, 90},
	"unable.unclear":           {28, 2, B, B, B, B, 30},
	"declined.petition":        {126, 2, B, B, B, B, 128},
	"declined.duplicate":       {44, 3, B, B, B, B, 47},
	"declined.publication":     {3, B, B, B, B, B, 3},
	"declined.mass_repeat":     {5, B, B, B, B, B, 5},
	"declined.confirmation":    {9, B, B, B, B, B, 9},
	"other":                    {108, 3, B, 1, B, 1, 113},
	"total":                    {4762, 148, 5, 39, 5, 15, 4974},
	"carried_over":             {83, 16, B, 2, B, 2, 103},
}

func TestNantongDataset(t *testing.T) {
	r := nantong(t)
	if r.Body != "南通市人民政府" || r.Year != 2019 || r.Format != Format2019 || r.Published != "2020-03-10" {
		t.Errorf("header = %q %d %q %q", r.Body, r.Year, r.Format, r.Published)
	}
	if len(r.Requests) != len(nantongRequests) {
		t.Errorf("table 三 has %d rows, want %d", len(r.Requests), len(nantongRequests))
	}
	for key, want := range nantongRequests {
		for c, w := range want {
			got := r.Requests.Cell(key, c)
			if w == B {
				if got.Status != Blank {
					t.Errorf("三/%s/%s = %+v, want blank", key, RequestColumns[c].Key, got)
				}
				continue
			}
			if got.Status == Blank || got.Value != w {
				t.Errorf("三/%s/%s = %+v, want %d", key, RequestColumns[c].Key, got, w)
			}
		}
	}
	appeals := map[string][5]int64{
		"review":                  {131, 18, 70, 9, 228},
		"litigation_direct":       {79, 21, 12, 3, 115},
		"litigation_after_review": {66, 3, 13, 2, 84},
	}
	for key, want := range appeals {
		for c, w := range want {
			if got := r.Appeals.Cell(key, c); got.Status != Printed || got.Value != w {
				t.Errorf("四/%s/%s = %+v, want %d", key, AppealColumns[c].Key, got, w)
			}
		}
	}
	rec := RecoveredCells(r)
	wantRec := []RecoveredCell{
		{"三", "new", "legal_services", 5, 1},
		{"三", "unable.needs_creation", "research", 1, 2},
	}
	if len(rec) != len(wantRec) {
		t.Fatalf("recovered cells = %+v, want %+v", rec, wantRec)
	}
	for i := range rec {
		if rec[i] != wantRec[i] {
			t.Errorf("recovered cell %d = %+v, want %+v", i, rec[i], wantRec[i])
		}
	}
	if fs := Check(r); len(fs) != 0 {
		t.Errorf("Nantong 2019 breaks no cross-check once its lost cells are recovered; got %+v", fs)
	}
	var amount Quantity
	for _, row := range r.Disclosure {
		for _, q := range row.Values {
			if row.Key == "procurement" && q.Key == "amount" {
				amount = q
			}
		}
	}
	if amount.Value != "950125.6165" || amount.Unit != "万元" {
		t.Errorf("采购总金额 = %+v, want 950125.6165 万元", amount)
	}
	for _, k := range []string{SectionOverview, SectionProblems, SectionOther} {
		if s := r.Section(k); s == nil || len(s.Paragraphs) == 0 {
			t.Errorf("section %s missing or empty", k)
		}
	}
}

// Every number of the dataset's table 三 and 四 that is printed must stand in
// the report text; the recovered ones must not (they were lost in copying).
func TestNantongNumbersAreInTheReport(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("..", "..", "shared", "reports", "nantong-city-2019.txt"))
	if err != nil {
		t.Fatalf("the shared reports sit beside the repository: %v", err)
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
		for c := range RequestColumns {
			if cell := r.Requests.Cell(row.Key, c); cell.Status == Printed {
				ours = append(ours, itoa(cell.Value))
			}
		}
	}
	for _, row := range AppealRows {
		for c := range AppealColumns {
			ours = append(ours, itoa(r.Appeals.Cell(row.Key, c).Value))
		}
	}
	if strings.Join(ours, " ") != strings.Join(printed, " ") {
		t.Errorf("printed numbers differ from the report, in order:\n dataset %v\n report  %v", ours, printed)
	}
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

// Each cross-check catches a table broken on purpose, at the right place.
func TestCheckCatchesBrokenTables(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(r *Report)
		want   Finding
	}{
		{"rule 1: carried over changed", func(r *Report) { r.Requests["carried_over"][0] = Num(84) },
			Finding{1, "三", "total", "natural_person", 4762, 4761}},
		{"rule 2: an outcome changed", func(r *Report) { r.Requests["granted"][1] = Num(39) },
			Finding{2, "三", "total", "business", 148, 149}},
		{"rule 3: a row total changed", func(r *Report) { r.Requests["other"][6] = Num(112) },
			Finding{3, "三", "other", "total", 112, 113}},
		{"rule 4: table 四 total zero", func(r *Report) { r.Appeals["review"][4] = Num(0) },
			Finding{4, "四", "review", "total", 0, 228}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := nantong(t)
			tt.break_(r)
			fs := Check(r)
			found := false
			for _, f := range fs {
				if f == tt.want {
					found = true
				} else if f.Rule == tt.want.Rule {
					t.Errorf("unexpected finding %+v", f)
				}
			}
			if !found {
				t.Errorf("findings %+v lack %+v", fs, tt.want)
			}
			if !found || tt.want.Text() == "" || !strings.Contains(tt.want.Text(), "规则") {
				t.Errorf("finding text %q", tt.want.Text())
			}
		})
	}
}

func cells(vs ...int64) []Cell {
	out := make([]Cell, len(vs))
	for i, v := range vs {
		if v == B {
			out[i] = Cell{Status: Blank}
		} else {
			out[i] = Num(v)
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
	err := Recover(r.Requests, []ShortRow{
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
	if c := r.Requests["new"][4]; c.Status != Recovered || c.Rule != 1 || c.Value != 5 {
		t.Errorf("new/legal_services = %+v, want 5 recovered by rule 1", c)
	}
}

func TestRecoverRefusesToGuess(t *testing.T) {
	// Row 二 with one of its four blank cells vanished: the lost cell is 0
	// in every one of four columns, and nothing says which.
	r := nantong(t)
	before := cloneRequests(r.Requests)
	err := Recover(r.Requests, []ShortRow{{"carried_in", cells(103, 3, B, B, B, 106)}})
	if err == nil || !strings.Contains(err.Error(), "fillings fit") {
		t.Fatalf("err = %v, want a list of fillings", err)
	}
	// No placement fits numbers that break the checks in every column.
	r.Requests = cloneRequests(before)
	err = Recover(r.Requests, []ShortRow{{"new", cells(1, 1, 1, 1, 1, 1)}})
	if err == nil || !strings.Contains(err.Error(), "no placement") {
		t.Fatalf("err = %v, want no placement", err)
	}
	if *r.Requests["new"] != *before["new"] || *r.Requests["carried_in"] != *before["carried_in"] {
		t.Error("a failed recovery changed the table")
	}
}

func TestParseErrorsNameThePlace(t *testing.T) {
	files, _ := Datasets()
	good := string(files[DefaultID])
	tests := []struct {
		name, in, want string
	}{
		{"syntax", strings.Replace(good, `"year": 2019,`, `"year": 2019,,`, 1), "line 4, column"},
		{"truncated", good[:len(good)/2], "ends before the report does"},
		{"type", strings.Replace(good, `"year": 2019`, `"year": "2019"`, 1), "line 4"},
		{"missing row", strings.Replace(good, `"carried_over"`, `"carried_overx"`, 1), "row carried_over"},
		{"bad cell", strings.Replace(good, `"natural_person": 83`, `"natural_person": "83"`, 1), "not a whole number"},
		{"format", strings.Replace(good, `"format": "2019"`, `"format": "2020"`, 1), `format "2020"`},
		{"unknown field", strings.Replace(good, `"year": 2019`, `"yeer": 2019`, 1), "yeer"},
		{"empty", "", "ends before"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestDatasetRoundTrip(t *testing.T) {
	r := nantong(t)
	b, err := Encode(r)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := Encode(r2)
	if !bytes.Equal(b, b2) {
		t.Error("encode → parse → encode changed the dataset")
	}
	files, _ := Datasets()
	if !bytes.Equal(b, files[DefaultID]) {
		t.Error("the committed dataset is not in canonical form (data.Encode)")
	}
}

func TestWriteFileIsAtomic(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "r.json")
	r := nantong(t)
	if err := WriteFile(name, r); err != nil {
		t.Fatal(err)
	}
	r.Format = "bad"
	if err := WriteFile(name, r); err == nil || !strings.Contains(err.Error(), name) {
		t.Errorf("err = %v, want one naming %s", err, name)
	}
	got, err := ReadFile(name)
	if err != nil || got.Format != Format2019 {
		t.Errorf("a refused write changed the file: %v %v", got, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind %d files", len(entries))
	}
}

func TestRecoverBlanks(t *testing.T) {
	r := nantong(t)
	// A number the copy left blank: both its row and its column want 38.
	r.Requests["granted"][1] = Cell{Status: Blank}
	got := RecoverBlanks(r.Requests)
	if len(got) != 1 || got[0] != (RecoveredCell{"三", "granted", "business", 38, 2}) {
		t.Fatalf("recovered %+v, want 三/granted/business = 38 by rule 2", got)
	}
	if c := r.Requests["granted"][1]; c.Status != Recovered || c.Value != 38 {
		t.Errorf("cell = %+v", c)
	}
	// Blanks the checks do not need stay blank.
	if c := r.Requests["carried_in"][2]; c.Status != Blank {
		t.Errorf("carried_in/research = %+v, want blank", c)
	}
	// Two blanks in one row and one column: nothing tells them apart.
	r = nantong(t)
	r.Requests["denied.process_info"][0] = Cell{Status: Blank}
	r.Requests["denied.process_info"][1] = Cell{Status: Blank}
	if got := RecoverBlanks(r.Requests); len(got) != 0 {
		t.Errorf("recovered %+v from an ambiguous table", got)
	}
	// A published total that disagrees with its row is a finding, not a blank to fill.
	r = nantong(t)
	r.Requests["other"][6] = Num(112)
	if got := RecoverBlanks(r.Requests); len(got) != 0 {
		t.Errorf("recovered %+v where the report printed a wrong total", got)
	}
}
