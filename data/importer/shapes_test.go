package importer

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"nianbao/data"
	"nianbao/data/dataset"
)

// appealsText replaces the numbers of table 四 in a one-cell-per-line copy
// (the 南通 web copy) with lines of its own.
func appealsText(t *testing.T, copy string, lines ...string) string {
	t.Helper()
	end := strings.Index(copy, "五、存在的主要问题及改进情况")
	start := strings.LastIndex(copy[:max(end, 0)], "总计\n\n")
	if start < 0 || end < 0 {
		t.Fatal("the 南通 copy's table 四 is not where the test expects it")
	}
	return copy[:start] + "总计\n\n" + strings.Join(lines, "\n") + "\n\n" + copy[end:]
}

// Shapes of real reports that the importer refused before it found tables
// by what they hold: each imports now, to the report the unaltered copy
// gives.
func TestShapesBodiesPublish(t *testing.T) {
	nantong := string(readReport(t, "nantong-city-2019.txt"))
	hongze := string(readReport(t, "hongze-district-2024.layout.txt"))
	renumber := strings.NewReplacer(
		"二、主动公开政府信息情况", "三、主动公开政府信息情况",
		"三、收到和处理政府信息公开申请情况", "四、收到和处理政府信息公开申请情况",
		"四、政府信息公开行政复议、行政诉讼情况", "五、政府信息公开行政复议、行政诉讼情况",
		"五、存在的主要问题及改进情况", "六、存在的主要问题及改进情况",
		"六、其他需要报告的事项", "七、其他需要报告的事项",
	)
	i := strings.Index(hongze, "     二、主动公开政府信息情况")
	added := hongze[:i] + "  二、重点领域信息公开情况\n  围绕乡村振兴、生态环境等重点领域，及时公开相关信息。\n" + hongze[i:]
	tests := []struct {
		name, from, in string
		body           string
		year           int
	}{
		{"title without 工作", "hongze-district-2024.layout.txt", strings.Replace(hongze, "2024 年政府信息公开工作年度报告", "2024 年政府信息公开年度报告", 1), "", 0},
		{"a department's title without 工作", "nantong-city-2019.txt", strings.Replace(nantong, "2019年南通市人民政府信息公开工作年度报告", "南通市财政局2019年度政府信息公开年度报告", 1), "南通市财政局", 2019},
		{"a typo in table 四's heading", "nantong-city-2019.txt", strings.Replace(nantong, "四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政法复议、行政诉讼情况", 1), "", 0},
		{"an added section, the tables renumbered", "hongze-district-2024.layout.txt", renumber.Replace(added), "", 0},
		{"table 二's heading dropped, 三 and 四 renumbered", "nantong-city-2019.txt", strings.NewReplacer(
			"二、主动公开政府信息情况", "",
			"三、收到和处理政府信息公开申请情况", "二、收到和处理政府信息公开申请情况",
			"四、政府信息公开行政复议、行政诉讼情况", "三、政府信息公开行政复议、行政诉讼情况").Replace(nantong), "", 0},
		{"table 二 after table 四", "nantong-city-2019.txt", moveDisclosure(t, nantong), "", 0},
		{"a copied portal page: other years' reports listed before the title", "hongze-district-2024.layout.txt",
			"首页 > 政务公开 > 政府信息公开年报\n淮安市洪泽区人民政府2023年政府信息公开工作年度报告\n淮安市洪泽区人民政府2022年政府信息公开工作年度报告\n\n" + hongze, "", 0},
		{"headings without numerals", "hongze-district-2024.layout.txt", regexp.MustCompile(`(?m)^(\s*)[一二三四五六]、(总体情况|主动公开|收到和处理|政府信息公开行政复议|存在的主要|其他需要)`).ReplaceAllString(hongze, "$1$2"), "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := importReport(t, tt.from).Report
			if tt.body != "" {
				want.Body, want.Year = tt.body, tt.year
			}
			imp, err := Import(tt.from, "", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if diff := sameReport(want, imp.Report, false); diff != "" {
				t.Errorf("differs:%s", diff)
			}
			for _, key := range []string{data.SectionOverview, data.SectionProblems, data.SectionOther} {
				ws, gs := want.Section(key), imp.Report.Section(key)
				if ws == nil || gs == nil || ws.Title != gs.Title || len(gs.Paragraphs) == 0 {
					t.Errorf("section %s: %+v, want %+v", key, gs, ws)
				}
			}
		})
	}
}

