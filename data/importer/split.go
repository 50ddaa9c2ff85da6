package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"nianbao/data"
)

// Reading numbers whose cells run together (see the package
// documentation, "Cells run together"): a run is read as every way of
// cutting its digits into the row's cells, in order, where
//
//   - a space (or a blank mark "/", "—", which is a blank cell of its own)
//     is a boundary between cells: no cell spans it;
//   - a number of two or more digits does not start with 0, unless the
//     report writes it so: a whole run between spaces may be one cell as
//     written ("05");
//   - a count is at most data.MaxCount (eight digits).

// maxSteps bounds the search over the readings of one table: a run of
// digits long enough to exceed it is refused rather than searched. (A
// variable, so that a test can reach the bound.)
var maxSteps = 2_000_000

// reader enumerates the readings of runs of digits as k cells.
type reader struct {
	toks  []string // digit runs, and "/" for a blank mark (a blank cell)
	k     int
	steps *int // steps left, shared by the searches of one table
	cells []int64
	// check, when not nil, is called after each cell is placed with the
	// cells so far and the digits and marks left; false prunes.
	check func(cells []int64, left int) bool
	// visit is called with each reading (blank cells as -1); false stops.
	visit func(cells []int64) bool
}

// units counts the digits and blank marks of runs: the most cells they can fill.
func units(toks []string) int {
	n := 0
	for _, t := range toks {
		n += len(t)
	}
	return n
}

// run enumerates the readings; it reports false when the steps ran out.
func (rd *reader) run() bool {
	rd.cells = make([]int64, 0, rd.k)
	rd.dfs(0, 0, units(rd.toks))
	return *rd.steps >= 0
}

func (rd *reader) dfs(t, pos, left int) bool {
	if *rd.steps--; *rd.steps < 0 {
		return false
	}
	n := len(rd.cells)
	if t == len(rd.toks) {
		if n == rd.k {
			return rd.visit(rd.cells)
		}
		return true
	}
	// Each run left needs a cell, each cell a digit or mark.
	if need := len(rd.toks) - t; rd.k-n < need || rd.k-n > left {
		return true
	}
	tok := rd.toks[t]
	try := func(v int64, used int, end bool) bool {
		rd.cells = append(rd.cells, v)
		defer func() { rd.cells = rd.cells[:n] }()
		if rd.check != nil && !rd.check(rd.cells, left-used) {
			return true
		}
		if end {
			return rd.dfs(t+1, 0, left-used)
		}
		return rd.dfs(t, pos+used, left-used)
	}
	if tok == "/" {
		return try(-1, 1, true)
	}
	if tok[pos] == '0' {
		if !try(0, 1, pos+1 == len(tok)) {
			return false
		}
		if pos == 0 && len(tok) > 1 && len(tok) <= 8 { // the whole run as written
			v, _ := strconv.ParseInt(tok, 10, 64)
			return try(v, len(tok), true)
		}
		return true
	}
	var v int64
	for e := pos + 1; e <= len(tok) && e-pos <= 8; e++ {
		v = v*10 + int64(tok[e-1]-'0')
		if !try(v, e-pos, e == len(tok)) {
			return false
		}
	}
	return true
}

// countReadings counts the readings of toks as k cells, up to limit.
func countReadings(toks []string, k, limit int, steps *int) (int, []int64) {
	n := 0
	var first []int64
	rd := &reader{toks: toks, k: k, steps: steps, visit: func(c []int64) bool {
		if n == 0 {
			first = append([]int64(nil), c...)
		}
		n++
		return n < limit
	}}
	rd.run()
	return n, first
}

// singleDigits reads runs a digit (or mark) a cell where no digit can join
// its neighbour: runs of zeros and runs of one digit. It reports false for
// other runs.
func singleDigits(toks []string) ([]int64, bool) {
	var out []int64
	for _, t := range toks {
		switch {
		case t == "/":
			out = append(out, -1)
		case len(t) == 1 || strings.Trim(t, "0") == "":
			for i := 0; i < len(t); i++ {
				out = append(out, int64(t[i]-'0'))
			}
		default:
			return nil, false
		}
	}
	return out, true
}

