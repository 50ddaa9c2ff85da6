package site

import (
	"fmt"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

func init() {
	// Not every machine's MIME table knows these; browsers insist on
	// application/wasm for streaming compilation.
	mime.AddExtensionType(".wasm", "application/wasm")
	mime.AddExtensionType(".webmanifest", "application/manifest+json")
	mime.AddExtensionType(".js", "text/javascript; charset=utf-8")
}

// siteHandler serves a built site as a plain static web server would
// (nginx with try_files $uri $uri.html): a path without extension is its
// .html page, and a precompressed .br or .gz copy is sent to a browser that
// accepts it. It sends the site's Content Security Policy.
func siteHandler(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := resolve(dir, r.URL.Path)
		if name == "" {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-cache")
		h.Set("Vary", "Accept-Encoding")
		ctype := mime.TypeByExtension(filepath.Ext(name))
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		h.Set("Content-Type", ctype)
		send := name
		accept := r.Header.Get("Accept-Encoding")
		for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
			if acceptsEncoding(accept, enc.token) && isFile(name+enc.ext) {
				send = name + enc.ext
				h.Set("Content-Encoding", enc.token)
				break
			}
		}
		f, err := os.Open(send)
		if err != nil {
			http.Error(w, "not readable", http.StatusInternalServerError)
			return
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			http.Error(w, "not readable", http.StatusInternalServerError)
			return
		}
		http.ServeContent(w, r, "", st.ModTime(), f)
	})
}

// resolve maps a URL path to a file of dir, or "" when there is none.
func resolve(dir, urlPath string) string {
	p := path.Clean("/" + urlPath)
	if p == "/" {
		p = "/index.html"
	}
	name := filepath.Join(dir, filepath.FromSlash(p))
	if isFile(name) {
		return name
	}
	if path.Ext(p) == "" && isFile(name+".html") {
		return name + ".html"
	}
	return ""
}

func isFile(name string) bool {
	st, err := os.Stat(name)
	return err == nil && st.Mode().IsRegular()
}

func acceptsEncoding(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		part = strings.TrimSpace(part)
		name, params, _ := strings.Cut(part, ";")
		if strings.TrimSpace(name) != token {
			continue
		}
		return !strings.Contains(strings.ReplaceAll(params, " ", ""), "q=0") ||
			strings.Contains(params, "q=0.")
	}
	return false
}

// serve serves dir on 127.0.0.1:port until the process ends.
func serve(dir string, port int) error {
	if !isFile(filepath.Join(dir, "index.html")) {
		return fmt.Errorf("%s has no index.html: build the site first", dir)
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	fmt.Fprintf(os.Stderr, "serve: 年报透视 at http://%s/ (Ctrl-C to stop)\n", addr)
	return http.ListenAndServe(addr, siteHandler(dir))
}
