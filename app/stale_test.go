package app

import (
	"runtime"
	"testing"
	"weak"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

type staleLeaf struct {
	app.Compo
	ctx  app.Context
	load []byte // what a page holds: a report, its charts
}

func (l *staleLeaf) OnMount(ctx app.Context) { l.ctx = ctx }
func (l *staleLeaf) Render() app.UI          { return app.Span().Text("leaf") }

type staleParent struct {
	app.Compo
	leaf *staleLeaf
}

func (p *staleParent) Render() app.UI {
	if p.leaf == nil {
		return app.Div()
	}
	return app.Div().Body(p.leaf)
}

// TestDismountedComponentIsCollected: a component whose update was held
// back and which then went away is garbage once nothing of the page holds
// it. go-app v9.8.0 kept it in its engine's queue of updates for the
// page's life (patch forget-dismounted, third_party/go-app/PATCHES.md):
// a kiosk's day of navigations grew the heap by each page it left.
func TestDismountedComponentIsCollected(t *testing.T) {
	leaf := &staleLeaf{load: make([]byte, 1<<20)}
	parent := &staleParent{leaf: leaf}
	d := app.NewClientTester(parent)
	defer d.Close()
	d.Emit(leaf, func() { leaf.ctx.PreventUpdate() })
	d.Consume()

	gone := weak.Make(leaf)
	parent.leaf, leaf = nil, nil
	d.Dispatch(app.Dispatch{Mode: app.Update, Source: parent})
	d.Consume()
	for range 3 {
		runtime.GC()
	}
	if gone.Value() != nil {
		t.Fatal("a dismounted component is still held after a frame: go-app's engine keeps it")
	}
}
