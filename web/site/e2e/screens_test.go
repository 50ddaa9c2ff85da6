package e2e

// Every kind of page at a phone's and a portrait kiosk's size, in the
// light, dark and forced-colours schemes: axe-core clean, every target at
// least 44 px, no short table cell broken over lines, and on the phone a
// masthead that leaves the content most of the screen.

import (
	"fmt"
	"slices"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	ui "nianbao/app"
	"nianbao/data"
	"nianbao/data/catalog"
)

// screenPages are a page of every kind of the shipped portal: the front
// page, every page of its busiest report and a category's reasons, the
// checks of a report with findings, the overview of the report whose
// body's name is longest (the masthead's longest line), the catalog, a
// body, a comparison, a ranking and the about page.
func screenPages(t testing.TB, v *variant) []string {
	out := append([]string{"/"}, reportPages(mostRequests(v))...)
	for _, x := range v.reports {
		if v.entry(x.ID).Consistency() == catalog.HasFindings {
			out = append(out, ui.ReportPath(x.ID, "/checks"))
			break
		}
	}
	long := slices.MaxFunc(v.reports, func(a, b *data.Report) int { return len([]rune(a.Body)) - len([]rune(b.Body)) })
	body, es := v.bodyWithYears()
	out = append(out, ui.ReportPath(long.ID, "/"), "/reports", ui.BodyPath(body.ID))
	if len(es) >= 2 {
		out = append(out, "/compare?r="+es[len(es)-2].ID+","+es[len(es)-1].ID)
	}
	return append(out, fmt.Sprintf("/ranking?year=%d", v.portal.Year), ui.AboutPath)
}

// shortCellsWrapped lists the table cells of at most six characters, text
// alone, that the page breaks over more than one line (规则1 or ✓ 成立 a
// character a line on a phone).
const shortCellsWrapped = `[...document.querySelectorAll("main table th, main table td")]
	.filter(c => c.offsetParent !== null && c.childNodes.length === 1 && c.firstChild.nodeType === Node.TEXT_NODE)
	.filter(c => { const t = c.textContent.trim(); return t.length > 1 && t.length <= 6; })
	.filter(c => { const r = document.createRange(); r.selectNodeContents(c); return r.getClientRects().length > 1; })
	.map(c => c.textContent.trim())`

// schemes are the colour schemes a page must read well in.
var schemes = []struct {
	name     string
	features []*emulation.MediaFeature
}{
	{"light", nil},
	{"dark", []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}},
	{"forced colours", []*emulation.MediaFeature{{Name: "forced-colors", Value: "active"}}},
}

// screens are a phone's and a portrait kiosk's.
var screens = []struct{ w, h int64 }{{390, 844}, {1080, 1920}}

// Each screen (a size in a scheme) runs in a tab of its own. axe-core
// checks every kind of page once per screen: with its charts on one of
// the scheme's two sizes and with its tables on the other, so that both
// views of each page are checked in each scheme.
func TestEveryScreen(t *testing.T) {
	t.Parallel()
	v := portalSite
	browser(t)
	v.build(t)
	pages := screenPages(t, v)
	for si, s := range schemes {
		for vi, vp := range screens {
			t.Run(fmt.Sprintf("%s at %d×%d", s.name, vp.w, vp.h), func(t *testing.T) {
				t.Parallel()
				b := newTab(t, v)
				b.run(t, "screen", chromedp.EmulateViewport(vp.w, vp.h), emulation.SetEmulatedMedia().WithFeatures(s.features))
				for k, path := range pages {
					where := fmt.Sprintf("%s (%s, %d×%d)", path, s.name, vp.w, vp.h)
					charts := (si*len(screens)+vi+k)%2 == 0
					// Page after page within the app, as a visitor goes
					// (no two pages in a row are of one kind: the app would
					// keep the first one's tables in view).
					if k == 0 {
						b.load(t, path)
					} else {
						b.goInApp(t, path)
					}
					if charts {
						b.checkAxe(t, where+" charts")
					}
					b.checkTargets(t, where)
					var header float64
					b.eval(t, `document.querySelector(".masthead").getBoundingClientRect().height`, &header)
					// A phone's masthead (brand, report, two rows of
					// tabs) takes at most a quarter of its height.
					if vp.w < 500 && header > float64(vp.h)/4 {
						t.Errorf("%s: the masthead takes %.0f of %d px", where, header, vp.h)
					}
					b.showAllTables(t)
					var wrapped []string
					b.eval(t, shortCellsWrapped, &wrapped)
					for _, c := range wrapped {
						t.Errorf("%s: the short cell %q wraps", where, c)
					}
					if !charts {
						b.checkAxe(t, where+" tables")
					}
				}
			})
		}
	}
}

// On a phone a report's row of tabs is wider than the screen: a page
// opened on a tab far along it has the row scrolled to show that tab
// (web/js/nav.js showTab, in the first frame's rendering), the page itself
// not scrolled.
func TestTheCurrentTabIsInView(t *testing.T) {
	t.Parallel()
	b := newTab(t, portalSite)
	b.run(t, "a small phone", chromedp.EmulateViewport(320, 640))
	id := mostRequests(portalSite).ID
	for _, path := range []string{ui.ReportPath(id, "/checks"), ui.ReportPath(id, "/narrative")} {
		b.loadPlain(t, path)
		var got struct {
			Overflows, Shown bool
			PageY            float64
		}
		b.run(t, "the row of tabs on "+path, chromedp.Evaluate(`(() => {
			const a = document.querySelector('.nav a[aria-current="page"]'), nav = a.closest(".nav");
			const r = a.getBoundingClientRect(), n = nav.getBoundingClientRect();
			return { overflows: nav.scrollWidth > nav.clientWidth, shown: r.left >= n.left - 1 && r.right <= n.right + 1, pageY: scrollY };
		})()`, &got))
		if !got.Overflows {
			t.Fatalf("%s at 320 px: the row of tabs fits the screen, and the test needs one that does not", path)
		}
		if !got.Shown || got.PageY != 0 {
			t.Errorf("%s at 320 px: the current tab shown %v, the page scrolled to %.0f", path, got.Shown, got.PageY)
		}
	}
}
