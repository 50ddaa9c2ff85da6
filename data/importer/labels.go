package importer

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"nianbao/data"
)

// LabelProblem is a label of a table that is not the template's: a row of
// table 三 renamed or misspelt, a header of table 三 or 四 misspelt, a row
// of table 二 misspelt (and so not read) or missing. The importer reads
// rows by phrases of their labels and by their order, so a report whose
// labels stray still imports; evaluators count such labels against the
// body, and a draft is where they are cheap to fix.
type LabelProblem struct {
	Table    data.Table // TableDisclosure, TableRequests or TableAppeals
	Line     int        // the line of the text read, 0 when the label is missing
	Row      string     // the row's key where the label is a known row's
	Header   bool       // the label is a header's
	Found    string     // the label as printed ("" when missing)
	Template string     // the template's label
}

// String is how the import command prints it.
func (l LabelProblem) String() string {
	switch {
	case l.Found == "":
		return fmt.Sprintf("label: 表%s: no row “%s”", l.Table, l.Template)
	case l.Header:
		return fmt.Sprintf("label: 表%s header (line %d): “%s”, the template's “%s”", l.Table, l.Line, l.Found, l.Template)
	}
	if l.Row == "" {
		return fmt.Sprintf("label: 表%s (line %d): “%s” names no row; the nearest is the template's “%s”", l.Table, l.Line, l.Found, l.Template)
	}
	return fmt.Sprintf("label: 表%s row %s (line %d): “%s”, the template's “%s”", l.Table, l.Row, l.Line, l.Found, l.Template)
}

var (
	labelNumberRE = regexp.MustCompile(`^([0-9]{1,2})[.．、]`)
	labelQuotes   = strings.NewReplacer("“", "", "”", "", "‘", "", "’", "", "\"", "", "'", "", "「", "", "」", "", "：", "", "。", "")
)

// normLabel makes a label comparable: numbering written one way
// ("1、" and "1．" as "1."), no quotation marks, colons or full stops.
func normLabel(s string) string {
	s = labelNumberRE.ReplaceAllString(canon(s), "$1.")
	return labelQuotes.Replace(s)
}

// sameLabel says whether a printed label is the template's: the same once
// normalised; the template's cut short (a label that wraps, or one that
// leaves out 部分公开's parenthesis); or the template's after other words
// (a copy puts the merged cell of the category before its first row:
// （三）不予公开1.属于国家秘密); with or without its numbering.
func sameLabel(found, template string) bool {
	f, t := normLabel(found), normLabel(template)
	if f == t || utf8.RuneCountInString(f) >= 4 && strings.HasPrefix(t, f) || strings.HasSuffix(f, t) {
		return true
	}
	f, t = stripNumbering(f), stripNumbering(t)
	return f == t || utf8.RuneCountInString(f) >= 4 && strings.HasPrefix(t, f)
}

// requestLabels checks the row labels of table 三 (lines from its first
// row to table 四) against the template: each line that starts a row
// (its label with numbers, or a label rowKeyOf knows) is compared with
// the template's label of its row, a label that wraps onto the next line
// joined first. Where the copy keeps each label whole in its cell (cells:
// HTML, Word, Markdown), a row whose label names no row of the template is
// reported with the nearest template label, and a row the template has
// that no label names is reported missing; in text, a label cut by the
// page or the column is no such thing.
func requestLabels(lines []textLine, otherSplit, cells bool) []LabelProblem {
	type labelled struct {
		key, label string
		line       int
		numbers    bool
	}
	var rows []labelled
	for _, l := range lines {
		if strings.TrimSpace(l.raw) == "" {
			continue
		}
		label, vals := splitFields(l.raw)
		if label == "" {
			continue
		}
		key := rowKeyOf(label)
		if key == "" && label == "其他" {
			key = "other.other"
		}
		switch {
		case key != "":
			rows = append(rows, labelled{key, label, l.n, len(vals) > 0})
		case len(vals) > 0 && cells:
			rows = append(rows, labelled{"", label, l.n, true})
		case len(rows) > 0 && rows[len(rows)-1].key != "":
			// A label that wraps: its rest stands on the next line.
			last := &rows[len(rows)-1]
			if t := data.RowLabel(last.key); !sameLabel(last.label, t) && sameLabel(last.label+label, t) {
				last.label += label
			}
		}
	}
	var out []LabelProblem
	seen := map[string]bool{}
	keys := templateRows(otherSplit)
	var numbered []labelled
	for _, r := range rows {
		if r.numbers && r.key != "other" || r.key == "other" && !otherSplit {
			numbered = append(numbered, r)
		}
	}
	for i, r := range numbered {
		// Where every row has its numbers, a row stands for the
		// template's row at its place, as the importer reads it.
		if r.key == "" && len(numbered) == len(keys) {
			out = append(out, LabelProblem{Table: data.TableRequests, Line: r.line, Found: r.label, Template: data.RowLabel(keys[i])})
			seen[keys[i]] = true
		}
	}
	for _, r := range rows {
		if r.key == "" {
			if len(numbered) != len(keys) {
				out = append(out, LabelProblem{Table: data.TableRequests, Line: r.line, Found: r.label, Template: nearestRowLabel(r.label, otherSplit)})
			}
			continue
		}
		seen[r.key] = true
		if t := data.RowLabel(r.key); !sameLabel(r.label, t) {
			out = append(out, LabelProblem{Table: data.TableRequests, Line: r.line, Row: r.key, Found: r.label, Template: t})
		}
	}
	// Rows with no label at all: only where the copy labels its rows (PDF
	// text in reading order prints labels apart from the numbers).
	if cells && len(numbered) >= len(keys)/2 {
		for _, k := range keys {
			if !seen[k] && !renamed(out, k) {
				out = append(out, LabelProblem{Table: data.TableRequests, Row: k, Template: data.RowLabel(k)})
			}
		}
	}
	return out
}

