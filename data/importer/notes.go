package importer

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"nianbao/data"
	"nianbao/data/catalog"
)

// Note is one thing the import command says of a report it imported, and
// the pre-publication check (发布前体检, see Precheck) shows: what is wrong,
// where (table, row and column), and what would make it right, in Chinese
// for the staff who write the report; and the line `nianbao import` prints
// for it, so that the two can be compared.
type Note struct {
	Kind   string     `json:"kind"` // one of the Note… kinds
	Rule   int        `json:"rule,omitempty"`
	Table  data.Table `json:"table,omitempty"`  // TableDisclosure, TableRequests or TableAppeals
	Row    string     `json:"row,omitempty"`    // the row's label, as the template prints it
	Column string     `json:"column,omitempty"` // the column's label
	Text   string     `json:"text"`             // what is wrong
	Fix    string     `json:"fix,omitempty"`    // what would make it consistent
	Line   string     `json:"line"`             // as `nianbao import` prints it, after the file's name
}

// The kinds of note, in the order the pre-publication check lists them:
// what to fix first.
const (
	NoteCheck     = "check"      // a cross-check of the tables (rules 1–4) breaks
	NoteLabel     = "label"      // a label is not the template's
	NoteSection   = "section"    // part 五 or 六 is missing, empty or only 无
	NoteNarrative = "narrative"  // the narrative's count differs from the table's (rule 6)
	NoteCrossYear = "cross_year" // 上年结转 differs from last year's 结转下年度 (rule 5)
	NoteRecovered = "recovered"  // a number lost in copying, recovered by a cross-check
	NoteWarning   = "warning"    // something the copy lacked (Imported.Warnings)
	NoteRefused   = "refused"    // the report cannot be read (an *Error)
)

// NoteKinds are the kinds in the order of what to fix.
var NoteKinds = []string{NoteRefused, NoteCheck, NoteLabel, NoteSection, NoteNarrative, NoteCrossYear, NoteRecovered, NoteWarning}

// Notes are the notes of an imported report, in the order of NoteKinds:
// the findings of cross-checks 1–4 with both sides, the labels not the
// template's, parts 五 and 六 missing, empty or only 无, the narrative's
// counts that differ from the tables (rule 6), the numbers recovered, and
// the importer's warnings. The cross-year check needs the body's previous
// report: see CrossYearNotes.
func Notes(imp *Imported) []Note {
	r := imp.Report
	var out []Note
	for _, e := range data.Equations(r) {
		if printed, want := e.Printed(r), e.Want(r); printed != want {
			out = append(out, checkNote(r, e, printed, want))
		}
	}
	for _, l := range imp.Labels {
		out = append(out, labelNote(r, l))
	}
	out = append(out, sectionNotes(r)...)
	for _, f := range data.NarrativeFindings(r) {
		out = append(out, Note{Kind: NoteNarrative, Rule: f.Rule, Table: f.Table, Row: f.RowLabel(), Column: f.ColumnLabel(),
			Text: fmt.Sprintf("正文“%s”写的是 %d，表%s“%s”%s列印的是 %d。", f.Quote, f.Want, f.Table, f.RowLabel(), f.ColumnLabel(), f.Printed),
			Fix:  "核对后改正有误的一方，使正文与表格一致。（本检查按常见句式读取正文，也可能误读，请以报告原意为准。）",
			Line: fmt.Sprintf("finding: rule %d, 表%s %s / %s: printed %d, the text says %d (“%s”)", f.Rule, f.Table, f.Row, f.Column, f.Printed, f.Want, f.Quote)})
	}
	for _, c := range data.RecoveredCells(r) {
		f := data.Finding{Table: c.Table, Row: c.Row, Column: c.Column}
		out = append(out, Note{Kind: NoteRecovered, Rule: c.Rule, Table: c.Table, Row: f.RowLabel(), Column: f.ColumnLabel(),
			Text: fmt.Sprintf("表%s“%s”%s列的数字没有读到，由规则%d推算为 %d。", c.Table, f.RowLabel(), f.ColumnLabel(), c.Rule, c.Value),
			Fix:  "在表格中填上这个数字（没有的填 0），不要留空。",
			Line: fmt.Sprintf("recovered: 表%s %s / %s = %d (rule %d)", c.Table, c.Row, c.Column, c.Value, c.Rule)})
	}
	for _, w := range imp.Warnings {
		out = append(out, Note{Kind: NoteWarning, Text: warningText(w), Line: w})
	}
	return out
}

