package synth

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"nianbao/data"
	"nianbao/data/catalog"
	"nianbao/data/importer"
)

const testN = 200

var seeds = []int64{1, 2, 20260101}

// imported generates testN reports for seed and imports each with the
// project's importer.
func imported(t *testing.T, seed int64) ([]*report, []*data.Report) {
	t.Helper()
	reps := generate(testN, seed)
	files := Reports(testN, seed)
	out := make([]*data.Report, len(files))
	for i, f := range files {
		imp, err := importer.Import(f.Name, "", f.Text)
		if err != nil {
			t.Fatalf("%s: %v\n%s", f.Name, err, f.Text)
		}
		if len(imp.Warnings) > 0 {
			t.Errorf("%s: warnings %q", f.Name, imp.Warnings)
		}
		out[i] = imp.Report
	}
	return reps, out
}

func TestEveryReportImportsAsGenerated(t *testing.T) {
	for _, seed := range seeds {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			reps, got := imported(t, seed)
			for i, g := range reps {
				r := got[i]
				name := g.fileName()
				if r.ID != strings.TrimSuffix(name, ".txt") || r.Body != g.body.name || r.Year != g.year || r.Format != g.format {
					t.Errorf("%s: header %s %q %d %s, want %q %d %s", name, r.ID, r.Body, r.Year, r.Format, g.body.name, g.year, g.format)
				}
				if r.Requests.OtherSplit() != g.split {
					t.Errorf("%s: （六） split = %v, want %v", name, r.Requests.OtherSplit(), g.split)
				}
				if r.Published != g.published {
					t.Errorf("%s: published %q, want %q", name, r.Published, g.published)
				}
				compareRequests(t, name, g, r)
				compareAppeals(t, name, g, r)
				compareDisclosure(t, name, g, r)
				for _, key := range []string{data.SectionOverview, data.SectionProblems, data.SectionOther} {
					s := r.Section(key)
					if s == nil || !strings.Contains(strings.Join(s.Paragraphs, ""), synthNote) {
						t.Errorf("%s: section %s = %+v, want it to say %s", name, key, s, synthNote)
					}
				}
				// The narrative quotes table 三's totals (rule 5, softer).
				ov := strings.Join(r.Section(data.SectionOverview).Paragraphs, "")
				if want := fmt.Sprintf("收到政府信息公开申请%d件", r.Requests.Get("new", data.ColTotal)); !strings.Contains(ov, want) {
					t.Errorf("%s: overview lacks %q: %s", name, want, ov)
				}
			}
		})
	}
}

func compareRequests(t *testing.T, name string, g *report, r *data.Report) {
	t.Helper()
	if len(r.Requests) != len(g.req) {
		t.Errorf("%s: table 三 has %d rows, want %d", name, len(r.Requests), len(g.req))
	}
	for key, row := range g.req {
		zeroRow := g.st.zeroRow && *row == [7]int64{}
		for c, v := range row {
			want := data.Num(v)
			if v == 0 && g.st.blank != "" && !zeroRow && c >= data.ColBusiness && c <= data.ColOtherOrg {
				want = data.Cell{Status: data.Blank}
			}
			if got := r.Requests.Cell(key, c); got != want {
				t.Errorf("%s: 三/%s/%s = %+v, want %+v", name, key, data.RequestColumns[c].Key, got, want)
			}
		}
	}
}

func compareAppeals(t *testing.T, name string, g *report, r *data.Report) {
	t.Helper()
	for gi, row := range data.AppealRows {
		for c := range data.AppealColumns {
			v := g.appeal[gi][c]
			got := r.Appeals.Cell(row.Key, c)
			if got.N() != v || got.Status == data.Recovered || got.Status == data.Blank && g.st.blank == "" {
				t.Errorf("%s: 四/%s/%s = %+v, want %d", name, row.Key, data.AppealColumns[c].Key, got, v)
			}
		}
	}
}

