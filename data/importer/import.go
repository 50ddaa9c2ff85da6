package importer

import (
	"bytes"
	"nianbao/data"
	"path/filepath"
	"regexp"
	"strings"
)

// Imported is the result of an import: the report, and notes on what the
// copy lacked that did not stop the import (findings of the cross-checks
// are not among them: Check gives those).
type Imported struct {
	Report   *data.Report
	Warnings []string
}

var idSuffixes = []string{".html", ".htm", ".txt", ".layout", ".reading-order", ".text"}

// IDFromName makes a report ID from a file name: "huaian-city-2024.layout.txt"
// → "huaian-city-2024".
func IDFromName(name string) string {
	id := strings.ToLower(filepath.Base(name))
	for again := true; again; {
		again = false
		for _, s := range idSuffixes {
			if strings.HasSuffix(id, s) {
				id, again = strings.TrimSuffix(id, s), true
			}
		}
	}
	return id
}

// Import reads a report as published: an HTML page with the tables as
// <table> (UTF-8, GBK or GB18030), text copied from a web page (one cell per
// line), or PDF text with or without -layout. It detects the template
// version from table 二's headers, finds the body, year, publication date,
// the narrative sections and tables 二, 三 and 四, and recovers cells lost in
// copying only where the cross-checks prove them. Printed numbers are never
// changed. id names the report; "" takes it from name.
func Import(name, id string, b []byte) (*Imported, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, importErr("file", "%v", errEmpty)
	}
	var text string
	var err error
	if looksLikeHTML(b) {
		text, err = htmlToText(b)
	} else {
		text, err = decodeText(b)
	}
	if err != nil {
		return nil, err
	}
	if id == "" {
		id = IDFromName(name)
	}
	if !data.ValidID(id) {
		return nil, importErr("id", "%q made from the file name is not lower-case letters, digits and dashes: give one with --id", id)
	}
	lines := splitLines(text)
	at, err := findSections(lines)
	if err != nil {
		return nil, err
	}
	titleEnd := len(lines)
	for _, k := range []string{"一", "二", "三"} {
		if i, ok := at[k]; ok && i < titleEnd {
			titleEnd = i
		}
	}
	body, year, err := reportTitle(lines[:titleEnd])
	if err != nil {
		return nil, err
	}
	r := &data.Report{
		ID:        id,
		Body:      fullBody(body, text),
		Year:      year,
		Published: published(text),
		Source:    filepath.Base(name),
	}
	imp := &Imported{Report: r}

	// Table 二 runs from its heading to table 三's (or, without a heading,
	// is looked for before table 三).
	start2 := 0
	if i, ok := at["二"]; ok {
		start2 = i + 1
	}
	disclosure := lines[start2:at["三"]]
	if r.Format, err = detectFormat(disclosure); err != nil {
		return nil, err
	}
	r.Disclosure, imp.Warnings = parseDisclosure(disclosure, r.Format)
	if len(r.Disclosure) == 0 {
		imp.Warnings = append(imp.Warnings, "table 二: no row found; proactive disclosure stays empty")
	}
	if r.Requests, err = parseRequests(lines[at["三"]+1 : at["四"]]); err != nil {
		return nil, err
	}
	var warn4 []string
	if r.Appeals, warn4, err = parseAppeals(lines[at["四"]+1 : sectionEnd(at, "四", len(lines))]); err != nil {
		return nil, err
	}
	imp.Warnings = append(imp.Warnings, warn4...)
	for _, s := range []struct{ key, sec, title string }{
		{"一", data.SectionOverview, "一、总体情况"},
		{"五", data.SectionProblems, "五、存在的主要问题及改进情况"},
		{"六", data.SectionOther, "六、其他需要报告的事项"},
	} {
		i, ok := at[s.key]
		if !ok {
			continue
		}
		title := strings.TrimSpace(lines[i].canon)
		if !strings.HasPrefix(title, s.key+"、") {
			title = s.key + "、" + title
		}
		paras := narrativeParagraphs(lines[i+1:sectionEnd(at, s.key, len(lines))], sectionHeads[indexOfHead(s.key)].re)
		r.Sections = append(r.Sections, data.Section{Key: s.sec, Title: title, Paragraphs: nonNil(paras)})
	}
	if r.Sections == nil {
		r.Sections = []data.Section{}
	}
	if err := r.Validate(); err != nil {
		return nil, importErr("report", "%v", err)
	}
	return imp, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func indexOfHead(key string) int {
	for i, h := range sectionHeads {
		if h.key == key {
			return i
		}
	}
	return 0
}

var htmlRE = regexp.MustCompile(`(?i)<(!doctype html|html|table|body)[\s>]`)

func looksLikeHTML(b []byte) bool {
	head := b
	if len(head) > 4096 {
		head = head[:4096]
	}
	return htmlRE.Match(head)
}
