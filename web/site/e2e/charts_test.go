package e2e

// Charts drawn in Chromium at a phone's and a kiosk's size: drawn, with
// every text inside its canvas, none cut short ("法…"), none over another,
// and at the page's type size; the selected states in every colour scheme
// and in print.

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	ui "nianbao/app"
	"nianbao/charts"
	"nianbao/data"
	"nianbao/data/catalog"
)

// viewports are a common phone, the narrowest phone, and a portrait kiosk.
var viewports = []struct{ w, h int64 }{{390, 844}, {320, 640}, {1080, 1920}}

// chartPages are a report's pages with charts, each with the charts it
// shows: its category pages among them.
func chartPages(pk *charts.Pack) map[string][]charts.Chart {
	pages := map[string][]charts.Chart{}
	for p := range reportCharts {
		pages[p] = pageCharts(pk, p)
	}
	for _, c := range ui.Categories(pk.Report) {
		p := ui.CategoryPath(c.Key)
		pages[p] = pageCharts(pk, p)
	}
	return pages
}

// chartsDrawn is true when each of the charts (by ID and summary) is on the
// page, drawn with its own option (which has no ARIA: the figure says the
// summary once, as text), at its element's size.
func chartsDrawn(cs []charts.Chart) string {
	type want struct{ ID, Summary string }
	var w []want
	for _, c := range cs {
		w = append(w, want{c.ID, c.Summary})
	}
	b, _ := json.Marshal(w)
	return fmt.Sprintf(`%s.every(c => {
		const el = document.querySelector("#chart-" + c.ID + " .chart-canvas");
		const i = el && echarts.getInstanceByDom(el);
		if (!i || !el.querySelector("canvas") || !(%s)) return false;
		const aria = [].concat(i.getOption().aria || [])[0];
		return !(aria && aria.enabled) && el.parentElement.querySelector(".summary").textContent === c.Summary &&
			i.getWidth() === el.clientWidth && i.getHeight() === el.clientHeight;
	})`, b, chartShown)
}

// labelProblems lists every text of every chart on the page that leaves
// its canvas, overlaps another, is cut short with "…", or is smaller than
// the type size of the chart's element.
const labelProblems = `(() => {
	const out = [];
	for (const el of document.querySelectorAll(".chart-canvas")) {
		const id = el.parentElement.id;
		const i = echarts.getInstanceByDom(el);
		if (!i) { out.push(id + ": not drawn"); continue; }
		const W = i.getWidth(), H = i.getHeight();
		const px = parseFloat(getComputedStyle(el).fontSize);
		let texts = 0;
		const boxes = [];
		for (const d of i.getZr().storage.getDisplayList(true)) {
			if (!d.style || d.style.text == null || d.style.text === "" || d.invisible) continue;
			texts++;
			const r = d.getBoundingRect().clone();
			const m = d.getComputedTransform();
			if (m) r.applyTransform(m);
			const where = id + ": " + JSON.stringify(String(d.style.text)) + " at [" + [r.x, r.y, r.width, r.height].map(Math.round) + "] in " + W + "×" + H;
			for (const [t, b] of boxes) {
				const w = Math.min(r.x + r.width, b.x + b.width) - Math.max(r.x, b.x);
				const h = Math.min(r.y + r.height, b.y + b.height) - Math.max(r.y, b.y);
				if (w > 1 && h > 1) out.push(where + ": overlaps " + JSON.stringify(t));
			}
			boxes.push([String(d.style.text), r]);
			if (r.x < -0.5 || r.y < -0.5 || r.x + r.width > W + 0.5 || r.y + r.height > H + 0.5) out.push(where + ": outside the canvas");
			if (String(d.style.text).includes("…")) out.push(where + ": cut short");
			const size = parseFloat(/([0-9.]+)px/.exec(d.style.font || "")?.[1] || d.style.fontSize || 0);
			if (size < px - 0.5) out.push(where + ": " + size + " px, the page's type is " + px + " px");
		}
		if (texts === 0) out.push(id + ": no text drawn");
	}
	return out;
})()`