func toCell(v int64) data.Cell {
	if v < 0 {
		return data.Cell{Status: data.Blank}
	}
	return data.Num(v)
}

func n0(v int64) int64 { return max(v, 0) } // a blank counts as 0 in the checks

// pow10 is 10^n, saturating far above any sum of counts.
func pow10(n int) int64 {
	p := int64(1)
	for ; n > 0 && p < 1e15; n-- {
		p *= 10
	}
	return p
}

// runRow is a row of table 三 as a run-together copy gives it.
type runRow struct {
	key  string
	line int
	toks []string
}

func (r runRow) text() string { return strings.Join(r.toks, " ") }

// rowSumHolds is cross-check 3 on a reading of a row: 总计 is the sum of
// the six applicant columns (blanks as 0). As a pruning check it also cuts
// a partial reading whose sum already exceeds what the digits left can
// write as 总计.
func rowSumHolds(cells []int64, left int) bool {
	var sum int64
	for _, v := range cells[:min(len(cells), data.ColTotal)] {
		sum += n0(v)
	}
	if len(cells) <= data.ColTotal {
		// 总计 takes at most the digits the other cells do not need.
		return sum < pow10(left-(data.ColTotal-len(cells)))
	}
	return sum == n0(cells[data.ColTotal])
}

// parseRequestsRun reads table 三 from a run-together copy: each row's
// label, then its numbers. Rows are told by their labels and must come in
// the template's order. Which checks choose a row's reading, and why those:
// see the package documentation, "Cells run together".
func parseRequestsRun(lines []textLine, line0 int) (data.Requests, []string, error) {
	var rows []runRow
	var subtotals []string // a category's own numbers, which the template does not have
	started, split := false, false
	seen := map[string]bool{}
	for _, l := range lines {
		if strings.TrimSpace(l.raw) == "" {
			continue
		}
		label, vals := splitFields(l.raw)
		key := rowKeyOf(label)
		if key == "" && label == "其他" {
			key = "other.other" // 3.其他 without its numbering
		}
		if !started {
			if key != "new" {
				continue
			}
			started = true
		}
		if key == "" {
			switch {
			case len(vals) == 0:
			case subtotalRE.MatchString(label):
				subtotals = append(subtotals, fmt.Sprintf("%s (%s)", label, fieldText(vals)))
			default:
				return nil, nil, refuse(l.n, data.TableRequests, ErrCells, "numbers %q under no row label (%q)", fieldText(vals), label)
			}
			continue
		}
		if strings.HasPrefix(key, "other.") {
			split = true
		}
		if seen[key] && key != "other" {
			return nil, nil, refuse(l.n, data.TableRequests, ErrCells, "row %s (%s) appears twice", key, data.RowLabel(key))
		}
		seen[key] = true
		toks, err := runTokens(vals, l.n, data.TableRequests)
		if err != nil {
			return nil, nil, err
		}
		rows = append(rows, runRow{key: key, line: l.n, toks: toks})
	}
	if !started {
		return nil, nil, refuse(line0, data.TableRequests, ErrNotReport, "no row “一、本年新收政府信息公开申请数量”")
	}
	byKey := map[string]runRow{}
	at := map[string]int{} // where each row stands among the copy's rows
	for i, r := range rows {
		at[r.key] = i
		if r.key == "other" && split {
			if len(r.toks) > 0 {
				subtotals = append(subtotals, fmt.Sprintf("（六）其他处理 (%s)", r.text()))
			}
			continue // the heading of the three rows
		}
		byKey[r.key] = r
	}
	keys := templateRows(split)
	for i, k := range keys {
		r, ok := byKey[k]
		if !ok {
			return nil, nil, refuse(line0, data.TableRequests, ErrCells, "no row %s (%s): the table is cut off or not in the national format", k, data.RowLabel(k))
		}
		if i > 0 && at[k] < at[keys[i-1]] {
			return nil, nil, refuse(r.line, data.TableRequests, ErrCells, "row %s (%s) comes before row %s; the rows are out of the template's order", k, data.RowLabel(k), keys[i-1])
		}
	}

	steps := maxSteps
	t := data.Requests{}
	var short []shortRow
	var amb []ambRow
	var bySum []string
	for _, k := range keys {
		r := byKey[k]
		if len(r.toks) == 0 { // every cell left blank: the copy has nothing
			t[k] = &data.RequestRow{{Status: data.Blank}, {Status: data.Blank}, {Status: data.Blank}, {Status: data.Blank}, {Status: data.Blank}, {Status: data.Blank}, {Status: data.Blank}}
			continue
		}
		if units(r.toks) < len(data.RequestColumns) {
			vals, ok := singleDigits(r.toks)
			if !ok {
				return nil, nil, refuse(r.line, data.TableRequests, ErrCells, "row %s (%s): %q has fewer digits than the row's 7 cells and reads several ways", k, data.RowLabel(k), r.text())
			}
			var cells []data.Cell
			for _, v := range vals {
				cells = append(cells, toCell(v))
			}
			short = append(short, shortRow{Row: k, Cells: cells})
			continue
		}
		n, first := countReadings(r.toks, len(data.RequestColumns), 2, &steps)
		switch {
		case steps < 0:
			return nil, nil, tooLong(r.line, data.TableRequests, k, r.text())
		case n == 0:
			return nil, nil, refuse(r.line, data.TableRequests, ErrCells, "row %s (%s): %q cannot be read as 7 counts (each at most %d, none written with a leading 0)", k, data.RowLabel(k), r.text(), data.MaxCount)
		case n == 1:
			t[k] = rowOf(first)
			continue
		}
		var cands [][]int64
		rd := &reader{toks: r.toks, k: len(data.RequestColumns), steps: &steps, check: rowSumHolds, visit: func(c []int64) bool {
			cands = append(cands, append([]int64(nil), c...))
			return len(cands) <= maxPlacements
		}}
		if !rd.run() || len(cands) > maxPlacements {
			return nil, nil, tooLong(r.line, data.TableRequests, k, r.text())
		}
		switch len(cands) {
		case 0:
			return nil, nil, refuse(r.line, data.TableRequests, ErrNoFit, "row %s (%s): no reading of %q as 7 counts keeps its row sum (cross-check 3: 总计 = 自然人 + the five 法人或其他组织 columns)", k, data.RowLabel(k), r.text())
		case 1:
			t[k] = rowOf(cands[0])
			all, _ := allReadings(r.toks, len(data.RequestColumns), &steps)
			markChosen(t[k][:], cands[0], all, data.RuleRow, nil)
			bySum = append(bySum, k)
		default:
			all, _ := allReadings(r.toks, len(data.RequestColumns), &steps)
			amb = append(amb, ambRow{key: k, line: r.line, text: r.text(), cands: cands, all: all})
			t[k] = &data.RequestRow{}
		}
	}
	var warnings []string
	if len(subtotals) > 0 {
		warnings = append(warnings, fmt.Sprintf("table 三: the copy prints a category's own total (%s), which the template does not have: not kept", strings.Join(subtotals, "; ")))
	}
	if len(bySum) > 0 {
		warnings = append(warnings, fmt.Sprintf("table 三: the copy runs the cells together; rows %s read several ways, one way only keeping its row sum (cross-check 3)", strings.Join(bySum, ", ")))
	}
	if len(amb) > 0 {
		if err := chooseRows(t, amb, short, &steps); err != nil {
			return nil, nil, err
		}
		var names []string
		for _, a := range amb {
			names = append(names, a.key)
		}
		warnings = append(warnings, fmt.Sprintf("table 三: rows %s keep their row sums several ways; one combination only keeps cross-checks 1 and 2 in the columns where they differ", strings.Join(names, ", ")))
	}
	if err := Recover(t, short); err != nil {
		return nil, nil, &Error{Line: line0, Table: data.TableRequests, Err: err}
	}
	RecoverBlanks(t)
	return t, warnings, nil
}

