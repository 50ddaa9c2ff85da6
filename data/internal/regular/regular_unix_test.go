//go:build unix

package regular

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// A link to /dev/zero and a named pipe are refused at once: nothing read,
// nothing waited for.
func TestReadRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, "zero-2019.txt")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo-2019.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{zero: "not a regular file but a device", fifo: "not a regular file but a named pipe (FIFO)"} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		done := make(chan error, 1)
		go func() { _, err := Read(name, 1<<30); done <- err }()
		var err error
		select {
		case err = <-done:
		case <-time.After(30 * time.Second): // a blocked open or an endless read never returns
			t.Fatalf("%s: still reading after 30 s", name)
		}
		runtime.ReadMemStats(&after)
		var nr *NotRegularError
		if !errors.As(err, &nr) || err.Error() != want {
			t.Errorf("%s: %v, want %q", name, err, want)
		}
		if d := after.TotalAlloc - before.TotalAlloc; d > 64<<10 {
			t.Errorf("%s: %d bytes allocated to refuse it", name, d)
		}
	}
}
