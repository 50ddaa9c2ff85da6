package app

import (
	"reflect"
	"regexp"
	"testing"

	"nianbao/internal/gen"
)

// oldRoutes are the regular expressions the pages were routed by before
// pageAt matched paths by hand (go-app patch route-by-path), in the order
// they were tried.
func oldRoutes() []struct {
	re   *regexp.Regexp
	page Page
} {
	var rs []struct {
		re   *regexp.Regexp
		page Page
	}
	add := func(pattern string, p Page) {
		rs = append(rs, struct {
			re   *regexp.Regexp
			page Page
		}{regexp.MustCompile(pattern), p})
	}
	add(`^/$`, HomePage)
	for _, p := range CatalogPages {
		add("^"+regexp.QuoteMeta(p.Path)+"$", p)
	}
	add(`^/reports/[1-9][0-9]*$`, CatalogPages[0])
	const id = `[a-z0-9-]+`
	for _, p := range ReportPages {
		suffix := regexp.QuoteMeta(p.Path)
		if p.Path == "/" {
			suffix = "/?"
		}
		add("^"+reportPrefix+id+suffix+"$", p)
	}
	add("^"+reportPrefix+id+`/outcomes/[a-z_]+$`, categoryPage)
	add("^"+bodyPrefix+id+"/?$", bodyPage)
	for _, p := range ReportPages[1:] {
		add("^"+regexp.QuoteMeta(p.Path)+"$", movedPage)
	}
	add(`^/outcomes/[a-z_]+$`, movedPage)
	add("^"+OfflinePath+"$", offlinePage)
	add("^"+KioskPath+"$", kioskPage)
	add("^"+PrecheckPath+"$", precheckPage)
	add(`^/`, notFound)
	return rs
}

// TestPageAtRoutesAsThePatternsDid: every path of a set made of the
// routes' parts, good and bad, goes to the page the patterns chose.
func TestPageAtRoutesAsThePatternsDid(t *testing.T) {
	old := oldRoutes()
	want := func(path string) Page {
		for _, r := range old {
			if r.re.MatchString(path) {
				return r.page
			}
		}
		return notFound
	}
	heads := []string{"", "/", "/r/", "/b/", "/reports/", "/outcomes/", "/r/pingtan-zone-2024", "/r/a", "/r/-", "/r/A1", "/r/a_b", "/r/中文",
		"/b/pingtan-czj", "/reports", "/compare", "/r/x/outcomes/", "/r/x/outcomes/denied", "/r/x/outcomes/Denied", "/r/x/outcomes/not_found"}
	tails := []string{"", "/", "//", "0", "1", "12", "01", "a", "denied", "unable_x", "x-y", "/outcomes", "/outcomes/", "/outcomes/denied",
		"/applicants", "/appeals/", "/disclosure", "/narrative", "/checks", "/checks/x", "?", "%20"}
	var paths []string
	for _, p := range append(append([]Page{}, CatalogPages...), ReportPages...) {
		paths = append(paths, p.Path, p.Path+"/", p.Path+"x")
	}
	paths = append(paths, OfflinePath, KioskPath, PrecheckPath, NotFoundPath, OfflinePath+"/", "/index.html", "/404.html")
	for _, h := range heads {
		for _, tl := range tails {
			paths = append(paths, h+tl)
		}
	}
	for _, path := range paths {
		if path == "" {
			continue
		}
		got, w := pageAt(path), want(path)
		if reflect.ValueOf(got.New).Pointer() != reflect.ValueOf(w.New).Pointer() || got.Path != w.Path || got.Label != w.Label {
			t.Errorf("pageAt(%q) = %s %q, the patterns said %s %q", path, got.Path, got.Label, w.Path, w.Label)
		}
	}
}

// TestNumericCells holds numeric, which aligns a table's number cells
// right, to the regular expression it replaced.
func TestNumericCells(t *testing.T) {
	re := regexp.MustCompile(`^[+-]?[0-9][0-9.,]*(%|万元|元)?$`)
	tokens := []string{"1", "0", ",", ".", "+", "-", "%", "元", "万", "a"}
	strs := gen.Strings(tokens, 5)
	for _, s := range append(strs, "950125.6165万元", "43.5%", "1,234元") {
		if got, want := numeric(s), re.MatchString(s); got != want {
			t.Errorf("numeric(%q) = %v, want %v", s, got, want)
		}
	}
}
