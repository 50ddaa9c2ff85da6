package site

// Every chart of every shipped report, drawn in Chromium at a phone's and a
// kiosk's size: drawn, with every text inside its canvas, none cut short
// ("法…"), and at the page's type size.

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	ui "nianbao/app"
	"nianbao/charts"
	"nianbao/charts/echarts"
	"nianbao/data"
	"nianbao/data/dataset"
)

// viewports are a common phone, the narrowest phone, and a portrait kiosk.
var viewports = []struct{ w, h int64 }{{390, 844}, {320, 640}, {1080, 1920}}

// chartPages are a report's pages with charts, each with the charts it
// shows, from the same functions the build uses.
func chartPages(r *data.Report) map[string][]charts.Chart {
	all := map[string]charts.Chart{}
	for _, c := range echarts.All(r) {
		all[c.ID] = c
	}
	pages := map[string][]charts.Chart{
		"/":           {all["outcomes"]},
		"/outcomes":   {all["outcomes"], all["flow"]},
		"/applicants": {all["applicants"], all["outcomes-by-applicant"]},
		"/appeals":    {all["appeals"]},
		"/disclosure": {all["disclosure"]},
	}
	for _, c := range r.Requests.Categories() {
		if len(c.Rows) > 1 {
			pages["/outcomes?cat="+c.Key] = []charts.Chart{all["outcomes-"+c.Key], all["flow"]}
		}
	}
	return pages
}

// chartsDrawn is true when each of the charts (by ID and summary) is on the
// page, drawn with its own option, at its element's size.
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
		const o = i.getOption();
		const aria = [].concat(o.aria || [])[0];
		return aria && aria.label.description === c.Summary &&
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

func TestChartsFitEveryScreenInChromium(t *testing.T) {
	srv, b := shippedSite(t)
	reports, err := dataset.ReadDir(testOptions(t, "").Datasets)
	if err != nil {
		t.Fatal(err)
	}

	check := func(t *testing.T, where string, cs []charts.Chart) {
		t.Helper()
		for _, vp := range viewports {
			var problems []string
			b.run(t, fmt.Sprintf("%s at %d×%d", where, vp.w, vp.h), chromedp.EmulateViewport(vp.w, vp.h),
				poll(chartsDrawn(cs)), chromedp.Sleep(300*time.Millisecond), poll(chartsDrawn(cs)),
				chromedp.Evaluate(labelProblems, &problems))
			for _, p := range problems {
				t.Errorf("%s at %d×%d: %s", where, vp.w, vp.h, p)
			}
		}
	}

	// The app's charts (app/echarts.go), page by page within the app.
	for _, r := range reports {
		r := r
		t.Run(r.ID, func(t *testing.T) {
			b.run(t, "loading "+r.ID, chromedp.EmulateViewport(1280, 900),
				chromedp.Navigate(srv.URL+ui.ReportPath(r.ID, "/")), poll(appReady))
			for page, cs := range chartPages(r) {
				path := ui.ReportPath(r.ID, page)
				b.run(t, "to "+path, chromedp.Evaluate(fmt.Sprintf(`history.pushState({}, "", %q); window.onpopstate(new PopStateEvent("popstate")); true`, path), nil),
					poll(fmt.Sprintf(`location.pathname + location.search === %q`, path)), poll(appReady))
				check(t, path, cs)
			}
			for _, p := range b.takeProblems() {
				t.Error(p)
			}
		})
	}

	// The prerendered charts, drawn by web/charts-early.js without the WASM.
	t.Run("without the WASM", func(t *testing.T) {
		r := reports[0]
		for page, cs := range chartPages(r) {
			if len(page) > len("/outcomes") {
				continue // a category's reasons are a query: the app's to draw
			}
			path := ui.ReportPath(r.ID, page)
			b.run(t, "loading "+path, chromedp.EmulateViewport(1280, 900),
				chromedp.Navigate(srv.URL+path+"?wasm=false"), poll(`document.readyState === "complete" && !!window.nianbao`))
			check(t, path+"?wasm=false", cs)
		}
		for _, p := range b.takeProblems() {
			t.Error(p)
		}
	})
}

// selectedStates are the selected controls of /outcomes?cat=denied, each
// with what tells it from its unselected neighbour: its fill, text colour,
// underline and outline, as computed.
const selectedStates = `(() => {
	const look = (el) => { const s = getComputedStyle(el); return [s.backgroundColor, s.color, s.textDecorationLine, s.outlineStyle].join("|"); };
	const pairs = [
		[".nav a[aria-current=page]", ".nav a:not([aria-current])"],
		[".drill a[aria-current=true]", ".drill a:not([aria-current])"],
		["#chart-outcomes-denied .switch-chart", "#chart-outcomes-denied .switch-table"],
	];
	return pairs.map(([on, off]) => {
		const a = document.querySelector(on), b = document.querySelector(off);
		return { on, selected: a ? look(a) : "missing", other: b ? look(b) : "missing" };
	});
})()`

type stateLook struct {
	On       string `json:"on"`
	Selected string `json:"selected"`
	Other    string `json:"other"`
}

// In a dark scheme, in forced colours and in print, every selected state
// stays visible, and the dark scheme passes axe-core's contrast rules.
func TestColourSchemesInChromium(t *testing.T) {
	srv, b := shippedSite(t)
	axe := axeSource(t)

	for _, m := range []struct{ name, value string }{{"prefers-color-scheme", "dark"}, {"forced-colors", "active"}} {
		t.Run(m.name, func(t *testing.T) {
			var looks []stateLook
			var card string
			b.run(t, "loading", emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: m.name, Value: m.value}}),
				chromedp.Navigate(srv.URL+"/outcomes?cat=denied"), poll(appReady),
				poll(`!!document.querySelector("#chart-outcomes-denied")`),
				chromedp.Evaluate(selectedStates, &looks),
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
			if m.name == "prefers-color-scheme" {
				var paper string
				b.run(t, "paper", chromedp.Evaluate(`getComputedStyle(document.body).backgroundColor`, &paper))
				if paper == "rgb(255, 255, 255)" {
					t.Error("dark scheme: the page stays white")
				}
				b.checkAxe(t, axe, "/outcomes?cat=denied (dark)")
				// The status lines, ✓ and ⚠, and recovered and blank cells.
				for _, path := range []string{"/", "/r/hongze-district-2023", "/applicants"} {
					b.run(t, path, chromedp.Navigate(srv.URL+path), poll(appReady), chromedp.Evaluate(showTables, nil), poll(tablesShown))
					b.checkAxe(t, axe, path+" (dark)")
				}
			}
			for _, p := range b.takeProblems() {
				t.Error(p)
			}
		})
	}

	t.Run("print", func(t *testing.T) {
		var got struct {
			Nav, Switch, Break string
			Current            string
		}
		b.run(t, "print", emulation.SetEmulatedMedia().WithMedia("print").WithFeatures(nil),
			chromedp.Navigate(srv.URL+"/outcomes?cat=denied"), poll(appReady),
			chromedp.Evaluate(`({Nav: getComputedStyle(document.querySelector(".nav")).display,
				Switch: getComputedStyle(document.querySelector(".switch")).display,
				Break: getComputedStyle(document.querySelector(".panel")).breakInside,
				Current: getComputedStyle(document.querySelector(".drill a[aria-current=true]")).textDecorationLine})`, &got))
		if got.Nav != "none" || got.Switch != "none" || got.Break != "avoid" || got.Current != "underline" {
			t.Errorf("print: navigation %s, switch %s, panels break-inside %s, selected category %q", got.Nav, got.Switch, got.Break, got.Current)
		}
	})
}
