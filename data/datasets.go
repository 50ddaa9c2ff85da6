package data

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// DefaultID is the report the explorer opens on.
const DefaultID = "nantong-city-2019"

//go:embed datasets/*.json
var datasets embed.FS

// Datasets returns the shipped dataset files by report ID, as raw JSON.
func Datasets() (map[string][]byte, error) {
	names, err := fs.Glob(datasets, "datasets/*.json")
	if err != nil {
		return nil, err
	}
	out := make(map[string][]byte, len(names))
	for _, n := range names {
		b, err := datasets.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out[strings.TrimSuffix(path.Base(n), ".json")] = b
	}
	return out, nil
}

// Catalog is every shipped report, parsed and validated, in a stable order
// (by body, then year), or the first error naming the file and the place.
func Catalog() ([]*Report, error) {
	files, err := Datasets()
	if err != nil {
		return nil, err
	}
	var reports []*Report
	for id, b := range files {
		r, err := Parse(b)
		if err != nil {
			return nil, fmt.Errorf("data/datasets/%s.json: %w", id, err)
		}
		if r.ID != id {
			return nil, fmt.Errorf("data/datasets/%s.json: id %q does not match the file name", id, r.ID)
		}
		reports = append(reports, r)
	}
	sort.Slice(reports, func(i, j int) bool {
		if reports[i].Body != reports[j].Body {
			return reports[i].Body < reports[j].Body
		}
		return reports[i].Year > reports[j].Year
	})
	return reports, nil
}
