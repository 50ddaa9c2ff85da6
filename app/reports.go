package app

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"nianbao/data"
	"nianbao/data/catalog"
)

// pageSize is how many reports one page of the catalog lists: a phone
// updates this many rows per keystroke whatever the catalog's size.
const pageSize = 25

// maxCompare is how many reports a comparison holds at most.
const maxCompare = 6

// catalogFilter is the catalog's state, all of it in the URL's query so
// that a search can be shared, bookmarked and reloaded.
type catalogFilter struct {
	Q, Year, Level, Format, Status, Sort string
	Page                                 int
	Compare                              []string // report IDs chosen for comparison
}

// catalogSorts are the orders the catalog offers, by their URL value.
var catalogSorts = []struct{ key, label string }{
	{"", "年度（新的在前）"},
	{"name", "机关名称"},
	{"new", "本年新收申请（多的在前）"},
	{"handled", "本年办理（多的在前）"},
	{"open", "公开比例（高的在前）"},
	{"review", "行政复议（多的在前）"},
	{"corrected", "复议纠正比例（高的在前）"},
}

func filterFromURL(u *url.URL) catalogFilter {
	q := u.Query()
	f := catalogFilter{Q: strings.TrimSpace(q.Get("q")), Year: q.Get("year"), Level: q.Get("level"),
		Format: q.Get("format"), Status: q.Get("status"), Sort: q.Get("sort")}
	f.Page, _ = strconv.Atoi(q.Get("page"))
	if f.Page < 1 {
		f.Page = 1
	}
	for _, id := range strings.Split(q.Get("cmp"), ",") {
		if data.ValidID(id) && !slices.Contains(f.Compare, id) && len(f.Compare) < maxCompare {
			f.Compare = append(f.Compare, id)
		}
	}
	return f
}

// href is the catalog's URL for the filter.
func (f catalogFilter) href() string {
	page := ""
	if f.Page > 1 {
		page = strconv.Itoa(f.Page)
	}
	return withQuery("/reports", "q", f.Q, "year", f.Year, "level", f.Level, "format", f.Format,
		"status", f.Status, "sort", f.Sort, "page", page, "cmp", strings.Join(f.Compare, ","))
}

// compareHref opens a comparison of the reports.
func compareHref(ids []string) string { return withQuery("/compare", "r", strings.Join(ids, ",")) }

// catalogOrder is the index's reports in a sort order, made once per
// index and order (a keystroke filters in that order, in one pass,
// without sorting again: a keystroke's cost grows with the reports only
// by one pass).
type catalogOrder struct {
	index *catalog.Index
	sort  string
	order []*catalog.Entry
	// Each report's body and year, in the same order: what a keystroke
	// reads of every report, side by side (reading them through the
	// entries was most of a keystroke over 50,000 reports).
	body, year []int32
	// reportsOf are each body's reports, by their places in the order:
	// a search that some bodies pass reads only their reports.
	reportsOf [][]int32
}

var orders []*catalogOrder

// ordered is the index's reports in the sort order.
func ordered(x *catalog.Index, sortKey string) []*catalog.Entry {
	return orderOf(x, sortKey).order
}

