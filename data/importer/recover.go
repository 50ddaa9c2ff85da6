package importer

import (
	"fmt"
	"nianbao/data"
	"sort"
	"strings"
	"sync"
)

// shortRow is a row of table 三 as copied: fewer cells than columns, in
// printed order, because some cells vanished in copying and nothing marks
// where.
type shortRow struct {
	Row   string
	Cells []data.Cell
}

// maxPlacements bounds the search over where vanished cells stood.
const maxPlacements = 5000

// Recover places the cells of short rows into table 三 and recovers the
// vanished ones. Every way of placing each row's printed cells in order among
// the seven columns is tried; the vanished cells of a placement are solved
// from cross-checks 1–3 (blank cells count as 0). A placement fits when every
// vanished cell is determined, none is negative, and every cross-check that
// touches a short row holds. Exactly one fitting placement is applied, its
// solved cells marked Recovered with the lowest-numbered rule that proves
// them; so are several that give every cell the same value (a row of
// zeros that lost one: which zero is lost is open, no value is), each cell
// any of them recovers marked. None, or several that differ, is an error
// that says so and lists the fillings. The table is changed only on
// success.
func Recover(t data.Requests, short []shortRow) error {
	if len(short) == 0 {
		return nil
	}
	for _, s := range short {
		if len(s.Cells) >= len(data.RequestColumns) {
			return fmt.Errorf("table 三, row %s: %d cells is not short", s.Row, len(s.Cells))
		}
		if t[s.Row] == nil {
			t[s.Row] = &data.RequestRow{}
		}
	}
	// Each row's choices: which column indexes hold the printed cells.
	choices := make([][][]int, len(short))
	total := 1
	for i, s := range short {
		choices[i] = combinations(len(data.RequestColumns), len(s.Cells))
		total *= len(choices[i])
		if total > maxPlacements {
			return fmt.Errorf("%w: too many cells lost in rows %s to place them", ErrCells, rowList(short))
		}
	}
	eqs, _ := equations(t)
	var fits []map[cellRef]solved
	pick := make([]int, len(short))
	for n := 0; n < total; n++ {
		k := n
		for i := range short {
			pick[i] = k % len(choices[i])
			k /= len(choices[i])
		}
		trial := cloneRequests(t)
		unknown := map[cellRef]bool{}
		for i, s := range short {
			row := trial[s.Row]
			at := choices[i][pick[i]]
			used := map[int]bool{}
			for j, c := range at {
				row[c] = s.Cells[j]
				used[c] = true
			}
			for c := range data.RequestColumns {
				if !used[c] {
					unknown[cellRef{s.Row, c}] = true
				}
			}
		}
		if sol, ok := solve(trial, eqs, unknown, short); ok {
			fits = append(fits, sol)
		}
	}
	switch len(fits) {
	case 0:
		return fmt.Errorf("%w: rows %s: no placement of the printed numbers fits the cross-checks", ErrNoFit, rowList(short))
	case 1:
		for ref, s := range fits[0] {
			t[ref.row][ref.col] = data.Cell{Value: s.value, Status: data.Recovered, Rule: s.rule}
		}
		for _, s := range short {
			// Place the printed cells where the fitting placement put them.
			row := t[s.Row]
			j := 0
			for c := range data.RequestColumns {
				if _, lost := fits[0][cellRef{s.Row, c}]; !lost {
					row[c] = s.Cells[j]
					j++
				}
			}
		}
		return nil
	}
	if same := sameValues(t, short, fits); same != nil {
		// Every filling gives every cell the same value, and differs only
		// in which of the row's cells the copy lost (six zeros of a row
		// of zeros): each cell any filling recovers is proven, and marked.
		for ref, v := range same {
			if v.rule == 0 {
				t[ref.row][ref.col] = data.Num(v.value)
			} else {
				t[ref.row][ref.col] = data.Cell{Value: v.value, Status: data.Recovered, Rule: v.rule}
			}
		}
		return nil
	}
	var alts []string
	for _, f := range fits {
		alts = append(alts, describe(f))
	}
	sort.Strings(alts)
	return fmt.Errorf("%w: rows %s: %d fillings fit the cross-checks, not recovering: %s",
		ErrAmbiguous, rowList(short), len(fits), strings.Join(alts, "; "))
}

