package app

import (
	"encoding/json"
	"sync"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The app's only way to JavaScript is the site's own script (web/js,
// bundled into web/site.js), which names itself window.nianbao; this file
// is the Go side of what web/js/main.js lists there. The app also reads the
// site's settings from the page (SiteMeta) and calls the browser's own
// APIs (fetch, history, storage).

// SiteMeta are the site's settings the build writes into every page, as
// JSON in <meta name="nianbao-site">: the app and web/js/dom.js read them.
type SiteMeta struct {
	Base   string `json:"base"`   // the path the site is served under, "" at the root
	Index  string `json:"index"`  // the catalog index's URL
	Portal string `json:"portal"` // the portal summary's URL (charts.Portal)
	Kiosk  int    `json:"kiosk"`  // a kiosk's idle seconds, 0 for none
	Site   Site   `json:"site"`   // what the site file says of the site
}

// SiteMetaName is the name of the <meta> element that holds SiteMeta.
const SiteMetaName = "nianbao-site"

// readSiteMeta reads the page's SiteMeta.
func readSiteMeta() SiteMeta {
	if el := app.Window().Get("document").Call("querySelector", `meta[name="`+SiteMetaName+`"]`); el.Truthy() {
		return decodeSiteMeta(el.Get("content").String())
	}
	return SiteMeta{}
}

// decodeSiteMeta reads SiteMeta from its JSON (an empty one where it does
// not read).
func decodeSiteMeta(s string) SiteMeta {
	var m SiteMeta
	json.Unmarshal([]byte(s), &m)
	return m
}

// js is the site's script, window.nianbao; not a value where it did not
// load (then charts stay as tables and the catalog keeps its plain list).
func js() app.Value {
	if !app.IsClient {
		return nil
	}
	return app.Window().Get("nianbao")
}

// jsCallable is the site's script, if it has a function of that name.
func jsCallable(name string) app.Value {
	ns := js()
	if ns == nil || !ns.Truthy() || !ns.Get(name).Truthy() {
		return nil
	}
	return ns
}

// jsCall calls a function of the site's script, if it is there.
func jsCall(name string, args ...any) app.Value {
	ns := jsCallable(name)
	if ns == nil {
		return nil
	}
	return ns.Call(name, args...)
}

// jsStarted tells the site's script that the app has mounted its first
// page (nianbao.started).
func jsStarted() { jsCall("started") }

// jsArrived tells the site's script that the app entered a page
// (nianbao.arrived): first is the page the app started on.
func jsArrived(first bool) { jsCall("arrived", first) }

// jsRows writes the catalog's rows (nianbao.rows; see catalogrows.go).
func jsRows(tbody app.Value, packed string) { jsCall("rows", tbody, packed) }

// WaitUntilWanted returns once the visitor wants the app: the site's
// script runs the program ahead of a touch once the app is fetched ahead
// (web/js/start.js runAhead), and the touch then only mounts the page.
// nianbao.whenWanted(f) says whether the visitor wants it already, or
// calls f when they do. It returns at once where the script has no such
// function.
func WaitUntilWanted() {
	ns := jsCallable("whenWanted")
	if ns == nil {
		return
	}
	wanted := make(chan struct{})
	var once sync.Once
	f := app.FuncOf(func(app.Value, []app.Value) any {
		once.Do(func() { close(wanted) })
		return nil
	})
	defer f.Release()
	if ns.Call("whenWanted", f).Bool() {
		return
	}
	<-wanted
}
