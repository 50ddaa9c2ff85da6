package charts

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// The ECharts option of every chart of the site, typed: the few parts of
// ECharts' option the site uses, under ECharts' own names. The build makes
// a single report's charts with it (charts/echarts), the browser the charts
// over many reports (many.go): one way to make a chart. go-echarts' typed
// options were the first choice, but its opts package alone costs the
// WebAssembly about 15 kB of brotli (its structs carry every field ECharts
// has), and it has no field for several of ours (tooltip.confine, sankey
// layoutIterations, decal patterns), which is why options had been patched
// as maps after the fact.
//
// What depends on the element a chart is drawn in (type size, margins,
// wrapping, the value axis's ticks and end, the legend's rows, the height)
// is left to web/js/charts.js, which fits the option when it draws it. No
// option holds a JS function: the site's CSP forbids eval, and string
// formatters suffice.

// Option is a chart's ECharts option.
type Option struct {
	Animation bool       `json:"animation"`
	TextStyle *TextStyle `json:"textStyle,omitempty"`
	Tooltip   *Tooltip   `json:"tooltip,omitempty"`
	Legend    *Legend    `json:"legend,omitempty"`
	Grid      *Grid      `json:"grid,omitempty"`
	XAxis     *Axis      `json:"xAxis,omitempty"`
	YAxis     *Axis      `json:"yAxis,omitempty"`
	Series    []Series   `json:"series"`
}

// Series is a bar or sankey series.
type Series interface{ seriesType() string }

// JSON is the option as JSON, as a Chart carries it.
func (o *Option) JSON() json.RawMessage {
	b, err := json.Marshal(o)
	if err != nil {
		panic(fmt.Sprintf("charts: option does not marshal: %v", err))
	}
	return b
}

// TextStyle is the font and colour of a chart's text.
type TextStyle struct {
	FontFamily string `json:"fontFamily,omitempty"`
	Color      string `json:"color,omitempty"`
}

// Tooltip is the chart's tooltip, or a data item's text in it.
type Tooltip struct {
	Show      bool      `json:"show,omitempty"`
	Trigger   string    `json:"trigger,omitempty"`
	Confine   bool      `json:"confine,omitempty"`
	Formatter Formatter `json:"formatter,omitzero"`
}

// Legend names the series of a chart with several. It wraps below the
// chart and cannot hide a series: a kiosk's next visitor would find it
// missing, and neither the table nor the URL would say so. Its sizes are
// fitted to the type size where it is drawn.
type Legend struct {
	Show         bool   `json:"show"`
	Type         string `json:"type,omitempty"`
	SelectedMode bool   `json:"selectedMode"`
	Bottom       int    `json:"bottom"`
}

// Grid is the plot's box; its margins are fitted where it is drawn.
type Grid struct {
	ContainLabel bool `json:"containLabel"`
}

// Axis is a category or value axis.
type Axis struct {
	Type         string     `json:"type"`
	Name         string     `json:"name,omitempty"`
	NameLocation string     `json:"nameLocation,omitempty"`
	Data         []string   `json:"data,omitempty"`
	Inverse      bool       `json:"inverse,omitempty"`
	Min          *float64   `json:"min,omitempty"`
	Max          float64    `json:"max,omitempty"`
	MinInterval  float64    `json:"minInterval,omitempty"`
	AxisLabel    *AxisLabel `json:"axisLabel,omitempty"`
}

// AxisLabel is how an axis names its ticks.
type AxisLabel struct {
	Interval  *int      `json:"interval,omitempty"`
	Overflow  string    `json:"overflow,omitempty"`
	Formatter Formatter `json:"formatter,omitzero"`
}

// Label is the text beside a mark.
type Label struct {
	Show      bool      `json:"show"`
	Position  string    `json:"position,omitempty"`
	Formatter Formatter `json:"formatter,omitzero"`
}

// ItemStyle is a mark's colour, outline and decal pattern.
type ItemStyle struct {
	Color       string  `json:"color,omitempty"`
	BorderColor string  `json:"borderColor,omitempty"`
	BorderWidth float64 `json:"borderWidth,omitempty"`
	Decal       any     `json:"decal,omitempty"` // a *Decal, or "none"
}

