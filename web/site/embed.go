package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"slices"
	"strings"

	ui "nianbao/app"
	"nianbao/charts"
	"nianbao/data/catalog"
)

// The embed pages (app/embed.go): one small page per report and per body,
// not one per chart, so that they cost a build little at thousands of
// reports. Each names the file its charts are in (the report's pack, or
// the body's trend charts, written here) and the site's embed script
// (web/js/embed.js) draws the chart that ?chart=ID names. They carry no
// app, no navigation and no site script: the chart, its title, summary,
// source line and a link back. The server lets the origins of the site
// file's frame_ancestors frame these pages and no other (serve.go).

// The embed pages' script, and a kiosk's QR encoder (web/js/qr.js).
const (
	embedJS = "/web/embed.js"
	qrJS    = "/web/qr.js"
	// inflateJS is gzip's inflater for a browser without
	// DecompressionStream (web/js/inflate.js).
	inflateJS = "/web/inflate.js"
)

// embedPage is what an embed page says.
type embedPage struct {
	CSP, Title, Source, Back, Charts, Chart, Pages, Site string
	ECharts, Script                                      string
}

var embedTemplate = template.Must(template.New("embed").Parse(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{{.Title}}</title>
<style>` + embedCSS + `</style>
<script src="{{.ECharts}}" defer></script>
<script src="{{.Script}}" defer></script>
</head>
<body>
<figure class="embed" data-charts="{{.Charts}}" data-chart="{{.Chart}}" data-back="{{.Back}}" data-pages="{{.Pages}}">
<h1 class="embed-title">{{.Title}}</h1>
<p class="embed-summary"></p>
<div class="embed-canvas" role="img"></div>
<figcaption><span class="embed-source">{{.Source}}</span> <a class="embed-back" href="{{.Back}}" target="_blank" rel="noopener">在{{.Site}}查看详情和数据表</a></figcaption>
<noscript><p>这张图表需要启用浏览器的脚本才能显示，请点击上面的链接查看。</p></noscript>
</figure>
</body>
</html>
`))

// embedCSS is the embed pages' style: the chart's card and its type, in
// the site's colours.
const embedCSS = `html{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1f2328;background:#fff}` +
	`body{margin:0}.embed{margin:0;padding:12px 16px}.embed-title{font-size:1.15rem;margin:0 0 .4rem}` +
	`.embed-summary{margin:0 0 .5rem}.embed-canvas{width:100%;height:360px;font-size:14px;color:#1f2328;background:#fff}` +
	`figcaption{font-size:.85rem;color:#59636e;margin-top:.4rem}figcaption a{color:#0b3d91}` +
	`[data-state=failed] .embed-canvas{display:none}`

// writeEmbeds writes every report's and body's embed page, and each body's
// trend charts.
func (s *site) writeEmbeds(w *writer) error {
	for _, r := range s.reports {
		// Every chart a pack holds (charts/echarts.All), by its page.
		pages := map[string]string{}
		for _, id := range []string{"outcomes", "outcomes-by-applicant", "flow", "applicants", "appeals", "disclosure"} {
			pages[id] = ui.ChartPage(id)
		}
		for _, c := range ui.Categories(r) {
			pages["outcomes-"+c.Key] = ui.ChartPage("outcomes-" + c.Key)
		}
		p := embedPage{Title: r.Title(), Source: charts.Table{Source: r.Title()}.SourceLine(),
			Back: s.at(ui.ReportPath(r.ID, "/")), Charts: s.at(s.packURL[r.ID]), Chart: "outcomes"}
		if err := s.writeEmbed(w, "embed/r/"+r.ID+".html", p, pages); err != nil {
			return fmt.Errorf("report %s: %w", r.ID, err)
		}
	}
	for _, b := range s.index.Bodies {
		_, entries := s.index.FindBody(b.ID)
		slices.SortFunc(entries, func(x, y *catalog.Entry) int { return x.Year - y.Year })
		cs := map[string]charts.Chart{}
		for _, c := range charts.Trend(b.Name, entries) {
			cs[c.ID] = c
		}
		j, err := json.Marshal(struct {
			Charts map[string]charts.Chart `json:"charts"`
		}{cs})
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(ui.BodyChartsPath(b.ID), "/")
		if err := w.write(name, j, perItem); err != nil {
			return err
		}
		p := embedPage{Title: b.Name, Source: "数据来源：" + b.Name + "各年度政府信息公开工作年度报告，经年报透视整理",
			Back: s.at(ui.BodyPath(b.ID)), Charts: s.at("/" + name), Chart: "trend-requests"}
		if err := s.writeEmbed(w, "embed/b/"+b.ID+".html", p, nil); err != nil {
			return fmt.Errorf("body %s: %w", b.ID, err)
		}
	}
	return nil
}

// writeEmbed writes one embed page.
func (s *site) writeEmbed(w *writer, name string, p embedPage, pages map[string]string) error {
	pj, err := json.Marshal(pages)
	if err != nil {
		return err
	}
	p.CSP, p.Pages, p.Site = csp, string(pj), s.identity.Name
	p.ECharts, p.Script = s.at(echartsJS), s.at(embedJS)
	var b bytes.Buffer
	if err := embedTemplate.Execute(&b, p); err != nil {
		return err
	}
	if u, err := pageLoads(b.Bytes()); err != nil || u != "" {
		return fmt.Errorf("%s loads from another origin (%q) or does not parse: %v", name, u, err)
	}
	return w.write(strings.TrimPrefix(name, "/"), b.Bytes(), perItem)
}
