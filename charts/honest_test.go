package charts

import (
	"encoding/json"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"nianbao/data"
	"nianbao/data/catalog"
)

func report(t *testing.T, id string) *data.Report {
	t.Helper()
	for _, r := range reports(t) {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no report %s", id)
	return nil
}

// One number format: separators in counts, one decimal in shares, never
// the float a share was computed as.
func TestNumberFormat(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Count(4055284), "4,055,284"}, {Count(999), "999"}, {Count(0), "0"}, {Count(-1234), "-1,234"},
		{Percent(59, 95), "62.1%"}, {Percent(2165, 4974), "43.5%"}, {Percent(1, 0), "—"}, {Percent(0, 7), "0.0%"},
		{PercentOf(62.10526315789474), "62.1%"}, {PercentOf(100), "100.0%"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	if Round1(62.10526315789474) != 62.1 {
		t.Errorf("Round1 = %v", Round1(62.10526315789474))
	}
}

// A report's braces never reach ECharts as a template: in a label a word
// joiner follows each "{"; in a tooltip (HTML) braces and markup are
// character references.
func TestFormattersShowTextAsTyped(t *testing.T) {
	const typed = `…{a|b}{b}{c}{@x}标签`
	if got, want := LabelText(typed).String(), "…{\u2060a|b}{\u2060b}{\u2060c}{\u2060@x}标签"; got != want {
		t.Errorf("LabelText = %q, want %q", got, want)
	}
	if got, want := TipText(`<img src=x>&"'`, typed).String(), `&lt;img src=x&gt;&amp;&#34;&#39;<br>…&#123;a|b&#125;&#123;b&#125;&#123;c&#125;&#123;@x&#125;标签`; got != want {
		t.Errorf("TipText = %q, want %q", got, want)
	}
	// A ranking of a body so named: nowhere in its option does a template
	// or rich-text marker stand.
	r := RankChart("排名", "件", "本年新收申请", []*Ranked{{Name: typed, Count: 12, Value: 12}}, 20)
	var o struct {
		Series []struct {
			Data []struct {
				Label   struct{ Formatter string }
				Tooltip struct{ Formatter string }
			}
		}
	}
	if err := json.Unmarshal(r.Option, &o); err != nil {
		t.Fatal(err)
	}
	tpl := regexp.MustCompile(`\{[a-z@]`)
	for _, d := range o.Series[0].Data {
		if tpl.MatchString(d.Label.Formatter) || tpl.MatchString(d.Tooltip.Formatter) {
			t.Errorf("a template in %q or %q", d.Label.Formatter, d.Tooltip.Formatter)
		}
		if want := typed[:len("…")] + "&#123;a|b&#125;&#123;b&#125;&#123;c&#125;&#123;@x&#125;标签<br>本年新收申请：12 件"; d.Tooltip.Formatter != want {
			t.Errorf("tooltip %q, want %q", d.Tooltip.Formatter, want)
		}
	}
}

// Every colour of the palette stands at 3:1 or more on the white card, and
// every colour has its own pattern.
func TestPaletteContrastAndPatterns(t *testing.T) {
	lin := func(h string, i int) float64 {
		v, _ := strconv.ParseUint(h[1+2*i:3+2*i], 16, 8)
		c := float64(v) / 255
		if c <= 0.04045 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	want := []float64{5.2, 3.9, 3.4, 3.6, 5.6, 12.2, 8.5, 21} // as style.go says
	seen := map[string]bool{}
	for i, c := range Palette {
		l := 0.2126*lin(c, 0) + 0.7152*lin(c, 1) + 0.0722*lin(c, 2)
		ratio := 1.05 / (l + 0.05)
		if ratio < 3 || math.Abs(ratio-want[i]) > 0.05 {
			t.Errorf("%s: %.2f:1 on white, the comment says %.1f", c, ratio, want[i])
		}
		d, _ := json.Marshal(Decals[i])
		if seen[string(d)] {
			t.Errorf("%s shares its pattern %s", c, d)
		}
		seen[string(d)] = true
	}
	for _, name := range []string{"予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "本年新收", "上年结转"} {
		a, b := StyleOf(name, 0), StyleOf(name, 5)
		if *a != *b {
			t.Errorf("%s looks %+v or %+v by its place", name, a, b)
		}
	}
	outcomes := map[string]bool{}
	for _, o := range catalog.OutcomeKeys {
		outcomes[StyleOf(o.Label, 0).Color] = true
	}
	if len(outcomes) != len(catalog.OutcomeKeys) {
		t.Errorf("the six outcomes share colours: %v", outcomes)
	}
}

// 洪泽区 2023 printed 0 as its review total where the results add up to
// 11: the key figures say so beside the figure, with the finding.
func TestKeyFiguresCarryTheirMarks(t *testing.T) {
	r := report(t, "hongze-district-2023")
	got := map[string]Figure{}
	for _, f := range KeyFigures(r, MarksOf(r, nil, false)) {
		got[f.ID] = f
	}
	want := map[string]Figure{
		"review": {ID: "review", Label: "行政复议", Value: "0", Unit: "件", Note: "结果纠正占已审结的 9.1%",
			Mark: Mark{Kind: MarkBroken, Rule: 4, Reason: "表四“行政复议”的总计印为0，按规则4应为11"}},
		"litigation": {ID: "litigation", Label: "行政诉讼", Value: "0", Unit: "件", Note: "未经复议直接起诉与复议后起诉之和",
			Mark: Mark{Kind: MarkBroken, Rule: 4, Reason: "表四“行政诉讼（复议后起诉）”的总计印为0，按规则4应为5"}},
		"new":     {ID: "new", Label: "本年新收申请", Value: "21", Unit: "件", Note: "另有上年结转 0 件（未核对：无上年报告，未能跨年度核对）"},
		"handled": {ID: "handled", Label: "本年办理申请", Value: "21", Unit: "件", Note: "表三（七）总计"},
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s = %+v, want %+v", id, got[id], w)
		}
	}
	if l := want["review"].Mark.Label(); l != "⚠ 不一致（规则4）" {
		t.Errorf("label %q", l)
	}
	// With the year before checked, 上年结转 is not marked.
	for _, f := range KeyFigures(r, MarksOf(r, nil, true)) {
		if f.ID == "new" && f.Note != "另有上年结转 0 件" {
			t.Errorf("note %q", f.Note)
		}
	}
}

// The comparison's cells carry the marks the index keeps, and its CSV
// names them in 备注.
func TestCompareCellsCarryTheirMarks(t *testing.T) {
	es := entries(t)
	figs, _ := Compare([]Compared{{Name: "洪泽区 2023年", Entry: es["hongze-district-2023"]}, {Name: "洪泽区 2024年", Entry: es["hongze-district-2024"]}})
	broken := Mark{Kind: MarkBroken, Reason: "所在的勾稽关系在报告中不成立，按原样展示，详见该报告的数据校验"}
	want := map[string][2]Cell{
		"行政复议（件）":   {{Text: "0", Mark: broken}, {Text: "2"}},
		"复议结果纠正":    {{Text: "1（9.1%）", Mark: broken}, {Text: "1（50.0%）"}},
		"上年结转（件）":   {{Text: "0", Mark: uncheckedMark}, {Text: "0"}},
		"本年新收申请（件）": {{Text: "21"}, {Text: "95"}},
	}
	for _, row := range figs.Rows {
		if w, ok := want[row.Head]; ok && (row.Cells[0] != w[0] || row.Cells[1] != w[1]) {
			t.Errorf("%s = %+v, want %+v", row.Head, row.Cells, w)
		}
	}
	// One value per cell (issue 20.9): a count and its share are two
	// columns of the file; every report compared is named in its source.
	csv := string(figs.CSV())
	for _, line := range []string{
		"\uFEFF项目,洪泽区 2023年（件）,洪泽区 2023年（比例）,洪泽区 2024年（件）,洪泽区 2024年（比例）,备注\r\n",
		"行政复议（件）,0,,2,,洪泽区 2023年：⚠ 不一致，所在的勾稽关系在报告中不成立，按原样展示，详见该报告的数据校验\r\n",
		"上年结转（件）,0,,0,,洪泽区 2023年：未核对（规则5），无上年报告，未能跨年度核对\r\n",
		"予以公开或部分公开,4,19.0%,59,62.1%,\r\n",
		"数据来源：《洪泽区2023年政府信息公开工作年度报告》《洪泽区2024年政府信息公开工作年度报告》，经年报透视整理\r\n",
	} {
		if !strings.Contains(csv, line) {
			t.Errorf("the CSV lacks %q:\n%s", line, csv)
		}
	}
}

// The cross-year check says it could not run where there was no year
// before, and is neither holding nor broken.
func TestCrossYearNotApplicable(t *testing.T) {
	result := func(fs []data.Finding, prev bool) string {
		rules, _, _ := CheckTables(fs, nil, prev)
		for _, r := range rules.Rows {
			if r.Head == "规则5" {
				return r.Cells[1].Text
			}
		}
		return "no rule 5"
	}
	five := data.Finding{Rule: data.RuleCrossYear, Table: data.TableRequests, Row: "carried_in", Column: "total", Printed: 1, Want: 2}
	for _, c := range []struct {
		fs   []data.Finding
		prev bool
		want string
	}{{nil, false, "不适用：无上年报告"}, {nil, true, "✓ 成立"}, {[]data.Finding{five}, true, "⚠ 1 处不符"}} {
		if got := result(c.fs, c.prev); got != c.want {
			t.Errorf("rule 5 with %d findings, year before %v: %q, want %q", len(c.fs), c.prev, got, c.want)
		}
	}
	es := entries(t)
	for id, want := range map[string]catalog.Consistency{
		"pingtan-zone-2024": catalog.NoPrevYear, "pingtan-zone-2025": catalog.AllHold,
		"hongze-district-2023": catalog.HasFindings, "nantong-city-2019": catalog.HasRecovered,
	} {
		if got := es[id].Consistency(); got != want {
			t.Errorf("%s: %s (%s), want %s", id, got, got.Label(), want)
		}
	}
}
