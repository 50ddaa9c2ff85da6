package app

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/data"
	"nianbao/data/catalog"
)

// render mounts a page (nil: the page the URL's path routes to) with
// go-app's client tester, navigates it to rawURL and returns its HTML.
func render(t *testing.T, c app.Composer, rawURL string) string {
	t.Helper()
	if store.src == nil {
		useSource(t, newMemSource(t, shipped(t)))
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	if c == nil {
		c = pageAt(strings.TrimPrefix(u.Path, base)).New()
	}
	disp := app.NewClientTester(c)
	defer disp.Close()
	disp.Nav(u)
	disp.Consume()
	return app.HTMLString(c)
}

func wantIn(t *testing.T, html string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(html, w) {
			t.Errorf("page lacks %q", w)
		}
	}
}

func TestEveryPageRendersTheReport(t *testing.T) {
	for _, p := range ReportPages {
		t.Run(p.Path, func(t *testing.T) {
			html := render(t, p.New(), "http://localhost"+ReportPath("nantong-city-2019", p.Path))
			wantIn(t, html, "南通市人民政府 · 2019年度报告", `aria-current="page"`, ">"+p.Label+"<",
				`id="main"`, "跳到正文")
			if strings.Contains(html, "error-panel") {
				t.Error("error panel on a good report")
			}
		})
	}
}

func TestOverviewKeyFiguresAndConsistency(t *testing.T) {
	html := render(t, nil, "http://localhost/r/nantong-city-2019")
	wantIn(t, html, "4,974", "4,971", "50.1%", "228", "199",
		"报告各表的勾稽关系全部成立", "另有 2 个数字在复制时丢失", "报告正文", "2019年,南通市政府坚持以习近平", `href="/r/nantong-city-2019/narrative"`)
}

func TestNarrativePage(t *testing.T) {
	html := render(t, nil, "http://localhost/r/nantong-city-2019/narrative")
	wantIn(t, html, "一、总体情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项", "(无)",
		"市政府办理市人大代表建议、政协提案1066件")
	html = render(t, nil, "http://localhost/r/huaian-city-2024/narrative")
	wantIn(t, html, "全年收取政府信息公开信息处理费3940元")
}

func TestChartViewHasSwitchAndRealTable(t *testing.T) {
	html := render(t, nil, "http://localhost/r/nantong-city-2019/applicants")
	wantIn(t, html, `<table>`, `<caption>`, `scope="col"`, `scope="row"`,
		`class="switch-chart"`, `class="switch-table"`, `aria-pressed`, `aria-pressed="false"`, `role="img"`,
		"推算（规则1）", `class="num blank"`)
	// The chart shows first; its table is in the page but hidden until asked for.
	if !strings.Contains(html, `class="chart-table" hidden`) && !strings.Contains(html, `hidden class="chart-table"`) {
		t.Error("table not hidden behind the 表 switch")
	}
}

// A table's CSV goes into its download link as text: every byte comes back
// when the body's escapes are decoded, and nothing in it is what a URL's
// parser or an attribute would read as something else.
func TestCSVDataURLIsText(t *testing.T) {
	var all []byte
	for c := 0; c < 128; c++ {
		all = append(all, byte(c))
	}
	for _, in := range [][]byte{all, []byte("\uFEFF办理结果,件数,占本年办理总数,备注\r\n3.危及“三安全一稳定”,1,12.5%,#1 ? a&b <c> \"d\" 'e'\r\n")} {
		got := dataURLText(in)
		back, err := url.PathUnescape(got)
		if err != nil || back != string(in) {
			t.Errorf("dataURLText(%q) = %q, which decodes to %q, %v", in, got, back, err)
		}
		if i := strings.IndexFunc(got, func(r rune) bool { return r <= ' ' || strings.ContainsRune("#?\"'&<>", r) }); i >= 0 {
			t.Errorf("dataURLText(%q) = %q: %q at %d is left as it is", in, got, got[i], i)
		}
	}
	if got := dataURLText([]byte("\uFEFF办理结果")); got != "%EF%BB%BF办理结果" {
		t.Errorf("dataURLText(the byte-order mark and words) = %q", got)
	}
}

func TestOutcomesDrillDownFromTheURL(t *testing.T) {
	html := render(t, nil, "http://localhost/r/nantong-city-2019/outcomes?cat=denied")
	wantIn(t, html, "不予公开的原因", "8.属于行政查询事项", "104", `id="chart-outcomes-denied"`)
	html = render(t, nil, "http://localhost/r/nantong-city-2019/outcomes?cat=nonsense")
	wantIn(t, html, `id="chart-outcomes"`, "无法提供")
}

func TestChecksListsRecoveredCells(t *testing.T) {
	html := render(t, nil, "http://localhost/r/nantong-city-2019/checks")
	wantIn(t, html, "推算的数字（2 个）", "一、本年新收政府信息公开申请数量", "法律服务机构", "规则1",
		"2.没有现成信息需要另行制作", "科研机构", "规则2", "报告中的不一致（0 处）")
}

