package site

import (
	"fmt"
	"html"
	"regexp"
	"slices"
	"strconv"
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

// description is the site's, in the manifest and in the pages that do not
// set their own.
const description = "政府信息公开工作年度报告的图表与数据：申请办理结果、申请人构成、行政复议和行政诉讼、主动公开和数据校验。"

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
		Resources: resources,
		Name:      "年报透视",
		ShortName: "年报透视",
		Title:     def.Title() + " · 年报透视",
		// No dataset's words: go-app puts the description into
		// manifest.webmanifest with text/template, unescaped, so a " in a
		// body's name broke the manifest's JSON (or added members to it).
		// A page that describes one report sets its own description.
		Description: description,
		Author:      def.Body,
		Keywords:    []string{"政府信息公开", "年度报告", def.Body},
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
		Scripts:         []string{s.at("/web/echarts.min.js") + " defer", s.at("/web/charts-early.js") + " defer", s.at("/web/page-early.js") + " defer"},
		// Quoted as go-app quotes its own attributes: fixPage reads it so.
		RawHeaders:         s.rawHeaders(),
		CacheableResources: cacheable,
		// A page left open (a kiosk) asks for a new version this often;
		// web/page-early.js switches to it at a safe moment.
		AutoUpdateInterval:    10 * time.Minute,
		Version:               version,
		ServiceWorkerTemplate: web.AppWorker,
	}
}

// rawHeaders are the site's own <meta> elements in every page's head: the
// catalog index's URL, and for a kiosk's site its idle time (read by
// web/page-early.js). Quoted as go-app quotes its own attributes: fixPage
// reads them so.
func (s *site) rawHeaders() []string {
	h := []string{`<meta name=` + strconv.Quote(ui.IndexMeta) + ` content=` + strconv.Quote(s.at(s.indexU)) + `>`}
	if s.kiosk > 0 {
		h = append(h, `<meta name="nianbao-kiosk" content="`+strconv.Itoa(s.kiosk)+`">`)
	}
	return h
}

// fixPage adjusts go-app's prerendered page. First it is printed again as
// HTML (canonicalHTML): every attribute value escaped as HTML, every tag's
// attributes in one order. A page that cannot be read so is a panic, which
// writePage reports as an error of that page. In the head, the policy comes
// right after the charset, so that it governs every script the page names
// (a meta policy covers only what follows it); the viewport lets people
// zoom (go-app's forbids it, which fails WCAG 1.4.4 and the people who need
// large type); and go-app's og:url, which names the build's temporary
// server, goes.
func fixPage(page string) string {
	page, err := canonicalHTML(page)
	if err != nil {
		panic(fmt.Errorf("go-app's page as HTML: %w", err))
	}
	const charset = `<meta charset="UTF-8">`
	meta := `<meta content="` + html.EscapeString(csp) + `" http-equiv="Content-Security-Policy">`
	page = strings.Replace(page, charset, charset+"\n"+meta, 1)
	page = viewportRE.ReplaceAllString(page, `<meta content="width=device-width, initial-scale=1, viewport-fit=cover" name="viewport">`)
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
	page = loaderIconRE.ReplaceAllString(page, `<span hidden id="app-wasm-loader-icon"></span>`)
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
	ogURLRE      = regexp.MustCompile(`<meta [^>]*property="og:url"[^>]*>\n?`)
)