// subtotalRE tells the heading of an outcome category of table 三, which
// some reports print with a total of its own.
var subtotalRE = regexp.MustCompile(`不予公开|无法提供|不予处理|其他处理|本年度办理结果`)

// runTokens are a line's numbers as runs of digits, "/" for a blank mark.
func runTokens(vals []field, line int, table data.Table) ([]string, error) {
	toks := make([]string, 0, len(vals))
	for _, v := range vals {
		switch {
		case v.blank:
			toks = append(toks, "/")
		case allDigits(v.text):
			toks = append(toks, v.text)
		default:
			return nil, refuse(line, table, ErrNotCount, "%q is not a count", v.text)
		}
	}
	return toks, nil
}

func rowOf(cells []int64) *data.RequestRow {
	var row data.RequestRow
	for i, v := range cells {
		row[i] = toCell(v)
	}
	return &row
}

// allReadings are every reading of toks as k cells, without a check; nil and
// false when there are more than maxPlacements.
func allReadings(toks []string, k int, _ *int) ([][]int64, bool) {
	var all [][]int64
	local := maxSteps // its own bound: listing is not choosing
	rd := &reader{toks: toks, k: k, steps: &local, visit: func(c []int64) bool {
		all = append(all, append([]int64(nil), c...))
		return len(all) <= maxPlacements
	}}
	if !rd.run() || len(all) > maxPlacements {
		return nil, false
	}
	return all, true
}

