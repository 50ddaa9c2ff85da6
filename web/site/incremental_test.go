package site

// Issue 22: a build over the site it replaces links every file whose bytes
// did not change from it, and its site is the same, byte for byte, as a
// build from nothing.

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestRebuildKeepsWhatDidNotChange(t *testing.T) {
	if testing.Short() {
		t.Skip("three builds of the site: not with -short")
	}
	datasets := t.TempDir()
	names, err := filepath.Glob(filepath.Join(repoRoot, "data", "datasets", "*.json"))
	if err != nil || len(names) < 3 {
		t.Fatalf("datasets: %q (%v)", names, err)
	}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(datasets, filepath.Base(n)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	build := func(out string) {
		t.Helper()
		o := plainOptions(out)
		o.Datasets, o.Fast = datasets, true
		if err := Build(o); err != nil {
			t.Fatalf("build: %v", err)
		}
	}
	out, cold := filepath.Join(t.TempDir(), "site"), filepath.Join(t.TempDir(), "cold")
	build(out)
	inode := func(p string) uint64 {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return st.Sys().(*syscall.Stat_t).Ino
	}
	// A page of a report that stays, and the catalog, which changes.
	kept := filepath.Join("r", "nantong-city-2019", "outcomes.html")
	before := inode(filepath.Join(out, kept))
	catalog, err := os.ReadFile(filepath.Join(out, "reports.html"))
	if err != nil {
		t.Fatal(err)
	}
	// One report leaves the site.
	if err := os.Remove(filepath.Join(datasets, "hongze-district-2023.json")); err != nil {
		t.Fatal(err)
	}
	build(out)
	build(cold)
	a, b := siteFiles(t, out), siteFiles(t, cold)
	for n, x := range a {
		if y, ok := b[n]; !ok {
			t.Errorf("%s: in the rebuilt site, not in the one built from nothing", n)
		} else if string(x) != string(y) {
			t.Errorf("%s differs from the site built from nothing: %s", n, firstDifference(x, y))
		}
	}
	for n := range b {
		if _, ok := a[n]; !ok {
			t.Errorf("%s: in the site built from nothing, not in the rebuilt one", n)
		}
	}
	if _, ok := a["r/hongze-district-2023.html"]; ok {
		t.Error("the rebuilt site still has the page of the report that left")
	}
	if inode(filepath.Join(out, kept)) != before {
		t.Errorf("%s did not change, and was written again instead of kept", kept)
	}
	if string(a["reports.html"]) == string(catalog) {
		t.Error("the catalog did not change when a report left")
	}
	if _, err := os.Stat(filepath.Join(out, kept)); err != nil {
		t.Errorf("a kept page's file: %v", err)
	}
	for _, ext := range []string{".br", ".gz"} {
		if _, err := os.Stat(filepath.Join(out, kept+ext)); err == nil {
			t.Errorf("%s%s: a report's page has no compressed copy (perItem)", kept, ext)
		}
	}
	// A site whose copies were made another way (its manifest says so)
	// lends nothing: its .br and .gz would not be a cold build's.
	manifest := filepath.Join(out, manifestName)
	m, err := os.ReadFile(manifest)
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(m), "\n")
	if err := os.WriteFile(manifest, []byte("nianbao-files v0-another-way\n"+rest), 0o644); err != nil {
		t.Fatal(err)
	}
	before = inode(filepath.Join(out, kept))
	build(out)
	if inode(filepath.Join(out, kept)) == before {
		t.Errorf("%s was kept from a site whose copies were made another way", kept)
	}
}
