//go:build unix

package dataset

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A link to /dev/zero or a named pipe among the datasets is refused at
// once, read no further than its name.
func TestReadDirRefusesSpecialFiles(t *testing.T) {
	for name, want := range map[string]string{"zero.json": "not a regular file but a device", "fifo.json": "not a regular file but a named pipe (FIFO)", "huge.json": "the file is 104857600 bytes; a dataset is at most 2097152"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "nantong-city-2019.json"), nantongJSON(t), 0o644)
			path := filepath.Join(dir, name)
			var err error
			switch name {
			case "zero.json":
				err = os.Symlink("/dev/zero", path)
			case "fifo.json":
				err = syscall.Mkfifo(path, 0o644)
			case "huge.json":
				err = os.WriteFile(path, nil, 0o644)
				if err == nil {
					err = os.Truncate(path, 100<<20) // sparse: no disk used
				}
			}
			if err != nil {
				t.Skip(err)
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			done := make(chan error, 1)
			go func() { _, err := ReadDir(dir); done <- err }()
			select {
			case err = <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("ReadDir still reading after 30 s")
			}
			runtime.ReadMemStats(&after)
			if err == nil || !strings.HasPrefix(err.Error(), path+": ") || !strings.Contains(err.Error(), want) {
				t.Errorf("err = %v, want %s: …%s…", err, path, want)
			}
			// What Parse of the good dataset allocates, and little more.
			if d := after.TotalAlloc - before.TotalAlloc; d > 4<<20 {
				t.Errorf("%d bytes allocated", d)
			}
		})
	}
}
