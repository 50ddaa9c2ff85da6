package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/data"
)

// reports is the page at "/reports": every report the site ships, with its
// template version and consistency, each linking to its overview.
type reports struct {
	page
	rows []reportRow
}

type reportRow struct {
	id, title, format, status string
	findings                  int
}

func (p *reports) OnInit()                     { p.enter(nil, "全部报告", p.prepare) }
func (p *reports) OnPreRender(ctx app.Context) { p.enter(ctx, "全部报告", p.prepare) }
func (p *reports) OnNav(ctx app.Context)       { p.enter(ctx, "全部报告", p.prepare) }

func (p *reports) prepare(*data.Report) {
	p.rows = nil
	for _, r := range p.v.reports {
		fs, rc := len(data.Check(r)), len(data.RecoveredCells(r))
		status := "✓ 勾稽关系全部成立"
		if fs > 0 {
			status = fmt.Sprintf("⚠ %d 处不一致", fs)
		}
		if rc > 0 {
			status += fmt.Sprintf("；%d 个数字经推算", rc)
		}
		p.rows = append(p.rows, reportRow{r.ID, r.Title(), r.Format + "年版", status, fs})
	}
}

func (p *reports) Render() app.UI {
	var content []app.UI
	if p.v.report != nil {
		content = []app.UI{
			app.P().Text(fmt.Sprintf("本站收录 %d 份报告。选择一份报告查看其图表与数据。", len(p.rows))),
			app.Div().Class("table-wrap").TabIndex(0).Role("region").Aria("label", "全部报告").Body(
				app.Table().Body(
					app.Caption().Text("全部报告"),
					app.THead().Body(app.Tr().Body(
						app.Th().Scope("col").Text("报告"),
						app.Th().Scope("col").Text("统一格式"),
						app.Th().Scope("col").Text("数据校验"),
					)),
					app.TBody().Body(
						app.Range(p.rows).Slice(func(i int) app.UI {
							r := p.rows[i]
							return app.Tr().Body(
								app.Th().Scope("row").Body(app.A().Class("report-link").Href(ReportPath(r.id, "/")).Text(r.title)),
								app.Td().Text(r.format),
								app.Td().Text(r.status),
							)
						}),
					),
				),
			),
		}
	}
	return &shell{IView: p.v, IPath: "/reports", IHeading: "全部报告", IContent: content}
}
