package app

import (
	"errors"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/data"
)

// render mounts a page with go-app's client tester, navigates it to rawURL
// and returns its HTML.
func render(t *testing.T, c app.Composer, rawURL string) string {
	t.Helper()
	if store.src == nil {
		useSource(t, newMemSource(t, shipped(t)))
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
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
			html := render(t, p.New(), "http://localhost"+p.Path)
			wantIn(t, html, "南通市人民政府 · 2019年度报告", `aria-current="page"`, ">"+p.Label+"<",
				`id="main"`, "跳到正文")
			if strings.Contains(html, "error-panel") {
				t.Error("error panel on a good report")
			}
		})
	}
}

func TestOverviewKeyFiguresAndConsistency(t *testing.T) {
	html := render(t, &overview{}, "http://localhost/")
	wantIn(t, html, "4,974", "4,971", "50.1%", "228", "199",
		"报告各表的勾稽关系全部成立", "另有 2 个数字在复制时丢失", "报告正文", "2019年,南通市政府坚持以习近平", `href="/narrative"`)
}

func TestNarrativePage(t *testing.T) {
	html := render(t, &narrativePage{}, "http://localhost/narrative")
	wantIn(t, html, "一、总体情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项", "(无)",
		"市政府办理市人大代表建议、政协提案1066件")
	html = render(t, &narrativePage{}, "http://localhost/r/huaian-city-2024/narrative")
	wantIn(t, html, "全年收取政府信息公开信息处理费3940元")
}

func TestChartViewHasSwitchAndRealTable(t *testing.T) {
	html := render(t, &applicants{}, "http://localhost/applicants")
	wantIn(t, html, `<table>`, `<caption>`, `scope="col"`, `scope="row"`,
		`class="switch-chart"`, `class="switch-table"`, `aria-pressed`, `aria-pressed="false"`, `role="img"`,
		"推算（规则1）", `class="num blank"`)
	// The chart shows first; its table is in the page but hidden until asked for.
	if !strings.Contains(html, `class="chart-table" hidden`) && !strings.Contains(html, `hidden class="chart-table"`) {
		t.Error("table not hidden behind the 表 switch")
	}
}

func TestOutcomesDrillDownFromTheURL(t *testing.T) {
	html := render(t, &outcomes{}, "http://localhost/outcomes?cat=denied")
	wantIn(t, html, "不予公开的原因", "8.属于行政查询事项", "104", `id="chart-outcomes-denied"`)
	html = render(t, &outcomes{}, "http://localhost/outcomes?cat=nonsense")
	wantIn(t, html, `id="chart-outcomes"`, "无法提供")
}

func TestChecksListsRecoveredCells(t *testing.T) {
	html := render(t, &checks{}, "http://localhost/checks")
	wantIn(t, html, "推算的数字（2 个）", "一、本年新收政府信息公开申请数量", "法律服务机构", "规则1",
		"2.没有现成信息需要另行制作", "科研机构", "规则2", "报告中的不一致（0 处）")
}

func TestBrokenReportShowsFindings(t *testing.T) {
	reports := shipped(t)
	for _, r := range reports {
		if r.ID == data.DefaultID {
			r.Appeals["review"][data.AppealTotal] = data.Num(0)
		}
	}
	useSource(t, newMemSource(t, reports))
	html := render(t, &checks{}, "http://localhost/checks")
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
	html := render(t, &overview{}, "http://localhost/r/nowhere-2020")
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
	v.id = data.DefaultID
	if got := v.href("/appeals"); got != "/appeals" {
		t.Errorf("href = %s", got)
	}
	for path, want := range map[string]string{"/": data.DefaultID, "/outcomes": data.DefaultID,
		"/r/huaian-city-2024": "huaian-city-2024", "/r/huaian-city-2024/appeals": "huaian-city-2024"} {
		if got := reportID(path); got != want {
			t.Errorf("reportID(%s) = %s, want %s", path, got, want)
		}
	}
}

func TestOtherReportsHaveTheirOwnPages(t *testing.T) {
	html := render(t, &checks{}, "http://localhost/r/hongze-district-2023/checks")
	wantIn(t, html, "淮安市洪泽区人民政府 · 2023年度报告", "报告中的不一致（2 处）", "⚠ 2 处不符",
		`href="/r/hongze-district-2023/outcomes"`, `href="/reports"`)
	html = render(t, &reports{}, "http://localhost/reports")
	wantIn(t, html, `href="/r/hongze-district-2023"`, `href="/"`, `href="/b/hongze-district"`, "淮安市人民政府",
		"本站收录 4 个机关的 6 份报告")
}

