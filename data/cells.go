package data

import "strconv"

// CellRecord is one cell of tables 二, 三 and 四 as the open data lists it:
// the table (TableDisclosure, TableRequests, TableAppeals), the row and column by their keys (canonical
// keys for 三 and 四, DisclosureKeys' for 二), the value as printed (for
// table 二 with the unit printed beside it, such as 950125.6165万元; empty
// when blank or unreadable) and how it was read: printed, recovered or
// blank, and for table 二 also unreadable or cross_year (StatusCrossYear).
type CellRecord struct {
	Table                      Table
	Row, Column, Value, Status string
}

// Cells calls yield with every cell of the report, table 二's first, then
// 三's row by row, then 四's: the rows of `nianbao import --csv` and of the
// site's open data, from one place.
func Cells(r *Report, yield func(CellRecord)) {
	for _, row := range r.Disclosure {
		for _, q := range row.Values {
			status, v := "printed", q.Value+q.Unit
			switch {
			case q.Blank():
				status, v = "blank", ""
			case q.Status != "":
				status = q.Status // unreadable (empty), or cross_year
			}
			yield(CellRecord{TableDisclosure, row.Key, q.Key, v, status})
		}
	}
	cell := func(table Table, row, col string, c Cell) {
		v := strconv.FormatInt(c.Value, 10)
		if c.Status == Blank {
			v = ""
		}
		yield(CellRecord{table, row, col, v, c.Status.String()})
	}
	for _, row := range r.Requests.Rows() {
		for i, col := range RequestColumns {
			cell(TableRequests, row.Key, col.Key, r.Requests.Cell(row.Key, i))
		}
	}
	for _, row := range AppealRows {
		for i, col := range AppealColumns {
			cell(TableAppeals, row.Key, col.Key, r.Appeals.Cell(row.Key, i))
		}
	}
}
