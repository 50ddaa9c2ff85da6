package importer

import (
	"encoding/csv"
	"io"
	"nianbao/data"
	"strconv"
)

// WriteCSV writes every cell of tables 二, 三 and 四, one line per cell,
// under the header table,row,column,value,status. Rows and columns of 三
// and 四 use the canonical keys, those of 二 the keys of DisclosureKeys.
// value is the number as printed (for table 二 with the unit printed beside
// it, such as 950125.6165万元), empty when blank; status is printed,
// recovered or blank, and for table 二 also unreadable (empty: the copy ran
// the row's numbers together and they split several ways) or cross_year
// (settled by the body's adjacent year: see data.StatusCrossYear).
func WriteCSV(w io.Writer, r *data.Report) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"table", "row", "column", "value", "status"})
	for _, row := range r.Disclosure {
		for _, q := range row.Values {
			status, v := "printed", q.Value+q.Unit
			switch {
			case q.Blank():
				status, v = "blank", ""
			case q.Status != "":
				status = q.Status // unreadable (empty), or cross_year
			}
			cw.Write([]string{"二", row.Key, q.Key, v, status})
		}
	}
	cell := func(table, row, col string, c data.Cell) {
		v := strconv.FormatInt(c.Value, 10)
		if c.Status == data.Blank {
			v = ""
		}
		cw.Write([]string{table, row, col, v, c.Status.String()})
	}
	for _, row := range r.Requests.Rows() {
		for i, col := range data.RequestColumns {
			cell("三", row.Key, col.Key, r.Requests.Cell(row.Key, i))
		}
	}
	for _, row := range data.AppealRows {
		for i, col := range data.AppealColumns {
			cell("四", row.Key, col.Key, r.Appeals.Cell(row.Key, i))
		}
	}
	cw.Flush()
	return cw.Error()
}
