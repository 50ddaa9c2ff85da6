// Package site builds and serves 年报透视 as a static site: app.wasm (and
// the pre-publication check's own WebAssembly, web/precheck), one
// prerendered page per route of every report and body, each report's pack
// and the catalog index as content-hashed data files, ECharts, the service
// worker, and .br and .gz copies of what compresses. Nothing it writes
// needs a backend: any web server, or a folder on a kiosk, serves it.
package site

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	ui "nianbao/app"
	"nianbao/internal/proc"
	"nianbao/web"
)

// Options say where the site goes and where its inputs are.
type Options struct {
	Out string // the site folder, replaced whole on success
	// Site is the portal's site file (SiteFile): its name, identity,
	// front page and datasets; "" for a site of Datasets with the default
	// identity. Datasets, Kiosk and Precache, when set, override the file.
	Site     string
	Datasets string // the folder of dataset files (*.json)
	Root     string // the repository's top: web/echarts-entry.js, node_modules
	// Precache names what a kiosk's service worker caches on install
	// beyond the app's shell: "all" (every report and body), or a
	// comma-separated list of report IDs and body names.
	Precache string
	// Base is the path the site is served under, "" at the root of its
	// domain or e.g. "/nianbao": every page, asset, link, the service
	// worker's scope and the offline page are under it.
	Base string
	// Kiosk, when above 0, builds a site for a service hall's kiosks:
	// every page in kiosk mode, returning home after Kiosk seconds idle
	// (MinKiosk to MaxKiosk).
	Kiosk   int
	Workers int // pages rendered at once; 0: one per CPU
	Quiet   bool
	// Cache is a folder the build keeps its compressed copies in, named
	// by what they were made from, to reuse them in the next build: a
	// build then costs what changed. "" keeps none. The site written is
	// the same with or without it.
	Cache string

	// For tests: TestHooks builds the app and the site's script with
	// their test hooks (app/testhooks.go, NIANBAO_TEST in web/js); Wasm,
	// when set, is an app.wasm compiled already (CompileWasm) with the
	// same TestHooks, used instead of compiling one (every site's app.wasm
	// is the same program); Fast writes every compressed copy at the fastest
	// levels.
	TestHooks bool
	Wasm      string
	Fast      bool
	// IndexBlock, when above 0, is how many bodies a block of the
	// catalog's index holds (catalog.BlockBodies otherwise): a test's
	// site of a few bodies ships its index in several blocks.
	IndexBlock int
	// Checker, when set, is the pre-publication check's WebAssembly
	// compiled already (CompileChecker), used instead of compiling it.
	Checker string
}

// DefaultSite is the site file a build uses when given neither a site file
// nor datasets: the portal the repository ships (what `make serve` shows).
const DefaultSite = "sites/pingtan/site.json"

// defaultOptions build dist/ from the default site.
func defaultOptions() Options {
	o := Options{Out: "dist", Root: "."}
	if dir, err := os.UserCacheDir(); err == nil {
		o.Cache = filepath.Join(dir, "nianbao", "build")
	}
	return o
}

// flags adds the build's options to a flag set.
func (o *Options) flags(fl *flag.FlagSet) {
	fl.StringVar(&o.Out, "o", o.Out, "the folder to write the site to")
	fl.StringVar(&o.Site, "site", o.Site, "the portal's site file (default "+DefaultSite+", unless -datasets is given)")
	fl.StringVar(&o.Datasets, "datasets", o.Datasets, "the folder of dataset files (default: the site file's)")
	fl.StringVar(&o.Base, "base", o.Base, "the path the site is served under, e.g. /nianbao/ (default: the root)")
	fl.IntVar(&o.Kiosk, "kiosk", o.Kiosk, fmt.Sprintf("for a kiosk: every page in kiosk mode, back home after this many seconds idle (%d to %d)", MinKiosk, MaxKiosk))
	fl.StringVar(&o.Precache, "precache", o.Precache, `for a kiosk: "all", or report IDs and body names (comma-separated) its service worker caches on install`)
	fl.StringVar(&o.Cache, "cache", o.Cache, `the folder of compressed copies kept for the next build ("" for none)`)
}

// The idle time of a kiosk's pages, in seconds: from 5 s (a page that
// leaves before it is read is no kiosk) to a day; a browser's timer does
// not take much more (about 24.8 days in milliseconds) and reloads at once
// when given more.
const (
	MinKiosk = 5
	MaxKiosk = 86400
)

