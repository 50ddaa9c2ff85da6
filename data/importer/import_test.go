package importer

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"nianbao/data"
	"nianbao/data/dataset"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// reportsDir holds the published reports the tests import (see testdata/README.md).
var reportsDir = "testdata"

func readReport(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(reportsDir, name))
	if err != nil {
		t.Fatalf("%v", err)
	}
	return b
}

func importReport(t testing.TB, name string) *Imported {
	t.Helper()
	imp, err := Import(name, "", readReport(t, name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return imp
}

// expected.json's own keys for table 三 rows.
var expectedRowKeys = map[string]string{
	"new": "new", "carry_in": "carried_in", "open": "granted", "partial": "partial",
	"deny_secret": "denied.state_secret", "deny_law": "denied.prohibited_by_law", "deny_safety": "denied.three_safeties",
	"deny_third_party": "denied.third_party", "deny_internal": "denied.internal_affairs", "deny_process": "denied.process_info",
	"deny_enforcement": "denied.enforcement_file", "deny_query": "denied.admin_query",
	"unable_not_held": "unable.not_held", "unable_need_create": "unable.needs_creation", "unable_unclear": "unable.unclear",
	"noproc_petition": "declined.petition", "noproc_repeat": "declined.duplicate", "noproc_publication": "declined.publication",
	"noproc_mass": "declined.mass_repeat", "noproc_confirm": "declined.confirmation",
	"other": "other", "other_no_correction": "other.no_correction", "other_no_fee": "other.no_fee", "other_other": "other.other",
	"total": "total", "carry_out": "carried_over",
}

var expectedAppealRows = map[string]string{"行政复议": "review", "未经复议直接起诉": "litigation_direct", "复议后起诉": "litigation_after_review"}

type expectedReport struct {
	Agency  string                        `json:"agency"`
	Year    int                           `json:"year"`
	Table2  map[string]json.RawMessage    `json:"table2"`
	Table3  map[string][7]int64           `json:"table3"`
	Table4  map[string]map[string]int64   `json:"table4"`
	Table4P map[string]map[string]int64   `json:"table4_as_printed"`
	Extra   map[string]map[string]float64 `json:"-"`
}

// Every PDF report imports with every number as expected.json has it (each
// of those values also keeps the cross-checks, or breaks them exactly where
// expected.json says the report does).
func TestImportMatchesExpected(t *testing.T) {
	var all map[string]json.RawMessage
	if err := json.Unmarshal(readReport(t, "expected.json"), &all); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"huaian-city-2024.layout.txt", "huaian-city-2024.reading-order.txt", "hongze-district-2023.layout.txt", "hongze-district-2024.layout.txt"} {
		t.Run(name, func(t *testing.T) {
			key := name
			if strings.Contains(name, "reading-order") {
				key = "huaian-city-2024.layout.txt" // the same report
			}
			var want expectedReport
			if err := json.Unmarshal(all[key], &want); err != nil {
				t.Fatal(err)
			}
			r := importReport(t, name).Report
			if r.Body != want.Agency || r.Year != want.Year || r.Format != data.Format2021 {
				t.Errorf("header = %s %d %s, want %s %d 2021", r.Body, r.Year, r.Format, want.Agency, want.Year)
			}
			if len(want.Table3) < 23 {
				t.Fatalf("expected.json: table 三 has %d rows", len(want.Table3))
			}
			if len(r.Requests) != len(want.Table3) {
				t.Errorf("table 三 has %d rows, want %d", len(r.Requests), len(want.Table3))
			}
			for ek, vals := range want.Table3 {
				row, ok := expectedRowKeys[ek]
				if !ok {
					t.Fatalf("expected.json: table 三 row %q is not a known key", ek)
				}
				for c, v := range vals {
					if got := r.Requests.Cell(row, c); got.Status != data.Printed || got.Value != v {
						t.Errorf("三/%s/%s = %+v, want %d", row, data.RequestColumns[c].Key, got, v)
					}
				}
			}
			t4 := want.Table4
			if t4 == nil {
				t4 = want.Table4P
			}
			if len(t4) != len(data.AppealRows) {
				t.Fatalf("expected.json: table 四 has %d rows", len(t4))
			}
			for label, cols := range t4 {
				for c, col := range data.AppealColumns {
					v, ok := cols[col.Label]
					if !ok {
						t.Fatalf("expected.json: 四/%s has no %s", label, col.Label)
					}
					if got := r.Appeals.Cell(expectedAppealRows[label], c); got.Status != data.Printed || got.Value != v {
						t.Errorf("四/%s/%s = %+v, want %d printed", label, col.Key, got, v)
					}
				}
			}
			unmarshal := func(key string, v any) {
				t.Helper()
				if err := json.Unmarshal(want.Table2[key], v); err != nil {
					t.Fatalf("expected.json: table2 %s: %v", key, err)
				}
			}
			var regs map[string]int64
			unmarshal("规章", &regs)
			if len(regs) != 3 {
				t.Fatalf("expected.json: 规章 has %d values", len(regs))
			}
			got := map[string]string{}
			for _, row := range r.Disclosure {
				for _, q := range row.Values {
					got[row.Label+"/"+q.Label] = q.Value
				}
			}
			for col, v := range regs {
				if got["规章/"+col] != fmt.Sprint(v) {
					t.Errorf("二/规章/%s = %q, want %d", col, got["规章/"+col], v)
				}
			}
			for _, label := range []string{"行政许可", "行政处罚", "行政强制"} {
				var v int64
				unmarshal(label, &v)
				if got[label+"/本年处理决定数量"] != fmt.Sprint(v) {
					t.Errorf("二/%s = %q, want %d", label, got[label+"/本年处理决定数量"], v)
				}
			}
			var fee json.Number
			unmarshal("行政事业性收费_万元", &fee)
			if got["行政事业性收费/本年收费金额（单位：万元）"] != fee.String() {
				t.Errorf("二/行政事业性收费 = %q, want %s", got["行政事业性收费/本年收费金额（单位：万元）"], fee)
			}
		})
	}
}

func TestHongze2023FindingIsReportedNotFixed(t *testing.T) {
	r := importReport(t, "hongze-district-2023.layout.txt").Report
	want := []data.Finding{{Rule: 4, Table: data.TableAppeals, Row: "review", Column: "total", Printed: 0, Want: 11}, {Rule: 4, Table: data.TableAppeals, Row: "litigation_after_review", Column: "total", Printed: 0, Want: 5}}
	got := data.Check(r)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("findings = %+v, want %+v", got, want)
	}
	if r.Appeals["review"][4] != data.Num(0) {
		t.Error("the printed 0 was changed")
	}
	if r.Requests.OtherSplit() {
		t.Error("（六）其他处理 is printed as one row")
	}
}

