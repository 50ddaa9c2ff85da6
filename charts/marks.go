package charts

import (
	"fmt"
	"strconv"

	"nianbao/data"
	"nianbao/data/catalog"
)

// A number that is not simply printed and checked carries a mark and a
// one-line reason wherever it is shown: beside a key figure, in a chart's
// summary, label and tooltip, in a table's cell and in its CSV's 备注. A
// published inconsistency is shown, never corrected.

// MarkKind is what a mark says of a number.
type MarkKind string

const (
	// MarkBroken: a cross-check the number takes part in breaks as
	// published (the report does not say which of its numbers is wrong).
	MarkBroken MarkKind = "broken"
	// MarkRecovered: the number was lost in copying and a cross-check
	// recovered it.
	MarkRecovered MarkKind = "recovered"
	// MarkUnchecked: the check of the number could not be run (上年结转
	// without the body's report of the year before).
	MarkUnchecked MarkKind = "unchecked"
)

// MarkKinds are the kinds of mark, in the order a table explains them.
var MarkKinds = []MarkKind{MarkBroken, MarkRecovered, MarkUnchecked}

// Mark is what a reader must know beside a number; the zero Mark is none.
type Mark struct {
	Kind   MarkKind `json:"kind,omitempty"`
	Rule   int      `json:"rule,omitempty"`
	Reason string   `json:"reason,omitempty"` // one line, in Chinese
}

// IsZero says whether there is no mark.
func (m Mark) IsZero() bool { return m.Kind == "" }

// Label is the mark as a word: "⚠ 不一致", "推算", "未核对", with its rule.
func (m Mark) Label() string {
	if m.Rule > 0 && !m.IsZero() {
		return m.word() + "（规则" + strconv.Itoa(m.Rule) + "）"
	}
	return m.word()
}

// Note is the mark with its reason, to follow a number in a sentence:
// "（⚠ 不一致：表四“行政复议”的总计印为0，按规则4应为11）"; "" for none.
func (m Mark) Note() string {
	if m.IsZero() {
		return ""
	}
	s := m.word()
	if m.Reason != "" {
		s += "：" + m.Reason
	}
	return "（" + s + "）"
}

// Short is the mark's word in parentheses, for a chart's label where the
// reason does not fit: "（⚠ 不一致）"; "" for none.
func (m Mark) Short() string {
	if m.IsZero() {
		return ""
	}
	return "（" + m.word() + "）"
}

// Explained says what a mark of the kind means, for the note below a table.
func (m Mark) Explained() string {
	switch m.Kind {
	case MarkBroken:
		return "表示该数字所在的勾稽关系在报告中不成立；数字按报告原样展示，未作更正，详见“数据校验”。"
	case MarkRecovered:
		return "表示该数字在复制报告时丢失，由勾稽关系推算得出，详见“数据校验”。"
	case MarkUnchecked:
		return "表示网站没有该机关上一年度的报告，上年结转无法与上年报告的结转下年度核对（规则5不适用）。"
	}
	return ""
}

func (m Mark) word() string {
	switch m.Kind {
	case MarkBroken:
		return "⚠ 不一致"
	case MarkRecovered:
		return "推算"
	case MarkUnchecked:
		return "未核对"
	}
	return ""
}

// FirstMark is the mark a number computed from marked numbers carries: the
// first broken, else the first recovered, else the first unchecked.
func FirstMark(marks ...Mark) Mark {
	for _, k := range MarkKinds {
		for _, m := range marks {
			if m.Kind == k {
				return m
			}
		}
	}
	return Mark{}
}

// Marks are the marks of a report's numbers: the cells of every broken
// cross-check (the cross-year one's among them), its recovered cells, and
// whether the cross-year check could be run.
type Marks struct {
	r        *data.Report
	broken   map[data.CellRef]data.Finding
	prevYear bool
}

// MarksOf are the marks of a report's numbers. crossYear are the findings
// of the cross-year check; prevYear says whether it ran (the body's report
// of the year before was there).
func MarksOf(r *data.Report, crossYear []data.Finding, prevYear bool) Marks {
	return Marks{r: r, broken: data.BrokenCells(r, crossYear), prevYear: prevYear}
}

