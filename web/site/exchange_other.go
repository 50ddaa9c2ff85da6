//go:build !linux

package site

import "errors"

// exchange is not atomic here: swapInto falls back to two renames.
func exchange(a, b string) error { return errors.New("no atomic exchange on this system") }
