package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/charts"
	"nianbao/data"
)

// checks is the page at "/checks": the report's own consistency. Every
// finding of the cross-checks, and every cell recovered with the rule that
// recovered it.
type checks struct {
	page
	rules     charts.Table
	findings  charts.Table
	recovered charts.Table
	nFindings int
	nRecover  int
	narrative charts.Table // rule 6, the narrative against the tables
}

func (p *checks) prepare(pk *charts.Pack) {
	r := pk.Report
	fs := append(data.Check(r), pk.CrossYear...)
	rc := data.RecoveredCells(r)
	p.nFindings, p.nRecover = len(fs), len(rc)
	p.rules, p.findings, p.recovered = charts.CheckTables(fs, rc, pk.PrevYear)
	p.rules.Source, p.findings.Source, p.recovered.Source = r.Title(), r.Title(), r.Title()
	p.narrative = charts.NarrativeTable(&p.rules, pk.Narrative)
	p.narrative.Source = r.Title()
}

func (p *checks) Render() app.UI {
	var content []app.UI
	if p.v.report != nil {
		content = []app.UI{
			app.Elem("p").Class(consistencyClass(p.nFindings)).Text(consistencyText(p.nFindings, p.nRecover)),
			section("rules-title", "勾稽关系", tableView(p.rules)),
			section("findings-title", fmt.Sprintf("报告中的不一致（%d 处）", p.nFindings),
				app.If(p.nFindings == 0, app.Elem("p").Text("没有发现不一致。")).
					Else(
						app.Elem("p").Text("以下数字按报告原样展示，未作更正。"),
						tableView(p.findings),
					),
			),
			narrativeSection(p.narrative),
			section("recovered-title", fmt.Sprintf("推算的数字（%d 个）", p.nRecover),
				app.If(p.nRecover == 0, app.Elem("p").Text("所有数字均为报告所印，没有推算。")).
					Else(
						app.Elem("p").Text("这些数字在复制报告时丢失；只有勾稽关系能唯一确定其数值时才推算，并在各处标明“推算”。"),
						tableView(p.recovered),
					),
			),
			app.Elem("p").Class("note").Text("报告中空白的格子按空白展示，不当作 0；校验求和时空白按 0 计算。"),
		}
	}
	return layout(p.v, "/checks", "数据校验", content)
}

// narrativeSection lists the findings of rule 6: numbers the narrative
// gives that its tables do not print.
func narrativeSection(t charts.Table) app.UI {
	n := len(t.Rows)
	return section("narrative-findings-title", fmt.Sprintf("正文与表格（%d 处）", n),
		app.If(n == 0, app.Elem("p").Text("正文中读到的申请数和复议、诉讼数与表格一致，或正文没有写明这些数字。")).
			Else(
				app.Elem("p").Text("规则6是提示性规则：按常见句式读取正文中的数字，两边都按报告原样展示，不作更正，也不计入上面的不一致。"),
				tableView(t),
			),
	)
}
