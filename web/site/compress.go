package site

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"

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
	// (pages, packs): brotli at level 6 with a window the size of the
	// file, about 4 % larger than level 9 on a page (a few hundred bytes)
	// and four times faster, which keeps a build linear and short at
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

// smallWindow is brotli's window (log2) for a file that fits in it. With
// it, brotli below level 10 uses its small hasher instead of one of 32 MB
// that is allocated and cleared for every file: the same bytes out, about
// five times faster on a page.
const smallWindow = 16

// compressed makes b's brotli and gzip copies at the level asked. The same
// input and level always give the same bytes: the cache relies on it.
func compressed(b []byte, level compression) (br, gz []byte, err error) {
	opts := brotli.WriterOptions{Quality: 6}
	gzLevel := gzip.DefaultCompression
	switch level {
	case compressBest:
		opts.Quality, gzLevel = brotli.BestCompression, gzip.BestCompression
	case compressTest:
		opts.Quality, gzLevel = brotli.BestSpeed, gzip.BestSpeed
	}
	if len(b) <= 1<<smallWindow {
		opts.LGWin = smallWindow
	}
	var zb, bb bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&zb, gzLevel)
	zw.Write(b)
	if err := zw.Close(); err != nil {
		return nil, nil, err
	}
	bw := brotli.NewWriterOptions(&bb, opts)
	bw.Write(b)
	if err := bw.Close(); err != nil {
		return nil, nil, err
	}
	return bb.Bytes(), zb.Bytes(), nil
}

// compressTo writes name.br and name.gz beside name, holding b, taking
// them from the cache when it holds them.
func (c *compressCache) compressTo(name string, b []byte, level compression) error {
	if level == compressNone || len(b) < compressMin || !compressible[filepath.Ext(name)] {
		return nil
	}
	cached := c != nil && c.dir != ""
	var key string
	if cached {
		key = c.key(b, level)
		br, errBr := os.ReadFile(key + ".br")
		gz, errGz := os.ReadFile(key + ".gz")
		if errBr == nil && errGz == nil {
			c.hits.Add(1)
			return writeCopies(name, br, gz)
		}
	}
	br, gz, err := compressed(b, level)
	if err != nil {
		return err
	}
	if cached {
		c.misses.Add(1)
		c.store(key+".br", br)
		c.store(key+".gz", gz)
	}
	return writeCopies(name, br, gz)
}

// writeCopies writes a file's brotli and gzip copies beside it.
func writeCopies(name string, br, gz []byte) error {
	return errors.Join(os.WriteFile(name+".gz", gz, 0o644), os.WriteFile(name+".br", br, 0o644))
}

// compressCache is a folder of compressed copies named by what they were
// made from (Options.Cache): a build reuses every copy whose file did not
// change since a build before, and so costs what changed. It holds only
// copies, never the site: a build with it writes the same bytes as one
// without. A nil or dirless cache compresses every file.
type compressCache struct {
	dir          string
	hits, misses atomic.Int64
}

// cacheFormat names the way compressed copies are made: a change to
// compressed (levels, window, library version) changes it, so that a
// cache never serves copies made another way.
const cacheFormat = "v1-brotli1.2.1-q6w16"

// key is where b's copies at level live in the cache: named by a hash of
// the bytes, the level and the format.
func (c *compressCache) key(b []byte, level compression) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00", cacheFormat, level)
	h.Write(b)
	sum := hex.EncodeToString(h.Sum(nil))
	return filepath.Join(c.dir, sum[:2], sum[2:])
}

// store adds a file to the cache, written aside and renamed into place so
// that a reader never finds it half-written. A cache that cannot be
// written is only a slower build: its errors are not the build's.
func (c *compressCache) store(key string, b []byte) {
	if err := os.MkdirAll(filepath.Dir(key), 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(key), ".new-*")
	if err != nil {
		return
	}
	_, err = tmp.Write(b)
	if err = errors.Join(err, tmp.Close(), os.Chmod(tmp.Name(), 0o644)); err == nil {
		err = os.Rename(tmp.Name(), key)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
}
