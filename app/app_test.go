package app

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/data"
)

// render mounts a page with go-app's client tester, navigates it to rawURL
// and returns its HTML.
func render(t *testing.T, c app.Composer, rawURL string) string {
	t.Helper()
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
	for _, p := range Pages {
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
	wantIn(t, html, "4974", "4971", "50.1%", "228", "199",
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
	restore := loadCatalog
	defer func() { loadCatalog = restore }()
	reports, err := restore()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := data.Encode(reports[0])
	broken, _ := data.Parse(b)
	broken.Appeals["review"][4] = data.Num(0)
	loadCatalog = func() ([]*data.Report, error) { return []*data.Report{broken}, nil }
	html := render(t, &checks{}, "http://localhost/checks")
	wantIn(t, html, "报告中的不一致（1 处）", "行政复议", "总计", "按规则应为", "228", "⚠ 1 处不符")
}

func TestDatasetThatDoesNotLoadShowsAnError(t *testing.T) {
	restore := loadCatalog
	defer func() { loadCatalog = restore }()
	loadCatalog = func() ([]*data.Report, error) {
		return nil, errors.New("data/datasets/x.json: line 3, column 9: invalid character")
	}
	for _, p := range Pages {
		html := render(t, p.New(), "http://localhost"+p.Path)
		wantIn(t, html, "无法显示报告", "报告数据无法载入", "data/datasets/x.json: line 3, column 9")
	}
}

func TestUnknownReportInTheURL(t *testing.T) {
	html := render(t, &overview{}, "http://localhost/r/nowhere-2020")
	wantIn(t, html, "没有找到报告“nowhere-2020”", `href="/"`)
}

func TestLinksKeepTheReport(t *testing.T) {
	v := view{report: &data.Report{ID: "hongze-district-2023"}}
	if got := v.href("/outcomes", categoryParam, "denied"); got != "/r/hongze-district-2023/outcomes?cat=denied" {
		t.Errorf("href = %s", got)
	}
	if got := v.href("/"); got != "/r/hongze-district-2023" {
		t.Errorf("href = %s", got)
	}
	v.report.ID = data.DefaultID
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
	wantIn(t, html, `href="/r/hongze-district-2023"`, `href="/"`, "淮安市人民政府2024年政府信息公开工作年度报告",
		"⚠ 2 处不一致", "2 个数字经推算", "本站收录 4 份报告")
}
