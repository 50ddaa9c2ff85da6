package app

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// infographicSection is 一图读懂 on a report's overview: a button that makes
// the report's key figures and results into one long image, with its text
// beside it. The site's script draws it (web/js/infographic.js), from the
// page and the report's pack, with the app or without; this app carries
// none of it.
func infographicSection() app.UI {
	return app.Elem("section").Class("panel infographic-panel").Aria("labelledby", "infographic-title").Body(
		app.Elem("h2").ID("infographic-title").Text("一图读懂"),
		app.Elem("p").Text("把本报告的关键数字、办理结果、申请人构成、复议诉讼结果和数据校验结果做成一张长图（宽 1080 像素），可保存为 PNG 或 SVG 图片，供门户网站和政务新媒体使用。图片在本机浏览器中生成。"),
		app.Elem("p").Body(app.Elem("button").Attr("type", "button").Class("button infographic-make").Text("生成一图读懂")),
		app.Elem("div").Class("infographic").Aria("live", "polite"),
	)
}