// BuildCommand is `nianbao build [-o dist] [-datasets DIR] [-precache …]`.
func BuildCommand(args []string) error {
	o := defaultOptions()
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	o.flags(fl)
	if err := fl.Parse(args); err != nil {
		return err
	}
	if o.Site == "" && o.Datasets == "" {
		o.Site = DefaultSite
	}
	return buildUntilSignal(o)
}

// buildUntilSignal builds the site, stopped by SIGINT (Ctrl-C) or SIGTERM:
// the programs it runs are killed, their process groups whole, and its
// temporary folder removed; the site in place stays as it was. A second
// signal ends the process at once (the next build removes what is left).
func buildUntilSignal(o Options) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	err := BuildContext(ctx, o)
	if err != nil && ctx.Err() != nil {
		return fmt.Errorf("build: stopped by a signal; %s is as it was", o.Out)
	}
	return err
}

// StepError is a build step that failed: which step, and why.
type StepError struct {
	Step string
	Err  error
}

func (e *StepError) Error() string { return "build: " + e.Step + ": " + e.Err.Error() }
func (e *StepError) Unwrap() error { return e.Err }

func step(name string, err error) error {
	if err == nil {
		return nil
	}
	return &StepError{name, err}
}

// Build writes the static site: BuildContext, never stopped.
func Build(o Options) error { return BuildContext(context.Background(), o) }

