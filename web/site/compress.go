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

// compression is which compressed copies of a file are made, and how hard.
type compression int

const (
	compressNone compression = iota
	// compressTest is compressBest for a test's build (Options.Fast):
	// the same copies at the fastest levels, which serve the same bytes.
	compressTest
	// compressFast is for the files of the site as a whole that every
	// report added may change (its pages, the index's blocks, the front
	// page's summary): a .br copy only, brotli at level 6 with a window
	// the size of the file, about 4 % larger than level 9 on a page (a
	// few hundred bytes) and four times faster. A browser that takes gzip
	// and not brotli (Chromium over plain http on a LAN) gets them
	// compressed as they are sent (serve does; nginx's gzip on).
	compressFast
	// compressBest is for the files every visitor loads (app.wasm,
	// ECharts, scripts, the style sheet): .br and .gz copies at the
	// highest levels; each byte saved is saved on every first visit.
	compressBest
	// compressTestFast is compressFast for a test's build.
	compressTestFast
)

// perItem is the compression of the files there is one of per report or
// body and that a visitor reads one at a time (their pages, their embed
// pages, their datasets, a body's trend charts): no copy. A copy of each
// would be a fifth of an archive's size; the server compresses them as it
// sends them (serve does, with gzip; so does nginx's gzip on), and a static
// host that sends files only as they are (object storage) would never
// send a copy. A report's pack is kept only gzipped (gzipOnly).
const perItem = compressNone

// gzipped says whether files at the level get a .gz copy beside their .br.
func (l compression) gzipped() bool { return l == compressBest || l == compressTest }

// copies are the extensions of the compressed copies of a file of size n
// named name at the level.
func (l compression) copies(name string, n int) []string {
	switch {
	case l == compressNone || n < compressMin || !compressible[filepath.Ext(name)]:
		return nil
	case l.gzipped():
		return []string{".br", ".gz"}
	}
	return []string{".br"}
}

// compressMin is the size below which no compressed copy is written.
const compressMin = 1024

// compressible files get compressed copies; others (images) do not.
var compressible = map[string]bool{".html": true, ".js": true, ".css": true, ".wasm": true, ".json": true, ".svg": true, ".webmanifest": true, ".csv": true}

// smallWindow is brotli's window (log2) for a file that fits in it. With
// it, brotli below level 10 uses its small hasher instead of one of 32 MB
// that is allocated and cleared for every file: the same bytes out, about
// five times faster on a page.
const smallWindow = 16

// compressed makes b's copies at the level asked, by extension (.br, and
// .gz where the level has one). The same input and level always give the
// same bytes: the cache relies on it.
func compressed(b []byte, level compression) (map[string][]byte, error) {
	opts := brotli.WriterOptions{Quality: 6}
	gzLevel := gzip.DefaultCompression
	switch level {
	case compressBest:
		opts.Quality, gzLevel = brotli.BestCompression, gzip.BestCompression
	case compressTest, compressTestFast:
		opts.Quality, gzLevel = brotli.BestSpeed, gzip.BestSpeed
	}
	if len(b) <= 1<<smallWindow {
		opts.LGWin = smallWindow
	}
	out := map[string][]byte{}
	if level.gzipped() {
		gz, err := gzipAt(b, gzLevel)
		if err != nil {
			return nil, err
		}
		out[".gz"] = gz
	}
	var bb bytes.Buffer
	bw := brotli.NewWriterOptions(&bb, opts)
	bw.Write(b)
	if err := bw.Close(); err != nil {
		return nil, err
	}
	out[".br"] = bb.Bytes()
	return out, nil
}

// gzipOnly is b compressed with gzip, for a file kept only so (a report's
// pack, catalog.PackName): at the highest level, or the fastest for a
// test's build. The header has no time or name: the same b, the same bytes.
// A cache with a folder keeps it for the next build, as it keeps copies.
func (c *compressCache) gzipOnly(b []byte, level compression) ([]byte, error) {
	cached := c != nil && c.dir != ""
	var key string
	if cached {
		key = c.key(b, level) + ".gzonly"
		if gz, err := os.ReadFile(key); err == nil {
			c.hits.Add(1)
			return gz, nil
		}
	}
	gzLevel := gzip.BestCompression
	if level == compressTest || level == compressTestFast {
		gzLevel = gzip.BestSpeed
	}
	gz, err := gzipAt(b, gzLevel)
	if err == nil && cached {
		c.misses.Add(1)
		c.store(key, gz)
	}
	return gz, err
}

// gzipAt is b compressed with gzip at the level, with no time or name in
// its header.
func gzipAt(b []byte, level int) ([]byte, error) {
	var zb bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&zb, level)
	zw.Write(b)
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return zb.Bytes(), nil
}

// compressTo writes the copies of the level (compression.copies) beside
// name, holding b, taking them from the cache when it holds them.
func (c *compressCache) compressTo(name string, b []byte, level compression) error {
	exts := level.copies(name, len(b))
	if len(exts) == 0 {
		return nil
	}
	cached := c != nil && c.dir != ""
	var key string
	if cached {
		key = c.key(b, level)
		copies := map[string][]byte{}
		for _, ext := range exts {
			if b, err := os.ReadFile(key + ext); err == nil {
				copies[ext] = b
			}
		}
		if len(copies) == len(exts) {
			c.hits.Add(1)
			return writeCopies(name, copies)
		}
	}
	copies, err := compressed(b, level)
	if err != nil {
		return err
	}
	if cached {
		c.misses.Add(1)
		for ext, b := range copies {
			c.store(key+ext, b)
		}
	}
	return writeCopies(name, copies)
}

// writeCopies writes a file's compressed copies beside it.
func writeCopies(name string, copies map[string][]byte) error {
	var errs []error
	for ext, b := range copies {
		errs = append(errs, os.WriteFile(name+ext, b, 0o644))
	}
	return errors.Join(errs...)
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
const cacheFormat = "v2-brotli1.2.1-q6w16-gzbest"

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
