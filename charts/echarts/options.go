package echarts

import (
	"encoding/json"
	"fmt"
	"html"
	"strconv"
	"strings"

	goecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
)

// Palette is colour-blind safe (Okabe–Ito); decal patterns tell series
// apart without colour. Charts are drawn on a light card in every colour
// scheme (see web/style.css), so the palette's black stays visible.
var Palette = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"}

// ink is the charts' text colour: web/style.css's --ink on the chart card.
// web/charts-early.js replaces it with the card's computed colour.
const ink = "#1a1a1a"

// aria turns on ECharts' accessibility: the summary as the chart's
// description, and decal patterns so colour is never the only cue.
func aria(summary string) *opts.Aria {
	return &opts.Aria{
		Enabled: opts.Bool(true),
		Label:   &opts.AriaLabel{Enabled: opts.Bool(true), Description: summary},
		Decal:   &opts.AriaDecal{Show: opts.Bool(true)},
	}
}

// group writes a count with thousands separators, as ECharts writes the
// ticks of a value axis (2,000): one number format in every chart's labels,
// axes and tooltips. ECharts' string templates ({c}) print the raw value,
// so each data item carries its label and tooltip as finished text.
func group(v int64) string {
	s := strconv.FormatInt(v, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// groupText puts thousands separators into a number as printed ("4055284",
// "950125.6165"), keeping its sign and decimals.
func groupText(s string) string {
	sign := ""
	if strings.HasPrefix(s, "+") || strings.HasPrefix(s, "-") {
		sign, s = s[:1], s[1:]
	}
	whole, frac, dot := strings.Cut(s, ".")
	n, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return sign + s
	}
	out := sign + group(n)
	if dot {
		out += "." + frac
	}
	return out
}

// tip is a tooltip's text: ECharts sets a string formatter as HTML, so the
// report's labels are escaped.
func tip(lines ...string) *opts.Tooltip {
	for i, l := range lines {
		lines[i] = html.EscapeString(l)
	}
	return &opts.Tooltip{Formatter: types.FuncStr(strings.Join(lines, "<br/>"))}
}

// barItem is one bar with its value, its label (when shown) and tooltip as
// finished text.
func barItem(name string, v int64, label string, tooltip ...string) opts.BarData {
	d := opts.BarData{Name: name, Value: v, Tooltip: tip(tooltip...)}
	if label != "" {
		d.Label = &opts.Label{Show: opts.Bool(true), Formatter: label}
	}
	return d
}

// frame is what tells the horizontal bar charts apart; hbar builds the rest.
type frame struct {
	legend bool     // shown for stacked series
	xName  string   // the value axis's unit
	xLabel string   // the value axis's tick formatter ("{value}%"), if any
	max    int      // the value axis's end (0: ECharts chooses)
	cats   []string // the categories, top to bottom
}

// hbar is a horizontal bar chart: categories down the side, values along
// a linear axis from zero, tooltip per item, a legend where there are
// several series, and ARIA with the summary. Sizes, margins and how labels
// wrap depend on the chart's element, and are set where it is drawn
// (web/charts-early.js, fitChart).
func hbar(summary string, f frame) *goecharts.Bar {
	x := opts.XAxis{Type: "value", Name: f.xName, Min: 0, MinInterval: 1}
	if f.max > 0 {
		x.Max = f.max
	}
	if f.xLabel != "" {
		x.AxisLabel = &opts.AxisLabel{Formatter: types.FuncStr(f.xLabel)}
	}
	bar := goecharts.NewBar()
	bar.SetGlobalOptions(
		goecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		goecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(f.legend), Bottom: "0"}),
		goecharts.WithAriaOpts(aria(summary)),
		goecharts.WithGridOpts(opts.Grid{Left: "8", Right: "16", Top: "8", Bottom: "8", ContainLabel: opts.Bool(true)}),
		goecharts.WithXAxisOpts(x),
		goecharts.WithYAxisOpts(opts.YAxis{Type: "category", Data: f.cats, Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Overflow: "break"}}),
	)
	return bar
}

// optionMap is a go-echarts option as plain JSON values, for what go-echarts
// has no field for.
func optionMap(option map[string]interface{}) map[string]interface{} {
	b, err := json.Marshal(option)
	if err != nil {
		panic(fmt.Sprintf("charts: option does not marshal: %v", err))
	}
	var m map[string]interface{}
	if err := json.Unmarshal(b, &m); err != nil {
		panic(err)
	}
	return m
}

// finish turns a go-echarts option into JSON, with what go-echarts has no
// field for: the palette, tooltips confined to the chart, fonts that hold
// Chinese, legends that cannot hide a series (a kiosk's next visitor would
// find it missing, and neither the table nor the URL would say so), value
// axes from zero (go-echarts drops a 0 minimum), and sankey links with
// their value even when it is 0 (go-echarts drops it, and ECharts then
// drops every flow).
func finish(option map[string]interface{}) json.RawMessage {
	m := optionMap(option)
	if tip, ok := m["tooltip"].(map[string]interface{}); ok {
		tip["confine"] = true
	}
	delete(m, "toolbox")
	m["color"] = Palette
	m["textStyle"] = map[string]interface{}{
		"fontFamily": `"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif`,
		"fontSize":   18,
		"color":      ink,
	}
	m["animation"] = false
	for _, l := range asList(m["legend"]) {
		if l, ok := l.(map[string]interface{}); ok {
			l["selectedMode"] = false
			l["type"] = "plain" // wraps; a scroll legend pages with 15 px arrows
		}
	}
	for _, axis := range []string{"xAxis", "yAxis"} {
		for _, a := range asList(m[axis]) {
			if a, ok := a.(map[string]interface{}); ok {
				label, _ := a["axisLabel"].(map[string]interface{})
				if label == nil {
					label = map[string]interface{}{}
				}
				label["hideOverlap"] = true
				a["axisLabel"] = label
				if a["type"] == "value" {
					a["min"] = 0
				} else {
					label["interval"] = 0 // every category named
				}
			}
		}
	}
	for _, s := range asList(m["series"]) {
		s, ok := s.(map[string]interface{})
		if !ok || s["type"] != "sankey" {
			continue
		}
		for _, l := range asList(s["links"]) {
			if l, ok := l.(map[string]interface{}); ok {
				if _, ok := l["value"]; !ok {
					l["value"] = 0
				}
			}
		}
	}
	out, err := json.Marshal(m)
	if err != nil {
		panic(err)
	}
	return out
}

func asList(v interface{}) []interface{} {
	switch v := v.(type) {
	case []interface{}:
		return v
	case map[string]interface{}:
		return []interface{}{v}
	}
	return nil
}
