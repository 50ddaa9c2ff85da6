package site

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	ui "nianbao/app"
	"nianbao/web"
)

// csp is the site's Content Security Policy: nothing from another origin, no
// inline script and no eval ('wasm-unsafe-eval' lets WebAssembly compile; it
// does not allow eval). Inline styles stay allowed for ECharts' tooltips.
const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; " +
	"object-src 'none'; base-uri 'self'; form-action 'self'"

// handler is the go-app Handler of the site: every resource local, the
// version pinned to the content hash, the catalog index's URL in every
// page's head, and the service worker's precache list: the app's shell, the
// default report's pack, and for a kiosk what it was built to keep.
func (s *site) handler(version string, precache []string) *app.Handler {
	def := s.def
	cacheable := append([]string{s.at("/web/icon.svg"), s.at("/favicon.ico"), s.at(ui.OfflinePath), s.at(s.packURL[def.ID])}, precache...)
	var resources app.ResourceProvider
	if s.base != "" {
		// go-app's files (app.js, the worker, the manifest, app.wasm) and
		// its routing under the base path.
		resources = app.CustomProvider("", s.base)
	}
	return &app.Handler{
		Resources:   resources,
		Name:        "年报透视",
		ShortName:   "年报透视",
		Title:       def.Title() + " · 年报透视",
		Description: fmt.Sprintf("%s%d年政府信息公开工作年度报告的图表与数据：申请办理结果、申请人构成、行政复议和行政诉讼、主动公开和数据校验。", def.Body, def.Year),
		Author:      def.Body,
		Keywords:    []string{"政府信息公开", "年度报告", def.Body},
		Lang:        "zh-CN",
		Icon: app.Icon{
			Default:    s.at("/web/icon-192.png"),
			Large:      s.at("/web/icon-512.png"),
			SVG:        s.at("/web/icon.svg"),
			AppleTouch: s.at("/web/apple-touch-icon.png"),
		},
		BackgroundColor:    "#ffffff",
		ThemeColor:         "#0b3d91",
		LoadingLabel:       "正在启动交互功能 {progress}%",
		Scripts:            []string{s.at("/web/echarts.min.js") + " defer", s.at("/web/charts-early.js") + " defer", s.at("/web/page-early.js") + " defer"},
		RawHeaders:         []string{`<meta name="` + ui.IndexMeta + `" content="` + html.EscapeString(s.at(s.indexU)) + `">`},
		CacheableResources: cacheable,
		// A page left open (a kiosk) asks for a new version this often;
		// web/page-early.js switches to it at a safe moment.
		AutoUpdateInterval:    10 * time.Minute,
		Version:               version,
		ServiceWorkerTemplate: web.AppWorker,
	}
}

