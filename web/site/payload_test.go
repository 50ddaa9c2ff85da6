package site

// Issue 13.1: no markup from data. A dataset's strings (a body's name,
// section titles, paragraphs, the labels of table 二) stay text on every
// page, whatever they hold.

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	nethtml "golang.org/x/net/html"

	ui "nianbao/app"
	"nianbao/data/dataset"
)

// Payloads: each ends the attribute or element it lands in, in one way or
// another, or is a URL that runs script.
var (
	payloadBody   = `南通市"><meta http-equiv=refresh content=0;url=/phish><script>alert("body")</script>`
	payloadBody2  = `洪泽区' onmouseover='alert(2)' x onmouseover=alert(3) <img src=/x onerror=alert(4)>&amp;`
	payloadTitle1 = `</title></h2><script>alert(5)</script> & &amp; &lt;<!--`
	payloadTitle2 = `javascript:alert(6)`
	payloadPara1  = `"'<>& <script>alert(7)</script> x onmouseover=alert(8) <a href="javascript:alert(9)">link</a> \" \\ ]]> -->`
	payloadLong1  = strings.Repeat("长", 10000)
	payloadLong2  = strings.Repeat("W", 10000)
	payloadLabel  = `规章<img src=/x onerror=alert(10)>`
	payloadItem   = `"><svg onload=alert(11)>`
	payloadValue  = `本年新制作数量' onmouseover='alert(12)`
	payloadSite   = `年报"><script>alert(13)</script>`
	payloadOwner  = `办公室' onfocus='alert(14)' autofocus x='`
)

// payloadSiteFile is a site file full of payloads (as text: a URL that
// runs script is refused by ParseSiteFile).
var payloadSiteFile = &SiteFile{Name: payloadSite, Owner: payloadOwner, Contact: payloadTitle1, ICP: payloadItem, Police: payloadLabel}