// markChosen marks the cells of a reading that a cross-check chose: where
// the copy's digits read several ways, the cells in which the readings
// differ were lost in copying (their boundaries were), and the check that
// left one reading proves them; a cell that every reading agrees on is as
// printed. all nil means too many readings to list: every cell is marked.
// byRow, when given, names for each cell the rule that chose it where the
// row's own candidates differ; elsewhere rule did.
func markChosen(cells []data.Cell, chosen []int64, all [][]int64, rule int, byRow []int) {
	for col := range cells {
		if cells[col].Status == data.Blank {
			continue
		}
		r := 0
		switch {
		case byRow != nil && byRow[col] != 0:
			r = byRow[col]
		case all == nil || differsAt(all, chosen, col):
			r = rule
		}
		if r != 0 {
			cells[col] = data.Cell{Value: chosen[col], Status: data.Recovered, Rule: r}
		}
	}
}

// differsAt says whether some reading differs from chosen at col.
func differsAt(all [][]int64, chosen []int64, col int) bool {
	for _, a := range all {
		if a[col] != chosen[col] {
			return true
		}
	}
	return false
}

func fieldText(vals []field) string {
	var s []string
	for _, v := range vals {
		s = append(s, v.text)
	}
	return strings.Join(s, " ")
}

func tooLong(line int, table data.Table, row, text string) *Error {
	return refuse(line, table, ErrCells, "row %s: %q runs so many digits together that its readings are past counting (more than %d steps); the copy cannot be read", row, text, maxSteps)
}

// ambRow is a row of table 三 that keeps its row sum several ways.
type ambRow struct {
	key   string
	line  int
	text  string
	cands [][]int64 // the readings that keep the row sum
	all   [][]int64 // every reading, nil when too many
}

