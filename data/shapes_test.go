package data

import (
	"regexp"
	"testing"

	"nianbao/internal/gen"
)

// TestShapesByHand holds the hand-written checks of an id, a date and a
// quantity to the regular expressions they replaced (package data is in
// the browser's app, which compiles none).
func TestShapesByHand(t *testing.T) {
	id := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	date := regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
	quantity := regexp.MustCompile(`^([+-]?)([0-9]+)(?:\.([0-9]+))?$`)
	tokens := []string{"a", "z", "0", "9", "-", "+", ".", "A", "_", "/"}
	strs := []string{"2024-01-31", "2024-1-31", "20240-1-31", "2024-01-3a", "pingtan-zone-2024", "950125.6165", "-47", "+0.5"}
	strs = append(strs, gen.Strings(tokens, 5)...)
	for _, s := range strs {
		if got, want := ValidID(s), id.MatchString(s) && len(s) <= MaxIDLen; got != want {
			t.Errorf("ValidID(%q) = %v, want %v", s, got, want)
		}
		if got, want := isDate(s), date.MatchString(s); got != want {
			t.Errorf("isDate(%q) = %v, want %v", s, got, want)
		}
		sign, whole, frac, ok := SplitNumber(s)
		m := quantity.FindStringSubmatch(s)
		if ok != (m != nil) || ok && (sign != m[1] || whole != m[2] || frac != m[3]) {
			t.Errorf("SplitNumber(%q) = %q, %q, %q, %v; want %q", s, sign, whole, frac, ok, m)
		}
	}
}
