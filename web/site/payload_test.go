package site

// Issue 13.1: no markup from data. A dataset's strings (a body's name,
// section titles, paragraphs, the labels of table 二) stay text on every
// page, whatever they hold.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	nethtml "golang.org/x/net/html"

	ui "nianbao/app"
	"nianbao/web/site/internal/payload"
)

// payloadDatasets writes the payload site's datasets (internal/payload).
func payloadDatasets(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	if err := payload.WriteDatasets(dir, filepath.Join(repoRoot, "data", "datasets")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// payloadSiteFile is the payload site's site file (internal/payload).
func payloadSiteFile(t testing.TB) *SiteFile {
	t.Helper()
	sf, err := ParseSiteFile(payload.SiteFile())
	if err != nil {
		t.Fatal(err)
	}
	return sf
}

// TestPayloadPagesAreText renders every page of the payload site, without
// the WASM or a browser, and reads each with an HTML parser: no element
// or attribute comes from the data, and the data is there as text.
func TestPayloadPagesAreText(t *testing.T) {
	out := t.TempDir()
	s, err := readSite(payloadDatasets(t))
	if err != nil {
		t.Fatal(err)
	}
	w := &writer{dir: out}
	if err := s.writeData(w); err != nil {
		t.Fatal(err)
	}
	if s.identity, err = payloadSiteFile(t).identity(s); err != nil {
		t.Fatal(err)
	}
	ui.SetSite(s.identity)
	defer ui.SetSite(ui.Site{})
	if err := s.writePages(w, 2); err != nil {
		t.Fatal(err)
	}
	for _, p := range payload.Pages {
		name := "index.html"
		if pth, _, _ := strings.Cut(p.Path, "?"); pth != "/" {
			name = strings.TrimPrefix(pth, "/") + ".html"
		}
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := nethtml.Parse(strings.NewReader(string(b)))
		if err != nil {
			t.Fatal(err)
		}
		var text strings.Builder
		var title string
		metas := map[string]string{}
		var walk func(n *nethtml.Node)
		walk = func(n *nethtml.Node) {
			switch n.Type {
			case nethtml.TextNode:
				if n.Parent.Data != "style" && n.Parent.Data != "script" {
					text.WriteString(n.Data)
				}
			case nethtml.ElementNode:
				for _, problem := range markupFromData(n) {
					t.Errorf("%s: %s", p.Path, problem)
				}
				attr := func(k string) string {
					for _, a := range n.Attr {
						if a.Key == k {
							return a.Val
						}
					}
					return ""
				}
				if n.Data == "title" && n.FirstChild != nil {
					title = n.FirstChild.Data
				}
				if n.Data == "meta" {
					metas[attr("name")+attr("property")] = attr("content")
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if !strings.HasPrefix(p.Path, "/compare") {
			for _, want := range p.Texts {
				if !strings.Contains(text.String(), want) {
					t.Errorf("%s: the page's text lacks %.80q", p.Path, want)
				}
			}
		}
		// A report's pages name its body as their author; the others the
		// site's owner. Every title ends with the site's name.
		author := payload.Owner
		switch {
		case strings.HasPrefix(p.Path, ui.ReportPath(payload.Report2, "/")):
			author = payload.Body2
		case strings.HasPrefix(p.Path, ui.ReportPath(payload.Report, "/")):
			author = payload.Body
		}
		if metas["og:title"] != title || metas["author"] != author || !strings.Contains(metas["keywords"], author) && author != payload.Owner {
			t.Errorf("%s: the head's title %q, og:title %q, author %q, keywords %q", p.Path, title, metas["og:title"], metas["author"], metas["keywords"])
		}
		if !strings.HasSuffix(title, payload.Site) {
			t.Errorf("%s: the title %q does not end with the site's name", p.Path, title)
		}
	}
	// The manifest is JSON whatever the data.
	b, err := s.manifest()
	if err != nil {
		t.Fatal(err)
	}
	var manifest map[string]any
	if err := json.Unmarshal(b, &manifest); err != nil {
		t.Errorf("manifest.webmanifest: %v\n%s", err, b)
	}
}

// siteScripts are the only scripts a page names.
var siteScripts = []string{echartsJS, siteJS}

// attrNameRE is an attribute name as XML and HTML both read it.
var attrNameRE = regexp.MustCompile(`^[a-zA-Z_:][-a-zA-Z0-9_:.]*$`)

// markupFromData says what of an element could only have come from a
// payload: an event handler, a script URL, a refresh, an element the app
// never makes.
func markupFromData(n *nethtml.Node) []string {
	var problems []string
	switch n.Data {
	case "iframe", "img", "svg", "object", "embed", "frame", "base", "form":
		if n.Data != "form" || attrOf(n, "role") != "search" {
			problems = append(problems, "a <"+n.Data+"> element")
		}
	case "script":
		if !slices.Contains(siteScripts, attrOf(n, "src")) || n.FirstChild != nil {
			problems = append(problems, fmt.Sprintf("a script %q", attrOf(n, "src")))
		}
	case "meta":
		if e := attrOf(n, "http-equiv"); e != "" && !strings.EqualFold(e, "Content-Security-Policy") {
			problems = append(problems, "a <meta http-equiv="+e+">")
		}
	}
	for _, a := range n.Attr {
		v := strings.ToLower(strings.TrimSpace(a.Val))
		switch {
		case strings.HasPrefix(a.Key, "on"):
			problems = append(problems, fmt.Sprintf("<%s %s=%q>", n.Data, a.Key, a.Val))
		case (a.Key == "href" || a.Key == "src" || a.Key == "action") && strings.HasPrefix(v, "javascript:"):
			problems = append(problems, fmt.Sprintf("<%s %s=%q>", n.Data, a.Key, a.Val))
		case !attrNameRE.MatchString(a.Key) || a.Key == "x" || a.Key == "autofocus":
			problems = append(problems, fmt.Sprintf("<%s> has an attribute %q", n.Data, a.Key))
		}
	}
	return problems
}

func attrOf(n *nethtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
