package charts

import (
	"encoding/json"
	"strings"
	"testing"
)

// A chart's Src is its pack's URL and a JSON pointer (RFC 6901) that
// finds its option in the pack as encoded, "~" and "/" escaped; a pack
// read from nowhere gives none (its page carries the option).
func TestChartSrcPointsAtTheOption(t *testing.T) {
	if got, want := ChartSrc("/data/r/x.json", "", "a/b~c"), "/data/r/x.json#/charts/a~1b~0c/option"; got != want {
		t.Errorf("ChartSrc: %q, want %q", got, want)
	}
	p := &Pack{Charts: map[string]Chart{"outcomes": {ID: "outcomes", Option: json.RawMessage(`{"series":[]}`)}}}
	if c := p.Chart("outcomes"); c.Src != "" {
		t.Errorf("a pack without a URL: Src %q", c.Src)
	}
	p.URL, p.Pointer = "/nianbao/data/portal.json", "/sum"
	c := p.Outcomes("")
	if c.Src != "/nianbao/data/portal.json#/sum/charts/outcomes/option" {
		t.Errorf("the portal's outcomes: Src %q", c.Src)
	}
	// The pointer resolves in the document as the portal writes it.
	doc, err := json.Marshal(map[string]any{"sum": map[string]any{"charts": p.Charts}})
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		t.Fatal(err)
	}
	_, ptr, _ := strings.Cut(c.Src, "#")
	for _, tok := range strings.Split(ptr, "/")[1:] {
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("%s: no object at %q", ptr, tok)
		}
		v = m[strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)]
	}
	if o, ok := v.(map[string]any); !ok || o["series"] == nil {
		t.Errorf("%s finds %v, want the option", ptr, v)
	}
}