// sameValues returns, when every filling puts the same value in every cell
// of the short rows, those cells: with the lowest rule that proves it in a
// filling where some filling recovers it, with rule 0 where every filling
// has it printed; else nil.
func sameValues(t data.Requests, short []shortRow, fits []map[cellRef]solved) map[cellRef]solved {
	values := func(f map[cellRef]solved) map[cellRef]int64 {
		out := map[cellRef]int64{}
		for _, s := range short {
			j := 0
			for c := range data.RequestColumns {
				ref := cellRef{s.Row, c}
				if v, lost := f[ref]; lost {
					out[ref] = v.value
				} else {
					out[ref] = s.Cells[j].N()
					if s.Cells[j].Status == data.Blank {
						return nil // a blank in one filling, a number in another
					}
					j++
				}
			}
		}
		return out
	}
	first := values(fits[0])
	if first == nil {
		return nil
	}
	union := map[cellRef]solved{}
	for _, f := range fits {
		v := values(f)
		if v == nil {
			return nil
		}
		for ref, x := range v {
			if first[ref] != x {
				return nil
			}
		}
		for ref, s := range f {
			if u, ok := union[ref]; !ok || s.rule < u.rule {
				union[ref] = s
			}
		}
	}
	out := map[cellRef]solved{}
	for ref, v := range first {
		out[ref] = solved{v, union[ref].rule} // rule 0: printed in every filling
	}
	return out
}

// The equations of rules 1–3 over table 三 depend only on its shape
// (（六）其他处理 in one row or three), so they are made once per shape, with
// the equations each cell takes part in. Callers only read them.
var shapes [2]struct {
	once   sync.Once
	eqs    []data.Equation
	byCell map[cellRef][]int
}

func equations(t data.Requests) ([]data.Equation, map[cellRef][]int) {
	k := 0
	if t.OtherSplit() {
		k = 1
	}
	sh := &shapes[k]
	sh.once.Do(func() {
		sh.eqs = data.RequestEquations(t)
		sh.byCell = map[cellRef][]int{}
		for i, e := range sh.eqs {
			for _, tm := range e.Terms {
				sh.byCell[cellRef{tm.Row, tm.Col}] = append(sh.byCell[cellRef{tm.Row, tm.Col}], i)
			}
		}
	})
	return sh.eqs, sh.byCell
}

type cellRef struct {
	row string
	col int
}

type solved struct {
	value int64
	rule  int
}

// solve determines the unknown cells of trial by propagation over the
// equations and reports whether the result fits (see Recover).
func solve(trial data.Requests, eqs []data.Equation, unknown map[cellRef]bool, short []shortRow) (map[cellRef]solved, bool) {
	out := map[cellRef]solved{}
	left := len(unknown)
	for progress := true; progress && left > 0; {
		progress = false
		for _, e := range eqs {
			var open *data.Term
			n := 0
			for i := range e.Terms {
				if unknown[cellRef{e.Terms[i].Row, e.Terms[i].Col}] {
					open = &e.Terms[i]
					n++
				}
			}
			if n != 1 {
				continue
			}
			var sum int64
			for _, tm := range e.Terms {
				if tm != *open {
					sum += tm.Coef * trial.Get(tm.Row, tm.Col)
				}
			}
			v := -sum * open.Coef // coefficients are ±1
			if v < 0 {
				return nil, false
			}
			ref := cellRef{open.Row, open.Col}
			trial[open.Row][open.Col] = data.Cell{Value: v, Status: data.Recovered}
			delete(unknown, ref)
			out[ref] = solved{v, e.Rule}
			left--
			progress = true
		}
	}
	if left > 0 {
		return nil, false
	}
	touched := map[string]bool{}
	for _, s := range short {
		touched[s.Row] = true
	}
	for _, e := range eqs {
		hit := false
		for _, tm := range e.Terms {
			hit = hit || touched[tm.Row]
		}
		if !hit {
			continue
		}
		if e.Want(&data.Report{Requests: trial}) != trial.Get(e.Terms[0].Row, e.Terms[0].Col) {
			return nil, false
		}
		// The lowest rule that proves a solved cell is the one to name.
		for _, tm := range e.Terms {
			ref := cellRef{tm.Row, tm.Col}
			if s, ok := out[ref]; ok && e.Rule < s.rule {
				out[ref] = solved{s.value, e.Rule}
			}
		}
	}
	return out, true
}

