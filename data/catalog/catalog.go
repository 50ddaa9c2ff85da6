// Package catalog is the index of every report a site ships: its bodies,
// and for each report where its pack is, its consistency and its key
// figures. The catalog, a body's page, comparisons and rankings read it;
// the build writes it (Encode) and the browser reads it (Parse). What is
// about one report, its tables, cells and cross-checks, is package data's;
// catalog imports data, never the other way round.
package catalog

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"

	"nianbao/data"
)

// Index is the catalog of every report a site ships: the bodies, and an
// entry for each report. It stays small at thousands of reports: short
// keys, no text but names, figures as one array. Every entry's Body is an
// index into Bodies (Parse checks it).
type Index struct {
	Bodies  []Body  `json:"bodies"`
	Reports []Entry `json:"reports"`
	// Per and BlockFiles are an index read from a directory's: how many
	// bodies a block holds, and each block's file under PacksDir (see
	// ParseDirectory).
	Per        int           `json:"-"`
	BlockFiles []string      `json:"-"`
	inBlock    map[int][]int // InBlock's, made at its first call
	partial    int           // how many entries are partial (Whole)
}

// Body is a reporting body, a government or one of its departments, with
// the ID of its page, its level (one of Levels) and its region.
type Body struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Level  string `json:"level"`
	Region string `json:"region"`
	// Search are the words the catalog's search finds the body by,
	// separated by spaces: its name's forms, in traditional characters
	// and pinyin, its region and province (made by the build).
	Search string `json:"s,omitempty"`
}

// PacksDir is the folder of the site that holds the reports' packs and the
// index: the open data's folder too (data.OpenDataDir).
const PacksDir = data.OpenDataDir

// Levels are every level of government a body can belong to, in the order
// the catalog offers them.
var Levels = []string{"省", "市", "县区", "部门", "乡镇街道"}

// LevelOf derives a body's level from its name, for datasets that do not
// say (see README.md, "Levels and regions"):
//
//   - 乡镇街道: a name ending in 镇人民政府, 乡人民政府, 街道办事处 or 街道;
//   - 县区: a name that is a place ending in 区, 县 or 旗, a
//     government whose place ends so, or a 市 inside another 市 (a
//     county-level city, "苏州市昆山市人民政府");
//   - 部门: any other name that does not end in 人民政府 (局, 委员会, 办公室,
//     厅, 中心…): a department or agency;
//   - 市: a government whose place ends in 市 or 州 (盟, 地区), and a
//     prefecture-level zone named by its place (…综合实验区);
//   - 省: a government whose place ends in 省 or 自治区 (the four
//     municipalities are named by 市 and count as 市).
func LevelOf(name string) string {
	n := strings.TrimSpace(name)
	switch {
	case hasAnySuffix(n, "镇人民政府", "乡人民政府", "街道办事处", "街道"):
		return "乡镇街道"
	case strings.HasSuffix(n, "综合实验区"):
		return "市" // a prefecture-level zone named by its place: 平潭综合实验区
	case hasAnySuffix(n, "区", "县", "旗"):
		return "县区" // a zone's administration named by its place
	case !strings.HasSuffix(n, "人民政府"):
		return "部门"
	}
	place := strings.TrimSuffix(n, "人民政府")
	switch {
	case hasAnySuffix(place, "区", "县", "旗"):
		return "县区"
	case strings.HasSuffix(place, "市") && strings.Count(place, "市") > 1:
		return "县区"
	case hasAnySuffix(place, "市", "州", "盟", "地区"):
		return "市"
	case hasAnySuffix(place, "省", "自治区"):
		return "省"
	}
	return "部门"
}

// regionOf is the region a body belongs to: its name up to the first 市 (or
// 州, 盟), else up to its 省 or 自治区, else the name itself. "淮安市洪泽区人民
// 政府" and "淮安市人民政府" are both in 淮安市.
func regionOf(name string) string {
	for _, sep := range []string{"市", "州", "盟", "自治区", "省"} {
		if i := strings.Index(name, sep); i > 0 {
			return name[:i+len(sep)]
		}
	}
	return strings.TrimSuffix(name, "人民政府")
}

