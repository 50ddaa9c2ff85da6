package data

// Finding is a cross-check the report breaks as published. It names the
// table, row and column of the cell the rule is checked at, the value printed
// there and the value the rule wants from the other cells.
type Finding struct {
	Rule    int    `json:"rule"`
	Table   Table  `json:"table"` // TableRequests or TableAppeals
	Row     string `json:"row"`
	Column  string `json:"column"`
	Printed int64  `json:"printed"`
	Want    int64  `json:"want"`
}

// Rule is one cross-check (勾稽关系) of FORMAT.md: its number, what it says
// in Chinese, and the equations it makes over a report (none for the
// cross-year rule, which needs two reports: see CrossYear). Checking,
// recovery and the consistency page all read this one table.
type Rule struct {
	N         int
	Text      string
	equations func(r *Report) []Equation
}

// The rules' numbers, as FORMAT.md numbers them.
const (
	RuleCorner    = 1 // table 三, each column: 一 + 二 = （七）总计 + 四
	RuleOutcomes  = 2 // table 三, each column: （七）总计 = the outcome rows
	RuleRow       = 3 // table 三, each row: 总计 = the six applicant columns
	RuleAppeals   = 4 // table 四, each group: 总计 = 维持 + 纠正 + 其他 + 尚未审结
	RuleCrossYear = 5 // table 三, each column: 二 = last year's 四
	RuleNarrative = 6 // the narrative's counts = the tables' (softer: see NarrativeFindings)
)

// Rules are the cross-checks, by number.
var Rules = []Rule{
	{RuleCorner, "表三各列：第一项加第二项之和，等于第三项加第四项之和", cornerEquations},
	{RuleOutcomes, "表三各列：（七）总计等于各办理结果之和", outcomeEquations},
	{RuleRow, "表三各行：总计等于自然人与各类法人或其他组织之和", rowEquations},
	{RuleAppeals, "表四各组：总计等于结果维持、结果纠正、其他结果、尚未审结之和", appealEquations},
	{RuleCrossYear, "跨年度：本年表三第二项（上年结转）等于上年报告的第四项（结转下年度继续办理）", nil},
	{RuleNarrative, "正文与表格（提示性规则）：总体情况中所写的收到、办结、结转的申请数和行政复议、行政诉讼数，与表三、表四的总计一致", nil},
}

// RuleText is what the rule numbered n says, "" for none.
func RuleText(n int) string {
	for _, r := range Rules {
		if r.N == n {
			return r.Text
		}
	}
	return ""
}

// RowLabel is the label of the finding's row.
func (f Finding) RowLabel() string {
	if f.Table.IsAppeals() {
		if f.Row == RowLitigation {
			return "行政诉讼（未经复议直接起诉与复议后起诉之和）"
		}
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
	cols := f.Table.Columns()
	if i := columnIndex(cols, f.Column); i >= 0 {
		return cols[i].Label
	}
	return f.Column
}

// Equation is one instance of a cross-check: the sum of terms must be zero.
// The cell at Terms[0] is where a finding is reported.
type Equation struct {
	Rule  int
	Table Table // TableRequests or TableAppeals
	Terms []Term
}

// Term is one cell of an equation, by row key and column index of its
// table, with its coefficient, 1 or -1.
type Term struct {
	Row  string
	Col  int
	Coef int64
}

// Want is the value the equation asks of its first cell, from the others.
func (e Equation) Want(r *Report) int64 {
	var sum int64
	for _, tm := range e.Terms[1:] {
		sum -= tm.Coef * e.get(r, tm)
	}
	return sum * e.Terms[0].Coef
}

// Printed is the value of the equation's first cell.
func (e Equation) Printed(r *Report) int64 { return e.get(r, e.Terms[0]) }

func (e Equation) get(r *Report, tm Term) int64 { return r.Cell(e.Table, tm.Row, tm.Col).N() }

// Column is the key of the column of the equation's first cell.
func (e Equation) Column() string { return e.Table.Columns()[e.Terms[0].Col].Key }

// Equations lists every instance of the rules over one report, in rule order.
func Equations(r *Report) []Equation {
	var eqs []Equation
	for _, rule := range Rules {
		if rule.equations != nil {
			eqs = append(eqs, rule.equations(r)...)
		}
	}
	return eqs
}

// RequestEquations lists the instances of the rules over table 三 alone
// (rules 1–3): those that recovery solves for lost cells.
func RequestEquations(t Requests) []Equation {
	r := &Report{Requests: t}
	return append(append(cornerEquations(r), outcomeEquations(r)...), rowEquations(r)...)
}

func cornerEquations(r *Report) []Equation {
	var eqs []Equation
	for c := range RequestColumns {
		eqs = append(eqs, Equation{RuleCorner, TableRequests, []Term{
			{RowTotal.Key, c, 1}, {RowCarriedOver.Key, c, 1}, {RowNew.Key, c, -1}, {RowCarriedIn.Key, c, -1},
		}})
	}
	return eqs
}

func outcomeEquations(r *Report) []Equation {
	var eqs []Equation
	outcomes := r.Requests.OutcomeRows()
	for c := range RequestColumns {
		e := Equation{RuleOutcomes, TableRequests, []Term{{RowTotal.Key, c, 1}}}
		for _, row := range outcomes {
			e.Terms = append(e.Terms, Term{row.Key, c, -1})
		}
		eqs = append(eqs, e)
	}
	return eqs
}

func rowEquations(r *Report) []Equation {
	var eqs []Equation
	for _, row := range r.Requests.Rows() {
		e := Equation{RuleRow, TableRequests, []Term{{row.Key, ColTotal, 1}}}
		for c := range ColTotal {
			e.Terms = append(e.Terms, Term{row.Key, c, -1})
		}
		eqs = append(eqs, e)
	}
	return eqs
}

func appealEquations(r *Report) []Equation {
	var eqs []Equation
	for _, row := range AppealRows {
		if r.Appeals[row.Key] == nil {
			continue
		}
		e := Equation{RuleAppeals, TableAppeals, []Term{{row.Key, AppealTotal, 1}}}
		for c := range AppealTotal {
			e.Terms = append(e.Terms, Term{row.Key, c, -1})
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
	for _, e := range Equations(r) {
		if printed, want := e.Printed(r), e.Want(r); printed != want {
			fs = append(fs, Finding{Rule: e.Rule, Table: e.Table, Row: e.Terms[0].Row, Column: e.Column(), Printed: printed, Want: want})
		}
	}
	return fs
}

// RecoveredCell is a cell recovered by a cross-check, for listing.
type RecoveredCell struct {
	Table  Table
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
				out = append(out, RecoveredCell{Table: TableRequests, Row: row.Key, Column: col.Key, Value: cell.Value, Rule: cell.Rule})
			}
		}
	}
	for _, row := range AppealRows {
		for c, col := range AppealColumns {
			if cell := r.Appeals.Cell(row.Key, c); cell.Status == Recovered {
				out = append(out, RecoveredCell{Table: TableAppeals, Row: row.Key, Column: col.Key, Value: cell.Value, Rule: cell.Rule})
			}
		}
	}
	return out
}

