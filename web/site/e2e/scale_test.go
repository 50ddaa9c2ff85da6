package e2e

// BenchmarkScale is the catalog's scale benchmark (issue 10): N synthetic
// reports (internal/synth, never shipped) imported with the project's own
// importer beside the shipped portal's, the site built, and for each N the
// build time, app.wasm's size, what a first visit of / and of the catalog
// transfers, the catalog index's size, a keystroke's filter in the catalog
// at 4x CPU slowdown in Chromium, and the page's memory. It prints every
// figure and never fails on them. Run it with `make scale` (SCALE_N picks
// the sizes, default 0,1000,5000).

import (
	"fmt"
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	goruntime "runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"nianbao/data"
	"nianbao/data/dataset"
	"nianbao/data/importer"
	"nianbao/web/site"
	"nianbao/web/site/e2e/internal/synth"
)

// scaleDatasets writes the shipped portal's datasets and n synthetic ones,
// imported with the importer, into a new folder, and returns it with the
// (n+1)th synthetic report's dataset, which it does not write: the report
// the incremental figure adds.
func scaleDatasets(b *testing.B, n int) (dir string, added *data.Report) {
	dir = b.TempDir()
	shipped, err := filepath.Glob(filepath.Join(repoRoot, "sites", "pingtan", "datasets", "*.json"))
	if err != nil {
		b.Fatal(err)
	}
	for _, name := range shipped {
		c, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(name)), c, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	files := synth.Reports(n+1, 1)
	extra, err := importer.Import(files[n].Name, "", files[n].Text)
	if err != nil {
		b.Fatal(err)
	}
	files = files[:n]
	var mu sync.Mutex
	var firstErr error
	importOne := func(f synth.File) {
		imp, err := importer.Import(f.Name, "", f.Text)
		if err == nil {
			err = dataset.WriteFile(filepath.Join(dir, imp.Report.ID+".json"), imp.Report)
		}
		if err != nil {
			mu.Lock()
			if firstErr == nil {
				firstErr = fmt.Errorf("%s: %w", f.Name, err)
			}
			mu.Unlock()
		}
	}
	// On every core.
	var wg sync.WaitGroup
	next := make(chan synth.File)
	for range goruntime.NumCPU() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range next {
				importOne(f)
			}
		}()
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		b.Fatal(firstErr)
	}
	return dir, extra.Report
}