// orderOf is the index's reports in the sort order, with their bodies and
// years.
func orderOf(x *catalog.Index, sortKey string) *catalogOrder {
	for _, o := range orders {
		if o.index == x && o.sort == sortKey {
			return o
		}
	}
	rate := func(part, whole int64) float64 {
		if whole == 0 {
			return -1
		}
		return float64(part) / float64(whole)
	}
	key := func(e *catalog.Entry) float64 {
		switch sortKey {
		case "new":
			return float64(e.New())
		case "handled":
			return float64(e.Handled())
		case "open":
			return rate(e.Opened(), e.Handled())
		case "review":
			return float64(e.Reviews())
		case "corrected":
			return rate(e.Corrected(catalog.KeyReview), e.Concluded(catalog.KeyReview))
		case "name":
			return -float64(e.Year) // by name, then the latest year first
		}
		return float64(e.Year)
	}
	// Each body's place among the bodies by name: the reports are sorted
	// by it, and by their keys worked out once, side by side, comparing
	// numbers (sorting 50,000 reports' pointers by their names took the
	// catalog's first render about 240 ms in WebAssembly, unthrottled).
	byName := make([]int, len(x.Bodies))
	for i := range byName {
		byName[i] = i
	}
	slices.SortStableFunc(byName, func(a, b int) int { return strings.Compare(x.Bodies[a].Name, x.Bodies[b].Name) })
	rank := make([]int32, len(x.Bodies))
	for r, b := range byName {
		if r > 0 && x.Bodies[b].Name == x.Bodies[byName[r-1]].Name {
			rank[b] = rank[byName[r-1]] // the same name is the same place, as it compared before
			continue
		}
		rank[b] = int32(r)
	}
	type sorted struct {
		key     float64
		rank, i int32
	}
	keys := make([]sorted, len(x.Reports))
	for i := range x.Reports {
		e := &x.Reports[i]
		keys[i] = sorted{key(e), rank[e.Body], int32(i)}
	}
	slices.SortFunc(keys, func(a, b sorted) int {
		if sortKey == "name" {
			if c := cmp.Compare(a.rank, b.rank); c != 0 {
				return c
			}
			if c := cmp.Compare(a.key, b.key); c != 0 {
				return c
			}
			return cmp.Compare(a.i, b.i)
		}
		if a.key != b.key { // the greatest first
			return cmp.Compare(b.key, a.key)
		}
		if c := cmp.Compare(a.rank, b.rank); c != 0 {
			return c
		}
		return cmp.Compare(a.i, b.i) // the index's order, as a stable sort kept it
	})
	out := make([]*catalog.Entry, len(keys))
	for j, k := range keys {
		out[j] = &x.Reports[k.i]
	}
	o := &catalogOrder{index: x, sort: sortKey, order: out, body: make([]int32, len(out)), year: make([]int32, len(out))}
	counts := make([]int32, len(x.Bodies))
	for i, e := range out {
		o.body[i], o.year[i] = int32(e.Body), int32(e.Year)
		counts[e.Body]++
	}
	flat := make([]int32, len(out))
	o.reportsOf = make([][]int32, len(x.Bodies))
	for b, c := range counts {
		o.reportsOf[b], flat = flat[:0:c], flat[c:]
	}
	for i, b := range o.body {
		o.reportsOf[b] = append(o.reportsOf[b], int32(i))
	}
	// One index lives at a time; a few orders of it are kept.
	orders = append(slices.DeleteFunc(orders, func(o *catalogOrder) bool { return o.index != x }), o)
	return o
}

// yearParam is the catalog's year as the address gives it (?year=): -1
// for none (absent, or below zero), 0 (no report's year) where it is not
// a whole number or has more than four digits. The site's script reads it
// the same way before the app runs (web/js/query.js, yearParam).
func yearParam(s string) int {
	if s == "" {
		return -1
	}
	y, err := strconv.Atoi(s)
	switch {
	case err != nil && errors.Is(err, strconv.ErrRange) && s[0] == '-', err == nil && y < 0:
		return -1
	case err != nil || y > 9999:
		return 0
	}
	return y
}

// match is the reports that pass the filter, in its sort order: how many,
// and those of its page. The bodies are decided first (their level and
// the search's words, once a body); then, if some bodies are out, only
// the reports of those in are read, marked by their places in the order
// and the page read off the marks: a keystroke's cost grows with the
// bodies and the reports found, not with every report of the index.
func (f catalogFilter) match(x *catalog.Index) (n int, page []*catalog.Entry) {
	from := (f.Page - 1) * pageSize
	year := yearParam(f.Year)
	q := parseQuery(f.Q)
	o := orderOf(x, f.Sort)
	byYear, byEntry := year >= 0 || len(q.years) > 0, f.Format != "" || f.Status != ""
	in := func(i int) bool { // the report at place i passes what is not of its body
		e, y := o.order[i], int(o.year[i])
		return (year < 0 || y == year) && q.yearMatches(y) &&
			(!byEntry || ((f.Format == "" || e.Format == f.Format) && (f.Status == "" || string(e.Consistency()) == f.Status)))
	}
	bodies, all := f.bodies(x, q)
	onPage := func(i int) {
		if n >= from && n < from+pageSize {
			page = append(page, o.order[i])
		}
		n++
	}
	switch {
	case all && !byYear && !byEntry: // every report
		return len(o.order), slices.Clone(o.order[min(from, len(o.order)):min(from+pageSize, len(o.order))])
	case all:
		for i := range o.order {
			if in(i) {
				onPage(i)
			}
		}
		return n, page
	}
	marks := make([]uint64, (len(o.order)+63)/64)
	for _, b := range bodies {
		for _, i := range o.reportsOf[b] {
			if (!byYear && !byEntry) || in(int(i)) {
				marks[i>>6] |= 1 << (i & 63)
			}
		}
	}
	for w, m := range marks {
		if c := bits.OnesCount64(m); n+c <= from { // a word of marks before the page
			n += c
			continue
		}
		for ; m != 0; m &= m - 1 {
			onPage(w<<6 + bits.TrailingZeros64(m))
		}
	}
	return n, page
}

