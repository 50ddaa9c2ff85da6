package app

import (
	"path"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/data/catalog"
)

// Embeds: every chart of a report, and a body's trend charts, has an
// embed page that shows the chart alone (its title, summary, source line
// and a link back) for another page of the portal to frame. The build
// writes one embed page per report and per body (web/site); the chart is
// chosen by ?chart=ID and drawn by the site's embed script from the
// report's pack (or the body's charts), without the WebAssembly.

// EmbedPrefix starts every embed page's path: /embed/r/{id} for a report,
// /embed/b/{id} for a body.
const EmbedPrefix = "/embed"

// ReportEmbedPath is the embed page of a report's chart.
func ReportEmbedPath(id, chart string) string {
	return withQuery(EmbedPrefix+reportPrefix+id, "chart", chart)
}

// BodyEmbedPath is the embed page of a body's chart.
func BodyEmbedPath(id, chart string) string {
	return withQuery(EmbedPrefix+bodyPrefix+id, "chart", chart)
}

// BodyChartsPath is the file of a body's trend charts (charts.Trend, by
// ID, under "charts"), which its page's script and its embed page read.
func BodyChartsPath(id string) string {
	return "/" + path.Join(catalog.PacksDir, "b", id+".json")
}

// ChartPage is the page of a report where a chart is shown with its
// table, by the chart's ID: where an embed's link back leads.
func ChartPage(chart string) string {
	switch chart {
	case "outcomes", "flow":
		return "/outcomes"
	case "applicants", "outcomes-by-applicant":
		return "/applicants"
	case "appeals", "disclosure":
		return "/" + chart
	}
	if cat, ok := strings.CutPrefix(chart, "outcomes-"); ok {
		return CategoryPath(cat)
	}
	return "/"
}

// embed is the embed page of a chart of the report in view, "" where the
// site offers no embeds (no origin may frame them) or no report is in view.
func (v view) embed(chart string) string {
	if !site.Embed || v.id == "" {
		return ""
	}
	return ReportEmbedPath(v.id, chart)
}

// tableParam is the query parameter that lists the charts of a page shown
// as tables (图/表 on 表), by chart ID: part of the view a shared link
// holds.
const tableParam = "table"

// tableAsked says whether the list (a tableParam value) names the chart.
func tableAsked(list, chart string) bool {
	for _, id := range strings.Split(list, ",") {
		if id == chart {
			return true
		}
	}
	return false
}

// shareLink is 复制链接: the page's address, which holds the whole view
// (the page, the report, the drill-down, 图/表, the catalog's state), put
// on the clipboard by the site's script (web/js/share.js), or shown to
// select where the clipboard is not to be had. Not on a kiosk, nor
// without scripts.
func shareLink() app.UI {
	return app.Elem("p").Class("share").Body(
		app.Elem("button").Attr("type", "button").Class("button share-link").Text("复制链接"),
		app.Elem("span").Class("share-status").Role("status"),
	)
}
