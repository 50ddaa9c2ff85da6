package dataset

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/data"
)

// nantong is the shipped dataset of the default report, parsed.
func nantong(t testing.TB) *data.Report {
	t.Helper()
	r, err := Parse(nantongJSON(t))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestParseErrorsNameThePlace(t *testing.T) {
	good := string(nantongJSON(t))
	tests := []struct {
		name, in, want string
	}{
		{"syntax", strings.Replace(good, `"year": 2019,`, `"year": 2019,,`, 1), "line 4, column"},
		{"truncated", good[:len(good)/2], "ends before the report does"},
		{"type", strings.Replace(good, `"year": 2019`, `"year": "2019"`, 1), "line 4"},
		{"missing row", strings.Replace(good, `"carried_over"`, `"carried_overx"`, 1), "requests.carried_over: missing"},
		{"bad cell", strings.Replace(good, `"natural_person": 83`, `"natural_person": "83"`, 1), "not a whole number"},
		{"format", strings.Replace(good, `"format": "2019"`, `"format": "2020"`, 1), `format: "2020"`},
		{"unknown field", strings.Replace(good, `"year": 2019`, `"yeer": 2019`, 1), "yeer"},
		{"empty", "", "ends before"},
		{"byte-order mark", "\ufeff" + good, "line 1, column 1: the file starts with a byte-order mark (BOM)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestDatasetRoundTrip(t *testing.T) {
	r := nantong(t)
	b, err := data.Encode(r)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := data.Encode(r2)
	if !bytes.Equal(b, b2) {
		t.Error("encode → parse → encode changed the dataset")
	}
	if !bytes.Equal(b, nantongJSON(t)) {
		t.Error("the committed dataset is not in canonical form (data.Encode)")
	}
}

func TestWriteFileIsAtomic(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "r.json")
	r := nantong(t)
	if err := WriteFile(name, r); err != nil {
		t.Fatal(err)
	}
	r.Format = "bad"
	if err := WriteFile(name, r); err == nil || !strings.Contains(err.Error(), name) {
		t.Errorf("err = %v, want one naming %s", err, name)
	}
	got, err := ReadFile(name)
	if err != nil || got.Format != data.Format2019 {
		t.Errorf("a refused write changed the file: %v %v", got, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind %d files", len(entries))
	}
}

// nantongJSON is the shipped dataset of the default report.
func nantongJSON(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "datasets", data.DefaultID+".json"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
