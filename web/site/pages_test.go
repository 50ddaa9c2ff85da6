package site

import "testing"

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