// checkNote describes a broken instance of cross-checks 1–4 with both
// sides: the cell the rule is checked at as printed, and the sum the other
// cells make, each named with its value (those of 0 left out of long sums).
func checkNote(r *data.Report, e data.Equation, printed, want int64) Note {
	label := func(tm data.Term) (row, col string) {
		f := data.Finding{Table: e.Table, Row: tm.Row, Column: e.Table.Columns()[tm.Col].Key}
		return f.RowLabel(), f.ColumnLabel()
	}
	first := e.Terms[0]
	row, col := label(first)
	byRow := e.Rule == data.RuleRow || e.Rule == data.RuleAppeals // the terms are a row's cells
	var plus, minus []string
	zeros := 0
	for _, tm := range e.Terms[1:] {
		v := r.Cell(e.Table, tm.Row, tm.Col).N()
		if v == 0 && len(e.Terms) > 6 {
			zeros++
			continue
		}
		rl, cl := label(tm)
		name := rl
		if byRow {
			name = cl
		}
		if -tm.Coef*first.Coef < 0 {
			minus = append(minus, fmt.Sprintf("%s %d", name, v))
		} else {
			plus = append(plus, fmt.Sprintf("%s %d", name, v))
		}
	}
	sum := strings.Join(plus, " ＋ ")
	if len(minus) > 0 {
		sum += " － " + strings.Join(minus, " － ")
	}
	if len(plus)+len(minus) == 0 {
		sum = "各项均为 0"
	} else if zeros > 0 {
		sum += "（其余各项为 0）"
	}
	where := fmt.Sprintf("表%s“%s”%s列", e.Table, row, col)
	if e.Table.IsAppeals() {
		where = fmt.Sprintf("表四“%s”的%s", row, col)
	}
	f := data.Finding{Rule: e.Rule, Table: e.Table, Row: first.Row, Column: e.Column(), Printed: printed, Want: want}
	return Note{Kind: NoteCheck, Rule: e.Rule, Table: e.Table, Row: row, Column: col,
		Text: fmt.Sprintf("%s印的是 %d；按规则%d（%s），应等于 %s ＝ %d，相差 %+d。", where, printed, e.Rule, data.RuleText(e.Rule), sum, want, printed-want),
		Fix:  fmt.Sprintf("若其他数字无误，把%s改为 %d；否则核对等式另一边的各项。", where, want),
		Line: fmt.Sprintf("finding: rule %d, 表%s %s / %s: printed %d, the rule wants %d", f.Rule, f.Table, f.Row, f.Column, f.Printed, f.Want)}
}

// templateName names the template version of a report.
func templateName(format string) string {
	if format == data.Format2019 {
		return "2019年版统一格式（国办公开办函〔2019〕60号）"
	}
	return "2021年版统一格式（国办公开办函〔2021〕30号）"
}

func labelNote(r *data.Report, l LabelProblem) Note {
	n := Note{Kind: NoteLabel, Table: l.Table, Line: l.String()}
	tmpl := templateName(r.Format)
	switch {
	case l.Found == "":
		n.Row = l.Template
		n.Text = fmt.Sprintf("表%s缺少“%s”一行（%s有这一行）。", l.Table, l.Template, tmpl)
		n.Fix = fmt.Sprintf("按统一格式补上“%s”一行，没有的数字填 0。", l.Template)
	case l.Header:
		n.Column = l.Template
		n.Text = fmt.Sprintf("表%s的表头印作“%s”，%s为“%s”。", l.Table, l.Found, tmpl, l.Template)
		n.Fix = fmt.Sprintf("把“%s”改为“%s”。", l.Found, l.Template)
	case l.Table == data.TableDisclosure:
		n.Row = l.Template
		n.Text = fmt.Sprintf("表二的行名“%s”不是%s的“%s”，这一行的数字因此没有读入。", l.Found, tmpl, l.Template)
		n.Fix = fmt.Sprintf("把“%s”改为“%s”。", l.Found, l.Template)
	default:
		n.Row = l.Template
		n.Text = fmt.Sprintf("表%s的行名印作“%s”，%s为“%s”。", l.Table, l.Found, tmpl, l.Template)
		n.Fix = fmt.Sprintf("把“%s”改为“%s”。", l.Found, l.Template)
	}
	return n
}

var (
	signatureDateRE = regexp.MustCompile(`[0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日`)
	punctuationRE   = regexp.MustCompile(`[\s\p{P}]+`)
)

