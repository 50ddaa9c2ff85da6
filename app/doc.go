// Package app is the explorer's user interface: go-app components for each
// page (one file per page, named after its route), the shared layout, the
// chart view with its 图/表 switch, view state kept in the URL (which report,
// which category of outcomes), and the bridge to ECharts (init, setOption,
// resize, dispose), the only JavaScript interop. It reads reports from the
// data package and charts from the charts package; it knows nothing of how
// report files are parsed.
//
// Elements are made by tag, app.Elem("div") rather than app.Div(): each of
// go-app's typed constructors links its element type's sixty-odd methods
// into the WASM (docs/performance.md has the figures). The typed setters
// become Attr with the same value (Href(x) is Attr("href", x);
// AutoComplete(false) is Attr("autocomplete", "off")); the DOM is the same.
package app