func TestBrokenReportShowsFindings(t *testing.T) {
	reports := shipped(t)
	for _, r := range reports {
		if r.ID == "nantong-city-2019" {
			r.Appeals["review"][data.AppealTotal] = data.Num(0)
		}
	}
	useSource(t, newMemSource(t, reports))
	html := render(t, nil, "http://localhost/r/nantong-city-2019/checks")
	wantIn(t, html, "报告中的不一致（1 处）", "行政复议", "总计", "按规则应为", "228", "⚠ 1 处不符")
}

func TestDatasetThatDoesNotLoadShowsAnError(t *testing.T) {
	useSource(t, &memSource{err: errors.New("data/r/x.json: line 3, column 9: invalid character")})
	for _, p := range append(append([]Page(nil), ReportPages...), CatalogPages...) {
		if p.Path == AboutPath {
			continue // it reads no data
		}
		html := render(t, p.New(), "http://localhost"+p.Path)
		wantIn(t, html, "无法显示", "无法载入", "data/r/x.json: line 3, column 9")
	}
}

func TestUnknownReportInTheURL(t *testing.T) {
	html := render(t, nil, "http://localhost/r/nowhere-2020")
	wantIn(t, html, "没有找到报告“nowhere-2020”", `href="/"`)
}

func TestLinksKeepTheReport(t *testing.T) {
	v := view{id: "hongze-district-2023"}
	if got := v.href("/outcomes", categoryParam, "denied"); got != "/r/hongze-district-2023/outcomes?cat=denied" {
		t.Errorf("href = %s", got)
	}
	if got := v.href("/"); got != "/r/hongze-district-2023" {
		t.Errorf("href = %s", got)
	}
	for path, want := range map[string]string{"/": "", "/outcomes": "", "/reports": "",
		"/r/huaian-city-2024": "huaian-city-2024", "/r/huaian-city-2024/appeals": "huaian-city-2024"} {
		if got := reportID(path); got != want {
			t.Errorf("reportID(%s) = %s, want %s", path, got, want)
		}
	}
}

func TestOtherReportsHaveTheirOwnPages(t *testing.T) {
	html := render(t, nil, "http://localhost/r/hongze-district-2023/checks")
	wantIn(t, html, "淮安市洪泽区人民政府 · 2023年度报告", "报告中的不一致（2 处）", "⚠ 2 处不符",
		`href="/r/hongze-district-2023/outcomes"`, `href="/reports"`)
	html = render(t, nil, "http://localhost/reports")
	wantIn(t, html, `href="/r/hongze-district-2023"`, `href="/"`, `href="/b/hongze-district"`, "淮安市人民政府",
		"本站收录 4 个机关的 6 份报告")
}

func TestCatalogPages(t *testing.T) {
	// Prerendered (no WebAssembly), the catalog is every body with its years.
	html := render(t, nil, "http://localhost/reports")
	wantIn(t, html, `href="/b/pingtan-zone"`, `href="/r/pingtan-zone-2025"`, `href="/r/pingtan-zone-2024"`)

	html = render(t, nil, "http://localhost/b/hongze-district")
	wantIn(t, html, "淮安市洪泽区人民政府", "县区", `href="/r/hongze-district-2023"`, `href="/r/hongze-district-2024"`,
		`id="chart-trend-requests"`, `id="chart-trend-outcomes"`, `id="chart-trend-appeals"`, "跨年度校验", "2023年", "2024年")
	html = render(t, nil, "http://localhost/b/nowhere")
	wantIn(t, html, "没有找到机关“nowhere”")

	html = render(t, nil, "http://localhost/compare?r=huaian-city-2024,hongze-district-2024,nope-2020")
	wantIn(t, html, "比较的报告（2 份）", "关键数字对比", `id="chart-compare-outcomes"`, `id="chart-compare-review"`,
		"地址中有 1 项不是本站的报告", `href="/compare?r=hongze-district-2024"`)
	html = render(t, nil, "http://localhost/compare")
	wantIn(t, html, "请选择两到六份报告")

	html = render(t, nil, "http://localhost/ranking?year=2024&by=open")
	wantIn(t, html, "2024年各层级机关：予以公开或部分公开的比例", `id="chart-ranking"`, "淮安市人民政府", "名次")
}

// A report whose narrative is empty (the dataset allows it) renders every
// page: the build once panicked on it.
func TestEmptyNarrative(t *testing.T) {
	reports := shipped(t)
	for _, r := range reports {
		if r.ID == "nantong-city-2019" {
			r.Sections = nil
		}
	}
	useSource(t, newMemSource(t, reports))
	for _, p := range ReportPages {
		html := render(t, p.New(), "http://localhost"+ReportPath("nantong-city-2019", p.Path))
		wantIn(t, html, "南通市人民政府")
	}
	r := reports[0]
	r.Sections = []data.Section{{Key: data.SectionOverview, Title: "一、总体情况"}}
	if firstParagraph(r) != "" {
		t.Error("an overview with no paragraph has an opening")
	}
}