// bodies is the bodies that pass the filter's level and the query's
// words, by their places in the index; all says every body does. A search
// that only narrows the one before (the same level, each word before
// within a word of it: typing on) looks among the bodies that one found.
func (f catalogFilter) bodies(x *catalog.Index, q query) (in []int32, all bool) {
	if f.Level == "" && len(q.words) == 0 {
		return nil, true
	}
	keys, sigs, made := searchKeys(x)
	var want runeSig // every character of the query's words
	for _, w := range q.words {
		want.add(w)
	}
	pass := func(b int) bool {
		switch {
		case f.Level != "" && x.Bodies[b].Level != f.Level:
			return false
		case len(q.words) == 0:
			return true
		case b < made:
			return sigs[b].holds(want) && q.wordsIn(keys[b])
		}
		return q.wordsInBody(&x.Bodies[b])
	}
	lastSearch.mu.Lock()
	defer lastSearch.mu.Unlock()
	last := &lastSearch
	if last.index == x && last.level == f.Level && narrows(q.words, last.words) {
		for _, b := range last.found {
			if pass(int(b)) {
				in = append(in, b)
			}
		}
	} else {
		for b := range x.Bodies {
			if pass(b) {
				in = append(in, int32(b))
			}
		}
	}
	last.index, last.level, last.words, last.found = x, f.Level, q.words, in
	return in, len(in) == len(x.Bodies)
}

// lastSearch is what the last search found (catalogFilter.bodies).
var lastSearch struct {
	mu    sync.Mutex
	index *catalog.Index
	level string
	words []string
	found []int32
}

// narrows says whether a body that holds every word of words holds every
// word of before: each word before is within a word of words.
func narrows(words, before []string) bool {
	for _, b := range before {
		if !slices.ContainsFunc(words, func(w string) bool { return strings.Contains(w, b) }) {
			return false
		}
	}
	return true
}

// query is a search of the catalog: words that must all match, each a
// year (2024, 2024年) or a part of one of a body's search keys (its name's
// forms, traditional characters, pinyin and initials, region and province:
// catalog.Body.Search), letters in any case.
type query struct {
	words []string
	years []int
}

func parseQuery(s string) query {
	var q query
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if y, ok := fourDigits(strings.TrimSuffix(w, "年")); ok {
			q.years = append(q.years, y)
			continue
		}
		q.words = append(q.words, w)
	}
	return q
}

// fourDigits reads a year written as four digits, from 1000.
func fourDigits(w string) (int, bool) {
	if len(w) != 4 || strings.Trim(w, "0123456789") != "" || w[0] == '0' {
		return 0, false
	}
	y, err := strconv.Atoi(w)
	return y, err == nil
}

// yearMatches says whether a report of the year is of every year the
// query names.
func (q query) yearMatches(year int) bool {
	for _, y := range q.years {
		if year != y {
			return false
		}
	}
	return true
}

// wordsIn says whether a body's keys (bodyKeys) hold every word of the
// query. A word holds no white space, so none matches across two keys.
func (q query) wordsIn(keys string) bool {
	for _, w := range q.words {
		if !contains(keys, w) {
			return false
		}
	}
	return true
}

// contains is strings.Contains for a word of Chinese in the keys, looked
// for by its last byte. In WebAssembly strings.Index has no vector code:
// it looks for the word's first byte, which in UTF-8 Chinese is one of a
// few lead bytes found at nearly every character, and soon falls back to
// Rabin–Karp, a multiplication a byte, over every body's keys. A last
// byte (a continuation byte, one of 64) is found about once in a hundred
// bytes, and only then is the word compared.
func contains(s, w string) bool {
	n := len(w)
	if n <= 1 {
		return strings.Contains(s, w)
	}
	last := w[n-1]
	for i := n - 1; i < len(s); i++ {
		j := strings.IndexByte(s[i:], last)
		if j < 0 {
			return false
		}
		i += j
		if s[i-n+1:i+1] == w {
			return true
		}
	}
	return false
}

// wordsInBody is wordsIn on the body's keys (bodyKeys) before they are
// made: a word holds no white space, so it is in the keys when it is in
// one of their lines. It makes no string for a name without capitals.
func (q query) wordsInBody(b *catalog.Body) bool {
	name, region := lower(b.Name), lower(b.Region)
	for _, w := range q.words {
		if !contains(name, w) && !contains(b.Search, w) && !contains(region, w) {
			return false
		}
	}
	return true
}

// bodyKeys is what a query's words are looked for in: the body's name and
// region in lower case, and its search keys, a line each.
func bodyKeys(b *catalog.Body) string {
	return lower(b.Name) + "\n" + b.Search + "\n" + lower(b.Region)
}

// lower is strings.ToLower, quick on Chinese: strings.ToLower looks up
// every character of a name that is not ASCII in Unicode's case tables
// (64 ms of a keystroke over 50,000 bodies at 4x CPU), and the characters
// from U+3000 to U+9FFF (CJK symbols, kana, ideographs: three bytes of
// UTF-8 led by 0xE3–0xE9) have no lower case.
func lower(s string) string {
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c < utf8.RuneSelf && (c < 'A' || c > 'Z'):
			i++
		case c >= 0xe3 && c <= 0xe9 && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80:
			i += 3
		default:
			return strings.ToLower(s)
		}
	}
	return s
}

