package app

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
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
