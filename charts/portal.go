package charts

import (
	"encoding/json"
	"fmt"
	"slices"

	"nianbao/data/catalog"
)

// Portal is what the front page shows of a portal: its latest year across
// all its bodies (the reports added up, with their charts, as one pack),
// the bodies of that year at a glance, and every year's totals. The build
// writes it as one small file, whatever the number of reports: the front
// page never needs the whole catalog.
type Portal struct {
	Year      int          `json:"year"`
	AllBodies int          `json:"all_bodies"` // bodies of the site, any year
	Sum       *Pack        `json:"-"`          // the year's reports added up (data.Sum), with their charts
	Bodies    []PortalBody `json:"bodies"`     // the year's bodies, most requests received first
	Years     []YearTotal  `json:"years"`      // every year, the newest first
}

// PortalBody is a body's report of the portal's year, at a glance.
type PortalBody struct {
	Body        string              `json:"body"`   // the body's page is /b/{Body}
	Name        string              `json:"name"`   // the body's name
	Report      string              `json:"report"` // the report's ID
	Consistency catalog.Consistency `json:"consistency"`
	New         int64               `json:"new"`     // 本年新收
	Handled     int64               `json:"handled"` // （七）总计
	Opened      int64               `json:"opened"`  // 予以公开 + 部分公开
	Review      int64               `json:"review"`  // 行政复议 总计
	Litigation  int64               `json:"litigation"`
}

// YearTotal is a year's totals across the portal's bodies.
type YearTotal struct {
	Year       int   `json:"year"`
	Bodies     int   `json:"bodies"`   // bodies that published a report of the year
	Findings   int   `json:"findings"` // of those, reports with an inconsistency
	New        int64 `json:"new"`
	Handled    int64 `json:"handled"`
	Opened     int64 `json:"opened"`
	Review     int64 `json:"review"`
	Corrected  int64 `json:"corrected"` // 行政复议 结果纠正
	Concluded  int64 `json:"concluded"` // 行政复议 已审结
	Litigation int64 `json:"litigation"`
}

// NewPortal makes the portal's summary from the catalog index and the
// pack of the latest year's reports added up.
func NewPortal(x *catalog.Index, sum *Pack) *Portal {
	p := &Portal{AllBodies: len(x.Bodies), Sum: sum}
	byYear := map[int]*YearTotal{}
	for i := range x.Reports {
		e := &x.Reports[i]
		p.Year = max(p.Year, e.Year)
		t := byYear[e.Year]
		if t == nil {
			t = &YearTotal{Year: e.Year}
			byYear[e.Year] = t
		}
		t.Bodies++
		if e.Consistency() == catalog.HasFindings {
			t.Findings++
		}
		t.New += e.New()
		t.Handled += e.Handled()
		t.Opened += e.Opened()
		t.Review += e.Reviews()
		t.Corrected += e.Corrected(catalog.KeyReview)
		t.Concluded += e.Concluded(catalog.KeyReview)
		t.Litigation += e.Litigations()
	}
	for _, t := range byYear {
		p.Years = append(p.Years, *t)
	}
	slices.SortFunc(p.Years, func(a, b YearTotal) int { return b.Year - a.Year })
	for i := range x.Reports {
		e := &x.Reports[i]
		if e.Year != p.Year {
			continue
		}
		b := x.BodyOf(e)
		p.Bodies = append(p.Bodies, PortalBody{Body: b.ID, Name: b.Name, Report: e.ID, Consistency: e.Consistency(),
			New: e.New(), Handled: e.Handled(), Opened: e.Opened(),
			Review: e.Reviews(), Litigation: e.Litigations()})
	}
	slices.SortStableFunc(p.Bodies, func(a, b PortalBody) int {
		if a.New != b.New {
			if a.New > b.New {
				return -1
			}
			return 1
		}
		return 0
	})
	return p
}

type portalJSON struct {
	Portal
	Sum json.RawMessage `json:"sum"`
}

// Encode writes the portal's summary as JSON.
func (p *Portal) Encode() ([]byte, error) {
	sum, err := p.Sum.Encode()
	if err != nil {
		return nil, err
	}
	return json.Marshal(portalJSON{*p, sum})
}

// DecodePortal reads a summary written by Encode.
func DecodePortal(b []byte) (*Portal, error) {
	var pj portalJSON
	if err := json.Unmarshal(b, &pj); err != nil {
		return nil, fmt.Errorf("portal summary: %w", err)
	}
	sum, err := DecodePack(pj.Sum)
	if err != nil {
		return nil, fmt.Errorf("portal summary: %w", err)
	}
	p := pj.Portal
	p.Sum = sum
	return &p, nil
}

// From records the summary's URL, where the front page's script reads its
// charts (Chart.Src).
func (p *Portal) From(url string) {
	p.Sum.URL, p.Sum.Pointer = url, "/sum"
}

// ThisYear is the totals of the portal's year.
func (p *Portal) ThisYear() YearTotal {
	for _, t := range p.Years {
		if t.Year == p.Year {
			return t
		}
	}
	return YearTotal{Year: p.Year}
}