// fixPage adjusts go-app's prerendered page. go-app prints an attribute
// whose value is "true" bare (aria-pressed), which ARIA reads as empty, not
// true: the value is put back. In the head, the policy comes right after the
// charset, so that it governs every script the page names (a meta policy
// covers only what follows it); the viewport lets people zoom (go-app's
// forbids it, which fails WCAG 1.4.4 and the people who need large type);
// and go-app's og:url, which names the build's temporary server, goes.
func fixPage(page string) string {
	const charset = `<meta charset="UTF-8">`
	meta := `<meta http-equiv="Content-Security-Policy" content="` + csp + `">`
	page = strings.Replace(page, charset, charset+"\n"+meta, 1)
	// go-app prints attributes in map order, so match tags, not strings.
	page = viewportRE.ReplaceAllString(page, `<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">`)
	page = bareARIARE.ReplaceAllString(page, `$1="true"$2`)
	// go-app prints Hidden(false) as hidden="false", and any value of the
	// boolean attribute hides: every prerendered chart was not displayed
	// until the WASM re-rendered it, and never with ?wasm=false.
	page = strings.ReplaceAll(page, ` hidden="false"`, "")
	// go-app's app.css only styles its loader, which web/style.css restyles:
	// one render-blocking request less on the way to the first paint.
	page = appCSSRE.ReplaceAllString(page, "")
	// The style sheet is in the page, not linked: the meta policy above
	// turns off Chromium's preload scanner, so a linked sheet was requested
	// only when the parser reached it, and the first paint waited for it
	// (key figure on screen 1072 → 872 ms median, 9 interleaved runs).
	page = strings.Replace(page, "</head>", "<style>"+siteCSS()+"</style>\n</head>", 1)
	// The loader's notice is its words ("正在启动交互功能 N%"); its spinning
	// icon was one more image to fetch, decode and animate on the way to
	// the first paint (−44 ms measured, within the run-to-run noise). app.js
	// still finds the element it restyles on an error.
	page = loaderIconRE.ReplaceAllString(page, `<span id="app-wasm-loader-icon" hidden></span>`)
	// The (deferred) scripts leave the head. Named there, they are
	// requested one by one as the parser meets them (the meta policy turns
	// off the preload scanner), which used up the parser's time slice: it
	// yielded before the body, and the first frame laid out an empty page.
	// ECharts and the early charts go right after the page's first chart:
	// the parser yields there instead, and the first frame lays out the
	// first screen, not the sections below it (traces: 45 text shapings in
	// the first layout instead of 55). go-app's scripts go to the end.
	page = moveScripts(page)
	return ogURLRE.ReplaceAllString(page, "")
}

// moveScripts moves the head's script elements into the body: go-app's own
// (wasm_exec.js, app.js) to its end, the others, in their order, after the
// first chart of the page's main content, or to the end when it has none.
func moveScripts(page string) string {
	end := strings.Index(page, "</head>")
	if end < 0 || !strings.Contains(page, "</body>") {
		return page
	}
	var ours, goapp strings.Builder
	for _, tag := range scriptRE.FindAllString(page[:end], -1) {
		tag = strings.TrimSuffix(tag, "\n")
		if strings.Contains(tag, `/wasm_exec.js"`) || strings.Contains(tag, `/app.js"`) {
			goapp.WriteString(tag + "\n")
		} else {
			ours.WriteString(tag + "\n")
		}
	}
	head, body := scriptRE.ReplaceAllString(page[:end], ""), page[end:]
	tail := goapp.String()
	if m := strings.Index(body, "<main"); m >= 0 && strings.Contains(body[m:], "</figure>") {
		i := m + strings.Index(body[m:], "</figure>") + len("</figure>")
		body = body[:i] + "\n" + strings.TrimSuffix(ours.String(), "\n") + body[i:]
	} else {
		tail = ours.String() + tail
	}
	return head + strings.Replace(body, "</body>", tail+"</body>", 1)
}

// siteCSS is web/style.css without its comments, as the pages carry it;
// made on the first page the build fixes, not when any command starts.
var siteCSS = sync.OnceValue(func() string {
	b, err := web.Files.ReadFile("style.css")
	if err != nil {
		panic(err)
	}
	css := regexp.MustCompile(`(?s)/\*.*?\*/`).ReplaceAllString(string(b), "")
	return strings.TrimSpace(regexp.MustCompile(`\n\s*\n+`).ReplaceAllString(css, "\n"))
})

var (
	scriptRE     = regexp.MustCompile(`<script [^>]*></script>\n?`)
	viewportRE   = regexp.MustCompile(`<meta [^>]*name="viewport"[^>]*>`)
	appCSSRE     = regexp.MustCompile(`<link [^>]*href="/app.css"[^>]*>\n?`)
	loaderIconRE = regexp.MustCompile(`<img [^>]*id="app-wasm-loader-icon"[^>]*>`)
	bareARIARE   = regexp.MustCompile(`( aria-[a-z]+)([ >])`)
	ogURLRE      = regexp.MustCompile(`<meta [^>]*property="og:url"[^>]*>\n?`)
)
