package data

import (
	"fmt"
	"strings"
	"testing"
)

func TestCheckText(t *testing.T) {
	// A character outside the quick paths counts once.
	if why := checkText(strings.Repeat("é", 100), 100); why != "" {
		t.Errorf("100 × é: %s", why)
	}
	if why := checkText(strings.Repeat("é", 101), 100); why != "101 characters; at most 100" {
		t.Errorf("101 × é: %q", why)
	}
	for _, s := range []string{"", "南通市人民政府", "（一）予以公开", "2019年,南通“开放问政”", "a b\u3000c", "𠀀"} {
		if why := checkText(s, 100); why != "" {
			t.Errorf("%q: %s", s, why)
		}
	}
	for s, want := range map[string]int{"\u202e": 0, "南\u2069": 1, "ab\x00": 2, "南通\u200b": 2, "\r": 0, "南\u0080": 1,
		"ㅤ": 0, "南\u115f": 1, "\u2800": 0, "é\u034f": 1, "南\ufe0f": 1, "\uffff": 0, "\U0010fffd": 0, "e\u0301\u0301\u0301": 3} {
		if why := checkText(s, 100); !strings.HasPrefix(why, fmt.Sprintf("character %d is ", want+1)) {
			t.Errorf("%q: %q, want character %d refused", s, why, want+1)
		}
	}
}
