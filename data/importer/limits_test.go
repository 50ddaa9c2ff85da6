package importer

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// allocated is what f allocates, in bytes.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// flatHTML is a page of n paragraphs under a report's title, as the attack
// on the importer wrote it ('<p>a</p>' × n).
func flatHTML(n int) []byte {
	return []byte("<html><head><title>淮安市洪泽区人民政府2023年政府信息公开工作年度报告</title></head><body>" +
		strings.Repeat("<p>a</p>", n) + "</body></html>")
}

// A file larger than a report can be is refused from its size, unread: a
// 100 MB page took 387 s and 5.2 GB before it was refused. A page within
// the file limit but over the text limit is refused before it is parsed.
func TestInputSizeLimits(t *testing.T) {
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge-2023.html")
	f, err := os.Create(huge)
	if err == nil {
		_, err = f.Write(flatHTML(1000))
	}
	if err == nil {
		err = f.Truncate(100 << 20) // the rest sparse: no disk used
	}
	if err == nil {
		err = f.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	var cmdErr error
	n := allocated(func() { cmdErr = Command([]string{huge}, io.Discard, io.Discard) })
	want := huge + ": larger than a report can be: 104857600 bytes; a report file is at most 16777216 (16 MiB)"
	if cmdErr == nil || cmdErr.Error() != want || !errors.Is(cmdErr, ErrTooLarge) {
		t.Errorf("err = %v\nwant %s", cmdErr, want)
	}
	if n > 1<<20 {
		t.Errorf("%d bytes allocated to refuse a 100 MB file", n)
	}

	// In a batch, refused beside a report that imports.
	in, out := t.TempDir(), t.TempDir()
	os.Rename(huge, filepath.Join(in, "huge-2023.html"))
	os.WriteFile(filepath.Join(in, "hongze-district-2023.layout.txt"), readReport(t, "hongze-district-2023.layout.txt"), 0o644)
	var log bytes.Buffer
	Command([]string{"-o", out + "/", in}, io.Discard, &log)
	if !strings.Contains(log.String(), "  refused   "+filepath.Join(in, "huge-2023.html")+": larger than a report can be") {
		t.Errorf("batch: %s", log.String())
	}
	if _, err := os.Stat(filepath.Join(out, "hongze-district-2023.json")); err != nil {
		t.Errorf("the report beside it: %v", err)
	}

	// 5 MB of page: read, then refused before it is parsed.
	page := flatHTML(5 << 20 / 8)
	var impErr error
	n = allocated(func() { _, impErr = Import("flat-2023.html", "", page) })
	if !errors.Is(impErr, ErrTooLarge) || !strings.Contains(impErr.Error(), "flat-2023.html: larger than a report can be: 5243") || !strings.Contains(impErr.Error(), "at most 4194304 (4 MiB)") {
		t.Errorf("err = %v", impErr)
	}
	if n > 1<<20 {
		t.Errorf("%d bytes allocated to refuse a 5 MB page given in memory", n)
	}
}