// A web copy whose table 四 has blank cells: the copy's empty lines place
// them where they account for every cell; where they do not, the error lists
// the fillings that keep cross-check 4.
func TestAppealsWithBlankCells(t *testing.T) {
	nantong := string(readReport(t, "nantong-city-2019.txt"))
	// review 3 · 1 · 4, litigation_direct all blank, litigation_after_review 1 · · · 1:
	// each blank cell one more empty line, as in the copy's table 三.
	copy := appealsText(t, nantong, "3", "", "", "1", "", "", "4", "", "", "", "", "", "", "1", "", "", "", "", "1")
	imp, err := Import("nantong-city-2019.txt", "", []byte(copy))
	if err != nil {
		t.Fatal(err)
	}
	if got := describeAppeals(appealCells(imp.Report)); got != "[review 3 · 1 · 4 | litigation_direct · · · · · | litigation_after_review 1 · · · 1]" {
		t.Errorf("table 四 = %s", got)
	}
	if !strings.Contains(strings.Join(imp.Warnings, "\n"), "empty lines place the blank cells") {
		t.Errorf("warnings %q", imp.Warnings)
	}

	// Blank lines collapsed: at most two in a row.
	collapsed := appealsText(t, nantong, "3", "", "", "1", "", "", "4", "", "", "1", "", "", "1")
	_, err = Import("nantong-city-2019.txt", "", []byte(collapsed))
	var e *Error
	if !errors.As(err, &e) || e.Table != data.TableAppeals || !errors.Is(err, ErrAmbiguous) {
		t.Fatalf("err = %v, want table 四 ambiguous", err)
	}
	for _, want := range []string{"5 numbers for 15 cells (3 1 4 1 1)", "[review 3 · 1 · 4 | litigation_direct · · · · · | litigation_after_review 1 · · · 1]"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v\nlacks %s", err, want)
		}
	}

	// All on one line, as a PDF's text has it: only cross-check 4 can place
	// them. 72 64 178 37 351 fits one group only, and the other numbers fit
	// no group: no filling.
	oneLine := appealsText(t, nantong, "72 64 178 37 351 13 4 8")
	_, err = Import("nantong-city-2019.txt", "", []byte(oneLine))
	if !errors.Is(err, ErrNoFit) || !strings.Contains(err.Error(), "8 numbers for 15 cells") {
		t.Errorf("err = %v", err)
	}
	// 5 2 7 0 fits one way only: 5 + 2 = 7 in a group whose other cells are
	// blank, the 0 a total of a group of blanks.
	oneLine = appealsText(t, nantong, "5 2 7 0")
	_, err = Import("nantong-city-2019.txt", "", []byte(oneLine))
	if !errors.Is(err, ErrAmbiguous) || !strings.Contains(err.Error(), "90 placements") || !strings.Contains(err.Error(), "and 82 more") {
		t.Errorf("err = %v", err)
	}
}

func appealCells(r *data.Report) []data.Cell {
	var cells []data.Cell
	for _, row := range data.AppealRows {
		cells = append(cells, r.Appeals[row.Key][:]...)
	}
	return cells
}

// File names that are not IDs, and --csv, import.
func TestIDsJustWork(t *testing.T) {
	dir := t.TempDir()
	b := readReport(t, "nantong-city-2019.txt")
	for _, name := range []string{"南通市2019年报.txt", "report_2019.txt", "Nantong City 2019.TXT"} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, b, 0o644)
		var stdout, stderr bytes.Buffer
		if err := Command([]string{path}, &stdout, &stderr); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		r, err := dataset.Parse(stdout.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s → %s", name, r.ID)
		stdout.Reset()
		if err := Command([]string{"--csv", path}, &stdout, &stderr); err != nil || !strings.HasPrefix(stdout.String(), "table,row,column") {
			t.Errorf("--csv %s: %v", name, err)
		}
	}
	r := &data.Report{Body: "南通市人民政府", Year: 2019}
	for name, want := range map[string]string{
		"南通市2019年报.txt":                       BodyID("南通市人民政府", 2019),
		"report_2019.txt":                     "report-2019",
		"Nantong City 2019.TXT":               "nantong-city-2019",
		"huaian-city-2024.reading-order.txt":  "gov-", // not this report's year
		"index.html":                          BodyID("南通市人民政府", 2019),
		"P020200310123456.pdf":                BodyID("南通市人民政府", 2019),
		"downloads/nantong-city-2019.txt":     "nantong-city-2019", // a folder in the name
		"nantong-city-2019.layout.txt":        "nantong-city-2019",
		"nantong-city-2019.reading-order.txt": "nantong-city-2019",
	} {
		got := makeID(name, r)
		if !data.ValidID(got) || !strings.HasPrefix(got, want) {
			t.Errorf("makeID(%q) = %q, want %q", name, got, want)
		}
	}
	if a, b := BodyID("南通市人民政府", 2019), BodyID("南通市人民政府", 2020); a[:12] != b[:12] || a == b {
		t.Errorf("one body's IDs %s, %s", a, b)
	}
	var stdout, stderr bytes.Buffer
	if err := Command([]string{"--id", "Bad_ID", filepath.Join(dir, "report_2019.txt")}, &stdout, &stderr); err == nil {
		t.Error("a bad --id was taken")
	}
}

// --body and --year supply what a report truly lacks.
func TestBodyAndYearFlags(t *testing.T) {
	nantong := string(readReport(t, "nantong-city-2019.txt"))
	untitled := strings.Replace(nantong, "2019年南通市人民政府信息公开工作年度报告", "政府信息公开工作年度报告", 1)
	_, err := Import("r.txt", "", []byte(untitled))
	if !errors.Is(err, ErrNoTitle) || !strings.Contains(err.Error(), "--body") {
		t.Fatalf("err = %v", err)
	}
	imp, err := ImportOptions("r.txt", []byte(untitled), Options{Body: "南通市人民政府", Year: 2019})
	if err != nil {
		t.Fatal(err)
	}
	if want := importReport(t, "nantong-city-2019.txt").Report; sameReport(want, imp.Report, true) != "" {
		t.Error("with --body and --year the report differs from the titled one")
	}
}

// moveDisclosure moves table 二 of the 南通 copy after its table 四.
func moveDisclosure(t *testing.T, s string) string {
	a := strings.Index(s, "二、主动公开政府信息情况")
	b := strings.Index(s, "三、收到和处理政府信息公开申请情况")
	c := strings.Index(s, "五、存在的主要问题及改进情况")
	if a < 0 || b < a || c < b {
		t.Fatal("the 南通 copy's parts are not where the test expects them")
	}
	return s[:a] + s[b:c] + s[a:b] + s[c:]
}
