package app

import (
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// addressPause is how long typing pauses before the catalog writes its
// search into the address bar.
const addressPause = 300 * time.Millisecond

// addressWriter writes a page's state into the address bar, replacing
// the history entry's address (a keystroke is not a page). A keystroke's
// is written once typing pauses: history.replaceState cost a keystroke in
// the catalog about 9 ms at 4x CPU, as much as its filter over 5,000
// reports, and a visitor typing a name wrote it at every letter. What is
// pending is written before any click on the page (flush: a link, 分享,
// a button), so that the entry a visitor comes back to, and the address
// a link shares, hold what was typed; it is dropped if the entry changed
// meanwhile (the visitor went back) or the page went away (drop). It
// writes with app.ReplaceURL, which keeps the entry's state (a kiosk marks
// in it where a visit began) and tells go-app, which otherwise ignores a
// link to the address it last knew (patch replace-url).
type addressWriter struct {
	mu    sync.Mutex
	timer *time.Timer
	href  string // what is to be written
	from  string // the address it replaces: the entry typed in
}

// write writes href at once, or once typing pauses (later); either way a
// write pending before is superseded.
func (w *addressWriter) write(href string, later bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.stop()
	if !later {
		app.ReplaceURL(href)
		return
	}
	w.href, w.from = href, app.Window().Get("location").Get("href").String()
	w.timer = time.AfterFunc(addressPause, w.flush)
}

// flush writes what is pending, now.
func (w *addressWriter) flush() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.timer == nil {
		return
	}
	w.stop()
	if app.Window().Get("location").Get("href").String() == w.from {
		app.ReplaceURL(w.href)
	}
}

// drop forgets what is pending.
func (w *addressWriter) drop() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.stop()
}

func (w *addressWriter) stop() {
	if w.timer != nil {
		w.timer.Stop()
		w.timer = nil
	}
}