func TestReadingOrderEqualsLayout(t *testing.T) {
	a := importReport(t, "huaian-city-2024.layout.txt")
	b := importReport(t, "huaian-city-2024.reading-order.txt")
	a.Report.Source, b.Report.Source = "", ""
	ja, _ := json.Marshal(struct{ R, A, D any }{a.Report.Requests, a.Report.Appeals, a.Report.Disclosure})
	jb, _ := json.Marshal(struct{ R, A, D any }{b.Report.Requests, b.Report.Appeals, b.Report.Disclosure})
	if !bytes.Equal(ja, jb) {
		t.Errorf("tables differ:\n layout  %s\n reading %s", ja, jb)
	}
	if len(b.Warnings) != 1 || !strings.Contains(b.Warnings[0], "reassembled") {
		t.Errorf("warnings = %q", b.Warnings)
	}
}

// The shipped datasets are the importer's current output for their sources.
func TestShippedDatasetsAreCurrent(t *testing.T) {
	files, err := shipped()
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 4 {
		t.Errorf("%d datasets shipped, want one per test report", len(files))
	}
	for id, b := range files {
		r, err := dataset.Parse(b)
		if err != nil {
			t.Fatal(err)
		}
		imp, err := Import(r.Source, id, readReport(t, r.Source))
		if err != nil {
			t.Fatalf("%s: %v", r.Source, err)
		}
		fresh, _ := data.Encode(imp.Report)
		if !bytes.Equal(fresh, b) {
			t.Errorf("data/datasets/%s.json differs from `go run . import -o … data/importer/testdata/%s`; regenerate it", id, r.Source)
		}
	}
}

