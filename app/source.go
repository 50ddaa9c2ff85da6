package app

import (
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/charts"
	"nianbao/data/catalog"
)

// Source is where the pages get their data: the catalog index and each
// report's pack. The site builder hands the pages the files it writes, from
// memory (web/site); in the browser they are fetched from the site
// (NewFetchSource). Both decode the same bytes, so a prerendered page and
// the live app show the same numbers.
type Source interface {
	Index() (*catalog.Index, error)
	Pack(id string) (*charts.Pack, error)
	Portal() (*charts.Portal, error)
	OpenData() (*OpenData, error)
}

// SetSource sets where the pages get their data. It is called once, before
// any page is rendered.
func SetSource(s Source) {
	store.mu.Lock()
	defer store.mu.Unlock()
	store.src, store.index, store.portal, store.packs, store.order = s, nil, nil, map[string]*charts.Pack{}, nil
	openData = nil
}

// keepPacks is how many reports' packs stay decoded in memory: a kiosk that
// runs for days visits every report, and memory must not grow with them.
const keepPacks = 8

// store caches what the source gave: the index, and the last keepPacks
// packs, the most recently used last.
var store struct {
	mu     sync.Mutex
	src    Source
	index  *catalog.Index
	portal *charts.Portal
	packs  map[string]*charts.Pack
	order  []string
}

var errNoSource = errors.New("没有数据来源")

// ErrNotFound is what a source's error wraps when it has no such report.
var ErrNotFound = errors.New("no such report")

// ErrOffline is what a source's error wraps when the network did not
// answer: offline, and the file not kept on this device.
var ErrOffline = errors.New("no network")

// cachedPack is the report's pack if it is already loaded.
func cachedPack(id string) *charts.Pack {
	store.mu.Lock()
	defer store.mu.Unlock()
	p := store.packs[id]
	if p != nil {
		store.order = append(slices.DeleteFunc(store.order, func(s string) bool { return s == id }), id)
	}
	return p
}

// loadPack loads the report's pack from the source (in the browser, over
// the network: not from the UI goroutine) and keeps it.
func loadPack(id string) (*charts.Pack, error) {
	if p := cachedPack(id); p != nil {
		return p, nil
	}
	store.mu.Lock()
	src := store.src
	store.mu.Unlock()
	if src == nil {
		return nil, errNoSource
	}
	p, err := src.Pack(id)
	if err != nil {
		return nil, err
	}
	store.mu.Lock()
	defer store.mu.Unlock()
	if store.packs == nil {
		store.packs = map[string]*charts.Pack{}
	}
	store.packs[id] = p
	store.order = append(slices.DeleteFunc(store.order, func(s string) bool { return s == id }), id)
	for len(store.order) > keepPacks {
		delete(store.packs, store.order[0])
		store.order = store.order[1:]
	}
	return p, nil
}

// cachedIndex is the catalog index if it is already loaded.
func cachedIndex() *catalog.Index {
	store.mu.Lock()
	defer store.mu.Unlock()
	return store.index
}

// loadIndex loads the catalog index from the source and keeps it.
func loadIndex() (*catalog.Index, error) {
	if x := cachedIndex(); x != nil {
		return x, nil
	}
	store.mu.Lock()
	src := store.src
	store.mu.Unlock()
	if src == nil {
		return nil, errNoSource
	}
	x, err := src.Index()
	if err != nil {
		return nil, err
	}
	store.mu.Lock()
	store.index = x
	store.mu.Unlock()
	return x, nil
}

// blockSource is a source whose index comes as a directory and blocks
// (catalog.Split): Blocks fetches the blocks named and merges them into
// the index.
type blockSource interface {
	Blocks(x *catalog.Index, which []int) error
}

// loadEntries makes the entries whole: merges the blocks that hold their
// figures and packs, fetched once each. It blocks the calling goroutine,
// which must not be the UI's, while blocks are fetched. The merge itself
// writes the index the UI reads, under store.mu: in the browser one
// goroutine runs at a time and a merge does not yield, so that the UI
// never reads an entry half merged.
func loadEntries(x *catalog.Index, es []*catalog.Entry) error {
	miss := x.Missing(es)
	if len(miss) == 0 {
		return nil
	}
	store.mu.Lock()
	src, _ := store.src.(blockSource)
	store.mu.Unlock()
	if src == nil {
		return fmt.Errorf("%d blocks of the index missing, and the source has none", len(miss))
	}
	return src.Blocks(x, miss)
}

// cachedPortal is the portal's summary if it is already loaded.
func cachedPortal() *charts.Portal {
	store.mu.Lock()
	defer store.mu.Unlock()
	return store.portal
}

// loadPortal loads the portal's summary from the source and keeps it.
func loadPortal() (*charts.Portal, error) {
	if p := cachedPortal(); p != nil {
		return p, nil
	}
	store.mu.Lock()
	src := store.src
	store.mu.Unlock()
	if src == nil {
		return nil, errNoSource
	}
	p, err := src.Portal()
	if err != nil {
		return nil, err
	}
	store.mu.Lock()
	store.portal = p
	store.mu.Unlock()
	return p, nil
}

// fetchThen gives apply what load returns: at once when cached has it or
// when rendering on the server (the build waits for its memory), else in
// the background, applying it on the UI goroutine when it arrives unless
// the visitor has gone to another page meanwhile. It reports whether apply
// ran at once.
func fetchThen[T any](ctx app.Context, cached func() T, load func() (T, error), apply func(T, error)) bool {
	var zero T
	if v := cached(); any(v) != any(zero) {
		apply(v, nil)
		return true
	}
	if !app.IsClient {
		apply(load())
		return true
	}
	if ctx == nil {
		return false // OnNav follows OnInit, with a context
	}
	path := ctx.Page().URL().String()
	ctx.Async(func() {
		v, err := load()
		ctx.Dispatch(func(ctx app.Context) {
			if ctx.Page().URL().String() == path {
				apply(v, err)
			}
		})
	})
	return false
}

// loadError says in Chinese why data did not load.
func loadError(what string, err error) error {
	if errors.Is(err, ErrOffline) {
		return offlineError{fmt.Sprintf("网络没有连通，而%s没有保存在这台设备上（此前没有在这里打开过）。网络连通后重新载入本页即可查看。", what)}
	}
	return fmt.Errorf("%s无法载入（%v）。请检查网络后重新载入本页。", what, err)
}

// offlineError says that what a page needs is not kept on this device;
// the page then lists what is (web/js/offline.js).
type offlineError struct{ msg string }

func (e offlineError) Error() string { return e.msg }

// reportError says why a report cannot be shown.
func reportError(id string, err error) error {
	if errors.Is(err, ErrNotFound) {
		return fmt.Errorf("没有找到报告“%s”。", id)
	}
	return loadError("这份报告", err)
}
