package site

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// writeSite writes files (slash path → content) under dir.
func writeSite(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// rawGet sends a request line as written, with the headers given, and
// returns the response: the client does not clean the path, add
// Accept-Encoding or decompress.
func rawGet(t testing.TB, addr, method, target string, headers ...string) (*http.Response, string) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "%s %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n", method, target, addr)
	for _, h := range headers {
		fmt.Fprintf(c, "%s\r\n", h)
	}
	fmt.Fprintf(c, "\r\n")
	res, err := http.ReadResponse(bufio.NewReader(c), &http.Request{Method: method})
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res, string(b)
}

func TestSiteHandler(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{
		"index.html":       "home",
		"outcomes.html":    "outcomes",
		"web/app.wasm":     "wasm",
		"web/app.wasm.br":  "wasm-br",
		"web/app.wasm.gz":  "wasm-gz",
		"web/style.css":    "css",
		"web/style.css.gz": "css-gz",
	})
	srv := httptest.NewServer(Handler(dir))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")

	tests := []struct {
		method, target, accept string
		status                 int
		body, ctype, encode    string
	}{
		{"GET", "/", "", 200, "home", "text/html; charset=utf-8", ""},
		{"GET", "/outcomes", "", 200, "outcomes", "text/html; charset=utf-8", ""},
		{"GET", "/outcomes.html", "", 200, "outcomes", "text/html; charset=utf-8", ""},
		{"GET", "/outcomes?r=x", "", 200, "outcomes", "text/html; charset=utf-8", ""},
		{"HEAD", "/outcomes", "", 200, "", "text/html; charset=utf-8", ""},
		{"GET", "/web/app.wasm", "gzip, deflate, br", 200, "wasm-br", "application/wasm", "br"},
		{"HEAD", "/web/app.wasm", "gzip, deflate, br", 200, "", "application/wasm", "br"},
		{"GET", "/web/app.wasm", "gzip", 200, "wasm-gz", "application/wasm", "gzip"},
		{"GET", "/web/app.wasm", "x-gzip", 200, "wasm-gz", "application/wasm", "gzip"},
		{"GET", "/web/app.wasm", "br;q=0, gzip", 200, "wasm-gz", "application/wasm", "gzip"},
		{"GET", "/web/app.wasm", "br;q=0.0, gzip", 200, "wasm-gz", "application/wasm", "gzip"},
		{"GET", "/web/app.wasm", "br; q=0.000, gzip", 200, "wasm-gz", "application/wasm", "gzip"},
		{"GET", "/web/app.wasm", "BR;Q=0, GZIP", 200, "wasm-gz", "application/wasm", "gzip"},
		{"GET", "/web/app.wasm", "gzip;q=0.5, br;q=0.8", 200, "wasm-br", "application/wasm", "br"},
		{"GET", "/web/app.wasm", "gzip;q=0.8, br;q=0.5", 200, "wasm-gz", "application/wasm", "gzip"},
		{"GET", "/web/app.wasm", "br;q=0.01", 200, "wasm-br", "application/wasm", "br"},
		{"GET", "/web/app.wasm", "*;q=0", 200, "wasm", "application/wasm", ""},
		{"GET", "/web/app.wasm", "*", 200, "wasm-br", "application/wasm", "br"},
		{"GET", "/web/app.wasm", "*;q=0.5, br;q=0", 200, "wasm-gz", "application/wasm", "gzip"},
		{"GET", "/web/app.wasm", "identity, br;q=0.5", 200, "wasm", "application/wasm", ""},
		{"GET", "/web/app.wasm", "br;q=2", 200, "wasm", "application/wasm", ""},      // not a qvalue
		{"GET", "/web/app.wasm", "br;q=abc", 200, "wasm", "application/wasm", ""},    // nor this
		{"GET", "/web/app.wasm", "br;q=0.5000", 200, "wasm", "application/wasm", ""}, // four decimals
		{"GET", "/web/app.wasm", "deflate", 200, "wasm", "application/wasm", ""},
		{"GET", "/web/app.wasm", "", 200, "wasm", "application/wasm", ""},
		{"GET", "/web/style.css", "br, gzip", 200, "css-gz", "text/css; charset=utf-8", "gzip"}, // no .br copy
		{"GET", "/web/style.css", "br", 200, "css", "text/css; charset=utf-8", ""},
		{"POST", "/", "", 405, "", "", ""},
		{"GET", "/nothing", "", 404, "", "", ""},
		{"GET", "/web/", "", 404, "", "", ""},
		{"GET", "/outcomes/", "", 200, "outcomes", "text/html; charset=utf-8", ""},
		// Paths that only a way out of the folder would send.
		{"GET", "/../etc/passwd", "", 400, "", "", ""},
		{"GET", "/web/../index.html", "", 400, "", "", ""},
		{"GET", "/./index.html", "", 400, "", "", ""},
		{"GET", "/%2e%2e/etc/passwd", "", 400, "", "", ""},
		{"GET", "/%2E%2E%2Fetc%2Fpasswd", "", 400, "", "", ""},
		{"GET", "/web%2fapp.wasm", "", 400, "", "", ""},
		{"GET", "/web%2Fapp.wasm", "", 400, "", "", ""},
		{"GET", "/..%5c..%5cetc%5cpasswd", "", 400, "", "", ""},
		{"GET", `/..\..\etc\passwd`, "", 400, "", "", ""},
		{"GET", "/index.html%00.png", "", 400, "", "", ""},
		{"GET", "//etc/passwd", "", 400, "", "", ""},
		{"GET", "/web//app.wasm", "", 400, "", "", ""},
	}
	for _, tt := range tests {
		var headers []string
		if tt.accept != "" {
			headers = append(headers, "Accept-Encoding: "+tt.accept)
		}
		res, body := rawGet(t, addr, tt.method, tt.target, headers...)
		what := fmt.Sprintf("%s %s (%s)", tt.method, tt.target, tt.accept)
		if res.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d", what, res.StatusCode, tt.status)
			continue
		}
		checkSecurityHeaders(t, what, res.Header, "'self'")
		if cl := res.Header.Get("Content-Length"); cl == "" && tt.method != "HEAD" || cl != "" && tt.method != "HEAD" && cl != strconv.Itoa(len(body)) {
			t.Errorf("%s: Content-Length %q for %d bytes", what, cl, len(body))
		}
		if tt.status != 200 {
			continue
		}
		if body != tt.body || res.Header.Get("Content-Type") != tt.ctype || res.Header.Get("Content-Encoding") != tt.encode {
			t.Errorf("%s: %q %q %q, want %q %q %q", what, body, res.Header.Get("Content-Type"), res.Header.Get("Content-Encoding"), tt.body, tt.ctype, tt.encode)
		}
		if tt.method == "HEAD" {
			// HEAD says the length GET sends.
			get, getBody := rawGet(t, addr, "GET", tt.target, headers...)
			if cl := res.Header.Get("Content-Length"); cl != strconv.Itoa(len(getBody)) || get.Header.Get("Content-Length") != cl {
				t.Errorf("%s: Content-Length %q, GET sends %d bytes", what, cl, len(getBody))
			}
		}
	}

	// A file larger than the server's buffer: its length is said before it
	// is sent, precompressed or not, for GET and HEAD (go-app's loader
	// computes its progress from it).
	big := strings.Repeat("wasm ", 100_000)
	writeSite(t, dir, map[string]string{"web/big.wasm": big, "web/big.wasm.br": big[:200_000], "web/big.wasm.gz": big[:300_000]})
	for _, accept := range []string{"br", "gzip", "identity"} {
		for _, method := range []string{"GET", "HEAD"} {
			res, body := rawGet(t, addr, method, "/web/big.wasm", "Accept-Encoding: "+accept)
			want := map[string]int{"br": 200_000, "gzip": 300_000, "identity": len(big)}[accept]
			if res.Header.Get("Content-Length") != strconv.Itoa(want) || method == "GET" && len(body) != want || len(res.TransferEncoding) > 0 {
				t.Errorf("%s /web/big.wasm (%s): Content-Length %q, Transfer-Encoding %q, %d bytes, want %d",
					method, accept, res.Header.Get("Content-Length"), res.TransferEncoding, len(body), want)
			}
		}
	}

	// A range of a precompressed copy is a range of its bytes, with its length.
	res, body := rawGet(t, addr, "GET", "/web/app.wasm", "Accept-Encoding: br", "Range: bytes=2-4")
	if res.StatusCode != 206 || body != "sm-" || res.Header.Get("Content-Length") != "3" || res.Header.Get("Content-Range") != "bytes 2-4/7" {
		t.Errorf("range of the .br copy: %d %q %q %q", res.StatusCode, body, res.Header.Get("Content-Length"), res.Header.Get("Content-Range"))
	}
}

