package app

import (
	"runtime"
	"testing"
)

func TestGCDue(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		inUse, goal uint64
		due         bool
	}{
		{30 * mb, 60 * mb, false}, // just collected
		{38 * mb, 60 * mb, false},
		{39 * mb, 60 * mb, true}, // 30 % of the way from 30 to 60
		{55 * mb, 60 * mb, true},
		{2 * mb, 4 * mb, false}, // the runtime's least goal
		{3 * mb, 4 * mb, true},
	} {
		if got := gcDue(c.inUse, c.goal); got != c.due {
			t.Errorf("gcDue(%d MB, %d MB) = %v, want %v", c.inUse/mb, c.goal/mb, got, c.due)
		}
	}
}

// keep holds what the test allocates, so that it is in use.
var keep [][]byte

// collectWhileIdle collects only when the heap has gone gcRunway of its
// way: not just after a collection, and then once it has.
func TestCollectWhileIdle(t *testing.T) {
	defer func() { keep = nil }()
	var m runtime.MemStats
	for try := 0; try < 5; try++ {
		keep = nil
		runtime.GC()
		runtime.ReadMemStats(&m)
		if collectWhileIdle() {
			t.Fatalf("collected just after a collection (%d of %d bytes)", m.HeapAlloc, m.NextGC)
		}
		// Allocate, in use, until the heap is due, unless the runtime
		// collects on its way (then again).
		n0 := m.NumGC
		for !gcDue(m.HeapAlloc, m.NextGC) && m.NumGC == n0 {
			keep = append(keep, make([]byte, 64<<10))
			runtime.ReadMemStats(&m)
		}
		if m.NumGC != n0 {
			continue
		}
		if !collectWhileIdle() {
			t.Fatalf("did not collect a heap due (%d of %d bytes)", m.HeapAlloc, m.NextGC)
		}
		runtime.ReadMemStats(&m)
		if m.NumGC != n0+1 {
			t.Fatalf("%d collections, want 1", m.NumGC-n0)
		}
		return
	}
	t.Fatal("the runtime collected before the heap was due, five times")
}
