package e2e

// The browser tests of issue 23 (open data, embeds, share links and the
// kiosk's QR code, peers and year on year): the examples, with a site file
// that gives a public origin and a licence (the identity site), served
// with two pages of other origins over TLS, as a portal would.

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"fmt"
	"html"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/security"
	"github.com/chromedp/chromedp"

	"nianbao/charts"
	"nianbao/data"
	"nianbao/data/catalog"
	"nianbao/web/site"
)

// shareHost serves a page of another origin that frames src and includes
// the site's resizer, and records the last message an embed sent it.
func shareHost(t *testing.T) *httptest.Server {
	return tlsServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><html lang="zh-CN"><head><title>门户</title></head><body>
<script>window.__embed = null; addEventListener("message", (e) => { if (e.data && e.data.nianbao) window.__embed = e.data; });</script>
<iframe id="f" src="%s" title="嵌入的图表" width="100%%" height="520" style="border:0"></iframe>
<script src="%s" async></script></body></html>`, html.EscapeString(q.Get("src")), html.EscapeString(q.Get("resizer")))
	}))
}

// tlsServer serves h over TLS with the test's certificate, which the
// browser is told to trust, and without logging the handshakes it refuses
// before that.
func tlsServer(t *testing.T, h http.Handler) *httptest.Server {
	srv := httptest.NewUnstartedServer(h)
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv
}

// evalAwait evaluates an expression that returns a promise, into out.
func evalAwait(expr string, out any) chromedp.Action {
	return chromedp.Evaluate(expr, out, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) })
}

func TestShare(t *testing.T) {
	t.Parallel()
	v := identitySite
	browser(t)
	v.build(t)
	sf, err := site.ReadSiteFile(filepath.Join("testdata", "identity", "site.json"))
	if err != nil {
		t.Fatal(err)
	}
	public := sf.PublicOrigin
	if public == "" || sf.Licence == nil {
		t.Fatal("the identity site's file gives no public origin or licence")
	}
	// The embed pages may be framed by one page of another origin (as a
	// site file's frame_ancestors says), not by the other.
	allowed, refused := shareHost(t), shareHost(t)
	srv := tlsServer(t, site.Handler(v.dir, allowed.URL))
	b := openTab(t, v, srv)
	b.otherOrigins = []string{allowed.URL, refused.URL}
	b.run(t, "trusting the test servers", security.SetIgnoreCertificateErrors(true))
	at := b.at
	datasets := v.datasets
	fetchText := func(t *testing.T, u string) string {
		var s string
		b.run(t, "fetching "+u, evalAwait(`fetch(`+strconv.Quote(u)+`).then(r => r.ok ? r.arrayBuffer().then(b => new TextDecoder("utf-8", {ignoreBOM: true}).decode(b)) : "HTTP " + r.status)`, &s))
		return s
	}
	reports := v.reports

	t.Run("the catalog CSV opens with every report and matches the index", func(t *testing.T) {
		var href, size string
		b.run(t, "数据下载", chromedp.Navigate(at("/download?wasm=false")),
			b.poll(`!!document.querySelector("#open-data a[href$='catalog.csv']")`),
			chromedp.Evaluate(`document.querySelector("#open-data a[href$='catalog.csv']").getAttribute("href")`, &href),
			chromedp.Evaluate(`document.querySelector("#open-data a[href$='catalog.csv']").closest("tr").querySelector("[data-bytes]").dataset.bytes`, &size))
		text := fetchText(t, href)
		if strconv.Itoa(len(text)) != size {
			t.Errorf("the page gives %s bytes, the file has %d", size, len(text))
		}
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(text, "\uFEFF"))).ReadAll()
		if err != nil || !strings.HasPrefix(text, "\uFEFF") {
			t.Fatalf("catalog.csv: %v (BOM %v)", err, strings.HasPrefix(text, "\uFEFF"))
		}
		var indexURL string
		b.run(t, "index", chromedp.Evaluate(`JSON.parse(document.querySelector('meta[name="nianbao-site"]').content).index`, &indexURL))
		x, err := wholeIndex([]byte(fetchText(t, indexURL)), func(name string) ([]byte, error) {
			return []byte(fetchText(t, indexURL[:strings.LastIndex(indexURL, "/")+1]+name)), nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows)-1 != len(reports) || len(x.Reports) != len(reports) {
			t.Fatalf("%d catalog rows, %d in the index, %d reports shipped", len(rows)-1, len(x.Reports), len(reports))
		}
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		for i, e := range x.Reports {
			row := rows[i+1]
			if row[col["报告ID"]] != e.ID || row[col["机关"]] != x.BodyOf(&e).Name {
				t.Errorf("row %d: %s %s, the index %s", i+1, row[col["报告ID"]], row[col["机关"]], e.ID)
			}
			for name, v := range map[string]int64{"本年新收": e.New(), "本年办理": e.Handled(),
				"予以公开": e.Figure(catalog.KeyGranted), "行政复议总计": e.Reviews()} {
				if row[col[name]] != strconv.FormatInt(v, 10) {
					t.Errorf("%s %s: %s, the index %d", e.ID, name, row[col[name]], v)
				}
			}
			if got := row[col["页面"]]; got != public+"/r/"+e.ID {
				t.Errorf("%s: page %q", e.ID, got)
			}
		}
		var lic string
		b.run(t, "licence", chromedp.Text("#licence", &lic, chromedp.ByQuery))
		if !strings.Contains(lic, sf.Licence.Title) {
			t.Errorf("licence line %q", lic)
		}
	})

	t.Run("a stable dataset URL returns the same bytes as the hashed file", func(t *testing.T) {
		for _, r := range reports {
			given, err := os.ReadFile(filepath.Join(datasets, r.ID+".json"))
			if err != nil {
				t.Fatal(err)
			}
			stable := fetchText(t, at("/data/reports/"+r.ID+".json"))
			sum := sha256.Sum256(given) // as the build names a data file
			hashed := fetchText(t, at("/data/reports/"+r.ID+"."+hex.EncodeToString(sum[:])[:12]+".json"))
			if stable != string(given) || hashed != string(given) {
				t.Errorf("%s: the stable (%d bytes) and hashed (%d) datasets are not the file given (%d)", r.ID, len(stable), len(hashed), len(given))
			}
		}
		// The stable dataset is the report its hashed pack holds.
		var packURL string
		b.run(t, "a report's page", chromedp.Navigate(at("/r/"+"nantong-city-2019"+"?wasm=false")),
			b.poll(`!!document.querySelector("[data-pack]")`),
			chromedp.Evaluate(`document.querySelector("[data-pack]").dataset.pack`, &packURL))
		// Read as the site's script reads it (nianbao.body inflates it).
		var js string
		b.run(t, "fetching "+packURL, evalAwait(`fetch(`+strconv.Quote(at(packURL))+`).then(r => nianbao.body(r)).then(b => new TextDecoder().decode(b))`, &js))
		pk, err := charts.DecodePack([]byte(js))
		if err != nil {
			t.Fatal(err)
		}
		enc, _ := data.Encode(pk.Report)
		if stable := fetchText(t, at("/data/reports/"+"nantong-city-2019"+".json")); stable != string(enc) {
			t.Error("the stable dataset is not the report of the hashed pack")
		}
		var csvHref string
		b.run(t, "the report's own files", chromedp.Evaluate(`document.querySelector("#report-data a[href$='.csv']").getAttribute("href")`, &csvHref))
		if got := fetchText(t, at(csvHref)); !strings.HasPrefix(got, "table,row,column,value,status\n") {
			t.Errorf("the report's CSV starts %q", got[:min(len(got), 60)])
		}
	})

	embed := at("/embed/r/" + "nantong-city-2019" + "?chart=flow")
	frame := func(host *httptest.Server, src string) string {
		return host.URL + "/?" + url.Values{"src": {src}, "resizer": {at("/web/embed-resize.js")}}.Encode()
	}
	t.Run("an embed page draws its chart without the WASM", func(t *testing.T) {
		b.takeRequests()
		var title, back string
		b.run(t, "the embed page", chromedp.Navigate(embed),
			b.poll(`document.querySelector("figure.embed").dataset.state === "drawn" && !!echarts.getInstanceByDom(document.querySelector(".embed-canvas"))`),
			chromedp.Text(".embed-title", &title, chromedp.ByQuery),
			chromedp.Evaluate(`document.querySelector(".embed-back").getAttribute("href")`, &back))
		if title != "申请的来龙去脉" || back != "/r/"+"nantong-city-2019"+"/outcomes" {
			t.Errorf("title %q, link back %q", title, back)
		}
		for _, u := range b.takeRequests() {
			if strings.Contains(u, ".wasm") || strings.Contains(u, "site.js") {
				t.Errorf("the embed page loaded %s", u)
			}
		}
	})

	t.Run("an embed page in a frame of an allowed origin draws and resizes", func(t *testing.T) {
		var got struct {
			Height string
			Told   float64
		}
		b.run(t, "framed", chromedp.Navigate(frame(allowed, embed)),
			// The embed tells its height again as it draws and fits: wait
			// until the frame has the last height it was told, then read
			// both at one moment (a later message may come between two
			// reads).
			b.poll(`window.__embed && window.__embed.state === "drawn" && document.getElementById("f").style.height === window.__embed.height + "px"`),
			chromedp.Evaluate(`({Height: document.getElementById("f").style.height, Told: window.__embed.height})`, &got))
		height, told := got.Height, got.Told
		if n, _ := strconv.Atoi(strings.TrimSuffix(height, "px")); n < 200 || n != int(told) || n == 520 {
			t.Errorf("the frame's height is %q, the embed told %v", height, told)
		}
		// The site's other pages stay its own, even for that origin.
		b.takeProblems()
		b.run(t, "a report's page framed", chromedp.Navigate(frame(allowed, at("/r/"+"nantong-city-2019"))))
		time.Sleep(2 * time.Second)
		if !refusedFrame(b.takeProblems()) {
			t.Error("a report's page was framed by another origin")
		}
	})

	t.Run("an embed page is refused to an origin not allowed", func(t *testing.T) {
		b.takeProblems()
		var got bool
		b.run(t, "framed elsewhere", chromedp.Navigate(frame(refused, embed)))
		time.Sleep(3 * time.Second)
		b.run(t, "no message", chromedp.Evaluate(`window.__embed !== null`, &got))
		if got {
			t.Error("an embed page ran in a frame of an origin the site file does not name")
		}
		if !refusedFrame(b.takeProblems()) {
			t.Error("Chromium did not say it refused the frame")
		}
	})

	t.Run("图/表 is in the address, restored with the app and without", func(t *testing.T) {
		page := at("/r/" + "nantong-city-2019" + "/outcomes")
		var search string
		b.run(t, "switching to the table", chromedp.Navigate(page+"?wasm=false"),
			b.poll(`document.readyState === "complete" && !!window.nianbao`),
			chromedp.Evaluate(`document.querySelector("#chart-flow .switch-table").click(); location.search`, &search))
		if search != "?wasm=false&table=flow" {
			t.Fatalf("after 表, the address's query is %q", search)
		}
		const flowTable = `!document.querySelector("#chart-flow .chart-table").hidden && document.querySelector("#chart-flow .chart-canvas").hidden && document.querySelector("#chart-flow .switch-table").getAttribute("aria-pressed") === "true" && !document.querySelector("#chart-outcomes .chart-canvas").hidden`
		b.run(t, "reloaded without the app", chromedp.Reload(), b.poll(`document.readyState === "complete" && !!window.nianbao`), b.poll(flowTable))
		b.run(t, "with the app", chromedp.Navigate(page+"?table=flow"), b.poll(appReady), b.poll(flowTable))
		b.run(t, "back to the chart", chromedp.Evaluate(`document.querySelector("#chart-flow .switch-chart").click(); true`, nil),
			b.poll(`location.search === ""`))

		var status, copied string
		b.run(t, "复制链接", chromedp.Evaluate(`document.querySelector(".share-link").click(); true`, nil),
			b.poll(`document.querySelector(".share-status").textContent !== ""`),
			chromedp.Text(".share-status", &status, chromedp.ByQuery))
		if status == "链接已复制。" {
			b.run(t, "clipboard", evalAwait(`navigator.clipboard.readText().catch(() => location.href)`, &copied))
		} else {
			b.run(t, "the field", chromedp.Evaluate(`document.querySelector(".share-status .copy-field").value`, &copied))
		}
		var href string
		b.run(t, "href", chromedp.Evaluate(`location.href`, &href))
		if copied != href {
			t.Errorf("复制链接 gave %q (%s), the page is %q", copied, status, href)
		}

		var snippet string
		b.run(t, "嵌入代码", chromedp.Evaluate(`document.querySelector("#chart-flow .embed-code").click(); true`, nil),
			b.poll(`!!document.querySelector("#chart-flow .embed-box .copy-field")`),
			chromedp.Evaluate(`document.querySelector("#chart-flow .embed-box .copy-field").value`, &snippet))
		if !strings.Contains(snippet, `<iframe src="`+public+`/embed/r/`+"nantong-city-2019"+`?chart=flow"`) || !strings.Contains(snippet, public+"/web/embed-resize.js") {
			t.Errorf("the snippet: %s", snippet)
		}
	})

	t.Run("the QR code decodes to the page's public URL", func(t *testing.T) {
		jsqr, err := os.ReadFile(filepath.Join(repoRoot, "node_modules", "jsqr", "dist", "jsQR.js"))
		if err != nil {
			t.Fatalf("jsqr is installed by npm ci: %v", err)
		}
		b.run(t, "a kiosk", chromedp.Navigate(at("/kiosk")), chromedp.Evaluate(`localStorage.setItem("nianbao-kiosk", "600"); true`, nil),
			chromedp.Navigate(at("/reports?year=2024&level=%E5%B8%82")), b.poll(appReady), b.poll(`!!document.querySelector(".kiosk-qr")`),
			chromedp.Evaluate(`document.querySelector(".kiosk-qr").click(); true`, nil), b.poll(`!!document.querySelector(".qr-dialog svg path")`),
			chromedp.Evaluate(string(jsqr)+";true", nil))
		var decoded, want, shown string
		b.run(t, "decoding", evalAwait(`(async () => {
			const xml = new XMLSerializer().serializeToString(document.querySelector(".qr-dialog svg"));
			const img = new Image();
			img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(xml);
			await img.decode();
			const n = 600, c = document.createElement("canvas");
			c.width = c.height = n;
			const g = c.getContext("2d");
			g.imageSmoothingEnabled = false;
			g.drawImage(img, 0, 0, n, n);
			const r = jsQR(g.getImageData(0, 0, n, n).data, n, n);
			return r ? r.data : "";
		})()`, &decoded),
			chromedp.Evaluate(`"`+public+`" + location.pathname + location.search`, &want),
			chromedp.Text(".qr-url", &shown, chromedp.ByQuery))
		if decoded == "" || decoded != want || shown != want {
			t.Errorf("the QR code decodes to %q and says %q; the page is %q", decoded, shown, want)
		}
		b.run(t, "no longer a kiosk", chromedp.Evaluate(`localStorage.removeItem("nianbao-kiosk"); true`, nil))
	})

	t.Run("peers and year on year on a report's overview", func(t *testing.T) {
		var rows int
		var change, spoken string
		b.run(t, "overview", chromedp.Navigate(at("/r/hongze-district-2024?wasm=false")), b.poll(`!!document.querySelector("#peer-open")`),
			chromedp.Evaluate(`document.querySelectorAll("table.peers tbody tr").length`, &rows),
			chromedp.Text("#figure-handled .figure-change [aria-hidden]", &change, chromedp.ByQuery),
			chromedp.Text("#figure-handled .figure-change .visually-hidden", &spoken, chromedp.ByQuery))
		if rows != len(charts.PeerRates) || !strings.HasPrefix(change, "较上年") || !strings.HasPrefix(spoken, "比上年") && spoken != "与上年持平" {
			t.Errorf("%d peer rows; change %q, spoken %q", rows, change, spoken)
		}
	})

	t.Run("the new pages and controls are accessible", func(t *testing.T) {
		for _, p := range []string{"/download", "/r/hongze-district-2024", "/b/hongze-district"} {
			b.load(t, p)
			b.checkAxe(t, p)
			b.checkTargets(t, p)
		}
		b.run(t, "an embed page", chromedp.Navigate(embed), b.poll(`document.querySelector("figure.embed").dataset.state === "drawn"`))
		b.checkAxe(t, "the embed page")
		// On a phone, the peers table's short headers and cells stay on
		// one line (the table scrolls).
		b.run(t, "a phone", chromedp.EmulateViewport(390, 844))
		defer b.run(t, "a desktop", chromedp.EmulateViewport(1280, 900))
		for _, p := range []string{"/r/hongze-district-2024", "/b/hongze-district"} {
			var wrapped []string
			b.load(t, p)
			b.eval(t, strings.ReplaceAll(shortCellsWrapped, "main table", "main table.peers"), &wrapped)
			if len(wrapped) > 0 {
				t.Errorf("%s: the short cells %q wrap on a phone", p, wrapped)
			}
		}
	})

	t.Run("the first visit of / loads no embed or QR code", func(t *testing.T) {
		b.takeRequests()
		b.run(t, "home", chromedp.Navigate(at("/")), b.poll(`document.readyState === "complete"`))
		for _, u := range b.takeRequests() {
			if strings.Contains(u, "/web/qr.js") || strings.Contains(u, "/web/embed.js") || strings.Contains(u, "/data/reports/") {
				t.Errorf("/ loaded %s", u)
			}
		}
	})
}

// refusedFrame says whether Chromium reported refusing a frame by its
// policy (frame-ancestors or X-Frame-Options).
func refusedFrame(problems []string) bool {
	for _, p := range problems {
		if strings.Contains(p, "frame-ancestors") || strings.Contains(p, "X-Frame-Options") {
			return true
		}
	}
	return false
}
