package charts

import (
	"fmt"

	"nianbao/data"
)

// NarrativeTable is the table of the findings of rule 6 on the consistency
// page: where the narrative's count and the table's differ, both as
// printed, with the sentence. It also sets rule 6's result in the rules
// table CheckTables made, which counts the findings it is given (rules 1–5).
func NarrativeTable(rules *Table, fs []data.NarrativeFinding) Table {
	head := fmt.Sprintf("规则%d", data.RuleNarrative)
	for i, r := range rules.Rows {
		if r.Head == head && len(fs) > 0 && len(r.Cells) == 2 {
			rules.Rows[i].Cells[1] = TextCell(fmt.Sprintf("⚠ %d 处不符（提示）", len(fs)))
		}
	}
	t := Table{Caption: "正文所写与表格所印不同的数字（均按报告原样）", Head: []string{"位置", "行", "列", "表格所印", "正文所写", "正文原句"}}
	for _, f := range fs {
		t.Rows = append(t.Rows, Row{Head: "表" + string(f.Table), Cells: []Cell{
			TextCell(f.RowLabel()), TextCell(f.ColumnLabel()), NumCell(f.Printed), NumCell(f.Want), TextCell(f.Quote),
		}})
	}
	return t
}
