package regular

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "ok.txt")
	os.WriteFile(ok, []byte("12345"), 0o644)
	if b, err := Read(ok, 5); err != nil || string(b) != "12345" {
		t.Errorf("Read(5 bytes, limit 5) = %q, %v", b, err)
	}
	var tl *TooLargeError
	if _, err := Read(ok, 4); !errors.As(err, &tl) || tl.Size != 5 || tl.Limit != 4 {
		t.Errorf("Read(5 bytes, limit 4): %v", err)
	}
	link := filepath.Join(dir, "link.txt")
	os.Symlink(ok, link)
	if b, err := Read(link, 5); err != nil || string(b) != "12345" {
		t.Errorf("a link to a file: %q, %v", b, err)
	}
	var nr *NotRegularError
	if _, err := Read(dir, 5); !errors.As(err, &nr) || err.Error() != "not a regular file but a folder" {
		t.Errorf("a folder: %v", err)
	}
	if _, err := Read(filepath.Join(dir, "missing"), 5); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
}
