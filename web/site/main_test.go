package site

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	ui "nianbao/app"
)

// repoRoot is the repository's top, from this package's folder.
var repoRoot = filepath.Join("..", "..")

// testWasm is the app.wasm every build of the tests uses, with the test
// hooks (Options.TestHooks): compiled once per test process, into a folder
// removed when the tests end.
var testWasm struct {
	once sync.Once
	dir  string
	path string
	err  error
}

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
	code := m.Run()
	if testWasm.dir != "" {
		os.RemoveAll(testWasm.dir)
	}
	os.Exit(code)
}

// wasmForTests compiles the tests' app.wasm, once.
func wasmForTests(tb testing.TB) string {
	tb.Helper()
	testWasm.once.Do(func() {
		testWasm.dir, testWasm.err = os.MkdirTemp("", "nianbao-wasm-")
		if testWasm.err == nil {
			testWasm.path = filepath.Join(testWasm.dir, "app.wasm")
			testWasm.err = CompileWasm(context.Background(), testWasm.path, true)
		}
	})
	if testWasm.err != nil {
		tb.Fatalf("compiling app.wasm: %v", testWasm.err)
	}
	return testWasm.path
}

// testOptions build the shipped datasets into dir, quietly, for a test:
// with the test hooks, the app.wasm compiled once, and fast compression.
func testOptions(tb testing.TB, dir string) Options {
	return Options{Out: dir, Datasets: filepath.Join(repoRoot, "data", "datasets"), Root: repoRoot, Quiet: true,
		TestHooks: true, Wasm: wasmForTests(tb), Fast: true}
}

// plainOptions build the shipped datasets into dir, quietly, as a deploy
// does (the toolchain on PATH compiles app.wasm): for the tests that put
// a stand-in toolchain there.
func plainOptions(dir string) Options {
	return Options{Out: dir, Datasets: filepath.Join(repoRoot, "data", "datasets"), Root: repoRoot, Quiet: true}
}
