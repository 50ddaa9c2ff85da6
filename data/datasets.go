package data

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// DefaultID is the report the explorer opens on.
const DefaultID = "nantong-city-2019"

// DatasetsDir is where the shipped datasets live, from the repository's top:
// one JSON file per report, named after its ID.
const DatasetsDir = "data/datasets"

// ReadDir reads every dataset file (*.json) of dir, parsed and validated, in
// a stable order (by body, then the newest year first), or the first error
// naming the file and the place. No two files may hold the same body and
// year.
func ReadDir(dir string) ([]*Report, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var reports []*Report
	seen := map[string]string{}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		r, err := Parse(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
		if id := strings.TrimSuffix(filepath.Base(n), ".json"); r.ID != id {
			return nil, fmt.Errorf("%s: id %q does not match the file name", n, r.ID)
		}
		key := fmt.Sprintf("%s %d", r.Body, r.Year)
		if other, ok := seen[key]; ok {
			return nil, fmt.Errorf("%s: %s%d年 is already in %s", n, r.Body, r.Year, other)
		}
		seen[key] = n
		reports = append(reports, r)
	}
	if len(reports) == 0 {
		return nil, fmt.Errorf("%s: no dataset (*.json)", dir)
	}
	SortReports(reports)
	return reports, nil
}

// SortReports orders reports by body, then the newest year first.
func SortReports(reports []*Report) {
	slices.SortStableFunc(reports, func(a, b *Report) int {
		if a.Body != b.Body {
			return strings.Compare(a.Body, b.Body)
		}
		return b.Year - a.Year
	})
}
