package app

import (
	"encoding/json"

	"os/exec"
	"path/filepath"
	"slices"
	"testing"

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