// CellRef names one cell of table 三 or 四: its row key and column index.
type CellRef struct {
	Table Table // TableRequests or TableAppeals
	Row   string
	Col   int
}

// Cell is the cell a finding is reported at.
func (f Finding) Cell() CellRef {
	return CellRef{f.Table, f.Row, columnIndex(f.Table.Columns(), f.Column)}
}

// BrokenCells maps every cell of every equation the report breaks as
// published to the first finding it takes part in: all of an equation's
// cells, since the report does not say which of them is wrong. A finding
// of the cross-year check (crossYear, rule 5) marks the cell it is
// reported at; the previous year's cell is another report's.
func BrokenCells(r *Report, crossYear []Finding) map[CellRef]Finding {
	out := map[CellRef]Finding{}
	for _, e := range Equations(r) {
		printed, want := e.Printed(r), e.Want(r)
		if printed == want {
			continue
		}
		f := Finding{Rule: e.Rule, Table: e.Table, Row: e.Terms[0].Row, Column: e.Column(), Printed: printed, Want: want}
		for _, tm := range e.Terms {
			if c := (CellRef{e.Table, tm.Row, tm.Col}); out[c].Rule == 0 {
				out[c] = f
			}
		}
	}
	for _, f := range crossYear {
		if c := f.Cell(); out[c].Rule == 0 {
			out[c] = f
		}
	}
	return out
}

// IsPrevYear says whether prev is the same body's report of the year
// before cur: the report the cross-year check runs against.
func IsPrevYear(prev, cur *Report) bool {
	return prev != nil && cur != nil && prev.Body == cur.Body && prev.Year == cur.Year-1
}

// CrossYear is the cross-year check: in every column of table 三, this
// year's 二、上年结转 equals the previous year's 四、结转下年度继续办理 of the
// same body. It returns a finding (rule 5, at this year's row carried_in)
// for each column that differs; none when prev is not the year before cur.
// Blank cells count as 0, as in the other checks.
func CrossYear(prev, cur *Report) []Finding {
	if !IsPrevYear(prev, cur) {
		return nil
	}
	var fs []Finding
	for c, col := range RequestColumns {
		printed := cur.Requests.Get(RowCarriedIn.Key, c)
		want := prev.Requests.Get(RowCarriedOver.Key, c)
		if printed != want {
			fs = append(fs, Finding{Rule: RuleCrossYear, Table: TableRequests, Row: RowCarriedIn.Key, Column: col.Key, Printed: printed, Want: want})
		}
	}
	return fs
}
