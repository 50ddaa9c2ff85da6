package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"nianbao/data"
	"nianbao/data/dataset"
)

// The 平潭 archive's crawler text (testdata/pingtan, see testdata/README.md).

func crawlerFile(t testing.TB, name string) []byte {
	return readReport(t, filepath.Join("pingtan", name))
}

func importCrawler(t testing.TB, name string) *Imported {
	t.Helper()
	imp, err := Import(name, "", crawlerFile(t, name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if imp.Form != FormCrawler {
		t.Fatalf("%s read as %s", name, imp.Form)
	}
	return imp
}

// cellRow writes a row of table 三 or 四 as its cells: "12 0 0 0 0 0 12", a
// recovered cell with a star ("0*"), a blank "·".
func cellRow(cells []data.Cell) string {
	var s []string
	for _, c := range cells {
		switch c.Status {
		case data.Blank:
			s = append(s, "·")
		case data.Recovered:
			s = append(s, fmt.Sprintf("%d*", c.Value))
		default:
			s = append(s, fmt.Sprint(c.Value))
		}
	}
	return strings.Join(s, " ")
}

// Reports whose numbers each read one way only, imported exactly: every
// value below was read off the page text and checked against the report's
// own totals by hand; every cell not listed is a printed 0.
func TestCrawlerImportsExactly(t *testing.T) {
	zero := "0 0 0 0 0 0 0"
	tests := []struct {
		file, body   string
		year         int
		format, date string
		requests     map[string]string // table 三's non-zero rows
		appeals      map[string]string // table 四's non-zero groups
		disclosure   map[string]string // table 二, row: values
		warnings     []string          // a warning holds each
		urlTail      string
		noOther      int // 1 for a report without 六、其他需要报告的事项
	}{
		{ // All zeros, cells run together with spaces left ("0 0 0 0 0 00"), a decimal fee.
			file: "czj-2023.page.txt", body: "平潭综合实验区财政金融局", year: 2023, format: data.Format2021, date: "2024-01-31",
			disclosure: map[string]string{"regulations": "0 0 0", "normative_docs": "0 0 8", "licensing": "1", "penalty": "0", "enforcement": "0", "fees": "5949.09万元"},
			urlTail:    "/ptzhsyqczj/zfxxgknb/202401/t20240131_86688.htm",
		},
		{ // Two-digit counts run into zeros ("320000032"): one reading only keeps each row's sum;
			// the cells where the readings differ are marked recovered (*), by cross-check 3.
			file: "gwh-2025.page.txt", body: "平潭综合实验区管委会办公室", year: 2025, format: data.Format2021, date: "2026-01-30",
			requests: map[string]string{"new": "32* 0* 0 0 0 0* 32*", "granted": "8 0 0 0 0 0 8", "partial": "7 0 0 0 0 0 7",
				"denied.internal_affairs": "1 0 0 0 0 0 1", "denied.process_info": "2 0 0 0 0 0 2",
				"unable.not_held": "12* 0* 0 0 0 0* 12*", "unable.needs_creation": "2 0 0 0 0 0 2", "total": "32* 0* 0 0 0 0* 32*"},
			appeals:  map[string]string{"review": "2 0 0 0 2"},
			warnings: []string{"rows new, unable.not_held, total read several ways, one way only keeping its row sum"},
		},
		{ // A space left inside a row ("2100000 21"), the next label's numbering run into a row ("1000000102.没有现成…").
			file: "jtj-2025.page.txt", body: "平潭综合实验区交通与建设局", year: 2025, format: data.Format2021, date: "2026-01-22",
			requests: map[string]string{"new": "21* 0* 0 0 0 0* 21*", "granted": "10* 0 0 0 0 0* 10*", "partial": "1 0 0 0 0 0 1",
				"unable.not_held": "10* 0 0 0 0 0* 10*", "total": "21* 0* 0 0 0 0* 21*"},
			appeals: map[string]string{"review": "3 1 5 0 9"},
		},
		{ // Every space kept, numbers in the 其他 column; Word's style sheet left in the text.
			file: "jsp-2021.page.txt", body: "平潭综合实验区君山片区管理局", year: 2021, format: data.Format2021, date: "2022-01-25",
			requests: map[string]string{"new": "5 0 0 0 0 3 8", "granted": "1 0 0 0 0 1 2", "unable.not_held": "3 0 0 0 0 2 5",
				"other.other": "1 0 0 0 0 0 1", "total": "5 0 0 0 0 3 8"},
			disclosure: map[string]string{"regulations": "0 0 0", "normative_docs": "0 0 11", "licensing": "1"},
		},
		{ // 一 and （七） keep their row sums two ways each (11 0 … 11, 1 10 … 11): the outcome rows choose.
			file: "jjp-2025.page.txt", body: "平潭综合实验区金井片区管理局", year: 2025, format: data.Format2021, date: "2026-01-20",
			requests: map[string]string{"new": "11* 0* 0 0 0 0* 11*", "partial": "3 0 0 0 0 0 3", "unable.not_held": "7 0 0 0 0 0 7",
				"other.no_correction": "1 0 0 0 0 0 1", "total": "11* 0* 0 0 0 0* 11*"},
			warnings: []string{"rows new, total keep their row sums several ways; one combination only keeps cross-checks 1 and 2"},
			noOther:  1, // its 五 is 信息处理费收取情况, its 六 the problems
		},
		{ // Table 四 in its three groups, fifteen digits run together ("000003001410001").
			file: "shs-2023.page.txt", body: "平潭综合实验区社会事业局", year: 2023, format: data.Format2021, date: "2024-01-26",
			requests: map[string]string{"new": "1 0 0 0 0 0 1", "unable.not_held": "1 0 0 0 0 0 1", "total": "1 0 0 0 0 0 1"},
			appeals:  map[string]string{"litigation_direct": "3 0 0 1 4", "litigation_after_review": "1 0 0 0 1"},
		},
		{ // The 2019 template: a change's sign is a boundary ("0+11"), a leading 0 is not written ("3000" is 30 0 0),
			// 减 is a minus, a count's 个 and an amount's 元 end a value.
			file: "gwh-2019.page.txt", body: "平潭综合实验区管委会办公室", year: 2019, format: data.Format2019, date: "2020-01-22",
			requests: map[string]string{"new": "12* 0* 0 0 0 0* 12*", "granted": "4 0 0 0 0 0 4", "partial": "1 0 0 0 0 0 1",
				"unable.unclear": "3 0 0 0 0 0 3", "declined.duplicate": "2 0 0 0 0 0 2", "other": "2 0 0 0 0 0 2", "total": "12 0 0 0 0 0 12"},
			disclosure: map[string]string{"regulations": "0 0 0", "licensing": "0 +1 1", "other_services": "0 0 0", "penalty": "0 0 0", "fees": "0 0"},
		},
		{file: "lyy-2019.page.txt", body: "平潭综合实验区旅游与文化体育局", year: 2019, format: data.Format2019, date: "2020-01-16",
			disclosure: map[string]string{"licensing": "2 1 5", "penalty": "30 0 0", "procurement": "1 246900元"}},
		{file: "nyn-2019.page.txt", body: "平潭综合实验区农业农村局", year: 2019, format: data.Format2019, date: "2020-01-03",
			disclosure: map[string]string{"fees": "16 -12"}},
		{file: "shs-2019.page.txt", body: "平潭综合实验区社会事业局", year: 2019, format: data.Format2019, date: "2020-01-17",
			requests:   map[string]string{"new": "1 0 0 0 0 0 1", "granted": "1 0 0 0 0 0 1", "total": "1 0 0 0 0 0 1"},
			disclosure: map[string]string{"licensing": "72 0 0", "penalty": "95 0 0", "enforcement": "1 0 0", "procurement": "2 45.82万元"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			imp := importCrawler(t, tt.file)
			r := imp.Report
			if r.Body != tt.body || r.Year != tt.year || r.Format != tt.format || r.Published != tt.date {
				t.Errorf("header %s %d %s %s, want %s %d %s %s", r.Body, r.Year, r.Format, r.Published, tt.body, tt.year, tt.format, tt.date)
			}
			if !strings.HasPrefix(r.URL, "https://www.pingtan.gov.cn/zwgk/zfxxgk/") || !strings.HasSuffix(r.URL, tt.urlTail) {
				t.Errorf("url %q", r.URL)
			}
			for _, row := range r.Requests.Rows() {
				want := tt.requests[row.Key]
				if want == "" {
					want = zero
				}
				if got := cellRow(r.Requests[row.Key][:]); got != want {
					t.Errorf("表三 %s = %s, want %s", row.Key, got, want)
				}
			}
			for _, row := range data.AppealRows {
				want := tt.appeals[row.Key]
				if want == "" {
					want = "0 0 0 0 0"
				}
				if got := cellRow(r.Appeals[row.Key][:]); got != want {
					t.Errorf("表四 %s = %s, want %s", row.Key, got, want)
				}
			}
			for _, row := range r.Disclosure {
				want, ok := tt.disclosure[row.Key]
				if !ok {
					continue
				}
				var got []string
				for _, q := range row.Values {
					if q.Status != "" {
						t.Errorf("表二 %s/%s: status %s", row.Key, q.Key, q.Status)
					}
					got = append(got, q.Value+q.Unit)
				}
				if strings.Join(got, " ") != want {
					t.Errorf("表二 %s = %s, want %s", row.Key, strings.Join(got, " "), want)
				}
				delete(tt.disclosure, row.Key)
			}
			if len(tt.disclosure) > 0 {
				t.Errorf("表二 lacks rows %v", tt.disclosure)
			}
			for _, w := range tt.warnings {
				if !slices.ContainsFunc(imp.Warnings, func(s string) bool { return strings.Contains(s, w) }) {
					t.Errorf("warnings %q lack %q", imp.Warnings, w)
				}
			}
			for _, s := range r.Sections {
				for _, p := range s.Paragraphs {
					if strings.Contains(p, "mso-") || strings.Contains(p, "-->") || p == "附件下载" {
						t.Errorf("section %s keeps the page's furniture: %.60s…", s.Key, p)
					}
				}
			}
			if want := 3 - tt.noOther; len(r.Sections) != want {
				t.Errorf("%d sections, want %d", len(r.Sections), want)
			}
			if fs := data.Check(r); len(fs) > 0 {
				t.Errorf("findings %+v", fs)
			}
			roundTrip(t, imp)
		})
	}
}

// What a report prints against its own checks is read as printed and
// shown as a finding: jsp-2022's 本机关不掌握 row, 3 0 0 0 0 2 5, beside totals of
// 0 (its text says no application came); jjf-2023's 3 new applications
// that no outcome accounts for (its text says none came either).
func TestCrawlerFindingsAsPublished(t *testing.T) {
	r := importCrawler(t, "jsp-2022.page.txt").Report
	if got := cellRow(r.Requests["unable.not_held"][:]); got != "3 0 0 0 0 2 5" {
		t.Errorf("本机关不掌握 = %s", got)
	}
	want := []data.Finding{
		{Rule: 2, Table: data.TableRequests, Row: "total", Column: "natural_person", Printed: 0, Want: 3},
		{Rule: 2, Table: data.TableRequests, Row: "total", Column: "other_org", Printed: 0, Want: 2},
		{Rule: 2, Table: data.TableRequests, Row: "total", Column: "total", Printed: 0, Want: 5},
	}
	if got := data.Check(r); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("jsp-2022 findings %+v, want %+v", got, want)
	}
	r = importCrawler(t, "jjf-2023.page.txt").Report
	want = []data.Finding{
		{Rule: 1, Table: data.TableRequests, Row: "total", Column: "natural_person", Printed: 0, Want: 3},
		{Rule: 1, Table: data.TableRequests, Row: "total", Column: "total", Printed: 0, Want: 3},
	}
	if got := data.Check(r); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("jjf-2023 findings %+v, want %+v", got, want)
	}
}