// checkSecurityHeaders checks the headers every response carries.
func checkSecurityHeaders(t *testing.T, what string, h http.Header, frameAncestors string) {
	t.Helper()
	if got, want := h.Get("Content-Security-Policy"), csp+"; frame-ancestors "+frameAncestors; got != want {
		t.Errorf("%s: Content-Security-Policy %q, want %q", what, got, want)
	}
	if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "strict-origin-when-cross-origin" || h.Get("Permissions-Policy") != permissionsPolicy {
		t.Errorf("%s: X-Content-Type-Options %q, Referrer-Policy %q, Permissions-Policy %q", what, h.Get("X-Content-Type-Options"), h.Get("Referrer-Policy"), h.Get("Permissions-Policy"))
	}
	if frameAncestors == "'self'" && h.Get("X-Frame-Options") != "SAMEORIGIN" {
		t.Errorf("%s: X-Frame-Options %q", what, h.Get("X-Frame-Options"))
	}
}

func TestChooseEncodings(t *testing.T) {
	for _, tt := range []struct {
		header string
		want   []string
	}{
		{"gzip, deflate, br, zstd", []string{"br", "gzip", ""}},
		{"br;q=0", []string{""}},
		{"gzip;q=0.5, br;q=0.8", []string{"br", "gzip", ""}},
		{"gzip;q=1, br;q=0.999", []string{"gzip", "br", ""}},
		{"*;q=0", []string{""}},
		{"*;q=0.1, identity;q=0.5", []string{"", "br", "gzip"}},
		{"*, gzip;q=0", []string{"br", ""}},
		{"identity;q=0, gzip", []string{"gzip", ""}},
		{" GZip ; Q=0.3 ,  br ; q=0.2 ", []string{"gzip", "br", ""}},
		{"br;level=5;q=0.4, gzip;q=0.3", []string{"br", "gzip", ""}},
		{"br;q=1.0001", []string{""}},
		{"br;q=-1, gzip;q=.5", []string{""}},
		{"br, br;q=0", []string{"br", ""}}, // named twice: the greater weight
		{",,", []string{""}},
	} {
		if got := chooseEncodings([]string{tt.header}); !slices.Equal(got, tt.want) {
			t.Errorf("%q: %q, want %q", tt.header, got, tt.want)
		}
	}
	if got := chooseEncodings([]string{"gzip;q=0.2", "br;q=0.3"}); !slices.Equal(got, []string{"br", "gzip", ""}) {
		t.Errorf("two header lines: %q", got)
	}
	if got := chooseEncodings(nil); !slices.Equal(got, []string{""}) {
		t.Errorf("no header: %q", got)
	}
}

