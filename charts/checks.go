package charts

import (
	"fmt"

	"nianbao/data"
)

// CheckTables are the tables of the consistency page: each cross-check with
// its result, every finding (the cross-year check's among them), and every
// recovered cell.
func CheckTables(fs []data.Finding, rc []data.RecoveredCell) (rules, findings, recovered Table) {
	broken := map[int]int{}
	for _, f := range fs {
		broken[f.Rule]++
	}
	rules = Table{Caption: "统一格式的勾稽关系及本报告的校验结果", Head: []string{"规则", "内容", "结果"}}
	for _, rule := range data.Rules {
		result := "✓ 成立"
		if n := broken[rule.N]; n > 0 {
			result = fmt.Sprintf("⚠ %d 处不符", n)
		}
		rules.Rows = append(rules.Rows, Row{Head: fmt.Sprintf("规则%d", rule.N), Cells: []Cell{TextCell(rule.Text), TextCell(result)}})
	}
	findings = Table{Caption: "不符合勾稽关系的数字（按报告原样）", Head: []string{"位置", "行", "列", "报告所印", "按规则应为", "相差", "规则"}}
	for _, f := range fs {
		findings.Rows = append(findings.Rows, Row{Head: "表" + f.Table, Cells: []Cell{
			TextCell(f.RowLabel()), TextCell(f.ColumnLabel()), NumCell(f.Printed), NumCell(f.Want),
			TextCell(fmt.Sprintf("%+d", f.Printed-f.Want)), TextCell(fmt.Sprintf("规则%d", f.Rule)),
		}})
	}
	recovered = Table{Caption: "复制时丢失、由勾稽关系推算的数字", Head: []string{"位置", "行", "列", "推算值", "依据"}}
	for _, c := range rc {
		f := data.Finding{Table: c.Table, Row: c.Row, Column: c.Column}
		recovered.Rows = append(recovered.Rows, Row{Head: "表" + c.Table, Cells: []Cell{
			TextCell(f.RowLabel()), TextCell(f.ColumnLabel()), {Text: itoa(c.Value), Recovered: c.Rule},
			TextCell(fmt.Sprintf("规则%d：%s", c.Rule, data.RuleText(c.Rule))),
		}})
	}
	return rules, findings, recovered
}
