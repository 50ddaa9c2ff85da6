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
	packURLs  map[string]string // report ID → URL
}

// StartBrowser readies the app in the browser, before go-app mounts it: the
// data comes from the site, and the report the page shows is loaded first
// so that the app's first render shows what the prerendered page showed.
func StartBrowser() {
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

func (s *fetchSource) Index() (*catalog.Index, error) {
	if s.indexURL == "" {
		return nil, errors.New("the page names no catalog index")
	}
	b, err := fetchBytes(s.indexURL)
	if err != nil {
		reloadIfGone(err)
		return nil, err
	}
	x, err := catalog.Parse(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.indexURL, err)
	}
	s.mu.Lock()
	for _, e := range x.Reports {
		s.packURLs[e.ID] = path.Join(path.Dir(s.indexURL), e.Pack)
	}
	s.mu.Unlock()
	return x, nil
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
		if _, err := loadIndex(); err != nil {
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
	var onResp, onBody, onErr app.Func
	onErr = app.FuncOf(func(_ app.Value, args []app.Value) any {
		msg := "network error"
		if len(args) > 0 {
			msg = args[0].Call("toString").String()
		}
		done <- result{err: fmt.Errorf("%w: %s: %s", ErrOffline, url, msg)}
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
		res.Call("arrayBuffer").Call("then", onBody, onErr)
		return nil
	})
	app.Window().Call("fetch", url).Call("then", onResp, onErr)
	r := <-done
	onResp.Release()
	onBody.Release()
	onErr.Release()
	return r.b, r.err
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