// renamed says whether a row the labels do not name is the one a renamed
// label stands for (a label that names no row, reported with its
// template label).
func renamed(ps []LabelProblem, key string) bool {
	for _, p := range ps {
		if p.Row == "" && p.Template == data.RowLabel(key) {
			return true
		}
	}
	return false
}

// nearestRowLabel is the template's row label nearest a label that names
// no row (by edit distance, numbering left out).
func nearestRowLabel(label string, otherSplit bool) string {
	best, bestD := "", -1
	for _, k := range templateRows(otherSplit) {
		t := data.RowLabel(k)
		d := editDistance([]rune(stripNumbering(normLabel(label))), []rune(stripNumbering(normLabel(t))))
		if bestD < 0 || d < bestD {
			best, bestD = t, d
		}
	}
	return best
}

// The header labels of tables 三 and 四 that a misspelling is looked for
// against. 其他 and 总计 are too short to tell a misspelling from another
// word.
var (
	requestHeader = []string{"申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构"}
	appealHeader  = []string{"行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果", "尚未审结"}
)

// headerLabels looks for misspelt header labels (行政法复议 for 行政复议) in
// a table's header lines, as a copy that keeps its cells gives them: a
// cell one edit away from a label (a character added, dropped or
// changed), or, in a crawler's run of the header's cells, the text between
// the labels it holds whole that is one edit away from a label it lacks. A
// label the header lacks altogether is not reported (a header may word or
// merge its cells otherwise).
func headerLabels(table data.Table, lines []textLine, labels []string) []LabelProblem {
	var out []LabelProblem
	report := func(found, want string, line int) {
		for _, p := range out {
			if p.Template == want {
				return
			}
		}
		out = append(out, LabelProblem{Table: table, Line: line, Header: true, Found: found, Template: want})
	}
	for _, l := range lines {
		for _, f := range strings.Fields(l.raw) {
			cell := normLabel(f)
			gaps := runGaps([]rune(cell), labels)
			for _, want := range labels {
				if strings.Contains(cell, want) {
					continue
				}
				w := []rune(want)
				if gaps == nil {
					if editDistance([]rune(cell), w) == 1 && !containsAny(cell, labels, want) {
						report(cell, want, l.n)
					}
					continue
				}
				for _, g := range gaps {
					if piece := g.match(w); piece != "" && !containsAny(piece, labels, want) {
						report(piece, want, l.n)
						break
					}
				}
			}
		}
	}
	return out
}

// gap is text of a run of header cells between the labels it holds
// whole: closed on a side where a label stands next to it.
type gap struct {
	text        []rune
	closedLeft  bool
	closedRight bool
}

// runGaps are the gaps of a run between the labels it holds whole
// (longest labels first, so that 本年处理决定数量 is not taken for 处理决定数量),
// or nil when it holds none.
func runGaps(run []rune, labels []string) []gap {
	covered := make([]bool, len(run))
	byLength := append([]string(nil), labels...)
	sort.Slice(byLength, func(i, j int) bool { return utf8.RuneCountInString(byLength[i]) > utf8.RuneCountInString(byLength[j]) })
	found := false
	for _, l := range byLength {
		w := []rune(l)
	next:
		for i := 0; i+len(w) <= len(run); i++ {
			for k := range w {
				if covered[i+k] || run[i+k] != w[k] {
					continue next
				}
			}
			for k := range w {
				covered[i+k] = true
			}
			found = true
		}
	}
	if !found {
		return nil
	}
	var gaps []gap
	for i := 0; i < len(run); {
		if covered[i] {
			i++
			continue
		}
		j := i
		for j < len(run) && !covered[j] {
			j++
		}
		gaps = append(gaps, gap{run[i:j], i > 0, j < len(run)})
		i = j
	}
	return gaps
}

