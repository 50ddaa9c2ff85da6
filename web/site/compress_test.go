package site

import (
	"bytes"
	"compress/gzip"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// Every compressed copy reads back as the file, at every level, small
// (brotli's small window) or large; each level makes the copies it names
// (a .gz only for the files every visitor loads); and the same input gives
// the same bytes, which the cache of copies relies on.
func TestCompressedCopiesReadBack(t *testing.T) {
	small := []byte(strings.Repeat("<p>政府信息公开工作年度报告 2024</p>\n", 400))     // < 64 KiB
	large := []byte(strings.Repeat("<td>申请人</td><td>12,345</td>\n", 4000)) // > 64 KiB
	for _, b := range [][]byte{small, large} {
		for _, level := range []compression{compressTest, compressTestFast, compressFast, compressBest} {
			copies, err := compressed(b, level)
			if err != nil {
				t.Fatal(err)
			}
			var exts []string
			for ext := range copies {
				exts = append(exts, ext)
			}
			slices.Sort(exts)
			if want := level.copies("a.html", len(b)); !slices.Equal(exts, slices.Sorted(slices.Values(want))) {
				t.Errorf("level %d: copies %v, want %v", level, exts, want)
			}
			got, err := io.ReadAll(brotli.NewReader(bytes.NewReader(copies[".br"])))
			if err != nil || !bytes.Equal(got, b) {
				t.Errorf("level %d, %d bytes: brotli reads back %d bytes (%v)", level, len(b), len(got), err)
			}
			if gz, ok := copies[".gz"]; ok {
				zr, err := gzip.NewReader(bytes.NewReader(gz))
				if err != nil {
					t.Fatal(err)
				}
				if got, err = io.ReadAll(zr); err != nil || !bytes.Equal(got, b) {
					t.Errorf("level %d, %d bytes: gzip reads back %d bytes (%v)", level, len(b), len(got), err)
				}
			}
			again, _ := compressed(b, level)
			for ext := range copies {
				if !bytes.Equal(copies[ext], again[ext]) {
					t.Errorf("level %d, %d bytes: two compressions differ (%s)", level, len(b), ext)
				}
			}
		}
	}
	if got := compressFast.copies("r/x.html", 5000); !slices.Equal(got, []string{".br"}) {
		t.Errorf("a report's page: copies %v, want only .br", got)
	}
	if got := compressBest.copies("web/site.js", 5000); !slices.Equal(got, []string{".br", ".gz"}) {
		t.Errorf("the site's script: copies %v, want .br and .gz", got)
	}
}
