package site

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// writePages renders every page of the site with go-app's handler, fixes it
// (fixPage), checks it loads nothing from another origin, and writes it with
// its compressed copies: on workers goroutines, each page on its own, so
// that the cost grows linearly with the number of reports and no file stays
// open longer than its write.
func (s *site) writePages(w *writer, workers int) error {
	h := s.handler("0", nil)
	paths := s.paths()
	var mu sync.Mutex
	var errs []error
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range min(workers, len(paths)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				if err := s.writePage(w, h, p); err != nil {
					mu.Lock()
					errs = append(errs, err)
					mu.Unlock()
				}
			}
		}()
	}
	for _, p := range paths {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	if len(errs) > 0 {
		return errs[0]
	}
	return nil
}

// writePage renders one page. A panic in go-app or a page is reported with
// the page's path (and so its report), not as a crash of the build.
func (s *site) writePage(w *writer, h http.Handler, p string) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("page %s: %v", p, v)
		}
	}()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://localhost"+p, nil))
	if rec.Code != http.StatusOK {
		return fmt.Errorf("page %s: HTTP %d", p, rec.Code)
	}
	page := fixPage(rec.Body.String())
	if u := otherOrigin(page); u != "" {
		return fmt.Errorf("page %s loads from another origin: %s", p, u)
	}
	name := "index.html"
	if p != "/" {
		name = strings.TrimPrefix(p, "/") + ".html"
	}
	if err := w.write(name, []byte(page), compressFast); err != nil {
		return fmt.Errorf("page %s: %w", p, err)
	}
	w.mu.Lock()
	w.pages++
	w.mu.Unlock()
	return nil
}

// loadsRE finds what a page makes the browser load or go to: the src and
// href of its elements, form actions, and url() in its styles. Text that
// mentions an address (a report citing its portal) is not among them.
var loadsRE = regexp.MustCompile(`\s(?:src|href|action|poster|srcset)="([^"]*)"|url\(\s*['"]?([^'")\s]*)`)

// otherOrigin is the first thing the page loads from another origin, or "".
func otherOrigin(page string) string {
	for _, m := range loadsRE.FindAllStringSubmatch(page, -1) {
		u := strings.ToLower(strings.TrimSpace(m[1] + m[2]))
		if strings.HasPrefix(u, "//") || strings.Contains(u, "://") && !strings.HasPrefix(u, "http://www.w3.org/") {
			return u
		}
	}
	return ""
}

// appFiles are go-app's own files, made by its handler.
var appFiles = []string{"/app.js", "/app-worker.js", "/manifest.webmanifest", "/app.css"}

// writeAppFiles writes go-app's files for a version. wasmSize is the size
// of app.wasm, uncompressed (see loaderTotal).
func (s *site) writeAppFiles(w *writer, version string, precache []string, wasmSize int64) error {
	h := s.handler(version, precache)
	for _, p := range appFiles {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://localhost"+p, nil))
		if rec.Code != http.StatusOK {
			return fmt.Errorf("%s: HTTP %d", p, rec.Code)
		}
		body := rec.Body.String()
		if p == "/app.js" {
			if !strings.Contains(body, loaderTotal) {
				return fmt.Errorf("%s: go-app's loader no longer computes %q; see loaderTotal", p, loaderTotal)
			}
			body = strings.Replace(body, loaderTotal, fmt.Sprintf("const total = %d; // app.wasm uncompressed, as loaded counts", wasmSize), 1)
		}
		if p == "/app-worker.js" && s.base != "" {
			// go-app lists the site's root as the base without its slash,
			// which a server of the folder redirects: the worker's install
			// would cache a redirect, which cannot answer a page.
			body = strings.Replace(body, strconv.Quote(s.base)+",", strconv.Quote(s.base+"/")+",", 1)
		}
		if err := checkOrigins(strings.TrimPrefix(p, "/"), []byte(body)); err != nil {
			return err
		}
		if err := w.write(strings.TrimPrefix(p, "/"), []byte(body), compressBest); err != nil {
			return err
		}
	}
	return nil
}

// loaderTotal is where go-app's app.js takes the WASM's size for its
// loading percentage: from Content-Length, which for a brotli or gzip
// response is the compressed size, while it counts the bytes it reads
// decompressed ("511%"). The build writes the real size in its place.
const loaderTotal = "const total = parseInt(contentLength, 10);"

// originRE finds absolute URLs in a script, style sheet or manifest of the
// site itself, where any is a request to another origin (or a leak of one)
// but the names of XML namespaces.
var originRE = regexp.MustCompile(`https?://[^"' )<>]+`)

// xmlNamespaces are the absolute URLs a script of the site may hold: names
// of XML namespaces, which scripts pass to createElementNS and
// setAttributeNS (the chart images, ECharts' SVG renderer). They name a
// namespace; nothing requests them.
var xmlNamespaces = map[string]bool{
	"http://www.w3.org/2000/svg":           true,
	"http://www.w3.org/1999/xlink":         true,
	"http://www.w3.org/2000/xmlns/":        true,
	"http://www.w3.org/XML/1998/namespace": true,
}

// namedOrigin is the first absolute URL in a file the site runs that is
// not an XML namespace's name, or "".
func namedOrigin(b []byte) string {
	for _, u := range originRE.FindAll(b, -1) {
		if !xmlNamespaces[string(u)] {
			return string(u)
		}
	}
	return ""
}

// checkOrigins refuses a file of the site, by name, that names another
// origin.
func checkOrigins(name string, b []byte) error {
	if u := namedOrigin(b); u != "" {
		return fmt.Errorf("%s names another origin: %s", name, u)
	}
	return nil
}