// TestFrameAncestors: the flag's source list is the policy's directive,
// with X-Frame-Options to the same effect where it can say it.
func TestFrameAncestors(t *testing.T) {
	for _, tt := range []struct{ list, xfo string }{
		{"'self'", "SAMEORIGIN"},
		{"'none'", "DENY"},
		{"'self' https://portal.example.gov.cn", ""},
		{"https://*.example.gov.cn:8443", ""},
	} {
		h, err := securityHeaders(tt.list)
		if err != nil {
			t.Errorf("%s: %v", tt.list, err)
			continue
		}
		if !strings.HasSuffix(h.Get("Content-Security-Policy"), "; frame-ancestors "+tt.list) || h.Get("X-Frame-Options") != tt.xfo {
			t.Errorf("%s: %q, X-Frame-Options %q", tt.list, h.Get("Content-Security-Policy"), h.Get("X-Frame-Options"))
		}
	}
	for _, bad := range []string{"", "'self'; script-src *", "'none' 'self'", "https://a.cn,https://b.cn", "'unsafe-inline'", "a\r\nX-Evil: 1", `"self"`,
		// Sources that let any site (or any of a scheme) frame it.
		"https:", "'self' https:", "http:", "*", "data:", "javascript:", "blob:", "filesystem:", "https://*", "https://*.cn",
		"http://portal.example.gov.cn", "portal.example.gov.cn", "*.example.gov.cn", "https://portal.example.gov.cn:*"} {
		if _, err := securityHeaders(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// TestSymlinksStayInside: a link in the site to a file or folder outside
// it is not followed; one to a file inside is.
func TestSymlinksStayInside(t *testing.T) {
	outside := t.TempDir()
	writeSite(t, outside, map[string]string{"secret.html": "secret", "d/x.txt": "secret too"})
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{"index.html": "home", "web/a.txt": "a"})
	for link, target := range map[string]string{
		"secret.html":   filepath.Join(outside, "secret.html"),
		"rel.html":      filepath.Join("..", filepath.Base(outside), "secret.html"),
		"out":           outside,
		"web/up":        "../..",
		"inside.txt":    "web/a.txt",
		"index.html.br": filepath.Join(outside, "secret.html"),
	} {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(Handler(dir))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")
	for target, want := range map[string]int{
		"/secret.html": 404, "/secret": 404, "/rel": 404, "/out/secret.html": 404, "/out/d/x.txt": 404,
		"/web/up/" + filepath.Base(outside) + "/secret.html": 404, "/inside.txt": 200,
	} {
		res, body := rawGet(t, addr, "GET", target)
		if res.StatusCode != want || strings.Contains(body, "secret") {
			t.Errorf("%s: %d %q, want %d", target, res.StatusCode, body, want)
		}
	}
	// A brotli copy that leads out is not sent; the page itself is.
	if res, body := rawGet(t, addr, "GET", "/", "Accept-Encoding: br"); res.StatusCode != 200 || body != "home" {
		t.Errorf("/ with a .br link out: %d %q", res.StatusCode, body)
	}
}

// TestServerClosesSilentConnection: a connection that sends nothing is
// closed once the header timeout has passed, and so is one that sends its
// request a byte at a time.
func TestServerClosesSilentConnection(t *testing.T) {
	t.Parallel() // seconds of waiting, beside the others
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{"index.html": "home"})
	c := defaultServerConfig()
	c.ReadHeader, c.Read, c.Write, c.Idle = 300*time.Millisecond, time.Second, time.Second, 500*time.Millisecond
	srv, err := newServer("127.0.0.1:0", dir, c)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	defer srv.Close()

	closedAfter := func(send func(net.Conn)) time.Duration {
		conn, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		start := time.Now()
		go send(conn)
		conn.SetReadDeadline(time.Now().Add(10 * time.Second))
		_, err = io.Copy(io.Discard, conn)
		// A server that closes a connection holding unread bytes sends a
		// reset, not a FIN: that is closed too. Only the deadline is not.
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			t.Errorf("the connection was not closed by the server: %v", err)
		} else if err != nil && !errors.Is(err, syscall.ECONNRESET) {
			t.Errorf("reading the connection: %v", err)
		}
		return time.Since(start)
	}
	if d := closedAfter(func(net.Conn) {}); d < 250*time.Millisecond || d > 3*time.Second {
		t.Errorf("a silent connection was closed after %v (header timeout 300 ms)", d)
	}
	if d := closedAfter(func(conn net.Conn) {
		for _, b := range []byte("GET / HTTP/1.1\r\nHost: x\r\n") {
			if _, err := conn.Write([]byte{b}); err != nil {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
	}); d > 3*time.Second {
		t.Errorf("a connection sending a byte every 50 ms was closed after %v (header timeout 300 ms)", d)
	}
	// An idle kept-alive connection is closed too.
	if d := closedAfter(func(conn net.Conn) {
		fmt.Fprintf(conn, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	}); d > 3*time.Second {
		t.Errorf("an idle connection was closed after %v (idle timeout 500 ms)", d)
	}
	if srv.ReadHeaderTimeout != c.ReadHeader || srv.ReadTimeout != c.Read || srv.WriteTimeout != c.Write || srv.IdleTimeout != c.Idle {
		t.Errorf("the server's timeouts are not the configuration's: %+v", srv)
	}
	d := defaultServerConfig()
	if d.ReadHeader <= 0 || d.Read <= 0 || d.Write <= 0 || d.Idle <= 0 {
		t.Errorf("a default timeout is off: %+v", d)
	}
}

// TestServeAcrossSwaps serves a folder while it is exchanged with another
// in one rename, again and again, as a build puts a new site in place: no
// request finds nothing, and each is served from one of the two whole
// (here the two differ in which copies they have).
func TestServeAcrossSwaps(t *testing.T) {
	t.Parallel() // seconds of waiting, beside the others
	parent := t.TempDir()
	out := filepath.Join(parent, "dist")
	other := filepath.Join(parent, ".dist-build")
	writeSite(t, out, map[string]string{"index.html": "A", "index.html.br": "A-br", "web/app.wasm": "wasm-A", "web/app.wasm.br": "wasm-A-br"})
	writeSite(t, other, map[string]string{"index.html": "B", "index.html.gz": "B-gz", "web/app.wasm": "wasm-B"})
	if err := exchange(out, other); err != nil {
		t.Skipf("no atomic exchange here: %v", err)
	}
	srv := httptest.NewServer(Handler(out))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")

	ok := map[string]bool{
		"/|br|A-br": true, "/|gzip|B-gz": true, "/||B": true, "/||A": true,
		"/web/app.wasm|br|wasm-A-br": true, "/web/app.wasm||wasm-B": true, "/web/app.wasm||wasm-A": true,
	}
	stop := make(chan struct{})
	var swaps atomic.Int64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			if err := exchange(out, other); err != nil {
				t.Error(err)
				return
			}
			swaps.Add(1)
		}
	}()
	var requests, notFound int
	var wrong []string
	client := &http.Client{Transport: &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 4}}
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		for _, p := range []string{"/", "/web/app.wasm"} {
			req, _ := http.NewRequest("GET", "http://"+addr+p, nil)
			req.Header.Set("Accept-Encoding", "br, gzip")
			res, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			requests++
			if res.StatusCode == 404 {
				notFound++
			}
			key := p + "|" + res.Header.Get("Content-Encoding") + "|" + string(b)
			if res.StatusCode != 200 || !ok[key] {
				wrong = append(wrong, fmt.Sprintf("%d %s", res.StatusCode, key))
			}
		}
	}
	close(stop)
	wg.Wait()
	t.Logf("%d requests during %d swaps", requests, swaps.Load())
	if notFound > 0 || len(wrong) > 0 {
		t.Errorf("%d of %d requests found nothing; %d were not one site's: %q", notFound, requests, len(wrong), first(wrong, 10))
	}
	if swaps.Load() < 100 {
		t.Errorf("only %d swaps", swaps.Load())
	}
}

