package app

import (
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

type staleLeaf struct {
	app.Compo
	ctx app.Context
}

func (l *staleLeaf) OnMount(ctx app.Context) { l.ctx = ctx }
func (l *staleLeaf) Render() app.UI          { return app.Span().Text("leaf") }

type staleParent struct {
	app.Compo
	show bool
	leaf *staleLeaf
}

func (p *staleParent) Render() app.UI { return app.Div().Body(app.If(p.show, p.leaf)) }

// TestForgetDismounted: a component whose update was held back and which
// then went away stays in go-app's queue of updates (and with it its
// tree) until forgetDismounted deletes it; a mounted one stays.
func TestForgetDismounted(t *testing.T) {
	leaf := &staleLeaf{}
	parent := &staleParent{show: true, leaf: leaf}
	d := app.NewClientTester(parent)
	defer d.Close()
	d.Emit(leaf, func() { leaf.ctx.PreventUpdate() })
	d.Consume()
	if n := forgetDismounted(d); n != 0 {
		t.Fatalf("forgot %d components while the leaf is mounted", n)
	}
	parent.show = false
	d.Dispatch(app.Dispatch{Mode: app.Update, Source: parent})
	d.Consume()
	if leaf.Mounted() {
		t.Fatal("the leaf is still mounted")
	}
	if n := forgetDismounted(d); n != 1 {
		t.Errorf("forgot %d components, want the dismounted leaf", n)
	}
	if n := forgetDismounted(d); n != 0 {
		t.Errorf("forgot %d components the second time", n)
	}
	// A dispatcher of another shape is left alone.
	if n := forgetDismounted(otherDispatcher{d}); n != 0 {
		t.Errorf("forgot %d components of an unknown dispatcher", n)
	}
}

type otherDispatcher struct{ app.Dispatcher }