// Under a sub-path, every link of a page carries it, and the pages read
// their paths without it.
func TestLinksUnderASubPath(t *testing.T) {
	SetBase("/nianbao/")
	defer SetBase("")
	html := render(t, nil, "http://localhost/nianbao/r/hongze-district-2024")
	wantIn(t, html, `href="/nianbao/r/hongze-district-2024/outcomes"`, `href="/nianbao/reports"`, `href="/nianbao/b/hongze-district"`,
		"淮安市洪泽区人民政府 · 2024年度报告")
	for _, h := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(html, -1) {
		if !strings.HasPrefix(h[1], "/nianbao/") && !strings.HasPrefix(h[1], "#") && !strings.HasPrefix(h[1], "data:") {
			t.Errorf("a link outside the sub-path: %s", h[1])
		}
	}
}

func TestCategoryPages(t *testing.T) {
	html := render(t, nil, "http://localhost/r/nantong-city-2019/outcomes/declined")
	wantIn(t, html, `id="chart-outcomes-declined"`, `href="/r/nantong-city-2019/outcomes/declined"`, "不予处理的原因")
	html = render(t, nil, "http://localhost/r/huaian-city-2024/outcomes/other")
	wantIn(t, html, `id="chart-outcomes-other"`, `href="/r/huaian-city-2024/outcomes"`)
	// The flow of the year's requests is on the page of every category,
	// not repeated on each category's.
	if strings.Contains(html, `id="chart-flow"`) {
		t.Error("a category's page repeats the flow of requests")
	}
	wantIn(t, render(t, nil, "http://localhost/r/huaian-city-2024/outcomes"), `id="chart-flow"`, "申请的来龙去脉")

	// A category whose reasons are all printed 0 has no page and no link:
	// its address shows the page of every category, where its 0 is. (The
	// shipped reports have none: hongze-district-2024's 不予处理 is made
	// all 0, its 1 moved to 不予公开, so that the report stays whole.)
	reports := shipped(t)
	var r *data.Report
	for _, rep := range reports {
		if rep.ID == "hongze-district-2024" {
			r = rep
		}
	}
	const empty = "declined"
	n := r.Requests.Cell("declined.petition", data.ColTotal)
	r.Requests["declined.petition"][data.ColTotal] = data.Cell{}
	r.Requests["denied.state_secret"][data.ColTotal].Value += n.Value
	useSource(t, newMemSource(t, reports))
	if slices.ContainsFunc(Categories(r), func(c data.Category) bool { return c.Key == empty }) || len(Categories(r)) == 0 {
		t.Fatalf("%s's categories with reasons to show: %v", r.ID, Categories(r))
	}
	html = render(t, nil, "http://localhost"+ReportPath(r.ID, CategoryPath(empty)))
	wantIn(t, html, `id="chart-outcomes"`, `id="chart-flow"`)
	if strings.Contains(html, `href="`+ReportPath(r.ID, CategoryPath(empty))+`"`) || strings.Contains(html, "找不到这一页") {
		t.Errorf("%s's page of %s (all 0) links to itself or is not found", r.ID, empty)
	}
	for _, c := range Categories(r) {
		wantIn(t, html, `href="`+ReportPath(r.ID, CategoryPath(c.Key))+`"`)
	}
	if html := render(t, nil, "http://localhost"+ReportPath(r.ID, CategoryPath("no-such"))); !strings.Contains(html, "找不到这一页") {
		t.Errorf("%s: a category the template has not is found", r.ID)
	}
}

func TestAboutExplainsTheTerms(t *testing.T) {
	html := render(t, nil, "http://localhost/about")
	wantIn(t, html, `id="term-checks"`, `id="term-recovered"`, `id="term-format"`, `id="term-table3-total"`, "跨年度")
	html = render(t, nil, "http://localhost/r/nantong-city-2019")
	wantIn(t, html, `href="/about#term-checks"`, `href="/about#term-recovered"`, `href="/about#term-format"`)
}

func TestNotFound(t *testing.T) {
	html := render(t, nil, "http://localhost/no/such/page")
	wantIn(t, html, "找不到这一页", `href="/reports"`)
	html = render(t, nil, "http://localhost/r/nowhere-2020")
	wantIn(t, html, "没有找到报告“nowhere-2020”", `href="/reports"`)
}

// useSite renders the test's pages for a site.
func useSite(t *testing.T, s Site) {
	SetSite(s)
	t.Cleanup(func() { SetSite(Site{}) })
}