// TestServeAcrossBuilds replaces the site as Build does (a new folder
// exchanged with the old one, which is then removed) while it is served.
func TestServeAcrossBuilds(t *testing.T) {
	t.Parallel() // seconds of waiting, beside the others
	parent := t.TempDir()
	out := filepath.Join(parent, "dist")
	files := func(v int) map[string]string {
		s := strconv.Itoa(v)
		return map[string]string{"index.html": "v" + s, "index.html.br": "v" + s + "-br", "reports.html": "r" + s}
	}
	writeSite(t, out, files(0))
	srv := httptest.NewServer(Handler(out))
	defer srv.Close()
	stop := make(chan struct{})
	var builds atomic.Int64
	errc := make(chan error, 1)
	go func() {
		defer close(errc)
		for v := 1; ; v++ {
			select {
			case <-stop:
				return
			default:
			}
			tmp, err := os.MkdirTemp(parent, ".dist-build-")
			if err == nil {
				for name, body := range files(v) {
					if err = os.WriteFile(filepath.Join(tmp, name), []byte(body), 0o644); err != nil {
						break
					}
				}
			}
			if err == nil {
				err = swapInto(tmp, out)
			}
			if err != nil {
				errc <- err
				return
			}
			builds.Add(1)
			time.Sleep(time.Millisecond)
		}
	}()
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	var requests, failed int
	var seen []string
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); {
		for _, p := range []string{"/", "/reports"} {
			req, _ := http.NewRequest("GET", srv.URL+p, nil)
			req.Header.Set("Accept-Encoding", "br")
			res, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			requests++
			if res.StatusCode != 200 {
				failed++
				seen = append(seen, fmt.Sprintf("%s %d %s", p, res.StatusCode, b))
			}
		}
	}
	close(stop)
	if err := <-errc; err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	t.Logf("%d requests during %d builds", requests, builds.Load())
	if failed > 0 {
		t.Errorf("%d of %d requests failed: %q", failed, requests, first(seen, 10))
	}
}