// sectionNotes are parts 五 and 六 missing, empty, or saying only 无 (the
// body's name and a date, a signature that follows, left out).
func sectionNotes(r *data.Report) []Note {
	var out []Note
	for _, s := range []struct{ key, num, title, fix string }{
		{data.SectionProblems, "五", "存在的主要问题及改进情况", "写明本年度政府信息公开工作存在的主要问题和改进措施。"},
		{data.SectionOther, "六", "其他需要报告的事项", "写明其他需要报告的事项。"},
	} {
		if s.key == data.SectionOther && r.Format == data.Format2021 {
			s.fix = "按2021年版统一格式说明本年度收取信息处理费的情况（如“本年度未收取信息处理费”），以及其他需要报告的事项。"
		}
		sec := r.Section(s.key)
		var what, line string
		switch {
		case sec == nil:
			what = fmt.Sprintf("没有找到第%s部分“%s”。", s.num, s.title)
			line = "missing"
		default:
			text := signatureDateRE.ReplaceAllString(strings.Join(sec.Paragraphs, ""), "")
			text = strings.ReplaceAll(text, r.Body, "")
			switch punctuationRE.ReplaceAllString(text, "") {
			case "":
				what = fmt.Sprintf("第%s部分“%s”没有内容。", s.num, s.title)
				line = "empty"
			case "无", "无其他需要报告的事项", "暂无", "没有":
				what = fmt.Sprintf("第%s部分“%s”只写了“无”。", s.num, s.title)
				line = "only “无”"
			}
		}
		if what != "" {
			out = append(out, Note{Kind: NoteSection, Row: s.num + "、" + s.title, Text: what, Fix: s.fix,
				Line: fmt.Sprintf("section %s (%s): %s", s.num, s.title, line)})
		}
	}
	return out
}

// CrossYearNotes are the findings of the cross-year check (rule 5) against
// the body's previous report, each with both numbers: with the previous
// report whole, in every column; with its index entry only (prev nil), in
// the 总计 column, which is what the catalog index keeps.
func CrossYearNotes(cur, prev *data.Report, entry *catalog.Entry) []Note {
	var fs []data.Finding
	title := ""
	switch {
	case prev != nil:
		fs = data.CrossYear(prev, cur)
		title = prev.Title()
	case entry != nil && entry.Year == cur.Year-1:
		printed, want := cur.Requests.Get(data.RowCarriedIn.Key, data.ColTotal), entry.CarriedOver()
		if printed != want {
			fs = []data.Finding{{Rule: data.RuleCrossYear, Table: data.TableRequests, Row: data.RowCarriedIn.Key, Column: "total", Printed: printed, Want: want}}
		}
		title = fmt.Sprintf("%s%d年政府信息公开工作年度报告", cur.Body, entry.Year)
	}
	var out []Note
	for _, f := range fs {
		out = append(out, Note{Kind: NoteCrossYear, Rule: f.Rule, Table: f.Table, Row: f.RowLabel(), Column: f.ColumnLabel(),
			Text: fmt.Sprintf("表三“%s”%s列为 %d，而上年报告《%s》的“%s”为 %d。", f.RowLabel(), f.ColumnLabel(), f.Printed, title, data.RowCarriedOver.Label, f.Want),
			Fix:  fmt.Sprintf("本年的上年结转应等于上年的结转下年度：若上年报告无误，把%s列改为 %d；若有出入，在报告中说明原因。", f.ColumnLabel(), f.Want),
			Line: fmt.Sprintf("finding: rule %d, 表%s %s / %s: printed %d, last year's report wants %d", f.Rule, f.Table, f.Row, f.Column, f.Printed, f.Want)})
	}
	return out
}

