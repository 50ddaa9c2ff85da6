package site

import (
	"regexp"
	"strings"
	"testing"

	"nianbao/web"
)

// TestStyleSheetIsWellFormed: every block of web/style.css closes where it
// should. A brace lost in a merge does not fail in a browser: it silently
// swallows every rule after it (the site's targets, 长者模式, print and
// forced colours went with it once).
func TestStyleSheetIsWellFormed(t *testing.T) {
	b, err := web.Files.ReadFile("style.css")
	if err != nil {
		t.Fatal(err)
	}
	// Comments keep their lines, so that a line number is the file's.
	css := regexp.MustCompile(`(?s)/\*.*?\*/`).ReplaceAllStringFunc(string(b), func(c string) string {
		return strings.Repeat("\n", strings.Count(c, "\n"))
	})
	var open []int // the lines of the blocks open
	for i, line := range strings.Split(css, "\n") {
		for _, c := range line {
			switch c {
			case '{':
				// A rule's block holds declarations, not another rule:
				// only an at-rule (@media…) nests rules here.
				if len(open) > 0 && !strings.Contains(line, "@") && !nestsRules(css, open[len(open)-1]) {
					t.Fatalf("web/style.css:%d: a rule opens inside the block of line %d, which never closed", i+1, open[len(open)-1])
				}
				open = append(open, i+1)
			case '}':
				if len(open) == 0 {
					t.Fatalf("web/style.css:%d: a brace closes no block", i+1)
				}
				open = open[:len(open)-1]
			}
		}
	}
	for _, l := range open {
		t.Errorf("web/style.css:%d: a block never closes", l)
	}
}

// nestsRules says whether the block opened on line (1-based) of css is an
// at-rule's, which holds rules.
func nestsRules(css string, line int) bool {
	return strings.HasPrefix(strings.TrimSpace(strings.Split(css, "\n")[line-1]), "@")
}