func first(s []string, n int) []string { return s[:min(n, len(s))] }

// A site with its 404 page sends it, with status 404, for a path it does
// not have.
func TestNotFoundPage(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{"index.html": "home", "404.html": "找不到这一页"})
	srv := httptest.NewServer(Handler(dir))
	defer srv.Close()
	for _, p := range []string{"/r/no-such-report", "/nothing/at/all", "/web/x.js"} {
		res, err := http.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 404 || string(b) != "找不到这一页" || res.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("%s: %d %q", p, res.StatusCode, b)
		}
	}
}

// startServer serves dir as serve does (newServer on listen's listener,
// seen through wrap when given), with c, and returns its address.
func startServer(t *testing.T, dir string, c serverConfig, wrap ...func(net.Listener) net.Listener) string {
	t.Helper()
	srv, err := newServer("127.0.0.1:0", dir, c)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := listen("127.0.0.1:0", c)
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	for _, w := range wrap {
		ln = w(ln)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return addr
}

// OPTIONS, for a path or for the server (*), is answered with the site's
// headers: OPTIONS * got net/http's bare 200.
func TestOptions(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{"index.html": "home"})
	addr := startServer(t, dir, defaultServerConfig())
	for _, target := range []string{"*", "/", "/nothing"} {
		res, body := rawGet(t, addr, "OPTIONS", target)
		if res.StatusCode != http.StatusNoContent || body != "" || res.Header.Get("Allow") != "GET, HEAD, OPTIONS" {
			t.Errorf("OPTIONS %s: %d %q, Allow %q", target, res.StatusCode, body, res.Header.Get("Allow"))
		}
		checkSecurityHeaders(t, "OPTIONS "+target, res.Header, "'self'")
	}
}

