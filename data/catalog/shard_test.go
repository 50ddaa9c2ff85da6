package catalog

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"nianbao/data"
)

// shardIndex is an index of 11 bodies' reports, made from Nantong's 2019
// report: every kind of entry the directory writes in a short form.
func shardIndex(t *testing.T) *Index {
	x := &Index{}
	r := nantong(t)
	for b := range 11 {
		x.Bodies = append(x.Bodies, Body{ID: fmt.Sprintf("body-%d", b), Name: fmt.Sprintf("第%d机关", b), Level: "部门", Region: "某市", Search: "mou"})
		for y := 2019; y < 2019+b%4+1; y++ {
			e := NewEntry(r, b, fmt.Sprintf("r/body-%d-%d.%x.json.gz", b, y, 0xabc0+b*7+y), nil)
			e.ID, e.Year = fmt.Sprintf("body-%d-%d", b, y), y
			e.Figures[KeyNew] += int64(b*100 + y)
			e.Findings, e.CrossYear, e.PrevYear = b%3, b%2, y > 2019
			if b == 4 {
				e.Format = data.Format2021
				e.ID = fmt.Sprintf("renamed-%d", y) // not its body's ID and year
				e.Pack = "elsewhere/" + e.ID + ".json"
			}
			x.Reports = append(x.Reports, e)
		}
	}
	return x
}

func TestIndexSplitsIntoADirectoryAndBlocks(t *testing.T) {
	x := shardIndex(t)
	dir, blocks, err := x.Split(3, func(i int, b []byte) string { return fmt.Sprintf("index/%d.json", i) })
	if err != nil {
		t.Fatal(err)
	}
	if len(blocks) != 4 {
		t.Fatalf("%d blocks of 3 bodies for 11 bodies", len(blocks))
	}
	if strings.Contains(string(dir), `"k"`) || strings.Contains(string(dir), "abc") {
		t.Errorf("the directory holds figures or packs: %.300s", dir)
	}
	y, err := ParseDirectory(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(y.Reports) != len(x.Reports) || y.Per != 3 || !slices.Equal(y.BlockFiles, []string{"index/0.json", "index/1.json", "index/2.json", "index/3.json"}) {
		t.Fatalf("%d reports, %d a block, blocks %v", len(y.Reports), y.Per, y.BlockFiles)
	}
	for i := range y.Reports {
		e, want := y.Reports[i], x.Reports[i]
		if !e.Partial || e.ID != want.ID || e.Body != want.Body || e.Year != want.Year || e.Format != want.Format ||
			e.Consistency() != want.Consistency() || e.Figures != ([numKeys]int64{}) || e.Pack != "" {
			t.Errorf("report %d from the directory: %+v, want %+v's directory fields", i, e, want)
		}
	}
	// Body 4's reports and body 10's: blocks 1 and 3.
	_, four := y.FindBody("body-4")
	_, ten := y.FindBody("body-10")
	if got := y.Missing(append(ten, four...)); !slices.Equal(got, []int{1, 3}) {
		t.Errorf("missing %v, want [1 3]", got)
	}
	for _, i := range []int{3, 1} {
		if err := y.Merge(i, blocks[i]); err != nil {
			t.Fatal(err)
		}
	}
	if got := y.Missing(append(ten, four...)); len(got) != 0 || !slices.Equal(y.AllMissing(), []int{0, 2}) {
		t.Errorf("after merging 1 and 3: missing %v, all missing %v", got, y.AllMissing())
	}
	if four[0].Pack != "elsewhere/renamed-2019.json" || four[0].Figure(KeyNew) != x.Find("renamed-2019").Figure(KeyNew) {
		t.Errorf("body 4's first report: %+v", four[0])
	}
	if y.Whole() {
		t.Error("whole with blocks 0 and 2 missing")
	}
	for _, i := range append(y.AllMissing(), 1) { // block 1 a second time
		if err := y.Merge(i, blocks[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !y.Whole() || y.partial != 0 {
		t.Errorf("every block merged: whole %v, %d partial", y.Whole(), y.partial)
	}
	y.Per, y.BlockFiles, y.inBlock = 0, nil, nil
	if !reflect.DeepEqual(x, y) {
		t.Errorf("merged whole, the index differs:\n%+v\n%+v", x.Reports[:3], y.Reports[:3])
	}
}

func TestADirectoryOrBlockThatDoesNotFitIsRefused(t *testing.T) {
	x := shardIndex(t)
	dir, blocks, err := x.Split(3, func(i int, b []byte) string { return fmt.Sprintf("index/%d.json", i) })
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ from, to, want string }{
		{`"per":3`, `"per":4`, "4 blocks of 4 bodies"},
		{`"r":[[0,2019`, `"r":[[11,2019`, "report 0: body 11 of 11"},
		{`"index/0.json"`, `"../0.json"`, `block 0: bad file "../0.json"`},
		{`"r":[[0,2019`, `"r":[[0],[0,2019`, "report 0: 1 fields"},
		{`"per":3`, `"per":9223372036854775807`, "4 blocks of 9223372036854775807 bodies"},
		{`"index/0.json"`, `"."`, `block 0: bad file "."`},
	} {
		bad := strings.Replace(string(dir), c.from, c.to, 1)
		if bad == string(dir) {
			t.Fatalf("%s: not in the directory", c.from)
		}
		if _, err := ParseDirectory([]byte(bad)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s → %s: %v, want %q", c.from, c.to, err, c.want)
		}
	}
	y, err := ParseDirectory(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := y.Merge(1, blocks[0]); err == nil || !strings.Contains(err.Error(), "catalog block 1: 6 reports, the directory has 7") {
		t.Errorf("block 0 as block 1: %v", err)
	}
	bad := strings.Replace(string(blocks[1]), `"p":"elsewhere/`, `"p":"../`, 1)
	if err := y.Merge(1, []byte(bad)); err == nil || !strings.Contains(err.Error(), "bad pack") {
		t.Errorf("a pack outside the data: %v", err)
	}
	// Body 3's reports come before body 4's in block 1: none is merged.
	if y.Merged(1) || !y.Reports[y.InBlock(1)[0]].Partial {
		t.Error("a block refused is merged in part")
	}
	if err := y.Merge(1, blocks[1]); err != nil || !y.Merged(1) {
		t.Errorf("block 1 after the bad one: %v, merged %v", err, y.Merged(1))
	}
}
