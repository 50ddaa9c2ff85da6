package charts

import (
	"encoding/json"
	"fmt"
	"strings"

	"nianbao/data"
	"nianbao/data/catalog"
)

// Pack is everything the explorer shows of one report: the dataset, every
// chart the build made of it by chart ID, and the cross-year check against
// the same body's previous report: whether it ran, and its findings. The
// build writes one per report; the browser fetches it when a visitor opens
// the report, and the prerendered pages are made from the same bytes.
type Pack struct {
	Report    *data.Report
	Charts    map[string]Chart
	PrevYear  bool // the body's report of the year before was there: the cross-year check ran
	CrossYear []data.Finding
	// Narrative are the findings of rule 6, the narrative's counts
	// against the tables, computed by the build (data.NarrativeFindings)
	// so that the browser's app does not carry the rule's patterns.
	Narrative []data.NarrativeFinding
	BodyID    string // the body's page is /b/{BodyID}
	URL       string // where it was read from, for the page to name
	// Pointer is where the pack is in the document at URL, a JSON pointer
	// ("" for the whole document, "/sum" in the portal's summary).
	Pointer string
	// Peers are the report's rates against the bodies of its level and
	// year, and Prev the index entry of the body's previous report (nil
	// for none): computed by the build from the index, so that the
	// overview needs no index (peers.go, yoy.go).
	Peers *Peers
	Prev  *catalog.Entry
}

type packJSON struct {
	Report    json.RawMessage         `json:"report"`
	BodyID    string                  `json:"body_id"`
	Charts    map[string]Chart        `json:"charts"`
	PrevYear  bool                    `json:"prev_year,omitempty"`
	CrossYear []data.Finding          `json:"cross_year,omitempty"`
	Narrative []data.NarrativeFinding `json:"narrative,omitempty"`
	Peers     *Peers                  `json:"peers,omitempty"`
	Prev      *catalog.Entry          `json:"prev,omitempty"`
}

// Encode writes the pack as JSON, the report in its dataset form.
func (p *Pack) Encode() ([]byte, error) {
	r, err := data.Encode(p.Report)
	if err != nil {
		return nil, err
	}
	return json.Marshal(packJSON{r, p.BodyID, p.Charts, p.PrevYear, p.CrossYear, p.Narrative, p.Peers, p.Prev})
}

// Marks are the marks of the report's numbers.
func (p *Pack) Marks() Marks { return MarksOf(p.Report, p.CrossYear, p.PrevYear) }

// DecodePack reads a pack written by Encode, validating its report.
func DecodePack(b []byte) (*Pack, error) {
	var pj packJSON
	if err := json.Unmarshal(b, &pj); err != nil {
		return nil, fmt.Errorf("report pack: %w", err)
	}
	r, err := data.Decode(pj.Report) // validated by the build that wrote it
	if err != nil {
		return nil, fmt.Errorf("report pack: %w", err)
	}
	return &Pack{Report: r, Charts: pj.Charts, PrevYear: pj.PrevYear, CrossYear: pj.CrossYear, Narrative: pj.Narrative,
		BodyID: pj.BodyID, Peers: pj.Peers, Prev: pj.Prev}, nil
}

// Chart is the chart with the ID; one missing (a pack from another version
// of the site) has an empty table and says so.
func (p *Pack) Chart(id string) Chart {
	if c, ok := p.Charts[id]; ok {
		if p.URL != "" {
			c.Src = ChartSrc(p.URL, p.Pointer, id)
		}
		return c
	}
	return Chart{ID: id, Title: "图表", Summary: "这份报告的图表数据缺失，请重新生成网站。", Option: json.RawMessage(`{}`)}
}

// Outcomes is the outcome chart, or the numbered reasons of a category.
func (p *Pack) Outcomes(category string) Chart {
	if _, ok := p.Charts["outcomes-"+category]; ok && category != "" {
		return p.Chart("outcomes-" + category)
	}
	return p.Chart("outcomes")
}

// ChartSrc is where the option of the chart with the ID is read (Chart.Src)
// in the document at url, whose charts by ID are at pointer + "/charts" (a
// JSON pointer; "" for the document's top).
func ChartSrc(url, pointer, id string) string {
	return url + "#" + pointer + "/charts/" + pointerToken(id) + "/option"
}

// pointerToken escapes a key as a JSON pointer's reference token (RFC 6901).
func pointerToken(key string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(key)
}