// The front page: the latest year across the portal's bodies, their
// totals and charts, the bodies at a glance, the years before, and the
// way into the catalog.
func TestPortalPage(t *testing.T) {
	useSite(t, Site{Name: "示例门户"})
	html := render(t, nil, "http://localhost/")
	// 2025: 平潭综合实验区 alone.
	wantIn(t, html, "2025年度报告汇总", "本站收录的 4 个机关中有 1 个发布了报告", `id="chart-outcomes"`,
		`id="chart-applicants"`, `id="chart-appeals"`, "2025年各机关一览", `href="/b/pingtan-zone"`,
		`href="/r/pingtan-zone-2025/checks"`, "历年汇总", `href="/reports?year=2019"`, `href="/reports"`,
		"示例门户", ">首页<")
	if strings.Contains(html, "南通") {
		t.Error("the front page names 南通 though its year has no report of 南通")
	}
}

// A site can land on a body or a report; a site without the landing goes
// to the portal.
func TestLanding(t *testing.T) {
	useSite(t, Site{Name: "甲", Landing: "body:hongze-district"})
	wantIn(t, render(t, nil, "http://localhost/"), "淮安市洪泽区人民政府", `href="/r/hongze-district-2023"`, `id="chart-trend-requests"`)
	useSite(t, Site{Name: "甲", Landing: "report:huaian-city-2024"})
	wantIn(t, render(t, nil, "http://localhost/"), "淮安市人民政府", `href="/r/huaian-city-2024/outcomes"`, `id="figure-handled"`)
}

// A former version's address of one report's page leads to its page under
// /r/; where the site names no such report it is not a page.
func TestMovedPages(t *testing.T) {
	useSite(t, Site{Name: "甲", Moved: "nantong-city-2019"})
	wantIn(t, render(t, nil, "http://localhost/outcomes/denied?x=1"), `id="moved-to"`, `href="/r/nantong-city-2019/outcomes/denied?x=1"`)
	wantIn(t, render(t, nil, "http://localhost/checks"), `href="/r/nantong-city-2019/checks"`)
	useSite(t, Site{Name: "甲"})
	wantIn(t, render(t, nil, "http://localhost/checks"), "找不到这一页")
}

// Every page carries the site's identity in its footer, as text.
func TestFooterIdentity(t *testing.T) {
	useSite(t, Site{Name: "甲门户", Owner: "甲市人民政府办公室", SiteCode: "3201000001", ICP: "苏ICP备00000000号",
		Police: "苏公网安备 32010002000001号", Contact: "电话 025-00000000", Correction: "https://jiucuo.example.gov.cn/x?a=1&b=2"})
	for _, path := range []string{"/", "/reports", "/r/hongze-district-2024/appeals", "/b/hongze-district", "/about", "/no/such"} {
		html := render(t, nil, "http://localhost"+path)
		wantIn(t, html, "主办单位：甲市人民政府办公室", "网站标识码：3201000001", ">苏ICP备00000000号<",
			`href="https://beian.mps.gov.cn/#/query/webSearch?code=32010002000001"`, "联系方式：电话 025-00000000",
			`href="https://jiucuo.example.gov.cn/x?a=1&amp;b=2"`, "我要纠错", ">甲门户<")
	}
}

// A report's pages link to the published original, with its date.
func TestOriginalLink(t *testing.T) {
	html := render(t, nil, "http://localhost/r/hongze-district-2024/appeals")
	wantIn(t, html, `class="report-original"`, "发布")
	reports := shipped(t)
	for _, r := range reports {
		if r.ID == "hongze-district-2024" {
			r.URL = "https://www.hongze.gov.cn/x/y.html?a=1&b=2"
		}
	}
	useSource(t, newMemSource(t, reports))
	html = render(t, nil, "http://localhost/r/hongze-district-2024/appeals")
	wantIn(t, html, `href="https://www.hongze.gov.cn/x/y.html?a=1&amp;b=2"`, "查看原文")
}

// matches says whether the query finds the body's report: what the
// catalog's filter decides for each report (catalogFilter.match), one at a
// time.
func (q query) matches(b *catalog.Body, e *catalog.Entry) bool {
	return q.yearMatches(e.Year) && q.wordsIn(bodyKeys(b))
}

// A search finds by every word, a year among them (issue 20 item 5); the
// words a body is found by come from the build (catalog.Body.Search).
func TestCatalogQuery(t *testing.T) {
	hongze := &catalog.Body{Name: "淮安市洪泽区人民政府", Region: "淮安市", Search: "淮安市洪泽区人民政府 洪泽区政府 洪泽区 淮安市洪澤區人民政府 hongzequ hzq 江苏省"}
	e23, e24 := &catalog.Entry{Year: 2023}, &catalog.Entry{Year: 2024}
	for q, want := range map[string][2]bool{
		"洪泽区政府": {true, true}, "hongze": {true, true}, "HZ": {true, true}, "淮安市洪澤區": {true, true},
		"江苏": {true, true}, "2024": {false, true}, "2023年": {true, false}, "洪泽 2024": {false, true},
		"南通": {false, false}, "洪泽 南通": {false, false}, "": {true, true},
	} {
		qq := parseQuery(q)
		if got := [2]bool{qq.matches(hongze, e23), qq.matches(hongze, e24)}; got != want {
			t.Errorf("%q: matches 2023, 2024 = %v, want %v", q, got, want)
		}
	}
}

