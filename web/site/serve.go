package site

import (
	"cmp"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
)

func init() {
	// Not every machine's MIME table knows these; browsers insist on
	// application/wasm for streaming compilation.
	mime.AddExtensionType(".wasm", "application/wasm")
	mime.AddExtensionType(".webmanifest", "application/manifest+json")
	mime.AddExtensionType(".js", "text/javascript; charset=utf-8")
}

// serverConfig is how serve answers: who may frame the site, and how long a
// connection may take over each part of an exchange.
type serverConfig struct {
	// FrameAncestors is the CSP frame-ancestors source list: which pages
	// may show the site in a frame ('self': only the site itself; a
	// portal's origin to embed it there).
	FrameAncestors string
	// EmbedAncestors are the https origins that may frame the embed
	// pages (/embed/…) beside the site itself: the site file's
	// frame_ancestors (sharing.go).
	EmbedAncestors []string
	// ReadHeader bounds the wait for a request's headers: a connection
	// that sends nothing, or a byte at a time (slowloris), is closed then.
	ReadHeader time.Duration
	// Read bounds the reading of a whole request; the site takes no body.
	Read time.Duration
	// Write bounds a response, from the end of its request's headers: it
	// must let the largest file (app.wasm, about 4 MB as brotli) through a
	// slow mobile link.
	Write time.Duration
	// Idle bounds a kept-alive connection between requests.
	Idle time.Duration
	// Stall bounds the wait for a client to take the next part of a
	// response (a part is at most stallChunk bytes): a connection that
	// asks for a file and never reads it is closed then, not at Write.
	Stall time.Duration
	// MaxConns bounds the connections served at once, and so the file
	// descriptors they hold (a socket and an open file each); more wait
	// to be accepted.
	MaxConns int
}

// defaultServerConfig: 10 s for headers (a browser sends them at once),
// 5 minutes for a response (app.wasm's brotli copy at 128 kbit/s) and
// 30 s for each part of it (a part at that speed takes 16 s), a minute
// between requests on a kept-alive connection, 1,024 connections at once.
func defaultServerConfig() serverConfig {
	return serverConfig{
		FrameAncestors: "'self'",
		ReadHeader:     10 * time.Second,
		Read:           30 * time.Second,
		Write:          5 * time.Minute,
		Idle:           60 * time.Second,
		Stall:          30 * time.Second,
		MaxConns:       1024,
	}
}

// newServer is the HTTP server of dir at addr, with c's timeouts. It
// answers every request itself, OPTIONS * too (net/http's own answer to it
// carries none of the site's headers). Serve it on listen's listener.
func newServer(addr, dir string, c serverConfig) (*http.Server, error) {
	h, err := newSiteHandler(dir, c.FrameAncestors)
	if err != nil {
		return nil, err
	}
	h = embedFraming(h, c.EmbedAncestors)
	return &http.Server{
		Addr:                         addr,
		Handler:                      stallGuard(h, c.Stall, c.Write),
		ReadHeaderTimeout:            c.ReadHeader,
		ReadTimeout:                  c.Read,
		WriteTimeout:                 c.Write,
		IdleTimeout:                  c.Idle,
		MaxHeaderBytes:               64 << 10,
		DisableGeneralOptionsHandler: true,
	}, nil
}

// listen listens on addr for c.MaxConns connections at once.
func listen(addr string, c serverConfig) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &limitListener{TCPListener: ln.(*net.TCPListener), slots: make(chan struct{}, c.MaxConns), done: make(chan struct{})}, nil
}

// limitListener accepts a connection only while fewer than cap(slots) are
// open; the others wait in the kernel's queue. As x/net's
// netutil.LimitListener, but its connections are *net.TCPConn still (they
// embed it), so that net/http sends files with sendfile.
type limitListener struct {
	*net.TCPListener
	slots     chan struct{}
	done      chan struct{}
	closeOnce sync.Once
}

func (l *limitListener) Accept() (net.Conn, error) {
	select {
	case l.slots <- struct{}{}:
	case <-l.done:
		return nil, net.ErrClosed
	}
	c, err := l.TCPListener.AcceptTCP()
	if err != nil {
		<-l.slots
		return nil, err
	}
	return &limitedConn{TCPConn: c, release: func() { <-l.slots }}, nil
}