// A run that no reading makes consistent is refused, naming the table, the
// row and the digits: zrz-2023 prints 191000019 for （七）总计, and 19 1 0 0 0 0 19
// (as the page shows it) breaks its row sum as every other reading does;
// shs-2024's table 四, 00202000001324015, keeps cross-check 4 no way.
func TestCrawlerNoReadingFitsRefused(t *testing.T) {
	for _, tt := range []struct {
		file  string
		table data.Table
		what  string
	}{
		{"zrz-2023.page.txt", data.TableRequests, `row total (（七）总计): no reading of "191000019" as 7 counts keeps its row sum`},
		{"shs-2024.page.txt", data.TableAppeals, `no reading of "00202000001324015" as 15 counts keeps cross-check 4`},
	} {
		_, err := Import(tt.file, "", crawlerFile(t, tt.file))
		var ie *Error
		if !errors.As(err, &ie) || ie.Table != tt.table || ie.Line != 10 || !errors.Is(err, ErrNoFit) || !strings.Contains(err.Error(), tt.what) {
			t.Errorf("%s: err = %v, want table %s, line 10 (the page's text), ErrNoFit: …%s…", tt.file, err, tt.table, tt.what)
		}
	}
}

// Where the readings stay several, the table is refused with each: here
// jjp-2025 with its outcome rows as one row of 11 (本机关不掌握 "110000011", the
// others 0), so that 一, （七） and that row each read 11 0 … 11 or 1 10 … 11
// and the columns keep their checks both ways.
func TestCrawlerAmbiguousRefused(t *testing.T) {
	b := string(crawlerFile(t, "jjp-2025.page.txt"))
	for old, new := range map[string]string{"（二）部分公开（区分处理的，只计这一情形，不计其他情形） 3000003": "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 0000000",
		"1.本机关不掌握相关政府信息 70000072.": "1.本机关不掌握相关政府信息 1100000112.", "逾期不补正、行政机关不再处理其政府信息公开申请 10000012.": "逾期不补正、行政机关不再处理其政府信息公开申请 00000002."} {
		if !strings.Contains(b, old) {
			t.Fatalf("jjp-2025 lacks %q", old)
		}
		b = strings.Replace(b, old, new, 1)
	}
	_, err := Import("jjp-2025.page.txt", "", []byte(b))
	var ie *Error
	if !errors.As(err, &ie) || ie.Table != data.TableRequests || !errors.Is(err, ErrAmbiguous) {
		t.Fatalf("err = %v, want ErrAmbiguous in table 三", err)
	}
	for _, want := range []string{"rows new", "unable.not_held", "total", "2 readings keep cross-checks 1–3",
		"[new 1 10 0 0 0 0 11 | unable.not_held 1 10 0 0 0 0 11 | total 1 10 0 0 0 0 11]",
		"[new 11 0 0 0 0 0 11 | unable.not_held 11 0 0 0 0 0 11 | total 11 0 0 0 0 0 11]"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v\nlacks %q", err, want)
		}
	}
}

