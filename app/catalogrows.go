package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/charts"
	"nianbao/data/catalog"
)

// catalogRows is the catalog's table body in the browser, written by
// the site's script (nianbao.rows, web/js/rows.js) from the rows the page packs, rather than
// by go-app's diff.
//
// A keystroke in the search changes most of 25 rows of ten cells. go-app
// rebuilds and compares the whole tree on every update and writes each
// change by its own call from the WebAssembly to JavaScript, which is most
// of a keystroke's time (docs/performance.md). Packed, the rows cost one
// call; the script writes only the fields that changed, each as text or as
// an attribute's value. The prerendered catalog (no WebAssembly) is the
// plain list.
type catalogRows struct {
	app.Compo
	Page *reports // the page whose rows it shows
	Rev  int      // the page's count of changes: a new value syncs the rows

	ctx   app.Context
	tbody app.Value
	click app.Func
}

// A row's fields, in the order the site's script writes them (web/js/rows.js's
// slots; a test compares the two).
const (
	slotBodyHref = iota
	slotBody
	slotReportHref
	slotReportLabel
	slotYear
	slotLevel
	slotFormat
	slotStatusClass
	slotStatus
	slotNew
	slotHandled
	slotOpened
	slotReview
	slotPressed
	slotDisabled
	slotButtonLabel
	slotButton
	slotID
	nSlots
)

// The separators of packed rows: ASCII's record and unit separators,
// which no dataset string holds (data.Validate refuses control characters).
const (
	recordSep = "\x1e"
	fieldSep  = "\x1f"
)

func (c *catalogRows) Render() app.UI { return app.Elem("tbody") }

func (c *catalogRows) OnMount(ctx app.Context) {
	c.ctx = ctx
	c.click = app.FuncOf(func(this app.Value, args []app.Value) any {
		btn := args[0].Get("target").Call("closest", "button.compare-toggle")
		if !btn.Truthy() {
			return nil
		}
		id := btn.Get("dataset").Get("id").String()
		c.ctx.Dispatch(func(ctx app.Context) {
			c.Page.toggle(ctx, id)
			c.Page.Update() // the count of chosen reports, and Rev
		})
		return nil
	})
	c.tbody = c.JSValue()
	c.tbody.Call("addEventListener", "click", c.click)
	c.sync()
	c.warm(ctx)
}

// warm runs a keystroke's path once, for nothing: at once, the page and
// its rows updated with the rows they show; once the index's search keys
// are made, a filter by a word. V8 compiles a WebAssembly function when it
// is first called, and the first keystroke paid for those of its path (at
// 50,000 reports and 4x CPU, 44–95 ms where the next took 20–35). Nothing
// on the page changes.
func (c *catalogRows) warm(ctx app.Context) {
	p := c.Page
	x := p.v.index
	ready := func() bool { return c.Mounted() && p.v.index == x && len(x.Bodies) > 0 }
	ctx.Defer(func(ctx app.Context) {
		ctx.PreventUpdate()
		if ready() {
			p.rev++ // the same rows
			p.Update()
		}
	})
	ctx.Async(func() {
		// The keys are made in slices between pauses (makeSearchKeys):
		// the path warmed is a keystroke's once they are.
		for try := 0; ; try++ {
			if _, _, made := searchKeys(x); made == len(x.Bodies) {
				break
			}
			if try == 200 {
				return
			}
			time.Sleep(50 * time.Millisecond)
			yieldToBrowser() // not inside another event (yieldToBrowser)
		}
		ctx.Dispatch(func(ctx app.Context) {
			ctx.PreventUpdate()
			if ready() {
				catalogFilter{Q: x.Bodies[0].Name, Page: 1}.match(x)
			}
		})
	})
}

func (c *catalogRows) OnUpdate(ctx app.Context) { c.sync() }

func (c *catalogRows) OnDismount() {
	if c.click != nil {
		c.tbody.Call("removeEventListener", "click", c.click)
		c.click.Release()
	}
	c.ctx, c.tbody, c.click = nil, nil, nil
}

// sync makes the table body show the page's rows.
func (c *catalogRows) sync() {
	p := c.Page
	if c.tbody == nil || p == nil || p.v.index == nil {
		return
	}
	jsRows(c.tbody, packRows(p, p.rows))
}

// packRows packs the rows' fields for nianbao.rows.
func packRows(p *reports, rows []*catalog.Entry) string {
	var b strings.Builder
	for i, e := range rows {
		if i > 0 {
			b.WriteString(recordSep)
		}
		for k, v := range p.rowValues(p.v.index, e) {
			if k > 0 {
				b.WriteString(fieldSep)
			}
			b.WriteString(v)
		}
	}
	return b.String()
}

// rowValues is what a report's row shows, slot by slot.
func (p *reports) rowValues(x *catalog.Index, e *catalog.Entry) (v [nSlots]string) {
	b := x.BodyOf(e)
	chosen := slices.Contains(p.f.Compare, e.ID)
	label := "加入比较"
	if chosen {
		label = "已加入"
	}
	v[slotBodyHref] = siteURL(BodyPath(b.ID))
	v[slotBody] = b.Name
	v[slotReportHref] = siteURL(inViewPath(e.ID))
	v[slotReportLabel] = fmt.Sprintf("%s%d年报告", b.Name, e.Year)
	v[slotYear] = strconv.Itoa(e.Year)
	v[slotLevel] = b.Level
	v[slotFormat] = e.Format + "年版"
	v[slotStatusClass] = "status-" + string(e.Consistency())
	v[slotStatus] = e.Consistency().Label()
	if e.Partial { // its block on its way (reports.apply)
		v[slotNew], v[slotHandled], v[slotOpened], v[slotReview] = "载入中", "载入中", "载入中", "载入中"
	} else {
		v[slotNew] = charts.Count(e.New())
		v[slotHandled] = charts.Count(e.Handled())
		v[slotOpened] = charts.Percent(e.Opened(), e.Handled())
		v[slotReview] = charts.Count(e.Reviews())
	}
	v[slotPressed] = strconv.FormatBool(chosen)
	if !chosen && len(p.f.Compare) >= maxCompare {
		v[slotDisabled] = "disabled"
	}
	v[slotButtonLabel] = fmt.Sprintf("%s：%s%d年报告", label, b.Name, e.Year)
	v[slotButton] = label
	v[slotID] = e.ID
	return v
}
