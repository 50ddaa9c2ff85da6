package importer

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"nianbao/data"
	"nianbao/data/dataset"
)

// isTerminal says whether w is a terminal (progress is shown only there).
var isTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// outcome is what became of one file of a batch.
type outcome struct {
	file     string
	imp      *Imported
	out      string   // the dataset written
	findings []string // the checks the report breaks, as printed, one per finding
	err      error
}

// importAll imports many reports into dir, one dataset ID.json each, written
// atomically as each imports. It prints each report's warnings, recovered
// cells and findings to w (with progress while it runs, when w is a
// terminal), then checks every body's consecutive years against each other
// (this year's 上年结转 against last year's 结转下年度: data.CrossYear), and
// ends with a summary: a line per report, imported, with findings or
// refused, with the reason. Two files of one body and year are one report
// twice: the second is refused, and so is a report whose body and year a
// dataset of dir already holds under another name (the build would refuse
// the folder). A report whose ID another report already took gets the ID
// made from its body and year instead, and says so; a file in the way that
// is not a dataset is not replaced, and the report refused (target.go). It
// returns an error when any report was refused, having written every report
// that imported.
func importAll(files []string, dir string, opt Options, w io.Writer) error {
	tty := isTerminal(w)
	clear := func() {
		if tty {
			fmt.Fprint(w, "\r\033[K")
		}
	}
	var results []*outcome
	byID := map[string]*outcome{}
	byReport := map[string]*outcome{}
	disk := readFolder(dir)
	for i, name := range files {
		if tty {
			fmt.Fprintf(w, "\r\033[K[%d/%d] %s", i+1, len(files), name)
		}
		o := &outcome{file: name}
		results = append(results, o)
		b, err := readInput(name)
		if err == nil {
			o.imp, err = ImportOptions(name, b, opt)
		}
		if err != nil {
			o.err = err
			continue
		}
		r := o.imp.Report
		key := reportKey(r)
		if prev, ok := byReport[key]; ok {
			o.err = &Error{File: name, Err: fmt.Errorf("%w: %s%d年 is already imported from %s (as %s)", ErrDuplicate, r.Body, r.Year, prev.file, prev.imp.Report.ID)}
			o.imp = nil
			continue
		}
		if by := takenBy(dir, byID, disk, r); by != "" {
			id := BodyID(r.Body, r.Year)
			if id == r.ID || takenBy(dir, byID, disk, &data.Report{ID: id, Body: r.Body, Year: r.Year}) != "" {
				o.err = &Error{File: name, Err: fmt.Errorf("%w: the ID %s is taken by %s; import this report alone with --id", ErrID, r.ID, by)}
				o.imp = nil
				continue
			}
			o.imp.Warnings = append(o.imp.Warnings, fmt.Sprintf("the ID %s is taken by %s; this report is %s", r.ID, by, id))
			r.ID = id
		}
		out := filepath.Join(dir, r.ID+".json")
		if err := replaceable(out, r); err != nil {
			o.err, o.imp = &Error{File: name, Err: err}, nil
			continue
		}
		if err := disk.elsewhere(out, r); err != nil {
			o.err, o.imp = &Error{File: name, Err: err}, nil
			continue
		}
		byReport[key], byID[r.ID] = o, o
		o.out = out
		if err := dataset.WriteFile(o.out, r); err != nil {
			o.err, o.imp = err, nil
			continue
		}
		for _, f := range data.Check(r) {
			o.findings = append(o.findings, fmt.Sprintf("rule %d, 表%s %s / %s: printed %d, the rule wants %d", f.Rule, f.Table, f.Row, f.Column, f.Printed, f.Want))
		}
		clear()
		report(w, name, o.imp)
	}
	clear()

	// The cross-year check, body by body, year after year, with the
	// datasets already in dir that this batch did not write.
	var ok []*outcome
	for _, o := range results {
		if o.imp != nil {
			ok = append(ok, o)
		}
	}
	for _, o := range disk.reports {
		if _, replaced := byReport[reportKey(o.imp.Report)]; !replaced {
			ok = append(ok, o) // a dataset that was there
		}
	}
	settleBatch(ok, w)
	sort.SliceStable(ok, func(i, j int) bool {
		a, b := ok[i].imp.Report, ok[j].imp.Report
		if a.Body != b.Body {
			return a.Body < b.Body
		}
		return a.Year < b.Year
	})
	for i := 1; i < len(ok); i++ {
		prev, cur := ok[i-1], ok[i]
		if cur.out == "" {
			continue // a dataset that was there: not this batch's to check
		}
		for _, f := range data.CrossYear(prev.imp.Report, cur.imp.Report) {
			msg := fmt.Sprintf("rule 5, 表三 %s / %s: printed %d, %s's 结转下年度 (%d年) is %d", f.Row, f.Column, f.Printed, prev.file, prev.imp.Report.Year, f.Want)
			cur.findings = append(cur.findings, msg)
			fmt.Fprintf(w, "%s: finding: %s\n", cur.file, msg)
		}
	}

	// The summary.
	var imported, flagged, refused []string
	for _, o := range results {
		switch {
		case o.err != nil:
			msg := o.err.Error()
			if !strings.HasPrefix(msg, o.file+":") {
				msg = o.file + ": " + msg
			}
			refused = append(refused, "  refused   "+msg)
		case len(o.findings) > 0:
			flagged = append(flagged, fmt.Sprintf("  findings  %s (%s) → %s: %d (%s)", o.file, o.imp.Form, o.out, len(o.findings), summarize(o.findings)))
		default:
			imported = append(imported, fmt.Sprintf("  imported  %s (%s) → %s", o.file, o.imp.Form, o.out))
		}
	}
	noun := "reports"
	if len(results) == 1 {
		noun = "report"
	}
	fmt.Fprintf(w, "%d %s: %d imported, %d with findings, %d refused\n", len(results), noun, len(imported), len(flagged), len(refused))
	for _, l := range append(append(imported, flagged...), refused...) {
		fmt.Fprintln(w, l)
	}
	if len(refused) > 0 {
		return fmt.Errorf("%d of %d reports refused", len(refused), len(results))
	}
	return nil
}

