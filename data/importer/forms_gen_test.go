package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/data"
	"nianbao/data/dataset"
)

var update = flag.Bool("update", false, "rewrite the test reports made from the real ones (testdata/*.docx, *.md, *.pdf)")

// made are the test reports made from real ones, in the forms bodies
// publish that the real copies here do not come in (see testdata/README.md):
// each is made by a function below from a real report's content.
var made = []struct {
	file string
	make func(t *testing.T) []byte
}{
	{"hongze-district-2024.docx", func(t *testing.T) []byte { return makeDocx(shippedReport(t, "hongze-district-2024")) }},
	{"hongze-district-2023.md", func(t *testing.T) []byte { return makeMarkdown(shippedReport(t, "hongze-district-2023"), false) }},
	{"pingtan-zone-2025.md", func(t *testing.T) []byte { return makeMarkdown(shippedReport(t, "pingtan-zone-2025"), true) }},
	{"huaian-city-2024.pdf", func(t *testing.T) []byte { return makePDF(string(readReport(t, "huaian-city-2024.layout.txt"))) }},
}

// The made test reports are what their functions make (go test -run
// TestMadeReportsAreCurrent -update rewrites them).
func TestMadeReportsAreCurrent(t *testing.T) {
	for _, m := range made {
		b := m.make(t)
		path := filepath.Join(reportsDir, m.file)
		if *update {
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if old, err := os.ReadFile(path); err != nil || !bytes.Equal(old, b) {
			t.Errorf("testdata/%s is not current: go test ./data/importer -run TestMadeReportsAreCurrent -update", m.file)
		}
	}
}

func shippedReport(t testing.TB, id string) *data.Report {
	t.Helper()
	files, err := shipped()
	if err != nil {
		t.Fatal(err)
	}
	r, err := dataset.Parse(files[id])
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// cellString is a cell as a report prints it: "" for a blank (a recovered
// cell is printed: the published report has it).
func cellString(c data.Cell) string {
	if c.Status == data.Blank {
		return ""
	}
	return fmt.Sprint(c.Value)
}

// wcell is one cell of a Word table: its text, how many grid columns it
// spans, and its part in a vertical merge ("restart", "continue" or "").
type wcell struct {
	text  string
	span  int
	merge string
}

// makeDocx writes a report as a Word .docx the way a body's office types it
// into the template: title paragraphs, the narrative as paragraphs, the
// tables with the template's merged cells.
func makeDocx(r *data.Report) []byte {
	var doc strings.Builder
	para := func(s string) {
		doc.WriteString(`<w:p><w:r><w:t xml:space="preserve">`)
		xml.EscapeText(&doc, []byte(s))
		doc.WriteString(`</w:t></w:r></w:p>`)
	}
	table := func(rows [][]wcell) {
		doc.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>`)
		for _, row := range rows {
			doc.WriteString(`<w:tr>`)
			for _, c := range row {
				doc.WriteString(`<w:tc><w:tcPr>`)
				if c.span > 1 {
					fmt.Fprintf(&doc, `<w:gridSpan w:val="%d"/>`, c.span)
				}
				switch c.merge {
				case "restart":
					doc.WriteString(`<w:vMerge w:val="restart"/>`)
				case "continue":
					doc.WriteString(`<w:vMerge/>`)
				}
				doc.WriteString(`<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:jc w:val="center"/></w:pPr>`)
				if c.text != "" {
					// Word splits text into runs where the formatting changes.
					rs := []rune(c.text)
					cut := len(rs) / 2
					for _, part := range []string{string(rs[:cut]), string(rs[cut:])} {
						if part == "" {
							continue
						}
						doc.WriteString(`<w:r><w:rPr><w:rFonts w:hint="eastAsia"/><w:sz w:val="20"/></w:rPr><w:t>`)
						xml.EscapeText(&doc, []byte(part))
						doc.WriteString(`</w:t></w:r>`)
					}
				}
				doc.WriteString(`</w:p></w:tc>`)
			}
			doc.WriteString(`</w:tr>`)
		}
		doc.WriteString(`</w:tbl>`)
	}
	title := fmt.Sprintf("%d年政府信息公开工作年度报告", r.Year)
	para(r.Body)
	para(title)
	section := func(key string) {
		if s := r.Section(key); s != nil {
			para(s.Title)
			for _, p := range s.Paragraphs {
				para(p)
			}
		}
	}
	section(data.SectionOverview)
	para("二、主动公开政府信息情况")
	for _, rows := range disclosureTables(r) {
		table(rows)
	}
	para("三、收到和处理政府信息公开申请情况")
	table(requestsTable(r))
	para("四、政府信息公开行政复议、行政诉讼情况")
	table(appealsTable(r))
	section(data.SectionProblems)
	section(data.SectionOther)

	files := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`},
		{"docProps/core.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>` + r.Body + title + `</dc:title><dc:creator>办公室</dc:creator></cp:coreProperties>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + doc.String() +
			`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`},
	}
	// Stored, not deflated as Word does: the bytes must not change with the
	// Go version's compressor, and archive/zip reads both alike.
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Store, Modified: time.Date(2025, 1, 20, 9, 0, 0, 0, time.UTC)})
		if err != nil {
			panic(err)
		}
		w.Write([]byte(f.body))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// disclosureTables are table 二 as the template prints it, one table per