// siteSize is the bytes and files of a built site.
func siteSize(b *testing.B, dir string) (bytes int64, files int) {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		st, err := d.Info()
		if err == nil {
			bytes += st.Size()
			files++
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return bytes, files
}

// fileSize is the size of the one file matching the pattern under dir.
func fileSize(b *testing.B, dir, pattern string) int64 {
	names, _ := filepath.Glob(filepath.Join(dir, pattern))
	if len(names) != 1 {
		b.Fatalf("%s: %d files match, want 1", pattern, len(names))
	}
	st, err := os.Stat(names[0])
	if err != nil {
		b.Fatal(err)
	}
	return st.Size()
}

type scaleFigures struct {
	n                          int
	build, added               time.Duration // from nothing; one report added over it
	distBytes                  int64
	distFiles                  int
	wasmBr, indexBr, catPageBr int64
	firstVisit, catalogVisit   int64
	keystroke                  []float64 // ms, to the count
	keystrokeLog               string    // each query and its ms, in order
	figures                    []float64 // ms, to every row's figures
	heapMB, goMB               float64
}

// visitBytes loads url in a fresh browser and returns the bytes sent to it.
func visitBytes(b *testing.B, srv *counting, url, ready string) int64 {
	ctx, done := freshBrowser(b, 2*time.Minute)
	defer done()
	srv.bytes.Store(0)
	if err := chromedp.Run(ctx, network.Enable(), chromedp.Navigate(url), poll(ready), chromedp.Sleep(500*time.Millisecond)); err != nil {
		b.Fatalf("%s: %v", url, err)
	}
	return srv.bytes.Load()
}

// keystrokes types into the catalog's search at 4x CPU slowdown and times
// each keystroke from the input event to the list on screen.
func keystrokes(b *testing.B, url string) (ms, withFigures []float64, heapMB, goMB float64, log string) {
	ctx, done := freshBrowser(b, 5*time.Minute)
	defer done()
	if err := chromedp.Run(ctx, chromedp.Navigate(url), poll(appReady),
		poll(`document.querySelectorAll("table.catalog tbody tr").length > 0`),
		emulation.SetCPUThrottlingRate(cpuSlowdown)); err != nil {
		b.Fatal(err)
	}
	if err := chromedp.Run(ctx, chromedp.Evaluate(`window.gcs = []`, nil)); err != nil {
		b.Fatal(err)
	}
	// Each query narrows or widens the list, as a visitor typing and
	// correcting does; the time runs until the count on screen changed
	// and a frame was drawn. So each query changes the count: one that
	// finds what the one before found ("合", then "合成" where every
	// name has 合) would wait for nothing.
	for _, q := range []string{"合成", "合成省第1", "合成省第12", "合成省第1", "教育", "镇", "街道", "合成省第3市", "合成省第3", "平潭"} {
		var took []float64
		js := fmt.Sprintf(`new Promise(done => {
			const input = document.querySelector("#catalog-q"), count = document.querySelector("#catalog-count");
			const before = count.textContent, gc0 = nianbao.test.gc(), t0 = performance.now();
			input.value = %q;
			input.dispatchEvent(new Event("input", {bubbles: true}));
			// Then until every row shows its figures (their block fetched).
			const whole = (t1) => !document.querySelector("table.catalog tbody").textContent.includes("载入中")
				? requestAnimationFrame(() => done([t1, performance.now() - t0]))
				: (performance.now() - t0 > 20000 ? done([t1, -1]) : setTimeout(() => whole(t1), 0));
			const wait = () => document.querySelector("#catalog-count").textContent !== before
				? requestAnimationFrame(() => { const t1 = performance.now() - t0, gc1 = nianbao.test.gc(); gcs.push([gc1[0] - gc0[0], gc1[1] - gc0[1]]); whole(t1); })
				: (performance.now() - t0 > 2000 ? done([-1, -1]) : setTimeout(wait, 0));
			wait();
		})`, q)
		if err := chromedp.Run(ctx, chromedp.Evaluate(js, &took, awaitPromise)); err != nil {
			b.Fatal(err)
		}
		if took[0] >= 0 {
			ms = append(ms, took[0])
		}
		var gc []float64
		if err := chromedp.Run(ctx, chromedp.Evaluate(`gcs.pop() || [0, 0]`, &gc)); err != nil {
			b.Fatal(err)
		}
		// -1: the count did not change within 2 s. The garbage
		// collections in the keystroke's time, and their pauses.
		log += fmt.Sprintf(" %s %.0f (%.0f GC, %.0f ms)", q, took[0], gc[0], gc[1])
		if took[1] >= 0 {
			withFigures = append(withFigures, took[1])
		}
	}
	var mem []float64
	if err := chromedp.Run(ctx, emulation.SetCPUThrottlingRate(1),
		chromedp.Evaluate(`[performance.memory.usedJSHeapSize, nianbao.test.mem()]`, &mem)); err != nil {
		b.Fatal(err)
	}
	return ms, withFigures, mem[0] / 1e6, mem[1] / 1e6, log
}

func BenchmarkScale(b *testing.B) {
	sizes := []int{0, 1000, 5000}
	if s := os.Getenv("SCALE_N"); s != "" {
		sizes = nil
		for _, f := range strings.Split(s, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil {
				b.Fatalf("SCALE_N=%s: %v", s, err)
			}
			sizes = append(sizes, n)
		}
	}
	var got []scaleFigures
	for i := 0; i < b.N; i++ {
		got = nil
		for _, n := range sizes {
			datasets, added := scaleDatasets(b, n)
			dist := filepath.Join(b.TempDir(), "dist")
			// Compressed as deployed, from nothing (an empty cache of
			// compressed copies); the app with the test hooks (the Go
			// runtime's memory).
			o, err := testOptions(site.Options{Datasets: datasets, Cache: b.TempDir()}, dist)
			if err != nil {
				b.Fatal(err)
			}
			o.Fast, o.IndexBlock = false, 0 // as deployed
			start := time.Now()
			if err := site.Build(o); err != nil {
				b.Fatal(err)
			}
			f := scaleFigures{n: n, build: time.Since(start)}
			f.distBytes, f.distFiles = siteSize(b, dist)
			// One report more, built over the site (and its cache).
			if err := dataset.WriteFile(filepath.Join(datasets, added.ID+".json"), added); err != nil {
				b.Fatal(err)
			}
			start = time.Now()
			if err := site.Build(o); err != nil {
				b.Fatal(err)
			}
			f.added = time.Since(start)
			f.wasmBr = fileSize(b, dist, "web/app.*.wasm.br")
			f.indexBr = fileSize(b, dist, "data/index.json.br")
			f.catPageBr = fileSize(b, dist, "reports.html.br")
			srv := &counting{h: site.Handler(dist)}
			hs := httptest.NewServer(srv)
			f.firstVisit = visitBytes(b, srv, hs.URL+"/", appReady)
			f.catalogVisit = visitBytes(b, srv, hs.URL+"/reports", appReady+` && document.querySelectorAll("table.catalog tbody tr").length > 0`)
			f.keystroke, f.figures, f.heapMB, f.goMB, f.keystrokeLog = keystrokes(b, hs.URL+"/reports")
			hs.Close()
			got = append(got, f)
			os.RemoveAll(datasets)
			os.RemoveAll(dist)
		}
	}
	fmt.Printf("\nScale: shipped reports plus N synthetic ones, imported by the importer; %d CPUs; keystrokes at %dx CPU slowdown\n", numCPUs(), cpuSlowdown)
	fmt.Printf("%6s %9s %9s %8s %11s %13s %14s %14s %15s %16s %20s %14s %12s\n", "N", "build s", "dist MB", "files", "+1 report s", "app.wasm br", "first / kB", "index br kB",
		"catalog page br", "catalog visit kB", "keystroke ms med/max", "JS heap MB", "Go mem MB")
	for _, f := range got {
		if fg := slices.Sorted(slices.Values(f.figures)); len(fg) > 0 {
			defer fmt.Printf("N=%d: a keystroke to every row's figures, median / max: %.0f / %.0f ms\n", f.n, fg[len(fg)/2], fg[len(fg)-1])
		}
		defer fmt.Printf("N=%d: each keystroke, in order, ms:%s\n", f.n, f.keystrokeLog)
		if got[0].n == 0 && f.n > 0 {
			defer fmt.Printf("N=%d: the catalog's first visit adds %.0f kB to the shipped portal's (%.0f kB)\n", f.n,
				float64(f.catalogVisit-got[0].catalogVisit)/1000, float64(got[0].catalogVisit)/1000)
		}
		k := slices.Clone(f.keystroke)
		sort.Float64s(k)
		med, mx := 0.0, 0.0
		if len(k) > 0 {
			med, mx = k[len(k)/2], k[len(k)-1]
		}
		fmt.Printf("%6d %9.1f %9.1f %8d %11.1f %10.0f kB %14.0f %14.1f %12.1f kB %16.0f %13.0f / %4.0f %14.1f %12.1f\n", f.n, f.build.Seconds(),
			float64(f.distBytes)/1e6, f.distFiles, f.added.Seconds(), float64(f.wasmBr)/1000, float64(f.firstVisit)/1000, float64(f.indexBr)/1000, float64(f.catPageBr)/1000,
			float64(f.catalogVisit)/1000, med, mx, f.heapMB, f.goMB)
		b.ReportMetric(f.build.Seconds(), fmt.Sprintf("build-s-%d", f.n))
		b.ReportMetric(f.added.Seconds(), fmt.Sprintf("added-s-%d", f.n))
		b.ReportMetric(float64(f.distBytes)/1e6, fmt.Sprintf("dist-MB-%d", f.n))
	}
}

func numCPUs() int { return goruntime.NumCPU() }
