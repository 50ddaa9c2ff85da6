package importer

import (
	"encoding/csv"
	"io"
	"nianbao/data"
)

// WriteCSV writes every cell of tables 二, 三 and 四, one line per cell
// (data.Cells), under the header table,row,column,value,status. Rows and
// columns of 三 and 四 use the canonical keys, those of 二 the keys of
// DisclosureKeys. value is the number as printed (for table 二 with the
// unit printed beside it, such as 950125.6165万元), empty when blank;
// status is printed, recovered or blank, and for table 二 also unreadable
// (empty: the copy ran the row's numbers together and they split several
// ways) or cross_year (settled by the body's adjacent year: see
// data.StatusCrossYear). The site's open data publishes each report's
// cells in this form too (web/site).
func WriteCSV(w io.Writer, r *data.Report) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"table", "row", "column", "value", "status"})
	data.Cells(r, func(c data.CellRecord) {
		cw.Write([]string{string(c.Table), c.Row, c.Column, c.Value, c.Status})
	})
	cw.Flush()
	return cw.Error()
}
