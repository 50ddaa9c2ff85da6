package charts

import (
	"regexp"
	"testing"

	"nianbao/data"
	"nianbao/internal/gen"
)

// shapes are every string of up to six of the tokens the number shapes are
// made of, and a few longer ones.
func shapes() []string {
	tokens := []string{"0", "1", "5", ",", ".", "+", "-", "%", "（", "）", "a"}
	out := []string{"1,234（45.6%）", "12,345.67", "1,234,567", "-1,234.5", "950125.6165", "+14", "0（0.0%）", "1,23", "1234,567"}
	return append(out, gen.Strings(tokens, 6)...)
}

// TestNumberShapes holds each hand-written check of a number's shape to
// the regular expression it replaced (the browser's app compiles none).
func TestNumberShapes(t *testing.T) {
	number := regexp.MustCompile(`^[+-]?[0-9][0-9,]*(\.[0-9]+)?%?$`)
	plain := regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)
	grouped := regexp.MustCompile(`^[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$`)
	share := regexp.MustCompile(`^([0-9,]+)（([0-9.]+%)）$`)
	for _, s := range shapes() {
		if got, want := printedNumber(s), number.MatchString(s); got != want {
			t.Errorf("printedNumber(%q) = %v, want %v", s, got, want)
		}
		if _, _, _, got := data.SplitNumber(s); got != plain.MatchString(s) {
			t.Errorf("data.SplitNumber(%q) ok = %v, want %v", s, got, !got)
		}
		if got, want := groupedNumber(s), grouped.MatchString(s); got != want {
			t.Errorf("groupedNumber(%q) = %v, want %v", s, got, want)
		}
		n, sh, ok := countShare(s)
		m := share.FindStringSubmatch(s)
		if ok != (m != nil) || ok && (n != m[1] || sh != m[2]) {
			t.Errorf("countShare(%q) = %q, %q, %v; want %q", s, n, sh, ok, m)
		}
	}
}
