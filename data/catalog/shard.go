package catalog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
)

// The index as a site ships it: a directory and blocks.
//
// At tens of thousands of reports the whole index is megabytes, most of it
// key figures and pack names that the catalog's search, its filters and
// its count do not read. A site ships it in two parts:
//
//   - the directory (index.json): every body with its search keys, and
//     every report's body, year, template and what its consistency is made
//     of: what a search, a filter and a count read;
//   - blocks (index/<n>.<hash>.json), each the key figures, marks and pack
//     of the reports of Per consecutive bodies: what a row of the catalog
//     shows, a sort by a figure, a body's page, a comparison or a ranking
//     reads, fetched when one of them needs it.
//
// Until its block is merged (Merge), an entry read from a directory is
// Partial: its figures and pack are not there.

// BlockBodies is how many bodies' reports a block holds by default: at
// about five reports a body, some 3 kB of brotli a block.
const BlockBodies = 32

// directory is the directory's JSON.
type directory struct {
	Bodies []Body   `json:"bodies"`
	Per    int      `json:"per"`
	Blocks []string `json:"blocks"`
	Format []string `json:"formats"`
	// R is each report, in the index's order: its body less the report
	// before's, its year, its template (an index into Format), its
	// findings, recovered numbers, cross-year findings and 1 if the index
	// holds its previous year, trailing zeros left out (a few bytes a
	// report: the directory stays small at tens of thousands).
	R [][]int `json:"r"`
	// IDs are the reports whose ID is not their body's and their year
	// joined by "-", by position.
	IDs map[int]string `json:"ids,omitempty"`
}

// blockEntry is a report's part of a block.
type blockEntry struct {
	Figures [numKeys]int64 `json:"k"`
	Broken  uint32         `json:"kb,omitempty"`
	Lost    uint32         `json:"kl,omitempty"`
	// Hash is the pack's when its file is r/<id>.<hash>.json.gz
	// (PackName), Pack the file otherwise.
	Hash string `json:"h,omitempty"`
	Pack string `json:"p,omitempty"`
}

// Block is the block that holds an entry's figures.
func (x *Index) Block(e *Entry) int {
	if x.Per <= 0 {
		return 0
	}
	return e.Body / x.Per
}

// Missing is the blocks, in order and each once, whose entries among es
// are partial: what to fetch and merge before reading their figures.
func (x *Index) Missing(es []*Entry) []int {
	var out []int
	seen := map[int]bool{}
	for _, e := range es {
		if b := x.Block(e); e.Partial && !seen[b] {
			seen[b] = true
			out = append(out, b)
		}
	}
	slices.Sort(out)
	return out
}

// AllMissing is every block not merged yet.
func (x *Index) AllMissing() []int { return x.Missing(x.Entries()) }

// Entries is every entry of the index.
func (x *Index) Entries() []*Entry {
	es := make([]*Entry, len(x.Reports))
	for i := range x.Reports {
		es[i] = &x.Reports[i]
	}
	return es
}

// Whole says whether no entry is partial: every block merged (a count
// kept by ParseDirectory and Merge, for a keystroke to ask).
func (x *Index) Whole() bool { return x.partial == 0 }

// PackName is the file, under PacksDir, of a report's pack whose content
// hashes to hash: what the build writes, and a block names by its hash.
// The file is the pack's JSON compressed with gzip, the only copy kept:
// only the site's scripts read it, and they inflate it (web/js/pack.js),
// so the JSON and its .br beside it, seven times its size, are not kept.
func PackName(id, hash string) string { return "r/" + id + "." + hash + ".json.gz" }

// InBlock is the positions in Reports of block i's entries, in order
// (worked out once for every block).
func (x *Index) InBlock(i int) []int {
	if x.inBlock == nil {
		x.inBlock = map[int][]int{}
		for j := range x.Reports {
			b := x.Block(&x.Reports[j])
			x.inBlock[b] = append(x.inBlock[b], j)
		}
	}
	return x.inBlock[i]
}

// Split writes the index as a directory and blocks of per bodies each.
// name gives block i's file (under PacksDir) from its bytes: the directory
// names them.
func (x *Index) Split(per int, name func(i int, b []byte) string) (dir []byte, blocks [][]byte, err error) {
	if per <= 0 {
		per = BlockBodies
	}
	d := directory{Bodies: x.Bodies, Per: per, IDs: map[int]string{}}
	n := (len(x.Bodies) + per - 1) / per
	parts := make([][]blockEntry, n)
	format := map[string]int{}
	prev := 0
	for i := range x.Reports {
		e := &x.Reports[i]
		if e.Body < 0 || e.Body >= len(x.Bodies) {
			return nil, nil, fmt.Errorf("catalog index, report %q: body %d of %d", e.ID, e.Body, len(x.Bodies))
		}
		f, ok := format[e.Format]
		if !ok {
			f = len(d.Format)
			format[e.Format] = f
			d.Format = append(d.Format, e.Format)
		}
		v := 0
		if e.PrevYear {
			v = 1
		}
		r := []int{e.Body - prev, e.Year, f, e.Findings, e.Recovered, e.CrossYear, v}
		for len(r) > 2 && r[len(r)-1] == 0 {
			r = r[:len(r)-1]
		}
		d.R = append(d.R, r)
		prev = e.Body
		if e.ID != derivedID(&x.Bodies[e.Body], e.Year) {
			d.IDs[i] = e.ID
		}
		be := blockEntry{Figures: e.Figures, Broken: e.Broken, Lost: e.Lost, Pack: e.Pack}
		if h, ok := packHash(e.ID, e.Pack); ok {
			be.Hash, be.Pack = h, ""
		}
		parts[e.Body/per] = append(parts[e.Body/per], be)
	}
	for i, p := range parts {
		b, err := encodeJSON(p)
		if err != nil {
			return nil, nil, err
		}
		blocks = append(blocks, b)
		d.Blocks = append(d.Blocks, name(i, b))
	}
	dir, err = encodeJSON(d)
	return dir, blocks, err
}

