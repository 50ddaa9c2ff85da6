package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
)

// Index is the catalog of every report a site ships: the bodies, and for
// each report its place in the catalog, its consistency and a few key
// figures. It is what the catalog, a body's page, comparisons and rankings
// read, and it is made to stay small at thousands of reports: short keys, no
// text but names, figures as one array.
type Index struct {
	Bodies  []Body  `json:"bodies"`
	Reports []Entry `json:"reports"`
}

// Body is a reporting body: a government or one of its departments.
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

// Entry is one report of the index.
type Entry struct {
	ID        string `json:"id"`
	Body      int    `json:"b"` // index into Index.Bodies
	Year      int    `json:"y"`
	Format    string `json:"f"`
	Findings  int    `json:"n,omitempty"` // findings of the cross-checks
	Recovered int    `json:"r,omitempty"` // numbers recovered by a cross-check
	CrossYear int    `json:"x,omitempty"` // findings of the cross-year check
	// PrevYear says that the index holds the body's report of the year
	// before, so that the cross-year check (rule 5) was run; without one
	// it does not apply, and counts as neither holding nor broken.
	PrevYear bool           `json:"v,omitempty"`
	Pack     string         `json:"p"` // the pack's file, under PacksDir
	Figures  [numKeys]int64 `json:"k"`
	// Broken and Lost mark figures, bit i for Figures[i]: Broken, a figure
	// that takes part in a cross-check the report breaks as published
	// (BrokenCells); Lost, a figure that is or holds a number lost in
	// copying and recovered by a cross-check.
	Broken uint32 `json:"kb,omitempty"`
	Lost   uint32 `json:"kl,omitempty"`
}

// PacksDir is the folder of the site that holds the reports' packs.
const PacksDir = "data"

// Key figures of an entry, by index into Entry.Figures: table 三's 总计
// column, then table 四 (both kinds of litigation added up).
const (
	KeyNew = iota
	KeyCarriedIn
	KeyHandled
	KeyGranted
	KeyPartial
	KeyDenied
	KeyUnable
	KeyDeclined
	KeyOther
	KeyCarriedOver
	KeyReview                     // 5 figures, in AppealColumns order
	KeyLitigation = KeyReview + 5 // 5 figures, in AppealColumns order
	numKeys       = KeyLitigation + 5
)

// OutcomeKeys are the six outcome categories' figures, in table order, with
// the category keys of the template.
var OutcomeKeys = [6]struct {
	Key   int
	Cat   string
	Label string
}{
	{KeyGranted, "granted", "予以公开"},
	{KeyPartial, "partial", "部分公开"},
	{KeyDenied, "denied", "不予公开"},
	{KeyUnable, "unable", "无法提供"},
	{KeyDeclined, "declined", "不予处理"},
	{KeyOther, "other", "其他处理"},
}

// Consistency is a report's state against the cross-checks, as the catalog
// filters it.
type Consistency string

const (
	AllHold      Consistency = "ok"        // 全部成立: every check, the cross-year one among them, holds
	NoPrevYear   Consistency = "noprev"    // the report's own checks hold; no previous year to check against
	HasRecovered Consistency = "recovered" // 有推算: every check run holds, some numbers recovered
	HasFindings  Consistency = "findings"  // 有不一致: some check breaks as published
)

// Consistencies are the states, in the order the catalog offers them.
var Consistencies = []Consistency{AllHold, NoPrevYear, HasRecovered, HasFindings}

// Label is the consistency in words.
func (c Consistency) Label() string {
	switch c {
	case HasFindings:
		return "有不一致"
	case HasRecovered:
		return "有推算"
	case NoPrevYear:
		return "本年成立，无上年报告"
	}
	return "全部成立"
}

// Consistency is the entry's state against the cross-checks.
func (e *Entry) Consistency() Consistency {
	switch {
	case e.Findings+e.CrossYear > 0:
		return HasFindings
	case e.Recovered > 0:
		return HasRecovered
	case !e.PrevYear:
		return NoPrevYear
	}
	return AllHold
}

// Marked says whether figure k is Broken or Lost.
func (e *Entry) Marked(k int) (broken, lost bool) {
	return e.Broken&(1<<k) != 0, e.Lost&(1<<k) != 0
}

