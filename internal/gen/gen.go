// Package gen makes inputs for tests that hold a hand-written check to
// the pattern it replaced.
package gen

// Strings are every string of at most n of the tokens, the empty one
// first.
func Strings(tokens []string, n int) []string {
	out := []string{""}
	last := []string{""}
	for range n {
		var next []string
		for _, s := range last {
			for _, t := range tokens {
				next = append(next, s+t)
			}
		}
		out = append(out, next...)
		last = next
	}
	return out
}
