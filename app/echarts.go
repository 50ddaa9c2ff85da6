package app

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// echart is a chart the site's script drew (nianbao.mountChart, the one
// function that draws every chart of the site, with the app or without).
// It is disposed, and its click callback released, when the chart goes
// away: kiosks run for days.
type echart struct {
	chart app.Value
	click app.Func
}

// newEChart draws the option (JSON) into el; onClick, when not nil, gets
// the name of a clicked data item. It returns nil where the site's script
// did not load (the chart's table stays available).
func newEChart(el app.Value, option string, onClick func(name string)) *echart {
	if js() == nil || !el.Truthy() {
		return nil
	}
	e := &echart{}
	var click any
	if onClick != nil {
		e.click = app.FuncOf(func(_ app.Value, args []app.Value) any {
			if len(args) > 0 {
				onClick(args[0].String())
			}
			return nil
		})
		click = e.click
	}
	e.chart = jsCall("mountChart", el, option, click)
	if e.chart == nil || !e.chart.Truthy() {
		e.dispose()
		return nil
	}
	return e
}

// setOption draws another option (JSON).
func (e *echart) setOption(option string) {
	if e != nil {
		e.chart.Call("setOption", option)
	}
}

// draw draws the option again, fitted to the element as it is now.
func (e *echart) draw() {
	if e != nil {
		e.chart.Call("draw")
	}
}

// dispose frees the chart and the callback.
func (e *echart) dispose() {
	if e == nil {
		return
	}
	if e.chart != nil && e.chart.Truthy() {
		e.chart.Call("dispose")
	}
	if e.click != nil {
		e.click.Release()
	}
	e.chart, e.click = nil, nil
}
