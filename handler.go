//go:build !wasm

package main

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	ui "nianbao/app"
	"nianbao/data"
	"nianbao/web"
)

// csp is the site's Content Security Policy: nothing from another origin, no
// inline script and no eval ('wasm-unsafe-eval' lets WebAssembly compile; it
// does not allow eval). Inline styles stay allowed for ECharts' tooltips.
const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; " +
	"object-src 'none'; base-uri 'self'; form-action 'self'"

// handler is the go-app Handler of the site: every resource local, the
// version pinned to the content hash.
func handler(def *data.Report, version string) *app.Handler {
	var pages []string
	for _, p := range ui.Pages {
		pages = append(pages, p.Path)
	}
	return &app.Handler{
		Name:        "年报透视",
		ShortName:   "年报透视",
		Title:       def.Title() + " · 年报透视",
		Description: fmt.Sprintf("%s%d年政府信息公开工作年度报告的图表与数据：申请办理结果、申请人构成、行政复议和行政诉讼、主动公开和数据校验。", def.Body, def.Year),
		Author:      def.Body,
		Keywords:    []string{"政府信息公开", "年度报告", def.Body},
		Lang:        "zh-CN",
		Icon: app.Icon{
			Default:    "/web/icon-192.png",
			Large:      "/web/icon-512.png",
			SVG:        "/web/icon.svg",
			AppleTouch: "/web/apple-touch-icon.png",
		},
		BackgroundColor:       "#ffffff",
		ThemeColor:            "#0b3d91",
		LoadingLabel:          "正在启动交互功能 {progress}%",
		Styles:                []string{"/web/style.css"},
		Scripts:               []string{"/web/echarts.min.js defer"},
		CacheableResources:    pages,
		Version:               version,
		ServiceWorkerTemplate: web.AppWorker,
	}
}

// fixHead adjusts go-app's page head: the policy comes right after the
// charset, so that it governs every script the page names (a meta policy
// covers only what follows it); the viewport lets people zoom (go-app's
// forbids it, which fails WCAG 1.4.4 and the people who need large type);
// and go-app's og:url, which names the build's temporary server, goes.
func fixHead(page string) string {
	const charset = `<meta charset="UTF-8">`
	meta := `<meta http-equiv="Content-Security-Policy" content="` + csp + `">`
	page = strings.Replace(page, charset, charset+"\n"+meta, 1)
	page = strings.Replace(page,
		`content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover"`,
		`content="width=device-width, initial-scale=1, viewport-fit=cover"`, 1)
	if i := strings.Index(page, `<meta property="og:url"`); i >= 0 {
		if j := strings.Index(page[i:], ">"); j >= 0 {
			page = page[:i] + page[i+j+1:]
		}
	}
	return page
}
