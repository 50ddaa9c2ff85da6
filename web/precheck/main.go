//go:build js && wasm

// Command precheck is the pre-publication check (发布前体检) the site runs in
// the browser: the importer (nianbao/data/importer), compiled to a
// WebAssembly of its own that only the page /precheck loads, in a worker
// (web/js/precheck-worker.js), so that app.wasm carries none of it. A draft
// is read and checked on the device: nothing here makes a request.
//
// It gives the worker globalThis.nianbaoChecker:
//
//   - index(text) takes the catalog index's directory (catalog.Split), for
//     the cross-year check against the body's previous report; it returns
//     the files of its blocks (under the directory's folder), or null when
//     it was not read; block(i, text) takes block i, and returns whether it
//     was read. The check reads the index once every block is in.
//   - check(bytes, name, prevPack) checks the file's bytes (a Uint8Array)
//     named name and returns importer.PrecheckResult as JSON; prevPack,
//     when not "", is the pack of the body's previous report (as the site
//     writes it), for the cross-year check in every column.
package main

import (
	"encoding/json"
	"syscall/js"

	"nianbao/data"
	"nianbao/data/catalog"
	"nianbao/data/importer"
)

func main() {
	var index *catalog.Index
	api := js.Global().Get("Object").New()
	api.Set("index", js.FuncOf(func(_ js.Value, args []js.Value) any {
		x, err := catalog.ParseDirectory([]byte(args[0].String()))
		if err != nil {
			return js.Null()
		}
		index = x
		files := make([]any, len(x.BlockFiles))
		for i, f := range x.BlockFiles {
			files[i] = f
		}
		return js.ValueOf(files)
	}))
	api.Set("block", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return index != nil && index.Merge(args[0].Int(), []byte(args[1].String())) == nil
	}))
	api.Set("check", js.FuncOf(func(_ js.Value, args []js.Value) any {
		b := make([]byte, args[0].Get("length").Int())
		js.CopyBytesToGo(b, args[0])
		var prev *data.Report
		if len(args) > 2 && args[2].Type() == js.TypeString && args[2].String() != "" {
			var pack struct {
				Report json.RawMessage `json:"report"`
			}
			if json.Unmarshal([]byte(args[2].String()), &pack) == nil {
				prev, _ = data.Decode(pack.Report)
			}
		}
		x := index
		if x != nil && !x.Whole() {
			x = nil // a block did not come: figures of nothing are no year before
		}
		out, err := json.Marshal(importer.Precheck(args[1].String(), b, x, prev))
		if err != nil {
			return `{"notes":[]}`
		}
		return string(out)
	}))
	js.Global().Set("nianbaoChecker", api)
	select {}
}