func (l *limitListener) Close() error {
	l.closeOnce.Do(func() { close(l.done) })
	return l.TCPListener.Close()
}

// limitedConn gives its slot back when it is closed.
type limitedConn struct {
	*net.TCPConn
	once    sync.Once
	release func()
}

func (c *limitedConn) Close() error {
	err := c.TCPConn.Close()
	c.once.Do(c.release)
	return err
}

// stallChunk is the most of a response written under one deadline.
const stallChunk = 256 << 10

// stallGuard gives each part of a response (each write, at most
// stallChunk bytes) stall to be taken by the client, within the response's
// whole time, write, from its request: a client that stops reading is cut
// off after stall, not after write.
func stallGuard(h http.Handler, stall, write time.Duration) http.Handler {
	if stall <= 0 {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(&stallWriter{ResponseWriter: w, rc: http.NewResponseController(w), stall: stall, end: time.Now().Add(write)}, r)
	})
}

type stallWriter struct {
	http.ResponseWriter
	rc    *http.ResponseController
	stall time.Duration
	end   time.Time
}

// deadline sets the next part's deadline: stall from now, and no later
// than the response's end.
func (w *stallWriter) deadline() {
	d := time.Now().Add(w.stall)
	if d.After(w.end) {
		d = w.end
	}
	w.rc.SetWriteDeadline(d)
}

func (w *stallWriter) Write(p []byte) (int, error) {
	var n int
	for len(p) > 0 {
		w.deadline()
		m, err := w.ResponseWriter.Write(p[:min(len(p), stallChunk)])
		n += m
		if err != nil {
			return n, err
		}
		p = p[m:]
	}
	return n, nil
}