func cloneRequests(t data.Requests) data.Requests {
	c := make(data.Requests, len(t))
	for k, v := range t {
		row := *v
		c[k] = &row
	}
	return c
}

// combinations lists the k-element subsets of 0..n-1 in increasing order.
func combinations(n, k int) [][]int {
	var out [][]int
	var rec func(start int, cur []int)
	rec = func(start int, cur []int) {
		if len(cur) == k {
			out = append(out, append([]int(nil), cur...))
			return
		}
		for i := start; i < n; i++ {
			rec(i+1, append(cur, i))
		}
	}
	rec(0, nil)
	return out
}

func rowList(short []shortRow) string {
	var rows []string
	for _, s := range short {
		rows = append(rows, s.Row)
	}
	return strings.Join(rows, ", ")
}

func describe(f map[cellRef]solved) string {
	var parts []string
	for ref, s := range f {
		parts = append(parts, fmt.Sprintf("%s/%s = %d", ref.row, data.RequestColumns[ref.col].Key, s.value))
	}
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}

// RecoverBlanks recovers blank cells of table 三 that the copy most likely
// lost: a blank is recovered when every cross-check it takes part in (its
// row's rule 3 and its column's rule 1 or 2) breaks, and each, with the
// other blanks as 0, wants the same positive value from it, and no other
// blank claims one of those checks. Everything else stays blank; a check
// that breaks otherwise stays a finding. It returns the recovered cells.
func RecoverBlanks(t data.Requests) []data.RecoveredCell {
	eqs, byCell := equations(t)
	claims := map[int][]cellRef{}
	found := map[cellRef]solved{}
	for ref, idx := range byCell {
		if t.Cell(ref.row, ref.col).Status != data.Blank || len(idx) < 2 {
			continue
		}
		var v int64
		rule := 99
		ok := true
		for n, i := range idx {
			e := eqs[i]
			var sum, coef int64
			for _, tm := range e.Terms {
				if tm.Row == ref.row && tm.Col == ref.col {
					coef = tm.Coef
					continue
				}
				sum += tm.Coef * t.Get(tm.Row, tm.Col)
			}
			w := -sum * coef
			if w <= 0 || n > 0 && w != v {
				ok = false
				break
			}
			v = w
			rule = min(rule, e.Rule)
		}
		if ok {
			found[ref] = solved{v, rule}
			for _, i := range idx {
				claims[i] = append(claims[i], ref)
			}
		}
	}
	var out []data.RecoveredCell
	for ref, s := range found {
		alone := true
		for _, i := range byCell[ref] {
			alone = alone && len(claims[i]) == 1
		}
		if alone {
			t[ref.row][ref.col] = data.Cell{Value: s.value, Status: data.Recovered, Rule: s.rule}
			out = append(out, data.RecoveredCell{Table: data.TableRequests, Row: ref.row, Column: data.RequestColumns[ref.col].Key, Value: s.value, Rule: s.rule})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Row+out[i].Column < out[j].Row+out[j].Column })
	return out
}