// takenBy names what holds r's ID already, "" when nothing does: a report
// of this batch, or a dataset in dir of another body or year (one of the
// same body and year is the report's to replace).
func takenBy(dir string, byID map[string]*outcome, disk *onDisk, r *data.Report) string {
	if prev, ok := byID[r.ID]; ok {
		return prev.file
	}
	name := filepath.Join(dir, r.ID+".json")
	if o, ok := disk.byFile[filepath.Clean(name)]; ok && (o.imp.Report.Body != r.Body || o.imp.Report.Year != r.Year) {
		return fmt.Sprintf("%s (%s%d年)", name, o.imp.Report.Body, o.imp.Report.Year)
	}
	return ""
}

// settleBatch settles table 二 rows the copies ran together by the
// reports of the body's adjacent years (settleDisclosure), and writes again
// each dataset of the batch it changed.
func settleBatch(ok []*outcome, w io.Writer) {
	var batch, known []*data.Report
	for _, o := range ok {
		known = append(known, o.imp.Report)
		if o.out != "" {
			batch = append(batch, o.imp.Report)
		}
	}
	settled := settleDisclosure(batch, known)
	for _, o := range ok {
		notes := settled[o.imp.Report]
		if len(notes) == 0 || o.out == "" {
			continue
		}
		if err := dataset.WriteFile(o.out, o.imp.Report); err != nil {
			o.err = err
			continue
		}
		for _, n := range notes {
			fmt.Fprintf(w, "%s: %s\n", o.file, n)
		}
	}
}

// summarize counts findings by rule: "rule 4 ×2, rule 5".
func summarize(findings []string) string {
	count := map[string]int{}
	var order []string
	for _, f := range findings {
		rule, _, _ := strings.Cut(f, ",")
		if count[rule] == 0 {
			order = append(order, rule)
		}
		count[rule]++
	}
	var parts []string
	for _, r := range order {
		if count[r] > 1 {
			parts = append(parts, fmt.Sprintf("%s ×%d", r, count[r]))
		} else {
			parts = append(parts, r)
		}
	}
	return strings.Join(parts, ", ")
}
