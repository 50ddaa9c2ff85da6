package site

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	ui "nianbao/app"
	"nianbao/data"
)

// maxFrameAncestors is the most origins a site file may let frame its
// embeds: a portal's few sites, not a list that grows a header without end.
const maxFrameAncestors = 20

// checkSharing checks the site file's members about sharing: the licence,
// the public origin and the origins that may frame the embeds.
func (sf *SiteFile) checkSharing() error {
	if l := sf.Licence; l != nil {
		if l.Name == "" && l.Path == "" {
			return fmt.Errorf(`"licence": give its "name" (such as "CC-BY-4.0") or the "path" of its text`)
		}
		if l.Name != "" && !licenceNameRE.MatchString(l.Name) {
			return fmt.Errorf(`"licence": "name" %q: an SPDX identifier or short name of letters, digits, ".", "+" and "-"`, l.Name)
		}
		if why := data.TextProblem(l.Title, maxSiteText); why != "" {
			return fmt.Errorf(`"licence": "title": %s`, why)
		}
		if l.Path != "" {
			u, err := url.Parse(l.Path)
			if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(l.Path) > 500 {
				return fmt.Errorf(`"licence": "path" %q is not an http(s) address`, l.Path)
			}
		}
	}
	if sf.PublicOrigin != "" {
		o, err := httpsOrigin(sf.PublicOrigin)
		if err != nil {
			return fmt.Errorf(`"public_origin": %w`, err)
		}
		sf.PublicOrigin = o
	}
	if len(sf.FrameAncestors) > maxFrameAncestors {
		return fmt.Errorf(`"frame_ancestors": %d origins; at most %d`, len(sf.FrameAncestors), maxFrameAncestors)
	}
	for i, a := range sf.FrameAncestors {
		o, err := httpsOrigin(a)
		if err != nil {
			return fmt.Errorf(`"frame_ancestors"[%d]: %w`, i, err)
		}
		sf.FrameAncestors[i] = o
	}
	return nil
}

// licenceNameRE is an SPDX identifier or a short name.
var licenceNameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9.+-]{0,63}$`)

// hostRE is a DNS name or an IPv4 address, with an optional port: what an
// origin may name (no wildcards, no user, nothing a header could be split
// by).
var hostRE = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?$`)

// httpsOrigin checks an https origin ("https://portal.example.gov.cn",
// with a port if any) and returns it as a browser writes it: lower case,
// without a trailing slash.
func httpsOrigin(s string) (string, error) {
	u, err := url.Parse(strings.TrimSuffix(s, "/"))
	if err != nil || u.Scheme != "https" || u.Opaque != "" || u.User != nil || u.Path != "" || u.RawQuery != "" || u.Fragment != "" ||
		!hostRE.MatchString(strings.ToLower(u.Host)) || strings.HasSuffix(u.Host, ":443") {
		return "", fmt.Errorf("%q is not an https origin (such as https://portal.example.gov.cn, without a path, and without :443)", s)
	}
	return "https://" + strings.ToLower(u.Host), nil
}

// embedFraming lets the origins given frame the embed pages: a response
// under /embed/ has frame-ancestors 'self' and those origins, and no
// X-Frame-Options (which cannot name an origin, and which browsers would
// otherwise obey too). Every other response keeps the site's own policy.
// Without origins, h is returned as it is.
func embedFraming(h http.Handler, origins []string) http.Handler {
	if len(origins) == 0 {
		return h
	}
	policy := csp + "; frame-ancestors 'self' " + strings.Join(origins, " ")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, ui.EmbedPrefix+"/") {
			h.ServeHTTP(w, r)
			return
		}
		h.ServeHTTP(&embedWriter{ResponseWriter: w, policy: policy}, r)
	})
}

// embedWriter sets an embed page's framing headers over the site's, as the
// response's header is sent.
type embedWriter struct {
	http.ResponseWriter
	policy string
	done   bool
}

func (e *embedWriter) header() {
	if !e.done {
		e.done = true
		e.Header().Set("Content-Security-Policy", e.policy)
		e.Header().Del("X-Frame-Options")
	}
}

func (e *embedWriter) WriteHeader(code int) {
	e.header()
	e.ResponseWriter.WriteHeader(code)
}

func (e *embedWriter) Write(b []byte) (int, error) {
	e.header()
	return e.ResponseWriter.Write(b)
}

// Unwrap gives http.ResponseController the writer underneath.
func (e *embedWriter) Unwrap() http.ResponseWriter { return e.ResponseWriter }

// ReadFrom sends a file as the writer underneath would (the server sends
// a file by parts, with its own deadlines).
func (e *embedWriter) ReadFrom(r io.Reader) (int64, error) {
	e.header()
	if rf, ok := e.ResponseWriter.(io.ReaderFrom); ok {
		return rf.ReadFrom(r)
	}
	return io.Copy(struct{ io.Writer }{e.ResponseWriter}, r)
}
