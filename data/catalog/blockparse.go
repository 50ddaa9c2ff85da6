package catalog

import "math"

// parseBlock reads a block as Split writes it (encoding/json's output
// for []blockEntry: no white space, keys as tagged, plain ASCII strings),
// by hand; ok is false on anything else, which the caller reads with
// encoding/json instead (its result, or its error). What it accepts it
// reads as encoding/json would.
//
// In the browser encoding/json goes through reflection for every value: a
// page of the catalog's rows fetched about 25 blocks at 50,000 reports,
// and decoding them held the page's thread 250–450 ms at 4x CPU; a sort by
// a figure reads every block.
func parseBlock(b []byte) (es []blockEntry, ok bool) {
	p := blockParser{b: b}
	if !p.next('[') {
		return nil, false
	}
	es = []blockEntry{}
	if p.next(']') {
		return es, p.i == len(b)
	}
	for {
		var e blockEntry
		if !p.entry(&e) {
			return nil, false
		}
		es = append(es, e)
		if p.next(',') {
			continue
		}
		if p.next(']') {
			return es, p.i == len(b)
		}
		return nil, false
	}
}

type blockParser struct {
	b []byte
	i int
}

// next consumes c if it comes next.
func (p *blockParser) next(c byte) bool {
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// entry reads one report's object.
func (p *blockParser) entry(e *blockEntry) bool {
	if !p.next('{') {
		return false
	}
	if p.next('}') {
		return true
	}
	for {
		key, ok := p.str()
		if !ok || !p.next(':') {
			return false
		}
		switch key {
		case "k":
			if !p.figures(&e.Figures) {
				return false
			}
		case "kb", "kl":
			n, ok := p.int(false)
			if !ok || n > math.MaxUint32 {
				return false
			}
			if key == "kb" {
				e.Broken = uint32(n)
			} else {
				e.Lost = uint32(n)
			}
		case "h":
			if e.Hash, ok = p.str(); !ok {
				return false
			}
		case "p":
			if e.Pack, ok = p.str(); !ok {
				return false
			}
		default:
			return false
		}
		if p.next(',') {
			continue
		}
		return p.next('}')
	}
}

// figures reads an array of exactly numKeys integers.
func (p *blockParser) figures(f *[numKeys]int64) bool {
	if !p.next('[') {
		return false
	}
	for k := range f {
		if k > 0 && !p.next(',') {
			return false
		}
		n, ok := p.int(true)
		if !ok {
			return false
		}
		f[k] = n
	}
	return p.next(']')
}

// int reads an integer as JSON writes it: an optional minus (when signed),
// then 0 or digits without a leading zero; no fraction or exponent.
func (p *blockParser) int(signed bool) (int64, bool) {
	neg := signed && p.next('-')
	start := p.i
	var n uint64
	for p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9' {
		if p.i-start == 19 {
			return 0, false // beyond any int64
		}
		n = n*10 + uint64(p.b[p.i]-'0') // 19 digits fit in a uint64
		p.i++
	}
	digits := p.i - start
	switch {
	case digits == 0 || digits > 1 && p.b[start] == '0':
		return 0, false
	case p.i < len(p.b) && (p.b[p.i] == '.' || p.b[p.i] == 'e' || p.b[p.i] == 'E'):
		return 0, false
	case neg && n > math.MaxInt64+1, !neg && n > math.MaxInt64:
		return 0, false
	case neg:
		return int64(-n), true // -(MaxInt64+1) wraps to MinInt64
	}
	return int64(n), true
}

// str reads a string of printable ASCII without escapes.
func (p *blockParser) str() (string, bool) {
	if !p.next('"') {
		return "", false
	}
	start := p.i
	for p.i < len(p.b) {
		c := p.b[p.i]
		switch {
		case c == '"':
			s := string(p.b[start:p.i])
			p.i++
			return s, true
		case c == '\\' || c < 0x20 || c > 0x7e:
			return "", false
		}
		p.i++
	}
	return "", false
}
