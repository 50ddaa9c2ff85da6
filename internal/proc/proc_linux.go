package proc

import "syscall"

// setDeathSignal has the kernel kill the child when the thread that
// started it ends, as it does when this process is killed (even with
// SIGKILL, which no handler sees). Go ends a thread only when a goroutine
// locked to it returns without unlocking, which nothing here does.
func setDeathSignal(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGKILL }
