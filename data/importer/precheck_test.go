package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nianbao/data"
	"nianbao/data/catalog"
)

// editDocx rewrites a .docx with its document's XML edited.
func editDocx(t *testing.T, b []byte, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "word/document.xml" {
			body = []byte(edit(string(body)))
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// replaceAfter replaces the first old after the first mark in s; the test
// fails where either is missing.
func replaceAfter(t *testing.T, s, mark, old, new string) string {
	t.Helper()
	i := strings.Index(s, mark)
	j := strings.Index(s[i+1:], old)
	if i < 0 || j < 0 {
		t.Fatalf("no %q after %q", old, mark)
	}
	j += i + 1
	return s[:j] + new + s[j+len(old):]
}

func notesOf(res PrecheckResult, kind string) []Note {
	var out []Note
	for _, n := range res.Notes {
		if n.Kind == kind {
			out = append(out, n)
		}
	}
	return out
}

// The check of a real report says what the import command prints, line
// for line, in the order of what to fix; the command's own lines are
// unchanged for the kinds it printed before.
func TestPrecheckSaysWhatImportPrints(t *testing.T) {
	for _, name := range []string{"hongze-district-2024.docx", "pingtan-zone-2025.html", "hongze-district-2023.md", filepath.Join("pingtan", "jjf-2023.page.txt"), "nantong-city-2019.txt"} {
		path := filepath.Join("testdata", name)
		var stdout, stderr bytes.Buffer
		if err := Command([]string{path}, &stdout, &stderr); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var cli []string
		for _, l := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
			if l != "" {
				cli = append(cli, strings.TrimPrefix(l, path+": "))
			}
		}
		res := Precheck(path, readReport(t, name), nil, nil)
		var got []string
		last := -1
		for _, n := range res.Notes {
			got = append(got, n.Line)
			k := slices.Index(NoteKinds, n.Kind)
			if k < last {
				t.Errorf("%s: note %q out of the order of what to fix", name, n.Line)
			}
			last = k
			if n.Text == "" || n.Kind != NoteWarning && n.Kind != NoteRecovered && n.Fix == "" {
				t.Errorf("%s: note %+v says nothing in Chinese", name, n)
			}
		}
		slices.Sort(cli)
		slices.Sort(got)
		if !slices.Equal(cli, got) {
			t.Errorf("%s:\nimport prints %q\nthe check says %q", name, cli, got)
		}
	}
}

// A number edited in a draft gives the finding of each check it breaks,
// both sides named and what would make it right.
func TestPrecheckEditedNumber(t *testing.T) {
	b := readReport(t, "pingtan-zone-2025.html")
	if res := Precheck("zone.html", b, nil, nil); len(notesOf(res, NoteCheck)) != 0 {
		t.Fatalf("the published report breaks checks: %+v", notesOf(res, NoteCheck))
	}
	// Row 一, 自然人: 151 → 152.
	edited := replaceAfter(t, string(b), "一、本年新收政府信息公开申请数量", "<p>151</p>", "<p>152</p>")
	checks := notesOf(Precheck("zone.html", []byte(edited), nil, nil), NoteCheck)
	var lines []string
	for _, n := range checks {
		lines = append(lines, n.Line)
	}
	want := []string{
		"finding: rule 1, 表三 total / natural_person: printed 147, the rule wants 148",
		"finding: rule 3, 表三 new / total: printed 154, the rule wants 155",
	}
	if !slices.Equal(lines, want) {
		t.Fatalf("edited 151 → 152: %q, want %q", lines, want)
	}
	n := checks[1]
	if n.Table != data.TableRequests || n.Row != "一、本年新收政府信息公开申请数量" || n.Column != "总计" ||
		!strings.Contains(n.Text, "印的是 154") || !strings.Contains(n.Text, "自然人 152") || !strings.Contains(n.Text, "＝ 155") ||
		!strings.Contains(n.Fix, "改为 155") {
		t.Errorf("rule 3's note: %+v", n)
	}
}

// Labels not the template's are named with the label found and the
// template's: a typo in table 四's header (行政法复议), a renamed row of
// table 三 (同意公开), a misspelt row of table 二, in .html and .docx.
func TestPrecheckLabels(t *testing.T) {
	html := string(readReport(t, "pingtan-zone-2025.html"))
	html = replaceAfter(t, html, "四、政府信息公开行政复议", "<p>行政复议</p>", "<p>行政法复议</p>")
	html = replaceAfter(t, html, "二、上年结转", "（一）予以公开", "（一）同意公开")
	html = replaceAfter(t, html, "第二十条", "行政规范性文件", "行政规范文件")
	docx := editDocx(t, readReport(t, "hongze-district-2024.docx"), func(s string) string {
		// Word splits the text into runs: 行政|复议, 2.其他法律行|政法规禁止公开.
		s = replaceAfter(t, s, "行政诉讼情况", ">复议<", ">法复议<")
		return replaceAfter(t, s, "国家秘密", ">政法规禁止公开<", ">攻法规禁止公开<")
	})
	tests := []struct {
		name string
		b    []byte
		want []string
	}{
		{"draft.html", []byte(html), []string{
			"表二的行名“行政规范文件”不是2021年版统一格式（国办公开办函〔2021〕30号）的“行政规范性文件”，这一行的数字因此没有读入。",
			"表三的行名印作“三、本年度办理结果（一）同意公开”，2021年版统一格式（国办公开办函〔2021〕30号）为“（一）予以公开”。",
			"表四的表头印作“行政法复议”，2021年版统一格式（国办公开办函〔2021〕30号）为“行政复议”。",
		}},
		{"draft.docx", docx, []string{
			"表三的行名印作“2.其他法律行攻法规禁止公开”，2021年版统一格式（国办公开办函〔2021〕30号）为“2.其他法律行政法规禁止公开”。",
			"表四的表头印作“行政法复议”，2021年版统一格式（国办公开办函〔2021〕30号）为“行政复议”。",
		}},
	}
	for _, tt := range tests {
		res := Precheck(tt.name, tt.b, nil, nil)
		var got []string
		for _, n := range notesOf(res, NoteLabel) {
			got = append(got, n.Text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: labels\n%q\nwant\n%q", tt.name, got, tt.want)
		}
	}
	// The real reports as published: none.
	for _, name := range []string{"pingtan-zone-2025.html", "hongze-district-2024.docx", "pingtan-zone-2025.md", "hongze-district-2023.md"} {
		if ls := notesOf(Precheck(name, readReport(t, name), nil, nil), NoteLabel); len(ls) != 0 {
			t.Errorf("%s as published: %+v", name, ls)
		}
	}
}

// Parts 五 and 六 that say only 无 (a signature after it aside), and the
// narrative's count against table 三, in a real report.
func TestPrecheckSectionsAndNarrative(t *testing.T) {
	res := Precheck("jjf-2023.page.txt", crawlerFile(t, "jjf-2023.page.txt"), nil, nil)
	secs := notesOf(res, NoteSection)
	if len(secs) != 1 || secs[0].Text != "第六部分“其他需要报告的事项”只写了“无”。" || !strings.Contains(secs[0].Fix, "信息处理费") {
		t.Errorf("sections: %+v", secs)
	}
	nar := notesOf(res, NoteNarrative)
	if len(nar) != 1 || nar[0].Text != "正文“2023年，共收到政府信息公开申请0条。”写的是 0，表三“一、本年新收政府信息公开申请数量”总计列印的是 3。" {
		t.Errorf("narrative: %+v", nar)
	}
}

// The cross-year check takes the body's previous report from the catalog
// index: its 总计 from the index alone, every column with the report
// whole; the pack it names is the previous report's.
func TestPrecheckCrossYear(t *testing.T) {
	zone24 := importReport(t, "pingtan-zone-2024.html").Report
	b := readReport(t, "pingtan-zone-2025.html")
	idx := &catalog.Index{Bodies: []catalog.Body{{ID: "pingtan-zone", Name: zone24.Body}},
		Reports: []catalog.Entry{catalog.NewEntry(zone24, 0, "r/pingtan-zone-2024.abc.json", nil)}}
	res := Precheck("zone.html", b, idx, zone24)
	if res.Prev != "r/pingtan-zone-2024.abc.json" || !res.PrevFull || len(notesOf(res, NoteCrossYear)) != 0 {
		t.Fatalf("平潭 2025 against 2024 as published: %+v", res)
	}
	// 上年结转 edited: 0 → 3 in 自然人 and 总计.
	s := replaceAfter(t, string(b), "二、上年结转", "<p>0</p>", "<p>3</p>")
	s = replaceAfter(t, s, "二、上年结转", "<p>0</p></td></tr>", "<p>3</p></td></tr>")
	res = Precheck("zone.html", []byte(s), idx, nil)
	cross := notesOf(res, NoteCrossYear)
	if res.PrevFull || len(cross) != 1 || cross[0].Column != "总计" {
		t.Fatalf("from the index: %+v", cross)
	}
	res = Precheck("zone.html", []byte(s), idx, zone24)
	if cross = notesOf(res, NoteCrossYear); len(cross) != 2 || cross[0].Column != "自然人" || !strings.Contains(cross[0].Text, "平潭综合实验区2024年政府信息公开工作年度报告") {
		t.Fatalf("with the report whole: %+v", cross)
	}
	// Another body's report is not the previous one.
	other := *zone24
	other.Body = "别的机关"
	if res = Precheck("zone.html", []byte(s), idx, &other); res.PrevFull {
		t.Error("another body's report taken for the previous year's")
	}
}

// What cannot be read says why in Chinese, and a PDF in the browser says
// to use the command line.
func TestPrecheckRefused(t *testing.T) {
	res := Precheck("x.txt", []byte("hello"), nil, nil)
	if len(res.Notes) != 1 || res.Notes[0].Kind != NoteRefused || !strings.Contains(res.Notes[0].Text, "没有找到统一格式的表格") {
		t.Errorf("text: %+v", res.Notes)
	}
	n := refusedNote(&Error{File: "a.pdf", Err: ErrPDFTool}, true)
	if !strings.Contains(n.Fix, "nianbao import") || !errors.Is(&Error{Err: ErrPDFTool}, ErrPDFTool) {
		t.Errorf("PDF in the browser: %+v", n)
	}
}
