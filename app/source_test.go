package app

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"nianbao/charts"
	"nianbao/charts/echarts"
	"nianbao/data"
	"nianbao/data/catalog"
	"nianbao/data/dataset"
)

// memSource is a Source made in the test from reports, as the site
// builder makes its own: each report's pack and the catalog index, encoded
// and decoded again as a browser would read them.
type memSource struct {
	packs  map[string][]byte
	index  []byte
	portal []byte
	err    error
}

func (m *memSource) Portal() (*charts.Portal, error) {
	if m.err != nil {
		return nil, m.err
	}
	return charts.DecodePortal(m.portal)
}

func (m *memSource) OpenData() (*OpenData, error) {
	if m.err != nil {
		return nil, m.err
	}
	return nil, fmt.Errorf("%w: no open data in this test", ErrNotFound)
}

func (m *memSource) Index() (*catalog.Index, error) {
	if m.err != nil {
		return nil, m.err
	}
	return catalog.Parse(m.index)
}

func (m *memSource) Pack(id string) (*charts.Pack, error) {
	if m.err != nil {
		return nil, m.err
	}
	b, ok := m.packs[id]
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrNotFound, id)
	}
	p, err := charts.DecodePack(b)
	if p != nil {
		p.URL = "/data/r/" + id + ".json"
	}
	return p, err
}

// newMemSource makes the source of reports.
func newMemSource(t testing.TB, reports []*data.Report) *memSource {
	t.Helper()
	data.SortReports(reports)
	g := catalog.Group(reports)
	m := &memSource{packs: map[string][]byte{}}
	x := &catalog.Index{Bodies: g.Bodies}
	for _, r := range reports {
		b, err := echarts.Pack(r, g.Bodies[g.BodyOf[r.ID]].ID, g.Prev[r.ID]).Encode()
		if err != nil {
			t.Fatal(err)
		}
		m.packs[r.ID] = b
		x.Reports = append(x.Reports, catalog.NewEntry(r, g.BodyOf[r.ID], "r/"+r.ID+".json", g.Prev[r.ID]))
	}
	b, err := x.Encode()
	if err != nil {
		t.Fatal(err)
	}
	m.index = b
	year := 0
	for _, r := range reports {
		year = max(year, r.Year)
	}
	var of []*data.Report
	for _, r := range reports {
		if r.Year == year {
			of = append(of, r)
		}
	}
	if m.portal, err = charts.NewPortal(x, echarts.Pack(data.Sum("portal", "各机关合计", year, of), "", nil)).Encode(); err != nil {
		t.Fatal(err)
	}
	return m
}

// shipped are the shipped datasets.
func shipped(t testing.TB) []*data.Report {
	t.Helper()
	reports, err := dataset.ReadDir(filepath.Join("..", "data", "datasets"))
	if err != nil {
		t.Fatal(err)
	}
	return reports
}

// useSource makes src the pages' source for the test.
func useSource(t testing.TB, src Source) {
	SetSource(src)
	t.Cleanup(func() { SetSource(nil) })
}

func TestMain(m *testing.M) {
	os.Exit(m.Run())
}