// chooseRows chooses, among the readings of the rows in amb, the one
// combination that keeps cross-checks 1 and 2 wherever they hold a cell
// in which a row's readings differ (see parseRequestsRun), and puts it in
// t. Instances that hold a row the copy lost cells of (short) are left
// out: they cannot be evaluated before recovery.
func chooseRows(t data.Requests, amb []ambRow, short []shortRow, steps *int) error {
	idx := map[string]int{}
	for i, a := range amb {
		idx[a.key] = i
	}
	lost := map[string]bool{}
	for _, s := range short {
		lost[s.Row] = true
	}
	differs := func(a ambRow, col int) bool {
		for _, c := range a.cands[1:] {
			if c[col] != a.cands[0][col] {
				return true
			}
		}
		return false
	}
	type term struct {
		amb, col int
		coef     int64
	}
	type inst struct {
		fixed int64 // the sum of the terms over rows the text fixed
		terms []term
		last  int // the last row of amb the instance holds
	}
	byLast := make([][]inst, len(amb))
	for _, e := range data.RequestEquations(t) {
		if e.Rule != data.RuleCorner && e.Rule != data.RuleOutcomes {
			continue
		}
		var in inst
		deciding, skip := false, false
		for _, tm := range e.Terms {
			if lost[tm.Row] {
				skip = true
				break
			}
			if i, ok := idx[tm.Row]; ok {
				in.terms = append(in.terms, term{i, tm.Col, tm.Coef})
				in.last = max(in.last, i)
				deciding = deciding || differs(amb[i], tm.Col)
				continue
			}
			in.fixed += tm.Coef * t.Get(tm.Row, tm.Col)
		}
		if deciding && !skip {
			byLast[in.last] = append(byLast[in.last], in)
		}
	}
	pick := make([]int, len(amb))
	var found [][]int
	total := 0
	var dfs func(i int) bool
	dfs = func(i int) bool {
		if *steps--; *steps < 0 {
			return false
		}
		if i == len(amb) {
			total++
			if len(found) < 8 {
				found = append(found, append([]int(nil), pick...))
			}
			return true
		}
		for c := range amb[i].cands {
			pick[i] = c
			ok := true
			for _, in := range byLast[i] {
				s := in.fixed
				for _, tm := range in.terms {
					s += tm.coef * n0(amb[tm.amb].cands[pick[tm.amb]][tm.col])
				}
				if s != 0 {
					ok = false
					break
				}
			}
			if ok && !dfs(i+1) {
				return false
			}
		}
		return true
	}
	var names []string
	for _, a := range amb {
		names = append(names, fmt.Sprintf("%s (%q, line %d)", a.key, a.text, a.line))
	}
	if !dfs(0) {
		return refuse(amb[0].line, data.TableRequests, ErrCells, "rows %s keep their row sums in too many combinations to search (more than %d steps)", strings.Join(names, ", "), maxSteps)
	}
	switch total {
	case 0:
		return refuse(amb[0].line, data.TableRequests, ErrNoFit, "rows %s keep their row sums several ways each, and no combination keeps cross-checks 1 and 2 (一 + 二 = （七）总计 + 四; （七）总计 = the outcome rows) in the columns where they differ", strings.Join(names, ", "))
	case 1:
		for i, a := range amb {
			chosen := a.cands[found[0][i]]
			t[a.key] = rowOf(chosen)
			// Where the row's own candidates differ, cross-checks 1 and 2
			// chose (rule 1 names them); elsewhere its row sum did.
			byCands := make([]int, len(chosen))
			for col := range chosen {
				if differsAt(a.cands, chosen, col) {
					byCands[col] = data.RuleCorner
				}
			}
			markChosen(t[a.key][:], chosen, a.all, data.RuleRow, byCands)
		}
		return nil
	}
	var alts []string
	for _, f := range found {
		var rows []string
		for i, a := range amb {
			rows = append(rows, a.key+" "+cellsText(a.cands[f[i]]))
		}
		alts = append(alts, "["+strings.Join(rows, " | ")+"]")
	}
	if total > len(found) {
		alts = append(alts, fmt.Sprintf("and %d more", total-len(found)))
	}
	return refuse(amb[0].line, data.TableRequests, ErrAmbiguous, "rows %s: %d readings keep cross-checks 1–3, not choosing: %s", strings.Join(names, ", "), total, strings.Join(alts, "; "))
}

func cellsText(cells []int64) string {
	var s []string
	for _, v := range cells {
		if v < 0 {
			s = append(s, "·")
		} else {
			s = append(s, strconv.FormatInt(v, 10))
		}
	}
	return strings.Join(s, " ")
}

