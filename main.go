// Command nianbao is 年报透视, an explorer for the annual reports on open
// government information. In the browser it runs the go-app component tree
// (compiled to WebAssembly); natively it has subcommands:
//
//	nianbao build [-o dist]             write the static site
//	nianbao serve [-port 8080] [-dir dist] [-no-build]
//	                                    build, then serve the site on 127.0.0.1
//	nianbao import [--csv] [-o FILE] [--id ID] REPORT
//	                                    turn a published report into a dataset
package main

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	ui "nianbao/app"
)

func main() {
	ui.Register()
	app.RunWhenOnBrowser()
	native()
}
