package e2e

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	ui "nianbao/app"
	"nianbao/data"
	"nianbao/data/catalog"
)

// After the first visit the site works offline: every page visited once
// the service worker runs, and every page of what the build precached (a
// kiosk's own body) though never visited; a page never visited says so,
// and shows no other report's numbers. Under a path, as a portal hosts a
// tool.
func TestOfflineAfterTheFirstVisit(t *testing.T) {
	t.Parallel()
	v := jiangsuSite
	b := newTab(t, v)
	o, err := v.options()
	if err != nil {
		t.Fatal(err)
	}
	kept := func(r *data.Report) bool { return r.Body == o.Precache }
	var visit, precached, never *data.Report
	for _, r := range v.reports {
		switch {
		case kept(r):
			precached = r
		case visit == nil && len(ui.Categories(r)) > 0:
			visit = r
		case never == nil && r != visit && (visit == nil || r.Body != visit.Body):
			never = r
		}
	}
	if visit == nil || precached == nil || never == nil {
		t.Fatalf("the %s site needs a report to visit, one precached and one neither (%v, %v, %v)", v.name, visit, precached, never)
	}
	other := v.index.Reports[slices.IndexFunc(v.index.Reports, func(e catalog.Entry) bool { return e.ID != visit.ID })].ID
	// A page of each kind: the front page, a report's overview, another of
	// its pages and a category's reasons, the catalog, a body, a
	// comparison, a ranking.
	pages := []string{"/", ui.ReportPath(visit.ID, "/"), ui.ReportPath(visit.ID, "/appeals"),
		ui.ReportPath(visit.ID, ui.CategoryPath(ui.Categories(visit)[0].Key)), "/reports",
		ui.BodyPath(v.bodyOf(visit.ID).ID), "/compare?r=" + visit.ID + "," + other, fmt.Sprintf("/ranking?year=%d", visit.Year)}

	b.load(t, "/")
	b.run(t, "the service worker", b.poll(`navigator.serviceWorker && !!navigator.serviceWorker.controller`))
	for _, p := range pages[1:] {
		b.load(t, p)
	}
	b.srv.Close() // the network is cut: nothing answers any more
	// offlineState is what a page shows offline: its heading, whether it
	// says it cannot show the report, and the report it names.
	type offlineState struct {
		H1, Error, Report string
		Figures, Charts   int
		Kept              []string
	}
	state := func(p string) offlineState {
		var st offlineState
		b.load(t, p)
		b.eval(t, `({H1: document.querySelector("h1").textContent,
			Error: document.querySelector(".error-panel .error-message")?.textContent || "",
			Report: document.querySelector(".report-name")?.textContent || "",
			Figures: document.querySelectorAll("main .figure").length, Charts: document.querySelectorAll("main .chart-canvas").length,
			Kept: [...document.querySelectorAll("#offline-list a")].map(a => a.getAttribute("href"))})`, &st)
		return st
	}
	name := fmt.Sprintf("%s · %d年度报告", visit.Body, visit.Year)
	for _, p := range pages {
		st := state(p)
		if st.H1 == "" || st.Error != "" || st.H1 == "这一页尚未缓存" {
			t.Errorf("offline %s: %+v", p, st)
		}
		if strings.HasPrefix(p, ui.ReportPath(visit.ID, "/")) && st.Report != name {
			t.Errorf("offline %s shows %q, want %q", p, st.Report, name)
		}
	}
	// A kiosk's own body, precached by the build, works offline unvisited.
	var text string
	path := ui.ReportPath(precached.ID, "/narrative")
	if st := state(path); st.Error != "" || st.Report != fmt.Sprintf("%s · %d年度报告", precached.Body, precached.Year) {
		t.Errorf("offline, the precached %s: %+v", path, st)
	}
	b.run(t, "offline, precached", chromedp.Text("main", &text, chromedp.ByQuery))
	// With its body's page and the trend charts that page reads.
	var cached []string
	b.run(t, "the worker's caches", chromedp.Evaluate(cachedJS, &cached, awaitPromise))
	for _, want := range []string{ui.BodyPath(v.bodyOf(precached.ID).ID), ui.BodyChartsPath(v.bodyOf(precached.ID).ID)} {
		if !slices.Contains(cached, b.at(want)) {
			t.Errorf("the kiosk's worker keeps %q, without its body's %s", cached, want)
		}
	}
	if s := precached.Section(data.SectionOverview); s == nil || !strings.Contains(text, s.Title) {
		t.Errorf("offline, the precached %s shows %q", path, text)
	}
	// A report never visited says so, shows no report's numbers, and
	// offers the reports this device keeps: those visited and precached.
	path = ui.ReportPath(never.ID, "/appeals")
	st := state(path)
	if !strings.Contains(st.Error, "没有保存在这台设备上") || st.Figures+st.Charts > 0 {
		t.Errorf("offline, %s, never visited: %+v", path, st)
	}
	// The site's script lists them once it has read the caches.
	b.run(t, "the reports kept", b.poll(`document.querySelectorAll("#offline-list li").length > 0`))
	b.eval(t, `[...document.querySelectorAll("#offline-list a")].map(a => a.getAttribute("href"))`, &st.Kept)
	for _, id := range []string{visit.ID, precached.ID} {
		if !slices.Contains(st.Kept, b.href(ui.ReportPath(id, "/"))) {
			t.Errorf("offline, %s offers %q, without %s", path, st.Kept, id)
		}
	}
	if slices.Contains(st.Kept, b.href(ui.ReportPath(never.ID, "/"))) {
		t.Errorf("offline, %s offers itself: %q", path, st.Kept)
	}
	b.ignoreProblems() // the failed fetches of the page never visited
}
