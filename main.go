// Command nianbao is 年报透视, an explorer for the annual reports on open
// government information. It is three programs in one binary:
//
//   - in the browser (main_js.go), the go-app component tree of app/,
//     compiled to WebAssembly, which fetches each report's data from the
//     site;
//
//   - natively (main_native.go), the site builder and server of web/site
//     and the importer of data/importer:
//
//     nianbao build [-o dist] [-datasets data/datasets]
//     nianbao serve [-port 8080] [-dir dist] [-no-build]
//     nianbao import [--csv] [-o FILE] [--id ID] REPORT
//
// main registers the pages' routes once, for both; run is the switch.
package main

import ui "nianbao/app"

func main() {
	ui.Register()
	run()
}
