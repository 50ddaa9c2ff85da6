package app

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"nianbao/data"
	"nianbao/data/catalog"
)

// manyBodies is a source whose index has n bodies of one report each,
// named so that their order is their number's.
func manyBodies(t *testing.T, n int) *memSource {
	x := &catalog.Index{}
	for i := range n {
		x.Bodies = append(x.Bodies, catalog.Body{ID: fmt.Sprintf("body-%03d", i), Name: fmt.Sprintf("第%03d局", i), Level: "部门"})
		e := catalog.Entry{ID: fmt.Sprintf("body-%03d-2024", i), Body: i, Year: 2024, Format: data.Format2021, Pack: "r/x.json"}
		e.Figures[catalog.KeyNew] = int64(i)
		x.Reports = append(x.Reports, e)
	}
	b, err := x.Encode()
	if err != nil {
		t.Fatal(err)
	}
	return &memSource{index: b}
}

// The catalog without the WebAssembly lists its bodies in pages of
// PlainPerPage, each page the same size whatever the site's, linked to
// each other.
func TestThePlainCatalogIsPaged(t *testing.T) {
	useSource(t, manyBodies(t, 250))
	if got := PlainPages(250); !slices.Equal(got, []string{"/reports/2", "/reports/3"}) {
		t.Errorf("PlainPages(250) = %v", got)
	}
	if got := PlainPages(100); len(got) != 0 {
		t.Errorf("PlainPages(100) = %v", got)
	}
	if p := pageAt("/reports/3"); p.Path != "/reports" {
		t.Errorf("/reports/3 is routed to %q", p.Path)
	}
	html := render(t, nil, "http://localhost/reports/2")
	wantIn(t, html, "本站收录 250 个机关的 250 份报告", "本页列出按名称排列的第 101–200 个机关（第 2 / 3 页）",
		`href="/b/body-100"`, `href="/b/body-199"`, `data-pages="3"`,
		`href="/reports">上一页`, `href="/reports/3">下一页`)
	if !regexp.MustCompile(`<a aria-current="page" aria-label="第 2 页" href="/reports/2">2</a>`).MatchString(html) {
		t.Errorf("page 2 is not marked current: %s", html[strings.Index(html, "page-numbers"):][:300])
	}
	for _, not := range []string{`href="/b/body-099"`, `href="/b/body-200"`} {
		if strings.Contains(html, not) {
			t.Errorf("page 2 holds %s", not)
		}
	}
	if n := strings.Count(html, `class="body-link"`); n != PlainPerPage {
		t.Errorf("page 2 lists %d bodies", n)
	}
	// Past the last page: the last.
	html = render(t, nil, "http://localhost/reports/9")
	wantIn(t, html, "第 201–250 个机关（第 3 / 3 页）", `href="/b/body-249"`)
	if strings.Contains(html, "下一页") {
		t.Error("the last page links a next one")
	}
}

func TestAFewBodiesAreOnePage(t *testing.T) {
	html := render(t, nil, "http://localhost/reports")
	if strings.Contains(html, "plain-pager") || strings.Contains(html, "本页列出") {
		t.Error("the shipped portal's catalog is paged")
	}
	wantIn(t, html, `data-pages="1"`)
}

// The catalog reads the figures of the rows it shows, or of every report
// for a sort by a figure; a row whose figures are on their way says so.
func TestTheCatalogNeedsItsRowsFigures(t *testing.T) {
	x, err := manyBodies(t, 60).Index()
	if err != nil {
		t.Fatal(err)
	}
	dir, blocks, err := x.Split(8, func(i int, b []byte) string { return fmt.Sprintf("index/%d.json", i) })
	if err != nil {
		t.Fatal(err)
	}
	d, err := catalog.ParseDirectory(dir)
	if err != nil {
		t.Fatal(err)
	}
	p := &reports{}
	p.v.url = mustURL(t, "http://localhost/reports?page=2")
	if got := d.Missing(p.needs(d)); !slices.Equal(got, []int{3, 4, 5, 6}) {
		t.Errorf("page 2 (bodies 25–49) needs blocks %v, want [3 4 5 6]", got)
	}
	p.v.url = mustURL(t, "http://localhost/reports?page=9")
	if got := d.Missing(p.needs(d)); !slices.Equal(got, []int{6, 7}) {
		t.Errorf("page 9, past the last (bodies 50–59), needs blocks %v, want [6 7]", got)
	}
	p.v.url = mustURL(t, "http://localhost/reports?sort=new")
	if got := d.Missing(p.needs(d)); len(got) != 8 {
		t.Errorf("a sort by 本年新收 needs blocks %v, want all 8", got)
	}
	p.v.url = mustURL(t, "http://localhost/reports?sort=name&q=第05")
	if got := d.Missing(p.needs(d)); !slices.Equal(got, []int{6, 7}) {
		t.Errorf("a search for 第05 needs blocks %v, want [6 7]", got)
	}
	p.v.index, p.f = d, filterFromURL(mustURL(t, "http://localhost/reports?sort=new"))
	p.apply(nil)
	if !p.sorting || p.matched != 60 || p.rows[0].ID != "body-000-2024" {
		t.Errorf("sorting by a figure before the figures: sorting %v, %d matched, first %s", p.sorting, p.matched, p.rows[0].ID)
	}
	v := p.rowValues(d, p.rows[0])
	if v[slotNew] != "载入中" || v[slotBody] != "第000局" || !strings.Contains(p.figuresNote(), "正在载入") {
		t.Errorf("a row without its figures: %q, %q; note %q", v[slotNew], v[slotBody], p.figuresNote())
	}
	// The figures arrive: sorted, and shown.
	for _, i := range d.AllMissing() {
		if err := d.Merge(i, blocks[i]); err != nil {
			t.Fatal(err)
		}
	}
	p.apply(nil)
	if p.sorting || p.rows[0].ID != "body-059-2024" || p.rowValues(d, p.rows[0])[slotNew] != "59" || p.figuresNote() != "" {
		t.Errorf("sorting by a figure with them: sorting %v, first %s", p.sorting, p.rows[0].ID)
	}
}

// A body's page whose index does not load says so (it read the index it
// did not have for the pack it needs, and stopped the app).
func TestABodysPageWithoutItsIndex(t *testing.T) {
	useSource(t, &memSource{err: fmt.Errorf("%w: index.json", ErrOffline)})
	html := render(t, nil, "http://localhost/b/hongze-district")
	wantIn(t, html, "网络没有连通，而报告目录没有保存在这台设备上")
}
