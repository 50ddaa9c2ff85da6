package site

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"

	nethtml "golang.org/x/net/html"

	ui "nianbao/app"
)

// writePages renders every page of the site with go-app's handler, checks
// it loads nothing from another origin, and writes it with its compressed
// copies: on workers goroutines, each page on its own, so that the cost
// grows linearly with the number of reports and no file stays open longer
// than its write.
func (s *site) writePages(w *writer, workers int) error {
	h := s.handler()
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

// pageCompression is the compressed copies a page gets: the pages of the
// site as a whole (the front page, the catalog's, 说明 …) a .br copy; those
// of a report or a body (/r/…, /b/…) none (perItem).
func pageCompression(p string) compression {
	if strings.HasPrefix(p, ui.ReportPath("", "")) || strings.HasPrefix(p, ui.BodyPath("")) {
		return perItem
	}
	return compressFast
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
	page := rec.Body.Bytes()
	if u, err := pageLoads(page); err != nil {
		return fmt.Errorf("page %s: %w", p, err)
	} else if u != "" {
		return fmt.Errorf("page %s loads from another origin: %s", p, u)
	}
	name := "index.html"
	if p != "/" {
		name = strings.TrimPrefix(p, "/") + ".html"
	}
	if err := w.write(name, page, pageCompression(p)); err != nil {
		return fmt.Errorf("page %s: %w", p, err)
	}
	w.mu.Lock()
	w.pages++
	w.mu.Unlock()
	return nil
}

// loadAttrs are the attributes by which an element makes the browser load
// something or go somewhere.
var loadAttrs = map[string]bool{"src": true, "href": true, "action": true, "formaction": true, "poster": true, "data": true, "ping": true}

// cssURLRE finds url(…) and @import in a style.
var cssURLRE = regexp.MustCompile(`(?i)url\(\s*['"]?([^'")\s]*)|@import\s+['"]([^'"]*)`)

// pageLoads reads a page as a browser does and returns the first thing it
// loads from another origin, or "": an element's src, a link element's
// href, a form's action and the like, url() in a style attribute or
// element, a refresh's target; and a link that would run script. Text is
// not looked at: a report that cites its portal's address loads nothing.
func pageLoads(page []byte) (string, error) {
	doc, err := nethtml.Parse(bytes.NewReader(page))
	if err != nil {
		return "", err
	}
	var found string
	var walk func(n *nethtml.Node)
	walk = func(n *nethtml.Node) {
		if found != "" {
			return
		}
		if n.Type == nethtml.ElementNode {
			refresh := n.Data == "meta" && strings.EqualFold(attr(n, "http-equiv"), "refresh")
			for _, a := range n.Attr {
				var urls []string
				switch {
				case a.Key == "srcset":
					for _, c := range strings.Split(a.Val, ",") {
						if f := strings.Fields(c); len(f) > 0 {
							urls = append(urls, f[0])
						}
					}
				case a.Key == "href" && (n.Data == "a" || n.Data == "area"):
					// A link is followed, not loaded: it may lead to
					// another site (a report's original, the filing
					// systems), but never run script.
					if v := strings.ToLower(strings.TrimSpace(a.Val)); strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") {
						found = a.Val
						return
					}
				case loadAttrs[a.Key]:
					urls = []string{a.Val}
				case a.Key == "style":
					urls = cssURLs(a.Val)
				case refresh && a.Key == "content":
					if _, u, ok := strings.Cut(strings.ToLower(a.Val), "url="); ok {
						urls = append(urls, u)
					}
				}
				for _, u := range urls {
					if otherOrigin(u) {
						found = u
						return
					}
				}
			}
			if n.Data == "style" && n.FirstChild != nil {
				for _, u := range cssURLs(n.FirstChild.Data) {
					if otherOrigin(u) {
						found = u
						return
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return found, nil
}

// cssURLs are the addresses a style loads. A long style (the site's
// sheet, the same in every page) is read once.
func cssURLs(css string) []string {
	if len(css) > 1024 {
		if urls, ok := cssURLsRead.Load(css); ok {
			return urls.([]string)
		}
	}
	var urls []string
	for _, m := range cssURLRE.FindAllStringSubmatch(css, -1) {
		urls = append(urls, m[1]+m[2])
	}
	if len(css) > 1024 {
		cssURLsRead.Store(css, urls)
	}
	return urls
}

// cssURLsRead holds cssURLs' answers for long styles.
var cssURLsRead sync.Map

// otherOrigin says whether an address leaves the site: a scheme other
// than data: (an image or download the page carries), or a host.
func otherOrigin(u string) bool {
	u = strings.ToLower(strings.TrimSpace(u))
	if strings.HasPrefix(u, "//") || strings.HasPrefix(u, `\\`) {
		return true
	}
	scheme, _, ok := strings.Cut(u, ":")
	return ok && !strings.ContainsAny(scheme, "/?#") && scheme != "data"
}

// attr is an element's attribute, "" when it has none.
func attr(n *nethtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

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
