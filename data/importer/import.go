package importer

import (
	"errors"
	"fmt"
	"nianbao/data"
	"path/filepath"
	"strings"
)

// Imported is the result of an import: the report, and notes on what the
// copy lacked that did not stop the import (findings of the cross-checks
// are not among them: Check gives those).
type Imported struct {
	Report   *data.Report
	Warnings []string
	Form     string // how the file was read: "text", "HTML", "Markdown", "PDF", "Word .docx"
}

// Options supply what a report may lack.
type Options struct {
	ID        string // the report's ID; "" makes one (see makeID)
	IDPrefix  string // put before every ID made (not before ID): "pingtan-" makes pingtan-czj-2019
	Body      string // the reporting body, when the report does not name it (or names it wrongly)
	Year      int    // the year reported on, likewise
	SourceURL string // the published original's address, over what the copy says (see sourceURL)
}

// Import reads a report as published, with the ID given ("" makes one):
// see ImportOptions.
func Import(name, id string, b []byte) (*Imported, error) {
	return ImportOptions(name, b, Options{ID: id})
}

// ImportOptions reads a report as published: an HTML page with the tables
// as <table> (UTF-8, GBK or GB18030; a whole portal page or the article
// alone), text copied from a web page (one cell per line), PDF text with or
// without -layout, Markdown with pipe tables (as OCR and PDF-to-Markdown
// tools write it), a PDF (its text extracted by poppler's pdftotext) or a
// Word .docx. It detects the template version from table 二's headers,
// finds the body, year, publication date, the narrative sections and tables
// 二, 三 and 四 by what they hold, and recovers cells lost in copying only
// where the cross-checks prove them. Printed numbers are never changed. A
// report it refuses gives an *Error.
func ImportOptions(name string, b []byte, opt Options) (*Imported, error) {
	imp, err := importFile(name, b, opt)
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			e = &Error{Err: err}
		}
		e.File = name
		return nil, e
	}
	return imp, nil
}

