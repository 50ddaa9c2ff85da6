package catalog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/data"
)

// nantong is the shipped dataset of the default report, decoded and
// validated.
func nantong(t testing.TB) *data.Report {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "datasets", "nantong-city-2019.json"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := data.Decode(b)
	if err == nil {
		err = r.Validate()
	}
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestLevelAndRegion(t *testing.T) {
	for _, tt := range []struct{ name, level, region string }{
		{"南通市人民政府", "市", "南通市"},
		{"淮安市洪泽区人民政府", "县区", "淮安市"},
		{"平潭综合实验区", "市", "平潭综合实验区"},
		{"江苏省人民政府", "省", "江苏省"},
		{"淮安市人民政府办公室", "部门", "淮安市"},
		{"苏州市昆山市人民政府", "县区", "苏州市"},
		{"淮安市洪泽区高良涧街道办事处", "乡镇街道", "淮安市"},
		{"合成省第3市第2区第1镇人民政府", "乡镇街道", "合成省第3市"},
		{"合成省第3市教育局", "部门", "合成省第3市"},
	} {
		if l, r := LevelOf(tt.name), regionOf(tt.name); l != tt.level || r != tt.region {
			t.Errorf("%s: %s, %s; want %s, %s", tt.name, l, r, tt.level, tt.region)
		}
	}
}

func TestIndexYears(t *testing.T) {
	x := &Index{Reports: []Entry{{Year: 2023}, {Year: 2019}, {Year: 2023}, {Year: 2024}}}
	if got := strings.Join(x.Years(), ","); got != "2024,2023,2019" {
		t.Errorf("Years() = %s", got)
	}
}

// An entry keeps which of its figures take part in a broken cross-check
// or were recovered, and whether the cross-year check could run.
func TestEntryMarksItsFigures(t *testing.T) {
	prev, cur := nantong(t), nantong(t)
	cur.Year++
	cur.Appeals["review"][data.AppealTotal] = data.Num(0) // the results add up to 228
	cur.Requests["granted"][data.ColTotal] = data.Cell{Value: 2165, Status: data.Recovered, Rule: data.RuleOutcomes}
	e := NewEntry(cur, 0, "p", prev)
	var review uint32
	for c := range data.AppealColumns {
		review |= 1 << (KeyReview + Key(c))
	}
	// Rule 5 breaks too: 106 carried in against last year's 103 carried over.
	if want := review | 1<<KeyCarriedIn; e.Broken != want {
		t.Errorf("broken %b, want %b", e.Broken, want)
	}
	if e.Lost != 1<<KeyGranted || !e.PrevYear || e.Consistency() != HasFindings {
		t.Errorf("lost %b, year before %v, %s", e.Lost, e.PrevYear, e.Consistency())
	}

	alone := NewEntry(nantong(t), 0, "p", nil)
	if alone.PrevYear || alone.Broken != 0 || alone.Consistency() != HasRecovered {
		t.Errorf("Nantong 2019 alone: %+v, %s", alone, alone.Consistency())
	}
	r := nantong(t)
	if alone.New() != 4971 || alone.CarriedIn() != 106 || alone.Handled() != 4974 || alone.CarriedOver() != 103 ||
		alone.Figure(KeyDenied) != 4+14+1+46+26+33+23+104 || alone.Opened() != 2165+325 ||
		alone.Reviews() != r.Appeals.Cell("review", data.AppealTotal).N() ||
		alone.Litigations() != r.Appeals.Cell("litigation_direct", data.AppealTotal).N()+r.Appeals.Cell("litigation_after_review", data.AppealTotal).N() {
		t.Errorf("Nantong 2019's figures: %v", alone.Figures)
	}
	alone.Recovered = 0
	if alone.Consistency() != NoPrevYear || alone.Consistency().Label() != "本年成立，无上年报告" {
		t.Errorf("without the year before: %s", alone.Consistency())
	}
}
