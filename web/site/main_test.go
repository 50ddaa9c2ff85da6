package site

import (
	"os"
	"path/filepath"
	"testing"

	ui "nianbao/app"
)

// repoRoot is the repository's top, from this package's folder.
var repoRoot = filepath.Join("..", "..")

func TestMain(m *testing.M) {
	ui.Register() // as main does, once
	os.Exit(m.Run())
}

// testOptions build the shipped datasets into dir, quietly.
func testOptions(dir string) Options {
	return Options{Out: dir, Datasets: filepath.Join(repoRoot, "data", "datasets"), Root: repoRoot, Quiet: true}
}
