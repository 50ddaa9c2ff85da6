package e2e

// 发布前体检 (/precheck), rule 6 on 数据校验 and 一图读懂, in Chromium
// (issue 24): drafts dropped on the page give the findings the import
// command prints, with no request after the file is chosen. On the
// examples (the identity site), whose reports the test knows.

import (
	"bytes"
	"encoding/base64"
	"image/png"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"nianbao/charts"
	"nianbao/data/importer"
)

// importerTestdata is a report of the importer's test data.
func importerTestdata(name string) string {
	p, _ := filepath.Abs(filepath.Join(repoRoot, "data", "importer", "testdata", name))
	return p
}

// importLines are the lines `nianbao import FILE` prints for its notes,
// without the file's name, sorted.
func importLines(t *testing.T, path string) []string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := importer.Command([]string{path}, &stdout, &stderr); err != nil {
		t.Fatalf("import %s: %v", path, err)
	}
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
		if l != "" {
			out = append(out, strings.TrimPrefix(l, path+": "))
		}
	}
	sort.Strings(out)
	return out
}

// precheckNote is a note as the page shows it.
type precheckNote struct {
	Kind string `json:"kind"`
	Line string `json:"line"`
	Text string `json:"text"`
}

const precheckNotesJS = `[...document.querySelectorAll("#precheck-results .precheck-note")].map(li => ({
	kind: li.closest("[data-kind]").dataset.kind, line: li.dataset.line, text: li.textContent}))`

// dropFile chooses a file in the page's input as a visitor does (Chromium's
// DOM.setFileInputFiles), waits for its result and returns the notes shown,
// the milliseconds the page took from the choice to the result shown, and
// the requests made meanwhile: those the page's Network events show and
// those that reached the server.
func dropFile(t *testing.T, b *tab, server *serverLog, path string) ([]precheckNote, int, []string) {
	t.Helper()
	b.run(t, "clearing the last result", chromedp.Evaluate(`document.getElementById("precheck-results").removeAttribute("data-ms")`, nil))
	b.takeRequests()
	server.take()
	var notes []precheckNote
	var ms int
	b.run(t, "checking "+filepath.Base(path),
		chromedp.SetUploadFiles("#precheck-file", []string{path}, chromedp.ByQuery),
		b.poll(`document.getElementById("precheck-results").dataset.ms`),
		chromedp.Evaluate(precheckNotesJS, &notes),
		chromedp.Evaluate(`+document.getElementById("precheck-results").dataset.ms`, &ms))
	return notes, ms, append(b.takeRequests(), server.take()...)
}

// serverLog records every request that reaches the site's server: from the
// page, its workers and its service worker alike (the page's own Network
// events do not show what a worker asks for).
type serverLog struct {
	h    http.Handler
	mu   sync.Mutex
	urls []string
}

func (s *serverLog) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.urls = append(s.urls, r.URL.Path)
	s.mu.Unlock()
	s.h.ServeHTTP(w, r)
}

func (s *serverLog) take() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.urls
	s.urls = nil
	return u
}

