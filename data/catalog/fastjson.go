package catalog

import (
	"math"
	"strings"
	"unicode/utf8"
)

// jsonReader reads the JSON that Split writes (encoding/json's output: no
// white space, strings without escapes, whole numbers) by hand; each
// method says false on anything else, and its caller then reads the
// whole file with encoding/json instead (its result, or its error). What
// it accepts it reads as encoding/json would.
//
// In the browser encoding/json goes through reflection for every value:
// the directory of 50,000 reports took about 0.3 s natively, and a page of
// the catalog's rows fetched about 25 blocks, whose decoding held the
// page's thread 250–450 ms at 4x CPU; a sort by a figure reads every
// block.
type jsonReader struct {
	b []byte
	i int
	// s is b as a string, made once: strings read are its substrings
	// (one allocation for every string of a file, which they keep).
	s string
}

func newJSONReader(b []byte) *jsonReader { return &jsonReader{b: b, s: string(b)} }

// done says whether everything was read.
func (r *jsonReader) done() bool { return r.i == len(r.b) }

// next consumes c if it comes next.
func (r *jsonReader) next(c byte) bool {
	if r.i < len(r.b) && r.b[r.i] == c {
		r.i++
		return true
	}
	return false
}

// array reads '[', then elements, each read by elem, separated by
// commas, then ']'.
func (r *jsonReader) array(elem func() bool) bool {
	if !r.next('[') {
		return false
	}
	if r.next(']') {
		return true
	}
	for {
		if !elem() {
			return false
		}
		if r.next(',') {
			continue
		}
		return r.next(']')
	}
}

// object reads '{', then members, each value read by member for its key,
// separated by commas, then '}'.
func (r *jsonReader) object(member func(key string) bool) bool {
	if !r.next('{') {
		return false
	}
	if r.next('}') {
		return true
	}
	for {
		key, ok := r.str()
		if !ok || !r.next(':') || !member(key) {
			return false
		}
		if r.next(',') {
			continue
		}
		return r.next('}')
	}
}

// int reads an integer as JSON writes it: an optional minus, then 0 or
// digits without a leading zero; no fraction or exponent; within an int64.
func (r *jsonReader) int() (int64, bool) {
	neg := r.next('-')
	start := r.i
	var n uint64
	for r.i < len(r.b) && r.b[r.i] >= '0' && r.b[r.i] <= '9' {
		if r.i-start == 19 {
			return 0, false // beyond any int64
		}
		n = n*10 + uint64(r.b[r.i]-'0') // 19 digits fit in a uint64
		r.i++
	}
	digits := r.i - start
	switch {
	case digits == 0 || digits > 1 && r.b[start] == '0':
		return 0, false
	case r.i < len(r.b) && (r.b[r.i] == '.' || r.b[r.i] == 'e' || r.b[r.i] == 'E'):
		return 0, false
	case neg && n > math.MaxInt64+1, !neg && n > math.MaxInt64:
		return 0, false
	case neg:
		return int64(-n), true // -(MaxInt64+1) wraps to MinInt64
	}
	return int64(n), true
}

// uint32 reads a non-negative integer within a uint32.
func (r *jsonReader) uint32() (uint32, bool) {
	if r.i < len(r.b) && r.b[r.i] == '-' {
		return 0, false
	}
	n, ok := r.int()
	if !ok || n > math.MaxUint32 {
		return 0, false
	}
	return uint32(n), true
}

// str reads a string without escapes or control characters, in valid
// UTF-8.
func (r *jsonReader) str() (string, bool) {
	if !r.next('"') {
		return "", false
	}
	start, ascii := r.i, true
	for r.i < len(r.b) {
		c := r.b[r.i]
		switch {
		case c == '"':
			s := r.s[start:r.i]
			r.i++
			if !ascii && !utf8.ValidString(s) {
				return "", false
			}
			return s, true
		case c == '\\' || c < 0x20:
			return "", false
		case c >= 0x80:
			ascii = false
		}
		r.i++
	}
	return "", false
}

// null consumes null if it comes next: a nil slice or map.
func (r *jsonReader) null() bool {
	if len(r.b)-r.i >= 4 && string(r.b[r.i:r.i+4]) == "null" {
		r.i += 4
		return true
	}
	return false
}

