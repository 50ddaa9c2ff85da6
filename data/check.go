package data

import "fmt"

// Finding is a cross-check the report breaks as published. It names the
// table, row and column of the cell the rule is checked at, the value printed
// there and the value the rule wants from the other cells.
type Finding struct {
	Rule    int    `json:"rule"`
	Table   string `json:"table"` // "三" or "四"
	Row     string `json:"row"`
	Column  string `json:"column"`
	Printed int64  `json:"printed"`
	Want    int64  `json:"want"`
}

// RuleText describes each cross-check of FORMAT.md in Chinese.
var RuleText = map[int]string{
	1: "表三各列：第一项加第二项之和，等于第三项加第四项之和",
	2: "表三各列：（七）总计等于各办理结果之和",
	3: "表三各行：总计等于自然人与各类法人或其他组织之和",
	4: "表四各组：总计等于结果维持、结果纠正、其他结果、尚未审结之和",
}

// Text describes the finding in Chinese, with the report's labels.
func (f Finding) Text() string {
	return fmt.Sprintf("表%s「%s」「%s」印为 %d，按规则%d应为 %d（相差 %+d）。",
		f.Table, f.RowLabel(), f.ColumnLabel(), f.Printed, f.Rule, f.Want, f.Printed-f.Want)
}

// RowLabel is the label of the finding's row.
func (f Finding) RowLabel() string {
	if f.Table == "四" {
		for _, r := range AppealRows {
			if r.Key == f.Row {
				return r.Label
			}
		}
	}
	return RowLabel(f.Row)
}

// ColumnLabel is the label of the finding's column.
func (f Finding) ColumnLabel() string {
	cols := RequestColumns[:]
	if f.Table == "四" {
		cols = AppealColumns[:]
	}
	if i := columnIndex(cols, f.Column); i >= 0 {
		return cols[i].Label
	}
	return f.Column
}

// equation is one instance of a cross-check: the sum of terms must be zero.
// The cell at terms[0] is where a finding is reported.
type equation struct {
	rule  int
	table string
	terms []term
}

type term struct {
	row  string
	col  int
	coef int64
}

// want is the value the equation asks of its first cell, from the others.
func (e equation) want(t Requests) int64 {
	var sum int64
	for _, tm := range e.terms[1:] {
		sum -= tm.coef * t.Get(tm.row, tm.col)
	}
	return sum * e.terms[0].coef
}

// requestEquations lists every instance of cross-checks 1–3 over table 三.
func requestEquations(t Requests) []equation {
	var eqs []equation
	outcomes := t.OutcomeRows()
	for c := range RequestColumns {
		eqs = append(eqs, equation{1, "三", []term{
			{RowTotal.Key, c, 1}, {RowCarriedOver.Key, c, 1}, {RowNew.Key, c, -1}, {RowCarriedIn.Key, c, -1},
		}})
	}
	for c := range RequestColumns {
		e := equation{2, "三", []term{{RowTotal.Key, c, 1}}}
		for _, r := range outcomes {
			e.terms = append(e.terms, term{r.Key, c, -1})
		}
		eqs = append(eqs, e)
	}
	for _, r := range t.Rows() {
		e := equation{3, "三", []term{{r.Key, ColTotal, 1}}}
		for c := 0; c < ColTotal; c++ {
			e.terms = append(e.terms, term{r.Key, c, -1})
		}
		eqs = append(eqs, e)
	}
	return eqs
}

// Check runs cross-checks 1–4 of FORMAT.md and returns every finding, in
// rule order. Blank cells count as 0 in the sums. Printed values are never
// changed: a finding is shown, not corrected.
func Check(r *Report) []Finding {
	var fs []Finding
	for _, e := range requestEquations(r.Requests) {
		head := e.terms[0]
		printed, want := r.Requests.Get(head.row, head.col), e.want(r.Requests)
		if printed != want {
			fs = append(fs, Finding{e.rule, e.table, head.row, RequestColumns[head.col].Key, printed, want})
		}
	}
	for _, row := range AppealRows {
		g := r.Appeals[row.Key]
		if g == nil {
			continue
		}
		var sum int64
		for c := 0; c < 4; c++ {
			sum += g[c].N()
		}
		if g[4].N() != sum {
			fs = append(fs, Finding{4, "四", row.Key, "total", g[4].N(), sum})
		}
	}
	return fs
}

// RecoveredCell is a cell recovered by a cross-check, for listing.
type RecoveredCell struct {
	Table  string
	Row    string
	Column string
	Value  int64
	Rule   int
}

// RecoveredCells lists every recovered cell of the report.
func RecoveredCells(r *Report) []RecoveredCell {
	var out []RecoveredCell
	for _, row := range r.Requests.Rows() {
		for c, col := range RequestColumns {
			if cell := r.Requests.Cell(row.Key, c); cell.Status == Recovered {
				out = append(out, RecoveredCell{"三", row.Key, col.Key, cell.Value, cell.Rule})
			}
		}
	}
	for _, row := range AppealRows {
		for c, col := range AppealColumns {
			if cell := r.Appeals.Cell(row.Key, c); cell.Status == Recovered {
				out = append(out, RecoveredCell{"四", row.Key, col.Key, cell.Value, cell.Rule})
			}
		}
	}
	return out
}
