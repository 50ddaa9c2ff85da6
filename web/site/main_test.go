package site

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	ui "nianbao/app"
)

// repoRoot is the repository's top, from this package's folder. The tests
// in Chromium, of built sites, are in ./e2e.
var repoRoot = filepath.Join("..", "..")

func TestMain(m *testing.M) {
	ui.Register() // as main does, once
	if out := os.Getenv("NIANBAO_TEST_BUILD_OUT"); out != "" {
		// The build of TestBuildStopsOnSignal, in a process of its own.
		o := Options{Out: out, Root: os.Getenv("NIANBAO_TEST_BUILD_ROOT"), Datasets: os.Getenv("NIANBAO_TEST_BUILD_DATASETS"), Quiet: true}
		if err := buildUntilSignal(o); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// plainOptions build the shipped datasets into dir, quietly, as a deploy
// does (the toolchain on PATH compiles app.wasm): for the tests that put
// a stand-in toolchain there.
func plainOptions(dir string) Options {
	return Options{Out: dir, Datasets: filepath.Join(repoRoot, "data", "datasets"), Root: repoRoot, Quiet: true}
}