// warningTexts say the importer's warnings in Chinese, by their start; a
// warning none matches is said to be one, with its words as printed.
var warningTexts = []struct {
	re   *regexp.Regexp
	text func(m []string) string
}{
	{regexp.MustCompile(`^table 二: no row found`), func([]string) string { return "表二（主动公开政府信息情况）一行也没有读到。" }},
	{regexp.MustCompile(`^table 二, row (\S+) \(line (\d+)\): (\d+) values for (\d+) columns`), func(m []string) string {
		return fmt.Sprintf("表二“%s”一行（第 %s 行）只有 %s 个数字，应有 %s 个；缺的按空白处理。", data.DisclosureKeys[m[1]], m[2], m[3], m[4])
	}},
	{regexp.MustCompile(`^table 四: the copy gives (\d+) numbers for (\d+) cells`), func(m []string) string {
		return fmt.Sprintf("表四只有 %s 个数字，应有 %s 个；空着的格子已按位置补为空白。请把每一格都填上数字（没有的填 0）。", m[1], m[2])
	}},
	{regexp.MustCompile(`^table 四: the copy prints its numbers out of order`), func([]string) string {
		return "表四的数字顺序与表头不一致，已按规则4重新排列。请核对表四各列。"
	}},
	{regexp.MustCompile(`^table 四: the numbers break cross-check 4`), func([]string) string {
		return "表四的数字不符合规则4，且无法重新排列：按原样读取。"
	}},
	{regexp.MustCompile(`^the page's date (\S+) is left out`), func(m []string) string {
		return fmt.Sprintf("页面上的日期 %s 与报告年度不符，没有作为发布日期。", m[1])
	}},
	{regexp.MustCompile(`^the original's address is left out`), func([]string) string { return "页面给出的原文地址不是有效的网址，没有采用。" }},
}

func warningText(w string) string {
	for _, t := range warningTexts {
		if m := t.re.FindStringSubmatch(w); m != nil {
			return t.text(m)
		}
	}
	return "读取时的提示（英文原文）：" + w
}

// refusedNote says why a report cannot be read, in Chinese by the cause,
// with where (line and table) and the import command's message.
func refusedNote(err error, browser bool) Note {
	n := Note{Kind: NoteRefused, Line: err.Error()}
	var e *Error
	where := ""
	if errors.As(err, &e) {
		n.Table = e.Table
		if e.Line > 0 {
			where = "第 " + strconv.Itoa(e.Line) + " 行"
		}
		if e.Table != "" {
			where += "表" + string(e.Table)
		}
		if where != "" {
			where += "："
		}
	}
	switch {
	case errors.Is(err, ErrPDFTool) && browser:
		n.Text = "浏览器中读不出 PDF 文件里的表格。"
		n.Fix = "请把报告另存为 Word（.docx）或网页（.html）后再拖入本页；或在电脑上用命令行 nianbao import 检查 PDF（需安装 poppler-utils 中的 pdftotext），它给出与本页相同的检查结果。"
		return n
	case errors.Is(err, ErrEmpty):
		n.Text, n.Fix = "文件是空的。", "请选择报告文件本身。"
	case errors.Is(err, ErrEncoding):
		n.Text, n.Fix = "文件的文字编码无法识别（既不是 UTF-8，也不是 GB18030/GBK）。", "请把报告另存为 UTF-8 文本、网页或 Word（.docx）。"
	case errors.Is(err, ErrBinary):
		n.Text, n.Fix = "这不是可以读取的报告文件（支持 .docx、网页、文本、Markdown）。", "Word 97–2003 的 .doc 请另存为 .docx；扫描件或图片请先做文字识别。"
	case errors.Is(err, ErrNoText):
		n.Text, n.Fix = "文件里没有文字（可能是扫描件）。", "请使用报告的 Word 或网页版本。"
	case errors.Is(err, ErrNotReport):
		n.Text, n.Fix = where+"没有找到统一格式的表格（表三的“一、本年新收政府信息公开申请数量”一行，或表四的行政复议、行政诉讼表头）。", "请确认文件是按统一格式编写的政府信息公开工作年度报告，表格完整。"
	case errors.Is(err, ErrNoTitle):
		n.Text, n.Fix = "报告开头没有写明机关名称和年度的标题。", "在表格之前加上标题，如“某某局2025年政府信息公开工作年度报告”。"
	case errors.Is(err, ErrFormat):
		n.Text, n.Fix = "从表二的表头看不出是哪一版统一格式。", "按2021年版统一格式填写表二表头（本年制发件数、本年废止件数、现行有效件数……）。"
	case errors.Is(err, ErrCells), errors.Is(err, ErrNoFit), errors.Is(err, ErrAmbiguous):
		n.Text, n.Fix = where+"表格的数字填不满表格，或行数与统一格式不符。", "按统一格式逐行逐列填写数字，没有的填 0，不要合并或删去行列。"
	case errors.Is(err, ErrNotCount):
		n.Text, n.Fix = where+"表格里有一格不是整数。", "表三、表四只填件数（整数）。"
	default:
		n.Text, n.Fix = where+"报告无法读取。", "请检查报告的格式。"
	}
	n.Text += "（命令行给出的原文：" + err.Error() + "）"
	return n
}
