package site

// Each patch of third_party/go-app (PATCHES.md) has a test here that fails
// without it, on what go-app prints; forget-dismounted's is in app.

import (
	"bytes"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	nethtml "golang.org/x/net/html"
)

// markupPayloads are strings that would be markup, or change, if a page
// printed them as they are: a dataset's body name, title or label.
var markupPayloads = []string{
	`南通市"><meta http-equiv=refresh content=0;url=/phish>`,
	`</title><script>alert(1)</script>`,
	`x onmouseover=alert(1) y`,
	`' onfocus='alert(1)' autofocus '`,
	`javascript:alert(1)`,
	`&lt;b&gt; &amp; &#34; &quot`,
	`a\"b\\c\n`,
	`<!-- comment --> <![CDATA[ x ]]>`,
	"中文“引号”\u00a0«»\u200b",
}

// parseBody reads printed elements as a page's body.
func parseBody(t *testing.T, s string) *nethtml.Node {
	t.Helper()
	doc, err := nethtml.Parse(strings.NewReader("<!DOCTYPE html><html><head></head><body>" + s + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// elements lists a tree's elements in document order.
func elements(n *nethtml.Node) []*nethtml.Node {
	var list []*nethtml.Node
	if n.Type == nethtml.ElementNode {
		list = append(list, n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		list = append(list, elements(c)...)
	}
	return list
}

// Patch attr-html: every attribute value and text go-app prints is the
// string given, read back by an HTML parser, and no attribute or element
// is added.
func TestGoAppPatchAttrHTMLKeepsText(t *testing.T) {
	for _, p := range markupPayloads {
		var b strings.Builder
		app.PrintHTML(&b, app.Div().ID("d").Title(p).Aria("label", p).DataSet("x", p).Body(
			app.Span().Text(p), app.A().Href("/b/x").Text(p)))
		els := elements(parseBody(t, b.String()))
		var names []string
		for _, e := range els {
			names = append(names, e.Data)
		}
		if want := "html head body div span a"; strings.Join(names, " ") != want {
			t.Errorf("%q: elements %q, want %q\n%s", p, names, want, b.String())
			continue
		}
		got := map[string]string{}
		for _, a := range els[3].Attr {
			got[a.Key] = a.Val
		}
		want := map[string]string{"id": "d", "title": strings.TrimSpace(p), "aria-label": strings.TrimSpace(p), "data-x": strings.TrimSpace(p)}
		if !maps.Equal(got, want) {
			t.Errorf("%q: attributes %q, want %q\n%s", p, got, want, b.String())
		}
		if span := els[4]; span.FirstChild == nil || span.FirstChild.Data != p || span.FirstChild.NextSibling != nil {
			t.Errorf("%q: text %q\n%s", p, span.FirstChild, b.String())
		}
	}
}

// Patch attr-html: one element prints one way, its attributes in the
// order of their names (go-app v9.8.0 printed them in map order).
func TestGoAppPatchAttrHTMLIsStable(t *testing.T) {
	seen := map[string]bool{}
	for range 50 {
		var b strings.Builder
		app.PrintHTML(&b, app.Meta().Name("description").Content(`a "b"`).ID("m").Class("c").Title("t").Lang("zh").Dir("ltr"))
		seen[b.String()] = true
	}
	want := `<meta class="c" content="a &#34;b&#34;" dir="ltr" id="m" lang="zh" name="description" title="t">`
	if len(seen) != 1 || !seen[want] {
		t.Errorf("printed %q, want only %q", slices.Collect(maps.Keys(seen)), want)
	}
}

// Patch attr-html: a boolean attribute set to false is not printed (HTML
// reads hidden="false" as hidden), one set to true is printed bare, and
// aria-* keeps "true" (ARIA reads a bare aria-pressed as empty).
func TestGoAppPatchAttrHTMLBooleans(t *testing.T) {
	var b strings.Builder
	app.PrintHTML(&b, app.Div().Body(
		app.Div().Class("shown").Hidden(false),
		app.Div().Class("gone").Hidden(true),
		app.Button().Aria("pressed", "true").Disabled(false).Text("图"),
		app.Img().Alt(""),
	))
	got := b.String()
	for _, want := range []string{`<div class="shown">`, `<div class="gone" hidden>`, `<button aria-pressed="true">`, `<img alt="">`} {
		if !strings.Contains(got, want) {
			t.Errorf("printed %s, lacking %s", got, want)
		}
	}
}

// The head of a page as the build renders it, and of a page of a Handler
// that sets no icon.
func renderedPage(t *testing.T, h *app.Handler, path string) string {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://localhost"+path, nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("%s: HTTP %d", path, rec.Code)
	}
	return rec.Body.String()
}

// Patches raw-headers-first, zoomable-viewport, no-og-url,
// no-empty-og-image, no-app-css,
// loader-without-icon, own-loader and no-remote-icons, on a page the build
// really renders.
func TestGoAppPatchesOnAPage(t *testing.T) {
	s, err := readSite(filepath.Join(repoRoot, "data", "datasets"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.writeData(&writer{dir: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	page := renderedPage(t, s.handler(), "/applicants")
	head := page[:strings.Index(page, "</head>")]

	// raw-headers-first: the policy right after the charset, before
	// anything it governs.
	if i := strings.Index(head, `<meta charset="UTF-8">`); i < 0 || !strings.HasPrefix(strings.TrimSpace(head[i+len(`<meta charset="UTF-8">`):]), `<meta http-equiv="Content-Security-Policy"`) {
		t.Errorf("the policy does not follow the charset:\n%s", head)
	}
	// zoomable-viewport.
	if !strings.Contains(head, `<meta content="width=device-width, initial-scale=1, viewport-fit=cover" name="viewport">`) {
		t.Errorf("the viewport forbids zooming, or is missing:\n%s", head)
	}
	for _, gone := range []string{
		"og:url", "localhost", // no-og-url
		"og:image",                           // no-empty-og-image: the site sets none
		"app.css",                            // no-app-css
		"app-wasm-loader-icon", "goapp-spin", // loader-without-icon
		"/app.js", "wasm_exec.js", // own-loader
	} {
		if strings.Contains(page, gone) {
			t.Errorf("the page holds %q", gone)
		}
	}
	// own-loader: the page names the site's script, deferred, and no
	// other.
	var scripts []string
	for _, e := range elements(mustParse(t, page)) {
		if e.Data == "script" {
			scripts = append(scripts, attr(e, "src")+" defer="+attr(e, "defer"))
		}
	}
	if want := []string{siteJS + " defer="}; !slices.Equal(scripts, want) {
		t.Errorf("scripts %q, want %q", scripts, want)
	}
	// loader-without-icon: the notice is hidden until the app loads.
	if !strings.Contains(page, `<aside class="goapp-app-info" hidden id="app-wasm-loader">`) {
		t.Error("the loading notice is not hidden")
	}
	// no-remote-icons: a handler that sets no icon names no other origin.
	bare := renderedPage(t, &app.Handler{Name: "x"}, "/applicants")
	if u, err := pageLoads([]byte(bare)); err != nil || u != "" || strings.Contains(bare, "github") {
		t.Errorf("a page without icons loads %q (%v)", u, err)
	}
}

func mustParse(t *testing.T, page string) *nethtml.Node {
	t.Helper()
	doc, err := nethtml.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// Patches no-server-in-wasm and browser-without-crypto: the browser's
// build links neither net/http (go-app's Handler, which made it link
// crypto/tls) nor any of crypto (go-app's Encrypt and google/uuid; the
// catalog's body IDs): a quarter of app.wasm.
func TestGoAppPatchesBrowserBuildIsLean(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Dir = repoRoot
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, p := range strings.Fields(string(out)) {
		if p == "net/http" || p == "crypto" || strings.HasPrefix(p, "crypto/") || strings.HasPrefix(p, "github.com/google/uuid") {
			t.Errorf("the browser's build links %s", p)
		}
	}
}

// route-by-path: the app routes its pages by a function (app.pageAt), and
// nothing in the browser's app compiles a regular expression at its start
// or links the regexp package's matching: read from app.wasm's function
// names, which the site's build strips and this one keeps.
func TestGoAppPatchRouteByPath(t *testing.T) {
	out := filepath.Join(t.TempDir(), "app.wasm")
	args := append(append([]string{"build", "-trimpath", "-ldflags=-w"}, wasmGCFlags...), "-o", out, ".")
	cmd := exec.Command("go", args...)
	cmd.Dir = repoRoot
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("nianbao/app.pageAt")) {
		t.Fatal("app.wasm has no function names to read")
	}
	for _, f := range []string{"regexp.MustCompile", "regexp.Compile", "regexp.(*Regexp)."} {
		if bytes.Contains(b, []byte(f)) {
			t.Errorf("the browser's app links %s", f)
		}
	}
}
