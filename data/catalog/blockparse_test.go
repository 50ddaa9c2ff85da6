package catalog

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

// randomBlock is a block of n entries as Split writes them, with the
// figures' extremes and every optional field left out or not.
func randomBlock(r *rand.Rand, n int) []blockEntry {
	es := make([]blockEntry, n)
	for i := range es {
		e := &es[i]
		for k := range e.Figures {
			switch r.IntN(8) {
			case 0:
				e.Figures[k] = r.Int64()
			case 1:
				e.Figures[k] = -r.Int64N(1000)
			case 2:
				e.Figures[k] = math.MaxInt64
			case 3:
				e.Figures[k] = math.MinInt64
			default:
				e.Figures[k] = r.Int64N(100)
			}
		}
		if r.IntN(3) == 0 {
			e.Broken = r.Uint32()
		}
		if r.IntN(3) == 0 {
			e.Lost = math.MaxUint32
		}
		switch r.IntN(3) {
		case 0:
			e.Hash = "0123456789ab"
		case 1:
			e.Pack = "r/a-b_c.json.gz"
		}
	}
	return es
}

// The hand reader reads what Split writes as encoding/json does.
func TestParseBlockReadsWhatSplitWrites(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 7, 160} {
		for range 20 {
			want := randomBlock(r, n)
			b, err := json.Marshal(want)
			if err != nil {
				t.Fatal(err)
			}
			got, ok := parseBlock(b)
			if !ok {
				t.Fatalf("parseBlock refused %s", b)
			}
			var dec []blockEntry
			if err := json.Unmarshal(b, &dec); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, dec) {
				t.Fatalf("parseBlock(%s) = %+v, encoding/json %+v", b, got, dec)
			}
		}
	}
}

// Whatever else it is given, it reads as encoding/json does or leaves it
// to encoding/json: blocks with bytes changed, dropped or added, and JSON
// that Split does not write.
func TestParseBlockAcceptsNothingElse(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var inputs [][]byte
	for _, s := range []string{
		`null`, `[]`, `[{}]`, ` []`, `[] `, `[{"k":[1]}]`, `[{"K":[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}]`,
		`[{"kb":-1}]`, `[{"kb":4294967296}]`, `[{"kb":1.0}]`, `[{"kl":1e2}]`, `[{"kl":01}]`, `[{"h":"a\"b"}]`,
		`[{"h":"\u0041"}]`, `[{"p":"中"}]`, `[{"x":1}]`, `[{"h":"a","h":"b"}]`, `[{"k":[-0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}]`,
		`[{"k":[9223372036854775808,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}]`, `[{},]`, `[{}`, `[{"kb":}]`,
	} {
		inputs = append(inputs, []byte(s))
	}
	for range 3000 {
		b, _ := json.Marshal(randomBlock(r, 1+r.IntN(3)))
		const alphabet = `[]{}:,"-0123456789.eEkbhlp\ ` + "\x00\xff"
		switch i := r.IntN(len(b)); r.IntN(3) {
		case 0:
			b[i] = alphabet[r.IntN(len(alphabet))]
		case 1:
			b = append(b[:i], b[i+1:]...)
		default:
			b = append(b[:i], append([]byte{alphabet[r.IntN(len(alphabet))]}, b[i:]...)...)
		}
		inputs = append(inputs, b)
	}
	for _, b := range inputs {
		got, ok := parseBlock(b)
		if !ok {
			continue
		}
		var dec []blockEntry
		if err := json.Unmarshal(b, &dec); err != nil {
			t.Errorf("parseBlock read %q, which encoding/json refuses: %v", b, err)
		} else if !reflect.DeepEqual(got, dec) {
			t.Errorf("parseBlock(%q) = %+v, encoding/json %+v", b, got, dec)
		}
	}
}

func FuzzParseBlock(f *testing.F) {
	b, _ := json.Marshal(randomBlock(rand.New(rand.NewPCG(5, 6)), 3))
	f.Add(b)
	f.Add([]byte(`[{"kb":1,"h":"x"}]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		got, ok := parseBlock(b)
		if !ok {
			return
		}
		var dec []blockEntry
		if err := json.Unmarshal(b, &dec); err != nil {
			t.Fatalf("parseBlock read %q, which encoding/json refuses: %v", b, err)
		}
		if !reflect.DeepEqual(got, dec) {
			t.Fatalf("parseBlock(%q) = %+v, encoding/json %+v", b, got, dec)
		}
	})
}

// A block of 160 reports as a site's: small figures, a pack's hash each.
func BenchmarkMergeBlock(b *testing.B) {
	r := rand.New(rand.NewPCG(7, 8))
	es := make([]blockEntry, 160)
	for i := range es {
		for k := range 7 {
			es[i].Figures[k] = r.Int64N(30)
		}
		es[i].Hash = "0123456789ab"
	}
	blk, _ := json.Marshal(es)
	b.Run("hand", func(b *testing.B) {
		for b.Loop() {
			if _, ok := parseBlock(blk); !ok {
				b.Fatal("refused")
			}
		}
	})
	b.Run("encoding/json", func(b *testing.B) {
		for b.Loop() {
			var es []blockEntry
			if err := json.Unmarshal(blk, &es); err != nil {
				b.Fatal(err)
			}
		}
	})
}
