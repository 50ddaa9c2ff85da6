package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	ui "nianbao/app"
	"nianbao/data"
	"nianbao/data/catalog"
	"nianbao/data/importer"
)

// openDataSite writes the open data of the shipped datasets (data/datasets)
// into a folder, as the build does, without pages or app.wasm; edit, when
// given, changes the reports first.
func openDataSite(t *testing.T, lic *Licence, edit func([]*data.Report)) (*site, string) {
	t.Helper()
	s, err := readSite(filepath.Join(repoRoot, "data", "datasets"))
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(s.reports)
	}
	dir := t.TempDir()
	w := &writer{dir: dir, fast: true}
	if err := s.writeData(w); err != nil {
		t.Fatal(err)
	}
	s.identity = ui.Site{Name: "测试站", PublicOrigin: "https://nianbao.example.gov.cn"}
	if err := s.writeOpenData(w, lic); err != nil {
		t.Fatal(err)
	}
	return s, dir
}

// readCSV reads a CSV file of the open data, which starts with a BOM.
func readCSV(t *testing.T, name string) [][]string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	b, ok := bytes.CutPrefix(b, []byte("\uFEFF"))
	if !ok {
		t.Errorf("%s: no byte-order mark", name)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rows
}

// TestShareDataPackageValidates validates datapackage.json against the
// Frictionless Tabular Data Package schema (testdata/frictionless, a
// copy of the specification's JSON Schema), and checks that what it says
// of each file (size, hash, columns) is so.
func TestShareDataPackageValidates(t *testing.T) {
	lic := &Licence{Name: "CC-BY-4.0", Title: "知识共享署名 4.0 国际许可协议", Path: "https://creativecommons.org/licenses/by/4.0/"}
	_, dir := openDataSite(t, lic, nil)
	schema := frictionlessSchema(t)
	b, err := os.ReadFile(filepath.Join(dir, "data", "datapackage.json"))
	if err != nil {
		t.Fatal(err)
	}
	validateDataPackage(t, b)
	// The schema can fail: a descriptor without its resources' schema
	// does not validate.
	broken := bytes.Replace(b, []byte(`"schema"`), []byte(`"schemaless"`), 1)
	if inst, _ := jsonUnmarshal(broken); schema.Validate(inst) == nil {
		t.Error("a tabular resource without its schema validates: the check checks nothing")
	}

	pkg, err := data.ParseDataPackage(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(pkg.Licenses) != 1 || pkg.Licenses[0].Name != "CC-BY-4.0" {
		t.Errorf("licences %+v, want the site file's", pkg.Licenses)
	}
	for _, r := range pkg.Resources {
		f, err := os.ReadFile(filepath.Join(dir, "data", r.Path))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(f)
		if int64(len(f)) != r.Bytes || r.Hash != "sha256:"+hex.EncodeToString(sum[:]) {
			t.Errorf("%s: %d bytes and %s, the descriptor says %d and %s", r.Path, len(f), hex.EncodeToString(sum[:]), r.Bytes, r.Hash)
		}
		head := readCSV(t, filepath.Join(dir, "data", r.Path))[0]
		var names []string
		for _, fl := range r.Schema.Fields {
			names = append(names, fl.Name)
		}
		if strings.Join(head, ",") != strings.Join(names, ",") {
			t.Errorf("%s: header %q, schema %q", r.Path, head, names)
		}
	}
}

// TestShareCatalogMatchesIndex reads the catalog as a spreadsheet would and
// compares every row with the index; and each report's stable files with
// the dataset and `import --csv`.
func TestShareCatalogMatchesIndex(t *testing.T) {
	s, dir := openDataSite(t, nil, nil)
	rows := readCSV(t, filepath.Join(dir, "data", "catalog.csv"))
	if len(rows) != len(s.index.Reports)+1 {
		t.Fatalf("%d rows for %d reports", len(rows)-1, len(s.index.Reports))
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for i, e := range s.index.Reports {
		row := rows[i+1]
		get := func(name string) string { return row[col[name]] }
		if get("报告ID") != e.ID || get("机关") != s.index.BodyOf(&e).Name || get("年度") != strconv.Itoa(e.Year) {
			t.Errorf("row %d: %q, want %s", i+1, row[:6], e.ID)
		}
		for name, key := range map[string]catalog.Key{"本年新收": catalog.KeyNew, "本年办理": catalog.KeyHandled, "结转下年度": catalog.KeyCarriedOver,
			"行政复议结果纠正": catalog.KeyReview + data.AppealCorrected, "行政诉讼总计": catalog.KeyLitigation + data.AppealTotal} {
			if get(name) != strconv.FormatInt(e.Figure(key), 10) {
				t.Errorf("%s %s: %s, the index %d", e.ID, name, get(name), e.Figure(key))
			}
		}
		if want := rate(e.Opened(), e.Handled()); get("予以公开或部分公开（%）") != want {
			t.Errorf("%s: open rate %s, want %s", e.ID, get("予以公开或部分公开（%）"), want)
		}
		r := s.reports[i]
		if get("发布日期") != r.Published || get("原文链接") != r.URL {
			t.Errorf("%s: published %q at %q, the dataset %q at %q", e.ID, get("发布日期"), get("原文链接"), r.Published, r.URL)
		}
		if get("数据JSON") != "https://nianbao.example.gov.cn/data/reports/"+e.ID+".json" {
			t.Errorf("%s: dataset address %q", e.ID, get("数据JSON"))
		}

		// The stable dataset is the file the build was given, byte for
		// byte, and so is its content-hashed twin.
		given, err := os.ReadFile(filepath.Join(repoRoot, "data", "datasets", e.ID+".json"))
		if err != nil {
			t.Fatal(err)
		}
		stable, err := os.ReadFile(filepath.Join(dir, "data", "reports", e.ID+".json"))
		if err != nil {
			t.Fatal(err)
		}
		hashed, err := os.ReadFile(filepath.Join(dir, "data", "reports", e.ID+"."+contentHash(given)+".json"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(stable, given) || !bytes.Equal(hashed, given) {
			t.Errorf("%s: the stable dataset (%d bytes) or its hashed twin (%d) differs from the dataset given (%d)", e.ID, len(stable), len(hashed), len(given))
		}
		var want bytes.Buffer
		if err := importer.WriteCSV(&want, r); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(dir, "data", "reports", e.ID+".csv"))
		if err != nil || !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s: the report's CSV is not what import --csv writes (%v)", e.ID, err)
		}
	}

	cells := readCSV(t, filepath.Join(dir, "data", "cells.csv"))
	n := 0
	for _, r := range s.reports {
		data.Cells(r, func(data.CellRecord) { n++ })
	}
	if len(cells)-1 != n {
		t.Errorf("cells.csv has %d cells, the reports %d", len(cells)-1, n)
	}
}

// TestShareOpenDataIsText: a body's name that a spreadsheet would run as a
// formula lands in the catalog as text. (The file of every cell holds no
// text of a report: IDs, keys, numbers and units of a closed list.)
func TestShareOpenDataIsText(t *testing.T) {
	const evil = `=HYPERLINK("http://evil.example","点我")`
	_, dir := openDataSite(t, nil, func(rs []*data.Report) { rs[0].Body = evil })
	for _, f := range []string{"catalog.csv"} {
		found := false
		for _, row := range readCSV(t, filepath.Join(dir, "data", f)) {
			for _, cell := range row {
				if strings.Contains(cell, "HYPERLINK") {
					found = true
					if cell != "'"+evil {
						t.Errorf("%s: %q is not written as text", f, cell)
					}
				}
			}
		}
		if !found {
			t.Errorf("%s: the body's name is missing", f)
		}
	}
}

// frictionlessSchema is the Tabular Data Package schema of testdata.
func frictionlessSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "frictionless", "tabular-data-package.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("tabular-data-package.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("tabular-data-package.json")
	if err != nil {
		t.Fatal(err)
	}
	return schema
}

// jsonUnmarshal reads JSON as the schema checker takes it.
func jsonUnmarshal(b []byte) (any, error) { return jsonschema.UnmarshalJSON(bytes.NewReader(b)) }

// validateDataPackage validates a datapackage.json against the
// Frictionless schema in testdata.
func validateDataPackage(t *testing.T, b []byte) {
	t.Helper()
	schema := frictionlessSchema(t)
	inst, err := jsonUnmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Errorf("datapackage.json does not validate: %v", err)
	}
	if !bytes.Contains(b, []byte(`"CC-BY-4.0"`)) {
		t.Error("datapackage.json lacks the site file's licence")
	}
}
