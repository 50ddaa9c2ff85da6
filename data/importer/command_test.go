package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	report := filepath.Join(reportsDir, "hongze-district-2023.layout.txt")
	out := filepath.Join(dir, "hongze.json")
	var stdout, stderr bytes.Buffer
	if err := Command([]string{"-o", out, report}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout with -o: %q", stdout.String())
	}
	if !strings.Contains(stderr.String(), "finding: rule 4, 表四 review / total: printed 0, the rule wants 11") {
		t.Errorf("stderr lacks the table 四 finding: %s", stderr.String())
	}
	if st, err := os.Stat(out); err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("dataset not written 0644: %v %v", st, err)
	}

	stdout.Reset()
	if err := Command([]string{"--csv", report}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stdout.String(), "table,row,column,value,status\n") || !strings.Contains(stdout.String(), "四,review,total,0,printed\n") {
		t.Errorf("CSV: %s", stdout.String())
	}

	// Bad input: one message naming the file and the place, nothing on
	// stdout, no file left behind.
	bad := filepath.Join(dir, "cut.txt")
	b, _ := os.ReadFile(report)
	os.WriteFile(bad, b[:bytes.Index(b, []byte("四、政府信息公开行政复议"))], 0o644)
	stdout.Reset()
	out2 := filepath.Join(dir, "cut.json")
	err := Command([]string{"-o", out2, bad}, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), bad+":136: table 四: not a report in the national format: no table 四") {
		t.Errorf("err = %v", err)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout on bad input: %q", stdout.String())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("files left behind: %v", entries)
	}
}
