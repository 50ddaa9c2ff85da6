package app

import (
	"reflect"
	"unsafe"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// forgetDismounted deletes, from go-app's queue of components due an
// update, the components that are no longer mounted, and says how many it
// deleted.
//
// go-app v9.8.0's engine keeps every component that was marked for update
// (an event in it, or any descendant, or ctx.Dispatch) in a map until it
// updates it, and it updates only mounted ones: a page left in the same
// frame as its link was followed, and a component whose update was
// prevented, stay in the map, with their whole rendered tree, for the
// page's life. A kiosk's day of navigations grew the Go heap by about 8 kB
// each. Nothing in go-app's API removes them, so this reaches into the
// engine's map by reflection; it does nothing if the engine is not the
// shape it knows (another go-app version), and runs on the UI goroutine
// (from ctx.Defer), where the engine reads and writes the map.
func forgetDismounted(d app.Dispatcher) int {
	v := reflect.ValueOf(d)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return 0
	}
	f := v.Elem().FieldByName("componentUpdates")
	if !f.IsValid() || f.Kind() != reflect.Map || f.Type().Key() != reflect.TypeFor[app.Composer]() || !f.CanAddr() {
		return 0
	}
	m := reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
	n := 0
	for _, k := range m.MapKeys() {
		if c, ok := k.Interface().(app.Composer); ok && !c.Mounted() {
			m.SetMapIndex(k, reflect.Value{})
			n++
		}
	}
	return n
}