func TestCatalogPages(t *testing.T) {
	// Prerendered (no WebAssembly), the catalog is every body with its years.
	html := render(t, &reports{}, "http://localhost/reports")
	wantIn(t, html, `href="/b/pingtan-zone"`, `href="/r/pingtan-zone-2025"`, `href="/r/pingtan-zone-2024"`)

	html = render(t, &body{}, "http://localhost/b/hongze-district")
	wantIn(t, html, "淮安市洪泽区人民政府", "县区", `href="/r/hongze-district-2023"`, `href="/r/hongze-district-2024"`,
		`id="chart-trend-requests"`, `id="chart-trend-outcomes"`, `id="chart-trend-appeals"`, "跨年度校验", "2023年", "2024年")
	html = render(t, &body{}, "http://localhost/b/nowhere")
	wantIn(t, html, "没有找到机关“nowhere”")

	html = render(t, &compare{}, "http://localhost/compare?r=huaian-city-2024,hongze-district-2024,nope-2020")
	wantIn(t, html, "比较的报告（2 份）", "关键数字对比", `id="chart-compare-outcomes"`, `id="chart-compare-review"`,
		"没有找到这些报告：nope-2020", `href="/compare?r=hongze-district-2024"`)
	html = render(t, &compare{}, "http://localhost/compare")
	wantIn(t, html, "请选择两到六份报告")

	html = render(t, &ranking{}, "http://localhost/ranking?year=2024&by=open")
	wantIn(t, html, "2024年各层级机关：予以公开或部分公开的比例", `id="chart-ranking"`, "淮安市人民政府", "名次")
}

// A report whose narrative is empty (the dataset allows it) renders every
// page: the build once panicked on it.
func TestEmptyNarrative(t *testing.T) {
	reports := shipped(t)
	for _, r := range reports {
		if r.ID == data.DefaultID {
			r.Sections = nil
		}
	}
	useSource(t, newMemSource(t, reports))
	for _, p := range ReportPages {
		html := render(t, p.New(), "http://localhost"+p.Path)
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
	html := render(t, &overview{}, "http://localhost/nianbao/r/hongze-district-2024")
	wantIn(t, html, `href="/nianbao/r/hongze-district-2024/outcomes"`, `href="/nianbao/reports"`, `href="/nianbao/b/hongze-district"`,
		"淮安市洪泽区人民政府 · 2024年度报告")
	for _, h := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(html, -1) {
		if !strings.HasPrefix(h[1], "/nianbao/") && !strings.HasPrefix(h[1], "#") && !strings.HasPrefix(h[1], "data:") {
			t.Errorf("a link outside the sub-path: %s", h[1])
		}
	}
}

func TestCategoryPages(t *testing.T) {
	html := render(t, &outcomes{}, "http://localhost/outcomes/declined")
	wantIn(t, html, `id="chart-outcomes-declined"`, `href="/outcomes/declined"`, "不予处理的原因")
	html = render(t, &outcomes{}, "http://localhost/r/huaian-city-2024/outcomes/other")
	wantIn(t, html, `id="chart-outcomes-other"`, `href="/r/huaian-city-2024/outcomes"`)
}

func TestAboutExplainsTheTerms(t *testing.T) {
	html := render(t, &about{}, "http://localhost/about")
	wantIn(t, html, `id="term-checks"`, `id="term-recovered"`, `id="term-format"`, `id="term-table3-total"`, "跨年度")
	html = render(t, &overview{}, "http://localhost/")
	wantIn(t, html, `href="/about#term-checks"`, `href="/about#term-recovered"`, `href="/about#term-format"`)
}

func TestNotFound(t *testing.T) {
	html := render(t, &notFoundPage{}, "http://localhost/no/such/page")
	wantIn(t, html, "找不到这一页", `href="/reports"`)
	html = render(t, &overview{}, "http://localhost/r/nowhere-2020")
	wantIn(t, html, "没有找到报告“nowhere-2020”", `href="/reports"`)
}
