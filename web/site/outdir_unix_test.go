//go:build unix

package site

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A build removes the temporary folders killed builds left beside its
// output, and only those: not one a build in progress holds, not one just
// made, not another output's.
func TestRemoveStale(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "site")
	old := time.Now().Add(-time.Hour)
	for _, name := range []string{".site-build-1", ".site-build-2", ".site-build-3", ".other-build-4", ".site-build-5-old", "site-build-6"} {
		dir := filepath.Join(parent, name)
		os.MkdirAll(filepath.Join(dir, "web"), 0o755)
		os.WriteFile(filepath.Join(dir, "web", "app.wasm"), []byte("wasm"), 0o644)
		if name != ".site-build-3" {
			os.Chtimes(dir, old, old)
		}
	}
	unlock, err := lockDir(filepath.Join(parent, ".site-build-2"), true) // a build in progress
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	removed, err := removeStale(out)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(parent, ".site-build-1"), filepath.Join(parent, ".site-build-5-old")}
	if !slices.Equal(removed, want) {
		t.Errorf("removed %q, want %q", removed, want)
	}
	for _, name := range []string{".site-build-2", ".site-build-3", ".other-build-4", "site-build-6"} {
		if _, err := os.Stat(filepath.Join(parent, name, "web", "app.wasm")); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// startBuild starts a build of a site into out with the fake toolchain, in
// a process of its own (TestMain), its go sleeping long, and returns it
// once that go and its child run, with the file they write their pids to.
func startBuild(t *testing.T, out string) (*exec.Cmd, *bytes.Buffer, string) {
	t.Helper()
	o := fakeToolchain(t, out)
	pids := filepath.Join(t.TempDir(), "pids")
	t.Setenv("FAKE_PIDS", pids)
	t.Setenv("FAKE_GO_SLEEP", "300")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "NIANBAO_TEST_BUILD_OUT="+out, "NIANBAO_TEST_BUILD_ROOT="+o.Root, "NIANBAO_TEST_BUILD_DATASETS="+o.Datasets)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	for deadline := time.Now().Add(60 * time.Second); len(pidsIn(pids)) < 2; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the build's go did not start: %s", stderr.String())
		}
	}
	t.Cleanup(func() {
		for _, pid := range pidsIn(pids) {
			syscall.Kill(pid, syscall.SIGKILL)
		}
	})
	return cmd, &stderr, pids
}

func pidsIn(file string) []int {
	b, _ := os.ReadFile(file)
	var pids []int
	for _, f := range strings.Fields(string(b)) {
		if pid, err := strconv.Atoi(f); err == nil {
			pids = append(pids, pid)
		}
	}
	return pids
}

// running says whether pid runs (a zombie, killed and not yet reaped by
// whoever adopted it, does not).
func running(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return false
	}
	st, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return true
	}
	_, after, _ := strings.Cut(string(st), ") ")
	return !strings.HasPrefix(after, "Z")
}

// waitGone waits (a while) for the processes to end, and names those that
// do not.
func waitGone(pids []int) []int {
	deadline := time.Now().Add(10 * time.Second)
	for {
		var live []int
		for _, pid := range pids {
			if running(pid) {
				live = append(live, pid)
			}
		}
		if len(live) == 0 || time.Now().After(deadline) {
			return live
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// buildFolders lists the temporary folders of builds in dir.
func buildFolders(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		if strings.Contains(e.Name(), "-build-") {
			names = append(names, e.Name())
		}
	}
	return names
}

// A build stopped by SIGTERM (or Ctrl-C) kills the go command and what it
// runs, removes its temporary folder and leaves the output as it was: a
// killed build left .dist-…-build-* folders and an orphaned go build
// writing into them.
func TestBuildStopsOnSignal(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "site")
	cmd, stderr, pids := startBuild(t, out)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(stderr.String(), "build: stopped by a signal; "+out+" is as it was") {
			t.Errorf("exit %v, stderr %q", err, stderr.String())
		}
	case <-time.After(60 * time.Second):
		t.Fatal("the build did not stop on SIGTERM")
	}
	if live := waitGone(pidsIn(pids)); len(live) > 0 {
		t.Errorf("the build's go and its child still run: %v", live)
	}
	if left := buildFolders(parent); len(left) > 0 {
		t.Errorf("left behind: %q", left)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a site was put in place")
	}
}
