//go:build !unix

package site

import "errors"

// lockDir has no lock to take here: a temporary folder of a build is left
// for a person to remove.
func lockDir(dir string, wait bool) (unlock func(), err error) {
	if wait {
		return func() {}, nil
	}
	return nil, errors.New("no folder locks on this system")
}
