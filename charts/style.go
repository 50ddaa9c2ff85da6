package charts

// Ink is the charts' text and outline colour: web/style.css's --card-ink,
// the colour of the white card every chart is drawn on, in every colour
// scheme. web/js/charts.js and web/js/image.js read the card's computed
// colour, which is this one unless forced colours change it.
const Ink = "#1a1a1a"

// Font holds Chinese on every system the site is seen on.
const Font = `"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif`

// Palette is the product's one set of mark colours, each at least 3:1
// against the white chart card (WCAG 2.x non-text contrast), told apart
// under the three kinds of colour blindness, and each paired with its own
// decal pattern (Decals) so that colour is never the only cue. It keeps
// Okabe–Ito's blue, vermillion and bluish green, and its reddish purple
// darkened; Okabe–Ito's orange, sky blue and yellow are too light on white
// (2.3:1, 2.3:1, 1.3:1), so Paul Tol's indigo, a sienna, a dark grey and
// black stand in. Contrast on white, in order: 5.2, 3.9, 3.4, 3.6, 5.6,
// 12.2, 8.5, 21.
var Palette = [8]string{"#0072B2", "#D55E00", "#009E73", "#C5699B", "#A0522D", "#332288", "#4D4D4D", "#000000"}

// decalInk is the colour of every decal's pattern: white, light enough to
// show on the darkest mark and leave the lightest at its colour.
const decalInk = "rgba(255,255,255,0.6)"

// Decals are the patterns of the Palette's colours, by the same index:
// solid, diagonal stripes, dots, a checker, horizontal stripes, triangles,
// stripes the other way, diamonds.
var Decals = [8]*Decal{
	nil,
	{Symbol: "rect", SymbolSize: 1, DashArrayX: []any{1, 0}, DashArrayY: []any{3, 4}, Rotation: 0.785398, Color: decalInk},
	{Symbol: "circle", SymbolSize: 0.7, DashArrayX: []any{[]int{7, 7}, []int{0, 7, 7, 0}}, DashArrayY: []any{6, 1}, Color: decalInk},
	{Symbol: "rect", SymbolSize: 1, DashArrayX: []any{[]int{5, 5}, []int{0, 5, 5, 0}}, DashArrayY: []any{5, 0}, Color: decalInk},
	{Symbol: "rect", SymbolSize: 1, DashArrayX: []any{1, 0}, DashArrayY: []any{3, 5}, Color: decalInk},
	{Symbol: "triangle", SymbolSize: 0.75, DashArrayX: []any{[]int{9, 9}, []int{0, 9, 9, 0}}, DashArrayY: []any{7, 2}, Color: decalInk},
	{Symbol: "rect", SymbolSize: 1, DashArrayX: []any{1, 0}, DashArrayY: []any{3, 4}, Rotation: -0.785398, Color: decalInk},
	{Symbol: "diamond", SymbolSize: 0.8, DashArrayX: []any{[]int{8, 8}, []int{0, 8, 8, 0}}, DashArrayY: []any{7, 1}, Color: decalInk},
}

// styleOf is each named category's place in the Palette: a category looks
// the same in every chart it is drawn in (予以公开 in the outcome bars, the
// flow and the bars by applicant). Categories that are never drawn in one
// chart may share a look.
func styleOf(name string) int {
	for _, s := range styles {
		if s.name == name {
			return int(s.i)
		}
	}
	return -1
}

var styles = [...]struct {
	name string
	i    int8
}{
	// Outcomes (table 三, 三、本年度办理结果).
	{"予以公开", 0}, {"不予公开", 1}, {"部分公开", 2}, {"无法提供", 3}, {"不予处理", 4}, {"其他处理", 6},
	// The flow of requests, and who asked (本年新收 by applicant).
	{"本年新收", 5}, {"本年办理", 6}, {"上年结转", 7}, {"结转下年度", 7},
	// Review and litigation (table 四).
	{"结果维持", 0}, {"结果纠正", 1}, {"其他结果", 6}, {"尚未审结", 3}, {"行政复议", 0}, {"行政诉讼", 1},
}

// StyleOf is the colour and decal of a named category, or of the nth of a
// chart's unnamed series.
func StyleOf(name string, n int) *ItemStyle {
	i := styleOf(name)
	if i < 0 {
		i = n % len(Palette)
	}
	return styleAt(i)
}

func styleAt(i int) *ItemStyle {
	// A border of the mark's own colour keeps its edge at full contrast
	// under the lighter pattern.
	d := any("none")
	if Decals[i] != nil {
		d = Decals[i]
	}
	return &ItemStyle{Color: Palette[i], BorderColor: Palette[i], BorderWidth: 1, Decal: d}
}

// Neutral is the look of what is not a category: the flow's pool of
// requests to handle, white with an ink outline.
var Neutral = &ItemStyle{Color: "#ffffff", BorderColor: Ink, BorderWidth: 1, Decal: "none"}
