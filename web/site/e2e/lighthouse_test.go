package e2e

// BenchmarkLighthouse runs Lighthouse 12 (mobile: simulated slow 4G, 4×
// CPU) on the shipped portal as deployed, on its front page, its catalog
// and a report's /outcomes, and on the reference page beside them, three
// runs each (LIGHTHOUSE_RUNS=…), and prints the medians: performance,
// total blocking time, largest contentful paint, the longest main-thread
// task and the bytes moved. It never fails on them. `make bench` installs
// Lighthouse (bench/lighthouse, pinned by its lock file) and runs it.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	ui "nianbao/app"
	"nianbao/web/site"
)

// lighthouseFigures are what the bench reads of a Lighthouse report.
type lighthouseFigures struct {
	score, tbt, lcp, longest, kb float64
}

// lighthouse runs Lighthouse once on url and reads its report.
func lighthouse(b *testing.B, bin, url string) lighthouseFigures {
	out := filepath.Join(b.TempDir(), "report.json")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, url, "--quiet", "--only-categories=performance", "--output=json", "--output-path="+out,
		"--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run")
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chromium)
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("lighthouse %s: %v\n%s", url, err, msg)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		b.Fatal(err)
	}
	var r struct {
		Categories struct {
			Performance struct {
				Score float64 `json:"score"`
			} `json:"performance"`
		} `json:"categories"`
		Audits map[string]json.RawMessage `json:"audits"`
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		b.Fatalf("lighthouse's report: %v", err)
	}
	// Each audit's details have a shape of their own: read the ones used.
	type audit struct {
		NumericValue float64 `json:"numericValue"`
		Details      struct {
			Items []struct {
				Duration float64 `json:"duration"`
			} `json:"items"`
		} `json:"details"`
	}
	read := func(name string) audit {
		var a audit
		if err := json.Unmarshal(r.Audits[name], &a); err != nil {
			b.Fatalf("lighthouse's audit %s: %v", name, err)
		}
		return a
	}
	f := lighthouseFigures{score: r.Categories.Performance.Score, tbt: read("total-blocking-time").NumericValue,
		lcp: read("largest-contentful-paint").NumericValue, kb: read("total-byte-weight").NumericValue / 1000}
	for _, it := range read("long-tasks").Details.Items {
		f.longest = max(f.longest, it.Duration)
	}
	return f
}

func BenchmarkLighthouse(b *testing.B) {
	bin := filepath.Join(repoRoot, "bench", "lighthouse", "node_modules", ".bin", "lighthouse")
	if _, err := os.Stat(bin); err != nil {
		b.Fatalf("Lighthouse is installed by make bench (npm ci --prefix bench/lighthouse): %v", err)
	}
	dist, v, front, refDir := deployedPortal(b)
	siteSrv, refSrv := httptest.NewServer(site.Handler(dist)), httptest.NewServer(site.Handler(refDir))
	defer siteSrv.Close()
	defer refSrv.Close()

	runs := benchRuns("LIGHTHOUSE_RUNS", 3)
	var pages []struct{ name, url string }
	for _, p := range phonePages(v, front) {
		pages = append(pages, struct{ name, url string }{p.name, siteSrv.URL + p.path})
	}
	pages = append(pages, struct{ name, url string }{"reference page", refSrv.URL + "/"})
	// LIGHTHOUSE_BEFORE: the pages of another build (an earlier commit's,
	// served by its own serve), measured in the same runs, for a before
	// and after side by side: addresses separated by spaces.
	for _, u := range strings.Fields(os.Getenv("LIGHTHOUSE_BEFORE")) {
		pu, err := url.Parse(u)
		if err != nil {
			b.Fatalf("LIGHTHOUSE_BEFORE: %v", err)
		}
		pages = append(pages, struct{ name, url string }{"before: " + pu.Path, u})
	}
	got := make([][]lighthouseFigures, len(pages))
	for i := 0; i < b.N; i++ {
		// Interleaved: a run of every page, then the next run.
		for run := 0; run < runs; run++ {
			for p, page := range pages {
				got[p] = append(got[p], lighthouse(b, bin, page.url))
			}
		}
	}
	median := func(fs []lighthouseFigures, of func(lighthouseFigures) float64) float64 {
		vs := make([]float64, len(fs))
		for i, f := range fs {
			vs[i] = of(f)
		}
		sort.Float64s(vs)
		return vs[len(vs)/2]
	}
	fmt.Printf("\nLighthouse 12, mobile (simulated slow 4G, 4x CPU), Debian's Chromium: median of %d runs\n", runs)
	fmt.Printf("%-22s %12s %10s %10s %16s %10s\n", "page", "performance", "TBT ms", "LCP ms", "longest task ms", "kB")
	for p, page := range pages {
		fs := got[p]
		fmt.Printf("%-22s %12.2f %10.0f %10.0f %16.0f %10.0f\n", page.name,
			median(fs, func(f lighthouseFigures) float64 { return f.score }), median(fs, func(f lighthouseFigures) float64 { return f.tbt }),
			median(fs, func(f lighthouseFigures) float64 { return f.lcp }), median(fs, func(f lighthouseFigures) float64 { return f.longest }),
			median(fs, func(f lighthouseFigures) float64 { return f.kb }))
	}
	fmt.Println("goal (issue 22): performance ≥ 0.95, TBT ≤ 200 ms, LCP ≤ 2,500 ms on the three pages")
}

// phonePages are the pages issue 22 measures on a phone: the front page,
// the catalog and the /outcomes of the report with the most requests (the
// fullest).
func phonePages(v *variant, front string) []struct{ name, path string } {
	most := v.index.Reports[0]
	for _, e := range v.index.Reports {
		if e.New() > most.New() {
			most = e
		}
	}
	return []struct{ name, path string }{
		{front, front},
		{"/reports", "/reports"},
		{"a report's /outcomes", ui.ReportPath(most.ID, "/outcomes")},
	}
}
