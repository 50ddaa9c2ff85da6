package site

// Every page at a phone's and a portrait kiosk's size, in the light, dark
// and forced-colours schemes, with its charts and with its tables: axe-core
// clean, every target at least 44 px, and on the phone a masthead that
// leaves the content most of the screen.

import (
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	ui "nianbao/app"
)

// screenPages are the pages each screen is checked on: the default
// report's, a report's under /r/, and the catalog's.
func screenPages() []string {
	var out []string
	for _, p := range ui.ReportPages {
		out = append(out, p.Path)
	}
	return append(out, "/r/hongze-district-2023/checks", "/reports", "/b/hongze-district",
		"/compare?r=hongze-district-2023,hongze-district-2024", "/ranking", ui.AboutPath)
}

// shortCellsWrapped lists the table cells of at most six characters, text
// alone, that the page breaks over more than one line (规则1 or ✓ 成立 a
// character a line on a phone).
const shortCellsWrapped = `[...document.querySelectorAll("main table th, main table td")]
	.filter(c => c.offsetParent !== null && c.childNodes.length === 1 && c.firstChild.nodeType === Node.TEXT_NODE)
	.filter(c => { const t = c.textContent.trim(); return t.length > 1 && t.length <= 6; })
	.filter(c => { const r = document.createRange(); r.selectNodeContents(c); return r.getClientRects().length > 1; })
	.map(c => c.textContent.trim())`

func TestEveryScreenInChromium(t *testing.T) {
	srv, b := shippedSite(t)
	axe := axeSource(t)

	schemes := []struct {
		name     string
		features []*emulation.MediaFeature
	}{
		{"light", nil},
		{"dark", []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}},
		{"forced colours", []*emulation.MediaFeature{{Name: "forced-colors", Value: "active"}}},
	}
	for _, s := range schemes {
		for _, vp := range []struct{ w, h int64 }{{390, 844}, {1080, 1920}} {
			t.Run(fmt.Sprintf("%s at %d×%d", s.name, vp.w, vp.h), func(t *testing.T) {
				b.run(t, "screen", chromedp.EmulateViewport(vp.w, vp.h),
					emulation.SetEmulatedMedia().WithFeatures(s.features))
				for _, path := range screenPages() {
					where := fmt.Sprintf("%s (%s, %d×%d)", path, s.name, vp.w, vp.h)
					b.run(t, "loading "+where, chromedp.Navigate(srv.URL+path), poll(appReady))
					b.checkAxe(t, axe, where+" charts")
					checkTargets(t, b, where)
					var header float64
					b.run(t, "masthead", chromedp.Evaluate(`document.querySelector(".masthead").getBoundingClientRect().height`, &header))
					// A phone's masthead (brand, report, two rows of tabs)
					// takes at most a quarter of its height.
					if vp.w < 500 {
						t.Logf("%s: masthead %.0f px", where, header)
					}
					if vp.w < 500 && header > float64(vp.h)/4 {
						t.Errorf("%s: the masthead takes %.0f of %d px", where, header, vp.h)
					}
					var wrapped []string
					b.run(t, "tables "+where, chromedp.Evaluate(showTables, nil), poll(tablesShown),
						chromedp.Evaluate(shortCellsWrapped, &wrapped))
					for _, c := range wrapped {
						t.Errorf("%s: the short cell %q wraps", where, c)
					}
					b.checkAxe(t, axe, where+" tables")
				}
				for _, p := range b.takeProblems() {
					t.Error(p)
				}
			})
		}
	}
}
