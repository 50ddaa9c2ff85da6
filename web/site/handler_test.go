package site

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
	nethtml "golang.org/x/net/html"
)

func TestFixPage(t *testing.T) {
	in := `<head><meta charset="UTF-8">
<meta content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover" name="viewport">
<meta content="http://127.0.0.1:4000/" property="og:url">
<link rel="preload" as="style" href="/app.css" type="text/css">
<link type="text/css" href="/app.css" rel="stylesheet">
<script defer src="/wasm_exec.js"></script>
<script src="/app.js" defer></script>
<script defer src="/web/echarts.min.js"></script>
</head><body><main><figure>chart</figure>
<p>below</p></main><div hidden="false" class="chart-canvas"></div><div class="chart-table" hidden></div><button aria-pressed class="x">图</button><span aria-hidden>—</span><a aria-current="page" href="/">概览</a>
<aside id="app-wasm-loader" class="goapp-app-info">
<img class="goapp-logo goapp-spin" src="/web/icon-192.png" id="app-wasm-loader-icon">
<p class="goapp-label" id="app-wasm-loader-label">正在启动交互功能 0%</p>
</aside></body>`
	out := fixPage(in)
	for _, want := range []string{
		`<meta charset="UTF-8">` + "\n" + `<meta content="default-src &#39;self&#39;;`,
		`<meta content="width=device-width, initial-scale=1, viewport-fit=cover" name="viewport">`,
		`<button aria-pressed="true" class="x">`, `<span aria-hidden="true">`, `aria-current="page"`,
		`<span hidden id="app-wasm-loader-icon"></span>`, `正在启动交互功能 0%`,
		// The whole style sheet, in the head, without its comments.
		"<style>:root {", ".switch-report {", "@media (forced-colors: active)",
		`<div class="chart-canvas"></div>`, `<div class="chart-table" hidden></div>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("fixed page lacks %s:\n%s", want, out)
		}
	}
	if i, j := strings.Index(out, "echarts.min.js"), strings.Index(out, "/app.js"); i < 0 || j < i || strings.Index(out, "/wasm_exec.js") < i {
		t.Errorf("ECharts does not run before go-app's scripts:\n%s", out)
	}
	// No script in the head; ECharts right after the first chart; go-app's
	// scripts after the body's content.
	if head := out[:strings.Index(out, "</head>")]; strings.Contains(head, "<script") {
		t.Errorf("scripts left in the head:\n%s", out)
	}
	if !strings.Contains(out, "</figure>\n<script defer src=\"/web/echarts.min.js\"></script>\n<p>below</p>") {
		t.Errorf("ECharts is not right after the first chart:\n%s", out)
	}
	if tail := out[strings.Index(out, "</aside>"):]; strings.Count(tail, "<script") != 2 {
		t.Errorf("go-app's scripts are not at the end of the body:\n%s", out)
	}
	// A page without a chart gets every script at the end.
	if plain := fixPage(strings.Replace(in, "<figure>chart</figure>\n", "", 1)); strings.Count(plain[strings.Index(plain, "</aside>"):], "<script") != 3 ||
		strings.Index(plain, "/web/echarts.min.js") > strings.Index(plain, "/wasm_exec.js") {
		t.Errorf("a page without a chart does not get its scripts at the end:\n%s", plain)
	}
	if i, j := strings.Index(out, "</style>"), strings.Index(out, "</head>"); i < 0 || j < i {
		t.Errorf("the style sheet is not in the head:\n%s", out)
	}
	for _, gone := range []string{"127.0.0.1", "user-scalable", "maximum-scale", "/app.css", "icon-192.png", "goapp-spin", "style.css", "/*", ` hidden="`} {
		if strings.Contains(out, gone) {
			t.Errorf("fixed page still has %s", gone)
		}
	}
}

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