// Figure is key figure k (KeyNew…): for code that walks a list of keys.
// The named ones below are how the rest of the product reads the index.
func (e *Entry) Figure(k int) int64 { return e.Figures[k] }

// New is table 三's 本年新收政府信息公开申请数量, 总计.
func (e *Entry) New() int64 { return e.Figures[KeyNew] }

// CarriedIn is table 三's 上年结转政府信息公开申请数量, 总计.
func (e *Entry) CarriedIn() int64 { return e.Figures[KeyCarriedIn] }

// Handled is table 三's 本年度办理结果, 总计 (三、本年度办理结果's 总计 row).
func (e *Entry) Handled() int64 { return e.Figures[KeyHandled] }

// CarriedOver is table 三's 结转下年度继续办理, 总计.
func (e *Entry) CarriedOver() int64 { return e.Figures[KeyCarriedOver] }

// Reviews is table 四's 行政复议 总计.
func (e *Entry) Reviews() int64 { return e.Figures[KeyReview+AppealTotal] }

// Litigations is table 四's 行政诉讼 总计 (未经复议 and 复议后 added up).
func (e *Entry) Litigations() int64 { return e.Figures[KeyLitigation+AppealTotal] }

// Opened is the number of requests answered with the information, in full
// or in part.
func (e *Entry) Opened() int64 { return e.Figures[KeyGranted] + e.Figures[KeyPartial] }

// Concluded is the number of concluded cases of a table 四 group (KeyReview
// or KeyLitigation): upheld, corrected or other.
func (e *Entry) Concluded(group int) int64 {
	return e.Figures[group] + e.Figures[group+1] + e.Figures[group+2]
}

// Corrected is the number of a group's cases that ended corrected.
func (e *Entry) Corrected(group int) int64 { return e.Figures[group+1] }

// NewEntry makes the index entry of a report. prev is the body's report of
// the year before, nil for none: the cross-year check runs against it.
func NewEntry(r *Report, body int, pack string, prev *Report) Entry {
	cross := CrossYear(prev, r)
	e := Entry{ID: r.ID, Body: body, Year: r.Year, Format: r.Format, Pack: pack,
		Findings: len(Check(r)), Recovered: len(RecoveredCells(r)), CrossYear: len(cross),
		PrevYear: IsPrevYear(prev, r)}
	broken := BrokenCells(r, cross)
	for k, cells := range FigureCells(r) {
		for _, c := range cells {
			if _, ok := broken[c]; ok {
				e.Broken |= 1 << k
			}
			if c.Status(r) == Recovered {
				e.Lost |= 1 << k
			}
		}
	}
	t := r.Requests
	get := func(row string) int64 { return t.Get(row, ColTotal) }
	e.Figures[KeyNew] = get(RowNew.Key)
	e.Figures[KeyCarriedIn] = get(RowCarriedIn.Key)
	e.Figures[KeyHandled] = get(RowTotal.Key)
	for _, o := range OutcomeKeys {
		for _, c := range t.Categories() {
			if c.Key == o.Cat {
				e.Figures[o.Key] = t.CategorySum(c, ColTotal)
			}
		}
	}
	e.Figures[KeyCarriedOver] = get(RowCarriedOver.Key)
	for c := range AppealColumns {
		e.Figures[KeyReview+c] = r.Appeals.Cell("review", c).N()
		e.Figures[KeyLitigation+c] = r.Appeals.Cell("litigation_direct", c).N() + r.Appeals.Cell("litigation_after_review", c).N()
	}
	return e
}

// FigureCells are the cells each of an entry's Figures is read from, by
// index into Figures.
func FigureCells(r *Report) [numKeys][]CellRef {
	var out [numKeys][]CellRef
	total := func(row string) []CellRef { return []CellRef{{TableRequests, row, ColTotal}} }
	out[KeyNew] = total(RowNew.Key)
	out[KeyCarriedIn] = total(RowCarriedIn.Key)
	out[KeyHandled] = total(RowTotal.Key)
	out[KeyCarriedOver] = total(RowCarriedOver.Key)
	for _, o := range OutcomeKeys {
		for _, c := range r.Requests.Categories() {
			if c.Key == o.Cat {
				for _, row := range c.Rows {
					out[o.Key] = append(out[o.Key], CellRef{TableRequests, row.Key, ColTotal})
				}
			}
		}
	}
	for c := range AppealColumns {
		out[KeyReview+c] = []CellRef{{TableAppeals, "review", c}}
		out[KeyLitigation+c] = []CellRef{{TableAppeals, "litigation_direct", c}, {TableAppeals, "litigation_after_review", c}}
	}
	return out
}

