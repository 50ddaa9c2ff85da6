package catalog

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"nianbao/data"
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
		inputs = append(inputs, mutate(r, b))
	}
	for _, b := range inputs {
		sameAsEncodingJSON(t, b, parseBlock)
	}
}

func mutate(r *rand.Rand, b []byte) []byte {
	const alphabet = `[]{}:,"-0123456789.eEkbhlpsrid\ ` + "\x00\xff\xe4"
	b = slices.Clone(b)
	switch i := r.IntN(len(b)); r.IntN(3) {
	case 0:
		b[i] = alphabet[r.IntN(len(alphabet))]
	case 1:
		b = append(b[:i], b[i+1:]...)
	default:
		b = append(b[:i], append([]byte{alphabet[r.IntN(len(alphabet))]}, b[i:]...)...)
	}
	return b
}

// randomDirectory is a directory as Split writes it, of an index of
// bodies with Chinese names, reports of several templates, some with IDs
// of their own.
func randomDirectory(r *rand.Rand, bodies int) []byte {
	x := &Index{}
	for b := range bodies {
		x.Bodies = append(x.Bodies, Body{ID: fmt.Sprintf("b-%d", b), Name: fmt.Sprintf("合成省第%d市教育局", r.IntN(100)), Level: "部门",
			Region: "合成省", Search: "hechengsheng hcs 合成省"})
		for y := range r.IntN(4) {
			e := Entry{ID: fmt.Sprintf("b-%d-%d", b, 2019+y), Body: r.IntN(bodies), Year: 2019 + y, Format: []string{data.Format2019, data.Format2021}[r.IntN(2)],
				Findings: r.IntN(3), Recovered: r.IntN(2), CrossYear: r.IntN(2), PrevYear: r.IntN(2) == 0}
			if r.IntN(5) == 0 {
				e.ID = fmt.Sprintf("其他-%d-%d", b, y)
			}
			x.Reports = append(x.Reports, e)
		}
	}
	dir, _, err := x.Split(1+r.IntN(4), func(i int, b []byte) string { return fmt.Sprintf("index/%d.json", i) })
	if err != nil {
		panic(err)
	}
	return dir
}

// sameAsEncodingJSON says whether parse read b as encoding/json reads it
// into a new T, or left it to encoding/json.
func sameAsEncodingJSON[T any](t *testing.T, b []byte, parse func([]byte) (T, bool)) {
	t.Helper()
	got, ok := parse(b)
	if !ok {
		return
	}
	var dec T
	if err := json.Unmarshal(b, &dec); err != nil {
		t.Fatalf("read %q, which encoding/json refuses: %v", b, err)
	}
	if !reflect.DeepEqual(got, dec) {
		t.Fatalf("read %q as %+v, encoding/json %+v", b, got, dec)
	}
}

// The hand reader reads the directories Split writes as encoding/json
// does, and whatever else it is given it reads so or leaves to
// encoding/json.
func TestParseDirectoryAsEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for _, n := range []int{0, 1, 5, 40} {
		for range 10 {
			b := randomDirectory(r, n)
			if _, ok := parseDirectoryJSON(b, nil); !ok && n > 0 {
				t.Fatalf("refused %s", b)
			}
			sameAsEncodingJSON(t, b, readDirectory)
			for range 200 {
				sameAsEncodingJSON(t, mutate(r, b), readDirectory)
			}
		}
	}
	for _, s := range []string{`{}`, `{"per":1,"per":2}`, `{"ids":{"01":"a"}}`, `{"ids":{"+1":"a"}}`, `{"ids":{"-1":"a","2":"b"}}`,
		`{"bodies":[{"name":"a\u0041"}]}`, `{"bodies":null}`, `{"r":[[1,2],[]]}`, `{"formats":["2019"],"x":1}`, "{\"bodies\":[{\"name\":\"\xff\"}]}"} {
		sameAsEncodingJSON(t, []byte(s), readDirectory)
	}
}

// readDirectory is parseDirectoryJSON without pauses.
func readDirectory(b []byte) (directory, bool) { return parseDirectoryJSON(b, nil) }

// A directory read with pauses is the directory read without, and the
// pauses come every pauseEvery bodies and reports.
func TestParseDirectoryPaused(t *testing.T) {
	x := &Index{}
	for b := range 3 * pauseEvery {
		x.Bodies = append(x.Bodies, Body{ID: fmt.Sprintf("b-%d", b), Name: fmt.Sprintf("合成省第%d局", b), Level: "部门"})
		for y := range 1 + b%3 {
			x.Reports = append(x.Reports, Entry{ID: fmt.Sprintf("b-%d-%d", b, 2019+y), Body: b, Year: 2019 + y, Format: data.Format2021})
		}
	}
	dir, _, err := x.Split(0, func(i int, b []byte) string { return fmt.Sprintf("index/%d.json", i) })
	if err != nil {
		t.Fatal(err)
	}
	want, err := ParseDirectory(dir)
	if err != nil {
		t.Fatal(err)
	}
	pauses := 0
	got, err := ParseDirectoryPaused(dir, func() { pauses++ })
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("the directory read with pauses differs")
	}
	bodies, reports := len(want.Bodies), len(want.Reports)
	if w := (bodies-1)/pauseEvery + 2*((reports-1)/pauseEvery); pauses != w {
		t.Errorf("%d pauses for %d bodies and %d reports, want %d", pauses, bodies, reports, w)
	}
}

func FuzzParseDirectory(f *testing.F) {
	f.Add(randomDirectory(rand.New(rand.NewPCG(11, 12)), 3))
	f.Add([]byte(`{"ids":{"1":"a"},"per":2}`))
	f.Fuzz(func(t *testing.T, b []byte) { sameAsEncodingJSON(t, b, readDirectory) })
}

func FuzzParseBlock(f *testing.F) {
	b, _ := json.Marshal(randomBlock(rand.New(rand.NewPCG(5, 6)), 3))
	f.Add(b)
	f.Add([]byte(`[{"kb":1,"h":"x"}]`))
	f.Fuzz(func(t *testing.T, b []byte) { sameAsEncodingJSON(t, b, parseBlock) })
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

// A directory of 10,000 bodies' reports, by hand and by encoding/json.
func BenchmarkParseDirectory(b *testing.B) {
	dir := randomDirectory(rand.New(rand.NewPCG(13, 14)), 10000)
	b.Run("hand", func(b *testing.B) {
		for b.Loop() {
			if _, ok := parseDirectoryJSON(dir, nil); !ok {
				b.Fatal("refused")
			}
		}
	})
	b.Run("encoding/json", func(b *testing.B) {
		for b.Loop() {
			var d directory
			if err := json.Unmarshal(dir, &d); err != nil {
				b.Fatal(err)
			}
		}
	})
}
