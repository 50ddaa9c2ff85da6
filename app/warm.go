package app

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/charts"
)

// Warm runs the app's start without a page, in the warm-up worker of
// web/js/warm-worker.js, where the worker's script puts what the page's
// start would read in self.nianbaoWarm: {meta: the page's SiteMeta as
// JSON, pack: its report's pack, inflated, or null}, and sets its ok to
// whether all of it read. It reports whether it ran: false on a page (no
// nianbaoWarm there), which the app then starts.
//
// Why: V8 compiles a WebAssembly function at its first call, on the thread
// that calls it, and a module's compiled code is shared by every thread
// that has the module. Run here first, the Go runtime's start, the
// packages' set-up, the settings' and the pack's reading are compiled off
// the page's thread; the page's own run of them is then compiled code (at
// 4x CPU its run ahead's longest task went from about 250 to 100 ms).
func Warm() bool {
	if !app.IsClient {
		return false
	}
	w := app.Window().Get("nianbaoWarm")
	if !w.Truthy() {
		return false
	}
	ok := decodeSiteMeta(w.Get("meta").String()) != SiteMeta{}
	if p := w.Get("pack"); p.Truthy() {
		b := make([]byte, p.Get("length").Int())
		app.CopyBytesToGo(b, p)
		_, err := charts.DecodePack(b)
		ok = ok && err == nil
	}
	w.Set("ok", ok)
	return true
}
