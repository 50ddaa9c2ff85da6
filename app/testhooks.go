//go:build nianbaotest

package app

import (
	"runtime"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// startTestHooks adds to the site's script, in a test build only (web/site
// Options.TestHooks), what a kiosk's soak and the scale benchmark read of
// the Go runtime: nianbao.test.heap() collects the garbage and returns the
// bytes still in use; nianbao.test.mem() the bytes the runtime holds;
// nianbao.test.gc() the garbage collections so far and their pauses in
// ms. The functions live as long as the page.
func startTestHooks() {
	t := js().Get("test")
	if t == nil || !t.Truthy() {
		return
	}
	t.Set("heap", app.FuncOf(func(app.Value, []app.Value) any {
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		return float64(m.HeapAlloc)
	}))
	t.Set("mem", app.FuncOf(func(app.Value, []app.Value) any {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return float64(m.Sys)
	}))
	t.Set("gc", app.FuncOf(func(app.Value, []app.Value) any {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return []any{float64(m.NumGC), float64(m.PauseTotalNs) / 1e6}
	}))
}
