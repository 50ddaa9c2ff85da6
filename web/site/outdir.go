package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// A build replaces its output folder whole. It replaces only a folder that
// a build wrote, which it marks with siteMarker, or an empty one: a folder
// holding anything else (a mistyped -o, a folder of notes) is refused, not
// deleted.
const siteMarker = ".nianbao-site"

// siteMarkerText is the marker's content: what it is for, for whoever
// finds it.
const siteMarkerText = "This folder was written by `nianbao build`, which replaces it whole: keep nothing else here.\n"

// checkOut refuses an output folder a build may not replace: one that
// holds files but no siteMarker, or a file. A missing folder is made, and
// a symbolic link is replaced by the site, not followed: what it leads to
// is left as it is.
func checkOut(out string) error {
	st, err := os.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case st.Mode()&fs.ModeSymlink != 0:
		return nil
	case !st.IsDir():
		return fmt.Errorf("%s is a file, not a folder: give the folder the site goes to", out)
	}
	if m, err := os.Lstat(filepath.Join(out, siteMarker)); err == nil && m.Mode().IsRegular() {
		return nil
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s holds files no build wrote (it has no %s), and a build replaces the folder whole: give a new or empty folder, or remove this one (a site built before builds marked their folders: remove it once)", out, siteMarker)
	}
	return nil
}

// buildPrefix is how a build names its temporary folders beside out:
// ".dist-build-…" for dist (and ".dist-build-…-old" where it moves the
// old site aside without an atomic exchange).
func buildPrefix(out string) string {
	return "." + filepath.Base(filepath.Clean(out)) + "-build-"
}

// staleAge is how old a temporary folder of a build must be before a build
// removes it as stale; a build in progress holds a lock on its own folder
// (lockDir), so the age only guards the moment between its creation and
// the lock. A variable for the tests.
var staleAge = time.Minute

// removeStale removes what earlier builds into out left beside it when
// they were killed: their temporary folders, named by buildPrefix, that
// no running build holds and that are older than staleAge. Folders of a
// build in progress (a second build into the same folder) are left. It
// returns the folders removed.
func removeStale(out string) ([]string, error) {
	parent, prefix := filepath.Dir(filepath.Clean(out)), buildPrefix(out)
	entries, err := os.ReadDir(parent)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	var removed []string
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		dir := filepath.Join(parent, e.Name())
		if info, err := e.Info(); err != nil || time.Since(info.ModTime()) < staleAge {
			continue
		}
		unlock, err := lockDir(dir, false)
		if err != nil {
			continue // a build holds it, or it went
		}
		err = os.RemoveAll(dir)
		unlock()
		if err != nil {
			return removed, err
		}
		removed = append(removed, dir)
	}
	return removed, nil
}