// A request for thousands of ranges gets the file once, not a part per
// range: 5,000 one-byte ranges made a 14.7 times larger answer.
func TestRangesBounded(t *testing.T) {
	dir := t.TempDir()
	page := strings.Repeat("年报透视 ", 2000)
	writeSite(t, dir, map[string]string{"index.html": page})
	addr := startServer(t, dir, defaultServerConfig())
	var ranges []string
	for i := range 5000 {
		ranges = append(ranges, fmt.Sprintf("%d-%d", i, i))
	}
	header := "Range: bytes=" + strings.Join(ranges, ",")
	res, body := rawGet(t, addr, "GET", "/", header)
	if res.StatusCode != 200 || body != page {
		t.Errorf("5,000 ranges: %d, %d bytes (%s), want the page's %d", res.StatusCode, len(body), res.Header.Get("Content-Type"), len(page))
	}
	t.Logf("5,000 ranges: a request of %d bytes, an answer of %d", len(header), len(body))
	res, body = rawGet(t, addr, "GET", "/", "Range: bytes=0-2,6-8")
	if res.StatusCode != 206 || !strings.HasPrefix(res.Header.Get("Content-Type"), "multipart/byteranges") || !strings.Contains(body, "年") {
		t.Errorf("two ranges: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
}

// Connections that ask for a file and never read it are served at most
// MaxConns at once, and each is closed once it has stalled for Stall,
// not after the whole response's time: 1,500 such connections held 3,010
// file descriptors for up to 5 minutes.
func TestServerBoundsConnections(t *testing.T) {
	dir := t.TempDir()
	big := make([]byte, 32<<20) // more than a connection's buffers hold
	for i := range big {
		big[i] = byte(i * 7)
	}
	writeSite(t, dir, map[string]string{"index.html": "home", "big.bin": string(big)})
	c := defaultServerConfig()
	c.MaxConns, c.Stall = 20, 300*time.Millisecond
	var counted *countingListener
	addr := startServer(t, dir, c, func(ln net.Listener) net.Listener {
		counted = &countingListener{Listener: ln}
		return counted
	})
	const n = 60
	var conns []net.Conn
	for range n {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		fmt.Fprintf(conn, "GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n") // and never read
		conns = append(conns, conn)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		counted.mu.Lock()
		done, most := counted.closed, counted.most
		counted.mu.Unlock()
		if most > c.MaxConns {
			t.Fatalf("%d connections served at once, at most %d wanted", most, c.MaxConns)
		}
		if done == n {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d silent connections closed after 60 s", done, n)
		}
		time.Sleep(20 * time.Millisecond)
	}
	// And the server still serves.
	if res, body := rawGet(t, addr, "GET", "/"); res.StatusCode != 200 || body != "home" {
		t.Errorf("after: %d %q", res.StatusCode, body)
	}
}

// countingListener counts the connections accepted and not yet closed
// (a connection counts as closed before it gives back its place).
type countingListener struct {
	net.Listener
	mu                 sync.Mutex
	open, most, closed int
}

func (l *countingListener) Accept() (net.Conn, error) {
	conn, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	l.open++
	l.most = max(l.most, l.open)
	l.mu.Unlock()
	return &countedConn{Conn: conn, l: l}, nil
}

type countedConn struct {
	net.Conn
	l    *countingListener
	once sync.Once
}

func (c *countedConn) Close() error {
	c.once.Do(func() {
		c.l.mu.Lock()
		c.l.open--
		c.l.closed++
		c.l.mu.Unlock()
	})
	return c.Conn.Close()
}

// A file the build keeps no .gz copy of (a report's page, compressFast) is
// compressed as it is sent to a browser that takes gzip and not brotli
// (Chromium over plain http); its .br copy goes to one that takes brotli; a
// small file, an image, a HEAD and a 304 are sent as they are.
func TestGzipOnTheFly(t *testing.T) {
	dir := t.TempDir()
	page := strings.Repeat("<p>平潭综合实验区财政金融局2019年报告</p>\n", 100)
	writeSite(t, dir, map[string]string{
		"r/x.html": page, "r/x.html.br": "page-br", "small.html": "small",
		"web/a.png": page, "404.html": page,
	})
	addr := startServer(t, dir, defaultServerConfig())
	gunzip := func(what, s string) string {
		t.Helper()
		zr, err := gzip.NewReader(strings.NewReader(s))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return string(b)
	}
	res, body := rawGet(t, addr, "GET", "/r/x", "Accept-Encoding: gzip, deflate")
	if res.StatusCode != 200 || res.Header.Get("Content-Encoding") != "gzip" || res.Header.Get("Content-Type") != "text/html; charset=utf-8" ||
		gunzip("/r/x", body) != page || len(body) >= len(page)/4 || res.Header.Get("Content-Length") != "" && res.Header.Get("Content-Length") != strconv.Itoa(len(body)) {
		t.Errorf("GET /r/x (gzip): %d %q %q, Content-Length %q, %d bytes", res.StatusCode, res.Header.Get("Content-Encoding"), res.Header.Get("Content-Type"), res.Header.Get("Content-Length"), len(body))
	}
	checkSecurityHeaders(t, "GET /r/x (gzip)", res.Header, "'self'")
	if res.Header.Get("Vary") != "Accept-Encoding" || res.Header.Get("Accept-Ranges") != "none" {
		t.Errorf("GET /r/x (gzip): Vary %q, Accept-Ranges %q", res.Header.Get("Vary"), res.Header.Get("Accept-Ranges"))
	}
	// A range asked of it gets the whole page: its compressed bytes are
	// not known ahead. Again, from a writer used before.
	if res, body := rawGet(t, addr, "GET", "/r/x", "Accept-Encoding: gzip", "Range: bytes=0-9"); res.StatusCode != 200 || gunzip("/r/x, a range", body) != page {
		t.Errorf("GET /r/x (gzip) with a range: %d, %d bytes", res.StatusCode, len(body))
	}
	if res, body := rawGet(t, addr, "GET", "/r/x", "Accept-Encoding: gzip, br"); res.Header.Get("Content-Encoding") != "br" || body != "page-br" {
		t.Errorf("GET /r/x (gzip, br): %q %q, want the .br copy", res.Header.Get("Content-Encoding"), body)
	}
	if res, body := rawGet(t, addr, "GET", "/r/x", "Accept-Encoding: identity"); res.Header.Get("Content-Encoding") != "" || body != page {
		t.Errorf("GET /r/x (identity): %q, %d bytes", res.Header.Get("Content-Encoding"), len(body))
	}
	if res, body := rawGet(t, addr, "HEAD", "/r/x", "Accept-Encoding: gzip"); res.StatusCode != 200 || res.Header.Get("Content-Encoding") != "gzip" || body != "" {
		t.Errorf("HEAD /r/x (gzip): %d %q %q", res.StatusCode, res.Header.Get("Content-Encoding"), body)
	}
	mod := res.Header.Get("Last-Modified")
	if res, body := rawGet(t, addr, "GET", "/r/x", "Accept-Encoding: gzip", "If-Modified-Since: "+mod); mod == "" || res.StatusCode != 304 || body != "" {
		t.Errorf("GET /r/x (gzip) since %q: %d, %d bytes", mod, res.StatusCode, len(body))
	}
	for _, p := range []string{"/small", "/web/a.png"} {
		if res, _ := rawGet(t, addr, "GET", p, "Accept-Encoding: gzip"); res.Header.Get("Content-Encoding") != "" {
			t.Errorf("GET %s (gzip): Content-Encoding %q, want none", p, res.Header.Get("Content-Encoding"))
		}
	}
	res, body = rawGet(t, addr, "GET", "/nothing", "Accept-Encoding: gzip")
	if res.StatusCode != 404 || res.Header.Get("Content-Encoding") != "gzip" || gunzip("/nothing", body) != page {
		t.Errorf("GET /nothing (gzip): %d %q", res.StatusCode, res.Header.Get("Content-Encoding"))
	}
}
