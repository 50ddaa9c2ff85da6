package data

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// nantong is the shipped dataset of the default report, decoded and
// validated (package dataset tests reading it as a file).
func nantong(t testing.TB) *Report {
	t.Helper()
	r, err := Decode(nantongJSON(t))
	if err == nil {
		err = r.Validate()
	}
	if err != nil {
		t.Fatal(err)
	}
	return r
}

const B = -1 // blank, in the tables below

// Values typed from data/importer/testdata/nantong-city-2019.txt, with the two
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
		{TableRequests, "new", "legal_services", 5, 1},
		{TableRequests, "unable.needs_creation", "research", 1, 2},
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

// Each cross-check catches a table broken on purpose, at the right place.
func TestCheckCatchesBrokenTables(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(r *Report)
		want   Finding
	}{
		{"rule 1: carried over changed", func(r *Report) { r.Requests["carried_over"][ColNaturalPerson] = Num(84) },
			Finding{RuleCorner, TableRequests, "total", "natural_person", 4762, 4761}},
		{"rule 2: an outcome changed", func(r *Report) { r.Requests["granted"][ColBusiness] = Num(39) },
			Finding{RuleOutcomes, TableRequests, "total", "business", 148, 149}},
		{"rule 3: a row total changed", func(r *Report) { r.Requests["other"][ColTotal] = Num(112) },
			Finding{RuleRow, TableRequests, "other", "total", 112, 113}},
		{"rule 4: table 四 total zero", func(r *Report) { r.Appeals["review"][AppealTotal] = Num(0) },
			Finding{RuleAppeals, TableAppeals, "review", "total", 0, 228}},
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
			if RuleText(tt.want.Rule) == "" {
				t.Errorf("rule %d has no text", tt.want.Rule)
			}
		})
	}
}

// TestDecode: a pack's report, decoded without Parse's checks, is the
// report that was encoded; JSON that is not a whole report is refused.
func TestDecode(t *testing.T) {
	b, err := Encode(nantong(t))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if b2, _ := Encode(r); !bytes.Equal(b, b2) {
		t.Error("encode → decode → encode changed the report")
	}
	for _, bad := range []string{`{"id": "x"}`, `{"id": "x", "body": "b", "year": 2020, "format": "2019"}`, `[]`, `{"id": 1}`} {
		if _, err := Decode([]byte(bad)); err == nil {
			t.Errorf("Decode(%s) = nil error", bad)
		}
	}
}

// nantongJSON is the shipped dataset of the default report.
func nantongJSON(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("datasets", "nantong-city-2019"+".json"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The cross-year check compares this year's 上年结转 with last year's 结转下年度.
func TestCrossYear(t *testing.T) {
	prev, cur := nantong(t), nantong(t)
	cur.Year++
	if fs := CrossYear(prev, cur); len(fs) == 0 {
		t.Fatal("Nantong's 结转 (103) against its own 上年结转 (106): want findings")
	}
	for c := range RequestColumns {
		cur.Requests[RowCarriedIn.Key][c] = prev.Requests[RowCarriedOver.Key][c]
	}
	if fs := CrossYear(prev, cur); len(fs) != 0 {
		t.Errorf("findings %+v where the years agree", fs)
	}
	cur.Requests[RowCarriedIn.Key][ColBusiness] = Num(17)
	fs := CrossYear(prev, cur)
	want := Finding{RuleCrossYear, TableRequests, "carried_in", "business", 17, 16}
	if len(fs) != 1 || fs[0] != want {
		t.Errorf("findings %+v, want %+v", fs, want)
	}
	cur.Year++
	if fs := CrossYear(prev, cur); fs != nil {
		t.Errorf("a gap year checked: %+v", fs)
	}
}

// A broken cross-check marks every cell of its equation, and a cross-year
// finding the cell it is reported at.
func TestBrokenCells(t *testing.T) {
	prev, cur := nantong(t), nantong(t)
	cur.Year++
	cur.Appeals["review"][AppealTotal] = Num(0) // the results add up to 228
	cells := BrokenCells(cur, CrossYear(prev, cur))
	if f := cells[CellRef{TableAppeals, "review", AppealCorrected}]; f != (Finding{RuleAppeals, TableAppeals, "review", "total", 0, 228}) {
		t.Errorf("review/corrected is in %+v", f)
	}
	if len(cells) != len(AppealColumns)+len(CrossYear(prev, cur)) {
		t.Errorf("%d broken cells: %v", len(cells), cells)
	}
}