// parseAppealsRun reads table 四 from a run-together copy: the first line
// of numbers after its header. Fifteen cells in three groups; where the
// numbers read several ways, those whose every group keeps cross-check 4
// (总计 = 维持 + 纠正 + 其他 + 尚未审结) are kept, and exactly one must be.
// A reading the text alone decides is taken as printed (a group that does
// not sum is a finding, as 洪泽区 2023 prints). Fewer digits than cells,
// in runs of which no digit can join another: the copy left out blank
// cells, placed by placeAppeals.
func parseAppealsRun(lines []textLine, line0 int) (data.Appeals, []string, error) {
	var toks []string
	at := line0
	header := !hasHeader(lines) // without header words, the first numbers
	for _, l := range lines {
		label, vals := splitFields(l.raw)
		if !header {
			header = strings.Contains(l.canon, "结果维持") || strings.Contains(l.canon, "尚未审结")
			continue
		}
		if label != "" || len(vals) == 0 {
			continue
		}
		var err error
		if toks, err = runTokens(vals, l.n, data.TableAppeals); err != nil {
			return nil, nil, err
		}
		at = l.n
		break
	}
	const n = len(data.AppealRows) * len(data.AppealColumns)
	if len(toks) == 0 {
		return nil, nil, refuse(line0, data.TableAppeals, ErrCells, "its header has no numbers under it: the copy is cut off, or the table is an image (run OCR on it)")
	}
	text := strings.Join(toks, " ")
	var cells []data.Cell
	var warnings []string
	steps := maxSteps
	if units(toks) < n {
		vals, ok := singleDigits(toks)
		if !ok {
			return nil, nil, refuse(at, data.TableAppeals, ErrCells, "%q: fewer digits than its %d cells, and they read several ways", text, n)
		}
		var got []placed
		for _, v := range vals {
			got = append(got, placed{toCell(v), -1, at})
		}
		var how string
		var err error
		if cells, how, err = placeAppeals(got, -1); err != nil {
			return nil, nil, &Error{Line: at, Table: data.TableAppeals, Err: err}
		}
		warnings = append(warnings, fmt.Sprintf("table 四: the copy gives %d numbers for %d cells; %s", len(got), n, how))
	} else {
		count, first := countReadings(toks, n, 2, &steps)
		switch {
		case steps < 0:
			return nil, nil, tooLong(at, data.TableAppeals, "of numbers", text)
		case count == 0:
			return nil, nil, refuse(at, data.TableAppeals, ErrCells, "%q cannot be read as %d counts (each at most %d, none written with a leading 0)", text, n, data.MaxCount)
		case count == 1:
			cells = cellsOf(first)
		default:
			var fits [][]int64
			rd := &reader{toks: toks, k: n, steps: &steps, check: groupsHold, visit: func(c []int64) bool {
				fits = append(fits, append([]int64(nil), c...))
				return len(fits) <= maxPlacements
			}}
			if !rd.run() || len(fits) > maxPlacements {
				return nil, nil, tooLong(at, data.TableAppeals, "of numbers", text)
			}
			switch len(fits) {
			case 0:
				return nil, nil, refuse(at, data.TableAppeals, ErrNoFit, "no reading of %q as %d counts keeps cross-check 4 (总计 = 维持 + 纠正 + 其他 + 尚未审结 in each group)", text, n)
			case 1:
				cells = cellsOf(fits[0])
				all, _ := allReadings(toks, n, &steps)
				markChosen(cells, fits[0], all, data.RuleAppeals, nil)
				warnings = append(warnings, "table 四: the copy runs the cells together; they read several ways, one way only keeping cross-check 4")
			default:
				var alts []string
				for i, f := range fits {
					if i == 8 {
						alts = append(alts, fmt.Sprintf("and %d more", len(fits)-8))
						break
					}
					alts = append(alts, describeAppeals(cellsOf(f)))
				}
				return nil, nil, refuse(at, data.TableAppeals, ErrAmbiguous, "%q: %d readings keep cross-check 4, not choosing: %s", text, len(fits), strings.Join(alts, "; "))
			}
		}
	}
	return appealsOf(cells), warnings, nil
}

func hasHeader(lines []textLine) bool {
	for _, l := range lines {
		if strings.Contains(l.canon, "结果维持") || strings.Contains(l.canon, "尚未审结") {
			return true
		}
	}
	return false
}

func cellsOf(vals []int64) []data.Cell {
	out := make([]data.Cell, len(vals))
	for i, v := range vals {
		out[i] = toCell(v)
	}
	return out
}

// groupsHold is cross-check 4 on each group of five cells as it completes.
func groupsHold(cells []int64, _ int) bool {
	n := len(cells)
	if n%5 != 0 {
		return true
	}
	g := cells[n-5:]
	return n0(g[0])+n0(g[1])+n0(g[2])+n0(g[3]) == n0(g[4])
}
