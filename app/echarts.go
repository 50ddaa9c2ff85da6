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
	el       app.Value
	option   app.Value // as built, before fitChart
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
	e := &echart{el: el, inst: lib.Call("init", el, nil, map[string]any{"renderer": "canvas", "locale": "ZH"})}
	resize := app.FuncOf(func(app.Value, []app.Value) any {
		e.resize()
		return nil
	})
	e.funcs = append(e.funcs, resize)
	e.observer = app.Window().Get("ResizeObserver").New(resize)
	e.observer.Call("observe", el)
	// A larger type changes the figure's height even where the chart's
	// own height is set in pixels (see nianbaoFitChart).
	e.observer.Call("observe", el.Get("parentElement"))
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

// setOption replaces the chart's option with the JSON one, fitted to the
// element.
func (e *echart) setOption(option string) {
	if e == nil {
		return
	}
	e.option = app.Window().Get("JSON").Call("parse", option)
	e.draw()
}

// draw sets the option fitted to the element as it is now: text at its
// computed font size and colour, margins and wrapping for its width (see
// nianbaoFitChart in web/charts-early.js, which the prerendered charts use
// too). Without that script the option is drawn as built.
func (e *echart) draw() {
	if e.option == nil || !e.option.Truthy() {
		return
	}
	option := e.option
	if fit := app.Window().Get("nianbaoFitChart"); fit.Truthy() {
		// Call, not Invoke: go-app's Invoke does not unwrap app.Values.
		option = app.Window().Call("nianbaoFitChart", e.el, e.option)
	}
	e.inst.Call("resize")
	e.inst.Call("setOption", option, true)
}

// resize refits the option: the element's width or type size changed.
func (e *echart) resize() {
	if e == nil {
		return
	}
	e.draw()
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
	e.option = nil
	liveCharts--
	app.Window().Set("nianbaoLiveCharts", liveCharts)
}