// pingtanSite is the datasets of the 平潭 site, from the repository's top.
var pingtanSite = filepath.Join("..", "..", "sites", "pingtan", "datasets")

// The 平潭 site's datasets are the importer's current output too: the
// archive imported as one batch (the batch settles table 二 across the
// years), and the zone's own two reports as data/datasets has them. As
// the README says:
//
//	go run . import -o sites/pingtan/datasets/ --id-prefix pingtan- data/importer/testdata/pingtan/
//	go run . import -o sites/pingtan/datasets/pingtan-zone-2024.json data/importer/testdata/pingtan-zone-2024.html
//	go run . import -o sites/pingtan/datasets/pingtan-zone-2025.json data/importer/testdata/pingtan-zone-2025.html
func TestPingtanSiteIsCurrent(t *testing.T) {
	out := t.TempDir()
	err := Command([]string{"-o", out + "/", "--id-prefix", "pingtan-", filepath.Join(reportsDir, "pingtan")}, io.Discard, io.Discard)
	if err == nil || err.Error() != "2 of 103 reports refused" {
		t.Errorf("the archive's batch: %v, want 2 of 103 refused (see README, Data: the 平潭 archive)", err)
	}
	for _, id := range []string{"pingtan-zone-2024", "pingtan-zone-2025"} {
		src := filepath.Join(reportsDir, id+".html")
		if err := Command([]string{"-o", filepath.Join(out, id+".json"), src}, io.Discard, io.Discard); err != nil {
			t.Fatal(err)
		}
	}
	fresh, _ := filepath.Glob(filepath.Join(out, "*.json"))
	ship, _ := filepath.Glob(filepath.Join(pingtanSite, "*.json"))
	if len(ship) != len(fresh) || len(ship) < 100 {
		t.Errorf("%d datasets shipped in sites/pingtan/datasets, %d imported", len(ship), len(fresh))
	}
	for _, f := range fresh {
		want, _ := os.ReadFile(f)
		got, err := os.ReadFile(filepath.Join(pingtanSite, filepath.Base(f)))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("sites/pingtan/datasets/%s differs from the importer's output (%v); regenerate it", filepath.Base(f), err)
		}
	}
	if _, err := dataset.ReadDir(pingtanSite); err != nil {
		t.Error(err)
	}
}

func TestNarrativeAndMetadata(t *testing.T) {
	r := importReport(t, "huaian-city-2024.layout.txt").Report
	ov := r.Section(data.SectionOverview)
	if ov == nil || len(ov.Paragraphs) != 6 || !strings.HasPrefix(ov.Paragraphs[1], "（一）主动公开情况。2024年，市政府网站主动公开各类政府信息5500余条") {
		t.Errorf("overview = %+v", ov)
	}
	other := r.Section(data.SectionOther)
	if other == nil || !strings.Contains(other.Paragraphs[0], "信息处理费3940元") {
		t.Errorf("section 六 = %+v", other)
	}
	if r.Published != "" {
		t.Errorf("published = %q; the PDF gives no date", r.Published)
	}
	n := importReport(t, "nantong-city-2019.txt").Report
	if n.Published != "2020-03-10" || n.Body != "南通市人民政府" {
		t.Errorf("Nantong header: %q %q", n.Published, n.Body)
	}
}