// BuildContext writes the static site. It builds into a temporary folder
// beside Out and swaps it into place, so a failed build leaves the old site
// (or none) and never a half-written one, and a server of Out never sees
// it missing. It replaces only a folder a build wrote (checkOut), and
// first removes what earlier builds that were killed left (removeStale).
// When ctx ends it stops, kills the programs it runs and removes its
// temporary folder.
func BuildContext(ctx context.Context, o Options) (err error) {
	start := time.Now()
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	base, err := cleanBase(o.Base)
	if err != nil {
		return step("checking -base", err)
	}
	sf := &SiteFile{}
	if o.Site != "" {
		if sf, err = ReadSiteFile(o.Site); err != nil {
			return step("reading the site file", err)
		}
	}
	if o.Datasets == "" {
		o.Datasets = sf.Datasets
	}
	if o.Datasets == "" {
		return step("reading the datasets", errors.New("no datasets: give -datasets DIR or a site file that names its datasets"))
	}
	if o.Kiosk == 0 {
		o.Kiosk = sf.Kiosk
	}
	if o.Precache == "" {
		o.Precache = sf.Precache
	}
	if err := checkKiosk(o.Kiosk); err != nil {
		return step("checking -kiosk", err)
	}
	if err := checkOut(o.Out); err != nil {
		return step("checking -o", err)
	}
	site, err := readSite(o.Datasets)
	if err != nil {
		return step("reading the datasets", err)
	}
	site.base, site.province = base, sf.Province
	site.kiosk, site.indexBlock = o.Kiosk, o.IndexBlock
	esbuild := filepath.Join(o.Root, "node_modules", ".bin", "esbuild")
	if _, err := os.Stat(esbuild); err != nil {
		return step("finding esbuild", fmt.Errorf("esbuild and ECharts not installed (run npm ci): %w", err))
	}
	goroot, err := goEnv("GOROOT")
	if err != nil {
		return step("finding the Go toolchain", err)
	}

	parent := filepath.Dir(filepath.Clean(o.Out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return step("making the output folder", err)
	}
	stale, err := removeStale(o.Out)
	if err != nil {
		return step("removing what killed builds left", err)
	}
	if len(stale) > 0 && !o.Quiet {
		fmt.Fprintf(os.Stderr, "build: removed %d folders killed builds left: %s\n", len(stale), strings.Join(stale, ", "))
	}
	tmp, err := os.MkdirTemp(parent, buildPrefix(o.Out))
	if err != nil {
		return step("making the output folder", err)
	}
	unlock, err := lockDir(tmp, true) // ours while this build runs: see removeStale
	if err != nil {
		os.RemoveAll(tmp)
		return step("making the output folder", err)
	}
	defer unlock()
	defer os.RemoveAll(tmp)
	if err := os.Chmod(tmp, 0o755); err != nil {
		return step("making the output folder", err)
	}
	w := &writer{dir: tmp, ctx: ctx, fast: o.Fast, cache: &compressCache{dir: o.Cache}, prev: readManifest(o.Out), prevDir: o.Out}

	// The WebAssembly programs compile while the pages are made: app.wasm,
	// and the pre-publication check's own (/precheck).
	wasmDone := w.placing("web/app.wasm", "app.wasm", o.Wasm, func(out string) error { return CompileWasm(ctx, out, o.TestHooks) })
	checkerDone := w.placing("web/precheck.wasm", "the pre-publication check", o.Checker, func(out string) error { return CompileChecker(ctx, out) })
	defer func() {
		if err != nil {
			// Never leave a compiler writing into a removed folder.
			<-wasmDone.done
			<-checkerDone.done
		}
	}()

	if err := copyStatic(w); err != nil {
		return step("copying the static files", err)
	}
	if err := w.write(siteMarker, []byte(siteMarkerText), compressNone); err != nil {
		return step("marking the site's folder", err)
	}
	if err := bundleECharts(ctx, esbuild, filepath.Join(o.Root, web.EChartsEntry), filepath.Join(tmp, "web", "echarts.min.js")); err != nil {
		return step("bundling ECharts", err)
	}
	if err := site.writeData(w); err != nil {
		return step("writing the reports' data", err)
	}
	if site.identity, err = sf.identity(site); err != nil {
		return step("reading the site file", fmt.Errorf("%s: %w", o.Site, err))
	}
	ui.SetSite(site.identity)
	if err := site.writeOpenData(w, sf.Licence); err != nil {
		return step("writing the open data", err)
	}
	precache, err := site.precache(o.Precache)
	if err != nil {
		return step("choosing what to precache", err)
	}
	if err := writeStyleSheet(w, esbuild, o.Root); err != nil {
		return step("minifying the style sheet", err)
	}
	if err := site.writeEmbeds(w); err != nil {
		return step("writing the embed pages", err)
	}
	if err := site.writePages(w, o.Workers); err != nil {
		return step("generating the pages", err)
	}
	wasmName, wasmSize, err := w.placeWasm(wasmDone)
	if err != nil {
		return err
	}
	if err := w.compress("web/echarts.min.js", compressBest); err != nil {
		return step("compressing ECharts", err)
	}
	checkerName, checkerSize, err := w.placeWasm(checkerDone)
	if err != nil {
		return err
	}
	wasms := wasmFiles{app: wasmName, appSize: wasmSize, checker: checkerName, checkerSize: checkerSize}
	if err := site.bundleScripts(w, esbuild, filepath.Join(o.Root, "web", "js"), filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"), wasms, o.TestHooks); err != nil {
		return step("bundling the site's script", err)
	}
	manifest, err := site.manifest()
	if err != nil {
		return step("writing the manifest", err)
	}
	if err := w.write("manifest.webmanifest", manifest, compressBest); err != nil {
		return step("writing the manifest", err)
	}
	// The version is a hash of every file written so far: it changes
	// exactly when a served byte does. The worker that names it comes
	// last.
	version, err := hashDir(tmp)
	if err != nil {
		return step("hashing the site", err)
	}
	worker, err := site.worker(version, site.shell(wasmName, o.Kiosk > 0 || len(precache) > 0), precache, []string{site.at("/" + wasmName), site.at("/" + checkerName)})
	if err != nil {
		return step("writing the service worker", err)
	}
	if err := w.write("app-worker.js", worker, compressBest); err != nil {
		return step("writing the service worker", err)
	}
	if err := w.writeManifest(); err != nil {
		return step("writing the manifest of the site's files", err)
	}
	if err := swapInto(tmp, o.Out); err != nil {
		return step("putting the site in place", err)
	}
	if !o.Quiet {
		fmt.Fprintf(os.Stderr, "build: %s written (version %s, %d reports, %d bodies, %d pages) in %.1f s",
			o.Out, version, len(site.reports), len(site.index.Bodies), w.pages, time.Since(start).Seconds())
		if w.reused > 0 {
			fmt.Fprintf(os.Stderr, "; %d files kept from the site it replaces", w.reused)
		}
		if o.Cache != "" {
			fmt.Fprintf(os.Stderr, "; compressed copies: %d reused, %d made", w.cache.hits.Load(), w.cache.misses.Load())
		}
		fmt.Fprintln(os.Stderr)
	}
	return nil
}

// compiling starts compiling a WebAssembly program into out with compile,
// or copying one compiled already (ready, when not ""), and returns the
// channel of its result.
func compiling(out, ready string, compile func(out string) error) chan error {
	done := make(chan error, 1)
	go func() {
		if ready != "" {
			done <- copyFile(ready, out)
			return
		}
		done <- compile(out)
	}()
	return done
}

// placing starts putting a WebAssembly program into the site while the
// pages are made: compiled (or copied, see compiling), named after its
// content and compressed. placeWasm waits for it.
func (w *writer) placing(name, what, ready string, compile func(out string) error) *placed {
	p := &placed{done: make(chan struct{})}
	go func() {
		defer close(p.done)
		if err := <-compiling(filepath.Join(w.dir, filepath.FromSlash(name)), ready, compile); err != nil {
			p.err = step("compiling "+what, err)
			return
		}
		var err error
		if p.name, p.size, err = w.nameByContent(name); err != nil {
			p.err = step("compiling "+what, err)
			return
		}
		if err := w.compress(p.name, compressBest); err != nil {
			p.err = step("compressing "+what, err)
		}
	}()
	return p
}

// placed is a WebAssembly program being put into the site (placing).
type placed struct {
	done chan struct{}
	name string
	size int64
	err  error
}

// placeWasm waits for a program placing puts into the site, and returns
// its name and size.
func (w *writer) placeWasm(p *placed) (string, int64, error) {
	<-p.done
	return p.name, p.size, p.err
}

// cleanBase turns "-base nianbao/" into "/nianbao"; "" and "/" are the root.
func cleanBase(b string) (string, error) {
	b = "/" + strings.Trim(b, "/")
	if b == "/" {
		return "", nil
	}
	for _, part := range strings.Split(b[1:], "/") {
		if part == "" || part == "." || part == ".." || strings.ContainsAny(part, "?#%\\\"'<> ") {
			return "", fmt.Errorf("%q is not a plain path", b)
		}
	}
	return b, nil
}

// goEnv is a variable of the go command's environment, so that the
// compiler and wasm_exec.js come from the same toolchain.
func goEnv(name string) (string, error) {
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		return "", fmt.Errorf("go env %s: %w", name, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// copyStatic writes the hand-written static files and /favicon.ico.
func copyStatic(w *writer) error {
	err := fs.WalkDir(web.Files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if "/web/"+p == styleCSS {
			return nil // minified by writeStyleSheet
		}
		b, err := web.Files.ReadFile(p)
		if err != nil {
			return err
		}
		if path.Ext(p) != ".png" {
			if err := checkOrigins("web/"+p, b); err != nil {
				return err
			}
		}
		return w.write(path.Join("web", p), b, compressBest)
	})
	if err != nil {
		return err
	}
	return writeFavicon(w)
}

// bundleECharts writes the site's ECharts: only the charts and components it
// uses (web/echarts-entry.js), about half of the full echarts.min.js.
func bundleECharts(ctx context.Context, esbuild, entry, out string) error {
	// The licences go to echarts.min.js.LEGAL.txt beside it: they name
	// other origins, which nothing the site runs may.
	cmd := exec.CommandContext(ctx, esbuild, entry, "--bundle", "--minify", "--format=iife",
		"--legal-comments=external", "--log-level=warning", "--outfile="+out)
	proc.Group(cmd)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%w\n%s", err, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return err
	}
	return checkOrigins("web/echarts.min.js", b)
}

// wasmGCFlags turn inlining off in the browser's build, except in the
// runtime and in what its hot paths run through (maps, reflection, calls
// into JavaScript). In WebAssembly a call costs little code next to the
// copies inlining makes of a function's body, and they compress worse; the
// pages' speed was measured the same (docs/performance.md). Each flag's
// pattern overrides the first.
var wasmGCFlags = []string{
	"-gcflags=all=-l",
	"-gcflags=runtime=",
	"-gcflags=internal/...=",
	"-gcflags=reflect=",
	"-gcflags=syscall/js=",
}

// CompileWasm builds the program for the browser with the toolchain's go
// into out; testHooks adds the app's test hooks (build tag nianbaotest).
// Every site's app.wasm is this one program: a site's data and settings
// reach it from its pages.
func CompileWasm(ctx context.Context, out string, testHooks bool) error {
	var tags []string
	if testHooks {
		tags = append(tags, "-tags=nianbaotest")
	}
	return compileWasm(ctx, out, "nianbao", tags...)
}

// CompileChecker builds the pre-publication check (web/precheck: the
// importer, for the browser) into out. It is its own program, loaded by
// the page /precheck alone, so that app.wasm carries none of the importer.
func CompileChecker(ctx context.Context, out string) error {
	return compileWasm(ctx, out, "nianbao/web/precheck")
}

// compileWasm builds a main package for GOOS=js GOARCH=wasm into out. The
// compiler runs in a process group of its own, killed whole (the compiler
// and linker too) when ctx ends, and on Linux when the build dies: never
// left writing into a folder the build has removed.
func compileWasm(ctx context.Context, out, pkg string, args ...string) error {
	goroot, err := goEnv("GOROOT")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	args = append(append([]string{"build", "-trimpath", "-ldflags=-s -w"}, wasmGCFlags...), args...)
	cmd := exec.CommandContext(ctx, filepath.Join(goroot, "bin", "go"), append(args, "-o", out, pkg)...)
	proc.Group(cmd)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%w\n%s", err, stderr.String())
	}
	return nil
}

