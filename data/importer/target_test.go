package importer

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/data/dataset"
)

// The importer writes nothing a build refuses and replaces nothing but an
// earlier import of the same report: -o FILE overwrote an unrelated
// victim.txt; a second dataset of one body and year, under another name,
// was written with "0 refused" and the next build refused the folder; and
// -o out/third-2023.json held the ID hongze-district-2023.
func TestImportWritesWhatTheBuildTakes(t *testing.T) {
	report := filepath.Join(t.TempDir(), "other-name-2023.layout.txt")
	os.WriteFile(report, readReport(t, "hongze-district-2023.layout.txt"), 0o644)
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	unchanged := func(p, content string) {
		t.Helper()
		if b, err := os.ReadFile(p); err != nil || string(b) != content {
			t.Errorf("%s changed: %q %v", p, b, err)
		}
	}
	buildTakes := func(out string) {
		t.Helper()
		if _, err := dataset.ReadDir(out); err != nil {
			t.Errorf("the build would refuse %s: %v", out, err)
		}
	}
	run := func(args ...string) (string, error) {
		var stderr bytes.Buffer
		err := Command(args, io.Discard, &stderr)
		return stderr.String(), err
	}

	// -o FILE: not a dataset's name, or not a dataset there.
	victim := write("victim.txt", "notes\n")
	if _, err := run("-o", victim, report); err == nil || !strings.Contains(err.Error(), "a dataset's file is named ID.json") {
		t.Errorf("-o victim.txt: %v", err)
	}
	unchanged(victim, "notes\n")
	victimJSON := write("victim.json", "notes\n")
	if _, err := run("-o", victimJSON, report); err == nil || !strings.Contains(err.Error(), victimJSON+" holds something that is not a dataset: not overwritten") {
		t.Errorf("-o victim.json: %v", err)
	}
	unchanged(victimJSON, "notes\n")
	os.Remove(victimJSON)
	os.Remove(victim)

	// -o FILE names the report's ID; --id, given, must agree.
	out := filepath.Join(dir, "out")
	os.Mkdir(out, 0o755)
	third := filepath.Join(out, "third-2023.json")
	if _, err := run("-o", third, "--id", "hongze-district-2023", report); err == nil || !strings.Contains(err.Error(), "a dataset's file is named after its ID (hongze-district-2023.json)") {
		t.Errorf("-o third-2023.json --id hongze-district-2023: %v", err)
	}
	if _, err := run("-o", third, report); err != nil {
		t.Fatal(err)
	}
	if r, err := dataset.ReadFile(third); err != nil || r.ID != "third-2023" {
		t.Errorf("third-2023.json: %v %v", r, err)
	}
	buildTakes(out)
	// The same report again into the same file: replaced.
	if _, err := run("-o", third, report); err != nil {
		t.Errorf("the same report again: %v", err)
	}

	// The folder holds the report under another name: refused, alone or
	// in a batch, and the folder stays one the build takes.
	hongze := filepath.Join(out, "hongze-district-2023.json")
	if _, err := run("-o", hongze, report); err == nil || !strings.Contains(err.Error(), "淮安市洪泽区人民政府2023年 is already in "+third) {
		t.Errorf("-o hongze-district-2023.json beside third-2023.json: %v", err)
	}
	if _, err := os.Stat(hongze); err == nil {
		t.Error("hongze-district-2023.json written beside third-2023.json")
	}
	log, err := run("-o", out+"/", report)
	if err == nil || !strings.Contains(log, "1 report: 0 imported, 0 with findings, 1 refused") ||
		!strings.Contains(log, "  refused   "+report+": the same report twice: 淮安市洪泽区人民政府2023年 is already in "+third) {
		t.Errorf("batch beside third-2023.json: %v\n%s", err, log)
	}
	if _, err := os.Stat(filepath.Join(out, "other-name-2023.json")); err == nil {
		t.Error("other-name-2023.json written beside third-2023.json")
	}
	buildTakes(out)

	// A batch's file in the way that is not a dataset is not replaced.
	os.Remove(third)
	garbage := filepath.Join(out, "other-name-2023.json")
	os.WriteFile(garbage, []byte("notes\n"), 0o644)
	log, err = run("-o", out+"/", report)
	if err == nil || !strings.Contains(log, garbage+" holds something that is not a dataset: not overwritten") {
		t.Errorf("batch over notes: %v\n%s", err, log)
	}
	unchanged(garbage, "notes\n")
}
