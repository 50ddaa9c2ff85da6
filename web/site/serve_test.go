package site

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

func TestSiteHandler(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.html", "home")
	write("outcomes.html", "outcomes")
	write("web/app.wasm", "wasm")
	write("web/app.wasm.br", "wasm-br")
	write("web/app.wasm.gz", "wasm-gz")
	srv := httptest.NewServer(siteHandler(dir))
	defer srv.Close()

	tests := []struct {
		path, accept        string
		status              int
		body, ctype, encode string
	}{
		{"/", "", 200, "home", "text/html; charset=utf-8", ""},
		{"/outcomes", "", 200, "outcomes", "text/html; charset=utf-8", ""},
		{"/outcomes?r=x", "", 200, "outcomes", "text/html; charset=utf-8", ""},
		{"/web/app.wasm", "gzip, deflate, br", 200, "wasm-br", "application/wasm", "br"},
		{"/web/app.wasm", "gzip", 200, "wasm-gz", "application/wasm", "gzip"},
		{"/web/app.wasm", "br;q=0, gzip", 200, "wasm-gz", "application/wasm", "gzip"},
		{"/web/app.wasm", "", 200, "wasm", "application/wasm", ""},
		{"/nothing", "", 404, "", "", ""},
		{"/../etc/passwd", "", 404, "", "", ""},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest("GET", srv.URL+tt.path, nil)
		req.Header.Set("Accept-Encoding", tt.accept)
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d", tt.path, res.StatusCode, tt.status)
			continue
		}
		if tt.status != 200 {
			continue
		}
		if string(b) != tt.body || res.Header.Get("Content-Type") != tt.ctype || res.Header.Get("Content-Encoding") != tt.encode {
			t.Errorf("%s (%s): %q %q %q", tt.path, tt.accept, b, res.Header.Get("Content-Type"), res.Header.Get("Content-Encoding"))
		}
		if res.Header.Get("Content-Security-Policy") != csp {
			t.Errorf("%s: no CSP header", tt.path)
		}
	}
}
