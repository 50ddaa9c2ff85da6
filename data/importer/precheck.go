package importer

import (
	"runtime"
	"sort"

	"nianbao/data"
	"nianbao/data/catalog"
)

// PrecheckResult is the pre-publication check (发布前体检) of a draft: the
// report as read, and every note on it in the order of what to fix (see
// NoteKinds). It is what the checker the site builds to WebAssembly
// returns to the page, as JSON.
type PrecheckResult struct {
	Title  string `json:"title,omitempty"`  // the report's title, as the site names reports
	Format string `json:"format,omitempty"` // the template version detected
	Form   string `json:"form,omitempty"`   // how the file was read
	Notes  []Note `json:"notes"`
	// Prev is the pack (under catalog.PacksDir) of the body's previous
	// report in the catalog, when there is one: the page reads it from
	// its cache, if there, for the cross-year check in every column.
	Prev string `json:"prev,omitempty"`
	// PrevFull says whether the cross-year check had the previous report
	// whole (every column) or its index entry (the 总计 column).
	PrevFull bool `json:"prev_full,omitempty"`
}

// Precheck reads a draft as the import command does and returns its notes:
// those the command prints (Notes), and the cross-year check against the
// body's previous report in the catalog index, if any (prev, when given,
// is that report whole). A draft that cannot be read gives one note of
// kind NoteRefused saying why and what to do. Nothing is written.
func Precheck(name string, b []byte, index *catalog.Index, prev *data.Report) PrecheckResult {
	imp, err := Import(name, "", b)
	if err != nil {
		return PrecheckResult{Notes: []Note{refusedNote(err, runtime.GOOS == "js")}}
	}
	r := imp.Report
	res := PrecheckResult{Title: r.Title(), Format: r.Format, Form: imp.Form, Notes: Notes(imp)}
	if e := previousEntry(index, r); e != nil {
		res.Prev = e.Pack
		if prev != nil && (prev.Body != r.Body || prev.Year != r.Year-1) {
			prev = nil
		}
		res.PrevFull = prev != nil
		res.Notes = append(res.Notes, CrossYearNotes(r, prev, e)...)
	}
	order := map[string]int{}
	for i, k := range NoteKinds {
		order[k] = i
	}
	sort.SliceStable(res.Notes, func(i, j int) bool { return order[res.Notes[i].Kind] < order[res.Notes[j].Kind] })
	return res
}

// previousEntry is the index's entry of the same body's report of the year
// before, or nil.
func previousEntry(x *catalog.Index, r *data.Report) *catalog.Entry {
	if x == nil {
		return nil
	}
	for i := range x.Reports {
		e := &x.Reports[i]
		if e.Year == r.Year-1 && x.BodyOf(e).Name == r.Body {
			return e
		}
	}
	return nil
}
