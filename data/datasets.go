package data

import (
	"slices"
	"strings"
)

// SortReports orders reports by body, then the newest year first.
func SortReports(reports []*Report) {
	slices.SortStableFunc(reports, func(a, b *Report) int {
		if a.Body != b.Body {
			return strings.Compare(a.Body, b.Body)
		}
		return b.Year - a.Year
	})
}