// reportHTML renders a report as a portal page would: narrative in <p>,
// tables as <table>, in the given charset.
func reportHTML(r *data.Report, declare bool) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head>")
	if declare {
		b.WriteString(`<meta http-equiv="Content-Type" content="text/html; charset=gbk">`)
	}
	fmt.Fprintf(&b, "<title>%s_门户网站</title></head><body><h1>%s</h1><p>发布时间：%s</p>", r.Title(), r.Title(), r.Published)
	for _, s := range r.Sections {
		if s.Key != data.SectionOverview {
			continue
		}
		fmt.Fprintf(&b, "<h2>%s</h2>", s.Title)
		for _, p := range s.Paragraphs {
			fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(p))
		}
	}
	b.WriteString("<h2>二、主动公开政府信息情况</h2>")
	item := ""
	for _, row := range r.Disclosure {
		if row.Item != item {
			if item != "" {
				b.WriteString("</table>")
			}
			item = row.Item
			fmt.Fprintf(&b, "<table><tr><td colspan=4>%s</td></tr><tr><td>信息内容</td>", item)
			for _, q := range row.Values {
				fmt.Fprintf(&b, "<td>%s</td>", q.Label)
			}
			b.WriteString("</tr>")
		}
		fmt.Fprintf(&b, "<tr><td>%s</td>", row.Label)
		for _, q := range row.Values {
			fmt.Fprintf(&b, "<td>%s%s</td>", q.Value, q.Unit)
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</table><h2>三、收到和处理政府信息公开申请情况</h2><table>")
	b.WriteString("<tr><td rowspan=3>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan=7>申请人情况</td></tr>")
	b.WriteString("<tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr><tr>")
	for _, c := range data.RequestColumns[1:6] {
		fmt.Fprintf(&b, "<td>%s</td>", c.Label)
	}
	b.WriteString("</tr>")
	for _, row := range r.Requests.Rows() {
		fmt.Fprintf(&b, "<tr><td>%s</td>", row.Label)
		for c := range data.RequestColumns {
			cell := r.Requests.Cell(row.Key, c)
			if cell.Status == data.Blank {
				b.WriteString("<td></td>")
			} else {
				fmt.Fprintf(&b, "<td>%d</td>", cell.Value)
			}
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</table><h2>四、政府信息公开行政复议、行政诉讼情况</h2><table><tr><td colspan=5>行政复议</td><td colspan=10>行政诉讼</td></tr><tr>")
	for _, row := range data.AppealRows {
		for c := range data.AppealColumns {
			fmt.Fprintf(&b, "<td>%d</td>", r.Appeals.Cell(row.Key, c).Value)
		}
	}
	b.WriteString("</tr></table><h2>五、存在的主要问题及改进情况</h2><p>无。</p><h2>六、其他需要报告的事项</h2><p>无。</p></body></html>")
	return b.String()
}

// An HTML page in GBK, declared or not, imports to the same tables.
func TestImportHTMLInGBK(t *testing.T) {
	for _, id := range []string{"nantong-city-2019", "huaian-city-2024"} {
		files, _ := shipped()
		want, err := dataset.Parse(files[id])
		if err != nil {
			t.Fatal(err)
		}
		for _, declare := range []bool{true, false} {
			// A page prints every number: what the text copy lost is printed here.
			for _, row := range want.Requests {
				for c := range row {
					if row[c].Status == data.Recovered {
						row[c] = data.Num(row[c].Value)
					}
				}
			}
			page, err := simplifiedchinese.GBK.NewEncoder().String(reportHTML(want, declare))
			if err != nil {
				t.Fatal(err)
			}
			imp, err := Import(id+".html", "", []byte(page))
			if err != nil {
				t.Fatalf("%s (charset declared %v): %v", id, declare, err)
			}
			got := imp.Report
			ja, _ := json.Marshal([]any{want.Requests, want.Appeals, want.Disclosure, want.Body, want.Year, want.Published, want.Format})
			jb, _ := json.Marshal([]any{got.Requests, got.Appeals, got.Disclosure, got.Body, got.Year, got.Published, got.Format})
			if !bytes.Equal(ja, jb) {
				t.Errorf("%s (charset declared %v):\n want %s\n got  %s", id, declare, ja, jb)
			}
		}
	}
}

func TestBadInputNamesWhatAndWhere(t *testing.T) {
	nantong := string(readReport(t, "nantong-city-2019.txt"))
	huaian := string(readReport(t, "huaian-city-2024.layout.txt"))
	cut := func(s, at string) string { return s[:strings.Index(s, at)] }
	tests := []struct {
		name, in string
		table    data.Table
		cause    error
		what     string
	}{
		{"empty", "", "", ErrEmpty, "empty"},
		{"blank", " \n\n ", "", ErrEmpty, "empty"},
		{"not a report", "今天天气很好。\n我们去公园散步。\n", data.TableRequests, ErrNotReport, "本年新收"},
		{"no table 三", strings.Replace(nantong, "一、本年新收政府信息公开申请数量", "一、其他", 1), data.TableRequests, ErrNotReport, "本年新收"},
		{"no table 四", nantong[:strings.Index(nantong, "四、政府信息公开行政复议")] + nantong[strings.Index(nantong, "五、存在的主要问题"):], data.TableAppeals, ErrNotReport, "no table 四"},
		{"cut off in table 三", cut(huaian, "（七）总计"), data.TableAppeals, ErrNotReport, "no table 四"},
		{"cut off in table 四", cut(huaian, "12   1     1    6       20"), data.TableAppeals, ErrAmbiguous, "10 numbers for 15 cells"},
		{"rows missing", strings.Replace(huaian, "2.重复申请                   25        0        0         0        0         0    25", "", 1), data.TableRequests, ErrCells, "rows of numbers"},
		{"not UTF-8 or GBK", "\xfd\xfe\x80\x81\xff", "", ErrEncoding, "neither"},
		{"no title", strings.Replace(nantong, "2019年南通市人民政府信息公开工作年度报告", "", 1), "", ErrNoTitle, "--body"},
		{"no template headers", strings.NewReplacer("制作数量", "", "上一年项目数量", "", "采购总金额", "").Replace(nantong), data.TableDisclosure, ErrFormat, "neither template"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Import("r.txt", "", []byte(tt.in))
			var ie *Error
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v, want an *Error", err)
			}
			if ie.File != "r.txt" || ie.Table != tt.table || !errors.Is(err, tt.cause) || !strings.Contains(err.Error(), tt.what) {
				t.Errorf("err = %q (%+v), want table %q, cause %q: …%s…", err, ie, tt.table, tt.cause, tt.what)
			}
		})
	}
}

func TestCSV(t *testing.T) {
	r := importReport(t, "nantong-city-2019.txt").Report
	var b bytes.Buffer
	if err := WriteCSV(&b, r); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if lines[0] != "table,row,column,value,status" {
		t.Errorf("header %q", lines[0])
	}
	for _, want := range []string{
		"三,new,legal_services,5,recovered", "三,carried_in,research,,blank", "三,total,total,4974,printed",
		"四,review,total,228,printed", "二,procurement,amount,950125.6165万元,printed", "二,licensing,change,-47,printed",
	} {
		if !strings.Contains(b.String(), want+"\n") {
			t.Errorf("CSV lacks %s", want)
		}
	}
	if want := 1 + 22 + 23*7 + 15; len(lines) != want {
		t.Errorf("%d lines, want %d", len(lines), want)
	}
}

// roundTrip checks what encoding/csv's FuzzRoundtrip checks: a report the
// importer made survives its dataset file (data.Encode, then data.Parse) as
// the same report, and encodes again to the same bytes.
func roundTrip(t *testing.T, imp *Imported) {
	t.Helper()
	if err := imp.Report.Validate(); err != nil {
		t.Fatalf("an import that succeeded is invalid: %v", err)
	}
	data.Check(imp.Report)
	js, err := data.Encode(imp.Report)
	if err != nil {
		t.Fatalf("Encode: %v", err)
	}
	back, err := dataset.Parse(js)
	if err != nil {
		t.Fatalf("Parse of the encoded import: %v\n%s", err, js)
	}
	if !reflect.DeepEqual(back, imp.Report) {
		t.Fatalf("the report changed through its dataset:\n got  %+v\n want %+v", back, imp.Report)
	}
	again, err := data.Encode(back)
	if err != nil || !bytes.Equal(again, js) {
		t.Fatalf("encoded again differently (%v):\n%s\n%s", err, js, again)
	}
}

func FuzzImport(f *testing.F) {
	for _, name := range []string{"nantong-city-2019.txt", "huaian-city-2024.layout.txt", "huaian-city-2024.reading-order.txt", "hongze-district-2023.layout.txt", "hongze-district-2024.layout.txt", "hongze-district-2023.md", "pingtan-zone-2025.md"} {
		f.Add(readReport(f, name))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if bytes.HasPrefix(b, []byte("%PDF")) || bytes.Contains(b[:min(len(b), 1024)], []byte("%PDF-")) {
			return // pdftotext's, not ours
		}
		if imp, err := Import("fuzz.txt", "fuzz", b); err == nil {
			roundTrip(t, imp)
		} else if e := (*Error)(nil); !errors.As(err, &e) || e.File != "fuzz.txt" {
			t.Fatalf("a refusal that is not an *Error naming the file: %v", err)
		}
	})
}