// copyFile copies a file, making the folder it goes in.
func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}

// hashDir is a hash of every file under dir, names and contents, in name
// order: the site's version.
func hashDir(dir string) (string, error) {
	var names []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		return "", err
	}
	slices.Sort(names)
	h := sha256.New()
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return "", err
		}
		rel, _ := filepath.Rel(dir, n)
		fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// contentHash names a data file after its content.
func contentHash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])[:12]
}

// writeFavicon writes /favicon.ico, which browsers ask for on their own:
// an ICO file holding the 192 px PNG icon (ICO allows PNG entries).
func writeFavicon(w *writer) error {
	png, err := web.Files.ReadFile("icon-192.png")
	if err != nil {
		return err
	}
	var b bytes.Buffer
	le := func(v ...any) {
		for _, x := range v {
			binary.Write(&b, binary.LittleEndian, x)
		}
	}
	le(uint16(0), uint16(1), uint16(1))                       // reserved, type icon, one image
	le(uint8(192), uint8(192), uint8(0), uint8(0))            // width, height, no palette, reserved
	le(uint16(1), uint16(32), uint32(len(png)), uint32(6+16)) // planes, bits, size, offset
	b.Write(png)
	return w.write("favicon.ico", b.Bytes(), compressNone)
}

// writer writes the files of the site under dir, with their compressed
// copies, until ctx ends; safe for concurrent use.
type writer struct {
	dir   string
	fast  bool // every file at compressTest (Options.Fast)
	cache *compressCache
	ctx   context.Context
	// prev is the site this build replaces (prevDir, a folder a build
	// wrote): what its manifest says each file written by write held.
	// A file this build writes with the same bytes at the same level is
	// linked from it, with its copies, instead of written again.
	prev    map[string]fileSum
	prevDir string
	mu      sync.Mutex
	pages   int
	sums    map[string]fileSum // what write wrote, for the manifest
	reused  int
}