// Decal is a pattern drawn over a mark (ECharts' decal object).
type Decal struct {
	Symbol     string  `json:"symbol"`
	SymbolSize float64 `json:"symbolSize"`
	DashArrayX []any   `json:"dashArrayX"`
	DashArrayY []any   `json:"dashArrayY"`
	Rotation   float64 `json:"rotation,omitempty"`
	Color      string  `json:"color"`
}

// LineStyle is a sankey flow's fill: "source" or "target" takes the colour
// and decal of that end's node.
type LineStyle struct {
	Color   string  `json:"color,omitempty"`
	Opacity float64 `json:"opacity,omitempty"`
}

// Bar is a bar series; BarChart sets its type.
type Bar struct {
	Type      string     `json:"type"`
	Name      string     `json:"name,omitempty"`
	Stack     string     `json:"stack,omitempty"`
	BarGap    string     `json:"barGap,omitempty"`
	Label     *Label     `json:"label,omitempty"`
	ItemStyle *ItemStyle `json:"itemStyle,omitempty"`
	Data      []BarItem  `json:"data"`
}

func (Bar) seriesType() string { return "bar" }

// BarItem is one bar: its value, its label and its tooltip as finished
// text (ECharts' templates would print the raw value, 1928 for 1,928).
type BarItem struct {
	Name      string     `json:"name,omitempty"`
	Value     float64    `json:"value"`
	Label     *Label     `json:"label,omitempty"`
	ItemStyle *ItemStyle `json:"itemStyle,omitempty"`
	Tooltip   *Tooltip   `json:"tooltip,omitempty"`
}

// Sankey is a sankey series: nodes in the order given (no layout
// iterations: the table's order), at their depth. NewSankey sets its type.
type Sankey struct {
	Type             string       `json:"type"`
	Name             string       `json:"name,omitempty"`
	Data             []SankeyNode `json:"data"`
	Links            []SankeyLink `json:"links"`
	LayoutIterations int          `json:"layoutIterations"`
	NodeAlign        string       `json:"nodeAlign,omitempty"`
	NodeWidth        int          `json:"nodeWidth,omitempty"`
	Label            *Label       `json:"label,omitempty"`
}

func (Sankey) seriesType() string { return "sankey" }

// NewSankey is a sankey series whose nodes keep the order given.
func NewSankey(name string) Sankey { return Sankey{Type: "sankey", Name: name} }

// SankeyNode is a node of a sankey series.
type SankeyNode struct {
	Name      string     `json:"name"`
	Depth     int        `json:"depth"`
	Label     *Label     `json:"label,omitempty"`
	ItemStyle *ItemStyle `json:"itemStyle,omitempty"`
	Tooltip   *Tooltip   `json:"tooltip,omitempty"`
}

// SankeyLink is a flow between two nodes. Its value is always written:
// ECharts drops every flow of a series where one link has none.
type SankeyLink struct {
	Source    string     `json:"source"`
	Target    string     `json:"target"`
	Value     float64    `json:"value"`
	LineStyle *LineStyle `json:"lineStyle,omitempty"`
	Tooltip   *Tooltip   `json:"tooltip,omitempty"`
}

// Formatter is an ECharts string formatter. ECharts reads one as a
// template ({a}, {b}, {c}, {@name}) and, where a style names them, as rich
// text ({name|text}), and a tooltip's as HTML: text from a report must show
// as typed, so a formatter is made only by LabelText, TipText or, for the
// site's own templates, template.
type Formatter struct{ s string }

// String is the formatter as ECharts gets it.
func (f Formatter) String() string { return f.s }

// IsZero says whether there is no formatter.
func (f Formatter) IsZero() bool { return f.s == "" }

// MarshalJSON writes the formatter as a JSON string.
func (f Formatter) MarshalJSON() ([]byte, error) { return json.Marshal(f.s) }

// LabelText is a label (drawn on the canvas) that shows text as typed: a
// WORD JOINER (U+2060, zero width, not drawn) after every "{" keeps
// ECharts from reading a template or rich text in it.
func LabelText(s string) Formatter { return Formatter{strings.ReplaceAll(s, "{", "{\u2060")} }

