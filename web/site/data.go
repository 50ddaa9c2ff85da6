package site

import (
	"fmt"
	"path"
	"runtime"
	"strings"
	"sync"

	ui "nianbao/app"
	"nianbao/charts"
	"nianbao/charts/echarts"
	"nianbao/data"
	"nianbao/data/catalog"
	"nianbao/data/dataset"
)

// site is what a build makes of the datasets: the reports grouped by body,
// each report's pack, and the catalog index, held as the bytes written to
// the site so that the prerendered pages read exactly what browsers fetch.
type site struct {
	reports  []*data.Report
	identity ui.Site // what the site file says, as the pages say it
	index    *catalog.Index
	group    *catalog.Grouping
	packs    map[string][]byte
	packURL  map[string]string // report ID → URL path of its pack
	indexB   []byte
	indexU   string // the index's directory's path in the site
	// blockU are the paths of the index's blocks; indexBlock how many
	// bodies a block holds (Options.IndexBlock).
	blockU     []string
	indexBlock int
	portalB    []byte // the portal's summary (charts.Portal), as written
	portalU    string // its path in the site
	// openDataB is the open data's datapackage.json, as written
	// (writeOpenData).
	openDataB []byte
	base      string // the path the site is served under (Options.Base)
	kiosk     int    // Options.Kiosk
	province  string // the site's province (SiteFile.Province), for the search
}

// at is a path of the site as the browser asks for it: under the base.
func (s *site) at(p string) string { return s.base + p }

// readSite reads the datasets and groups the reports by body.
func readSite(dir string) (*site, error) {
	reports, err := dataset.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	g := catalog.Group(reports)
	return &site{reports: reports, group: g, index: &catalog.Index{Bodies: g.Bodies}, packs: map[string][]byte{}, packURL: map[string]string{}}, nil
}

// writeData writes each report's pack (its dataset and charts, with the
// cross-year check against the body's previous year) and the catalog
// index, under content-hashed names.
func (s *site) writeData(w *writer) error {
	var mu sync.Mutex
	var firstErr error
	fail := func(id string, err error) {
		mu.Lock()
		defer mu.Unlock()
		if firstErr == nil {
			firstErr = fmt.Errorf("report %s: %w", id, err)
		}
	}
	// First every report's entry, then the packs, which hold each
	// report's peers and previous report from the entries.
	entries := make([]catalog.Entry, len(s.reports))
	parallel(len(s.reports), func(i int) {
		r := s.reports[i]
		entries[i] = catalog.NewEntry(r, s.group.BodyOf[r.ID], "", s.group.Prev[r.ID])
	})
	x := &catalog.Index{Bodies: s.index.Bodies, Reports: entries}
	peers := charts.NewPeerGroups(x)
	names := make([]string, len(s.reports))
	parallel(len(s.reports), func(i int) {
		r := s.reports[i]
		pk := echarts.Pack(r, s.index.Bodies[s.group.BodyOf[r.ID]].ID, s.group.Prev[r.ID])
		pk.Peers = peers.Of(&entries[i], charts.PeerMarks(r, pk.CrossYear))
		if prev := charts.PreviousReport(x, &entries[i]); prev != nil {
			p := *prev
			p.Pack = ""
			pk.Prev = &p
		}
		b, err := pk.Encode()
		name := ""
		var gz []byte
		if err == nil {
			gz, err = w.cache.gzipOnly(b, w.level(compressFast))
		}
		if err == nil {
			name = catalog.PackName(r.ID, contentHash(b))
			err = w.write(path.Join(catalog.PacksDir, name), gz, compressNone)
		}
		if err != nil {
			fail(r.ID, err)
			return
		}
		mu.Lock()
		defer mu.Unlock()
		s.packs[r.ID] = b
		s.packURL[r.ID] = "/" + path.Join(catalog.PacksDir, name)
		names[i] = name
	})
	if firstErr != nil {
		return firstErr
	}
	for i := range entries {
		entries[i].Pack = names[i]
	}
	s.index.Reports = entries
	addSearchKeys(s.index, s.province)
	b, err := s.index.Encode()
	if err != nil {
		return err
	}
	s.indexB = b
	// The index goes out as a directory and blocks (catalog.Split): the
	// directory at a name that does not change with its content, as the
	// portal's summary: every page names both, so that a report added
	// changes the pages it is on, not every page of the site; the blocks
	// at names of their content, which the directory names. Nothing of the
	// site is cached without revalidation but by the service worker, whose
	// cache changes with the site's version. The directory is what a
	// visitor of the catalog loads first: brotli's best level makes it a
	// third smaller than the level of the files there is one of per report.
	dir, blocks, err := s.index.Split(s.indexBlock, func(i int, b []byte) string {
		return fmt.Sprintf("index/%d.%s.json", i, contentHash(b))
	})
	if err != nil {
		return err
	}
	d, err := catalog.ParseDirectory(dir)
	if err != nil {
		return err
	}
	s.blockU = nil
	for i, name := range d.BlockFiles {
		if err := w.write(path.Join(catalog.PacksDir, name), blocks[i], compressFast); err != nil {
			return err
		}
		s.blockU = append(s.blockU, "/"+path.Join(catalog.PacksDir, name))
	}
	s.indexU = "/" + path.Join(catalog.PacksDir, "index.json")
	if err := w.write(strings.TrimPrefix(s.indexU, "/"), dir, compressBest); err != nil {
		return err
	}
	if err := s.writePortal(w); err != nil {
		return fmt.Errorf("the portal's summary: %w", err)
	}
	ui.SetSource(s)
	ui.SetBase(s.base)
	return nil
}