// fileSum is a file's SHA-256 and the level its copies were made at.
type fileSum struct {
	sum   [sha256.Size]byte
	level compression
}

// write writes one file (a slash path under the site) and its .br and .gz
// copies at the level asked, or links them from the site it replaces when
// that one's hold the same bytes.
func (w *writer) write(name string, b []byte, level compression) error {
	if w.ctx != nil && w.ctx.Err() != nil {
		return w.ctx.Err() // the build is stopped
	}
	full := filepath.Join(w.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	fsum := fileSum{sha256.Sum256(b), w.level(level)}
	w.mu.Lock()
	if w.sums == nil {
		w.sums = map[string]fileSum{}
	}
	w.sums[name] = fsum
	w.mu.Unlock()
	if w.reuse(name, full, b, fsum) {
		return nil
	}
	if err := os.WriteFile(full, b, 0o644); err != nil {
		return err
	}
	return w.cache.compressTo(full, b, fsum.level)
}

// reuse links a file and its copies from the site this build replaces,
// when its manifest says it held these bytes at this level and it is
// still a regular file of their size; it reports whether it did.
func (w *writer) reuse(name, full string, b []byte, fsum fileSum) bool {
	if p, ok := w.prev[name]; !ok || p != fsum {
		return false
	}
	names := append([]string{""}, fsum.level.copies(name, len(b))...)
	from := filepath.Join(w.prevDir, filepath.FromSlash(name))
	if st, err := os.Lstat(from); err != nil || !st.Mode().IsRegular() || st.Size() != int64(len(b)) {
		return false
	}
	for i, ext := range names {
		if os.Link(from+ext, full+ext) != nil {
			for _, e := range names[:i] {
				os.Remove(full + e)
			}
			return false
		}
	}
	w.mu.Lock()
	w.reused++
	w.mu.Unlock()
	return true
}

// manifestName is the file, beside siteMarker, that lists what write
// wrote: a first line naming the way copies are made (cacheFormat), then
// "SHA-256 level path" a line, sorted by path. The next build reads it
// (readManifest) to reuse what did not change, and reuses nothing from a
// site whose copies were made another way.
const manifestName = ".nianbao-files"

// writeManifest writes the manifest of what write wrote.
func (w *writer) writeManifest() error {
	names := make([]string, 0, len(w.sums))
	for n := range w.sums {
		names = append(names, n)
	}
	slices.Sort(names)
	var b bytes.Buffer
	fmt.Fprintf(&b, "nianbao-files %s\n", cacheFormat)
	for _, n := range names {
		fmt.Fprintf(&b, "%x %d %s\n", w.sums[n].sum, w.sums[n].level, n)
	}
	return os.WriteFile(filepath.Join(w.dir, manifestName), b.Bytes(), 0o644)
}

// readManifest reads the manifest of the site in dir, when a build wrote
// one there; a missing or unreadable one is a build without reuse.
func readManifest(dir string) map[string]fileSum {
	if _, err := os.Lstat(filepath.Join(dir, siteMarker)); err != nil {
		return nil
	}
	b, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		return nil
	}
	head, rest, _ := strings.Cut(string(b), "\n")
	if head != "nianbao-files "+cacheFormat {
		return nil
	}
	m := map[string]fileSum{}
	for line := range strings.Lines(rest) {
		sum, rest, ok1 := strings.Cut(strings.TrimSuffix(line, "\n"), " ")
		level, name, ok2 := strings.Cut(rest, " ")
		l, err := strconv.Atoi(level)
		h, err2 := hex.DecodeString(sum)
		if !ok1 || !ok2 || err != nil || err2 != nil || len(h) != sha256.Size || !filepath.IsLocal(filepath.FromSlash(name)) {
			return nil
		}
		var fsum fileSum
		copy(fsum.sum[:], h)
		fsum.level = compression(l)
		m[name] = fsum
	}
	return m
}

