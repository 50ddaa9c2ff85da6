package e2e

// Without JavaScript (issue 20.7) a page shows every chart's numbers as
// its table, and none of the controls only a script makes work: no blank
// chart boxes, no dead 图/表 or image buttons, no app notice at 0 %.

import (
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	ui "nianbao/app"
)

func TestWithoutJavaScript(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	r := mostRequests(v)
	b.run(t, "scripts off", emulation.SetScriptExecutionDisabled(true))
	for _, path := range []string{ui.ReportPath(r.ID, "/"), ui.ReportPath(r.ID, "/outcomes"), ui.ReportPath(r.ID, "/applicants")} {
		var state struct {
			Tables  int      `json:"tables"`
			Shown   int      `json:"shown"`
			Visible []string `json:"visible"`
		}
		// Runtime.evaluate runs although the page's scripts do not.
		b.run(t, path, chromedp.Navigate(b.at(path)), b.poll(`document.readyState === "complete"`),
			chromedp.Evaluate(`(() => {
				const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
				const tables = [...document.querySelectorAll(".chart-table")];
				const dead = [...document.querySelectorAll(".chart-canvas, .switch, .chart-image, .large-toggle, .share, #app-wasm-loader")].filter(shown);
				return {tables: tables.length, shown: tables.filter(el => shown(el) && el.querySelector("table")).length,
					visible: dead.map(el => el.className || el.id)};
			})()`, &state))
		if state.Tables == 0 || state.Shown != state.Tables {
			t.Errorf("%s without JavaScript: %d of %d charts show their table", path, state.Shown, state.Tables)
		}
		if len(state.Visible) > 0 {
			t.Errorf("%s without JavaScript shows what only a script makes work: %q", path, state.Visible)
		}
	}
}
