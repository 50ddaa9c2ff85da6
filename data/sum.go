package data

import "fmt"

// Sum adds up reports cell by cell into one report of tables 三 and 四,
// with the body and ID given: the front page's totals across a portal's
// bodies. A cell is the sum of the reports' cells as printed (a blank
// counts as 0, as in the checks); it is blank only where every report left
// it blank, and recovered (with the first report's rule) where any report's
// cell was recovered. Where some reports print （六）其他处理 as one row and
// others as three, the sum has one row. The sum keeps no narrative and no
// table 二. A report that breaks a check as published is added as
// published, so the sum may break it too.
func Sum(id, body string, year int, reports []*Report) *Report {
	s := &Report{ID: id, Body: body, Year: year, Format: Format2021, Requests: Requests{}, Appeals: Appeals{}}
	split := len(reports) > 0
	for _, r := range reports {
		split = split && r.Requests.OtherSplit()
		if r.Format == Format2019 {
			s.Format = Format2019
		}
	}
	rowKey := func(k string) string {
		if !split && (k == "other.no_correction" || k == "other.no_fee" || k == "other.other") {
			return "other"
		}
		return k
	}
	add := func(c *Cell, x Cell) {
		switch {
		case x.Status == Blank:
			return
		case c.Status == Blank:
			*c = Cell{Value: x.Value, Status: x.Status, Rule: x.Rule}
			return
		case x.Status == Recovered && c.Status != Recovered:
			c.Status, c.Rule = Recovered, x.Rule
		}
		c.Value += x.Value
	}
	blankRow := func() []Cell {
		cells := make([]Cell, 7)
		for i := range cells {
			cells[i].Status = Blank
		}
		return cells
	}
	for _, r := range reports {
		for _, row := range r.Requests.Rows() {
			src := r.Requests[row.Key]
			if src == nil {
				continue
			}
			k := rowKey(row.Key)
			dst := s.Requests[k]
			if dst == nil {
				dst = new(RequestRow)
				copy(dst[:], blankRow())
				s.Requests[k] = dst
			}
			for c := range dst {
				add(&dst[c], src[c])
			}
		}
		for _, g := range AppealRows {
			src := r.Appeals[g.Key]
			if src == nil {
				continue
			}
			dst := s.Appeals[g.Key]
			if dst == nil {
				dst = new(AppealRow)
				copy(dst[:], blankRow()[:5])
				s.Appeals[g.Key] = dst
			}
			for c := range dst {
				add(&dst[c], src[c])
			}
		}
	}
	// Every row of the template is there, blank where no report has it.
	for _, row := range s.Requests.Rows() {
		if s.Requests[row.Key] == nil {
			r := new(RequestRow)
			copy(r[:], blankRow())
			s.Requests[row.Key] = r
		}
	}
	for _, g := range AppealRows {
		if s.Appeals[g.Key] == nil {
			r := new(AppealRow)
			copy(r[:], blankRow()[:5])
			s.Appeals[g.Key] = r
		}
	}
	if len(reports) > 0 {
		s.Source = fmt.Sprintf("%d份报告之和", len(reports))
	}
	return s
}