// canonicalHTML reads a page as go-app prints it and prints it again as
// HTML. go-app writes every attribute value with strconv.Quote, which is a
// Go string literal, not an HTML attribute value: a " in a value comes out
// as \", which ends the value in HTML, so a body's name or a table's label
// could add attributes or whole elements (a <meta http-equiv=refresh>) to
// every page; and a \ or a character strconv does not print comes out
// changed. It also writes a tag's attributes in map order, so two builds of
// the same site differed. Each value is unquoted and written back with
// html.EscapeString, and a tag's attributes in the order of their names.
// Text (go-app escapes it with html.EscapeString), end tags, the doctype
// and comments are kept as they are. Anything else is an error, never
// passed through: a < that starts no tag, a value that is not a Go string,
// an attribute name HTML would read otherwise.
//
// go-app prints an attribute whose value is "" or "true" bare: bare is
// right for a boolean attribute, but ARIA reads a bare aria-pressed as
// empty, not true, so an aria-* attribute gets its "true" back. And it
// prints a boolean attribute set to false as ="false", which HTML reads as
// set (every prerendered chart was hidden until the WASM re-rendered it,
// and never shown with ?wasm=false): those go.
func canonicalHTML(page string) (string, error) {
	var b strings.Builder
	b.Grow(len(page) + len(page)/16)
	fail := func(i int, format string, args ...any) (string, error) {
		end := min(len(page), i+60)
		return "", fmt.Errorf("byte %d (%q): %s", i, page[i:end], fmt.Sprintf(format, args...))
	}
	type attr struct {
		name, value string
		bare        bool // printed without a value
	}
	var attrs []attr
	for i := 0; i < len(page); {
		lt := strings.IndexByte(page[i:], '<')
		if lt < 0 {
			b.WriteString(page[i:])
			break
		}
		b.WriteString(page[i : i+lt])
		i += lt
		rest := page[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(rest, "-->")
			if end < 0 {
				return fail(i, "a comment that does not end")
			}
			b.WriteString(rest[:end+3])
			i += end + 3
			continue
		case strings.HasPrefix(rest, "<!"):
			end := strings.IndexByte(rest, '>')
			if end < 0 || strings.ContainsAny(rest[1:end], `"'<`) {
				return fail(i, "a declaration that is not <!DOCTYPE html>")
			}
			b.WriteString(rest[:end+1])
			i += end + 1
			continue
		case strings.HasPrefix(rest, "</"):
			n := tagNameLen(rest[2:])
			if n == 0 || !strings.HasPrefix(rest[2+n:], ">") {
				return fail(i, "an end tag that is not </name>")
			}
			b.WriteString(rest[:2+n+1])
			i += 2 + n + 1
			continue
		}
		n := tagNameLen(rest[1:])
		if n == 0 {
			return fail(i, "a < that starts no tag (go-app escapes < in text)")
		}
		tag := rest[1 : 1+n]
		j := i + 1 + n
		attrs = attrs[:0]
		for {
			if j >= len(page) {
				return fail(i, "a tag that does not end")
			}
			if page[j] == '>' {
				j++
				break
			}
			if page[j] != ' ' {
				return fail(j, "in <%s>: want a space or > before an attribute", tag)
			}
			j++
			k := j
			for k < len(page) && !strings.ContainsRune(" =>\"'/<\t\n\f\r", rune(page[k])) {
				k++
			}
			name := page[j:k]
			if !attrNameRE.MatchString(name) {
				return fail(j, "in <%s>: %q is not an attribute name", tag, name)
			}
			a := attr{name: name}
			j = k
			if j < len(page) && page[j] == '=' {
				q, err := strconv.QuotedPrefix(page[j+1:])
				if err != nil || q[0] != '"' {
					return fail(j+1, "in <%s>, attribute %s: the value is not a Go string literal", tag, name)
				}
				a.value, _ = strconv.Unquote(q)
				j += 1 + len(q)
			} else if strings.HasPrefix(name, "aria-") {
				a.value = "true"
			} else {
				a.bare = true
			}
			for _, o := range attrs {
				if o.name == name {
					return fail(j, "in <%s>: attribute %s twice", tag, name)
				}
			}
			if a.value == "false" && booleanAttrs[name] {
				continue
			}
			attrs = append(attrs, a)
		}
		slices.SortFunc(attrs, func(x, y attr) int { return strings.Compare(x.name, y.name) })
		b.WriteString("<" + tag)
		for _, a := range attrs {
			b.WriteString(" " + a.name)
			if !a.bare {
				b.WriteString(`="` + html.EscapeString(a.value) + `"`)
			}
		}
		b.WriteString(">")
		i = j
		// The text of a script or style element is not HTML: it runs to
		// the element's end tag.
		if t := strings.ToLower(tag); t == "script" || t == "style" {
			end := strings.Index(strings.ToLower(page[i:]), "</"+t+">")
			if end < 0 {
				return fail(i, "a <%s> that does not end", t)
			}
			b.WriteString(page[i : i+end])
			i += end
		}
	}
	return b.String(), nil
}

// tagNameLen is the length of the tag name at the start of s, 0 if none.
func tagNameLen(s string) int {
	n := 0
	for n < len(s) && (s[n] >= 'a' && s[n] <= 'z' || s[n] >= 'A' && s[n] <= 'Z' || n > 0 && (s[n] >= '0' && s[n] <= '9' || s[n] == '-')) {
		n++
	}
	return n
}

// attrNameRE is an attribute name as XML and HTML both read it.
var attrNameRE = regexp.MustCompile(`^[a-zA-Z_:][-a-zA-Z0-9_:.]*$`)

// booleanAttrs are HTML's boolean attributes: set whatever their value.
// (Enumerated ones, where "false" means false — draggable, spellcheck,
// contenteditable — are not among them.)
var booleanAttrs = map[string]bool{
	"allowfullscreen": true, "async": true, "autofocus": true, "autoplay": true, "checked": true,
	"controls": true, "default": true, "defer": true, "disabled": true, "formnovalidate": true,
	"hidden": true, "inert": true, "ismap": true, "itemscope": true, "loop": true, "multiple": true,
	"muted": true, "nomodule": true, "novalidate": true, "open": true, "playsinline": true,
	"readonly": true, "required": true, "reversed": true, "selected": true,
}