// Status is where the cell's value comes from.
func (c CellRef) Status(r *Report) Status { return r.Cell(c.Table, c.Row, c.Col).Status }

// IsPrevYear says whether prev is the same body's report of the year
// before cur: the report the cross-year check runs against.
func IsPrevYear(prev, cur *Report) bool {
	return prev != nil && cur != nil && prev.Body == cur.Body && prev.Year == cur.Year-1
}

// CrossYear is the cross-year check: in every column of table 三, this
// year's 二、上年结转 equals the previous year's 四、结转下年度继续办理 of the
// same body. It returns a finding (rule 5, at this year's row carried_in)
// for each column that differs; none when prev is not the year before cur.
// Blank cells count as 0, as in the other checks.
func CrossYear(prev, cur *Report) []Finding {
	if !IsPrevYear(prev, cur) {
		return nil
	}
	var fs []Finding
	for c, col := range RequestColumns {
		printed := cur.Requests.Get(RowCarriedIn.Key, c)
		want := prev.Requests.Get(RowCarriedOver.Key, c)
		if printed != want {
			fs = append(fs, Finding{Rule: RuleCrossYear, Table: TableRequests, Row: RowCarriedIn.Key, Column: col.Key, Printed: printed, Want: want})
		}
	}
	return fs
}

// Levels of government a body can belong to, as the catalog filters them.
var Levels = []string{"省", "市", "县区", "部门", "乡镇街道"}

// LevelOf derives a body's level from its name, for datasets that do not
// say (see doc.go, "Levels and regions"):
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

// RegionOf is the region a body belongs to: its name up to the first 市 (or
// 州, 盟), else up to its 省 or 自治区, else the name itself. "淮安市洪泽区人民
// 政府" and "淮安市人民政府" are both in 淮安市.
func RegionOf(name string) string {
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

// Validate checks that every entry names a body of the index.
func (x *Index) Validate() error {
	for i, e := range x.Reports {
		if e.Body < 0 || e.Body >= len(x.Bodies) || !ValidID(e.ID) {
			return fmt.Errorf("catalog index, report %d (%q): body %d of %d, or a bad id", i, e.ID, e.Body, len(x.Bodies))
		}
	}
	return nil
}

// Encode writes the index as compact JSON.
func (x *Index) Encode() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(x); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// ParseIndex reads an index written by Encode and checks it.
func ParseIndex(b []byte) (*Index, error) {
	var x Index
	if err := json.Unmarshal(b, &x); err != nil {
		return nil, fmt.Errorf("catalog index: %w", err)
	}
	return &x, x.Validate()
}

// Grouping is the reports of a site grouped by body: the bodies (with
// their IDs, levels and regions), each report's body, and each report's
// previous year of the same body, for the cross-year check.
type Grouping struct {
	Bodies []Body
	BodyOf map[string]int     // report ID → index into Bodies
	Prev   map[string]*Report // report ID → the same body's report of the year before
}

// Group groups reports, sorted as SortReports sorts them, by body. A body's
// ID comes from its reports' IDs without their year ("hongze-district-2023"
// → "hongze-district"), or from a hash of its name when that does not give
// one of its own.
func Group(reports []*Report) *Grouping {
	g := &Grouping{BodyOf: map[string]int{}, Prev: map[string]*Report{}}
	byName := map[string]int{}
	stems := map[int]string{}
	for i, r := range reports {
		b, ok := byName[r.Body]
		if !ok {
			b = len(g.Bodies)
			byName[r.Body] = b
			g.Bodies = append(g.Bodies, Body{Name: r.Body, Level: LevelOf(r.Body), Region: RegionOf(r.Body)})
		}
		g.BodyOf[r.ID] = b
		if stem, ok := strings.CutSuffix(r.ID, fmt.Sprintf("-%d", r.Year)); ok && ValidID(stem) && stems[b] == "" {
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
