package importer

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"nianbao/data"
	"nianbao/data/dataset"
)

// Usage is the import command's synopsis.
const Usage = "usage: nianbao import [--csv] [-o FILE] [--id ID] [--body BODY] [--year YEAR] [--source-url URL] REPORT\n" +
	"       nianbao import -o DIR/ [--id-prefix PREFIX] [--body BODY] [--year YEAR] REPORT_OR_DIR..."

// Command is `nianbao import`. With one report it reads the report, prints
// each warning and each finding of the cross-checks to stderr, and writes
// the dataset to FILE (atomically) or to stdout, or with --csv one line per
// cell to stdout; on bad input it prints one message naming the file and
// the place, writes nothing and fails. FILE is named ID.json and gives the
// report its ID, and replaces no file but a dataset of the same report;
// its folder may hold no other dataset of the same body and year (see
// target.go). With -o naming a folder (ending in /
// or existing) it imports every report named, and every report file in the
// folders named (see importAll).
func Command(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("import", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprintln(stderr, Usage)
		fl.PrintDefaults()
	}
	asCSV := fl.Bool("csv", false, "write one line per cell (table,row,column,value,status) to stdout; no ID needed")
	out := fl.String("o", "", "write the JSON dataset to this file, named ID.json, atomically; a folder (DIR/) imports many reports into it, each as ID.json")
	id := fl.String("id", "", "the report's ID: lower-case letters, digits and dashes (default: from the file name when it names the report, else from the body and year)")
	body := fl.String("body", "", "the reporting body, for a report whose title does not name it (also overrides the title's)")
	year := fl.Int("year", 0, "the year reported on, for a report whose title does not give it (also overrides the title's)")
	sourceURL := fl.String("source-url", "", "the published original's address (absolute http or https), over the one the copy gives (原文链接, a page's canonical link)")
	idPrefix := fl.String("id-prefix", "", "put before every ID made (from the file name, or from the body and year): pingtan- makes pingtan-czj-2019")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil // the usage asked for is printed
		}
		return err
	}
	opt := Options{ID: *id, Body: *body, Year: *year, SourceURL: *sourceURL, IDPrefix: *idPrefix}
	if opt.SourceURL != "" {
		if why := data.ValidURL(opt.SourceURL); why != "" {
			return fmt.Errorf("--source-url: %s", why)
		}
	}
	if p := opt.IDPrefix; p != "" && !data.ValidID(p+"x") {
		return fmt.Errorf("--id-prefix %q: want lower-case letters, digits and single dashes, as an ID starts", p)
	}
	if opt.ID != "" && !data.ValidID(opt.ID) {
		return fmt.Errorf("--id %q: want lower-case letters, digits and single dashes", opt.ID)
	}
	if opt.Year != 0 && (opt.Year < 2000 || opt.Year > 2100) {
		return fmt.Errorf("--year %d: not a plausible report year", opt.Year)
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return errors.New("no report named")
	}
	batch := fl.NArg() > 1 || strings.HasSuffix(*out, "/") || strings.HasSuffix(*out, string(filepath.Separator))
	if st, err := os.Stat(*out); err == nil && st.IsDir() && *out != "" {
		batch = true
	}
	if st, err := os.Stat(fl.Arg(0)); err == nil && st.IsDir() {
		batch = true
	}
	if batch {
		switch {
		case *out == "":
			return errors.New("several reports need -o DIR/, the folder to write them to")
		case *asCSV:
			return errors.New("--csv takes one report")
		}
		files, err := reportFiles(fl.Args())
		if err != nil {
			return err
		}
		if opt.ID != "" && len(files) > 1 {
			return errors.New("--id names one report; several are named")
		}
		if opt.SourceURL != "" && len(files) > 1 {
			return errors.New("--source-url is one report's address; several are named")
		}
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return err
		}
		return importAll(files, *out, opt, stderr)
	}

	name := fl.Arg(0)
	if *out != "" {
		id, err := outputID(*out, opt.ID)
		if err != nil {
			return err
		}
		opt.ID = id
	}
	b, err := readInput(name)
	if err != nil {
		return err
	}
	imp, err := ImportOptions(name, b, opt)
	if err != nil {
		return err
	}
	r := imp.Report
	if *out != "" {
		if err := replaceable(*out, r); err != nil {
			return err
		}
		disk := readFolder(filepath.Dir(*out))
		if err := disk.elsewhere(*out, r); err != nil {
			return &Error{File: name, Err: err}
		}
		// The datasets beside the output may settle what the copy ran together.
		imp.Warnings = append(imp.Warnings, settleDisclosure([]*data.Report{r}, disk.all())[r]...)
	}
	report(stderr, name, imp)
	var buf bytes.Buffer
	if *asCSV {
		if err := WriteCSV(&buf, r); err != nil {
			return err
		}
	}
	if *out != "" {
		if err := dataset.WriteFile(*out, r); err != nil {
			return err
		}
	} else if !*asCSV {
		js, err := data.Encode(r)
		if err != nil {
			return err
		}
		buf.Write(js)
	}
	_, err = stdout.Write(buf.Bytes())
	return err
}

// report prints an imported report's warnings, recovered cells and
// findings, each line starting with the file's name.
func report(w io.Writer, name string, imp *Imported) {
	r := imp.Report
	for _, m := range imp.Warnings {
		fmt.Fprintf(w, "%s: %s\n", name, m)
	}
	for _, c := range data.RecoveredCells(r) {
		fmt.Fprintf(w, "%s: recovered: 表%s %s / %s = %d (rule %d)\n", name, c.Table, c.Row, c.Column, c.Value, c.Rule)
	}
	for _, f := range data.Check(r) {
		fmt.Fprintf(w, "%s: finding: rule %d, 表%s %s / %s: printed %d, the rule wants %d\n",
			name, f.Rule, f.Table, f.Row, f.Column, f.Printed, f.Want)
	}
}

// reportExts are the extensions of the files importAll takes from a folder.
var reportExts = map[string]bool{".txt": true, ".text": true, ".html": true, ".htm": true, ".shtml": true,
	".md": true, ".markdown": true, ".pdf": true, ".docx": true}

// reportFiles lists the files to import: each file named, and in each
// folder named every file (at any depth, not hidden) whose extension is one
// of a report's (.txt, .html, .htm, .md, .pdf, .docx…), in lexical order.
func reportFiles(args []string) ([]string, error) {
	var files []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			files = append(files, a)
			continue
		}
		err = filepath.WalkDir(a, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path != a && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && reportExts[strings.ToLower(filepath.Ext(path))] {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}
