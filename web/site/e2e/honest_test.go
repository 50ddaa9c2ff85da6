package e2e

// Issue 20 (items 1–4, 14) and issue 21 (item 10) in Chromium: what only a
// browser shows of the charts and the figures, at the sizes where the
// problem was seen: on the shipped portal, and on the second example where
// a test is about one of its known reports (洪泽区 2023's review total,
// 南通 2019's outcomes).

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/chromedp"

	ui "nianbao/app"
	"nianbao/charts"
	"nianbao/charts/echarts"
)

// honestTexts lists every text drawn in the charts of the page, with its
// box in the chart's pixels.
const honestTexts = `(() => {
	const out = [];
	for (const el of document.querySelectorAll(".chart-canvas")) {
		const i = echarts.getInstanceByDom(el);
		if (!i) continue;
		for (const d of i.getZr().storage.getDisplayList(true)) {
			if (!d.style || d.style.text == null || d.style.text === "" || d.invisible) continue;
			const r = d.getBoundingRect().clone();
			const m = d.getComputedTransform();
			if (m) r.applyTransform(m);
			out.push({chart: el.parentElement.id, text: String(d.style.text), x: r.x, y: r.y, w: r.width, h: r.height, W: i.getWidth(), H: i.getHeight()});
		}
	}
	return out;
})()`

type drawnText struct {
	Chart      string
	Text       string
	X, Y, W, H float64
	CW         float64 `json:"W"`
	CH         float64 `json:"H"`
}

// overlaps lists the texts of one chart that run into each other or out of
// the chart.
func overlaps(texts []drawnText) []string {
	var out []string
	for i, a := range texts {
		if a.X < -0.5 || a.Y < -0.5 || a.X+a.W > a.CW+0.5 || a.Y+a.H > a.CH+0.5 {
			out = append(out, fmt.Sprintf("%s: %q leaves the chart", a.Chart, a.Text))
		}
		for _, b := range texts[:i] {
			if a.Chart != b.Chart {
				continue
			}
			w := math.Min(a.X+a.W, b.X+b.W) - math.Max(a.X, b.X)
			h := math.Min(a.Y+a.H, b.Y+b.H) - math.Max(a.Y, b.Y)
			if w > 1 && h > 1 {
				out = append(out, fmt.Sprintf("%s: %q overlaps %q", a.Chart, a.Text, b.Text))
			}
		}
	}
	return out
}

// rawFloatRE finds a number with more than one decimal: a share never
// reaches the screen unrounded.
var rawFloatRE = regexp.MustCompile(`[0-9]\.[0-9]{2,}`)

// At 390 px the comparison's charts and the ranking draw every label
// apart, with one decimal, and the comparison's figures carry their marks.
func TestComparisonOnAPhone(t *testing.T) {
	t.Parallel()
	b := newTab(t, jiangsuSite)
	b.run(t, "a phone", chromedp.EmulateViewport(390, 844))
	for i, path := range []string{"/compare?r=hongze-district-2023,huaian-city-2024,nantong-city-2019", "/ranking?year=2024&by=open", "/b/hongze-district"} {
		var texts []drawnText
		if i == 0 {
			b.load(t, path)
		} else {
			b.goInApp(t, path)
		}
		b.eval(t, honestTexts, &texts)
		if len(texts) == 0 {
			t.Errorf("%s: no text drawn", path)
		}
		for _, p := range overlaps(texts) {
			t.Errorf("%s at 390 px: %s", path, p)
		}
		for _, x := range texts {
			if rawFloatRE.MatchString(x.Text) || strings.Contains(x.Text, "%0") {
				t.Errorf("%s: a label reads %q", path, x.Text)
			}
		}
	}
	// 洪泽区 2023 printed a total of 0 for review where its results add up
	// to 11: the figure and the share read from them say so.
	var cells []string
	b.goInApp(t, "/compare?r=hongze-district-2023,huaian-city-2024")
	b.run(t, "figures", chromedp.Evaluate(`[...document.querySelectorAll("section[aria-labelledby=compare-figures-title] tr")].filter(tr => /^(行政复议（件）|复议结果纠正)$/.test(tr.cells[0].textContent)).map(tr => tr.cells[1].textContent)`, &cells))
	want := []string{
		"0⚠ 不一致所在的勾稽关系在报告中不成立，按原样展示，详见该报告的数据校验",
		"1（9.1%）⚠ 不一致所在的勾稽关系在报告中不成立，按原样展示，详见该报告的数据校验",
	}
	if strings.Join(cells, "|") != strings.Join(want, "|") {
		t.Errorf("洪泽区 2023's review cells read %q, want %q", cells, want)
	}
}

