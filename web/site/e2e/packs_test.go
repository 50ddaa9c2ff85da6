package e2e

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/chromedp/chromedp"

	ui "nianbao/app"
	"nianbao/web/site"
)

// A report's pack is kept only gzipped (catalog.PackName). A server that
// sends the file as it is (the site's own; nginx) leaves it to the site's
// scripts to inflate; one that labels .gz files Content-Encoding: gzip
// (Apache's AddEncoding) has the browser inflate it first; a browser
// without DecompressionStream (Safari before 16.4) loads web/inflate.js.
// With each, the page read without the app draws its charts from the pack
// (the site's script), the app starts on the page (the app reads the
// pack), and a report the app goes to draws its own (a pack the app
// fetched).
func TestPacksReadWhateverTheServerSays(t *testing.T) {
	t.Parallel()
	browser(t)
	v := portalSite
	v.build(t)
	first := mostRequests(v)
	var other string
	for _, r := range v.reports {
		if r.ID != first.ID && v.entry(r.ID).Pack != v.entry(first.ID).Pack {
			other = r.ID
			break
		}
	}
	for _, tc := range []struct {
		name               string
		labelled, noStream bool
	}{
		{"as it is", false, false},
		{"labelled Content-Encoding: gzip", true, false},
		{"as it is, to a browser without DecompressionStream", false, true},
	} {
		labelled := tc.labelled
		t.Run(tc.name, func(t *testing.T) {
			plain := http.StripPrefix(v.base, site.Handler(v.dir))
			var packs atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				p, ok := strings.CutPrefix(r.URL.Path, v.base+"/")
				if !ok || !strings.HasSuffix(p, ".json.gz") {
					plain.ServeHTTP(w, r)
					return
				}
				b, err := os.ReadFile(filepath.Join(v.dir, filepath.FromSlash(p)))
				if err != nil {
					http.NotFound(w, r)
					return
				}
				packs.Add(1)
				if labelled {
					w.Header().Set("Content-Type", "application/json")
					w.Header().Set("Content-Encoding", "gzip")
				} else {
					w.Header().Set("Content-Type", "application/gzip")
				}
				w.Write(b)
			}))
			t.Cleanup(srv.Close)
			b := openTab(t, v, srv)
			if tc.noStream {
				b.run(t, "a browser without DecompressionStream", onNewDocument(`delete self.DecompressionStream`))
			}
			page := ui.ReportPath(first.ID, "/outcomes")
			b.loadPlain(t, page)
			b.run(t, "the page's charts", b.poll(chartsDrawn(pageCharts(v.packs[first.ID], "/outcomes"))))
			b.load(t, page)
			b.run(t, "the app's charts", b.poll(chartsDrawn(pageCharts(v.packs[first.ID], "/outcomes"))))
			to := ui.ReportPath(other, "/applicants")
			b.goInApp(t, to)
			b.run(t, "the charts of "+to, b.poll(chartsDrawn(pageCharts(v.packs[other], "/applicants"))))
			if n := packs.Load(); n < 2 {
				t.Errorf("%d packs were asked for: want the two reports'", n)
			}
			if inflater := count(b.takeRequests(), "/web/inflate.js"); (inflater > 0) != tc.noStream {
				t.Errorf("web/inflate.js asked for %d times (want it only where the browser has no DecompressionStream)", inflater)
			}
		})
	}
}

// A portal's embed of a category's reasons, made before the category's
// reasons were all printed 0 (no chart of its own any more:
// charts.ReasonCategories), shows every category, where its 0 is.
func TestEmbedOfACategoryWithoutReasons(t *testing.T) {
	t.Parallel()
	browser(t)
	v := portalSite
	b := newTab(t, v)
	r, empty := v.emptiedCategory(t)
	var title, summary string
	b.run(t, "the embed of outcomes-"+empty, chromedp.Navigate(b.at("/embed/r/"+r.ID+"?chart=outcomes-"+empty)),
		b.poll(`document.querySelector("figure.embed").dataset.state === "drawn" && !!echarts.getInstanceByDom(document.querySelector(".embed-canvas"))`),
		chromedp.Text(".embed-title", &title, chromedp.ByQuery), chromedp.Text(".embed-summary", &summary, chromedp.ByQuery))
	if want := v.packs[r.ID].Chart("outcomes"); title != want.Title || summary != want.Summary {
		t.Errorf("the embed of %s's outcomes-%s shows %q: %q, want %q: %q", r.ID, empty, title, summary, want.Title, want.Summary)
	}
}