func FuzzImportHTML(f *testing.F) {
	files, _ := shipped()
	for _, b := range files {
		r, _ := dataset.Parse(b)
		f.Add([]byte(reportHTML(r, false)))
	}
	for _, name := range []string{"pingtan-zone-2024.html", "pingtan-zone-2024.portal.html"} {
		f.Add(readReport(f, name))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if !looksLikeHTML(b) {
			return
		}
		if imp, err := Import("fuzz.html", "fuzz", b); err == nil {
			roundTrip(t, imp)
		}
	})
}

// FuzzImportDocx fuzzes the WordprocessingML of a .docx (the zip around it
// stays whole, so that the fuzzer reaches the XML).
func FuzzImportDocx(f *testing.F) {
	zr, err := zip.NewReader(bytes.NewReader(readReport(f, "hongze-district-2024.docx")), int64(len(readReport(f, "hongze-district-2024.docx"))))
	if err != nil {
		f.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == "word/document.xml" {
			b, err := readZipped(zf)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, x []byte) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("word/document.xml")
		w.Write(x)
		zw.Close()
		if imp, err := Import("fuzz.docx", "fuzz", buf.Bytes()); err == nil {
			roundTrip(t, imp)
		}
	})
}

func FuzzParseDataset(f *testing.F) {
	files, _ := shipped()
	for _, b := range files {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := dataset.Parse(b)
		if err != nil {
			return
		}
		js, err := data.Encode(r)
		if err != nil {
			t.Fatalf("Encode: %v", err)
		}
		back, err := dataset.Parse(js)
		if err != nil {
			t.Fatalf("a parsed dataset, encoded, does not parse: %v", err)
		}
		if !reflect.DeepEqual(back, r) {
			t.Fatalf("the dataset changed through Encode and Parse:\n got  %+v\n want %+v", back, r)
		}
		if again, _ := data.Encode(back); !bytes.Equal(again, js) {
			t.Fatal("encoded again differently")
		}
	})
}

