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

func TestBatch(t *testing.T) {
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "datasets")+"/"
	copyIn := func(dir, name string, b []byte) {
		os.MkdirAll(filepath.Join(in, dir), 0o755)
		if err := os.WriteFile(filepath.Join(in, dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range []string{"hongze-district-2023.layout.txt", "hongze-district-2024.layout.txt", "pingtan-zone-2024.html", "pingtan-zone-2025.html", "huaian-city-2024.layout.txt"} {
		copyIn("reports", n, readReport(t, n))
	}
	copyIn("reports", "notes.json", []byte("{}"))                                        // not a report's extension: not taken
	copyIn("more", "淮安市2024年报.txt", readReport(t, "huaian-city-2024.reading-order.txt")) // the same report again
	hz := readReport(t, "hongze-district-2024.layout.txt")
	copyIn("more", "cut.txt", hz[:bytes.Index(hz, []byte("四、政府信息公开行政复议"))])
	// The next year's report of 洪泽 carrying in what 2024 did not carry over.
	next := strings.NewReplacer("2024 年政府信息公开工作年度报告", "2025 年政府信息公开工作年度报告",
		"二、上年结转政府信息公开申请数量                              0    0         0     0   0   0     0",
		"二、上年结转政府信息公开申请数量                              2    0         0     0   0   0     2").Replace(string(hz))
	copyIn("more", "hongze-district-2025.layout.txt", []byte(next))

	var stderr bytes.Buffer
	err := Command([]string{"-o", out, filepath.Join(in, "reports"), filepath.Join(in, "more")}, io.Discard, &stderr)
	log := stderr.String()
	if err == nil || !strings.Contains(err.Error(), "2 of 8 reports refused") {
		t.Errorf("err = %v", err)
	}
	for _, want := range []string{
		"8 reports: 4 imported, 2 with findings, 2 refused\n",
		"  findings  " + filepath.Join(in, "reports", "hongze-district-2023.layout.txt") + " (text) → " + out + "hongze-district-2023.json: 2 (rule 4 ×2)\n",
		"  findings  " + filepath.Join(in, "more", "hongze-district-2025.layout.txt"),
		": 4 (rule 1 ×2, rule 5 ×2)\n",
		"  refused   " + filepath.Join(in, "more", "cut.txt") + ":132: table 四: not a report in the national format: no table 四",
		"  refused   " + filepath.Join(in, "more", "淮安市2024年报.txt") + ": the same report twice: 淮安市人民政府2024年 is already imported from " + filepath.Join(in, "reports", "huaian-city-2024.layout.txt"),
		"finding: rule 5, 表三 carried_in / natural_person: printed 2, " + filepath.Join(in, "reports", "hongze-district-2024.layout.txt") + "'s 结转下年度 (2024年) is 0",
	} {
		if !strings.Contains(log, want) {
			t.Errorf("stderr lacks %q", want)
		}
	}
	if strings.Contains(log, "\r") {
		t.Error("progress written to a stderr that is not a terminal")
	}
	reports, err := dataset.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) != 6 {
		t.Errorf("%d datasets written, want 6", len(reports))
	}
	if t.Failed() {
		t.Log(log)
	}

	// On a terminal, progress.
	defer func(f func(io.Writer) bool) { isTerminal = f }(isTerminal)
	isTerminal = func(io.Writer) bool { return true }
	stderr.Reset()
	if err := Command([]string{"-o", out, filepath.Join(in, "reports")}, io.Discard, &stderr); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr.String(), "\r\033[K[5/5] ") {
		t.Errorf("no progress: %q", stderr.String())
	}

	// One more year of a body whose other years are in the folder already.
	isTerminal = func(io.Writer) bool { return false }
	stderr.Reset()
	os.Remove(filepath.Join(out, "hongze-district-2025.json"))
	if err := Command([]string{"-o", out, "--id", "hongze-2025", filepath.Join(in, "more", "hongze-district-2025.layout.txt")}, io.Discard, &stderr); err != nil {
		t.Fatal(err)
	}
	if want := "'s 结转下年度 (2024年) is 0"; !strings.Contains(stderr.String(), want) || !strings.Contains(stderr.String(), "1 report: 0 imported, 1 with findings, 0 refused") {
		t.Errorf("stderr lacks the cross-year finding against the folder's 2024:\n%s", stderr.String())
	}
	if _, err := os.Stat(filepath.Join(out, "hongze-2025.json")); err != nil {
		t.Error(err)
	}

	// A dataset of another report already holds the ID a file name makes.
	stderr.Reset()
	other := filepath.Join(in, "other", "hongze-district-2024.layout.txt")
	os.MkdirAll(filepath.Dir(other), 0o755)
	os.WriteFile(other, []byte(strings.Replace(string(hz), "淮安市洪泽区人民政府", "淮安市清江浦区人民政府", 1)), 0o644)
	if err := Command([]string{"-o", out, other}, io.Discard, &stderr); err != nil {
		t.Fatal(err)
	}
	id := BodyID("淮安市清江浦区人民政府", 2024)
	if !strings.Contains(stderr.String(), "the ID hongze-district-2024 is taken by "+filepath.Join(out, "hongze-district-2024.json")+" (淮安市洪泽区人民政府2024年); this report is "+id) {
		t.Errorf("stderr: %s", stderr.String())
	}
	if r, err := dataset.ReadFile(filepath.Join(out, "hongze-district-2024.json")); err != nil || r.Body != "淮安市洪泽区人民政府" {
		t.Errorf("the dataset already there was overwritten: %v %v", r, err)
	}
	if _, err := os.Stat(filepath.Join(out, id+".json")); err != nil {
		t.Error(err)
	}
}