// runeSig is a set of characters in 256 bits, each character's bit picked
// by a hash: a body's keys whose set lacks a bit of a query's cannot hold
// the query, and are not searched. Looking through every body's keys for
// a word was most of a keystroke's time in a catalog of tens of thousands
// of bodies (make scale).
type runeSig [4]uint64

func (s *runeSig) add(text string) {
	for i := 0; i < len(text); {
		// The character: ASCII and three bytes (Chinese) decoded here
		// (a call to the runtime's decoder for each took most of the
		// keys' making in WebAssembly), the rest by the decoder.
		var r rune
		switch c := text[i]; {
		case c < utf8.RuneSelf:
			r = rune(c)
			i++
		case c >= 0xe1 && c <= 0xec && i+2 < len(text) && text[i+1]&0xc0 == 0x80 && text[i+2]&0xc0 == 0x80:
			r = rune(c&0x0f)<<12 | rune(text[i+1]&0x3f)<<6 | rune(text[i+2]&0x3f)
			i += 3
		default:
			var n int
			r, n = utf8.DecodeRuneInString(text[i:])
			i += n
		}
		h := uint32(r) * 2654435761 >> 24 // Fibonacci hashing to 8 bits
		s[h>>6] |= 1 << (h & 63)
	}
}

// holds says whether s has every bit of w.
func (s runeSig) holds(w runeSig) bool {
	return s[0]&w[0] == w[0] && s[1]&w[1] == w[1] && s[2]&w[2] == w[2] && s[3]&w[3] == w[3]
}

// indexKeys is every body's keys and their characters' set, made once per
// index a slice of bodies at a time (makeSearchKeys): those of the first
// made bodies are there.
var indexKeys struct {
	mu    sync.Mutex
	index *catalog.Index
	keys  []string
	sigs  []runeSig
	made  int
}

// searchKeys is the keys (bodyKeys) and characters' sets of the index's
// bodies made so far: those of its first made bodies.
func searchKeys(x *catalog.Index) (keys []string, sigs []runeSig, made int) {
	indexKeys.mu.Lock()
	defer indexKeys.mu.Unlock()
	if indexKeys.index != x {
		return nil, nil, 0
	}
	return indexKeys.keys, indexKeys.sigs, indexKeys.made
}

// makeSearchKeys makes the index's keys and sets, a slice of bodies at a
// time with a pause between (in the browser yieldToBrowser, which gives
// the page's thread back), once per index: a call while they are made, or after,
// returns at once. A keystroke meanwhile looks for its words in the
// fields of the bodies not yet made (query.wordsInBody). The first
// keystroke used to make them all: 55–66 ms of WebAssembly at 10,000
// bodies without a slowdown, 278 ms at 50,000 and 4x CPU in make scale.
// Without a pause (nil) it makes them all at once.
func makeSearchKeys(x *catalog.Index, pause func()) {
	// A slice of bodies at a time, as many as keysSlice allows: a pause
	// is at least 4 ms in a browser (its timers' clamp), which slices of a
	// fixed 100 bodies made most of the keys' time (2–3 s at 50,000
	// bodies, 4x CPU, where their making took 0.3 s).
	const keysSlice = 8 * time.Millisecond
	n := len(x.Bodies)
	indexKeys.mu.Lock()
	if indexKeys.index == x {
		indexKeys.mu.Unlock()
		return
	}
	keys, sigs := make([]string, n), make([]runeSig, n)
	indexKeys.index, indexKeys.keys, indexKeys.sigs, indexKeys.made = x, keys, sigs, 0
	indexKeys.mu.Unlock()
	for from := 0; from < n; {
		if pause != nil && from > 0 {
			pause()
		}
		to, start := from, time.Now()
		for to < n && (to-from < 50 || time.Since(start) < keysSlice) {
			for end := min(to+50, n); to < end; to++ {
				keys[to] = bodyKeys(&x.Bodies[to])
				sigs[to].add(keys[to])
			}
		}
		from = to
		indexKeys.mu.Lock()
		if indexKeys.index != x { // another index since
			indexKeys.mu.Unlock()
			return
		}
		indexKeys.made = to
		indexKeys.mu.Unlock()
	}
}

// figuresPause is how long typing pauses before the catalog fetches the
// figures of the rows it shows; until then they say 载入中.
const figuresPause = 150 * time.Millisecond

