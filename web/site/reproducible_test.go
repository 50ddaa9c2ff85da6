package site

// Issue 14.1: the same input builds the same site, byte for byte, and so
// the same version.

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestBuildIsReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("two builds of the site: not with -short")
	}
	dirs := []string{filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")}
	// The first build fills a cache of compressed copies and the second
	// takes every copy from it: the two must still be the same, byte for
	// byte, and the second must have made no copy of its own.
	cache := t.TempDir()
	var cached []int
	for _, d := range dirs {
		// As deployed, each build compiles its own app.wasm, without the
		// test hooks. The copies are compressed at the fastest levels:
		// which level runs does not make a build's output depend on
		// anything but its input, and the ones that ship take a minute.
		o := plainOptions(d)
		o.Fast = true
		o.Cache = cache
		if err := Build(o); err != nil {
			t.Fatalf("build: %v", err)
		}
		cached = append(cached, len(siteFiles(t, cache)))
	}
	if cached[0] == 0 || cached[1] != cached[0] {
		t.Errorf("the cache held %d copies after the first build and %d after the second: want some, then the same", cached[0], cached[1])
	}
	a, b := siteFiles(t, dirs[0]), siteFiles(t, dirs[1])
	var names []string
	for n := range a {
		names = append(names, n)
	}
	for n := range b {
		if _, ok := a[n]; !ok {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	var differ []string
	for _, n := range names {
		x, inA := a[n]
		y, inB := b[n]
		switch {
		case !inA:
			differ = append(differ, n+" (only in the second)")
		case !inB:
			differ = append(differ, n+" (only in the first)")
		case !bytes.Equal(x, y) && (strings.HasSuffix(n, ".br") || strings.HasSuffix(n, ".gz") || strings.HasSuffix(n, ".wasm")):
			differ = append(differ, n)
		case !bytes.Equal(x, y):
			differ = append(differ, n+" "+firstDifference(x, y))
		}
	}
	for _, d := range differ {
		t.Errorf("differs between two builds: %s", d)
	}
	va, err := hashDir(dirs[0])
	if err != nil {
		t.Fatal(err)
	}
	vb, err := hashDir(dirs[1])
	if err != nil {
		t.Fatal(err)
	}
	if va != vb {
		t.Errorf("two builds hash to %s and %s", va, vb)
	}
	t.Logf("%d files, the same in both builds: %v", len(names), len(differ) == 0)
}

// siteFiles reads every file of a built site by its slash path.
func siteFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// firstDifference shows where two files part, for the test's message.
func firstDifference(x, y []byte) string {
	i := 0
	for i < len(x) && i < len(y) && x[i] == y[i] {
		i++
	}
	from := max(0, i-60)
	return fmt.Sprintf("at byte %d: %q ≠ %q", i, x[from:min(len(x), i+60)], y[from:min(len(y), i+60)])
}

// Issue 19.2: the same app.wasm serves every portal. Two builds with
// different site files and datasets (the shipped 平潭 portal and the
// jiangsu example), each compiling its own, give byte-identical app.wasm
// files of the same name; their pages differ.
func TestEveryPortalGetsTheSameApp(t *testing.T) {
	if testing.Short() {
		t.Skip("two builds of the site: not with -short")
	}
	var wasms [2][]string
	var bodies [2][]byte
	for i, sf := range []string{"pingtan", "jiangsu"} {
		out := filepath.Join(t.TempDir(), sf)
		o := Options{Out: out, Root: repoRoot, Quiet: true, Fast: true, Site: filepath.Join(repoRoot, "sites", sf, "site.json")}
		if err := Build(o); err != nil {
			t.Fatalf("%s: %v", sf, err)
		}
		names, err := filepath.Glob(filepath.Join(out, "web", "app.*.wasm"))
		if err != nil || len(names) != 1 {
			t.Fatalf("%s: app.wasm files %q (%v)", sf, names, err)
		}
		b, err := os.ReadFile(names[0])
		if err != nil {
			t.Fatal(err)
		}
		wasms[i] = []string{filepath.Base(names[0]), fmt.Sprintf("%x", sha256.Sum256(b))}
		if bodies[i], err = os.ReadFile(filepath.Join(out, "index.html")); err != nil {
			t.Fatal(err)
		}
	}
	if !slices.Equal(wasms[0], wasms[1]) {
		t.Errorf("two portals got different apps: %q and %q", wasms[0], wasms[1])
	}
	if bytes.Equal(bodies[0], bodies[1]) {
		t.Error("the two portals' front pages are the same: the builds did not read their site files")
	}
}
