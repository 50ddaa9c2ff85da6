package site

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A build killed outright (SIGKILL: no handler runs) takes the go command
// with it (the kernel's parent-death signal), so that nothing writes into
// the folder it left; the next build removes that folder.
func TestKilledBuildLeavesNothingRunning(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "site")
	cmd, _, pids := startBuild(t, out)
	cmd.Process.Kill()
	cmd.Wait()
	goPid := pidsIn(pids)[0]
	if live := waitGone([]int{goPid}); len(live) > 0 {
		t.Errorf("the killed build's go still runs: %v", live)
	}
	left := buildFolders(parent)
	if len(left) != 1 {
		t.Fatalf("folders left: %q", left)
	}
	if _, err := os.Stat(filepath.Join(parent, left[0], "web", "app.wasm")); err == nil {
		t.Error("app.wasm written into the killed build's folder")
	}
	defer func(d time.Duration) { staleAge = d }(staleAge)
	staleAge = 0
	if removed, err := removeStale(out); err != nil || len(removed) != 1 || len(buildFolders(parent)) != 0 {
		t.Errorf("removed %q (%v), left %q", removed, err, buildFolders(parent))
	}
}