// The marks of every chart: each category one colour wherever it is drawn,
// each colour at 3:1 or more against the chart's card.
func TestChartMarksContrast(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	fills := map[string]map[string]bool{} // category → colours drawn
	r := mostRequests(v)
	body, es := v.bodyWithYears()
	paths := []string{"/"}
	for _, p := range []string{"/outcomes", "/applicants", "/appeals", "/disclosure"} {
		paths = append(paths, ui.ReportPath(r.ID, p))
	}
	paths = append(paths, "/compare?r="+es[0].ID+","+r.ID, ui.BodyPath(body.ID), fmt.Sprintf("/ranking?year=%d", v.portal.Year))
	b.run(t, "a kiosk", chromedp.EmulateViewport(1080, 1920))
	for i, path := range paths {
		var marks []struct {
			Chart, Name, Fill, Card string
		}
		if i == 0 {
			b.load(t, path)
		} else {
			b.goInApp(t, path)
		}
		b.run(t, path, chromedp.Evaluate(`(() => {
				const out = [];
				for (const el of document.querySelectorAll(".chart-canvas")) {
					const i = echarts.getInstanceByDom(el);
					const card = getComputedStyle(el).backgroundColor;
					i.getModel().eachSeries((s) => {
						const d = s.getData();
						d.each((k) => {
							const g = d.getItemGraphicEl(k);
							const raw = d.getRawDataItem(k);
							if (!g || !g.style) return;
							const name = s.subType === "sankey" || (raw && raw.itemStyle) ? d.getName(k) : s.name;
							out.push({Chart: el.parentElement.id, Name: name, Fill: String(g.style.fill), Card: card});
						});
					});
				}
				return out;
			})()`, &marks))
		if len(marks) == 0 {
			t.Errorf("%s: no mark drawn", path)
		}
		for _, m := range marks {
			c := contrast(m.Fill, m.Card)
			if m.Fill == "#ffffff" && strings.HasSuffix(m.Chart, "flow") {
				continue // the flow's pool: white, outlined in ink
			}
			if c < 3 {
				t.Errorf("%s %s: %s is drawn in %s, %.2f:1 on %s", path, m.Chart, m.Name, m.Fill, c, m.Card)
			}
			if fills[m.Name] == nil {
				fills[m.Name] = map[string]bool{}
			}
			fills[m.Name][strings.ToLower(m.Fill)] = true
		}
	}
	for _, name := range []string{"予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "本年新收", "结果纠正"} {
		if len(fills[name]) != 1 {
			t.Errorf("%s is drawn in %d colours: %v", name, len(fills[name]), fills[name])
		}
	}
}