// TipText is a tooltip (set as HTML) of lines that show as typed: each
// line escaped as HTML, and its braces as character references, which no
// template matches and the browser shows as braces.
func TipText(lines ...string) Formatter {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteString("<br>")
		}
		for _, r := range l {
			switch r {
			case '&':
				b.WriteString("&amp;")
			case '<':
				b.WriteString("&lt;")
			case '>':
				b.WriteString("&gt;")
			case '"':
				b.WriteString("&#34;")
			case '\'':
				b.WriteString("&#39;")
			case '{':
				b.WriteString("&#123;")
			case '}':
				b.WriteString("&#125;")
			default:
				b.WriteRune(r)
			}
		}
	}
	return Formatter{b.String()}
}

// template is one of the site's own formatters, a template on purpose
// ("{value}%"): never made from a report's text.
func template(s string) Formatter { return Formatter{s} }

// Tip is a data item's tooltip of lines shown as typed.
func Tip(lines ...string) *Tooltip { return &Tooltip{Formatter: TipText(lines...)} }

// NewOption is what every chart's option starts from: no animation, the
// font and ink, tooltips per data item and confined to the chart.
func NewOption() *Option {
	return &Option{
		TextStyle: &TextStyle{FontFamily: Font, Color: Ink},
		Tooltip:   &Tooltip{Show: true, Trigger: "item", Confine: true},
	}
}

// legend is the legend of a chart with several series, or none.
func legend(show bool) *Legend {
	return &Legend{Show: show, Type: "plain", SelectedMode: false}
}

// BarChart is a horizontal bar chart: categories down the side, top to
// bottom, values along a linear axis from zero; the form of every bar
// chart of the site, whose category names (reasons, bodies, years) then
// read as lines of text, and whose value labels never run into each other.
type BarChart struct {
	Cats    []string
	Series  []Bar
	Unit    string // the value axis's name: "件"; "" for a percentage
	Percent bool   // values are percentages: the axis runs to 100 and reads "{value}%"
	Stack   bool   // the series stacked into one bar per category
}

// Option is the bar chart's option. Each series is labelled (unless
// stacked) and styled by its category, unless it carries its own style.
func (c BarChart) Option() *Option {
	o := NewOption()
	zero, every := 0.0, 0
	val := &Axis{Type: "value", Name: c.Unit, Min: &zero}
	if c.Unit != "" {
		val.NameLocation = "middle" // below the ticks
	}
	if c.Percent {
		val.Max = 100
		val.AxisLabel = &AxisLabel{Formatter: template("{value}%")}
	} else {
		val.MinInterval = 1
	}
	o.XAxis = val
	// Every category named, its name wrapped (to a width fitted where it
	// is drawn), never cut short.
	o.YAxis = &Axis{Type: "category", Data: c.Cats, Inverse: true, AxisLabel: &AxisLabel{Interval: &every, Overflow: "break"}}
	o.Grid = &Grid{ContainLabel: true}
	o.Legend = legend(len(c.Series) > 1)
	for i, s := range c.Series {
		s.Type = "bar"
		s.BarGap = "10%" // side-by-side bars a tenth of a bar apart
		if c.Stack {
			s.Stack = "total"
		} else if s.Label == nil {
			s.Label = &Label{Show: true, Position: "right"}
		}
		if s.ItemStyle == nil {
			s.ItemStyle = StyleOf(s.Name, i)
		}
		s.Data = inherit(s.Data, s.ItemStyle)
		o.Series = append(o.Series, s)
	}
	return o
}

// inherit leaves out a bar's style where it is its series' (ECharts draws
// a bar in its series' style unless it has its own): a report's pack
// repeated the same colour and decal for every bar, a tenth of its bytes.
func inherit(items []BarItem, style *ItemStyle) []BarItem {
	var out []BarItem
	for i, it := range items {
		if it.ItemStyle == nil || !reflect.DeepEqual(it.ItemStyle, style) {
			continue
		}
		if out == nil {
			out = slices.Clone(items) // the caller's items stay as given
		}
		out[i].ItemStyle = nil
	}
	if out == nil {
		return items
	}
	return out
}
