// Package charts holds what the explorer shows of a chart, in the browser
// and in the prerendered pages alike: its ECharts option (a typed model of
// the parts of ECharts' option the site uses, option.go), the same numbers
// as an accessible table (with its CSV), a one-sentence summary in Chinese;
// the product's one palette with its decal patterns (style.go) and one
// number format (format.go); the marks of numbers that are recovered, take
// part in a broken cross-check or could not be checked (marks.go); a
// report's pack of charts as the build writes it (see Pack); the key
// figures and consistency tables computed from a report; and the charts
// over several reports (a body's years, comparisons, rankings), which the
// browser builds. The charts of a single report are built by
// charts/echarts, which only the site builder imports. The package knows
// nothing of go-app or JavaScript.
package charts

import (
	"encoding/json"
	"strings"
	"unicode/utf8"

	"nianbao/data"
)

// Chart is one chart of a report.
type Chart struct {
	ID      string          `json:"id"`
	Title   string          `json:"title"`
	Option  json.RawMessage `json:"option"`
	Table   Table           `json:"table"`
	Summary string          `json:"summary"`
	// Src is where a page's script reads the option without the app: the
	// URL of the pack it came from and a JSON pointer to it
	// (/data/r/ID.HASH.json.gz#/charts/outcomes/option). Empty for a chart
	// made where it is shown, whose page then carries its option.
	Src string `json:"-"`
}

// Table is a chart's numbers as rows and columns with headers.
type Table struct {
	Caption string `json:"caption"`
	Source  string `json:"source,omitempty"` // the report it is from: its title, for the CSV file
	// Sources are the reports a table over several is from (a comparison,
	// a ranking): their titles, each named in the source line.
	Sources []string `json:"sources,omitempty"`
	Head    []string `json:"head"` // column headers; Head[0] heads the row-header column
	Rows    []Row    `json:"rows"`
}

// Row is one table row: a row header and its cells.
type Row struct {
	Head  string `json:"head"`
	Level int    `json:"level,omitempty"` // 1 for a numbered reason under its category
	Cells []Cell `json:"cells"`
}

// Cell is one table cell: its text as shown, in the product's number
// format, and its mark.
type Cell struct {
	Text  string `json:"text"`
	Blank bool   `json:"blank,omitempty"` // the report left it blank
	Mark  Mark   `json:"mark,omitzero"`
}

// Has says whether any cell of the table carries a mark of the kind.
func (t Table) Has(kind MarkKind) bool {
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			if c.Mark.Kind == kind {
				return true
			}
		}
	}
	return false
}

// HasBlank says whether any cell of the table was left blank.
func (t Table) HasBlank() bool {
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			if c.Blank {
				return true
			}
		}
	}
	return false
}

// CSV is the table as a CSV file for spreadsheets: a UTF-8 byte-order mark
// (without it, Excel on a Chinese Windows reads the file as GBK), the column
// headers, then one line per row with its cells as shown, counts without
// thousands separators (a spreadsheet reads them as numbers); a blank cell
// is empty. A last column, 备注, says which of the row's numbers the report
// left blank and gives every mark with its reason, so that a recovered or
// inconsistent number stays marked outside the site too.
func (t Table) CSV() []byte {
	var b strings.Builder
	b.WriteString("\uFEFF")
	// One value per cell: a column that shows "1,234（45.6%）" is two in
	// the file, the count and the share.
	split := make([]bool, len(t.Head))
	for _, r := range t.Rows {
		for j, c := range r.Cells {
			if _, _, ok := countShare(c.Text); j+1 < len(split) && ok {
				split[j+1] = true
			}
		}
	}
	head := []string{}
	for j, h := range t.Head {
		if split[j] {
			head = append(head, h+"（件）", h+"（比例）")
			continue
		}
		head = append(head, h)
	}
	WriteCSVRecord(&b, append(head, "备注"))
	for _, r := range t.Rows {
		line := []string{r.Head}
		// Each note once, with the columns it is about: "结果维持、总计：⚠ 不一致（规则4），…".
		var notes []string
		cols := map[string][]string{}
		for j, c := range r.Cells {
			col := ""
			if j+1 < len(t.Head) {
				col = t.Head[j+1]
			}
			text, share := c.Text, ""
			if j+1 < len(split) && split[j+1] {
				if n, sh, ok := countShare(text); ok {
					text, share = n, sh
				}
			}
			if c.Blank {
				text, share = "", ""
			}
			line = append(line, ungrouped(text))
			if j+1 < len(split) && split[j+1] {
				line = append(line, share)
			}
			note := ""
			switch {
			case c.Blank:
				note = "报告中为空白"
			case !c.Mark.IsZero():
				note = c.Mark.Label() + "，" + c.Mark.Reason
			default:
				continue
			}
			if cols[note] == nil {
				notes = append(notes, note)
			}
			cols[note] = append(cols[note], col)
		}
		for i, n := range notes {
			notes[i] = strings.Join(cols[n], "、") + "：" + n
		}
		WriteCSVRecord(&b, append(line, strings.Join(notes, "；")))
	}
	if line := t.SourceLine(); line != "" {
		WriteCSVRecord(&b, []string{line})
	}
	return []byte(b.String())
}