func TestPrecheckInfographic(t *testing.T) {
	t.Parallel()
	b := newTab(t, identitySite)
	at := b.at
	srv := b.srv
	server := &serverLog{h: srv.Config.Handler}
	srv.Config.Handler = server // before the first request

	// The 2024 report of 平潭 visited twice (the second time under the
	// service worker, which keeps its pack): the 2025 draft's cross-year
	// check then reads every column from the cache.
	b.run(t, "visiting 平潭 2024", chromedp.Navigate(at("/r/pingtan-zone-2024/")), b.poll(appReady),
		b.poll(`navigator.serviceWorker.controller`))
	b.run(t, "visiting 平潭 2024 again", chromedp.Navigate(at("/r/pingtan-zone-2024/")), b.poll(appReady))

	t.Run("precheck", func(t *testing.T) {
		// Reached in the app, from the footer's link: the site's script
		// starts the check on the page go-app renders.
		server.take()
		b.run(t, "opening /precheck", chromedp.Click(".footer-precheck a", chromedp.ByQuery), b.poll(`location.pathname === "/precheck"`), b.poll(appReady),
			b.poll(`document.getElementById("precheck-state").dataset.ready === "true"`),
			b.poll(`document.documentElement.dataset.precheckOffline === "true"`))
		var privacy string
		b.run(t, "reading the page", chromedp.Text(".precheck-privacy", &privacy, chromedp.ByQuery))
		if !strings.Contains(privacy, "不会上传") || !strings.Contains(privacy, "不再发出任何网络请求") {
			t.Errorf("the page does not say nothing leaves the device: %q", privacy)
		}
		before := server.take()
		if !slices.ContainsFunc(before, func(u string) bool { return strings.HasPrefix(u, "/web/precheck.") && strings.HasSuffix(u, ".wasm") }) {
			t.Fatalf("the checker's WebAssembly was not seen loading before a file was chosen: %q", before)
		}

		// The browser checks for a new version of the service worker
		// about a second after a page of its scope opens, whatever the
		// page does (it is no request of the page's, and carries nothing
		// of a file): wait for it, so that what follows is exact.
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if slices.Contains(server.take(), "/app-worker.js") {
				break
			}
		}
		// Real reports: the same findings as the command line, and no
		// request once the file is chosen.
		for _, name := range []string{"hongze-district-2024.docx", "pingtan-zone-2025.html"} {
			path := importerTestdata(name)
			notes, _, reqs := dropFile(t, b, server, path)
			if len(reqs) > 0 {
				t.Errorf("%s: requests after the file was chosen: %q", name, reqs)
			}
			var got []string
			for _, n := range notes {
				if n.Kind != importer.NoteCrossYear {
					got = append(got, n.Line)
				}
			}
			sort.Strings(got)
			if want := importLines(t, path); !slices.Equal(got, want) {
				t.Errorf("%s: the page shows\n%q\nthe import command prints\n%q", name, got, want)
			}
		}
		var head string
		b.run(t, "reading the head", chromedp.Text(".precheck-head", &head, chromedp.ByQuery))
		if !strings.Contains(head, "平潭综合实验区2025年政府信息公开工作年度报告") || !strings.Contains(head, "已与本站收录的上年报告逐列核对") {
			t.Errorf("平潭 2025 was not checked against 2024 in every column: %q", head)
		}

		// A draft with an edited number: the exact findings, both sides.
		dir := t.TempDir()
		page, err := os.ReadFile(importerTestdata("pingtan-zone-2025.html"))
		if err != nil {
			t.Fatal(err)
		}
		edit := func(s, mark, old, new string) string {
			i := strings.Index(s, mark)
			j := strings.Index(s[i:], old)
			if i < 0 || j < 0 {
				t.Fatalf("no %q after %q", old, mark)
			}
			return s[:i+j] + new + s[i+j+len(old):]
		}
		draft := filepath.Join(dir, "草稿-改了一个数.html")
		os.WriteFile(draft, []byte(edit(string(page), "一、本年新收政府信息公开申请数量", "<p>151</p>", "<p>152</p>")), 0o644)
		notes, _, reqs := dropFile(t, b, server, draft)
		if len(reqs) > 0 {
			t.Errorf("edited draft: requests after the file was chosen: %q", reqs)
		}
		var checks []precheckNote
		for _, n := range notes {
			if n.Kind == importer.NoteCheck {
				checks = append(checks, n)
			}
		}
		if len(checks) != 2 || checks[0].Line != "finding: rule 1, 表三 total / natural_person: printed 147, the rule wants 148" ||
			checks[1].Line != "finding: rule 3, 表三 new / total: printed 154, the rule wants 155" ||
			!strings.Contains(checks[1].Text, "表三 · 一、本年新收政府信息公开申请数量 · 总计列") ||
			!strings.Contains(checks[1].Text, "印的是 154") || !strings.Contains(checks[1].Text, "自然人 152") ||
			!strings.Contains(checks[1].Text, "怎样改：若其他数字无误，把表三“一、本年新收政府信息公开申请数量”总计列改为 155") {
			t.Errorf("edited draft: %+v", checks)
		}

		// A typo'd label, named with the template's.
		typo := filepath.Join(dir, "草稿-表头错字.html")
		os.WriteFile(typo, []byte(edit(string(page), "四、政府信息公开行政复议", "<p>行政复议</p>", "<p>行政法复议</p>")), 0o644)
		notes, _, _ = dropFile(t, b, server, typo)
		var labels []string
		for _, n := range notes {
			if n.Kind == importer.NoteLabel {
				labels = append(labels, n.Text)
			}
		}
		if len(labels) != 1 || !strings.Contains(labels[0], "表四的表头印作“行政法复议”，2021年版统一格式（国办公开办函〔2021〕30号）为“行政复议”。") ||
			!strings.Contains(labels[0], "怎样改：把“行政法复议”改为“行政复议”。") {
			t.Errorf("typo'd label: %q", labels)
		}

		// A PDF: what to do instead.
		notes, _, _ = dropFile(t, b, server, importerTestdata("huaian-city-2024.pdf"))
		if len(notes) != 1 || notes[0].Kind != importer.NoteRefused || !strings.Contains(notes[0].Text, "nianbao import") {
			t.Errorf("PDF: %+v", notes)
		}

		// The time from the choice to the findings shown, at 4× CPU
		// slowdown: measured, not judged (the machine is shared).
		b.run(t, "slowing the CPU", emulation.SetCPUThrottlingRate(4))
		times := map[string][]int{}
		for i := 0; i < 10; i++ {
			name := []string{"hongze-district-2024.docx", "pingtan-zone-2025.html"}[i%2]
			_, ms, _ := dropFile(t, b, server, importerTestdata(name))
			times[name] = append(times[name], ms)
		}
		b.run(t, "CPU back", emulation.SetCPUThrottlingRate(1))
		for name, ms := range times {
			t.Logf("%s: from the file chosen to the findings shown, 4× CPU slowdown: %v ms", name, ms)
		}
		b.checkAxe(t, "/precheck with findings")
		b.checkTargets(t, "/precheck with findings")
	})

	t.Run("rule 6 on 数据校验", func(t *testing.T) {
		var text string
		b.run(t, "checks", chromedp.Navigate(at("/r/hongze-district-2024/checks")), b.poll(appReady),
			chromedp.Text(`section[aria-labelledby="narrative-findings-title"]`, &text, chromedp.ByQuery))
		for _, want := range []string{"正文与表格（1 处）", "一、本年新收政府信息公开申请数量", "95", "17", "2024年，区政府办代表区政府受理政府信息公开申请17件，均已在法定期限内予以答复。"} {
			if !strings.Contains(text, want) {
				t.Errorf("数据校验's rule 6 lacks %q: %q", want, text)
			}
		}
		var rule6 string
		b.run(t, "rules table", chromedp.Evaluate(`[...document.querySelectorAll("table tr")].map(tr => tr.textContent).find(s => s.startsWith("规则6")) || ""`, &rule6))
		if !strings.Contains(rule6, "1 处不符") {
			t.Errorf("rule 6 in the rules table: %q", rule6)
		}
	})

	t.Run("一图读懂", func(t *testing.T) {
		for _, id := range []string{"hongze-district-2024", "pingtan-zone-2025"} {
			r := identitySite.report(t, id)
			var src, alt, svg string
			b.run(t, id+": making the image", chromedp.Navigate(at("/r/"+id+"/")), b.poll(appReady),
				chromedp.Click(".infographic-make", chromedp.ByQuery),
				b.poll(`document.querySelector(".infographic-image") && document.querySelector(".infographic-image").complete`),
				chromedp.Evaluate(`document.querySelector(".infographic-image").src`, &src),
				chromedp.Evaluate(`document.querySelector(".infographic-text").textContent`, &alt),
				chromedp.Evaluate(`decodeURIComponent(document.querySelector('.infographic-save a[download$=".svg"]').href.split(",")[1])`, &svg))
			b64, ok := strings.CutPrefix(src, "data:image/png;base64,")
			if !ok {
				t.Fatalf("%s: the image is not a PNG data URL: %.40q", id, src)
			}
			raw, err := base64.StdEncoding.DecodeString(b64)
			if err != nil {
				t.Fatal(err)
			}
			cfg, err := png.DecodeConfig(bytes.NewReader(raw))
			if err != nil {
				t.Fatalf("%s: the PNG does not decode: %v", id, err)
			}
			if cfg.Width != 1080 || cfg.Height < 1500 {
				t.Errorf("%s: the PNG is %d×%d px, want 1080 px wide and long", id, cfg.Width, cfg.Height)
			}
			if _, err := png.Decode(bytes.NewReader(raw)); err != nil {
				t.Errorf("%s: the PNG's pixels do not decode: %v", id, err)
			}
			if !strings.Contains(svg, `width="1080"`) || !strings.Contains(svg, r.Title()) {
				t.Errorf("%s: the SVG: %.200q", id, svg)
			}
			for _, f := range charts.KeyFigures(r, charts.MarksOf(r, nil, false)) {
				if want := f.Label + " " + f.Value + f.Unit; !strings.Contains(alt, want) {
					t.Errorf("%s: the text alternative lacks %q: %q", id, want, alt)
				}
			}
			if !strings.Contains(alt, r.Title()) || !strings.Contains(alt, "数据校验") {
				t.Errorf("%s: the text alternative: %q", id, alt)
			}
			b.checkAxe(t, id+" with its 一图读懂")
			b.checkTargets(t, id+" with its 一图读懂")
		}
	})

	// The check's page, visited once, works with the network cut: the
	// service worker kept the page, its worker, WebAssembly and index.
	t.Run("offline", func(t *testing.T) {
		srv.Close() // nothing answers any more
		b.run(t, "opening /precheck offline", chromedp.Navigate(at("/precheck")),
			b.poll(`document.getElementById("precheck-state").dataset.ready === "true"`))
		notes, _, _ := dropFile(t, b, server, importerTestdata("hongze-district-2024.docx"))
		var got []string
		for _, n := range notes {
			got = append(got, n.Line)
		}
		sort.Strings(got)
		if want := importLines(t, importerTestdata("hongze-district-2024.docx")); !slices.Equal(got, want) {
			t.Errorf("offline: the page shows %q, import prints %q", got, want)
		}
	})
}
