package charts

import (
	"testing"

	"nianbao/data"
	"nianbao/data/catalog"
)

// entryOf is the index entry of a report written by hand: its table 三's
// 总计 column and its table 四's 总计s, by row key (every other cell 0).
func entryOf(id string, body, year int, requests, appeals map[string]int64) catalog.Entry {
	r := &data.Report{ID: id, Year: year, Requests: data.Requests{}, Appeals: data.Appeals{}}
	for row, v := range requests {
		r.Requests[row] = &data.RequestRow{data.ColTotal: data.Num(v)}
	}
	for group, v := range appeals {
		r.Appeals[group] = &data.AppealRow{data.AppealTotal: data.Num(v)}
	}
	return catalog.NewEntry(r, body, "", nil)
}

// peerIndex is a small index written by hand: departments (部门) of 2023,
// one of 2022 and a city government of 2023, which are not their peers.
func peerIndex() *catalog.Index {
	x := &catalog.Index{}
	add := func(name string, year int, handled, opened int64) *catalog.Entry {
		x.Bodies = append(x.Bodies, catalog.Body{ID: name, Name: name, Level: catalog.LevelOf(name)})
		x.Reports = append(x.Reports, entryOf(name+"-report", len(x.Bodies)-1, year, map[string]int64{"total": handled, "granted": opened}, nil))
		return &x.Reports[len(x.Reports)-1]
	}
	add("甲局", 2023, 20, 10)     // 50 %
	add("乙局", 2023, 10, 8)      // 80 %
	add("丙局", 2023, 40, 10)     // 25 %
	add("丁局", 2023, 5, 5)       // 100 %, on 5 cases: not placed
	add("戊局", 2023, 50, 30)     // 60 %
	add("己局", 2023, 100, 40)    // 40 %
	add("庚局", 2023, 10, 7)      // 70 %
	add("辛局", 2023, 20, 10)     // 50 %, as 甲局
	add("壬局", 2022, 10, 10)     // another year
	add("某某市人民政府", 2023, 10, 0) // another level
	return x
}

// TestSharePeerBands: ranks and P25–P75 bands against a hand-computed
// example. The placed 2023 departments' disclosure rates, sorted, are 25,
// 40, 50, 50, 60, 70, 80 (n = 7). P25: h = 6 × 0.25 = 1.5, so 40 + 0.5 ×
// (50 − 40) = 45; P75: h = 4.5, so 60 + 0.5 × (70 − 60) = 65. 甲局's 50 %
// has 80, 70 and 60 above it: 4th, and so is 辛局 with the same rate.
func TestSharePeerBands(t *testing.T) {
	x := peerIndex()
	g := NewPeerGroups(x)
	rate := func(id string) PeerRate {
		for i := range x.Reports {
			if x.Reports[i].ID == id {
				p := g.Of(&x.Reports[i], nil)
				if p.Level != "部门" || p.Year != 2023 && id != "壬局-report" {
					t.Errorf("%s: peers of %s %d", id, p.Level, p.Year)
				}
				return p.Rates[0]
			}
		}
		t.Fatalf("no %s", id)
		return PeerRate{}
	}
	for _, c := range []struct {
		id     string
		placed bool
		rank   int
	}{{"甲局-report", true, 4}, {"辛局-report", true, 4}, {"乙局-report", true, 1}, {"丙局-report", true, 7}, {"丁局-report", false, 0}} {
		r := rate(c.id)
		if r.ID != "open" || r.Placed != c.placed || r.Rank != c.rank || r.Peers != 7 || !r.Band || r.P25 != 45 || r.P75 != 65 {
			t.Errorf("%s: %+v, want placed %v, rank %d of 7, band 45–65", c.id, r, c.placed, c.rank)
		}
	}
	// 壬局 alone in 2022: shown, placed first of one, no band.
	if r := rate("壬局-report"); !r.Placed || r.Rank != 1 || r.Peers != 1 || r.Band {
		t.Errorf("壬局 alone in its year: %+v", r)
	}
	// No department concluded a review: every review rate is shown
	// unplaced, on nobody.
	e := &x.Reports[0]
	if r := g.Of(e, nil).Rates[1]; r.ID != "review" || r.Placed || r.Peers != 0 || r.Band || r.Text() != "—" {
		t.Errorf("review rate without cases: %+v", r)
	}
	// Marks come from the function given.
	if r := g.Of(e, func(id string) string { return map[string]string{"open": "recovered"}[id] }).Rates[0]; r.Mark != "recovered" {
		t.Errorf("mark %q", r.Mark)
	}
}

func TestShareQuantile(t *testing.T) {
	for _, c := range []struct {
		v    []float64
		q, w float64
	}{{[]float64{1}, 0.25, 1}, {[]float64{1, 2}, 0.75, 1.75}, {[]float64{10, 20, 30, 40}, 0.25, 17.5}, {[]float64{10, 20, 30, 40}, 1, 40}} {
		if got := Quantile(c.v, c.q); got != c.w {
			t.Errorf("Quantile(%v, %v) = %v, want %v", c.v, c.q, got, c.w)
		}
	}
}

// TestShareYearOnYear: each key figure's change, shown and spoken.
func TestShareYearOnYear(t *testing.T) {
	cur := entryOf("cur", 0, 2024, map[string]int64{"total": 112, "granted": 56, "new": 90}, // 50.0 % opened
		map[string]int64{"review": 3, "litigation_direct": 1000, "litigation_after_review": 1})
	prev := entryOf("prev", 0, 2023, map[string]int64{"total": 100, "granted": 40, "new": 100}, // 40.0 %
		map[string]int64{"litigation_direct": 1000})
	got := YearOnYear(&cur, &prev)
	for id, want := range map[string]Change{
		"handled":      {"较上年 +12%", "比上年增加12%"},
		"new":          {"较上年 −10%", "比上年减少10%"},
		"carried-over": {"与上年持平", "与上年持平"},
		"review":       {"上年为 0", "上年为0件"},
		"litigation":   {"较上年 +0.1%", "比上年增加0.1%"},
		"open-rate":    {"较上年 +10.0 个百分点", "比上年提高10.0个百分点"},
	} {
		if got[id] != want {
			t.Errorf("%s: %+v, want %+v", id, got[id], want)
		}
	}
	prev.Year = 2021
	if c := YearOnYear(&cur, &prev)["handled"]; c.Text != "较2021年 +12%" {
		t.Errorf("against a report two years before: %q", c.Text)
	}
	if YearOnYear(&cur, nil) != nil {
		t.Error("a change without a previous report")
	}
}
