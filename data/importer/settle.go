package importer

import (
	"fmt"
	"strconv"
	"strings"

	"nianbao/data"
)

// Settling table 二 across a body's years.
//
// A row of table 二 whose numbers a copy ran together may split several
// ways (see parseDisclosureRun). In the 2021 template, the rows of item
// (一) — 规章 and 行政规范性文件 — carry a relation across the years:
//
//	this year's 现行有效件数 = last year's 现行有效件数 + 本年制发件数 − 本年废止件数
//
// Where a body's report of the year before or after is known (imported in
// the same batch, or a dataset already in the output folder), the pairs of
// readings of the two years that keep the relation are found; when the
// unreadable row's readings among those pairs come to exactly one, the row
// takes it, each value it settles marked data.StatusCrossYear (the run and
// the candidates stay, so that the page says how it was settled). Nothing
// is settled where the relation leaves none or several, or where either
// year is of the 2019 template (whose items have no such relation), and
// only the reports being imported change: a dataset already in the folder
// is read, never rewritten. Published reports do break the relation (a
// body recounting its documents), which is why a settled value is marked
// and never passed off as read.

// relationRows are the rows of table 二 the relation holds for.
var relationRows = []string{"regulations", "normative_docs"}

// readings lists a 2021 item-(一) row's possible (issued, repealed,
// in_force): its candidates where it has any, else its values as read;
// nil where a value is blank or not known.
func readings(r *data.Report, key string) ([][3]int64, *data.DisclosureRow) {
	if r.Format != data.Format2021 {
		return nil, nil
	}
	for i := range r.Disclosure {
		row := &r.Disclosure[i]
		if row.Key != key || len(row.Values) != 3 {
			continue
		}
		var out [][3]int64
		if row.Candidates != nil && unsettled(row) {
			for _, c := range row.Candidates {
				if t, ok := triple(c); ok {
					out = append(out, t)
				}
			}
			return out, row
		}
		var vals []string
		for _, q := range row.Values {
			if q.Value == "" {
				return nil, row
			}
			vals = append(vals, q.Value)
		}
		if t, ok := triple(vals); ok {
			return [][3]int64{t}, row
		}
		return nil, row
	}
	return nil, nil
}

func unsettled(row *data.DisclosureRow) bool {
	for _, q := range row.Values {
		if q.Status == data.StatusUnreadable {
			return true
		}
	}
	return false
}

func triple(vals []string) ([3]int64, bool) {
	var t [3]int64
	for i, v := range vals {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return t, false
		}
		t[i] = n
	}
	return t, true
}

// settleDisclosure settles the unreadable item-(一) rows of the reports in
// batch by the relation across the years, with the reports of known as the
// other years (known may hold batch's reports too). It returns, for each
// report of batch it changed, a note per settled row.
func settleDisclosure(batch, known []*data.Report) map[*data.Report][]string {
	mine := map[*data.Report]bool{}
	all := append([]*data.Report(nil), batch...)
	for _, r := range batch {
		mine[r] = true
	}
	for _, r := range known {
		if !mine[r] {
			all = append(all, r)
		}
	}
	byBody := map[string]map[int]*data.Report{}
	for _, r := range all {
		if byBody[r.Body] == nil {
			byBody[r.Body] = map[int]*data.Report{}
		}
		if _, ok := byBody[r.Body][r.Year]; !ok || mine[r] {
			byBody[r.Body][r.Year] = r
		}
	}
	notes := map[*data.Report][]string{}
	// Each settled row may settle its neighbour's: go on until nothing changes.
	for changed := true; changed; {
		changed = false
		for _, r := range batch {
			for _, key := range relationRows {
				cands, row := readings(r, key)
				if len(cands) < 2 {
					continue
				}
				keep := cands
				var by []string
				for _, y := range []int{r.Year - 1, r.Year + 1} {
					other := byBody[r.Body][y]
					if other == nil {
						continue
					}
					theirs, _ := readings(other, key)
					if len(theirs) == 0 {
						continue
					}
					keep = keepRelation(keep, theirs, y < r.Year)
					by = append(by, fmt.Sprintf("%d年 (%s)", y, other.ID))
				}
				if len(keep) != 1 || len(by) == 0 {
					continue
				}
				for i := range row.Values {
					if q := &row.Values[i]; q.Status == data.StatusUnreadable {
						q.Value, q.Status = strconv.FormatInt(keep[0][i], 10), data.StatusCrossYear
					}
				}
				notes[r] = append(notes[r], fmt.Sprintf("table 二, row %s: %q settled as %d/%d/%d by the relation of 现行有效件数 with %s",
					key, row.Run, keep[0][0], keep[0][1], keep[0][2], strings.Join(by, " and ")))
				changed = true
			}
		}
	}
	return notes
}

// keepRelation keeps the readings of a year that keep the relation with
// some reading of the year before (before) or after.
func keepRelation(mine, theirs [][3]int64, before bool) [][3]int64 {
	var out [][3]int64
	for _, m := range mine {
		for _, o := range theirs {
			prev, cur := o, m
			if !before {
				prev, cur = m, o
			}
			if cur[2] == prev[2]+cur[0]-cur[1] {
				out = append(out, m)
				break
			}
		}
	}
	return out
}
