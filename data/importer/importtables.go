package importer

import (
	"fmt"
	"nianbao/data"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// field is one white-space separated piece of a line.
type field struct {
	text  string
	value bool   // a number or a blank marker
	blank bool   // "/", "—", "－": the report left the cell blank
	num   string // the number, without separators, when value && !blank
	unit  string // a unit printed with the number (table 二 amounts)
}

var (
	numberRE = regexp.MustCompile(`^([+-]?[0-9]{1,3}(?:,[0-9]{3})+|[+-]?[0-9]+)(\.[0-9]+)?(万元|亿元|元)?$`)
	blankRE  = regexp.MustCompile(`^(/|／|—+|－+|-+|–+|\\)$`)
)

// splitFields splits a line into a label (the leading words) and the values
// that end it.
func splitFields(raw string) (label string, vals []field) {
	words := strings.Fields(raw)
	fs := make([]field, 0, len(words))
	for _, w := range words {
		f := field{text: w}
		c := w[0]
		if (c == '/' || c == '-' || c == '\\' || c >= 0x80) && blankRE.MatchString(w) {
			f.value, f.blank = true, true
		} else if c >= '0' && c <= '9' && allDigits(w) {
			f.value, f.num = true, w
		} else if c >= '0' && c <= '9' || c == '+' || c == '-' {
			if m := numberRE.FindStringSubmatch(w); m != nil {
				f.value = true
				f.num = strings.ReplaceAll(m[1], ",", "") + m[2]
				f.unit = m[3]
			}
		}
		fs = append(fs, f)
	}
	i := len(fs)
	for i > 0 && fs[i-1].value {
		i--
	}
	var lab []string
	for _, f := range fs[:i] {
		lab = append(lab, f.text)
	}
	return canon(strings.Join(lab, "")), fs[i:]
}

func allDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// rowPhrases tell a row of table 三 by a phrase of its label; the first
// match wins, so the more specific phrases come first.
var rowPhrases = []struct{ key, phrase string }{
	{"new", "本年新收"},
	{"carried_over", "结转下年度"},
	{"carried_in", "上年结转"},
	{"denied.state_secret", "国家秘密"},
	{"denied.prohibited_by_law", "禁止公开"},
	{"denied.prohibited_by_law", "其他法律行政"},
	{"denied.three_safeties", "三安全一稳定"},
	{"denied.third_party", "第三方合法权益"},
	{"denied.internal_affairs", "内部事务"},
	{"denied.process_info", "过程性信息"},
	{"denied.enforcement_file", "行政执法案卷"},
	{"denied.admin_query", "行政查询"},
	{"unable.not_held", "不掌握"},
	{"unable.needs_creation", "另行制作"},
	{"unable.needs_creation", "没有现成"},
	{"unable.unclear", "仍不明确"},
	{"declined.petition", "信访举报"},
	{"declined.duplicate", "重复申请"},
	{"declined.publication", "公开出版物"},
	{"declined.mass_repeat", "大量反复"},
	{"declined.confirmation", "重新出具"},
	{"other.no_correction", "逾期不补"},
	{"other.no_fee", "逾期未按"},
	{"other.no_fee", "收费通知"},
	{"other", "其他处理"},
	{"total", "（七）总计"},
	{"granted", "予以公开"},
	{"partial", "部分公开"},
}

var otherOtherRE = regexp.MustCompile(`^3[.．]其他$`)

// rowKeyOf returns the table 三 row a label names, or "".
func rowKeyOf(label string) string {
	if label == "" {
		return ""
	}
	if otherOtherRE.MatchString(label) {
		return "other.other"
	}
	for _, p := range rowPhrases {
		if strings.Contains(label, p.phrase) {
			return p.key
		}
	}
	return ""
}

// rawRow is a row of table 三 as found: its label line and cells.
type rawRow struct {
	label string
	line  int
	cells []data.Cell
}

// parseRequests reads table 三 from its lines. Rows are told apart by their
// labels where the copy keeps them with their numbers, and by counting seven
// cells where it does not (PDF reading order puts some labels after the
// numbers); they are then named by their order in the template. Blank cells
// are "/" or "—", or in a one-cell-per-line copy an extra empty line; a row
// with cells lost in copying is recovered by the cross-checks or refused.
func parseRequests(lines []textLine, line0 int) (data.Requests, error) {
	var rows []rawRow
	var cur *rawRow
	started, split := false, false
	empties := 0     // empty lines since the last content line
	singles := false // the last content line was one cell or a row label
	push := func() {
		if cur != nil && len(cur.cells) > 0 {
			rows = append(rows, *cur)
		}
		cur = nil
	}
	add := func(c data.Cell, line int) {
		if cur == nil {
			cur = &rawRow{line: line}
		}
		cur.cells = append(cur.cells, c)
		if len(cur.cells) == len(data.RequestColumns) {
			push()
		}
	}
	for _, l := range lines {
		if strings.TrimSpace(l.raw) == "" {
			empties++
			continue
		}
		label, vals := splitFields(l.raw)
		key := rowKeyOf(label)
		if !started {
			if key != "new" {
				empties = 0
				continue
			}
			started = true
		}
		if key == "other.no_correction" || key == "other.no_fee" || key == "other.other" {
			split = true
		}
		// In a one-cell-per-line copy each cell is followed by one empty
		// line; more empty lines are blank cells.
		if singles && empties >= 2 && cur != nil && (len(vals) <= 1) {
			for i := 0; i < empties-1 && cur != nil && len(cur.cells) < len(data.RequestColumns); i++ {
				add(data.Cell{Status: data.Blank}, l.n)
			}
		}
		empties = 0
		if key != "" {
			push()
			cur = &rawRow{label: label, line: l.n}
		}
		for _, v := range vals {
			if v.blank {
				add(data.Cell{Status: data.Blank}, l.n)
				continue
			}
			n, err := strconv.ParseInt(v.num, 10, 64)
			if err != nil || v.unit != "" {
				return nil, refuse(l.n, data.TableRequests, ErrNotCount, "%q is not a count", v.text)
			}
			add(data.Num(n), l.n)
		}
		singles = key != "" || len(vals) == 1
	}
	push()
	if !started {
		return nil, refuse(line0, data.TableRequests, ErrNotReport, "no row “一、本年新收政府信息公开申请数量”")
	}

	keys := templateRows(split)
	if len(rows) != len(keys) {
		return nil, refuse(line0, data.TableRequests, ErrCells, "%d rows of numbers, want %d for this template (%s); the table is cut off or not in the national format",
			len(rows), len(keys), describeRows(rows))
	}
	t := data.Requests{}
	var short []shortRow
	for i, r := range rows {
		switch {
		case len(r.cells) == len(data.RequestColumns):
			row := data.RequestRow(r.cells)
			t[keys[i]] = &row
		case len(r.cells) == 1 && r.cells[0].Status == data.Printed && r.cells[0].Value == 0:
			// A single "0" stands for a row of zeros.
			t[keys[i]] = &data.RequestRow{}
		default:
			short = append(short, shortRow{Row: keys[i], Cells: r.cells})
		}
	}
	if err := Recover(t, short); err != nil {
		return nil, &Error{Line: line0, Table: data.TableRequests, Err: err}
	}
	RecoverBlanks(t)
	return t, nil
}

// templateRows lists the keys of table 三's rows in printed order.
func templateRows(otherSplit bool) []string {
	t := data.Requests{}
	if otherSplit {
		t["other.no_correction"] = nil
	}
	var keys []string
	for _, r := range t.Rows() {
		keys = append(keys, r.Key)
	}
	return keys
}

func describeRows(rows []rawRow) string {
	var parts []string
	for _, r := range rows {
		parts = append(parts, fmt.Sprintf("line %d: %d cells", r.line, len(r.cells)))
	}
	if len(parts) > 6 {
		parts = append(parts[:3], append([]string{"…"}, parts[len(parts)-3:]...)...)
	}
	return strings.Join(parts, "; ")
}

// parseAppeals reads table 四: fifteen cells in template order. PDF text in
// reading order prints them in runs out of order; then, if the printed
// order breaks cross-check 4, the runs are reassembled (see reassemble). A
// copy that gives fewer numbers lost its blank cells: see placeAppeals.
func parseAppeals(lines []textLine, line0 int) (data.Appeals, []string, error) {
	var runs [][]data.Cell
	var got []placed
	inRun := false
	empties := 0
	trail := -1 // the empty lines after the last number
	for _, l := range lines {
		if strings.TrimSpace(l.raw) == "" {
			empties++
			continue
		}
		if strings.Contains(l.raw, "。") {
			break // prose: the table has ended
		}
		label, vals := splitFields(l.raw)
		if label != "" || len(vals) == 0 {
			if label != "" {
				inRun = false
			}
			if len(got) > 0 && trail < 0 {
				trail = empties
			}
			empties = 0
			continue
		}
		trail = -1
		if !inRun {
			runs = append(runs, nil)
			inRun = true
		}
		for k, v := range vals {
			c := data.Cell{Status: data.Blank}
			if !v.blank {
				n, err := strconv.ParseInt(v.num, 10, 64)
				if err != nil || v.unit != "" {
					return nil, nil, refuse(l.n, data.TableAppeals, ErrNotCount, "%q is not a count", v.text)
				}
				c = data.Num(n)
			}
			runs[len(runs)-1] = append(runs[len(runs)-1], c)
			gap := -1 // several numbers on a line: no empty-line structure
			if len(vals) == 1 && k == 0 {
				gap = empties
			}
			got = append(got, placed{c, gap, l.n})
		}
		empties = 0
	}
	if trail < 0 {
		trail = empties
	}
	var cells []data.Cell
	for _, r := range runs {
		cells = append(cells, r...)
	}
	want := len(data.AppealRows) * len(data.AppealColumns)
	var warnings []string
	switch {
	case len(cells) > want:
		return nil, nil, refuse(line0, data.TableAppeals, ErrCells, "%d numbers for %d cells (行政复议, 未经复议直接起诉, 复议后起诉 × 结果维持, 结果纠正, 其他结果, 尚未审结, 总计)", len(cells), want)
	case len(cells) == 0:
		return nil, nil, refuse(line0, data.TableAppeals, ErrCells, "its header has no numbers under it: the copy is cut off, or the table is an image (run OCR on it)")
	case len(cells) < want:
		var how string
		var err error
		cells, how, err = placeAppeals(got, trail)
		if err != nil {
			return nil, nil, &Error{Line: line0, Table: data.TableAppeals, Err: err}
		}
		warnings = append(warnings, fmt.Sprintf("table 四: the copy gives %d numbers for %d cells; %s", len(got), want, how))
	case !appealsHold(cells) && len(runs) > 1:
		if re, ok := reassemble(runs); ok {
			cells = re
			warnings = append(warnings, "table 四: the copy prints its numbers out of order; reassembled by cross-check 4")
		} else {
			warnings = append(warnings, "table 四: the numbers break cross-check 4 and no other order of the copy's runs fits; kept as printed")
		}
	}
	return appealsOf(cells), warnings, nil
}

// appealsOf makes table 四 of its fifteen cells in template order.
func appealsOf(cells []data.Cell) data.Appeals {
	t := data.Appeals{}
	for g, row := range data.AppealRows {
		var r data.AppealRow
		copy(r[:], cells[g*len(data.AppealColumns):])
		t[row.Key] = &r
	}
	return t
}

// placed is a number of table 四 as the copy gives it, with the empty lines
// before it where it stands alone on its line (-1 otherwise).
type placed struct {
	cell data.Cell
	gap  int
	line int
}

// placeAppeals places the numbers of a table 四 copy that lost its blank
// cells. Where the copy prints one number a line, its empty lines come
// first: the usual gap between two numbers means adjacent cells, and, as in
// table 三 of such copies, each further empty line one blank cell; if that
// accounts for all fifteen cells (the empty lines before the first number and
// after the last counted too), the numbers stand there, whatever the
// cross-checks say. Otherwise every way of putting the numbers, in printed
// order, among the fifteen cells with the rest blank is tried, and kept when
// every group keeps cross-check 4; a longer gap still means at least one
// blank between, where the copy has the structure (and if no way then fits,
// without it). Exactly one way is accepted; several give an error listing
// them (ErrAmbiguous), none ErrNoFit.
func placeAppeals(got []placed, trail int) ([]data.Cell, string, error) {
	const n = len(data.AppealRows) * len(data.AppealColumns)
	k := len(got)
	blankCells := func() []data.Cell {
		cells := make([]data.Cell, n)
		for i := range cells {
			cells[i] = data.Cell{Status: data.Blank}
		}
		return cells
	}
	// The empty-line structure, where every number stands alone.
	structured := k > 1
	base := -1
	for _, g := range got {
		if g.gap < 0 {
			structured = false
			break
		}
		if base < 0 || g.gap < base {
			base = g.gap
		}
	}
	if structured {
		at := []int{got[0].gap - base}
		for i := 1; i < k; i++ {
			at = append(at, at[i-1]+1+got[i].gap-base)
		}
		if trail >= base && at[k-1]+1+trail-base == n {
			cells := blankCells()
			for i, c := range at {
				cells[c] = got[i].cell
			}
			return cells, "the copy's empty lines place the blank cells", nil
		}
	}
	try := func(useGaps bool) [][]data.Cell {
		var fits [][]data.Cell
		for _, at := range combinations(n, k) {
			if useGaps {
				ok := true
				for i := 1; i < k && ok; i++ {
					adjacent := at[i] == at[i-1]+1
					ok = adjacent == (got[i].gap == base)
				}
				if !ok {
					continue
				}
			}
			cells := blankCells()
			for i, c := range at {
				cells[c] = got[i].cell
			}
			if appealsHold(cells) {
				fits = append(fits, cells)
			}
		}
		return fits
	}
	var fits [][]data.Cell
	if structured {
		fits = try(true)
	}
	if len(fits) == 0 {
		fits = try(false)
	}
	switch len(fits) {
	case 1:
		return fits[0], "they fit only one way with the other cells blank (cross-check 4)", nil
	case 0:
		return nil, "", fmt.Errorf("%w: %d numbers for %d cells (%s), and no placement with the other cells blank keeps cross-check 4 (总计 = 维持 + 纠正 + 其他 + 尚未审结 in each group)",
			ErrNoFit, k, n, numberList(got))
	}
	const show = 8
	var alts []string
	for i, f := range fits {
		if i == show {
			alts = append(alts, fmt.Sprintf("and %d more", len(fits)-show))
			break
		}
		alts = append(alts, describeAppeals(f))
	}
	return nil, "", fmt.Errorf("%w: %d numbers for %d cells (%s); %d placements with the other cells blank keep cross-check 4, not choosing: %s",
		ErrAmbiguous, k, n, numberList(got), len(fits), strings.Join(alts, "; "))
}

func numberList(got []placed) string {
	var s []string
	for _, g := range got {
		s = append(s, cellText(g.cell))
	}
	return strings.Join(s, " ")
}

func cellText(c data.Cell) string {
	if c.Status == data.Blank {
		return "·"
	}
	return strconv.FormatInt(c.Value, 10)
}

// describeAppeals writes a filling of table 四 group by group, blanks as ·:
// "review 3 · 1 · 4 | litigation_direct · · · · · | …".
func describeAppeals(cells []data.Cell) string {
	var groups []string
	for g, row := range data.AppealRows {
		var s []string
		for _, c := range cells[g*5 : g*5+5] {
			s = append(s, cellText(c))
		}
		groups = append(groups, row.Key+" "+strings.Join(s, " "))
	}
	return "[" + strings.Join(groups, " | ") + "]"
}

// appealsHold says whether each group of five cells keeps cross-check 4.
func appealsHold(cells []data.Cell) bool {
	for g := 0; g+5 <= len(cells); g += 5 {
		if cells[g].N()+cells[g+1].N()+cells[g+2].N()+cells[g+3].N() != cells[g+4].N() {
			return false
		}
	}
	return true
}

// reassemble puts table 四 back together from runs of numbers printed out
// of order: every way of giving each run to one of the three groups, runs
// kept in printed order within a group, is tried; a group must get five
// cells that keep cross-check 4, and the groups take the template's order
// by where their last run (the 总计) is printed. Exactly one result is
// accepted.
func reassemble(runs [][]data.Cell) ([]data.Cell, bool) {
	if len(runs) > 10 {
		return nil, false
	}
	var found [][]data.Cell
	combos := 1
	for range runs {
		combos *= 3
	}
	for n := 0; n < combos; n++ {
		var groups [3][]data.Cell
		var last [3]int
		k := n
		for i, r := range runs {
			g := k % 3
			k /= 3
			groups[g] = append(groups[g], r...)
			last[g] = i
		}
		ok := true
		for g := range groups {
			ok = ok && len(groups[g]) == 5 && appealsHold(groups[g])
		}
		if !ok {
			continue
		}
		order := []int{0, 1, 2}
		sort.Slice(order, func(a, b int) bool { return last[order[a]] < last[order[b]] })
		var cells []data.Cell
		for _, g := range order {
			cells = append(cells, groups[g]...)
		}
		dup := false
		for _, f := range found {
			dup = dup || equalCells(f, cells)
		}
		if !dup {
			found = append(found, cells)
		}
	}
	if len(found) != 1 {
		return nil, false
	}
	return found[0], true
}

func equalCells(a, b []data.Cell) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// disclosureRows are the rows of table 二 by label, with their item and the
// values each template version gives them.
var disclosureRows = []struct {
	key, item string
	labels    []string
	v2019     []string
	v2021     []string
}{
	{"regulations", "第二十条第（一）项", []string{"规章"}, []string{"made", "published", "total_published"}, []string{"issued", "repealed", "in_force"}},
	{"normative_docs", "第二十条第（一）项", []string{"规范性文件", "行政规范性文件"}, []string{"made", "published", "total_published"}, []string{"issued", "repealed", "in_force"}},
	{"licensing", "第二十条第（五）项", []string{"行政许可"}, []string{"prev_items", "change", "decisions"}, []string{"decisions"}},
	{"other_services", "第二十条第（五）项", []string{"其他对外管理服务事项"}, []string{"prev_items", "change", "decisions"}, nil},
	{"penalty", "第二十条第（六）项", []string{"行政处罚"}, []string{"prev_items", "change", "decisions"}, []string{"decisions"}},
	{"enforcement", "第二十条第（六）项", []string{"行政强制"}, []string{"prev_items", "change", "decisions"}, []string{"decisions"}},
	{"fees", "第二十条第（八）项", []string{"行政事业性收费"}, []string{"prev_items", "change"}, []string{"fee_amount"}},
	{"procurement", "第二十条第（九）项", []string{"政府集中采购"}, []string{"items", "amount"}, nil},
}

// valueLabels are the column labels of table 二 as the template prints them.
var valueLabels = map[string]map[string]string{
	data.Format2019: {"made": "本年新制作数量", "published": "本年新公开数量", "total_published": "对外公开总数量",
		"prev_items": "上一年项目数量", "change": "本年增/减", "decisions": "处理决定数量",
		"items": "采购项目数量", "amount": "采购总金额"},
	data.Format2021: {"issued": "本年制发件数", "repealed": "本年废止件数", "in_force": "现行有效件数",
		"decisions": "本年处理决定数量", "fee_amount": "本年收费金额（单位：万元）"},
}

// detectFormat tells the template version from the headers of table 二.
func detectFormat(lines []textLine) (string, *Error) {
	var all strings.Builder
	for _, l := range lines {
		all.WriteString(l.canon)
	}
	s := all.String()
	switch {
	case strings.Contains(s, "本年制发件数") || strings.Contains(s, "本年废止件数") || strings.Contains(s, "本年处理决定数量") || strings.Contains(s, "本年收费金额"):
		return data.Format2021, nil
	case strings.Contains(s, "本年新制作数量") || strings.Contains(s, "上一年项目数量") || strings.Contains(s, "采购总金额"):
		return data.Format2019, nil
	}
	return "", refuse(0, data.TableDisclosure, ErrFormat, "its headers name neither template version (本年制发件数… for 2021, 本年新制作数量… for 2019)")
}

// parseDisclosure reads table 二: each known row and the values that follow
// its label, on its line or the lines after.
func parseDisclosure(lines []textLine, format string) ([]data.DisclosureRow, []string) {
	var out []data.DisclosureRow
	var warnings []string
	for i := 0; i < len(lines); i++ {
		label, vals := splitFields(lines[i].raw)
		if label == "" {
			continue
		}
		for _, d := range disclosureRows {
			if !contains(d.labels, label) {
				continue
			}
			keys := d.v2019
			if format == data.Format2021 {
				keys = d.v2021
			}
			if keys == nil {
				break
			}
			// Values on the label's line, then on the lines that follow.
			got := append([]field(nil), vals...)
			for j := i + 1; j < len(lines) && len(got) < len(keys); j++ {
				if strings.TrimSpace(lines[j].raw) == "" {
					continue
				}
				l2, v2 := splitFields(lines[j].raw)
				if l2 != "" {
					break
				}
				got = append(got, v2...)
				i = j
			}
			row := data.DisclosureRow{Item: d.item, Key: d.key, Label: label}
			for k, key := range keys {
				q := data.Quantity{Key: key, Label: valueLabels[format][key]}
				if k < len(got) && !got[k].blank {
					q.Value, q.Unit = got[k].num, got[k].unit
				}
				if key == "fee_amount" && q.Unit == "" {
					q.Unit = "万元"
				}
				row.Values = append(row.Values, q)
			}
			if len(got) < len(keys) {
				warnings = append(warnings, fmt.Sprintf("table 二, row %s (line %d): %d values for %d columns; the rest stay blank",
					d.key, lines[i].n, len(got), len(keys)))
			}
			out = append(out, row)
			break
		}
	}
	return out, warnings
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