func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// Find returns the entry with the ID, or nil.
func (x *Index) Find(id string) *Entry {
	for i := range x.Reports {
		if x.Reports[i].ID == id {
			return &x.Reports[i]
		}
	}
	return nil
}

// BodyOf is the body of an entry.
func (x *Index) BodyOf(e *Entry) *Body {
	if e.Body < 0 || e.Body >= len(x.Bodies) {
		return &Body{Name: "（未知机关）"}
	}
	return &x.Bodies[e.Body]
}

// FindBody returns the body with the ID and its reports, newest first.
func (x *Index) FindBody(id string) (*Body, []*Entry) {
	for i := range x.Bodies {
		if x.Bodies[i].ID != id {
			continue
		}
		var es []*Entry
		for j := range x.Reports {
			if x.Reports[j].Body == i {
				es = append(es, &x.Reports[j])
			}
		}
		return &x.Bodies[i], es
	}
	return nil, nil
}

// validate checks that every entry names a body of the index.
func (x *Index) validate() error {
	for i, e := range x.Reports {
		if e.Body < 0 || e.Body >= len(x.Bodies) || !data.ValidID(e.ID) {
			return fmt.Errorf("catalog index, report %d (%q): body %d of %d, or a bad id", i, e.ID, e.Body, len(x.Bodies))
		}
	}
	return nil
}

// Encode writes the index as compact JSON.
func (x *Index) Encode() ([]byte, error) { return encodeJSON(x) }

// Parse reads an index written by Encode and checks that every entry names
// a body of it and has a valid ID.
func Parse(b []byte) (*Index, error) {
	var x Index
	if err := json.Unmarshal(b, &x); err != nil {
		return nil, fmt.Errorf("catalog index: %w", err)
	}
	return &x, x.validate()
}

// Grouping is the reports of a site grouped by body: the bodies (with
// their IDs, levels and regions), each report's body, and each report's
// previous year of the same body, for the cross-year check.
type Grouping struct {
	Bodies []Body
	BodyOf map[string]int          // report ID → index into Bodies
	Prev   map[string]*data.Report // report ID → the same body's report of the year before
}

// Group groups reports, sorted as data.SortReports sorts them, by body. A body's
// ID comes from its reports' IDs without their year ("hongze-district-2023"
// → "hongze-district"), or from a hash of its name when that does not give
// one of its own.
func Group(reports []*data.Report) *Grouping {
	g := &Grouping{BodyOf: map[string]int{}, Prev: map[string]*data.Report{}}
	byName := map[string]int{}
	stems := map[int]string{}
	for i, r := range reports {
		b, ok := byName[r.Body]
		if !ok {
			b = len(g.Bodies)
			byName[r.Body] = b
			g.Bodies = append(g.Bodies, Body{Name: r.Body, Level: LevelOf(r.Body), Region: regionOf(r.Body)})
		}
		g.BodyOf[r.ID] = b
		if stem, ok := strings.CutSuffix(r.ID, fmt.Sprintf("-%d", r.Year)); ok && data.ValidID(stem) && stems[b] == "" {
			stems[b] = stem
		}
		if i+1 < len(reports) && reports[i+1].Body == r.Body && reports[i+1].Year == r.Year-1 {
			g.Prev[r.ID] = reports[i+1]
		}
	}
	taken := map[string]bool{}
	for i := range g.Bodies {
		id := stems[i]
		if id == "" || taken[id] {
			// FNV-1a of the name: a stable ID of the body, with no
			// cryptography in the browser's build (which links this
			// package).
			h := fnv.New64a()
			h.Write([]byte(g.Bodies[i].Name))
			id = fmt.Sprintf("body-%010x", h.Sum64()>>24)
			for n := 2; taken[id]; n++ {
				id = fmt.Sprintf("body-%010x-%d", h.Sum64()>>24, n)
			}
		}
		taken[id] = true
		g.Bodies[i].ID = id
	}
	return g
}

// Years are the years the index's reports cover, the newest first.
func (x *Index) Years() []string {
	var ys []int
	for _, e := range x.Reports {
		if !slices.Contains(ys, e.Year) {
			ys = append(ys, e.Year)
		}
	}
	slices.Sort(ys)
	slices.Reverse(ys)
	out := make([]string, len(ys))
	for i, y := range ys {
		out[i] = strconv.Itoa(y)
	}
	return out
}
