package e2e

// The sites the tests drive, each built once per process, and what the
// tests read of them: the catalog index, the portal's summary and each
// report's pack as the build wrote them (what the pages show), and the
// datasets they were built from.

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	nethtml "golang.org/x/net/html"

	ui "nianbao/app"
	"nianbao/charts"
	"nianbao/data"
	"nianbao/data/catalog"
	"nianbao/data/dataset"
	"nianbao/data/importer"
	"nianbao/web/site"
	"nianbao/web/site/e2e/internal/synth"
	"nianbao/web/site/internal/payload"
)

// repoRoot is the repository's top, from this package's folder.
var repoRoot = filepath.Join("..", "..", "..")

// variant is a site the tests build and serve.
type variant struct {
	name string
	base string // the path it is served under, "" at the root
	// options are the build's options but for where it goes and the
	// tests' settings, which build adds.
	options func() (site.Options, error)

	once     sync.Once
	err      error
	dir      string         // the built site
	datasets string         // the folder of its datasets
	reports  []*data.Report // its datasets, as data.ReadDir sorts them
	index    *catalog.Index // as the build wrote it
	portal   *charts.Portal // the front page's summary, as written
	packs    map[string]*charts.Pack
}

// The sites.
var (
	// portalSite is the portal the repository ships, what `make serve`
	// builds: most tests and the benchmarks run on it.
	portalSite = &variant{name: "portal", options: func() (site.Options, error) {
		return site.Options{Site: filepath.Join(repoRoot, "sites", "pingtan", "site.json")}, nil
	}}
	// jiangsuSite is the second example (南通, 淮安, 洪泽), under a path of
	// a portal's domain, its service worker keeping the body with the
	// most years offline as a kiosk of that body's service hall would; a
	// former version served 南通 2019's pages at its root.
	jiangsuSite = &variant{name: "jiangsu", base: "/nianbao", options: func() (site.Options, error) {
		sf := filepath.Join(repoRoot, "sites", "jiangsu", "site.json")
		f, err := site.ReadSiteFile(sf)
		if err != nil {
			return site.Options{}, err
		}
		reports, err := dataset.ReadDir(f.Datasets)
		if err != nil {
			return site.Options{}, err
		}
		return site.Options{Site: sf, Base: "/nianbao", Precache: mostYears(reports)}, nil
	}}
	// identitySite is the examples (data/datasets) at the root, with a
	// site file that gives every member of a portal's identity, a public
	// origin and a licence (testdata/identity/site.json).
	identitySite = &variant{name: "identity", options: func() (site.Options, error) {
		return site.Options{Site: filepath.Join("testdata", "identity", "site.json")}, nil
	}}
	// pagedSite is a site of more bodies than a page of the plain catalog
	// lists (app.PlainPerPage): one synthetic report of each of 130
	// bodies, clearly synthetic (internal/synth).
	pagedSite = &variant{name: "paged", options: func() (site.Options, error) {
		datasets := filepath.Join(work, "paged", "datasets")
		if err := os.MkdirAll(datasets, 0o755); err != nil {
			return site.Options{}, err
		}
		seen := map[string]bool{}
		for _, f := range synth.Reports(1000, 2) {
			imp, err := importer.Import(f.Name, "", f.Text)
			if err != nil {
				return site.Options{}, fmt.Errorf("%s: %w", f.Name, err)
			}
			if seen[imp.Report.Body] {
				continue
			}
			seen[imp.Report.Body] = true
			if err := dataset.WriteFile(filepath.Join(datasets, imp.Report.ID+".json"), imp.Report); err != nil {
				return site.Options{}, err
			}
			if len(seen) == ui.PlainPerPage+30 {
				return site.Options{Datasets: datasets}, nil
			}
		}
		return site.Options{}, fmt.Errorf("the synthetic reports have %d bodies, not %d", len(seen), ui.PlainPerPage+30)
	}}
	// payloadSite is a site full of payloads (internal/payload).
	payloadSite = &variant{name: "payload", options: func() (site.Options, error) {
		dir := filepath.Join(work, "payload")
		datasets := filepath.Join(dir, "datasets")
		if err := os.MkdirAll(datasets, 0o755); err != nil {
			return site.Options{}, err
		}
		if err := payload.WriteDatasets(datasets, filepath.Join(repoRoot, "data", "datasets")); err != nil {
			return site.Options{}, err
		}
		sf := filepath.Join(dir, "site.json")
		return site.Options{Site: sf, Datasets: datasets}, os.WriteFile(sf, payload.SiteFile(), 0o644)
	}}
)

