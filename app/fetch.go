package app

import (
	"errors"
	"fmt"
	"path"
	"sync"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/charts"
	"nianbao/data/catalog"
)

// packAttr is the data attribute (data-pack) of a report page's root
// element: the URL of the report's pack, so that the app starts on the
// report in view without the index.
const packAttr = "pack"

// fetchSource fetches the index and the packs from the site, by the URLs
// the pages name: the index's in every page's SiteMeta, each pack's in the
// index (and the report in view's in its page).
type fetchSource struct {
	indexURL  string
	portalURL string
	mu        sync.Mutex
	packURLs  map[string]string        // report ID → URL
	fetching  map[string]chan struct{} // blocks on their way, closed when done
}

// StartBrowser readies the app in the browser, before go-app mounts it: the
// data comes from the site, and the report the page shows is loaded first
// so that the app's first render shows what the prerendered page showed.
// It begins in a task of its own: the runtime's start and the packages'
// set-up are one task of the page's, which may run while the visitor
// reads (web/js/start.js runAhead), and with this one it was 200 ms at 4x
// CPU.
func StartBrowser() {
	yieldToBrowser()
	meta := readSiteMeta()
	SetBase(meta.Base)
	SetSite(meta.Site)
	startTestHooks()
	src := &fetchSource{indexURL: meta.Index, portalURL: meta.Portal, packURLs: map[string]string{}}
	SetSource(src)
	doc := app.Window().Get("document")
	if el := doc.Call("querySelector", "[data-"+packAttr+"]"); el.Truthy() {
		id, url := el.Get("dataset").Get("report").String(), el.Get("dataset").Get(packAttr).String()
		if id != "" && url != "" {
			src.packURLs[id] = url
			if _, err := loadPack(id); err != nil {
				app.Log("年报透视: the report's pack did not load:", err)
			} else if ss := app.Window().Get("sessionStorage"); ss.Truthy() {
				ss.Call("removeItem", "nianbao-reloaded") // this version's data is whole
			}
		}
	}
}

// Index fetches the index's directory: its entries are partial until
// their blocks are merged (Blocks).
func (s *fetchSource) Index() (*catalog.Index, error) {
	if s.indexURL == "" {
		return nil, errors.New("the page names no catalog index")
	}
	b, err := fetchBytes(s.indexURL)
	if err != nil {
		reloadIfGone(err)
		return nil, err
	}
	// Read with the page's thread given back every few thousand bodies
	// and reports (at 50,000 reports the directory's reading held it 1.5 s
	// at 4x CPU in one task).
	var pause func()
	if app.IsClient {
		pause = yieldToBrowser
	}
	x, err := catalog.ParseDirectoryPaused(b, pause)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.indexURL, err)
	}
	return x, nil
}