func BenchmarkImport(b *testing.B) {
	names := []string{"nantong-city-2019.txt", "huaian-city-2024.layout.txt", "huaian-city-2024.reading-order.txt", "hongze-district-2023.layout.txt", "hongze-district-2024.layout.txt"}
	var inputs [][]byte
	for _, n := range names {
		inputs = append(inputs, readReport(b, n))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, in := range inputs {
			if _, err := Import(names[j], "", in); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(inputs))/b.Elapsed().Seconds(), "reports/s")
}

// shipped is every dataset the explorer ships, by report ID, as raw JSON.
func shipped() (map[string][]byte, error) {
	names, err := filepath.Glob(filepath.Join("..", "datasets", "*.json"))
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out[strings.TrimSuffix(filepath.Base(n), ".json")] = b
	}
	return out, nil
}

// The two 平潭 web pages import with table 三's 自然人 and 总计 columns and
// all of table 四 as typed by hand (testdata/pingtan-zone-*.truth.json).
func TestPingtanMatchesTruth(t *testing.T) {
	for _, name := range []string{"pingtan-zone-2024", "pingtan-zone-2025"} {
		t.Run(name, func(t *testing.T) {
			var truth struct {
				Report string                       `json:"report"`
				Year   int                          `json:"year"`
				Table3 map[string]map[string]*int64 `json:"table3"`
				Table4 map[string]map[string]*int64 `json:"table4"`
				Breaks []any                        `json:"report_breaks"`
			}
			b, err := os.ReadFile(filepath.Join(reportsDir, name+".truth.json"))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &truth); err != nil {
				t.Fatal(err)
			}
			if len(truth.Table3) != 2 || len(truth.Table4) != 3 {
				t.Fatalf("truth file read %d columns of table 三 and %d rows of table 四", len(truth.Table3), len(truth.Table4))
			}
			r := importReport(t, name+".html").Report
			if r.Body != "平潭综合实验区" || r.Year != truth.Year || r.Format != data.Format2021 {
				t.Errorf("header %q %d %q", r.Body, r.Year, r.Format)
			}
			check := func(where string, want *int64, c data.Cell) {
				switch {
				case want == nil && c.Status != data.Blank:
					t.Errorf("%s = %+v, want blank", where, c)
				case want != nil && (c.Status == data.Blank || c.Value != *want):
					t.Errorf("%s = %+v, want %d", where, c, *want)
				}
			}
			n := 0
			for col, rows := range truth.Table3 {
				ci := slices.IndexFunc(data.RequestColumns[:], func(c data.Column) bool { return c.Key == col })
				for row, want := range rows {
					check("表三 "+row+"/"+col, want, r.Requests.Cell(row, ci))
					n++
				}
			}
			for row, cols := range truth.Table4 {
				for col, want := range cols {
					ci := slices.IndexFunc(data.AppealColumns[:], func(c data.Column) bool { return c.Key == col })
					check("表四 "+row+"/"+col, want, r.Appeals.Cell(row, ci))
					n++
				}
			}
			if n < 60 {
				t.Errorf("only %d cells compared", n)
			}
			if fs := data.Check(r); len(fs) != len(truth.Breaks) {
				t.Errorf("findings %+v, the truth file lists %d", fs, len(truth.Breaks))
			}
		})
	}
}

