package site

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	nethtml "golang.org/x/net/html"
)

// TestShareSiteFileMembers: the licence, the public origin and the origins
// that may frame the embeds are checked, and origins are written as a
// browser writes them.
func TestShareSiteFileMembers(t *testing.T) {
	sf, err := ParseSiteFile([]byte(`{"public_origin": "https://NianBao.example.gov.cn/", "frame_ancestors": ["https://www.example.gov.cn", "https://a.example.cn:8443"],
		"licence": {"name": "CC-BY-4.0", "title": "署名 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}}`))
	if err != nil {
		t.Fatal(err)
	}
	if sf.PublicOrigin != "https://nianbao.example.gov.cn" || strings.Join(sf.FrameAncestors, " ") != "https://www.example.gov.cn https://a.example.cn:8443" {
		t.Errorf("origins %q and %q", sf.PublicOrigin, sf.FrameAncestors)
	}
	for _, bad := range []struct{ file, says string }{
		{`{"public_origin": "http://nianbao.example.gov.cn"}`, `"public_origin"`},
		{`{"public_origin": "https://nianbao.example.gov.cn/path"}`, `"public_origin"`},
		{`{"frame_ancestors": ["*"]}`, `"frame_ancestors"[0]`},
		{`{"frame_ancestors": ["https://ok.example.cn", "https://*.example.cn"]}`, `"frame_ancestors"[1]`},
		{`{"frame_ancestors": ["https://a.example.cn; script-src *"]}`, `"frame_ancestors"[0]`},
		{`{"frame_ancestors": ["'self'"]}`, `"frame_ancestors"[0]`},
		{`{"frame_ancestors": ["https://user@a.example.cn"]}`, `"frame_ancestors"[0]`},
		{`{"licence": {}}`, `"licence"`},
		{`{"licence": {"name": "CC BY"}}`, `"licence"`},
		{`{"licence": {"path": "javascript:alert(1)"}}`, `"licence"`},
	} {
		_, err := ParseSiteFile([]byte(bad.file))
		if err == nil || !strings.Contains(err.Error(), bad.says) {
			t.Errorf("%s: %v, want an error naming %s", bad.file, err, bad.says)
		}
	}
}

// TestShareEmbedFraming: the embed pages may be framed by the site file's
// origins, every other page by the site itself only.
func TestShareEmbedFraming(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{"index.html": "home", "embed/r/x.html": "chart", "404.html": "none"})
	h, err := newSiteHandler(dir, defaultServerConfig().FrameAncestors)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(embedFraming(h, []string{"https://portal.example.gov.cn"}))
	defer srv.Close()
	for _, c := range []struct {
		path, ancestors, xfo string
	}{
		{"/", "frame-ancestors 'self'", "SAMEORIGIN"},
		{"/r/x", "frame-ancestors 'self'", "SAMEORIGIN"},
		{"/embed/r/x?chart=flow", "frame-ancestors 'self' https://portal.example.gov.cn", ""},
	} {
		res, err := http.Get(srv.URL + c.path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if p := res.Header.Get("Content-Security-Policy"); !strings.HasSuffix(p, c.ancestors) || strings.Count(p, "frame-ancestors") != 1 {
			t.Errorf("%s: policy %q, want it to end in %q", c.path, p, c.ancestors)
		}
		if x := res.Header.Get("X-Frame-Options"); x != c.xfo {
			t.Errorf("%s: X-Frame-Options %q, want %q", c.path, x, c.xfo)
		}
	}
}

// TestSharePayloadEmbedsAreText: a dataset's strings stay text in the
// embed pages (the title and source line a report's title makes), and in
// the catalog.
func TestSharePayloadEmbedsAreText(t *testing.T) {
	out := t.TempDir()
	s, err := readSite(payloadDatasets(t))
	if err != nil {
		t.Fatal(err)
	}
	w := &writer{dir: out, fast: true}
	if err := s.writeData(w); err != nil {
		t.Fatal(err)
	}
	if s.identity, err = payloadSiteFile(t).identity(s); err != nil {
		t.Fatal(err)
	}
	if err := s.writeOpenData(w, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.writeEmbeds(w); err != nil {
		t.Fatal(err)
	}
	pages, err := filepath.Glob(filepath.Join(out, "embed", "*", "*.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no embed pages (%v)", err)
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := nethtml.Parse(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		var walk func(n *nethtml.Node)
		walk = func(n *nethtml.Node) {
			if n.Type == nethtml.ElementNode {
				if n.Data == "script" && (attrOf(n, "src") == echartsJS || attrOf(n, "src") == embedJS) && n.FirstChild == nil {
					// the page's two scripts
				} else {
					for _, pr := range markupFromData(n) {
						t.Errorf("%s: %s", filepath.Base(p), pr)
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if strings.Contains(filepath.Base(p), "nantong") && !bytes.Contains(b, []byte(`alert(&#34;body&#34;)`)) {
			t.Errorf("%s: the body's name is not in the page as text", filepath.Base(p))
		}
	}
}