// derivedID is the ID a report of the body and year has unless the
// directory says otherwise.
func derivedID(b *Body, year int) string { return b.ID + "-" + strconv.Itoa(year) }

// packHash is the hash in a pack's file named r/<id>.<hash>.json.gz.
func packHash(id, pack string) (string, bool) {
	h, ok := strings.CutPrefix(pack, "r/"+id+".")
	if h, ok = strings.CutSuffix(h, ".json.gz"); !ok || h == "" || strings.Trim(h, "0123456789abcdef") != "" || PackName(id, h) != pack {
		return "", false
	}
	return h, true
}

func encodeJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// ParseDirectory reads a directory written by Split: every entry partial,
// BlockFiles the blocks' files (under PacksDir), each checked as Parse
// checks an index.
func ParseDirectory(b []byte) (*Index, error) { return ParseDirectoryPaused(b, nil) }

// ParseDirectoryPaused is ParseDirectory with pause called every few
// thousand bodies and reports: in the browser, where a directory of 50,000
// reports held the page's thread 1.5 s at 4x CPU in one task, pause gives
// it back.
func ParseDirectoryPaused(b []byte, pause func()) (*Index, error) {
	d, ok := parseDirectoryJSON(b, pause)
	if !ok {
		if err := json.Unmarshal(b, &d); err != nil {
			return nil, fmt.Errorf("catalog directory: %w", err)
		}
	}
	if n := len(d.Bodies); d.Per <= 0 || len(d.Blocks) != n/d.Per+min(n%d.Per, 1) {
		return nil, fmt.Errorf("catalog directory: %d blocks of %d bodies for %d bodies", len(d.Blocks), d.Per, len(d.Bodies))
	}
	for i, f := range d.Blocks {
		if !safeFile(f) {
			return nil, fmt.Errorf("catalog directory: block %d: bad file %q", i, f)
		}
	}
	x := &Index{Bodies: d.Bodies, Per: d.Per, BlockFiles: d.Blocks, Reports: make([]Entry, len(d.R))}
	body := 0
	for i, r := range d.R {
		pauseAt(pause, i)
		var v [7]int
		if len(r) < 2 || len(r) > len(v) {
			return nil, fmt.Errorf("catalog directory, report %d: %d fields", i, len(r))
		}
		copy(v[:], r)
		body += v[0]
		if body < 0 || body >= len(d.Bodies) || v[2] < 0 || v[2] >= len(d.Format) {
			return nil, fmt.Errorf("catalog directory, report %d: body %d of %d, template %d of %d", i, body, len(d.Bodies), v[2], len(d.Format))
		}
		id, ok := d.IDs[i]
		if !ok {
			id = derivedID(&d.Bodies[body], v[1])
		}
		x.Reports[i] = Entry{ID: id, Body: body, Year: v[1], Format: d.Format[v[2]], Findings: v[3], Recovered: v[4],
			CrossYear: v[5], PrevYear: v[6] != 0, Partial: true}
	}
	x.partial = len(x.Reports)
	return x, x.validate()
}

// safeFile says whether a file named in the index is a plain path below
// PacksDir.
func safeFile(f string) bool {
	return f != "" && f != "." && path.Clean(f) == f && !path.IsAbs(f) && !strings.HasPrefix(f, "../") && f != ".." &&
		strings.Trim(f, "abcdefghijklmnopqrstuvwxyz0123456789-._/") == ""
}

// Merge reads block i, written by Split, into the index's entries: their
// figures, marks and packs; they are no longer partial.
func (x *Index) Merge(i int, b []byte) error {
	es, ok := parseBlock(b)
	if !ok {
		if err := json.Unmarshal(b, &es); err != nil {
			return fmt.Errorf("catalog block %d: %w", i, err)
		}
	}
	at := x.InBlock(i)
	if len(at) != len(es) {
		return fmt.Errorf("catalog block %d: %d reports, the directory has %d", i, len(es), len(at))
	}
	// Every entry checked before any is written: a block is merged whole
	// or not at all.
	packs := make([]string, len(at))
	for k, j := range at {
		e, be := &x.Reports[j], es[k]
		packs[k] = be.Pack
		if be.Hash != "" {
			packs[k] = PackName(e.ID, be.Hash)
		}
		if !safeFile(packs[k]) {
			return fmt.Errorf("catalog block %d, report %s: bad pack %q", i, e.ID, packs[k])
		}
	}
	for k, j := range at {
		e, be := &x.Reports[j], es[k]
		if e.Partial {
			x.partial--
		}
		e.Figures, e.Broken, e.Lost, e.Pack, e.Partial = be.Figures, be.Broken, be.Lost, packs[k], false
	}
	return nil
}

// Merged says whether block i's entries are whole.
func (x *Index) Merged(i int) bool {
	for _, j := range x.InBlock(i) {
		if x.Reports[j].Partial {
			return false
		}
	}
	return true
}
