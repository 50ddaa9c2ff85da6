package echarts

import (
	"encoding/json"
	"fmt"

	goecharts "github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
)

// Palette is colour-blind safe (Okabe–Ito); decal patterns tell series
// apart without colour.
var Palette = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"}

// aria turns on ECharts' accessibility: the summary as the chart's
// description, and decal patterns so colour is never the only cue.
func aria(summary string) *opts.Aria {
	return &opts.Aria{
		Enabled: opts.Bool(true),
		Label:   &opts.AriaLabel{Enabled: opts.Bool(true), Description: summary},
		Decal:   &opts.AriaDecal{Show: opts.Bool(true)},
	}
}

// frame is what tells the horizontal bar charts apart; hbar builds the rest.
type frame struct {
	tooltip    string   // ECharts string formatter
	legend     bool     // shown for stacked series
	right      string   // grid margin: room for value labels
	xType      string   // "value" or "log"
	xName      string   // the value axis's unit
	cats       []string // the categories, top to bottom
	labelWidth int      // wrap category labels at this width (0: no wrap)
}

// hbar is a horizontal bar chart: categories down the side, values along
// the bottom, tooltip, legend where there are several series, and ARIA with
// the summary.
func hbar(summary string, f frame) *goecharts.Bar {
	bottom := "4%"
	if f.legend {
		bottom = "14%"
	}
	y := opts.YAxis{Type: "category", Data: f.cats, Inverse: opts.Bool(true)}
	if f.labelWidth > 0 {
		y.AxisLabel = &opts.AxisLabel{Width: f.labelWidth, Overflow: "break"}
	}
	bar := goecharts.NewBar()
	bar.SetGlobalOptions(
		goecharts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item", Formatter: types.FuncStr(f.tooltip)}),
		goecharts.WithLegendOpts(opts.Legend{Show: opts.Bool(f.legend), Bottom: "0", Type: "scroll"}),
		goecharts.WithAriaOpts(aria(summary)),
		goecharts.WithGridOpts(opts.Grid{Left: "2%", Right: f.right, Top: "4%", Bottom: bottom, ContainLabel: opts.Bool(true)}),
		goecharts.WithXAxisOpts(opts.XAxis{Type: f.xType, Name: f.xName}),
		goecharts.WithYAxisOpts(y),
	)
	return bar
}

// finish turns a go-echarts option map into JSON, with what go-echarts has no
// field for: the palette, tooltips confined to the chart, and fonts that
// hold Chinese.
func finish(option map[string]interface{}) json.RawMessage {
	b, err := json.Marshal(option)
	if err != nil {
		panic(fmt.Sprintf("charts: option does not marshal: %v", err))
	}
	var m map[string]interface{}
	if err := json.Unmarshal(b, &m); err != nil {
		panic(err)
	}
	if tip, ok := m["tooltip"].(map[string]interface{}); ok {
		tip["confine"] = true
	}
	delete(m, "toolbox")
	m["color"] = Palette
	m["textStyle"] = map[string]interface{}{
		"fontFamily": `"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif`,
		"fontSize":   14,
	}
	m["animation"] = false
	// Large type: axis labels and data labels at 14 px, not ECharts' 12.
	for _, axis := range []string{"xAxis", "yAxis"} {
		if list, ok := m[axis].([]interface{}); ok {
			for _, a := range list {
				if a, ok := a.(map[string]interface{}); ok {
					label, _ := a["axisLabel"].(map[string]interface{})
					if label == nil {
						label = map[string]interface{}{}
					}
					label["fontSize"] = 14
					label["hideOverlap"] = true // narrow phones
					a["axisLabel"] = label
					a["nameTextStyle"] = map[string]interface{}{"fontSize": 14}
					if a["type"] == "value" {
						// Room past the longest bar for its value label.
						a["boundaryGap"] = []string{"0", "18%"}
					}
				}
			}
		}
	}
	if series, ok := m["series"].([]interface{}); ok {
		for _, s := range series {
			if s, ok := s.(map[string]interface{}); ok {
				if label, ok := s["label"].(map[string]interface{}); ok {
					label["fontSize"] = 14
				}
				if s["type"] == "sankey" {
					s["lineStyle"] = map[string]interface{}{"color": "source", "opacity": 0.35}
					s["nodeGap"] = 14
				}
			}
		}
	}
	out, _ := json.Marshal(m)
	return out
}