// The reader is not fitted to one crawler's file: the same pages, without
// the crawler's header (the title then from the page's breadcrumb, or
// given), or with table 三's rows each on a line of its own, read the same.
func TestCrawlerShapes(t *testing.T) {
	rowBreak := regexp.MustCompile(`(\d)(\d[.．、]|（|[二三四]、)`)
	for _, tt := range []struct {
		file, body string
		year       int
	}{
		{"gwh-2025.page.txt", "平潭综合实验区管委会办公室", 2025},
		{"jsp-2021.page.txt", "", 0}, // its breadcrumb names it
		{"jtj-2025.page.txt", "平潭综合实验区交通与建设局", 2025},
		{"czj-2022.page.txt", "平潭综合实验区财政金融局", 2022},
		{"hzs-2023.page.txt", "平潭综合实验区行政审批局", 2023},
	} {
		t.Run(tt.file, func(t *testing.T) {
			want := importCrawler(t, tt.file).Report
			b := string(crawlerFile(t, tt.file))
			body := b[strings.Index(b, "正文 ====================")+len("正文 ====================\n"):]
			i, j := strings.Index(body, "本年新收"), strings.Index(body, "结转下年度")
			if i < 0 || j < i {
				t.Fatal("no table 三")
			}
			lined := body[:i] + rowBreak.ReplaceAllString(body[i:j], "$1\n$2") + body[j:]
			for name, text := range map[string]string{"without the header": body, "a row a line": lined} {
				imp, err := ImportOptions(tt.file, []byte(text), Options{Body: tt.body, Year: tt.year})
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if imp.Form != FormCrawler {
					t.Errorf("%s: read as %s", name, imp.Form)
				}
				if diff := sameReport(want, imp.Report, false); diff != "" {
					t.Errorf("%s:%s", name, diff)
				}
			}
		})
	}
}

