package app

import (
	"runtime"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// collectWhileIdle collects the garbage now, at a moment the visitor is
// not waiting for (typing paused, figures arrived), when the heap has used
// gcRunway of its way from the last collection to the next's goal.
//
// In WebAssembly the Go runtime hands the page back to the browser only
// once every goroutine waits, the collector's too: a collection that a
// keystroke's few allocations start is marked whole within that keystroke.
// At 50,000 reports (a heap of about 30 MB) that added 70–100 ms to a
// keystroke of 20–30 ms at 4x CPU, about one keystroke in a hundred (its
// 140 kB of a runway of 10–15 MB). In those runs the collector started
// about halfway to its goal: one started here comes before it.
func collectWhileIdle() bool {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if !gcDue(m.HeapAlloc, m.NextGC) {
		return false
	}
	runtime.GC()
	return true
}

// gcRunway is the share of the way from the heap in use after a
// collection (its goal's half, at the default GOGC of 100) to the next
// goal at which collectWhileIdle collects.
const gcRunway = 0.3

// gcDue says whether a heap of inUse bytes has used gcRunway of its way to
// the goal.
func gcDue(inUse, goal uint64) bool {
	live := goal / 2
	return float64(inUse) >= float64(live)+gcRunway*float64(goal-live)
}

// yieldToBrowser returns in a task of the browser's own, after what is
// waiting (a timer of 0 ms). A goroutine that sleeps instead runs again
// inside whatever event the page is handling when its time is up: the Go
// runtime returns an event to the browser only once no goroutine is
// ready, and a goroutine that makes the catalog's keys in slices, each
// after a sleep, ran slice after slice inside the first keystroke.
func yieldToBrowser() {
	done := make(chan struct{})
	f := app.FuncOf(func(app.Value, []app.Value) any {
		close(done)
		return nil
	})
	app.Window().Call("setTimeout", f, 0)
	<-done
	f.Release()
}