// strings reads an array of strings, or null.
func (r *jsonReader) strings() ([]string, bool) {
	if r.null() {
		return nil, true
	}
	out := []string{}
	return out, r.array(func() bool {
		s, ok := r.str()
		out = append(out, s)
		return ok
	})
}

// parseBlock reads a block (Split's []blockEntry); ok is false when the
// caller is to read it with encoding/json.
func parseBlock(b []byte) (es []blockEntry, ok bool) {
	r := newJSONReader(b)
	es = []blockEntry{}
	ok = r.array(func() bool {
		var e blockEntry
		ok := r.object(func(key string) bool {
			var ok bool
			switch key {
			case "k":
				k := 0
				ok = r.array(func() bool {
					if k == len(e.Figures) {
						return false
					}
					n, ok := r.int()
					e.Figures[k] = n
					k++
					return ok
				}) && k == len(e.Figures)
			case "kb":
				e.Broken, ok = r.uint32()
			case "kl":
				e.Lost, ok = r.uint32()
			case "h":
				e.Hash, ok = r.str()
			case "p":
				e.Pack, ok = r.str()
			}
			return ok
		})
		// Their own copies: a block's text is not kept for its hashes.
		e.Hash, e.Pack = strings.Clone(e.Hash), strings.Clone(e.Pack)
		es = append(es, e)
		return ok
	})
	if !ok || !r.done() {
		return nil, false
	}
	return es, true
}

// pauseEvery is how many bodies, or reports, a directory's reading reads
// between pauses (ParseDirectoryPaused).
const pauseEvery = 2000

// pauseAt calls pause, unless nil, before the nth body or report read but
// the first, every pauseEvery.
func pauseAt(pause func(), n int) {
	if pause != nil && n > 0 && n%pauseEvery == 0 {
		pause()
	}
}

// parseDirectoryJSON reads a directory (Split's directory); ok is false
// when the caller is to read it with encoding/json. pause, unless nil, is
// called every pauseEvery bodies and reports.
func parseDirectoryJSON(b []byte, pause func()) (d directory, ok bool) {
	r := newJSONReader(b)
	ok = r.object(func(key string) bool {
		var ok bool
		switch key {
		case "bodies":
			if r.null() {
				d.Bodies = nil
				return true
			}
			d.Bodies = []Body{}
			ok = r.array(func() bool {
				pauseAt(pause, len(d.Bodies))
				var body Body
				ok := r.object(func(key string) bool {
					var ok bool
					switch key {
					case "id":
						body.ID, ok = r.str()
					case "name":
						body.Name, ok = r.str()
					case "level":
						body.Level, ok = r.str()
					case "region":
						body.Region, ok = r.str()
					case "s":
						body.Search, ok = r.str()
					}
					return ok
				})
				d.Bodies = append(d.Bodies, body)
				return ok
			})
		case "per":
			var n int64
			n, ok = r.int()
			d.Per = int(n)
		case "blocks":
			d.Blocks, ok = r.strings()
		case "formats":
			d.Format, ok = r.strings()
		case "r":
			if r.null() {
				d.R = nil
				return true
			}
			d.R = [][]int{}
			slab := make([]int, 0, 1024) // the reports' fields, one after another
			ok = r.array(func() bool {
				pauseAt(pause, len(d.R))
				if r.null() {
					d.R = append(d.R, nil)
					return true
				}
				from := len(slab)
				ok := r.array(func() bool {
					n, ok := r.int()
					slab = append(slab, int(n))
					return ok
				})
				d.R = append(d.R, slab[from:len(slab):len(slab)])
				return ok
			})
		case "ids":
			if r.null() {
				d.IDs = nil
				return true
			}
			if d.IDs == nil { // a key twice: encoding/json adds to the map
				d.IDs = map[int]string{}
			}
			ok = r.object(func(key string) bool {
				n, ok := parseDecimal(key)
				if !ok {
					return false
				}
				d.IDs[n], ok = r.str()
				return ok
			})
		}
		return ok
	})
	if !ok || !r.done() {
		return directory{}, false
	}
	return d, true
}

// parseDecimal reads a map's key as Split writes an int: a minus or not,
// then digits without a leading zero.
func parseDecimal(s string) (int, bool) {
	r := jsonReader{b: []byte(s)}
	n, ok := r.int() // reads no string
	return int(n), ok && r.done()
}