// match is the piece of the gap one edit away from the label w, or "":
// the whole gap where labels close it on both sides; where one side is
// open (the run goes on into a row's label and numbers, or starts with a
// heading), the piece of w's length or one less or more next to the
// closed side, w's length first.
func (g gap) match(w []rune) string {
	for _, n := range []int{len(w), len(w) - 1, len(w) + 1} {
		var piece []rune
		switch {
		case g.closedLeft && g.closedRight:
			if n != len(g.text) {
				continue
			}
			piece = g.text
		case g.closedLeft && n <= len(g.text):
			piece = g.text[:n]
		case g.closedRight && n <= len(g.text):
			piece = g.text[len(g.text)-n:]
		default:
			continue
		}
		if editDistance(piece, w) == 1 {
			return string(piece)
		}
	}
	return ""
}

// containsAny says whether s holds one of the labels other than except
// whole, or is part of one (a piece one edit away from a label may be
// another label, or run into one).
func containsAny(s string, labels []string, except string) bool {
	for _, l := range labels {
		if l == except {
			continue
		}
		if strings.Contains(s, l) || strings.Contains(l, s) {
			return true
		}
	}
	return false
}

// disclosureLabels checks table 二 (lines as the importer read it) for the
// rows of the template version: a row the import did not find is reported
// missing, or, where a label one or two edits away from it stands, as that
// label misspelt (which is why it was not read).
func disclosureLabels(lines []textLine, format string, got []data.DisclosureRow) []LabelProblem {
	have := map[string]bool{}
	for _, r := range got {
		have[r.Key] = true
	}
	var out []LabelProblem
	for _, d := range disclosureRows {
		keys := d.v2019
		if format == data.Format2021 {
			keys = d.v2021
		}
		if keys == nil || have[d.key] {
			continue
		}
		want := d.labels[len(d.labels)-1] // the 2021 label (行政规范性文件) where two are known
		if format == data.Format2019 {
			want = d.labels[0]
		}
		p := LabelProblem{Table: data.TableDisclosure, Row: d.key, Template: want}
		for _, l := range lines {
			label, _ := splitFields(l.raw)
			if label == "" || utf8.RuneCountInString(label) > 20 {
				continue
			}
			if d := editDistance([]rune(label), []rune(want)); d > 0 && d <= 2 && d < utf8.RuneCountInString(want)/2 {
				p.Found, p.Line = label, l.n
				break
			}
		}
		out = append(out, p)
	}
	return out
}

// editDistance is the Levenshtein distance of two strings of runes.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Header labels of table 二, by template version.
var disclosureHeader = map[string][]string{
	data.Format2019: {"信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "处理决定数量", "采购项目数量", "采购总金额"},
	data.Format2021: {"信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额"},
}

// checkLabels checks the labels of tables 二, 三 and 四 of a report read
// from lines in the form (p its parts, disclosure table 二's lines).
// Headers are checked where the copy keeps their cells whole or runs them
// together (HTML, Word, Markdown, a crawler's text): PDF text cuts narrow
// cells into pieces that only look misspelt.
func checkLabels(lines []textLine, p parts, disclosure []textLine, r *data.Report, form string) []LabelProblem {
	cells := form == FormHTML || form == FormDocx || form == FormMarkdown
	headers := cells || form == FormCrawler
	out := disclosureLabels(disclosure, r.Format, r.Disclosure)
	if headers {
		out = append(out, headerLabels(data.TableDisclosure, disclosure, disclosureHeader[r.Format])...)
		out = append(out, headerLabels(data.TableRequests, lines[p.head3:p.requests], requestHeader)...)
	}
	out = append(out, requestLabels(lines[p.requests:p.appeals], r.Requests.OtherSplit(), cells)...)
	if headers {
		end := p.sectionEnd(p.appeals)
		head := p.appeals
		for head < end {
			if _, vals := splitFields(lines[head].raw); len(vals) > 0 {
				break
			}
			head++
		}
		out = append(out, headerLabels(data.TableAppeals, lines[p.appeals:head], appealHeader)...)
	}
	return out
}
