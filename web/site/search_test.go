package site

import (
	"strings"
	"testing"
)

// A body is found by its name's short forms, pinyin and initials,
// traditional characters, region and province (issue 20 item 5).
func TestSearchKeys(t *testing.T) {
	for _, tt := range []struct {
		name, region, province string
		find                   []string
	}{
		{"淮安市洪泽区人民政府", "淮安市", "江苏省", []string{"洪泽区政府", "洪泽区人民政府", "洪泽", "hongze", "hz", "淮安市洪澤區", "江苏", "淮安"}},
		{"南通市人民政府", "南通市", "江苏省", []string{"南通市政府", "nantong", "nt", "南通", "江蘇"}},
		{"平潭综合实验区财政金融局", "平潭综合实验区财政金融局", "福建省", []string{"财政金融局", "caizheng", "czjrj", "財政金融局", "福建"}},
	} {
		keys := searchKeys(tt.name, tt.region, provinceOf(tt.name, tt.province))
		for _, w := range tt.find {
			if !strings.Contains(strings.ToLower(keys), strings.ToLower(w)) {
				t.Errorf("%s: %q not among its keys %q", tt.name, w, keys)
			}
		}
	}
	if got := provinceOf("江苏省人民政府", "福建省"); got != "江苏省" {
		t.Errorf("provinceOf = %q", got)
	}
}
