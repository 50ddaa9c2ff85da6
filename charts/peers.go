package charts

import (
	"math"
	"sort"
	"strconv"

	"nianbao/data"
	"nianbao/data/catalog"
)

// Peers in context: each of a report's rates against the bodies of the
// same level in the same year, from the numbers the catalog index holds.
// The build computes them into each report's pack (the overview then needs
// no index); a body's page computes them from the index it has. 说明
// (app/about.go) gives each definition with its denominator.

// MinPeerBase is the fewest cases a rate is placed among its peers on: a
// rate on fewer is shown but not placed, and not counted in the band
// (the ranking lists the same bodies apart).
const MinPeerBase = 10

// MinPeerBand is the fewest placed bodies a P25–P75 band is given for:
// the quartiles of three numbers say nothing.
const MinPeerBand = 5

// PeerRateDef is a rate compared among peers: its ID, its name, its
// numerator and denominator in words, and its count and base from an
// index entry.
type PeerRateDef struct {
	ID, Label, Part, Of string
	Value               func(e *catalog.Entry) (count, base int64)
}

// PeerRates are the rates compared among peers, in the order shown.
var PeerRates = []PeerRateDef{
	{"open", "予以公开或部分公开", "予以公开 + 部分公开", "本年办理（表三（七）总计）", func(e *catalog.Entry) (int64, int64) {
		return e.Opened(), e.Handled()
	}},
	{"review", "复议纠错", "行政复议结果纠正", "行政复议已审结（结果维持 + 结果纠正 + 其他结果）", func(e *catalog.Entry) (int64, int64) {
		return e.Corrected(catalog.KeyReview), e.Concluded(catalog.KeyReview)
	}},
	{"litigation", "诉讼纠错", "行政诉讼结果纠正（两类诉讼之和）", "行政诉讼已审结（两类诉讼的结果维持 + 结果纠正 + 其他结果）", func(e *catalog.Entry) (int64, int64) {
		return e.Corrected(catalog.KeyLitigation), e.Concluded(catalog.KeyLitigation)
	}},
	{"carryover", "结转", "结转下年度继续办理", "本年新收 + 上年结转", func(e *catalog.Entry) (int64, int64) {
		return e.CarriedOver(), e.New() + e.CarriedIn()
	}},
}

// Peers are a report's rates against its peers.
type Peers struct {
	Level string     `json:"level"`
	Year  int        `json:"year"`
	Rates []PeerRate `json:"rates"`
}

// PeerRate is one rate of a report among its peers.
type PeerRate struct {
	ID    string `json:"id"`
	Count int64  `json:"count"` // the rate is Count of Base
	Base  int64  `json:"base"`
	// Placed says the rate rests on at least MinPeerBase cases; Rank is
	// then its place from the highest (1), ties sharing the better place.
	Placed bool `json:"placed,omitempty"`
	Rank   int  `json:"rank,omitempty"`
	// Peers is how many bodies of the level and year have a placed rate
	// (the report's own among them when placed): what the rank and the
	// band rest on. Band says whether there are enough for a band.
	Peers int     `json:"peers"`
	Band  bool    `json:"band,omitempty"`
	P25   float64 `json:"p25,omitempty"`
	P75   float64 `json:"p75,omitempty"`
	// Mark is "inconsistent" when a figure the rate rests on breaks a
	// cross-check as published, "recovered" when one was recovered; ""
	// when neither.
	Mark string `json:"mark,omitempty"`
}

// Def is the rate's definition.
func (r PeerRate) Def() PeerRateDef {
	for _, d := range PeerRates {
		if d.ID == r.ID {
			return d
		}
	}
	return PeerRateDef{ID: r.ID, Label: r.ID}
}

// Text is the rate as shown: "43.5%", "—" without a base.
func (r PeerRate) Text() string { return Percent(r.Count, r.Base) }

// PeerGroups are an index's reports grouped by level and year.
type PeerGroups struct {
	x      *catalog.Index
	groups map[peerKey][]*catalog.Entry
}

type peerKey struct {
	level string
	year  int
}

// NewPeerGroups groups the index's reports by their body's level and year.
func NewPeerGroups(x *catalog.Index) *PeerGroups {
	g := &PeerGroups{x: x, groups: map[peerKey][]*catalog.Entry{}}
	for i := range x.Reports {
		e := &x.Reports[i]
		k := peerKey{x.BodyOf(e).Level, e.Year}
		g.groups[k] = append(g.groups[k], e)
	}
	return g
}