// contrast is the WCAG contrast ratio of two CSS colours (#rrggbb or
// rgb(r, g, b)).
func contrast(a, b string) float64 {
	lum := func(c string) float64 {
		var r, g, bl float64
		if strings.HasPrefix(c, "#") && len(c) == 7 {
			var x, y, z int
			fmt.Sscanf(c, "#%02x%02x%02x", &x, &y, &z)
			r, g, bl = float64(x), float64(y), float64(z)
		} else {
			fmt.Sscanf(strings.ReplaceAll(c, " ", ""), "rgb(%g,%g,%g)", &r, &g, &bl)
		}
		lin := func(v float64) float64 {
			v /= 255
			if v <= 0.04045 {
				return v / 12.92
			}
			return math.Pow((v+0.055)/1.055, 2.4)
		}
		return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(bl)
	}
	la, lb := lum(a), lum(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// A screen reader hears each chart's summary once: as the paragraph above
// the drawing, which is named by its title only.
func TestSummaryHeardOnce(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	r := mostRequests(v)
	body, _ := v.bodyWithYears()
	for i, path := range []string{"/", ui.ReportPath(r.ID, "/outcomes"), ui.ReportPath(r.ID, "/appeals"), ui.BodyPath(body.ID)} {
		var summaries []string
		var nodes []*accessibility.Node
		if i == 0 {
			b.load(t, path)
		} else {
			b.goInApp(t, path)
		}
		b.run(t, path, chromedp.Evaluate(`[...document.querySelectorAll("figure.chart .summary")].map(p => p.textContent)`, &summaries),
			chromedp.ActionFunc(func(ctx context.Context) (err error) {
				nodes, err = accessibility.GetFullAXTree().Do(ctx)
				return err
			}))
		if len(summaries) == 0 {
			t.Fatalf("%s: no chart", path)
		}
		for _, s := range summaries {
			heard := 0
			for _, n := range nodes {
				if n.Ignored || n.Name == nil || n.Role == nil {
					continue
				}
				var name, role string
				json.Unmarshal(n.Name.Value, &name)
				json.Unmarshal(n.Role.Value, &role)
				if role != "InlineTextBox" && strings.Contains(name, s) {
					heard++
				}
			}
			if heard != 1 {
				t.Errorf("%s: the summary %.40q… is heard %d times", path, s, heard)
			}
		}
	}
}

// In 长者模式 on a phone the outcome chart keeps a plot a reader can
// read: most of the element's width, its axis labels apart, and its value
// axis ending at the nice number above the longest bar (2,500 for 2,165).
func TestOutcomeChartInElderMode(t *testing.T) {
	t.Parallel()
	b := newTab(t, jiangsuSite)
	type plot struct {
		X, Y, Width, Height, W, Px float64
		Extent                     []float64
	}
	const measure = `(() => {
		const el = document.querySelector("#chart-outcomes .chart-canvas");
		const i = echarts.getInstanceByDom(el);
		const r = i.getModel().getComponent("grid").coordinateSystem.getRect();
		return {X: r.x, Y: r.y, Width: r.width, Height: r.height, W: i.getWidth(), Px: parseFloat(getComputedStyle(el).fontSize),
			Extent: i.getModel().getComponent("xAxis").axis.scale.getExtent()};
	})()`
	for _, large := range []bool{false, true} {
		var p plot
		var texts []drawnText
		b.run(t, "a phone", chromedp.EmulateViewport(390, 844))
		b.load(t, "/r/nantong-city-2019")
		b.run(t, fmt.Sprintf("large %v", large),
			chromedp.Evaluate(fmt.Sprintf(`(() => { const b = document.querySelector(".large-toggle"); if (document.documentElement.classList.contains("large") !== %v) b.click(); return true; })()`, large), nil),
			b.poll(fmt.Sprintf(`document.documentElement.classList.contains("large") === %v`, large)), chromedp.Sleep(500*time.Millisecond), b.poll(appReady),
			chromedp.Evaluate(measure, &p), chromedp.Evaluate(honestTexts, &texts))
		if large && p.Px < 20 {
			t.Fatalf("长者模式 draws at %v px", p.Px)
		}
		if p.Width < p.W/2 || p.Height < 6*p.Px {
			t.Errorf("large %v: the plot is %.0f×%.0f px in a chart %.0f px wide", large, p.Width, p.Height, p.W)
		}
		if len(p.Extent) != 2 || p.Extent[0] != 0 || p.Extent[1] != 2500 {
			t.Errorf("large %v: the value axis runs %v, want [0 2500] for 2,165", large, p.Extent)
		}
		for _, o := range overlaps(texts) {
			t.Errorf("large %v: %s", large, o)
		}
	}
}

// The flow's labels stand beside their nodes, outside the flows.
func TestFlowLabelsBesideTheFlows(t *testing.T) {
	t.Parallel()
	v := portalSite
	b := newTab(t, v)
	b.load(t, ui.ReportPath(mostRequests(v).ID, "/outcomes"))
	for _, w := range []int64{390, 1080} {
		var bad []string
		b.run(t, fmt.Sprintf("flow at %d", w), chromedp.EmulateViewport(w, 1000), b.poll(appReady),
			chromedp.Evaluate(`(() => {
				const el = document.querySelector("#chart-flow .chart-canvas");
				const i = echarts.getInstanceByDom(el);
				const s = i.getModel().getSeriesByType("sankey")[0];
				const nodes = s.getData("node");
				const out = [];
				nodes.each((k) => {
					const g = nodes.getItemGraphicEl(k);
					const l = g.getTextContent();
					const r = l.getBoundingRect().clone();
					r.applyTransform(l.getComputedTransform());
					const n = g.getBoundingRect().clone(), depth = s.getGraph().getNodeByIndex(k).getLayout().depth;
					n.applyTransform(g.getComputedTransform());
					const ok = depth === 0 ? r.x + r.width <= n.x + 0.5 : depth === 2 ? r.x >= n.x + n.width - 0.5 : r.y + r.height <= n.y + 0.5;
					if (!ok) out.push(nodes.getName(k) + " at depth " + depth + ": label [" + [r.x, r.y, r.width, r.height].map(Math.round) + "], node [" + [n.x, n.y, n.width, n.height].map(Math.round) + "]");
				});
				return out;
			})()`, &bad))
		for _, x := range bad {
			t.Errorf("at %d px: %s", w, x)
		}
	}
}

// A report's braces show as typed in labels and tooltips: ECharts' string
// formatters would read {a}, {b}, {c}, {@x} and {name|text}.
func TestTemplateSyntaxShowsAsTyped(t *testing.T) {
	t.Parallel()
	b := newTab(t, portalSite)
	const typed = "某机关…{a|b}{b}{c}{@x}标签"
	rank := charts.RankChart("排名", "件", "本年新收申请", []*charts.Ranked{{Name: typed, Count: 12, Value: 12}}, 20)
	label := charts.BarChart{Cats: []string{typed}, Unit: "件", Series: []charts.Bar{{Name: "x", Data: []charts.BarItem{{Name: typed, Value: 3,
		Label: &charts.Label{Show: true, Formatter: charts.LabelText(typed)}, Tooltip: charts.Tip(typed)}}}}}.Option().JSON()
	for name, option := range map[string][]byte{"ranking": rank.Option, "label": label} {
		var got struct {
			Tip   string
			Texts []string
		}
		b.load(t, "/")
		b.run(t, name, chromedp.Evaluate(fmt.Sprintf(`(async () => {
				const el = document.createElement("div");
				el.className = "chart-canvas";
				document.querySelector("main").appendChild(el);
				const c = nianbao.mountChart(el, %q);
				await nianbao.test.drawAll();
				c.chart.dispatchAction({type: "showTip", seriesIndex: 0, dataIndex: 0});
				const tip = [...el.querySelectorAll("div")].map(d => d.innerText).filter(t => t.includes("标签")).pop() || "";
				const texts = c.chart.getZr().storage.getDisplayList(true).filter(d => d.style && d.style.text).map(d => String(d.style.text).replaceAll("\u2060", ""));
				return {Tip: tip, Texts: texts};
			})()`, option), &got, awaitPromise))
		if !strings.Contains(got.Tip, typed) {
			t.Errorf("%s: the tooltip reads %q, want %q in it", name, got.Tip, typed)
		}
		found := false
		for _, x := range got.Texts {
			found = found || strings.Contains(x, typed)
		}
		if !found {
			t.Errorf("%s: no text on the canvas reads %q: %q", name, typed, got.Texts)
		}
	}
}

// 洪泽区 2023's figures say beside them that they break the cross-check
// with their parts; the cross-year check says it could not run; no raw
// float reaches a ranking's labels.
func TestHonestFigures(t *testing.T) {
	t.Parallel()
	v := jiangsuSite
	b := newTab(t, v)
	hz := v.report(t, "hongze-district-2023")
	appeals := echarts.Appeals(hz, charts.MarksOf(hz, nil, false))
	var figure, summary, rule5 string
	b.load(t, "/r/hongze-district-2023")
	b.run(t, "洪泽区 2023", chromedp.Text("#figure-review", &figure, chromedp.ByQuery))
	b.goInApp(t, "/r/hongze-district-2023/appeals")
	b.run(t, "洪泽区 2023's appeals", chromedp.Text("#chart-appeals .summary", &summary, chromedp.ByQuery))
	b.goInApp(t, "/r/hongze-district-2023/checks")
	b.run(t, "洪泽区 2023's checks", chromedp.Evaluate(`[...document.querySelectorAll("tr")].find(tr => tr.cells[0] && tr.cells[0].textContent === "规则5").cells[2].textContent`, &rule5))
	for _, want := range []string{"行政复议", "0", "⚠ 不一致（规则4）", "表四“行政复议”的总计印为0，按规则4应为11", "结果纠正占已审结的 9.1%"} {
		if !strings.Contains(figure, want) {
			t.Errorf("the 行政复议 figure reads %q, without %q", figure, want)
		}
	}
	if want := "2023年因政府信息公开被申请行政复议0件，已审结的结果纠正占9.1%（⚠ 不一致：表四“行政复议”的总计印为0，按规则4应为11）；被提起行政诉讼0件，已审结的结果纠正占0.0%（⚠ 不一致：表四“行政诉讼（复议后起诉）”的总计印为0，按规则4应为5）。"; summary != want || appeals.Summary != want {
		t.Errorf("the 复议诉讼 summary reads %q (the chart function's %q), want %q", summary, appeals.Summary, want)
	}
	if rule5 != "不适用：无上年报告" {
		t.Errorf("rule 5 reads %q for a body without the year before", rule5)
	}
	var status string
	b.goInApp(t, "/reports?status=ok")
	b.run(t, "catalog", chromedp.Evaluate(`[...document.querySelectorAll("tbody tr")].map(tr => tr.textContent).join("\n")`, &status))
	if strings.Contains(status, "平潭综合实验区2024") || strings.Contains(status, "2024年报告本年成立") {
		t.Errorf("全部成立 lists a report whose cross-year check could not run:\n%s", status)
	}
	var labels []string
	b.goInApp(t, "/ranking?year=2024&by=open")
	b.run(t, "ranking", chromedp.Evaluate(`[...document.querySelectorAll("#chart-ranking td"), ...echarts.getInstanceByDom(document.querySelector("#chart-ranking .chart-canvas")).getZr().storage.getDisplayList(true).filter(d => d.style && d.style.text).map(d => ({textContent: String(d.style.text)}))].map(x => x.textContent)`, &labels))
	for _, l := range labels {
		if rawFloatRE.MatchString(l) {
			t.Errorf("the ranking shows %q", l)
		}
	}
}
