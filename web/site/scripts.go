package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"

	ui "nianbao/app"
)

// wasmFiles are the site's two WebAssembly programs as written, by name
// and size: app.wasm, and the pre-publication check's (CompileChecker).
type wasmFiles struct {
	app, checker         string
	appSize, checkerSize int64
}

// precheckWorker is the pre-publication check's worker script, which runs
// the checker's WebAssembly off the page's thread.
const precheckWorker = "/web/precheck-worker.js"

// chartWorker is the charts' worker script, which draws the charts off the
// page's thread until they move to the page (web/js/chart-worker.js); it
// loads web/echarts.min.js beside it.
const chartWorker = "/web/chart-worker.js"

// warmWorker is the app's warm-up worker (web/js/warm-worker.js), which
// runs app.wasm's start once off the page's thread before the page runs it
// ahead of a touch; it loads web/wasm_exec.js.
const warmWorker = "/web/warm-worker.js"

// bundleScripts writes the site's own script, web/site.js, bundled and
// minified by esbuild from the modules of web/js, with the addresses and
// sizes of app.wasm and of the pre-publication check (its worker, its
// WebAssembly and the toolchain's wasm_exec.js, which the worker loads)
// and whether it is a test build; the check's worker,
// web/precheck-worker.js; the charts' worker, web/chart-worker.js; the
// app's warm-up worker, web/warm-worker.js; and
// the toolchain's wasm_exec.js, minified (which drops its comments, and so
// the address of a Go issue), loaded by the site's script when it starts
// the app and by the check's worker.
func (s *site) bundleScripts(w *writer, esbuild, dir, wasmExecJS string, wasms wasmFiles, testHooks bool) error {
	wasm, err := json.Marshal(map[string]any{"url": s.at("/" + wasms.app), "size": wasms.appSize})
	if err != nil {
		return err
	}
	checker, err := json.Marshal(map[string]any{"worker": s.at(precheckWorker), "wasm": s.at("/" + wasms.checker),
		"size": wasms.checkerSize, "exec": s.at(wasmExec)})
	if err != nil {
		return err
	}
	// Every bundle has the same definitions: a module of web/js may be in
	// several (dom.js reads NIANBAO_WASM, and the embeds' bundle has it).
	inflate, err := json.Marshal(s.at(inflateJS))
	if err != nil {
		return err
	}
	bundle := []string{"--bundle", "--format=iife",
		"--define:NIANBAO_WASM=" + string(wasm), "--define:NIANBAO_PRECHECK=" + string(checker), "--define:NIANBAO_TEST=" + strconv.FormatBool(testHooks),
		"--define:NIANBAO_INFLATE=" + string(inflate)}
	site, err := runESBuild(esbuild, filepath.Join(dir, "main.js"), bundle...)
	if err != nil {
		return err
	}
	worker, err := runESBuild(esbuild, filepath.Join(dir, "precheck-worker.js"), bundle...)
	if err != nil {
		return err
	}
	charts, err := runESBuild(esbuild, filepath.Join(dir, "chart-worker.js"), bundle...)
	if err != nil {
		return err
	}
	warm, err := runESBuild(esbuild, filepath.Join(dir, "warm-worker.js"), bundle...)
	if err != nil {
		return err
	}
	exec, err := runESBuild(esbuild, wasmExecJS)
	if err != nil {
		return err
	}
	// The embed pages' script and a kiosk's QR encoder, each its own
	// bundle: no page that does not need them loads them.
	embed, err := runESBuild(esbuild, filepath.Join(dir, "embed.js"), bundle...)
	if err != nil {
		return err
	}
	qr, err := runESBuild(esbuild, filepath.Join(dir, "qr.js"), bundle...)
	if err != nil {
		return err
	}
	// fflate's gunzip, for a browser without DecompressionStream
	// (web/js/pack.js): its own bundle, loaded only there.
	inflater, err := runESBuild(esbuild, filepath.Join(dir, "inflate.js"), bundle...)
	if err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		b    []byte
	}{{siteJS, site}, {precheckWorker, worker}, {chartWorker, charts}, {warmWorker, warm}, {wasmExec, exec}, {embedJS, embed}, {qrJS, qr}, {inflateJS, inflater}} {
		// A definition the bundle lacks would fail in the browser only.
		if m := regexp.MustCompile(`NIANBAO_[A-Z_]+`).Find(f.b); m != nil {
			return fmt.Errorf("%s names %s, which the build does not define", f.name, m)
		}
		if err := checkOrigins(f.name, f.b); err != nil {
			return err
		}
		if err := w.write(f.name[1:], f.b, compressBest); err != nil {
			return err
		}
	}
	return nil
}

// runESBuild runs esbuild on one file, minified for the browsers the site
// serves, and returns what it wrote.
func runESBuild(esbuild, entry string, args ...string) ([]byte, error) {
	args = append([]string{entry, "--minify", "--target=es2020", "--legal-comments=none", "--log-level=warning"}, args...)
	cmd := exec.Command(esbuild, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("esbuild %s: %w\n%s", entry, err, stderr.String())
	}
	if stderr.Len() > 0 {
		fmt.Fprint(os.Stderr, stderr.String())
	}
	return stdout.Bytes(), nil
}

// shell is what a service worker caches when it installs: the home page
// and its data, the page shown offline for a page never visited, the
// scripts, the manifest and the icons. app.wasm and its loader are cached
// when the app first starts (the worker keeps what a page fetches): a
// visitor who only reads never loads them, on a phone's data plan least of
// all. A site built for kiosks (kiosk, precache) keeps them from the
// install, since a kiosk starts the app at once and must run offline.
func (s *site) shell(wasmName string, kiosk bool) []string {
	list := []string{
		s.at("/"), s.at(ui.OfflinePath), s.at(echartsJS), s.at(chartWorker), s.at(siteJS), s.at(styleCSS),
		s.at("/manifest.webmanifest"), s.at("/favicon.ico"), s.at("/web/icon.svg"), s.at("/web/icon-192.png"),
		s.at("/web/icon-512.png"), s.at("/web/apple-touch-icon.png"), s.at(s.portalU),
		// 4 kB, for a browser without DecompressionStream to read the
		// packs offline too (web/js/pack.js).
		s.at(inflateJS),
	}
	if kiosk {
		list = append(list, s.at(wasmExec), s.at("/"+wasmName))
	}
	return list
}

// sortedUnique is a list sorted, without repeats.
func sortedUnique(list []string) []string {
	list = slices.Clone(list)
	slices.Sort(list)
	return slices.Compact(list)
}
