package site

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"nianbao/data"
)

// FuzzParseSiteFile: a site file is accepted only whole and checked (its
// texts are text a page can carry, its addresses http(s) and https
// origins), and what is accepted reads back the same once written again.
func FuzzParseSiteFile(f *testing.F) {
	for _, name := range []string{
		filepath.Join(repoRoot, "sites", "pingtan", "site.json"),
		filepath.Join(repoRoot, "sites", "jiangsu", "site.json"),
		filepath.Join(repoRoot, "web", "site", "e2e", "testdata", "identity", "site.json"),
	} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"name":"<script>","kiosk":2147484,"correction":"javascript:alert(1)"}`))
	f.Add([]byte(`{"frame_ancestors":["https:","*"],"public_origin":"http://x"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		sf, err := ParseSiteFile(b)
		if err != nil {
			if sf != nil {
				t.Fatal("a refused file gave a site file")
			}
			return
		}
		for _, s := range []string{sf.Name, sf.Owner, sf.SiteCode, sf.ICP, sf.Police, sf.Contact, sf.Province} {
			if why := data.TextProblem(s, maxSiteText); why != "" {
				t.Fatalf("accepted a text that is not one: %q: %s", s, why)
			}
		}
		if checkKiosk(sf.Kiosk) != nil {
			t.Fatalf("accepted a kiosk of %d s", sf.Kiosk)
		}
		again, err := json.Marshal(sf)
		if err != nil {
			t.Fatal(err)
		}
		sf2, err := ParseSiteFile(again)
		if err != nil {
			t.Fatalf("what was accepted, written again, is refused: %v\n%s", err, again)
		}
		if !reflect.DeepEqual(sf, sf2) {
			t.Fatalf("written again, the file reads otherwise:\n%+v\n%+v", sf, sf2)
		}
	})
}