// reports is the page at "/reports" (全部报告): every report the site
// ships. In the browser, a search as you type and filters by year, level,
// template and consistency, a sort by any key figure, pages of 25, and a
// choice of reports to compare, all in the URL. Prerendered, and so without
// the WebAssembly, it is a plain list of the bodies and their years, in
// pages of PlainPerPage (/reports, /reports/2…).
type reports struct {
	page
	f       catalogFilter
	matched int              // how many reports pass the filter
	rows    []*catalog.Entry // those of the page in view
	rev     int              // counts changes of rows, for catalogRows
	fetches int              // counts the rows' figures asked for (fetchFigures)
	years   []string
	// sorting: the sort asked for reads figures still on their way;
	// blockErr: figures that did not arrive.
	sorting  bool
	blockErr error
	// address writes the filter into the address bar; flushAddress,
	// a click's listener, writes a keystroke's at once.
	address      addressWriter
	flushAddress app.Func
}

// figureSort says whether a sort reads every report's figures.
func figureSort(key string) bool { return key != "" && key != "name" }

// needs the rows of the page the address asks for, or every entry for a
// sort by a figure.
func (p *reports) needs(x *catalog.Index) []*catalog.Entry {
	f := filterFromURL(p.v.url)
	if figureSort(f.Sort) {
		return x.Entries()
	}
	_, rows := f.matchInRange(x)
	return rows
}

// matchInRange is match on the filter's page, or on its last page when
// there are fewer: the page the catalog shows.
func (f *catalogFilter) matchInRange(x *catalog.Index) (n int, page []*catalog.Entry) {
	n, page = f.match(x)
	if pages := max((n+pageSize-1)/pageSize, 1); f.Page > pages {
		f.Page = pages
		n, page = f.match(x)
	}
	return n, page
}

func (p *reports) prepareIndex(x *catalog.Index) {
	p.f = filterFromURL(p.v.url)
	p.years = x.Years()
	p.blockErr = nil
	p.apply(nil)
	if app.IsClient {
		go makeSearchKeys(x, yieldToBrowser)
	}
}

// apply filters again, keeps the page within range and writes the filter
// into the address bar (replacing, not adding, a history entry: a keystroke
// is not a page). The rows' figures, and every report's for a sort by a
// figure, are fetched when they are not there yet (catalog.Split), and
// the rows shown again when they arrive: until then a sort by a figure
// lists in the catalog's first order, and a row's figures say 载入中.
func (p *reports) apply(ctx app.Context) { p.applyTyped(ctx, false) }

// applyTyped is apply; typing says a keystroke asked for it, whose
// address is written once typing pauses.
func (p *reports) applyTyped(ctx app.Context, typing bool) {
	x := p.v.index
	if x == nil {
		return
	}
	p.rev++
	f := p.f
	p.sorting = figureSort(f.Sort) && !x.Whole()
	if p.sorting {
		f.Sort = ""
	}
	p.matched, p.rows = f.matchInRange(x)
	p.f.Page = f.Page
	if ctx != nil && app.IsClient && p.blockErr == nil {
		p.fetches++
		if !typing {
			p.fetchFigures(ctx)
		} else {
			// Once typing pauses: a keystroke's own task only filters and
			// shows (starting the fetches of a page of rows' blocks took it
			// 100 of 144 ms at 50,000 reports, 4x CPU), and the rows of a
			// word half typed are never fetched.
			asked := p.fetches
			ctx.After(figuresPause, func(ctx app.Context) {
				ctx.PreventUpdate() // nothing changed yet
				if p.Mounted() && p.fetches == asked {
					collectWhileIdle()
					if p.blockErr == nil {
						p.fetchFigures(ctx)
					}
				}
			})
		}
	}
	if app.IsClient {
		p.address.write(siteURL(p.f.href()), typing)
	}
}

// fetchFigures fetches the figures the rows shown need (every report's
// for a sort by a figure) when they are not there yet, and shows the rows
// again when they arrive.
func (p *reports) fetchFigures(ctx app.Context) {
	x := p.v.index
	need := p.rows
	if p.sorting {
		need = x.Entries()
	}
	if len(x.Missing(need)) == 0 {
		return
	}
	ctx.Async(func() {
		err := loadEntries(x, need)
		ctx.Dispatch(func(ctx app.Context) {
			if !p.Mounted() || p.v.index != x {
				return
			}
			p.blockErr = err
			if p.sorting || err != nil {
				p.apply(ctx) // the order, or the note
				return
			}
			p.rev++ // the same rows, with their figures
			// Once they are shown.
			ctx.Defer(func(app.Context) { collectWhileIdle() })
		})
	})
}

// OnMount lets a click anywhere on the page write the search typed
// (addressWriter) before the click is acted on: a listener on the window,
// in the capture phase, comes before the page's others.
func (p *reports) OnMount(ctx app.Context) {
	p.flushAddress = app.FuncOf(func(app.Value, []app.Value) any {
		p.address.flush()
		return nil
	})
	app.Window().Call("addEventListener", "click", p.flushAddress, true)
}