func compareDisclosure(t *testing.T, name string, g *report, r *data.Report) {
	t.Helper()
	var want []string
	for _, it := range g.disclosure {
		for _, row := range it.rows {
			for _, v := range row.values {
				want = append(want, it.item+"/"+row.label+"="+strings.TrimSuffix(v, "万元"))
			}
		}
	}
	var got []string
	for _, row := range r.Disclosure {
		for _, q := range row.Values {
			got = append(got, row.Item+"/"+row.Label+"="+q.Value)
			if (q.Key == "amount" || q.Key == "fee_amount") && q.Unit != "万元" {
				t.Errorf("%s: 二/%s/%s unit %q, want 万元", name, row.Key, q.Key, q.Unit)
			}
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s: table 二\n got %q\nwant %q", name, got, want)
	}
}

// data.Check finds exactly the deliberate table 四 findings, and
// data.CrossYear exactly the deliberate cross-year ones.
func TestFindingsAreExactlyTheDeliberateOnes(t *testing.T) {
	for _, seed := range seeds {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			reps, got := imported(t, seed)
			nAppeal, nCross := 0, 0
			for i, g := range reps {
				var want []data.Finding
				if g.appealError != nil {
					want = append(want, *g.appealError)
					nAppeal++
				}
				if fs := data.Check(got[i]); fmt.Sprint(fs) != fmt.Sprint(want) {
					t.Errorf("%s: findings %+v, want %+v", g.fileName(), fs, want)
				}
				if i == 0 || reps[i-1].body.index != g.body.index {
					if g.crossYear >= 0 {
						t.Errorf("%s: a body's first year has a cross-year inconsistency", g.fileName())
					}
					continue
				}
				var cols []string
				for _, f := range data.CrossYear(got[i-1], got[i]) {
					cols = append(cols, f.Column)
				}
				var wantCols []string
				if g.crossYear >= 0 {
					wantCols = []string{data.RequestColumns[g.crossYear].Key, "total"}
					nCross++
				}
				if !slices.Equal(cols, wantCols) {
					t.Errorf("%s: cross-year findings in %q, want %q", g.fileName(), cols, wantCols)
				}
			}
			if nAppeal == 0 || nCross == 0 || nAppeal > testN/10 || nCross > testN/10 {
				t.Errorf("%d table 四 and %d cross-year inconsistencies in %d reports, want about 3 %% each", nAppeal, nCross, testN)
			}
		})
	}
}

func TestDeterministicAndPrefix(t *testing.T) {
	all := Reports(testN, 7)
	if again := Reports(testN, 7); !equalFiles(all, again) {
		t.Error("the same seed gave different files")
	}
	if other := Reports(testN, 8); bytes.Equal(other[0].Text, all[0].Text) && bytes.Equal(other[1].Text, all[1].Text) {
		t.Error("another seed gave the same files")
	}
	for _, k := range []int{0, 1, 50, 137, testN} {
		if got := Reports(k, 7); !equalFiles(got, all[:k]) {
			t.Errorf("Reports(%d) is not the first %d of Reports(%d)", k, k, testN)
		}
	}
}

func equalFiles(a, b []File) bool {
	return slices.EqualFunc(a, b, func(x, y File) bool { return x.Name == y.Name && bytes.Equal(x.Text, y.Text) })
}

var nameRE = regexp.MustCompile(`^synth-[0-9]{5}-20(19|2[0-5])\.txt$`)

var bodyREs = map[string]*regexp.Regexp{
	"省":    regexp.MustCompile(`^合成省人民政府$`),
	"市":    regexp.MustCompile(`^合成省第[1-9][0-9]*市人民政府$`),
	"县区":   regexp.MustCompile(`^合成省第[1-9][0-9]*市第[1-9][0-9]*区人民政府$`),
	"部门":   regexp.MustCompile(`^合成省第[1-9][0-9]*市[^第0-9]+(局|委员会|中心)$`),
	"乡镇街道": regexp.MustCompile(`^合成省第[1-9][0-9]*市第[1-9][0-9]*区第[1-9][0-9]*(镇人民政府|街道办事处)$`),
}