// fitReports are the reports whose charts are drawn at every size: every
// page of each is checked. They are chosen for what strains a chart: the
// most requests (the longest numbers), the longest body name, each template
// version, each outcome category's reasons, a report with blank cells and
// one with recovered numbers.
func fitReports(v *variant) []*data.Report {
	var out []*data.Report
	add := func(r *data.Report) {
		if r != nil && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	first := func(has func(r *data.Report) bool) *data.Report {
		for _, r := range v.reports {
			if has(r) {
				return r
			}
		}
		return nil
	}
	add(mostRequests(v))
	add(slices.MaxFunc(v.reports, func(a, b *data.Report) int { return len([]rune(a.Body)) - len([]rune(b.Body)) }))
	for _, f := range []string{data.Format2019, data.Format2021} {
		add(first(func(r *data.Report) bool { return r.Format == f }))
	}
	for _, c := range catalog.OutcomeKeys {
		add(first(func(r *data.Report) bool {
			return slices.ContainsFunc(ui.Categories(r), func(x data.Category) bool { return x.Key == c.Cat })
		}))
	}
	add(first(func(r *data.Report) bool {
		_, n := countCells(tablesOf(slices.Concat(pageCharts(v.packs[r.ID], "/applicants"), pageCharts(v.packs[r.ID], "/appeals"), pageCharts(v.packs[r.ID], "/disclosure")))...)
		return n > 0
	}))
	add(first(func(r *data.Report) bool { return len(data.RecoveredCells(r)) > 0 }))
	return out
}

// checkFit checks the charts of the page in view at every viewport.
func checkFit(t *testing.T, b *tab, where string, cs []charts.Chart) {
	t.Helper()
	for _, vp := range viewports {
		var problems []string
		b.run(t, fmt.Sprintf("%s at %d×%d", where, vp.w, vp.h), chromedp.EmulateViewport(vp.w, vp.h),
			b.poll(chartsDrawn(cs)), chromedp.Sleep(300*time.Millisecond), b.poll(chartsDrawn(cs)),
			chromedp.Evaluate(labelProblems, &problems))
		for _, p := range problems {
			t.Errorf("%s at %d×%d: %s", where, vp.w, vp.h, p)
		}
	}
}

// Every chart of the chosen reports, of the front page and of a body over
// the years fits every screen: in the app, page after page (app/echarts.go),
// and prerendered without the app (the site's script).
func TestChartsFitEveryScreen(t *testing.T) {
	t.Parallel()
	v := portalSite
	browser(t)
	v.build(t)
	for _, r := range fitReports(v) {
		t.Run(r.ID, func(t *testing.T) {
			t.Parallel()
			b := newTab(t, v)
			pk := v.packs[r.ID]
			b.run(t, "the first page", chromedp.EmulateViewport(1280, 900))
			b.load(t, ui.ReportPath(r.ID, "/"))
			pages := chartPages(pk)
			for _, page := range slices.Sorted(maps.Keys(pages)) {
				path := ui.ReportPath(r.ID, page)
				b.goInApp(t, path)
				checkFit(t, b, path, pages[page])
			}
		})
	}
	t.Run("the front page and a body", func(t *testing.T) {
		t.Parallel()
		b := newTab(t, v)
		b.load(t, "/")
		if len(v.index.Bodies) > 1 {
			checkFit(t, b, "/", frontCharts(v.portal))
		}
		body, es := v.bodyWithYears()
		b.goInApp(t, ui.BodyPath(body.ID))
		checkFit(t, b, ui.BodyPath(body.ID), charts.Trend(body.Name, es))
	})
	t.Run("without the app", func(t *testing.T) {
		t.Parallel()
		b := newTab(t, v)
		r := mostRequests(v)
		pages := chartPages(v.packs[r.ID])
		for _, page := range slices.Sorted(maps.Keys(pages)) {
			path := ui.ReportPath(r.ID, page)
			b.run(t, "the first page", chromedp.EmulateViewport(1280, 900))
			b.loadPlain(t, path)
			checkFit(t, b, path+"?wasm=false", pages[page])
		}
	})
}

// selectedStates are the selected controls of a category's page, each
// with what tells it from its unselected neighbour: its fill, text colour,
// underline and outline, as computed.
const selectedStates = `(id => {
	const look = (el) => { const s = getComputedStyle(el); return [s.backgroundColor, s.color, s.textDecorationLine, s.outlineStyle].join("|"); };
	const pairs = [
		[".nav a[aria-current=page]", ".nav a:not([aria-current])"],
		[".drill a[aria-current=true]", ".drill a:not([aria-current])"],
		[id + " .switch-chart", id + " .switch-table"],
	];
	return pairs.map(([on, off]) => {
		const a = document.querySelector(on), b = document.querySelector(off);
		return { on, selected: a ? look(a) : "missing", other: b ? look(b) : "missing" };
	});
})`

type stateLook struct {
	On       string `json:"on"`
	Selected string `json:"selected"`
	Other    string `json:"other"`
}

// In a dark scheme, in forced colours and in print, every selected state
// stays visible; in the dark scheme the status lines (✓ and ⚠) and the
// recovered and blank cells pass axe-core's contrast rules.
func TestColourSchemes(t *testing.T) {
	t.Parallel()
	v, r := pickFrom(t, "an outcome category with reasons", withReasons, portalSite)
	cat := ui.Categories(r)[0]
	path := ui.ReportPath(r.ID, ui.CategoryPath(cat.Key))
	id := "#chart-outcomes-" + cat.Key
	for _, m := range []struct{ name, value string }{{"prefers-color-scheme", "dark"}, {"forced-colors", "active"}} {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			b := newTab(t, v)
			var looks []stateLook
			var card string
			b.run(t, "scheme", emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: m.name, Value: m.value}}))
			b.load(t, path)
			b.run(t, "looks", chromedp.Evaluate(fmt.Sprintf("%s(%q)", selectedStates, id), &looks),
				chromedp.Evaluate(`getComputedStyle(document.querySelector(".chart-canvas")).backgroundColor`, &card))
			for _, l := range looks {
				if l.Selected == "missing" || l.Selected == l.Other {
					t.Errorf("%s: %s looks like its unselected neighbour: %s", m.name, l.On, l.Selected)
				}
				if m.name == "forced-colors" && !strings.HasSuffix(l.Selected, "|solid") {
					t.Errorf("forced colours: %s has no outline: %s", l.On, l.Selected)
				}
			}
			if card != "rgb(255, 255, 255)" {
				t.Errorf("%s: the chart's card is %s, not white", m.name, card)
			}
			if m.name != "prefers-color-scheme" {
				return
			}
			var paper string
			b.eval(t, `getComputedStyle(document.body).backgroundColor`, &paper)
			if paper == "rgb(255, 255, 255)" {
				t.Error("dark scheme: the page stays white")
			}
			b.checkAxe(t, path+" (dark)")
			// The status lines, ✓ and ⚠, and recovered and blank cells.
			pages := []string{"/"}
			for _, has := range []func(e *catalog.Entry) bool{
				func(e *catalog.Entry) bool { return e.Consistency() == catalog.HasFindings },
				func(e *catalog.Entry) bool { return e.Recovered > 0 },
			} {
				if i := slices.IndexFunc(v.index.Reports, func(e catalog.Entry) bool { return has(&e) }); i >= 0 {
					pages = append(pages, ui.ReportPath(v.index.Reports[i].ID, "/"), ui.ReportPath(v.index.Reports[i].ID, "/applicants"))
				}
			}
			for _, p := range pages {
				b.load(t, p)
				b.showAllTables(t)
				b.checkAxe(t, p+" (dark)")
			}
		})
	}
	// A print has no navigation, 图/表 switch or 长者模式 button, keeps a
	// chart on one sheet, and underlines the category in view.
	t.Run("print", func(t *testing.T) {
		t.Parallel()
		b := newTab(t, v)
		var got struct {
			Nav, Switch, Large, Break string
			Current                   string
		}
		b.run(t, "print", emulation.SetEmulatedMedia().WithMedia("print").WithFeatures(nil))
		b.load(t, path)
		b.eval(t, `({Nav: getComputedStyle(document.querySelector(".nav")).display,
				Switch: getComputedStyle(document.querySelector(".switch")).display,
				Large: getComputedStyle(document.querySelector(".large-toggle")).display,
				Break: getComputedStyle(document.querySelector(".panel .chart")).breakInside,
				Current: getComputedStyle(document.querySelector(".drill a[aria-current=true]")).textDecorationLine})`, &got)
		if got.Nav != "none" || got.Switch != "none" || got.Large != "none" || got.Break != "avoid" || got.Current != "underline" {
			t.Errorf("print: navigation %s, switch %s, 长者模式 %s, charts break-inside %s, selected category %q", got.Nav, got.Switch, got.Large, got.Break, got.Current)
		}
	})
}
