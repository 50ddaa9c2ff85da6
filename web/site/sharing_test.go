package site

import (
	"strings"
	"testing"
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
