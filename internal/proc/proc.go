// Package proc runs the programs the importer and the build start
// (pdftotext, the go command, esbuild) so that none outlives what it was
// started for: each in a process group of its own, killed whole when its
// context ends, so that its children go with it (the go command's compiler
// and linker, a child that holds a pipe open); on Linux also when the
// process that started it dies, however it dies.
package proc

import (
	"os/exec"
)

// Group makes cmd, not yet started, the leader of a process group of its
// own, killed whole (SIGKILL to the group) when its context ends, and on
// Linux killed when this process dies.
func Group(cmd *exec.Cmd) {
	setGroup(cmd)
	cmd.Cancel = func() error { return KillGroup(cmd) }
}

// KillGroup kills what is left of the process group of cmd, started with
// Group: its children, once cmd itself has ended.
func KillGroup(cmd *exec.Cmd) error {
	if cmd.Process == nil {
		return nil
	}
	return killGroup(cmd.Process.Pid)
}