// mostYears is the name of the body with the most reports.
func mostYears(reports []*data.Report) string {
	n := map[string]int{}
	best := ""
	for _, r := range reports {
		n[r.Body]++
		if best == "" || n[r.Body] > n[best] {
			best = r.Body
		}
	}
	return best
}

// builds is one build at a time: a build sets the app package's site
// (what it renders), and the machine has few cores.
var builds sync.Mutex

// testWasm is the app.wasm of every site the tests build, with the test
// hooks, and testChecker the pre-publication check's: each compiled once
// per process.
var (
	testWasm = sync.OnceValues(func() (string, error) {
		p := filepath.Join(work, "app.wasm")
		return p, site.CompileWasm(context.Background(), p, true)
	})
	testChecker = sync.OnceValues(func() (string, error) {
		p := filepath.Join(work, "precheck.wasm")
		return p, site.CompileChecker(context.Background(), p)
	})
)

// testOptions complete a build's options for a test: quiet, the tests'
// WebAssembly programs and the fastest compression.
func testOptions(o site.Options, out string) (site.Options, error) {
	wasm, err := testWasm()
	if err != nil {
		return o, fmt.Errorf("compiling app.wasm: %w", err)
	}
	checker, err := testChecker()
	if err != nil {
		return o, fmt.Errorf("compiling the pre-publication check: %w", err)
	}
	o.Out, o.Root, o.Quiet, o.TestHooks, o.Wasm, o.Checker, o.Fast = out, repoRoot, true, true, wasm, checker, true
	// The shipped portal's 19 bodies in five blocks of the index: every
	// page about many reports fetches the blocks it reads.
	o.IndexBlock = 4
	return o, nil
}

// wholeIndex reads an index's directory and every block it names (read
// by their names under catalog.PacksDir).
func wholeIndex(dir []byte, read func(name string) ([]byte, error)) (*catalog.Index, error) {
	x, err := catalog.ParseDirectory(dir)
	if err != nil {
		return nil, err
	}
	for i, name := range x.BlockFiles {
		b, err := read(name)
		if err == nil {
			err = x.Merge(i, b)
		}
		if err != nil {
			return nil, err
		}
	}
	return x, nil
}

// build builds the site, once per process.
func (v *variant) build(t testing.TB) {
	t.Helper()
	v.once.Do(func() { v.err = v.make() })
	if v.err != nil {
		t.Fatalf("the %s site: %v", v.name, v.err)
	}
}

func (v *variant) make() error {
	o, err := v.options()
	if err != nil {
		return err
	}
	if o, err = testOptions(o, filepath.Join(work, "sites", v.name)); err != nil {
		return err
	}
	builds.Lock()
	err = site.Build(o)
	builds.Unlock()
	if err != nil {
		return err
	}
	v.dir, v.datasets = o.Out, o.Datasets
	if v.datasets == "" {
		sf, err := site.ReadSiteFile(o.Site)
		if err != nil {
			return err
		}
		v.datasets = sf.Datasets
	}
	if v.reports, err = dataset.ReadDir(v.datasets); err != nil {
		return err
	}
	return v.readData()
}

// readData reads the index, the portal's summary and every pack the build
// wrote.
func (v *variant) readData() error {
	one := func(pattern string) ([]byte, error) {
		names, _ := filepath.Glob(filepath.Join(v.dir, catalog.PacksDir, pattern))
		if len(names) != 1 {
			return nil, fmt.Errorf("%d files %s in the site", len(names), pattern)
		}
		return os.ReadFile(names[0])
	}
	b, err := one("index.json")
	if err != nil {
		return err
	}
	if v.index, err = wholeIndex(b, func(name string) ([]byte, error) {
		return os.ReadFile(filepath.Join(v.dir, catalog.PacksDir, name))
	}); err != nil {
		return err
	}
	if b, err = one("portal.json"); err != nil {
		return err
	}
	if v.portal, err = charts.DecodePortal(b); err != nil {
		return err
	}
	v.packs = map[string]*charts.Pack{}
	for _, e := range v.index.Reports {
		b, err := os.ReadFile(filepath.Join(v.dir, catalog.PacksDir, filepath.FromSlash(e.Pack)))
		if err == nil {
			b, err = inflate(b)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", e.Pack, err)
		}
		if v.packs[e.ID], err = charts.DecodePack(b); err != nil {
			return fmt.Errorf("%s: %w", e.Pack, err)
		}
	}
	return nil
}

