package site

import (
	"encoding/json"
	"strings"
	"testing"

	nethtml "golang.org/x/net/html"

	ui "nianbao/app"
)

// The other-origin check looks at what a page loads, not at its words: a
// report citing its portal's address is text, even written as url(…), and
// a script from a CDN is not.
func TestPageLoads(t *testing.T) {
	for _, tt := range []struct{ page, want string }{
		{`<p>详见 http://www.nantong.gov.cn/ 门户网站</p>`, ""},
		{`<p>详见区政府网站（网址见附件url(https://www.hongze.gov.cn)）。</p>`, ""},
		{`<p title="url(https://x.example/a.png)">x</p>`, ""},
		{`<a href="/r/x">x</a><img src="/web/icon.svg" srcset="/a.png 1x, /b.png 2x">`, ""},
		{`<a href="https://beian.miit.gov.cn/">苏ICP备</a>`, ""},
		{`<a href="data:text/csv;base64,AAAA//BB">csv</a>`, ""},
		{`<svg xmlns="http://www.w3.org/2000/svg"></svg>`, ""},
		{`<script src="https://cdn.example.com/echarts.js"></script>`, "https://cdn.example.com/echarts.js"},
		{`<link rel="stylesheet" href="//fonts.example.com/x.css">`, "//fonts.example.com/x.css"},
		{`<div style="background: url('https://x.example/a.png')"></div>`, "https://x.example/a.png"},
		{`<style>@import "https://x.example/a.css";</style>`, "https://x.example/a.css"},
		{`<form action="http://evil.example/post"></form>`, "http://evil.example/post"},
		{`<img srcset="/a.png 1x, https://x.example/b.png 2x">`, "https://x.example/b.png"},
		{`<meta http-equiv="refresh" content="0;url=https://evil.example/">`, "https://evil.example/"},
		{`<a href="javascript:alert(1)">x</a>`, "javascript:alert(1)"},
	} {
		if got, err := pageLoads([]byte(tt.page)); err != nil || got != tt.want {
			t.Errorf("pageLoads(%s) = %q, %v; want %q", tt.page, got, err, tt.want)
		}
	}
}

// A script of the site may name an XML namespace (ECharts' SVG renderer
// does, for setAttributeNS), and no other absolute URL.
func TestNamedOrigin(t *testing.T) {
	for _, tt := range []struct{ file, want string }{
		{`var a="http://www.w3.org/2000/xmlns/",b="http://www.w3.org/XML/1998/namespace";`, ""},
		{`createElementNS("http://www.w3.org/2000/svg","g")`, ""},
		{`fetch("/data/index.json")`, ""},
		{`var ns="http://www.w3.org/2000/svg";load("https://cdn.example.com/e.js")`, "https://cdn.example.com/e.js"},
		{`"http://www.w3.org/2000/svgfont.woff"`, "http://www.w3.org/2000/svgfont.woff"},
		{`@import url(https://fonts.example/x.css);`, "https://fonts.example/x.css"},
	} {
		if got := namedOrigin([]byte(tt.file)); got != tt.want {
			t.Errorf("namedOrigin(%s) = %q, want %q", tt.file, got, tt.want)
		}
	}
}

func TestCleanBase(t *testing.T) {
	for in, want := range map[string]string{"": "", "/": "", "nianbao": "/nianbao", "/nianbao/": "/nianbao", "/a/b": "/a/b"} {
		if got, err := cleanBase(in); err != nil || got != want {
			t.Errorf("cleanBase(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"/a/../b", "/a b", `/a"b`, "/a?b", "/a//b"} {
		if _, err := cleanBase(bad); err == nil {
			t.Errorf("cleanBase(%q) accepted", bad)
		}
	}
}

// Every page carries the site's settings for its script and the app: the
// base path, the catalog index's URL and, for a kiosk's site, the idle
// time; as JSON in an attribute, escaped as HTML.
func TestSiteMetaHeader(t *testing.T) {
	s := &site{indexU: "/data/index.x.json", portalU: "/data/portal.y.json", base: "/nianbao", kiosk: 90, identity: ui.Site{Name: "甲", Owner: `乙"`}}
	var meta string
	for _, h := range s.rawHeaders() {
		if strings.Contains(h, ui.SiteMetaName) {
			meta = h
		}
	}
	doc, err := nethtml.Parse(strings.NewReader("<head>" + meta))
	if err != nil {
		t.Fatal(err)
	}
	var got ui.SiteMeta
	var content string
	var find func(n *nethtml.Node)
	find = func(n *nethtml.Node) {
		if n.Type == nethtml.ElementNode && n.Data == "meta" && attr(n, "name") == ui.SiteMetaName {
			content = attr(n, "content")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	if err := json.Unmarshal([]byte(content), &got); err != nil {
		t.Fatalf("%s: %v", meta, err)
	}
	if want := (ui.SiteMeta{Base: "/nianbao", Index: "/nianbao/data/index.x.json", Portal: "/nianbao/data/portal.y.json", Kiosk: 90, Site: ui.Site{Name: "甲", Owner: `乙"`}}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
