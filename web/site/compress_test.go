package site

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// Every compressed copy reads back as the file, at every level, small
// (brotli's small window) or large; and the same input gives the same
// bytes, which the cache of copies relies on.
func TestCompressedCopiesReadBack(t *testing.T) {
	small := []byte(strings.Repeat("<p>政府信息公开工作年度报告 2024</p>\n", 400))     // < 64 KiB
	large := []byte(strings.Repeat("<td>申请人</td><td>12,345</td>\n", 4000)) // > 64 KiB
	for _, b := range [][]byte{small, large} {
		for _, level := range []compression{compressTest, compressFast, compressBest} {
			br, gz, err := compressed(b, level)
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(brotli.NewReader(bytes.NewReader(br)))
			if err != nil || !bytes.Equal(got, b) {
				t.Errorf("level %d, %d bytes: brotli reads back %d bytes (%v)", level, len(b), len(got), err)
			}
			zr, err := gzip.NewReader(bytes.NewReader(gz))
			if err != nil {
				t.Fatal(err)
			}
			if got, err = io.ReadAll(zr); err != nil || !bytes.Equal(got, b) {
				t.Errorf("level %d, %d bytes: gzip reads back %d bytes (%v)", level, len(b), len(got), err)
			}
			br2, gz2, _ := compressed(b, level)
			if !bytes.Equal(br, br2) || !bytes.Equal(gz, gz2) {
				t.Errorf("level %d, %d bytes: two compressions differ", level, len(b))
			}
		}
	}
}
