package app

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/charts"
)

// narrativePage is the page at "/narrative": the report's own text, sections
// 一、五 and 六 (with what prose it prints under the headings of 三 and 四),
// as published.
type narrativePage struct {
	page
}

func (p *narrativePage) prepare(*charts.Pack) {}

func (p *narrativePage) Render() app.UI {
	var content []app.UI
	if r := p.v.report; r != nil {
		if len(r.Sections) == 0 {
			content = append(content, app.Elem("p").Text("这份报告的文字部分没有导入。"))
		}
		for _, s := range r.Sections {
			id := "section-" + s.Key
			content = append(content, app.Elem("section").Class("panel narrative").Aria("labelledby", id).Body(
				app.Elem("h2").ID(id).Text(s.Title),
				app.Range(s.Paragraphs).Slice(func(i int) app.UI { return app.Elem("p").Text(s.Paragraphs[i]) }),
			))
		}
	}
	return layout(p.v, "/narrative", "报告正文", content)
}
