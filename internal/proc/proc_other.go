//go:build !unix

package proc

import (
	"os"
	"os/exec"
)

func setGroup(*exec.Cmd) {}

// killGroup kills the process alone: without process groups its children
// are not reached.
func killGroup(pid int) error {
	p, err := os.FindProcess(pid)
	if err != nil {
		return nil
	}
	return p.Kill()
}
