//go:build unix

package importer

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// within runs f and fails the test if it has not returned after d: what
// these tests guard against is an import that never returns.
func within(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("still running after %v", d)
	}
}

// A link to /dev/zero and a named pipe in a folder to import are refused
// at once, each named, and the report beside them is written: the link
// took 1 GB in 15 s and growing, the pipe hung the batch forever.
func TestSpecialFilesRefused(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	if err := os.Symlink("/dev/zero", filepath.Join(in, "zero-2019.txt")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(in, "fifo-2019.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(in, "hongze-district-2023.layout.txt"), readReport(t, "hongze-district-2023.layout.txt"), 0o644)
	var log bytes.Buffer
	var err error
	n := uint64(0)
	within(t, 60*time.Second, func() {
		n = allocated(func() { err = Command([]string{"-o", out + "/", in}, io.Discard, &log) })
	})
	if err == nil || err.Error() != "2 of 3 reports refused" {
		t.Errorf("err = %v", err)
	}
	for _, want := range []string{
		"  refused   " + filepath.Join(in, "fifo-2019.txt") + ": not a file: not a regular file but a named pipe (FIFO); the importer reads a report's file\n",
		"  refused   " + filepath.Join(in, "zero-2019.txt") + ": not a file: not a regular file but a device; the importer reads a report's file\n",
		"  findings  " + filepath.Join(in, "hongze-district-2023.layout.txt"),
	} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("the summary lacks %q:\n%s", want, log.String())
		}
	}
	if _, err := os.Stat(filepath.Join(out, "hongze-district-2023.json")); err != nil {
		t.Errorf("the report beside them: %v", err)
	}
	if n > 16<<20 {
		t.Errorf("%d bytes allocated (one report imported)", n)
	}
	// Named alone, the same.
	for _, name := range []string{"zero-2019.txt", "fifo-2019.txt"} {
		within(t, 60*time.Second, func() { err = Command([]string{filepath.Join(in, name)}, io.Discard, io.Discard) })
		if !errors.Is(err, ErrNotFile) || !strings.HasPrefix(err.Error(), filepath.Join(in, name)+": ") {
			t.Errorf("%s alone: %v", name, err)
		}
	}
}

// fakePDFTool puts a shell script named pdftotext first on PATH.
func fakePDFTool(t *testing.T, script string) (pidFile string) {
	dir := t.TempDir()
	pidFile = filepath.Join(dir, "pids")
	script = "#!/bin/sh\nPIDS=" + pidFile + "\n" + script
	if err := os.WriteFile(filepath.Join(dir, "pdftotext"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	return pidFile
}

// alive lists the processes named in pidFile (one pid a line) that still
// run: a zombie (killed, not yet reaped by whoever adopted it) does not.
// stillAlive is alive after the processes had time to die: a SIGKILL to
// a group returns before its processes are gone, and on a loaded machine
// one may still be scheduled a moment later. It waits up to 5 s.
func stillAlive(t *testing.T, pidFile string) []int {
	deadline := time.Now().Add(5 * time.Second)
	for {
		live := alive(t, pidFile)
		if len(live) == 0 || time.Now().After(deadline) {
			return live
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func alive(t *testing.T, pidFile string) []int {
	b, _ := os.ReadFile(pidFile)
	var live []int
	for _, f := range strings.Fields(string(b)) {
		pid, _ := strconv.Atoi(f)
		if pid <= 0 || syscall.Kill(pid, 0) != nil {
			continue
		}
		if st, err := os.ReadFile("/proc/" + f + "/stat"); err == nil {
			if _, after, ok := strings.Cut(string(st), ") "); ok && strings.HasPrefix(after, "Z") {
				continue
			}
		}
		live = append(live, pid)
	}
	return live
}

// pdftotext's output is bounded: one that writes without end is stopped
// at MaxTextSize and the PDF refused (it took 1.2 GB in 20 s); one whose
// child keeps its output open does not hold the import past the timeout
// (it returned after 400 s, with a 120 s timeout), and no process of it is
// left running.
func TestPDFToolBounded(t *testing.T) {
	pdf := []byte("%PDF-1.4\n% a PDF only by its head\n")
	defer func(d, w time.Duration) { pdfTimeout, pdfWaitDelay = d, w }(pdfTimeout, pdfWaitDelay)
	pdfTimeout, pdfWaitDelay = 10*time.Second, time.Second

	t.Run("endless output", func(t *testing.T) {
		pids := fakePDFTool(t, "echo $$ >> $PIDS\nexec yes 一、本年新收政府信息公开申请数量\n")
		var err error
		var n uint64
		within(t, 60*time.Second, func() { n = allocated(func() { _, err = Import("endless-2023.pdf", "", pdf) }) })
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "pdftotext gave more than 4194304 bytes (4 MiB) of text") {
			t.Errorf("err = %v", err)
		}
		if n > 4*MaxTextSize {
			t.Errorf("%d bytes allocated for at most %d of text", n, MaxTextSize)
		}
		if live := stillAlive(t, pids); len(live) > 0 {
			t.Errorf("still running: %v", live)
		}
	})

	t.Run("a child keeps stdout open", func(t *testing.T) {
		pdfTimeout = time.Second
		pids := fakePDFTool(t, "echo $$ >> $PIDS\nsleep 300 &\necho $! >> $PIDS\nexec sleep 300\n")
		var err error
		within(t, 60*time.Second, func() { _, err = Import("stuck-2023.pdf", "", pdf) })
		if !errors.Is(err, ErrBinary) || !strings.Contains(err.Error(), "pdftotext did not finish in 1s") {
			t.Errorf("err = %v", err)
		}
		if live := stillAlive(t, pids); len(live) > 0 {
			t.Errorf("still running: %v", live)
		}
	})

	t.Run("it ends, its child holds stdout", func(t *testing.T) {
		pdfTimeout = 10 * time.Second
		pids := fakePDFTool(t, "(echo $$ >> $PIDS; exec sleep 300) &\necho text\n")
		var err error
		within(t, 60*time.Second, func() { _, err = Import("left-2023.pdf", "", pdf) })
		if !errors.Is(err, ErrBinary) || !strings.Contains(err.Error(), "left a process holding its output open") {
			t.Errorf("err = %v", err)
		}
		if live := stillAlive(t, pids); len(live) > 0 {
			t.Errorf("still running: %v", live)
		}
	})
}