// writePortal writes the portal's summary for the front page: the latest
// year's reports added up, with their charts, and every year's totals.
func (s *site) writePortal(w *writer) error {
	year := 0
	for _, r := range s.reports {
		year = max(year, r.Year)
	}
	var of []*data.Report
	for _, r := range s.reports {
		if r.Year == year {
			of = append(of, r)
		}
	}
	sum := data.Sum(fmt.Sprintf("portal-%d", year), "各机关合计", year, of)
	pack := echarts.Pack(sum, "", nil)
	for id, c := range pack.Charts {
		c.Table.Source = fmt.Sprintf("%d年各机关报告之和（%d份）", year, len(of))
		pack.Charts[id] = c
	}
	b, err := charts.NewPortal(s.index, pack).Encode()
	if err != nil {
		return err
	}
	s.portalB = b
	s.portalU = "/" + path.Join(catalog.PacksDir, "portal.json")
	return w.write(strings.TrimPrefix(s.portalU, "/"), b, compressFast)
}

// Portal is the portal's summary, for the front page the build renders.
func (s *site) Portal() (*charts.Portal, error) {
	p, err := charts.DecodePortal(s.portalB)
	if err != nil {
		return nil, err
	}
	p.From(s.at(s.portalU))
	return p, nil
}

// OpenData is the open data's descriptor, for the 数据下载 page the build
// renders.
func (s *site) OpenData() (*ui.OpenData, error) {
	p, err := data.ParseDataPackage(s.openDataB)
	if err != nil {
		return nil, err
	}
	return &ui.OpenData{Package: p, Bytes: int64(len(s.openDataB))}, nil
}

// Index is the catalog index, for the pages the build renders.
func (s *site) Index() (*catalog.Index, error) { return catalog.Parse(s.indexB) }

// Pack is a report's pack, for the pages the build renders: decoded from
// the bytes written to the site, as the browser decodes them.
func (s *site) Pack(id string) (*charts.Pack, error) {
	b, ok := s.packs[id]
	if !ok {
		return nil, fmt.Errorf("%w: %s", ui.ErrNotFound, id)
	}
	p, err := charts.DecodePack(b)
	if err != nil {
		return nil, fmt.Errorf("report %s: %w", id, err)
	}
	p.URL = s.at(s.packURL[id])
	return p, nil
}

// paths lists every page of the site, grouped by report so that a report's
// pack is decoded once for its pages.
func (s *site) paths() []string {
	var paths []string
	paths = append(paths, "/", ui.OfflinePath, ui.NotFoundPath, ui.KioskPath, ui.PrecheckPath)
	for _, p := range ui.CatalogPages {
		paths = append(paths, p.Path)
	}
	paths = append(paths, ui.PlainPages(len(s.index.Bodies))...)
	for _, b := range s.index.Bodies {
		paths = append(paths, ui.BodyPath(b.ID))
	}
	for _, r := range s.reports {
		for _, p := range ui.ReportPages {
			paths = append(paths, ui.ReportPath(r.ID, p.Path))
		}
		for _, c := range ui.Categories(r) {
			paths = append(paths, ui.ReportPath(r.ID, ui.CategoryPath(c.Key)))
		}
		// The addresses a former version served this report's pages at.
		if r.ID == s.identity.Moved {
			for _, p := range ui.ReportPages[1:] {
				paths = append(paths, p.Path)
			}
			for _, c := range ui.Categories(r) {
				paths = append(paths, ui.CategoryPath(c.Key))
			}
		}
	}
	return paths
}

// precache lists what a kiosk's service worker caches on install beyond
// the app's shell: the index (its directory and every block), and for
// "all" every page and pack, else the pages and packs of the reports named
// by ID or by their body's name, with their bodies' pages, trend charts
// and latest reports' packs.
func (s *site) precache(spec string) ([]string, error) {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return nil, nil
	}
	var chosen []*data.Report
	for _, name := range strings.Split(spec, ",") {
		name = strings.TrimSpace(name)
		n := len(chosen)
		for _, r := range s.reports {
			if name == "all" || r.ID == name || r.Body == name {
				chosen = append(chosen, r)
			}
		}
		if len(chosen) == n {
			return nil, fmt.Errorf("-precache %q: no report or body of that name", name)
		}
	}
	list := []string{s.at(s.indexU)}
	for _, u := range s.blockU {
		list = append(list, s.at(u))
	}
	for _, p := range ui.CatalogPages {
		list = append(list, s.at(p.Path))
	}
	// A body's page reads its latest report's pack too (its peers).
	latest := map[int]*data.Report{}
	for _, r := range s.reports {
		if b := s.group.BodyOf[r.ID]; latest[b] == nil || r.Year > latest[b].Year {
			latest[b] = r
		}
	}
	for _, r := range chosen {
		b := s.group.BodyOf[r.ID]
		body := s.index.Bodies[b].ID
		list = append(list, s.at(s.packURL[r.ID]), s.at(s.packURL[latest[b].ID]), s.at(ui.BodyPath(body)), s.at(ui.BodyChartsPath(body)))
		for _, p := range ui.ReportPages {
			list = append(list, s.at(ui.ReportPath(r.ID, p.Path)))
		}
		for _, c := range ui.Categories(r) {
			list = append(list, s.at(ui.ReportPath(r.ID, ui.CategoryPath(c.Key))))
		}
	}
	return sortedUnique(list), nil
}

// parallel runs f(0)…f(n-1) on as many goroutines as there are CPUs.
func parallel(n int, f func(i int)) {
	workers := min(max(1, runtime.NumCPU()), n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
