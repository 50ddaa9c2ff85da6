// Package regular reads the files the importer and the build are given
// (reports, datasets) as files and nothing else: a regular file, or a link
// to one, of at most a given size. A named pipe, a device (a link to
// /dev/zero), a socket or a folder is refused before it is read, and
// before it is opened where that can be told (opening a pipe would wait
// for a writer, and opening some devices does something); a file larger
// than the limit is refused from its size, and one that grows past it
// while it is read is refused at the limit, so that no input can make the
// reader hold more than the limit.
package regular

import (
	"fmt"
	"io"
	"io/fs"
	"os"
)

// NotRegularError is a file that is not a regular file.
type NotRegularError struct {
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	kind := "a special file"
	switch {
	case e.Mode.IsDir():
		kind = "a folder"
	case e.Mode&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case e.Mode&fs.ModeDevice != 0, e.Mode&fs.ModeCharDevice != 0:
		kind = "a device"
	case e.Mode&fs.ModeSocket != 0:
		kind = "a socket"
	}
	return "not a regular file but " + kind
}

// TooLargeError is a file larger than the limit.
type TooLargeError struct {
	Size  int64 // its size, or -1 when it grew past the limit while read
	Limit int64
}

func (e *TooLargeError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("it grew past %d bytes while it was read, the most that is read", e.Limit)
	}
	return fmt.Sprintf("%d bytes, more than %d", e.Size, e.Limit)
}

// Read reads the regular file name (a link to one is followed) of at most
// limit bytes. Its errors are those of os (the file missing, not
// readable), *NotRegularError and *TooLargeError.
func Read(name string, limit int64) ([]byte, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if err := check(st, limit); err != nil {
		return nil, err
	}
	// Non-blocking, so that a file swapped for a named pipe between the
	// Stat and here is not waited on either; the Stat of what was opened
	// decides.
	f, err := os.OpenFile(name, os.O_RDONLY|nonblock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := check(st, limit); err != nil {
		return nil, err
	}
	b := make([]byte, 0, st.Size()+1)
	for {
		n, err := f.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if int64(len(b)) > limit {
			return nil, &TooLargeError{Size: -1, Limit: limit}
		}
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return nil, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // the file grew: room to read on
		}
	}
}

func check(st fs.FileInfo, limit int64) error {
	if !st.Mode().IsRegular() {
		return &NotRegularError{Mode: st.Mode()}
	}
	if st.Size() > limit {
		return &TooLargeError{Size: st.Size(), Limit: limit}
	}
	return nil
}
