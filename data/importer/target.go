package importer

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"nianbao/data"
	"nianbao/data/dataset"
	"nianbao/data/internal/regular"
)

// What the importer writes is what a build takes: a dataset named after
// its ID, in a folder that holds no other dataset of the same body and
// year; and it replaces no file that is not a dataset of the same report,
// an earlier import of it.

// onDisk is the datasets a folder holds, by "body year" and by file, as
// far as they read (a file that does not is the build's to refuse, not
// the importer's to replace).
type onDisk struct {
	reports  []*outcome
	byReport map[string]*outcome
	byFile   map[string]*outcome
}

// readFolder reads the datasets (*.json) of dir.
func readFolder(dir string) *onDisk {
	d := &onDisk{byReport: map[string]*outcome{}, byFile: map[string]*outcome{}}
	names, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	for _, n := range names {
		r, err := dataset.ReadFile(n)
		if err != nil {
			continue
		}
		o := &outcome{file: n, imp: &Imported{Report: r}}
		d.reports = append(d.reports, o)
		d.byReport[reportKey(r)] = o
		d.byFile[filepath.Clean(n)] = o
	}
	return d
}

// all are the folder's reports.
func (d *onDisk) all() []*data.Report {
	out := make([]*data.Report, len(d.reports))
	for i, o := range d.reports {
		out[i] = o.imp.Report
	}
	return out
}

func reportKey(r *data.Report) string { return fmt.Sprintf("%s %d", r.Body, r.Year) }

// elsewhere refuses r when the folder holds its body and year in another
// file than name: the build refuses a folder with one report twice.
func (d *onDisk) elsewhere(name string, r *data.Report) error {
	o, ok := d.byReport[reportKey(r)]
	if !ok || sameFile(o.file, name) {
		return nil
	}
	return fmt.Errorf("%w: %s%d年 is already in %s; a build refuses a folder that holds one report twice: remove that file, or import into it (-o %s)",
		ErrDuplicate, r.Body, r.Year, o.file, o.file)
}

func sameFile(a, b string) bool {
	return filepath.Clean(a) == filepath.Clean(b)
}

// replaceable refuses to write r's dataset over name when name holds
// anything but a dataset of r's body and year: another report's dataset,
// or a file that is not a dataset at all. A dataset of the same report is
// replaced even where it no longer passes the checks (an import from
// before a check was added): only its body and year are read.
func replaceable(name string, r *data.Report) error {
	st, err := os.Lstat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !st.Mode().IsRegular():
		return fmt.Errorf("%s is a link, a folder or a special file, not a dataset a new one can replace: name another file", name)
	}
	b, err := regular.Read(name, data.MaxDatasetSize)
	var head struct {
		Body string `json:"body"`
		Year int    `json:"year"`
	}
	if err != nil || json.Unmarshal(b, &head) != nil || head.Body == "" || head.Year == 0 {
		return fmt.Errorf("%s holds something that is not a dataset: not overwritten; remove it or name another file", name)
	}
	if head.Body != r.Body || head.Year != r.Year {
		return fmt.Errorf("%s holds the dataset of %s%d年, another report: not overwritten", name, head.Body, head.Year)
	}
	return nil
}

// outputID is the ID a report written to the file name has: the file's
// name without .json, which must be an ID, and which --id, when given,
// must equal. A build reads a dataset's ID from its file's name.
func outputID(name, id string) (string, error) {
	base := filepath.Base(name)
	stem, ok := strings.CutSuffix(base, ".json")
	switch {
	case !ok || !data.ValidID(stem):
		return "", fmt.Errorf("-o %s: a dataset's file is named ID.json, its ID in lower-case letters, digits and single dashes (as the build reads it)", name)
	case id != "" && id != stem:
		return "", fmt.Errorf("-o %s with --id %s: a dataset's file is named after its ID (%s.json)", name, id, id)
	}
	return stem, nil
}
