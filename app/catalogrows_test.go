package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"nianbao/data"
	"nianbao/data/catalog"
)

// rowSlots name the fields of a catalog row by their slot constants.
var rowSlots = map[int]string{
	slotBodyHref: "bodyHref", slotBody: "body", slotReportHref: "reportHref", slotReportLabel: "reportLabel",
	slotYear: "year", slotLevel: "level", slotFormat: "format", slotStatusClass: "statusClass", slotStatus: "status",
	slotNew: "new", slotHandled: "handled", slotOpened: "opened", slotReview: "review", slotPressed: "pressed",
	slotDisabled: "disabled", slotButtonLabel: "buttonLabel", slotButton: "button", slotID: "id",
}

// TestRowSlotsMatchTheScript: the app packs a catalog row's fields in the
// order the site's script writes them (web/js/rows.js, run by Node here).
func TestRowSlotsMatchTheScript(t *testing.T) {
	rows, err := filepath.Abs(filepath.Join("..", "web", "js", "rows.js"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("node", "--input-type=module", "-e",
		`const {slots} = await import(process.argv[1]); console.log(JSON.stringify(slots));`, "file://"+rows).Output()
	if err != nil {
		t.Fatalf("node %s: %v", rows, err)
	}
	var js []string
	if err := json.Unmarshal(out, &js); err != nil {
		t.Fatalf("%s: %v", out, err)
	}
	goSide := make([]string, nSlots)
	for i := range nSlots {
		goSide[i] = rowSlots[i]
	}
	if len(rowSlots) != nSlots || !slices.Equal(js, goSide) {
		t.Errorf("the script writes %q, the app packs %q", js, goSide)
	}
}

// TestQueryMatchesTheScript: the catalog's search before the app runs
// (web/js/query.js, run by Node here) matches as the app's does.
func TestQueryMatchesTheScript(t *testing.T) {
	keys := "淮安市洪泽区人民政府 淮安市 洪泽区政府 洪泽区 淮安市洪澤區人民政府 hongzequ hzq 江苏省"
	cases := []struct {
		Q    string `json:"q"`
		Year int    `json:"year"`
	}{
		{"洪泽区政府", 2023}, {"HongZe", 2023}, {"hz", 2024}, {"淮安市洪澤區", 2024}, {"江苏", 2023},
		{"2024", 2023}, {"2024", 2024}, {"2024年", 2024}, {"洪泽 2024", 2024}, {"洪泽 南通", 2024},
		{"", 2024}, {"+2024", 2024}, {"0123", 2024}, {"  洪泽   ", 2023},
	}
	query, err := filepath.Abs(filepath.Join("..", "web", "js", "query.js"))
	if err != nil {
		t.Fatal(err)
	}
	in, _ := json.Marshal(cases)
	script := `const {parse, matches} = await import(process.argv[1]);
const cases = JSON.parse(process.argv[2]);
console.log(JSON.stringify(cases.map(c => matches(process.argv[3], c.year, parse(c.q)))));`
	out, err := exec.Command("node", "--input-type=module", "-e", script, "file://"+query, string(in), keys).Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var js []bool
	if err := json.Unmarshal(out, &js); err != nil {
		t.Fatalf("%s: %v", out, err)
	}
	b := &catalog.Body{Name: "淮安市洪泽区人民政府", Region: "淮安市", Search: keys}
	for i, c := range cases {
		got := parseQuery(c.Q).matches(b, &catalog.Entry{Year: c.Year})
		if got != js[i] {
			t.Errorf("%q in %d: the app says %v, the script %v", c.Q, c.Year, got, js[i])
		}
	}
}

// TestYearParamMatchesTheScript: the catalog's year in the address
// (?year=, the front page's 年度 links) passes the same reports before the
// app runs (web/js/query.js yearParam, run by Node here) as in the app.
func TestYearParamMatchesTheScript(t *testing.T) {
	params := []string{"", "2024", "2023", "+2024", "-5", "-0", "0", "abc", " 2024", "2024年", "2024.0",
		"99999999999999999999", "-99999999999999999999", "02024", "+", "-"}
	query, err := filepath.Abs(filepath.Join("..", "web", "js", "query.js"))
	if err != nil {
		t.Fatal(err)
	}
	in, _ := json.Marshal(params)
	script := `const {yearParam} = await import(process.argv[1]);
console.log(JSON.stringify(JSON.parse(process.argv[2]).map(yearParam)));`
	out, err := exec.Command("node", "--input-type=module", "-e", script, "file://"+query, string(in)).Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var js []float64
	if err := json.Unmarshal(out, &js); err != nil {
		t.Fatalf("%s: %v", out, err)
	}
	if len(js) != len(params) {
		t.Fatalf("the script read %d parameters of %d", len(js), len(params))
	}
	passes := func(y, year float64) bool { return y < 0 || year == y }
	for i, s := range params {
		for _, year := range []float64{0, 2023, 2024} {
			if app, script := passes(float64(yearParam(s)), year), passes(js[i], year); app != script {
				t.Errorf("?year=%q, a report of %v: the app passes it %v, the script %v", s, year, app, script)
			}
		}
	}
}

// scriptIndex is the directory of a small index for the script's tests:
// bodies of two levels and none, both templates, every consistency.
func scriptIndex(t *testing.T) []byte {
	t.Helper()
	x := &catalog.Index{
		Bodies: []catalog.Body{
			{ID: "hz", Name: "淮安市洪泽区人民政府", Level: "县区", Region: "淮安市", Search: "洪泽区 hongzequ hzq 江苏省"},
			{ID: "nt", Name: "南通市人民政府", Level: "市"},
			{ID: "pt", Name: "平潭综合实验区", Region: "平潭综合实验区", Search: "pingtan pt"},
		},
		Reports: []catalog.Entry{
			{ID: "hz-2024", Body: 0, Year: 2024, Format: data.Format2021, PrevYear: true},
			{ID: "hz-2023", Body: 0, Year: 2023, Format: data.Format2021, Findings: 2, Recovered: 1},
			{ID: "nt-2019-revised", Body: 1, Year: 2019, Format: data.Format2019, Recovered: 3, PrevYear: true},
			{ID: "pt-2022", Body: 2, Year: 2022, Format: data.Format2021, CrossYear: 1, PrevYear: true},
			{ID: "hz-2021", Body: 0, Year: 2021, Format: data.Format2021},
		},
	}
	dir, _, err := x.Split(2, func(i int, b []byte) string { return fmt.Sprintf("index/%d.json", i) })
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestFiltersMatchTheScript: the catalog's filters in the address (year,
// level, template, consistency) with a search pass the same reports before
// the app runs (web/js/query.js passes, run by Node here on the
// directory) as in the app's catalog (catalogFilter.match).
func TestFiltersMatchTheScript(t *testing.T) {
	dir := scriptIndex(t)
	x, err := catalog.ParseDirectory(dir)
	if err != nil {
		t.Fatal(err)
	}
	var cases []catalogFilter
	for _, q := range []string{"", "洪泽", "2024", "洪泽 2023", "南通", "pingtan", "hz 2021年"} {
		for _, year := range []string{"", "2024", "2019", "-1"} {
			for _, level := range []string{"", "县区", "市"} {
				for _, format := range []string{"", data.Format2019, data.Format2021} {
					for _, status := range []string{"", string(catalog.AllHold), string(catalog.NoPrevYear), string(catalog.HasRecovered), string(catalog.HasFindings)} {
						cases = append(cases, catalogFilter{Q: q, Year: year, Level: level, Format: format, Status: status, Page: 1})
					}
				}
			}
		}
	}
	type jsCase struct {
		Q      string `json:"q"`
		Year   string `json:"year"`
		Level  string `json:"level"`
		Format string `json:"format"`
		Status string `json:"status"`
	}
	in := make([]jsCase, len(cases))
	for i, f := range cases {
		in[i] = jsCase{f.Q, f.Year, f.Level, f.Format, f.Status}
	}
	casesJSON, _ := json.Marshal(in)
	query, err := filepath.Abs(filepath.Join("..", "web", "js", "query.js"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", "--input-type=module", "-e", `const {bodiesOf, parse, passes, yearParam} = await import(process.argv[1]);
const fs = await import("node:fs");
const bodies = bodiesOf(JSON.parse(fs.readFileSync(0, "utf8")));
console.log(JSON.stringify(JSON.parse(process.argv[2]).map((c) => {
  const f = {year: yearParam(c.year), level: c.level, format: c.format, status: c.status};
  const q = parse(c.q);
  return bodies.flatMap((b) => b.reports.filter((r) => passes(b, r, q, f)).map((r) => r.id)).sort();
})));`, "file://"+query, string(casesJSON))
	cmd.Stdin = bytes.NewReader(dir)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var js [][]string
	if err := json.Unmarshal(out, &js); err != nil || len(js) != len(cases) {
		t.Fatalf("%.200s: %v (%d answers for %d cases)", out, err, len(js), len(cases))
	}
	some := 0
	for i, f := range cases {
		n, page := f.match(x)
		app := []string{}
		for _, e := range page {
			app = append(app, e.ID)
		}
		slices.Sort(app)
		if n != len(page) {
			t.Fatalf("%+v: %d reports match, more than a page: the test's index is too big", f, n)
		}
		if !slices.Equal(app, js[i]) {
			t.Errorf("%+v: the app passes %q, the script %q", f, app, js[i])
		}
		if len(app) > 0 && len(app) < len(x.Reports) {
			some++
		}
	}
	if some < len(cases)/10 {
		t.Errorf("only %d of %d cases pass some reports and not others: the test's index does not tell", some, len(cases))
	}
}

// TestTheScriptReadsTheDirectory: the catalog's search over every body
// before the app runs (web/js/query.js bodiesOf, run by Node here) reads
// the directory the build writes as the app does: each body's search keys
// as the plain catalog's list has them (plainKeys) and its level, its
// reports' years, IDs, template versions and consistency in order, an ID
// that is not its body's and year's included, and a report listed after
// another body's.
func TestTheScriptReadsTheDirectory(t *testing.T) {
	dir := scriptIndex(t)
	d, err := catalog.ParseDirectory(dir)
	if err != nil {
		t.Fatal(err)
	}
	type report struct {
		Year   int    `json:"year"`
		ID     string `json:"id"`
		Format string `json:"format"`
		Status string `json:"status"`
	}
	type body struct {
		ID      string   `json:"id"`
		Name    string   `json:"name"`
		Level   string   `json:"level"`
		Keys    string   `json:"keys"`
		Reports []report `json:"reports"`
	}
	var want []body
	statuses := map[catalog.Consistency]bool{}
	for i := range d.Bodies {
		b := body{ID: d.Bodies[i].ID, Name: d.Bodies[i].Name, Level: d.Bodies[i].Level, Keys: plainKeys(&d.Bodies[i]), Reports: []report{}}
		for _, e := range d.Reports {
			if e.Body == i {
				b.Reports = append(b.Reports, report{e.Year, e.ID, e.Format, string(e.Consistency())})
				statuses[e.Consistency()] = true
			}
		}
		want = append(want, b)
	}
	if len(statuses) != len(catalog.Consistencies) {
		t.Errorf("the test's index has the consistencies %v: want every one", statuses)
	}
	query, err := filepath.Abs(filepath.Join("..", "web", "js", "query.js"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", "--input-type=module", "-e", `const {bodiesOf} = await import(process.argv[1]);
const fs = await import("node:fs");
console.log(JSON.stringify(bodiesOf(JSON.parse(fs.readFileSync(0, "utf8")))));`, "file://"+query)
	cmd.Stdin = bytes.NewReader(dir)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var js []body
	if err := json.Unmarshal(out, &js); err != nil {
		t.Fatalf("%s: %v", out, err)
	}
	if !reflect.DeepEqual(js, want) {
		t.Errorf("the script reads the directory as\n%+v\nthe app as\n%+v", js, want)
	}
	if len(want) != 3 || len(want[0].Reports) != 3 || want[1].Reports[0].ID != "nt-2019-revised" {
		t.Errorf("the app's reader gives %+v: the test's index is not what it checks", want)
	}
}
