package site

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"

	"github.com/andybalholm/brotli"
)

// compression is how hard a file's .br and .gz copies are made.
type compression int

const (
	compressNone compression = iota
	// compressTest is for a test's build (Options.Fast): every copy at the
	// fastest levels, which serve the same bytes as the others.
	compressTest
	// compressFast is for the files there is one of per report or body
	// (pages, packs): brotli at level 9 is within 2–4 % of level 11 on them
	// and about ten times faster, which keeps a build linear and short at
	// thousands of reports.
	compressFast
	// compressBest is for the files every visitor loads (app.wasm,
	// ECharts, scripts): each byte saved is saved on every first visit.
	compressBest
)

// compressMin is the size below which no compressed copy is written.
const compressMin = 1024

// compressible files get compressed copies; others (images) do not.
var compressible = map[string]bool{".html": true, ".js": true, ".css": true, ".wasm": true, ".json": true, ".svg": true, ".webmanifest": true, ".csv": true}

// compressTo writes name.br and name.gz beside name, holding b.
func compressTo(name string, b []byte, level compression) error {
	if level == compressNone || len(b) < compressMin || !compressible[filepath.Ext(name)] {
		return nil
	}
	brLevel, gzLevel := 9, gzip.DefaultCompression
	switch level {
	case compressBest:
		brLevel, gzLevel = brotli.BestCompression, gzip.BestCompression
	case compressTest:
		brLevel, gzLevel = brotli.BestSpeed, gzip.BestSpeed
	}
	var gz, br bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzLevel)
	zw.Write(b)
	if err := zw.Close(); err != nil {
		return err
	}
	bw := brotli.NewWriterLevel(&br, brLevel)
	bw.Write(b)
	if err := bw.Close(); err != nil {
		return err
	}
	return errors.Join(os.WriteFile(name+".gz", gz.Bytes(), 0o644), os.WriteFile(name+".br", br.Bytes(), 0o644))
}