// Blocks fetches the index's blocks named, side by side, and merges each
// into the index with its reports' packs' URLs. A block already on its way
// for another page or keystroke is waited for, not fetched again.
func (s *fetchSource) Blocks(x *catalog.Index, which []int) error {
	for _, i := range which {
		if i < 0 || i >= len(x.BlockFiles) {
			return fmt.Errorf("catalog block %d of %d", i, len(x.BlockFiles))
		}
	}
	errs := make([]error, len(which))
	var wg sync.WaitGroup
	for k, i := range which {
		url := s.dataURL(x.BlockFiles[i])
		s.mu.Lock()
		wait, busy := s.fetching[url]
		if !busy {
			wait = make(chan struct{})
			if s.fetching == nil {
				s.fetching = map[string]chan struct{}{}
			}
			s.fetching[url] = wait
		}
		s.mu.Unlock()
		wg.Add(1)
		go func() {
			defer wg.Done()
			if busy {
				<-wait
				if !x.Merged(i) { // it failed, or was for another copy of the index
					errs[k] = s.block(x, i, url)
				}
				return
			}
			defer func() {
				s.mu.Lock()
				delete(s.fetching, url)
				s.mu.Unlock()
				close(wait)
			}()
			errs[k] = s.block(x, i, url)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// dataURL is the URL of a file the index names (under catalog.PacksDir,
// where the index is).
func (s *fetchSource) dataURL(name string) string { return path.Join(path.Dir(s.indexURL), name) }

// block fetches block i and merges it.
func (s *fetchSource) block(x *catalog.Index, i int, url string) error {
	b, err := fetchBytes(url)
	if err != nil {
		reloadIfGone(err)
		return err
	}
	store.mu.Lock()
	defer store.mu.Unlock()
	if err := x.Merge(i, b); err != nil {
		return fmt.Errorf("%s: %w", url, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, j := range x.InBlock(i) {
		e := &x.Reports[j]
		s.packURLs[e.ID] = s.dataURL(e.Pack)
	}
	return nil
}

func (s *fetchSource) Portal() (*charts.Portal, error) {
	if s.portalURL == "" {
		return nil, errors.New("the page names no portal summary")
	}
	b, err := fetchBytes(s.portalURL)
	if err != nil {
		reloadIfGone(err)
		return nil, err
	}
	p, err := charts.DecodePortal(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.portalURL, err)
	}
	p.From(s.portalURL)
	return p, nil
}

func (s *fetchSource) Pack(id string) (*charts.Pack, error) {
	s.mu.Lock()
	url := s.packURLs[id]
	s.mu.Unlock()
	if url == "" {
		x, err := loadIndex()
		if err != nil {
			return nil, err
		}
		e := x.Find(id)
		if e == nil {
			return nil, fmt.Errorf("%w: %s", ErrNotFound, id)
		}
		if err := loadEntries(x, []*catalog.Entry{e}); err != nil {
			return nil, err
		}
		s.mu.Lock()
		url = s.packURLs[id]
		s.mu.Unlock()
		if url == "" {
			return nil, fmt.Errorf("%w: %s", ErrNotFound, id)
		}
	}
	b, err := fetchBytes(url)
	if err != nil {
		reloadIfGone(err)
		return nil, err
	}
	p, err := charts.DecodePack(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", url, err)
	}
	p.URL = url
	return p, nil
}

// fetchBytes fetches a file of the site with the browser's fetch. It blocks
// the calling goroutine, which must not be the UI's.
func fetchBytes(url string) ([]byte, error) {
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	var onResp, onBody, onErr, onBodyErr app.Func
	onErr = app.FuncOf(func(_ app.Value, args []app.Value) any {
		done <- result{err: fmt.Errorf("%w: %s: %s", ErrOffline, url, jsError(args))}
		return nil
	})
	// The body could not be read: offline if the browser says so, else
	// the file itself (a pack that does not inflate).
	onBodyErr = app.FuncOf(func(_ app.Value, args []app.Value) any {
		if !app.Window().Get("navigator").Get("onLine").Bool() {
			done <- result{err: fmt.Errorf("%w: %s: %s", ErrOffline, url, jsError(args))}
		} else {
			done <- result{err: fmt.Errorf("%s: %s", url, jsError(args))}
		}
		return nil
	})
	onBody = app.FuncOf(func(_ app.Value, args []app.Value) any {
		arr := app.Window().Get("Uint8Array").New(args[0])
		b := make([]byte, arr.Get("length").Int())
		app.CopyBytesToGo(b, arr)
		done <- result{b: b}
		return nil
	})
	onResp = app.FuncOf(func(_ app.Value, args []app.Value) any {
		res := args[0]
		if status := res.Get("status").Int(); status == 404 {
			done <- result{err: fmt.Errorf("%w: %s", ErrNotFound, url)}
			return nil
		} else if !res.Get("ok").Bool() {
			done <- result{err: fmt.Errorf("%s: HTTP %d", url, status)}
			return nil
		}
		// A report's pack is kept gzipped (catalog.PackName): the site's
		// script inflates it (nianbao.body) where the server did not.
		var body app.Value
		if ns := js(); ns != nil && ns.Truthy() && ns.Get("body").Truthy() {
			body = ns.Call("body", res)
		} else {
			body = res.Call("arrayBuffer")
		}
		body.Call("then", onBody, onBodyErr)
		return nil
	})
	app.Window().Call("fetch", url).Call("then", onResp, onErr)
	r := <-done
	onResp.Release()
	onBody.Release()
	onErr.Release()
	onBodyErr.Release()
	return r.b, r.err
}

// jsError is a promise's reason as text.
func jsError(args []app.Value) string {
	if len(args) > 0 {
		return args[0].Call("toString").String()
	}
	return "network error"
}

// reloadIfGone reloads the page, once a session, when a data file the page
// named is gone: the site was deployed again under the page (data files
// are named after their content), and the new version's page names the
// new files. A page of one version never runs on another's data.
func reloadIfGone(err error) {
	if !errors.Is(err, ErrNotFound) {
		return
	}
	ss := app.Window().Get("sessionStorage")
	if !ss.Truthy() || ss.Call("getItem", "nianbao-reloaded").Truthy() {
		return
	}
	ss.Call("setItem", "nianbao-reloaded", "1")
	app.Window().Get("location").Call("reload")
}