// A GBK page that declares UTF-8 is read as GBK, with a note; a UTF-8 page
// with bytes that are not is refused at the first of them, saying so: both
// were "not a report in the national format".
func TestHTMLDeclaredUTF8(t *testing.T) {
	files, _ := shipped()
	want, err := dataset.Parse(files["nantong-city-2019"])
	if err != nil {
		t.Fatal(err)
	}
	page := strings.Replace(reportHTML(want, false), "<head>", `<head><meta charset="utf-8">`, 1)
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	imp, err := Import("nantong-2019.html", "", []byte(gbk))
	if err != nil {
		t.Fatal(err)
	}
	if imp.Report.Body != want.Body || !slices.Contains(imp.Warnings, "the page declares charset utf-8, but its bytes are GBK/GB18030 (line 1 on): read as GB18030") {
		t.Errorf("body %q, warnings %q", imp.Report.Body, imp.Warnings)
	}
	damaged := strings.Replace(page, "</h1>", "</h1>\n\n\xff\xfe", 1)
	_, err = Import("nantong-2019.html", "", []byte(damaged))
	if !errors.Is(err, ErrEncoding) || !strings.HasPrefix(err.Error(), "nantong-2019.html:3: the text is neither UTF-8 nor GB18030/GBK: the page declares charset utf-8, but its bytes are not UTF-8 from this line on") {
		t.Errorf("err = %v", err)
	}
}
