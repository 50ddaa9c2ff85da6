//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/charts"
	"nianbao/data"
	"nianbao/web"
)

// buildOptions say where the site goes and where its inputs are.
type buildOptions struct {
	Out     string // the site folder, replaced whole on success
	ESBuild string // esbuild from the npm package, to bundle ECharts
	Quiet   bool
}

func defaultBuildOptions() buildOptions {
	return buildOptions{Out: "dist", ESBuild: filepath.Join("node_modules", ".bin", "esbuild")}
}

// build writes the static site: app.wasm, a prerendered page per route, the
// static files, ECharts, the toolchain's wasm_exec.js, and .gz and .br
// copies beside the large files. It builds into a temporary folder beside
// Out and renames it into place, so a failed build leaves the old site (or
// none) and never a half-written one.
func build(o buildOptions) error {
	reports, err := data.Catalog()
	if err != nil {
		return fmt.Errorf("dataset refused: %w", err)
	}
	def := reports[0]
	for _, r := range reports {
		if r.ID == data.DefaultID {
			def = r
		}
	}
	if _, err := os.Stat(o.ESBuild); err != nil {
		return fmt.Errorf("esbuild and ECharts not installed (run npm ci): %w", err)
	}
	wasmExec, err := os.ReadFile(filepath.Join(runtime.GOROOT(), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return fmt.Errorf("the Go toolchain's wasm_exec.js: %w", err)
	}

	parent := filepath.Dir(filepath.Clean(o.Out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(o.Out)+"-build-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	webDir := filepath.Join(tmp, "web")
	if err := os.MkdirAll(webDir, 0o755); err != nil {
		return err
	}

	// The WASM embeds every chart, made here by the chart functions.
	bundle, err := charts.Bundle(reports)
	if err != nil {
		return err
	}
	if old, _ := os.ReadFile(charts.BundleFile); !bytes.Equal(old, bundle) {
		if err := data.WriteAtomic(charts.BundleFile, bundle); err != nil {
			return fmt.Errorf("writing the chart bundle: %w", err)
		}
	}
	wasm := filepath.Join(webDir, "app.wasm")
	if err := compileWasm(wasm); err != nil {
		return err
	}
	if err := fs.WalkDir(web.Files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := web.Files.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(webDir, p), b, 0o644)
	}); err != nil {
		return err
	}
	if err := bundleECharts(o.ESBuild, filepath.Join(webDir, "echarts.min.js")); err != nil {
		return err
	}
	if err := writeFavicon(filepath.Join(tmp, "favicon.ico")); err != nil {
		return err
	}

	// The version is a hash of the finished site, so it changes exactly when
	// the content does: pages made with a placeholder version are hashed,
	// then made again with the hash.
	version := "0"
	for pass := 0; pass < 2; pass++ {
		if pass == 1 {
			if version, err = hashDir(tmp); err != nil {
				return err
			}
		}
		pages := sitePages(reports)
		if err := app.GenerateStaticWebsite(tmp, handler(def, version), pages...); err != nil {
			return fmt.Errorf("generating the pages: %w", err)
		}
		// go-app v9 ships an older wasm_exec.js; the wasm needs its own
		// toolchain's (a comment's link to a Go issue made plain text).
		wasmExec := bytes.ReplaceAll(wasmExec, []byte("https://github.com/golang/go/issues/28975"), []byte("Go issue 28975"))
		if err := os.WriteFile(filepath.Join(tmp, "wasm_exec.js"), wasmExec, 0o644); err != nil {
			return err
		}
		if err := finishPages(tmp); err != nil {
			return err
		}
	}
	if err := compressAll(tmp); err != nil {
		return err
	}

	if err := os.RemoveAll(o.Out); err != nil {
		return err
	}
	if err := os.Rename(tmp, o.Out); err != nil {
		return err
	}
	if !o.Quiet {
		fmt.Fprintf(os.Stderr, "build: %s written (version %s, %d reports)\n", o.Out, version, len(reports))
	}
	return nil
}

// bundleECharts writes the site's ECharts: only the charts and components it
// uses (web/echarts-entry.js), about half of the full echarts.min.js.
func bundleECharts(esbuild, out string) error {
	// The licences go to echarts.min.js.LEGAL.txt beside it: they name
	// other origins, which nothing the site runs may.
	cmd := exec.Command(esbuild, web.EChartsEntry, "--bundle", "--minify", "--format=iife",
		"--legal-comments=external", "--log-level=warning", "--outfile="+out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("bundling ECharts: %w\n%s", err, stderr.String())
	}
	return nil
}

// compileWasm builds this program for the browser.
func compileWasm(out string) error {
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("compiling app.wasm: %w\n%s", err, stderr.String())
	}
	return nil
}

// hashDir is a hash of every file under dir: the site's version, so the
// service worker updates only when the content changed.
func hashDir(dir string) (string, error) {
	h := sha256.New()
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
	sort.Strings(names)
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			return "", err
		}
		rel, _ := filepath.Rel(dir, n)
		io.WriteString(h, rel)
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

var originRE = regexp.MustCompile(`https?://[^"' )<>]+`)

// finishPages fixes every prerendered page (see fixPage) and checks that
// no page, script, style sheet or manifest of the site names another origin.
func finishPages(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ext := filepath.Ext(p)
		if ext != ".html" && ext != ".js" && ext != ".css" && ext != ".webmanifest" {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		text := string(b)
		if ext == ".html" {
			text = fixPage(text)
		}
		for _, u := range originRE.FindAllString(text, -1) {
			if !strings.HasPrefix(u, "http://www.w3.org/") {
				rel, _ := filepath.Rel(dir, p)
				return fmt.Errorf("%s names another origin: %s", rel, u)
			}
		}
		if ext != ".html" {
			return nil
		}
		return os.WriteFile(p, []byte(text), 0o644)
	})
}

// compressible files get .gz and .br copies when they are at least this big.
const compressMin = 1024

// compressAll writes .gz and .br copies beside every large text or wasm file.
func compressAll(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(p) {
		case ".html", ".js", ".css", ".wasm", ".json", ".svg", ".webmanifest":
		default:
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil || len(b) < compressMin {
			return err
		}
		var gz, br bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		zw.Write(b)
		if err := zw.Close(); err != nil {
			return err
		}
		bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
		bw.Write(b)
		if err := bw.Close(); err != nil {
			return err
		}
		return errors.Join(os.WriteFile(p+".gz", gz.Bytes(), 0o644), os.WriteFile(p+".br", br.Bytes(), 0o644))
	})
}

// writeFavicon writes /favicon.ico, which browsers ask for on their own:
// an ICO file holding the 192 px PNG icon (ICO allows PNG entries).
func writeFavicon(name string) error {
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
	return os.WriteFile(name, b.Bytes(), 0o644)
}