// ReadFrom sends a file a part at a time, each part still by sendfile
// where the connection can (net/http's own ReadFrom, which takes a file or
// one io.LimitedReader of a file: ServeContent's limit is unwrapped).
func (w *stallWriter) ReadFrom(r io.Reader) (int64, error) {
	left := int64(-1)
	if lr, ok := r.(*io.LimitedReader); ok {
		r, left = lr.R, lr.N
		defer func() { lr.N = left }()
	}
	var total int64
	for left != 0 {
		w.deadline()
		part := int64(stallChunk)
		if left > 0 {
			part = min(part, left)
		}
		n, err := io.CopyN(w.ResponseWriter, r, part)
		total += n
		if left > 0 {
			left -= n
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

func (w *stallWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Handler serves the built site in dir as serve does with the default
// configuration, its embed pages framed by embedAncestors (a site file's
// frame_ancestors): the end-to-end tests serve their sites with it.
func Handler(dir string, embedAncestors ...string) http.Handler {
	h, err := newSiteHandler(dir, defaultServerConfig().FrameAncestors)
	if err != nil {
		panic(err)
	}
	return embedFraming(h, embedAncestors)
}

// newSiteHandler serves a built site as a plain static web server would
// (nginx with try_files $uri $uri.html): a path without extension is its
// .html page, and a precompressed .br or .gz copy is sent to a browser that
// accepts it. Every response carries the site's security headers.
//
// Files are looked up per request under the folder's path, through an
// os.Root opened for that request: a build that swaps a new site into
// place is served from the next request on (an fd of the folder held open
// would serve the old one until it is removed, then nothing), one request
// reads all it needs from one of the two, and no symbolic link leads out
// of the folder.
func newSiteHandler(dir, frameAncestors string) (http.Handler, error) {
	headers, err := securityHeaders(frameAncestors)
	if err != nil {
		return nil, err
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for k := range headers {
			h.Set(k, headers.Get(k))
		}
		switch r.Method {
		case http.MethodGet, http.MethodHead:
		case http.MethodOptions: // a path, or * for the server
			h.Set("Allow", "GET, HEAD, OPTIONS")
			w.WriteHeader(http.StatusNoContent)
			return
		default:
			h.Set("Allow", "GET, HEAD, OPTIONS")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name, ok := fileName(r.URL)
		if !ok {
			http.Error(w, "bad path", http.StatusBadRequest)
			return
		}
		f, enc, err := openSite(dir, name, r.Header.Values("Accept-Encoding"))
		if errors.Is(err, fs.ErrNotExist) && strings.HasSuffix(name, "/") {
			// /r/{id}/ is the page /r/{id}.
			f, enc, err = openSite(dir, strings.TrimSuffix(name, "/"), r.Header.Values("Accept-Encoding"))
		}
		status := http.StatusOK
		if errors.Is(err, fs.ErrNotExist) {
			// The site's own page for a path it does not have, which
			// offers the catalog; a bare "not found" without one.
			status = http.StatusNotFound
			if f, enc, err = openSite(dir, "404.html", r.Header.Values("Accept-Encoding")); err != nil {
				http.NotFound(w, r)
				return
			}
		}
		if err != nil {
			http.Error(w, "not readable", http.StatusInternalServerError)
			return
		}
		defer f.file.Close()
		h.Set("Cache-Control", "no-cache")
		h.Set("Vary", "Accept-Encoding")
		ctype := mime.TypeByExtension(path.Ext(f.name))
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		h.Set("Content-Type", ctype)
		if f.gzip {
			h.Set("Content-Encoding", enc)
			r.Header.Del("Range") // ranges of the compressed body are not known
			gw := &gzipResponse{ResponseWriter: w}
			defer gw.Close()
			w = gw
		} else if enc != "" {
			h.Set("Content-Encoding", enc)
			// http.ServeContent leaves Content-Length out when the
			// response has a Content-Encoding (it guards handlers that
			// compress on the fly); these bytes are the file's. go-app's
			// loader computes its progress from it ("NaN%" without).
			h.Set("Content-Length", strconv.FormatInt(f.size, 10))
		}
		if status != http.StatusOK {
			if enc == "" && !f.gzip {
				h.Set("Content-Length", strconv.FormatInt(f.size, 10))
			}
			w.WriteHeader(status)
			if r.Method != http.MethodHead {
				io.Copy(w, f.file)
			}
			return
		}
		if ranges := r.Header.Get("Range"); strings.Count(ranges, ",") >= maxRanges {
			// Ignored (RFC 9110 §14.2 allows it): the whole file. Each
			// range of a multipart answer costs a part's headers, and
			// thousands of one-byte ranges made a small request a large
			// answer.
			r.Header.Del("Range")
		}
		http.ServeContent(w, r, "", f.mod, f.file)
	}), nil
}

// maxRanges is the most ranges a request may ask for; browsers ask for
// one, and a PDF reader for a few.
const maxRanges = 8

// fileName is the file of the site a URL asks for, as a slash path under
// the site ("index.html" for "/"); false for a path no page of the site
// has and that only an attempt to leave the folder or to confuse a check
// would send: a . or .. segment, an empty one (//), a backslash, a NUL, or
// an encoded slash or backslash.
func fileName(u *url.URL) (string, bool) {
	p := u.Path
	esc := strings.ToLower(u.EscapedPath())
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") ||
		strings.Contains(esc, "%2f") || strings.Contains(esc, "%5c") || strings.Contains(esc, "%00") {
		return "", false
	}
	name := strings.TrimPrefix(p, "/")
	if name == "" {
		return "index.html", true
	}
	for _, seg := range strings.Split(strings.TrimSuffix(name, "/"), "/") {
		if seg == "" || seg == "." || seg == ".." {
			return "", false
		}
	}
	return name, true
}

// served is a file of the site opened to be sent.
type served struct {
	file *os.File
	name string // the file asked for, whose type the response has
	size int64
	mod  time.Time
	gzip bool // sent with gzip made on the way (gzipResponse)
}

// openSite opens the file name of the site in dir, or its page (name.html),
// in the best encoding the Accept-Encoding header values allow that it
// has a copy in. A file not found in a folder that is no longer the one at
// dir is looked up again in the one that is: a build swapped the folders
// (and removes the old one) while the request was looked up.
func openSite(dir, name string, accept []string) (served, string, error) {
	var f served
	var enc string
	var err error
	for range 10 {
		var swapped bool
		f, enc, swapped, err = openIn(dir, name, accept)
		if !swapped {
			break
		}
	}
	return f, enc, err
}

// openIn is one look-up of openSite, in the folder at dir when it begins;
// swapped says that a file was not found and that folder is no longer at dir.
func openIn(dir, name string, accept []string) (f served, enc string, swapped bool, err error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return served{}, "", false, err
	}
	defer root.Close() // the files opened stay open
	defer func() {
		if errors.Is(err, fs.ErrNotExist) {
			here, err1 := root.Stat(".")
			now, err2 := os.Stat(dir)
			swapped = err1 != nil || err2 != nil || !os.SameFile(here, now)
		}
	}()
	regular := func(n string) bool {
		st, err := root.Stat(n)
		return err == nil && st.Mode().IsRegular()
	}
	if strings.HasSuffix(name, "/") || !regular(name) {
		if path.Ext(name) != "" || strings.HasSuffix(name, "/") || !regular(name+".html") {
			return served{}, "", false, fs.ErrNotExist
		}
		name += ".html"
	}
	for _, enc := range chooseEncodings(accept) {
		f, ok := openSiteFile(root, name+encodingExt[enc], name)
		if !ok && enc == "gzip" {
			// A file the build keeps no .gz copy of (compressFast, or a
			// report's page, perItem) is compressed as it is sent; a
			// small one or an image goes as it is.
			if f, ok = openSiteFile(root, name, name); !ok {
				continue
			}
			if f.size < compressMin || !compressible[path.Ext(name)] {
				return f, "", false, nil
			}
			f.gzip = true
			return f, enc, false, nil
		}
		if ok {
			return f, enc, false, nil
		}
	}
	return served{}, "", false, fs.ErrNotExist
}

// openSiteFile opens the regular file at p, the file asked for being name.
func openSiteFile(root *os.Root, p, name string) (served, bool) {
	file, err := root.Open(p)
	if err != nil {
		return served{}, false // no copy in this encoding (or refused: a link out)
	}
	st, err := file.Stat()
	if err != nil || !st.Mode().IsRegular() {
		file.Close()
		return served{}, false
	}
	return served{file: file, name: name, size: st.Size(), mod: st.ModTime()}, true
}

// gzipResponse compresses a response's body as it is written, for a file
// sent with gzip that has no .gz copy: its length is not known ahead.
type gzipResponse struct {
	http.ResponseWriter
	zw *gzip.Writer
}

func (g *gzipResponse) WriteHeader(code int) {
	g.Header().Del("Content-Length")
	g.Header().Set("Accept-Ranges", "none") // http.ServeContent says bytes
	g.ResponseWriter.WriteHeader(code)
}

func (g *gzipResponse) Write(b []byte) (int, error) {
	if g.zw == nil {
		g.zw = gzipWriters.Get().(*gzip.Writer)
		g.zw.Reset(g.ResponseWriter)
	}
	return g.zw.Write(b)
}

// Close ends the compressed body, when one was written (none for a HEAD
// or a 304).
func (g *gzipResponse) Close() error {
	if g.zw == nil {
		return nil
	}
	err := g.zw.Close()
	g.zw.Reset(io.Discard)
	gzipWriters.Put(g.zw)
	g.zw = nil
	return err
}

// gzipWriters are gzip writers for reuse: each holds about 800 kB of
// tables, which a connection need not allocate anew.
var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(io.Discard, gzip.DefaultCompression)
	return zw
}}

// encodingExt is the file extension of each encoding the site has copies in.
var encodingExt = map[string]string{"br": ".br", "gzip": ".gz", "": ""}

// chooseEncodings lists the encodings to send the file in, the best first
// ("" is the file as it is, always last so that every file can be sent):
// those of br, gzip and identity that the Accept-Encoding field values
// (RFC 9110 §12.5.3) accept, by their weight, and for equal weights the
// smaller first. A coding the field does not name takes the weight of *,
// or 0; identity, unnamed, is acceptable unless *;q=0 says otherwise; a
// weight that is not a qvalue makes its coding unacceptable. A request
// without the field gets the file as it is.
func chooseEncodings(values []string) []string {
	if len(values) == 0 {
		return []string{""}
	}
	q := map[string]float64{}
	star := -1.0
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			coding, params, _ := strings.Cut(part, ";")
			coding = strings.ToLower(strings.TrimSpace(coding))
			if coding == "" {
				continue
			}
			if coding == "x-gzip" {
				coding = "gzip"
			}
			w := 1.0
			for _, p := range strings.Split(params, ";") {
				k, val, _ := strings.Cut(p, "=")
				if strings.EqualFold(strings.TrimSpace(k), "q") {
					w = qvalue(strings.TrimSpace(val))
				}
			}
			if coding == "*" {
				star = w
			} else if old, ok := q[coding]; !ok || w > old {
				q[coding] = w
			}
		}
	}
	weight := func(c string) float64 {
		if w, ok := q[c]; ok {
			return w
		}
		if star >= 0 {
			return star
		}
		if c == "identity" {
			return 0.0001 // acceptable, below any coding named
		}
		return 0
	}
	type choice struct {
		enc string
		w   float64
	}
	choices := []choice{{"br", weight("br")}, {"gzip", weight("gzip")}, {"", weight("identity")}}
	// Stable: at equal weights br, then gzip, then the file as it is.
	slices.SortStableFunc(choices, func(a, b choice) int { return cmp.Compare(b.w, a.w) })
	var out []string
	for _, c := range choices {
		// The file as it is is always a choice, the last when refused
		// (a 406 helps no visitor).
		if c.w > 0 || c.enc == "" {
			out = append(out, c.enc)
		}
	}
	return out
}