// payloadDatasets writes the datasets of a site full of payloads: the
// default report (Nantong 2019) and Hongze 2023, to compare them.
func payloadDatasets(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	edit := func(id string, change func(d map[string]any)) {
		b, err := os.ReadFile(filepath.Join(repoRoot, "data", "datasets", id+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var d map[string]any
		if err := json.Unmarshal(b, &d); err != nil {
			t.Fatal(err)
		}
		change(d)
		if b, err = json.MarshalIndent(d, "", " "); err != nil {
			t.Fatal(err)
		}
		if _, err := dataset.Parse(b); err != nil {
			t.Fatalf("the payload dataset %s is not valid: %v", id, err)
		}
		if err := os.WriteFile(filepath.Join(dir, id+".json"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit("nantong-city-2019", func(d map[string]any) {
		d["body"] = payloadBody
		sections := d["sections"].([]any)
		s0, s1, s2 := sections[0].(map[string]any), sections[1].(map[string]any), sections[2].(map[string]any)
		s0["title"], s1["title"] = payloadTitle1, payloadTitle2
		s0["paragraphs"] = append([]any{payloadPara1, payloadLong1}, s0["paragraphs"].([]any)...)
		s2["paragraphs"] = append([]any{payloadLong2}, s2["paragraphs"].([]any)...)
		row := d["disclosure"].([]any)[0].(map[string]any)
		row["label"], row["item"] = payloadLabel, payloadItem
		row["values"].([]any)[0].(map[string]any)["label"] = payloadValue
		// A row the chart draws too (it draws the 处理决定数量 rows), so
		// that its tooltip shows the label.
		d["disclosure"].([]any)[2].(map[string]any)["label"] = payloadLabel
	})
	edit("hongze-district-2023", func(d map[string]any) { d["body"] = payloadBody2 })
	return dir
}

// payloadPages are the pages to look at, and the payloads each shows as text.
var payloadPages = []struct {
	path  string
	texts []string
}{
	{"/", []string{payloadSite, payloadOwner}},
	{"/r/nantong-city-2019", []string{payloadBody, payloadSite, payloadOwner}},
	{"/r/nantong-city-2019/narrative", []string{payloadBody, payloadTitle1, payloadTitle2, payloadPara1, payloadLong1, payloadLong2}},
	{"/r/nantong-city-2019/disclosure", []string{payloadBody, payloadLabel}},
	{"/r/nantong-city-2019/checks", []string{payloadBody}},
	{"/reports", []string{payloadBody, payloadBody2}},
	{"/b/nantong-city", []string{payloadBody}},
	{"/r/hongze-district-2023", []string{payloadBody2}},
	{"/compare?r=nantong-city-2019,hongze-district-2023", []string{payloadBody, payloadBody2}},
}

// TestPayloadPagesAreText renders every page of the payload site, without
// the WASM or a browser, and reads each with an HTML parser: no element
// or attribute comes from the data, and the data is there as text.
func TestPayloadPagesAreText(t *testing.T) {
	out := t.TempDir()
	s, err := readSite(payloadDatasets(t))
	if err != nil {
		t.Fatal(err)
	}
	w := &writer{dir: out}
	if err := s.writeData(w); err != nil {
		t.Fatal(err)
	}
	if s.identity, err = payloadSiteFile.identity(s); err != nil {
		t.Fatal(err)
	}
	ui.SetSite(s.identity)
	defer ui.SetSite(ui.Site{})
	if err := s.writePages(w, 2); err != nil {
		t.Fatal(err)
	}
	for _, p := range payloadPages {
		name := "index.html"
		if pth, _, _ := strings.Cut(p.path, "?"); pth != "/" {
			name = strings.TrimPrefix(pth, "/") + ".html"
		}
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := nethtml.Parse(strings.NewReader(string(b)))
		if err != nil {
			t.Fatal(err)
		}
		var text strings.Builder
		var title string
		metas := map[string]string{}
		var walk func(n *nethtml.Node)
		walk = func(n *nethtml.Node) {
			switch n.Type {
			case nethtml.TextNode:
				if n.Parent.Data != "style" && n.Parent.Data != "script" {
					text.WriteString(n.Data)
				}
			case nethtml.ElementNode:
				for _, problem := range markupFromData(n) {
					t.Errorf("%s: %s", p.path, problem)
				}
				attr := func(k string) string {
					for _, a := range n.Attr {
						if a.Key == k {
							return a.Val
						}
					}
					return ""
				}
				if n.Data == "title" && n.FirstChild != nil {
					title = n.FirstChild.Data
				}
				if n.Data == "meta" {
					metas[attr("name")+attr("property")] = attr("content")
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if !strings.HasPrefix(p.path, "/compare") {
			for _, want := range p.texts {
				if !strings.Contains(text.String(), want) {
					t.Errorf("%s: the page's text lacks %.80q", p.path, want)
				}
			}
		}
		// A report's pages name its body as their author; the others the
		// site's owner. Every title ends with the site's name.
		author := payloadOwner
		switch {
		case strings.HasPrefix(p.path, "/r/hongze"):
			author = payloadBody2
		case strings.HasPrefix(p.path, "/r/nantong"):
			author = payloadBody
		}
		if metas["og:title"] != title || metas["author"] != author || !strings.Contains(metas["keywords"], author) && author != payloadOwner {
			t.Errorf("%s: the head's title %q, og:title %q, author %q, keywords %q", p.path, title, metas["og:title"], metas["author"], metas["keywords"])
		}
		if !strings.HasSuffix(title, payloadSite) {
			t.Errorf("%s: the title %q does not end with the site's name", p.path, title)
		}
	}
	// The manifest is JSON whatever the data.
	b, err := s.manifest()
	if err != nil {
		t.Fatal(err)
	}
	var manifest map[string]any
	if err := json.Unmarshal(b, &manifest); err != nil {
		t.Errorf("manifest.webmanifest: %v\n%s", err, b)
	}
}

// siteScripts are the only scripts a page names.
var siteScripts = []string{echartsJS, siteJS}

// attrNameRE is an attribute name as XML and HTML both read it.
var attrNameRE = regexp.MustCompile(`^[a-zA-Z_:][-a-zA-Z0-9_:.]*$`)

// markupFromData says what of an element could only have come from a
// payload: an event handler, a script URL, a refresh, an element the app
// never makes.
func markupFromData(n *nethtml.Node) []string {
	var problems []string
	switch n.Data {
	case "iframe", "img", "svg", "object", "embed", "frame", "base", "form":
		if n.Data != "form" || attrOf(n, "role") != "search" {
			problems = append(problems, "a <"+n.Data+"> element")
		}
	case "script":
		if !slices.Contains(siteScripts, attrOf(n, "src")) || n.FirstChild != nil {
			problems = append(problems, fmt.Sprintf("a script %q", attrOf(n, "src")))
		}
	case "meta":
		if e := attrOf(n, "http-equiv"); e != "" && !strings.EqualFold(e, "Content-Security-Policy") {
			problems = append(problems, "a <meta http-equiv="+e+">")
		}
	}
	for _, a := range n.Attr {
		v := strings.ToLower(strings.TrimSpace(a.Val))
		switch {
		case strings.HasPrefix(a.Key, "on"):
			problems = append(problems, fmt.Sprintf("<%s %s=%q>", n.Data, a.Key, a.Val))
		case (a.Key == "href" || a.Key == "src" || a.Key == "action") && strings.HasPrefix(v, "javascript:"):
			problems = append(problems, fmt.Sprintf("<%s %s=%q>", n.Data, a.Key, a.Val))
		case !attrNameRE.MatchString(a.Key) || a.Key == "x" || a.Key == "autofocus":
			problems = append(problems, fmt.Sprintf("<%s> has an attribute %q", n.Data, a.Key))
		}
	}
	return problems
}

func attrOf(n *nethtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// TestPayloadInChromium builds the payload site and opens its pages in
// Chromium, with the WASM and without it (?wasm=false, the prerendered
// page): no navigation away, no dialog, no request to another origin, no
// error (a violation of the Content Security Policy is one), and every
// payload shown as typed.
func TestPayloadInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("Chromium tests run in make test, not with -short")
	}
	b := newBrowser(t)
	defer b.cancel()
	dir := filepath.Join(t.TempDir(), "dist")
	o := testOptions(t, dir)
	o.Datasets = payloadDatasets(t)
	buildSite(t, o)
	srv := httptest.NewServer(siteHandler(dir))
	defer srv.Close()

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
	visited := map[string]bool{}
	for _, p := range payloadPages {
		for _, wasm := range []bool{true, false} {
			u := srv.URL + p.path
			if !wasm {
				u += map[bool]string{true: "&", false: "?"}[strings.Contains(u, "?")] + "wasm=false"
			}
			visited[u] = true
			t.Run(strings.TrimPrefix(u, srv.URL), func(t *testing.T) {
				ready := poll(appReady)
				if !wasm {
					ready = poll(`document.readyState === "complete" && !!window.nianbao`)
				}
				var text, loc, title string
				// The app builds a chart's table when it is shown: show them.
				b.run(t, "loading", chromedp.Navigate(u), ready, chromedp.Sleep(300*time.Millisecond),
					chromedp.Evaluate(showTables, nil), poll(tablesShown),
					chromedp.Evaluate(`document.body.textContent`, &text), chromedp.Location(&loc), chromedp.Title(&title))
				if loc != u {
					t.Errorf("the page went to %s", loc)
				}
				if wasm || !strings.HasPrefix(p.path, "/compare") {
					for _, want := range p.texts {
						if !strings.Contains(text, want) {
							t.Errorf("the page does not show %.80q", want)
						}
					}
				}
				var unexpected []string
				b.run(t, "elements", chromedp.Evaluate(`[...document.querySelectorAll("iframe, img, svg, object, embed, base, meta[http-equiv]:not([http-equiv='Content-Security-Policy']), script:not([src]), [onmouseover], [onerror], [onload], [onfocus], [x], a[href^='javascript:' i]")].map(e => e.outerHTML.slice(0, 200))`, &unexpected))
				for _, e := range unexpected {
					t.Errorf("an element from the data: %s", e)
				}
				if p.path == "/disclosure" && wasm {
					// ECharts' tooltips are HTML: each category's, shown.
					var tips []string
					b.run(t, "tooltips", chromedp.Evaluate(`(() => {
						const tips = [];
						document.querySelectorAll(".chart-canvas").forEach(el => {
							const c = echarts.getInstanceByDom(el);
							for (let i = 0; i < 12; i++) {
								c.dispatchAction({type: "showTip", seriesIndex: 0, dataIndex: i});
								el.querySelectorAll("div").forEach(d => { if (d.textContent.includes("规章")) tips.push(d.textContent); });
							}
						});
						return tips;
					})()`, &tips))
					if !slices.ContainsFunc(tips, func(s string) bool { return strings.Contains(s, payloadLabel) }) {
						t.Errorf("no tooltip shows %q as text: %q", payloadLabel, tips)
					}
					b.run(t, "elements after the tooltips", chromedp.Evaluate(`[...document.querySelectorAll("img, svg, script:not([src]), [onerror], [onload]")].map(e => e.outerHTML.slice(0, 200))`, &unexpected))
					for _, e := range unexpected {
						t.Errorf("an element from a tooltip: %s", e)
					}
				}
				for _, pr := range b.takeProblems() {
					t.Errorf("%s", pr) // a CSP violation among them
				}
			})
		}
	}
	mu.Lock()
	defer mu.Unlock()
	for _, d := range dialogs {
		t.Errorf("a dialog opened: %s", d)
	}
	for _, n := range navigations {
		if !visited[n] {
			t.Errorf("a navigation to %s", n)
		}
	}
	for _, u := range b.takeRequests() {
		if !strings.HasPrefix(u, srv.URL+"/") && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
			t.Errorf("a request to another origin: %s", u)
		}
	}
}