func (p *reports) OnDismount() {
	p.address.drop()
	if p.flushAddress != nil {
		app.Window().Call("removeEventListener", "click", p.flushAddress, true)
		p.flushAddress.Release()
		p.flushAddress = nil
	}
}

func (p *reports) Render() app.UI {
	var content []app.UI
	if x := p.v.index; x != nil {
		if app.IsClient {
			content = p.interactive(x)
		} else {
			content = p.plain(x)
		}
	}
	return layout(p.v, "/reports", "全部报告", content)
}

// PlainPerPage is how many bodies a page of the catalog without the
// WebAssembly lists: its first page (/reports) and each next (/reports/2…)
// stay the same size however many bodies the site has.
const PlainPerPage = 100

// PlainPages is the paths of the catalog's plain pages after its first,
// for a site of n bodies: what the build prerenders.
func PlainPages(n int) []string {
	var out []string
	for i := 2; (i-1)*PlainPerPage < n; i++ {
		out = append(out, plainPath(i))
	}
	return out
}

// plainPath is the path of the catalog's plain page n.
func plainPath(n int) string {
	if n <= 1 {
		return "/reports"
	}
	return "/reports/" + strconv.Itoa(n)
}

// plainNumber is the number of the catalog's plain page at the path.
func plainNumber(path string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(path, "/reports/"))
	if err != nil || n < 1 {
		return 1
	}
	return n
}

// plain is the catalog without the WebAssembly: the bodies of one page
// (PlainPerPage) with their years' reports as links.
func (p *reports) plain(x *catalog.Index) []app.UI {
	pages := max((len(x.Bodies)+PlainPerPage-1)/PlainPerPage, 1)
	n := min(plainNumber(p.v.url.Path), pages)
	from, to := (n-1)*PlainPerPage, min(n*PlainPerPage, len(x.Bodies))
	byBody := make([][]*catalog.Entry, to-from)
	for i := range x.Reports {
		if e := &x.Reports[i]; e.Body >= from && e.Body < to {
			byBody[e.Body-from] = append(byBody[e.Body-from], e)
		}
	}
	intro := fmt.Sprintf("本站收录 %d 个机关的 %d 份报告。选择机关查看其历年变化，选择年度查看该年报告。", len(x.Bodies), len(x.Reports))
	return []app.UI{
		// The page's range is its own element: the site's script hides it
		// while it lists the bodies a search finds over every page.
		app.Elem("p").Body(app.Text(intro), app.If(pages > 1, app.Elem("span").Class("plain-range").
			Text(fmt.Sprintf("本页列出按名称排列的第 %d–%d 个机关（第 %d / %d 页）。", from+1, to, n, pages)))),
		// A search the site's script answers at once on this list (see
		// web/js/quick.js), and the address's filters with the words of
		// data-filters, while the app, which the first keystroke starts,
		// brings the catalog's selects, rows and sorting.
		app.Elem("form").Class("catalog-filters catalog-quick").Role("search").Aria("label", "查找报告").
			DataSet("filters", filterLabels()).Body(
			app.Elem("div").Class("field field-search").Body(
				app.Elem("label").Attr("for", "catalog-q").Text("机关名称"),
				app.ElemSelfClosing("input").Attr("type", "search").ID("catalog-q").Attr("name", "q").
					Attr("placeholder", "输入机关名称的任意部分").Attr("autocomplete", "off"),
			),
		),
		app.Elem("p").ID("catalog-count").Class("catalog-count").Aria("live", "polite"),
		app.Elem("ul").Class("catalog-plain").DataSet("pages", pages).Body(
			app.Range(byBody).Slice(func(i int) app.UI {
				b, es := x.Bodies[from+i], byBody[i]
				years := make([]string, len(es))
				for j, e := range es {
					years[j] = strconv.Itoa(e.Year)
				}
				return app.Elem("li").DataSet("search", plainKeys(&b)).
					DataSet("years", strings.Join(years, " ")).Body(
					app.Elem("a").Class("body-link").Attr("href", siteURL(BodyPath(b.ID))).Text(b.Name),
					app.Elem("span").Class("years").Body(
						app.Range(es).Slice(func(j int) app.UI {
							e := es[j]
							return app.Elem("a").Class("year-link").Attr("href", siteURL(ReportPath(e.ID, "/"))).
								Aria("label", fmt.Sprintf("%s%d年报告", b.Name, e.Year)).Text(strconv.Itoa(e.Year))
						}),
					),
				)
			}),
		),
		app.If(pages > 1, plainPager(n, pages)),
	}
}

// catalogFormats are the template versions the catalog filters by
// (?format=), with their words.
var catalogFormats = []struct{ key, label string }{{data.Format2019, "2019年版"}, {data.Format2021, "2021年版"}}

