package importer

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"

	"nianbao/data"
)

// Command is `nianbao import [--csv] [-o FILE] [--id ID] REPORT`: it
// reads a published report, prints each warning and each finding of the
// cross-checks to stderr, and writes the dataset to FILE (atomically) or to
// stdout, or with --csv one line per cell to stdout. On bad input it prints
// one message naming the file and the place, writes nothing and fails.
func Command(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("import", flag.ContinueOnError)
	fl.SetOutput(stderr)
	asCSV := fl.Bool("csv", false, "write one line per cell (table,row,column,value,status) to stdout")
	out := fl.String("o", "", "write the JSON dataset to this file (atomically)")
	id := fl.String("id", "", "the report's ID (default: from the file name)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() != 1 {
		return fmt.Errorf("usage: nianbao import [--csv] [-o FILE] [--id ID] REPORT")
	}
	name := fl.Arg(0)
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	imp, err := Import(name, *id, b)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	r := imp.Report
	for _, w := range imp.Warnings {
		fmt.Fprintf(stderr, "%s: %s\n", name, w)
	}
	for _, c := range data.RecoveredCells(r) {
		fmt.Fprintf(stderr, "%s: recovered: 表%s %s / %s = %d (rule %d)\n", name, c.Table, c.Row, c.Column, c.Value, c.Rule)
	}
	for _, f := range data.Check(r) {
		fmt.Fprintf(stderr, "%s: finding: rule %d, 表%s %s / %s: printed %d, the rule wants %d\n",
			name, f.Rule, f.Table, f.Row, f.Column, f.Printed, f.Want)
	}
	var buf bytes.Buffer
	if *asCSV {
		if err := WriteCSV(&buf, r); err != nil {
			return err
		}
	}
	if *out != "" {
		if err := data.WriteFile(*out, r); err != nil {
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