// inflate is a pack's JSON from its file as the site keeps it, gzipped
// (catalog.PackName).
func inflate(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// serve serves the built site on a server of the test's own (an origin of
// its own), under the site's base; closed when the test ends.
func (v *variant) serve(t testing.TB) *httptest.Server {
	var h http.Handler = site.Handler(v.dir)
	if v.base != "" {
		h = http.StripPrefix(v.base, h)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// report is a report of the site by ID.
func (v *variant) report(t testing.TB, id string) *data.Report {
	t.Helper()
	for _, r := range v.reports {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("the %s site has no report %s", v.name, id)
	return nil
}

// entry is a report's entry in the site's index.
func (v *variant) entry(id string) *catalog.Entry { return v.index.Find(id) }

// bodyOf is a report's body in the site's index.
func (v *variant) bodyOf(id string) *catalog.Body { return v.index.BodyOf(v.index.Find(id)) }

// pick is the first report of the site, in the catalog's order (body by
// body, the newest year first), that has what the test needs.
func (v *variant) pick(t testing.TB, what string, has func(v *variant, r *data.Report) bool) *data.Report {
	t.Helper()
	for _, r := range v.reports {
		if has(v, r) {
			return r
		}
	}
	t.Fatalf("no report of the %s site has %s", v.name, what)
	return nil
}

// pickFrom is the first site of the list with a report that has what the
// test needs, and that report: the shipped portal first, so that a
// behaviour is tested on its real reports whenever one shows it, and on
// the examples' otherwise.
func pickFrom(t testing.TB, what string, has func(v *variant, r *data.Report) bool, sites ...*variant) (*variant, *data.Report) {
	t.Helper()
	browser(t) // with -short, skip before building
	for _, v := range sites {
		v.build(t)
		for _, r := range v.reports {
			if has(v, r) {
				return v, r
			}
		}
	}
	t.Fatalf("no report of the %d sites has %s", len(sites), what)
	return nil, nil
}

// bodyWithYears is the site's body with the most years (the first of
// them in the catalog's order), and its reports' entries, oldest first.
func (v *variant) bodyWithYears() (*catalog.Body, []*catalog.Entry) {
	var best *catalog.Body
	var most []*catalog.Entry
	for i := range v.index.Bodies {
		b, es := v.index.FindBody(v.index.Bodies[i].ID)
		if len(es) > len(most) {
			best, most = b, es
		}
	}
	slices.SortFunc(most, func(a, b *catalog.Entry) int { return cmp.Compare(a.Year, b.Year) })
	return best, most
}

// searchFor is a part of the body's name that the catalog's search matches
// in no other body (by name or region), or "" when there is none.
func (v *variant) searchFor(b *catalog.Body) string {
	name := []rune(b.Name)
	for n := 2; n <= len(name); n++ {
		for i := len(name) - n; i >= 0; i-- {
			q := string(name[i : i+n])
			alone := true
			for _, o := range v.index.Bodies {
				if o.ID != b.ID && (strings.Contains(o.Name, q) || strings.Contains(o.Region, q)) {
					alone = false
					break
				}
			}
			if alone {
				return q
			}
		}
	}
	return ""
}

// page is a prerendered page of the built site, parsed.
func (v *variant) page(t testing.TB, p string) *nethtml.Node {
	t.Helper()
	name := "index.html"
	if p, _, _ = strings.Cut(p, "?"); p != "/" {
		name = strings.TrimPrefix(p, "/") + ".html"
	}
	f, err := os.Open(filepath.Join(v.dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := nethtml.Parse(f)
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	return doc
}

// pages lists the path of every prerendered page of the built site.
func (v *variant) pages(t testing.TB) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(v.dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		rel, _ := filepath.Rel(v.dir, p)
		rel = "/" + strings.TrimSuffix(filepath.ToSlash(rel), ".html")
		if rel == "/index" {
			rel = "/"
		}
		out = append(out, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// packURL is the path of a report's pack in the site.
func (v *variant) packURL(id string) string {
	return "/" + path.Join(catalog.PacksDir, v.entry(id).Pack)
}
