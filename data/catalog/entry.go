package catalog

import "nianbao/data"

// Entry is one report of the index: where it is, its consistency and its
// key figures, each figure with whether it is broken or lost.
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
	PrevYear bool   `json:"v,omitempty"`
	Pack     string `json:"p"` // the pack's file, under PacksDir
	// Figures are the key figures by Key, as one array to keep the index
	// small; they are read through Figure and the named accessors (New,
	// Handled…), never by position.
	Figures [numKeys]int64 `json:"k"`
	// Broken and Lost mark figures, bit k for Key k: Broken, a figure
	// that takes part in a cross-check the report breaks as published
	// (data.BrokenCells); Lost, a figure that is or holds a number lost in
	// copying and recovered by a cross-check. Read them through Marked.
	Broken uint32 `json:"kb,omitempty"`
	Lost   uint32 `json:"kl,omitempty"`
	// Partial is an entry read from a directory whose block is not merged
	// yet: no figures, marks or pack (see Index.Merge).
	Partial bool `json:"-"`
}

// Key is a key figure of an entry: a count of table 三's 总计 column, or of
// a column of table 四's review or litigation group (both kinds of
// litigation added up).
type Key int

// The key figures. KeyReview and KeyLitigation each begin a group of five,
// one a column of table 四 in data.AppealColumns order: KeyReview +
// data.AppealCorrected is review's 结果纠正.
const (
	KeyNew Key = iota
	KeyCarriedIn
	KeyHandled
	KeyGranted
	KeyPartial
	KeyDenied
	KeyUnable
	KeyDeclined
	KeyOther
	KeyCarriedOver
	KeyReview
	KeyLitigation = KeyReview + 5
	numKeys       = KeyLitigation + 5
)

// OutcomeKeys are the six outcome categories of table 三, in table order:
// each one's key figure, its data.Category key and its name.
var OutcomeKeys = [6]struct {
	Key   Key
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
// filters it: every entry is in exactly one.
type Consistency string

const (
	AllHold      Consistency = "ok"        // 全部成立: every check, the cross-year one among them, holds
	NoPrevYear   Consistency = "noprev"    // the report's own checks hold; no previous year to check against
	HasRecovered Consistency = "recovered" // 有推算: every check run holds, some numbers recovered
	HasFindings  Consistency = "findings"  // 有不一致: some check breaks as published
)

// Consistencies are every state, in the order the catalog offers them.
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

// Marked says whether figure k is broken (takes part in a cross-check the
// report breaks as published) or lost (is or holds a recovered number).
func (e *Entry) Marked(k Key) (broken, lost bool) {
	return e.Broken&(1<<k) != 0, e.Lost&(1<<k) != 0
}

// Figure is key figure k: for code that walks a list of keys. The named
// ones below are how the rest of the product reads a single figure.
func (e *Entry) Figure(k Key) int64 { return e.Figures[k] }

// New is table 三's 本年新收政府信息公开申请数量, 总计.
func (e *Entry) New() int64 { return e.Figures[KeyNew] }

// CarriedIn is table 三's 上年结转政府信息公开申请数量, 总计.
func (e *Entry) CarriedIn() int64 { return e.Figures[KeyCarriedIn] }

// Handled is table 三's 本年度办理结果, 总计 (三、本年度办理结果's 总计 row).
func (e *Entry) Handled() int64 { return e.Figures[KeyHandled] }

// CarriedOver is table 三's 结转下年度继续办理, 总计.
func (e *Entry) CarriedOver() int64 { return e.Figures[KeyCarriedOver] }

// Reviews is table 四's 行政复议 总计.
func (e *Entry) Reviews() int64 { return e.Figures[KeyReview+data.AppealTotal] }

// Litigations is table 四's 行政诉讼 总计 (未经复议 and 复议后 added up).
func (e *Entry) Litigations() int64 { return e.Figures[KeyLitigation+data.AppealTotal] }

// Opened is the number of requests answered with the information, in full
// or in part.
func (e *Entry) Opened() int64 { return e.Figures[KeyGranted] + e.Figures[KeyPartial] }

// Concluded is the number of concluded cases of a table 四 group (KeyReview
// or KeyLitigation): upheld, corrected or other.
func (e *Entry) Concluded(group Key) int64 {
	return e.Figures[group+data.AppealUpheld] + e.Figures[group+data.AppealCorrected] + e.Figures[group+data.AppealOther]
}

// Corrected is the number of a group's cases that ended corrected.
func (e *Entry) Corrected(group Key) int64 { return e.Figures[group+data.AppealCorrected] }

// NewEntry makes the index entry of a report. prev is the body's report of
// the year before, nil for none: the cross-year check runs against it.
// Each figure is the sum of its cells (blanks as 0), broken or lost when
// one of them is.
func NewEntry(r *data.Report, body int, pack string, prev *data.Report) Entry {
	cross := data.CrossYear(prev, r)
	e := Entry{ID: r.ID, Body: body, Year: r.Year, Format: r.Format, Pack: pack,
		Findings: len(data.Check(r)), Recovered: len(data.RecoveredCells(r)), CrossYear: len(cross),
		PrevYear: data.IsPrevYear(prev, r)}
	broken := data.BrokenCells(r, cross)
	for k, cells := range figureCells(r) {
		for _, c := range cells {
			cell := r.Cell(c.Table, c.Row, c.Col)
			e.Figures[k] += cell.N()
			if _, ok := broken[c]; ok {
				e.Broken |= 1 << k
			}
			if cell.Status == data.Recovered {
				e.Lost |= 1 << k
			}
		}
	}
	return e
}

// figureCells are the cells each of an entry's Figures adds up, by Key.
func figureCells(r *data.Report) [numKeys][]data.CellRef {
	var out [numKeys][]data.CellRef
	requests := func(row string) data.CellRef {
		return data.CellRef{Table: data.TableRequests, Row: row, Col: data.ColTotal}
	}
	appeals := func(group string, col int) data.CellRef {
		return data.CellRef{Table: data.TableAppeals, Row: group, Col: col}
	}
	out[KeyNew] = []data.CellRef{requests(data.RowNew.Key)}
	out[KeyCarriedIn] = []data.CellRef{requests(data.RowCarriedIn.Key)}
	out[KeyHandled] = []data.CellRef{requests(data.RowTotal.Key)}
	out[KeyCarriedOver] = []data.CellRef{requests(data.RowCarriedOver.Key)}
	for _, o := range OutcomeKeys {
		for _, c := range r.Requests.Categories() {
			if c.Key == o.Cat {
				for _, row := range c.Rows {
					out[o.Key] = append(out[o.Key], requests(row.Key))
				}
			}
		}
	}
	for c := range data.AppealColumns {
		out[KeyReview+Key(c)] = []data.CellRef{appeals("review", c)}
		out[KeyLitigation+Key(c)] = []data.CellRef{appeals("litigation_direct", c), appeals("litigation_after_review", c)}
	}
	return out
}