// A category's own total, which some reports print and the template does
// not have, is left out and said so.
func TestCrawlerSubtotalNotKept(t *testing.T) {
	b := strings.Replace(string(crawlerFile(t, "czj-2022.page.txt")), "（三）不予公开1.属于国家秘密", "（三）不予公开0 0 0 0 0 001.属于国家秘密", 1)
	imp, err := Import("czj-2022.page.txt", "", []byte(b))
	if err != nil {
		t.Fatal(err)
	}
	if diff := sameReport(importCrawler(t, "czj-2022.page.txt").Report, imp.Report, true); diff != "" {
		t.Errorf("the subtotal changed the report:%s", diff)
	}
	if !slices.ContainsFunc(imp.Warnings, func(w string) bool { return strings.Contains(w, "（三）不予公开 (0 0 0 0 0 00)") }) {
		t.Errorf("warnings %q", imp.Warnings)
	}
}

// The search over readings is bounded, and a table past the bound is
// refused saying so, not searched for ever.
func TestCrawlerSearchBounded(t *testing.T) {
	defer func(n int) { maxSteps = n }(maxSteps)
	maxSteps = 200
	_, err := Import("gwh-2025.page.txt", "", crawlerFile(t, "gwh-2025.page.txt"))
	var ie *Error
	if !errors.As(err, &ie) || ie.Table != data.TableRequests || !errors.Is(err, ErrCells) || !strings.Contains(err.Error(), "more than 200 steps") {
		t.Errorf("err = %v", err)
	}
}