// qvalueRE is RFC 9110's qvalue: 0 to 1 with up to three decimals.
var qvalueRE = regexp.MustCompile(`^(0(\.[0-9]{0,3})?|1(\.0{0,3})?)$`)

// qvalue is the weight a q parameter gives, 0 for one that is not a qvalue.
func qvalue(s string) float64 {
	if !qvalueRE.MatchString(s) {
		return 0
	}
	w, _ := strconv.ParseFloat(s, 64)
	return w
}

// frameSourceRE is one source of a frame-ancestors list the site takes:
// 'self', 'none', or an https origin (a host, or *. and a domain of two
// labels or more, with an optional port and path); nothing that could end
// the directive (;) or the header. Not a scheme alone (https:, data:,
// javascript:), *, or a host without https://, which let any site, or any
// site of a scheme, frame the site and trick a visitor into clicking in it.
var frameSourceRE = regexp.MustCompile(`^('self'|'none'|https://(\*\.[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+|[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*)(:[0-9]{1,5})?(/[^\s;,'"]*)?)$`)

// securityHeaders are the headers of every response: the site's Content
// Security Policy with frame-ancestors (which a meta policy cannot carry),
// X-Frame-Options to the same effect for browsers without it, nosniff,
// and the referrer policy.
func securityHeaders(frameAncestors string) (http.Header, error) {
	sources := strings.Fields(frameAncestors)
	if strings.ContainsFunc(frameAncestors, unicode.IsControl) {
		return nil, fmt.Errorf("-frame-ancestors %q: a control character", frameAncestors)
	}
	if len(sources) == 0 {
		return nil, errors.New("-frame-ancestors: empty (use 'none' to forbid every frame)")
	}
	for _, s := range sources {
		if !frameSourceRE.MatchString(s) || s == "'none'" && len(sources) > 1 {
			return nil, fmt.Errorf("-frame-ancestors: %q is not a source the site takes: give 'self', 'none' or https:// origins (https://portal.example.gov.cn); a scheme alone, * or http:// lets other sites frame it", s)
		}
	}
	h := http.Header{}
	h.Set("Content-Security-Policy", csp+"; frame-ancestors "+strings.Join(sources, " "))
	// X-Frame-Options names no other origin (ALLOW-FROM is gone from
	// browsers): for a list beyond 'self' it is left out, and browsers
	// follow frame-ancestors, which supersedes it where both are sent.
	switch strings.Join(sources, " ") {
	case "'self'":
		h.Set("X-Frame-Options", "SAMEORIGIN")
	case "'none'":
		h.Set("X-Frame-Options", "DENY")
	}
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Permissions-Policy", permissionsPolicy)
	// The site asks nothing of another origin and links to none; inside
	// it, the full referrer stays, for the operator's access logs.
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	return h, nil
}

// permissionsPolicy turns off the devices and sensors the site never uses,
// for it and for whatever frames it.
const permissionsPolicy = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"

// serve serves dir on 127.0.0.1:port until the process ends.
func serve(dir string, port int, c serverConfig) error {
	if st, err := os.Stat(filepath.Join(dir, "index.html")); err != nil || !st.Mode().IsRegular() {
		return fmt.Errorf("%s has no index.html: build the site first", dir)
	}
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	srv, err := newServer(addr, dir, c)
	if err != nil {
		return err
	}
	ln, err := listen(addr, c)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "serve: 年报透视 at http://%s/ (Ctrl-C to stop)\n", addr)
	return srv.Serve(ln)
}
