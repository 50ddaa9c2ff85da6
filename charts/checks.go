package charts

import (
	"fmt"

	"nianbao/data"
)

// CheckTables are the tables of the consistency page: each cross-check with
// its result, every finding (the cross-year check's among them), and every
// recovered cell. prevYear says whether the cross-year check (rule 5) could
// be run: without the body's report of the year before it does not apply,
// and says so instead of holding.
func CheckTables(fs []data.Finding, rc []data.RecoveredCell, prevYear bool) (rules, findings, recovered Table) {
	broken := map[int]int{}
	for _, f := range fs {
		broken[f.Rule]++
	}
	rules = Table{Caption: "统一格式的勾稽关系及本报告的校验结果", Head: []string{"规则", "内容", "结果"}}
	for _, rule := range data.Rules {
		result := "✓ 成立"
		switch n := broken[rule.N]; {
		case n > 0:
			result = fmt.Sprintf("⚠ %d 处不符", n)
		case rule.N == data.RuleCrossYear && !prevYear:
			result = NotApplicable
		}
		rules.Rows = append(rules.Rows, Row{Head: fmt.Sprintf("规则%d", rule.N), Cells: []Cell{TextCell(rule.Text), TextCell(result)}})
	}
	findings = Table{Caption: "不符合勾稽关系的数字（按报告原样）", Head: []string{"位置", "行", "列", "报告所印", "按规则应为", "相差", "规则"}}
	for _, f := range fs {
		findings.Rows = append(findings.Rows, Row{Head: "表" + string(f.Table), Cells: []Cell{
			TextCell(f.RowLabel()), TextCell(f.ColumnLabel()), NumCell(f.Printed), NumCell(f.Want),
			TextCell(Grouped(fmt.Sprintf("%+d", f.Printed-f.Want))), TextCell(fmt.Sprintf("规则%d", f.Rule)),
		}})
	}
	recovered = Table{Caption: "复制时丢失、由勾稽关系推算的数字", Head: []string{"位置", "行", "列", "推算值", "依据"}}
	for _, c := range rc {
		f := data.Finding{Table: c.Table, Row: c.Row, Column: c.Column}
		recovered.Rows = append(recovered.Rows, Row{Head: "表" + string(c.Table), Cells: []Cell{
			TextCell(f.RowLabel()), TextCell(f.ColumnLabel()), MarkedCell(Count(c.Value), recoveredMark(c.Rule)),
			TextCell(fmt.Sprintf("规则%d：%s", c.Rule, data.RuleText(c.Rule))),
		}})
	}
	return rules, findings, recovered
}

// NotApplicable is the result of the cross-year check where the body has
// no report of the year before: neither holding nor broken.
const NotApplicable = "不适用：无上年报告"