// Of is the report's rates against its peers; mark, when not nil, gives
// each rate's Mark by its ID.
func (g *PeerGroups) Of(e *catalog.Entry, mark func(id string) string) *Peers {
	level := g.x.BodyOf(e).Level
	p := &Peers{Level: level, Year: e.Year}
	group := g.groups[peerKey{level, e.Year}]
	for _, def := range PeerRates {
		count, base := def.Value(e)
		r := PeerRate{ID: def.ID, Count: count, Base: base, Placed: base >= MinPeerBase}
		var rates []float64
		for _, o := range group {
			c, b := def.Value(o)
			if b < MinPeerBase {
				continue
			}
			rates = append(rates, float64(c)*100/float64(b))
			// Compared as fractions, exactly: c/b > count/base.
			if r.Placed && c*base > count*b {
				r.Rank++
			}
		}
		if r.Placed {
			r.Rank++
		}
		r.Peers = len(rates)
		if r.Peers >= MinPeerBand {
			sort.Float64s(rates) // not slices.Sort: its float64 copy costs the WASM 14 kB
			r.Band, r.P25, r.P75 = true, round1(Quantile(rates, 0.25)), round1(Quantile(rates, 0.75))
		}
		if mark != nil {
			r.Mark = mark(def.ID)
		}
		p.Rates = append(p.Rates, r)
	}
	return p
}

// Quantile is the q-quantile of sorted values by linear interpolation
// between the closest ranks (Hyndman and Fan's type 7, as a spreadsheet's
// PERCENTILE.INC and R's default): at h = (n−1)q, the value at ⌊h⌋ plus
// the fraction of h beyond it of the step to the next.
func Quantile(sorted []float64, q float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	h := float64(len(sorted)-1) * q
	lo := int(math.Floor(h))
	if lo+1 >= len(sorted) {
		return sorted[lo]
	}
	return sorted[lo] + (h-float64(lo))*(sorted[lo+1]-sorted[lo])
}

// round1 rounds a percentage to one decimal.
func round1(v float64) float64 { return math.Round(v*10) / 10 }

// PeerMarks says, for each rate, whether a figure it rests on breaks a
// cross-check as published or was recovered: table 三's for the disclosure
// and carry-over rates (the cross-year check's too, for the carry-over,
// whose base holds 上年结转), table 四's group for review and litigation.
func PeerMarks(r *data.Report, crossYear []data.Finding) func(id string) string {
	in := func(id string, table data.Table, row string) bool {
		switch id {
		case "open", "carryover":
			return !table.IsAppeals()
		case "review":
			return table.IsAppeals() && row == "review"
		case "litigation":
			return table.IsAppeals() && row != "review"
		}
		return false
	}
	findings := data.Check(r)
	recovered := data.RecoveredCells(r)
	return func(id string) string {
		for _, f := range findings {
			if in(id, f.Table, f.Row) {
				return "inconsistent"
			}
		}
		if id == "carryover" && len(crossYear) > 0 {
			return "inconsistent"
		}
		for _, c := range recovered {
			if in(id, c.Table, c.Row) {
				return "recovered"
			}
		}
		return ""
	}
}

// EntryMarks are the marks a body's page can give from the index alone:
// every rate of a report with an inconsistency, or with a recovered number,
// is marked so.
func EntryMarks(e *catalog.Entry) func(id string) string {
	return func(string) string {
		switch {
		case e.Findings+e.CrossYear > 0:
			return "inconsistent"
		case e.Recovered > 0:
			return "recovered"
		}
		return ""
	}
}

// PercentText is a percentage with one decimal: "43.5%".
func PercentText(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) + "%" }

// PreviousReport is the body's report before e: the latest of an earlier
// year, nil when there is none.
func PreviousReport(x *catalog.Index, e *catalog.Entry) *catalog.Entry {
	var prev *catalog.Entry
	for i := range x.Reports {
		o := &x.Reports[i]
		if o.Body == e.Body && o.Year < e.Year && (prev == nil || o.Year > prev.Year) {
			prev = o
		}
	}
	return prev
}