// filterLabels are the words of the catalog's filters by their values in
// the address (level, format, status), as the app's selects show them: the
// site's script says with them which filters a link asks for before the
// app runs, and answers only those it has words for (web/js/quick.js).
func filterLabels() string {
	m := map[string]map[string]string{"level": {}, "format": {}, "status": {}}
	for _, l := range catalog.Levels {
		m["level"][l] = l
	}
	for _, v := range catalogFormats {
		m["format"][v.key] = v.label
	}
	for _, c := range catalog.Consistencies {
		m["status"][string(c)] = c.Label()
	}
	b, err := json.Marshal(m)
	if err != nil {
		panic(err) // maps of strings
	}
	return string(b)
}

// plainKeys are a body's search keys as the plain catalog's list gives
// them to the site's script (web/js/quick.js, query.js bodiesOf: the same
// from the directory).
func plainKeys(b *catalog.Body) string {
	return strings.ToLower(b.Name + " " + b.Region + " " + b.Search)
}

// plainPager links the plain catalog's pages: the one before and after,
// and every page by its number.
func plainPager(n, pages int) app.UI {
	nums := make([]int, pages)
	for i := range nums {
		nums[i] = i + 1
	}
	return app.Elem("nav").Class("pager plain-pager").Aria("label", "机关列表分页").Body(
		app.If(n > 1, app.Elem("a").Class("button").Attr("href", siteURL(plainPath(n-1))).Text("上一页")),
		app.Elem("span").Text(fmt.Sprintf("第 %d / %d 页", n, pages)),
		app.If(n < pages, app.Elem("a").Class("button").Attr("href", siteURL(plainPath(n+1))).Text("下一页")),
		app.Elem("ul").Class("page-numbers").Body(
			app.Range(nums).Slice(func(i int) app.UI {
				a := app.Elem("a").Attr("href", siteURL(plainPath(nums[i]))).Aria("label", fmt.Sprintf("第 %d 页", nums[i])).Text(strconv.Itoa(nums[i]))
				if nums[i] == n {
					a = a.Aria("current", "page")
				}
				return app.Elem("li").Body(a)
			}),
		),
	)
}

func (p *reports) interactive(x *catalog.Index) []app.UI {
	f := p.f
	pages := max((p.matched+pageSize-1)/pageSize, 1)
	option := func(value, label, current string) app.HTMLElem {
		return app.Elem("option").Attr("value", value).Attr("selected", value == current).Text(label)
	}
	sel := func(id, label, current string, set func(string), opts ...app.UI) app.UI {
		return app.Elem("div").Class("field").Body(
			app.Elem("label").Attr("for", id).Text(label),
			app.Elem("select").ID(id).OnChange(func(ctx app.Context, e app.Event) {
				set(ctx.JSSrc().Get("value").String())
				p.f.Page = 1
				p.apply(ctx)
			}).Body(opts...),
		)
	}
	var years, levels, statuses, sorts []app.UI
	years = append(years, option("", "全部年度", f.Year))
	for _, y := range p.years {
		years = append(years, option(y, y+"年", f.Year))
	}
	levels = append(levels, option("", "全部层级", f.Level))
	for _, l := range catalog.Levels {
		levels = append(levels, option(l, l, f.Level))
	}
	formats := []app.UI{option("", "全部版本", f.Format)}
	for _, v := range catalogFormats {
		formats = append(formats, option(v.key, v.label, f.Format))
	}
	statuses = append(statuses, option("", "全部", f.Status))
	for _, c := range catalog.Consistencies {
		statuses = append(statuses, option(string(c), c.Label(), f.Status))
	}
	for _, s := range catalogSorts {
		sorts = append(sorts, option(s.key, s.label, f.Sort))
	}
	page := func(n int) string { g := f; g.Page = n; return g.href() }
	return []app.UI{
		app.Elem("form").Class("catalog-filters").Role("search").Aria("label", "查找报告").
			OnSubmit(func(ctx app.Context, e app.Event) { e.PreventDefault() }).Body(
			app.Elem("div").Class("field field-search").Body(
				app.Elem("label").Attr("for", "catalog-q").Text("机关名称"),
				app.ElemSelfClosing("input").Attr("type", "search").ID("catalog-q").Attr("name", "q").Attr("value", f.Q).
					Attr("placeholder", "输入机关名称的任意部分").Attr("autocomplete", "off").
					OnInput(func(ctx app.Context, e app.Event) {
						p.f.Q = strings.TrimSpace(ctx.JSSrc().Get("value").String())
						p.f.Page = 1
						p.applyTyped(ctx, true)
					}),
			),
			sel("catalog-year", "年度", f.Year, func(v string) { p.f.Year = v }, years...),
			sel("catalog-level", "层级", f.Level, func(v string) { p.f.Level = v }, levels...),
			sel("catalog-format", "统一格式", f.Format, func(v string) { p.f.Format = v }, formats...),
			sel("catalog-status", "数据校验", f.Status, func(v string) { p.f.Status = v }, statuses...),
			sel("catalog-sort", "排序", f.Sort, func(v string) { p.f.Sort = v }, sorts...),
		),
		app.Elem("p").ID("catalog-count").Class("catalog-count").Aria("live", "polite").
			Text(fmt.Sprintf("找到 %d 份报告（共 %d 份）%s%s", p.matched, len(x.Reports), pageNote(f.Page, pages), p.figuresNote())),
		app.If(len(f.Compare) > 0, app.Elem("p").Class("compare-bar").Body(
			app.Text(fmt.Sprintf("已选 %d 份报告。", len(f.Compare))),
			app.If(len(f.Compare) >= 2, app.Elem("a").Class("button").ID("open-compare").Attr("href", siteURL(compareHref(f.Compare))).Text("比较所选报告")).
				Else(app.Elem("span").Text("再选一份即可比较。")),
		)),
		app.If(p.matched == 0, p.empty()),
		app.Elem("div").Class("table-wrap").TabIndex(0).Role("region").Aria("label", "报告列表").Hidden(p.matched == 0).Body(
			app.Elem("table").Class("catalog").Body(
				app.Elem("caption").Text("报告列表"),
				app.Elem("thead").Body(app.Elem("tr").Body(
					app.Elem("th").Attr("scope", "col").Text("机关"),
					app.Elem("th").Attr("scope", "col").Text("年度"),
					app.Elem("th").Attr("scope", "col").Text("层级"),
					app.Elem("th").Attr("scope", "col").Text("统一格式"),
					app.Elem("th").Attr("scope", "col").Text("数据校验"),
					app.Elem("th").Attr("scope", "col").Text("本年新收"),
					app.Elem("th").Attr("scope", "col").Text("本年办理"),
					app.Elem("th").Attr("scope", "col").Text("公开比例"),
					app.Elem("th").Attr("scope", "col").Text("行政复议"),
					app.Elem("th").Attr("scope", "col").Text("比较"),
				)),
				&catalogRows{Page: p, Rev: p.rev},
			),
		),
		app.Elem("nav").Class("pager").Aria("label", "分页").Body(
			app.If(f.Page > 1, app.Elem("a").Class("button").Attr("href", siteURL(page(f.Page-1))).Text("上一页")),
			app.Elem("span").Text(fmt.Sprintf("第 %d / %d 页", f.Page, pages)),
			app.If(f.Page < pages, app.Elem("a").Class("button").Attr("href", siteURL(page(f.Page+1))).Text("下一页")),
		),
	}
}

