package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeToolchain stands in for the go command and esbuild, which take most
// of a build's time: a root with node_modules/.bin/esbuild, a GOROOT whose
// bin/go writes a small app.wasm (after FAKE_GO_SLEEP seconds, appending
// its pid and its child's to FAKE_PIDS when set), and a go on PATH that
// names that GOROOT. It returns the options of a build of the shipped
// datasets into out with them.
func fakeToolchain(t testing.TB, out string) Options {
	t.Helper()
	dir := t.TempDir()
	root, goroot, bin := filepath.Join(dir, "root"), filepath.Join(dir, "goroot"), filepath.Join(dir, "bin")
	files := map[string]string{
		filepath.Join(root, "node_modules", ".bin", "esbuild"): "#!/bin/sh\n" +
			"for a; do case $a in --outfile=*) printf 'var echarts={};\\n' > \"${a#--outfile=}\";; esac; done\n",
		filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"): "// wasm_exec.js\n",
		filepath.Join(goroot, "bin", "go"): "#!/bin/sh\n" +
			"[ -n \"$FAKE_PIDS\" ] && echo $$ >> \"$FAKE_PIDS\"\n" +
			"if [ -n \"$FAKE_GO_SLEEP\" ]; then sleep \"$FAKE_GO_SLEEP\" & [ -n \"$FAKE_PIDS\" ] && echo $! >> \"$FAKE_PIDS\"; wait; fi\n" +
			"while [ $# -gt 1 ]; do [ \"$1\" = -o ] && out=$2; shift; done\n" +
			"printf '\\0asm wasm' > \"$out\"\n",
		filepath.Join(bin, "go"): "#!/bin/sh\necho " + goroot + "\n",
	}
	for name, body := range files {
		os.MkdirAll(filepath.Dir(name), 0o755)
		if err := os.WriteFile(name, []byte(body), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	// The default report alone: the fewest pages a site has.
	datasets := filepath.Join(dir, "datasets")
	os.Mkdir(datasets, 0o755)
	name := "nantong-city-2019.json"
	b, err := os.ReadFile(filepath.Join(plainOptions("").Datasets, name))
	if err == nil {
		err = os.WriteFile(filepath.Join(datasets, name), b, 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
	o := plainOptions(out)
	o.Root, o.Datasets = root, datasets
	return o
}

// A build replaces only a folder a build wrote: `build -o victim` deleted
// victim/notes.txt.
func TestBuildReplacesOnlyItsOwnFolder(t *testing.T) {
	parent := t.TempDir()
	victim := filepath.Join(parent, "victim")
	os.Mkdir(victim, 0o755)
	os.WriteFile(filepath.Join(victim, "notes.txt"), []byte("notes\n"), 0o644)
	file := filepath.Join(parent, "file")
	os.WriteFile(file, []byte("a file\n"), 0o644)

	o := fakeToolchain(t, victim)
	err := Build(o)
	if err == nil || !strings.Contains(err.Error(), "build: checking -o: "+victim+" holds files no build wrote (it has no .nianbao-site)") {
		t.Errorf("build -o victim: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(victim, "notes.txt")); err != nil || string(b) != "notes\n" {
		t.Errorf("victim/notes.txt: %q %v", b, err)
	}
	o.Out = file
	if err := Build(o); err == nil || !strings.Contains(err.Error(), file+" is a file, not a folder") {
		t.Errorf("build -o file: %v", err)
	}

	// A new folder, then the same again: the build's own, replaced.
	o.Out = filepath.Join(parent, "site")
	start := time.Now()
	for range 2 {
		if err := Build(o); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("two builds with a fake toolchain in %v", time.Since(start))
	if b, err := os.ReadFile(filepath.Join(o.Out, siteMarker)); err != nil || string(b) != siteMarkerText {
		t.Errorf("the marker: %q %v", b, err)
	}
	// An empty folder is taken, and a link (replaced, not followed).
	empty := filepath.Join(parent, "empty")
	os.Mkdir(empty, 0o755)
	link := filepath.Join(parent, "link")
	os.Symlink(victim, link)
	for _, out := range []string{empty, link, filepath.Join(parent, "new")} {
		if err := checkOut(out); err != nil {
			t.Errorf("%s: %v", out, err)
		}
	}
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if strings.Contains(e.Name(), "-build-") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// -kiosk takes 0 or 5 s to a day; 2147484 made every page reload 21 times
// in 10 s. Refused before anything is read or written.
func TestKioskRange(t *testing.T) {
	for _, k := range []int{-1, 1, 4, MaxKiosk + 1, 2147484} {
		o := plainOptions(filepath.Join(t.TempDir(), "site"))
		o.Kiosk = k
		o.Datasets = "no such folder"
		if err := Build(o); err == nil || !strings.Contains(err.Error(), "build: checking -kiosk: ") || !strings.Contains(err.Error(), "give 0 (no kiosk) or 5 to 86400") {
			t.Errorf("-kiosk %d: %v", k, err)
		}
	}
	for _, k := range []int{0, MinKiosk, MaxKiosk} {
		o := plainOptions(filepath.Join(t.TempDir(), "site"))
		o.Kiosk = k
		o.Datasets = "no such folder"
		if err := Build(o); err == nil || strings.Contains(err.Error(), "kiosk") {
			t.Errorf("-kiosk %d: %v, want it taken (and the datasets missing)", k, err)
		}
	}
}