// FileName names the table's CSV file after its report and caption,
// without the characters file systems refuse.
func (t Table) FileName() string { return t.BaseName() + ".csv" }

// BaseName is the table's file name without its extension: that of its
// CSV file and of its chart's images: the report (its title's
// 政府信息公开工作年度报告 said 年报) and the caption, at most 120 bytes,
// without the characters file systems refuse.
func (t Table) BaseName() string {
	name := t.Caption
	if t.Source != "" {
		name = strings.ReplaceAll(t.Source, "政府信息公开工作年度报告", "年报") + "-" + name
	}
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) || r < 0x20 {
			return '_'
		}
		return r
	}, name)
	for len(name) > 120 {
		_, n := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-n]
	}
	return name
}

// SourceLine names the reports the table is from, for its CSV file and
// its chart's images; "" when the table has no source.
func (t Table) SourceLine() string {
	switch {
	case len(t.Sources) > 0:
		return "数据来源：《" + strings.Join(t.Sources, "》《") + "》，经年报透视整理"
	case t.Source != "":
		return "数据来源：《" + t.Source + "》，经年报透视整理"
	}
	return ""
}

// CSVWriter is where CSV records go: a strings.Builder, or a
// bufio.Writer for a file written as it is made (whose errors stick
// until its Flush).
type CSVWriter interface {
	WriteString(string) (int, error)
	WriteByte(byte) error
}

// WriteCSVRecord writes one CSV record (RFC 4180: fields holding a comma,
// a quote or a line break are quoted, quotes doubled; CRLF ends the line).
// encoding/csv does the same and costs the WASM 11 kB of brotli. A field
// that a spreadsheet would run as a formula (=, +, -, @, a tab or a
// carriage return first) and that is not a number gets a leading
// apostrophe, so that it shows as the text it is. Every CSV file the site
// makes of a report's text is written by this function.
func WriteCSVRecord(b CSVWriter, fields []string) {
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		if f != "" && strings.ContainsRune("=+-@\t\r", rune(f[0])) && !printedNumber(f) {
			f = "'" + f
		}
		if strings.ContainsAny(f, ",\"\r\n") {
			f = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
		}
		b.WriteString(f)
	}
	b.WriteString("\r\n")
}

// CellOf makes a table cell from a report cell, with the mark of the cell
// it is.
func CellOf(c data.Cell, m Mark) Cell {
	if c.Status == data.Blank {
		return Cell{Text: "—", Blank: true, Mark: m}
	}
	return Cell{Text: Count(c.Value), Mark: m}
}

// NumCell is a cell of a computed count.
func NumCell(v int64) Cell { return Cell{Text: Count(v)} }

// MarkedCell is a cell of a count or text with its mark.
func MarkedCell(text string, m Mark) Cell { return Cell{Text: text, Mark: m} }

// TextCell is a cell of text.
func TextCell(s string) Cell { return Cell{Text: s} }

// ShortLabel drops the numbering of a category label: "（三）不予公开" → "不予公开".
func ShortLabel(label string) string {
	if i := strings.Index(label, "）"); i >= 0 && strings.HasPrefix(label, "（") {
		label = label[i+len("）"):]
	}
	if i := strings.Index(label, "（"); i > 0 {
		label = label[:i]
	}
	return label
}

// CorrectedShare is the share of concluded cases (维持 + 纠正 + 其他) that
// ended corrected, as text; "—" when none concluded.
func CorrectedShare(g *data.AppealRow) string {
	concluded := g[data.AppealUpheld].N() + g[data.AppealCorrected].N() + g[data.AppealOther].N()
	return Percent(g[data.AppealCorrected].N(), concluded)
}

// ReasonCategories are the outcome categories of a report that have a
// chart of their numbered reasons (and a page, /outcomes/{key}): those with
// more than one reason of which one, in the 总计 column, is not a printed
// 0 (a count, a blank or a recovered number). A category whose reasons are
// all printed as 0 has nothing to show but zeros, which /outcomes says as
// its 0: most real reports have two or three (in the 平潭 archive, 316 of
// 379 category pages said only "没有…的申请").
func ReasonCategories(r *data.Report) []data.Category {
	var cats []data.Category
	for _, c := range r.Requests.Categories() {
		if len(c.Rows) < 2 {
			continue
		}
		for _, row := range c.Rows {
			if cell := r.Requests.Cell(row.Key, data.ColTotal); cell.Status != data.Printed || cell.Value != 0 {
				cats = append(cats, c)
				break
			}
		}
	}
	return cats
}