// empty says why no report matches, and offers to clear the search and
// the filters.
func (p *reports) empty() app.UI {
	f := p.f
	var why []string
	if f.Q != "" {
		why = append(why, fmt.Sprintf("名称、地区或拼音含“%s”", f.Q))
	}
	if f.Year != "" {
		why = append(why, f.Year+"年")
	}
	if f.Level != "" {
		why = append(why, "层级为"+f.Level)
	}
	if f.Format != "" {
		why = append(why, f.Format+"年版统一格式")
	}
	if f.Status != "" {
		why = append(why, "数据校验为"+catalog.Consistency(f.Status).Label())
	}
	clear := catalogFilter{Compare: f.Compare, Sort: f.Sort, Page: 1}
	return app.Elem("div").Class("empty-result").Role("status").Body(
		app.Elem("p").Text("没有同时符合这些条件的报告："+strings.Join(why, "，")+"。"),
		app.Elem("p").Text("可以换一种写法（机关名称的一部分，如“某某区政府”；拼音或拼音首字母；地区或省份），去掉年度或其他筛选，或清除全部条件。"),
		app.Elem("p").Body(app.Elem("a").Class("button").ID("clear-filters").Attr("href", siteURL(clear.href())).Text("清除搜索和筛选")),
	)
}

// figuresNote says when the figures a sort or a row needs are on their
// way or did not arrive.
func (p *reports) figuresNote() string {
	switch {
	case p.blockErr != nil:
		return "。" + loadError("各报告的数字", p.blockErr).Error()
	case p.sorting:
		return "。排序所需的各报告数字正在载入，载入前按年度排列。"
	}
	return ""
}

func pageNote(page, pages int) string {
	if pages <= 1 {
		return ""
	}
	return fmt.Sprintf("，第 %d / %d 页", page, pages)
}

// toggle adds the report to the comparison or takes it out.
func (p *reports) toggle(ctx app.Context, id string) {
	if slices.Contains(p.f.Compare, id) {
		p.f.Compare = slices.DeleteFunc(p.f.Compare, func(s string) bool { return s == id })
	} else if len(p.f.Compare) < maxCompare {
		p.f.Compare = append(p.f.Compare, id)
	}
	p.apply(ctx)
}
