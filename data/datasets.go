package data

import (
	"slices"
	"strings"
)

// DefaultID is the report the explorer opens on.
const DefaultID = "nantong-city-2019"

// DatasetsDir is where the shipped datasets live, from the repository's top:
// one JSON file per report, named after its ID.
const DatasetsDir = "data/datasets"

// SortReports orders reports by body, then the newest year first.
func SortReports(reports []*Report) {
	slices.SortStableFunc(reports, func(a, b *Report) int {
		if a.Body != b.Body {
			return strings.Compare(a.Body, b.Body)
		}
		return b.Year - a.Year
	})
}
