// Package charts holds what the explorer shows of a chart, in the browser
// and in the prerendered pages alike: its ECharts option as JSON, the same
// numbers as an accessible table (with its CSV), a one-sentence summary in
// Chinese; a report's pack of charts as the build writes it (see Pack); the
// key figures and consistency tables computed from a report; and the charts
// over several reports (a body's years, comparisons, rankings), built here
// without go-echarts so that the browser can build them. The options of a
// single report's charts are built with go-echarts by charts/echarts, which
// only the site builder imports. The package knows nothing of go-app or
// JavaScript.
package charts

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"

	"nianbao/data"
)

// Chart is one chart of a report.
type Chart struct {
	ID      string          `json:"id"`
	Title   string          `json:"title"`
	Option  json.RawMessage `json:"option"`
	Table   Table           `json:"table"`
	Summary string          `json:"summary"`
}

// Table is a chart's numbers as rows and columns with headers.
type Table struct {
	Caption string   `json:"caption"`
	Source  string   `json:"source,omitempty"` // the report it is from: its title, for the CSV file
	Head    []string `json:"head"`             // column headers; Head[0] heads the row-header column
	Rows    []Row    `json:"rows"`
}

// Row is one table row: a row header and its cells.
type Row struct {
	Head  string `json:"head"`
	Level int    `json:"level,omitempty"` // 1 for a numbered reason under its category
	Cells []Cell `json:"cells"`
}

// Cell is one table cell.
type Cell struct {
	Text      string `json:"text"`
	Blank     bool   `json:"blank,omitempty"`     // the report left it blank
	Recovered int    `json:"recovered,omitempty"` // the cross-check that recovered it
}

// HasRecovered says whether any cell of the table was recovered.
func (t Table) HasRecovered() bool {
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			if c.Recovered > 0 {
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
// headers, then one line per row with its cells as printed; a blank cell is
// empty. A last column, 备注, says which of the row's numbers the report left
// blank and which were recovered by a cross-check, so that a recovered
// number stays marked outside the site too.
func (t Table) CSV() []byte {
	var b strings.Builder
	b.WriteString("\uFEFF")
	WriteCSVRecord(&b, append(append([]string(nil), t.Head...), "备注"))
	for _, r := range t.Rows {
		line := []string{r.Head}
		var notes []string
		for j, c := range r.Cells {
			col := ""
			if j+1 < len(t.Head) {
				col = t.Head[j+1]
			}
			switch {
			case c.Blank:
				line = append(line, "")
				notes = append(notes, col+"：报告中为空白")
			case c.Recovered > 0:
				line = append(line, c.Text)
				notes = append(notes, col+"：推算（规则"+strconv.Itoa(c.Recovered)+"）")
			default:
				line = append(line, c.Text)
			}
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
// CSV file and of its chart's images.
func (t Table) BaseName() string {
	name := t.Caption
	if t.Source != "" {
		name = t.Source + "-" + name
	}
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) || r < 0x20 {
			return '_'
		}
		return r
	}, name)
}

// SourceLine names the report the table is from, for its CSV file and
// its chart's images; "" when the table has no source.
func (t Table) SourceLine() string {
	if t.Source == "" {
		return ""
	}
	return "数据来源：《" + t.Source + "》，经年报透视整理"
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
		if f != "" && strings.ContainsRune("=+-@\t\r", rune(f[0])) && !numberRE.MatchString(f) {
			f = "'" + f
		}
		if strings.ContainsAny(f, ",\"\r\n") {
			f = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
		}
		b.WriteString(f)
	}
	b.WriteString("\r\n")
}

// numberRE matches a number as the tables print it: a signed change "+14",
// "-47", a count, an amount "950125.6165", a share "43.5%".
var numberRE = regexp.MustCompile(`^[+-]?[0-9][0-9,]*(\.[0-9]+)?%?$`)

// CellOf makes a table cell from a report cell.
func CellOf(c data.Cell) Cell {
	switch c.Status {
	case data.Blank:
		return Cell{Text: "—", Blank: true}
	case data.Recovered:
		return Cell{Text: itoa(c.Value), Recovered: c.Rule}
	}
	return Cell{Text: itoa(c.Value)}
}

// NumCell is a cell of a computed number.
func NumCell(v int64) Cell { return Cell{Text: itoa(v)} }

// TextCell is a cell of text.
func TextCell(s string) Cell { return Cell{Text: s} }

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

// Percent formats a share of a whole with one decimal: "43.5%"; "—" when the
// whole is zero.
func Percent(part, whole int64) string {
	if whole == 0 {
		return "—"
	}
	return strconv.FormatFloat(float64(part)*100/float64(whole), 'f', 1, 64) + "%"
}

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
