package app

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// liveCharts counts the ECharts instances alive on the page, published as
// window.nianbaoLiveCharts so that a kiosk's leak can be seen (and tested).
var liveCharts int

// echart is the bridge to one ECharts instance: the only JavaScript the app
// talks to. Every instance is disposed and every callback released when the
// chart goes away; kiosks run for days.
type echart struct {
	inst     app.Value
	observer app.Value
	funcs    []app.Func
}

// newEChart draws into el; onClick, when not nil, gets the name of a
// clicked data item. It returns nil where ECharts is not loaded (the server
// during pre-rendering, or a failed script).
func newEChart(el app.Value, onClick func(name string)) *echart {
	if !app.IsClient {
		return nil
	}
	lib := app.Window().Get("echarts")
	if !lib.Truthy() || !el.Truthy() {
		app.Log("echarts: library or element missing; the table stays available")
		return nil
	}
	e := &echart{inst: lib.Call("init", el, nil, map[string]any{"renderer": "canvas", "locale": "ZH"})}
	resize := app.FuncOf(func(app.Value, []app.Value) any {
		e.resize()
		return nil
	})
	e.funcs = append(e.funcs, resize)
	e.observer = app.Window().Get("ResizeObserver").New(resize)
	e.observer.Call("observe", el)
	if onClick != nil {
		click := app.FuncOf(func(_ app.Value, args []app.Value) any {
			if len(args) > 0 {
				onClick(args[0].Get("name").String())
			}
			return nil
		})
		e.funcs = append(e.funcs, click)
		e.inst.Call("on", "click", click)
	}
	liveCharts++
	app.Window().Set("nianbaoLiveCharts", liveCharts)
	return e
}

// disposeEarlyCharts disposes the charts web/charts-early.js drew before the
// app arrived: the app's own replace them (or the page has none). Every page
// calls it when the app enters it (page.enter), whether it has charts or not.
func disposeEarlyCharts() {
	if !app.IsClient {
		return
	}
	if early := app.Window().Get("nianbaoDisposeEarly"); early.Truthy() {
		early.Invoke()
		app.Window().Delete("nianbaoDisposeEarly")
	}
}

// setOption replaces the chart's option with the JSON one.
func (e *echart) setOption(option string) {
	if e == nil {
		return
	}
	e.inst.Call("setOption", app.Window().Get("JSON").Call("parse", option), true)
}

func (e *echart) resize() {
	if e == nil {
		return
	}
	e.inst.Call("resize")
}

// dispose frees the instance, the resize observer and the callbacks.
func (e *echart) dispose() {
	if e == nil {
		return
	}
	e.observer.Call("disconnect")
	e.inst.Call("off", "click")
	e.inst.Call("dispose")
	for _, f := range e.funcs {
		f.Release()
	}
	e.funcs = nil
	liveCharts--
	app.Window().Set("nianbaoLiveCharts", liveCharts)
}