func importFile(name string, b []byte, opt Options) (*Imported, error) {
	text, form, err := toText(b)
	if err != nil {
		return nil, err
	}
	lines := splitLines(text)
	if len(lines) == 0 {
		return nil, refuse(0, "", ErrEmpty, "")
	}
	p, perr := locate(lines)
	if perr != nil {
		return nil, perr
	}
	imp := &Imported{Form: form}
	if form == FormHTML {
		if note := charsetNote(b); note != "" {
			imp.Warnings = append(imp.Warnings, note)
		}
	}
	titleEnd := p.head3
	for _, i := range []int{p.overview, p.disclosure} {
		if i >= 0 && i < titleEnd {
			titleEnd = i
		}
	}
	body, year := reportTitle(lines[:titleEnd], statisticsPeriod(lines[:p.head3]))
	if body != "" {
		body = fullBody(body, text)
	}
	if opt.Body != "" {
		if body != "" && body != opt.Body {
			imp.Warnings = append(imp.Warnings, fmt.Sprintf("the report names the body %s; --body %s given", body, opt.Body))
		}
		body = opt.Body
	}
	if opt.Year != 0 {
		if year != 0 && year != opt.Year {
			imp.Warnings = append(imp.Warnings, fmt.Sprintf("the report gives the year %d; --year %d given", year, opt.Year))
		}
		year = opt.Year
	}
	switch {
	case body == "" && year == 0:
		return nil, refuse(0, "", ErrNoTitle, "no title “……年政府信息公开（工作）年度报告” before the tables: give them with --body and --year")
	case body == "":
		return nil, refuse(0, "", ErrNoTitle, "the title gives the year %d but not the body: give it with --body", year)
	case year == 0:
		return nil, refuse(0, "", ErrNoTitle, "the title names %s but not the year: give it with --year", body)
	}
	r := &data.Report{
		Body:   body,
		Year:   year,
		Source: filepath.Base(name),
	}
	imp.Report = r
	if d := published(text); d != "" {
		if why := publishedProblem(d, year); why != "" {
			imp.Warnings = append(imp.Warnings, fmt.Sprintf("the page's date %s is left out: %s", d, why))
		} else {
			r.Published = d
		}
	}
	if opt.SourceURL != "" {
		r.URL = opt.SourceURL
	} else if u := sourceURL(text); u != "" {
		if why := data.ValidURL(u); why != "" {
			imp.Warnings = append(imp.Warnings, fmt.Sprintf("the original's address is left out: %s", why))
		} else {
			r.URL = u
		}
	}

	// Table 二 runs from its heading (or first 第二十条 line) to table 三,
	// or where a report moves it after table 四, to the next part.
	start2, end2 := 0, p.head3
	switch {
	case p.disclosure > p.appeals:
		start2, end2 = p.disclosure, p.sectionEnd(p.disclosure)
	case p.disclosure >= 0:
		start2 = p.disclosure + 1
	case p.overview >= 0:
		start2 = p.overview + 1
	}
	disclosure := lines[start2:end2]
	var ferr *Error
	if r.Format, ferr = detectFormat(disclosure); ferr != nil {
		if p.disclosure >= 0 {
			ferr.Line = lines[p.disclosure].n
		}
		return nil, ferr
	}
	// A copy whose cells run together is read by the readers of runs
	// (split.go, disclosure_run.go); every other form cell by cell.
	run := form == FormCrawler
	var warn []string
	if run {
		r.Disclosure, warn = parseDisclosureRun(disclosure, r.Format)
	} else {
		r.Disclosure, warn = parseDisclosure(disclosure, r.Format)
	}
	imp.Warnings = append(imp.Warnings, warn...)
	if len(r.Disclosure) == 0 {
		imp.Warnings = append(imp.Warnings, "table 二: no row found; proactive disclosure stays empty")
	}
	if run {
		r.Requests, warn, err = parseRequestsRun(lines[p.requests:p.appeals], lines[p.requests].n)
		imp.Warnings = append(imp.Warnings, warn...)
	} else {
		r.Requests, err = parseRequests(lines[p.requests:p.appeals], lines[p.requests].n)
	}
	if err != nil {
		return nil, err
	}
	end4 := p.sectionEnd(p.appeals)
	if run {
		r.Appeals, warn, err = parseAppealsRun(lines[p.appeals:end4], lines[p.appeals].n)
	} else {
		r.Appeals, warn, err = parseAppeals(lines[p.appeals:end4], lines[p.appeals].n)
	}
	if err != nil {
		return nil, err
	}
	imp.Warnings = append(imp.Warnings, warn...)
	for _, s := range []struct {
		at       int
		key, sec string
		title    string
	}{
		{p.overview, "一", data.SectionOverview, "总体情况"},
		{p.problems, "五", data.SectionProblems, "存在的主要问题及改进情况"},
		{p.other, "六", data.SectionOther, "其他需要报告的事项"},
	} {
		if s.at < 0 {
			continue
		}
		title := s.key + "、" + stripNumbering(strings.TrimSpace(lines[s.at].canon))
		heading := lines[s.at].canon
		paras := narrativeParagraphs(lines[s.at+1:p.sectionEnd(s.at)], func(c string) bool { return c == heading })
		r.Sections = append(r.Sections, data.Section{Key: s.sec, Title: title, Paragraphs: nonNil(paras)})
	}
	if r.Sections == nil {
		r.Sections = []data.Section{}
	}
	r.ID = opt.ID
	if r.ID == "" {
		r.ID = opt.IDPrefix + makeID(name, r)
		if !data.ValidID(r.ID) {
			return nil, refuse(0, "", ErrID, "--id-prefix %q makes the ID %q: want lower-case letters, digits and single dashes", opt.IDPrefix, r.ID)
		}
	} else if !data.ValidID(r.ID) {
		return nil, refuse(0, "", ErrID, "--id %q: want lower-case letters, digits and single dashes", r.ID)
	}
	if err := r.Validate(); err != nil {
		return nil, refuse(0, "", ErrInvalid, "%v", err)
	}
	return imp, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
