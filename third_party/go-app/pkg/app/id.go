package app

import (
	"fmt"
	"math/rand/v2"
)

// newID is a random identifier, as unique as a version 4 UUID (122 random
// bits written the same way).
//
// nianbao patch browser-without-crypto (PATCHES.md): go-app v9.8.0 used
// google/uuid, whose crypto/rand, md5 and sha1 linked the FIPS crypto
// module into the browser's build. The identifiers (a device's, a state
// store's) need to be unique, not secret: math/rand/v2's generator is
// seeded from the runtime's randomness.
func newID() string {
	hi, lo := rand.Uint64(), rand.Uint64()
	hi = hi&^0xf000 | 0x4000     // version 4
	lo = lo&^(0xc<<60) | 0x8<<60 // variant 10
	return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", hi>>32, hi>>16&0xffff, hi&0xffff, lo>>48, lo&0xffffffffffff)
}