// TestCanonicalHTMLKeepsDataText prints elements with go-app as the pages
// do and reads them back with an HTML parser: every attribute value and
// text is the string given, and no attribute or element is added.
func TestCanonicalHTMLKeepsDataText(t *testing.T) {
	for _, p := range markupPayloads {
		var b strings.Builder
		app.PrintHTML(&b, app.Div().ID("d").Title(p).Aria("label", p).DataSet("x", p).Body(
			app.Span().Text(p), app.A().Href("/b/x").Text(p)))
		out, err := canonicalHTML(b.String())
		if err != nil {
			t.Fatalf("%q: %v\n%s", p, err, b.String())
		}
		doc, err := nethtml.Parse(strings.NewReader("<!DOCTYPE html><html><head></head><body>" + out + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		var div *nethtml.Node
		var elements []string
		var walk func(n *nethtml.Node)
		walk = func(n *nethtml.Node) {
			if n.Type == nethtml.ElementNode {
				elements = append(elements, n.Data)
				if n.Data == "div" {
					div = n
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if want := "html head body div span a"; strings.Join(elements, " ") != want {
			t.Errorf("%q: elements %q, want %q\n%s", p, elements, want, out)
			continue
		}
		got := map[string]string{}
		for _, a := range div.Attr {
			got[a.Key] = a.Val
		}
		want := map[string]string{"id": "d", "title": strings.TrimSpace(p), "aria-label": strings.TrimSpace(p), "data-x": strings.TrimSpace(p)}
		if !maps.Equal(got, want) {
			t.Errorf("%q: attributes %q, want %q\n%s", p, got, want, out)
		}
		span := div.FirstChild
		for span != nil && span.Type != nethtml.ElementNode {
			span = span.NextSibling
		}
		if span.FirstChild == nil || span.FirstChild.Data != p || span.FirstChild.NextSibling != nil {
			t.Errorf("%q: text %q\n%s", p, span.FirstChild, out)
		}
	}
}

// TestCanonicalHTMLIsStable prints the same element many times: go-app
// writes its attributes in map order, the canonical page is one text.
func TestCanonicalHTMLIsStable(t *testing.T) {
	el := func() app.UI {
		return app.Meta().Name("description").Content(`a "b"`).ID("m").Class("c").Title("t").Lang("zh").Dir("ltr")
	}
	seen := map[string]bool{}
	raw := map[string]bool{}
	for range 50 {
		var b strings.Builder
		app.PrintHTML(&b, el())
		raw[b.String()] = true
		out, err := canonicalHTML(b.String())
		if err != nil {
			t.Fatal(err)
		}
		seen[out] = true
	}
	if len(seen) != 1 {
		t.Errorf("%d different pages from one element: %q", len(seen), slices.Collect(maps.Keys(seen)))
	}
	want := `<meta class="c" content="a &#34;b&#34;" dir="ltr" id="m" lang="zh" name="description" title="t">`
	if !seen[want] {
		t.Errorf("got %q, want %q", slices.Collect(maps.Keys(seen)), want)
	}
	t.Logf("go-app printed the element %d ways", len(raw))
}

func TestCanonicalHTMLRefuses(t *testing.T) {
	for _, in := range []string{
		`<div title="x>`,           // a value that does not end
		`<p>a < b</p>`,             // a < in text: go-app escapes it
		`<div title='x'>`,          // not go-app's quoting
		`<div onclick=alert(1)>`,   // nor this
		`<div "x"="y">`,            // not a name
		`<div a="1" a="2">`,        // twice
		`<div title="\q">`,         // not a Go string
		`<script src="/a.js">`,     // a script that does not end
		`<!DOCTYPE html x="<b>">`,  // a declaration with markup
		`<div title="x"onclick=1>`, // no space between attributes
	} {
		if out, err := canonicalHTML(in); err == nil {
			t.Errorf("%s: read as %s", in, out)
		}
	}
	// What go-app prints is kept, attributes in name order.
	in := "<!DOCTYPE html>\n<html lang=\"zh-CN\"><!-- c --><body><div id=\"a\" class=\"b\" hidden=\"false\" aria-hidden>x &amp; y</div><script src=\"/a.js\" defer></script></body></html>"
	want := "<!DOCTYPE html>\n<html lang=\"zh-CN\"><!-- c --><body><div aria-hidden=\"true\" class=\"b\" id=\"a\">x &amp; y</div><script defer src=\"/a.js\"></script></body></html>"
	if out, err := canonicalHTML(in); err != nil || out != want {
		t.Errorf("got %q, %v\nwant %q", out, err, want)
	}
}
