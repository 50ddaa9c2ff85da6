package site

import (
	"bytes"
	"encoding/json"
	"html"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	ui "nianbao/app"
	"nianbao/web"
)

// csp is the site's Content Security Policy: nothing from another origin, no
// inline script and no eval ('wasm-unsafe-eval' lets WebAssembly compile; it
// does not allow eval). Inline styles stay allowed for ECharts' tooltips
// and the few rules a page without scripts adds (noScriptCSS).
const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; " +
	"object-src 'none'; base-uri 'self'; form-action 'self'"

// description is the site's, in the manifest and in the pages that do not
// set their own.
const description = "政府信息公开工作年度报告的图表与数据：申请办理结果、申请人构成、行政复议和行政诉讼、主动公开和数据校验。"

// The site's scripts: its own, which every page names (deferred), and which
// draws each chart when it comes near the screen (in the charts' worker,
// until the charts move to the page), and loads the app when the visitor
// starts to use the page.
const (
	echartsJS = "/web/echarts.min.js"
	siteJS    = "/web/site.js"
	wasmExec  = "/web/wasm_exec.js"
)

// handler is the go-app Handler that renders the site's pages. go-app's
// defects are fixed in its copy (third_party/go-app, PATCHES.md); what the
// site adds to every page's head, go-app writes first (patch
// raw-headers-first): the policy, which then governs every script the page
// names, the site's settings for its script and the app, and the link to
// the style sheet.
func (s *site) handler() *app.Handler {
	var resources app.ResourceProvider
	if s.base != "" {
		// go-app's routing under the base path.
		resources = app.CustomProvider("", s.base)
	}
	return &app.Handler{
		Resources: resources,
		Name:      s.identity.Name,
		ShortName: s.identity.Name,
		Title:     s.identity.Name,
		// Every page sets its own title, description and author.
		Description: description,
		Author:      s.identity.Owner,
		Keywords:    []string{"政府信息公开", "年度报告", s.identity.Name},
		Lang:        "zh-CN",
		Icon: app.Icon{
			Default:    s.at("/web/icon-192.png"),
			Large:      s.at("/web/icon-512.png"),
			SVG:        s.at("/web/icon.svg"),
			AppleTouch: s.at("/web/apple-touch-icon.png"),
		},
		BackgroundColor: "#ffffff",
		ThemeColor:      "#0b3d91",
		LoadingLabel:    "正在启动交互功能 {progress}%",
		// ECharts is loaded by the site's script when a chart comes near
		// the screen (web/js/charts.js).
		Scripts:    []string{s.at(siteJS) + " defer"},
		RawHeaders: s.rawHeaders(),
	}
}

// rawHeaders are the site's own elements in every page's head, right after
// its charset: the policy, the site's settings (ui.SiteMeta) and the style
// sheet, web/style.css as the build minified it (writeStyleSheet). The sheet is
// its own file, fetched once and kept by the service worker: carried by
// every page, it was a third of each of a report's ten pages.
func (s *site) rawHeaders() []string {
	meta, err := json.Marshal(ui.SiteMeta{Base: s.base, Index: s.at(s.indexU), Portal: s.at(s.portalU), Kiosk: s.kiosk, Site: s.identity})
	if err != nil {
		panic(err) // a struct of strings and numbers
	}
	return []string{
		`<meta http-equiv="Content-Security-Policy" content="` + html.EscapeString(csp) + `">`,
		`<meta name="` + ui.SiteMetaName + `" content="` + html.EscapeString(string(meta)) + `">`,
		`<link rel="stylesheet" href="` + html.EscapeString(s.at(styleCSS)) + `">`,
		"<noscript><style>" + noScriptCSS + "</style></noscript>",
	}
}

// styleCSS is the site's style sheet.
const styleCSS = "/web/style.css"

// noScriptCSS is what a page without scripts shows differently: every
// chart's table instead of its blank drawing, and none of the controls that
// only a script makes work (图/表, the images, 长者模式, the app's notice).
const noScriptCSS = `.chart-canvas{display:none!important}.chart-table[hidden]{display:block!important}` +
	`.switch,.chart-image,.large-toggle,.share,#app-wasm-loader{display:none!important}`

// writeStyleSheet writes web/style.css minified by esbuild.
func writeStyleSheet(w *writer, esbuild, root string) error {
	b, err := runESBuild(esbuild, filepath.Join(root, "web", "style.css"))
	if err != nil {
		return err
	}
	if err := checkOrigins("web/style.css", b); err != nil {
		return err
	}
	return w.write(strings.TrimPrefix(styleCSS, "/"), bytes.TrimSpace(b), compressBest)
}

// manifest is the site's web app manifest, as JSON: no text of a dataset
// goes into it.
func (s *site) manifest() ([]byte, error) {
	type icon struct {
		Src   string `json:"src"`
		Type  string `json:"type"`
		Sizes string `json:"sizes"`
	}
	return json.MarshalIndent(struct {
		ShortName       string `json:"short_name"`
		Name            string `json:"name"`
		Description     string `json:"description"`
		Icons           []icon `json:"icons"`
		Scope           string `json:"scope"`
		StartURL        string `json:"start_url"`
		BackgroundColor string `json:"background_color"`
		ThemeColor      string `json:"theme_color"`
		Display         string `json:"display"`
		Lang            string `json:"lang"`
	}{
		ShortName:   s.identity.Name,
		Name:        s.identity.Name,
		Description: description,
		Icons: []icon{
			{s.at("/web/icon.svg"), "image/svg+xml", "any"},
			{s.at("/web/icon-512.png"), "image/png", "512x512"},
			{s.at("/web/icon-192.png"), "image/png", "192x192"},
		},
		Scope:           s.at("/"),
		StartURL:        s.at("/"),
		BackgroundColor: "#ffffff",
		ThemeColor:      "#0b3d91",
		Display:         "standalone",
		Lang:            "zh-CN",
	}, "", "  ")
}

// workerTemplate is web/app-worker.js, a text/template of the version, the
// list of what the worker caches on install and the files named after
// their content that pages load when they need them.
var workerTemplate = template.Must(template.New("app-worker.js").Option("missingkey=error").Parse(web.AppWorker))

// worker is the service worker of a version: it caches the app's shell on
// install, and for a kiosk what it was built to keep; current are the
// version's WebAssembly files, which a deploy's worker keeps in place of
// those of earlier versions.
func (s *site) worker(version string, shell, precache, current []string) ([]byte, error) {
	resources, err := json.Marshal(sortedUnique(append(append([]string{}, shell...), precache...)))
	if err != nil {
		return nil, err
	}
	cur, err := json.Marshal(sortedUnique(current))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = workerTemplate.Execute(&b, struct{ Version, ResourcesToCache, Current string }{version, string(resources), string(cur)})
	return b.Bytes(), err
}
