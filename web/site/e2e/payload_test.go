package e2e

// Issue 13.1: no markup from data, in the browser. (web/site's
// TestPayloadPagesAreText reads the same pages as rendered, without one.)

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"nianbao/web/site/internal/payload"
)

// The payload site's pages in Chromium, prerendered (?wasm=false: the
// page and the site's script) and as the app renders them: no navigation
// away, no dialog, no request to another origin, no error (a violation of
// the Content Security Policy is one), no element from the data, and every
// payload shown as typed.
func TestPayloadInChromium(t *testing.T) {
	t.Parallel()
	for _, app := range []bool{false, true} {
		name := map[bool]string{false: "prerendered", true: "in the app"}[app]
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			b := newTab(t, payloadSite)
			var mu sync.Mutex
			var dialogs, navigations []string
			chromedp.ListenTarget(b.ctx, func(ev any) {
				switch ev := ev.(type) {
				case *page.EventJavascriptDialogOpening:
					mu.Lock()
					dialogs = append(dialogs, string(ev.Type)+": "+ev.Message)
					mu.Unlock()
					go chromedp.Run(b.ctx, page.HandleJavaScriptDialog(false))
				case *page.EventFrameNavigated:
					mu.Lock()
					navigations = append(navigations, ev.Frame.URL)
					mu.Unlock()
				}
			})
			var loaded []string
			for i, p := range payload.Pages {
				// The app opens the first page, and the others by its
				// links, as a visitor goes.
				u := b.at(p.Path)
				switch {
				case !app:
					u += map[bool]string{true: "&", false: "?"}[strings.Contains(u, "?")] + "wasm=false"
					b.run(t, u, chromedp.Navigate(u), b.poll(`document.readyState === "complete" && !!window.nianbao`))
					loaded = append(loaded, u)
				case i == 0:
					b.load(t, p.Path)
					loaded = append(loaded, u)
				default:
					b.goInApp(t, p.Path)
				}
				var text, loc string
				// The app builds a chart's table when it is shown: show them
				// (which puts ?table= in the address: the location is read
				// before).
				b.run(t, "the page's text", chromedp.Sleep(300*time.Millisecond), chromedp.Location(&loc),
					chromedp.Evaluate(showTables, nil), b.poll(tablesShown), chromedp.Evaluate(`document.body.textContent`, &text))
				if loc != u {
					t.Errorf("%s went to %s", u, loc)
				}
				if app || !strings.HasPrefix(p.Path, "/compare") {
					for _, want := range p.Texts {
						if !strings.Contains(text, want) {
							t.Errorf("%s does not show %.80q", u, want)
						}
					}
				}
				var unexpected []string
				b.eval(t, `[...document.querySelectorAll("iframe, img, svg, object, embed, base, meta[http-equiv]:not([http-equiv='Content-Security-Policy']), script:not([src]), [onmouseover], [onerror], [onload], [onfocus], [x], [autofocus], a[href^='javascript:' i]")].map(e => e.outerHTML.slice(0, 200))`, &unexpected)
				for _, e := range unexpected {
					t.Errorf("%s: an element from the data: %s", u, e)
				}
				if strings.HasSuffix(p.Path, "/disclosure") && app {
					// ECharts' tooltips are HTML: each category's, shown.
					var tips []string
					b.eval(t, `(() => {
						const tips = [];
						document.querySelectorAll(".chart-canvas").forEach(el => {
							const c = echarts.getInstanceByDom(el);
							for (let i = 0; i < 12; i++) {
								c.dispatchAction({type: "showTip", seriesIndex: 0, dataIndex: i});
								el.querySelectorAll("div").forEach(d => { if (d.textContent.includes("规章")) tips.push(d.textContent); });
							}
						});
						return tips;
					})()`, &tips)
					if !slices.ContainsFunc(tips, func(s string) bool { return strings.Contains(s, payload.Label) }) {
						t.Errorf("no tooltip shows %q as text: %q", payload.Label, tips)
					}
					b.eval(t, `[...document.querySelectorAll("img, svg, script:not([src]), [onerror], [onload]")].map(e => e.outerHTML.slice(0, 200))`, &unexpected)
					for _, e := range unexpected {
						t.Errorf("an element from a tooltip: %s", e)
					}
				}
			}
			mu.Lock()
			defer mu.Unlock()
			for _, d := range dialogs {
				t.Errorf("a dialog opened: %s", d)
			}
			for _, n := range navigations {
				if !slices.Contains(loaded, n) {
					t.Errorf("a navigation to %s", n)
				}
			}
		})
	}
}