// Table 二 has no check within a report: what its digits leave open is
// unreadable, with every split, and never a guess.
func TestCrawlerTable2Unreadable(t *testing.T) {
	row := func(r *data.Report, key string) data.DisclosureRow {
		for _, d := range r.Disclosure {
			if d.Key == key {
				return d
			}
		}
		t.Fatalf("no row %s", key)
		return data.DisclosureRow{}
	}
	r := importCrawler(t, "gwh-2024.page.txt").Report
	d := row(r, "normative_docs")
	want := [][]string{{"1", "1", "4251"}, {"1", "14", "251"}, {"1", "142", "51"}, {"1", "1425", "1"}, {"11", "4", "251"},
		{"11", "42", "51"}, {"11", "425", "1"}, {"114", "2", "51"}, {"114", "25", "1"}, {"1142", "5", "1"}}
	if d.Run != "114251" || fmt.Sprint(d.Candidates) != fmt.Sprint(want) {
		t.Errorf("行政规范性文件: run %q, candidates %v", d.Run, d.Candidates)
	}
	for _, q := range d.Values {
		if q.Status != data.StatusUnreadable || q.Value != "" {
			t.Errorf("%s = %q (%s), want unreadable", q.Key, q.Value, q.Status)
		}
	}
	if d := row(r, "regulations"); d.Run != "" || d.Values[2].Value != "0" {
		t.Errorf("规章 %+v", d)
	}
	// 88 is read (a sign starts the change); the change and the decisions are not.
	d = row(importCrawler(t, "jtj-2020.page.txt").Report, "licensing")
	if d.Values[0].Value != "88" || d.Values[0].Status != "" || !d.Values[1].Unreadable() || !d.Values[2].Unreadable() ||
		fmt.Sprint(d.Candidates) != "[[88 -7 20] [88 -72 0]]" {
		t.Errorf("行政许可 %+v", d)
	}
	// Items and an amount run together, the unit after them.
	d = row(importCrawler(t, "czj-2019.page.txt").Report, "procurement")
	if d.Run != "2832995元" || len(d.Candidates) != 6 || d.Values[1].Unit != "元" || !d.Values[0].Unreadable() {
		t.Errorf("政府集中采购 %+v", d)
	}
	var csv bytes.Buffer
	WriteCSV(&csv, r)
	if !strings.Contains(csv.String(), "二,normative_docs,in_force,,unreadable\n") {
		t.Errorf("CSV:\n%s", csv.String())
	}
}

// A batch settles what the body's adjacent year decides (2021 template:
// 现行有效件数 = last year's + 本年制发件数 − 本年废止件数): 投资促进局 2024 "1027"
// (1 0 27 or 10 2 7) and 2025 "25032" (four ways) keep the relation one way
// only together, 7 + 25 − 0 = 32. A single import settles with the datasets
// beside its output.
func TestCrawlerSettledAcrossYears(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()+"/"
	for _, n := range []string{"gyz-2024.page.txt", "gyz-2025.page.txt"} {
		os.WriteFile(filepath.Join(in, n), crawlerFile(t, n), 0o644)
	}
	var log bytes.Buffer
	if err := Command([]string{"-o", out, in}, io.Discard, &log); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"gyz-2024": "10 2 7", "gyz-2025": "25 0 32"} {
		r, err := dataset.ReadFile(filepath.Join(out, id+".json"))
		if err != nil {
			t.Fatal(err)
		}
		d := r.Disclosure[1]
		var got []string
		for _, q := range d.Values {
			if q.Status != data.StatusCrossYear {
				t.Errorf("%s %s: status %q", id, q.Key, q.Status)
			}
			got = append(got, q.Value)
		}
		if d.Key != "normative_docs" || strings.Join(got, " ") != want || len(d.Candidates) < 2 {
			t.Errorf("%s: %s %v (%d candidates), want %s", id, d.Key, got, len(d.Candidates), want)
		}
	}
	if !strings.Contains(log.String(), `gyz-2025.page.txt: table 二, row normative_docs: "25032" settled as 25/0/32 by the relation of 现行有效件数 with 2024年 (gyz-2024)`) {
		t.Errorf("log:\n%s", log.String())
	}

	// One report alone, into a folder that holds the other year.
	os.Remove(filepath.Join(out, "gyz-2025.json"))
	log.Reset()
	if err := Command([]string{"-o", filepath.Join(out, "gyz-2025.json"), filepath.Join(in, "gyz-2025.page.txt")}, io.Discard, &log); err != nil {
		t.Fatal(err)
	}
	if r, err := dataset.ReadFile(filepath.Join(out, "gyz-2025.json")); err != nil || r.Disclosure[1].Values[2].Value != "32" {
		t.Errorf("alone beside 2024: %v %+v", err, r.Disclosure[1])
	}
	// Alone, nothing to settle with: unreadable.
	imp := importCrawler(t, "gyz-2025.page.txt")
	if !imp.Report.Disclosure[1].Values[2].Unreadable() {
		t.Error("settled with nothing to settle by")
	}
}

