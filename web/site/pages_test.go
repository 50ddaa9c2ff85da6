package site

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// The other-origin check looks at what a page loads, not at its words: a
// report citing its portal's address is text, a script from a CDN is not.
func TestOtherOrigin(t *testing.T) {
	for _, tt := range []struct{ page, want string }{
		{`<p>详见 http://www.nantong.gov.cn/ 门户网站</p>`, ""},
		{`<a href="/r/x">x</a><img src="/web/icon.svg">`, ""},
		{`<a href="data:text/csv;base64,AAAA//BB">csv</a>`, ""},
		{`<svg xmlns="http://www.w3.org/2000/svg"></svg>`, ""},
		{`<script src="https://cdn.example.com/echarts.js"></script>`, "https://cdn.example.com/echarts.js"},
		{`<link rel="stylesheet" href="//fonts.example.com/x.css">`, "//fonts.example.com/x.css"},
		{`<div style="background: url('https://x.example/a.png')"></div>`, "https://x.example/a.png"},
		{`<form action="http://evil.example/post"></form>`, "http://evil.example/post"},
	} {
		if got := otherOrigin(tt.page); got != tt.want {
			t.Errorf("otherOrigin(%s) = %q, want %q", tt.page, got, tt.want)
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

// A kiosk's site names its idle time in every page's head, which
// web/page-early.js reads; a plain site does not.
func TestKioskMeta(t *testing.T) {
	s := &site{indexU: "/data/index.x.json", base: "/nianbao"}
	if h := s.rawHeaders(); len(h) != 1 || h[0] != `<meta name="nianbao-index" content="/nianbao/data/index.x.json">` {
		t.Errorf("headers %q", h)
	}
	s.kiosk = 90
	if h := s.rawHeaders(); len(h) != 2 || h[1] != `<meta name="nianbao-kiosk" content="90">` {
		t.Errorf("kiosk headers %q", h)
	}
}

// fixPage on a page go-app really prints, as the build renders it: the
// policy right after the charset, a viewport that lets people zoom, no
// og:url of the build's server, no hidden="false", the style sheet in
// the head, go-app's scripts at the end of the body.
func TestFixPageOnGoAppOutput(t *testing.T) {
	s, err := readSite(filepath.Join(repoRoot, "data", "datasets"))
	if err != nil {
		t.Fatal(err)
	}
	w := &writer{dir: t.TempDir()}
	if err := s.writeData(w); err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	s.handler("0", nil).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://localhost/applicants", nil))
	if rec.Code != 200 {
		t.Fatalf("HTTP %d", rec.Code)
	}
	raw := rec.Body.String()
	if !strings.Contains(raw, "og:url") || !strings.Contains(raw, "user-scalable") {
		t.Fatal("go-app's page no longer has what fixPage fixes; update this test")
	}
	out := fixPage(raw)
	if i := strings.Index(out, `<meta charset="UTF-8">`); i < 0 || !strings.HasPrefix(out[i+len(`<meta charset="UTF-8">`):], "\n<meta content=\"default-src") {
		t.Error("the policy does not follow the charset")
	}
	head := out[:strings.Index(out, "</head>")]
	for _, gone := range []string{"og:url", "user-scalable", "<script", `hidden="false"`, "/app.css"} {
		if strings.Contains(out, gone) && (gone != "<script" || strings.Contains(head, gone)) {
			t.Errorf("the fixed page still has %s", gone)
		}
	}
	if !strings.Contains(head, "<style>") || !strings.Contains(out, `data-pack="/data/r/nantong-city-2019.`) {
		t.Error("no style sheet in the head, or no pack named")
	}
	if tail := out[strings.LastIndex(out, "</aside>"):]; !strings.Contains(tail, "/app.js") || !strings.Contains(tail, "/wasm_exec.js") {
		t.Error("go-app's scripts are not at the end of the body")
	}
}