func TestNamesLevelsYearsAndMix(t *testing.T) {
	// The mix of levels is measured on the scale benchmark's largest
	// catalog; -short looks at 2,000 reports, enough for the bands to hold
	// (fewer bodies make the one province a larger share).
	n := 5000
	if testing.Short() {
		n = 2000
	}
	reps := generate(n, 3)
	files := Reports(n, 3)
	seen := map[string]bool{}
	names := map[int]string{} // by body index
	levels := map[string]int{}
	for i, r := range reps {
		f := files[i].Name
		if !nameRE.MatchString(f) || seen[f] || !data.ValidID(importer.IDFromName(f)) {
			t.Errorf("file name %q: bad or repeated", f)
		}
		seen[f] = true
		lv := levelNames[r.body.level]
		if !bodyREs[lv].MatchString(r.body.name) || catalog.LevelOf(r.body.name) != lv {
			t.Errorf("%s: %q is not a %s name (LevelOf says %s)", f, r.body.name, lv, catalog.LevelOf(r.body.name))
		}
		if _, ok := names[r.body.index]; !ok {
			names[r.body.index] = r.body.name
			levels[lv]++
			if r.year != r.body.first {
				t.Errorf("%s: a body's reports do not start with its first year", f)
			}
		} else if reps[i-1].body.index != r.body.index || reps[i-1].year != r.year-1 {
			t.Errorf("%s: a body's reports are not together, year after year", f)
		}
		if r.body.years < 3 || r.body.years > 7 || r.body.first < firstYear || r.body.first+r.body.years-1 > lastYear {
			t.Errorf("%s: run of %d years from %d", f, r.body.years, r.body.first)
		}
		if want := map[bool]string{true: data.Format2019, false: data.Format2021}[r.year <= 2020]; r.format != want {
			t.Errorf("%s: format %s", f, r.format)
		}
		lo, hi := newRange(r.body.level)
		if v := r.req["new"][data.ColTotal]; v < lo || v > hi {
			t.Errorf("%s (%s): %d new requests, want %d–%d", f, lv, v, lo, hi)
		}
	}
	nb := len(names)
	if perBody := float64(n) / float64(nb); perBody < 4.5 || perBody > 5.5 {
		t.Errorf("%d bodies for %d reports: %.2f reports a body, want about 5", nb, n, perBody)
	}
	share := func(lvs ...string) float64 {
		s := 0
		for _, l := range lvs {
			s += levels[l]
		}
		return float64(s) / float64(nb)
	}
	for _, w := range []struct {
		levels []string
		lo, hi float64
	}{{[]string{"省", "市"}, 0.002, 0.025}, {[]string{"县区"}, 0.11, 0.19}, {[]string{"部门"}, 0.45, 0.55}, {[]string{"乡镇街道"}, 0.29, 0.39}} {
		if s := share(w.levels...); s < w.lo || s > w.hi {
			t.Errorf("%v: %.3f of bodies, want %.2f–%.2f", w.levels, s, w.lo, w.hi)
		}
	}
	if levels["省"] != 1 {
		t.Errorf("%d provinces, want 1", levels["省"])
	}
	byName := map[string]bool{}
	for _, nm := range names {
		if byName[nm] {
			t.Errorf("two bodies named %s", nm)
		}
		byName[nm] = true
	}
}

func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "synth")
	files := Reports(12, 1)
	if err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		b, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(b, f.Text) {
			t.Errorf("%s: read back %v", f.Name, err)
		}
		if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v", f.Name, st.Mode())
		}
	}
	if err := Write(dir, []File{{Name: "../x.txt"}}); err == nil {
		t.Error("a name with a directory was written")
	}
}
