package e2e

// A page's tables, read in the browser element by element, against the
// tables the page was made from.

import (
	"slices"
	"strings"
	"testing"

	"nianbao/charts"
)

// shownTable is a table of the page as the browser shows it.
type shownTable struct {
	Caption string     `json:"caption"`
	Head    []string   `json:"head"`
	Rows    []shownRow `json:"rows"`
}

type shownRow struct {
	Head  string      `json:"head"`
	Cells []shownCell `json:"cells"`
}

// shownCell is a cell: its number (without its mark), whether it shows as
// blank, and its mark (kind and word: "recovered 推算（规则1）") with its
// reason.
type shownCell struct {
	Text   string `json:"text"`
	Blank  bool   `json:"blank"`
	Mark   string `json:"mark"`
	Reason string `json:"reason"`
}

// shownTablesJS reads every table in main: caption, column headers, and
// each row's header and cells. A marked cell's number is its first text,
// its mark the .mark element after it (the word, .mark-KIND, and the
// reason); a blank cell shows "—" and says 空白 to a screen reader.
const shownTablesJS = `[...document.querySelectorAll("main table")].filter(t => t.offsetParent !== null).map(t => ({
	caption: t.caption ? t.caption.textContent : "",
	head: t.tHead ? [...t.tHead.rows[0].cells].map(c => c.textContent) : [],
	rows: [...t.tBodies[0].rows].map(r => ({
		head: r.cells[0].textContent,
		cells: [...r.cells].slice(1).map(c => {
			const m = c.querySelector(".mark"), blank = c.classList.contains("blank");
			return {
				text: blank ? "" : m ? c.firstChild.textContent : c.textContent,
				blank: blank && c.querySelector("[aria-hidden=true]").textContent === "—" && c.querySelector(".visually-hidden").textContent === "空白",
				mark: m ? m.firstElementChild.className.replace(/^mark-/, "") + " " + m.firstElementChild.textContent : "",
				reason: m ? m.querySelector(".mark-reason").textContent : "",
			};
		}),
	})),
}))`

// shownTables reads the tables the page shows.
func (b *tab) shownTables(t testing.TB) []shownTable {
	t.Helper()
	var got []shownTable
	b.eval(t, shownTablesJS, &got)
	return got
}

// expect turns a table made for a page into what the browser must show.
func expect(tbl charts.Table) shownTable {
	s := shownTable{Caption: tbl.Caption, Head: tbl.Head}
	for _, r := range tbl.Rows {
		row := shownRow{Head: r.Head}
		for _, c := range r.Cells {
			cell := shownCell{Text: c.Text, Blank: c.Blank}
			if c.Blank {
				cell.Text = ""
			}
			if !c.Mark.IsZero() {
				cell.Mark, cell.Reason = string(c.Mark.Kind)+" "+c.Mark.Label(), c.Mark.Reason
			}
			row.Cells = append(row.Cells, cell)
		}
		s.Rows = append(s.Rows, row)
	}
	return s
}

// checkTables checks that the page shows each table, by its caption,
// exactly: every header, row and cell, blanks as blank and every marked
// number (recovered, inconsistent, unchecked) with its mark and reason.
func checkTables(t testing.TB, where string, shown []shownTable, want ...charts.Table) {
	t.Helper()
	for _, w := range want {
		i := slices.IndexFunc(shown, func(s shownTable) bool { return s.Caption == w.Caption })
		if i < 0 {
			var captions []string
			for _, s := range shown {
				captions = append(captions, s.Caption)
			}
			t.Errorf("%s: no table %q among %q", where, w.Caption, captions)
			continue
		}
		got, exp := shown[i], expect(w)
		if !slices.Equal(got.Head, exp.Head) {
			t.Errorf("%s: table %q: headers %q, want %q", where, w.Caption, got.Head, exp.Head)
		}
		if len(got.Rows) != len(exp.Rows) {
			t.Errorf("%s: table %q: %d rows, want %d", where, w.Caption, len(got.Rows), len(exp.Rows))
			continue
		}
		for r, row := range exp.Rows {
			g := got.Rows[r]
			if g.Head != row.Head || !slices.Equal(g.Cells, row.Cells) {
				t.Errorf("%s: table %q, row %d:\n got %s %+v\nwant %s %+v", where, w.Caption, r+1, g.Head, g.Cells, row.Head, row.Cells)
			}
		}
	}
}

// checkViews checks the page in view with its charts and then with its
// tables: axe-core clean both ways, the tables shown exactly as made, every
// control large enough.
func (b *tab) checkViews(t testing.TB, where string, tables ...charts.Table) {
	t.Helper()
	b.checkAxe(t, where+" (charts)")
	b.showAllTables(t)
	checkTables(t, where, b.shownTables(t), tables...)
	b.checkAxe(t, where+" (tables)")
	b.checkTargets(t, where)
}

// countCells counts the recovered and the blank cells of tables.
func countCells(tables ...charts.Table) (recovered, blank int) {
	for _, tbl := range tables {
		for _, r := range tbl.Rows {
			for _, c := range r.Cells {
				if c.Mark.Kind == charts.MarkRecovered {
					recovered++
				}
				if c.Blank {
					blank++
				}
			}
		}
	}
	return recovered, blank
}

// hasText says whether any of the strings contains s.
func hasText(list []string, s string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.Contains(x, s) })
}