// level is the compression a file gets: the one asked, or fast for a test.
func (w *writer) level(l compression) compression {
	switch {
	case w.fast && l == compressFast:
		return compressTestFast
	case w.fast && l != compressNone:
		return compressTest
	}
	return l
}

// nameByContent renames a file written already after its content, as
// name.HASH.ext (a client may then keep it for good), and returns the new
// name and the file's size.
func (w *writer) nameByContent(name string) (string, int64, error) {
	full := filepath.Join(w.dir, filepath.FromSlash(name))
	b, err := os.ReadFile(full)
	if err != nil {
		return "", 0, err
	}
	ext := path.Ext(name)
	named := strings.TrimSuffix(name, ext) + "." + contentHash(b) + ext
	return named, int64(len(b)), os.Rename(full, filepath.Join(w.dir, filepath.FromSlash(named)))
}

// compress writes the compressed copies of a file already written.
func (w *writer) compress(name string, level compression) error {
	full := filepath.Join(w.dir, filepath.FromSlash(name))
	b, err := os.ReadFile(full)
	if err != nil {
		return err
	}
	return w.cache.compressTo(full, b, w.level(level))
}

// swapInto puts the finished site at out: where out exists, the two are
// exchanged in one rename (a server of out never finds it missing), and the
// old site is removed after.
func swapInto(tmp, out string) error {
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(tmp, out)
	}
	if err := exchange(tmp, out); err != nil {
		// Without an atomic exchange: a rename of the old site aside,
		// then of the new one into place.
		old := tmp + "-old"
		if err := os.Rename(out, old); err != nil {
			return err
		}
		if err := os.Rename(tmp, out); err != nil {
			os.Rename(old, out)
			return err
		}
		return os.RemoveAll(old)
	}
	return os.RemoveAll(tmp) // tmp now holds the old site
}
