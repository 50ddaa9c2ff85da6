//go:build unix

package site

import (
	"os"
	"syscall"
)

// lockDir takes an exclusive lock on the folder dir (flock), waiting for
// it when wait, else failing at once when another process holds it. The
// kernel releases it when the process ends, however it ends: a killed
// build's folder is free for the next build to remove.
func lockDir(dir string, wait bool) (unlock func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	how := syscall.LOCK_EX
	if !wait {
		how |= syscall.LOCK_NB
	}
	if err := syscall.Flock(int(f.Fd()), how); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}