// item of 第二十条, each four columns wide.
func disclosureTables(r *data.Report) [][][]wcell {
	var out [][][]wcell
	for i := 0; i < len(r.Disclosure); {
		item := r.Disclosure[i].Item
		head := []wcell{{text: "信息内容", span: 1}}
		first := r.Disclosure[i].Values
		for k, q := range first {
			head = append(head, wcell{text: q.Label, span: spanOf(k, len(first))})
		}
		rows := [][]wcell{{{text: item, span: 4}}, head}
		for ; i < len(r.Disclosure) && r.Disclosure[i].Item == item; i++ {
			d := r.Disclosure[i]
			row := []wcell{{text: d.Label, span: 1}}
			for k, q := range d.Values {
				row = append(row, wcell{text: q.Value, span: spanOf(k, len(d.Values))})
			}
			rows = append(rows, row)
		}
		out = append(out, rows)
	}
	return out
}

// spanOf makes the last of n values span what is left of three columns.
func spanOf(k, n int) int {
	if k == n-1 {
		return 4 - n
	}
	return 1
}

// requestsTable is table 三 with the template's three label columns and
// merged headers.
func requestsTable(r *data.Report) [][]wcell {
	rows := [][]wcell{
		{{text: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", span: 3, merge: "restart"}, {text: "申请人情况", span: 7}},
		{{span: 3, merge: "continue"}, {text: "自然人", span: 1, merge: "restart"}, {text: "法人或其他组织", span: 5}, {text: "总计", span: 1, merge: "restart"}},
		{{span: 3, merge: "continue"}, {span: 1, merge: "continue"}},
	}
	for _, c := range data.RequestColumns[1:6] {
		rows[2] = append(rows[2], wcell{text: c.Label, span: 1})
	}
	rows[2] = append(rows[2], wcell{span: 1, merge: "continue"})
	numbers := func(key string) []wcell {
		var cs []wcell
		for c := range data.RequestColumns {
			cs = append(cs, wcell{text: cellString(r.Requests.Cell(key, c)), span: 1})
		}
		return cs
	}
	rows = append(rows, append([]wcell{{text: data.RowNew.Label, span: 3}}, numbers(data.RowNew.Key)...))
	rows = append(rows, append([]wcell{{text: data.RowCarriedIn.Label, span: 3}}, numbers(data.RowCarriedIn.Key)...))
	firstOutcome := true
	outcome := func() wcell {
		if firstOutcome {
			firstOutcome = false
			return wcell{text: "三、本年度办理结果", span: 1, merge: "restart"}
		}
		return wcell{span: 1, merge: "continue"}
	}
	for _, cat := range r.Requests.Categories() {
		if len(cat.Rows) == 1 {
			rows = append(rows, append([]wcell{outcome(), {text: cat.Rows[0].Label, span: 2}}, numbers(cat.Rows[0].Key)...))
			continue
		}
		for k, row := range cat.Rows {
			c := wcell{span: 1, merge: "continue"}
			if k == 0 {
				c = wcell{text: cat.Label, span: 1, merge: "restart"}
			}
			rows = append(rows, append([]wcell{outcome(), c, {text: row.Label, span: 1}}, numbers(row.Key)...))
		}
	}
	rows = append(rows, append([]wcell{outcome(), {text: data.RowTotal.Label, span: 2}}, numbers(data.RowTotal.Key)...))
	rows = append(rows, append([]wcell{{text: data.RowCarriedOver.Label, span: 3}}, numbers(data.RowCarriedOver.Key)...))
	return rows
}

// appealsTable is table 四 with the template's header rows.
func appealsTable(r *data.Report) [][]wcell {
	rows := [][]wcell{{{text: "行政复议", span: 5}, {text: "行政诉讼", span: 10}}, nil, nil, nil}
	for _, c := range data.AppealColumns {
		rows[1] = append(rows[1], wcell{text: c.Label, span: 1, merge: "restart"})
		rows[2] = append(rows[2], wcell{span: 1, merge: "continue"})
	}
	rows[1] = append(rows[1], wcell{text: "未经复议直接起诉", span: 5}, wcell{text: "复议后起诉", span: 5})
	for range 2 {
		for _, c := range data.AppealColumns {
			rows[2] = append(rows[2], wcell{text: c.Label, span: 1})
		}
	}
	for _, g := range data.AppealRows {
		for c := range data.AppealColumns {
			rows[3] = append(rows[3], wcell{text: cellString(r.Appeals.Cell(g.Key, c)), span: 1})
		}
	}
	return rows
}

// makeMarkdown writes a report as a PDF-to-Markdown or OCR tool does: the
// headings with #, the narrative as paragraphs, every table a pipe table
// whose merged cells are empty cells, or (htmlTables) tables 三 and 四 as
// HTML tables with rowspan and colspan, as tools write tables with merged
// cells.
func makeMarkdown(r *data.Report, htmlTables bool) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n## %d年政府信息公开工作年度报告\n\n", r.Body, r.Year)
	section := func(key string) {
		if s := r.Section(key); s != nil {
			fmt.Fprintf(&b, "## %s\n\n", s.Title)
			for _, p := range s.Paragraphs {
				fmt.Fprintf(&b, "%s\n\n", p)
			}
		}
	}
	table := func(rows [][]wcell) {
		for i, row := range rows {
			var cells []string
			for _, c := range row {
				text := c.text
				if c.merge == "continue" {
					text = ""
				}
				cells = append(cells, text)
				for range c.span - 1 {
					cells = append(cells, "")
				}
			}
			fmt.Fprintf(&b, "| %s |\n", strings.Join(cells, " | "))
			if i == 0 {
				fmt.Fprintf(&b, "|%s\n", strings.Repeat(" --- |", len(cells)))
			}
		}
		b.WriteString("\n")
	}
	section(data.SectionOverview)
	b.WriteString("## 二、主动公开政府信息情况\n\n")
	for _, rows := range disclosureTables(r) {
		table(rows)
	}
	if htmlTables {
		table = func(rows [][]wcell) { b.WriteString(htmlTable(rows) + "\n\n") }
	}
	b.WriteString("## 三、收到和处理政府信息公开申请情况\n\n")
	table(requestsTable(r))
	b.WriteString("## 四、政府信息公开行政复议、行政诉讼情况\n\n")
	table(appealsTable(r))
	section(data.SectionProblems)
	section(data.SectionOther)
	return []byte(b.String())
}

// htmlTable writes Word table rows as one line of HTML, merged cells as
// colspan and rowspan.
func htmlTable(rows [][]wcell) string {
	// The grid column where each cell starts, to find what a merge spans.
	at := func(row []wcell, k int) int {
		c := 0
		for _, w := range row[:k] {
			c += w.span
		}
		return c
	}
	var b strings.Builder
	b.WriteString("<table>")
	for i, row := range rows {
		b.WriteString("<tr>")
		for k, c := range row {
			if c.merge == "continue" {
				continue
			}
			b.WriteString("<td")
			if c.span > 1 {
				fmt.Fprintf(&b, ` colspan="%d"`, c.span)
			}
			if c.merge == "restart" {
				n := 1
				for _, next := range rows[i+1:] {
					found := false
					for j, w := range next {
						if at(next, j) == at(row, k) && w.merge == "continue" {
							found = true
						}
					}
					if !found {
						break
					}
					n++
				}
				fmt.Fprintf(&b, ` rowspan="%d"`, n)
			}
			b.WriteString(">")
			xml.EscapeText(&b, []byte(c.text))
			b.WriteString("</td>")
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</table>")
	return b.String()
}

// makePDF draws the text of a PDF made with `pdftotext -layout` back onto
// A4 pages at the places it stood (a fixed grid of 6 points a character, 14
// points a line; a form feed starts a page), so that pdftotext reads back
// the same text. The font is not embedded: every character is a two-byte
// code of an Identity-H font whose ToUnicode map says which character it
// is, which is all text extraction needs.
func makePDF(layout string) []byte {
	pages := strings.Split(strings.TrimRight(layout, "\n\f"), "\f")
	code := map[rune]int{}
	var runes []rune
	for _, r := range layout {
		if r > ' ' && code[r] == 0 {
			runes = append(runes, r)
			code[r] = len(runes)
		}
	}
	var objs []string // objects 1…n
	add := func(s string) int { objs = append(objs, s); return len(objs) }
	catalog := add("")
	pagesObj := add("")
	var cmap strings.Builder
	cmap.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(runes); i += 100 {
		chunk := runes[i:min(i+100, len(runes))]
		fmt.Fprintf(&cmap, "%d beginbfchar\n", len(chunk))
		for k, r := range chunk {
			u := []rune{r}
			fmt.Fprintf(&cmap, "<%04X> <", i+k+1)
			for _, c := range utf16Units(u) {
				fmt.Fprintf(&cmap, "%04X", c)
			}
			cmap.WriteString(">\n")
		}
		cmap.WriteString("endbfchar\n")
	}
	cmap.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	toUnicode := add(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", cmap.Len(), cmap.String()))
	descriptor := add("<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>")
	cid := add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 500 /CIDToGIDMap /Identity >>", descriptor))
	font := add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", cid, toUnicode))
	var kids []string
	for _, page := range pages {
		var content strings.Builder
		content.WriteString("BT\n/F1 10 Tf\n")
		for n, line := range strings.Split(page, "\n") {
			rs := []rune(line)
			for i := 0; i < len(rs); {
				if rs[i] == ' ' {
					i++
					continue
				}
				j := i
				for j < len(rs) && !(rs[j] == ' ' && (j+1 == len(rs) || rs[j+1] == ' ')) {
					j++
				}
				fmt.Fprintf(&content, "1 0 0 1 %d %d Tm <", 30+5*i, 800-12*n)
				for _, r := range rs[i:j] {
					c := code[r]
					if r == ' ' {
						c = 0xFFFF // a space within a run: a code with no character
					}
					fmt.Fprintf(&content, "%04X", c)
				}
				content.WriteString("> Tj\n")
				i = j
			}
		}
		content.WriteString("ET\n")
		stream := add(fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()))
		kids = append(kids, fmt.Sprintf("%d 0 R", add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>", pagesObj, font, stream))))
	}
	objs[catalog-1] = fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesObj)
	objs[pagesObj-1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, catalog, xref)
	return b.Bytes()
}

func utf16Units(rs []rune) []uint16 {
	var out []uint16
	for _, r := range rs {
		if r >= 0x10000 {
			r -= 0x10000
			out = append(out, uint16(0xD800+(r>>10)), uint16(0xDC00+(r&0x3FF)))
			continue
		}
		out = append(out, uint16(r))
	}
	return out
}