// The original's address and date: the crawler's 原文链接 and 发布时间, a portal's
// 时间： line, a page's canonical link, and --source-url over them all.
func TestSourceURLAndDate(t *testing.T) {
	b := crawlerFile(t, "jsp-2022.page.txt")
	// Without the crawler's header, the page's own 来源： 时间：2023-01-09 17:17.
	body := b[bytes.Index(b, []byte("正文 ===================="))+len("正文 ====================\n"):]
	imp, err := Import("jsp-2022.txt", "", body)
	if err != nil {
		t.Fatal(err)
	}
	if r := imp.Report; r.Published != "2023-01-09" || r.URL != "" || r.Body != "平潭综合实验区君山片区管理局" || r.Year != 2022 {
		t.Errorf("without the header: %s %q %s %d", r.Published, r.URL, r.Body, r.Year)
	}
	page := string(readReport(t, "pingtan-zone-2024.html"))
	canonical := strings.Replace(page, "<head>", `<head><link rel="canonical" href="https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202501/t20250120_96700.htm">`, 1)
	if canonical == page {
		t.Fatal("the page has no <head>")
	}
	imp, err = Import("pingtan-zone-2024.html", "", []byte(canonical))
	if err != nil || imp.Report.URL != "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202501/t20250120_96700.htm" {
		t.Errorf("canonical link: %v %q", err, imp.Report.URL)
	}
	imp, err = ImportOptions("czj-2023.page.txt", crawlerFile(t, "czj-2023.page.txt"), Options{SourceURL: "https://example.gov.cn/r.htm"})
	if err != nil || imp.Report.URL != "https://example.gov.cn/r.htm" {
		t.Errorf("--source-url: %v %q", err, imp.Report.URL)
	}
	var stderr bytes.Buffer
	if err := Command([]string{"--source-url", "javascript:alert(1)", "x.txt"}, io.Discard, &stderr); err == nil || !strings.Contains(err.Error(), "--source-url") {
		t.Errorf("a bad --source-url: %v", err)
	}
}

// FuzzImportCrawler fuzzes the crawler text: any input that imports is a
// valid report that survives its dataset; any other is an *Error naming
// the file.
func FuzzImportCrawler(f *testing.F) {
	names, _ := filepath.Glob(filepath.Join(reportsDir, "pingtan", "*.page.txt"))
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		imp, err := Import("fuzz.page.txt", "fuzz", b)
		if err == nil {
			roundTrip(t, imp)
			return
		}
		if e := (*Error)(nil); !errors.As(err, &e) || e.File != "fuzz.page.txt" {
			t.Fatalf("a refusal that is not an *Error naming the file: %v", err)
		}
	})
}

// BenchmarkImportCrawler imports the whole archive.
func BenchmarkImportCrawler(b *testing.B) {
	names, _ := filepath.Glob(filepath.Join(reportsDir, "pingtan", "*.page.txt"))
	var inputs [][]byte
	for _, n := range names {
		in, _ := os.ReadFile(n)
		inputs = append(inputs, in)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, in := range inputs {
			Import(names[j], "", in)
		}
	}
	b.ReportMetric(float64(b.N*len(inputs))/b.Elapsed().Seconds(), "reports/s")
}