// Of is the mark of a number read from the cells (one, or a sum).
func (m Marks) Of(cells ...data.CellRef) Mark {
	var marks []Mark
	for _, c := range cells {
		marks = append(marks, m.cell(c))
	}
	return FirstMark(marks...)
}

// Requests is the mark of a cell of table 三, or of a sum of its rows in
// one column.
func (m Marks) Requests(col int, rows ...string) Mark {
	var cells []data.CellRef
	for _, r := range rows {
		cells = append(cells, data.CellRef{Table: data.TableRequests, Row: r, Col: col})
	}
	return m.Of(cells...)
}

// Appeals is the mark of a cell of table 四, or of a sum of its groups in
// one column.
func (m Marks) Appeals(col int, groups ...string) Mark {
	var cells []data.CellRef
	for _, g := range groups {
		cells = append(cells, data.CellRef{Table: data.TableAppeals, Row: g, Col: col})
	}
	return m.Of(cells...)
}

// Category is the mark of a category's sum in one column of table 三.
func (m Marks) Category(c data.Category, col int) Mark {
	var rows []string
	for _, r := range c.Rows {
		rows = append(rows, r.Key)
	}
	return m.Requests(col, rows...)
}

func (m Marks) cell(c data.CellRef) Mark {
	if m.r == nil {
		return Mark{}
	}
	if f, ok := m.broken[c]; ok {
		return brokenMark(f)
	}
	cell := m.r.Cell(c.Table, c.Row, c.Col)
	if cell.Status == data.Recovered {
		return recoveredMark(cell.Rule)
	}
	if c.Table == data.TableRequests && c.Row == data.RowCarriedIn.Key && !m.prevYear {
		return uncheckedMark
	}
	return Mark{}
}

// brokenMark says where the cross-check breaks and by how much, as the
// report prints it.
func brokenMark(f data.Finding) Mark {
	if f.Rule == data.RuleCrossYear {
		return Mark{Kind: MarkBroken, Rule: f.Rule, Reason: fmt.Sprintf("%s印为%s，上年报告的结转下年度为%s",
			where(f), Count(f.Printed), Count(f.Want))}
	}
	return Mark{Kind: MarkBroken, Rule: f.Rule, Reason: fmt.Sprintf("%s印为%s，按规则%d应为%s",
		where(f), Count(f.Printed), f.Rule, Count(f.Want))}
}

// where names a finding's cell: "表四“行政复议”的总计".
func where(f data.Finding) string {
	row := f.RowLabel()
	if f.Table == data.TableRequests {
		row = ShortLabel(row)
	}
	return fmt.Sprintf("表%s“%s”的%s", f.Table, row, f.ColumnLabel())
}

func recoveredMark(rule int) Mark {
	return Mark{Kind: MarkRecovered, Rule: rule, Reason: fmt.Sprintf("复制时丢失，由规则%d推算", rule)}
}

// uncheckedMark is 上年结转's where the body has no report of the year
// before in the site.
var uncheckedMark = Mark{Kind: MarkUnchecked, Rule: data.RuleCrossYear, Reason: "无上年报告，未能跨年度核对"}

// EntryMark is the mark of a number computed from an index entry's
// figures (by index into Figures): the index keeps which figures are
// broken or recovered, not the finding, so the reason points to the
// report's checks.
func EntryMark(e *catalog.Entry, keys ...catalog.Key) Mark {
	var marks []Mark
	for _, k := range keys {
		broken, lost := e.Marked(k)
		switch {
		case broken:
			marks = append(marks, Mark{Kind: MarkBroken, Reason: "所在的勾稽关系在报告中不成立，按原样展示，详见该报告的数据校验"})
		case lost:
			marks = append(marks, Mark{Kind: MarkRecovered, Reason: "复制时丢失，由勾稽关系推算"})
		case k == catalog.KeyCarriedIn && !e.PrevYear:
			marks = append(marks, uncheckedMark)
		}
	}
	return FirstMark(marks...)
}