// A search that finds nothing says why and offers to clear it.
func TestCatalogEmptyResult(t *testing.T) {
	p := catalogPage("/reports", "全部报告", func() catalogView { return &reports{} }).New().(*reports)
	html := render(t, p, "http://localhost/reports?q=zzzz&year=2019")
	_ = html // prerendered: the plain list
	p.v.index, _ = newMemSource(t, shipped(t)).Index()
	p.f = filterFromURL(mustURL(t, "http://localhost/reports?q=zzzz&year=2019"))
	p.apply(nil)
	var b strings.Builder
	app.PrintHTML(&b, p.empty())
	wantIn(t, b.String(), "没有同时符合这些条件的报告", "“zzzz”", "2019年", `id="clear-filters"`, `href="/reports"`)
	if p.matched != 0 {
		t.Errorf("%d reports match zzzz", p.matched)
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// The ranking opens on the latest year with enough bodies, says when the
// address names a year the site has not, and says when a level has no
// body to rank instead of drawing an empty chart (issue 20 item 11).
func TestRankingStates(t *testing.T) {
	// The shipped six: 2025 and 2019 have one report each, 2024 three.
	html := render(t, nil, "http://localhost/ranking")
	wantIn(t, html, "2024年各层级机关", `id="chart-ranking"`)
	html = render(t, nil, "http://localhost/ranking?year=1999")
	wantIn(t, html, "本站没有1999年的报告，已显示2024年。")
	html = render(t, nil, "http://localhost/ranking?year=%3Cb%3E")
	wantIn(t, html, "地址中的年度不是本站收录的年度")
	if strings.Contains(html, "&lt;b&gt;") {
		t.Error("the address's year is echoed")
	}
	html = render(t, nil, "http://localhost/ranking?year=2024&level=省")
	wantIn(t, html, "2024年没有省机关的报告")
	if strings.Contains(html, `id="chart-ranking"`) {
		t.Error("an empty ranking draws a chart frame")
	}
}

// Offline, a report never opened on the device says so in words and
// offers the reports the device keeps (issue 20 item 8).
func TestOfflineReport(t *testing.T) {
	useSource(t, &memSource{err: fmt.Errorf("%w: /data/r/x.json: TypeError: Failed to fetch", ErrOffline)})
	html := render(t, nil, "http://localhost/r/hongze-district-2024/appeals")
	wantIn(t, html, "网络没有连通，而这份报告没有保存在这台设备上", `id="offline-list"`, "这台设备上保存的报告")
	if strings.Contains(html, "TypeError") {
		t.Error("the page shows the browser's error")
	}
	wantIn(t, render(t, nil, "http://localhost/offline"), `id="offline-list"`)
}

// A category a report does not have is not a page (issue 20 item 12).
func TestUnknownCategory(t *testing.T) {
	html := render(t, nil, "http://localhost/r/hongze-district-2024/outcomes/bogus")
	wantIn(t, html, "找不到这一页")
	if strings.Contains(html, `id="chart-outcomes"`) {
		t.Error("a bogus category renders the outcomes page")
	}
}

// The catalog's filter, which looks up each body's words once per
// keystroke (and only where the body's characters allow), finds what
// looking at every report in turn finds, with the filters too.
func TestCatalogMatchAsEveryReport(t *testing.T) {
	x, err := newMemSource(t, shipped(t)).Index()
	if err != nil {
		t.Fatal(err)
	}
	filters := []catalogFilter{{}, {Year: "2023"}, {Level: x.Bodies[0].Level}, {Format: data.Format2021},
		{Status: string(x.Reports[0].Consistency())}}
	for _, q := range []string{"", "洪泽", "hz", "南通 2019", "2024", "区 政府", "淮安市", "zzzz", "江苏 2023年"} {
		for i, sort := range []string{"", "name", "new"} {
			f := filters[i%len(filters)]
			if q == "" || q == "区 政府" {
				f = filters[(i+3)%len(filters)]
			}
			f.Q, f.Sort, f.Page = q, sort, 1
			var want []string
			qq := parseQuery(q)
			for _, e := range ordered(x, sort) {
				if qq.matches(&x.Bodies[e.Body], e) && (f.Year == "" || fmt.Sprint(e.Year) == f.Year) &&
					(f.Level == "" || x.Bodies[e.Body].Level == f.Level) && (f.Format == "" || e.Format == f.Format) &&
					(f.Status == "" || string(e.Consistency()) == f.Status) {
					want = append(want, e.ID)
				}
			}
			var got []string
			for f.Page = 1; ; f.Page++ {
				n, page := f.match(x)
				if n != len(want) {
					t.Fatalf("%q by %q: %d reports, want %d", q, sort, n, len(want))
				}
				for _, e := range page {
					got = append(got, e.ID)
				}
				if len(page) < pageSize {
					break
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("%q by %q: %v, want %v", q, sort, got, want)
			}
		}
	}
}

// The catalog's orders are those of a stable sort of the reports by the
// key (the greatest first), then by their bodies' names, with reports
// whose bodies share a name too (the synthetic index has such).
func TestCatalogOrders(t *testing.T) {
	shippedIndex, err := newMemSource(t, shipped(t)).Index()
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []*catalog.Index{shippedIndex, syntheticIndex()} {
		for _, sort := range []string{"", "name", "new", "open", "corrected"} {
			want := make([]*catalog.Entry, len(x.Reports))
			for i := range x.Reports {
				want[i] = &x.Reports[i]
			}
			key := func(e *catalog.Entry) float64 {
				switch sort {
				case "new":
					return float64(e.New())
				case "open":
					if e.Handled() == 0 {
						return -1
					}
					return float64(e.Opened()) / float64(e.Handled())
				case "corrected":
					if e.Concluded(catalog.KeyReview) == 0 {
						return -1
					}
					return float64(e.Corrected(catalog.KeyReview)) / float64(e.Concluded(catalog.KeyReview))
				}
				return float64(e.Year)
			}
			slices.SortStableFunc(want, func(a, b *catalog.Entry) int {
				if sort == "name" {
					if c := strings.Compare(x.BodyOf(a).Name, x.BodyOf(b).Name); c != 0 {
						return c
					}
					return b.Year - a.Year
				}
				if ka, kb := key(a), key(b); ka != kb {
					if ka > kb {
						return -1
					}
					return 1
				}
				return strings.Compare(x.BodyOf(a).Name, x.BodyOf(b).Name)
			})
			if got := ordered(x, sort); !slices.Equal(got, want) {
				t.Errorf("%d reports by %q: not in the order of a stable sort", len(x.Reports), sort)
			}
		}
	}
}

// contains finds what strings.Contains finds.
func TestContains(t *testing.T) {
	keys := "淮安市洪泽区人民政府\n洪泽区政府 hongzequ hzq\n淮安市"
	for _, w := range []string{"", "淮", "淮安市", "府", "人民政府", "泽区政", "hzq", "q", "\n淮安", "安市\n", "南通", "政府政府", "hzqq", "淮安市洪泽区人民政府\n洪泽区政府 hongzequ hzq\n淮安市。", "市洪"} {
		if got, want := contains(keys, w), strings.Contains(keys, w); got != want {
			t.Errorf("contains(keys, %q) = %v, want %v", w, got, want)
		}
	}
}

// At 50,000 reports too, the filter (which reads only the reports of the
// bodies a search finds) finds what looking at every report in turn
// finds, on its first, second, a middle and its last page.
func TestCatalogMatchAtScale(t *testing.T) {
	x := syntheticIndex()
	for _, f := range []catalogFilter{{Q: "合成省第12"}, {Q: "教育", Year: "2023"}, {Q: "镇", Level: "town"}, {Level: "district"},
		{Q: "合成省第3市 2024"}, {Q: "合", Format: data.Format2019}, {Q: "街道", Sort: "name"}, {Q: "zzzz"}, {Q: "合成"}, {Year: "2020"}} {
		var want []*catalog.Entry
		qq := parseQuery(f.Q)
		for _, e := range ordered(x, f.Sort) {
			if qq.matches(&x.Bodies[e.Body], e) && (f.Year == "" || fmt.Sprint(e.Year) == f.Year) &&
				(f.Level == "" || x.Bodies[e.Body].Level == f.Level) && (f.Format == "" || e.Format == f.Format) {
				want = append(want, e)
			}
		}
		last := max((len(want)+pageSize-1)/pageSize, 1)
		for _, p := range []int{1, 2, (last + 1) / 2, last} {
			f.Page = p
			n, page := f.match(x)
			w := want[min((p-1)*pageSize, len(want)):min(p*pageSize, len(want))]
			if n != len(want) || !slices.Equal(page, w) {
				t.Errorf("%+v: %d reports, page %d of %d; want %d, %d", f, n, p, len(page), len(want), len(w))
			}
		}
	}
}

// Typing on, the filter looks among the bodies the search before found
// (catalogFilter.bodies): what it finds at each keystroke, narrowing,
// widening, with a level or another word, is what a search from nothing
// finds.
func TestCatalogMatchWhileTyping(t *testing.T) {
	x := syntheticIndex()
	typed := []catalogFilter{{Q: "合"}, {Q: "合成"}, {Q: "合成省"}, {Q: "合成省第1"}, {Q: "合成省第12"}, {Q: "合成省第12", Level: "town"},
		{Q: "合成省第12 镇", Level: "town"}, {Q: "合成省第12 镇"}, {Q: "合成省第1 镇"}, {Q: "合成省第1"}, {Q: "教育"}, {Q: "教育局"}, {Q: "育局"},
		{Q: "第1 教育局"}, {Q: "第12 教育局"}, {Q: ""}, {Q: "第12 教育局"}, {Level: "city"}, {Q: "教", Level: "city"}, {Q: "教育", Level: "city"},
		{Q: "jheng"}, {Q: "jhengjheng"}, {Q: "JHENG"}, {Q: "zzzz"}, {Q: "zzzzz"}}
	for _, f := range typed {
		matchesFromNothing(t, x, f, "after the one before")
	}
}

// matchesFromNothing checks the filter's (a search and a level) second
// page and count against looking at every report in turn.
func matchesFromNothing(t *testing.T, x *catalog.Index, f catalogFilter, when string) {
	t.Helper()
	var want []*catalog.Entry
	qq := parseQuery(f.Q)
	for _, e := range ordered(x, "") {
		if qq.matches(&x.Bodies[e.Body], e) && (f.Level == "" || x.Bodies[e.Body].Level == f.Level) {
			want = append(want, e)
		}
	}
	f.Page = 2
	n, page := f.match(x)
	if w := want[min(pageSize, len(want)):min(2*pageSize, len(want))]; n != len(want) || !slices.Equal(page, w) {
		t.Errorf("%+v %s: %d reports, %d on page 2; want %d, %d", f, when, n, len(page), len(want), len(w))
	}
}

func TestNarrows(t *testing.T) {
	for _, c := range []struct {
		words, before []string
		want          bool
	}{
		{[]string{"合成省"}, []string{"合成"}, true},
		{[]string{"合成"}, []string{"合成省"}, false},
		{[]string{"省第1"}, []string{"合成"}, false},
		{[]string{"第1", "教育局"}, []string{"教育"}, true},
		{[]string{"教育局"}, []string{"教育", "局"}, true},
		{[]string{"教育局"}, []string{"教育", "镇"}, false},
		{nil, nil, true},
		{[]string{"a"}, nil, true},
		{nil, []string{"a"}, false},
	} {
		if got := narrows(c.words, c.before); got != c.want {
			t.Errorf("narrows(%q, %q) = %v, want %v", c.words, c.before, got, c.want)
		}
	}
}

// BenchmarkCatalogKeystroke is the catalog's filter for the keystrokes of
// make scale's catalog test, on syntheticIndex. In WebAssembly (Node):
// GOOS=js GOARCH=wasm go test -exec="$(go env GOROOT)/lib/wasm/go_js_wasm_exec" -run '^$' -bench CatalogKeystroke ./app
func BenchmarkCatalogKeystroke(b *testing.B) {
	x := syntheticIndex()
	queries := []string{"合", "合成", "合成省", "合成省第1", "合成省第12", "合成省第1", "教育", "镇", "街道", "合成省第3市"}
	ordered(x, "")
	makeSearchKeys(x, nil)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, q := range queries {
			f := catalogFilter{Q: q, Page: 1}
			f.match(x)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(queries))/1000, "ms/keystroke")
}

// syntheticIndex is an index of 50,000 reports of 10,000 bodies of three
// levels, named as the scale benchmark's synthetic ones are (their keys
// stand in for pinyin with letters).
func syntheticIndex() *catalog.Index {
	x := &catalog.Index{}
	depts := []string{"教育局", "公安局", "财政局", "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局"}
	for i := range 10000 {
		var name string
		switch city := i%97 + 1; i % 4 {
		case 0:
			name = fmt.Sprintf("合成省第%d市%s", city, depts[i%len(depts)])
		case 1:
			name = fmt.Sprintf("合成省第%d市第%d区第%d街道办事处", city, i%13+1, i%29+1)
		case 2:
			name = fmt.Sprintf("合成省第%d市第%d区第%d镇人民政府", city, i%13+1, i%31+1)
		default:
			name = fmt.Sprintf("合成省第%d市第%d区人民政府", city, i%13+1)
		}
		letters := strings.Repeat(string(rune('a'+i%26))+"heng", 8)
		x.Bodies = append(x.Bodies, catalog.Body{ID: fmt.Sprint("b", i), Name: name, Region: name, Level: []string{"city", "district", "town"}[i%3],
			Search: name + " " + letters + " " + letters[:6] + " 合成省"})
	}
	for i := range 50000 {
		format := data.Format2021
		if i%5 == 0 {
			format = data.Format2019
		}
		x.Reports = append(x.Reports, catalog.Entry{ID: fmt.Sprint("r", i), Body: i % 10000, Year: 2019 + i%7, Format: format})
	}
	return x
}

// The catalog makes the bodies' search keys a slice at a time, once per
// index (makeSearchKeys): they are those bodyKeys makes, and another call
// keeps them.
func TestSearchKeysMadeInSlices(t *testing.T) {
	x := syntheticIndex()
	makeSearchKeys(x, func() { time.Sleep(time.Nanosecond) })
	keys, sigs, made := searchKeys(x)
	if made != len(x.Bodies) || len(keys) != len(x.Bodies) || len(sigs) != len(x.Bodies) {
		t.Fatalf("%d made, %d keys and %d sets for %d bodies", made, len(keys), len(sigs), len(x.Bodies))
	}
	for i := range x.Bodies {
		var s runeSig
		s.add(bodyKeys(&x.Bodies[i]))
		if keys[i] != bodyKeys(&x.Bodies[i]) || sigs[i] != s {
			t.Fatalf("body %d: keys %q, want %q", i, keys[i], bodyKeys(&x.Bodies[i]))
		}
	}
	makeSearchKeys(x, func() { time.Sleep(time.Nanosecond) }) // made already: kept
	if again, _, _ := searchKeys(x); &again[0] != &keys[0] {
		t.Error("making the keys again replaced the keys made")
	}
	if _, _, made := searchKeys(syntheticIndex()); made != 0 {
		t.Errorf("another index has %d bodies' keys made", made)
	}
}

// A body's words are found in its fields before its keys are made as in
// its keys after.
func TestWordsInBodyAsInItsKeys(t *testing.T) {
	shippedIndex, err := newMemSource(t, shipped(t)).Index()
	if err != nil {
		t.Fatal(err)
	}
	bodies := append(slices.Clone(shippedIndex.Bodies), syntheticIndex().Bodies[:200]...,
	)
	bodies = append(bodies, catalog.Body{Name: "ABC区Ｘ政府", Region: "Jiangsu 南通", Search: "abc"})
	for _, q := range []string{"洪泽", "hz", "区 政府", "淮安市", "zzzz", "合成省第12", "教育局", "jheng", "abc区", "ｘ政府", "jiangsu", "南通",
		"su 南", "第1 教育局", "heng 合成省"} {
		qq := parseQuery(q)
		for i := range bodies {
			if got, want := qq.wordsInBody(&bodies[i]), qq.wordsIn(bodyKeys(&bodies[i])); got != want {
				t.Errorf("%q in %+v: %v before its keys are made, %v after", q, bodies[i], got, want)
			}
		}
	}
}

// lower lowers as strings.ToLower does: every character from U+3000 to
// U+9FFF (which it passes over) has no lower case; and names, mixed
// scripts and bytes that are not UTF-8 come out the same.
func TestLowerAsStringsToLower(t *testing.T) {
	for r := rune(0x3000); r <= 0x9fff; r++ {
		if unicode.ToLower(r) != r {
			t.Fatalf("%U has a lower case", r)
		}
	}
	for _, s := range []string{"", "合成省第12市", "ABC区", "abc", "Ｘ政府", "ΣΑ", "中\xe4\xb8", "\xe4\xb8中", "中\xe4A\xb8", "\xff", "街道Ä", "〇一", "ｱ"} {
		if got, want := lower(s), strings.ToLower(s); got != want {
			t.Errorf("lower(%q) = %q, want %q", s, got, want)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"中", "A", "z", "Σ", "Ａ", "\xe4", "\xb8", "\x80", "〇", "ä", " ", "\xe9\xbf\xbf", "\xe3\x80"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		if s := b.String(); lower(s) != strings.ToLower(s) {
			t.Fatalf("lower(%q) = %q, want %q", s, lower(s), strings.ToLower(s))
		}
	}
}

// A set of characters holds the characters of its text, decoded as
// ranging over the string decodes them, with bytes that are not UTF-8,
// surrogates and overlong forms among them.
func TestRuneSigAsRanging(t *testing.T) {
	bySlowWay := func(text string) (s runeSig) {
		for _, r := range text {
			h := uint32(r) * 2654435761 >> 24
			s[h>>6] |= 1 << (h & 63)
		}
		return s
	}
	r := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"中", "A", "z", "Σ", "Ａ", "\xe4", "\xb8", "\x80", "〇", "ä", " ", "\xe9\xbf\xbf", "\xe3\x80", "\xed\xa0\x80",
		"\xe0\x80\x80", "\xef\xbf\xbf", "😀", "\xec\xbf\xbf", "\xe1\x80\x80", "\xee\x80\x80"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		var got runeSig
		if got.add(b.String()); got != bySlowWay(b.String()) {
			t.Fatalf("the set of %q differs from ranging over it", b.String())
		}
	}
}

// A keystroke while the keys are being made finds what one after finds.
func TestCatalogMatchWhileKeysAreMade(t *testing.T) {
	x := syntheticIndex()
	makeSearchKeys(x, nil)
	indexKeys.mu.Lock()
	indexKeys.made = len(x.Bodies) / 3
	indexKeys.mu.Unlock()
	for _, f := range []catalogFilter{{Q: "合成省第12"}, {Q: "教育", Level: "town"}, {Q: "jheng"}, {Q: "zzzz"}, {Q: "合成"}, {Q: "第3 镇"}} {
		matchesFromNothing(t, x, f, "with a third of the keys made")
	}
}
